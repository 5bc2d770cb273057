#!/usr/bin/env node
// Go to definition judged by TypeScript's own language service, on a real project: for identifiers
// sampled from its files, arena-ls's `textDocument/definition` (the real server over stdio, the
// project folder as its workspace) against `getDefinitionAtPosition` of the pinned typescript@6.0.3
// (a LanguageService over the same files, in this process). Prints the agreement by kind of
// identifier and the first disagreements with their lines, to read.
//
//   node benchmarks/peer/navigation-vs-typescript.mjs [--project DIR] [--files N] [--per-file M] [--seed S] [--jar PATH] [--show K]
//        [--references R]
//
// DIR: default zod@4.6.7's src (fetched pinned by test-fixtures/scripts/fetch-npm.sh into
// ~/.cache/arena-ls). Its tsconfig.json is used when it has one, else ES modules with bundler
// resolution. N files (default 40) and M identifiers a file (default 60) are picked by a seeded
// generator. Kinds: a plain reference; a declaration's own name; a member name after `.` (`a.b`:
// TypeScript knows `a`'s type, arena-ls only namespaces, imports and `this`); a property name in
// an object literal or a type. TypeScript's answers in its lib files or node_modules count apart
// ("outside the project"). An answer agrees when arena-ls's locations are among TypeScript's.
// --references R: also `textDocument/references` (declaration included) against
// `getReferencesAtPosition` for the first R plain references and declarations of each file, every
// location in the project counted: found by both, by TypeScript only, by arena-ls only. Names
// TypeScript declares outside the project (`undefined`, `Array`: its lib) are left out.
// --implementations I: also `textDocument/implementation` against `getImplementationAtPosition` for
// the first I names of each file that declare a class, an interface or a member of one, or name a
// type in a heritage clause (`extends X`, `implements X`), every location in the project counted.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client } from './lsp-client.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = process.env.ARENA_LS_CACHE ?? path.join(os.homedir(), '.cache', 'arena-ls');

let project = path.join(CACHE, 'npm', 'zod@4.6.7', 'package', 'src');
let fileCount = 40, perFile = 60, seed = 1, show = 40, referencesPerFile = 0, implementationsPerFile = 0;
let jar = path.join(ROOT, 'server', 'target', 'arena-ls.jar');
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--project') project = path.resolve(argv[++i]);
    else if (argv[i] === '--files') fileCount = Number(argv[++i]);
    else if (argv[i] === '--per-file') perFile = Number(argv[++i]);
    else if (argv[i] === '--seed') seed = Number(argv[++i]);
    else if (argv[i] === '--jar') jar = path.resolve(argv[++i]);
    else if (argv[i] === '--show') show = Number(argv[++i]);
    else if (argv[i] === '--references') referencesPerFile = Number(argv[++i]);
    else if (argv[i] === '--implementations') implementationsPerFile = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
}
const tsPath = path.join(CACHE, 'npm', 'typescript@6.0.3', 'package', 'lib', 'typescript.js');
for (const [what, p] of [['project', project], ['typescript@6.0.3', tsPath], ['server jar', jar]]) {
    if (!existsSync(p)) {
        console.error(`navigation-vs-typescript: no ${what} at ${p} (test-fixtures/scripts/fetch-npm.sh fetches the packages; mvn package builds the jar)`);
        process.exit(2);
    }
}
const ts = createRequire(import.meta.url)(tsPath);

// ---------------------------------------------------------------- the project, as TypeScript sees it
function sourceFiles(dir, out = []) {
    for (const name of readdirSync(dir).sort()) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) sourceFiles(p, out);
        else if (/\.(ts|tsx|mts|cts)$/.test(name)) out.push(p);
    }
    return out;
}
const files = sourceFiles(project);
let options = { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.Preserve, allowJs: true, skipLibCheck: true, strict: true };
const tsconfig = path.join(project, 'tsconfig.json');
if (existsSync(tsconfig)) {
    const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (parsed) options = parsed.options;
}
const texts = new Map(files.map(f => [f, readFileSync(f, 'utf8')]));
const service = ts.createLanguageService({
    getScriptFileNames: () => files,
    getScriptVersion: () => '1',
    getScriptSnapshot: f => {
        const t = texts.get(f) ?? (existsSync(f) ? readFileSync(f, 'utf8') : undefined);
        return t === undefined ? undefined : ts.ScriptSnapshot.fromString(t);
    },
    getCurrentDirectory: () => project,
    getCompilationSettings: () => options,
    getDefaultLibFileName: o => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
}, ts.createDocumentRegistry());

// ---------------------------------------------------------------- sampling
let state = seed >>> 0 || 1;
const random = () => { state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0; return state / 4294967296; };
const picked = [...files];
for (let i = picked.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [picked[i], picked[j]] = [picked[j], picked[i]]; }
const chosen = picked.slice(0, fileCount);

function kindOf(node) {
    const p = node.parent;
    if (!p) return 'reference';
    if ((ts.isPropertyAccessExpression(p) && p.name === node) || (ts.isQualifiedName(p) && p.right === node)) return 'member';
    if ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p)
        || ts.isMethodSignature(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p) || ts.isEnumMember(p)) && p.name === node) {
        return ts.isObjectLiteralExpression(p.parent) || ts.isTypeLiteralNode(p.parent) ? 'property' : 'declaration';
    }
    if (ts.isShorthandPropertyAssignment(p) && p.name === node) return 'reference';
    if (p.name === node && (ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p) || ts.isInterfaceDeclaration(p)
        || ts.isTypeAliasDeclaration(p) || ts.isParameter(p) || ts.isEnumDeclaration(p) || ts.isModuleDeclaration(p) || ts.isTypeParameterDeclaration(p)
        || ts.isBindingElement(p) || ts.isFunctionExpression(p) || ts.isClassExpression(p) || ts.isImportSpecifier(p) || ts.isExportSpecifier(p)
        || ts.isImportClause(p) || ts.isNamespaceImport(p) || ts.isImportEqualsDeclaration(p))) return 'declaration';
    return 'reference';
}

function identifiers(file) {
    const sf = ts.createSourceFile(file, texts.get(file), ts.ScriptTarget.ESNext, true);
    const out = [];
    const visit = n => {
        if (ts.isIdentifier(n)) out.push({ pos: n.getStart(sf), text: n.text, kind: kindOf(n) });
        ts.forEachChild(n, visit);
    };
    visit(sf);
    for (let i = out.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [out[i], out[j]] = [out[j], out[i]]; }
    return out.slice(0, perFile);
}

/** Names of classes, interfaces and their members, and the types named in heritage clauses, in source order. */
function hierarchyNames(file) {
    const sf = ts.createSourceFile(file, texts.get(file), ts.ScriptTarget.ESNext, true);
    const out = [];
    const visit = n => {
        if (ts.isIdentifier(n)) {
            const p = n.parent;
            const typeDeclaration = x => x && (ts.isClassDeclaration(x) || ts.isInterfaceDeclaration(x));
            if ((typeDeclaration(p) && p.name === n) || (p && p.name === n && typeDeclaration(p.parent)
                    && (ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isMethodSignature(p) || ts.isPropertySignature(p)))
                    || (p && ts.isExpressionWithTypeArguments(p) && p.expression === n && ts.isHeritageClause(p.parent))) {
                out.push({ pos: n.getStart(sf), text: n.text });
            }
        }
        ts.forEachChild(n, visit);
    };
    visit(sf);
    return out;
}

// ---------------------------------------------------------------- positions
const lineStartsCache = new Map();
function lineStarts(file) {
    let s = lineStartsCache.get(file);
    if (!s) {
        const t = texts.get(file) ?? readFileSync(file, 'utf8');
        s = [0];
        for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 10) s.push(i + 1);
        lineStartsCache.set(file, s);
    }
    return s;
}
function position(file, offset) {
    const s = lineStarts(file);
    let lo = 0, hi = s.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (s[mid] <= offset) lo = mid; else hi = mid - 1; }
    return { line: lo, character: offset - s[lo] };
}
function offset(file, pos) { return lineStarts(file)[pos.line] + pos.character; }
const inProject = f => path.resolve(f).startsWith(project + path.sep) && !f.includes(`${path.sep}node_modules${path.sep}`);
const lineOf = (file, off) => {
    const t = texts.get(file) ?? readFileSync(file, 'utf8');
    const s = t.lastIndexOf('\n', off - 1) + 1, e = t.indexOf('\n', off);
    return t.slice(s, e < 0 ? t.length : e).trim().slice(0, 110);
};
const where = (file, off) => { const p = position(file, off); return `${path.relative(project, file)}:${p.line + 1}:${p.character + 1}`; };

// ---------------------------------------------------------------- arena-ls
const client = new Client('java', ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xms16m', '-Xmx1g', '-Xlog:disable', '-Xlog:all=warning:stderr',
    '-jar', jar], 'arena-ls');
let indexed = false;
client.onNotification(m => {
    if (m.method === '$/progress' && m.params?.value?.kind === 'end') indexed = true;
});
const uri = f => pathToFileURL(f).toString();
await client.request('initialize', {
    processId: process.pid, rootUri: uri(project), workspaceFolders: [{ uri: uri(project), name: 'project' }],
    capabilities: { general: { positionEncodings: ['utf-16'] }, window: { workDoneProgress: true }, workspace: { workspaceFolders: true } },
});
client.notify('initialized', {});
const deadline = Date.now() + 120_000;
while (!indexed && Date.now() < deadline) await new Promise(r => setTimeout(r, 50));

// ---------------------------------------------------------------- compare
const kinds = ['reference', 'declaration', 'member', 'property'];
const table = Object.fromEntries(kinds.map(k => [k, { asked: 0, agree: 0, outside: 0, miss: 0, differ: 0, extra: 0, bothNone: 0 }]));
const disagreements = [];
const refs = { asked: 0, both: 0, tsOnly: 0, oursOnly: 0, exact: 0, examples: [] };
const impls = { asked: 0, both: 0, tsOnly: 0, oursOnly: 0, exact: 0, examples: [], tsMs: 0, ourMs: 0, ourTimes: [] };
let tsMs = 0, ourMs = 0;
const locationOf = l => {
    const f = fileURLToPath(l.uri);
    return { file: f, offset: existsSync(f) ? offset(f, l.range.start) : -1 };
};
for (const file of chosen) {
    client.notify('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: 'typescript', version: 1, text: texts.get(file) } });
    let referencesAsked = 0;
    for (const id of implementationsPerFile > 0 ? hierarchyNames(file).slice(0, implementationsPerFile) : []) {
        let t0 = performance.now();
        const theirs = new Set((service.getImplementationAtPosition(file, id.pos) ?? []).filter(r => inProject(r.fileName))
            .map(r => `${path.resolve(r.fileName)}#${r.textSpan.start}`));
        impls.tsMs += performance.now() - t0;
        t0 = performance.now();
        const answer = (await client.request('textDocument/implementation', { textDocument: { uri: uri(file) }, position: position(file, id.pos) })).result ?? [];
        const took = performance.now() - t0;
        impls.ourMs += took;
        impls.ourTimes.push(took);
        impls.slowest = [...(impls.slowest ?? []), { took, at: where(file, id.pos), text: id.text, found: answer.length }].sort((a, b) => b.took - a.took).slice(0, 3);
        const ours = new Set(answer.map(locationOf).map(d => `${d.file}#${d.offset}`));
        if (theirs.size === 0 && ours.size === 0) continue;
        impls.asked++;
        let both = 0;
        for (const k of ours) if (theirs.has(k)) both++;
        impls.both += both;
        impls.tsOnly += theirs.size - both;
        impls.oursOnly += ours.size - both;
        if (both === theirs.size && both === ours.size) impls.exact++;
        else if (impls.examples.length < show) {
            const name = k => { const [f, o] = k.split('#'); return `${where(f, Number(o))}  ${lineOf(f, Number(o))}`; };
            impls.examples.push({ at: where(file, id.pos), text: id.text, line: lineOf(file, id.pos),
                tsOnly: [...theirs].filter(k => !ours.has(k)).slice(0, 4).map(name), oursOnly: [...ours].filter(k => !theirs.has(k)).slice(0, 4).map(name) });
        }
    }
    for (const id of identifiers(file)) {
        const declaredInProject = () => (service.getDefinitionAtPosition(file, id.pos) ?? []).some(d => inProject(d.fileName));
        if (referencesAsked < referencesPerFile && (id.kind === 'reference' || id.kind === 'declaration') && declaredInProject()) {
            referencesAsked++;
            const theirs = new Set((service.getReferencesAtPosition(file, id.pos) ?? []).filter(r => inProject(r.fileName))
                .map(r => `${path.resolve(r.fileName)}#${r.textSpan.start}`));
            const answer = (await client.request('textDocument/references', { textDocument: { uri: uri(file) }, position: position(file, id.pos),
                context: { includeDeclaration: true } })).result ?? [];
            const ours = new Set(answer.map(locationOf).map(d => `${d.file}#${d.offset}`));
            if (theirs.size > 0) {
                refs.asked++;
                let both = 0;
                for (const k of ours) if (theirs.has(k)) both++;
                refs.both += both;
                refs.tsOnly += theirs.size - both;
                refs.oursOnly += ours.size - both;
                if (both === theirs.size && both === ours.size) refs.exact++;
                else if (refs.examples.length < show) {
                    const name = k => { const [f, o] = k.split('#'); return `${where(f, Number(o))}  ${lineOf(f, Number(o))}`; };
                    refs.examples.push({ at: where(file, id.pos), text: id.text, line: lineOf(file, id.pos),
                        tsOnly: [...theirs].filter(k => !ours.has(k)).slice(0, 4).map(name), oursOnly: [...ours].filter(k => !theirs.has(k)).slice(0, 4).map(name) });
                }
            }
        }
        const row = table[id.kind];
        row.asked++;
        let t0 = performance.now();
        const theirs = (service.getDefinitionAtPosition(file, id.pos) ?? []).map(d => ({ file: path.resolve(d.fileName), offset: d.textSpan.start }));
        tsMs += performance.now() - t0;
        t0 = performance.now();
        const answer = (await client.request('textDocument/definition', { textDocument: { uri: uri(file) }, position: position(file, id.pos) })).result;
        ourMs += performance.now() - t0;
        const ours = (Array.isArray(answer) ? answer : answer ? [answer] : []).map(l => {
            const f = fileURLToPath(l.uri ?? l.targetUri);
            const r = l.range ?? l.targetSelectionRange;
            return { file: f, offset: existsSync(f) ? offset(f, r.start) : -1 };
        });
        const theirsHere = theirs.filter(d => inProject(d.file));
        const key = d => `${d.file}#${d.offset}`;
        const theirKeys = new Set(theirsHere.map(key));
        let verdict;
        if (theirs.length > 0 && theirsHere.length === 0) verdict = 'outside';
        else if (theirsHere.length === 0 && ours.length === 0) verdict = 'bothNone';
        else if (ours.length === 0) verdict = 'miss';
        else if (theirsHere.length === 0) verdict = 'extra';
        else if (ours.every(d => theirKeys.has(key(d)))) verdict = 'agree';
        else verdict = 'differ';
        row[verdict]++;
        if (verdict === 'miss' || verdict === 'differ' || verdict === 'extra') {
            disagreements.push({ kind: id.kind, verdict, at: where(file, id.pos), text: id.text, line: lineOf(file, id.pos),
                theirs: theirsHere.map(d => `${where(d.file, d.offset)}  ${lineOf(d.file, d.offset)}`),
                ours: ours.map(d => d.offset < 0 ? d.file : `${where(d.file, d.offset)}  ${lineOf(d.file, d.offset)}`) });
        }
    }
    client.notify('textDocument/didClose', { textDocument: { uri: uri(file) } });
}
await client.close();

const pct = (a, b) => (b === 0 ? '-' : `${(100 * a / b).toFixed(1)}%`);
console.log(`\n${path.relative(CACHE, project) || project}: ${files.length} files; ${chosen.length} sampled, up to ${perFile} identifiers each (seed ${seed})`);
console.log(`definition: TypeScript ${tsMs.toFixed(0)} ms in all, arena-ls ${ourMs.toFixed(0)} ms (over stdio)\n`);
console.log('| identifier | asked | TS outside the project | agree | arena-ls none (miss) | differ | arena-ls only | neither | agreement where TS answers in the project |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const k of kinds) {
    const r = table[k];
    console.log(`| ${k} | ${r.asked} | ${r.outside} | ${r.agree} | ${r.miss} | ${r.differ} | ${r.extra} | ${r.bothNone} | ${pct(r.agree, r.agree + r.miss + r.differ)} |`);
}
if (referencesPerFile > 0) {
    console.log(`\nreferences (declaration included) of ${refs.asked} names TypeScript finds in the project: the same set for ${refs.exact} ` +
        `(${pct(refs.exact, refs.asked)}); locations found by both ${refs.both}, by TypeScript only ${refs.tsOnly} ` +
        `(recall ${pct(refs.both, refs.both + refs.tsOnly)}), by arena-ls only ${refs.oursOnly} (precision ${pct(refs.both, refs.both + refs.oursOnly)})`);
    for (const e of refs.examples) {
        console.log(`\nreferences of ${e.text} at ${e.at}: ${e.line}`);
        for (const t of e.tsOnly) console.log(`   TS only:       ${t}`);
        for (const o of e.oursOnly) console.log(`   arena-ls only: ${o}`);
    }
}
if (implementationsPerFile > 0) {
    console.log(`\nimplementation of ${impls.asked} class, interface and member names either answers in the project: the same set for ${impls.exact} ` +
        `(${pct(impls.exact, impls.asked)}); locations found by both ${impls.both}, by TypeScript only ${impls.tsOnly} ` +
        `(recall ${pct(impls.both, impls.both + impls.tsOnly)}), by arena-ls only ${impls.oursOnly} (precision ${pct(impls.both, impls.both + impls.oursOnly)})`);
    const sorted = [...impls.ourTimes].sort((a, b) => a - b);
    const at = q => sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    console.log(`implementation: TypeScript ${impls.tsMs.toFixed(0)} ms in all; arena-ls ${impls.ourMs.toFixed(0)} ms in all over stdio for ` +
        `${sorted.length} requests (median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms); slowest: ` +
        (impls.slowest ?? []).map(e => `${e.text} at ${e.at} ${e.took.toFixed(0)} ms (${e.found} found)`).join(', '));
    for (const e of impls.examples) {
        console.log(`\nimplementation of ${e.text} at ${e.at}: ${e.line}`);
        for (const t of e.tsOnly) console.log(`   TS only:       ${t}`);
        for (const o of e.oursOnly) console.log(`   arena-ls only: ${o}`);
    }
}
const order = { differ: 0, extra: 1, miss: 2 };
disagreements.sort((a, b) => (a.kind === 'member') - (b.kind === 'member') || order[a.verdict] - order[b.verdict]);
for (const d of disagreements.slice(0, show)) {
    console.log(`\n${d.verdict} (${d.kind}) ${d.text} at ${d.at}: ${d.line}`);
    for (const t of d.theirs) console.log(`   TS:       ${t}`);
    for (const o of d.ours) console.log(`   arena-ls: ${o}`);
}
