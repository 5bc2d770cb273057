#!/usr/bin/env bash
# Builds the linux-x64 .vsix with its own Java runtime (scripts/package-target.sh) and checks it:
# the manifest names the target, the runtime and the jar are inside with their executable bits, the
# size is within bounds, and the runtime taken out of the .vsix runs the jar taken out of it.
# Prints `ok - …` / `FAIL - …` lines; exits 1 on any failure. Run by editor-clients/test.sh.
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
vsix="arena-ls-linux-x64.vsix"
# bounds: a runtime of a handful of modules and the jar make ~23 MB; a whole JDK would be ~4x that
min_bytes=$((8 * 1024 * 1024))
max_bytes=$((40 * 1024 * 1024))
failed=0
ok() { echo "ok - $*"; }
bad() { failed=1; echo "FAIL - $*"; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp" "$here/$vsix"' EXIT

timeout -k 10 600 scripts/package-target.sh linux-x64 || { echo "FAIL - scripts/package-target.sh linux-x64"; exit 1; }
[ -f "$vsix" ] || { echo "FAIL - no $vsix"; exit 1; }

size="$(wc -c < "$vsix")"
if [ "$size" -ge "$min_bytes" ] && [ "$size" -le "$max_bytes" ]; then ok "$vsix is $size bytes (bounds $min_bytes..$max_bytes)"
else bad "$vsix is $size bytes, outside $min_bytes..$max_bytes"; fi

python3 - "$vsix" "$tmp" <<'PY' || failed=1
import stat, sys, zipfile
vsix, out = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(vsix)
names = set(z.namelist())
def check(cond, what):
    print(("ok - " if cond else "FAIL - ") + what)
    return cond
good = True
manifest = z.read("extension.vsixmanifest").decode()
good &= check('TargetPlatform="linux-x64"' in manifest, "the manifest targets linux-x64")
for entry in ("extension/package.json", "extension/dist/extension.js", "extension/server/arena-ls.jar",
              "extension/runtime/bin/java", "extension/runtime/lib/server/libjvm.so", "extension/runtime/lib/modules",
              "extension/runtime/lib/server/classes.jsa"):
    good &= check(entry in names, "the .vsix holds " + entry)
for entry in ("extension/runtime/bin/java", "extension/runtime/lib/jspawnhelper"):
    mode = z.getinfo(entry).external_attr >> 16 if entry in names else 0
    good &= check(mode & stat.S_IXUSR != 0, entry + " is executable in the archive (%o)" % mode)
good &= check(not any(n.startswith("extension/node_modules/") or n.startswith("extension/src/") for n in names), "no node_modules or src")
# unpack the runtime and the jar as VS Code would, keeping the modes
for info in z.infolist():
    if info.filename.startswith(("extension/runtime/", "extension/server/")):
        path = z.extract(info, out)
        mode = info.external_attr >> 16
        if mode: __import__("os").chmod(path, mode & 0o777)
sys.exit(0 if good else 1)
PY
version="$("$tmp/extension/runtime/bin/java" -XX:+UseSerialGC -jar "$tmp/extension/server/arena-ls.jar" --version 2>&1)"
if [[ "$version" == "arena-ls "* ]]; then ok "the runtime taken out of the .vsix runs its jar: $version"
else bad "the runtime taken out of the .vsix does not run its jar: $version"; fi
# -Xshare:on: the JVM fails rather than start without its class-data archive
if "$tmp/extension/runtime/bin/java" -Xshare:on -Xlog:disable -version > /dev/null 2>&1; then ok "the runtime maps its own class-data archive"
else bad "the runtime taken out of the .vsix cannot map a class-data archive (-Xshare:on fails)"; fi
modules="$("$tmp/extension/runtime/bin/java" --list-modules | wc -l)"
if [ "$modules" -le 8 ]; then ok "the runtime has $modules modules (a JDK has ~70)"; else bad "the runtime has $modules modules"; fi
exit "$failed"
