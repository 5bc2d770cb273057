// Loads the bundled extension (dist/extension.js, as packed into the .vsix) against a stand-in
// `vscode` module and runs activation, restart and deactivation with the real server jar; and the
// no-Java path, whose error message and status bar item the user would see.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { hasServerJar, serverJar, WAIT_MS } from './session';
import { installVscodeStub, Recorded } from './vscode-stub';

const BUNDLE = path.resolve(__dirname, '..', '..', 'dist', 'extension.js');
const skip = !existsSync(BUNDLE) ? `no bundle at ${BUNDLE} (npm run bundle)` : !hasServerJar() ? `no server jar at ${serverJar()}` : false;

type Extension = { activate(ctx: unknown): void; deactivate(): Thenable<void> };

async function until(what: string, cond: () => boolean, ms = WAIT_MS): Promise<void> {
    const end = Date.now() + ms;
    while (!cond()) {
        if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
        await new Promise(r => setTimeout(r, 25));
    }
}

/** Java processes started by this process (the server), by pid. */
function javaChildren(): string[] {
    try {
        return execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' })
            .split('\n').filter(l => /\bjava\b/.test(l)).map(l => l.trim());
    } catch {
        return []; // ps exits 1 when nothing matches
    }
}

describe('the bundled extension in a stand-in VS Code', { skip, timeout: 5 * WAIT_MS }, () => {
    let extensionPath: string;
    let stub: ReturnType<typeof installVscodeStub>;
    let ext: Extension;
    let recorded: Recorded;
    const savedEnv = { ...process.env };

    before(() => {
        // an installed extension's layout: <ext>/dist/extension.js and <ext>/server/arena-ls.jar
        extensionPath = mkdtempSync(path.join(os.tmpdir(), 'arena-ls-ext-'));
        mkdirSync(path.join(extensionPath, 'server'));
        symlinkSync(serverJar(), path.join(extensionPath, 'server', 'arena-ls.jar'));
    });
    after(() => rmSync(extensionPath, { recursive: true, force: true }));

    function load(): Extension {
        stub = installVscodeStub();
        recorded = stub.recorded;
        delete require.cache[BUNDLE];
        return require(BUNDLE) as Extension;
    }
    const context = () => ({ extensionPath, subscriptions: [] as { dispose(): unknown }[] });
    const output = () => recorded.output.join('');

    afterEach(async () => {
        await ext?.deactivate();
        stub?.uninstall();
        process.env = { ...savedEnv };
    });

    it('starts the bundled jar with the Java it found, restarts, and stops it on deactivate', async () => {
        ext = load();
        recorded.settings['arena-ls.trace.server'] = 'messages';
        ext.activate(context());
        assert.deepEqual([...recorded.commands.keys()].filter(k => k.startsWith('arena-ls.')).sort(), ['arena-ls.restart', 'arena-ls.showOutput']);
        await until('the server to run', () => output().includes('[arena-ls] the server is running'));
        assert.match(recorded.status.shown[0], /^\$\(sync~spin\) arena-ls$/, 'a status item while starting');
        assert.match(output(), new RegExp(`-jar ${path.join(extensionPath, 'server', 'arena-ls.jar').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        assert.match(output(), /-XX:\+UseSerialGC -Xms16m -Xmx1g/);
        assert.match(output(), /initialized: arena-ls/, 'the server log reaches the output channel');
        assert.match(output(), /Sending request 'initialize - \(0\)'/, 'arena-ls.trace.server traces the protocol');
        assert.equal(recorded.status.visible, false, 'no status item once running');
        assert.deepEqual(recorded.errors, []);
        const first = javaChildren();
        assert.equal(first.length, 1, `one server process: ${first}`);

        await recorded.commands.get('arena-ls.restart')!();
        await until('the restarted server to run', () => output().split('[arena-ls] the server is running').length === 3);
        const second = javaChildren();
        assert.equal(second.length, 1, `still one server process: ${second}`);
        assert.notEqual(second[0], first[0], 'a new process');

        await ext.deactivate();
        await until('the server process to end', () => javaChildren().length === 0);
    });

    it('shows the Java error with its fix, and a failed status item, when no Java 17+ is found', async () => {
        ext = load();
        recorded.settings['arena-ls.java.home'] = '/nonexistent/jdk';
        process.env.PATH = '/nonexistent/bin';
        delete process.env.JAVA_HOME;
        ext.activate(context());
        await until('an error message', () => recorded.errors.length > 0);
        const [e] = recorded.errors;
        assert.match(e.message, /arena-ls needs Java 17 or newer/);
        assert.match(e.message, /Fix: install a JDK or JRE 17\+/);
        assert.deepEqual(e.actions, ['Open Settings', 'Get Java 17', 'Show Output']);
        assert.match(output(), /arena-ls\.java\.home: \/nonexistent\/jdk\/bin\/java: no such file/);
        assert.equal(recorded.status.visible, true);
        assert.match(recorded.status.text, /\$\(error\) arena-ls/);
        assert.equal(recorded.status.command, 'arena-ls.showOutput');
        assert.equal(javaChildren().length, 0);
    });

    it('ignores a workspace java.home in an untrusted workspace', async () => {
        ext = load();
        recorded.trusted = false;
        recorded.settings['arena-ls.java.home'] = '/nonexistent/jdk'; // the stub's inspect() reports it as global
        stub.vscode.workspace.getConfiguration = () => ({
            get: (k: string, d?: unknown) => (k === 'java.home' ? '/evil/jdk' : d),
            inspect: (k: string) => ({ key: k, workspaceValue: k === 'java.home' ? '/evil/jdk' : undefined, globalValue: undefined, defaultValue: undefined }),
        });
        ext.activate(context());
        await until('the server to run', () => output().includes('[arena-ls] the server is running'));
        assert.doesNotMatch(output(), /evil/);
        // the same with trust: the workspace value is used (and, missing, passed over)
        await ext.deactivate();
        ext = load();
        recorded.trusted = true;
        stub.vscode.workspace.getConfiguration = () => ({ get: (k: string, d?: unknown) => (k === 'java.home' ? '/evil/jdk' : d) });
        ext.activate(context());
        await until('the server to run', () => output().includes('[arena-ls] the server is running'));
        assert.match(output(), /passed over arena-ls\.java\.home: \/evil\/jdk\/bin\/java: no such file/);
    });
});
