#!/usr/bin/env node
// The in-file editing features judged by TypeScript's own language service, on a real project: the
// real server (the jar over stdio, the project folder as its workspace) and the pinned
// typescript@6.0.3's LanguageService (in this process, over the same files) are asked the same
// questions at seeded positions (judge-project.mjs: what navigation-vs-typescript.mjs does too).
//
//   node benchmarks/peer/editing-vs-typescript.mjs [--project DIR] [--files N] [--seed S] [--jar PATH] [--show K]
//        [--rename R] [--highlights H] [--completion C] [--signatures G] [--only FEATURE]
//
// Per sampled file (N files, default 30; DIR default zod@4.6.7's src):
// - rename: R identifiers (default 8). `prepareRename` + `rename` (to name + "Ren") against
//   `getRenameInfo` + `findRenameLocations` with VS Code's default `providePrefixAndSuffixTextForRename`
//   (a shorthand property renamed as `a: b`, an import specifier as `a as b`): the edits per file
//   (range and new text) must be the same set. Where TypeScript says the name cannot be renamed, we
//   must not offer it (a null or refused prepareRename). A location only we edit, or only TypeScript
//   does, leaves broken code: both are counted and shown.
//   At a use of an imported name TypeScript (by default) aliases the import, `import { a as b }`, where
//   arena-ls renames the export and every importer: counted apart, both leave a working program.
// - highlights: H identifiers (default 12). `documentHighlight` against `getDocumentHighlights`: the
//   same ranges, and the same kinds as VS Code shows TypeScript's (`writtenReference` Write, else Read).
// - completion: up to C positions (default 12) of each context kind: the start of an identifier in an
//   expression, right after a `.`, in a type reference, in an import specifier. Where TypeScript's list
//   (VS Code's preferences: auto-imports included) holds the identifier written there, does ours
//   (recall)? How many of our items are not in TypeScript's list (wrong proposals; snippets apart)?
// - signatures: G calls (default 6), asked right after the `(` and after each `,`: where both answer,
//   the active signature's parameter labels and the active parameter against `getSignatureHelpItems`.
// --only rename|highlights|completion|signatures runs one; --show K prints the first K disagreements
// of each feature with their lines.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CACHE, DEFAULT_JAR, openProject, requireInputs, sampler, startArenaLs } from './judge-project.mjs';

let project = path.join(CACHE, 'npm', 'zod@4.6.7', 'package', 'src');
let fileCount = 30, seed = 1, show = 12, renamePerFile = 8, highlightsPerFile = 12, completionPerKind = 12, signaturesPerFile = 6;
let jar = DEFAULT_JAR, only = null;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--project') project = path.resolve(argv[++i]);
    else if (argv[i] === '--files') fileCount = Number(argv[++i]);
    else if (argv[i] === '--seed') seed = Number(argv[++i]);
    else if (argv[i] === '--jar') jar = path.resolve(argv[++i]);
    else if (argv[i] === '--show') show = Number(argv[++i]);
    else if (argv[i] === '--rename') renamePerFile = Number(argv[++i]);
    else if (argv[i] === '--highlights') highlightsPerFile = Number(argv[++i]);
    else if (argv[i] === '--completion') completionPerKind = Number(argv[++i]);
    else if (argv[i] === '--signatures') signaturesPerFile = Number(argv[++i]);
    else if (argv[i] === '--only') only = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
}
if (only) {
    if (only !== 'rename') renamePerFile = 0;
    if (only !== 'highlights') highlightsPerFile = 0;
    if (only !== 'completion') completionPerKind = 0;
    if (only !== 'signatures') signaturesPerFile = 0;
}
requireInputs('editing-vs-typescript', project, jar);
const { ts, files, texts, service, position, offset, inProject, lineOf, where } = openProject(project);
const { shuffle } = sampler(seed);
const chosen = shuffle([...files]).slice(0, fileCount);
const uri = f => pathToFileURL(f).toString();
const client = await startArenaLs(jar, project);
const ask = async (method, params) => {
    try {
        return { result: (await client.request(method, params)).result };
    } catch (e) {
        return { error: e.message };
    }
};

// ---------------------------------------------------------------- sampling, from TypeScript's own tree
const isTypePosition = n => {
    for (let p = n.parent; p; p = p.parent) {
        if (ts.isTypeNode(p) && !ts.isExpressionWithTypeArguments(p)) return true;
        if (ts.isStatement(p) || ts.isExpression(p) || ts.isBlock(p)) return false;
    }
    return false;
};
function identifiers(sf) {
    const out = [];
    const visit = n => {
        if (ts.isIdentifier(n)) out.push(n);
        ts.forEachChild(n, visit);
    };
    visit(sf);
    return out;
}
/** The completion context of an identifier's start, or null where none of the four is sampled. */
function completionKind(n) {
    const p = n.parent;
    if (ts.isPropertyAccessExpression(p) && p.name === n) return 'member';
    if (ts.isImportSpecifier(p) && (p.propertyName ?? p.name) === n) return 'import';
    if (ts.isTypeReferenceNode(p) && p.typeName === n) return 'type';
    if (isTypePosition(n)) return null;
    if ((ts.isCallExpression(p) || ts.isBinaryExpression(p) || ts.isReturnStatement(p) || ts.isExpressionStatement(p)
        || ts.isVariableDeclaration(p) && p.initializer === n || ts.isPropertyAssignment(p) && p.initializer === n
        || ts.isPropertyAccessExpression(p) && p.expression === n || ts.isArrayLiteralExpression(p) || ts.isConditionalExpression(p)
        || ts.isShorthandPropertyAssignment(p) || ts.isSpreadElement(p) || ts.isNewExpression(p) && p.expression === n
        || ts.isPrefixUnaryExpression(p) || ts.isTemplateSpan(p) || ts.isArrowFunction(p) && p.body === n || ts.isIfStatement(p) && p.expression === n)) {
        return 'expression';
    }
    return null;
}
function calls(sf) {
    const out = [];
    const visit = n => {
        if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && n.arguments && n.arguments.length > 0) out.push(n);
        ts.forEachChild(n, visit);
    };
    visit(sf);
    return out;
}

// ---------------------------------------------------------------- tallies
const show4 = a => a.slice(0, 4);
const rename = { asked: 0, bothRefuse: 0, weOffer: 0, weRefuse: 0, exact: 0, differ: 0, everywhere: 0, tsOnly: 0, oursOnly: 0, both: 0, wrong: [], examples: [] };
const highlights = { asked: 0, exactRanges: 0, exact: 0, both: 0, tsOnly: 0, oursOnly: 0, kindDiffers: 0, examples: [] };
const completionKinds = ['expression', 'member', 'type', 'import'];
const completion = Object.fromEntries(completionKinds.map(k => [k, { asked: 0, tsHas: 0, weHave: 0, ourItems: 0, wrong: 0, positionsWithWrong: 0,
    misses: [], wrongNames: new Map() }]));
const signatures = { asked: 0, tsOnly: 0, oursOnly: 0, both: 0, sameLabels: 0, sameNames: 0, sameActive: 0, exact: 0, examples: [] };
const keyOf = (file, start, end, text) => `${file}#${start}#${end}#${text}`;
const describe = k => { const [f, s, e, t] = k.split('#'); return `${where(f, Number(s))}-${Number(e) - Number(s)} "${t}"  ${lineOf(f, Number(s))}`; };

function ourEdits(edit) {
    const out = new Set();
    if (!edit) return out;
    const add = (u, edits) => {
        const f = fileURLToPath(u);
        for (const e of edits) out.add(keyOf(f, offset(f, e.range.start), offset(f, e.range.end), e.newText));
    };
    for (const [u, edits] of Object.entries(edit.changes ?? {})) add(u, edits);
    for (const d of edit.documentChanges ?? []) if (d.edits) add(d.textDocument.uri, d.edits);
    return out;
}

const labelText = (signature, p) => typeof p.label === 'string' ? p.label : signature.label.slice(p.label[0], p.label[1]);
const parameterName = label => label.replace(/^\.\.\./, '').split(/[?:=]/)[0].trim();
const squeeze = s => s.replace(/\s+/g, ' ').trim();

for (const file of chosen) {
    const text = texts.get(file);
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ESNext, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    client.notify('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: file.endsWith('x') ? 'typescriptreact' : 'typescript', version: 1, text } });
    const ids = shuffle(identifiers(sf));
    const at = pos => ({ textDocument: { uri: uri(file) }, position: position(file, pos) });

    // ---- rename
    for (const id of ids.slice(0, renamePerFile)) {
        const pos = id.getStart(sf), newName = `${id.text}Ren`;
        const info = service.getRenameInfo(file, pos, { providePrefixAndSuffixTextForRename: true });
        const prepared = await ask('textDocument/prepareRename', at(pos));
        const weOffer = !prepared.error && prepared.result != null;
        rename.asked++;
        if (!info.canRename) {
            if (weOffer) {
                rename.weOffer++;
                if (rename.wrong.length < show) rename.wrong.push({ what: `offered where TypeScript says "${info.localizedErrorMessage}"`, at: where(file, pos), text: id.text, line: lineOf(file, pos), tsOnly: [], oursOnly: [] });
            } else rename.bothRefuse++;
            continue;
        }
        const theirs = new Set((service.findRenameLocations(file, pos, false, false, { providePrefixAndSuffixTextForRename: true }) ?? [])
            .filter(l => inProject(l.fileName))
            .map(l => keyOf(path.resolve(l.fileName), l.textSpan.start, l.textSpan.start + l.textSpan.length, `${l.prefixText ?? ''}${newName}${l.suffixText ?? ''}`)));
        const answer = weOffer ? await ask('textDocument/rename', { ...at(pos), newName }) : { result: null };
        const ours = ourEdits(answer.result);
        if (ours.size === 0) {
            rename.weRefuse++;
            if (rename.examples.length < show) rename.examples.push({ what: `not renamed (${answer.error ?? prepared.error ?? 'no answer'})`, at: where(file, pos), text: id.text, line: lineOf(file, pos), tsOnly: show4([...theirs].map(describe)), oursOnly: [] });
            continue;
        }
        let both = 0;
        for (const k of ours) if (theirs.has(k)) both++;
        rename.both += both;
        rename.tsOnly += theirs.size - both;
        rename.oursOnly += ours.size - both;
        // TypeScript renames an imported name where it is used as `import { a as b }`; arena-ls renames the
        // export and every importer: the same program, told apart from a rename that leaves a use behind
        const aliasOnly = [...theirs].filter(k => !ours.has(k)).every(k => / as /.test(k.split('#')[3]) && /^\s*(import\b|[\w$]+\s*,?\s*$)/.test(lineOf(k.split('#')[0], Number(k.split('#')[1]))));
        const importSpecifier = [...theirs].some(k => !ours.has(k));
        if (both === theirs.size && both === ours.size) rename.exact++;
        else if (importSpecifier && aliasOnly && theirs.size - both <= 1) rename.everywhere++;
        else {
            rename.differ++;
            if (rename.wrong.length < show) rename.wrong.push({ what: 'different edits', at: where(file, pos), text: id.text, line: lineOf(file, pos),
                tsOnly: show4([...theirs].filter(k => !ours.has(k)).map(describe)), oursOnly: show4([...ours].filter(k => !theirs.has(k)).map(describe)) });
        }
    }

    // ---- document highlights
    for (const id of ids.slice(renamePerFile, renamePerFile + highlightsPerFile)) {
        const pos = id.getStart(sf);
        const theirs = new Map();
        for (const h of service.getDocumentHighlights(file, pos, [file]) ?? []) {
            if (path.resolve(h.fileName) !== file) continue;
            for (const s of h.highlightSpans) theirs.set(`${s.textSpan.start}#${s.textSpan.start + s.textSpan.length}`, s.kind === 'writtenReference' ? 3 : 2);
        }
        const answer = (await ask('textDocument/documentHighlight', at(pos))).result ?? [];
        const ours = new Map(answer.map(h => [`${offset(file, h.range.start)}#${offset(file, h.range.end)}`, h.kind ?? 1]));
        if (theirs.size === 0 && ours.size === 0) continue;
        highlights.asked++;
        let both = 0, kindDiffers = 0;
        for (const [k, kind] of ours) if (theirs.has(k)) { both++; if (theirs.get(k) !== kind) kindDiffers++; }
        highlights.both += both;
        highlights.tsOnly += theirs.size - both;
        highlights.oursOnly += ours.size - both;
        highlights.kindDiffers += kindDiffers;
        const sameRanges = both === theirs.size && both === ours.size;
        if (sameRanges) highlights.exactRanges++;
        if (sameRanges && kindDiffers === 0) highlights.exact++;
        else if (highlights.examples.length < show) {
            const name = (k, kind) => { const s = Number(k.split('#')[0]); return `${where(file, s)} ${kind === 3 ? 'write' : 'read'}  ${lineOf(file, s)}`; };
            highlights.examples.push({ at: where(file, pos), text: id.text, line: lineOf(file, pos),
                tsOnly: show4([...theirs].filter(([k, kind]) => ours.get(k) !== kind).map(([k, kind]) => name(k, kind))),
                oursOnly: show4([...ours].filter(([k, kind]) => theirs.get(k) !== kind).map(([k, kind]) => name(k, kind))) });
        }
    }

    // ---- completion
    const taken = Object.fromEntries(completionKinds.map(k => [k, 0]));
    for (const id of ids) {
        const kind = completionKind(id);
        if (!kind || taken[kind] >= completionPerKind) continue;
        const pos = id.getStart(sf);
        const list = service.getCompletionsAtPosition(file, pos, { includeCompletionsForModuleExports: true, includeCompletionsWithInsertText: true,
            includeCompletionsForImportStatements: true, includeAutomaticOptionalChainCompletions: true });
        if (!list) continue;
        taken[kind]++;
        const row = completion[kind];
        row.asked++;
        const tsNames = new Set(list.entries.map(e => e.name));
        const answer = (await ask('textDocument/completion', { ...at(pos), context: { triggerKind: 1 } })).result;
        const items = (Array.isArray(answer) ? answer : answer?.items ?? []).filter(i => i.kind !== 15 /* Snippet */);
        const ourNames = new Set(items.map(i => i.filterText ?? i.label));
        if (tsNames.has(id.text)) {
            row.tsHas++;
            if (ourNames.has(id.text)) row.weHave++;
            else if (row.misses.length < show) row.misses.push(`${id.text} at ${where(file, pos)} (${items.length} items): ${lineOf(file, pos)}`);
        }
        let wrong = 0;
        for (const n of ourNames) if (!tsNames.has(n)) { wrong++; row.wrongNames.set(n, (row.wrongNames.get(n) ?? 0) + 1); }
        row.ourItems += ourNames.size;
        row.wrong += wrong;
        if (wrong > 0) row.positionsWithWrong++;
    }

    // ---- signature help
    for (const call of shuffle(calls(sf)).slice(0, signaturesPerFile)) {
        const positions = [call.arguments.pos, ...call.arguments.slice(1).map(a => a.pos)];
        for (const pos of positions) {
            const theirs = service.getSignatureHelpItems(file, pos, { triggerReason: { kind: 'invoked' } });
            const ours = (await ask('textDocument/signatureHelp', { ...at(pos), context: { triggerKind: 1, isRetrigger: false } })).result;
            const ourSignature = ours?.signatures?.[ours.activeSignature ?? 0];
            if (!theirs && !ourSignature) continue;
            signatures.asked++;
            if (!ourSignature) { signatures.tsOnly++; continue; }
            if (!theirs) { signatures.oursOnly++; continue; }
            signatures.both++;
            const item = theirs.items[theirs.selectedItemIndex];
            const theirLabels = item.parameters.map(p => squeeze(ts.displayPartsToString(p.displayParts)));
            const ourLabels = (ourSignature.parameters ?? []).map(p => squeeze(labelText(ourSignature, p)));
            const ourActive = ourSignature.activeParameter ?? ours.activeParameter ?? 0;
            const sameLabels = theirLabels.join('\n') === ourLabels.join('\n');
            const sameNames = theirLabels.map(parameterName).join(',') === ourLabels.map(parameterName).join(',');
            const sameActive = ourActive === Math.min(theirs.argumentIndex, Math.max(0, theirLabels.length - 1))
                || ourActive === theirs.argumentIndex;
            if (sameLabels) signatures.sameLabels++;
            if (sameNames) signatures.sameNames++;
            if (sameActive) signatures.sameActive++;
            if (sameNames && sameActive) signatures.exact++;
            if ((!sameNames || !sameActive || !sameLabels) && signatures.examples.length < show) {
                signatures.examples.push({ at: where(file, pos), line: lineOf(file, pos), theirs: `(${theirLabels.join(', ')}) active ${theirs.argumentIndex}`,
                    ours: `(${ourLabels.join(', ')}) active ${ourActive}` });
            }
        }
    }
    client.notify('textDocument/didClose', { textDocument: { uri: uri(file) } });
}
await client.close();

// ---------------------------------------------------------------- report
const pct = (a, b) => (b === 0 ? '-' : `${(100 * a / b).toFixed(1)}%`);
console.log(`\n${path.relative(CACHE, project) || project}: ${files.length} files; ${chosen.length} sampled (seed ${seed})`);
const printExamples = (title, examples) => {
    for (const e of examples) {
        console.log(`\n${title} ${e.what ?? ''} of ${e.text} at ${e.at}: ${e.line}`);
        for (const t of e.tsOnly) console.log(`   TS only:       ${t}`);
        for (const o of e.oursOnly) console.log(`   arena-ls only: ${o}`);
    }
};
if (renamePerFile > 0) {
    const agreed = rename.exact + rename.bothRefuse;
    console.log(`\nrename of ${rename.asked} identifiers: agree ${agreed} (${pct(agreed, rename.asked)}): the same edits ${rename.exact}, both refuse ${rename.bothRefuse}; ` +
        `we offer where TypeScript cannot ${rename.weOffer}; we do not rename where TypeScript does ${rename.weRefuse}; at an import's use, TypeScript aliases it (import { a as b }) where we rename the export everywhere ${rename.everywhere}; different edits ${rename.differ} ` +
        `(edits by both ${rename.both}, TypeScript only ${rename.tsOnly}, arena-ls only ${rename.oursOnly})`);
    printExamples('rename (wrong):', rename.wrong);
    printExamples('rename:', rename.examples);
}
if (highlightsPerFile > 0) {
    console.log(`\ndocument highlights at ${highlights.asked} identifiers either answers: the same ranges ${highlights.exactRanges} (${pct(highlights.exactRanges, highlights.asked)}), ` +
        `ranges and kinds ${highlights.exact} (${pct(highlights.exact, highlights.asked)}); ranges by both ${highlights.both}, TypeScript only ${highlights.tsOnly}, ` +
        `arena-ls only ${highlights.oursOnly}; kind differs on ${highlights.kindDiffers}`);
    printExamples('highlights:', highlights.examples);
}
if (completionPerKind > 0) {
    console.log('\n| completion context | positions | TS lists the written name | arena-ls too | recall | our items (no snippets) | not in TS\'s list | positions with any |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const k of completionKinds) {
        const r = completion[k];
        console.log(`| ${k} | ${r.asked} | ${r.tsHas} | ${r.weHave} | ${pct(r.weHave, r.tsHas)} | ${r.ourItems} | ${r.wrong} (${pct(r.wrong, r.ourItems)}) | ${r.positionsWithWrong} |`);
    }
    for (const k of completionKinds) {
        const r = completion[k];
        if (r.misses.length) console.log(`\ncompletion (${k}) misses:\n   ${r.misses.join('\n   ')}`);
        const top = [...r.wrongNames].sort((a, b) => b[1] - a[1]).slice(0, show);
        if (top.length) console.log(`completion (${k}) ours only, most frequent: ${top.map(([n, c]) => `${n} ×${c}`).join(', ')}`);
    }
}
if (signaturesPerFile > 0) {
    console.log(`\nsignature help at ${signatures.asked} positions either answers: both ${signatures.both}, TypeScript only ${signatures.tsOnly}, arena-ls only ${signatures.oursOnly}; ` +
        `where both answer: the same parameter names and active parameter ${signatures.exact} (${pct(signatures.exact, signatures.both)}), ` +
        `the same labels ${signatures.sameLabels} (${pct(signatures.sameLabels, signatures.both)}), names ${signatures.sameNames}, active parameter ${signatures.sameActive}`);
    for (const e of signatures.examples) console.log(`\nsignature help at ${e.at}: ${e.line}\n   TS:       ${e.theirs}\n   arena-ls: ${e.ours}`);
}
