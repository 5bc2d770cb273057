#!/usr/bin/env node
// The oracle of the real-world conformance corpus: TypeScript's own parser labels every corpus file
// syntax-OK or syntax-error.
//
//   node oracle.mjs [--packages FILE] [--cache DIR] [--force] [--only SPEC]...
//
// For each package of the package list (default: packages.txt beside this script) it
//   1. makes sure the package is unpacked in the cache (running ../scripts/fetch-npm.sh when not),
//   2. selects the corpus files (the rules are in packages.txt; this script is their only
//      implementation: the Java runner reads the selection from the label file),
//   3. parses each with the JavaScript API of typescript@6.0.3 (itself fetched like the others):
//        ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKindFor(fileName))
//      and takes sourceFile.parseDiagnostics,
//   4. writes ${cache}/realworld/labels/NAME@VERSION.tsv (a scoped name keeps its slash).
// A label file is reused as long as its key (a hash of this script, the package's line and the
// oracle's version) is unchanged, so labels are computed once per machine; --force recomputes.
//
// Cache: $ARENA_LS_CACHE, else $HOME/.cache/arena-ls (the rule of fetch-npm.sh and Corpora.java).
// stdout: one line per package, "NAME@VERSION<TAB>absolute label file<TAB>absolute package dir".
// stderr: progress. Exit code 0 on success, 1 on any failure.
//
// Label file (TSV, UTF-8): '#' header lines, then one row per file, sorted by path:
//   path kind bytes chars label diagnostics line col pos code message
// path: relative to package/, '/'-separated; kind: the ScriptKind used (TS, TSX, JS, JSX);
// bytes: file size; chars: UTF-16 length of the text; label: ok | error; diagnostics: how many
// parse diagnostics; line, col (1-based, UTF-16 columns), pos (UTF-16 offset), code and message of
// the first diagnostic (0, 0, -1, 0 and empty when ok). The message has \t \n \r \\ escaped.

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ORACLE_SPEC = 'typescript@6.0.3';
const FORMAT = 'arena-ls-realworld-labels v1';
const MAX_BYTES = 5 * 1024 * 1024;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const MARKER = '.arena-ls-fetched';

const scriptPath = fileURLToPath(import.meta.url);
const scriptDir = path.dirname(scriptPath);

function log(msg) { process.stderr.write(`oracle: ${msg}\n`); }
function die(msg) { log(`error: ${msg}`); process.exit(1); }

function parseArgs(argv) {
    const args = { packages: path.join(scriptDir, 'packages.txt'), cache: null, force: false, only: [] };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const next = () => { if (i + 1 >= argv.length) die(`${a} needs a value`); return argv[++i]; };
        if (a === '--packages') args.packages = path.resolve(next());
        else if (a === '--cache') args.cache = path.resolve(next());
        else if (a === '--force') args.force = true;
        else if (a === '--only') args.only.push(next());
        else if (a === '-h' || a === '--help') {
            process.stdout.write('usage: node oracle.mjs [--packages FILE] [--cache DIR] [--force] [--only SPEC]...\n');
            process.exit(0);
        } else die(`unknown argument ${a}`);
    }
    if (!args.cache) {
        const env = process.env.ARENA_LS_CACHE;
        args.cache = env ? path.resolve(env) : path.join(process.env.HOME || os.homedir(), '.cache', 'arena-ls');
    }
    return args;
}

/** Reads packages.txt: [{spec, line, include[], exclude[], allowLarge Set}]. */
export function readPackageList(file) {
    const out = [];
    const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
    lines.forEach((raw, i) => {
        const line = raw.replace(/#.*/, '').trim();
        if (!line) return;
        const [spec, ...opts] = line.split(/\s+/);
        if (!/^(@[^/@\s]+\/)?[^/@\s]+@\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]+)?$/.test(spec)) {
            die(`${file}:${i + 1}: '${spec}' is not NAME@EXACT_VERSION`);
        }
        const pkg = { spec, line: [spec, ...opts].join(' '), include: [], exclude: [], allowLarge: new Set() };
        for (const o of opts) {
            const eq = o.indexOf('=');
            const key = eq < 0 ? o : o.slice(0, eq);
            const value = eq < 0 ? '' : o.slice(eq + 1);
            if (!value) die(`${file}:${i + 1}: option '${o}' has no value`);
            if (key === 'include') pkg.include.push(value);
            else if (key === 'exclude') pkg.exclude.push(value);
            else if (key === 'allow-large') pkg.allowLarge.add(value);
            else die(`${file}:${i + 1}: unknown option '${key}'`);
        }
        out.push(pkg);
    });
    return out;
}

function packageDir(cache, spec) {
    return path.join(cache, 'npm', spec, 'package');
}

/** The unpacked package/ directory, fetched with fetch-npm.sh when the cache lacks it. */
function ensureFetched(cache, spec) {
    const dir = packageDir(cache, spec);
    if (fs.existsSync(path.join(path.dirname(dir), MARKER)) && fs.existsSync(dir)) return dir;
    const fetch = path.join(scriptDir, '..', 'scripts', 'fetch-npm.sh');
    log(`${spec}: not in the cache, running ${fetch}`);
    execFileSync('bash', [fetch, spec], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, ARENA_LS_CACHE: cache },
        timeout: 15 * 60 * 1000,
    });
    if (!fs.existsSync(dir)) die(`${spec}: fetch-npm.sh succeeded but ${dir} is missing`);
    return dir;
}

function hasCorpusExtension(name) {
    if (name.endsWith('.map')) return false;
    return EXTENSIONS.some((e) => name.endsWith(e));
}

function underAny(rel, prefixes) {
    return prefixes.some((p) => rel === p || rel.startsWith(p.endsWith('/') ? p : p + '/'));
}

/** The corpus files of one package: relative '/'-paths, sorted by UTF-16 code units. */
export function selectFiles(root, pkg) {
    const out = [];
    const walk = (dirRel) => {
        const abs = dirRel ? path.join(root, dirRel) : root;
        for (const ent of fs.readdirSync(abs, { withFileTypes: true })) {
            const rel = dirRel ? `${dirRel}/${ent.name}` : ent.name;
            if (ent.isSymbolicLink()) continue;
            if (ent.isDirectory()) {
                if (ent.name === 'node_modules') continue;
                walk(rel);
            } else if (ent.isFile() && hasCorpusExtension(ent.name)) {
                if (pkg.include.length > 0 && !underAny(rel, pkg.include)) continue;
                if (underAny(rel, pkg.exclude)) continue;
                const size = fs.statSync(path.join(root, rel)).size;
                if (size > MAX_BYTES && !pkg.allowLarge.has(rel)) continue;
                out.push(rel);
            }
        }
    };
    walk('');
    out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return out;
}

function scriptKindFor(ts, fileName) {
    const n = fileName.toLowerCase();
    if (n.endsWith('.tsx')) return ts.ScriptKind.TSX;
    if (n.endsWith('.ts') || n.endsWith('.mts') || n.endsWith('.cts')) return ts.ScriptKind.TS; // .d.ts too
    if (n.endsWith('.jsx')) return ts.ScriptKind.JSX;
    return ts.ScriptKind.JS; // .js .mjs .cjs
}

function escapeField(s) {
    return String(s).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function keyFor(pkg, tsVersion) {
    const h = createHash('sha256');
    h.update(FORMAT + '\n');
    h.update(fs.readFileSync(scriptPath));
    h.update('\n' + pkg.line + '\n' + tsVersion + '\n');
    return h.digest('hex').slice(0, 16);
}

function readKey(file) {
    try {
        const head = fs.readFileSync(file, 'utf8').slice(0, 4096).split('\n');
        for (const l of head) {
            if (!l.startsWith('#')) break;
            const m = /^# key=(\S+)/.exec(l);
            if (m) return m[1];
        }
    } catch {
        // absent or unreadable: recompute
    }
    return null;
}

function labelPackage(ts, cache, pkg, labelFile, key) {
    const root = ensureFetched(cache, pkg.spec);
    const files = selectFiles(root, pkg);
    const rows = [];
    let errors = 0;
    let bytes = 0;
    const t0 = process.hrtime.bigint();
    for (const rel of files) {
        const abs = path.join(root, rel);
        const buf = fs.readFileSync(abs);
        const text = buf.toString('utf8');
        const kind = scriptKindFor(ts, rel);
        const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true, kind);
        const diags = sf.parseDiagnostics || [];
        bytes += buf.length;
        const kindName = ts.ScriptKind[kind];
        if (diags.length === 0) {
            rows.push([rel, kindName, buf.length, text.length, 'ok', 0, 0, 0, -1, 0, ''].join('\t'));
        } else {
            errors++;
            const d = diags[0];
            const pos = d.start ?? 0;
            const lc = ts.getLineAndCharacterOfPosition(sf, Math.min(pos, text.length));
            const msg = ts.flattenDiagnosticMessageText(d.messageText, ' ');
            rows.push([rel, kindName, buf.length, text.length, 'error', diags.length, lc.line + 1, lc.character + 1, pos, d.code,
                escapeField(msg)].join('\t'));
        }
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const header = [
        `# ${FORMAT}`,
        `# spec=${pkg.spec}`,
        `# key=${key}`,
        `# line=${pkg.line}`,
        `# oracle=${ORACLE_SPEC} (ts ${ts.version}) createSourceFile(ScriptTarget.Latest, setParentNodes, ScriptKind by extension).parseDiagnostics`,
        `# root=${root}`,
        `# files=${files.length} bytes=${bytes} errors=${errors} millis=${Math.round(ms)}`,
        '# columns: path\tkind\tbytes\tchars\tlabel\tdiagnostics\tline\tcol\tpos\tcode\tmessage',
    ];
    fs.mkdirSync(path.dirname(labelFile), { recursive: true });
    const tmp = `${labelFile}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, header.join('\n') + '\n' + rows.map((r) => r + '\n').join(''));
    fs.renameSync(tmp, labelFile);
    log(`${pkg.spec}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${errors} with parse errors, ${(ms / 1000).toFixed(1)} s`);
    return root;
}

function main() {
    const args = parseArgs(process.argv.slice(2));
    let pkgs = readPackageList(args.packages);
    if (args.only.length > 0) {
        const missing = args.only.filter((s) => !pkgs.some((p) => p.spec === s));
        if (missing.length) die(`not in ${args.packages}: ${missing.join(', ')}`);
        pkgs = pkgs.filter((p) => args.only.includes(p.spec));
    }
    const tsDir = ensureFetched(args.cache, ORACLE_SPEC);
    const ts = createRequire(path.join(tsDir, 'package.json'))(path.join(tsDir, 'lib', 'typescript.js'));
    const t0 = Date.now();
    let computed = 0;
    for (const pkg of pkgs) {
        const labelFile = path.join(args.cache, 'realworld', 'labels', `${pkg.spec}.tsv`);
        const key = keyFor(pkg, ts.version);
        let root;
        if (!args.force && readKey(labelFile) === key) {
            root = ensureFetched(args.cache, pkg.spec);
        } else {
            root = labelPackage(ts, args.cache, pkg, labelFile, key);
            computed++;
        }
        process.stdout.write(`${pkg.spec}\t${labelFile}\t${root}\n`);
    }
    log(`${pkgs.length} packages, ${computed} labelled now, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

try {
    main();
} catch (e) {
    die(e && e.stack ? e.stack : String(e));
}
