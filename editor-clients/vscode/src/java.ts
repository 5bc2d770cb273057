// Finding a Java 17+ to run the server: the `arena-ls.java.home` setting, then the runtime shipped in
// a platform-specific .vsix, then JAVA_HOME, then `java` on PATH. No `vscode` import here, so node's test runner can load this module.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const MINIMUM_JAVA = 17;

export type JavaSource = 'arena-ls.java.home' | 'bundled runtime' | 'JAVA_HOME' | 'PATH';

export interface JavaCandidate {
    source: JavaSource;
    /** The java executable to run. */
    executable: string;
}

export interface JavaVersion {
    /** Feature release: 8 for "1.8.0_392", 17 for "17.0.15", 25 for "25-ea". */
    major: number;
    /** The quoted version string as the JVM printed it. */
    version: string;
}

export interface FoundJava extends JavaCandidate, JavaVersion {}

/** One candidate that was looked at and not used, with the reason. */
export interface RejectedJava extends JavaCandidate {
    reason: string;
}

export type JavaSearchResult =
    | { ok: true; java: FoundJava; rejected: RejectedJava[] }
    | { ok: false; rejected: RejectedJava[]; message: string };

export interface JavaEnvironment {
    /** The `arena-ls.java.home` setting, if any. */
    javaHome?: string | null;
    /** The Java home a platform-specific .vsix carries (`<extension>/runtime`); absent in the universal one. */
    bundledRuntime?: string | null;
    env: NodeJS.ProcessEnv;
    platform: NodeJS.Platform;
    /** True when a regular file exists there (injectable for tests). */
    isFile?: (p: string) => boolean;
}

/** Runs `java -version` and returns what it printed (stdout + stderr), or throws. */
export type JavaRunner = (executable: string, args: string[], timeoutMs: number) => Promise<string>;

function pathApi(platform: NodeJS.Platform): path.PlatformPath {
    return platform === 'win32' ? path.win32 : path.posix;
}

function javaExeName(platform: NodeJS.Platform): string {
    return platform === 'win32' ? 'java.exe' : 'java';
}

export function defaultIsFile(p: string): boolean {
    try {
        return fs.statSync(p).isFile();
    } catch {
        return false;
    }
}

/** Expands a leading `~` to the home directory (settings are often written that way). */
export function expandHome(p: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
    if (p === '~' || p.startsWith('~/') || (platform === 'win32' && p.startsWith('~\\'))) {
        const home = env.HOME || env.USERPROFILE;
        if (home) return pathApi(platform).join(home, p.slice(1));
    }
    return p;
}

/** The java executable inside a Java home folder. */
export function javaInHome(home: string, platform: NodeJS.Platform): string {
    return pathApi(platform).join(home, 'bin', javaExeName(platform));
}

/**
 * The candidates in the order they are tried. A configured home or JAVA_HOME is listed even when
 * its `bin/java` is missing (it is then rejected with that reason, which the error message shows);
 * PATH contributes every directory that holds a `java`.
 */
export function javaCandidates(e: JavaEnvironment): { candidates: JavaCandidate[]; rejected: RejectedJava[] } {
    const isFile = e.isFile ?? defaultIsFile;
    const p = pathApi(e.platform);
    const candidates: JavaCandidate[] = [];
    const rejected: RejectedJava[] = [];
    const seen = new Set<string>();
    const add = (source: JavaSource, executable: string) => {
        const key = e.platform === 'win32' ? executable.toLowerCase() : executable;
        if (seen.has(key)) return;
        seen.add(key);
        if (isFile(executable)) candidates.push({ source, executable });
        else rejected.push({ source, executable, reason: 'no such file' });
    };
    const configured = e.javaHome?.trim();
    if (configured) add('arena-ls.java.home', javaInHome(expandHome(configured, e.env, e.platform), e.platform));
    // only when it is there: the universal .vsix has none, which is no reason to mention
    const bundled = e.bundledRuntime ? javaInHome(e.bundledRuntime, e.platform) : undefined;
    if (bundled && isFile(bundled)) add('bundled runtime', bundled);
    const javaHome = e.env.JAVA_HOME?.trim();
    if (javaHome) add('JAVA_HOME', javaInHome(javaHome, e.platform));
    // Windows spells it Path; node's process.env is case-insensitive there, a plain object is not
    const pathVar = e.env.PATH ?? e.env.Path ?? '';
    for (const dir of pathVar.split(p.delimiter)) {
        if (!dir) continue;
        const exe = p.join(dir.replace(/^"(.*)"$/, '$1'), javaExeName(e.platform));
        if (isFile(exe)) add('PATH', exe);
    }
    return { candidates, rejected };
}

/**
 * Parses the output of `java -version`, e.g.
 * `openjdk version "17.0.15" 2025-04-15`, `java version "1.8.0_392"`, `openjdk version "25-ea"`.
 * Lines such as `Picked up JAVA_TOOL_OPTIONS: …` before it are skipped.
 */
export function parseJavaVersion(output: string): JavaVersion | undefined {
    const m = /\bversion\s+"([^"]+)"/.exec(output);
    if (!m) return undefined;
    const version = m[1];
    const legacy = /^1\.(\d+)/.exec(version); // 1.8.0_392 → 8
    const modern = /^(\d+)/.exec(version);
    const major = legacy ? Number(legacy[1]) : modern ? Number(modern[1]) : NaN;
    if (!Number.isFinite(major) || major <= 0) return undefined;
    return { major, version };
}

export const execJava: JavaRunner = (executable, args, timeoutMs) =>
    new Promise((resolve, reject) => {
        execFile(executable, args, { timeout: timeoutMs, windowsHide: true, encoding: 'utf8' }, (error, stdout, stderr) => {
            const out = `${stderr ?? ''}${stdout ?? ''}`;
            // `java -version` exits 0; anything else (not executable, killed by the timeout) is an error
            if (error) reject(Object.assign(error, { output: out }));
            else resolve(out);
        });
    });

/** Runs `java -version` on one executable: its version, or why it can't be used. */
export async function probeJava(
    executable: string,
    run: JavaRunner = execJava,
    timeoutMs = 15000,
): Promise<JavaVersion | { error: string }> {
    let out: string;
    try {
        out = await run(executable, ['-version'], timeoutMs);
    } catch (err) {
        const e = err as NodeJS.ErrnoException & { killed?: boolean };
        if (e.killed) return { error: `\`java -version\` did not answer within ${timeoutMs / 1000} s` };
        return { error: `\`java -version\` failed: ${e.code ?? ''} ${e.message ?? String(err)}`.replace(/\s+/g, ' ').trim() };
    }
    const v = parseJavaVersion(out);
    return v ?? { error: `could not read a version from \`java -version\`: ${out.trim().split('\n')[0] ?? ''}` };
}

/** The first candidate that runs and is Java `minimum`+, or a message saying what to do. */
export async function findJava(
    e: JavaEnvironment,
    run: JavaRunner = execJava,
    minimum = MINIMUM_JAVA,
): Promise<JavaSearchResult> {
    const { candidates, rejected } = javaCandidates(e);
    for (const c of candidates) {
        const v = await probeJava(c.executable, run);
        if ('error' in v) {
            rejected.push({ ...c, reason: v.error });
        } else if (v.major < minimum) {
            rejected.push({ ...c, reason: `Java ${v.major} ("${v.version}") is too old, ${minimum} or newer is needed` });
        } else {
            return { ok: true, java: { ...c, ...v }, rejected };
        }
    }
    return { ok: false, rejected, message: javaNotFoundMessage(rejected, e.platform, minimum) };
}

/** The error shown when no usable Java was found: what was tried, and the fix. */
export function javaNotFoundMessage(rejected: RejectedJava[], platform: NodeJS.Platform, minimum = MINIMUM_JAVA): string {
    const lines = [`arena-ls needs Java ${minimum} or newer to run its language server, and none was found.`];
    if (rejected.length === 0) {
        lines.push('Looked at: the setting "arena-ls.java.home" (unset), JAVA_HOME (unset) and PATH (no java).');
    } else {
        lines.push('Looked at:');
        for (const r of rejected) lines.push(`  - ${r.source}: ${r.executable}: ${r.reason}`);
    }
    const example = platform === 'win32' ? 'C:\\Program Files\\Eclipse Adoptium\\jdk-17' : platform === 'darwin'
        ? '/Library/Java/JavaVirtualMachines/temurin-17.jdk/Contents/Home' : '/usr/lib/jvm/java-17-openjdk-amd64';
    lines.push(
        `Fix: install a JDK or JRE ${minimum}+ (e.g. Eclipse Temurin from https://adoptium.net, or your system's openjdk-${minimum} package), ` +
        `then set "arena-ls.java.home" to its folder (e.g. "${example}") or set JAVA_HOME, and run "arena-ls: Restart Server".`,
    );
    return lines.join('\n');
}
