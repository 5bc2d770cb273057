#!/bin/sh
# Run by `mvn package` (server/pom.xml) after the jar is shaded: prepares what `bin/arena-ls check`
# starts from, so that a short check process spends less of its life starting a JVM.
#
#   server/scripts/check-runtime.sh JDK TARGET SAMPLE
#
#   JDK     the JDK running the build (${java.home})
#   TARGET  server/target, holding arena-ls.jar
#   SAMPLE  a small tree for the training runs (test-fixtures/sources/sample-project)
#
# 1. TARGET/check-runtime: a runtime image of the JDK with only the modules `check` uses
#    (java.base; jdk.unsupported for Ascii.widen's Unsafe; java.management and jdk.management
#    for --stats), made by jlink with its own class-data archive. A JVM with ~5 modules instead
#    of ~70 resolves its module graph and maps its archive in less time: ~20 ms less from exec to
#    main (docs/check-performance.md, "A runtime of our own"). Made again only when the JDK changes
#    (TARGET/check-runtime/made-from names the JDK; its `release` file is kept beside it).
#    Without jlink (a JRE), or if jlink fails, there is no image and the launcher uses the JDK.
# 2. Class-data archives of the classes `check` loads, one per runtime, recorded by a training run
#    on SAMPLE: TARGET/arena-ls-check.jsa for the image, TARGET/arena-ls-check-jdk.jsa for the JDK
#    itself (used when JAVA or JAVA_HOME picks another JVM than the image). A JVM ignores an
#    archive made by another JVM or for another jar.
#
# Quiet when all goes well (the README's first command builds with -q). The training runs start the
# check the way bin/arena-ls does (-cp JAR, CheckCommand as the main
# class): an archive records the class path it was made with.
set -eu
jdk="$(cd -P "$1" && pwd -P)" # physical: bin/arena-ls compares JAVA_HOME, links resolved, with made-from
target="$2"
sample="$3"
jar="$target/arena-ls.jar"
image="$target/check-runtime"
modules=java.base,jdk.unsupported,java.management,jdk.management

made=""
if [ -f "$image/made-from" ]; then read -r made < "$image/made-from" || true; fi
if [ "$made" != "$jdk" ] || ! cmp -s "$jdk/release" "$image/made-from.release" || [ ! -x "$image/bin/java" ]; then
    rm -rf "$image"
    # (jlink's archive step warns about JDK classes its class list names that the image leaves out)
    if [ -x "$jdk/bin/jlink" ] && "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files \
            --no-man-pages --generate-cds-archive --output "$image" > "$target/check-runtime.log" 2>&1; then
        cp "$jdk/release" "$image/made-from.release"
        echo "$jdk" > "$image/made-from"
    else
        rm -rf "$image"
        echo "check-runtime: no jlink image, bin/arena-ls check will use the JDK (see $target/check-runtime.log)" >&2
    fi
fi

train() { # JAVA ARCHIVE
    rm -f "$2"
    rc=0
    "$1" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms256m -Xmx2g -XX:ArchiveClassesAtExit="$2" \
        -Xlog:disable -Xlog:all=warning:stderr -cp "$jar" dev.arenals.check.CheckCommand --cwd "$sample" \
        > "$2.training.log" 2>&1 || rc=$?
    # the sample project has errors on purpose: exit code 1
    if [ "$rc" -gt 1 ] || [ ! -f "$2" ]; then
        echo "check-runtime: the training run of $1 failed (exit $rc, see $2.training.log)" >&2
        exit 1
    fi
}
train "$jdk/bin/java" "$target/arena-ls-check-jdk.jsa"
if [ -x "$image/bin/java" ]; then
    train "$image/bin/java" "$target/arena-ls-check.jsa"
else
    rm -f "$target/arena-ls-check.jsa"
fi
