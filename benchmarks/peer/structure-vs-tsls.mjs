#!/usr/bin/env node
// Semantic tokens and folding ranges from arena-ls and from typescript-language-server, on the same
// files in the same run, each server driven over stdio by the same small LSP client (raw framing, no
// dependencies), the times being what a client waits: request sent → response parsed.
//
//   node benchmarks/peer/structure-vs-tsls.mjs [--runs N] [--big-runs M] [--warmup W] [--big-warmup V] [--jar PATH] [INPUT ...]
//
// INPUT: a file, or a number of lines of the generated module the server harnesses use
// (dev.arenals.server.bench.GeneratedSource); default: 10000 and TypeScript 6.0.3's lib/typescript.js
// from the pinned corpus (fetched by test-fixtures/scripts/fetch-npm.sh). Each input is copied
// into a fresh temporary folder (no tsconfig or package.json around it), opened, and asked:
//   - foldingRange W + N times right after didOpen (lineFoldingOnly, no rangeLimit, so both do the
//     whole file; syntax only, so asked first);
//   - semanticTokens/full once (a server's first semantic answer: arena-ls binds and walks; tsserver
//     builds its program and checks what classification needs), then W + N times more;
//   - N one-character edits in the middle line (typed and deleted in turn), each followed by what
//     VS Code asks next: semanticTokens/full/delta where the server offers it (arena-ls), else
//     semanticTokens/full (typescript-language-server offers no delta); timed from didChange.
// N = --runs (default 20) for files under 1 MB, --big-runs (default 5) above; before the measured
// rounds of each request, W unmeasured ones (--warmup, default 20; --big-warmup, default 2). A request
// a server fails is reported in the table, not fatal.
//
// typescript-language-server 5.3.0 (the newest for Node 20; 6.x needs Node 22.22) with typescript
// 6.0.3 as its tsserver are installed with npm, pinned, into
// ${ARENA_LS_CACHE:-~/.cache/arena-ls}/peer/tsls-5.3.0-ts-6.0.3 on first use: never into the repository.
// arena-ls runs from server/target/arena-ls.jar (build it: mvn -B -q -o -pl server -am package
// -DskipTests) with the launcher's editor JVM options. Prints one table (Markdown) at the end.
import { spawnSync } from 'node:child_process';
import { Client } from './lsp-client.mjs';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = process.env.ARENA_LS_CACHE ?? path.join(os.homedir(), '.cache', 'arena-ls');
const TSLS_VERSION = '5.3.0';
const TS_VERSION = '6.0.3';

// ---------------------------------------------------------------- arguments
let runs = 20, bigRuns = 5, warmup = 20, bigWarmup = 2, jar = path.join(ROOT, 'server', 'target', 'arena-ls.jar');
const inputs = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else if (argv[i] === '--big-runs') bigRuns = Number(argv[++i]);
    else if (argv[i] === '--warmup') warmup = Number(argv[++i]);
    else if (argv[i] === '--big-warmup') bigWarmup = Number(argv[++i]);
    else if (argv[i] === '--jar') jar = path.resolve(argv[++i]);
    else inputs.push(argv[i]);
}
if (!existsSync(jar)) fail(`${jar} is missing: build it (mvn -B -q -o -pl server -am package -DskipTests)`);

function fail(message) {
    console.error(`structure-vs-tsls: ${message}`);
    process.exit(2);
}

// ---------------------------------------------------------------- the peer, pinned, outside the repo
function installPeer() {
    const dir = path.join(CACHE, 'peer', `tsls-${TSLS_VERSION}-ts-${TS_VERSION}`);
    const cli = path.join(dir, 'node_modules', 'typescript-language-server', 'lib', 'cli.mjs');
    const marker = path.join(dir, '.arena-ls-installed');
    if (!existsSync(marker) || !existsSync(cli)) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
        console.error(`installing typescript-language-server@${TSLS_VERSION} typescript@${TS_VERSION} into ${dir}`);
        const r = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--save-exact',
            `typescript-language-server@${TSLS_VERSION}`, `typescript@${TS_VERSION}`], { cwd: dir, stdio: 'inherit', timeout: 600_000 });
        if (r.status !== 0) fail('npm install failed');
        writeFileSync(marker, '');
    }
    return { cli, tsserver: path.join(dir, 'node_modules', 'typescript', 'lib') };
}

// ---------------------------------------------------------------- inputs
function inputFiles() {
    const out = [];
    const wanted = inputs.length > 0 ? inputs : ['10000', 'typescript.js'];
    for (const input of wanted) {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-ls-peer-'));
        if (/^\d+$/.test(input)) {
            const r = spawnSync('java', ['-cp', jar, 'dev.arenals.server.bench.GeneratedSource', input], { encoding: 'utf8', maxBuffer: 1 << 30 });
            if (r.status !== 0) fail(`GeneratedSource failed: ${r.stderr}`);
            const file = path.join(dir, 'generated.js');
            writeFileSync(file, r.stdout);
            out.push({ name: `generated ${input} lines`, file, languageId: 'javascript' });
        } else {
            let source = input;
            if (input === 'typescript.js') {
                const r = spawnSync('bash', [path.join(ROOT, 'test-fixtures', 'scripts', 'fetch-npm.sh'), `typescript@${TS_VERSION}`], { encoding: 'utf8' });
                if (r.status !== 0) fail(`fetch-npm.sh failed: ${r.stderr}`);
                source = path.join(r.stdout.trim().split(' ').slice(1).join(' '), 'lib', 'typescript.js');
            }
            const file = path.join(dir, path.basename(source));
            copyFileSync(source, file);
            const ext = path.extname(file);
            out.push({ name: path.basename(source), file, languageId: ext === '.ts' || ext === '.mts' || ext === '.cts' ? 'typescript' : 'javascript' });
        }
    }
    return out;
}

// ---------------------------------------------------------------- a minimal LSP client

const CAPABILITIES = {
    general: { positionEncodings: ['utf-16'] },
    textDocument: {
        synchronization: { dynamicRegistration: false, didSave: true },
        semanticTokens: {
            dynamicRegistration: false,
            tokenTypes: ['namespace', 'type', 'class', 'enum', 'interface', 'struct', 'typeParameter', 'parameter', 'variable',
                'property', 'enumMember', 'event', 'function', 'method', 'macro', 'keyword', 'modifier', 'comment', 'string',
                'number', 'regexp', 'operator', 'decorator'],
            tokenModifiers: ['declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification',
                'documentation', 'defaultLibrary'],
            formats: ['relative'],
            requests: { range: true, full: { delta: true } },
            multilineTokenSupport: false,
            overlappingTokenSupport: false,
        },
        foldingRange: { dynamicRegistration: false, lineFoldingOnly: true },
    },
    workspace: { configuration: true },
};

// ---------------------------------------------------------------- one server on one file
async function measure(server, input, n, warmup) {
    const text = readFileSync(input.file, 'utf8');
    const uri = pathToFileURL(input.file).href;
    const folder = pathToFileURL(path.dirname(input.file)).href;
    const client = new Client(server.command, server.args, server.name);
    const init = await client.request('initialize', {
        processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'bench' }],
        capabilities: CAPABILITIES, initializationOptions: server.initializationOptions ?? {},
    });
    client.notify('initialized', {});
    const tokensProvider = init.result.capabilities.semanticTokensProvider;
    const hasDelta = typeof tokensProvider?.full === 'object' && tokensProvider.full.delta === true;

    const time = async (method, params) => {
        const t0 = process.hrtime.bigint();
        const r = await client.request(method, params);
        return { ms: Number(process.hrtime.bigint() - t0) / 1e6, ...r };
    };
    const row = { server: server.name, input: input.name, errors: [] };
    try {
        await measureOpen(client, row, time, text, uri, input, n, warmup, hasDelta);
    } catch (e) {
        // a server that fails a request (tsserver's stack overflow on typescript.js) is reported, not fatal
        row.errors.push(String(e.message).split('\n').slice(0, 2).join(' '));
    }
    await client.close();
    return row;
}

async function measureOpen(client, row, time, text, uri, input, n, warmup, hasDelta) {
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: input.languageId, version: 1, text } });
    // folding first: it needs no semantic analysis, so a server whose tokens fail still gets this row
    const folding = [];
    for (let i = 0; i < warmup + n; i++) {
        const r = await time('textDocument/foldingRange', { textDocument: { uri } });
        if (i >= warmup) folding.push(r.ms);
        row.folds = r.result?.length ?? 0;
    }
    row.folding = folding;

    const first = await time('textDocument/semanticTokens/full', { textDocument: { uri } });
    row.firstFull = first.ms;
    row.tokens = (first.result?.data?.length ?? 0) / 5;

    // unmeasured rounds first, so a JIT (arena-ls's JVM, and V8 for tsserver) runs compiled code
    for (let i = 0; i < warmup; i++) await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    const full = [];
    let last = first;
    for (let i = 0; i < n; i++) full.push((last = await time('textDocument/semanticTokens/full', { textDocument: { uri } })).ms);
    row.full = full;
    row.fullBytes = last.bytes;

    // one character typed and deleted in turn at the start of the middle line, each followed by tokens
    const line = Math.floor(text.split('\n').length / 2);
    let resultId = last.result?.resultId;
    const edits = [];
    let deltaInts = 0;
    for (let i = 0; i < n; i++) {
        const insert = i % 2 === 0;
        const t0 = process.hrtime.bigint();
        client.notify('textDocument/didChange', {
            textDocument: { uri, version: i + 2 },
            contentChanges: [{
                range: { start: { line, character: 0 }, end: { line, character: insert ? 0 : 1 } },
                text: insert ? 'x' : '',
            }],
        });
        let r;
        if (hasDelta && resultId) {
            r = await client.request('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: resultId });
            deltaInts = r.result?.edits ? r.result.edits.reduce((k, e) => k + (e.data?.length ?? 0), 0) : r.result?.data?.length;
        } else {
            r = await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
            deltaInts = r.result?.data?.length ?? 0;
        }
        edits.push(Number(process.hrtime.bigint() - t0) / 1e6);
        resultId = r.result?.resultId;
    }
    row.edit = edits;
    row.editRequest = hasDelta ? 'full/delta' : 'full';
    row.editInts = deltaInts;
}

function quantile(values, q) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}

const fmt = ms => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const stats = values => `${fmt(quantile(values, 0.5))} / ${fmt(quantile(values, 0.95))}`;
const cell = values => (values && values.length > 0 ? stats(values) : 'failed');
const num = v => (v === undefined ? '-' : v.toLocaleString('en'));

// ---------------------------------------------------------------- main
const peer = installPeer();
const servers = [
    {
        name: 'arena-ls',
        command: 'java',
        // the launcher's options for an editor process (bin/arena-ls)
        args: ['-XX:+UseSerialGC', '-Xms16m', '-Xmx1g', '-Xlog:disable', '-Xlog:all=warning:stderr', '-jar', jar],
    },
    {
        name: `typescript-language-server ${TSLS_VERSION} (tsserver ${TS_VERSION})`,
        command: process.execPath,
        args: [peer.cli, '--stdio'],
        initializationOptions: { tsserver: { path: peer.tsserver }, maxTsServerMemory: 4096 },
    },
];

const rows = [];
const files = inputFiles();
console.error(`${new Date().toISOString()}  node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg().map(l => l.toFixed(1)).join(' ')}`);
for (const input of files) {
    const big = readFileSync(input.file).length > 1 << 20;
    const n = big ? bigRuns : runs;
    for (const server of servers) {
        console.error(`${server.name} on ${input.name} (n=${n}) ...`);
        const row = await measure(server, input, n, big ? bigWarmup : warmup);
        rows.push(row);
        console.error(`  folding ${cell(row.folding)} ms, first full ${row.firstFull === undefined ? '-' : fmt(row.firstFull)} ms, full ${cell(row.full)} ms,`
            + ` edit + ${row.editRequest ?? 'tokens'} ${cell(row.edit)} ms${row.errors.length ? '; ' + row.errors.join('; ') : ''}`);
    }
    rmSync(path.dirname(input.file), { recursive: true, force: true });
}
console.error(`load at the end: ${os.loadavg().map(l => l.toFixed(1)).join(' ')}`);

console.log('| input | server | folding ranges | `foldingRange` p50 / p95 (ms) | tokens | first `full` after open (ms) | `full` p50 / p95 (ms) | `full` answer (bytes) | 1-char edit → tokens p50 / p95 (ms) | edit answer (ints) |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
    const failed = r.errors.length > 0 ? ` (${r.errors.join('; ')})` : '';
    console.log(`| ${r.input} | ${r.server} | ${num(r.folds)} | ${cell(r.folding)} | ${num(r.tokens)} | ${r.firstFull === undefined ? 'failed' + failed : fmt(r.firstFull)} | `
        + `${cell(r.full)} | ${num(r.fullBytes)} | ${r.edit ? `${stats(r.edit)} (${r.editRequest})` : 'failed'} | ${num(r.editInts)} |`);
}
