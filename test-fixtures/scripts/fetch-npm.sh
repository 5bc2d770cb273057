#!/usr/bin/env bash
# Fetches pinned npm packages for the conformance tests into a cache OUTSIDE the source tree.
#
#   fetch-npm.sh NAME@VERSION [NAME@VERSION ...]
#   e.g. fetch-npm.sh test262-parser-tests@0.0.5 typescript@6.0.3 @types/node@22.10.0
#
# Each package is unpacked (with `npm pack`, no install, no scripts) to
#   ${ARENA_LS_CACHE:-$HOME/.cache/arena-ls}/npm/NAME@VERSION/package/...
# (a scoped name keeps its slash: .../npm/@types/node@22.10.0/package/...).
# A package whose directory holds the marker file `.arena-ls-fetched` is skipped, so the script
# is idempotent and cheap to call before every test run. A half-unpacked directory (no marker)
# is removed and fetched again. For each package it prints one line on stdout:
#   NAME@VERSION <absolute path of the unpacked package/ directory>
# Progress and errors go to stderr. Needs only bash, node/npm, tar and coreutils.
# Fetched content is never to be committed: the cache lives under $HOME, not in the repository.
set -euo pipefail

MARKER=.arena-ls-fetched
ATTEMPTS=${ARENA_LS_FETCH_ATTEMPTS:-3}

log() { printf 'fetch-npm: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

[ "$#" -gt 0 ] || die "usage: $0 NAME@VERSION [NAME@VERSION ...]"
command -v npm >/dev/null 2>&1 || die "npm is not on PATH (install node/npm)"
command -v tar >/dev/null 2>&1 || die "tar is not on PATH"

cache_root=${ARENA_LS_CACHE:-${HOME:?HOME is not set}/.cache/arena-ls}
npm_root="$cache_root/npm"
mkdir -p "$npm_root"
npm_root=$(cd "$npm_root" && pwd -P)

# Serialise concurrent runs (e.g. two test JVMs) on the same cache when flock exists.
if command -v flock >/dev/null 2>&1; then
    exec 9>"$npm_root/.lock"
    flock 9
fi

current_tmp=""
cleanup() { if [ -n "$current_tmp" ]; then rm -rf "$current_tmp"; fi; }
trap cleanup EXIT

fetch_one() {
    local spec=$1 name version dest tmp attempt tgz top
    # Split NAME@VERSION at the last '@' (a scope's leading '@' belongs to the name).
    case "$spec" in
        ?*@?*) name=${spec%@*}; version=${spec##*@} ;;
        *) die "'$spec' is not NAME@VERSION (versions must be pinned)" ;;
    esac
    [ -n "$name" ] && [ "$name" != "@" ] || die "'$spec' has no package name"
    # Only exact versions: the tests pin their inputs.
    if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$ ]]; then
        die "'$spec': version '$version' is not an exact version"
    fi
    case "$name" in
        *..*|/*|*/*/*) die "'$spec': unexpected package name" ;;
    esac

    dest="$npm_root/$name@$version"
    if [ -f "$dest/$MARKER" ] && [ -d "$dest/package" ]; then
        log "$spec: cached"
        printf '%s %s\n' "$spec" "$dest/package"
        return 0
    fi

    mkdir -p "$(dirname "$dest")"
    tmp=$(mktemp -d "$npm_root/.tmp.XXXXXX")
    current_tmp=$tmp

    tgz=""
    for attempt in $(seq 1 "$ATTEMPTS"); do
        log "$spec: npm pack (attempt $attempt/$ATTEMPTS)"
        # Run inside the temp dir so no project package.json or .npmrc is picked up.
        if tgz=$(cd "$tmp" && npm pack "$spec" --ignore-scripts --loglevel=error --pack-destination "$tmp" 2>"$tmp/npm.err" | tail -n 1) \
                && [ -n "$tgz" ] && [ -f "$tmp/$tgz" ]; then
            break
        fi
        tgz=""
        sed 's/^/  npm: /' "$tmp/npm.err" >&2 || true
        if [ "$attempt" -lt "$ATTEMPTS" ]; then sleep $((attempt * 5)); fi
    done
    [ -n "$tgz" ] || die "$spec: npm pack failed after $ATTEMPTS attempts"

    mkdir "$tmp/unpack"
    tar -xzf "$tmp/$tgz" -C "$tmp/unpack" --no-same-owner --no-same-permissions \
        || die "$spec: could not unpack $tgz"
    # npm tarballs normally hold one top directory `package/`; some (e.g. @types/*) use another
    # name. Normalise to package/ so callers find every package the same way.
    if [ ! -d "$tmp/unpack/package" ]; then
        top=$(find "$tmp/unpack" -mindepth 1 -maxdepth 1 -type d | head -n 1)
        [ -n "$top" ] || die "$spec: tarball has no top directory"
        mv "$top" "$tmp/unpack/package"
    fi
    chmod -R u+rwX,go+rX "$tmp/unpack"

    {
        printf 'spec=%s\n' "$spec"
        printf 'tarball=%s\n' "$tgz"
        if command -v sha256sum >/dev/null 2>&1; then
            printf 'sha256=%s\n' "$(sha256sum "$tmp/$tgz" | cut -d' ' -f1)"
        fi
        printf 'fetched=%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    } >"$tmp/unpack/$MARKER"

    rm -rf "$dest"
    mv "$tmp/unpack" "$dest"
    rm -rf "$tmp"
    current_tmp=""
    log "$spec: unpacked to $dest/package"
    printf '%s %s\n' "$spec" "$dest/package"
}

for spec in "$@"; do
    fetch_one "$spec"
done
