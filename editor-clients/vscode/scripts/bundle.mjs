// Bundles the extension and vscode-languageclient into one file, dist/extension.js.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { clientDir } from './server-jar.mjs';

const result = await esbuild.build({
    entryPoints: [path.join(clientDir, 'src', 'extension.ts')],
    outfile: path.join(clientDir, 'dist', 'extension.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18', // VS Code 1.82 runs extensions on Node 18
    external: ['vscode'],
    minify: true,
    keepNames: true,
    sourcemap: false,
    logLevel: 'warning',
    metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`bundled dist/extension.js (${bytes} bytes)`);
