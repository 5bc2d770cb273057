// Completion through the real server jar over stdio (vscode-jsonrpc / vscode-languageserver-protocol),
// with the completion capabilities vscode-languageclient 9 declares: members after a dot in
// unfinished code, ranked names, resolve (declaration + JSDoc), an auto-import edit applied as VS
// Code applies additionalTextEdits, and module specifiers. The workspace is a temporary folder.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
    CompletionItem,
    CompletionList,
    CompletionRequest,
    CompletionResolveRequest,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExitNotification,
    InitializedNotification,
    InitializeRequest,
    InitializeResult,
    ShutdownRequest,
} from 'vscode-languageserver-protocol';
import { resolveServerCommand } from '../src/launch';
import { applyEdits } from './edits';
import { hasServerJar, serverJar, Session, WAIT_MS } from './session';

const skip = hasServerJar() ? false : `no server jar at ${serverJar()} (build it, or set ARENA_LS_JAR)`;

/** What vscode-languageclient 9.0.1 declares for completion (lib/common/completion.js). */
const CLIENT_CAPABILITIES = {
    general: { positionEncodings: ['utf-16'] },
    textDocument: {
        synchronization: { dynamicRegistration: true, didSave: true, willSave: true, willSaveWaitUntil: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: false },
        completion: {
            dynamicRegistration: true,
            contextSupport: true,
            completionItem: {
                snippetSupport: true,
                commitCharactersSupport: true,
                documentationFormat: ['markdown', 'plaintext'],
                deprecatedSupport: true,
                preselectSupport: true,
                insertReplaceSupport: true,
                labelDetailsSupport: true,
                resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
            },
            completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
        },
        hover: { contentFormat: ['markdown', 'plaintext'] },
    },
};

const APP = [
    "import { helper } from './util';",
    '/** Doubles a number. */',
    'function double(n: number) { return n * 2; }',
    'const settings = { depth: 1, verbose: true };',
    'export function run(count: number) {',
    '  ',
    '}',
    '',
].join('\n');
const UTIL = 'export function helper() {}\nexport function formatName(first: string) { return first; }\nexport const LIMIT = 3;\n';

describe('completion over stdio', { skip, timeout: 10 * WAIT_MS }, () => {
    let s: Session;
    let dir: string;
    let appUri: string;
    let text = APP;
    let version = 1;
    const complete = (line: number, character: number) =>
        s.request<CompletionList>(CompletionRequest.method, { textDocument: { uri: appUri }, position: { line, character }, context: { triggerKind: 1 } },
            `completion at ${line}:${character}`);
    const labels = (list: CompletionList) => list.items.map(i => i.label);
    /** Replaces the whole of line 5 (inside run's body) and returns the end of the new line. */
    const typeLine = async (line: string) => {
        const lines = text.split('\n');
        const old = lines[5];
        lines[5] = line;
        text = lines.join('\n');
        version++;
        await s.notify(DidChangeTextDocumentNotification.method, {
            textDocument: { uri: appUri, version },
            contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: old.length } }, text: line }],
        });
        return { line: 5, character: line.length };
    };

    before(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'arena-ls-completion-'));
        writeFileSync(path.join(dir, 'app.ts'), APP);
        writeFileSync(path.join(dir, 'util.ts'), UTIL);
        writeFileSync(path.join(dir, 'widgets.tsx'), 'export function Button() {}\n');
        appUri = `file://${dir}/app.ts`;
        const command = await resolveServerCommand({ serverPath: serverJar(), javaOpts: [] }, dir);
        s = Session.start(command.command, command.args);
    });
    after(() => {
        s?.kill();
        if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('initializes with completion, resolve and the trigger characters', async () => {
        const result = await s.request<InitializeResult>(InitializeRequest.method, {
            processId: process.pid,
            clientInfo: { name: 'arena-ls completion test' },
            rootUri: `file://${dir}`,
            workspaceFolders: [{ uri: `file://${dir}`, name: 'completion' }],
            capabilities: CLIENT_CAPABILITIES,
            trace: 'off',
        }, 'initialize');
        await s.notify(InitializedNotification.method, {});
        assert.deepEqual(result.capabilities.completionProvider, { resolveProvider: true, triggerCharacters: ['.', '"', "'", '/', '<', '@', '#', '*'] });
        // util.ts is opened too: its summary is in the index at once, without waiting for the background indexer
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri: `file://${dir}/util.ts`, languageId: 'typescript', version: 1, text: UTIL } });
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri: appUri, languageId: 'typescript', version: 1, text: APP } });
        const p = await s.diagnostics(appUri, d => d.version === 1, 'diagnostics of app.ts');
        // no errors: unused-name hints (severity 4) are expected in an unfinished file
        assert.deepEqual(p.diagnostics.filter((d: { severity?: number }) => d.severity === 1), []);
    });

    it('completes the members of an object literal after a dot in unfinished code', async () => {
        const at = await typeLine('  settings.');
        assert.deepEqual(labels(await complete(at.line, at.character)), ['depth', 'verbose']);
    });

    it('ranks the parameter before module names before globals, and resolves the declaration with its JSDoc', async () => {
        const at = await typeLine('  ');
        const list = await complete(at.line, at.character);
        const sorted = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
        const order = sorted.map(i => i.label);
        assert.ok(order.indexOf('count') < order.indexOf('double'), 'the parameter first');
        assert.ok(order.indexOf('double') < order.indexOf('Array'), 'module names before globals');
        assert.ok(order.includes('return') && order.includes('forof'), 'return in a function, snippets for a snippet client');
        assert.ok(!order.includes('await'), 'no await outside async code');
        const double = list.items.find(i => i.label === 'double');
        assert.ok(double);
        const resolved = await s.request<CompletionItem>(CompletionResolveRequest.method, double, 'resolve double');
        assert.equal(resolved.detail, 'function double(n: number)');
        assert.match(JSON.stringify(resolved.documentation), /Doubles a number\./);
    });

    it('offers an export of another file with the edit that extends its import', async () => {
        const at = await typeLine('  formatN');
        const list = await complete(at.line, at.character);
        assert.equal(list.isIncomplete, true, 'a filtered list');
        const item = list.items.find(i => i.label === 'formatName');
        assert.ok(item, `formatName in ${JSON.stringify(labels(list))}`);
        assert.ok(item.additionalTextEdits && item.additionalTextEdits.length === 1);
        const after = applyEdits(text, item.additionalTextEdits);
        assert.equal(after.split('\n')[0], "import { helper, formatName } from './util';");
    });

    it('completes module specifiers with the files next to the document', async () => {
        const at = await typeLine("  import('./");
        const got = labels(await complete(at.line, at.character));
        assert.ok(got.includes('util') && got.includes('widgets'), JSON.stringify(got));
        assert.ok(!got.includes('app'), 'not the file itself');
    });

    it('shuts down cleanly', async () => {
        await s.request(ShutdownRequest.method, null, 'shutdown');
        await s.notify(ExitNotification.method);
        const exit = await s.exited;
        assert.equal(exit.code, 0, s.log());
    });
});
