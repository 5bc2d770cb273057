#!/usr/bin/env python3
"""The primitive arrays of a heap dump, by type and length: what a document's columns, text and tables hold.

    pid=$(cat MARK)   # editor-latency.mjs --mark MARK writes the server's PID at the run's peak column
    jcmd $pid GC.heap_dump /tmp/dom.hprof       # live objects (a full collection first)
    python3 benchmarks/editor/memory/hprof-arrays.py /tmp/dom.hprof [TOP]

Prints the MB per element type, then the TOP (default 40) largest groups of arrays of one type and length
(count x type[length], with the 16-byte header each). Reads HPROF 1.0.2 as the JDK writes it; no dependencies.
"""
import struct, sys, collections
f = open(sys.argv[1], 'rb').read()
i = f.index(b'\0') + 1
idsize = struct.unpack('>I', f[i:i+4])[0]; i += 12
def rid(p): return int.from_bytes(f[p:p+idsize], 'big')
tsize = {2: idsize, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
tname = {4: 'boolean', 5: 'char', 6: 'float', 7: 'double', 8: 'byte', 9: 'short', 10: 'int', 11: 'long'}
arrays = collections.Counter(); counts = collections.Counter()
while i < len(f):
    tag = f[i]; length = struct.unpack('>I', f[i+5:i+9])[0]; body = i + 9; end = body + length
    if tag in (0x0C, 0x1C):
        p = body
        while p < end:
            st = f[p]; p += 1
            if st == 0xFF: p += idsize
            elif st in (0x01,): p += 2 * idsize
            elif st in (0x02, 0x03): p += idsize + 8
            elif st == 0x04: p += idsize + 4
            elif st == 0x05: p += idsize
            elif st == 0x06: p += idsize + 4
            elif st == 0x07: p += idsize
            elif st == 0x08: p += idsize + 8
            elif st == 0x20:
                p += idsize + 4 + 6 * idsize + 4
                n = struct.unpack('>H', f[p:p+2])[0]; p += 2
                for _ in range(n):
                    p += 2; t = f[p]; p += 1 + tsize[t]
                n = struct.unpack('>H', f[p:p+2])[0]; p += 2
                for _ in range(n):
                    p += idsize; t = f[p]; p += 1 + tsize[t]
                n = struct.unpack('>H', f[p:p+2])[0]; p += 2
                p += n * (idsize + 1)
            elif st == 0x21:
                p += idsize + 4 + idsize; n = struct.unpack('>I', f[p:p+4])[0]; p += 4 + n
            elif st == 0x22:
                p += idsize + 4; n = struct.unpack('>I', f[p:p+4])[0]; p += 4 + idsize + n * idsize
            elif st == 0x23:
                p += idsize + 4; n = struct.unpack('>I', f[p:p+4])[0]; t = f[p+4]; p += 5 + n * tsize[t]
                arrays[(tname[t], n)] += n * tsize[t] + 16; counts[(tname[t], n)] += 1
            else:
                raise SystemExit(f'unknown subtag {st:#x} at {p}')
    i = end
tot = collections.Counter()
for (t, n), b in arrays.items(): tot[t] += b
print({t: round(b / 1e6, 2) for t, b in tot.items()})
for (t, n), b in arrays.most_common(int(sys.argv[2]) if len(sys.argv) > 2 else 40):
    print(f'{b/1e6:7.3f} MB  {counts[(t,n)]:4d} x {t}[{n}]')
