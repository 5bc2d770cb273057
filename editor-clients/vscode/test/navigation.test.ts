// Navigation through the real server jar over stdio (vscode-jsonrpc / vscode-languageserver-protocol,
// what vscode-languageclient is built on), with the capabilities vscode-languageclient 9 declares
// for these features: go to definition / declaration / type definition, references, document
// highlights, prepareRename + rename (applied to the text, as VS Code applies the WorkspaceEdit),
// linked editing of JSX tags, and answers after incremental edits. Fixtures: server/src/test/resources/navigation.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
    DeclarationRequest,
    DefinitionRequest,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    DocumentHighlight,
    DocumentHighlightRequest,
    ExitNotification,
    InitializedNotification,
    InitializeRequest,
    InitializeResult,
    LinkedEditingRangeRequest,
    LinkedEditingRanges,
    Location,
    PrepareRenameRequest,
    Range,
    ReferencesRequest,
    RenameRequest,
    ResponseError,
    ShutdownRequest,
    TextEdit,
    TypeDefinitionRequest,
    WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { resolveServerCommand } from '../src/launch';
import { applyEdits, editsOf } from './edits';
import { hasServerJar, serverJar, Session, WAIT_MS, withTimeout } from './session';

const skip = hasServerJar() ? false : `no server jar at ${serverJar()} (build it, or set ARENA_LS_JAR)`;
// compiled to out/test/: the server's own navigation fixtures, four levels up (one copy for the server's and the clients' tests)
const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'server', 'src', 'test', 'resources', 'navigation');
const uriOf = (name: string) => `file://${FIXTURES}/${name}`;
const TS = uriOf('shapes.ts');
const JS = uriOf('app.js');
const TSX = uriOf('Toolbar.tsx');
const text = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

/** What vscode-languageclient 9.0.1 declares for the features under test (see its lib/common/*.js). */
const CLIENT_CAPABILITIES = {
    general: { positionEncodings: ['utf-16'] },
    textDocument: {
        synchronization: { dynamicRegistration: true, didSave: true, willSave: true, willSaveWaitUntil: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: false },
        definition: { dynamicRegistration: true, linkSupport: true },
        declaration: { dynamicRegistration: true, linkSupport: true },
        typeDefinition: { dynamicRegistration: true, linkSupport: true },
        references: { dynamicRegistration: true },
        documentHighlight: { dynamicRegistration: true },
        rename: { dynamicRegistration: true, prepareSupport: true, prepareSupportDefaultBehavior: 1, honorsChangeAnnotations: true },
        linkedEditingRange: { dynamicRegistration: true },
    },
    workspace: {
        applyEdit: true,
        workspaceEdit: {
            documentChanges: true,
            resourceOperations: ['create', 'rename', 'delete'],
            failureHandling: 'textOnlyTransactional',
            normalizesLineEndings: true,
            changeAnnotationSupport: { groupsOnLabel: true },
        },
    },
};

function r(line: number, character: number, endLine: number, endCharacter: number): Range {
    return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}

/** A position in a fixture: the `nth` (0-based) occurrence of `needle` on `line`, plus `shift` characters. */
function at(source: string, line: number, needle: string, nth = 0, shift = 0): { line: number; character: number } {
    const l = source.split('\n')[line];
    let i = -1;
    for (let k = 0; k <= nth; k++) {
        i = l.indexOf(needle, i + 1);
        assert.ok(i >= 0, `${JSON.stringify(needle)} #${nth} on line ${line}: ${JSON.stringify(l)}`);
    }
    return { line, character: i + shift };
}

function ranges(locations: Location[] | null, uri: string): Range[] {
    assert.ok(Array.isArray(locations), `a Location[]: ${JSON.stringify(locations)}`);
    for (const l of locations) assert.equal(l.uri, uri, JSON.stringify(l));
    return locations.map(l => l.range);
}

describe('navigation: definition, references, highlights, rename, linked editing over stdio', { skip, timeout: 10 * WAIT_MS }, () => {
    let s: Session;
    const ts = text('shapes.ts');
    const js = text('app.js');
    const tsx = text('Toolbar.tsx');
    const req = <R>(method: string, uri: string, position: { line: number; character: number }, extra: object = {}) =>
        s.request<R>(method, { textDocument: { uri }, position, ...extra }, `${method} at ${uri.split('/').pop()}:${position.line}:${position.character}`);

    before(async () => {
        const command = await resolveServerCommand({ serverPath: serverJar(), javaOpts: [] }, FIXTURES);
        s = Session.start(command.command, command.args);
    });
    after(() => s?.kill());

    it('initializes with definition, declaration, typeDefinition, references, highlights, rename + prepare, linked editing', async () => {
        const result = await s.request<InitializeResult>(InitializeRequest.method, {
            processId: process.pid,
            clientInfo: { name: 'arena-ls navigation test' },
            rootUri: `file://${FIXTURES}`,
            workspaceFolders: [{ uri: `file://${FIXTURES}`, name: 'navigation' }],
            capabilities: CLIENT_CAPABILITIES,
            trace: 'off',
        }, 'initialize');
        await s.notify(InitializedNotification.method, {});
        const c = result.capabilities;
        assert.equal(c.definitionProvider, true);
        assert.equal(c.declarationProvider, true);
        assert.equal(c.typeDefinitionProvider, true);
        assert.equal(c.referencesProvider, true);
        assert.equal(c.documentHighlightProvider, true);
        assert.deepEqual(c.renameProvider, { prepareProvider: true });
        assert.equal(c.linkedEditingRangeProvider, true);

        for (const [uri, languageId, body] of [[TS, 'typescript', ts], [JS, 'javascript', js], [TSX, 'typescriptreact', tsx]]) {
            await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId, version: 1, text: body } });
            const p = await s.diagnostics(uri, d => d.version === 1, `diagnostics of ${uri}`);
            // shapes.ts imports "./canvas", which is deliberately missing (its import is the
            // definition target of `draw`): TS2307 is the one error expected there
            const errors = p.diagnostics.filter((d: { severity?: number; code?: number | string }) => d.severity === 1 && d.code !== 2307);
            assert.deepEqual(errors, [], `the fixture ${uri} parses clean`);
        }
    });

    it('goes to the definition of an imported name, a local class, a merged interface, a namespace member, a private name', async () => {
        // draw(largest([circle]), kind);  →  import { render as draw } (the local alias)
        assert.deepEqual(ranges(await req(DefinitionRequest.method, TS, at(ts, 44, 'draw')), TS), [r(2, 19, 2, 23)]);
        assert.deepEqual(ranges(await req(DeclarationRequest.method, TS, at(ts, 44, 'draw')), TS), [r(2, 19, 2, 23)]);
        // new Circle(…) → class Circle
        assert.deepEqual(ranges(await req(DefinitionRequest.method, TS, at(ts, 43, 'Circle')), TS), [r(23, 6, 23, 12)]);
        // implements Shape → both declarations of the merged interface
        assert.deepEqual(ranges(await req(DefinitionRequest.method, TS, at(ts, 23, 'Shape')), TS), [r(4, 17, 4, 22), r(7, 17, 7, 22)]);
        // Geometry.unit → export const unit
        assert.deepEqual(ranges(await req(DefinitionRequest.method, TS, at(ts, 30, 'unit')), TS), [r(17, 15, 17, 19)]);
        // this.#radius = radius → the field #radius
        assert.deepEqual(ranges(await req(DefinitionRequest.method, TS, at(ts, 27, '#radius')), TS), [r(24, 2, 24, 9)]);
        // Kind.Square → the enum member
        assert.deepEqual(ranges(await req(DefinitionRequest.method, TS, at(ts, 42, 'Square')), TS), [r(13, 2, 13, 8)]);
        // const circle: Shape → type definition: both Shape declarations
        assert.deepEqual(ranges(await req(TypeDefinitionRequest.method, TS, at(ts, 43, 'circle')), TS), [r(4, 17, 4, 22), r(7, 17, 7, 22)]);

        // JavaScript: return format(parts) → import { format }; settings.depth → the object literal's member
        assert.deepEqual(ranges(await req(DefinitionRequest.method, JS, at(js, 14, 'format')), JS), [r(1, 9, 1, 15)]);
        assert.deepEqual(ranges(await req(DefinitionRequest.method, JS, at(js, 5, 'depth', 1)), JS), [r(3, 35, 3, 40)]);
        assert.deepEqual(ranges(await req(DefinitionRequest.method, JS, at(js, 6, 'settings')), JS), [r(3, 6, 3, 14)]);
        // continue outer → the label; this.count → the field
        assert.deepEqual(ranges(await req(DefinitionRequest.method, JS, at(js, 10, 'outer')), JS), [r(8, 2, 8, 7)]);
        assert.deepEqual(ranges(await req(DefinitionRequest.method, JS, at(js, 21, 'count')), JS), [r(18, 2, 18, 7)]);
        // a comment has no definition
        assert.deepEqual(await req(DefinitionRequest.method, JS, { line: 0, character: 5 }), []);
    });

    it('finds references with and without the declaration', async () => {
        const best = at(ts, 35, 'best'); // let best: T | undefined;
        const uses = [r(37, 9, 37, 13), r(37, 32, 37, 36), r(37, 45, 37, 49), r(39, 9, 39, 13)];
        assert.deepEqual(ranges(await req(ReferencesRequest.method, TS, best, { context: { includeDeclaration: true } }), TS), [r(35, 6, 35, 10), ...uses]);
        assert.deepEqual(ranges(await req(ReferencesRequest.method, TS, best, { context: { includeDeclaration: false } }), TS), uses);
        // from a use, the same set
        assert.deepEqual(ranges(await req(ReferencesRequest.method, TS, at(ts, 39, 'best'), { context: { includeDeclaration: false } }), TS), uses);

        const key = at(js, 8, 'key'); // for (const key of …) … key.startsWith … { key, verbose }
        assert.deepEqual(ranges(await req(ReferencesRequest.method, JS, key, { context: { includeDeclaration: true } }), JS), [r(8, 20, 8, 23), r(10, 10, 10, 13), r(12, 17, 12, 20)]);
        assert.deepEqual(ranges(await req(ReferencesRequest.method, JS, key, { context: { includeDeclaration: false } }), JS), [r(10, 10, 10, 13), r(12, 17, 12, 20)]);
    });

    it('highlights reads and writes with their kinds', async () => {
        const Read = 2, Write = 3; // DocumentHighlightKind
        // let best (a declaration without a value: read, as TypeScript says) … !best (read) … best.area() (read) …
        // best = shape (write) … return best (read)
        assert.deepEqual(await req<DocumentHighlight[]>(DocumentHighlightRequest.method, TS, at(ts, 37, 'best')), [
            { range: r(35, 6, 35, 10), kind: Read },
            { range: r(37, 9, 37, 13), kind: Read },
            { range: r(37, 32, 37, 36), kind: Read },
            { range: r(37, 45, 37, 49), kind: Write },
            { range: r(39, 9, 39, 13), kind: Read },
        ]);
        // for (let i = 0; i < depth; i++)
        assert.deepEqual(await req<DocumentHighlight[]>(DocumentHighlightRequest.method, JS, at(js, 9, 'i <')), [
            { range: r(9, 13, 9, 14), kind: Write },
            { range: r(9, 20, 9, 21), kind: Read },
            { range: r(9, 31, 9, 32), kind: Write },
        ]);
    });

    it('prepares and renames across declarations, shorthand properties and export specifiers', async () => {
        // prepareRename: the name's range and placeholder; nothing in a comment
        assert.deepEqual(await req(PrepareRenameRequest.method, TS, at(ts, 34, 'largest', 0, 3)), { range: r(34, 9, 34, 16), placeholder: 'largest' });
        assert.equal(await req(PrepareRenameRequest.method, TS, { line: 0, character: 5 }), null);

        // the merged interface: both declarations and every type reference
        const shape = editsOf(await req<WorkspaceEdit>(RenameRequest.method, TS, at(ts, 4, 'Shape'), { newName: 'Figure' }), TS);
        assert.deepEqual(shape, [r(4, 17, 4, 22), r(7, 17, 7, 22), r(23, 24, 23, 29), r(34, 27, 34, 32), r(43, 14, 43, 19)].map(range => ({ range, newText: 'Figure' })));

        // an exported function: the export specifier keeps the module's interface
        const largest = editsOf(await req<WorkspaceEdit>(RenameRequest.method, TS, at(ts, 44, 'largest'), { newName: 'biggest' }), TS);
        assert.deepEqual(largest, [
            { range: r(34, 9, 34, 16), newText: 'biggest' },
            { range: r(44, 5, 44, 12), newText: 'biggest' },
            { range: r(45, 17, 45, 24), newText: 'biggest as largest' },
        ]);
        const renamed = applyEdits(ts, largest).split('\n');
        assert.equal(renamed[34], 'function biggest<T extends Shape>(shapes: T[]): T | undefined {');
        assert.equal(renamed[44], 'draw(biggest([circle]), kind);');
        assert.equal(renamed[45], 'export { Circle, biggest as largest };');

        // destructuring shorthand and property shorthand: { verbose } → { verbose: loud }
        const verbose = editsOf(await req<WorkspaceEdit>(RenameRequest.method, JS, at(js, 6, 'verbose'), { newName: 'loud' }), JS);
        assert.deepEqual(verbose, [
            { range: r(6, 10, 6, 17), newText: 'verbose: loud' },
            { range: r(12, 22, 12, 29), newText: 'verbose: loud' },
        ]);
        const js2 = applyEdits(js, verbose).split('\n');
        assert.equal(js2[6], '  const { verbose: loud } = settings;');
        assert.equal(js2[12], '    parts.push({ key, verbose: loud });');

        // { key } → { key: name }, from the declaration
        const key = editsOf(await req<WorkspaceEdit>(RenameRequest.method, JS, at(js, 8, 'key'), { newName: 'name' }), JS);
        assert.deepEqual(key, [
            { range: r(8, 20, 8, 23), newText: 'name' },
            { range: r(10, 10, 10, 13), newText: 'name' },
            { range: r(12, 17, 12, 20), newText: 'key: name' },
        ]);
        assert.equal(applyEdits(js, key).split('\n')[12], '    parts.push({ key: name, verbose });');

        // an imported name: the import specifier keeps the imported name
        const format = editsOf(await req<WorkspaceEdit>(RenameRequest.method, JS, at(js, 14, 'format'), { newName: 'fmt' }), JS);
        assert.deepEqual(format, [
            { range: r(1, 9, 1, 15), newText: 'format as fmt' },
            { range: r(14, 9, 14, 15), newText: 'fmt' },
        ]);
    });

    it('refuses a rename to a non-identifier, a reserved word, a capturing name, or of an undeclared global with an error response', async () => {
        const refused = async (uri: string, position: { line: number; character: number }, newName: string, message: RegExp) => {
            await assert.rejects(req(RenameRequest.method, uri, position, { newName }), (e: unknown) => {
                assert.ok(e instanceof ResponseError, `a ResponseError: ${e}`);
                assert.equal(e.code, -32803, 'RequestFailed');
                assert.match(e.message, message);
                return true;
            }, `rename to ${newName}`);
        };
        await refused(TS, at(ts, 34, 'largest'), '2big', /^cannot rename to `2big`: it is not an identifier$/);
        await refused(TS, at(ts, 34, 'largest'), 'class', /^cannot rename to `class`: it is a reserved word$/);
        // `key` → `parts` would capture the outer `parts` used inside the loop
        await refused(JS, at(js, 8, 'key'), 'parts', /^cannot rename to `parts`: the existing reference to `parts` at line 13, column 5 would then refer to the renamed declaration$/);
        await refused(JS, at(js, 8, 'Object'), 'Obj', /^`Object` is not declared in this file$/);
        await assert.rejects(req(PrepareRenameRequest.method, JS, at(js, 8, 'Object')), (e: unknown) => e instanceof ResponseError && e.code === -32803);
        // nothing was changed by the refusals: a valid rename still answers in full
        const ok = editsOf(await req<WorkspaceEdit>(RenameRequest.method, TS, at(ts, 34, 'largest'), { newName: 'big' }), TS);
        assert.equal(ok.length, 3);
    });

    it('links the opening and closing tag names of a JSX element in a .tsx document', async () => {
        const wordPattern = String.raw`[A-Za-z$_\u00C0-\uFFFF][\w$.:\-\u00C0-\uFFFF]*`;
        // <Badge label={title}>new</Badge>, from either tag
        const badge = { ranges: [r(11, 7, 11, 12), r(11, 32, 11, 37)], wordPattern };
        assert.deepEqual(await req<LinkedEditingRanges>(LinkedEditingRangeRequest.method, TSX, at(tsx, 11, 'Badge', 0, 2)), badge);
        assert.deepEqual(await req<LinkedEditingRanges>(LinkedEditingRangeRequest.method, TSX, at(tsx, 11, 'Badge', 1)), badge);
        // <div className="toolbar"> … </div> across lines
        assert.deepEqual(await req<LinkedEditingRanges>(LinkedEditingRangeRequest.method, TSX, at(tsx, 10, 'div')),
            { ranges: [r(10, 5, 10, 8), r(13, 6, 13, 9)], wordPattern });
        // not on a tag: no ranges
        assert.equal(await req(LinkedEditingRangeRequest.method, TSX, at(tsx, 8, 'count')), null);
        // the component: definition from the tag, and a rename that edits both tags
        assert.deepEqual(ranges(await req(DefinitionRequest.method, TSX, at(tsx, 11, 'Badge', 1)), TSX), [r(3, 9, 3, 14)]);
        const pill = editsOf(await req<WorkspaceEdit>(RenameRequest.method, TSX, at(tsx, 3, 'Badge'), { newName: 'Pill' }), TSX);
        assert.equal(applyEdits(tsx, pill).split('\n')[11], '      <Pill label={title}>new</Pill>');
        assert.equal(pill.length, 3);
    });

    // VS Code ends a linked-editing session as soon as the tag name no longer matches the word pattern
    // in full, and vscode-languageclient 9.0.1 builds that pattern as `new RegExp(wordPattern)` (no `u`
    // flag: protocolConverter.asRegularExpression). A pattern with `\p{L}` (which without `u` is the letters
    // p { L }) matched no tag name, and linked editing stopped at the first keystroke.
    it('sends a JSX word pattern that vscode-languageclient can use: new RegExp(wordPattern) matches tag names', async () => {
        const linked = await req<LinkedEditingRanges>(LinkedEditingRangeRequest.method, TSX, at(tsx, 11, 'Badge', 0, 2));
        assert.ok(linked?.wordPattern, 'a word pattern');
        const asClient = new RegExp(linked.wordPattern); // exactly what vscode-languageclient 9.0.1 does
        for (const name of ['Badge', 'div', 'Badge2', 'my-element', 'Foo.Bar', 'svg:rect', 'Ünïcode', '$x']) {
            assert.equal(asClient.exec(name)?.[0], name, `${asClient} on ${name}`);
        }
    });

    it('answers for the edited text after incremental edits', async () => {
        // VS Code applies the rename of `verbose`, then the user inserts two lines above settings
        const verbose = editsOf(await req<WorkspaceEdit>(RenameRequest.method, JS, at(js, 6, 'verbose'), { newName: 'loud' }), JS);
        await s.notify(DidChangeTextDocumentNotification.method, {
            textDocument: { uri: JS, version: 2 },
            contentChanges: [...verbose].reverse().map(e => ({ range: e.range, text: e.newText })),
        });
        await s.notify(DidChangeTextDocumentNotification.method, {
            textDocument: { uri: JS, version: 3 },
            contentChanges: [{ range: r(2, 0, 2, 0), text: 'const extra = 1;\n\n' }],
        });
        const edited = applyEdits(applyEdits(js, verbose), [{ range: r(2, 0, 2, 0), newText: 'const extra = 1;\n\n' }]);
        const p = await s.diagnostics(JS, d => d.version === 3, 'diagnostics of version 3');
        // no errors (the inserted `extra` is never read: an unused-code hint, severity 4)
        assert.deepEqual(p.diagnostics.filter(d => d.severity !== 4), []);
        // { key, verbose: loud } is now on line 14; `loud` → the renamed binding `{ verbose: loud }` on line 8
        assert.equal(edited.split('\n')[14], '    parts.push({ key, verbose: loud });');
        assert.deepEqual(ranges(await req(DefinitionRequest.method, JS, at(edited, 14, 'loud')), JS), [r(8, 19, 8, 23)]);
        assert.deepEqual(ranges(await req(ReferencesRequest.method, JS, at(edited, 8, 'loud'), { context: { includeDeclaration: true } }), JS),
            [r(8, 19, 8, 23), r(14, 31, 14, 35)]);
        // settings moved down two lines
        assert.deepEqual(ranges(await req(DefinitionRequest.method, JS, at(edited, 8, 'settings')), JS), [r(5, 6, 5, 14)]);
        // the old name resolves to nothing any more (the property key `verbose` is not a variable)
        assert.deepEqual(await req(ReferencesRequest.method, JS, at(edited, 8, 'verbose'), { context: { includeDeclaration: true } }), []);
        // a new use typed in, then highlights see it
        await s.notify(DidChangeTextDocumentNotification.method, {
            textDocument: { uri: JS, version: 4 },
            contentChanges: [{ range: r(9, 18, 9, 18), text: ' && loud' }],
        });
        const after4 = applyEdits(edited, [{ range: r(9, 18, 9, 18), newText: ' && loud' }]);
        assert.equal(after4.split('\n')[9], '  const parts = [] && loud;');
        assert.deepEqual(await req<DocumentHighlight[]>(DocumentHighlightRequest.method, JS, at(after4, 14, 'loud')), [
            { range: r(8, 19, 8, 23), kind: 3 },
            { range: r(9, 22, 9, 26), kind: 2 },
            { range: r(14, 31, 14, 35), kind: 2 },
        ]);
    });

    it('shuts down and exits with code 0', async () => {
        assert.equal(await s.request(ShutdownRequest.method, undefined, 'shutdown'), null);
        await s.notify(ExitNotification.method);
        const { code } = await withTimeout(s.exited, WAIT_MS, 'the server process to exit');
        assert.equal(code, 0, `exit code; server log:\n${s.log()}`);
        assert.doesNotMatch(s.log(), /\b(ERROR|SEVERE|Exception)\b/, 'no error in the server log');
    });
});
