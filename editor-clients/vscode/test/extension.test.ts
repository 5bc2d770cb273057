// Loads the bundled extension (dist/extension.js, as packed into the .vsix) against a stand-in
// `vscode` module and runs activation, restart and deactivation with the real server jar; and the
// no-Java path, whose error message and status bar item the user would see.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
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
        // the class list `mvn package` records beside the jar, shipped with it in the .vsix
        const classList = path.join(path.dirname(serverJar()), 'arena-ls-server.classlist');
        if (existsSync(classList)) symlinkSync(classList, path.join(extensionPath, 'server', 'arena-ls-server.classlist'));
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
        assert.deepEqual([...recorded.commands.keys()].filter(k => k.startsWith('arena-ls.')).sort(), ['arena-ls.restart', 'arena-ls.showLocations', 'arena-ls.showOutput']);
        // a code lens's command: protocol JSON in, VS Code's reference peek out
        await recorded.commands.get('arena-ls.showLocations')!('file:///w/a.ts', { line: 1, character: 2 },
            [{ uri: 'file:///w/b.ts', range: { start: { line: 3, character: 4 }, end: { line: 3, character: 9 } } }]);
        const peek = recorded.executed.find(e => e.command === 'editor.action.showReferences');
        assert.ok(peek, 'editor.action.showReferences run');
        const [peekUri, peekAt, peekLocations] = peek.args as [any, any, any[]];
        assert.equal(peekUri.path, '/w/a.ts');
        assert.deepEqual([peekAt.line, peekAt.character], [1, 2]);
        assert.deepEqual(peekLocations.map(l => [l.uri.path, l.range.start.line, l.range.start.character, l.range.end.character]), [['/w/b.ts', 3, 4, 9]]);
        await until('the server to run', () => output().includes('[arena-ls] the server is running'));
        assert.match(recorded.status.shown[0], /^\$\(sync~spin\) arena-ls$/, 'a status item while starting');
        assert.match(output(), new RegExp(`-jar ${path.join(extensionPath, 'server', 'arena-ls.jar').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        assert.match(output(), /-XX:\+UseSerialGC -XX:TieredStopAtLevel=1 -Xms32m -Xmx1g/);
        assert.match(output(), /initialized: arena-ls/, 'the server log reaches the output channel');
        assert.match(output(), /Sending request 'initialize - \(0\)'/, 'arena-ls.trace.server traces the protocol');
        assert.match(recorded.status.text, /^\$\(check\) arena-ls \d+\.\d+/, 'once running, the status item shows the server version');
        assert.equal(recorded.status.command, 'arena-ls.showOutput', 'and a click shows the output');
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

    it('makes a class-data archive for its Java after the first start, and the next start maps it', async () => {
        const classList = path.join(extensionPath, 'server', 'arena-ls-server.classlist');
        if (!existsSync(classList)) return assert.fail(`no class list beside the server jar (${classList}): mvn package records it`);
        const storage = mkdtempSync(path.join(os.tmpdir(), 'arena-ls-storage-'));
        try {
            const withStorage = () => ({ ...context(), globalStorageUri: { fsPath: storage } });
            ext = load();
            ext.activate(withStorage());
            await until('the archive to be made', () => output().includes('[arena-ls] made the class-data archive'), 4 * WAIT_MS);
            assert.doesNotMatch(output(), /-XX:SharedArchiveFile=/, 'the first start has no archive yet');
            const archives = readdirSync(storage).filter(n => n.endsWith('.jsa'));
            assert.equal(archives.length, 1, `one archive: ${archives}`);
            await ext.deactivate();
            stub.uninstall();

            ext = load();
            ext.activate(withStorage());
            await until('the server to run', () => output().includes('[arena-ls] the server is running'));
            const archive = path.join(storage, archives[0]);
            assert.ok(output().includes(`-XX:SharedArchiveFile=${archive}`), output());
            const pid = javaChildren()[0]?.split(/\s+/)[0];
            assert.ok(pid, 'a server process');
            assert.ok(readFileSync(`/proc/${pid}/maps`, 'utf8').includes(archive), 'the server process maps the archive');
            assert.doesNotMatch(output(), /made the class-data archive/, 'and does not make it again');
        } finally {
            rmSync(storage, { recursive: true, force: true });
        }
    });

    it('forwards navigation with no code of its own: the language client registers the providers and they answer from the server', async () => {
        ext = load();
        const fixtures = path.resolve(__dirname, '..', '..', '..', '..', 'server', 'src', 'test', 'resources', 'navigation');
        const { Uri, Position } = stub.vscode;
        const document = (name: string, languageId: string) => {
            const text = readFileSync(path.join(fixtures, name), 'utf8');
            const uri = Uri.file(path.join(fixtures, name));
            return { uri, fileName: uri.fsPath, languageId, version: 1, isUntitled: false, isClosed: false, isDirty: false,
                eol: 1, lineCount: text.split('\n').length, getText: () => text };
        };
        // documents open in the editor when the client starts: it sends didOpen for them
        const js = document('app.js', 'javascript');
        const tsx = document('Toolbar.tsx', 'typescriptreact');
        stub.vscode.workspace.textDocuments.push(js, tsx);
        ext.activate(context());
        await until('the server to run', () => output().includes('[arena-ls] the server is running'));
        const kinds = ['Definition', 'Declaration', 'TypeDefinition', 'Reference', 'DocumentHighlight', 'Rename', 'LinkedEditingRange'];
        await until('the navigation providers to be registered', () => kinds.every(k => recorded.providers.some(p => p.kind === k)));
        const provider = (kind: string) => {
            const found = recorded.providers.filter(p => p.kind === kind);
            assert.equal(found.length, 1, `one ${kind} provider`);
            // the extension's document selector: file and untitled documents of the four languages
            const languages = (found[0].selector as { language: string; scheme: string }[]).map(f => `${f.scheme}:${f.language}`).sort();
            assert.deepEqual(languages, ['file:javascript', 'file:javascriptreact', 'file:typescript', 'file:typescriptreact',
                'untitled:javascript', 'untitled:javascriptreact', 'untitled:typescript', 'untitled:typescriptreact']);
            return found[0].provider;
        };
        const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() { /* none */ } }) };
        const span = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
            `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

        // F12 on `format` in `return format(parts)` → the import specifier
        const defs = await provider('Definition').provideDefinition(js, new Position(14, 9), token);
        assert.deepEqual(defs.map((l: any) => `${l.uri.fsPath} ${span(l.range)}`), [`${js.uri.fsPath} 1:9-1:15`]);
        // Shift+F12 on `key`, with and without the declaration
        const refs = await provider('Reference').provideReferences(js, new Position(8, 20), { includeDeclaration: true }, token);
        assert.deepEqual(refs.map((l: any) => span(l.range)), ['8:20-8:23', '10:10-10:13', '12:17-12:20']);
        const uses = await provider('Reference').provideReferences(js, new Position(8, 20), { includeDeclaration: false }, token);
        assert.deepEqual(uses.map((l: any) => span(l.range)), ['10:10-10:13', '12:17-12:20']);
        // highlights, in VS Code's kinds (Read = 1, Write = 2)
        const highlights = await provider('DocumentHighlight').provideDocumentHighlights(js, new Position(9, 20), token);
        assert.deepEqual(highlights.map((h: any) => `${span(h.range)} ${h.kind}`), ['9:13-9:14 2', '9:20-9:21 1', '9:31-9:32 2']);
        // F2: prepareRename, then the edit VS Code applies
        const rename = provider('Rename');
        const prepared = await rename.prepareRename(js, new Position(6, 12), token);
        assert.deepEqual({ range: span(prepared.range), placeholder: prepared.placeholder }, { range: '6:10-6:17', placeholder: 'verbose' });
        const edit = await rename.provideRenameEdits(js, new Position(6, 12), 'loud', token);
        assert.deepEqual(edit.entries().map(([uri, edits]: [any, any[]]) => [uri.toString(), edits.map(e => `${span(e.range)} ${e.newText}`)]),
            [[js.uri.toString(), ['6:10-6:17 verbose: loud', '12:22-12:29 verbose: loud']]]);
        // a refused rename rejects with the server's reason, which VS Code shows
        await assert.rejects(rename.provideRenameEdits(js, new Position(6, 12), '2x', token), /cannot rename to `2x`: it is not an identifier/);
        // linked editing of a JSX tag in the .tsx document
        const linked = await provider('LinkedEditingRange').provideLinkedEditingRanges(tsx, new Position(11, 9), token);
        assert.deepEqual(linked.ranges.map(span), ['11:7-11:12', '11:32-11:37']);
        // the server's wordPattern arrives as the RegExp VS Code gets (whether VS Code can use it: navigation.test.ts)
        assert.ok(linked.wordPattern instanceof RegExp && linked.wordPattern.source.length > 0, String(linked.wordPattern));
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
