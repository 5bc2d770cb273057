// Navigation across files through the real server jar over stdio, with the capabilities
// vscode-languageclient 9 declares (workspace edits as versioned documentChanges): on the small
// project server/src/test/resources/workspace/rename, opened as the workspace folder, go to a
// definition in another file, find references in every importer, and rename across files —
// files that are not open included — applying the WorkspaceEdit as VS Code does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
    CallHierarchyIncomingCall,
    CallHierarchyIncomingCallsRequest,
    CallHierarchyItem,
    CallHierarchyOutgoingCall,
    CallHierarchyOutgoingCallsRequest,
    CallHierarchyPrepareRequest,
    DefinitionRequest,
    DidOpenTextDocumentNotification,
    InitializedNotification,
    InitializeRequest,
    Location,
    ReferencesRequest,
    RenameRequest,
    SymbolInformation,
    TextDocumentEdit,
    TextEdit,
    WillRenameFilesRequest,
    WorkspaceEdit,
    WorkspaceSymbol,
    WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol';
import { resolveServerCommand } from '../src/launch';
import { applyEdits } from './edits';
import { hasServerJar, serverJar, Session, WAIT_MS } from './session';

const skip = hasServerJar() ? false : `no server jar at ${serverJar()} (build it, or set ARENA_LS_JAR)`;
const ROOT = path.resolve(__dirname, '..', '..', '..', '..', 'server', 'src', 'test', 'resources', 'workspace', 'rename');
const uriOf = (name: string) => `file://${ROOT}/src/${name}`;
const text = (name: string) => readFileSync(path.join(ROOT, 'src', name), 'utf8');
const short = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);

/** The position of the `nth` (0-based) whole word `word` in `source`. */
function at(source: string, word: string, nth = 0): { line: number; character: number } {
    const re = new RegExp(`\\b${word}\\b`, 'g');
    let m: RegExpExecArray | null = null;
    for (let k = 0; k <= nth; k++) {
        m = re.exec(source);
        assert.ok(m, `${word} #${nth}`);
    }
    const before = source.slice(0, m!.index);
    const line = before.split('\n').length - 1;
    return { line, character: m!.index - (before.lastIndexOf('\n') + 1) };
}

describe('workspace: definition, references and rename across files over stdio', { skip, timeout: 10 * WAIT_MS }, () => {
    let s: Session;
    const app = text('app.ts');

    before(async () => {
        const command = await resolveServerCommand({ serverPath: serverJar(), javaOpts: [] }, ROOT);
        s = Session.start(command.command, command.args);
        await s.request(InitializeRequest.method, {
            processId: process.pid,
            rootUri: `file://${ROOT}`,
            workspaceFolders: [{ uri: `file://${ROOT}`, name: 'rename' }],
            capabilities: {
                textDocument: { rename: { prepareSupport: true } },
                workspace: { applyEdit: true, workspaceEdit: { documentChanges: true }, symbol: {} },
            },
        }, 'initialize');
        await s.notify(InitializedNotification.method, {});
        // the index is built in the background: wait until workspace/symbol finds the declaration
        const deadline = Date.now() + WAIT_MS;
        for (;;) {
            const found = await s.request<(SymbolInformation | WorkspaceSymbol)[]>(WorkspaceSymbolRequest.method, { query: 'area' });
            if (found.some(f => f.name === 'area' && 'uri' in f.location && short(f.location.uri) === 'shapes.ts')) break;
            assert.ok(Date.now() < deadline, `the index never held area: ${JSON.stringify(found)}\n${s.log()}`);
            await new Promise(r => setTimeout(r, 50));
        }
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri: uriOf('app.ts'), languageId: 'typescript', version: 4, text: app } });
    });
    after(() => s?.kill());

    it('goes to the definition in another file', async () => {
        const defs = await s.request<Location[]>(DefinitionRequest.method, { textDocument: { uri: uriOf('app.ts') }, position: at(app, 'area', 3) });
        assert.deepEqual(defs, [{ uri: uriOf('shapes.ts'), range: { start: { line: 0, character: 16 }, end: { line: 0, character: 20 } } }]);
        // a namespace member too
        const member = await s.request<Location[]>(DefinitionRequest.method, { textDocument: { uri: uriOf('app.ts') }, position: at(app, 'area', 4) });
        assert.deepEqual(member.map(l => `${short(l.uri)}:${l.range.start.line}:${l.range.start.character}`), ['shapes.ts:0:16']);
    });

    it('finds references in every importer, through re-exports and namespaces', async () => {
        const refs = await s.request<Location[]>(ReferencesRequest.method,
            { textDocument: { uri: uriOf('app.ts') }, position: at(app, 'area', 0), context: { includeDeclaration: true } });
        const got = refs.map(l => `${short(l.uri)}:${l.range.start.line}:${l.range.start.character}`).sort();
        assert.deepEqual(got, ['app.ts:0:9', 'app.ts:1:17', 'app.ts:1:9', 'app.ts:5:17', 'app.ts:6:0', 'app.ts:6:10', 'app.ts:6:27',
            'barrel.ts:0:9', 'barrel.ts:1:9', 'deep.ts:0:9', 'deep.ts:2:0', 'shapes.ts:0:16',
            'user.ts:0:15', 'user.ts:0:9', 'user.ts:3:0', 'user.ts:3:10', 'user.ts:3:32', 'user.ts:5:9']);
    });

    it('renames across files, the ones not open included, as versioned document changes', async () => {
        const edit = await s.request<WorkspaceEdit>(RenameRequest.method,
            { textDocument: { uri: uriOf('app.ts') }, position: at(app, 'area', 3), newName: 'extent' });
        assert.ok(edit.documentChanges, `documentChanges: ${JSON.stringify(edit)}`);
        const byFile = new Map<string, { version: number | null; edits: TextEdit[] }>();
        for (const change of edit.documentChanges!) {
            const d = change as TextDocumentEdit;
            byFile.set(short(d.textDocument.uri), { version: d.textDocument.version ?? null, edits: d.edits as TextEdit[] });
        }
        assert.deepEqual([...byFile.keys()].sort(), ['app.ts', 'barrel.ts', 'deep.ts', 'shapes.ts', 'user.ts']);
        assert.equal(byFile.get('app.ts')!.version, 4, 'the open document: its version');
        assert.equal(byFile.get('deep.ts')!.version, null, 'a file that is not open: no version');
        const after = (name: string) => applyEdits(text(name), byFile.get(name)!.edits);
        assert.equal(after('app.ts'), 'import { extent } from "./shapes";\nimport { extent as size } from "./shapes";\n'
            + 'import * as shapes from "./shapes";\nimport paint from "./shapes";\n\nconst result = { area: extent };\n'
            + 'extent(2) + size(3) + shapes.extent(4);\npaint();\n');
        assert.equal(after('shapes.ts'), text('shapes.ts').replace('function area(', 'function extent('));
        assert.equal(after('barrel.ts'), text('barrel.ts').replace('{ area }', '{ extent }').replace('{ area as surface }', '{ extent as surface }'));
        assert.equal(after('user.ts'), 'import { extent, surface, geometry } from "./barrel";\nimport { useState } from "react";\n\n'
            + 'extent(1) + surface(2) + geometry.extent(3);\nuseState();\nexport { extent };\n');
        assert.equal(after('deep.ts'), 'import { extent } from "./user";\n\nextent(5);\n');
    });

    it('answers the call hierarchy of a function across files', async () => {
        const items = await s.request<CallHierarchyItem[]>(CallHierarchyPrepareRequest.method,
            { textDocument: { uri: uriOf('app.ts') }, position: at(app, 'area', 3) });
        assert.deepEqual(items.map(i => `${i.name}@${short(i.uri)}:${i.selectionRange.start.line}:${i.selectionRange.start.character}`), ['area@shapes.ts:0:16']);
        const incoming = await s.request<CallHierarchyIncomingCall[]>(CallHierarchyIncomingCallsRequest.method, { item: items[0] });
        const got = incoming.map(c => `${c.from.name}@${short(c.from.uri)} ${c.fromRanges.map(r => `${r.start.line}:${r.start.character}`).sort().join(',')}`).sort();
        // every call, through aliases, the barrel and namespaces, each from its file's top level
        assert.deepEqual(got, ['app.ts@app.ts 6:0,6:10,6:27', 'deep.ts@deep.ts 2:0', 'user.ts@user.ts 3:0,3:10,3:32']);
        const outgoing = await s.request<CallHierarchyOutgoingCall[]>(CallHierarchyOutgoingCallsRequest.method, { item: items[0] });
        assert.deepEqual(outgoing, [], 'area calls nothing');
    });

    it('rewrites the imports of a file the user moves (workspace/willRenameFiles), before VS Code moves it', async () => {
        const edit = await s.request<WorkspaceEdit>(WillRenameFilesRequest.method, {
            files: [{ oldUri: uriOf('shapes.ts'), newUri: `file://${ROOT}/src/geometry/shapes.ts` }],
        });
        const changes = edit.changes ?? {};
        const got = Object.keys(changes).map(short).sort();
        assert.deepEqual(got, ['app.ts', 'barrel.ts'], JSON.stringify(edit));
        // app.ts is open: its live text, every import of the module
        const appAfter = applyEdits(app, changes[uriOf('app.ts')]);
        assert.match(appAfter, /^import \{ area \} from "\.\/geometry\/shapes";$/m);
        assert.doesNotMatch(appAfter, /"\.\/shapes"/);
        const barrelAfter = applyEdits(text('barrel.ts'), changes[uriOf('barrel.ts')]);
        assert.equal(barrelAfter.split('"./geometry/shapes"').length - 1, 4, barrelAfter);
    });

    it('renames a name imported from a package in this file only, as an alias (as TypeScript does)', async () => {
        const user = text('user.ts');
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri: uriOf('user.ts'), languageId: 'typescript', version: 1, text: user } });
        const edit = await s.request<WorkspaceEdit>(RenameRequest.method, { textDocument: { uri: uriOf('user.ts') }, position: at(user, 'useState', 1), newName: 'x' });
        const files = Object.keys(edit.changes ?? {}).concat((edit.documentChanges ?? []).map(c => (c as TextDocumentEdit).textDocument.uri));
        assert.deepEqual([...new Set(files)], [uriOf('user.ts')], 'the package is not edited');
        const texts = JSON.stringify(edit);
        assert.match(texts, /useState as x/);
    });
});
