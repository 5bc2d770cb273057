#!/usr/bin/env node
// Oracle-labelled mutants of the real-world corpus: small token-level breakages of real files, each
// labelled syntax-OK or syntax-error by TypeScript's own parser, so that "every file the oracle
// rejects gets a diagnostic from us" is tested on thousands of erroneous inputs (the corpus itself
// is all syntax-OK).
//
//   node mutants.mjs [--packages FILE] [--cache DIR] [--force]
//
//   1. runs oracle.mjs (beside this script) with the same --packages/--cache: it fetches and labels
//      the corpus when the cache lacks it, and its label files are the corpus selection;
//   2. samples the corpus deterministically: every SAMPLE_EVERY-th file, over all packages, sorted
//      by "NAME@VERSION/path", among the files TypeScript accepts that are at most SAMPLE_MAX_BYTES;
//   3. makes MUTANT_OPS.length mutants of each sampled file, from a PRNG seeded with GENERATOR_SEED
//      and the file's id (so a file's mutants do not depend on the others): delete a token,
//      duplicate a token, swap two adjacent tokens, insert a punctuator or keyword, truncate the file
//      at a token, delete a closing brace, paren or bracket;
//   4. labels each mutant with the oracle of oracle.mjs: ts.createSourceFile(path, mutant,
//      ScriptTarget.Latest, false, ScriptKind by extension).parseDiagnostics;
//   5. writes ${cache}/realworld/mutants/mutants-KEY.tsv (never into the repository), and removes
//      older mutants-*.tsv files there.
// KEY hashes this script, the oracle's TypeScript version and every package line with its label
// file's key (which covers oracle.mjs and the selection rules), so the mutants are generated once per
// machine and again whenever one of those changes; --force regenerates.
//
// Tokens: TypeScript's scanner as its parser drives it (Node.getChildren(sourceFile) fills the gaps
// between child nodes with the tokens of ts.createScanner), so regular expressions, template parts,
// JSX text and `>`/`>>` come out exactly as TypeScript sees them; JSDoc, zero-width tokens and
// whitespace-only JSX text are left out. Every edit is token-aligned: an edit that would glue two
// tokens together (deleting `.` in `a.b`) puts a space between them instead, and inserted or
// duplicated tokens are separated from their neighbours by a space.
//
// stdout: the absolute path of the mutant file. stderr: progress. Exit code 0 on success.
//
// Mutant file (TSV, UTF-8): '#' header lines (among them "# root<TAB>SPEC<TAB>DIR" for each package), then
// one row per mutant:
//   id spec path kind op start end replacement chars label diagnostics line col pos code message
// id: "NAME@VERSION/path#n"; kind: the ScriptKind (TS, TSX, JS, JSX); op: the operator; the mutant is
// the original text (UTF-16 length chars) with [start, end) (UTF-16 offsets) replaced by replacement;
// label: ok | error; then the oracle's diagnostic count and first diagnostic as in the label files
// (line, col 1-based in the mutant; pos a UTF-16 offset in the mutant). replacement and message have
// \t \n \r \\ escaped.

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ORACLE_SPEC = 'typescript@6.0.3';
const FORMAT = 'arena-ls-realworld-mutants v1';
const GENERATOR_SEED = 0x5eed2026;
const SAMPLE_EVERY = 10;
/** Big files cost the most and add nothing a small one does not: leave them out of the sample. */
const SAMPLE_MAX_BYTES = 512 * 1024;
/** One mutant per entry, in this order (two deletions and two insertions: the commonest typos). */
const MUTANT_OPS = ['delete-token', 'delete-token', 'duplicate-token', 'swap-tokens', 'insert-token', 'insert-token',
    'truncate', 'delete-closer'];
const INSERTABLE = [
    '(', ')', '{', '}', '[', ']', ';', ',', '.', '...', '=>', '=', ':', '?', '?.', '<', '>', '+', '-', '*', '/', '%',
    '!', '~', '&&', '||', '??', '|', '&', '@', '#', '++', '==', '+=',
    'if', 'else', 'return', 'function', 'class', 'const', 'let', 'var', 'new', 'import', 'export', 'extends',
    'implements', 'typeof', 'in', 'of', 'yield', 'await', 'async', 'interface', 'type', 'enum', 'static', 'while',
    'for', 'do', 'switch', 'case', 'default', 'try', 'catch', 'finally', 'throw', 'break', 'continue', 'this',
    'null', 'void', 'delete', 'instanceof', 'as', 'satisfies', 'keyof', 'readonly', 'declare', 'abstract',
    'public', 'private', 'namespace', 'get', 'set', 'super', 'with', 'debugger', 'true', '0',
];
const MAX_TRIES = 20;

const scriptPath = fileURLToPath(import.meta.url);
const scriptDir = path.dirname(scriptPath);

function log(msg) { process.stderr.write(`mutants: ${msg}\n`); }
function die(msg) { log(`error: ${msg}`); process.exit(1); }

function parseArgs(argv) {
    const args = { packages: path.join(scriptDir, 'packages.txt'), cache: null, force: false };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const next = () => { if (i + 1 >= argv.length) die(`${a} needs a value`); return argv[++i]; };
        if (a === '--packages') args.packages = path.resolve(next());
        else if (a === '--cache') args.cache = path.resolve(next());
        else if (a === '--force') args.force = true;
        else if (a === '-h' || a === '--help') {
            process.stdout.write('usage: node mutants.mjs [--packages FILE] [--cache DIR] [--force]\n');
            process.exit(0);
        } else die(`unknown argument ${a}`);
    }
    if (!args.cache) {
        const env = process.env.ARENA_LS_CACHE;
        args.cache = env ? path.resolve(env) : path.join(process.env.HOME || os.homedir(), '.cache', 'arena-ls');
    }
    return args;
}

/** Runs oracle.mjs: [{spec, labelFile, root}], the label files up to date. */
function runOracle(args) {
    const out = execFileSync(process.execPath, [path.join(scriptDir, 'oracle.mjs'), '--packages', args.packages,
        '--cache', args.cache], {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, ARENA_LS_CACHE: args.cache },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 20 * 60 * 1000,
    }).toString('utf8');
    const pkgs = [];
    for (const line of out.split('\n')) {
        if (!line.trim()) continue;
        const f = line.split('\t');
        if (f.length !== 3) die(`unexpected oracle output line: ${line}`);
        pkgs.push({ spec: f[0], labelFile: f[1], root: f[2] });
    }
    if (pkgs.length === 0) die('the oracle listed no package');
    return pkgs;
}

/** Header fields ("# name=value") and rows of a label file. */
function readLabelFile(file) {
    const header = {};
    const rows = [];
    for (const l of fs.readFileSync(file, 'utf8').split('\n')) {
        if (!l) continue;
        if (l.startsWith('#')) {
            const m = /^# (\w+)=(.*)$/.exec(l);
            if (m && !(m[1] in header)) header[m[1]] = m[2];
            continue;
        }
        const f = l.split('\t');
        if (f.length !== 11) die(`${file}: bad row: ${l}`);
        rows.push({ path: f[0], kind: f[1], bytes: Number(f[2]), chars: Number(f[3]), ok: f[4] === 'ok' });
    }
    return { header, rows };
}

function escapeField(s) {
    return String(s).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; next() in [0, 1). */
function prng(seed) {
    let a = seed >>> 0;
    const next = () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return { next, int: (n) => Math.floor(next() * n) };
}

function seedFor(id) {
    return (createHash('sha256').update(id).digest().readUInt32LE(0) ^ GENERATOR_SEED) >>> 0;
}

function scriptKindFor(ts, kindName) {
    const k = ts.ScriptKind[kindName];
    if (typeof k !== 'number') die(`unknown ScriptKind ${kindName}`);
    return k;
}

/** The tokens of a parsed file, in order: [{start, end, kind}]. */
function tokensOf(ts, sf) {
    const text = sf.text;
    const out = [];
    const firstJsDoc = ts.SyntaxKind.FirstJSDocNode;
    const lastJsDoc = ts.SyntaxKind.LastJSDocNode;
    const stack = [sf];
    while (stack.length > 0) {
        const node = stack.pop();
        if (node.kind >= firstJsDoc && node.kind <= lastJsDoc) continue;
        const children = node.getChildren(sf);
        if (children.length === 0) {
            if (node.kind === ts.SyntaxKind.EndOfFileToken) continue;
            const start = node.getStart(sf);
            const end = node.end;
            if (end <= start) continue;
            if (node.kind === ts.SyntaxKind.JsxText && text.slice(start, end).trim() === '') continue;
            out.push({ start, end, kind: node.kind });
        } else {
            for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
        }
    }
    for (let i = 1; i < out.length; i++) {
        if (out[i].start < out[i - 1].end) throw new Error(`tokens overlap at ${out[i].start}`);
    }
    return out;
}

function isSpace(c) { return c === undefined || /\s/.test(c); }

/**
 * The edit {start, end, replacement} replacing [start, end) of text by repl, padded with a space on
 * each side where the replacement would otherwise touch a neighbouring token; an empty replacement
 * between two tokens that would then touch becomes a space.
 */
function edit(text, start, end, repl) {
    const before = start > 0 ? text[start - 1] : undefined;
    const after = end < text.length ? text[end] : undefined;
    if (repl === '') {
        return { start, end, replacement: !isSpace(before) && !isSpace(after) ? ' ' : '' };
    }
    return { start, end, replacement: (isSpace(before) ? '' : ' ') + repl + (isSpace(after) ? '' : ' ') };
}

/** One mutant of the given operator, or null when the file has nothing to apply it to. */
function mutate(op, text, tokens, rnd) {
    const n = tokens.length;
    const tok = (t) => text.slice(t.start, t.end);
    switch (op) {
        case 'delete-token': {
            const t = tokens[rnd.int(n)];
            return edit(text, t.start, t.end, '');
        }
        case 'duplicate-token': {
            const t = tokens[rnd.int(n)];
            return edit(text, t.start, t.end, tok(t) + ' ' + tok(t));
        }
        case 'swap-tokens': {
            if (n < 2) return null;
            const i = rnd.int(n - 1);
            const a = tokens[i];
            const b = tokens[i + 1];
            if (tok(a) === tok(b)) return null;
            const gap = text.slice(a.end, b.start);
            return edit(text, a.start, b.end, tok(b) + (gap === '' ? ' ' : gap) + tok(a));
        }
        case 'insert-token': {
            const t = tokens[rnd.int(n)];
            const word = INSERTABLE[rnd.int(INSERTABLE.length)];
            const e = edit(text, t.start, t.start, word);
            // before a token: always separate the inserted token from it
            if (!e.replacement.endsWith(' ')) e.replacement += ' ';
            return e;
        }
        case 'truncate': {
            if (n < 2) return null;
            const t = tokens[1 + rnd.int(n - 1)];
            return { start: t.start, end: text.length, replacement: '' };
        }
        case 'delete-closer': {
            const closers = tokens.filter((t) => t.kind === CLOSE_KINDS.brace || t.kind === CLOSE_KINDS.paren
                || t.kind === CLOSE_KINDS.bracket);
            if (closers.length === 0) return null;
            const t = closers[rnd.int(closers.length)];
            return edit(text, t.start, t.end, '');
        }
        default:
            throw new Error(`unknown operator ${op}`);
    }
}

const CLOSE_KINDS = {};

function keyFor(tsVersion, pkgs) {
    const h = createHash('sha256');
    h.update(FORMAT + '\n');
    h.update(fs.readFileSync(scriptPath));
    h.update('\n' + tsVersion + '\n');
    for (const p of pkgs) h.update(`${p.spec}\t${p.line}\t${p.labelKey}\n`);
    return h.digest('hex').slice(0, 16);
}

function readKey(file) {
    try {
        const fd = fs.openSync(file, 'r');
        const buf = Buffer.alloc(4096);
        const n = fs.readSync(fd, buf, 0, buf.length, 0);
        fs.closeSync(fd);
        for (const l of buf.toString('utf8', 0, n).split('\n')) {
            if (!l.startsWith('#')) break;
            const m = /^# key=(\S+)/.exec(l);
            if (m) return m[1];
        }
    } catch {
        // absent or unreadable: regenerate
    }
    return null;
}

function main() {
    const args = parseArgs(process.argv.slice(2));
    const t0 = Date.now();
    const pkgs = runOracle(args);
    const files = [];
    for (const p of pkgs) {
        const { header, rows } = readLabelFile(p.labelFile);
        if (!header.key) die(`${p.labelFile} has no key`);
        p.labelKey = header.key;
        p.line = header.line || p.spec;
        for (const r of rows) files.push({ pkg: p, ...r, id: `${p.spec}/${r.path}` });
    }
    const tsDir = path.join(args.cache, 'npm', ORACLE_SPEC, 'package');
    const tsVersion = JSON.parse(fs.readFileSync(path.join(tsDir, 'package.json'), 'utf8')).version;
    const key = keyFor(tsVersion, pkgs);
    const dir = path.join(args.cache, 'realworld', 'mutants');
    const out = path.join(dir, `mutants-${key}.tsv`);
    if (!args.force && readKey(out) === key) {
        log(`up to date: ${out} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
        process.stdout.write(out + '\n');
        return;
    }

    const ts = createRequire(path.join(tsDir, 'package.json'))(path.join(tsDir, 'lib', 'typescript.js'));
    CLOSE_KINDS.brace = ts.SyntaxKind.CloseBraceToken;
    CLOSE_KINDS.paren = ts.SyntaxKind.CloseParenToken;
    CLOSE_KINDS.bracket = ts.SyntaxKind.CloseBracketToken;

    const candidates = files.filter((f) => f.ok && f.bytes <= SAMPLE_MAX_BYTES);
    candidates.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const sample = candidates.filter((_, i) => i % SAMPLE_EVERY === 0);
    log(`generating: ${sample.length} of ${candidates.length} files (every ${SAMPLE_EVERY}th, at most ${SAMPLE_MAX_BYTES} bytes), `
        + `${MUTANT_OPS.length} mutants each`);

    const rows = [];
    let errors = 0;
    let skippedFiles = 0;
    let bytes = 0;
    for (const f of sample) {
        const text = fs.readFileSync(path.join(f.pkg.root, f.path)).toString('utf8');
        if (text.length !== f.chars) die(`${f.id}: ${text.length} chars, the label file says ${f.chars}`);
        const kind = scriptKindFor(ts, f.kind);
        let tokens;
        try {
            tokens = tokensOf(ts, ts.createSourceFile(f.path, text, ts.ScriptTarget.Latest, true, kind));
        } catch (e) {
            log(`${f.id}: cannot list its tokens, skipped (${e.message})`);
            skippedFiles++;
            continue;
        }
        if (tokens.length === 0) {
            skippedFiles++;
            continue;
        }
        const rnd = prng(seedFor(f.id));
        const seen = new Set();
        MUTANT_OPS.forEach((op, k) => {
            let m = null;
            for (let tries = 0; tries < MAX_TRIES && m === null; tries++) {
                m = mutate(op, text, tokens, rnd);
                if (m !== null) {
                    const sig = `${m.start}:${m.end}:${m.replacement}`;
                    if (seen.has(sig) || text.slice(m.start, m.end) === m.replacement) m = null;
                    else seen.add(sig);
                }
            }
            if (m === null) return;
            const mutant = text.slice(0, m.start) + m.replacement + text.slice(m.end);
            const sf = ts.createSourceFile(f.path, mutant, ts.ScriptTarget.Latest, false, kind);
            const diags = sf.parseDiagnostics || [];
            bytes += mutant.length;
            const common = [`${f.id}#${k}`, f.pkg.spec, f.path, f.kind, op, m.start, m.end, escapeField(m.replacement), text.length];
            if (diags.length === 0) {
                rows.push([...common, 'ok', 0, 0, 0, -1, 0, ''].join('\t'));
            } else {
                errors++;
                const d = diags[0];
                const pos = Math.min(d.start ?? 0, mutant.length);
                const lc = ts.getLineAndCharacterOfPosition(sf, pos);
                rows.push([...common, 'error', diags.length, lc.line + 1, lc.character + 1, pos, d.code,
                    escapeField(ts.flattenDiagnosticMessageText(d.messageText, ' '))].join('\t'));
            }
        });
    }
    const ms = Date.now() - t0;
    const header = [
        `# ${FORMAT}`,
        `# key=${key}`,
        `# oracle=${ORACLE_SPEC} (ts ${ts.version}) createSourceFile(ScriptTarget.Latest, ScriptKind by extension).parseDiagnostics`,
        `# sample=every ${SAMPLE_EVERY}th of ${candidates.length} syntax-OK corpus files of at most ${SAMPLE_MAX_BYTES} bytes`
            + ` sorted by id: ${sample.length} files (${skippedFiles} without tokens)`,
        `# operators=${MUTANT_OPS.join(',')} seed=${GENERATOR_SEED}`,
        `# mutants=${rows.length} errors=${errors} chars=${bytes} millis=${ms}`,
        ...pkgs.map((p) => `# root\t${p.spec}\t${p.root}`),
        '# columns: id\tspec\tpath\tkind\top\tstart\tend\treplacement\tchars\tlabel\tdiagnostics\tline\tcol\tpos\tcode\tmessage',
    ];
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${out}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, header.join('\n') + '\n' + rows.map((r) => r + '\n').join(''));
    fs.renameSync(tmp, out);
    for (const old of fs.readdirSync(dir)) {
        if (old.startsWith('mutants-') && old.endsWith('.tsv') && path.join(dir, old) !== out) fs.rmSync(path.join(dir, old), { force: true });
    }
    log(`${rows.length} mutants of ${sample.length} files, ${errors} rejected by TypeScript, ${(ms / 1000).toFixed(1)} s: ${out}`);
    process.stdout.write(out + '\n');
}

try {
    main();
} catch (e) {
    die(e && e.stack ? e.stack : String(e));
}
