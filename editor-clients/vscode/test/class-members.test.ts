// Members of classes and interfaces across the files of a small TSX project, over stdio against the
// real jar, as a VS Code user reaches them: an interface method and the classes implementing it as one
// member (one of those classes in a file no editor has open), a constructor parameter property used in
// another file, the props of an imported JSX component, which members completion offers by visibility,
// and definitions through instanceof, a method returning `this`, a type parameter's constraint and an
// array pattern. Every expected answer is typescript@6.0.3's language service on the same files.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
    CompletionItem,
    CompletionItemKind,
    CompletionList,
    CompletionRequest,
    DefinitionRequest,
    DidOpenTextDocumentNotification,
    Hover,
    HoverRequest,
    InitializedNotification,
    InitializeRequest,
    Location,
    LocationLink,
    MarkupContent,
    Position,
    ReferencesRequest,
    RenameRequest,
    SymbolInformation,
    TextDocumentEdit,
    TextEdit,
    WorkspaceEdit,
    WorkspaceSymbol,
    WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol';
import { resolveServerCommand } from '../src/launch';
import { applyEdits } from './edits';
import { hasServerJar, serverJar, Session, WAIT_MS } from './session';

const skip = hasServerJar() ? false : `no server jar at ${serverJar()} (build it, or set ARENA_LS_JAR)`;

const FILES: Record<string, string> = {
    'tsconfig.json': '{ "compilerOptions": { "strict": true, "target": "es2022", "module": "esnext", "moduleResolution": "bundler", "jsx": "preserve" }, "include": ["src"] }\n',
    'src/shapes.ts': [
        'export interface Shape {',
        '  area(): number;',
        '}',
        '',
        'export class Circle implements Shape {',
        '  constructor(public radius: number) {}',
        '  area(): number { return Math.PI * this.radius ** 2; }',
        '}',
        ''].join('\n'),
    // never opened: the workspace index alone knows it
    'src/square.ts': [
        'import { Shape } from "./shapes";',
        '',
        'export class Square implements Shape {',
        '  constructor(public side: number) {}',
        '  area(): number { return this.side * this.side; }',
        '  scale(k: number): this { this.side *= k; return this; }',
        '}',
        ''].join('\n'),
    // never opened either
    'src/account.ts': [
        'export class Account {',
        '  private balance = 0;',
        '  protected audit(): void {}',
        '  constructor(public owner: string) {}',
        '  deposit(n: number): void { this.balance += n; this.audit(); }',
        '}',
        ''].join('\n'),
    'src/Button.tsx': [
        'export interface ButtonProps {',
        '  label: string;',
        '  disabled?: boolean;',
        '  onPress?: () => void;',
        '}',
        '',
        'export function Button(props: ButtonProps) {',
        '  return <button disabled={props.disabled}>{props.label}</button>;',
        '}',
        ''].join('\n'),
    'src/app.tsx': [
        'import { Circle, Shape } from "./shapes";',
        'import { Square } from "./square";',
        'import { Account } from "./account";',
        'import { Button } from "./Button";',
        '',
        'function total<T extends Shape>(s: T): number { return s.area(); }',
        '',
        'function describe(s: Shape): number {',
        '  if (s instanceof Square) return s.side;',
        '  return s.area();',
        '}',
        '',
        'const circle = new Circle(2);',
        'const size = circle.radius + circle.area();',
        'const sq = new Square(1).scale(2).scale(3);',
        'const circles: Circle[] = [circle];',
        'const [first] = circles;',
        'const sum = total(sq) + describe(first) + first.radius + sq.side;',
        '',
        'class Ledger {',
        '  private entries: number[] = [];',
        '  protected count = 0;',
        '  add(n: number): void { this.entries.push(n); this.count++; }',
        '}',
        '',
        'const account = new Account("ann");',
        'const ledger = new Ledger();',
        'account.deposit(size + sum);',
        'ledger.add(1);',
        '',
        'export const ok = <Button label="ok" disabled />;',
        ''].join('\n'),
};

/** `file:line:character` of a location, as the expectations are written. */
const short = (uri: string, p: Position) => `${uri.slice(uri.lastIndexOf('/') + 1)}:${p.line}:${p.character}`;

/** The position `offset` characters into the first `marker` of `source`. */
function at(source: string, marker: string, offset = 0): Position {
    const i = source.indexOf(marker);
    assert.ok(i >= 0, marker);
    const before = source.slice(0, i + offset);
    return { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) };
}

describe('class and interface members across the files of a TSX project, over stdio', { skip, timeout: 10 * WAIT_MS }, () => {
    let s: Session;
    let dir: string;
    const uriOf = (name: string) => `file://${dir}/src/${name}`;
    const opened: Record<string, number> = { 'shapes.ts': 3, 'Button.tsx': 1, 'app.tsx': 7 };

    before(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'arena-ls-class-members-'));
        mkdirSync(path.join(dir, 'src'));
        for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(dir, name), text);
        const command = await resolveServerCommand({ serverPath: serverJar(), javaOpts: [] }, dir);
        s = Session.start(command.command, command.args);
        await s.request(InitializeRequest.method, {
            processId: process.pid,
            rootUri: `file://${dir}`,
            workspaceFolders: [{ uri: `file://${dir}`, name: 'class-members' }],
            capabilities: {
                textDocument: { hover: { contentFormat: ['markdown'] }, rename: { prepareSupport: true } },
                workspace: { workspaceEdit: { documentChanges: true }, symbol: {} },
            },
        }, 'initialize');
        await s.notify(InitializedNotification.method, {});
        const deadline = Date.now() + WAIT_MS;
        for (;;) { // the index is built in the background: wait for the two files nobody opens
            const square = await s.request<(SymbolInformation | WorkspaceSymbol)[]>(WorkspaceSymbolRequest.method, { query: 'Square' });
            const account = await s.request<(SymbolInformation | WorkspaceSymbol)[]>(WorkspaceSymbolRequest.method, { query: 'Account' });
            if (square.some(f => f.name === 'Square') && account.some(f => f.name === 'Account')) break;
            assert.ok(Date.now() < deadline, `the index never held Square and Account\n${s.log()}`);
            await new Promise(r => setTimeout(r, 50));
        }
        for (const [name, version] of Object.entries(opened)) {
            const languageId = name.endsWith('.tsx') ? 'typescriptreact' : 'typescript';
            await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri: uriOf(name), languageId, version, text: FILES[`src/${name}`] } });
        }
    });
    after(() => {
        s?.kill();
        if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const app = FILES['src/app.tsx'];
    const shapes = FILES['src/shapes.ts'];

    async function references(name: string, position: Position): Promise<string[]> {
        const refs = await s.request<Location[]>(ReferencesRequest.method,
            { textDocument: { uri: uriOf(name) }, position, context: { includeDeclaration: true } });
        return refs.map(l => short(l.uri, l.range.start)).sort();
    }

    /** Each edit of a rename as `file:line:character newText`, and the texts after it, by file. */
    async function rename(name: string, position: Position, newName: string): Promise<{ edits: string[]; after: Map<string, string> }> {
        const edit = await s.request<WorkspaceEdit>(RenameRequest.method, { textDocument: { uri: uriOf(name) }, position, newName });
        const edits: string[] = [];
        const after = new Map<string, string>();
        for (const change of edit.documentChanges ?? []) {
            const d = change as TextDocumentEdit;
            const file = d.textDocument.uri.slice(d.textDocument.uri.lastIndexOf('/') + 1);
            assert.equal(d.textDocument.version ?? null, opened[file] ?? null, `${file}: the open document's version, null for a closed file`);
            for (const e of d.edits as TextEdit[]) edits.push(`${short(d.textDocument.uri, e.range.start)} ${e.newText}`);
            after.set(file, applyEdits(FILES[`src/${file}`], d.edits as TextEdit[]));
        }
        return { edits: edits.sort(), after };
    }

    async function definition(position: Position): Promise<string[]> {
        const defs = await s.request<(Location | LocationLink)[]>(DefinitionRequest.method, { textDocument: { uri: uriOf('app.tsx') }, position });
        return defs.map(d => ('targetUri' in d ? short(d.targetUri, d.targetSelectionRange.start) : short(d.uri, d.range.start)));
    }

    async function completion(name: string, position: Position): Promise<CompletionItem[]> {
        const list = await s.request<CompletionList | CompletionItem[]>(CompletionRequest.method, { textDocument: { uri: uriOf(name) }, position });
        return Array.isArray(list) ? list : list.items;
    }
    const labels = (items: CompletionItem[]) => items.map(i => i.label).sort();

    // typescript@6.0.3: getReferencesAtPosition and findRenameLocations give these six from either declaration
    const AREA = ['app.tsx:13:36', 'app.tsx:5:57', 'app.tsx:9:11', 'shapes.ts:1:2', 'shapes.ts:6:2', 'square.ts:4:2'];

    it('finds an interface method, its implementations (one in a closed file) and their uses as one member', async () => {
        assert.deepEqual(await references('shapes.ts', at(shapes, 'area(): number;')), AREA, 'from the interface');
        assert.deepEqual(await references('shapes.ts', at(shapes, 'area(): number {')), AREA, 'from class Circle');
        assert.deepEqual(await references('app.tsx', at(app, 's.area(); }', 2)), AREA, 'from a use through a constrained type parameter');
    });

    it('renames an interface method with every implementation, the closed file\'s included', async () => {
        for (const [name, source, marker] of [['shapes.ts', shapes, 'area(): number;'], ['shapes.ts', shapes, 'area(): number {']]) {
            const { edits, after } = await rename(name, at(source, marker), 'size');
            assert.deepEqual(edits, AREA.map(l => `${l} size`), `from ${marker}`);
            assert.equal(after.get('square.ts'), FILES['src/square.ts'].replace('  area()', '  size()'));
            assert.equal(after.get('shapes.ts'), shapes.replace('  area(): number;', '  size(): number;').replace('  area(): number {', '  size(): number {'));
        }
    });

    // the parameter, this.radius in Circle, and circle.radius, first.radius in app.tsx
    const RADIUS = ['app.tsx:13:20', 'app.tsx:17:48', 'shapes.ts:5:21', 'shapes.ts:6:41'];

    it('finds a constructor parameter property and its uses in another file, from the parameter and from a use', async () => {
        assert.deepEqual(await references('shapes.ts', at(shapes, 'public radius', 7)), RADIUS, 'from the parameter');
        assert.deepEqual(await references('app.tsx', at(app, 'circle.radius', 7)), RADIUS, 'from circle.radius');
    });

    it('renames a constructor parameter property across files, from the parameter and from a use', async () => {
        for (const [name, source, marker, offset] of [['shapes.ts', shapes, 'public radius', 7], ['app.tsx', app, 'circle.radius', 7]] as const) {
            const { edits, after } = await rename(name, at(source, marker, offset), 'r');
            assert.deepEqual(edits, RADIUS.map(l => `${l} r`), `from ${marker}`);
            assert.equal(after.get('shapes.ts'), shapes.replace('public radius', 'public r').replace('this.radius', 'this.r'));
            assert.equal(after.get('app.tsx'), app.replace('circle.radius', 'circle.r').replace('first.radius', 'first.r'));
        }
    });

    it('completes the props of an imported component not yet written, and hovers an attribute as its prop', async () => {
        // <Button label="ok" disabled |/>: typescript@6.0.3 offers onPress only
        const items = await completion('app.tsx', at(app, 'disabled />', 9));
        const props = items.filter(i => i.kind === CompletionItemKind.Property || i.kind === CompletionItemKind.Field);
        assert.deepEqual(labels(props), ['onPress'], labels(items).join(', '));
        const hover = await s.request<Hover>(HoverRequest.method, { textDocument: { uri: uriOf('app.tsx') }, position: at(app, 'label="ok"', 1) });
        assert.match((hover.contents as MarkupContent).value, /\(property\) ButtonProps\.label: string/);
    });

    it('offers no private member of an imported class after the dot', async () => {
        // account.|deposit: the private balance is not offered (TS2341 outside Account), the public members are
        const got = labels(await completion('app.tsx', at(app, 'account.deposit', 8)));
        assert.ok(!got.includes('balance'), got.join(', '));
        assert.ok(got.includes('deposit') && got.includes('owner'), got.join(', '));
    });

    // the other file's summary marks protected members (a subclass there may read them): not offered outside one
    it('offers no private or protected member of an imported class after the dot', async () => {
        // account.|deposit: typescript@6.0.3 offers deposit and owner; balance is private, audit protected
        assert.deepEqual(labels(await completion('app.tsx', at(app, 'account.deposit', 8))), ['deposit', 'owner']);
    });

    it('offers a class\'s private and protected members inside it only', async () => {
        // ledger.|add outside Ledger: add only; this.|count inside: add, count, entries
        assert.deepEqual(labels(await completion('app.tsx', at(app, 'ledger.add', 7))), ['add']);
        assert.deepEqual(labels(await completion('app.tsx', at(app, 'this.count', 5))), ['add', 'count', 'entries']);
    });

    it('goes to members through instanceof, a method returning this, a constraint and an array pattern', async () => {
        assert.deepEqual(await definition(at(app, 's.side', 2)), ['square.ts:3:21'], 'if (s instanceof Square) s.side');
        assert.deepEqual(await definition(at(app, 'scale(3)')), ['square.ts:5:2'], 'new Square(1).scale(2).scale');
        assert.deepEqual(await definition(at(app, 'sq.side', 3)), ['square.ts:3:21'], 'sq = …scale(3): sq.side');
        assert.deepEqual(await definition(at(app, 's.area(); }', 2)), ['shapes.ts:1:2'], '<T extends Shape>(s: T): s.area');
        assert.deepEqual(await definition(at(app, 'first.radius', 6)), ['shapes.ts:5:21'], 'const [first] = circles (a Circle[]): first.radius');
    });
});
