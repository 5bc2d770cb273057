// Protocol manners (issue 23) as vscode-jsonrpc sees them: the error codes its ResponseError
// carries, $/ methods, workspace folder changes, and a session that leaves stderr empty (Neovim
// records every stderr line as an error; information goes out as window/logMessage).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ErrorCodes, ResponseError } from 'vscode-jsonrpc';
import {
    DidChangeWorkspaceFoldersNotification,
    DidOpenTextDocumentNotification,
    DocumentSymbolRequest,
    ExitNotification,
    InitializedNotification,
    InitializeRequest,
    LogMessageNotification,
    LogMessageParams,
    ShutdownRequest,
    WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol';
import { resolveServerCommand } from '../src/launch';
import { hasServerJar, serverJar, Session, withTimeout, WAIT_MS } from './session';

const skip = hasServerJar() ? false : `no server jar at ${serverJar()} (build it, or set ARENA_LS_JAR)`;

async function errorOf(p: Promise<unknown>): Promise<ResponseError<unknown>> {
    try {
        const result = await p;
        assert.fail(`expected an error, got ${JSON.stringify(result)}`);
    } catch (e) {
        assert.ok(e instanceof ResponseError, `a JSON-RPC error: ${e}`);
        return e;
    }
}

describe('protocol manners over stdio (vscode-jsonrpc)', { skip, timeout: 6 * WAIT_MS }, () => {
    let s: Session;
    let dir: string;
    const logs: LogMessageParams[] = [];
    before(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'arena-ls-manners-'));
        const a = path.join(dir, 'a');
        mkdirSync(a);
        mkdirSync(path.join(dir, 'b'));
        writeFileSync(path.join(a, 'one.ts'), 'export function fromA() {}\n');
        writeFileSync(path.join(dir, 'b', 'two.ts'), 'export function fromB() {}\n');
        const command = await resolveServerCommand({ serverPath: serverJar(), javaOpts: [] }, dir);
        s = Session.start(command.command, command.args);
        s.connection.onNotification(LogMessageNotification.type, p => { logs.push(p); });
    });
    after(() => {
        s?.kill();
        if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const uri = () => pathToFileURL(path.join(dir, 'a', 'open.ts')).toString();
    const folder = (name: string) => ({ uri: pathToFileURL(path.join(dir, name)).toString(), name });

    it('initializes with a workspace folder and indexes it', async () => {
        await s.request(InitializeRequest.method, { processId: process.pid, capabilities: {}, workspaceFolders: [folder('a')] });
        await s.notify(InitializedNotification.method, {});
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri: uri(), languageId: 'typescript', version: 1, text: 'let x = 1;\n' } });
        await until(async () => JSON.stringify(await s.request(WorkspaceSymbolRequest.method, { query: 'fromA' })).includes('"fromA"'), 'fromA indexed');
    });

    it('answers params of the wrong shape in well-formed JSON with InvalidParams (-32602)', async () => {
        const e = await errorOf(s.request('textDocument/hover', { textDocument: 5, position: { line: 0, character: 0 } }));
        assert.equal(e.code, ErrorCodes.InvalidParams, e.message);
        const e2 = await errorOf(s.request('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 'zz', character: 0 } }));
        assert.equal(e2.code, ErrorCodes.InvalidParams, e2.message);
    });

    it('answers an unknown $/ request with MethodNotFound (-32601) and ignores an unknown $/ notification', async () => {
        await s.notify('$/arenaTestNotification', { x: 1 });
        const e = await errorOf(s.request('$/arenaTestRequest', {}));
        assert.equal(e.code, ErrorCodes.MethodNotFound, e.message);
        const symbols = await s.request(DocumentSymbolRequest.method, { textDocument: { uri: uri() } });
        assert.ok(Array.isArray(symbols), 'still serving');
        assert.ok(!logs.some(l => l.message.includes('arenaTestNotification')), `nothing said about it: ${JSON.stringify(logs)}`);
    });

    it('follows workspace folder changes', async () => {
        await s.notify(DidChangeWorkspaceFoldersNotification.method, { event: { added: [folder('b')], removed: [folder('a')] } });
        await until(async () => JSON.stringify(await s.request(WorkspaceSymbolRequest.method, { query: 'fromB' })).includes('"fromB"'), 'fromB indexed');
        await until(async () => !JSON.stringify(await s.request(WorkspaceSymbolRequest.method, { query: 'fromA' })).includes('"fromA"'), 'fromA forgotten');
    });

    it('shuts down with nothing on stderr, its information sent as window/logMessage', async () => {
        assert.equal(await s.request(ShutdownRequest.method, undefined), null);
        await s.notify(ExitNotification.method);
        const { code } = await withTimeout(s.exited, WAIT_MS, 'the server process to exit');
        assert.equal(code, 0);
        assert.equal(s.log(), '', 'stderr');
        assert.ok(logs.some(l => l.message.startsWith('initialized: arena-ls')), JSON.stringify(logs));
    });
});

async function until(test: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (!(await test())) {
        if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
        await new Promise(r => setTimeout(r, 25));
    }
}
