#!/usr/bin/env node
// The unused-code reports of `arena-ls check --warn unused` (the editor's greyed-out hints, the same
// rule: parser/.../scope/UnusedReports) judged by TypeScript 6.0.3's checker with noUnusedLocals and
// noUnusedParameters, on the same project: every report is file:line:column code, compared as two
// sets. TypeScript's program holds all the project's .ts/.tsx files (not .d.ts), so imports between
// them resolve; its other diagnostics are ignored.
//
//   node benchmarks/peer/unused-vs-typescript.mjs [--show K] [--bin PATH] [--mutate RATE --seed S] DIR...
//
// Real code has little unused code; --mutate makes more: each DIR is copied to a temporary folder with
// that share (0..1) of its references renamed to a name declared nowhere (`zq` + a number), picked with
// a seeded generator among the identifiers TypeScript's tree shows as plain reads (a call's callee or
// argument, an operand, a returned or initial value, a type reference's name, the object of `a.b`), so
// the declarations they read may become unused, the code stays syntactically the same, and both tools
// judge the same mutated files.
//
// Codes compared: 6133 (value never read), 6196 (declared but never used), 6192 (all imports of a
// declaration), 6198 (all destructured elements), 6199 (all variables of a statement), 6205 (all type
// parameters), 6138 (a private parameter property never read); TypeScript's private members only
// written are "only TypeScript" by design (arena-ls, without types, counts any mention as a read). Needs the pinned
// typescript in ${ARENA_LS_CACHE:-~/.cache/arena-ls}/npm (test-fixtures/scripts/fetch-npm.sh) and
// bin/arena-ls built (mvn -B -q -o -pl server -am package -DskipTests).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = process.env.ARENA_LS_CACHE ?? path.join(os.homedir(), '.cache', 'arena-ls');
const ts = createRequire(import.meta.url)(path.join(CACHE, 'npm', 'typescript@6.0.3', 'package', 'lib', 'typescript.js'));

const args = process.argv.slice(2);
let show = 20;
let bin = path.join(ROOT, 'bin', 'arena-ls');
let mutate = 0, seed = 1, keep = false;
const dirs = [];
for (let i = 0; i < args.length; i++) {
    if (args[i] === '--show') show = Number(args[++i]);
    else if (args[i] === '--bin') bin = args[++i];
    else if (args[i] === '--mutate') mutate = Number(args[++i]);
    else if (args[i] === '--seed') seed = Number(args[++i]);
    else if (args[i] === '--keep') keep = true; // the mutated copy stays, to read a difference
    else dirs.push(path.resolve(args[i]));
}
if (dirs.length === 0) {
    console.error('usage: unused-vs-typescript.mjs [--show K] [--bin PATH] DIR...');
    process.exit(2);
}

const COMPARED = new Set([6133, 6138, 6196, 6192, 6198, 6199, 6205]);
const APART = new Set([]);

function sources(dir, out = []) {
    for (const name of readdirSync(dir)) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        const p = path.join(dir, name);
        const s = statSync(p);
        if (s.isDirectory()) sources(p, out);
        else if (/\.(ts|tsx|mts|cts)$/.test(name) && !/\.d\.[mc]?ts$/.test(name)) out.push(p);
    }
    return out;
}

/** A small seeded generator (mulberry32), so a mutated tree is the same on every run. */
function generator(s) {
    return () => {
        s = (s + 0x6D2B79F5) | 0;
        let t = Math.imul(s ^ (s >>> 15), 1 | s);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** Whether an identifier only reads a name where it stands (renaming it keeps the code's shape). */
function plainRead(node) {
    const p = node.parent;
    if (!p) return false;
    if (ts.isCallExpression(p) || ts.isNewExpression(p)) return true; // callee or argument
    if (ts.isBinaryExpression(p) || ts.isPrefixUnaryExpression(p) || ts.isConditionalExpression(p)) return true;
    if (ts.isReturnStatement(p) || ts.isParenthesizedExpression(p) || ts.isArrayLiteralExpression(p) || ts.isSpreadElement(p)) return true;
    if (ts.isTemplateSpan(p) || ts.isAwaitExpression(p) || ts.isExpressionStatement(p)) return true;
    if (ts.isVariableDeclaration(p)) return p.initializer === node;
    if (ts.isPropertyAccessExpression(p)) return p.expression === node;
    if (ts.isTypeReferenceNode(p)) return p.typeName === node;
    return false;
}

function mutated(dir, rate, s) {
    const random = generator(s);
    const copy = mkdtempSync(path.join(os.tmpdir(), 'unused-vs-ts-'));
    let renamed = 0;
    for (const file of sources(dir)) {
        const text = readFileSync(file, 'utf8');
        const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ESNext, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
        const spans = [];
        const visit = node => {
            if (ts.isIdentifier(node) && plainRead(node) && random() < rate) spans.push([node.getStart(sf), node.end]);
            ts.forEachChild(node, visit);
        };
        visit(sf);
        let out = text;
        for (let i = spans.length - 1; i >= 0; i--) out = out.slice(0, spans[i][0]) + 'zq' + (renamed + i) + out.slice(spans[i][1]);
        renamed += spans.length;
        const target = path.join(copy, path.relative(dir, file));
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, out);
    }
    console.log(`${dir}: ${renamed} references renamed (rate ${rate}, seed ${s}) into ${copy}`);
    return copy;
}

let totalAgree = 0, totalOurs = 0, totalTheirs = 0, totalApart = 0;
for (const original of dirs) {
    const dir = mutate > 0 ? mutated(original, mutate, seed) : original;
    const files = sources(dir);
    const program = ts.createProgram(files, {
        noEmit: true, noUnusedLocals: true, noUnusedParameters: true, skipLibCheck: true, noResolve: false,
        target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
        jsx: ts.JsxEmit.Preserve, allowImportingTsExtensions: true, types: [],
    });
    const theirs = new Map(); // key -> message
    const crashed = new Set();
    let apart = 0;
    for (const file of files) {
        const sf = program.getSourceFile(file);
        if (!sf) continue;
        let diagnostics;
        try {
            diagnostics = program.getSemanticDiagnostics(sf);
        } catch (e) {
            // TypeScript's checker can fail on a mutated file ("Debug Failure"): the file is left out on both sides
            crashed.add(path.relative(dir, file));
            continue;
        }
        for (const d of diagnostics) {
            if (APART.has(d.code)) { apart++; continue; }
            if (!COMPARED.has(d.code) || d.start === undefined) continue;
            const { line, character } = sf.getLineAndCharacterOfPosition(d.start);
            const key = `${path.relative(dir, file)}:${line + 1}:${character + 1} TS${d.code}`;
            theirs.set(key, ts.flattenDiagnosticMessageText(d.messageText, ' '));
        }
    }
    let out = '';
    try {
        out = execFileSync(bin, ['check', '--warn', 'unused', '--format', 'tsc', '--no-ignore', dir],
            { encoding: 'utf8', maxBuffer: 1 << 28 });
    } catch (e) {
        out = e.stdout ?? ''; // errors in the tree make the exit code 1; the warnings are still there
    }
    const ours = new Map();
    for (const line of out.split('\n')) {
        const m = /^(.*)\((\d+),(\d+)\): warning TS(\d+): (.*)$/.exec(line);
        if (!m || !COMPARED.has(Number(m[4]))) continue;
        const file = path.resolve(dir, m[1]);
        if (/\.d\.[mc]?ts$/.test(file) || !/\.(ts|tsx|mts|cts)$/.test(file)) continue;
        if (crashed.has(path.relative(dir, file))) continue;
        ours.set(`${path.relative(dir, file)}:${m[2]}:${m[3]} TS${m[4]}`, m[5]);
    }
    const agree = [...ours.keys()].filter(k => theirs.has(k));
    const onlyOurs = [...ours.keys()].filter(k => !theirs.has(k));
    const onlyTheirs = [...theirs.keys()].filter(k => !ours.has(k));
    console.log(`## ${dir} (${files.length} files${crashed.size ? `; ${crashed.size} left out where TypeScript's checker failed` : ''})`);
    console.log(`agree ${agree.length}; only arena-ls ${onlyOurs.length} (a hint TypeScript does not give); only TypeScript ${onlyTheirs.length}`);
    for (const k of onlyOurs.slice(0, show)) console.log(`  only arena-ls: ${k} ${ours.get(k)}`);
    for (const k of onlyTheirs.slice(0, show)) console.log(`  only TypeScript: ${k} ${theirs.get(k)}`);
    totalAgree += agree.length; totalOurs += onlyOurs.length; totalTheirs += onlyTheirs.length; totalApart += apart;
    if (mutate > 0 && !keep) rmSync(dir, { recursive: true, force: true });
}
console.log(`\ntotal: agree ${totalAgree}; only arena-ls ${totalOurs}; only TypeScript ${totalTheirs}; apart ${totalApart}`);
