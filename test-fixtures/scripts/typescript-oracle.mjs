// The judge every node oracle of the test tree asks: the pinned typescript package, fetched into the
// cache (ARENA_LS_CACHE, else ~/.cache/arena-ls) by fetch-npm.sh when it is not there yet.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ORACLE_SPEC = 'typescript@6.0.3';
const scriptDir = path.dirname(fileURLToPath(import.meta.url));

/** The cache directory the fetch scripts use. */
export function defaultCache() {
    const env = process.env.ARENA_LS_CACHE;
    return env ? path.resolve(env) : path.join(process.env.HOME || os.homedir(), '.cache', 'arena-ls');
}

/** TypeScript's own module (`lib/typescript.js` of the pinned package), fetched first if need be. */
export function loadTypeScript(cache = defaultCache()) {
    const dir = path.join(cache, 'npm', ORACLE_SPEC, 'package');
    if (!fs.existsSync(path.join(cache, 'npm', ORACLE_SPEC, '.arena-ls-fetched'))) {
        execFileSync('bash', [path.join(scriptDir, 'fetch-npm.sh'), ORACLE_SPEC],
            { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ARENA_LS_CACHE: cache } });
    }
    return createRequire(path.join(dir, 'package.json'))(path.join(dir, 'lib', 'typescript.js'));
}

/**
 * A language service over files held in memory ({@code byName}: absolute name → text), the
 * standard library read from the package's lib files; what the generated-program oracles ask.
 */
export function inMemoryLanguageService(ts, byName, options) {
    const libDir = ts.getDirectoryPath(ts.getDefaultLibFilePath({}));
    const libText = new Map();
    // one registry for every service of the process: the library's files are parsed once, not per program
    sharedRegistry ??= ts.createDocumentRegistry();
    return ts.createLanguageService({
        getScriptFileNames: () => [...byName.keys()],
        // the shared registry reuses a parsed file of the same name and version: the version is the text's hash
        getScriptVersion: (f) => byName.has(f) ? textHash(byName.get(f)) : '1',
        getScriptSnapshot: (f) => {
            if (byName.has(f)) return ts.ScriptSnapshot.fromString(byName.get(f));
            if (!ts.sys.fileExists(f)) return undefined;
            if (!libText.has(f)) libText.set(f, ts.sys.readFile(f));
            return ts.ScriptSnapshot.fromString(libText.get(f));
        },
        getCurrentDirectory: () => '/',
        getCompilationSettings: () => options,
        getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
        fileExists: (f) => byName.has(f) || ts.sys.fileExists(f),
        readFile: (f) => byName.get(f) ?? ts.sys.readFile(f),
        directoryExists: (d) => d === '/' || d.startsWith(libDir) || [...byName.keys()].some(f => f.startsWith(d.endsWith('/') ? d : d + '/')) || ts.sys.directoryExists(d),
        getDirectories: () => [],
    }, sharedRegistry);
}
let sharedRegistry;

/** FNV-1a over the UTF-16 units of a text, with its length: a file's version for the shared registry. */
function textHash(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return text.length + ':' + (h >>> 0).toString(16);
}

/**
 * Whether an offset of a generated file lies on a line TypeScript's checker reports anything on
 * (each generated use is one line): such a line is not judged, no valid program has it.
 */
export function onRejectedLine(service, fileName, text) {
    return onLineOf(checkerErrors(service, fileName), text);
}

/** The [start, end] of each error TypeScript's checker reports in a file. */
export function checkerErrors(service, fileName) {
    return service.getSemanticDiagnostics(fileName).map(d => [d.start, d.start + d.length]);
}

/** Whether an offset of {@code text} lies on a line one of {@code errors} ([start, end]) touches. */
export function onLineOf(errors, text) {
    return (at) => {
        const lineStart = text.lastIndexOf('\n', at - 1) + 1, lineEnd = text.indexOf('\n', at);
        return errors.some(([s, e]) => s <= (lineEnd < 0 ? text.length : lineEnd) && e >= lineStart);
    };
}
