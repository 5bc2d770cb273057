#!/usr/bin/env node
// arena-ls beside typescript-language-server on one generated project, in one run:
//
//   node benchmarks/tsls/compare.mjs [--files N] [--runs R] [--timeout-s S] [--only arena-ls] [--jar A.jar[,B.jar]] [--repeat K]
//
// --repeat K: once the references are complete, asks them K more times and reports the median
// and p95 of those (the steady request, JIT warm, over stdio: the answer's JSON included).
//
// --only arena-ls skips typescript-language-server (its figures are in docs); --jar runs the given
// server jars in turn in each run (an older build beside this one, same project, same minutes).
//
// Needs server/target/arena-ls.jar (mvn -B -q -o -pl server -am package -DskipTests), node and npm.
// typescript-language-server@6.0.2 and typescript@6.0.3 are fetched pinned into ~/.cache/arena-ls
// by test-fixtures/scripts/fetch-npm.sh (never into the repository). The project: N TypeScript
// modules, 100 a directory, each importing `shared` from src/d0/f0.ts and one earlier module, and a
// tsconfig.json including src/. For each server, R times alternating: spawn it on stdio, initialize
// on the project's root, open the last module, and ask for the definition of its `shared` call until
// the answer is src/d0/f0.ts; report the time from spawn to that answer, then the references of
// `shared` from the same place (count and time), and the peak resident memory of the server's whole
// process tree (the sum of VmRSS over the server and its children, sampled every 20 ms). A server
// that gives no definition answer within --timeout-s is reported as such, with its RSS by then.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : dflt;
};
const FILES = opt('--files', 2000);
const RUNS = opt('--runs', 2);
const TIMEOUT_MS = opt('--timeout-s', 600) * 1000;
const text = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
};
const ONLY = text('--only', null);
const REPEAT = opt('--repeat', 0);

const jars = (text('--jar', null) ?? path.join(repo, 'server', 'target', 'arena-ls.jar')).split(',').map(j => path.resolve(j));
for (const jar of jars) if (!existsSync(jar)) throw new Error(`${jar} is missing: build it first`);
const fetched = execFileSync(path.join(repo, 'test-fixtures', 'scripts', 'fetch-npm.sh'),
    ['typescript-language-server@6.0.2', 'typescript@6.0.3'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const pkg = Object.fromEntries(fetched.trim().split('\n').map(l => l.split(' ')));
const tsls = path.join(pkg['typescript-language-server@6.0.2'], 'lib', 'cli.mjs');
const tsserver = path.join(pkg['typescript@6.0.3'], 'lib', 'tsserver.js');

// ---- the project ----
const root = mkdtempSync(path.join(tmpdir(), 'arena-ls-tsls-'));
writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', noEmit: true, skipLibCheck: true },
    include: ['src'],
}, null, 2));
for (let n = 0; n < FILES; n++) {
    const dir = path.join(root, 'src', `d${Math.floor(n / 100)}`);
    if (n % 100 === 0) mkdirSync(dir, { recursive: true });
    const lines = [];
    if (n === 0) lines.push('export function shared(x: number): number { return x + 1; }');
    else lines.push('import { shared } from "../d0/f0";');
    if (n > 0) {
        const other = (n * 7919) % n;
        lines.push(`import { compute${other} } from "../d${Math.floor(other / 100)}/f${other % 100}";`);
    }
    lines.push(`export interface Shape${n} { id: number; name: string; tags: string[] }`);
    lines.push(`export function compute${n}(shape: Shape${n}): number {`);
    lines.push(`  let total = shared(shape.id)${n > 0 ? ` + compute${(n * 7919) % n}({ id: 1, name: "", tags: [] } as any)` : ''};`);
    lines.push('  for (const tag of shape.tags) total += tag.length;');
    lines.push('  return total;');
    lines.push('}');
    writeFileSync(path.join(dir, `f${n % 100}.ts`), lines.join('\n') + '\n');
}
const lastFile = path.join(root, 'src', `d${Math.floor((FILES - 1) / 100)}`, `f${(FILES - 1) % 100}.ts`);
const lastText = readFileSync(lastFile, 'utf8');
const lastLines = lastText.split('\n');
const callLine = lastLines.findIndex(l => l.includes('shared(shape'));
const callPos = { line: callLine, character: lastLines[callLine].indexOf('shared(') + 2 };
const sharedUri = pathToFileURL(path.join(root, 'src', 'd0', 'f0.ts')).href;

/** The first of the promises, or `late` at the deadline; the timer is cleared so that it cannot keep node alive after the last run. */
async function beforeDeadline(deadline, late, promises) {
    let timer;
    const expired = new Promise(r => { timer = setTimeout(() => r(late), Math.max(0, deadline - performance.now())); });
    try { return await Promise.race([...promises, expired]); } finally { clearTimeout(timer); }
}

// ---- a minimal LSP client over stdio ----
function session(command, argv) {
    // its own process group: typescript-language-server's tsserver children are killed with it
    const proc = spawn(command, argv, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let buffer = Buffer.alloc(0);
    let nextId = 1;
    const pending = new Map();
    const progress = new Set(); // work-done progress begun and not ended: the server says it is still loading
    let progressBegun = 0, progressEnded = 0;
    proc.stderr.on('data', () => { });
    // chunks of a large answer are gathered and joined once it is whole (joining each chunk as it came was quadratic in the client)
    let chunks = [], buffered = 0, needed = 0;
    proc.stdout.on('data', chunk => {
        chunks.push(chunk);
        buffered += chunk.length;
        if (buffered < needed) return;
        buffer = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, buffered);
        chunks = [buffer];
        for (;;) {
            const end = buffer.indexOf('\r\n\r\n');
            if (end < 0) { needed = 0; return; }
            const length = Number(/Content-Length: (\d+)/i.exec(buffer.slice(0, end).toString())[1]);
            if (buffer.length < end + 4 + length) { needed = end + 4 + length; return; }
            const message = JSON.parse(buffer.slice(end + 4, end + 4 + length).toString());
            buffer = buffer.slice(end + 4 + length);
            chunks = [buffer];
            buffered = buffer.length;
            needed = 0;
            if (message.method === '$/progress' && message.params?.value?.kind === 'begin') { progress.add(message.params.token); progressBegun++; }
            if (message.method === '$/progress' && message.params?.value?.kind === 'end') { progress.delete(message.params.token); progressEnded++; }
            if (message.id !== undefined && message.method !== undefined) {
                send({ jsonrpc: '2.0', id: message.id, result: null }); // a request from the server
            } else if (message.id !== undefined && pending.has(message.id)) {
                pending.get(message.id)(message);
                pending.delete(message.id);
            }
        }
    });
    function send(message) {
        const body = Buffer.from(JSON.stringify(message));
        proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
        proc.stdin.write(body);
    }
    return {
        proc,
        /** Whether the server may still be loading: progress is open, or (in its first 5 s) none has ended yet. */
        busy(sinceSpawnMs) { return progress.size > 0 || (progressEnded === 0 && (progressBegun > 0 || sinceSpawnMs < 5000)); },
        request(method, params) {
            const id = nextId++;
            return new Promise(resolve => { pending.set(id, resolve); send({ jsonrpc: '2.0', id, method, params }); });
        },
        notify(method, params) { send({ jsonrpc: '2.0', method, params }); },
    };
}

/** The resident memory of a process and its descendants now, in KB (Linux /proc). */
function treeRssKb(pid) {
    const children = new Map();
    for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
            const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
            const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
            if (!children.has(ppid)) children.set(ppid, []);
            children.get(ppid).push(Number(entry));
        } catch { /* gone */ }
    }
    let total = 0;
    const stack = [pid];
    while (stack.length) {
        const p = stack.pop();
        try {
            const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
            if (m) total += Number(m[1]);
        } catch { /* gone */ }
        stack.push(...(children.get(p) ?? []));
    }
    return total;
}

async function measure(name, command, argv, initializationOptions) {
    const t0 = performance.now();
    const s = session(command, argv);
    let peak = 0;
    const sampler = setInterval(() => { peak = Math.max(peak, treeRssKb(s.proc.pid)); }, 20);
    const deadline = t0 + TIMEOUT_MS;
    try {
        await s.request('initialize', {
            processId: process.pid, rootUri: pathToFileURL(root).href,
            workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'project' }],
            capabilities: { textDocument: { definition: {}, references: {} }, workspace: { workspaceFolders: true }, window: { workDoneProgress: true } },
            initializationOptions,
        });
        s.notify('initialized', {});
        const uri = pathToFileURL(lastFile).href;
        s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: lastText } });
        const openedAt = performance.now() - t0;
        let definitionMs = -1;
        while (performance.now() < deadline) {
            // a server that is still loading may hold a request past the deadline: give up at the deadline
            const r = await beforeDeadline(deadline, { result: null, timedOut: true }, [
                s.request('textDocument/definition', { textDocument: { uri }, position: callPos }),
            ]);
            const found = [].concat(r.result ?? []).map(l => l.uri ?? l.targetUri);
            if (found.includes(sharedUri)) { definitionMs = performance.now() - t0; break; }
            await new Promise(r => setTimeout(r, 20));
        }
        if (definitionMs < 0) {
            peak = Math.max(peak, treeRssKb(s.proc.pid));
            return { name, definitionMs, openedAt, references: [], peakMb: peak / 1024 };
        }
        // references right away, then again until two answers agree and the server is not loading:
        // no work-done progress open, and one ended (or none begun in the first 5 s) — arena-ls
        // answers with the part of the index built so far and reports its indexing as progress
        // once its walk has found the files; tsserver loads the project first
        const references = [];
        while (performance.now() < deadline && references.length < 300) {
            const r0 = performance.now();
            const refs = await beforeDeadline(deadline, { result: null }, [
                s.request('textDocument/references', { textDocument: { uri }, position: callPos, context: { includeDeclaration: true } }),
            ]);
            references.push({ count: refs.result ? refs.result.length : -1, ms: performance.now() - r0, at: performance.now() - t0 });
            const n = references.length;
            if (n >= 2 && references[n - 1].count === references[n - 2].count && references[n - 1].count > 0 && !s.busy(performance.now() - t0)) break;
            await new Promise(r => setTimeout(r, 200));
        }
        const steady = [];
        for (let k = 0; k < REPEAT && performance.now() < deadline; k++) {
            const r0 = performance.now();
            const refs = await beforeDeadline(deadline, { result: null }, [
                s.request('textDocument/references', { textDocument: { uri }, position: callPos, context: { includeDeclaration: true } }),
            ]);
            steady.push({ count: refs.result ? refs.result.length : -1, ms: performance.now() - r0 });
        }
        peak = Math.max(peak, treeRssKb(s.proc.pid));
        return { name, definitionMs, openedAt, references, steady, peakMb: peak / 1024 };
    } finally {
        clearInterval(sampler);
        try { process.kill(-s.proc.pid, 'SIGKILL'); } catch { s.proc.kill('SIGKILL'); }
    }
}

console.log(`project: ${FILES} modules in ${root}; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
const rows = [];
for (let run = 0; run < RUNS; run++) {
    for (const jar of jars) {
        rows.push(await measure(jars.length > 1 ? `arena-ls (${jar})` : 'arena-ls', 'java', ['-XX:+UseSerialGC', '-Xmx1g', '-Xss8m', '-jar', jar]));
    }
    if (ONLY !== 'arena-ls') rows.push(await measure('typescript-language-server 6.0.2 (typescript 6.0.3)', 'node', [tsls, '--stdio'], { tsserver: { path: tsserver } }));
}
for (const r of rows) {
    // the first answer, the first complete one and the last (a server answering during indexing answers many times)
    const complete = r.references.findIndex(x => x.count === r.references[r.references.length - 1]?.count);
    const shown = [...new Set([0, complete, r.references.length - 1])].filter(i => i >= 0 && i < r.references.length);
    const refs = shown.map(i => r.references[i]).map(x => `${x.count} in ${x.ms.toFixed(0)} ms (at ${x.at.toFixed(0)} ms)`).join(', ')
        + ` (${r.references.length} requests)`;
    if (r.definitionMs < 0) {
        console.log(`${r.name}: no definition answer within ${TIMEOUT_MS / 1000} s of spawn (the file opened at ${r.openedAt.toFixed(0)} ms); peak RSS ${r.peakMb.toFixed(0)} MB by then`);
        continue;
    }
    console.log(`${r.name}: first definition answer ${r.definitionMs.toFixed(0)} ms after spawn (${(r.definitionMs - r.openedAt).toFixed(0)} ms after the file was opened); references: ${refs}; peak RSS ${r.peakMb.toFixed(0)} MB`);
    if (r.steady?.length) {
        const ms = r.steady.map(x => x.ms).sort((a, b) => a - b);
        const counts = [...new Set(r.steady.map(x => x.count))].join('/');
        console.log(`  then ${ms.length} more references requests (${counts} locations): p50 ${ms[Math.floor(ms.length / 2)].toFixed(1)} ms, p95 ${ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))].toFixed(1)} ms, max ${ms[ms.length - 1].toFixed(1)} ms`);
    }
}
console.log(`load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
// the servers' pipes are closed and their process groups killed, but a child's inherited handle could still hold node open
process.exit(0);
