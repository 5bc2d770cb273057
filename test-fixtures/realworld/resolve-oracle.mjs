#!/usr/bin/env node
// The oracle of module resolution: TypeScript's own ts.resolveModuleName answers for every import
// specifier of every source file of a workspace directory.
//
//   node resolve-oracle.mjs --workspace DIR --out FILE [--cache DIR] [--skip PREFIX]...
//
// The workspace is made by the Java test (ModuleResolutionOracleTest): its node_modules holds
// symbolic links to the pinned packages of the real-world corpus (fetched like the others) and a
// few synthetic packages; beside it are small synthetic projects (paths, baseUrl, extends, exports,
// @types, node16/nodenext, node10). Files are walked from the workspace root, following the
// node_modules links one level (the packages' own files), never a nested node_modules; --skip
// leaves out files under a relative prefix (e.g. node_modules/typescript).
//
// For each file: the compiler options are those of the nearest tsconfig.json/jsconfig.json at or
// above it, looked for from outside any node_modules (TypeScript's defaults when there is none),
// read with ts.getParsedCommandLineOfConfigFile. Specifiers: import and export declarations with a
// module specifier, and import x = require("..."). The resolution mode is
// ts.getModeForUsageLocation's, the answer ts.resolveModuleName(spec, file, options, ts.sys,
// cache, undefined, mode).resolvedModule.resolvedFileName, made a real path.
//
// The typescript package used is typescript@6.0.3 from the cache (fetched with fetch-npm.sh when
// missing). Output (TSV, UTF-8), one row per specifier, sorted by file then position:
//   file kind specifier mode resolved
// file: relative to the workspace ('/'); kind: import | require; mode: esm | cjs | none;
// resolved: absolute real path, or '-' when TypeScript resolves nothing. Backslash, tab and newline
// in a specifier are escaped as \\ \t \n. stderr: progress. Exit code 0, or 1 on failure.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTypeScript } from '../scripts/typescript-oracle.mjs';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const MAX_BYTES = 5 * 1024 * 1024;

function log(msg) { process.stderr.write(`resolve-oracle: ${msg}\n`); }
function die(msg) { log(`error: ${msg}`); process.exit(1); }

function parseArgs(argv) {
    const args = { workspace: null, out: null, cache: null, skip: [] };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const next = () => { if (i + 1 >= argv.length) die(`${a} needs a value`); return argv[++i]; };
        if (a === '--workspace') args.workspace = path.resolve(next());
        else if (a === '--out') args.out = path.resolve(next());
        else if (a === '--cache') args.cache = path.resolve(next());
        else if (a === '--skip') args.skip.push(next());
        else die(`unknown argument ${a}`);
    }
    if (!args.workspace || !args.out) die('usage: node resolve-oracle.mjs --workspace DIR --out FILE [--cache DIR] [--skip PREFIX]...');
    if (!args.cache) {
        const env = process.env.ARENA_LS_CACHE;
        args.cache = env ? path.resolve(env) : path.join(process.env.HOME || os.homedir(), '.cache', 'arena-ls');
    }
    return args;
}


/** Source files below the workspace: '/'-relative paths; node_modules entries are followed one level (packages), never nested. */
function collect(root, skip) {
    const out = [];
    const walk = (rel, inPackage) => {
        const abs = rel ? path.join(root, rel) : root;
        let entries;
        try { entries = fs.readdirSync(abs, { withFileTypes: true }); } catch { return; }
        for (const e of entries) {
            const r = rel ? `${rel}/${e.name}` : e.name;
            if (skip.some((p) => r === p || r.startsWith(p + '/'))) continue;
            let isDir = e.isDirectory(), isFile = e.isFile();
            if (e.isSymbolicLink()) {
                try { const st = fs.statSync(path.join(root, r)); isDir = st.isDirectory(); isFile = st.isFile(); } catch { continue; }
            }
            if (isDir) {
                if (e.name === 'node_modules') {
                    if (inPackage) continue;
                    for (const p of fs.readdirSync(path.join(root, r))) {
                        if (p.startsWith('@')) {
                            for (const q of fs.readdirSync(path.join(root, r, p))) walk(`${r}/${p}/${q}`, true);
                        } else {
                            walk(`${r}/${p}`, true);
                        }
                    }
                    continue;
                }
                walk(r, inPackage);
            } else if (isFile && EXTENSIONS.some((x) => e.name.endsWith(x))) {
                if (fs.statSync(path.join(root, r)).size <= MAX_BYTES) out.push(r);
            }
        }
    };
    walk('', false);
    out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return out;
}

function escapeField(s) {
    return String(s).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function main() {
    const args = parseArgs(process.argv.slice(2));
    const ts = loadTypeScript(args.cache);
    const root = fs.realpathSync(args.workspace);
    const files = collect(root, args.skip);
    log(`${files.length} files under ${root}`);

    const optionsByConfig = new Map();
    const configFor = (abs) => {
        let dir = path.dirname(abs);
        const parts = dir.split(path.sep);
        const nm = parts.indexOf('node_modules');
        if (nm >= 0) dir = parts.slice(0, nm).join(path.sep) || path.sep;
        for (let d = dir; ; d = path.dirname(d)) {
            for (const name of ['tsconfig.json', 'jsconfig.json']) {
                const f = path.join(d, name);
                if (fs.existsSync(f)) return f;
            }
            if (path.dirname(d) === d) return null;
        }
    };
    const optionsFor = (config) => {
        const key = config ?? '';
        if (!optionsByConfig.has(key)) {
            let options = {};
            if (config) {
                const parsed = ts.getParsedCommandLineOfConfigFile(config, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
                options = parsed ? parsed.options : {};
            }
            const cache = ts.createModuleResolutionCache(root, (x) => x, options);
            optionsByConfig.set(key, { options, cache });
        }
        return optionsByConfig.get(key);
    };

    const rows = [];
    const t0 = process.hrtime.bigint();
    for (const rel of files) {
        const abs = path.join(root, rel);
        const { options, cache } = optionsFor(configFor(abs));
        const text = fs.readFileSync(abs, 'utf8');
        const format = ts.getImpliedNodeFormatForFile(abs, cache.getPackageJsonInfoCache(), ts.sys, options);
        const sf = ts.createSourceFile(abs, text, { languageVersion: ts.ScriptTarget.Latest, impliedNodeFormat: format }, true);
        for (const st of sf.statements) {
            let literal = null, kind = 'import';
            if ((ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
                literal = st.moduleSpecifier;
            } else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference)
                    && ts.isStringLiteral(st.moduleReference.expression)) {
                literal = st.moduleReference.expression;
                kind = 'require';
            }
            if (!literal) continue;
            const mode = ts.getModeForUsageLocation(sf, literal, options);
            const r = ts.resolveModuleName(literal.text, abs, options, ts.sys, cache, undefined, mode);
            let resolved = r.resolvedModule ? r.resolvedModule.resolvedFileName : null;
            if (resolved) { try { resolved = fs.realpathSync(resolved); } catch { /* keep */ } }
            const modeName = mode === ts.ModuleKind.ESNext ? 'esm' : mode === ts.ModuleKind.CommonJS ? 'cjs' : 'none';
            rows.push([rel, kind, escapeField(literal.text), modeName, resolved ?? '-'].join('\t'));
        }
    }
    fs.writeFileSync(args.out, rows.join('\n') + (rows.length ? '\n' : ''));
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    log(`${rows.length} specifiers resolved in ${ms.toFixed(0)} ms -> ${args.out}`);
}

main();
