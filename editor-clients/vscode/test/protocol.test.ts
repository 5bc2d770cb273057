// Drives the real server jar over stdio with vscode-jsonrpc / vscode-languageserver-protocol, the
// libraries VS Code's language client is built on, using the command line the extension builds.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
    DidChangeConfigurationNotification,
    DidChangeTextDocumentNotification,
    DidCloseTextDocumentNotification,
    DidOpenTextDocumentNotification,
    DocumentDiagnosticReport,
    DocumentDiagnosticRequest,
    DocumentSymbol,
    DocumentSymbolRequest,
    ExitNotification,
    Hover,
    HoverRequest,
    InitializedNotification,
    InitializeRequest,
    InitializeResult,
    MarkupContent,
    ShutdownRequest,
    SymbolInformation,
    TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { configurationPayload, initializationOptions, resolveServerCommand } from '../src/launch';
import { hasServerJar, serverJar, Session, WAIT_MS, withTimeout } from './session';

const skip = hasServerJar() ? false : `no server jar at ${serverJar()} (build it, or set ARENA_LS_JAR)`;
const ROOT = path.resolve(__dirname, 'workspace');
const URI = `file://${ROOT}/src/geometry.ts`;

// A TypeScript file (types, an interface, generics); line 5 lacks the `)` that closes Math.hypot(.
const BROKEN = [
    '/** A point in the plane. */',
    'interface Point { x: number; y: number }',
    '',
    '/** Distance between two points. */',
    'export function distance(a: Point, b: Point = origin): number {',
    '  const tag: string = ""; return tag.length + Math.hypot(a.x - b.x, a.y - b.y;',
    '}',
    '',
    'export class Shape<_T> {',
    '  sides: number = 0;',
    '  area(): number { return 0; }',
    '}',
    'const origin: Point = { x: 0, y: 0 };',
    '',
].join('\n');

/** What the extension's client says it supports, reduced to what matters here. */
function capabilities(pullDiagnostics: boolean) {
    return {
        general: { positionEncodings: ['utf-16'] },
        textDocument: {
            synchronization: { dynamicRegistration: false, didSave: true },
            publishDiagnostics: { relatedInformation: true, versionSupport: true },
            hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
            documentSymbol: { dynamicRegistration: false, hierarchicalDocumentSymbolSupport: true },
            ...(pullDiagnostics ? { diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false } } : {}),
        },
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
    };
}

/** Starts the server with the extension's own launch logic (Java discovery + command line). */
async function startServer(): Promise<Session> {
    const command = await resolveServerCommand({ serverPath: serverJar(), javaOpts: [] }, ROOT);
    assert.ok(command.java && command.java.major >= 17, command.description);
    return Session.start(command.command, command.args);
}

async function initialize(s: Session, pull: boolean, maxFileSize?: number): Promise<InitializeResult> {
    const result = await s.request<InitializeResult>(InitializeRequest.method, {
        processId: process.pid,
        clientInfo: { name: 'arena-ls protocol test' },
        rootUri: `file://${ROOT}`,
        workspaceFolders: [{ uri: `file://${ROOT}`, name: 'workspace' }],
        capabilities: capabilities(pull),
        initializationOptions: initializationOptions({ maxFileSize }),
        trace: 'off',
    }, 'initialize');
    await s.notify(InitializedNotification.method, {});
    return result;
}

/** shutdown, exit, and the process must end by itself with code 0. */
async function shutdownAndExit(s: Session): Promise<void> {
    const result = await s.request(ShutdownRequest.method, undefined, 'shutdown');
    assert.equal(result, null);
    await s.notify(ExitNotification.method);
    const { code, signal } = await withTimeout(s.exited, WAIT_MS, 'the server process to exit');
    assert.equal(signal, null);
    assert.equal(code, 0, `exit code; server log:\n${s.log()}`);
}

function change(s: Session, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return s.notify(DidChangeTextDocumentNotification.method, { textDocument: { uri: URI, version }, contentChanges });
}

function at(line: number, character: number, endLine = line, endCharacter = character) {
    return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}

function markdown(h: Hover | null): string {
    assert.ok(h, 'a hover');
    const c = h.contents as MarkupContent;
    assert.equal(c.kind, 'markdown');
    return c.value;
}

function flatten(symbols: DocumentSymbol[]): DocumentSymbol[] {
    return symbols.flatMap(s => [s, ...flatten(s.children ?? [])]);
}

describe('protocol: the server jar over stdio', { skip, timeout: 6 * WAIT_MS }, () => {
    let s: Session;
    before(async () => { s = await startServer(); });
    after(() => s?.kill());

    it('initializes with incremental sync, hover, document symbols and push diagnostics', async () => {
        const result = await initialize(s, false);
        const sync = result.capabilities.textDocumentSync;
        assert.ok(sync && typeof sync === 'object');
        assert.equal(sync.change, 2, 'TextDocumentSyncKind.Incremental');
        assert.equal(sync.openClose, true);
        assert.ok(result.capabilities.hoverProvider);
        assert.ok(result.capabilities.documentSymbolProvider);
        assert.equal(result.capabilities.diagnosticProvider, undefined, 'a client without pull support gets push');
        assert.equal(result.capabilities.positionEncoding ?? 'utf-16', 'utf-16');
        assert.equal(result.serverInfo?.name, 'arena-ls');
    });

    let line5 = BROKEN.split('\n')[5];

    it('publishes a syntax error for the opened file', async () => {
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri: URI, languageId: 'typescript', version: 1, text: BROKEN } });
        const p = await s.diagnostics(URI, d => d.version === 1, 'diagnostics of version 1');
        assert.ok(p.diagnostics.length >= 1, 'at least one diagnostic');
        const d = p.diagnostics[0];
        assert.equal(d.severity, 1, 'an error');
        assert.equal(d.source, 'arena-ls');
        assert.equal(d.range.start.line, 5, `on the line of the unclosed call: ${JSON.stringify(p.diagnostics)}`);
        assert.ok(d.message.length > 0);
    });

    it('follows incremental edits with a multi-byte character and clears the diagnostics when fixed', async () => {
        // v2: an emoji (2 UTF-16 units, 4 UTF-8 bytes) and an é go into the string before the error
        const quote = line5.indexOf('""') + 1;
        await change(s, 2, [{ range: at(5, quote), text: '😀 é' }]);
        line5 = line5.slice(0, quote) + '😀 é' + line5.slice(quote);
        const p2 = await s.diagnostics(URI, d => d.version === 2, 'diagnostics of version 2');
        assert.ok(p2.diagnostics.length >= 1, 'still broken');
        // columns count UTF-16 units, as JS strings do: the error moved right by 4, not by the 7 bytes
        const semicolon = line5.lastIndexOf(';');
        const before = BROKEN.split('\n')[5].lastIndexOf(';');
        assert.equal(semicolon - before, 4);
        const errorCol = p2.diagnostics[0].range.start.character;
        const oldCol = s.published.find(p => p.version === 1)!.diagnostics[0].range.start.character;
        assert.equal(errorCol - oldCol, 4, `the error column follows the UTF-16 shift: ${JSON.stringify(p2.diagnostics)}`);

        // v3: two changes in one notification: the missing `)` after the emoji, and a rename
        await change(s, 3, [
            { range: at(5, semicolon), text: ')' },
            { range: at(8, 13, 8, 18), text: 'Polygon' },
        ]);
        line5 = line5.slice(0, semicolon) + ')' + line5.slice(semicolon);
        const p3 = await s.diagnostics(URI, d => d.version === 3, 'diagnostics of version 3');
        assert.deepEqual(p3.diagnostics, [], `fixed: ${JSON.stringify(p3.diagnostics)}`);

        // v4: a change across lines (replace the one-line method by three lines), and a deletion
        await change(s, 4, [
            { range: at(10, 0, 11, 0), text: '  area(): number {\n    return this.sides * 0;\n  }\n' },
            { range: at(9, 2), text: 'x = 1; ' },
            { range: at(9, 2, 9, 9), text: '' },
        ]);
        const p4 = await s.diagnostics(URI, d => d.version === 4, 'diagnostics of version 4');
        assert.deepEqual(p4.diagnostics, [], `still clean: ${JSON.stringify(p4.diagnostics)}`);
    });

    it('answers hover with Markdown and a typescript block, at UTF-16 columns after the emoji', async () => {
        const col = line5.indexOf('a.x');
        const h = await s.request<Hover | null>(HoverRequest.method, { textDocument: { uri: URI }, position: { line: 5, character: col } }, 'hover on a');
        const value = markdown(h);
        assert.match(value, /^```typescript\n/);
        assert.match(value, /\(parameter\) a/);
        assert.deepEqual(h!.range, at(5, col, 5, col + 1));

        const fn = await s.request<Hover | null>(HoverRequest.method, { textDocument: { uri: URI }, position: { line: 4, character: 18 } }, 'hover on distance');
        const fnValue = markdown(fn);
        assert.match(fnValue, /```typescript\n[^`]*function distance\(a: Point, b: Point = origin\): number\n/);
        assert.match(fnValue, /Distance between two points\./);
    });

    it('returns hierarchical document symbols of the edited text', async () => {
        const symbols = await s.request<DocumentSymbol[] | SymbolInformation[]>(DocumentSymbolRequest.method, { textDocument: { uri: URI } }, 'documentSymbol');
        assert.ok(Array.isArray(symbols) && symbols.length > 0);
        assert.ok(symbols.every(x => 'selectionRange' in x), 'DocumentSymbol[], not SymbolInformation[]');
        const tree = symbols as DocumentSymbol[];
        const distance = tree.find(x => x.name === 'distance');
        assert.ok(distance, `distance in ${tree.map(x => x.name)}`);
        assert.equal(distance.kind, 12, 'Function');
        const polygon = tree.find(x => x.name === 'Polygon');
        assert.ok(polygon, `the renamed class in ${tree.map(x => x.name)}`);
        assert.equal(polygon.kind, 5, 'Class');
        const members = (polygon.children ?? []).map(x => x.name);
        assert.ok(members.includes('area') && members.includes('sides'), `class members: ${members}`);
        assert.ok(!members.includes('x'), `the deleted field is gone: ${members}`);
        const area = polygon.children!.find(x => x.name === 'area')!;
        assert.deepEqual(area.range.start, { line: 10, character: 2 });
        assert.equal(area.range.end.line, 12, 'the method now spans three lines');
        for (const x of flatten(tree)) {
            const r = x.range, sr = x.selectionRange;
            const inside = (p: { line: number; character: number }) =>
                (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) &&
                (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));
            assert.ok(inside(sr.start) && inside(sr.end), `selectionRange inside range for ${x.name}`);
        }
    });

    it('shuts down and exits with code 0', async () => {
        await s.notify(DidCloseTextDocumentNotification.method, { textDocument: { uri: URI } });
        const closed = await s.diagnostics(URI, d => d.diagnostics.length === 0, 'diagnostics cleared on close');
        assert.deepEqual(closed.diagnostics, []);
        await shutdownAndExit(s);
    });
});

describe('protocol: pull diagnostics, as vscode-languageclient 9 uses them', { skip, timeout: 4 * WAIT_MS }, () => {
    let s: Session;
    before(async () => { s = await startServer(); });
    after(() => s?.kill());

    it('reports and then clears errors through textDocument/diagnostic, pushing nothing', async () => {
        const result = await initialize(s, true);
        assert.ok(result.capabilities.diagnosticProvider, 'the server offers pull diagnostics');
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri: URI, languageId: 'typescript', version: 1, text: BROKEN } });
        const pull = () => s.request<DocumentDiagnosticReport>(DocumentDiagnosticRequest.method, { textDocument: { uri: URI } }, 'textDocument/diagnostic');
        const r1 = await pull();
        assert.equal(r1.kind, 'full');
        assert.ok(r1.kind === 'full' && r1.items.length >= 1 && r1.items[0].range.start.line === 5, JSON.stringify(r1));
        const semicolon = BROKEN.split('\n')[5].lastIndexOf(';');
        await change(s, 2, [{ range: at(5, semicolon), text: ')' }]);
        const r2 = await pull();
        assert.ok(r2.kind === 'full' && r2.items.length === 0, JSON.stringify(r2));
        assert.deepEqual(s.published.filter(p => p.diagnostics.length > 0), [], 'no pushed diagnostics besides the pulled ones');
        await shutdownAndExit(s);
    });
});

describe('protocol: the maxFileSize setting, as the extension sends it', { skip, timeout: 4 * WAIT_MS }, () => {
    let s: Session;
    before(async () => { s = await startServer(); });
    after(() => s?.kill());

    it('applies initializationOptions and a didChangeConfiguration without a restart', async () => {
        await initialize(s, false, 64);
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri: URI, languageId: 'typescript', version: 1, text: BROKEN } });
        const big = await s.diagnostics(URI, d => d.version === 1, 'diagnostics of an oversized file');
        assert.equal(big.diagnostics.length, 1, JSON.stringify(big.diagnostics));
        assert.equal(big.diagnostics[0].code, 'file-too-large');
        assert.equal(big.diagnostics[0].severity, 2, 'a warning');

        const mark = s.published.length;
        await s.notify(DidChangeConfigurationNotification.method, configurationPayload({ maxFileSize: 1024 * 1024 }));
        const parsed = await s.diagnostics(URI, d => s.published.indexOf(d) >= mark && d.diagnostics.some(x => x.code !== 'file-too-large'), 'diagnostics after raising the limit');
        assert.equal(parsed.diagnostics[0].range.start.line, 5);
        await shutdownAndExit(s);
    });
});

describe('protocol: the feature settings, as the extension sends them', { skip, timeout: 4 * WAIT_MS }, () => {
    let s: Session;
    before(async () => { s = await startServer(); });
    after(() => s?.kill());

    it('turns the unused-name hints and the import diagnostics off and on without a restart', async () => {
        await initialize(s, false);
        const text = 'import { nothing } from "./no-such-module";\nexport function f() { const unread = 1; }\n';
        const uri = `file://${ROOT}/src/settings-check.ts`;
        const codes = (p: { diagnostics: { code?: number | string }[] }) => p.diagnostics.map(d => d.code).sort();
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId: 'typescript', version: 1, text } });
        const on = await s.diagnostics(uri, d => d.version === 1, 'diagnostics with the defaults');
        assert.deepEqual(codes(on), [2307, 6133, 6133], JSON.stringify(on.diagnostics));

        let mark = s.published.length;
        await s.notify(DidChangeConfigurationNotification.method, configurationPayload({ unusedHints: false, importDiagnostics: 'off' }));
        const off = await s.diagnostics(uri, d => s.published.indexOf(d) >= mark && d.diagnostics.length === 0, 'no hints and no import errors');
        assert.deepEqual(off.diagnostics, []);

        mark = s.published.length;
        await s.notify(DidChangeConfigurationNotification.method, configurationPayload({ unusedHints: true, importDiagnostics: 'relative' }));
        const back = await s.diagnostics(uri, d => s.published.indexOf(d) >= mark && d.diagnostics.length > 0, 'both back');
        assert.deepEqual(codes(back), [2307, 6133, 6133]);
        await shutdownAndExit(s);
    });
});

describe('protocol: the four languages the extension activates for', { skip, timeout: 4 * WAIT_MS }, () => {
    let s: Session;
    before(async () => { s = await startServer(); });
    after(() => s?.kill());

    it('parses JavaScript, JSX, TypeScript and TSX by languageId', async () => {
        await initialize(s, false);
        const files: [string, string, string, boolean][] = [
            ['app.js', 'javascript', 'export const twice = (n) => n * 2;\n', true],
            ['App.jsx', 'javascriptreact', 'export const App = (p) => <div className="x">{p.name}</div>;\n', true],
            ['types.ts', 'typescript', 'export type Id = string | number;\nexport const id = <T,>(x: T): T => x;\n', true],
            ['App.tsx', 'typescriptreact', 'export const App = (p: { name: string }) => <div className="x">{p.name}</div>;\n', true],
            ['Broken.tsx', 'typescriptreact', 'export const App = () => <div>;\n', false],
        ];
        for (const [name, languageId, text, clean] of files) {
            const uri = `file://${ROOT}/src/${name}`;
            await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId, version: 1, text } });
            const p = await s.diagnostics(uri, d => d.version === 1, `diagnostics of ${name}`);
            if (clean) assert.deepEqual(p.diagnostics, [], `${name}: ${JSON.stringify(p.diagnostics)}`);
            else assert.ok(p.diagnostics.length >= 1, `${name} has an unclosed JSX element`);
        }
        await shutdownAndExit(s);
    });
});
