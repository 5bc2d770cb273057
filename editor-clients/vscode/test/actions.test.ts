// The assists that only in-process tests covered, reached as a VS Code user reaches them, through the
// real server jar over stdio (vscode-jsonrpc / vscode-languageserver-protocol, with what
// vscode-languageclient 9.0.1 declares): the refactor menu (generate accessors, extract to
// interface), greyed-out hints for unreachable code and unused labels with their quick fixes, the
// quick fix that makes a function async, the source actions VS Code asks for by name on save
// (`editor.codeActionsOnSave`: sort / remove unused imports, organize imports, fix all, remove unused),
// converting a default export to a named one through codeAction/resolve (its closed importer too),
// accepting the doc comment template after `/**`, and hover on an enum member. Every edit is applied
// to the text as VS Code applies it, and the resulting text is the expectation.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
    CodeAction,
    CodeActionRequest,
    CodeActionResolveRequest,
    CodeLens,
    CodeLensRequest,
    CodeLensResolveRequest,
    CompletionItem,
    CompletionList,
    CompletionRequest,
    Diagnostic,
    DidChangeConfigurationNotification,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    Hover,
    HoverRequest,
    InitializedNotification,
    InitializeRequest,
    MarkupContent,
    Range,
    TextEdit,
} from 'vscode-languageserver-protocol';
import { configurationPayload, resolveServerCommand } from '../src/launch';
import { acceptedText, applyEdits, editsOf } from './edits';
import { hasServerJar, serverJar, Session, WAIT_MS } from './session';
import { lineStarts, positionAt } from './text';

const skip = hasServerJar() ? false : `no server jar at ${serverJar()} (build it, or set ARENA_LS_JAR)`;

/** What vscode-languageclient 9.0.1 declares for the features used here. */
const CLIENT_CAPABILITIES = {
    general: { positionEncodings: ['utf-16'] },
    textDocument: {
        synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: false, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
        hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
        completion: {
            dynamicRegistration: true,
            contextSupport: true,
            completionItem: {
                snippetSupport: true, commitCharactersSupport: true, documentationFormat: ['markdown', 'plaintext'], deprecatedSupport: true,
                preselectSupport: true, tagSupport: { valueSet: [1] }, insertReplaceSupport: true,
                resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
                insertTextModeSupport: { valueSet: [1, 2] }, labelDetailsSupport: true,
            },
            insertTextMode: 2,
        },
        codeAction: {
            dynamicRegistration: true,
            isPreferredSupport: true,
            disabledSupport: true,
            dataSupport: true,
            resolveSupport: { properties: ['edit'] },
            codeActionLiteralSupport: {
                codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports'] },
            },
            honorsChangeAnnotations: false,
        },
    },
    workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], failureHandling: 'textOnlyTransactional' } },
};

/**
 * VS Code keeps an action only if its kind is one of those asked for or below one
 * (`CodeActionKind.contains`: `source.fixAll` takes `source.fixAll.ts`); others are dropped.
 */
function keptByVsCode(actions: CodeAction[], only: string[]): CodeAction[] {
    return actions.filter(a => a.kind !== undefined && only.some(o => a.kind === o || a.kind!.startsWith(o + '.')));
}

const errors = (ds: Diagnostic[]) => ds.filter(d => d.severity === 1).map(d => `${d.code} ${d.message}`);

const GREET = 'export default function greet(name: string): string {\n    return "hi " + name;\n}\n';
const WELCOME = 'import greet from "./greet";\n\nexport const welcome = greet("you");\n';
const AREA = 'export function area(width: number, height = 1): number {\n    return width * height;\n}\nexport const unit = area(1);\n';
const ROOM = 'import { area } from "./area";\n\nconst width = 3;\nexport const room = area(width, 4);\n';
const LENS_LIB = 'export interface Named {\n    name: string;\n}\nexport class Person implements Named {\n    name = "p";\n}\n';
const LENS_USE = 'import { Person, type Named } from "./lens-lib";\n\nexport const people: Named[] = [new Person()];\n';

describe('assists as VS Code reaches them: refactor menu, quick fixes, actions on save, doc comment, enum hover', { skip, timeout: 20 * WAIT_MS }, () => {
    let s: Session;
    let dir: string;
    const texts = new Map<string, { text: string; version: number }>();

    before(async () => {
        dir = mkdtempSync(path.join(os.tmpdir(), 'arena-ls-actions-'));
        writeFileSync(path.join(dir, 'package.json'), '{ "name": "actions", "private": true }\n');
        // a module and an importer that stays closed, on disk before the server indexes the workspace
        writeFileSync(path.join(dir, 'greet.ts'), GREET);
        writeFileSync(path.join(dir, 'welcome.ts'), WELCOME);
        writeFileSync(path.join(dir, 'area.ts'), AREA);
        writeFileSync(path.join(dir, 'room.ts'), ROOM);
        writeFileSync(path.join(dir, 'lens-lib.ts'), LENS_LIB);
        writeFileSync(path.join(dir, 'lens-use.ts'), LENS_USE);
        const command = await resolveServerCommand({ serverPath: serverJar(), javaOpts: [] }, dir);
        s = Session.start(command.command, command.args);
        await s.request(InitializeRequest.method, {
            processId: process.pid,
            clientInfo: { name: 'Visual Studio Code', version: '1.95.0' },
            rootUri: `file://${dir}`,
            workspaceFolders: [{ uri: `file://${dir}`, name: 'actions' }],
            capabilities: CLIENT_CAPABILITIES,
            trace: 'off',
        }, 'initialize');
        await s.notify(InitializedNotification.method, {});
    });
    after(() => {
        s?.kill();
        if (dir) rmSync(dir, { recursive: true, force: true });
    });

    /** Writes `name` and opens it as VS Code does; its first diagnostics. */
    async function open(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
        writeFileSync(path.join(dir, name), text);
        const uri = `file://${path.join(dir, name)}`;
        texts.set(uri, { text, version: 1 });
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId: 'typescript', version: 1, text } });
        const p = await s.diagnostics(uri, d => d.version === 1, `diagnostics of ${name}`);
        return { uri, diagnostics: p.diagnostics };
    }

    const textOf = (uri: string) => texts.get(uri)!.text;

    /** The range of the `nth` occurrence of `needle` in the document (0-based). */
    function rangeOf(uri: string, needle: string, nth = 0): Range {
        const text = textOf(uri);
        let at = -1;
        for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
        assert.ok(at >= 0, `"${needle}" in ${text}`);
        const starts = lineStarts(text);
        return { start: positionAt(starts, at), end: positionAt(starts, at + needle.length) };
    }

    function wholeDocument(uri: string): Range {
        const text = textOf(uri);
        return { start: { line: 0, character: 0 }, end: positionAt(lineStarts(text), text.length) };
    }

    async function codeActions(uri: string, range: Range, options: { only?: string[]; diagnostics?: Diagnostic[]; triggerKind?: 1 | 2 }): Promise<CodeAction[]> {
        return s.request<CodeAction[]>(CodeActionRequest.method, {
            textDocument: { uri }, range,
            context: { diagnostics: options.diagnostics ?? [], triggerKind: options.triggerKind ?? 1, ...(options.only ? { only: options.only } : {}) },
        }, `codeAction ${JSON.stringify(options.only ?? [])}`);
    }

    /** The edit applied to the text as VS Code applies a WorkspaceEdit, sent as the next version; its diagnostics. */
    async function apply(uri: string, action: CodeAction): Promise<Diagnostic[]> {
        assert.equal(action.disabled, undefined, `"${action.title}" is enabled`);
        return change(uri, applyEdits(textOf(uri), editsOf(action.edit!, uri)));
    }

    async function change(uri: string, text: string): Promise<Diagnostic[]> {
        const doc = texts.get(uri)!;
        doc.text = text;
        doc.version++;
        const version = doc.version;
        await s.notify(DidChangeTextDocumentNotification.method, { textDocument: { uri, version }, contentChanges: [{ text }] });
        return (await s.diagnostics(uri, d => d.version === version, `diagnostics of version ${version}`)).diagnostics;
    }

    /**
     * What `editor.codeActionsOnSave: { [kind]: "explicit" }` does on save: one request for the
     * whole document with that kind and its diagnostics, then every action VS Code keeps applied in order.
     */
    async function onSave(uri: string, kind: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
        const found = await codeActions(uri, wholeDocument(uri), { only: [kind], diagnostics, triggerKind: 2 });
        const kept = keptByVsCode(found, [kind]);
        for (const action of kept) await apply(uri, action);
        return kept;
    }

    const titles = (actions: CodeAction[]) => JSON.stringify(actions.map(a => `${a.kind}: ${a.title}`));

    it("generates 'get' and 'set' accessors for a class field from the refactor menu", async () => {
        const { uri } = await open('point.ts', 'export class Point {\n    x: number = 0;\n}\n');
        const at = rangeOf(uri, 'x:');
        const found = await codeActions(uri, { start: at.start, end: at.start }, { only: ['refactor'] });
        const generate = found.find(a => a.title === "Generate 'get' and 'set' accessors");
        assert.ok(generate, titles(found));
        assert.equal(generate.kind, 'refactor.rewrite.property.generateAccessors');
        const diagnostics = await apply(uri, generate);
        assert.equal(textOf(uri),
            'export class Point {\n    private _x: number = 0;\n    public get x(): number {\n        return this._x;\n    }\n'
            + '    public set x(value: number) {\n        this._x = value;\n    }\n}\n');
        assert.deepEqual(errors(diagnostics), []);
    });

    it('extracts a selected type literal to an interface from the refactor menu', async () => {
        const { uri } = await open('area.ts', 'export function area(box: { width: number; height: number }): number {\n    return box.width * box.height;\n}\n');
        const found = await codeActions(uri, rangeOf(uri, '{ width: number; height: number }'), { only: ['refactor.extract'] });
        const extract = found.find(a => a.title === 'Extract to interface');
        assert.ok(extract, titles(found));
        assert.equal(extract.kind, 'refactor.extract.interface');
        const diagnostics = await apply(uri, extract);
        assert.equal(textOf(uri),
            'interface NewType { width: number; height: number }\n\n'
            + 'export function area(box: NewType): number {\n    return box.width * box.height;\n}\n');
        assert.deepEqual(errors(diagnostics), []);
    });

    it('greys out unreachable code and an unused label (hints tagged Unnecessary), and their quick fixes remove them', async () => {
        const opened = await open('loop.ts',
            'export function firstOver(limit: number, values: number[]): number {\n'
            + '    scan: for (const v of values) {\n'
            + '        if (v > limit) return v;\n'
            + '    }\n'
            + '    return -1;\n'
            + '    console.log("not found");\n'
            + '}\n');
        const { uri } = opened;
        const hints = opened.diagnostics.filter(d => d.code === 7027 || d.code === 7028);
        assert.deepEqual(hints.map(d => [d.code, d.severity, d.tags, d.message, d.range]), [
            [7028, 4, [1], 'Unused label.', rangeOf(uri, 'scan')],
            [7027, 4, [1], 'Unreachable code detected.', rangeOf(uri, 'console.log("not found");')],
        ]);

        // Ctrl+. on the label: VS Code sends the diagnostics under the cursor with the request
        const label = hints[0];
        const onLabel = await codeActions(uri, label.range, { only: ['quickfix'], diagnostics: [label] });
        const removeLabel = onLabel.find(a => a.title === 'Remove unused label');
        assert.ok(removeLabel, titles(onLabel));
        assert.equal(removeLabel.kind, 'quickfix');
        assert.equal(removeLabel.isPreferred, true);
        assert.deepEqual(removeLabel.diagnostics?.map(d => d.code), [7028], 'the fix names the hint it fixes');
        let after = await apply(uri, removeLabel);
        assert.equal(textOf(uri).split('\n')[1], '    for (const v of values) {');
        assert.deepEqual(after.map(d => d.code), [7027], 'only the unreachable code is left');

        const unreachable = after[0];
        const onCode = await codeActions(uri, unreachable.range, { only: ['quickfix'], diagnostics: [unreachable] });
        const removeCode = onCode.find(a => a.title === 'Remove unreachable code');
        assert.ok(removeCode, titles(onCode));
        assert.equal(removeCode.kind, 'quickfix');
        after = await apply(uri, removeCode);
        assert.equal(textOf(uri),
            'export function firstOver(limit: number, values: number[]): number {\n'
            + '    for (const v of values) {\n'
            + '        if (v > limit) return v;\n'
            + '    }\n'
            + '    return -1;\n'
            + '}\n');
        assert.deepEqual(after, []);
    });

    it("the quick fix on an `await` in a sync function adds 'async' and makes the return type a Promise", async () => {
        const opened = await open('load.ts',
            'declare function fetchText(url: string): Promise<string>;\n\n'
            + 'export function load(url: string): string {\n'
            + '    return await fetchText(url);\n'
            + '}\n');
        const { uri } = opened;
        const awaitError = opened.diagnostics.find(d => d.severity === 1);
        assert.ok(awaitError, `an error on the await: ${JSON.stringify(opened.diagnostics)}`);
        assert.equal(awaitError.code, 1308);
        assert.deepEqual(awaitError.range.start, rangeOf(uri, 'await').start);
        const found = await codeActions(uri, rangeOf(uri, 'await'), { only: ['quickfix'], diagnostics: [awaitError] });
        const fix = found.find(a => a.title === 'Add async modifier to containing function');
        assert.ok(fix, titles(found));
        assert.equal(fix.kind, 'quickfix');
        const after = await apply(uri, fix);
        assert.equal(textOf(uri).split('\n')[2], 'export async function load(url: string): Promise<string> {');
        assert.deepEqual(errors(after), []);
    });

    const IMPORTS = 'import { zip } from "zlib-lite";\n'
        + 'import { parse, unusedHelper } from "csv-kit";\n'
        + 'import { format } from "csv-kit";\n'
        + 'import gone from "left-pad";\n\n'
        + 'export const row = format(parse(zip("a,b")));\n';

    for (const [kind, returned, expected] of [
        ['source.sortImports', 'source.sortImports.ts',
            'import { format, parse, unusedHelper } from "csv-kit";\nimport gone from "left-pad";\nimport { zip } from "zlib-lite";\n\nexport const row = format(parse(zip("a,b")));\n'],
        ['source.removeUnusedImports.ts', 'source.removeUnusedImports.ts',
            'import { zip } from "zlib-lite";\nimport { parse } from "csv-kit";\nimport { format } from "csv-kit";\n\nexport const row = format(parse(zip("a,b")));\n'],
        ['source.organizeImports', 'source.organizeImports',
            'import { format, parse } from "csv-kit";\nimport { zip } from "zlib-lite";\n\nexport const row = format(parse(zip("a,b")));\n'],
    ] as const) {
        it(`on save with "${kind}": ${returned} applied as VS Code applies it`, async () => {
            const opened = await open(`imports-${kind}.ts`, IMPORTS);
            const kept = await onSave(opened.uri, kind, opened.diagnostics);
            assert.deepEqual(kept.map(a => a.kind), [returned], 'one action, of a kind VS Code keeps for this setting');
            assert.equal(textOf(opened.uri), expected);
            // saving again changes nothing
            const again = await codeActions(opened.uri, wholeDocument(opened.uri), { only: [kind], triggerKind: 2 });
            assert.deepEqual(keptByVsCode(again, [kind]).flatMap(a => editsOf(a.edit!, opened.uri)), [], 'a second save has nothing to do');
        });
    }

    it('on save with "source.fixAll.ts": every await outside an async function and the unreachable code fixed at once', async () => {
        const opened = await open('fixall.ts',
            'declare function first(): Promise<number>;\n'
            + 'declare function second(): Promise<number>;\n\n'
            + 'export function sum(): number {\n'
            + '    const a = await first();\n'
            + '    const b = await second();\n'
            + '    return a + b;\n'
            + '    console.log(a);\n'
            + '}\n');
        assert.deepEqual(errors(opened.diagnostics).map(e => e.split(' ')[0]), ['1308', '1308']);
        const kept = await onSave(opened.uri, 'source.fixAll.ts', opened.diagnostics);
        assert.deepEqual(kept.map(a => [a.kind, a.title]), [['source.fixAll.ts', 'Fix all']]);
        assert.equal(textOf(opened.uri),
            'declare function first(): Promise<number>;\n'
            + 'declare function second(): Promise<number>;\n\n'
            + 'export async function sum(): Promise<number> {\n'
            + '    const a = await first();\n'
            + '    const b = await second();\n'
            + '    return a + b;\n'
            + '}\n');
        const after = await change(opened.uri, textOf(opened.uri));
        assert.deepEqual(after, []);
    });

    it('on save with "source.fixAll" (VS Code\'s generic name) the same action is kept', async () => {
        const opened = await open('fixall-generic.ts', 'export function f() {\n    return 1;\n    f();\n}\n');
        const kept = await onSave(opened.uri, 'source.fixAll', opened.diagnostics);
        assert.deepEqual(kept.map(a => a.kind), ['source.fixAll.ts']);
        assert.equal(textOf(opened.uri), 'export function f() {\n    return 1;\n}\n');
    });

    it('on save with "source.removeUnused.ts": every unused declaration removed at once', async () => {
        const opened = await open('unused.ts',
            'import { used, spare } from "toolkit";\n'
            + 'import extra from "extra";\n'
            + 'function helper() {}\n'
            + 'export function scale(x: number, unusedLast: string) {\n'
            + '    const tmp = 1;\n'
            + '    return used(x);\n'
            + '}\n');
        assert.deepEqual(opened.diagnostics.map(d => [d.code, d.severity, d.tags, d.message]).sort(), [
            [6133, 4, [1], "'extra' is declared but its value is never read."],
            [6133, 4, [1], "'helper' is declared but its value is never read."],
            [6133, 4, [1], "'spare' is declared but its value is never read."],
            [6133, 4, [1], "'tmp' is declared but its value is never read."],
            [6133, 4, [1], "'unusedLast' is declared but its value is never read."],
        ], 'the unused hints before saving');
        const kept = await onSave(opened.uri, 'source.removeUnused.ts', opened.diagnostics);
        assert.deepEqual(kept.map(a => [a.kind, a.title]), [['source.removeUnused.ts', 'Remove all unused code']]);
        assert.equal(textOf(opened.uri),
            'import { used } from "toolkit";\n'
            + 'export function scale(x: number) {\n'
            + '    return used(x);\n'
            + '}\n');
        const after = await change(opened.uri, textOf(opened.uri));
        assert.deepEqual(after, []);
    });

    /** Completion invoked (Ctrl+Space) right after `/**` of the `/** *\/` VS Code closes it to; the item accepted. */
    async function acceptDocComment(name: string, before: string, after: string): Promise<{ text: string; cursor: number; item: CompletionItem }> {
        const { uri } = await open(name, before + '/** */' + after);
        const position = positionAt(lineStarts(textOf(uri)), before.length + 3);
        const list = await s.request<CompletionList | CompletionItem[]>(CompletionRequest.method,
            { textDocument: { uri }, position, context: { triggerKind: 1 } }, 'completion after /**');
        const items = Array.isArray(list) ? list : list.items;
        assert.deepEqual(items.map(i => i.label), ['/** */'], 'the doc comment template alone');
        const accepted = acceptedText(textOf(uri), items[0]);
        return { ...accepted, item: items[0] };
    }

    it('accepting the completion after `/**` writes the doc comment template, cursor on the description', async () => {
        const fn = 'export function add(a: number, b: number): number {\n    return a + b;\n}\n';
        const { text, cursor, item } = await acceptDocComment('doc.ts', '', '\n' + fn);
        assert.equal(item.insertTextFormat, 2, 'a snippet');
        assert.equal(text, '/**\n * \n * @param a\n * @param b\n * @returns\n */\n' + fn);
        assert.equal(text.slice(0, cursor), '/**\n * ', 'the cursor where the description goes');
    });

    it('accepting the doc comment template before an indented method keeps its indentation', async () => {
        const { text, cursor } = await acceptDocComment('doc-method.ts', 'export class Counter {\n    ', '\n    bump(by: number): void {}\n}\n');
        assert.equal(text, 'export class Counter {\n    /**\n     * \n     * @param by\n     */\n    bump(by: number): void {}\n}\n');
        assert.equal(text.slice(0, cursor), 'export class Counter {\n    /**\n     * ');
    });

    /** A resolved action's text edits by document, from `changes` or `documentChanges` (only text edits expected). */
    function editsByUri(resolved: CodeAction): Map<string, TextEdit[]> {
        const edited = new Map<string, TextEdit[]>();
        for (const [u, edits] of Object.entries(resolved.edit?.changes ?? {})) edited.set(u, edits);
        for (const d of resolved.edit?.documentChanges ?? []) {
            assert.ok('textDocument' in d, `only text edits: ${JSON.stringify(d)}`);
            edited.set(d.textDocument.uri, [...(edited.get(d.textDocument.uri) ?? []), ...(d.edits as TextEdit[])]);
        }
        return edited;
    }

    it('converts a default export to a named one through codeAction/resolve, and the closed importer with it', async () => {
        const { uri } = await open('greet.ts', GREET);
        const at = rangeOf(uri, 'greet');
        const found = await codeActions(uri, { start: at.start, end: at.start }, { only: ['refactor'] });
        const convert = found.find(a => a.title === 'Convert default export to named export');
        assert.ok(convert, titles(found));
        assert.equal(convert.kind, 'refactor.rewrite.export.named');
        assert.equal(convert.edit, undefined, 'offered without its edit: VS Code resolves the one the user picks');
        const resolved = await s.request<CodeAction>(CodeActionResolveRequest.method, convert, 'codeAction/resolve');
        // VS Code opens each file the edit names and applies its edits; the importer is read from disk
        const welcomeUri = `file://${path.join(dir, 'welcome.ts')}`;
        const edited = editsByUri(resolved);
        assert.deepEqual([...edited.keys()].sort(), [uri, welcomeUri].sort(), 'the module and its importer');
        assert.equal(applyEdits(readFileSync(path.join(dir, 'welcome.ts'), 'utf8'), edited.get(welcomeUri)!),
            'import { greet } from "./greet";\n\nexport const welcome = greet("you");\n');
        const diagnostics = await change(uri, applyEdits(textOf(uri), edited.get(uri)!));
        assert.equal(textOf(uri), 'export function greet(name: string): string {\n    return "hi " + name;\n}\n');
        assert.deepEqual(errors(diagnostics), []);
    });

    it('converts parameters to a destructured object through codeAction/resolve, every call with them (the closed file too)', async () => {
        const { uri } = await open('area.ts', AREA);
        const at = rangeOf(uri, 'width');
        const found = await codeActions(uri, { start: at.start, end: at.start }, { only: ['refactor.rewrite'] });
        const convert = found.find(a => a.title === 'Convert parameters to destructured object');
        assert.ok(convert, titles(found));
        assert.equal(convert.kind, 'refactor.rewrite.parameters.toDestructured');
        assert.equal(convert.edit, undefined, 'offered without its edit: the calls are found when VS Code resolves it');
        const resolved = await s.request<CodeAction>(CodeActionResolveRequest.method, convert, 'codeAction/resolve');
        const roomUri = `file://${path.join(dir, 'room.ts')}`;
        const edited = editsByUri(resolved);
        assert.deepEqual([...edited.keys()].sort(), [uri, roomUri].sort(), 'the function and the file calling it');
        assert.equal(applyEdits(readFileSync(path.join(dir, 'room.ts'), 'utf8'), edited.get(roomUri)!),
            'import { area } from "./area";\n\nconst width = 3;\nexport const room = area({ width, height: 4 });\n');
        const diagnostics = await change(uri, applyEdits(textOf(uri), edited.get(uri)!));
        assert.equal(textOf(uri), 'export function area({ width, height = 1 }: { width: number; height?: number; }): number {\n'
            + '    return width * height;\n}\nexport const unit = area({ width: 1 });\n');
        assert.deepEqual(errors(diagnostics), []);
    });

    it('shows reference and implementation counts as code lenses once the settings turn them on, counted across files', async () => {
        // the extension sends its settings on a change as it does when the user flips them
        await s.notify(DidChangeConfigurationNotification.method, configurationPayload({ referencesCodeLens: true, implementationsCodeLens: true }));
        const { uri } = await open('lens-lib.ts', LENS_LIB);
        const lenses = await s.request<CodeLens[]>(CodeLensRequest.method, { textDocument: { uri } }, 'codeLens');
        const lines = LENS_LIB.split('\n');
        const at = (l: CodeLens) => `${l.range.start.line}:${lines[l.range.start.line].slice(l.range.start.character, l.range.end.character)}`;
        assert.deepEqual(lenses.map(l => `${at(l)} ${l.command ? 'resolved' : 'unresolved'}`),
            ['0:Named unresolved', '0:Named unresolved', '1:name unresolved', '1:name unresolved', '3:Person unresolved', '4:name unresolved']);
        const titles: string[] = [];
        for (const lens of lenses) {
            const resolved = await s.request<CodeLens>(CodeLensResolveRequest.method, lens, 'codeLens/resolve');
            assert.equal(resolved.command?.command, 'arena-ls.showLocations', 'the command the extension registers');
            assert.equal((resolved.command?.arguments?.[2] as unknown[]).length, Number(resolved.command?.title.split(' ')[0]));
            titles.push(`${at(resolved)} ${resolved.command?.title}`);
        }
        // Named: the implements clause, the closed file's import and annotation; Person: the import and the `new`;
        // Named.name and Person.name: each other (typescript@6.0.3's references of either are both declarations)
        assert.deepEqual(titles, ['0:Named 3 references', '0:Named 1 implementation', '1:name 1 reference', '1:name 1 implementation',
            '3:Person 2 references', '4:name 1 reference']);
    });

    it('converts an && chain in a test to an optional chain from the refactor menu', async () => {
        const { uri } = await open('chain.ts', 'declare const user: { profile?: { load(): boolean } } | undefined;\n'
            + 'export function ready(): boolean {\n    if (user && user.profile && user.profile.load()) return true;\n    return false;\n}\n');
        const at = rangeOf(uri, 'user.profile &&');
        const found = await codeActions(uri, { start: at.start, end: at.start }, { only: ['refactor.rewrite'] });
        const chain = found.find(a => a.title === 'Convert to optional chain expression');
        assert.ok(chain, titles(found));
        assert.equal(chain.kind, 'refactor.rewrite.expression.optionalChain');
        const diagnostics = await apply(uri, chain);
        assert.ok(textOf(uri).includes('    if (user?.profile?.load()) return true;\n'), textOf(uri));
        assert.deepEqual(errors(diagnostics), []);
    });

    it('extracts a constant value to module scope, offered beside the enclosing scope', async () => {
        const { uri } = await open('timeout.ts', 'const SECOND = 1000;\nexport function wait(): number {\n    return 30 * SECOND;\n}\n');
        const found = await codeActions(uri, rangeOf(uri, '30 * SECOND'), { only: ['refactor.extract'] });
        assert.deepEqual(found.filter(a => a.kind === 'refactor.extract.constant').map(a => a.title),
            ['Extract to constant in enclosing scope', 'Extract to constant in module scope']);
        const diagnostics = await apply(uri, found.find(a => a.title === 'Extract to constant in module scope')!);
        assert.equal(textOf(uri), 'const SECOND = 1000;\nconst newLocal = 30 * SECOND;\n\nexport function wait(): number {\n    return newLocal;\n}\n');
        assert.deepEqual(errors(diagnostics), []);
    });

    it('typing the second `*` of `/**` asks for completion with `*` and gets only the template', async () => {
        const { uri } = await open('star.ts', '/** */\nexport function twice(n: number): number { return n * 2; }\n');
        const list = await s.request<CompletionList>(CompletionRequest.method, {
            textDocument: { uri }, position: { line: 0, character: 3 }, context: { triggerKind: 2, triggerCharacter: '*' },
        }, 'completion after /**');
        assert.equal(list.items.length, 1, JSON.stringify(list.items.map(i => i.label)));
        const times = await s.request<CompletionList>(CompletionRequest.method, {
            textDocument: { uri }, position: rangeOf(uri, 'n *').end, context: { triggerKind: 2, triggerCharacter: '*' },
        }, 'completion after a multiplication');
        assert.deepEqual(times.items, []);
    });

    it("implements an interface's missing members from the quick fix on the class", async () => {
        const { uri } = await open('shape.ts', 'interface Shape {\n    name: string;\n    area(): number;\n}\n'
            + 'export class Square implements Shape {\n    name = "square";\n}\n');
        const at = rangeOf(uri, 'Square');
        const found = await codeActions(uri, { start: at.start, end: at.start }, { only: ['quickfix'] });
        const fix = found.find(a => a.title === "Implement interface 'Shape'");
        assert.ok(fix, titles(found));
        const diagnostics = await apply(uri, fix);
        assert.equal(textOf(uri), 'interface Shape {\n    name: string;\n    area(): number;\n}\nexport class Square implements Shape {\n'
            + '    area(): number {\n        throw new Error("Method not implemented.");\n    }\n    name = "square";\n}\n');
        assert.deepEqual(errors(diagnostics), []);
    });

    it('converts a const holding an arrow function to a function declaration', async () => {
        const { uri } = await open('double.ts', 'export const double = (n: number): number => n * 2;\n');
        const at = rangeOf(uri, 'double');
        const found = await codeActions(uri, { start: at.start, end: at.start }, { only: ['refactor.rewrite'] });
        const named = found.find(a => a.title === 'Convert to named function');
        assert.ok(named, titles(found));
        assert.equal(named.kind, 'refactor.rewrite.function.named');
        const diagnostics = await apply(uri, named);
        assert.equal(textOf(uri), 'export function double(n: number): number { return n * 2; }\n');
        assert.deepEqual(errors(diagnostics), []);
    });

    it('hover on an enum member shows its value as TypeScript computes it', async () => {
        const { uri } = await open('flags.ts',
            'export enum Flag { None = 0, A = 1 << 0, B = 1 << 1, AB = A | B }\n'
            + 'export const both = Flag.AB;\n');
        const hover = await s.request<Hover | null>(HoverRequest.method, { textDocument: { uri }, position: rangeOf(uri, 'AB', 1).start }, 'hover on Flag.AB');
        assert.ok(hover, 'a hover');
        const contents = hover.contents as MarkupContent;
        assert.equal(contents.kind, 'markdown');
        assert.equal(contents.value.split('\n').slice(0, 3).join('\n'), '```typescript\n(enum member) Flag.AB = 3\n```');
        assert.deepEqual(hover.range, rangeOf(uri, 'AB', 1));
    });
});
