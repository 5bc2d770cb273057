#!/usr/bin/env python3
"""Two (or more) builds' editor-latency.mjs runs, alternating, one run per command, for comparisons
on a shared machine (the load changes from one minute to the next; alternating spreads it evenly):

    python3 benchmarks/editor/alternate.py ROUNDS NAME=CHECKOUT[:ENV=VALUE,...] NAME=CHECKOUT... -- ARGS...
    python3 benchmarks/editor/alternate.py 4 main=/tmp/main-build branch=. -- --edits 40 --big-edits 20 2k dom tsjs

Each round runs `node benchmarks/editor/editor-latency.mjs --runs 1 ARGS` in each checkout (its own
script and build), in order on even rounds and reversed on odd ones (ABBA). ENV=VALUE pairs are added
to that command's environment (ARENA_LS_JAVA_OPTS for JVM flags, MALLOC_ARENA_MAX, ...). Prints, per
build and input, the median (min–max) over the rounds of: peak RSS and peak RSS by the first
diagnostics (MB), init → first diagnostics (ms), the CPU from initialize to them (ms), steady p50 /
p95 (ms), steady CPU per edit (ms), then each run's peak RSS.
"""
import os, statistics, subprocess, sys, time

def main():
    if '--' not in sys.argv:
        sys.exit(__doc__)
    split = sys.argv.index('--')
    rounds, builds, args = int(sys.argv[1]), [], sys.argv[split + 1:]
    for spec in sys.argv[2:split]:
        name, _, rest = spec.partition('=')
        checkout, _, env = rest.partition(':')
        builds.append((name, os.path.abspath(checkout), dict(kv.split('=', 1) for kv in env.split(',') if kv)))
    rows = {name: [] for name, _, _ in builds}
    for r in range(rounds):
        for name, checkout, env in (builds if r % 2 == 0 else builds[::-1]):
            out = subprocess.run(['node', 'benchmarks/editor/editor-latency.mjs', '--runs', '1'] + args, cwd=checkout,
                                 env={**os.environ, **env}, capture_output=True, text=True).stdout
            rows[name] += [row for row in map(parse, out.splitlines()) if row]
        print(f'round {r + 1} of {rounds} done {time.strftime("%H:%M:%S")}, load {open("/proc/loadavg").read().split()[0]}', file=sys.stderr, flush=True)
    for name, found in rows.items():
        for source in sorted({x['input'] for x in found}):
            xs = [x for x in found if x['input'] == source]
            cell = lambda k: f"{statistics.median(x[k] for x in xs):.4g} ({min(x[k] for x in xs):.4g}–{max(x[k] for x in xs):.4g})"
            print(f"{name} | {source} | n={len(xs)} | peak RSS {cell('rss')} | by first diag {cell('rssFirst')} | first diag {cell('first')} ms"
                  f" | CPU to it {cell('cpuFirst')} ms | steady p50 {cell('p50')} p95 {cell('p95')} ms | CPU/edit {cell('cpuEdit')} ms")
            print(f"    peak RSS of each run: {[x['rss'] for x in xs]}")

def parse(line):
    """A result row of editor-latency.mjs's table (not the floor's, the header or the many-files row)."""
    cells = [c.strip() for c in line.strip().strip('|').split('|')]
    if not line.startswith('| ') or len(cells) < 13 or cells[0].startswith(('input', '(floor', '---')) or 'files open' in cells[0]:
        return None
    num = lambda c: float(c.split()[0]) if c and c[0].isdigit() else float('nan')
    return dict(input=cells[0], first=num(cells[3]), cpuFirst=num(cells[4]) - num(cells[2]), p50=num(cells[7]), p95=num(cells[8]),
                rss=num(cells[9]), cpuEdit=num(cells[11]), rssFirst=num(cells[12]))

if __name__ == '__main__':
    main()
