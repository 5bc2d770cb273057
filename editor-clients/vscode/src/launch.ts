// Settings → the server's command line and initialization options. No `vscode` import here, so
// node's test runner can load this module (and the protocol test starts the server with it).
import * as path from 'node:path';
import { ArchivePlan, archiveOptions, planArchive } from './archive';
import { defaultIsFile, expandHome, findJava, FoundJava, JavaRunner, execJava, RejectedJava } from './java';

/** The `arena-ls.*` settings that shape the server process and its options. */
export interface ArenaSettings {
    javaHome?: string | null;
    /** JVM options: a list (the setting's type), or one string split at whitespace. */
    javaOpts?: string[] | string | null;
    serverPath?: string | null;
    maxFileSize?: number | null;
    /** `arena-ls.diagnostics.mode`: push, pull or auto (the server's choice by the client's capabilities). */
    diagnosticsMode?: string | null;
    /** `arena-ls.diagnostics.unused`: unused declarations as greyed-out hints (server default true). */
    unusedHints?: boolean | null;
    /** `arena-ls.inlayHints.parameterNames`: none, literals (server default) or all. */
    parameterNameHints?: string | null;
    /** `arena-ls.inlayHints.enumMemberValues`: enum member values where not written (server default false). */
    enumMemberValueHints?: boolean | null;
    /** `arena-ls.importDiagnostics`: off, relative (server default) or all. */
    importDiagnostics?: string | null;
    /** `arena-ls.codeLens.references` / `.implementations`: reference and implementation counts above declarations (server default false). */
    referencesCodeLens?: boolean | null;
    implementationsCodeLens?: boolean | null;
}

/**
 * JVM options for a process an editor starts often and keeps for hours (the same as `bin/arena-ls`,
 * which explains each): no parallel GC threads competing with the editor, C1 only (compiled code
 * from the first edits on, without C2's seconds of compiling on a small machine), a small initial
 * heap, a 1 GB ceiling, a young generation of at most 4 MB and a heap kept within 20-40% free (less
 * resident memory), class-data archives mapped where they were made instead of relocated (sooner
 * `initialize`), and the JVM's own warnings on stderr so they cannot corrupt the protocol on stdout.
 */
export const DEFAULT_JVM_OPTIONS: readonly string[] = [
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-Xms32m',
    '-Xmx1g',
    '-XX:MaxNewSize=4m',
    '-XX:MinHeapFreeRatio=20',
    '-XX:MaxHeapFreeRatio=40',
    '-XX:+UnlockDiagnosticVMOptions',
    '-XX:ArchiveRelocationMode=0',
    '-Xlog:disable',
    '-Xlog:all=warning:stderr',
];

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

/** What to spawn: `command` with `args`, speaking LSP on its stdin/stdout. */
export interface ServerCommand {
    command: string;
    args: string[];
    /** How the server was chosen, for the output channel. */
    description: string;
    java?: FoundJava;
    /** Java candidates looked at and passed over before the one used, for the output channel. */
    skipped?: RejectedJava[];
    /** The class-data archive for this Java and jar: mapped when ready, else to be made after the start. */
    archive?: ArchivePlan;
}

/** Why the server can't be started, in words for the user. */
export class LaunchError extends Error {
    constructor(message: string, readonly kind: 'no-java' | 'no-server', readonly rejected: RejectedJava[] = []) {
        super(message);
        this.name = 'LaunchError';
    }
}

/** The JVM options from the setting: a list is taken as is (empty items dropped), a string is split. */
export function normalizeJavaOpts(opts: ArenaSettings['javaOpts']): string[] {
    if (opts == null) return [];
    const list = typeof opts === 'string' ? opts.split(/\s+/) : opts;
    return list.filter((o): o is string => typeof o === 'string').map(o => o.trim()).filter(o => o.length > 0);
}

/** The Java runtime a platform-specific .vsix carries (scripts/package-target.sh); absent otherwise. */
export function bundledRuntime(extensionPath: string): string {
    return path.join(extensionPath, 'runtime');
}

/** The jar shipped inside the extension (copied there when the .vsix is built). */
export function bundledJar(extensionPath: string): string {
    return path.join(extensionPath, 'server', 'arena-ls.jar');
}

export type ServerTarget = { kind: 'jar'; path: string; custom: boolean } | { kind: 'executable'; path: string };

/**
 * The server to run: `arena-ls.server.path` when set (a `.jar`, or else an executable launcher such
 * as `bin/arena-ls`), else the bundled jar.
 */
export function serverTarget(
    settings: ArenaSettings,
    extensionPath: string,
    env: NodeJS.ProcessEnv = process.env,
    platform: NodeJS.Platform = process.platform,
    isFile: (p: string) => boolean = defaultIsFile,
): ServerTarget {
    const custom = settings.serverPath?.trim();
    if (custom) {
        const p = expandHome(custom, env, platform);
        if (!isFile(p)) {
            throw new LaunchError(`The server set in "arena-ls.server.path" does not exist: ${p}\n` +
                'Fix: point "arena-ls.server.path" at an arena-ls jar or launcher, or clear it to use the server shipped with the extension.', 'no-server');
        }
        return p.toLowerCase().endsWith('.jar') ? { kind: 'jar', path: p, custom: true } : { kind: 'executable', path: p };
    }
    const jar = bundledJar(extensionPath);
    if (!isFile(jar)) {
        throw new LaunchError(`The server jar is missing from the extension: ${jar}\n` +
            'Fix: reinstall the extension, or set "arena-ls.server.path" to an arena-ls jar.', 'no-server');
    }
    return { kind: 'jar', path: jar, custom: false };
}

/** `java [defaults] [archive] [user options] -jar JAR`: user options come last, so they win. */
export function javaCommandLine(java: string, jar: string, javaOpts: ArenaSettings['javaOpts'], archive: string[] = []): { command: string; args: string[] } {
    return { command: java, args: [...DEFAULT_JVM_OPTIONS, ...archive, ...normalizeJavaOpts(javaOpts), '-jar', jar] };
}

/**
 * The server's command line for these settings. A launcher executable runs as is (it finds its own
 * Java); a jar runs with the Java found from `arena-ls.java.home`, JAVA_HOME or PATH, which must be
 * 17+, or a `LaunchError` with the fix is thrown.
 */
export async function resolveServerCommand(
    settings: ArenaSettings,
    extensionPath: string,
    opts: { env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform; isFile?: (p: string) => boolean; run?: JavaRunner;
        /** Where class-data archives are kept (the extension's global storage); none without it. */
        archiveDir?: string } = {},
): Promise<ServerCommand> {
    const env = opts.env ?? process.env;
    const platform = opts.platform ?? process.platform;
    const isFile = opts.isFile ?? defaultIsFile;
    const target = serverTarget(settings, extensionPath, env, platform, isFile);
    if (target.kind === 'executable') {
        return { command: target.path, args: [], description: `launcher ${target.path} (arena-ls.server.path)` };
    }
    const found = await findJava({ javaHome: settings.javaHome, bundledRuntime: bundledRuntime(extensionPath), env, platform, isFile }, opts.run ?? execJava);
    if (!found.ok) throw new LaunchError(found.message, 'no-java', found.rejected);
    const archive = opts.archiveDir ? planArchive(opts.archiveDir, found.java.executable, found.java.version, target.path) : undefined;
    const { command, args } = javaCommandLine(found.java.executable, target.path, settings.javaOpts, archiveOptions(archive));
    return {
        command,
        args,
        java: found.java,
        skipped: found.rejected,
        archive,
        description: `Java ${found.java.version} from ${found.java.source} (${found.java.executable}), ` +
            `${target.custom ? 'jar from arena-ls.server.path' : 'bundled jar'} ${target.path}`,
    };
}

/** A positive integer byte count, else the default. */
export function effectiveMaxFileSize(value: unknown): number {
    return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : DEFAULT_MAX_FILE_SIZE;
}

export type DiagnosticsMode = 'auto' | 'push' | 'pull';

/** The diagnostics mode setting: `push` or `pull` as given, anything else `auto`. */
export function effectiveDiagnosticsMode(value: unknown): DiagnosticsMode {
    return value === 'push' || value === 'pull' ? value : 'auto';
}

/**
 * `initializationOptions` for initialize: the server reads `maxFileSize` (bytes) and
 * `diagnosticMode`, sent only when not `auto` (the server's default).
 */
export function initializationOptions(settings: ArenaSettings): ServerSettings & { diagnosticMode?: 'push' | 'pull' } {
    const mode = effectiveDiagnosticsMode(settings.diagnosticsMode);
    const options: ServerSettings & { diagnosticMode?: 'push' | 'pull' } = serverSettings(settings);
    if (mode !== 'auto') options.diagnosticMode = mode;
    return options;
}

/** The settings the server reads at initialize and on every change, in its own shape. */
export interface ServerSettings {
    maxFileSize: number;
    diagnostics?: { unused: boolean };
    inlayHints?: { parameterNames?: 'none' | 'literals' | 'all'; enumMemberValues?: boolean };
    importDiagnostics?: 'off' | 'relative' | 'all';
    codeLens?: { references?: boolean; implementations?: boolean };
}

/** What of these settings the server reads: each feature setting only when it is set and valid. */
export function serverSettings(settings: ArenaSettings): ServerSettings {
    const out: ServerSettings = { maxFileSize: effectiveMaxFileSize(settings.maxFileSize) };
    if (typeof settings.unusedHints === 'boolean') out.diagnostics = { unused: settings.unusedHints };
    const names = settings.parameterNameHints;
    if (names === 'none' || names === 'literals' || names === 'all') out.inlayHints = { parameterNames: names };
    if (typeof settings.enumMemberValueHints === 'boolean') out.inlayHints = { ...out.inlayHints, enumMemberValues: settings.enumMemberValueHints };
    const imports = settings.importDiagnostics;
    if (imports === 'off' || imports === 'relative' || imports === 'all') out.importDiagnostics = imports;
    if (typeof settings.referencesCodeLens === 'boolean') out.codeLens = { references: settings.referencesCodeLens };
    if (typeof settings.implementationsCodeLens === 'boolean') out.codeLens = { ...out.codeLens, implementations: settings.implementationsCodeLens };
    return out;
}

/** The `workspace/didChangeConfiguration` payload after a settings change (server section "arena-ls"). */
export function configurationPayload(settings: ArenaSettings): { settings: { 'arena-ls': ServerSettings } } {
    return { settings: { 'arena-ls': serverSettings(settings) } };
}

/** Settings the server applies without a restart (sent with workspace/didChangeConfiguration). */
export const LIVE_SETTINGS: readonly string[] = ['arena-ls.maxFileSize', 'arena-ls.diagnostics.unused',
    'arena-ls.inlayHints.parameterNames', 'arena-ls.inlayHints.enumMemberValues', 'arena-ls.importDiagnostics',
    'arena-ls.codeLens.references', 'arena-ls.codeLens.implementations'];

/** Settings the server reads only at initialize: a change offers a restart (not restricted in untrusted workspaces). */
export const REINITIALIZE_SETTINGS: readonly string[] = ['arena-ls.diagnostics.mode'];

/** Settings whose change needs a server restart (they shape the process, not the session). */
export const RESTART_SETTINGS: readonly string[] = ['arena-ls.java.home', 'arena-ls.java.opts', 'arena-ls.server.path'];

/** Shell-like rendering of a command line for the output channel. */
export function renderCommandLine(command: string, args: readonly string[]): string {
    const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
    return [command, ...args].map(quote).join(' ');
}
