# The grammar errors TypeScript's checker reports that a CornersFuzzer replay does not report at their code and start
# (-Dcorners.missedLog=FILE, one line each), by TypeScript's code: in which files, and what we do there instead
# (docs/conformance.md, seventeenth session).
#   python3 test-fixtures/corners/grammar-breakdown.py MISSED_LOG [N]
import sys, re, collections
rx = re.compile(r'^TS(\d+)@(\d+) p\.(\S+) (".*")  ours:(.*?)  ts: \[(.*)\]$')
by = collections.Counter(); cat = collections.defaultdict(collections.Counter); ourhere = collections.defaultdict(collections.Counter)
ext = collections.defaultdict(collections.Counter)
for line in open(sys.argv[1]):
    m = rx.match(line.rstrip('\n'))
    if not m: continue
    code, start, e, ours = m.group(1), int(m.group(2)), m.group(3), m.group(5).split()
    ods = []
    for o in ours:
        g = o.endswith('(g)'); o = o[:-3] if g else o
        c, s = o.split('@'); ods.append((c, int(s), g))
    by[code] += 1
    ext[code]['ts' if e in ('ts','tsx','mts','cts','d.ts') else 'js'] += 1
    here = [c for c, s, g in ods if s == start]
    if any(c == code for c, s, g in ods): cat[code]['same code, other start'] += 1
    elif here: cat[code]['other code, same start'] += 1; ourhere[code][here[0]] += 1
    elif not ods: cat[code]['we report nothing'] += 1
    elif not ods[0][2]: cat[code]['after a parser error of ours'] += 1
    else: cat[code]['not reported (our grammar checks ran)'] += 1
n = int(sys.argv[2]) if len(sys.argv) > 2 else 30
tot = sum(by.values()); print('total', tot)
for code, k in by.most_common(n):
    parts = '; '.join(f'{a} {b}' for a, b in cat[code].most_common())
    oh = ', '.join(f'{a} x{b}' for a, b in ourhere[code].most_common(3))
    print(f'TS{code} {k} [{ext[code]["ts"]} ts / {ext[code]["js"]} js] :: {parts}' + (f' :: ours at its start: {oh}' if oh else ''))
