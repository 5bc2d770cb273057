#!/usr/bin/env node
// The server's cold start on a workspace as a user sees it, through the real launcher over stdio:
// from `initialize` to the index complete (the work-done progress's end), the process's CPU until
// then, its peak RSS and the RSS after indexing, the collector's pauses until then (from -Xlog:gc),
// and, with --edit FILE, the latency of edits typed into an open document while the index is built
// (didChange to that version's publishDiagnostics) against the same edits after it.
//
//   node benchmarks/editor/cold-start.mjs DIR [--launcher bin/arena-ls] [--java-opts "-Xms64m …"]
//        [--edit FILE] [--interval MS=100] [--after N=30] [--settle MS=2000] [--label TEXT]
//
// --java-opts goes to the launcher as ARENA_LS_JAVA_OPTS (after its own flags, so it overrides them);
// -Xlog:gc to a file of our own is added to read the pauses. Prints one line a run, and a JSON line
// (prefix "json ") for scripts that alternate configurations; then the CPU time by thread at the
// index's end (the JIT, the collector, the index threads, the rest) and the CPU spent before initialize was answered.
import { Client } from '../peer/lsp-client.mjs';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const root = path.resolve(args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1].startsWith('--'))) ?? '.');
const launcher = path.resolve(option('--launcher', new URL('../../bin/arena-ls', import.meta.url).pathname));
const editFile = option('--edit', null);
const interval = Number(option('--interval', 100));
const afterEdits = Number(option('--after', 30));
const settle = Number(option('--settle', 2000));
const label = option('--label', option('--java-opts', 'defaults'));
const gcLog = path.join(os.tmpdir(), `cold-start-gc-${process.pid}-${Date.now()}.log`);
process.env.ARENA_LS_JAVA_OPTS = `${option('--java-opts', '')} -Xlog:gc:file=${gcLog}`.trim();

const CLK_TCK = 100; // Linux's USER_HZ
const cpuMs = pid => { const s = readFileSync(`/proc/${pid}/stat`, 'utf8'); const f = s.slice(s.lastIndexOf(')') + 2).split(' '); return (Number(f[11]) + Number(f[12])) * 1000 / CLK_TCK; };
const statusKb = (pid, key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
const pauses = () => {
  let text = ''; try { text = readFileSync(gcLog, 'utf8'); } catch { /* not written yet */ }
  const out = { young: 0, youngMs: 0, full: 0, fullMs: 0 };
  for (const m of text.matchAll(/Pause (Young|Full).* ([\d.]+)ms$/gm)) {
    if (m[1] === 'Young') { out.young++; out.youngMs += Number(m[2]); } else { out.full++; out.fullMs += Number(m[2]); }
  }
  return out;
};
const pct = (xs, p) => { if (!xs.length) return NaN; const s = [...xs].sort((a, b) => a - b); return s[Math.max(0, Math.ceil(s.length * p / 100) - 1)]; };

const spawned = process.hrtime.bigint();
const c = new Client(launcher, [], 'arena');
const pid = c.proc.pid;
let indexedAt = null;
const published = new Map(); // version -> resolver
c.onNotification(m => {
  if (m.method === '$/progress' && m.params?.value?.kind === 'end' && indexedAt === null) indexedAt = process.hrtime.bigint();
  if (m.method === 'textDocument/publishDiagnostics' && m.params?.version != null) published.get(m.params.version)?.(process.hrtime.bigint());
});
const ms = (a, b) => Number(b - a) / 1e6;
const initSent = process.hrtime.bigint();
await c.request('initialize', { processId: process.pid, rootUri: 'file://' + root, workspaceFolders: [{ uri: 'file://' + root, name: 'w' }],
  capabilities: { window: { workDoneProgress: true } } });
const initAnswered = process.hrtime.bigint();
const cpuAtInitialize = cpuMs(pid);
c.notify('initialized', {});

const during = [], after = [];
if (editFile) {
  const uri = 'file://' + path.resolve(editFile);
  let version = 1;
  const edit = async () => {
    version++;
    const insert = version % 2 === 0;
    const change = insert ? { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }
                          : { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' };
    const done = new Promise(resolve => published.set(version, resolve));
    const indexing = indexedAt === null;
    const start = process.hrtime.bigint();
    c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    const end = await done;
    published.delete(version);
    (indexing && indexedAt === null ? during : indexing ? [] : after).push(ms(start, end));
  };
  const opened = new Promise(resolve => published.set(1, resolve));
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: readFileSync(editFile, 'utf8') } });
  await opened;
  while (indexedAt === null) { await edit(); await new Promise(r => setTimeout(r, interval)); }
  for (let i = 0; i < afterEdits; i++) { await edit(); await new Promise(r => setTimeout(r, interval)); }
} else {
  while (indexedAt === null) await new Promise(r => setTimeout(r, 5));
}
const cpuAtIndexed = cpuMs(pid);
// where the process's CPU went, by thread (/proc/PID/task: Linux keeps 15 characters of a thread's name)
const threadCpu = {};
for (const tid of readdirSync(`/proc/${pid}/task`)) {
  try {
    const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
    const s = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    const group = /^C[12] Compiler/.test(name) ? 'JIT' : name === 'VM Thread' ? 'VM (collector)' : name.startsWith('arena-ls-index') ? 'index (walk, pool)' : name === 'java' ? 'main' : 'other';
    threadCpu[group] = (threadCpu[group] ?? 0) + (Number(f[11]) + Number(f[12])) * 1000 / CLK_TCK;
  } catch { /* ended meanwhile */ }
}
threadCpu['ended threads'] = cpuAtIndexed - Object.values(threadCpu).reduce((a, b) => a + b, 0);
const gc = pauses();
const hwmAtIndexed = statusKb(pid, 'VmHWM');
const rssAtIndexed = statusKb(pid, 'VmRSS');
await new Promise(r => setTimeout(r, settle));
const rssSettled = statusKb(pid, 'VmRSS');
const hwm = statusKb(pid, 'VmHWM');
await c.close();
rmSync(gcLog, { force: true });

const r = {
  label, initializeMs: ms(initSent, initAnswered), spawnToInitializeMs: ms(spawned, initAnswered),
  indexMs: ms(initSent, indexedAt), cpuMs: cpuAtIndexed, cpuAtInitializeMs: cpuAtInitialize, threadCpu, ...gc, hwmMB: hwmAtIndexed / 1024, rssIndexedMB: rssAtIndexed / 1024,
  rssSettledMB: rssSettled / 1024, hwmEndMB: hwm / 1024,
  editsDuring: during.length, duringP50: pct(during, 50), duringP95: pct(during, 95), duringMax: during.length ? Math.max(...during) : NaN,
  editsAfter: after.length, afterP50: pct(after, 50), afterP95: pct(after, 95), afterMax: after.length ? Math.max(...after) : NaN,
};
const f = x => Number.isNaN(x) ? '-' : x.toFixed(1);
console.log(`${label}: initialize -> indexed ${r.indexMs.toFixed(0)} ms wall, ${r.cpuMs.toFixed(0)} ms CPU; pauses young ${r.young} (${r.youngMs.toFixed(0)} ms), full ${r.full} (${r.fullMs.toFixed(0)} ms);`
  + ` peak RSS ${r.hwmMB.toFixed(0)} MB, RSS indexed ${r.rssIndexedMB.toFixed(0)} MB, ${settle} ms later ${r.rssSettledMB.toFixed(0)} MB`
  + (editFile ? `; edits during indexing n=${r.editsDuring} p50 ${f(r.duringP50)} p95 ${f(r.duringP95)} max ${f(r.duringMax)} ms, after n=${r.editsAfter} p50 ${f(r.afterP50)} p95 ${f(r.afterP95)} max ${f(r.afterMax)} ms` : ''));
console.log(`  CPU by thread at the index's end (ms): ${Object.entries(threadCpu).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}; CPU when initialize was answered ${cpuAtInitialize.toFixed(0)} ms`);
console.log('json ' + JSON.stringify(r));
