#!/usr/bin/env python3
"""Where an arena-ls server's peak RSS is: its memory map at the peak, by mapping.

    python3 benchmarks/editor/memory/peak-smaps.py [--timeline] [--anon] MARK [ROOT] &
    node benchmarks/editor/editor-latency.mjs --runs 1 --mark MARK dom

Waits for the first server started from ROOT's server/target/arena-ls.jar (default: this checkout;
`--version` runs ignored), reads its RSS every few ms and its /proc/PID/smaps whenever the RSS
passes its maximum by 256 KB, until editor-latency.mjs writes MARK (the moment it reads the run's peak
RSS column, before the warm reopen; it waits there until MARK is removed, which this does at the end)
or the server exits. Prints VmHWM, RssAnon / RssFile and the
resident KB of each mapping (anonymous memory is the heap, the JIT's malloc arenas, code and
thread stacks; the archive's rw-p part is the class metadata the JVM writes into). --timeline prints
each new maximum as it is sampled (seconds since the server was found, close to the JVM's uptime);
--anon lists each anonymous mapping over 256 KB resident. --growth-from MB keeps every sample's map and
prints, per mapping (by address), how much it grew (or shrank) from the sample nearest MB of RSS (say the run's "by
first diag" figure) to the peak: what the edits after the open added.
"""
import collections, os, re, sys, time

growth_from = None
if '--growth-from' in sys.argv:
    k = sys.argv.index('--growth-from')
    growth_from = float(sys.argv[k + 1]) * 1024
    del sys.argv[k:k + 2]
flags = {a for a in sys.argv if a.startswith('--')}
timeline = '--timeline' in flags
sys.argv = [a for a in sys.argv if not a.startswith('--')]
mark = sys.argv[1]
root = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), '..', '..', '..'))
jar = 'server/target/arena-ls.jar'
if os.path.exists(mark):
    os.remove(mark)

def server_pid():
    for p in os.listdir('/proc'):
        if not p.isdigit():
            continue
        try:
            cmd = open(f'/proc/{p}/cmdline', 'rb').read().decode(errors='replace')
        except OSError:
            continue
        if '--version' not in cmd and root in cmd and jar in cmd and 'java' in cmd:
            return p
    return None

pid = None
while pid is None:
    pid = server_pid()
    time.sleep(0.002)
start = time.time()
best, smaps, status, at = 0, '', '', 0.0
samples = []
while not os.path.exists(mark):
    try:
        st = open(f'/proc/{pid}/status').read()
        rss = int(re.search(r'VmRSS:\s+(\d+)', st).group(1))
        if rss > best + 256:
            if timeline:
                anon = re.search(r'RssAnon:\s+(\d+)', st).group(1)
                print(f'{time.time() - start:6.3f} s  RSS {rss} kB  anon {anon} kB')
            smaps, status, best, at = open(f'/proc/{pid}/smaps').read(), st, rss, time.time() - start
            if growth_from is not None:
                samples.append((at, rss, smaps))
    except (OSError, AttributeError):
        break
    time.sleep(0.003)

print(f'server {pid}: largest RSS sampled {best} kB, {at:.2f} s after it started')
for key in ('VmHWM', 'RssAnon', 'RssFile'):
    found = re.search(key + r':\s+\d+ kB', status)
    print(found.group(0) if found else key + ': ?')
resident = collections.Counter()
mapping = None
for line in smaps.splitlines():
    if re.match(r'^[0-9a-f]+-[0-9a-f]+ ', line):
        parts = line.split(None, 5)
        mapping = (parts[5].strip() if len(parts) > 5 else '[anon]', parts[1])
    elif line.startswith('Rss:'):
        resident[mapping] += int(line.split()[1])
for (name, perm), kb in resident.most_common(16):
    print(f'{kb:8d} kB  {perm} {name}')
if '--anon' in flags:  # each anonymous mapping over 256 KB resident: the heap, malloc's arenas, code, stacks
    address = None
    for line in smaps.splitlines():
        if re.match(r'^[0-9a-f]+-[0-9a-f]+ ', line):
            parts = line.split(None, 5)
            address = (parts[0], parts[1]) if len(parts) <= 5 else None
        elif line.startswith('Rss:') and address and int(line.split()[1]) > 256:
            lo, hi = (int(x, 16) for x in address[0].split('-'))
            print(f'{int(line.split()[1]):8d} kB  {address[1]} anon {address[0]} ({(hi - lo) >> 10} kB mapped)')
def by_address(text):
    out, key = {}, None
    for line in text.splitlines():
        if re.match(r'^[0-9a-f]+-[0-9a-f]+ ', line):
            parts = line.split(None, 5)
            # by start address: a malloc arena or the code cache grows at its end
            key = (parts[0].split('-')[0], parts[1], parts[5].strip() if len(parts) > 5 else '[anon]')
        elif line.startswith('Rss:'):
            out[key] = int(line.split()[1])
    return out
if samples:
    t0, r0, s0 = min(samples, key=lambda x: abs(x[1] - growth_from))
    before, after = by_address(s0), by_address(smaps)
    print(f'growth from {r0} kB ({t0:.2f} s) to {best} kB ({at:.2f} s), by mapping:')
    changes = [(after.get(k, 0) - before.get(k, 0), k) for k in set(before) | set(after)]
    for grew, key in sorted(changes, key=lambda c: -abs(c[0]))[:12]:  # the largest changes, shrinking ones too
        if grew:
            print(f'{grew:+8d} kB  {key[1]} {key[2]} {key[0]}')
if os.path.exists(mark):
    os.remove(mark)  # lets editor-latency.mjs go on
