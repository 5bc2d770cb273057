// Go to implementation (Ctrl+F12) and the type hierarchy ("Show Type Hierarchy") through the real
// server jar over stdio, on the small project server/src/test/resources/workspace/hierarchy opened
// as the workspace folder: an interface implemented through a namespace import, an abstract class
// extended through a re-export under another name, in files that are not open.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
    DidOpenTextDocumentNotification,
    ImplementationRequest,
    InitializedNotification,
    InitializeRequest,
    InitializeResult,
    Location,
    SymbolInformation,
    TypeHierarchyItem,
    TypeHierarchyPrepareRequest,
    TypeHierarchySubtypesRequest,
    TypeHierarchySupertypesRequest,
    WorkspaceSymbol,
    WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol';
import { resolveServerCommand } from '../src/launch';
import { hasServerJar, serverJar, Session, WAIT_MS } from './session';

const skip = hasServerJar() ? false : `no server jar at ${serverJar()} (build it, or set ARENA_LS_JAR)`;
const ROOT = path.resolve(__dirname, '..', '..', '..', '..', 'server', 'src', 'test', 'resources', 'workspace', 'hierarchy');
const uriOf = (name: string) => `file://${ROOT}/src/${name}`;
const text = (name: string) => readFileSync(path.join(ROOT, 'src', name), 'utf8');
const short = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);
const where = (uri: string, p: { line: number; character: number }) => `${short(uri)}:${p.line}:${p.character}`;

/** The position of the first whole word `word` in `source`. */
function at(source: string, word: string): { line: number; character: number } {
    const m = new RegExp(`\\b${word}\\b`).exec(source);
    assert.ok(m, word);
    const before = source.slice(0, m.index);
    return { line: before.split('\n').length - 1, character: m.index - (before.lastIndexOf('\n') + 1) };
}

describe('implementation and type hierarchy across files over stdio', { skip, timeout: 10 * WAIT_MS }, () => {
    let s: Session;
    let capabilities: InitializeResult['capabilities'];
    const shapes = text('shapes.ts');

    before(async () => {
        const command = await resolveServerCommand({ serverPath: serverJar(), javaOpts: [] }, ROOT);
        s = Session.start(command.command, command.args);
        const init = await s.request<InitializeResult>(InitializeRequest.method, {
            processId: process.pid,
            rootUri: `file://${ROOT}`,
            workspaceFolders: [{ uri: `file://${ROOT}`, name: 'hierarchy' }],
            capabilities: { textDocument: { implementation: {}, typeHierarchy: {} }, workspace: { symbol: {} } },
        }, 'initialize');
        capabilities = init.capabilities;
        await s.notify(InitializedNotification.method, {});
        // the index is built in the background: wait until it holds the class in more.ts
        const deadline = Date.now() + WAIT_MS;
        for (;;) {
            const found = await s.request<(SymbolInformation | WorkspaceSymbol)[]>(WorkspaceSymbolRequest.method, { query: 'Circle' });
            if (found.some(f => f.name === 'Circle')) break;
            assert.ok(Date.now() < deadline, `the index never held Circle: ${JSON.stringify(found)}\n${s.log()}`);
            await new Promise(r => setTimeout(r, 50));
        }
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri: uriOf('shapes.ts'), languageId: 'typescript', version: 1, text: shapes } });
    });
    after(() => s?.kill());

    it('declares both', () => {
        assert.equal(capabilities.implementationProvider, true);
        assert.equal(capabilities.typeHierarchyProvider, true);
    });

    it('goes to the implementations of an interface and of its method, in files that are not open', async () => {
        const types = await s.request<Location[]>(ImplementationRequest.method, { textDocument: { uri: uriOf('shapes.ts') }, position: at(shapes, 'Shape') });
        assert.deepEqual(types.map(l => where(l.uri, l.range.start)).sort(),
            ['impl.ts:2:13', 'impl.ts:3:13', 'more.ts:1:6', 'shapes.ts:1:17', 'shapes.ts:2:22']);
        const area = await s.request<Location[]>(ImplementationRequest.method, { textDocument: { uri: uriOf('shapes.ts') }, position: at(shapes, 'area') });
        assert.deepEqual(area.map(l => where(l.uri, l.range.start)).sort(), ['impl.ts:2:35', 'impl.ts:3:39', 'more.ts:1:28'],
            'the bodies, not the abstract declaration in Base');
    });

    it('walks the type hierarchy up and down across files', async () => {
        const items = await s.request<TypeHierarchyItem[]>(TypeHierarchyPrepareRequest.method,
            { textDocument: { uri: uriOf('shapes.ts') }, position: at(shapes, 'Base') });
        assert.deepEqual(items.map(i => `${i.name}@${where(i.uri, i.selectionRange.start)}`), ['Base@shapes.ts:2:22']);
        const up = await s.request<TypeHierarchyItem[]>(TypeHierarchySupertypesRequest.method, { item: items[0] });
        assert.deepEqual(up.map(i => `${i.name}@${where(i.uri, i.selectionRange.start)}`), ['Shape@shapes.ts:0:17']);
        const down = await s.request<TypeHierarchyItem[]>(TypeHierarchySubtypesRequest.method, { item: items[0] });
        assert.deepEqual(down.map(i => `${i.name}@${where(i.uri, i.selectionRange.start)}`).sort(), ['Circle@more.ts:1:6', 'Square@impl.ts:2:13'],
            'Circle extends Root, the re-export of Base');
        // one more step down from an item in a file that is not open
        const square = down.find(i => i.name === 'Square')!;
        const squareUp = await s.request<TypeHierarchyItem[]>(TypeHierarchySupertypesRequest.method, { item: square });
        assert.deepEqual(squareUp.map(i => `${i.name}@${where(i.uri, i.selectionRange.start)}`), ['Base@shapes.ts:2:22']);
    });
});
