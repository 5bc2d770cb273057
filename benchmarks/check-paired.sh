#!/usr/bin/env bash
# `arena-ls check` over the effect tree as paired processes: an old build against a new one,
# alternating, so both see the same machine from one second to the next. For a change that must
# leave check's speed unchanged (issue 20: "Proven unchanged").
#
#   benchmarks/check-paired.sh --old DIR [--new DIR] [--pairs N] [--threads T] [--flags tuned|editor] [--tree DIR]
#
# DIR is a source tree whose check and parser jars are built (mvn -B -q -o -pl check -am package
# -DskipTests); --new defaults to this checkout. A baseline without a second worktree:
#   git -C . archive BASE_COMMIT | tar -x -C /tmp/base && (cd /tmp/base && mvn -B -q -o -pl check -am package -DskipTests)
#
# Each pair runs both builds once (pair i odd: old then new; even: new then old, so neither build
# always has the warmer page cache or the quieter second), JVM start included, wall time from
# bash's `time` around the java process (wall, and CPU = user + sys, which a loaded machine disturbs
# less). Printed: each build's median and p95, the geometric mean of the per-pair ratios new/old
# with the two orders apart (a slot bias shows as a difference between
# them), and the load average before and after. Defaults: 20 pairs, 1 thread, tuned flags (check's
# own: C1 only). The effect tree is effect@4.1.0, fetched pinned into the cache by
# test-fixtures/scripts/fetch-npm.sh, checked with --no-ignore (1,771 files, ~45 MiB); --tree checks
# another directory instead (a TSX package, the generated 20,000 modules).
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
old="" new="$here" pairs=20 threads=1 flagset=tuned tree=""
while [ $# -gt 0 ]; do
    case "$1" in
        --old) old=$2; shift 2 ;;
        --new) new=$2; shift 2 ;;
        --pairs) pairs=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --flags) flagset=$2; shift 2 ;;
        --tree) tree=$2; shift 2 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "check-paired.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
[ -n "$old" ] || { echo "check-paired.sh: --old DIR is required (see --help)" >&2; exit 2; }

java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}"
java="${java:-java}"
classpath_of() { # a built source tree -> check jar:parser jar
    local c p
    c=$(ls "$1"/check/target/arena-ls-check-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -n 1 || true)
    p=$(ls "$1"/parser/target/arena-ls-parser-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -n 1 || true)
    if [ -z "$c" ] || [ -z "$p" ]; then
        echo "check-paired.sh: $1 is not built: (cd $1 && mvn -B -q -o -pl check -am package -DskipTests)" >&2
        exit 2
    fi
    echo "$c:$p"
}
old_cp=$(classpath_of "$old")
new_cp=$(classpath_of "$new")

case "$flagset" in
    editor) flags="-XX:+UseSerialGC -Xms16m -Xmx1g -Xlog:disable -Xlog:all=warning:stderr" ;;
    tuned) flags="-XX:+UseSerialGC -Xms16m -Xmx1g -Xlog:disable -Xlog:all=warning:stderr -XX:TieredStopAtLevel=1 -XX:PretenureSizeThreshold=512k" ;;
    *) echo "check-paired.sh: unknown flag set $flagset" >&2; exit 2 ;;
esac

if [ -n "$tree" ]; then
    [ -d "$tree" ] || { echo "check-paired.sh: no directory $tree" >&2; exit 2; }
    effect=$tree tree_name=$tree
else
    effect=$(bash "$here/test-fixtures/scripts/fetch-npm.sh" effect@4.1.0 2>/dev/null | tail -n 1)
    effect=${effect#* }
    [ -d "$effect" ] || { echo "check-paired.sh: effect@4.1.0 could not be fetched" >&2; exit 2; }
    tree_name=effect@4.1.0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { # classpath -> "wall_ms cpu_ms" (cpu: user + sys of the JVM); exit 0/1 are check's own (1 = errors found)
    local rc=0 t
    TIMEFORMAT='%3R %3U %3S'
    # shellcheck disable=SC2086
    t=$( { time "$java" $flags -cp "$1" dev.arenals.check.CheckCommand --quiet --format json --output "$tmp/out.json" -j "$threads" \
        --no-ignore "$effect" >/dev/null 2>"$tmp/err"; } 2>&1 ) || rc=$?
    if [ "$rc" -gt 1 ]; then echo "check-paired.sh: a run failed (exit $rc):" >&2; cat "$tmp/err" >&2; exit 1; fi
    awk '{printf "%d %d", $1 * 1000, ($2 + $3) * 1000}' <<< "$t"
}

# Both builds must report the same findings, or the timing compares different work.
run "$old_cp" >/dev/null; cp "$tmp/out.json" "$tmp/old.json"
run "$new_cp" >/dev/null; cp "$tmp/out.json" "$tmp/new.json"
strip() { grep -v -e '"elapsed' -e '"ms"' -e 'Ms"' -e '"version' "$1"; }
if ! diff -q <(strip "$tmp/old.json") <(strip "$tmp/new.json") >/dev/null; then
    echo "check-paired.sh: warning: the two builds' reports differ (beyond timings)" >&2
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: > "$tmp/pairs"
for i in $(seq 1 "$pairs"); do
    if [ $((i % 2)) = 1 ]; then o=$(run "$old_cp"); n=$(run "$new_cp"); order=old-first
    else n=$(run "$new_cp"); o=$(run "$old_cp"); order=new-first; fi
    read -r ow oc <<< "$o"; read -r nw nc <<< "$n"
    echo "$order $ow $nw $oc $nc" >> "$tmp/pairs"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

stats() { # column -> "median p95"
    awk -v c="$1" '{print $c}' "$tmp/pairs" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; p=a[int(0.95*NR+0.999)]; printf "%d %d", m, p}'
}
geo() { # order filter, old column, new column -> geometric mean of new/old
    awk -v f="$1" -v o="$2" -v n="$3" '(f == "all" || $1 == f) && $o > 0 {s += log($n / $o); k++} END {if (k) printf "%.3f", exp(s / k); else printf "-"}' "$tmp/pairs"
}
read -r owm owp <<< "$(stats 2)"; read -r nwm nwp <<< "$(stats 3)"
read -r ocm ocp <<< "$(stats 4)"; read -r ncm ncp <<< "$(stats 5)"
echo "check over $tree_name (--no-ignore), $flagset flags, -j $threads, $pairs pairs, $(nproc) cores, $("$java" -version 2>&1 | head -n 1)"
echo "load average before: $load_before; after: $load_after"
echo "old $old: wall median $owm ms, p95 $owp ms; CPU median $ocm ms, p95 $ocp ms"
echo "new $new: wall median $nwm ms, p95 $nwp ms; CPU median $ncm ms, p95 $ncp ms"
echo "new/old, geometric mean of pairs: wall $(geo all 2 3) (old first $(geo old-first 2 3), new first $(geo new-first 2 3));" \
    "CPU $(geo all 4 5) (old first $(geo old-first 4 5), new first $(geo new-first 4 5))"
