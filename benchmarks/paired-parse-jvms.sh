#!/usr/bin/env bash
# Two parser jars compared in several JVMs: PairedParseHarness (--clock cpu) in K JVMs with the old
# build in the first slot, alternating with K JVMs with the new build first. One JVM's two copies of
# the parser can differ by 5-15% for its whole life whichever build they are (each class loader's
# code is compiled on its own: see docs/performance-comparison.md, "Twelfth session"), so a single
# JVM cannot settle a few per cent; the spread over JVMs can.
#
#   benchmarks/paired-parse-jvms.sh --old OLD.jar --new NEW.jar [--jvms K] [--flags check|editor|c2]
#        [--runs N] [--batch-ms M] [--warmup-s S] [--in-place] [FILE...]
#
# A parser jar: `javac --release 17 -XDstringConcat=inline -d DIR $(find parser/src/main/java -name
# '*.java') && jar cf X.jar -C DIR .` over each commit's sources (a baseline without a worktree:
# git archive BASE parser/src/main | tar -x -C /tmp/base). The harness is compiled from this
# checkout into a private temporary directory (a shared /tmp/harness can be rebuilt by someone else
# mid-run). Defaults: 3 JVMs each way, check's flags (C1 only), 8 pairs of 250 ms batches after 3 s
# of warm-up, issue 22's six files, the String copied into the arena as JsParser.parse does
# (--in-place: parseInPlace from a char[], as check and the server parse).
# Prints per JVM the harness's lines, then per file the ratio new/old of every JVM (inverted for the
# JVMs that ran the new build first), their median and how many JVMs the new build won.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
old="" new="" jvms=3 flagset=check runs=8 batch=250 warmup=3 inplace="" files=()
while [ $# -gt 0 ]; do
    case "$1" in
        --old) old=$2; shift 2 ;;
        --new) new=$2; shift 2 ;;
        --jvms) jvms=$2; shift 2 ;;
        --flags) flagset=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --batch-ms) batch=$2; shift 2 ;;
        --warmup-s) warmup=$2; shift 2 ;;
        --in-place) inplace=--in-place; shift ;;
        -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
        *) files+=("$1"); shift ;;
    esac
done
[ -n "$old" ] && [ -n "$new" ] || { echo "paired-parse-jvms.sh: --old JAR and --new JAR are required (see --help)" >&2; exit 2; }
[ ${#files[@]} -gt 0 ] || files=(typescript.js lib.dom.d.ts effect@4.1.0:src/Channel.ts reactstrap@9.2.3:types/reactstrap-tests.tsx
    meriyah@7.4.2:dist/meriyah.umd.min.js lodash@4.17.21:lodash.js)
case "$flagset" in
    check) flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.25 -XX:PretenureSizeThreshold=512k -Xms256m -Xmx2g) ;;
    editor) flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms16m -Xmx1g) ;;
    c2) flags=(-XX:+UseSerialGC -Xms256m -Xmx2g) ;;
    *) echo "paired-parse-jvms.sh: --flags check|editor|c2" >&2; exit 2 ;;
esac

classes=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$classes" "$log"' EXIT
javac -d "$classes" "$here"/benchmarks/src/main/java/dev/arenals/benchmarks/{PairedParseHarness,Corpus}.java

one() { # $1 label, $2 first jar, $3 second jar
    java "${flags[@]}" -cp "$classes" dev.arenals.benchmarks.PairedParseHarness --before "$2" --after "$3" \
        --runs "$runs" --batch-ms "$batch" --warmup-s "$warmup" --clock cpu $inplace "${files[@]}" \
        | tee /dev/stderr | grep 'paired ratio' | sed "s/^/$1 /" >> "$log"
}
for i in $(seq 1 "$jvms"); do
    echo "# JVM $i, old build first; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    one OLD_FIRST "$old" "$new"
    echo "# JVM $i, new build first; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    one NEW_FIRST "$new" "$old"
done
echo "new/old per JVM (CPU time per parse; below 1: the new build is faster), flags: $flagset ${inplace:-(String copied)}"
awk '{
    match($0, /paired ratio after\/before [0-9.]+/); r = substr($0, RSTART + 26, RLENGTH - 26) + 0
    if ($1 == "NEW_FIRST") r = 1 / r
    f = $2; n[f]++; v[f, n[f]] = r; if (!(f in seen)) { seen[f] = 1; order[++files] = f }
} END {
    for (k = 1; k <= files; k++) {
        f = order[k]; m = n[f]; won = 0; list = ""
        for (i = 1; i <= m; i++) { s[i] = v[f, i]; if (s[i] < 1) won++; list = list sprintf(" %.3f", s[i]) }
        for (i = 2; i <= m; i++) for (j = i; j > 1 && s[j - 1] > s[j]; j--) { t = s[j]; s[j] = s[j - 1]; s[j - 1] = t }
        med = m % 2 ? s[(m + 1) / 2] : (s[m / 2] + s[m / 2 + 1]) / 2
        printf "%-28s median %.3f, new faster in %d/%d JVMs (%s )\n", f, med, won, m, list
    }
}' "$log"
