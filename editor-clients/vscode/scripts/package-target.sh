#!/usr/bin/env bash
# Builds a platform-specific .vsix that carries its own Java runtime, so users need no Java:
#
#   scripts/package-target.sh TARGET        e.g. linux-x64 → arena-ls-linux-x64.vsix
#
# The runtime is made by jlink from the JDK running this script ($JAVA_HOME, else the one `java`
# on PATH belongs to), with the modules the server jar needs (jdeps --print-module-deps) plus those
# `check`'s own runtime image uses (server/scripts/check-runtime.sh), stripped and compressed. jlink
# makes a runtime for its own platform, so run this on (or with a JDK of) the TARGET's platform.
# The runtime must start the server (`selftest`) before it is packed; `runtime/` exists only while
# vsce runs, so the universal .vsix (npm run package) never picks it up.
# The jar: $ARENA_LS_JAR, else ../../server/target/arena-ls.jar. Needs `npm ci` done (vsce, esbuild).
set -euo pipefail
target="${1:?usage: scripts/package-target.sh TARGET (linux-x64, linux-arm64, darwin-x64, darwin-arm64, win32-x64, alpine-x64)}"
here="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$here/../.." && pwd)"
jar="${ARENA_LS_JAR:-$repo/server/target/arena-ls.jar}"
[ -f "$jar" ] || { echo "package-target: the server jar $jar is missing; build it first or set ARENA_LS_JAR" >&2; exit 2; }

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" ]; then jdk="$JAVA_HOME"
else jdk="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"; fi
for tool in jlink jdeps; do
    [ -x "$jdk/bin/$tool" ] || { echo "package-target: $jdk has no $tool: a JDK (not a JRE) is needed" >&2; exit 2; }
done

# the modules: every one the jar refers to, less two it never loads — java.compiler (only Error
# Prone's annotations name it) and java.sql (Gson probes for it and does without) — and those
# `check`'s runtime image holds (the list server/scripts/check-runtime.sh uses). The selftest below
# fails if the server needed one after all.
optional="java.compiler java.sql"
needed="$("$jdk/bin/jdeps" --ignore-missing-deps --list-deps --multi-release 17 "$jar" | sed 's/^ *//; /\//d')"
check_modules="$(sed -n 's/^modules=//p' "$repo/server/scripts/check-runtime.sh" | tr ',' '\n')"
modules="$(printf '%s\n%s\n' "$needed" "$check_modules" | sed '/^$/d' | grep -vxF -e "${optional// /$'\n'}" -e '' | sort -u | paste -sd, -)"
echo "package-target: jlink $jdk → runtime/ with $modules"

runtime="$here/runtime"
rm -rf "$runtime"
trap 'rm -rf "$runtime"' EXIT
# --generate-cds-archive: the runtime's own class-data archive of the JDK classes (lib/server/classes.jsa),
# which a jlink image otherwise lacks: without one the JVM reads and verifies every JDK class it loads,
# and the server answers initialize later (docs/performance-comparison.md, "The editor path")
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --generate-cds-archive --output "$runtime"
# jlink also writes an archive for heaps over 32 GB (uncompressed oops, ~6 MB in the .vsix): the
# server runs with -Xmx1g unless the user asks for more than 32 GB, and then starts without one
rm -f "$runtime/lib/server/classes_nocoops.jsa"
# the runtime must run the server: a short in-process session checks every answer
"$runtime/bin/java" -XX:+UseSerialGC -jar "$jar" selftest

cd "$here"
out="arena-ls-$target.vsix"
rm -f "$out"
ARENA_LS_JAR="$jar" npx vsce package --target "$target" --no-dependencies --skip-license --allow-missing-repository --out "$out"
echo "package-target: $out $(wc -c < "$out") bytes (runtime $(du -sk "$runtime" | cut -f1) KiB unpacked)"
