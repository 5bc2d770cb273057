// Assistance through the real server jar over stdio (vscode-jsonrpc / vscode-languageserver-protocol):
// unused code pushed as greyed-out hints (Hint + Unnecessary), signature help across files with the
// @param JSDoc, parameter-name inlay hints, and code actions applied to the text as VS Code applies a
// WorkspaceEdit: the quick fix that removes an unused declaration, organize imports, a syntax fix.
// Fixtures: server/src/test/resources/assist.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
    CodeAction,
    CodeActionRequest,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    InitializedNotification,
    InitializeRequest,
    InitializeResult,
    InlayHint,
    InlayHintRequest,
    MarkupContent,
    SignatureHelp,
    SignatureHelpRequest,
    TextEdit,
} from 'vscode-languageserver-protocol';
import { resolveServerCommand } from '../src/launch';
import { applyEdits, editsOf } from './edits';
import { hasServerJar, serverJar, Session, WAIT_MS } from './session';

const skip = hasServerJar() ? false : `no server jar at ${serverJar()} (build it, or set ARENA_LS_JAR)`;
const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'server', 'src', 'test', 'resources', 'assist');
const uriOf = (name: string) => `file://${FIXTURES}/${name}`;
const APP = uriOf('app.ts');
const LIB = uriOf('lib.ts');
const text = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

/** What vscode-languageclient 9.0.1 declares for these features. */
const CLIENT_CAPABILITIES = {
    general: { positionEncodings: ['utf-16'] },
    textDocument: {
        synchronization: { dynamicRegistration: true, didSave: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: false, tagSupport: { valueSet: [1, 2] } },
        signatureHelp: {
            dynamicRegistration: true,
            signatureInformation: { documentationFormat: ['markdown', 'plaintext'], parameterInformation: { labelOffsetSupport: true }, activeParameterSupport: true },
            contextSupport: true,
        },
        inlayHint: { dynamicRegistration: true, resolveSupport: { properties: ['tooltip', 'textEdits', 'label.tooltip', 'label.location', 'label.command'] } },
        codeAction: {
            dynamicRegistration: true,
            isPreferredSupport: true,
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.organizeImports'] } },
        },
    },
    workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } },
};

describe('assistance: unused hints, signature help, inlay hints, code actions over stdio', { skip, timeout: 10 * WAIT_MS }, () => {
    let s: Session;
    let app = text('app.ts');
    let version = 1;

    before(async () => {
        const command = await resolveServerCommand({ serverPath: serverJar(), javaOpts: [] }, FIXTURES);
        s = Session.start(command.command, command.args);
    });
    after(() => s?.kill());

    it('initializes with signature help, inlay hints and code actions', async () => {
        const result = await s.request<InitializeResult>(InitializeRequest.method, {
            processId: process.pid,
            clientInfo: { name: 'arena-ls assist test' },
            rootUri: `file://${FIXTURES}`,
            workspaceFolders: [{ uri: `file://${FIXTURES}`, name: 'assist' }],
            capabilities: CLIENT_CAPABILITIES,
            trace: 'off',
        }, 'initialize');
        await s.notify(InitializedNotification.method, {});
        const c = result.capabilities;
        assert.deepEqual(c.signatureHelpProvider?.triggerCharacters, ['(', ',']);
        assert.deepEqual(c.signatureHelpProvider?.retriggerCharacters, [')']);
        assert.ok(c.inlayHintProvider);
        const kinds = typeof c.codeActionProvider === 'object' ? c.codeActionProvider.codeActionKinds : undefined;
        assert.deepEqual(kinds, ['quickfix', 'source.organizeImports', 'source.addMissingImports.ts', 'source.sortImports.ts', 'source.removeUnusedImports.ts',
            'source.fixAll.ts', 'source.removeUnused.ts',
            'refactor.extract.constant', 'refactor.extract.function', 'refactor.rewrite.arrow.braces.add', 'refactor.rewrite.arrow.braces.remove', 'refactor.inline.variable', 'refactor.rewrite.string',
            'refactor.rewrite.import.named', 'refactor.rewrite.import.namespace',
            'refactor.rewrite.function.arrow', 'refactor.rewrite.function.anonymous',
            'refactor.extract.type', 'refactor.extract.interface', 'refactor.move.newFile',
            'refactor.rewrite.property.generateAccessors', 'refactor.rewrite.export.named', 'refactor.rewrite.export.default', 'refactor.rewrite.parameters.toDestructured',
            'refactor.rewrite.expression.optionalChain', 'refactor.rewrite.function.named']);
        // converting an export edits its importers when VS Code resolves the action
        assert.equal(typeof c.codeActionProvider === 'object' && c.codeActionProvider.resolveProvider, true);
    });

    it('pushes the unused import and local as Hint + Unnecessary, never as errors', async () => {
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri: LIB, languageId: 'typescript', version: 1, text: text('lib.ts') } });
        await s.diagnostics(LIB, () => true, 'diagnostics of lib.ts');
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri: APP, languageId: 'typescript', version: 1, text: app } });
        const p = await s.diagnostics(APP, () => true, 'diagnostics of app.ts');
        assert.deepEqual(p.diagnostics.map(d => [d.range.start.line, d.severity, d.tags, d.code, d.message]), [
            [0, 4, [1], 6133, "'VAT' is declared but its value is never read."],
            [4, 4, [1], 6133, "'label' is declared but its value is never read."],
        ]);
    });

    it('gives signature help for a function imported from another file, with its @param', async () => {
        const line = app.split('\n')[4];
        const help = await s.request<SignatureHelp | null>(SignatureHelpRequest.method, {
            textDocument: { uri: APP }, position: { line: 4, character: line.indexOf('"USD"') },
            context: { triggerKind: 2, triggerCharacter: ',', isRetrigger: false },
        });
        assert.ok(help, 'signature help');
        assert.equal(help.signatures.length, 1);
        const sig = help.signatures[0];
        // a parameter with a default shows as optional with its type, as TypeScript's signature help does
        assert.equal(sig.label, 'formatPrice(amount: number, currency?: string): string');
        assert.equal(help.activeParameter, 1);
        const [start, end] = sig.parameters![1].label as [number, number];
        assert.equal(sig.label.slice(start, end), 'currency?: string');
        assert.match((sig.parameters![1].documentation as MarkupContent).value, /an ISO 4217 code/);
        assert.equal((sig.documentation as MarkupContent).value, 'Formats a price.');
    });

    it('shows parameter names before literal arguments', async () => {
        const hints = await s.request<InlayHint[]>(InlayHintRequest.method, {
            textDocument: { uri: APP }, range: { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } },
        });
        assert.deepEqual(hints.map(h => [h.position.line, app.split('\n')[h.position.line].slice(h.position.character, h.position.character + 5), h.label, h.kind]), [
            [4, '"USD"', 'currency:', 2],
            [5, '1999)', 'amount:', 2],
        ]);
    });

    async function actions(line: number, character: number, only?: string[], endCharacter = character): Promise<CodeAction[]> {
        return s.request<CodeAction[]>(CodeActionRequest.method, {
            textDocument: { uri: APP },
            range: { start: { line, character }, end: { line, character: endCharacter } },
            context: { diagnostics: [], ...(only ? { only } : {}) },
        });
    }

    async function applyAndSync(action: CodeAction): Promise<void> {
        const edits = editsOf(action.edit!, APP);
        const next = applyEdits(app, edits);
        version++;
        await s.notify(DidChangeTextDocumentNotification.method, { textDocument: { uri: APP, version }, contentChanges: [{ text: next }] });
        app = next;
    }

    it('removes the unused local with its line (quick fix)', async () => {
        const found = await actions(4, app.split('\n')[4].indexOf('label'));
        const fix = found.find(a => a.title === "Remove unused declaration for: 'label'");
        assert.ok(fix, JSON.stringify(found.map(a => a.title)));
        assert.equal(fix.kind, 'quickfix');
        await applyAndSync(fix);
        assert.equal(app.split('\n')[4], '  return formatPrice(1999) + items.join();');
    });

    it('organizes the imports: the unused one goes, and then there is nothing left to report', async () => {
        const [organize] = await actions(0, 0, ['source.organizeImports']);
        assert.equal(organize.kind, 'source.organizeImports');
        await applyAndSync(organize);
        assert.equal(app, 'import { formatPrice } from "./lib";\n\nexport function total(items: number[]): string {\n  return formatPrice(1999) + items.join();\n}\n');
        const p = await s.diagnostics(APP, d => d.version === version, 'diagnostics after organizing');
        assert.deepEqual(p.diagnostics, []);
    });

    it('fixes a missing ) with one edit', async () => {
        const broken = app.replace('formatPrice(1999)', 'formatPrice(1999');
        version++;
        await s.notify(DidChangeTextDocumentNotification.method, { textDocument: { uri: APP, version }, contentChanges: [{ text: broken }] });
        app = broken;
        const p = await s.diagnostics(APP, d => d.version === version, 'diagnostics of the broken text');
        assert.ok(p.diagnostics.some(d => d.severity === 1), JSON.stringify(p.diagnostics));
        const error = p.diagnostics.find(d => d.severity === 1)!;
        const found = await actions(error.range.start.line, error.range.start.character, ['quickfix']);
        const fix = found.find(a => a.title === "Insert missing ')'");
        assert.ok(fix, JSON.stringify(found.map(a => a.title)));
        await applyAndSync(fix);
        // the parser reads `formatPrice(1999 + items.join();` as the call's `)` missing before the `;`
        assert.equal(app.split('\n')[3], '  return formatPrice(1999 + items.join());');
        const fixed = await s.diagnostics(APP, d => d.version === version, 'diagnostics after the fix');
        assert.deepEqual(fixed.diagnostics, []);
    });

    it('extracts a selected expression to a constant before its statement (refactor)', async () => {
        const line = app.split('\n')[3];
        const start = line.indexOf('items.join()');
        const found = await actions(3, start, ['refactor'], start + 'items.join()'.length);
        const extract = found.find(a => a.title === 'Extract to constant in enclosing scope');
        assert.ok(extract, JSON.stringify(found.map(a => a.title)));
        assert.equal(extract.kind, 'refactor.extract.constant');
        await applyAndSync(extract);
        assert.deepEqual(app.split('\n').slice(3, 5), ['  const newLocal = items.join();', '  return formatPrice(1999 + newLocal);']);
        const p = await s.diagnostics(APP, d => d.version === version, 'diagnostics after extracting');
        assert.deepEqual(p.diagnostics, []);
    });

    it('extracts a selected type to a type alias before its statement (refactor)', async () => {
        const lines = app.split('\n');
        const at = lines.findIndex(l => l.includes('items: number[]'));
        const start = lines[at].indexOf('number[]');
        const found = await actions(at, start, ['refactor.extract'], start + 'number[]'.length);
        const extract = found.find(a => a.title === 'Extract to type alias');
        assert.ok(extract, JSON.stringify(found.map(a => a.title)));
        assert.equal(extract.kind, 'refactor.extract.type');
        await applyAndSync(extract);
        const after = app.split('\n');
        assert.deepEqual(after.slice(at, at + 3), ['type NewType = number[];', '', 'export function total(items: NewType): string {']);
        const p = await s.diagnostics(APP, d => d.version === version, 'diagnostics after extracting the type');
        assert.deepEqual(p.diagnostics, []);
    });

    it('moves a declaration to a new file with the imports it needs (refactor.move.newFile)', async () => {
        const lines = app.split('\n');
        const at = lines.findIndex(l => l.startsWith('export function total'));
        const found = await actions(at, lines[at].indexOf('total'), ['refactor.move']);
        const move = found.find(a => a.title === 'Move to a new file');
        assert.ok(move, JSON.stringify(found.map(a => a.title)));
        assert.equal(move.kind, 'refactor.move.newFile');
        const changes = move.edit!.documentChanges!;
        const create = changes[0] as { kind: string, uri: string };
        assert.equal(create.kind, 'create');
        assert.ok(create.uri.endsWith('/total.ts'), create.uri);
        const created = changes[1] as { textDocument: { uri: string }, edits: { newText: string }[] };
        assert.equal(created.textDocument.uri, create.uri);
        const newText = created.edits[0].newText;
        assert.ok(newText.includes('import { formatPrice } from "./lib";'), newText);
        assert.ok(newText.includes('import type { NewType } from "./app";'), newText);
        assert.ok(newText.includes('export function total(items: NewType): string {'), newText);
        // the old file keeps exporting total, from the new file, and exports the alias the new file reads
        const kept = changes[2] as { textDocument: { uri: string }, edits: TextEdit[] };
        assert.equal(kept.textDocument.uri, APP);
        const after = applyEdits(app, kept.edits);
        assert.ok(after.includes('export { total } from "./total";'), after);
        assert.ok(after.includes('export type NewType = number[];'), after);
        assert.ok(!after.includes('function total'), after);
    });
});
