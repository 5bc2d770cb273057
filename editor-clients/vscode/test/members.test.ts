// Members declared in another file, through the real server jar over stdio: on the project
// server/src/test/resources/workspace/members (opened as the workspace folder), a namespace
// imported by name (`Geometry.distance`), a class's static method (`Shapes.area`) and a namespace
// reached through a namespace import (`geo.Geometry.Inner.deep`) answer definition, signature
// help, completion after the dot and hover from the declaring file, which is never opened.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
    CompletionItem,
    CompletionList,
    CompletionRequest,
    DefinitionRequest,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    Hover,
    HoverRequest,
    InitializedNotification,
    InitializeRequest,
    Location,
    SignatureHelp,
    SignatureHelpRequest,
    SymbolInformation,
    WorkspaceSymbol,
    WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol';
import { resolveServerCommand } from '../src/launch';
import { hasServerJar, serverJar, Session, WAIT_MS } from './session';

const skip = hasServerJar() ? false : `no server jar at ${serverJar()} (build it, or set ARENA_LS_JAR)`;
const ROOT = path.resolve(__dirname, '..', '..', '..', '..', 'server', 'src', 'test', 'resources', 'workspace', 'members');
const uriOf = (name: string) => `file://${ROOT}/src/${name}`;
const app = readFileSync(path.join(ROOT, 'src', 'app.ts'), 'utf8');
const APP = uriOf('app.ts');

/** The position just after `before` (or at its `|` when it has one) on the line of app.ts that contains it. */
function at(snippet: string): { line: number; character: number } {
    const bar = snippet.indexOf('|');
    const plain = snippet.replace('|', '');
    const index = app.indexOf(plain);
    assert.ok(index >= 0, snippet);
    const offset = index + (bar >= 0 ? bar : plain.length);
    const before = app.slice(0, offset);
    return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

describe('members declared in another file over stdio', { skip, timeout: 10 * WAIT_MS }, () => {
    let s: Session;
    before(async () => {
        const command = await resolveServerCommand({ serverPath: serverJar(), javaOpts: [] }, ROOT);
        s = Session.start(command.command, command.args);
        await s.request(InitializeRequest.method, {
            processId: process.pid,
            rootUri: `file://${ROOT}`,
            workspaceFolders: [{ uri: `file://${ROOT}`, name: 'members' }],
            capabilities: {
                textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, signatureHelp: {}, completion: {} },
                workspace: { symbol: {} },
            },
        }, 'initialize');
        await s.notify(InitializedNotification.method, {});
        const deadline = Date.now() + WAIT_MS;
        for (;;) {
            const found = await s.request<(SymbolInformation | WorkspaceSymbol)[]>(WorkspaceSymbolRequest.method, { query: 'Geometry' });
            if (found.some(f => f.name === 'Geometry')) break;
            assert.ok(Date.now() < deadline, `the index never held Geometry\n${s.log()}`);
            await new Promise(r => setTimeout(r, 50));
        }
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri: APP, languageId: 'typescript', version: 1, text: app } });
    });
    after(() => s?.kill());

    const where = (ls: Location[]) => ls.map(l => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line}:${l.range.start.character}`);

    it('goes to the members in the file that declares them', async () => {
        const def = (snippet: string) => s.request<Location[]>(DefinitionRequest.method, { textDocument: { uri: APP }, position: at(snippet) });
        assert.deepEqual(where(await def('Geometry.dis|tance')), ['geo.ts:2:18']);
        assert.deepEqual(where(await def('Shapes.ar|ea')), ['geo.ts:7:9']);
        assert.deepEqual(where(await def('geo.Geometry.Inner.de|ep')), ['geo.ts:3:43']);
    });

    it('helps with their signatures', async () => {
        const help = async (snippet: string) => {
            const h = await s.request<SignatureHelp | null>(SignatureHelpRequest.method, { textDocument: { uri: APP }, position: at(snippet) });
            assert.ok(h, snippet);
            const sig = h.signatures[h.activeSignature ?? 0];
            return `${sig.label} #${h.activeParameter ?? sig.activeParameter}`;
        };
        assert.equal(await help('Geometry.distance(1, |2'), 'distance(a: number, b: number): number #1');
        assert.equal(await help('Shapes.area(|3'), 'area(width: number, height: number) #0');
        assert.equal(await help('geo.Geometry.Inner.deep(|'), 'deep(label: string) #0');
    });

    it('completes after the dot, and hovers with the declaration and its JSDoc', async () => {
        // type a dot-completion on a new line, as a user would
        const typed = app + 'Geometry.\n';
        await s.notify(DidChangeTextDocumentNotification.method, { textDocument: { uri: APP, version: 2 }, contentChanges: [{ text: typed }] });
        const lines = typed.split('\n');
        const list = await s.request<CompletionList | CompletionItem[]>(CompletionRequest.method,
            { textDocument: { uri: APP }, position: { line: lines.length - 2, character: 'Geometry.'.length } });
        const items = Array.isArray(list) ? list : list.items;
        assert.deepEqual(items.map(i => i.label).sort(), ['Inner', 'distance']);
        const hover = await s.request<Hover | null>(HoverRequest.method, { textDocument: { uri: APP }, position: at('Geometry.dis|tance') });
        const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : JSON.stringify(hover);
        assert.match(value, /function Geometry\.distance\(a: number, b: number\): number/);
        assert.match(value, /The distance between two points on a line\./);
    });
});
