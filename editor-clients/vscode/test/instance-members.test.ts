// Members reached through what the code declares, across files, over stdio against the real jar:
// on server/src/test/resources/workspace/instances, `service.load()` where `service = new
// UserService()` (imported), `<Card title=…>` where Card's props are declared `CardProps`, as a
// VS Code user asks for them — definition, hover, completion after the dot, references, rename.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
    CompletionList,
    CompletionRequest,
    DefinitionRequest,
    DidOpenTextDocumentNotification,
    Hover,
    HoverRequest,
    InitializedNotification,
    InitializeRequest,
    Location,
    MarkupContent,
    ReferencesRequest,
    RenameRequest,
    SymbolInformation,
    TextDocumentEdit,
    WorkspaceEdit,
    WorkspaceSymbol,
    WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol';
import { resolveServerCommand } from '../src/launch';
import { hasServerJar, serverJar, Session, WAIT_MS } from './session';

const skip = hasServerJar() ? false : `no server jar at ${serverJar()} (build it, or set ARENA_LS_JAR)`;
const ROOT = path.resolve(__dirname, '..', '..', '..', '..', 'server', 'src', 'test', 'resources', 'workspace', 'instances');
const uriOf = (name: string) => `file://${ROOT}/src/${name}`;
const text = (name: string) => readFileSync(path.join(ROOT, 'src', name), 'utf8');
const short = (l: Location) => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line}:${l.range.start.character}`;

/** The position of `offset` characters into the first `marker` in `source`. */
function at(source: string, marker: string, offset = 0): { line: number; character: number } {
    const i = source.indexOf(marker);
    assert.ok(i >= 0, marker);
    const before = source.slice(0, i + offset);
    return { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) };
}

describe('members through declared types across files, over stdio', { skip, timeout: 10 * WAIT_MS }, () => {
    let s: Session;
    const app = text('app.tsx');

    before(async () => {
        const command = await resolveServerCommand({ serverPath: serverJar(), javaOpts: [] }, ROOT);
        s = Session.start(command.command, command.args);
        await s.request(InitializeRequest.method, {
            processId: process.pid,
            rootUri: `file://${ROOT}`,
            workspaceFolders: [{ uri: `file://${ROOT}`, name: 'instances' }],
            capabilities: { textDocument: { hover: { contentFormat: ['markdown'] } }, workspace: { workspaceEdit: { documentChanges: true }, symbol: {} } },
        }, 'initialize');
        await s.notify(InitializedNotification.method, {});
        const deadline = Date.now() + WAIT_MS;
        for (;;) { // the index is built in the background
            const found = await s.request<(SymbolInformation | WorkspaceSymbol)[]>(WorkspaceSymbolRequest.method, { query: 'CardProps' });
            if (found.some(f => f.name === 'CardProps')) break;
            assert.ok(Date.now() < deadline, `the index never held CardProps\n${s.log()}`);
            await new Promise(r => setTimeout(r, 50));
        }
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri: uriOf('app.tsx'), languageId: 'typescriptreact', version: 1, text: app } });
    });
    after(() => s?.kill());

    it('goes to a method of an imported class from an instance, and shows its signature', async () => {
        const defs = await s.request<Location[]>(DefinitionRequest.method, { textDocument: { uri: uriOf('app.tsx') }, position: at(app, 'service.load', 9) });
        assert.deepEqual(defs.map(short), ['service.ts:5:2']);
        const hover = await s.request<Hover>(HoverRequest.method, { textDocument: { uri: uriOf('app.tsx') }, position: at(app, 'service.load', 9) });
        const value = (hover.contents as MarkupContent).value;
        assert.match(value, /load\(id: number\): User \| undefined/);
        assert.match(value, /Finds a user by id/);
    });

    it('completes the instance members after the dot', async () => {
        const list = await s.request<CompletionList>(CompletionRequest.method, { textDocument: { uri: uriOf('app.tsx') }, position: at(app, 'service.load', 8) });
        assert.ok(list.items.some(i => i.label === 'load'), list.items.map(i => i.label).slice(0, 20).join(', '));
    });

    it('follows a method\'s declared return type to the members of an imported interface', async () => {
        // user = service.load(1)!, load(): User | undefined, User declared in service.ts
        const list = await s.request<CompletionList>(CompletionRequest.method, { textDocument: { uri: uriOf('app.tsx') }, position: at(app, 'user.name.', 5) });
        assert.deepEqual(list.items.map(i => i.label), ['id', 'name']);
        const defs = await s.request<Location[]>(DefinitionRequest.method, { textDocument: { uri: uriOf('app.tsx') }, position: at(app, 'user.name.', 6) });
        assert.deepEqual(defs.map(short), ['service.ts:0:36']);
        const hover = await s.request<Hover>(HoverRequest.method, { textDocument: { uri: uriOf('app.tsx') }, position: at(app, 'user.name.', 6) });
        assert.match((hover.contents as MarkupContent).value, /\(property\) User\.name: string/);
    });

    it('treats a JSX attribute as a member of the component\'s props', async () => {
        const defs = await s.request<Location[]>(DefinitionRequest.method, { textDocument: { uri: uriOf('app.tsx') }, position: at(app, 'title=', 1) });
        assert.deepEqual(defs.map(short), ['Card.tsx:2:41']);
        const refs = await s.request<Location[]>(ReferencesRequest.method,
            { textDocument: { uri: uriOf('app.tsx') }, position: at(app, 'title=', 1), context: { includeDeclaration: true } });
        assert.deepEqual(refs.map(short).sort(), ['Card.tsx:2:41', 'Card.tsx:4:29', 'app.tsx:5:38']);
    });

    it('renames a prop in the interface, the destructuring and the JSX attribute of another file', async () => {
        const edit = await s.request<WorkspaceEdit>(RenameRequest.method, { textDocument: { uri: uriOf('app.tsx') }, position: at(app, 'title=', 1), newName: 'heading' });
        const got: string[] = [];
        for (const change of edit.documentChanges ?? []) {
            const d = change as TextDocumentEdit;
            for (const e of d.edits) got.push(`${d.textDocument.uri.slice(d.textDocument.uri.lastIndexOf('/') + 1)}:${e.range.start.line}:${e.range.start.character} ${'newText' in e ? e.newText : ''}`);
        }
        assert.deepEqual(got.sort(), ['Card.tsx:2:41 heading', 'Card.tsx:4:29 heading: title', 'app.tsx:5:38 heading']);
    });
});
