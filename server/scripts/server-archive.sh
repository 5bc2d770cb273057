#!/bin/sh
# Run by `mvn package` (server/pom.xml) after the jar is shaded: the class-data archive that
# `bin/arena-ls` (the language server) starts from, so an editor's server answers `initialize`
# sooner (docs/performance-comparison.md, "The editor path, from the client's side").
#
#   server/scripts/server-archive.sh JDK TARGET
#
# 1. The classes a session loads: `arena-ls selftest` (an in-process session over pipes: initialize,
#    open, edits, hover, symbols, shutdown) with -XX:DumpLoadedClassList → TARGET/arena-ls-server.classlist.
# 2. A static archive of them (the JDK's own classes included), -Xshare:dump → TARGET/arena-ls-server.jsa,
#    and TARGET/arena-ls-server.made-from naming the JDK (a physical path) that made it.
#
# Static, not a dynamic archive (-XX:ArchiveClassesAtExit): a dynamic archive written at the end of a
# training run keeps the state of methods that run left queued for compilation, and on JDK 17.0.15
# the JIT then never compiles them (the binder's walk interpreted: every reparse ~40x slower). A
# static dump runs nothing. A JVM other than JDK, or a jar newer than the archive, must not be given
# it (such a JVM gives up class sharing altogether): bin/arena-ls checks both.
# Without an archive (the dump failed) the launcher starts the server as before.
set -eu
jdk="$(cd -P "$1" && pwd -P)"
target="$2"
jar="$target/arena-ls.jar"
archive="$target/arena-ls-server.jsa"
list="$target/arena-ls-server.classlist"
log="$target/arena-ls-server-archive.log"
rm -f "$archive" "$list" "$target/arena-ls-server.made-from"
if ! "$jdk/bin/java" -XX:+UseSerialGC -XX:DumpLoadedClassList="$list" -Xlog:disable -Xlog:all=warning:stderr \
        -jar "$jar" selftest > "$log" 2>&1; then
    echo "server-archive: the selftest failed (see $log)" >&2
    exit 1
fi
# the archive's class path is the jar's path as given here; the JVM accepts the same file named otherwise
if "$jdk/bin/java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$archive" \
        -Xlog:disable -Xlog:all=warning:stderr -cp "$jar" >> "$log" 2>&1 && [ -f "$archive" ]; then
    echo "$jdk" > "$target/arena-ls-server.made-from"
else
    rm -f "$archive"
    echo "server-archive: no class-data archive, bin/arena-ls starts the server without one (see $log)" >&2
fi
