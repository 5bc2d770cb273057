#!/usr/bin/env node
// The structure features judged by TypeScript's own language service, on a real project: for files
// sampled from it, arena-ls's answers (the real server over stdio, the project folder as its
// workspace) against those of the pinned typescript@6.0.3 (a LanguageService over the same files,
// in this process), converted as typescript-language-server / VS Code's TypeScript extension
// convert them. Prints the agreement per feature and the first disagreements, to read.
//
//   node benchmarks/peer/structure-vs-typescript.mjs [--project DIR] [--files N] [--seed S] [--jar PATH] [--show K]
//        [--selections M] [--only folding,tokens,symbols,selection] [--fold-ends tsls|vscode]
//
// DIR: default zod@4.6.7's src (fetched pinned by test-fixtures/scripts/fetch-npm.sh into
// ~/.cache/arena-ls). N files (default 40) picked by a seeded generator; M positions a file
// (default 12) for selection ranges. Per file:
//   - folding: `textDocument/foldingRange` (lineFoldingOnly, as VS Code asks) against
//     `getOutliningSpans`, each span as typescript-language-server converts it: the end line
//     dropped when the span ends just after a `}` (VS Code issue 47240), a comment span on a
//     `// #endregion` line dropped, kinds comment / region / imports (code: none). A range that does
//     not span lines folds nothing and is left out on both sides (--fold-ends vscode: the end line dropped as VS
//     Code's own TypeScript extension drops it, for a span ending in `}`, `]`, `)`, a backtick or `>`), and as VS Code keeps one range
//     per start line (the first), so do both sides. Counted per range (start line, end line, kind).
//   - semantic tokens: `semanticTokens/full` decoded with the server's legend, against
//     `getEncodedSemanticClassifications(…, "2020")` decoded as typescript-language-server does
//     (type = (c >> 8) - 1, modifiers = c & 255; TypeScript's `member` is VS Code's `method`).
//     Compared: the token type, and the modifiers declaration, static, async, readonly,
//     defaultLibrary, and local on variables and functions (TypeScript marks local only there).
//     Our decorator, regexp and label tokens have no TypeScript counterpart and are left out.
//     Counted per token by TypeScript's type (ours where only we have one): agree / differ / only
//     ours / only TypeScript's, and the differences grouped by (ours → theirs).
//   - document symbols: `textDocument/documentSymbol` (hierarchical) against `getNavigationTree`
//     converted as typescript-language-server does (collectDocumentSymbols: `alias` and unnamed
//     `<function>`/`<class>` entries left out unless a child is kept; its ScriptElementKind →
//     SymbolKind table). A symbol is matched by its path of names (each with the line its selection
//     range starts on); matched ones compare kind, range and selection range.
//   - selection ranges: `textDocument/selectionRange` at M identifier positions against
//     `getSmartSelectionRange` (the chain, innermost first): the same chain, and ranges in both /
//     TypeScript's only / ours only.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE, DEFAULT_JAR, openProject, requireInputs, sampler, startArenaLs } from './judge-project.mjs';

let project = path.join(CACHE, 'npm', 'zod@4.6.7', 'package', 'src');
let fileCount = 40, seed = 1, show = 20, selectionsPerFile = 12, foldEnds = 'vscode';
let only = new Set(['folding', 'tokens', 'symbols', 'selection']);
let jar = DEFAULT_JAR;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--project') project = path.resolve(argv[++i]);
    else if (argv[i] === '--files') fileCount = Number(argv[++i]);
    else if (argv[i] === '--seed') seed = Number(argv[++i]);
    else if (argv[i] === '--jar') jar = path.resolve(argv[++i]);
    else if (argv[i] === '--show') show = Number(argv[++i]);
    else if (argv[i] === '--selections') selectionsPerFile = Number(argv[++i]);
    else if (argv[i] === '--only') only = new Set(argv[++i].split(','));
    else if (argv[i] === '--fold-ends') foldEnds = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
}
requireInputs('structure-vs-typescript', project, jar);
const { ts, files, texts, service, lineStarts, position, offset } = openProject(project);

// ---------------------------------------------------------------- sampling
const { random, shuffle } = sampler(seed);
const chosen = shuffle([...files]).slice(0, fileCount);

/** Up to M identifier positions of a file (the middle of each name), seeded. */
function selectionPositions(file) {
    const sf = ts.createSourceFile(file, texts.get(file), ts.ScriptTarget.ESNext, true);
    const out = [];
    const visit = n => {
        if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n)) {
            const s = n.getStart(sf);
            out.push(s + ((n.getEnd() - s) >> 1));
        }
        ts.forEachChild(n, visit);
    };
    visit(sf);
    return shuffle(out).slice(0, selectionsPerFile).sort((a, b) => a - b);
}

// ---------------------------------------------------------------- positions (UTF-16, as both count)
const lineText = (file, line) => {
    const s = lineStarts(file), t = texts.get(file);
    return t.slice(s[line], line + 1 < s.length ? s[line + 1] : t.length).replace(/\r?\n$/, '');
};
const rel = file => path.relative(project, file);
const clip = (s, n = 100) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

// ---------------------------------------------------------------- arena-ls
const client = await startArenaLs(jar, project, {
    textDocument: {
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        foldingRange: { lineFoldingOnly: true },
        semanticTokens: { requests: { full: { delta: true }, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
        selectionRange: {},
    },
});
const legend = client.initializeResult.capabilities.semanticTokensProvider.legend;
const uri = f => pathToFileURL(f).toString();

// ---------------------------------------------------------------- folding
// typescript-language-server keeps the line of a span ending in `}` visible; VS Code's TypeScript extension
// (folding.ts, foldEndPairCharacters) also of one ending in `]`, `)`, a backtick or `>`
const FOLD_END_CHARACTERS = { tsls: ['}'], vscode: ['}', ']', ')', '`', '>'] };
if (!FOLD_END_CHARACTERS[foldEnds]) throw new Error(`--fold-ends: tsls or vscode, not ${foldEnds}`);
const folding = { both: 0, tsOnly: 0, oursOnly: 0, files: 0, exactFiles: 0, examples: [], causes: new Map() };

function theirFolds(file) {
    const t = texts.get(file);
    const out = [];
    const seen = new Set();
    for (const span of service.getOutliningSpans(file)) {
        const start = position(file, span.textSpan.start), end = position(file, span.textSpan.start + span.textSpan.length);
        if (span.kind === 'comment' && /\/\/\s*#endregion/i.test(lineText(file, start.line))) continue;
        const endOffset = span.textSpan.start + span.textSpan.length;
        const endLine = end.character > 0 && FOLD_END_CHARACTERS[foldEnds].includes(t[endOffset - 1]) ? Math.max(end.line - 1, start.line) : end.line;
        const kind = span.kind === 'comment' ? 'comment' : span.kind === 'region' ? 'region' : span.kind === 'imports' ? 'imports' : '';
        if (endLine <= start.line) continue;
        out.push({ startLine: start.line, endLine, kind });
    }
    // VS Code keeps the first range of each start line (sorted by start line, stable)
    out.sort((a, b) => a.startLine - b.startLine);
    return out.filter(r => !seen.has(r.startLine) && seen.add(r.startLine));
}

async function judgeFolding(file) {
    const theirs = theirFolds(file);
    const answer = (await client.request('textDocument/foldingRange', { textDocument: { uri: uri(file) } })).result ?? [];
    const seen = new Set();
    const ours = answer.filter(r => r.endLine > r.startLine).sort((a, b) => a.startLine - b.startLine)
        .filter(r => !seen.has(r.startLine) && seen.add(r.startLine)).map(r => ({ startLine: r.startLine, endLine: r.endLine, kind: r.kind ?? '' }));
    const key = r => `${r.startLine}-${r.endLine}-${r.kind}`;
    const ourKeys = new Set(ours.map(key)), theirKeys = new Set(theirs.map(key));
    const ourByStart = new Map(ours.map(r => [r.startLine, r]));
    let exact = true;
    for (const r of theirs) {
        if (ourKeys.has(key(r))) { folding.both++; continue; }
        folding.tsOnly++;
        exact = false;
        const o = ourByStart.get(r.startLine);
        const cause = !o ? `TS only: ${firstWords(lineText(file, r.startLine))}`
            : o.kind !== r.kind ? `kind ${o.kind || 'code'} vs TS ${r.kind || 'code'}`
            : `end line ours ${o.endLine > r.endLine ? '+' : ''}${o.endLine - r.endLine} (TS ends ${firstWords(lineText(file, r.endLine + 1 < lineStarts(file).length ? r.endLine : r.endLine))})`;
        count(folding.causes, cause.replace(/ \(TS ends.*/, ''));
        if (folding.examples.length < show) {
            folding.examples.push(`${rel(file)}:${r.startLine + 1}: TS ${r.startLine + 1}-${r.endLine + 1} ${r.kind || 'code'}, ours ${o ? `${o.startLine + 1}-${o.endLine + 1} ${o.kind || 'code'}` : 'none'}: ${clip(lineText(file, r.startLine).trim())} … ${clip(lineText(file, r.endLine).trim(), 40)} | ${clip(lineText(file, r.endLine + 1 < lineStarts(file).length ? r.endLine + 1 : r.endLine).trim(), 40)}`);
        }
    }
    const theirStarts = new Set(theirs.map(r => r.startLine));
    for (const r of ours) {
        if (theirKeys.has(key(r))) continue;
        folding.oursOnly++;
        exact = false;
        if (!theirStarts.has(r.startLine)) {
            count(folding.causes, `ours only: ${firstWords(lineText(file, r.startLine))}`);
            if (folding.examples.length < show) {
                folding.examples.push(`${rel(file)}:${r.startLine + 1}: ours only ${r.startLine + 1}-${r.endLine + 1} ${r.kind || 'code'}: ${clip(lineText(file, r.startLine).trim())} … ${clip(lineText(file, r.endLine).trim(), 40)}`);
            }
        }
    }
    folding.files++;
    if (exact) folding.exactFiles++;
}

/** A line reduced to its shape: the first token-ish words, for grouping causes. */
function firstWords(line) {
    const t = line.trim();
    const m = /^(\/\*\*|\/\*|\/\/|export default|export|import|const|let|var|function|class|interface|type|enum|namespace|declare|return|if|else|for|while|switch|case|try|catch|[\w$]+\s*\(|[\w$]+\s*:|[\w$.]+\s*=|\}|\)|\]|[{([<`])/.exec(t);
    return m ? m[1].replace(/[\w$]+\s*\($/, 'name(').replace(/[\w$]+\s*:$/, 'key:').replace(/[\w$.]+\s*=$/, 'x =') : clip(t, 12);
}
function count(map, key, n = 1) { map.set(key, (map.get(key) ?? 0) + n); }

// ---------------------------------------------------------------- semantic tokens
const TS_TYPES = ['class', 'enum', 'interface', 'namespace', 'typeParameter', 'type', 'parameter', 'variable', 'enumMember', 'property', 'function', 'method'];
const TS_MODIFIERS = ['declaration', 'static', 'async', 'readonly', 'defaultLibrary', 'local'];
const COMPARED_MODIFIERS = ['declaration', 'static', 'async', 'readonly', 'defaultLibrary', 'local'];
const LEFT_OUT = new Set(['decorator', 'regexp', 'label']);
const tokens = { perType: new Map(), pairs: new Map(), examples: new Map() };
const tokenRow = type => {
    let r = tokens.perType.get(type);
    if (!r) tokens.perType.set(type, r = { agree: 0, differ: 0, oursOnly: 0, tsOnly: 0 });
    return r;
};
function modifierText(type, names) {
    return names.filter(m => COMPARED_MODIFIERS.includes(m) && (m !== 'local' || type === 'variable' || type === 'function')).sort().join('+');
}

async function judgeTokens(file) {
    const enc = service.getEncodedSemanticClassifications(file, { start: 0, length: texts.get(file).length }, ts.SemanticClassificationFormat.TwentyTwenty);
    const theirs = new Map();
    for (let i = 0; i < enc.spans.length; i += 3) {
        const c = enc.spans[i + 2];
        const type = TS_TYPES[(c >> 8) - 1];
        const mods = TS_MODIFIERS.filter((_, b) => (c & 255) & (1 << b));
        theirs.set(enc.spans[i], { type, mods: modifierText(type, mods), length: enc.spans[i + 1] });
    }
    const data = (await client.request('textDocument/semanticTokens/full', { textDocument: { uri: uri(file) } })).result?.data ?? [];
    const ours = new Map();
    let line = 0, ch = 0;
    for (let i = 0; i < data.length; i += 5) {
        line += data[i];
        ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1];
        const type = legend.tokenTypes[data[i + 3]];
        if (LEFT_OUT.has(type)) continue;
        const mods = legend.tokenModifiers.filter((_, b) => data[i + 4] & (1 << b));
        ours.set(offset(file, { line, character: ch }), { type, mods: modifierText(type, mods), length: data[i + 2] });
    }
    const example = (key, at, text) => {
        let list = tokens.examples.get(key);
        if (!list) tokens.examples.set(key, list = []);
        if (list.length < 3) list.push(`${rel(file)}:${position(file, at).line + 1}:${position(file, at).character + 1} ${text}: ${clip(lineText(file, position(file, at).line).trim(), 90)}`);
    };
    for (const [at, t] of theirs) {
        const o = ours.get(at);
        const name = texts.get(file).slice(at, at + t.length);
        if (!o) {
            tokenRow(t.type).tsOnly++;
            const key = `TS only: ${t.type}${t.mods ? ' ' + t.mods : ''}`;
            count(tokens.pairs, key);
            example(key, at, name);
        } else if (o.type === t.type && o.mods === t.mods) {
            tokenRow(t.type).agree++;
        } else {
            tokenRow(t.type).differ++;
            const key = `${o.type}${o.mods ? ' ' + o.mods : ''} → ${t.type}${t.mods ? ' ' + t.mods : ''}`;
            count(tokens.pairs, key);
            example(key, at, name);
        }
    }
    for (const [at, o] of ours) {
        if (theirs.has(at)) continue;
        tokenRow(o.type).oursOnly++;
        const key = `ours only: ${o.type}${o.mods ? ' ' + o.mods : ''}`;
        count(tokens.pairs, key);
        example(key, at, texts.get(file).slice(at, at + o.length));
    }
}

// ---------------------------------------------------------------- document symbols
// typescript-language-server's ScriptElementKind → SymbolKind table (protocol-translation.ts), its default Variable
const SYMBOL_KINDS = { 'enum member': 22 /* Constant */, 'JSX attribute': 7, 'local class': 5, 'local function': 12, 'local var': 13,
    'type parameter': 13, alias: 13, class: 5, const: 14, constructor: 9, enum: 10, field: 8, file: 1, function: 12, getter: 6,
    interface: 11, let: 13, method: 6, module: 2, parameter: 13, property: 7, setter: 6, var: 13 };
const KIND_NAMES = ['', 'File', 'Module', 'Namespace', 'Package', 'Class', 'Method', 'Property', 'Field', 'Constructor', 'Enum', 'Interface',
    'Function', 'Variable', 'Constant', 'String', 'Number', 'Boolean', 'Array', 'Object', 'Key', 'Null', 'EnumMember', 'Struct', 'Event',
    'Operator', 'TypeParameter'];
const symbols = { both: 0, tsOnly: 0, oursOnly: 0, kindSame: 0, rangeSame: 0, selectionSame: 0, kindPairs: new Map(), causes: new Map(), examples: [], rangeExamples: [] };

function theirSymbols(file) {
    const tree = service.getNavigationTree(file);
    const toRange = span => ({ start: position(file, span.start), end: position(file, span.start + span.length) });
    const intersects = (a, b) => !(cmp(a.end, b.start) < 0 || cmp(b.end, a.start) < 0);
    const include = item => item.kind !== 'alias' && !!(item.text && item.text !== '<function>' && item.text !== '<class>');
    const collect = (item, out, range) => {
        let keep = include(item);
        for (const span of item.spans) {
            const spanRange = toRange(span);
            if (!intersects(range, spanRange)) continue;
            const children = [];
            for (const child of item.childItems ?? []) {
                if (child.spans.some(s => intersects(spanRange, toRange(s)))) keep = collect(child, children, spanRange) || keep;
            }
            let selectionRange = spanRange;
            if (item.nameSpan && intersects(spanRange, toRange(item.nameSpan))) selectionRange = toRange(item.nameSpan);
            if (keep) out.push({ name: item.text, kind: SYMBOL_KINDS[item.kind] ?? 13, range: spanRange, selectionRange, children, tsKind: item.kind });
        }
        return keep;
    };
    const out = [];
    for (const item of tree.childItems ?? []) {
        collect(item, out, { start: toRange(item.spans[0]).start, end: toRange(item.spans[item.spans.length - 1]).end });
    }
    return out;
}
const cmp = (a, b) => a.line - b.line || a.character - b.character;
const rangeText = r => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

/** Symbols by their path of names, each name with the line its selection range starts on (declarations merged by name stay apart). */
function flattenSymbols(list, prefix, out) {
    for (const s of list) {
        let key = `${prefix}/${s.name}:${s.selectionRange.start.line + 1}`;
        while (out.has(key)) key += "'";
        out.set(key, s);
        flattenSymbols(s.children ?? [], key, out);
    }
    return out;
}

async function judgeSymbols(file) {
    const theirs = flattenSymbols(theirSymbols(file), '', new Map());
    const answer = (await client.request('textDocument/documentSymbol', { textDocument: { uri: uri(file) } })).result ?? [];
    const ours = flattenSymbols(answer, '', new Map());
    for (const [key, t] of theirs) {
        const o = ours.get(key);
        if (!o) {
            symbols.tsOnly++;
            const parentKnown = key.lastIndexOf('/') === 0 || ours.has(key.slice(0, key.lastIndexOf('/')));
            const cause = `TS only: ${t.tsKind}${parentKnown ? '' : ' (under a symbol we lack)'}`;
            count(symbols.causes, cause);
            if (symbols.examples.length < show && parentKnown) {
                symbols.examples.push(`${rel(file)}:${t.selectionRange.start.line + 1}: TS only ${key} (${t.tsKind}): ${clip(lineText(file, t.selectionRange.start.line).trim())}`);
            }
            continue;
        }
        symbols.both++;
        if (o.kind === t.kind) symbols.kindSame++;
        else count(symbols.kindPairs, `${KIND_NAMES[o.kind]} → ${KIND_NAMES[t.kind]} (TS ${t.tsKind})`);
        const sameRange = cmp(o.range.start, t.range.start) === 0 && cmp(o.range.end, t.range.end) === 0;
        if (sameRange) symbols.rangeSame++;
        else if (symbols.rangeExamples.length < show) {
            symbols.rangeExamples.push(`${rel(file)}: ${key} range ours ${rangeText(o.range)} TS ${rangeText(t.range)}: ${clip(lineText(file, t.range.start.line).trim(), 70)}`);
        }
        if (cmp(o.selectionRange.start, t.selectionRange.start) === 0 && cmp(o.selectionRange.end, t.selectionRange.end) === 0) symbols.selectionSame++;
    }
    for (const [key, o] of ours) {
        if (theirs.has(key)) continue;
        symbols.oursOnly++;
        const parentKnown = key.lastIndexOf('/') === 0 || theirs.has(key.slice(0, key.lastIndexOf('/')));
        count(symbols.causes, `ours only: ${KIND_NAMES[o.kind]}${parentKnown ? '' : ' (under a symbol TS lacks)'}`);
        if (symbols.examples.length < show && parentKnown) {
            symbols.examples.push(`${rel(file)}:${o.selectionRange.start.line + 1}: ours only ${key} (${KIND_NAMES[o.kind]}): ${clip(lineText(file, o.selectionRange.start.line).trim())}`);
        }
    }
}

// ---------------------------------------------------------------- selection ranges
const selection = { asked: 0, same: 0, both: 0, tsOnly: 0, oursOnly: 0, examples: [], causes: new Map() };

async function judgeSelection(file) {
    const offsets = selectionPositions(file);
    if (offsets.length === 0) return;
    const answer = (await client.request('textDocument/selectionRange', { textDocument: { uri: uri(file) },
        positions: offsets.map(o => position(file, o)) })).result ?? [];
    const t = texts.get(file);
    offsets.forEach((at, i) => {
        const theirs = [];
        for (let r = service.getSmartSelectionRange(file, at); r; r = r.parent) theirs.push(`${r.textSpan.start}-${r.textSpan.start + r.textSpan.length}`);
        const ours = [];
        for (let r = answer[i]; r; r = r.parent) ours.push(`${offset(file, r.range.start)}-${offset(file, r.range.end)}`);
        selection.asked++;
        const ourSet = new Set(ours), theirSet = new Set(theirs);
        const both = ours.filter(k => theirSet.has(k)).length;
        selection.both += both;
        selection.tsOnly += theirSet.size - both;
        selection.oursOnly += ourSet.size - both;
        if (ours.join() === theirs.join()) { selection.same++; return; }
        const show1 = k => { const [s, e] = k.split('-').map(Number); return JSON.stringify(clip(t.slice(s, e).replace(/\s+/g, ' '), 50)); };
        const missing = theirs.filter(k => !ourSet.has(k)), extra = ours.filter(k => !theirSet.has(k));
        for (const k of missing) count(selection.causes, `TS only: ${shape(t, k)}`);
        for (const k of extra) count(selection.causes, `ours only: ${shape(t, k)}`);
        if (selection.examples.length < show) {
            const p = position(file, at);
            selection.examples.push(`${rel(file)}:${p.line + 1}:${p.character + 1} ${clip(lineText(file, p.line).trim(), 80)}\n`
                + missing.slice(0, 4).map(k => `     TS only:   ${show1(k)}\n`).join('') + extra.slice(0, 4).map(k => `     ours only: ${show1(k)}\n`).join(''));
        }
    });
}
/** What a range looks like at its ends, for grouping: its first and last characters. */
function shape(t, k) {
    const [s, e] = k.split('-').map(Number);
    const text = t.slice(s, e);
    if (e - s <= 1) return 'one character';
    const first = /^[\w$#]/.test(text) ? 'word' : text[0], last = /[\w$]$/.test(text) ? 'word' : text[text.length - 1];
    return `${first}…${last}${/\n/.test(text) ? ' (lines)' : ''}`;
}

// ---------------------------------------------------------------- run
for (const file of chosen) {
    client.notify('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: file.endsWith('x') ? 'typescriptreact' : 'typescript', version: 1, text: texts.get(file) } });
    if (only.has('folding')) await judgeFolding(file);
    if (only.has('tokens')) await judgeTokens(file);
    if (only.has('symbols')) await judgeSymbols(file);
    if (only.has('selection')) await judgeSelection(file);
    client.notify('textDocument/didClose', { textDocument: { uri: uri(file) } });
}
await client.close();

// ---------------------------------------------------------------- report
const pct = (a, b) => (b === 0 ? '-' : `${(100 * a / b).toFixed(1)}%`);
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`\n${path.relative(CACHE, project) || project}: ${files.length} files; ${chosen.length} sampled (seed ${seed})`);
if (only.has('folding')) {
    console.log(`\nfolding (end lines as ${foldEnds === 'tsls' ? 'typescript-language-server' : "VS Code's TypeScript extension"} keeps them): ranges in both ${folding.both}, TypeScript's only ${folding.tsOnly}, ours only ${folding.oursOnly}: `
        + `recall ${pct(folding.both, folding.both + folding.tsOnly)}, precision ${pct(folding.both, folding.both + folding.oursOnly)}; `
        + `files the same ${folding.exactFiles}/${folding.files}`);
    for (const [k, n] of top(folding.causes, show)) console.log(`   ${String(n).padStart(5)}  ${k}`);
    for (const e of folding.examples) console.log(`   ${e}`);
}
if (only.has('tokens')) {
    console.log('\nsemantic tokens (type and compared modifiers):\n');
    console.log('| type | agree | differ | only ours | only TypeScript | agreement |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    const total = { agree: 0, differ: 0, oursOnly: 0, tsOnly: 0 };
    for (const [type, r] of [...tokens.perType].sort((a, b) => (b[1].agree + b[1].differ + b[1].tsOnly) - (a[1].agree + a[1].differ + a[1].tsOnly))) {
        for (const k in total) total[k] += r[k];
        console.log(`| ${type} | ${r.agree} | ${r.differ} | ${r.oursOnly} | ${r.tsOnly} | ${pct(r.agree, r.agree + r.differ + r.oursOnly + r.tsOnly)} |`);
    }
    console.log(`| all | ${total.agree} | ${total.differ} | ${total.oursOnly} | ${total.tsOnly} | ${pct(total.agree, total.agree + total.differ + total.oursOnly + total.tsOnly)} |`);
    for (const [k, n] of top(tokens.pairs, show)) {
        console.log(`   ${String(n).padStart(5)}  ${k}`);
        for (const e of tokens.examples.get(k) ?? []) console.log(`            ${e}`);
    }
}
if (only.has('symbols')) {
    console.log(`\ndocument symbols: matched by path ${symbols.both}, TypeScript's only ${symbols.tsOnly}, ours only ${symbols.oursOnly} `
        + `(recall ${pct(symbols.both, symbols.both + symbols.tsOnly)}, precision ${pct(symbols.both, symbols.both + symbols.oursOnly)}); `
        + `of the matched: kind ${pct(symbols.kindSame, symbols.both)}, range ${pct(symbols.rangeSame, symbols.both)}, selection range ${pct(symbols.selectionSame, symbols.both)}`);
    for (const [k, n] of top(symbols.causes, show)) console.log(`   ${String(n).padStart(5)}  ${k}`);
    for (const [k, n] of top(symbols.kindPairs, show)) console.log(`   ${String(n).padStart(5)}  kind ${k}`);
    for (const e of symbols.examples) console.log(`   ${e}`);
    for (const e of symbols.rangeExamples) console.log(`   ${e}`);
}
if (only.has('selection')) {
    console.log(`\nselection ranges at ${selection.asked} positions: the same chain ${selection.same} (${pct(selection.same, selection.asked)}); `
        + `ranges in both ${selection.both}, TypeScript's only ${selection.tsOnly}, ours only ${selection.oursOnly} `
        + `(recall ${pct(selection.both, selection.both + selection.tsOnly)}, precision ${pct(selection.both, selection.both + selection.oursOnly)})`);
    for (const [k, n] of top(selection.causes, show)) console.log(`   ${String(n).padStart(5)}  ${k}`);
    for (const e of selection.examples) console.log(`   ${e.trimEnd()}`);
}
