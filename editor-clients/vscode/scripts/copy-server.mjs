// Copies the server jar into server/arena-ls.jar, where the packaged extension looks for it.
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { clientDir, requireServerJar } from './server-jar.mjs';

const jar = requireServerJar();
const dest = path.join(clientDir, 'server', 'arena-ls.jar');
mkdirSync(path.dirname(dest), { recursive: true });
copyFileSync(jar, dest);
console.log(`copied ${jar} (${statSync(dest).size} bytes) to ${path.relative(clientDir, dest)}`);
