#!/usr/bin/env node
// The unused-code reports of `arena-ls check --warn unused` (the editor's greyed-out hints, the same
// rule: parser/.../scope/UnusedReports) judged by TypeScript 6.0.3's checker with noUnusedLocals and
// noUnusedParameters, on the same project: every report is file:line:column code, compared as two
// sets. TypeScript's program holds all the project's .ts/.tsx files (not .d.ts), so imports between
// them resolve; its other diagnostics are ignored.
//
//   node benchmarks/peer/unused-vs-typescript.mjs [--show K] [--bin PATH] DIR...
//
// Codes compared: 6133 (value never read), 6196 (declared but never used), 6192 (all imports of a
// declaration), 6205 (all type parameters). TypeScript's 6138 (a property never read: class members),
// 6198/6199 (all destructured elements / all variables of a declaration) are counted apart: arena-ls
// does not report class members and reports each name of those declarations. Needs the pinned
// typescript in ${ARENA_LS_CACHE:-~/.cache/arena-ls}/npm (test-fixtures/scripts/fetch-npm.sh) and
// bin/arena-ls built (mvn -B -q -o -pl server -am package -DskipTests).
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
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
const dirs = [];
for (let i = 0; i < args.length; i++) {
    if (args[i] === '--show') show = Number(args[++i]);
    else if (args[i] === '--bin') bin = args[++i];
    else dirs.push(path.resolve(args[i]));
}
if (dirs.length === 0) {
    console.error('usage: unused-vs-typescript.mjs [--show K] [--bin PATH] DIR...');
    process.exit(2);
}

const COMPARED = new Set([6133, 6196, 6192, 6205]);
const APART = new Set([6138, 6198, 6199]);

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

let totalAgree = 0, totalOurs = 0, totalTheirs = 0, totalApart = 0;
for (const dir of dirs) {
    const files = sources(dir);
    const program = ts.createProgram(files, {
        noEmit: true, noUnusedLocals: true, noUnusedParameters: true, skipLibCheck: true, noResolve: false,
        target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
        jsx: ts.JsxEmit.Preserve, allowImportingTsExtensions: true, types: [],
    });
    const theirs = new Map(); // key -> message
    let apart = 0;
    for (const file of files) {
        const sf = program.getSourceFile(file);
        if (!sf) continue;
        for (const d of program.getSemanticDiagnostics(sf)) {
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
        ours.set(`${path.relative(dir, file)}:${m[2]}:${m[3]} TS${m[4]}`, m[5]);
    }
    const agree = [...ours.keys()].filter(k => theirs.has(k));
    const onlyOurs = [...ours.keys()].filter(k => !theirs.has(k));
    const onlyTheirs = [...theirs.keys()].filter(k => !ours.has(k));
    console.log(`## ${dir} (${files.length} files)`);
    console.log(`agree ${agree.length}; only arena-ls ${onlyOurs.length} (a hint TypeScript does not give); only TypeScript ${onlyTheirs.length}; TypeScript's 6138/6198/6199 apart ${apart}`);
    for (const k of onlyOurs.slice(0, show)) console.log(`  only arena-ls: ${k} ${ours.get(k)}`);
    for (const k of onlyTheirs.slice(0, show)) console.log(`  only TypeScript: ${k} ${theirs.get(k)}`);
    totalAgree += agree.length; totalOurs += onlyOurs.length; totalTheirs += onlyTheirs.length; totalApart += apart;
}
console.log(`\ntotal: agree ${totalAgree}; only arena-ls ${totalOurs}; only TypeScript ${totalTheirs}; apart ${totalApart}`);
