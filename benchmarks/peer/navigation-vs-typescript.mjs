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
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { CACHE, DEFAULT_JAR, openProject, requireInputs, sampler, startArenaLs } from './judge-project.mjs';

let project = path.join(CACHE, 'npm', 'zod@4.6.7', 'package', 'src');
let fileCount = 40, perFile = 60, seed = 1, show = 40, referencesPerFile = 0, implementationsPerFile = 0;
let jar = DEFAULT_JAR;
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
requireInputs('navigation-vs-typescript', project, jar);
const { ts, files, texts, service, position, offset, inProject, lineOf, where } = openProject(project);

// ---------------------------------------------------------------- sampling
const { random, shuffle } = sampler(seed);
const chosen = shuffle([...files]).slice(0, fileCount);

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

// ---------------------------------------------------------------- arena-ls
const client = await startArenaLs(jar, project);
const uri = f => pathToFileURL(f).toString();

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
