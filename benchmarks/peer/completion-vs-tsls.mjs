#!/usr/bin/env node
// Request latency of arena-ls and typescript-language-server on the same files, same positions,
// same client, over stdio (JSON included): the time from sending the request to its answer, after
// both servers have the file open and answered one warm-up request. --method picks the request:
//   completion     at the start of N identifiers picked with a fixed seed (the default);
//   signatureHelp  right after the '(' of N calls picked with a fixed seed;
//   inlayHint      for a screenful (60 lines) from N lines picked with a fixed seed, parameter names
//                  before literal arguments (both servers configured so).
//
//   node benchmarks/peer/completion-vs-tsls.mjs [--method M] [--requests N] FILE...
//
// typescript-language-server is installed pinned at run time (never committed) into
// ${ARENA_LS_CACHE:-~/.cache/arena-ls}/tsls with the pinned typescript it drives; arena-ls is
// server/target/arena-ls.jar (or $ARENA_LS_JAR). Needs node 18+, npm and java.
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const TSLS_VERSION = '6.0.2';
const TYPESCRIPT_VERSION = '6.0.3';
const here = path.dirname(fileURLToPath(import.meta.url));

const args = process.argv.slice(2);
let requests = 200;
let method = 'completion';
const files = [];
for (let i = 0; i < args.length; i++) {
    if (args[i] === '--requests') requests = Number(args[++i]);
    else if (args[i] === '--method') method = args[++i];
    else files.push(path.resolve(args[i]));
}
if (files.length === 0) {
    console.error('usage: completion-vs-tsls.mjs [--method completion|signatureHelp|inlayHint] [--requests N] FILE...');
    process.exit(2);
}
if (!['completion', 'signatureHelp', 'inlayHint'].includes(method)) {
    console.error(`unknown --method ${method}`);
    process.exit(2);
}

const cache = process.env.ARENA_LS_CACHE ?? path.join(homedir(), '.cache', 'arena-ls');
const tslsDir = path.join(cache, 'tsls');
const tslsCli = path.join(tslsDir, 'node_modules', 'typescript-language-server', 'lib', 'cli.mjs');
if (!existsSync(tslsCli) || !existsSync(path.join(tslsDir, 'node_modules', 'typescript', 'package.json'))
        || JSON.parse(readFileSync(path.join(tslsDir, 'node_modules', 'typescript-language-server', 'package.json'), 'utf8')).version !== TSLS_VERSION) {
    mkdirSync(tslsDir, { recursive: true });
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', tslsDir,
        `typescript-language-server@${TSLS_VERSION}`, `typescript@${TYPESCRIPT_VERSION}`], { stdio: 'inherit' });
}
const jar = process.env.ARENA_LS_JAR ?? path.resolve(here, '..', '..', 'server', 'target', 'arena-ls.jar');

/** A minimal LSP client: Content-Length framing, requests with ids, notifications ignored. */
class Client {
    constructor(command, commandArgs) {
        this.proc = spawn(command, commandArgs, { stdio: ['pipe', 'pipe', 'ignore'] });
        this.buffer = Buffer.alloc(0);
        this.pending = new Map();
        this.nextId = 1;
        this.proc.stdout.on('data', chunk => this.receive(chunk));
    }

    receive(chunk) {
        this.buffer = Buffer.concat([this.buffer, chunk]);
        for (;;) {
            const headerEnd = this.buffer.indexOf('\r\n\r\n');
            if (headerEnd < 0) return;
            const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))[1]);
            if (this.buffer.length < headerEnd + 4 + length) return;
            const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
            this.buffer = this.buffer.subarray(headerEnd + 4 + length);
            if (message.id !== undefined && message.method !== undefined) {
                this.send({ jsonrpc: '2.0', id: message.id, result: null }); // a request from the server: answered empty
            } else if (message.id !== undefined && this.pending.has(message.id)) {
                this.pending.get(message.id)(message);
                this.pending.delete(message.id);
            }
        }
    }

    send(message) {
        const body = Buffer.from(JSON.stringify(message), 'utf8');
        this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
        this.proc.stdin.write(body);
    }

    request(method, params) {
        const id = this.nextId++;
        return new Promise(resolve => {
            this.pending.set(id, resolve);
            this.send({ jsonrpc: '2.0', id, method, params });
        });
    }

    notify(method, params) { this.send({ jsonrpc: '2.0', method, params }); }

    async stop() {
        await this.request('shutdown', null);
        this.notify('exit', null);
    }
}

/** Starts of identifiers (not in comments or strings, roughly) picked with a fixed seed, as line/character. */
function positions(text, n) {
    const lines = text.split('\n');
    const found = [];
    const word = /(?<![\w$.'"`#])[A-Za-z_$][\w$]*/g;
    lines.forEach((line, i) => {
        if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
        for (const m of line.matchAll(word)) found.push({ line: i, character: m.index });
    });
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const out = [];
    for (let i = 0; i < n && found.length > 0; i++) out.push(found[Math.floor(random() * found.length)]);
    return out;
}

/** Right after the '(' of calls (a name just before it), picked with a fixed seed. */
function callPositions(text, n) {
    const lines = text.split('\n');
    const found = [];
    lines.forEach((line, i) => {
        if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
        for (const m of line.matchAll(/([\w$]+)\(/g)) {
            // calls only: not `function f(`, nor a method declared at the start of a line (`  m(` / `get m(`)
            const before = line.slice(0, m.index);
            if (/function\*?\s*$/.test(before) || /^\s*((static|async|get|set|public|private|protected)\s+)*$/.test(before)) continue;
            found.push({ line: i, character: m.index + m[0].length });
        }
    });
    return pick(found, n);
}

/** Screenfuls of 60 lines from lines picked with a fixed seed. */
function screenfuls(text, n) {
    const count = text.split('\n').length;
    const starts = [];
    for (let i = 0; i < count; i++) starts.push(i);
    return pick(starts, n).map(line => ({ start: { line, character: 0 }, end: { line: Math.min(count - 1, line + 60), character: 0 } }));
}

function pick(found, n) {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const out = [];
    for (let i = 0; i < n && found.length > 0; i++) out.push(found[Math.floor(random() * found.length)]);
    return out;
}

/** The request of --method at one picked point. */
function requestAt(uri, point) {
    if (method === 'inlayHint') return ['textDocument/inlayHint', { textDocument: { uri }, range: point }];
    return [`textDocument/${method}`, { textDocument: { uri }, position: point }];
}

function sizeOf(result) {
    if (method === 'signatureHelp') return result?.signatures?.length ?? 0;
    return Array.isArray(result) ? result.length : result?.items?.length ?? 0;
}

function percentile(sorted, p) { return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]; }

async function measure(name, start, file, points) {
    const dir = mkdtempSync(path.join(tmpdir(), 'completion-bench-'));
    const copy = path.join(dir, path.basename(file));
    copyFileSync(file, copy);
    const text = readFileSync(copy, 'utf8');
    const uri = `file://${copy}`;
    const client = start();
    const t0 = performance.now();
    await client.request('initialize', {
        processId: process.pid, rootUri: `file://${dir}`, workspaceFolders: [{ uri: `file://${dir}`, name: 'bench' }],
        capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
        // typescript-language-server reads its inlay-hint preferences here; arena-ls's default is the same
        initializationOptions: { preferences: { includeInlayParameterNameHints: 'literals' } },
    });
    client.notify('initialized', {});
    const languageId = /\.tsx?$/.test(copy) ? 'typescript' : 'javascript';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    const first = await client.request(...requestAt(uri, points[0]));
    const ready = performance.now() - t0;
    const times = [];
    let items = 0;
    for (const position of points) {
        const s = performance.now();
        const answer = await client.request(...requestAt(uri, position));
        times.push(performance.now() - s);
        items += sizeOf(answer.result);
    }
    await client.stop();
    times.sort((a, b) => a - b);
    console.log(`  ${name}: first answer after open ${ready.toFixed(0)} ms${first.error ? ' (an error)' : ''}; ${method} p50 ${percentile(times, 0.5).toFixed(2)} ms,`
        + ` p95 ${percentile(times, 0.95).toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms (n=${times.length}, ${(items / times.length).toFixed(method === 'completion' ? 0 : 2)} ${method === 'signatureHelp' ? 'signatures' : 'items'} on average)`);
}

for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const points = method === 'completion' ? positions(text, requests)
        : method === 'signatureHelp' ? callPositions(text, requests) : screenfuls(text, requests);
    console.log(`${path.basename(file)}: ${text.length.toLocaleString('en')} chars, ${points.length} positions, ${method}`);
    await measure('arena-ls', () => new Client('java', ['-XX:+UseSerialGC', '-Xms16m', '-Xmx1g', '-jar', jar, '--stdio']), file, points);
    await measure(`typescript-language-server ${TSLS_VERSION} (typescript ${TYPESCRIPT_VERSION})`,
        () => new Client(process.execPath, ['--max-old-space-size=4096', tslsCli, '--stdio']), file, points);
}
