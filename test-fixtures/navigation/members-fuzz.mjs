// Small programs of classes, interfaces, unions and the library's containers, with member reads
// through every way a value's type is declared (annotations, new, narrowing, generics'
// constraints, tuples, Records, Maps, Sets, promises, this), judged by the pinned TypeScript's
// language service: prints one JSON object {files: [{name, text, queries: [{at, ts, outside}]}]}
// where ts lists the spans getDefinitionAtPosition answers in the same file ([start, end]) and
// outside says it answered somewhere else (the library). MemberNavigationOracleTest compares
// arena-ls's definitions with them.
//   node members-fuzz.mjs --seed 7 --count 40
import { inMemoryLanguageService, loadTypeScript } from '../scripts/typescript-oracle.mjs';
import { mulberry32 } from '../scripts/seeded-random.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : fallback; };
const random = mulberry32(opt('--seed', 1));
const count = opt('--count', 40);

const pick = (xs) => xs[Math.floor(random() * xs.length)];
const chance = (p) => random() < p;

const NAMES = ['m', 'n', 'k', 'v', 'w', 'kind'];

/** One file: declarations, then uses; every `.name` read in the uses is a query. */
function program() {
    let text = '';
    const queries = [];
    const emit = (s) => { text += s; };
    // a read of a member: `object.name`, the name recorded as a query
    const read = (object) => {
        emit(object + '.');
        const name = pick(NAMES);
        queries.push(text.length + 1);
        emit(name);
    };
    emit('export {};\n'); // a module: the files' declarations do not merge
    const iMembers = NAMES.filter(() => chance(0.4));
    emit(`interface I { ${iMembers.map(n => n === 'm' ? 'm(): number;' : `${n}: number;`).join(' ')} }\n`);
    const implementsI = chance(0.5);
    const aField = NAMES.filter(n => n !== 'm' && n !== 'v' && (implementsI && iMembers.includes(n) || chance(0.4)));
    // A implements I correctly: every member I declares, v as a public parameter property
    const aParameterProperty = implementsI && iMembers.includes('v') ? 'constructor(public v: number) {}'
        : chance(0.5) ? `constructor(${pick(['public', 'readonly', 'protected', 'private'])} v: number) {}` : 'constructor(_v: number) {}';
    emit(`class A${implementsI ? ' implements I' : ''} { ${aField.map(n => `${n} = 1;`).join(' ')} ${aParameterProperty} m() { return 1; } `
        + `static create(): A { return new A(1); } self(): this { return this; } }\n`);
    const bOverrides = chance(0.5);
    emit(`class B extends A { ${bOverrides ? 'm() { return 2; } ' : ''}w = 2; }\n`);
    const cKind = chance(0.5) ? `kind = 'c' as const;` : `readonly kind = 'c';`;
    emit(`class C { m() { return 3; } ${chance(0.5) ? 'n = 3;' : ''} ${cKind} }\n`);
    emit(`class E { m() { return 4; } kind = 'e' as const; k = 4; }\n`);
    emit(`type U = ${pick(['A | C', 'C | E', 'A | B', 'C | E | null'])};\n`);
    emit(`declare const x: unknown;\ndeclare const arr: ${pick(['B[]', 'readonly B[]', 'Array<B>'])};\ndeclare const pr: Promise<A>;\n`);
    emit(`declare const mp: Map<string, C>;\ndeclare const st: Set<E>;\ndeclare const rec: Record<string, I>;\ndeclare const tup: [A, C];\n`);
    const uses = [
        () => { emit('const a1 = new A(1); '); read('a1'); },
        () => { emit('function f1(p: I) { '); read('p'); emit('; }'); },
        () => { emit('function f2(u: U) { '); read('u'); emit('; }'); },
        () => { emit('function f3(u: U) { if (u instanceof C) '); read('u'); emit('; }'); },
        () => { emit('function f4(u: U) { return u instanceof E ? '); read('u'); emit(' : 0; }'); },
        () => { emit(`function f5<T extends ${pick(['A', 'I', 'C'])}>(t: T) { `); read('t'); emit('; }'); },
        () => { emit('for (const e of arr) '); read('e'); emit(';'); },
        () => { read('arr[0]'); emit(';'); },
        () => { emit('const [h] = arr; '); read('h'); emit(';'); },
        () => { emit('arr.map(q => '); read('q'); emit(');'); },
        () => { emit('pr.then(r => '); read('r'); emit(');'); },
        () => { emit('async function f6() { const awaited = await pr; '); read('awaited'); emit('; }'); },
        () => { read('mp.get("k")?'); emit(';'); },
        () => { emit('mp.forEach(c => '); read('c'); emit(');'); },
        () => { emit('for (const [key, val] of mp) '); read('val'); emit(';'); },
        () => { emit('for (const s of st) '); read('s'); emit(';'); },
        () => { read('A.create()'); emit(';'); },
        () => { read('new B(1).self()'); emit(';'); },
        () => { read('rec.any'); emit(';'); },
        () => { read(`tup[${pick([0, 1])}]`); emit(';'); },
        () => { read('(<A>x)'); emit(';'); },
        () => { read('(x as C)'); emit(';'); },
        () => { emit('class D extends A { g() { return '); read('this'); emit('; } }'); },
        () => { emit('const lit = { m: 1, n: 2, g() { return '); read('this'); emit('; } };'); },
        () => { emit('function f7(u: U) { switch (u.kind) { case "c": '); read('u'); emit('; break; default: '); read('u'); emit('; } }'); },
    ];
    for (const use of uses) {
        if (!chance(0.6)) continue;
        use();
        emit('\n');
    }
    return { text, queries };
}

const ts = loadTypeScript();
const files = [];
for (let i = 0; i < count; i++) files.push({ name: `/members${i}.ts`, ...program() });
const byName = new Map(files.map(f => [f.name, f.text]));
const service = inMemoryLanguageService(ts, byName, { strict: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: [], noEmit: true });
const out = [];
for (const f of files) {
    const queries = [];
    // a read on a line TypeScript rejects (a member the type does not have, a union not narrowed, a possibly
    // null value) is not judged: a valid program only reads a union's member where it is narrowed to
    // constituents that have it
    const errors = service.getSemanticDiagnostics(f.name).map(d => [d.start, d.start + d.length]);
    for (const at of f.queries) {
        const found = service.getDefinitionAtPosition(f.name, at) ?? [];
        const here = found.filter(d => d.fileName === f.name).map(d => [d.textSpan.start, d.textSpan.start + d.textSpan.length]);
        const lineStart = f.text.lastIndexOf('\n', at - 1) + 1, lineEnd = f.text.indexOf('\n', at);
        const rejected = errors.some(([s, e]) => s <= lineEnd && e >= lineStart); // anything on the read's line (each use is one line)
        queries.push({ at, ts: here, outside: found.length > here.length, rejected });
    }
    out.push({ name: f.name.slice(1), text: f.text, queries });
}
process.stdout.write(JSON.stringify({ files: out }));
