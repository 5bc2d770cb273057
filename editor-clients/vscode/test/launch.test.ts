import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { archiveOptions, CLASS_LIST, makeArchive, planArchive } from '../src/archive';
import { JavaRunner } from '../src/java';
import {
    bundledJar,
    configurationPayload,
    DEFAULT_JVM_OPTIONS,
    DEFAULT_MAX_FILE_SIZE,
    effectiveMaxFileSize,
    initializationOptions,
    javaCommandLine,
    LaunchError,
    normalizeJavaOpts,
    renderCommandLine,
    resolveServerCommand,
    RESTART_SETTINGS,
    serverTarget,
    LIVE_SETTINGS,
} from '../src/launch';

const EXT = '/ext/arena-ls-0.1.0';
const JAR = path.join(EXT, 'server', 'arena-ls.jar');
const java17: JavaRunner = async () => 'openjdk version "17.0.15" 2025-04-15\n';
const files = (...paths: string[]) => (p: string) => paths.includes(p);

describe('settings → server command line', () => {
    it('runs the bundled jar with the default JVM options', async () => {
        const cmd = await resolveServerCommand({}, EXT, { env: { PATH: '/usr/bin' }, platform: 'linux', isFile: files(JAR, '/usr/bin/java'), run: java17 });
        assert.equal(cmd.command, '/usr/bin/java');
        assert.deepEqual(cmd.args, ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xms32m', '-Xmx1g', '-XX:MaxNewSize=4m', '-XX:MinHeapFreeRatio=20', '-XX:MaxHeapFreeRatio=40', '-XX:+UnlockDiagnosticVMOptions', '-XX:ArchiveRelocationMode=0', '-Xlog:disable', '-Xlog:all=warning:stderr', '-jar', JAR]);
        assert.match(cmd.description, /Java 17\.0\.15 from PATH .*bundled jar/);
    });

    it('appends the user JVM options after the defaults, so they override', async () => {
        const cmd = await resolveServerCommand({ javaOpts: ['-Xmx4g', ' ', '-Dfoo=a b'], javaHome: '/jdk' }, EXT, {
            env: {}, platform: 'linux', isFile: files(JAR, '/jdk/bin/java'), run: java17,
        });
        assert.equal(cmd.command, '/jdk/bin/java');
        assert.deepEqual(cmd.args, [...DEFAULT_JVM_OPTIONS, '-Xmx4g', '-Dfoo=a b', '-jar', JAR]);
        assert.ok(cmd.args.lastIndexOf('-Xmx4g') > cmd.args.indexOf('-Xmx1g'));
    });

    it('uses arena-ls.server.path: a jar runs with Java, a launcher runs as is', async () => {
        const opts = { env: { HOME: '/home/u', JAVA_HOME: '/jdk' }, platform: 'linux' as const, isFile: files('/home/u/arena-ls.jar', '/src/bin/arena-ls', '/jdk/bin/java'), run: java17 };
        const jar = await resolveServerCommand({ serverPath: '~/arena-ls.jar' }, EXT, opts);
        assert.deepEqual([jar.command, jar.args.at(-2), jar.args.at(-1)], ['/jdk/bin/java', '-jar', '/home/u/arena-ls.jar']);
        assert.match(jar.description, /jar from arena-ls\.server\.path/);
        let probed = false;
        const launcher = await resolveServerCommand({ serverPath: '/src/bin/arena-ls', javaOpts: ['-Xmx4g'] }, EXT, { ...opts, run: async () => { probed = true; return ''; } });
        assert.deepEqual([launcher.command, launcher.args], ['/src/bin/arena-ls', []]);
        assert.equal(probed, false, 'a launcher finds its own Java');
    });

    it('fails with the fix when the configured server is missing', async () => {
        await assert.rejects(
            resolveServerCommand({ serverPath: '/nope/arena-ls.jar' }, EXT, { env: {}, platform: 'linux', isFile: () => false, run: java17 }),
            (e: unknown) => e instanceof LaunchError && e.kind === 'no-server' && /does not exist: \/nope\/arena-ls\.jar\nFix: /.test(e.message),
        );
    });

    it('fails with the fix when the bundled jar is missing', () => {
        assert.throws(() => serverTarget({}, EXT, {}, 'linux', () => false), (e: unknown) => e instanceof LaunchError && /missing from the extension/.test(e.message));
    });

    it('fails with the Java message when no Java 17+ is found', async () => {
        const java11: JavaRunner = async () => 'openjdk version "11.0.22" 2024-01-16';
        await assert.rejects(
            resolveServerCommand({}, EXT, { env: { JAVA_HOME: '/jdk11' }, platform: 'linux', isFile: files(JAR, '/jdk11/bin/java'), run: java11 }),
            (e: unknown) => e instanceof LaunchError && e.kind === 'no-java' && e.rejected.length === 1 &&
                /needs Java 17 or newer/.test(e.message) && /Fix: /.test(e.message),
        );
    });

    it('normalizes the JVM options setting', () => {
        assert.deepEqual(normalizeJavaOpts(undefined), []);
        assert.deepEqual(normalizeJavaOpts(null), []);
        assert.deepEqual(normalizeJavaOpts('  -Xmx2g   -XX:+UseG1GC '), ['-Xmx2g', '-XX:+UseG1GC']);
        assert.deepEqual(normalizeJavaOpts(['-Xmx2g', '', 42 as unknown as string]), ['-Xmx2g']);
    });

    it('builds java -jar lines and renders them for the log', () => {
        const { command, args } = javaCommandLine('/j/bin/java', '/x y/arena-ls.jar', '-Xmx2g');
        assert.equal(renderCommandLine(command, args), `/j/bin/java ${DEFAULT_JVM_OPTIONS.join(' ')} -Xmx2g -jar '/x y/arena-ls.jar'`);
        assert.equal(bundledJar('/e'), path.join('/e', 'server', 'arena-ls.jar'));
    });
});

describe('settings → server settings', () => {
    it('sends maxFileSize in bytes, defaulting to 20 MB', () => {
        assert.deepEqual(initializationOptions({}), { maxFileSize: DEFAULT_MAX_FILE_SIZE });
        assert.deepEqual(initializationOptions({ maxFileSize: 1000.7 }), { maxFileSize: 1000 });
        assert.equal(effectiveMaxFileSize(0), DEFAULT_MAX_FILE_SIZE);
        assert.equal(effectiveMaxFileSize(-5), DEFAULT_MAX_FILE_SIZE);
        assert.equal(effectiveMaxFileSize('big'), DEFAULT_MAX_FILE_SIZE);
        assert.deepEqual(configurationPayload({ maxFileSize: 5 }), { settings: { 'arena-ls': { maxFileSize: 5 } } });
    });
});

describe('package.json manifest', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package-lock.json'), 'utf8'));

    it('activates for JavaScript, TypeScript, JSX and TSX', () => {
        assert.deepEqual(pkg.activationEvents.sort(), ['onLanguage:javascript', 'onLanguage:javascriptreact', 'onLanguage:typescript', 'onLanguage:typescriptreact']);
        const ext = readFileSync(path.resolve(__dirname, '..', '..', 'src', 'extension.ts'), 'utf8');
        for (const lang of ['javascript', 'javascriptreact', 'typescript', 'typescriptreact']) assert.ok(ext.includes(`'${lang}'`), lang);
    });

    it('declares every setting and command the extension uses', () => {
        const props = pkg.contributes.configuration.properties;
        assert.deepEqual(Object.keys(props).sort(), ['arena-ls.codeLens.implementations', 'arena-ls.codeLens.references', 'arena-ls.diagnostics.mode', 'arena-ls.diagnostics.unused', 'arena-ls.importDiagnostics',
            'arena-ls.inlayHints.enumMemberValues', 'arena-ls.inlayHints.parameterNames', 'arena-ls.java.home', 'arena-ls.java.opts', 'arena-ls.maxFileSize', 'arena-ls.server.path',
            'arena-ls.trace.server']);
        // every setting the server applies live is declared, with the server's default
        for (const key of LIVE_SETTINGS) assert.ok(props[key], key);
        assert.equal(props['arena-ls.diagnostics.unused'].default, true);
        assert.equal(props['arena-ls.inlayHints.parameterNames'].default, 'literals');
        assert.deepEqual(props['arena-ls.inlayHints.parameterNames'].enum, ['none', 'literals', 'all']);
        assert.equal(props['arena-ls.inlayHints.enumMemberValues'].default, false);
        assert.equal(props['arena-ls.codeLens.references'].default, false);
        assert.equal(props['arena-ls.codeLens.implementations'].default, false);
        assert.equal(props['arena-ls.importDiagnostics'].default, 'relative');
        assert.deepEqual(props['arena-ls.importDiagnostics'].enum, ['off', 'relative', 'all']);
        assert.equal(props['arena-ls.maxFileSize'].default, DEFAULT_MAX_FILE_SIZE);
        assert.deepEqual(props['arena-ls.trace.server'].enum, ['off', 'messages', 'verbose']);
        assert.deepEqual(pkg.contributes.commands.map((c: { command: string }) => c.command).sort(), ['arena-ls.restart', 'arena-ls.showOutput']);
        assert.deepEqual([...pkg.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), [...RESTART_SETTINGS].sort());
    });

    it('pins exact versions, and the engine matches vscode-languageclient and @types/vscode', () => {
        for (const [name, v] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
            assert.match(String(v), /^\d+\.\d+\.\d+$/, `${name}@${v} is not pinned`);
        }
        const client = lock.packages['node_modules/vscode-languageclient'];
        assert.equal(client.version, pkg.dependencies['vscode-languageclient']);
        assert.equal(client.engines.vscode, pkg.engines.vscode, 'the engine vscode-languageclient needs');
        assert.equal(`^${pkg.devDependencies['@types/vscode']}`, pkg.engines.vscode, '@types/vscode matches the lowest supported VS Code');
        for (const [key, p] of Object.entries(lock.packages as Record<string, { resolved?: string }>)) {
            if (p.resolved) assert.match(p.resolved, /^https:\/\/registry\.npmjs\.org\//, `${key} comes from the npm registry`);
        }
    });
});

describe('the class-data archive for the Java that runs the server', () => {
    const setup = () => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-ls-archive-'));
        mkdirSync(path.join(dir, 'server'));
        const jar = path.join(dir, 'server', 'arena-ls.jar');
        writeFileSync(jar, 'jar');
        writeFileSync(path.join(dir, 'server', CLASS_LIST), 'java/lang/Object\n');
        return { dir, jar, storage: path.join(dir, 'storage') };
    };

    it('is named by the Java and the jar, so another Java or a changed jar never maps a stale one', () => {
        const { dir, jar, storage } = setup();
        try {
            const a = planArchive(storage, '/j17/bin/java', '17.0.15', jar)!;
            assert.equal(a.ready, false);
            assert.deepEqual(archiveOptions(a), [], 'nothing to map before it is made');
            assert.equal(planArchive(storage, '/j17/bin/java', '17.0.15', jar)!.archive, a.archive, 'stable');
            assert.notEqual(planArchive(storage, '/j17/bin/java', '17.0.16', jar)!.archive, a.archive, 'another version');
            assert.notEqual(planArchive(storage, '/j21/bin/java', '17.0.15', jar)!.archive, a.archive, 'another Java');
            writeFileSync(jar, 'a rebuilt jar');
            assert.notEqual(planArchive(storage, '/j17/bin/java', '17.0.15', jar)!.archive, a.archive, 'another jar');
            rmSync(path.join(dir, 'server', CLASS_LIST));
            assert.equal(planArchive(storage, '/j17/bin/java', '17.0.15', jar), undefined, 'no class list, no archive');
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('is dumped under a temporary name, replaces archives of other keys, and is then mapped before the user options', async () => {
        const { dir, jar, storage } = setup();
        try {
            mkdirSync(storage);
            writeFileSync(path.join(storage, 'arena-ls-server-0123456789abcdef.jsa'), 'old');
            const plan = planArchive(storage, '/j/bin/java', '17.0.15', jar)!;
            const runs: string[][] = [];
            const made = await makeArchive(plan, async (command, args) => {
                runs.push([command, ...args]);
                const out = args.find(a => a.startsWith('-XX:SharedArchiveFile='))!.slice('-XX:SharedArchiveFile='.length);
                assert.notEqual(out, plan.archive, 'written under another name first');
                writeFileSync(out, 'archive');
            });
            assert.equal(made, plan.archive);
            assert.deepEqual(runs[0].slice(0, 2), ['/j/bin/java', '-Xshare:dump']);
            assert.ok(runs[0].includes(`-XX:SharedClassListFile=${path.join(dir, 'server', CLASS_LIST)}`));
            assert.deepEqual(readdirSync(storage), [path.basename(plan.archive)]);
            const ready = planArchive(storage, '/j/bin/java', '17.0.15', jar)!;
            assert.equal(ready.ready, true);
            const { args } = javaCommandLine('/j/bin/java', jar, '-Xmx2g', archiveOptions(ready));
            assert.deepEqual(args.slice(DEFAULT_JVM_OPTIONS.length), [`-XX:SharedArchiveFile=${plan.archive}`,
                '-Xlog:cds=off:stderr', '-Xlog:cds+dynamic=off:stderr', '-Xmx2g', '-jar', jar]);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('leaves nothing behind when the JVM fails to dump', async () => {
        const { dir, jar, storage } = setup();
        try {
            const plan = planArchive(storage, '/j/bin/java', '17.0.15', jar)!;
            await assert.rejects(makeArchive(plan, async (_c, args) => {
                const out = args.find(a => a.startsWith('-XX:SharedArchiveFile='))!.slice('-XX:SharedArchiveFile='.length);
                writeFileSync(out, 'half');
                throw new Error('dump failed');
            }), /dump failed/);
            assert.deepEqual(readdirSync(storage), []);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
