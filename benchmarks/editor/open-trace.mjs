#!/usr/bin/env node
// Summarises the step lines that -Darenals.traceOpen=FILE writes (server document/OpenTrace.java):
// one cold open, from the initialize request to the first publishDiagnostics, step by step.
//
//   node benchmarks/editor/editor-latency.mjs --runs 1 --edits 0 --opts "-Darenals.traceOpen=/tmp/t1.txt" tsjs
//   node benchmarks/editor/open-trace.mjs [--open 1] /tmp/t1.txt [/tmp/t2.txt ...]
//
// Per step, milliseconds since the step before: wall, the process's CPU (every thread), the compiler
// threads' share of it, the stepping thread's own, and the rest (GC, other threads); then the stepping
// thread's allocation during the step, the heap's use and size and the process's RSS as it ended. With several
// files, each cell lists the runs' figures separated by commas, and a last column their median wall.
import { readFileSync } from 'node:fs';

const files = process.argv.slice(2);
if (files.length === 0) { console.error('usage: open-trace.mjs TRACE_FILE...'); process.exit(2); }
// a trace holds the first open and then every later large frame's open (the harness's warm reopen), each
// from its "frame header read"; --open K picks the K-th (0: the first, cold; 1: the warm reopen)
let which = 0;
const k = files.indexOf('--open');
if (k >= 0) { which = Number(files[k + 1]); files.splice(k, 2); }
const runs = files.map(f => {
    const rows = readFileSync(f, 'utf8').trim().split('\n').map(line => {
        const [step, thread, ...kv] = line.split('\t');
        // times in µs (→ ms), memory in KB (→ MB)
        const v = Object.fromEntries(kv.map(x => x.split('=')).map(([k, n]) => [k === 'thread' ? 'own' : k, Number(n) / (['alloc', 'heap', 'committed', 'rss'].includes(k) ? 1024 : 1000)]));
        return { step, thread, ...v };
    });
    const opens = [[]];
    for (const r of rows) {
        if (r.step === 'frame header read' && opens[opens.length - 1].some(x => x.step === 'published')) opens.push([]);
        opens[opens.length - 1].push(r);
    }
    return opens[which];
});
const steps = runs[0].map(r => r.step);
const fmt = x => x.toFixed(0);
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const memory = runs[0][0].rss !== undefined;
console.log(`| step | thread | wall ms | CPU ms | compiler ms | own thread ms | other ms | median wall |${memory ? ' allocated MB | heap used / committed MB | RSS MB |' : ''}`);
console.log(`| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |${memory ? ' ---: | ---: | ---: |' : ''}`);
for (let i = 0; i < steps.length; i++) {
    const cells = { wall: [], cpu: [], compiler: [], own: [], other: [], alloc: [], heap: [], rss: [] };
    for (const run of runs) {
        const r = run.find(x => x.step === steps[i]);
        const prevIndex = run.indexOf(r) - 1;
        const p = prevIndex >= 0 ? run[prevIndex] : { wall: 0, cpu: 0, compiler: 0, own: 0, thread: '' };
        // a step on another thread than the one before: its thread's CPU so far (a fresh worker's is all this step's)
        const own = p.thread === r.thread ? r.own - p.own : r.own;
        const d = k => r[k] - p[k];
        cells.wall.push(d('wall'));
        cells.cpu.push(d('cpu'));
        cells.compiler.push(d('compiler'));
        cells.own.push(own);
        cells.other.push(d('cpu') - d('compiler') - own);
        if (memory) {
            // allocated by the stepping thread during the step; the heap and RSS as the step ended
            cells.alloc.push(p.thread === r.thread ? r.alloc - p.alloc : r.alloc);
            cells.heap.push(`${r.heap.toFixed(1)} / ${r.committed.toFixed(1)}`);
            cells.rss.push(r.rss);
        }
    }
    const j = k => cells[k].map(fmt).join(', ');
    const mem = memory ? ` ${cells.alloc.map(x => x.toFixed(1)).join(', ')} | ${cells.heap.join(', ')} | ${cells.rss.map(x => x.toFixed(1)).join(', ')} |` : '';
    console.log(`| ${steps[i]} | ${runs[0][i].thread} | ${j('wall')} | ${j('cpu')} | ${j('compiler')} | ${j('own')} | ${j('other')} | ${fmt(median(cells.wall))} |${mem}`);
}
const total = k => runs.map(run => run[run.length - 1][k] - run[0][k]);
console.log(`| **${runs[0][0].step} → published** | | ${total('wall').map(fmt).join(', ')} | ${total('cpu').map(fmt).join(', ')} | ${total('compiler').map(fmt).join(', ')} | | | ${fmt(median(total('wall')))} |`);
