// Issue 23 in VS Code: the runtime a platform-specific .vsix carries (chosen after java.home, before
// JAVA_HOME and PATH), the diagnostics mode setting, and — through the bundled extension in the
// stand-in VS Code — the running status item and the one-time offer to turn off VS Code's built-in
// TypeScript validation (never changed without a yes).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { javaCandidates, JavaRunner } from '../src/java';
import { configurationPayload, effectiveDiagnosticsMode, initializationOptions, resolveServerCommand } from '../src/launch';
import { hasServerJar, serverJar, WAIT_MS } from './session';
import { installVscodeStub, Recorded } from './vscode-stub';

const files = (...paths: string[]) => (p: string) => paths.includes(p);
const java17: JavaRunner = async () => 'openjdk version "17.0.15" 2025-04-15\n';

describe('the runtime of a platform-specific .vsix', () => {
    it('comes after arena-ls.java.home and before JAVA_HOME and PATH', () => {
        const { candidates } = javaCandidates({
            javaHome: '/opt/jdk', bundledRuntime: '/ext/runtime',
            env: { JAVA_HOME: '/usr/lib/jvm/17', PATH: '/usr/bin' }, platform: 'linux',
            isFile: files('/opt/jdk/bin/java', '/ext/runtime/bin/java', '/usr/lib/jvm/17/bin/java', '/usr/bin/java'),
        });
        assert.deepEqual(candidates.map(c => c.source), ['arena-ls.java.home', 'bundled runtime', 'JAVA_HOME', 'PATH']);
        assert.equal(candidates[1].executable, '/ext/runtime/bin/java');
    });

    it('is not mentioned when the .vsix has none (the universal one)', () => {
        const { candidates, rejected } = javaCandidates({
            bundledRuntime: '/ext/runtime', env: { PATH: '/usr/bin' }, platform: 'linux', isFile: files('/usr/bin/java'),
        });
        assert.deepEqual(candidates.map(c => c.source), ['PATH']);
        assert.deepEqual(rejected, []);
    });

    it('runs the server when present: resolveServerCommand looks in <extension>/runtime', async () => {
        const ext = '/ext/arena-ls';
        const cmd = await resolveServerCommand({}, ext, {
            env: { PATH: '/usr/bin' }, platform: 'linux', run: java17,
            isFile: files(path.join(ext, 'server', 'arena-ls.jar'), path.join(ext, 'runtime', 'bin', 'java'), '/usr/bin/java'),
        });
        assert.equal(cmd.command, path.join(ext, 'runtime', 'bin', 'java'));
        assert.match(cmd.description, /from bundled runtime/);
    });
});

describe('arena-ls.diagnostics.mode', () => {
    it('sends diagnosticMode push or pull, and nothing for auto (the server default)', () => {
        assert.deepEqual(initializationOptions({ diagnosticsMode: 'push' }).diagnosticMode, 'push');
        assert.deepEqual(initializationOptions({ diagnosticsMode: 'pull' }).diagnosticMode, 'pull');
        assert.equal('diagnosticMode' in initializationOptions({ diagnosticsMode: 'auto' }), false);
        assert.equal(effectiveDiagnosticsMode('sometimes'), 'auto');
        assert.equal(effectiveDiagnosticsMode(undefined), 'auto');
        // it is read at initialize only: not part of a didChangeConfiguration
        assert.deepEqual(configurationPayload({ diagnosticsMode: 'push', maxFileSize: 5 }), { settings: { 'arena-ls': { maxFileSize: 5 } } });
        // enum member value hints join the inlay hint settings
        assert.deepEqual(configurationPayload({ maxFileSize: 5, parameterNameHints: 'none', enumMemberValueHints: true }),
            { settings: { 'arena-ls': { maxFileSize: 5, inlayHints: { parameterNames: 'none', enumMemberValues: true } } } });
        assert.deepEqual(configurationPayload({ maxFileSize: 5, enumMemberValueHints: false }),
            { settings: { 'arena-ls': { maxFileSize: 5, inlayHints: { enumMemberValues: false } } } });
        // the feature settings in the server's own shape (ServerSettings), each only when set and valid
        assert.deepEqual(configurationPayload({ maxFileSize: 5, unusedHints: false, parameterNameHints: 'all', importDiagnostics: 'off' }),
            { settings: { 'arena-ls': { maxFileSize: 5, diagnostics: { unused: false }, inlayHints: { parameterNames: 'all' }, importDiagnostics: 'off' } } });
        assert.deepEqual(configurationPayload({ maxFileSize: 5, parameterNameHints: 'some', importDiagnostics: 7 as unknown as string }),
            { settings: { 'arena-ls': { maxFileSize: 5 } } });
        // code lenses: each kind only when set
        assert.deepEqual(configurationPayload({ maxFileSize: 5, referencesCodeLens: true }),
            { settings: { 'arena-ls': { maxFileSize: 5, codeLens: { references: true } } } });
        assert.deepEqual(configurationPayload({ maxFileSize: 5, referencesCodeLens: false, implementationsCodeLens: true }),
            { settings: { 'arena-ls': { maxFileSize: 5, codeLens: { references: false, implementations: true } } } });
    });
});

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

describe('the bundled extension: status item and the built-in validation offer', { skip, timeout: 6 * WAIT_MS }, () => {
    let extensionPath: string;
    let stub: ReturnType<typeof installVscodeStub>;
    let recorded: Recorded;
    let ext: Extension | undefined;
    const state = new Map<string, unknown>();
    const memento = { get: (k: string) => state.get(k), update: async (k: string, v: unknown) => { state.set(k, v); }, keys: () => [...state.keys()] };
    const offers: string[] = [];
    const updates: [string, unknown, unknown][] = [];
    let answer: string | undefined;

    before(() => {
        extensionPath = mkdtempSync(path.join(os.tmpdir(), 'arena-ls-ux-'));
        mkdirSync(path.join(extensionPath, 'server'));
        symlinkSync(serverJar(), path.join(extensionPath, 'server', 'arena-ls.jar'));
    });
    after(() => rmSync(extensionPath, { recursive: true, force: true }));
    afterEach(async () => {
        await ext?.deactivate();
        stub?.uninstall();
    });

    /** Loads the bundle with a settings store that records updates and an information message that answers `answer`. */
    function load(settings: Record<string, unknown>): Extension {
        stub = installVscodeStub();
        recorded = stub.recorded;
        const w = stub.vscode.workspace;
        w.getConfiguration = (section?: string) => ({
            get: (key: string, dflt?: unknown) => {
                const full = section ? `${section}.${key}` : key;
                return full in settings ? settings[full] : dflt;
            },
            inspect: (key: string) => ({ key, defaultValue: undefined }),
            update: async (key: string, value: unknown, target: unknown) => { updates.push([key, value, target]); },
        });
        stub.vscode.window.showInformationMessage = (message: string, ...actions: string[]) => {
            offers.push(`${message} [${actions.join('|')}]`);
            return Promise.resolve(answer);
        };
        delete require.cache[BUNDLE];
        return require(BUNDLE) as Extension;
    }
    const context = () => ({ extensionPath, subscriptions: [] as { dispose(): unknown }[], globalState: memento });
    const output = () => recorded.output.join('');

    it('shows the version while the server runs; a click shows the output', async () => {
        ext = load({});
        answer = undefined;
        ext.activate(context());
        await until('the server to run', () => output().includes('[arena-ls] the server is running'));
        assert.equal(recorded.status.visible, true, 'visible while running');
        assert.match(recorded.status.text, /^\$\(check\) arena-ls 0\.1\.0/);
        assert.match(recorded.status.tooltip ?? '', /arena-ls 0\.1\.0\S* is running: Java 17/);
        assert.equal(recorded.status.command, 'arena-ls.showOutput');
        assert.ok(recorded.commands.has('arena-ls.showOutput'));
    });

    it('offers once to turn off the built-in validation, and changes nothing without a yes', async () => {
        // the first test's run already made the offer (built-in validation on by default) and got no answer
        assert.equal(offers.length, 1, offers.join('\n'));
        assert.match(offers[0], /typescript\.validate\.enable, javascript\.validate\.enable/);
        assert.match(offers[0], /\[Turn Off in This Workspace\|Open Setting\|Keep Both\]$/);
        assert.deepEqual(updates, [], 'dismissed: nothing changed');
        // a second start: not offered again
        ext = load({});
        ext.activate(context());
        await until('the server to run', () => output().includes('[arena-ls] the server is running'));
        assert.equal(offers.length, 1, 'offered once only');
    });

    it('turns off only what is on, in the workspace, when the user says so', async () => {
        state.clear();
        answer = 'Turn Off in This Workspace';
        ext = load({ 'javascript.validate.enable': false });
        ext.activate(context());
        await until('the settings update', () => updates.length > 0);
        assert.deepEqual(updates, [['typescript.validate.enable', false, stub.vscode.ConfigurationTarget.Workspace]]);
        assert.match(output(), /turned off typescript\.validate\.enable in this workspace, as asked/);
    });

    it('does not offer when the built-in validation is already off', async () => {
        state.clear();
        offers.length = 0;
        ext = load({ 'typescript.validate.enable': false, 'javascript.validate.enable': false });
        ext.activate(context());
        await until('the server to run', () => output().includes('[arena-ls] the server is running'));
        assert.deepEqual(offers, []);
    });
});
