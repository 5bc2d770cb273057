// "Format Document", "Format Selection" and format-on-type as VS Code asks them: the real server jar
// over stdio with vscode-languageserver-protocol, the edits applied as VS Code applies them. Each
// expected text is what TypeScript's own formatter makes of the source (test-fixtures/format/format-oracle.mjs).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
    DidOpenTextDocumentNotification,
    DocumentFormattingRequest,
    DocumentOnTypeFormattingRequest,
    DocumentRangeFormattingRequest,
    InitializedNotification,
    InitializeRequest,
    InitializeResult,
    TextEdit,
} from 'vscode-languageserver-protocol';
import { resolveServerCommand } from '../src/launch';
import { applyEdits } from './edits';
import { hasServerJar, serverJar, Session, WAIT_MS } from './session';

const skip = hasServerJar() ? false : `no server jar at ${serverJar()} (build it, or set ARENA_LS_JAR)`;
const ROOT = path.resolve(__dirname, 'workspace');

const MESSY = [
    'class Queue<T> {',
    '  private items: T[] = [];',
    '      push(item: T) {',
    '  this.items.push( item );',
    '      if(this.items.length>10){this.items.shift()}',
    '  }',
    '}',
    '',
].join('\n');

const FORMATTED = [
    'class Queue<T> {',
    '    private items: T[] = [];',
    '    push(item: T) {',
    '        this.items.push(item);',
    '        if (this.items.length > 10) { this.items.shift() }',
    '    }',
    '}',
    '',
].join('\n');

describe('formatting over stdio', { skip, timeout: 10 * WAIT_MS }, () => {
    let s: Session;
    let capabilities: InitializeResult['capabilities'];
    let opened = 0;

    async function open(text: string): Promise<string> {
        const uri = `file://${ROOT}/src/format${opened++}.ts`;
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId: 'typescript', version: 1, text } });
        return uri;
    }

    before(async () => {
        const command = await resolveServerCommand({ serverPath: serverJar(), javaOpts: [] }, ROOT);
        s = Session.start(command.command, command.args);
        const init = await s.request<InitializeResult>(InitializeRequest.method, {
            processId: process.pid,
            rootUri: `file://${ROOT}`,
            capabilities: { textDocument: { formatting: {}, rangeFormatting: {}, onTypeFormatting: {} } },
        }, 'initialize');
        capabilities = init.capabilities;
        await s.notify(InitializedNotification.method, {});
    });
    after(() => s?.kill());

    it('declares document, range and on-type formatting', () => {
        assert.equal(capabilities.documentFormattingProvider, true);
        assert.equal(capabilities.documentRangeFormattingProvider, true);
        assert.deepEqual(capabilities.documentOnTypeFormattingProvider, { firstTriggerCharacter: ';', moreTriggerCharacter: ['}', '\n'] });
    });

    it('Format Document gives the text TypeScript gives', async () => {
        const uri = await open(MESSY);
        const edits = await s.request<TextEdit[]>(DocumentFormattingRequest.method, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
        assert.equal(applyEdits(MESSY, edits), FORMATTED);
    });

    it('Format Selection changes only the selected lines', async () => {
        const uri = await open(MESSY);
        const edits = await s.request<TextEdit[]>(DocumentRangeFormattingRequest.method, {
            textDocument: { uri }, options: { tabSize: 4, insertSpaces: true },
            range: { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } },
        });
        const lines = MESSY.split('\n');
        lines[3] = FORMATTED.split('\n')[3];
        assert.equal(applyEdits(MESSY, edits), lines.join('\n'));
    });

    it('typing `;` formats the statement it ends', async () => {
        const uri = await open(MESSY);
        const edits = await s.request<TextEdit[]>(DocumentOnTypeFormattingRequest.method, {
            textDocument: { uri }, options: { tabSize: 4, insertSpaces: true }, position: { line: 3, character: 26 }, ch: ';',
        });
        const lines = MESSY.split('\n');
        lines[3] = FORMATTED.split('\n')[3];
        assert.equal(applyEdits(MESSY, edits), lines.join('\n'));
    });
});
