#!/usr/bin/env bash
# Headless Emacs + Eglot test of arena-ls against the real server jar (eglot-test.el).
# Emacs 29+ has Eglot built in; on Emacs 28 Debian's elpa-eglot provides it. When emacs (or Eglot)
# is missing, it is installed with apt-get only if that can run unattended: as root, or with a
# password-less sudo, and ARENA_LS_NO_INSTALL unset. Otherwise the test is SKIPPED, never passed:
# the last line is then `emacs: skipped (REASON)`; else `emacs: N passed, M failed`.
# Emacs: $ARENA_LS_EMACS, else emacs on PATH. The jar: $ARENA_LS_JAR, else ../../server/target/arena-ls.jar relative to editor-clients/emacs.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="${ARENA_LS_JAR:-$here/../../server/target/arena-ls.jar}"
if [ ! -f "$jar" ]; then
    echo "emacs: the server jar $jar is missing; build it first (mvn -B -q -DskipTests install) or set ARENA_LS_JAR" >&2
    echo "emacs: 0 passed, 1 failed"
    exit 2
fi
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
emacs="${ARENA_LS_EMACS:-emacs}"

has_eglot() {
    command -v "$emacs" >/dev/null 2>&1 && "$emacs" -Q --batch --eval "(progn (require 'package)
        (unless (require 'eglot nil t)
          (add-to-list 'package-directory-list \"/usr/share/emacs/site-lisp/elpa\")
          (package-initialize) (require 'eglot)))" >/dev/null 2>&1
}

# apt-get install PACKAGES… if that can run unattended; prints why not and returns 1 otherwise
install_unattended() {
    if [ -n "${ARENA_LS_NO_INSTALL:-}" ]; then echo "ARENA_LS_NO_INSTALL is set"; return 1; fi
    command -v apt-get >/dev/null 2>&1 || { echo "no apt-get"; return 1; }
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else echo "not root and no password-less sudo"; return 1; fi
    fi
    echo "emacs: installing $* (apt-get)" >&2
    export DEBIAN_FRONTEND=noninteractive
    timeout 600 $sudo apt-get update -qq >/dev/null 2>&1 || { echo "apt-get update failed"; return 1; }
    timeout 900 $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1 || { echo "apt-get install $* failed"; return 1; }
}

if ! has_eglot; then
    if command -v "$emacs" >/dev/null 2>&1; then packages="elpa-eglot"; else packages="emacs-nox elpa-eglot"; fi
    if ! why="$(install_unattended $packages)" || ! has_eglot; then
        echo "emacs: skipped (Emacs with Eglot is not installed and could not be: ${why:-Eglot still missing after the install})"
        exit 0
    fi
fi
"$emacs" --version | head -1

java="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; fi

# keep Emacs's state away from the user's home
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
status=0
HOME="$tmp" TMPDIR="$tmp" ARENA_LS_JAR="$jar" ARENA_LS_JAVA="$java" timeout -k 5 180 \
    "$emacs" -Q --batch -l "$here/test/eglot-test.el" </dev/null 2>&1 | grep -v '^\[\|^$' || status=${PIPESTATUS[0]}
if [ "$status" = 124 ] || [ "$status" = 137 ]; then echo "emacs: killed after 180 s"; echo "emacs: 0 passed, 1 failed"; fi
exit "$status"
