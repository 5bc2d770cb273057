// Copies the server jar into server/arena-ls.jar, where the packaged extension looks for it, and the
// class list `mvn package` records beside it (the extension makes its class-data archive from it).
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { clientDir, requireServerJar } from './server-jar.mjs';

const jar = requireServerJar();
const dest = path.join(clientDir, 'server', 'arena-ls.jar');
mkdirSync(path.dirname(dest), { recursive: true });
copyFileSync(jar, dest);
console.log(`copied ${jar} (${statSync(dest).size} bytes) to ${path.relative(clientDir, dest)}`);
const list = path.join(path.dirname(jar), 'arena-ls-server.classlist');
const listDest = path.join(clientDir, 'server', 'arena-ls-server.classlist');
if (existsSync(list)) {
    copyFileSync(list, listDest);
    console.log(`copied ${list} to ${path.relative(clientDir, listDest)}`);
} else {
    rmSync(listDest, { force: true });
    console.log(`no class list beside the jar (${list}): the extension will start without a class-data archive`);
}
