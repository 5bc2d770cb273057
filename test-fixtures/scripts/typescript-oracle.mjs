// The judge every node oracle of the test tree asks: the pinned typescript package, fetched into the
// cache (ARENA_LS_CACHE, else ~/.cache/arena-ls) by fetch-npm.sh when it is not there yet.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ORACLE_SPEC = 'typescript@6.0.3';
const scriptDir = path.dirname(fileURLToPath(import.meta.url));

/** The cache directory the fetch scripts use. */
export function defaultCache() {
    const env = process.env.ARENA_LS_CACHE;
    return env ? path.resolve(env) : path.join(process.env.HOME || os.homedir(), '.cache', 'arena-ls');
}

/** TypeScript's own module (`lib/typescript.js` of the pinned package), fetched first if need be. */
export function loadTypeScript(cache = defaultCache()) {
    const dir = path.join(cache, 'npm', ORACLE_SPEC, 'package');
    if (!fs.existsSync(path.join(cache, 'npm', ORACLE_SPEC, '.arena-ls-fetched'))) {
        execFileSync('bash', [path.join(scriptDir, 'fetch-npm.sh'), ORACLE_SPEC],
            { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ARENA_LS_CACHE: cache } });
    }
    return createRequire(path.join(dir, 'package.json'))(path.join(dir, 'lib', 'typescript.js'));
}
