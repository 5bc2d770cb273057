// A minimal LSP client over a child process's stdio (raw Content-Length framing, no dependencies),
// shared by the peer comparisons: requests with a timeout, notifications, listeners for the
// server's notifications, and neutral answers to the server's own requests.
import { spawn } from 'node:child_process';

export const REQUEST_TIMEOUT_MS = 300_000;

export class Client {
    constructor(command, args, name) {
        this.name = name;
        this.proc = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
        this.proc.stderr.on('data', () => undefined); // logs: not needed, but drained
        this.nextId = 1;
        this.pending = new Map();
        this.buffer = Buffer.alloc(0);
        this.proc.stdout.on('data', chunk => this.onData(chunk));
        this.exited = new Promise(resolve => this.proc.on('exit', code => resolve(code)));
        this.listeners = [];
    }

    /** Calls `listener(message)` for every notification the server sends. */
    onNotification(listener) { this.listeners.push(listener); }

    onData(chunk) {
        this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
        for (;;) {
            const headerEnd = this.buffer.indexOf('\r\n\r\n');
            if (headerEnd < 0) return;
            const header = this.buffer.subarray(0, headerEnd).toString('ascii');
            const m = /Content-Length: *(\d+)/i.exec(header);
            if (!m) throw new Error(`${this.name}: bad header ${header}`);
            const length = Number(m[1]);
            if (this.buffer.length < headerEnd + 4 + length) return;
            const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length);
            this.buffer = this.buffer.subarray(headerEnd + 4 + length);
            this.onMessage(JSON.parse(body.toString('utf8')), length);
        }
    }

    onMessage(message, bytes) {
        if (message.id !== undefined && message.method === undefined) {
            const p = this.pending.get(message.id);
            if (!p) return;
            this.pending.delete(message.id);
            clearTimeout(p.timer);
            if (message.error) p.reject(new Error(`${this.name}: ${p.method}: ${message.error.message}`));
            else p.resolve({ result: message.result, bytes });
        } else if (message.id === undefined) {
            for (const l of this.listeners) l(message);
        } else {
            // a request from the server (configuration, progress, registration): a neutral answer
            const result = message.method === 'workspace/configuration' ? (message.params?.items ?? []).map(() => null) : null;
            this.write({ jsonrpc: '2.0', id: message.id, result });
        }
    }

    write(message) {
        const body = Buffer.from(JSON.stringify(message), 'utf8');
        this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
        this.proc.stdin.write(body);
    }

    request(method, params) {
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`${this.name}: ${method} timed out`)), REQUEST_TIMEOUT_MS);
            this.pending.set(id, { resolve, reject, timer, method });
            this.write({ jsonrpc: '2.0', id, method, params });
        });
    }

    notify(method, params) {
        this.write({ jsonrpc: '2.0', method, params });
    }

    async close() {
        try {
            await this.request('shutdown', null);
            this.notify('exit', null);
        } catch { /* killed below */ }
        const timer = setTimeout(() => this.proc.kill('SIGKILL'), 10_000);
        await this.exited;
        clearTimeout(timer);
    }
}
