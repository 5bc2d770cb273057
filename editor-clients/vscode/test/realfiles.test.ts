// Navigation on real published files we did not write (from the pinned npm corpus the Maven build
// fetches into ~/.cache/arena-ls/npm), through the real server jar over stdio, as VS Code's
// language client asks: at identifiers spread over each file, a definition lands on the same name (in
// the file or, through its imports, another), references contain that definition and are all the
// same name, and a rename applied as
// VS Code applies it leaves a file with the same diagnostics and the same number of references.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
    CompletionList,
    CompletionRequest,
    DefinitionRequest,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExitNotification,
    Hover,
    HoverRequest,
    InitializedNotification,
    InitializeRequest,
    Location,
    Position,
    Range,
    ReferencesRequest,
    RenameRequest,
    ShutdownRequest,
    WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { resolveServerCommand } from '../src/launch';
import { applyEdits, editsOf } from './edits';
import { lineStarts, words } from './text';
import { hasServerJar, serverJar, Session, WAIT_MS, withTimeout } from './session';

const NPM = process.env.ARENA_LS_NPM_CACHE ?? path.join(os.homedir(), '.cache', 'arena-ls', 'npm');
const FILES: [string, string][] = [
    ['zod@4.6.7/package/src/v4/core/util.ts', 'typescript'],
    ['rxjs@7.8.2/package/dist/cjs/internal/Subscriber.js', 'javascript'],
    ['effect@4.1.0/package/src/Option.ts', 'typescript'],
];
const missing = FILES.map(([f]) => path.join(NPM, f)).filter(f => !existsSync(f));
const skip = !hasServerJar() ? `no server jar at ${serverJar()}`
    : missing.length > 0 ? `the pinned corpus is not fetched (${missing[0]}; mvn verify fetches it)` : false;

describe('navigation on real files over stdio', { skip, timeout: 20 * WAIT_MS }, () => {
    let s: Session;
    before(async () => {
        const command = await resolveServerCommand({ serverPath: serverJar(), javaOpts: [] }, NPM);
        s = Session.start(command.command, command.args);
        await s.request(InitializeRequest.method, { processId: process.pid, rootUri: null, capabilities: {} }, 'initialize');
        await s.notify(InitializedNotification.method, {});
    });
    after(() => s?.kill());

    for (const [file, languageId] of FILES) {
        it(`answers definition, references and rename on ${file}`, async () => {
            const text = readFileSync(path.join(NPM, file), 'utf8');
            const uri = `file://${path.join(NPM, file)}`;
            const starts = lineStarts(text);
            const pos = (offset: number): Position => {
                let line = 0;
                while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
                return { line, character: offset - starts[line] };
            };
            const texts = new Map<string, string>([[uri, text]]);
            const textOf = (u: string) => {
                if (!texts.has(u)) texts.set(u, readFileSync(new URL(u), 'utf8'));
                return texts.get(u)!;
            };
            const slice = (src: string, r: Range) => {
                const st = lineStarts(src);
                return src.slice(st[r.start.line] + r.start.character, st[r.end.line] + r.end.character);
            };
            const nameAt = (l: Location) => slice(textOf(l.uri), l.range);
            await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId, version: 1, text } });
            const before = await s.diagnostics(uri, d => d.version === 1, `diagnostics of ${file}`);

            const all = words(text);
            let defined = 0;
            let best: { offset: number; name: string; count: number } | undefined;
            for (let i = 0; i < 60; i++) {
                const w = all[Math.floor((i * all.length) / 60)];
                const name = text.slice(w.start, w.end);
                const where = `${file} at ${name}@${w.start}`;
                const defs = await s.request<Location[] | null>(DefinitionRequest.method, { textDocument: { uri }, position: pos(w.start) }, where) ?? [];
                if (defs.length === 0) continue; // a keyword, a global, a property of an unknown object
                defined++;
                for (const d of defs) {
                    // a namespace import's own name (`import * as option from './option'`) goes to the module:
                    // an empty range at its first token
                    const wholeModule = d.uri !== uri && d.range.start.line === d.range.end.line
                        && d.range.start.character === d.range.end.character;
                    if (!wholeModule) assert.equal(nameAt(d), name, `${where}: the definition ${d.uri} is the same name`);
                }
                const refs = await s.request<Location[]>(ReferencesRequest.method,
                    { textDocument: { uri }, position: pos(w.start), context: { includeDeclaration: true } }, where);
                for (const r of refs) assert.equal(nameAt(r), name, `${where}: a reference in ${r.uri} is the same name`);
                const key = (l: Location) => `${l.uri}:${l.range.start.line}:${l.range.start.character}`;
                // (across files, references need the workspace index: this session opens no folder)
                // (as TypeScript's: definition lists every declaration of a merged name, references those of the
                // meaning used here — `Option<A>` reaches `type Option` and `namespace Option`, its references the type's)
                const here = defs.filter(d => d.uri === uri);
                if (here.length > 0) {
                    assert.ok(here.some(d => refs.some(r => key(r) === key(d))), `${where}: the references contain a definition of ${here.map(key)}`);
                }
                // a name declared in this file: its references hold the use asked about (a name from another file
                // needs the workspace index for its references, and this session opens no folder)
                if (defs.every(d => d.uri === uri)) {
                    assert.ok(refs.some(r => key(r) === key({ uri, range: { start: pos(w.start), end: pos(w.end) } })), `${where}: and the name asked about`);
                }
                if (refs.length >= 2 && refs.every(r => r.uri === uri) && (!best || refs.length > best.count)) best = { offset: w.start, name, count: refs.length };
            }
            assert.ok(defined >= 20, `definitions found at ${defined} of 60 sampled words`);

            // rename the most-referenced sampled name, as VS Code applies the edit
            assert.ok(best, 'a name with two or more references, all in this file');
            const newName = `${best.name}Renamed`;
            const edit = await s.request<WorkspaceEdit>(RenameRequest.method, { textDocument: { uri }, position: pos(best.offset), newName }, `rename ${best.name}`);
            const edits = editsOf(edit, uri);
            const renamed = applyEdits(text, edits);
            await s.notify(DidChangeTextDocumentNotification.method, { textDocument: { uri, version: 2 }, contentChanges: [{ text: renamed }] });
            const afterRename = await s.diagnostics(uri, d => d.version === 2, `diagnostics after renaming ${best.name}`);
            assert.deepEqual(afterRename.diagnostics.map(d => d.message), before.diagnostics.map(d => d.message), 'no new diagnostics');
            const first = lineStarts(renamed)[edits[0].range.start.line] + edits[0].range.start.character + edits[0].newText.indexOf(newName);
            const st = lineStarts(renamed);
            let line = 0;
            while (line + 1 < st.length && st[line + 1] <= first) line++;
            const refs = await s.request<Location[]>(ReferencesRequest.method,
                { textDocument: { uri }, position: { line, character: first - st[line] }, context: { includeDeclaration: true } }, `references of ${newName}`);
            assert.equal(refs.length, best.count, `${newName} has as many references as ${best.name} had`);
        });
    }

    it('follows require() into the required files of rxjs\'s CommonJS Subscriber.js', async () => {
        // TypeScript's CommonJS emit: `var Subscription_1 = require("./Subscription"); … Subscription_1.Subscription`
        const file = 'rxjs@7.8.2/package/dist/cjs/internal/Subscriber.js';
        const text = readFileSync(path.join(NPM, file), 'utf8');
        const uri = `file://${path.join(NPM, file)}`;
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId: 'javascript', version: 1, text } });
        const starts = lineStarts(text);
        const pos = (offset: number): Position => {
            let line = 0;
            while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
            return { line, character: offset - starts[line] };
        };
        let asked = 0, followed = 0;
        for (const m of text.matchAll(/\b([A-Za-z]+_1)\.([A-Za-z_$][\w$]*)/g)) {
            if (asked >= 40) break;
            asked++;
            const at = m.index! + m[1].length + 1;
            const defs = await s.request<Location[] | null>(DefinitionRequest.method, { textDocument: { uri }, position: pos(at) }, `${m[0]}@${at}`) ?? [];
            for (const d of defs) {
                assert.notEqual(d.uri, uri, `${m[0]}: declared in the required file`);
                const other = readFileSync(new URL(d.uri), 'utf8');
                const st = lineStarts(other);
                assert.equal(other.slice(st[d.range.start.line] + d.range.start.character, st[d.range.end.line] + d.range.end.character), m[2], `${m[0]}: the same name`);
            }
            if (defs.length > 0) followed++;
        }
        assert.ok(asked >= 10, `m_1.name uses asked: ${asked}`);
        assert.ok(followed >= asked * 0.8, `definitions across require() found at ${followed} of ${asked}`);
    });

    it('shows the standard library\'s members on the globals zod\'s util.ts calls', async () => {
        // Math.floor, Object.keys, JSON.stringify…: hover names the library's declaration, completion after the dot lists the member
        const file = 'zod@4.6.7/package/src/v4/core/util.ts';
        const text = readFileSync(path.join(NPM, file), 'utf8');
        const uri = `file://${path.join(NPM, file)}`;
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId: 'typescript', version: 1, text } });
        const starts = lineStarts(text);
        const pos = (offset: number): Position => {
            let line = 0;
            while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
            return { line, character: offset - starts[line] };
        };
        let asked = 0;
        for (const m of text.matchAll(/\b(Math|Object|JSON|Number|Array|Promise)\.([a-zA-Z]+)\b/g)) {
            if (asked >= 20) break;
            asked++;
            const dot = m.index! + m[1].length;
            const hover = await s.request<Hover | null>(HoverRequest.method, { textDocument: { uri }, position: pos(dot + 2) }, `hover ${m[0]}`);
            const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
            assert.match(value, new RegExp(`\\((method|property)\\) \\w+(<[^>]*>)?\\.${m[2]}\\b`), `hover on ${m[0]}: ${value}`);
            const list = await s.request<CompletionList>(CompletionRequest.method, { textDocument: { uri }, position: pos(dot + 1) }, `completion after ${m[1]}.`);
            assert.ok(list.items.some(i => i.label === m[2]), `${m[2]} offered after ${m[1]}.`);
        }
        assert.ok(asked >= 5, `library members asked: ${asked}`);
    });

    it('shuts down and exits with code 0 and no error in the log', async () => {
        assert.equal(await s.request(ShutdownRequest.method, undefined, 'shutdown'), null);
        await s.notify(ExitNotification.method);
        const { code } = await withTimeout(s.exited, WAIT_MS, 'the server process to exit');
        assert.equal(code, 0, `exit code; server log:\n${s.log()}`);
        assert.doesNotMatch(s.log(), /\b(ERROR|SEVERE|Exception)\b/, 'no error in the server log');
    });
});
