#!/usr/bin/env node
// `arena-ls check` against `oxlint -A all` and Biome's `lint` with every rule off: whole processes
// (start-up included), wall time from spawn to exit, 2 threads, the same trees, in one run.
//
//   node benchmarks/peer/check-vs-oxlint.mjs [--runs N] [--threads T] [--trees effect,tsx,generated]
//
// Trees (the packages fetched pinned by test-fixtures/scripts/fetch-npm.sh into ~/.cache/arena-ls):
//   effect     effect@4.1.0, the whole package (1,771 source files, 45 MiB)
//   tsx        @blueprintjs/core@6.20.0 src/ (218 .tsx and 81 .ts files): a TSX-heavy package
//   generated  the 20,000 small TypeScript modules IndexingHarness --generate writes (written once per
//              invocation into a temporary directory by dev.arenals.server.bench.WriteGeneratedProject,
//              removed at the end)
// Tools:
//   arena-ls  bin/arena-ls check --no-ignore -q -j T DIR (the launcher as a user runs it: its runtime
//             image, class-data archive and flags; build: mvn -B -q -o -pl server -am package -DskipTests)
//   oxlint    oxlint@1.96.0 -A all --threads T DIR: every rule off, so what is left is reading, parsing
//             and oxc's semantic pass (syntax and scope errors). The npm package is a Node launcher of
//             a native binding, so its process includes Node's start.
//   biome     @biomejs/biome@2.6.9's native binary (cli-linux-x64, what the package's `biome` script
//             execs, without that Node wrapper): lint with a configuration that turns every rule off
//             (preset none), formatter and assist off, no VCS, no file-size limit, the same
//             extensions as check. It has no thread option; RAYON_NUM_THREADS=T is set, and the
//             machine's 2 cores bound it anyway.
//   floor     bin/arena-ls check --version: arena-ls's start-up alone (launcher, runtime image, flags,
//             class-data archive; no walk, no parse), the floor under its column in the same run.
//   resident  bin/arena-ls check --resident --no-ignore -q -j T DIR: the opt-in resident mode, the same
//             check served by a daemon over a Unix-domain socket (docs/check.md, "Resident mode"). The
//             daemon lives in a private directory of this run (ARENA_LS_RESIDENT_DIR) and is stopped
//             before each tree, so each tree's untimed first run starts it (reported apart: "first
//             run"); the timed runs are a warm daemon's. Its CPU is the client process's plus the
//             daemon's (/proc/PID/stat before and after each run). The cold `arena-ls` column stays.
// The packages are npm-installed pinned into ${ARENA_LS_CACHE:-~/.cache/arena-ls}/peer/lint-peers
// (never into the repository). Every run starts each tool once per tree, the order rotating from
// run to run; one untimed run of each first warms the page cache. The table gives the median wall
// time over runs with the min–max, arena-ls's median / each peer's, and the median CPU time (user +
// system, all threads) of each process, which the machine's load inflates less. Each tool's file
// count is read from its own summary line, to show they checked the same files.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = process.env.ARENA_LS_CACHE ?? path.join(os.homedir(), '.cache', 'arena-ls');
const PEERS = ['oxlint@1.96.0', '@biomejs/biome@2.6.9'];
const EXTENSIONS = ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'];

let runs = 5, threads = 2, trees = ['effect', 'tsx', 'generated'];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') runs = Number(argv[++i]);
    else if (a === '--threads') threads = Number(argv[++i]);
    else if (a === '--trees') trees = argv[++i].split(',').filter(Boolean);
    else if (a === '-h' || a === '--help') { console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split("\n").slice(1, 31).join('\n')); process.exit(0); }
    else fail(`unknown argument ${a}`);
}
for (const t of trees) if (!['effect', 'tsx', 'generated'].includes(t)) fail(`unknown tree ${t}`);
if (!(runs >= 1) || !(threads >= 1)) fail('--runs and --threads must be at least 1');

function fail(message) {
    console.error(`check-vs-oxlint: ${message}`);
    process.exit(2);
}

// ---------------------------------------------------------------- tools and trees, fetched pinned
const jar = path.join(ROOT, 'server', 'target', 'arena-ls.jar');
if (!existsSync(jar)) fail(`${jar} is missing: build it (mvn -B -q -o -pl server -am package -DskipTests)`);

function ensurePeers() {
    const prefix = path.join(CACHE, 'peer', 'lint-peers');
    const ok = PEERS.every(spec => {
        const at = spec.lastIndexOf('@');
        const pj = path.join(prefix, 'node_modules', spec.slice(0, at), 'package.json');
        return existsSync(pj) && JSON.parse(readFileSync(pj, 'utf8')).version === spec.slice(at + 1);
    });
    if (!ok) {
        mkdirSync(prefix, { recursive: true });
        writeFileSync(path.join(prefix, 'package.json'), '{ "private": true }\n');
        const r = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--save-exact', '--prefix', prefix, ...PEERS],
            { stdio: ['ignore', 'inherit', 'inherit'] });
        if (r.status !== 0) fail(`npm install ${PEERS.join(' ')} failed`);
    }
    const biome = path.join(prefix, 'node_modules', '@biomejs', `cli-${process.platform}-${process.arch === 'x64' ? 'x64' : process.arch}`, 'biome');
    if (!existsSync(biome)) fail(`no Biome binary for this platform at ${biome}`);
    return { oxlint: path.join(prefix, 'node_modules', 'oxlint', 'bin', 'oxlint'), biome };
}

function fetchPackages(...specs) {
    const out = execFileSync('bash', [path.join(ROOT, 'test-fixtures', 'scripts', 'fetch-npm.sh'), ...specs], { encoding: 'utf8' });
    return Object.fromEntries(out.trim().split('\n').map(l => { const s = l.indexOf(' '); return [l.slice(0, s), l.slice(s + 1)]; }));
}

const tools = ensurePeers();
const pkgs = fetchPackages('effect@4.1.0', '@blueprintjs/core@6.20.0');
const temps = [];
const treeDirs = {
    effect: () => pkgs['effect@4.1.0'],
    tsx: () => path.join(pkgs['@blueprintjs/core@6.20.0'], 'src'),
    generated: () => {
        const out = execFileSync('java', ['-cp', jar, 'dev.arenals.server.bench.WriteGeneratedProject', '20000'], { encoding: 'utf8' }).trim();
        temps.push(out);
        return out;
    },
};

const biomeConfig = mkdtempSync(path.join(os.tmpdir(), 'arena-ls-biome-'));
temps.push(biomeConfig);
writeFileSync(path.join(biomeConfig, 'biome.json'), JSON.stringify({
    vcs: { enabled: false },
    files: { maxSize: 1 << 30, ignoreUnknown: true, includes: EXTENSIONS.map(e => `**/*.${e}`) },
    formatter: { enabled: false },
    assist: { enabled: false },
    linter: { enabled: true, rules: { preset: 'none' } },
}, null, 2));

const COMMANDS = {
    'arena-ls': dir => [path.join(ROOT, 'bin', 'arena-ls'), ['check', '--no-ignore', '-q', '-j', String(threads), dir], {}],
    oxlint: dir => [tools.oxlint, ['-A', 'all', '--threads', String(threads), dir], {}],
    biome: dir => [tools.biome, ['lint', `--config-path=${biomeConfig}`, '--max-diagnostics=0', dir], { RAYON_NUM_THREADS: String(threads) }],
    // the floor of a JVM `check`: the same launcher, runtime image, flags and class-data archive,
    // exiting after its arguments are read (no walk, no parse), timed in the same rotation
    floor: () => [path.join(ROOT, 'bin', 'arena-ls'), ['check', '--version'], {}],
    resident: dir => [path.join(ROOT, 'bin', 'arena-ls'), ['check', '--resident', '--no-ignore', '-q', '-j', String(threads), dir],
        { ARENA_LS_RESIDENT_DIR: residentDir }],
};
// the resident daemon's private directory (0700: the client refuses any other)
const residentDir = mkdtempSync(path.join(os.tmpdir(), 'arena-ls-resident-'));
temps.push(residentDir);

function stopResident() {
    spawnSync(path.join(ROOT, 'bin', 'arena-ls'), ['check', '--resident-stop'], { env: { ...process.env, ARENA_LS_RESIDENT_DIR: residentDir } });
    // --resident-stop returns at once; wait until the daemon has let go of its lock (exited)
    for (let i = 0; i < 200 && residentPid() !== null; i++) spawnSync('sleep', ['0.05']);
}

/** The running daemon's pid (from its lock file), or null. */
function residentPid() {
    for (const f of readdirSync(residentDir)) {
        if (!f.endsWith('.lock')) continue;
        const pid = Number(readFileSync(path.join(residentDir, f), 'utf8').trim());
        if (pid > 0 && existsSync(`/proc/${pid}`)) return pid;
    }
    return null;
}

/** A process's user + system CPU time in ms (utime + stime of /proc/PID/stat), 0 when it is gone. */
function processCpuMs(pid) {
    if (pid === null) return 0;
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
        return 0;
    }
}
const TOOLS = Object.keys(COMMANDS);
const CHECKERS = TOOLS.filter(t => t !== 'floor');
const IS_ARENA = t => t === 'arena-ls' || t === 'resident';

/** The file count of a tool's summary line (check prints none with -q: that run counts files apart). */
function filesSeen(tool, output) {
    const m = tool === 'oxlint' ? /on (\d+) files/.exec(output)
        : tool === 'biome' ? /Checked (\d+) files?/.exec(output)
            : /check: (\d+) files/.exec(output);
    return m ? Number(m[1]) : null;
}

/**
 * User + system CPU time, in ms, of this process's waited-for children so far (cutime + cstime of
 * /proc/self/stat, in clock ticks of 10 ms): spawnSync waits for its child, so the difference
 * around one is that child's CPU time, all its threads, which other processes' load inflates far
 * less than wall time.
 */
function childrenCpuMs() {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10; // fields 16 and 17 of proc(5), counted from 1 with pid and comm
}

function runOnce(tool, dir) {
    const [command, args, env] = COMMANDS[tool](dir);
    const daemon = tool === 'resident' ? residentPid() : null;
    const daemonStart = processCpuMs(daemon);
    const cpuStart = childrenCpuMs();
    const start = process.hrtime.bigint();
    const r = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.error) fail(`${tool}: ${r.error.message}`);
    if (tool === 'resident' && /running the check cold|cannot start/.test(r.stderr)) fail(`resident: ${r.stderr}`);
    const daemonCpuMs = daemon !== null && residentPid() === daemon ? processCpuMs(daemon) - daemonStart : 0;
    return { ms, cpuMs: childrenCpuMs() - cpuStart, daemonCpuMs, status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

function median(values) {
    const v = [...values].sort((a, b) => a - b);
    const n = v.length;
    return n % 2 ? v[n >> 1] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// ---------------------------------------------------------------- the runs
const loadBefore = readFileSync('/proc/loadavg', 'utf8').trim();
const started = new Date().toISOString();
const rows = [];
try {
    for (const tree of trees) {
        const dir = treeDirs[tree]();
        // untimed: the page cache, and each tool's file count and exit status
        const seen = {};
        stopResident(); // each tree's first resident run starts the daemon
        let residentFirst = null;
        for (const tool of TOOLS) {
            let r;
            if (IS_ARENA(tool)) {
                const [c, a, env] = COMMANDS[tool](dir);
                const start = process.hrtime.bigint();
                const x = spawnSync(c, a.filter(v => v !== '-q'), { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
                if (tool === 'resident') residentFirst = Number(process.hrtime.bigint() - start) / 1e6;
                r = { status: x.status, output: x.stderr };
            } else {
                r = runOnce(tool, dir);
            }
            seen[tool] = { files: filesSeen(tool, r.output), status: r.status };
        }
        const times = Object.fromEntries(TOOLS.map(t => [t, []]));
        const cpu = Object.fromEntries(TOOLS.map(t => [t, []]));
        const daemonCpu = [];
        for (let run = 0; run < runs; run++) {
            for (let k = 0; k < TOOLS.length; k++) {
                const tool = TOOLS[(run + k) % TOOLS.length];
                process.stderr.write(`${tree} run ${run + 1}/${runs}: ${tool}\n`);
                const r = runOnce(tool, dir);
                times[tool].push(r.ms);
                cpu[tool].push(r.cpuMs);
                if (tool === 'resident') daemonCpu.push(r.daemonCpuMs);
            }
        }
        rows.push({ tree, dir, seen, times, cpu, daemonCpu, residentFirst });
    }
} finally {
    stopResident();
    for (const t of temps) rmSync(t, { recursive: true, force: true });
}
const loadAfter = readFileSync('/proc/loadavg', 'utf8').trim();

// ---------------------------------------------------------------- the table
const fmt = ms => ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
console.log(`\n${started}, ${runs} run(s) per tool and tree, ${threads} threads; load average ${loadBefore} → ${loadAfter}; ${os.cpus().length} cores`);
console.log(`arena-ls: bin/arena-ls check --no-ignore -q -j ${threads}; oxlint@1.96.0 -A all --threads ${threads}; biome@2.6.9 lint, every rule off\n`);
console.log('| tree | files (arena-ls / oxlint / biome / resident) | arena-ls median (min–max) | oxlint median (min–max) | biome median (min–max) | arena-ls / oxlint | arena-ls / biome | JVM floor: `check --version` | CPU s median: arena-ls / oxlint / biome / floor |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const residentRows = [];
for (const { tree, seen, times, cpu, daemonCpu, residentFirst } of rows) {
    const cell = t => `${fmt(median(times[t]))} (${fmt(Math.min(...times[t]))}–${fmt(Math.max(...times[t]))})`;
    const files = CHECKERS.map(t => `${seen[t].files ?? '?'}${seen[t].status ? ` (exit ${seen[t].status})` : ''}`).join(' / ');
    const ratio = other => `**${(median(times['arena-ls']) / median(times[other])).toFixed(2)}×**`;
    const cpus = TOOLS.filter(t => t !== 'resident').map(t => (median(cpu[t]) / 1000).toFixed(2)).join(' / ');
    console.log(`| ${tree} | ${files} | ${cell('arena-ls')} | ${cell('oxlint')} | ${cell('biome')} | ${ratio('oxlint')} | ${ratio('biome')} | ${cell('floor')} | ${cpus} |`);
    const r = (a, b) => `**${(median(times[a]) / median(times[b])).toFixed(2)}×**`;
    const ms = v => (median(v) / 1000).toFixed(2);
    residentRows.push(`| ${tree} | ${cell('resident')} | ${fmt(residentFirst)} | ${cell('arena-ls')} | ${cell('oxlint')} | ${r('resident', 'oxlint')} | ${r('resident', 'biome')} | ${r('resident', 'arena-ls')} | ${ms(cpu.resident)} / ${ms(daemonCpu)} | ${ms(cpu['arena-ls'])} / ${ms(cpu.oxlint)} / ${ms(cpu.floor)} |`);
}
console.log('\nThe resident mode (opt-in; `check --resident`, a warm daemon; the same runs as above):\n');
console.log('| tree | resident median (min–max) | first run (starts the daemon) | cold arena-ls | oxlint | resident / oxlint | resident / biome | resident / cold | CPU s median: client / daemon | CPU s: cold / oxlint / floor |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const line of residentRows) console.log(line);
console.log('\n(wall-time ratios: below 1 means arena-ls took less wall time; CPU: user + system time of the process, all threads)');
