#!/usr/bin/env bash
# Benchmark of `arena-ls check` as whole processes (JVM start included) over the real-world corpus:
# the pinned npm packages of test-fixtures/realworld/packages.txt, fetched into the cache
# ${ARENA_LS_CACHE:-$HOME/.cache/arena-ls}/npm by test-fixtures/scripts/fetch-npm.sh (never into the repo).
#
#   check/scripts/bench.sh [--reps N] [--threads "1 2"] [--trees "all effect default"] [--flags "editor tuned launcher"]
#                          [--allocation-only]
#
# Build first (once; the launcher set runs the server jar with its class-data archive):
#   mvn -B -q -DskipTests install
#
# Trees (the packages' directories are given as PATHs):
#   all      every package, --no-ignore: everything they ship (~83 MiB, ~6,250 files)
#   effect   effect@4.1.0 alone, --no-ignore (~45 MiB, 1,771 files): the issue's "50 MB tree"
#   default  every package with the default rules (dist/, build/, … and each tsconfig.json apply)
# JVM flag sets:
#   editor   the options bin/arena-ls gives the language server: -XX:+UseSerialGC -Xms16m -Xmx1g
#   tuned    the same plus -XX:TieredStopAtLevel=1 (C1 only: no C2 compilations competing with the
#            checking threads for the cores of a short run) and -XX:PretenureSizeThreshold=512k
#            (the arena's and buffers' large arrays go straight to the old generation, so young
#            collections do not copy them)
#   launcher bin/arena-ls check itself, the launcher script included: the server jar (build it too:
#            mvn -q -o install -DskipTests) on the build's runtime image of the JDK
#            (server/target/check-runtime, only the modules check uses) with its class-data archive
#            of the check classes (server/target/arena-ls-check.jsa); JAVA or JAVA_HOME as bin/arena-ls
#            reads them,
#            tuned with -Xms256m -Xmx2g, the JDK's archive mapped without relocation
#            (-XX:ArchiveRelocationMode=0), compile thresholds at a quarter
#            (-XX:CompileThresholdScaling=0.25), plus -XX:+UseTransparentHugePages where the kernel offers
#            THP (fewer page faults)
# For each tree x flags x threads: REPS runs (default 5), the median wall time (date +%s%N around the
# java process, or around bin/arena-ls for the launcher set) -> MB/s (10^6 bytes of source read per second) and files/s. Then one --stats run per
# tree and thread count (tuned flags) for the allocation: bytes allocated by the checking threads
# per file, how much of it stays as arena/buffer capacity, and the garbage per file; and the GC count
# with the launcher flags (-Xlog:gc). A calibration first measures how much parallelism the machine
# gives right now (two CPU-bound processes vs one): on a shared machine 2 threads cannot beat that.
# The table is printed and written to check/target/bench/RESULTS-<UTC time>.md.
set -euo pipefail

here="$(cd "$(dirname "$0")/../.." && pwd)"
reps=5
threads="1 2"
trees="all effect default"
flagsets="editor tuned launcher"
timing=1
while [ $# -gt 0 ]; do
    case "$1" in
        --reps) reps=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --trees) trees=$2; shift 2 ;;
        --flags) flagsets=$2; shift 2 ;;
        --allocation-only) timing=0; shift ;;
        -h|--help) sed -n '2,34p' "$0"; exit 0 ;;
        *) echo "bench.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}"
java="${java:-java}"
check_jar=$(ls "$here"/check/target/arena-ls-check-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -n 1 || true)
parser_jar=$(ls "$here"/parser/target/arena-ls-parser-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -n 1 || true)
if [ -z "$check_jar" ] || [ -z "$parser_jar" ]; then
    echo "bench.sh: build first: mvn -B -q -DskipTests install" >&2
    exit 2
fi
cp="$check_jar:$parser_jar"

# the corpus: every package of packages.txt (fetched when missing)
packages=()
while read -r spec _; do
    case "$spec" in ''|'#'*) continue ;; esac
    line=$(bash "$here/test-fixtures/scripts/fetch-npm.sh" "$spec" 2>/dev/null | tail -n 1)
    packages+=("${line#* }")
done < "$here/test-fixtures/realworld/packages.txt"
effect_dir=""
for p in "${packages[@]}"; do case "$p" in */effect@*/package) effect_dir=$p ;; esac; done

flags_for() {
    case "$1" in
        editor) echo "-XX:+UseSerialGC -Xms16m -Xmx1g -Xlog:disable -Xlog:all=warning:stderr" ;;
        tuned) echo "-XX:+UseSerialGC -Xms16m -Xmx1g -Xlog:disable -Xlog:all=warning:stderr -XX:TieredStopAtLevel=1 -XX:PretenureSizeThreshold=512k" ;;
        launcher)
            local thp=""
            if grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then thp="-XX:+UseTransparentHugePages"; fi
            echo "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:PretenureSizeThreshold=512k -Xms256m -Xmx2g -Xlog:disable -Xlog:all=warning:stderr -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -XX:CompileThresholdScaling=0.25 $thp" ;;
        *) echo "bench.sh: unknown flag set $1" >&2; exit 2 ;;
    esac
}

tree_args() {
    case "$1" in
        all) printf '%s\n' --no-ignore "${packages[@]}" ;;
        effect) printf '%s\n' --no-ignore "$effect_dir" ;;
        default) printf '%s\n' "${packages[@]}" ;;
        *) echo "bench.sh: unknown tree $1" >&2; exit 2 ;;
    esac
}

# the launcher set runs bin/arena-ls check (the server jar on the build's runtime image, with its class-data archive)
server_jar="$here/server/target/arena-ls.jar"
run_check() { # flag-set threads tree-args... ; prints wall ms
    local set=$1 t=$2; shift 2
    local flags s e rc=0
    if [ "$set" = launcher ]; then
        # bin/arena-ls itself: its own start-up (a POSIX sh script, ~2 ms over a bare exec) is counted too
        [ -f "$server_jar" ] || { echo "bench.sh: $server_jar is missing: mvn -B -q -DskipTests install" >&2; exit 2; }
        s=$(date +%s%N)
        ARENA_LS_JAVA_OPTS="" "$here/bin/arena-ls" check --quiet --format json --output /dev/null -j "$t" "$@" >/dev/null 2>"$tmp/run.err" || rc=$?
    else
        flags=$(flags_for "$set")
        s=$(date +%s%N)
        # shellcheck disable=SC2086
        "$java" $flags -cp "$cp" dev.arenals.check.CheckCommand --quiet --format json --output /dev/null -j "$t" "$@" >/dev/null 2>"$tmp/run.err" || rc=$?
    fi
    e=$(date +%s%N)
    if [ "$rc" -gt 1 ]; then
        echo "bench.sh: a run failed (exit $rc):" >&2
        cat "$tmp/run.err" >&2
        exit 1
    fi
    echo $(( (e - s) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

# calibration: how many cores does this machine give us right now?
# Each spin is its own process (a bash loop in a background subshell runs at half the speed of the
# same loop in the foreground, which made an earlier version of this read ~0.9 on two free cores);
# the fastest of three tries of each, as the host's speed changes from second to second.
spin() { awk 'BEGIN { for (i = 0; i < 5e6; i++) x += i }'; }
one=$(for _ in 1 2 3; do s=$(date +%s%N); spin; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); done | sort -n | head -n 1)
two=$(for _ in 1 2 3; do s=$(date +%s%N); spin & spin & wait; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); done | sort -n | head -n 1)
parallelism=$(awk -v a="$one" -v b="$two" 'BEGIN {printf "%.2f", 2 * a / b}')
# and how fast it starts a JVM right now: `bin/arena-ls check --version`, the launcher's own JVM
# (the build's runtime image, unless JAVA or another JAVA_HOME picks one), flags and archive, median
# of 5 (the host's speed varies by a third from one minute to the next; this puts a run in context)
jvm_start=$(for _ in 1 2 3 4 5; do s=$(date +%s%N); ARENA_LS_JAVA_OPTS="" "$here/bin/arena-ls" check --version >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); done | sort -n | sed -n 3p)

out_dir="$here/check/target/bench"
mkdir -p "$out_dir"
stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
report="$out_dir/RESULTS-$stamp.md"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

{
    echo "# arena-ls check benchmark, $stamp"
    echo
    echo "Machine: $(nproc) cores, $("$java" -version 2>&1 | head -n 1), load average $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "Calibration: two CPU-bound processes ran at an effective parallelism of $parallelism (2.00 = two free cores);"
    echo "\`bin/arena-ls check --version\` took $jvm_start ms (the floor of any launcher run)."
    echo "Whole processes, JVM start included; median of $reps runs; MB = 10^6 bytes."
    echo
    echo "| tree | files | MiB | JVM flags | threads | median wall | MB/s | files/s |"
    echo "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |"
} | tee "$report"

for tree in $trees; do
    [ "$timing" = 1 ] || break
    mapfile -t args < <(tree_args "$tree")
    # the tree's size as check reads it
    "$java" -cp "$cp" dev.arenals.check.CheckCommand --quiet --format json --output "$tmp/size.json" "${args[@]}" >/dev/null 2>&1 || true
    files=$(grep -m1 '"files":' "$tmp/size.json" | tr -dc '0-9')
    bytes=$(grep -m1 '"bytes":' "$tmp/size.json" | tr -dc '0-9')
    for fs in $flagsets; do
        for t in $threads; do
            : > "$tmp/times"
            for _ in $(seq 1 "$reps"); do run_check "$fs" "$t" "${args[@]}" >> "$tmp/times"; done
            ms=$(median < "$tmp/times")
            mbs=$(awk -v b="$bytes" -v m="$ms" 'BEGIN {printf "%.1f", b / 1e6 / (m / 1000)}')
            fps=$(awk -v f="$files" -v m="$ms" 'BEGIN {printf "%.0f", f / (m / 1000)}')
            mib=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}')
            echo "| $tree | $files | $mib | $fs | $t | $ms ms ($(tr '\n' ' ' < "$tmp/times" | sed 's/ $//')) | $mbs | $fps |" | tee -a "$report"
        done
    done
done

{
    echo
    echo "Allocation (--stats, tuned flags; bytes allocated by the checking threads while checking):"
    echo
    echo "| tree | threads | allocated/file | kept as capacity | garbage | garbage/file | GCs with editor flags |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
} | tee -a "$report"
for tree in $trees; do
    mapfile -t args < <(tree_args "$tree")
    for t in $threads; do
        # shellcheck disable=SC2046
        line=$("$java" $(flags_for tuned) -cp "$cp" dev.arenals.check.CheckCommand --stats --format json --output /dev/null -j "$t" "${args[@]}" 2>&1 >/dev/null | grep 'stats:' || true)
        per_file=$(sed -n 's/.*allocated [0-9]* bytes (\([0-9]*\) bytes\/file).*/\1/p' <<< "$line")
        kept=$(sed -n 's/.*, \([0-9]*\) of them kept.*/\1/p' <<< "$line")
        garbage=$(sed -n 's/.*garbage \([0-9]*\) bytes (\([0-9]*\) bytes\/file).*/\1/p' <<< "$line")
        garbage_pf=$(sed -n 's/.*garbage [0-9]* bytes (\([0-9]*\) bytes\/file).*/\1/p' <<< "$line")
        # shellcheck disable=SC2046
        gcs=$("$java" $(flags_for editor | sed 's/-Xlog:disable -Xlog:all=warning:stderr//') -Xlog:gc:stdout -cp "$cp" dev.arenals.check.CheckCommand --quiet --format json --output /dev/null -j "$t" "${args[@]}" 2>/dev/null \
            | awk '/Pause/ {n++; sub(/ms$/, "", $NF); ms += $NF} END {printf "%d (%.0f ms)", n, ms}' || true)
        echo "| $tree | $t | $per_file B | $kept B | $garbage B | $garbage_pf B | $gcs |" | tee -a "$report"
    done
done
echo
echo "written to $report"
