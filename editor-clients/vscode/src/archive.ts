// The server's class-data archive for the Java that runs it: the classes a session loads, mapped from
// one file instead of read and verified from the jar at every start (about half the CPU to
// `initialize`: docs/performance-comparison.md). `bin/arena-ls` gets its archive from the build;
// the extension cannot, as the user's Java is only known here. So the first start records nothing
// and runs as before; right after it the extension dumps an archive from the class list shipped
// beside the jar (`-Xshare:dump`, a static archive: nothing of the server runs), keyed by that
// Java and that jar, and every later start maps it. No `vscode` import here, so node's test runner
// can load this module.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The class list `mvn package` records (server/scripts/server-archive.sh), shipped beside the jar. */
export const CLASS_LIST = 'arena-ls-server.classlist';

const PREFIX = 'arena-ls-server-';
const SUFFIX = '.jsa';

/** Where the archive for one Java and one jar lives, and whether it is there yet. */
export interface ArchivePlan {
    /** The archive file, named by a hash of the Java executable, its version and the jar. */
    archive: string;
    ready: boolean;
    java: string;
    jar: string;
    classList: string;
    storageDir: string;
}

/**
 * The archive for `java` (its resolved path and version string) running `jar`, in `storageDir`;
 * undefined when there is no class list beside the jar or the files cannot be read. A changed jar
 * (an update of the extension, a rebuilt custom jar) or another Java gets another name, so a stale
 * archive is never given to a JVM: a JVM refuses a mismatched one and then shares nothing at all.
 */
export function planArchive(storageDir: string, java: string, javaVersion: string, jar: string): ArchivePlan | undefined {
    const classList = path.join(path.dirname(jar), CLASS_LIST);
    try {
        const jarStat = fs.statSync(jar);
        const listStat = fs.statSync(classList);
        let javaPath = java;
        try { javaPath = fs.realpathSync(java); } catch { /* a name on PATH: keep it */ }
        const key = createHash('sha256')
            .update([javaPath, javaVersion, path.resolve(jar), jarStat.size, jarStat.mtimeMs, listStat.size, listStat.mtimeMs].join('\0'))
            .digest('hex').slice(0, 16);
        const archive = path.join(storageDir, PREFIX + key + SUFFIX);
        return { archive, ready: isNonEmptyFile(archive), java, jar, classList, storageDir };
    } catch {
        return undefined;
    }
}

function isNonEmptyFile(p: string): boolean {
    try {
        const s = fs.statSync(p);
        return s.isFile() && s.size > 0;
    } catch {
        return false;
    }
}

/**
 * The JVM options that map a ready archive; none otherwise. The JVM's notes about classes it could
 * not archive or map stay off stderr (the output channel), as in `bin/arena-ls`.
 */
export function archiveOptions(plan: ArchivePlan | undefined): string[] {
    if (!plan || !plan.ready) return [];
    return [`-XX:SharedArchiveFile=${plan.archive}`, '-Xlog:cds=off:stderr', '-Xlog:cds+dynamic=off:stderr'];
}

/** The command that writes the archive to `output`. */
export function dumpCommandLine(plan: ArchivePlan, output: string): { command: string; args: string[] } {
    return {
        command: plan.java,
        args: ['-Xshare:dump', `-XX:SharedClassListFile=${plan.classList}`, `-XX:SharedArchiveFile=${output}`,
            '-Xlog:disable', '-Xlog:all=error:stderr', '-cp', plan.jar],
    };
}

export type CommandRunner = (command: string, args: string[], timeoutMs: number) => Promise<void>;

const runCommand: CommandRunner = (command, args, timeoutMs) => new Promise((resolve, reject) => {
    execFile(command, args, { timeout: timeoutMs, windowsHide: true, maxBuffer: 4 * 1024 * 1024 }, err => (err ? reject(err) : resolve()));
});

/**
 * Dumps the archive of `plan` (a few seconds, once per Java and jar): written under a temporary
 * name and renamed when complete, so a JVM never maps half a file and two windows dumping at once
 * do not clash. Archives of other keys in the directory (an older jar, another Java) are removed.
 * Resolves to the archive's path, or rejects with the reason.
 */
export async function makeArchive(plan: ArchivePlan, run: CommandRunner = runCommand, timeoutMs = 120_000): Promise<string> {
    fs.mkdirSync(plan.storageDir, { recursive: true });
    const temporary = `${plan.archive}.${process.pid}.tmp`;
    const { command, args } = dumpCommandLine(plan, temporary);
    try {
        await run(command, args, timeoutMs);
        if (!isNonEmptyFile(temporary)) throw new Error(`the JVM wrote no archive to ${temporary}`);
        fs.renameSync(temporary, plan.archive);
    } finally {
        fs.rmSync(temporary, { force: true });
    }
    for (const name of fs.readdirSync(plan.storageDir)) {
        const p = path.join(plan.storageDir, name);
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX) || p === plan.archive) continue;
        try { fs.rmSync(p, { force: true }); } catch { /* mapped by a running server (Windows): next time */ }
    }
    return plan.archive;
}
