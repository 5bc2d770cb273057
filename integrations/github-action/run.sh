#!/usr/bin/env bash
# The steps of the arena-ls GitHub Action (action.yml) after Java is set up: find or build the
# server jar, run `arena-ls check --format github` (annotations on stdout, where the runner reads
# workflow commands), write the SARIF report, and set the step's outputs.
# Inputs come as INPUT_* variables (see action.yml); ARENA_LS_ACTION_PATH is the action's checkout.
# Runs in the working directory the action was given. Exit code: check's, except that errors
# (1) become 0 when INPUT_FAIL_ON_ERROR is false; usage and I/O failures (2) always fail.
set -euo pipefail
action="${ARENA_LS_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}"
paths="${INPUT_PATHS:-.}"
args="${INPUT_ARGS:-}"
sarif="${INPUT_SARIF_FILE-arena-ls.sarif}"
fail_on_error="${INPUT_FAIL_ON_ERROR:-true}"
jar="${INPUT_SERVER_JAR:-}"
out="${GITHUB_OUTPUT:-/dev/null}"
tmp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"

case "$fail_on_error" in true|false) ;; *) echo "::error title=arena-ls::fail-on-error must be true or false, not '$fail_on_error'"; exit 2 ;; esac

java="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; fi
command -v "$java" >/dev/null 2>&1 || { echo "::error title=arena-ls::no Java found: set java-version, or set up Java 17+ before this action"; exit 2; }

# ---- the server jar: given, downloaded, or built from the action's source
case "$jar" in
    https://*|http://*|file://*)
        echo "::group::arena-ls: download $jar"
        target="$tmp/arena-ls-$$.jar"
        curl -fsSL --retry 3 -o "$target" "$jar" || { echo "::error title=arena-ls::could not download $jar"; exit 2; }
        jar="$target"
        echo "::endgroup::"
        ;;
    "")
        jar="$action/server/target/arena-ls.jar"
        if [ ! -f "$jar" ]; then
            command -v mvn >/dev/null 2>&1 || { echo "::error title=arena-ls::Maven is needed to build the server (or give server-jar)"; exit 2; }
            echo "::group::arena-ls: build the server (mvn package)"
            (cd "$action" && mvn -B -q -ntp -DskipTests -pl server -am package) || { echo "::error title=arena-ls::building the server failed"; exit 2; }
            echo "::endgroup::"
        fi
        ;;
esac
[ -f "$jar" ] || { echo "::error title=arena-ls::server jar not found: $jar"; exit 2; }

# word-split paths and args as a shell would, without running anything in them
read -r -a path_list <<< "$(printf '%s' "$paths" | tr '\n' ' ')"
read -r -a arg_list <<< "$args"

run_check() {
    "$java" -XX:+UseSerialGC -Xlog:disable -Xlog:all=warning:stderr -jar "$jar" check "${arg_list[@]}" "$@" "${path_list[@]}"
}

"$java" -jar "$jar" --version
# annotations to stdout for the runner, and to a file to count them
report="$tmp/arena-ls-annotations-$$.txt"
set +e
run_check --format github | tee "$report"
code=${PIPESTATUS[0]}
set -e
errors="$(grep -c '^::error ' "$report" || true)"
rm -f "$report"

written=""
if [ -n "$sarif" ] && [ "$code" != 2 ]; then
    sarif_code=0
    run_check --format sarif --output "$sarif" 2>/dev/null || sarif_code=$?
    if [ "$sarif_code" = 2 ] || [ ! -f "$sarif" ]; then
        echo "::warning title=arena-ls::could not write the SARIF report $sarif (exit $sarif_code)"
    else
        written="$(cd "$(dirname "$sarif")" && pwd)/$(basename "$sarif")" # absolute: upload-sarif may run elsewhere
    fi
fi

{
    echo "exit-code=$code"
    echo "errors=${errors:-0}"
    echo "sarif-file=$written"
} >> "$out"

if [ "$code" = 1 ] && [ "$fail_on_error" = false ]; then exit 0; fi
exit "$code"
