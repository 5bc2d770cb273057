#!/usr/bin/env node
// A user's session on a real workspace, through the real server over stdio: files opened one after
// another (outline, semantic tokens, folding, code lenses resolved), and at sampled identifiers of
// each every position request a user makes (definition, references, hover, highlight, prepareRename
// and rename, completion, signature help, implementation, code actions and their resolve); then
// workspace/symbol. Prints the first answer's time and p50 / p95 / max per method, the requests over 150 ms, and the error
// responses that are not refusals with a reason (a refusal is an answer).
//
//   [ANSWERS=FILE] node benchmarks/editor/user-session.mjs DIR [FILES=20] [PER_FILE=15] [JAR=server/target/arena-ls.jar]
import { Client } from '../peer/lsp-client.mjs';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
const root = path.resolve(process.argv[2] ?? '.');
const jar = path.resolve(process.argv[5] ?? new URL('../../server/target/arena-ls.jar', import.meta.url).pathname);
const files = [];
(function walk(d) { for (const n of readdirSync(d)) { const p = path.join(d, n); const st = statSync(p); if (st.isDirectory()) { if (n !== 'node_modules') walk(p); } else if (/\.(ts|tsx|js|mjs)$/.test(n) && !n.endsWith('.d.ts')) files.push(p); } })(root);
let seed = 7; const rnd = n => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const c = new Client('java', ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-jar', jar], 'arena');
let progressDone = false;
c.onNotification(m => { if (m.method === '$/progress' && m.params?.value?.kind === 'end') progressDone = true; });
await c.request('initialize', { processId: null, rootUri: 'file://' + root, workspaceFolders: [{ uri: 'file://' + root, name: 'w' }],
  initializationOptions: { codeLens: { references: true, implementations: true } },
  capabilities: { window: { workDoneProgress: true }, textDocument: { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } } }, hover: { contentFormat: ['markdown'] }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } } } });
c.notify('initialized', {});
const t0 = Date.now(); while (!progressDone && Date.now() - t0 < 60000) await new Promise(r => setTimeout(r, 50));
console.log('indexed in', Date.now() - t0, 'ms;', files.length, 'files');
const times = {}; const errors = []; const slow = [];
// ANSWERS=FILE: every answer written there, one line a request (to compare two builds' answers)
const answers = process.env.ANSWERS ? [] : null;
async function ask(method, params) {
  const s = process.hrtime.bigint();
  try { const r = await c.request(method, params); const ms = Number(process.hrtime.bigint() - s) / 1e6; (times[method] ??= []).push(ms); if (answers) answers.push(`${method} ${JSON.stringify(params.position ?? params.range ?? params.query ?? '')} ${params.textDocument?.uri ?? params.data?.uri ?? ''} -> ${JSON.stringify(r.result)}`); if (ms > 150) slow.push(`${ms.toFixed(0)} ms ${method} ${JSON.stringify(params.position ?? params.range ?? '')} ${params.textDocument?.uri ?? params.data?.uri ?? ''} -> ${Array.isArray(r.result) ? r.result.length : r.result?.changes ? Object.keys(r.result.changes).length + ' files' : r.result?.documentChanges ? r.result.documentChanges.length + ' files' : ''}`); return r.result; }
  catch (e) { if (!/cannot|Cannot|not followed|no longer|declared outside|is not|not open/.test(e.message)) errors.push(`${method} ${JSON.stringify(params.position ?? '')} ${params.textDocument?.uri ?? ''}: ${e.message}`); (times[method] ??= []).push(Number(process.hrtime.bigint() - s) / 1e6); return null; }
}
const N = Number(process.argv[3] ?? 20), P = Number(process.argv[4] ?? 15);
for (let f = 0; f < N; f++) {
  const file = files[rnd(files.length)]; const text = readFileSync(file, 'utf8'); const uri = 'file://' + file;
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: file.endsWith('x') ? 'typescriptreact' : 'typescript', version: 1, text } });
  const lines = text.split('\n');
  await ask('textDocument/documentSymbol', { textDocument: { uri } });
  await ask('textDocument/semanticTokens/full', { textDocument: { uri } });
  await ask('textDocument/foldingRange', { textDocument: { uri } });
  const lenses = await ask('textDocument/codeLens', { textDocument: { uri } }) ?? [];
  for (const l of lenses.slice(0, 10)) await ask('codeLens/resolve', l);
  const ids = []; const re = /[A-Za-z_$][\w$]*/g; let m;
  while ((m = re.exec(text))) ids.push(m.index);
  for (let k = 0; k < P && ids.length; k++) {
    const off = ids[rnd(ids.length)]; const before = text.slice(0, off); const line = before.split('\n').length - 1; const character = off - before.lastIndexOf('\n') - 1;
    const position = { line, character }; const td = { uri };
    await ask('textDocument/definition', { textDocument: td, position });
    await ask('textDocument/references', { textDocument: td, position, context: { includeDeclaration: true } });
    await ask('textDocument/hover', { textDocument: td, position });
    await ask('textDocument/documentHighlight', { textDocument: td, position });
    await ask('textDocument/prepareRename', { textDocument: td, position });
    await ask('textDocument/rename', { textDocument: td, position, newName: 'renamedX' });
    await ask('textDocument/completion', { textDocument: td, position });
    await ask('textDocument/signatureHelp', { textDocument: td, position });
    await ask('textDocument/implementation', { textDocument: td, position });
    const acts = await ask('textDocument/codeAction', { textDocument: td, range: { start: position, end: position }, context: { diagnostics: [] } }) ?? [];
    for (const a of acts) if (a.data && !a.edit) await ask('codeAction/resolve', a);
  }
  await ask('workspace/symbol', { query: path.basename(file).slice(0, 3) });
}
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
for (const [k, xs] of Object.entries(times)) console.log(k.padEnd(36), 'n', String(xs.length).padStart(5), 'first', xs[0].toFixed(1), 'p50', pct(xs, .5).toFixed(2), 'p95', pct(xs, .95).toFixed(2), 'max', Math.max(...xs).toFixed(1));
console.log('slow'); for (const x of slow) console.log(' ', x.slice(0, 250));
console.log('errors', errors.length); for (const e of errors.slice(0, 20)) console.log(' ', e.slice(0, 300));
if (answers) (await import('node:fs')).writeFileSync(process.env.ANSWERS, answers.join('\n') + '\n');
await c.close();
