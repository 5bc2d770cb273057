// A small LSP client session over the server's stdio, built on vscode-jsonrpc and
// vscode-languageserver-protocol (what vscode-languageclient itself is built on). Every wait is
// bounded, so a silent server fails the test instead of hanging it.
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { PublishDiagnosticsNotification, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/** Per-wait limit; the JVM starts in ~1 s here, a loaded CI machine may be several times slower. */
export const WAIT_MS = Number(process.env.ARENA_LS_TEST_WAIT_MS ?? 20000);

/** $ARENA_LS_JAR, else ../../server/target/arena-ls.jar relative to this client (editor-clients/vscode). */
export function serverJar(): string {
    if (process.env.ARENA_LS_JAR) return path.resolve(process.env.ARENA_LS_JAR);
    // compiled to out/test/, so the client dir is two levels up
    return path.resolve(__dirname, '..', '..', '..', '..', 'server', 'target', 'arena-ls.jar');
}

export function hasServerJar(): boolean {
    return existsSync(serverJar());
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

type Waiter = { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class Session {
    readonly connection: MessageConnection;
    readonly published: PublishDiagnosticsParams[] = [];
    private stderr = '';
    private waiters: Waiter[] = [];
    readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

    private constructor(readonly proc: ChildProcessWithoutNullStreams) {
        proc.stderr.setEncoding('utf8');
        proc.stderr.on('data', (d: string) => { this.stderr += d; });
        this.exited = new Promise(resolve => proc.on('exit', (code, signal) => resolve({ code, signal })));
        this.connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
        this.connection.onNotification(PublishDiagnosticsNotification.type, p => {
            this.published.push(p);
            this.waiters = this.waiters.filter(w => {
                if (w.uri !== p.uri || !w.accept(p)) return true;
                w.resolve(p);
                return false;
            });
        });
        // the server may log or ask for things we don't answer; ignore them like a minimal client
        this.connection.onNotification(() => undefined);
        this.connection.listen();
    }

    static start(command: string, args: string[]): Session {
        const proc = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
        return new Session(proc);
    }

    /** What the server wrote on stderr (its log), for failure messages. */
    log(): string {
        return this.stderr;
    }

    request<R>(method: string, params: unknown, what = method): Promise<R> {
        return withTimeout(this.connection.sendRequest(method, params) as Promise<R>, WAIT_MS, what);
    }

    notify(method: string, params?: unknown): Promise<void> {
        return this.connection.sendNotification(method, params);
    }

    /** The first publication for `uri` (already received or coming) that `accept` takes. */
    diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean, what: string): Promise<PublishDiagnosticsParams> {
        const seen = [...this.published].reverse().find(p => p.uri === uri && accept(p));
        if (seen) return Promise.resolve(seen);
        return withTimeout(new Promise<PublishDiagnosticsParams>(resolve => this.waiters.push({ uri, accept, resolve })), WAIT_MS, what);
    }

    /** Ends the process if it still runs (after a failure); never throws. */
    kill(): void {
        try { this.connection.dispose(); } catch { /* already closed */ }
        if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
    }
}
