// Small programs of classes, interfaces, unions and the library's containers, with member reads
// through every way a value's type is declared (annotations, new, narrowing, generics'
// constraints, tuples, Records, Maps, Sets, promises, this), judged by the pinned TypeScript's
// language service: prints one JSON object {files: [{name, text, queries: [{at, ts, outside}]}]}
// where ts lists the spans getDefinitionAtPosition answers in the same file ([start, end]) and
// outside says it answered somewhere else (the library). MemberNavigationOracleTest compares
// arena-ls's definitions with them. With --split each program is two modules (decls.ts exports the
// declarations, use.ts imports them and reads): {programs: [{files, queries: [{file, at, ts:
// [[file, start, end]], outside, rejected}]}]}, for MemberNavigationAcrossFilesOracleTest.
//   node members-fuzz.mjs --seed 7 --count 40 [--split]
import { checkerErrors, inMemoryLanguageService, loadTypeScript, onLineOf, onRejectedLine } from '../scripts/typescript-oracle.mjs';
import { fuzzerArguments } from '../scripts/seeded-random.mjs';

const args = process.argv.slice(2);
const { count, random, pick, chance } = fuzzerArguments(args, 40);


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
    // the nineteenth session's shapes: accessors, overloads, a generic class instantiated, members' and
    // functions' declared types, object literals, mapped library types, optional values
    emit(`class G { get m() { return 1; } set m(value: number) {} ${chance(0.5) ? 'get n() { return 2; }' : 'n = 2;'} }\n`);
    emit(`class O { m(a: number): ${pick(['A', 'number'])}; m(a: string): ${pick(['C', 'string'])}; m(a: any) { return a; } ${chance(0.5) ? 'k = 0;' : ''} }\n`);
    emit(`class Box<T> { value: T; constructor(v: T) { this.value = v; } get(): T { return this.value; } all(): T[] { return [this.value]; } }\n`);
    emit(`class H { c: C = new C(); getA(): A { return new A(1); } static s: E = new E(); }\n`);
    emit(`function make(): ${pick(['C', 'E', 'A'])} { return null!; }\n`);
    emit(`const obj = { c: new C(), e: new E() };\n`);
    emit(`declare const g: G;\ndeclare const bx: Box<${pick(['C', 'E', 'A', 'I'])}>;\ndeclare const hold: H;\ndeclare const fn: () => E;\n`);
    emit(`declare const nested: { inner: { c: C } };\ndeclare const mapped: ${pick(['Readonly<C>', 'Partial<A>', 'Required<I>'])};\n`);
    emit(`const mk = () => new ${pick(['C', 'E', 'A(1)'])};\nasync function load(): Promise<C> { return new C(); }\n`);
    emit(`class K { get c(): C { return new C(); } list: E[] = []; dict: { [key: string]: A } = {}; opt?: C; all(): C[] { return []; } }\n`);
    const instanceOf = pick(['C', 'E']);
    emit(`const inst = new ${instanceOf}();\nconst rep = new Box<${instanceOf}>(new ${instanceOf}());\n`);
    emit(`declare const kk: K;\ndeclare const cs: C[];\n`);
    const third = [
        () => { read('mk()'); emit(';'); },
        () => { emit('async function f11() { '); read('(await load())'); emit('; }'); },
        () => { read('kk.c'); emit(';'); },
        () => { read('kk.list[0]'); emit(';'); },
        () => { read('kk.dict["x"]'); emit(';'); },
        () => { read('kk.dict.any'); emit(';'); },
        () => { read('kk.opt?'); emit(';'); },
        () => { read('cs.find(c => c.n === 1)?'); emit(';'); },
        () => { read('cs.filter(Boolean)[0]'); emit(';'); },
        () => { read('cs.at(-1)!'); emit(';'); },
        () => { emit('for (const [i, c] of cs.entries()) '); read('c'); emit(';'); },
        () => { emit('const { c: fromK } = kk; '); read('fromK'); emit(';'); },
        () => { emit('function f12(this: C) { '); read('this'); emit('; }'); },
        () => { emit('const cb: (c: E) => void = (c) => '); read('c'); emit(';'); },
        () => { read('[new C()][0]'); emit(';'); },
        () => { read('inst'); emit(';'); },
        () => { emit(`for (const x of ${pick(['kk.all()', 'rep.all()', 'kk.list'])}) `); read('x'); emit(';'); },
        () => { emit(`${pick(['kk.all()', 'rep.all()'])}.map(y => `); read('y'); emit(');'); },
        () => { emit(`const [z] = ${pick(['kk.all()', 'rep.all()'])}; `); read('z'); emit(';'); },
        () => { read(`${pick(['kk.all()', 'rep.all()'])}[0]`); emit(';'); },
        () => { read(pick(['rep.value', 'rep.get()'])); emit(';'); },
        () => { emit('let late: C; late = new C(); '); read('late'); emit(';'); },
    ];
    const more = [
        () => { read('g'); emit(';'); },
        () => { read('new G()'); emit(';'); },
        () => { read('new O()'); emit('(1);'); },
        () => { read(`new O().m(${pick(['1', '"s"', '-2', '`t`'])})`); emit(';'); },
        () => { read('bx.value'); emit(';'); },
        () => { read('bx.get()'); emit(';'); },
        () => { read(`new Box(${pick(['new E()', 'new C()', 'new A(1)'])}).value`); emit(';'); },
        () => { read('hold.c'); emit(';'); },
        () => { read('hold.getA()'); emit(';'); },
        () => { read('H.s'); emit(';'); },
        () => { read('make()'); emit(';'); },
        () => { read('obj.c'); emit(';'); },
        () => { emit('const { e: fromObj } = obj; '); read('fromObj'); emit(';'); },
        () => { emit('function f8(p = new A(1)) { '); read('p'); emit('; }'); },
        () => { emit('function f9(p?: C) { '); read('p?'); emit('; }'); },
        () => { emit('class D2 { c = new C(); g() { '); read('this.c'); emit('; } }'); },
        () => { emit('function f10({ c }: { c: C }) { '); read('c'); emit('; }'); },
        () => { read('fn()'); emit(';'); },
        () => { read('nested.inner.c'); emit(';'); },
        () => { read('mapped'); emit(';'); },
        () => { emit('let maybe: A | undefined; '); read('maybe!'); emit(';'); },
    ];
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
    for (const use of [...uses, ...more, ...third]) {
        if (!chance(0.6)) continue;
        use();
        emit('\n');
    }
    return { text, queries };
}

/**
 * --split: the same program as two modules, the types and functions exported from decls.ts and the
 * uses in use.ts importing them, so that every member is declared in another file than it is read.
 */
const split = args.includes('--split');
const EXPORTED = ['I', 'A', 'B', 'C', 'E', 'U', 'G', 'O', 'Box', 'H', 'make', 'obj', 'mk', 'load', 'K', 'inst', 'rep'];
function splitProgram(index, { text, queries }) {
    const lines = text.split('\n');
    let used = 0, declarations = '', preamble = `import { ${EXPORTED.join(', ')} } from './decls';\n`;
    let usesStart = 0;
    for (const line of lines) { // the declarations come first, the uses after the last declared const
        if (/^(interface|class|type|function make|const (obj|mk|inst|rep)\b|async function load|declare const|export \{\})/.test(line)) usesStart += line.length + 1, used++;
        else break;
    }
    for (const line of lines.slice(0, used)) {
        if (line.startsWith('declare const')) preamble += line + '\n';
        else if (!line.startsWith('export {}')) declarations += 'export ' + line + '\n';
    }
    const uses = preamble + text.slice(usesStart);
    const shift = preamble.length - usesStart;
    const dir = `/p${index}`;
    return {
        files: [{ name: `${dir}/decls.ts`, text: declarations }, { name: `${dir}/use.ts`, text: uses }],
        queries: queries.map(at => ({ file: `${dir}/use.ts`, at: at + shift })),
    };
}

const ts = loadTypeScript();
const files = [];
const programs = [];
for (let i = 0; i < count; i++) {
    const generated = program();
    if (split) {
        const p = splitProgram(i, generated);
        programs.push(p);
        files.push(...p.files);
    } else {
        files.push({ name: `/members${i}.ts`, ...generated });
    }
}
const byName = new Map(files.map(f => [f.name, f.text]));
const service = inMemoryLanguageService(ts, byName, { strict: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: [], noEmit: true,
    module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler });
if (split) {
    const out = [];
    for (const p of programs) {
        const use = p.files[1];
        const rejected = onRejectedLine(service, use.name, use.text);
        const queries = p.queries.map(({ file, at }) => {
            const found = service.getDefinitionAtPosition(file, at) ?? [];
            const inProgram = found.filter(d => byName.has(d.fileName));
            return { file: file.slice(1), at, ts: inProgram.map(d => [d.fileName.slice(1), d.textSpan.start, d.textSpan.start + d.textSpan.length]),
                outside: found.length > inProgram.length, rejected: rejected(at) };
        });
        out.push({ files: p.files.map(f => ({ name: f.name.slice(1), text: f.text })), queries });
    }
    process.stdout.write(JSON.stringify({ programs: out }));
} else {
    process.stdout.write(JSON.stringify({ files: singleFileAnswers() }));
}

/** The single-file programs' answers: TypeScript's definitions in the same file ([start, end]). */
function singleFileAnswers() {
    const out = [];
    for (const f of files) {
        // a read on a line TypeScript rejects (a member the type does not have, a union not narrowed, a possibly
        // null value) is not judged: a valid program only reads a union's member where it is narrowed to
        // constituents that have it
        const errors = checkerErrors(service, f.name);
        const rejected = onLineOf(errors, f.text);
        const queries = f.queries.map((at, i) => {
            const found = service.getDefinitionAtPosition(f.name, at) ?? [];
            const here = found.filter(d => d.fileName === f.name).map(d => [d.textSpan.start, d.textSpan.start + d.textSpan.length]);
            // references (declarations included), for every other read whose definition is in the file (they cost the most)
            const refs = i % 2 === 1 || here.length === 0 || found.length > here.length ? [] : (service.getReferencesAtPosition(f.name, at) ?? [])
                .map(r => [r.fileName === f.name ? r.textSpan.start : -1, r.textSpan.start + r.textSpan.length]);
            return { at, ts: here, refs, outside: found.length > here.length, rejected: rejected(at) };
        });
        out.push({ name: f.name.slice(1), text: f.text, queries, errors });
    }
    return out;
}
