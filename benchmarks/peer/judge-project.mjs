// What the judges of arena-ls by TypeScript's language service share (navigation-vs-typescript.mjs,
// editing-vs-typescript.mjs, structure-vs-typescript.mjs): the project as TypeScript sees it (its files, a LanguageService over
// them), a seeded sampler, offsets ↔ LSP positions, and arena-ls started over stdio with the project
// folder as its workspace, answering once its index is built.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client } from './lsp-client.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = process.env.ARENA_LS_CACHE ?? path.join(os.homedir(), '.cache', 'arena-ls');
export const DEFAULT_JAR = path.join(ROOT, 'server', 'target', 'arena-ls.jar');
const TS_PATH = path.join(CACHE, 'npm', 'typescript@6.0.3', 'package', 'lib', 'typescript.js');

/** Exits with a hint when the project, the pinned typescript or the jar is missing. */
export function requireInputs(script, project, jar) {
    for (const [what, p] of [['project', project], ['typescript@6.0.3', TS_PATH], ['server jar', jar]]) {
        if (!existsSync(p)) {
            console.error(`${script}: no ${what} at ${p} (test-fixtures/scripts/fetch-npm.sh fetches the packages; mvn package builds the jar)`);
            process.exit(2);
        }
    }
}

function sourceFiles(dir, out = []) {
    for (const name of readdirSync(dir).sort()) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) sourceFiles(p, out);
        else if (/\.(ts|tsx|mts|cts)$/.test(name)) out.push(p);
    }
    return out;
}

/**
 * The project's .ts/.tsx files and a LanguageService over them: its tsconfig.json when it has one,
 * else ES modules with bundler resolution. {@code ts} is the pinned typescript@6.0.3.
 */
export function openProject(project) {
    const ts = createRequire(import.meta.url)(TS_PATH);
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
    const text = f => texts.get(f) ?? readFileSync(f, 'utf8');

    const lineStartsCache = new Map();
    const lineStarts = file => {
        let s = lineStartsCache.get(file);
        if (!s) {
            const t = text(file);
            s = [0];
            for (let i = 0; i < t.length; i++) {
                const c = t.charCodeAt(i);
                if (c === 10 || (c === 13 && t.charCodeAt(i + 1) !== 10)) s.push(i + 1); // \n, \r\n and a lone \r, as LSP counts
            }
            lineStartsCache.set(file, s);
        }
        return s;
    };
    /** The LSP position (UTF-16, as TypeScript's offsets are) of an offset. */
    const position = (file, offset) => {
        const s = lineStarts(file);
        let lo = 0, hi = s.length - 1;
        while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (s[mid] <= offset) lo = mid; else hi = mid - 1; }
        return { line: lo, character: offset - s[lo] };
    };
    const offset = (file, pos) => lineStarts(file)[pos.line] + pos.character;
    const inProject = f => path.resolve(f).startsWith(project + path.sep) && !f.includes(`${path.sep}node_modules${path.sep}`);
    const lineOf = (file, off) => {
        const t = text(file);
        const s = t.lastIndexOf('\n', off - 1) + 1, e = t.indexOf('\n', off);
        return t.slice(s, e < 0 ? t.length : e).trim().slice(0, 110);
    };
    const where = (file, off) => { const p = position(file, off); return `${path.relative(project, file)}:${p.line + 1}:${p.character + 1}`; };
    return { ts, files, texts, service, options, text, lineStarts, position, offset, inProject, lineOf, where };
}

/** A seeded xorshift generator and an in-place shuffle with it: the same seed, the same sample. */
export function sampler(seed) {
    let state = seed >>> 0 || 1;
    const random = () => { state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0; return state / 4294967296; };
    const shuffle = a => { for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; };
    return { random, shuffle };
}

/** arena-ls (the jar) over stdio with `project` as its workspace folder, initialized and indexed (at most two minutes' wait). */
export async function startArenaLs(jar, project, capabilities = {}) {
    const client = new Client('java', ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xms16m', '-Xmx1g', '-Xlog:disable', '-Xlog:all=warning:stderr',
        '-jar', jar], 'arena-ls');
    let indexed = false;
    client.onNotification(m => {
        if (m.method === '$/progress' && m.params?.value?.kind === 'end') indexed = true;
    });
    const uri = f => pathToFileURL(f).toString();
    const init = await client.request('initialize', {
        processId: process.pid, rootUri: uri(project), workspaceFolders: [{ uri: uri(project), name: 'project' }],
        capabilities: { general: { positionEncodings: ['utf-16'] }, window: { workDoneProgress: true }, workspace: { workspaceFolders: true }, ...capabilities },
    });
    client.initializeResult = init.result; // the server's capabilities (a semantic tokens legend, …)
    client.notify('initialized', {});
    const deadline = Date.now() + 120_000;
    while (!indexed && Date.now() < deadline) await new Promise(r => setTimeout(r, 50));
    return client;
}
