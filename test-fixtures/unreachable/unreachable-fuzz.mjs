// Random function bodies full of jumps (return, throw, break, continue, labels) judged by the pinned
// TypeScript: prints one JSON object {text, typescript} where typescript lists TypeScript's 7027
// ("Unreachable code detected.") and 7028 ("Unused label.") suggestions as [code, start, end].
// The Java side (UnreachableCodeOracleTest) compares arena-ls's own findings with them.
//   node unreachable-fuzz.mjs --seed 7 --count 500
import { loadTypeScript } from '../scripts/typescript-oracle.mjs';
import { fuzzerArguments } from '../scripts/seeded-random.mjs';

const args = process.argv.slice(2);
const { count, random, pick, chance } = fuzzerArguments(args, 200);


let labelId = 0;

/** A statement; ctx: {loop, switch, labels: [{name, loop}]}. */
function statement(depth, ctx, indent) {
    const jumps = ['return;', 'return 1;', 'throw e;'];
    if (ctx.loop || ctx.switch) jumps.push('break;');
    if (ctx.loop) jumps.push('continue;');
    for (const l of ctx.labels) {
        jumps.push(`break ${l.name};`);
        if (l.loop) jumps.push(`continue ${l.name};`);
    }
    const simple = ['f();', 'x = 1;', 'var v;', 'var w = 1;', 'let y = 2;', ';', 'function g() { return 1; }', 'class K {}', 'type T = 1;', 'const h = () => 1;'];
    if (depth <= 0) return pick(chance(0.5) ? jumps : simple);
    const inner = (extra) => block(depth - 1, { ...ctx, ...extra }, indent + '  ');
    switch (Math.floor(random() * 14)) {
        case 0: case 1: case 2: return pick(jumps);
        case 3: case 4: return pick(simple);
        case 5: return `if (c) ${inner({})}` + (chance(0.6) ? ` else ${inner({})}` : '');
        case 6: return inner({});
        case 7: return `while (c) ${inner({ loop: true, switch: false })}`;
        case 8: return `for (;;) ${inner({ loop: true, switch: false })}`;
        case 9: return `switch (s) { case 1: ${list(depth - 1, { ...ctx, switch: true }, indent)} default: ${list(depth - 1, { ...ctx, switch: true }, indent)} }`;
        case 10: {
            const handler = chance(0.7), finalizer = !handler || chance(0.3);
            return `try ${inner({})}` + (handler ? ` catch ${inner({})}` : '') + (finalizer ? ` finally ${inner({})}` : '');
        }
        case 11: {
            const name = 'L' + (labelId++);
            const loop = chance(0.6);
            const body = loop ? `for (;;) ${inner({ loop: true, switch: false, labels: [...ctx.labels, { name, loop: true }] })}`
                : inner({ labels: [...ctx.labels, { name, loop: false }] });
            return `${name}: ${body}`;
        }
        case 12: return `const q = () => ${block(depth - 1, { loop: false, switch: false, labels: [] }, indent + '  ')};`;
        default: return `function m() ${block(depth - 1, { loop: false, switch: false, labels: [] }, indent + '  ')}`;
    }
}

function list(depth, ctx, indent) {
    const n = Math.floor(random() * 4);
    const out = [];
    for (let i = 0; i < n; i++) out.push(statement(depth, ctx, indent));
    return out.join(' ');
}

function block(depth, ctx, indent) {
    const n = 1 + Math.floor(random() * 4);
    const out = [];
    for (let i = 0; i < n; i++) out.push(indent + statement(depth, ctx, indent));
    return '{\n' + out.join('\n') + '\n' + indent.slice(2) + '}';
}

const parts = ['declare let c: boolean, e: Error, s: number, x: number;\ndeclare function f(): void;\n'];
for (let i = 0; i < count; i++) {
    parts.push(`function p${i}() ${block(3, { loop: false, switch: false, labels: [] }, '  ')}\n`);
}
const text = parts.join('');

const ts = loadTypeScript();
const host = ts.createCompilerHost({});
const original = host.getSourceFile;
host.getSourceFile = (name, languageVersion) => name === '/fuzz.ts' ? ts.createSourceFile(name, text, languageVersion, true) : original(name, languageVersion);
const program = ts.createProgram(['/fuzz.ts'], { noLib: true, noResolve: true, types: [], strict: true }, host);
const file = program.getSourceFile('/fuzz.ts');
const syntax = program.getSyntacticDiagnostics(file);
if (syntax.length) { console.error('a generated program does not parse: ' + syntax[0].messageText); process.exit(2); }
const found = program.getSuggestionDiagnostics(file)
    .filter(d => d.code === 7027 || d.code === 7028)
    .map(d => [d.code, d.start, d.start + d.length]);
process.stdout.write(JSON.stringify({ text, typescript: found }) + '\n');
