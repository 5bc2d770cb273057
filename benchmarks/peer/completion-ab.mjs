// Completion latency of two or more arena-ls jars, alternating request by request in the same minutes
// (the machine is shared: a before/after comparison needs both under the same load): over stdio, in
// zod@4.6.7's v4/classic/tests/string.test.ts, right after the first `z.` of a line (the namespace's
// exports, through the index) and right after `expect(` (the visible names, globals, keywords).
// 60 rounds, the first 10 left out (warm-up); median, quartiles.
//
//   node benchmarks/peer/completion-ab.mjs BASE.jar NEW.jar
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CACHE, startArenaLs } from './judge-project.mjs';
const project = path.join(CACHE, 'npm', 'zod@4.6.7', 'package', 'src');
const file = path.join(project, 'v4/classic/tests/string.test.ts');
const text = readFileSync(file, 'utf8');
const uri = pathToFileURL(file).toString();
const lines = text.split('\n');
const zLine = lines.findIndex(l => /^\s+z\.\w/.test(l));
const zChar = lines[zLine].indexOf('z.') + 2;
const eLine = lines.findIndex(l => /^\s+expect\(/.test(l));
const eChar = lines[eLine].indexOf('expect(') + 7;
const jars = process.argv.slice(2);
const clients = [];
for (const jar of jars) {
  const c = await startArenaLs(jar, project);
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
  clients.push(c);
}
const times = jars.map(() => ({ member: [], expr: [] }));
for (let round = 0; round < 60; round++) {
  for (let j = 0; j < jars.length; j++) {
    for (const [kind, line, character] of [['member', zLine, zChar], ['expr', eLine, eChar]]) {
      const t0 = performance.now();
      await clients[j].request('textDocument/completion', { textDocument: { uri }, position: { line, character }, context: { triggerKind: 1 } });
      if (round >= 10) times[j][kind].push(performance.now() - t0);
    }
  }
}
const q = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(p * (s.length - 1))]; };
for (let j = 0; j < jars.length; j++) for (const k of ['member', 'expr']) console.log(`${path.basename(jars[j])} ${k}: median ${q(times[j][k], 0.5).toFixed(2)} ms, p25 ${q(times[j][k], 0.25).toFixed(2)}, p75 ${q(times[j][k], 0.75).toFixed(2)} (n=${times[j][k].length})`);
for (const c of clients) await c.close();
