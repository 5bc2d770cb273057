import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { expandHome, findJava, javaCandidates, JavaRunner, javaNotFoundMessage, parseJavaVersion, probeJava } from '../src/java';

describe('parseJavaVersion', () => {
    const cases: [string, number, string][] = [
        ['openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)\n', 17, '17.0.15'],
        ['java version "1.8.0_392"\nJava(TM) SE Runtime Environment (build 1.8.0_392-b08)\n', 8, '1.8.0_392'],
        ['openjdk version "11.0.2" 2019-01-15\n', 11, '11.0.2'],
        ['openjdk version "21" 2023-09-19\nOpenJDK Runtime Environment Temurin-21+35 (build 21+35)\n', 21, '21'],
        ['openjdk version "25-ea" 2025-09-16\n', 25, '25-ea'],
        ['java version "9"\n', 9, '9'],
        ['Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding=UTF-8\nopenjdk version "17.0.2" 2022-01-18\n', 17, '17.0.2'],
        ['Picked up _JAVA_OPTIONS: -Xmx512m\r\nopenjdk version "22.0.1" 2024-04-16\r\n', 22, '22.0.1'],
    ];
    for (const [output, major, version] of cases) {
        it(`reads ${version} as Java ${major}`, () => {
            assert.deepEqual(parseJavaVersion(output), { major, version });
        });
    }
    it('returns undefined for output without a version', () => {
        assert.equal(parseJavaVersion(''), undefined);
        assert.equal(parseJavaVersion('Error: could not find libjava.so\n'), undefined);
        assert.equal(parseJavaVersion('openjdk version "abc"'), undefined);
    });
});

const files = (...paths: string[]) => {
    const set = new Set(paths);
    return (p: string) => set.has(p);
};

describe('javaCandidates', () => {
    it('tries the setting, then JAVA_HOME, then PATH, in that order', () => {
        const { candidates, rejected } = javaCandidates({
            javaHome: '/opt/jdk-21',
            env: { JAVA_HOME: '/usr/lib/jvm/java-17', PATH: '/usr/local/bin:/usr/bin:/bin' },
            platform: 'linux',
            isFile: files('/opt/jdk-21/bin/java', '/usr/lib/jvm/java-17/bin/java', '/usr/bin/java', '/bin/java'),
        });
        assert.deepEqual(candidates, [
            { source: 'arena-ls.java.home', executable: '/opt/jdk-21/bin/java' },
            { source: 'JAVA_HOME', executable: '/usr/lib/jvm/java-17/bin/java' },
            { source: 'PATH', executable: '/usr/bin/java' },
            { source: 'PATH', executable: '/bin/java' },
        ]);
        assert.deepEqual(rejected, []);
    });

    it('reports a configured home without bin/java, and skips PATH dirs without java', () => {
        const { candidates, rejected } = javaCandidates({
            javaHome: '/nowhere',
            env: { JAVA_HOME: '', PATH: '/a::/b' },
            platform: 'linux',
            isFile: files('/b/java'),
        });
        assert.deepEqual(candidates, [{ source: 'PATH', executable: '/b/java' }]);
        assert.deepEqual(rejected, [{ source: 'arena-ls.java.home', executable: '/nowhere/bin/java', reason: 'no such file' }]);
    });

    it('lists the same executable once', () => {
        const { candidates } = javaCandidates({
            env: { JAVA_HOME: '/jdk', PATH: '/jdk/bin:/jdk/bin/' },
            platform: 'linux',
            isFile: files('/jdk/bin/java'),
        });
        assert.deepEqual(candidates, [{ source: 'JAVA_HOME', executable: '/jdk/bin/java' }]);
    });

    it('uses java.exe, ; and Path on Windows', () => {
        const { candidates } = javaCandidates({
            javaHome: 'C:\\Program Files\\Java\\jdk-17',
            env: { Path: 'C:\\Windows;"C:\\Program Files\\Eclipse Adoptium\\jdk-21\\bin"' },
            platform: 'win32',
            isFile: files('C:\\Program Files\\Java\\jdk-17\\bin\\java.exe', 'C:\\Program Files\\Eclipse Adoptium\\jdk-21\\bin\\java.exe'),
        });
        assert.deepEqual(candidates.map(c => c.executable), [
            'C:\\Program Files\\Java\\jdk-17\\bin\\java.exe',
            'C:\\Program Files\\Eclipse Adoptium\\jdk-21\\bin\\java.exe',
        ]);
    });

    it('expands ~ in the setting', () => {
        assert.equal(expandHome('~/jdks/17', { HOME: '/home/u' }, 'linux'), '/home/u/jdks/17');
        assert.equal(expandHome('/abs/~x', { HOME: '/home/u' }, 'linux'), '/abs/~x');
        const { candidates } = javaCandidates({ javaHome: '~/jdk', env: { HOME: '/home/u' }, platform: 'linux', isFile: files('/home/u/jdk/bin/java') });
        assert.deepEqual(candidates, [{ source: 'arena-ls.java.home', executable: '/home/u/jdk/bin/java' }]);
    });
});

/** A fake `java -version`: executable → what it prints, or an Error to throw. */
function fakeRunner(table: Record<string, string | Error>): JavaRunner & { calls: string[] } {
    const calls: string[] = [];
    const run = async (exe: string, args: string[]) => {
        calls.push(`${exe} ${args.join(' ')}`);
        const v = table[exe];
        if (v instanceof Error) throw v;
        if (v === undefined) throw Object.assign(new Error(`spawn ${exe} ENOENT`), { code: 'ENOENT' });
        return v;
    };
    return Object.assign(run, { calls });
}

describe('findJava', () => {
    const env = { JAVA_HOME: '/jdk11', PATH: '/usr/bin' };
    const isFile = files('/jdk11/bin/java', '/usr/bin/java', '/jdk21/bin/java');

    it('skips a Java that is too old and takes the next 17+', async () => {
        const run = fakeRunner({ '/jdk11/bin/java': 'openjdk version "11.0.2"', '/usr/bin/java': 'openjdk version "17.0.15" 2025-04-15' });
        const r = await findJava({ env, platform: 'linux', isFile }, run);
        assert.ok(r.ok);
        assert.deepEqual(r.java, { source: 'PATH', executable: '/usr/bin/java', major: 17, version: '17.0.15' });
        assert.equal(r.rejected.length, 1);
        assert.match(r.rejected[0].reason, /Java 11 .* too old, 17 or newer/);
        assert.deepEqual(run.calls, ['/jdk11/bin/java -version', '/usr/bin/java -version']);
    });

    it('prefers the setting over JAVA_HOME and PATH', async () => {
        const run = fakeRunner({ '/jdk21/bin/java': 'openjdk version "21"', '/usr/bin/java': 'openjdk version "17.0.15"' });
        const r = await findJava({ javaHome: '/jdk21', env, platform: 'linux', isFile }, run);
        assert.ok(r.ok);
        assert.equal(r.java.source, 'arena-ls.java.home');
        assert.equal(r.java.major, 21);
        assert.deepEqual(run.calls, ['/jdk21/bin/java -version'], 'stops at the first usable one');
    });

    it('explains what was tried and how to fix it when nothing fits', async () => {
        const run = fakeRunner({ '/jdk11/bin/java': 'openjdk version "11.0.2"', '/usr/bin/java': new Error('boom') });
        const r = await findJava({ javaHome: '/missing', env, platform: 'linux', isFile }, run);
        assert.ok(!r.ok);
        assert.match(r.message, /needs Java 17 or newer/);
        assert.match(r.message, /arena-ls\.java\.home: \/missing\/bin\/java: no such file/);
        assert.match(r.message, /JAVA_HOME: \/jdk11\/bin\/java: Java 11/);
        assert.match(r.message, /PATH: \/usr\/bin\/java: `java -version` failed: .*boom/);
        assert.match(r.message, /Fix: install a JDK or JRE 17\+ .*set "arena-ls\.java\.home" to its folder .*JAVA_HOME.*Restart Server/);
    });

    it('says where it looked when there is no Java at all', async () => {
        const r = await findJava({ env: { PATH: '/empty' }, platform: 'darwin', isFile: () => false }, fakeRunner({}));
        assert.ok(!r.ok);
        assert.match(r.message, /"arena-ls\.java\.home" \(unset\), JAVA_HOME \(unset\) and PATH \(no java\)/);
        assert.match(r.message, /Contents\/Home/, 'a macOS example path');
        assert.equal(javaNotFoundMessage([], 'win32').includes('C:\\Program Files'), true);
    });

    it('reports a java -version that hangs as a timeout', async () => {
        const hang: JavaRunner = () => Promise.reject(Object.assign(new Error('killed'), { killed: true, signal: 'SIGTERM' }));
        const v = await probeJava('/x/java', hang, 5000);
        assert.deepEqual(v, { error: '`java -version` did not answer within 5 s' });
    });

    it('reports output without a version', async () => {
        const v = await probeJava('/x/java', async () => 'Error occurred during initialization of VM\n');
        assert.ok('error' in v && /could not read a version/.test(v.error));
    });
});

describe('findJava on this machine (real java -version)', () => {
    it('finds a Java 17+ from JAVA_HOME or PATH', async (t) => {
        const r = await findJava({ env: process.env, platform: process.platform });
        if (!r.ok) return t.skip(`no Java 17+ here: ${r.message}`);
        assert.ok(r.java.major >= 17);
        assert.ok(existsSync(r.java.executable));
    });

    it('a configured home wins over PATH', async (t) => {
        const homes = ['/usr/lib/jvm/temurin-25-jdk-amd64', '/usr/lib/jvm/java-17-openjdk-amd64'].filter(h => existsSync(`${h}/bin/java`));
        if (homes.length === 0) return t.skip('no JDK under /usr/lib/jvm');
        const r = await findJava({ javaHome: homes[0], env: { PATH: '/usr/bin' }, platform: 'linux' });
        assert.ok(r.ok, !r.ok ? r.message : '');
        assert.equal(r.java.source, 'arena-ls.java.home');
        assert.equal(r.java.executable, `${homes[0]}/bin/java`);
        assert.equal(r.java.major, homes[0].includes('25') ? 25 : 17);
    });
});
