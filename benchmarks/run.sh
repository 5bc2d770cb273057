#!/usr/bin/env bash
# Builds arena-ls, fetches the pinned corpus (npm typescript@6.0.3) and runs the JMH benchmarks.
#
#   benchmarks/run.sh [--smoke] [--skip-build] [JMH ARGS...]
#
#   (no flag)     full run: every benchmark and file, the iterations set in the annotations
#                 (ParseBenchmark 5x2 s warmup + 10x2 s measurement, ResetBenchmark 3x1 s + 5x1 s),
#                 one fork each, -prof gc (and perfnorm task-clock where perf works). About
#                 4.5 minutes on 2 cores, build included (JMH alone ~245 s).
#   --smoke       proves every benchmark compiles and runs: 1 fork, 1 warmup and 1 measurement
#                 iteration of 200 ms, smallest file only (-p file=_typingsInstaller.js); the
#                 server harnesses with 20 edits / 10 files. For CI.
#   --skip-build  reuse benchmarks/target/benchmarks.jar as it is.
#   JMH ARGS      passed on to JMH after ours, e.g. a benchmark regex or -p file=typescript.js.
#
# Results: benchmarks/results/<UTC timestamp>[-smoke].json (JMH JSON) and .log (console output);
# that folder is gitignored. A summary table (time/op, MB/s, bytes allocated per op, CPU time per
# op when perf is available, arena/heap speed ratio) is printed at the end. Needs java 17, mvn,
# npm (for the fetch) and python3 (for that table only; JMH prints its own table anyway).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

smoke=0
build=1
jmh_extra=()
for a in "$@"; do
    case "$a" in
        --smoke) smoke=1 ;;
        --skip-build) build=0 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) jmh_extra+=("$a") ;;
    esac
done

SMALLEST=_typingsInstaller.js
start=$SECONDS

if [ "$build" -eq 1 ]; then
    echo "== build (mvn install, then package benchmarks)"
    mvn -q -B -DskipTests install
    mvn -q -B -DskipTests -pl benchmarks package
fi
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || { echo "run.sh: $jar is missing (drop --skip-build)" >&2; exit 2; }

echo "== corpus"
corpus=$(test-fixtures/scripts/fetch-npm.sh typescript@6.0.3 effect@4.1.0 | awk '$1 == "typescript@6.0.3" { print $2 }')
[ -n "$corpus" ] && [ -f "$corpus/lib/typescript.js" ] || { echo "run.sh: corpus not found ($corpus)" >&2; exit 2; }
echo "corpus: $corpus"

mkdir -p benchmarks/results
stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
if [ "$smoke" -eq 1 ]; then
    out=benchmarks/results/$stamp-smoke
    mode_args=(-f 1 -wi 1 -i 1 -w 200ms -r 200ms -p "file=$SMALLEST")
else
    out=benchmarks/results/$stamp
    mode_args=()
fi

echo "== JMH ($([ "$smoke" -eq 1 ] && echo smoke || echo full)) -> $out.json"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
if git rev-parse --git-dir >/dev/null 2>&1; then
    echo "source: $(git rev-parse --short HEAD)$(git status --porcelain -- parser benchmarks | grep -q . && echo ' + uncommitted changes in parser/ or benchmarks/')"
fi
# -prof gc: allocation per op. When perf can count task-clock (software event; no hardware PMU
# needed), also the CPU time per op of the whole forked JVM (benchmark thread + GC + JIT threads),
# which time-slicing by other processes on a shared machine inflates far less than wall time.
profilers=(-prof gc)
if [ "$smoke" -eq 0 ] && command -v perf >/dev/null 2>&1 && perf stat -e task-clock true >/dev/null 2>&1; then
    profilers+=(-prof "perfnorm:events=task-clock")
elif [ "$smoke" -eq 0 ]; then
    echo "(perf cannot count task-clock here: no CPU-time column)"
fi
java -Darenals.corpus="$corpus" -jar "$jar" \
    "${profilers[@]}" -rf json -rff "$out.json" \
    ${mode_args[@]+"${mode_args[@]}"} ${jmh_extra[@]+"${jmh_extra[@]}"} 2>&1 | tee "$out.log"

echo
if command -v python3 >/dev/null 2>&1; then
    python3 - "$out.json" "$corpus" "$smoke" <<'PY'
import json, os, sys

results, corpus, smoke = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3] == "1"

def size(f):
    for p in (os.path.join(corpus, "lib", f), os.path.join(corpus, f)):
        if os.path.isfile(p):
            return os.path.getsize(p)
    return None

def num(x):
    """JMH writes "NaN" (a string) for an error from one iteration or a profiler with no data."""
    try:
        x = float(x)
    except (TypeError, ValueError):
        return None
    return None if x != x else x

rows, by_file = [], {}
for r in results:
    bench = r["benchmark"].rsplit(".", 2)
    name = bench[-2] + "." + bench[-1]
    f = r.get("params", {}).get("file", "")
    pm = r["primaryMetric"]
    score, err, unit = pm["score"], num(pm["scoreError"]), pm["scoreUnit"]
    median = pm.get("scorePercentiles", {}).get("50.0", score)
    alloc = num(r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score"))
    cpu = num(r.get("secondaryMetrics", {}).get("task-clock", {}).get("score"))  # perf: msec per op
    mbs = ""
    n = size(f)
    if n and unit == "ms/op" and score > 0:
        mbs = "%.1f" % (n / 1e6 / (score / 1e3))
    if bench[-1] in ("arenaReparse", "heapParse"):
        by_file.setdefault(f, {})[bench[-1]] = score
    err_s = "%.3f" % err if err is not None else "n/a"
    rows.append((name, f, "%.3f" % score, err_s, "%.3f" % median, unit, mbs,
                 "%.0f" % alloc if alloc is not None else "",
                 "%.4g" % cpu if cpu is not None else ""))

head = ("benchmark", "file", "score", "+/- error", "median", "unit", "MB/s", "alloc B/op", "cpu ms/op")
if all(row[-1] == "" for row in rows):  # no perf data: drop the column
    head, rows = head[:-1], [row[:-1] for row in rows]
if smoke:
    print("smoke pass: 200 ms per benchmark, barely warmed up -- these numbers are NOT measurements")
w = [max(len(str(x[i])) for x in rows + [head]) for i in range(len(head))]
for row in [head] + rows:
    print("  ".join(str(c).rjust(w[i]) if i >= 2 else str(c).ljust(w[i]) for i, c in enumerate(row)))
for f, s in by_file.items():
    if "arenaReparse" in s and "heapParse" in s:
        print("%s: arena is %.2fx the heap tree's throughput" % (f, s["heapParse"] / s["arenaReparse"]))
PY
else
    echo "(python3 not found: see JMH's table above)"
fi
# The language server's figures: edit -> diagnostics latency (LatencyHarness) and memory with 100
# real files open plus GC over an editing session (EditingSessionHarness), with the editor's JVM
# flags of bin/arena-ls. Plain-text reports (the harnesses print their own tables).
server_jar=server/target/arena-ls.jar
editor_flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms16m -Xmx1g -XX:MaxNewSize=4m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40)
if [ -f "$server_jar" ]; then
    if [ "$smoke" -eq 1 ]; then
        latency_args=(1000 --edits 20)
        session_args=(--files 10 --edits 200 --warmup 50)
        navigation_args=(1000 --requests 200)
        structure_args=(1000 --runs 20)
        assist_args=(1000 --requests 200)
        completion_args=(1000 --requests 200)
    else
        latency_args=(1000 10000 100000)
        session_args=()
        navigation_args=("$corpus/lib/typescript.js" 10000 --requests 5000)
        structure_args=("$corpus/lib/typescript.js" 10000)
        assist_args=("$corpus/lib/typescript.js" 10000 --requests 3000)
        completion_args=("$corpus/lib/typescript.js" 10000 --requests 2000)
    fi
    echo
    echo "== language server -> $out-server.txt"
    {
        java "${editor_flags[@]}" -cp "$server_jar" dev.arenals.server.bench.LatencyHarness "${latency_args[@]}"
        echo
        java "${editor_flags[@]}" -cp "$server_jar" dev.arenals.server.bench.EditingSessionHarness "${session_args[@]}"
        echo
        java "${editor_flags[@]}" -cp "$server_jar" dev.arenals.server.bench.NavigationHarness "${navigation_args[@]}"
        echo
        java "${editor_flags[@]}" -cp "$server_jar" dev.arenals.server.bench.StructureHarness "${structure_args[@]}"
        echo
        java "${editor_flags[@]}" -cp "$server_jar" dev.arenals.server.bench.AssistHarness "${assist_args[@]}"
        echo
        java "${editor_flags[@]}" -cp "$server_jar" dev.arenals.server.bench.CompletionHarness "${completion_args[@]}"
    } 2>&1 | grep -v '^    edited: ' | tee "$out-server.txt"
    [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "run.sh: a server harness failed" >&2; exit 1; }
    # the editor path from the client's side: bin/arena-ls started as an editor starts it
    # (docs/performance-comparison.md, "The editor path, from the client's side")
    if command -v node >/dev/null 2>&1; then
        echo
        echo "== editor path (benchmarks/editor/editor-latency.mjs) -> $out-editor.txt"
        if [ "$smoke" -eq 1 ]; then editor_args=(--runs 1 --edits 4 2k)
        else editor_args=(--runs 5 --edits 40 --big-edits 20 --many 100 2k dom tsjs); fi
        node benchmarks/editor/editor-latency.mjs "${editor_args[@]}" 2>&1 | tee "$out-editor.txt"
        [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "run.sh: the editor-path harness failed" >&2; exit 1; }
    else
        echo "(node not found: the editor-path harness skipped)"
    fi
else
    echo "(no $server_jar: server harnesses skipped; build with mvn install)"
fi
echo "results: $out.json, $out-server.txt, log: $out.log; total $((SECONDS - start)) s; load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
