#!/usr/bin/env node
// A TypeScript-file miss against TypeScript's own await-context reading (docs/conformance.md, eighteenth session): the
// program as the one-file Program reads it (a module: reparsed for top-level await) and the same text inside an async
// function (the await context without the reparse). Where the second is clean, or errs elsewhere, the first's error
// comes from reparseTopLevelAwait appending its script reading's statements and errors; the module's statements are
// printed too (`await {} !; f();` in `.mts`: `f();` twice — nineteenth session).
//   node test-fixtures/corners/await-context.mjs FILE TEXT...      (FILE: p.ts, p.tsx, p.mts…, for the script kind)
import { loadTypeScript } from '../scripts/typescript-oracle.mjs';
const ts = loadTypeScript();
const [file, ...texts] = process.argv.slice(2);
const options = { module: ts.ModuleKind.ESNext, allowJs: true };
const codes = (ds) => ds.map((d) => `${d.code}@${d.start}`).join(' ') || 'ok';
for (const text of texts) {
    const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const asModule = ts.createSourceFile('/' + file, text, { languageVersion: ts.ScriptTarget.Latest,
        impliedNodeFormat: ts.ModuleKind.ESNext, setExternalModuleIndicator: ts.getSetExternalModuleIndicator(options) }, true, kind);
    const prefix = 'async function f() {\n';
    const wrapped = ts.createSourceFile('w.ts', prefix + text + '\n}', ts.ScriptTarget.Latest, true, kind);
    // the wrapped positions are given in the program's own offsets
    const inAsync = wrapped.parseDiagnostics.map((d) => ({ ...d, start: d.start - prefix.length }));
    console.log(JSON.stringify(text).slice(0, 100));
    console.log(`    as a module: ${codes(asModule.parseDiagnostics)}    in an async function: ${codes(inAsync)}`);
    const statements = asModule.statements.map((st) => ts.SyntaxKind[st.kind] + ' ' + JSON.stringify(text.slice(st.getStart(asModule), st.end)));
    console.log(`    the module's statements: ${statements.join(' | ')}`);
}
