#!/usr/bin/env bash
# Headless Neovim test of the arena_ls plugin against the real server jar.
# Installs Debian's neovim with apt-get when nvim is missing (needs root, as in CI).
# The jar: $ARENA_LS_JAR, else ../../server/target/arena-ls.jar relative to editor-clients/nvim.
# Prints `nvim: N passed, M failed`; exits non-zero on any failure or after 120 s.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="${ARENA_LS_JAR:-$here/../../server/target/arena-ls.jar}"
if [ ! -f "$jar" ]; then
    echo "nvim: the server jar $jar is missing; build it first (mvn -B -q -DskipTests install) or set ARENA_LS_JAR" >&2
    echo "nvim: 0 passed, 1 failed"
    exit 2
fi
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"

if ! command -v nvim >/dev/null 2>&1; then
    echo "nvim: installing Debian's neovim (apt-get)"
    sudo=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "nvim: neovim is missing and installing it needs root (apt-get install -y neovim)" >&2; echo "nvim: 0 passed, 1 failed"; exit 2; }
        sudo="sudo -n"
    fi
    export DEBIAN_FRONTEND=noninteractive
    timeout 600 $sudo apt-get update -qq >/dev/null
    timeout 600 $sudo apt-get install -y -qq --no-install-recommends neovim >/dev/null
fi
nvim --version | head -1

java="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; fi

# keep Neovim's state, logs and swap away from the user's home
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache" TMPDIR="$tmp"
mkdir -p "$XDG_CACHE_HOME"

status=0
ARENA_LS_JAR="$jar" ARENA_LS_JAVA="$java" timeout -k 5 120 \
    nvim --headless -u NONE -i NONE -n --cmd "set rtp^=$here" -c "luafile $here/test/arena_ls_test.lua" </dev/null || status=$?
if [ "$status" != 0 ]; then
    if [ "$status" = 124 ] || [ "$status" = 137 ]; then echo "nvim: killed after 120 s"; echo "nvim: 0 passed, 1 failed"; fi
    for log in "$XDG_CACHE_HOME/nvim/lsp.log" "$XDG_STATE_HOME/nvim/lsp.log"; do
        [ -f "$log" ] && { echo "--- $log (last 40 lines)"; tail -n 40 "$log"; }
    done
fi
exit "$status"
