// Where the server jar is: $ARENA_LS_JAR, else ../../server/target/arena-ls.jar from this client.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const clientDir = path.resolve(here, '..');

export function serverJar() {
    return process.env.ARENA_LS_JAR
        ? path.resolve(process.env.ARENA_LS_JAR)
        : path.resolve(clientDir, '..', '..', 'server', 'target', 'arena-ls.jar');
}

export function requireServerJar() {
    const jar = serverJar();
    if (!existsSync(jar)) {
        console.error(`arena-ls: the server jar ${jar} is missing. Build it first ` +
            '(in the repository root: mvn -B -q -DskipTests install) or set ARENA_LS_JAR.');
        process.exit(2);
    }
    return jar;
}
