#!/usr/bin/env node
// What a user of an editor feels, measured from the client's side of stdio: the real launcher
// started the way an editor starts it, a fresh process for every run, the times taken in this
// process (send → the answer parsed), JSON and pipes included. No dependencies (raw LSP framing).
//
//   node benchmarks/editor/editor-latency.mjs [--runs R] [--edits N] [--big-edits M] [--many F]
//        [--server launcher|vscode] [--java PATH] [--opts "JVM OPTIONS"] [--nmt] [--floors] [--histogram]
//        [--first-edit-after MS] [--label TEXT] [--mark FILE] [INPUT ...]
//
// INPUT: 2k (zod@4.6.7 src/v4/mini/schemas.ts, 2,051 lines), dom (typescript@6.0.3 lib/lib.dom.d.ts),
// tsjs (typescript@6.0.3 lib/typescript.js), or a path; default: 2k dom tsjs. The packages are
// fetched pinned by test-fixtures/scripts/fetch-npm.sh (into ~/.cache/arena-ls, never the repository).
// For each input, R runs (default 5), each one a new server process:
//   init         spawn → the `initialize` response (initialize is written at spawn, as editors do)
//   first diag   `initialize` sent → the first publishDiagnostics of the file, opened (didOpen) as
//                soon as initialize answered and `initialized` was sent
//   edit 1..10   the first ten edits, each timed from didChange to the publishDiagnostics of its
//                version, the next edit sent when that arrived; the first one at once, or MS after
//                the first diagnostics with --first-edit-after MS (a user reading before typing)
//   steady       N more edits (--edits, default 40; --big-edits, default 20, for files over 1 MB; 0: none, – in the table):
//                p50 and p95 of the run
//   peak RSS     the server process's VmHWM (/proc) at the end of the run; "by first diag": when the first
//                diagnostics arrived (the open's own peak, before any edit)
//   warm reopen  then the same text opened again under another URI (…/reopened/NAME), timed from didOpen
//                to its diagnostics: the first diagnostics' work on a warm JVM (closed again at once)
//   steady CPU   the server process's CPU time (all threads, the JIT's included; /proc, 10 ms ticks) over
//                the steady edits, per edit: what load from other processes inflates least
// Each edit inserts a space at the start of a line chosen by a seeded generator, the next deletes
// it again (the text returns to the original every second edit); the same lines in every run.
// --many F: one more row, F real files open at once (effect@4.1.0 src/**/*.ts and typescript@6.0.3
// lib/*.d.ts, lib/*.js of at most 2,000,000 bytes, the five largest and the rest evenly spaced over
// the sorted paths, as EditingSessionHarness picks them): time to all their diagnostics, peak RSS.
// --nmt adds -XX:NativeMemoryTracking=summary and reads `jcmd PID VM.native_memory summary` (the jcmd
// beside the java that runs) after the last edit, before the warm reopen (the state of the peak RSS
// column): heap, metaspace (class), code cache, thread
// stacks, each committed. NMT itself costs some memory: take RSS figures from runs without it.
//
// --floors adds, before the inputs, the floors under `initialize` and the idle process on this stack,
// each R runs with the editor's JVM options (DEFAULT_JVM_OPTIONS of the VS Code extension) and the
// JVM the launcher runs (the JDK that made the server's archive, or --java): a bare JVM printing a
// line and exiting (benchmarks/editor/floor/Floor.java) without class sharing, with the JDK's archive
// and with an archive of its own; a minimal LSP4J server that answers `initialize` and nothing else
// (floor/MinimalLspServer.java, LSP4J from the server's jar) with the JDK's archive and with its own
// static archive (class list from a training session, -Xshare:dump, as server/scripts/server-archive.sh
// makes ours); arena-ls itself to `initialize` only; the RSS of an idle JVM (Floor idle, 500 ms after
// spawn). Sources compiled and archives dumped into benchmarks/editor/target/floors at every run.
// --mark FILE writes the server's PID into FILE once a run's peak RSS column is read (before the warm
// reopen) and waits until FILE is removed (60 s at most): a sampler of its memory stops and reads there
// (benchmarks/editor/memory/peak-smaps.py; a heap dump: jcmd PID GC.heap_dump).
// --histogram prints, for the first run of each input, the top of `jcmd PID GC.class_histogram` after
// the last edit (the reopened copy closed; a full collection first, so live objects only).
// --server launcher (default): bin/arena-ls, with JAVA=--java and ARENA_LS_JAVA_OPTS=--opts.
// --server vscode: the command line the VS Code extension builds for a jar (javaCommandLine in
// editor-clients/vscode/src/launch.ts: java, its default JVM options read from that file, --opts,
// -jar server/target/arena-ls.jar), java = --java or `java`.
// Prints a Markdown table: median over the runs, with the spread (min–max) where it matters.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TIMEOUT_MS = 300_000;

// ---------------------------------------------------------------- arguments
let runs = 5, edits = 40, bigEdits = 20, many = 0, serverKind = 'launcher', java = null, opts = '', nmt = false, floors = false, histogram = false, label = '';
let firstEditAfter = 0, mark = null;
const inputs = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') runs = Number(argv[++i]);
    else if (a === '--edits') edits = Number(argv[++i]);
    else if (a === '--big-edits') bigEdits = Number(argv[++i]);
    else if (a === '--many') many = Number(argv[++i]);
    else if (a === '--server') serverKind = argv[++i];
    else if (a === '--java') java = argv[++i];
    else if (a === '--opts') opts = argv[++i];
    else if (a === '--nmt') nmt = true;
    else if (a === '--floors') floors = true;
    else if (a === '--histogram') histogram = true;
    else if (a === '--first-edit-after') firstEditAfter = Number(argv[++i]);
    else if (a === '--label') label = argv[++i];
    else if (a === '--mark') mark = argv[++i];
    else if (a === '-h' || a === '--help') { console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 51).join('\n')); process.exit(0); }
    else inputs.push(a);
}
if (serverKind !== 'launcher' && serverKind !== 'vscode') fail(`--server launcher|vscode, not ${serverKind}`);
const jar = path.join(ROOT, 'server', 'target', 'arena-ls.jar');
if (!existsSync(jar)) fail(`${jar} is missing: build it (mvn -B -q -o -pl server -am package -DskipTests)`);

function fail(message) {
    console.error(`editor-latency: ${message}`);
    process.exit(2);
}

// ---------------------------------------------------------------- inputs, fetched pinned
function fetchPackages(...specs) {
    const out = execFileSync('bash', [path.join(ROOT, 'test-fixtures', 'scripts', 'fetch-npm.sh'), ...specs], { encoding: 'utf8' });
    return Object.fromEntries(out.trim().split('\n').map(l => { const s = l.indexOf(' '); return [l.slice(0, s), l.slice(s + 1)]; }));
}

function languageId(file) {
    if (/\.(ts|mts|cts)$/.test(file)) return 'typescript';
    if (/\.tsx$/.test(file)) return 'typescriptreact';
    if (/\.jsx$/.test(file)) return 'javascriptreact';
    return 'javascript';
}

function resolveInputs() {
    const wanted = inputs.length > 0 ? inputs : ['2k', 'dom', 'tsjs'];
    const named = { '2k': ['zod@4.6.7', 'src/v4/mini/schemas.ts'], dom: ['typescript@6.0.3', 'lib/lib.dom.d.ts'], tsjs: ['typescript@6.0.3', 'lib/typescript.js'] };
    const specs = [...new Set(wanted.filter(w => named[w]).map(w => named[w][0]))];
    const pkgs = specs.length ? fetchPackages(...specs) : {};
    return wanted.map(w => {
        const file = named[w] ? path.join(pkgs[named[w][0]], named[w][1]) : path.resolve(w);
        if (!existsSync(file)) fail(`no such file: ${file}`);
        const text = readFileSync(file, 'utf8');
        return { name: named[w] ? `${named[w][0]} ${named[w][1]}` : path.basename(file), file, text, lines: text.split('\n').length };
    });
}

/** The files EditingSessionHarness opens: the five largest under 2,000,000 bytes, the rest evenly spaced. */
function manyFiles(count) {
    const pkgs = fetchPackages('effect@4.1.0', 'typescript@6.0.3');
    const all = [];
    const walk = dir => {
        for (const e of readdirSync(dir, { withFileTypes: true })) {
            const p = path.join(dir, e.name);
            if (e.isDirectory()) walk(p);
            else if (p.endsWith('.ts')) all.push(p);
        }
    };
    walk(path.join(pkgs['effect@4.1.0'], 'src'));
    for (const name of readdirSync(path.join(pkgs['typescript@6.0.3'], 'lib'))) {
        if (/\.(d\.ts|js)$/.test(name)) all.push(path.join(pkgs['typescript@6.0.3'], 'lib', name));
    }
    const files = all.filter(p => statSync(p).size <= 2_000_000).sort();
    const chosen = new Set([...files].sort((a, b) => statSync(b).size - statSync(a).size).slice(0, Math.min(5, count)));
    const rest = files.filter(p => !chosen.has(p));
    const need = Math.min(count - chosen.size, rest.length);
    for (let i = 0; i < need; i++) chosen.add(rest[Math.floor(i * rest.length / need)]);
    return [...chosen].sort();
}

// ---------------------------------------------------------------- the server's command line
function vscodeDefaultOptions() {
    // the extension's own list, read from its source so the two cannot drift apart
    const src = readFileSync(path.join(ROOT, 'editor-clients', 'vscode', 'src', 'launch.ts'), 'utf8');
    const m = /DEFAULT_JVM_OPTIONS[^=]*=\s*\[([^\]]*)\]/.exec(src);
    if (!m) fail('DEFAULT_JVM_OPTIONS not found in launch.ts');
    return [...m[1].matchAll(/'([^']*)'/g)].map(x => x[1]);
}

function serverCommand(extraOpts) {
    const all = [opts, extraOpts].filter(Boolean).join(' ');
    if (serverKind === 'launcher') {
        const env = { ...process.env, ARENA_LS_JAVA_OPTS: all };
        if (java) env.JAVA = java;
        return { command: path.join(ROOT, 'bin', 'arena-ls'), args: [], env };
    }
    return { command: java ?? 'java', args: [...vscodeDefaultOptions(), ...all.split(/\s+/).filter(Boolean), '-jar', jar], env: process.env };
}

function jcmdFor() {
    const j = java ?? (() => { try { return execFileSync('readlink', ['-f', execFileSync('sh', ['-c', 'command -v java'], { encoding: 'utf8' }).trim()], { encoding: 'utf8' }).trim(); } catch { return 'java'; } })();
    const beside = path.join(path.dirname(j), 'jcmd');
    return existsSync(beside) ? beside : 'jcmd';
}

// ---------------------------------------------------------------- a minimal LSP client
class Client {
    constructor({ command, args, env }) {
        this.t0 = process.hrtime.bigint();
        this.proc = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env });
        this.stderr = '';
        this.proc.stderr.on('data', d => { if (this.stderr.length < 20000) this.stderr += d; });
        this.nextId = 1;
        this.pending = new Map();
        this.diagnosticWaiters = [];
        this.buffer = Buffer.alloc(0);
        this.proc.stdout.on('data', chunk => this.onData(chunk));
        this.exited = new Promise(resolve => this.proc.on('exit', code => resolve(code)));
    }

    now() { return Number(process.hrtime.bigint() - this.t0) / 1e6; }

    onData(chunk) {
        this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
        for (;;) {
            const headerEnd = this.buffer.indexOf('\r\n\r\n');
            if (headerEnd < 0) return;
            const m = /Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
            if (!m) throw new Error(`bad header from the server: ${this.buffer.subarray(0, headerEnd)}`);
            const length = Number(m[1]);
            if (this.buffer.length < headerEnd + 4 + length) return;
            const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length);
            this.buffer = this.buffer.subarray(headerEnd + 4 + length);
            this.onMessage(JSON.parse(body.toString('utf8')), this.now());
        }
    }

    onMessage(message, at) {
        if (message.id !== undefined && message.method === undefined) {
            const p = this.pending.get(message.id);
            if (!p) return;
            this.pending.delete(message.id);
            clearTimeout(p.timer);
            if (message.error) p.reject(new Error(`${p.method}: ${message.error.message}`));
            else p.resolve({ result: message.result, at });
        } else if (message.id !== undefined) {
            const result = message.method === 'workspace/configuration' ? (message.params?.items ?? []).map(() => null) : null;
            this.write({ jsonrpc: '2.0', id: message.id, result });
        } else if (message.method === 'textDocument/publishDiagnostics') {
            const { uri, version } = message.params;
            this.diagnosticWaiters = this.diagnosticWaiters.filter(w => {
                if (w.uri !== uri || (w.version !== undefined && version !== w.version)) return true;
                clearTimeout(w.timer);
                w.resolve({ at, count: message.params.diagnostics.length });
                return false;
            });
        }
    }

    write(message) {
        const body = Buffer.from(JSON.stringify(message), 'utf8');
        this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    }

    request(method, params) {
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`${method} timed out; stderr: ${this.stderr}`)), TIMEOUT_MS);
            this.pending.set(id, { resolve, reject, timer, method });
            this.write({ jsonrpc: '2.0', id, method, params });
        });
    }

    notify(method, params) { this.write({ jsonrpc: '2.0', method, params }); }

    /** The next publishDiagnostics for uri (of that version, when given); registered before the message that causes it is sent. */
    diagnostics(uri, version) {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}; stderr: ${this.stderr}`)), TIMEOUT_MS);
            this.diagnosticWaiters.push({ uri, version, resolve, timer });
        });
    }

    /** CPU time of the server process so far (user + system, all threads; 10 ms ticks): what load on the machine does not inflate. */
    cpuMs() {
        try {
            const fields = readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8').split(') ')[1].split(' ');
            return (Number(fields[11]) + Number(fields[12])) * 10;
        } catch { return NaN; }
    }

    peakRssMb() {
        try {
            const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'));
            return m ? Number(m[1]) / 1024 : NaN;
        } catch { return NaN; }
    }

    async close() {
        try {
            await this.request('shutdown', null);
            this.notify('exit', null);
        } catch { /* killed below */ }
        const timer = setTimeout(() => this.proc.kill('SIGKILL'), 10_000);
        await this.exited;
        clearTimeout(timer);
    }
}

const CAPABILITIES = {
    general: { positionEncodings: ['utf-16'] },
    textDocument: {
        synchronization: { dynamicRegistration: false, didSave: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] } },
    },
    window: { workDoneProgress: false },
};

// ---------------------------------------------------------------- one cold session
function nmtSummary(pid) {
    const out = spawnSync(jcmdFor(), [String(pid), 'VM.native_memory', 'summary'], { encoding: 'utf8' }).stdout ?? '';
    const committed = name => {
        const m = new RegExp(`-\\s+${name} \\(reserved=\\d+KB, committed=(\\d+)KB`).exec(out);
        return m ? Number(m[1]) / 1024 : NaN;
    };
    const total = /Total: reserved=\d+KB, committed=(\d+)KB/.exec(out);
    return { total: total ? Number(total[1]) / 1024 : NaN, heap: committed('Java Heap'), metaspace: committed('Class') + (committed('Metaspace') || 0),
        code: committed('Code'), threads: committed('Thread'), gc: committed('GC'), symbol: committed('Symbol'),
        shared: committed('Shared class space'), chunks: (committed('Arena Chunk') || 0) + (committed('Compiler') || 0),
        other: ['Other', 'Internal', 'Module', 'Synchronization', 'Native Memory Tracking'].reduce((a, k) => a + (committed(k) || 0), 0) };
}

/** A generator of line numbers, the same in every run. */
function lineSequence(lines, seed) {
    let s = seed >>> 0;
    return () => { s = (s * 1103515245 + 12345) >>> 0; return (s >>> 8) % lines; };
}

async function session(input, steadyEdits) {
    const client = new Client(serverCommand(nmt ? '-XX:NativeMemoryTracking=summary' : ''));
    const uri = pathToFileURL(input.file).href;
    const init = await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: CAPABILITIES, initializationOptions: {} });
    const row = { init: init.at, initCpu: client.cpuMs() };
    client.notify('initialized', {});
    const firstDiagnostics = client.diagnostics(uri, 1);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: languageId(input.file), version: 1, text: input.text } });
    const first = await firstDiagnostics;
    row.firstDiag = first.at;
    row.firstDiagCpu = client.cpuMs();
    row.firstDiagRss = client.peakRssMb(); // the open's own peak, before any edit
    row.diagnostics = first.count;
    if (firstEditAfter > 0) await new Promise(resolve => setTimeout(resolve, firstEditAfter));
    const nextLine = lineSequence(input.lines, 22);
    let version = 1, line = 0;
    const times = [];
    let steadyCpu0 = 0;
    for (let i = 0; i < 10 + steadyEdits; i++) {
        if (i === 10) steadyCpu0 = client.cpuMs();
        const insert = i % 2 === 0;
        if (insert) line = nextLine();
        version++;
        const range = insert ? { start: { line, character: 0 }, end: { line, character: 0 } } : { start: { line, character: 0 }, end: { line, character: 1 } };
        const published = client.diagnostics(uri, version);
        const t0 = client.now();
        client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert ? ' ' : '' }] });
        times.push((await published).at - t0);
    }
    row.first10 = times.slice(0, 10);
    row.steady = times.slice(10);
    // the server's CPU (every thread: the JIT's too) per steady edit: what other processes' load does not inflate
    row.steadyCpu = steadyEdits > 0 ? (client.cpuMs() - steadyCpu0) / steadyEdits : NaN;
    row.rss = client.peakRssMb();
    // NMT here, at the state of the peak above (the reopened copy below would add a second document's heap)
    if (nmt) row.nmt = nmtSummary(client.proc.pid);
    // --mark FILE: this run's peak column is read; a sampler of the server's memory (smaps, a heap dump)
    // reads it here and removes FILE to let the run go on (after 60 s it goes on anyway)
    if (mark) {
        writeFileSync(mark, `${client.proc.pid}\n`);
        for (let waited = 0; existsSync(mark) && waited < 60_000; waited += 20) await new Promise(resolve => setTimeout(resolve, 20));
    }
    // the same text opened again under another name, the JIT now warm: what the first diagnostics cost
    // without the cold JVM (didOpen's JSON, parse, bind, diagnostics, publish)
    const again = pathToFileURL(path.join(path.dirname(input.file), 'reopened', path.basename(input.file))).href;
    const reopened = client.diagnostics(again, 1);
    const t1 = client.now();
    client.notify('textDocument/didOpen', { textDocument: { uri: again, languageId: languageId(input.file), version: 1, text: input.text } });
    row.reopen = (await reopened).at - t1;
    client.notify('textDocument/didClose', { textDocument: { uri: again } });
    if (histogram) row.histogram = spawnSync(jcmdFor(), [String(client.proc.pid), 'GC.class_histogram'], { encoding: 'utf8' }).stdout ?? '';
    await client.close();
    return row;
}

async function manySession(files) {
    const client = new Client(serverCommand(nmt ? '-XX:NativeMemoryTracking=summary' : ''));
    await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: CAPABILITIES, initializationOptions: {} });
    client.notify('initialized', {});
    const t0 = client.now();
    const all = [];
    let bytes = 0;
    for (const file of files) {
        const uri = pathToFileURL(file).href;
        const text = readFileSync(file, 'utf8');
        bytes += Buffer.byteLength(text);
        all.push(client.diagnostics(uri, 1));
        client.notify('textDocument/didOpen', { textDocument: { uri, languageId: languageId(file), version: 1, text } });
    }
    await Promise.all(all);
    const row = { allDiag: client.now() - t0, rss: client.peakRssMb(), bytes };
    await client.close();
    return row;
}

// ---------------------------------------------------------------- statistics and the table
const sorted = xs => [...xs].filter(x => !Number.isNaN(x)).sort((a, b) => a - b);
const pct = (xs, p) => { const s = sorted(xs); return s.length ? s[Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)] : NaN; };
const median = xs => pct(xs, 50);
// a figure with nothing behind it (no steady edits with --edits 0, a run that read no /proc) prints as '–'
const f = (x, d = 1) => (typeof x !== 'number' || Number.isNaN(x) ? '–' : x.toFixed(d));
const spread = (xs, d = 1) => {
    const s = sorted(xs);
    return s.length === 0 ? '–' : `${f(median(s), d)} (${f(s[0], d)}–${f(s.at(-1), d)})`;
};

const load = () => os.loadavg().map(x => x.toFixed(2)).join(' ');
const javaVersion = (() => {
    const r = spawnSync(java ?? 'java', ['-version'], { encoding: 'utf8' });
    return (r.stderr.split('\n').find(l => /version/.test(l)) ?? '?').trim();
})();
console.log(`editor-latency ${label}: ${serverKind === 'launcher' ? 'bin/arena-ls' : 'VS Code command line'}, ${javaVersion}, opts "${opts}"${nmt ? ' +NMT' : ''}${firstEditAfter ? `, first edit ${firstEditAfter} ms after the first diagnostics` : ''}`);
console.log(`${new Date().toISOString()}, ${os.cpus().length} cores, load ${load()}, ${runs} runs`);
// ---------------------------------------------------------------- floors (--floors)
/** The JVM the launcher runs: --java, else the JDK that made the server's archive, else `java`. */
function launcherJava() {
    if (java) return java;
    try {
        const made = readFileSync(path.join(ROOT, 'server', 'target', 'arena-ls-server.made-from'), 'utf8').trim();
        if (existsSync(path.join(made, 'bin', 'java'))) return path.join(made, 'bin', 'java');
    } catch { /* no archive: the launcher runs `java` */ }
    return 'java';
}

/** Compiles floor/*.java against the server's jar (LSP4J is shaded into it) into a jar (CDS archives only jars). */
function prepareFloors(jvm) {
    const dir = path.join(ROOT, 'benchmarks', 'editor', 'target', 'floors');
    const classes = path.join(dir, 'classes');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(classes, { recursive: true });
    const javac = path.join(path.dirname(jvm), 'javac');
    const sources = ['Floor.java', 'MinimalLspServer.java'].map(f => path.join(ROOT, 'benchmarks', 'editor', 'floor', f));
    execFileSync(existsSync(javac) ? javac : 'javac', ['-cp', jar, '-d', classes, ...sources], { stdio: 'inherit' });
    const jarTool = path.join(path.dirname(jvm), 'jar');
    const floorJar = path.join(dir, 'floors.jar');
    execFileSync(existsSync(jarTool) ? jarTool : 'jar', ['cf', floorJar, '-C', classes, '.'], { stdio: 'inherit' });
    return { dir, classPath: `${jar}:${floorJar}` };
}

/** Records the classes a run loads (-XX:DumpLoadedClassList) and dumps a static archive of them. */
async function dumpArchive(jvm, classPath, name, train) {
    const dir = path.join(ROOT, 'benchmarks', 'editor', 'target', 'floors');
    const list = path.join(dir, `${name}.classlist`);
    const archive = path.join(dir, `${name}.jsa`);
    await train([`-XX:DumpLoadedClassList=${list}`]);
    execFileSync(jvm, ['-Xshare:dump', `-XX:SharedClassListFile=${list}`, `-XX:SharedArchiveFile=${archive}`,
        '-Xlog:disable', '-Xlog:all=error:stderr', '-cp', classPath], { stdio: ['ignore', 'ignore', 'inherit'] });
    return [`-XX:SharedArchiveFile=${archive}`, '-Xlog:cds=off:stderr', '-Xlog:cds+dynamic=off:stderr'];
}

function timedExit(command, args) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(command, args, { stdio: 'ignore' });
    if (r.status !== 0) fail(`${command} ${args.join(' ')} exited with ${r.status}`);
    return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Spawn → `initialize` answered, CPU and peak RSS by then; then shutdown and exit. */
async function initOnly(spec) {
    const client = new Client(spec);
    const init = await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: CAPABILITIES, initializationOptions: {} });
    const row = { init: init.at, cpu: client.cpuMs(), rss: client.peakRssMb() };
    await client.close();
    return row;
}

async function idleRss(jvm, args) {
    const proc = spawn(jvm, args, { stdio: ['pipe', 'ignore', 'inherit'] });
    await new Promise(resolve => setTimeout(resolve, 500));
    let rss = NaN;
    try { rss = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))[1]) / 1024; } catch { /* exited */ }
    proc.stdin.end();
    await new Promise(resolve => proc.on('exit', resolve));
    return rss;
}

async function floorRows() {
    const jvm = launcherJava();
    const flags = vscodeDefaultOptions();
    const { classPath } = prepareFloors(jvm);
    const lsp = extra => ({ command: jvm, args: [...flags, ...extra, '-cp', classPath, 'MinimalLspServer'], env: process.env });
    const helloArchive = await dumpArchive(jvm, classPath, 'hello', async extra => { timedExit(jvm, [...flags, ...extra, '-cp', classPath, 'Floor']); });
    const lspArchive = await dumpArchive(jvm, classPath, 'minimal-lsp', async extra => { await initOnly(lsp(extra)); });
    const hello = extra => timedExit(jvm, [...flags, ...extra, '-cp', classPath, 'Floor']);
    const rows = [];
    const exitRow = (name, extra) => {
        const xs = Array.from({ length: runs }, () => hello(extra));
        rows.push(`| ${name} | spawn → exit ${spread(xs, 0)} | | |`);
    };
    exitRow('JVM, hello world, no class sharing (-Xshare:off)', ['-Xshare:off']);
    exitRow('JVM, hello world, the JDK\'s archive', []);
    exitRow('JVM, hello world, its own archive', helloArchive);
    const initRow = async (name, spec) => {
        const xs = [];
        for (let r = 0; r < runs; r++) xs.push(await initOnly(spec()));
        rows.push(`| ${name} | ${spread(xs.map(x => x.init), 0)} | ${f(median(xs.map(x => x.cpu)), 0)} | ${spread(xs.map(x => x.rss), 0)} |`);
    };
    await initRow('minimal LSP4J server, the JDK\'s archive', () => lsp([]));
    await initRow('minimal LSP4J server, its own archive', () => lsp(lspArchive));
    await initRow(`arena-ls (${serverKind === 'launcher' ? 'bin/arena-ls' : 'VS Code command line'}), \`initialize\` only`, () => serverCommand(''));
    const idle = [];
    for (let r = 0; r < runs; r++) idle.push(await idleRss(jvm, [...flags, '-cp', classPath, 'Floor', 'idle']));
    rows.push(`| idle JVM (Floor idle, the JDK's archive), 500 ms after spawn | | | ${spread(idle, 0)} |`);
    console.log(`Floors: ${jvm}, the editor's options (${flags.join(' ')}); median (min–max) of ${runs} runs`);
    console.log('');
    console.log('| process | spawn → `initialize` answered, ms | CPU ms by then | peak RSS MB by then |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const row of rows) console.log(row);
    console.log('');
}
console.log('');
if (floors) await floorRows();
console.log('| input | init ms | init CPU ms | init → first diag ms | CPU ms by then | edits 1–10 (median of runs, ms) | edit 1 max | steady p50 | steady p95 | peak RSS MB | warm reopen ms | steady CPU ms/edit | peak RSS MB by first diag |');
console.log('| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const nmtRows = [];
const histograms = [];
// the floor under `initialize`: the same JVM and options starting and exiting (`--version`: main runs, prints, exits)
{
    const times = [];
    for (let r = 0; r < runs; r++) {
        const { command, args, env } = serverCommand('');
        const t0 = process.hrtime.bigint();
        spawnSync(command, [...args, '--version'], { env, stdio: 'ignore' });
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    console.log(`| (floor: \`--version\`, spawn → exit) | ${spread(times, 0)} | | | | | | | | |`);
}
for (const input of resolveInputs()) {
    const steadyEdits = input.text.length > 1_000_000 ? bigEdits : edits;
    const rows = [];
    for (let r = 0; r < runs; r++) rows.push(await session(input, steadyEdits));
    const firstTen = Array.from({ length: 10 }, (_, i) => f(median(rows.map(x => x.first10[i]))));
    console.log(`| ${input.name} (${input.lines} lines) | ${spread(rows.map(x => x.init), 0)} | ${f(median(rows.map(x => x.initCpu)), 0)} | ${spread(rows.map(x => x.firstDiag), 0)} | ${f(median(rows.map(x => x.firstDiagCpu)), 0)} | ${firstTen.join(' ')} | `
        + `${f(Math.max(...rows.map(x => x.first10[0])))} | ${spread(rows.map(x => pct(x.steady, 50)), 2)} | ${spread(rows.map(x => pct(x.steady, 95)), 2)} | ${spread(rows.map(x => x.rss), 1)} | ${spread(rows.map(x => x.reopen), 0)} | ${spread(rows.map(x => x.steadyCpu), 2)} | ${spread(rows.map(x => x.firstDiagRss), 1)} |`);
    if (histogram) histograms.push([input.name, rows[0].histogram]);
    if (nmt) nmtRows.push([input.name, rows.map(x => x.nmt)]);
}
if (many > 0) {
    const files = manyFiles(many);
    const rows = [];
    for (let r = 0; r < runs; r++) rows.push(await manySession(files));
    console.log(`| ${files.length} files open (${(rows[0].bytes / 1e6).toFixed(1)} MB) | | | all diagnostics: ${spread(rows.map(x => x.allDiag), 0)} | | | | | | | ${spread(rows.map(x => x.rss), 1)} |`);
    if (nmt) nmtRows.push([`${files.length} files`, rows.map(x => x.nmt)]);
}
if (nmt) {
    console.log('');
    console.log('NMT committed MB (median of runs), after the last edit (before the warm reopen) / with every file open;');
    console.log('"compiler" = arena chunks and the compiler\'s own (the JIT\'s working memory, kept by a chunk pool):');
    console.log('');
    console.log('| input | total | heap | metaspace (class) | code cache | thread stacks | GC | symbols | CDS | compiler | other |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, xs] of nmtRows) {
        const k = key => f(median(xs.map(x => x[key])));
        console.log(`| ${name} | ${k('total')} | ${k('heap')} | ${k('metaspace')} | ${k('code')} | ${k('threads')} | ${k('gc')} | ${k('symbol')} | ${k('shared')} | ${k('chunks')} | ${k('other')} |`);
    }
}
for (const [name, text] of histograms) {
    console.log('');
    console.log(`Heap histogram (live objects), ${name}, after the last edit:`);
    console.log('```');
    console.log(text.split('\n').slice(0, 18).join('\n'));
    console.log('```');
}
console.log('');
console.log(`load at the end: ${load()}`);
