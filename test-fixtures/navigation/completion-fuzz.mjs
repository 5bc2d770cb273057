// Small multi-module TypeScript projects (a model module of interfaces, classes with fields, methods,
// getters, static, private, protected and parameter properties, a discriminated union, an enum and
// functions; a TSX module of components; an app module importing both) with completion cursors
// where a user types a name: after `obj.`, `this.`, `Class.`, `ns.`, a narrowed union, a constrained
// type parameter, on a key of (or an empty slot in) an object literal given an interface, on a JSX attribute, at a
// statement's start, in an import list. Each cursor sits at the start of a name written there, so
// the program stays whole and TypeScript's checker says whether the name is valid; a cursor on a line
// it rejects is not judged. Prints one JSON object
//   {projects: [{files: [{name, text}], declared: [names], queries: [{file, at, context, written, rejected, ts: [names]}]}]}
// where ts is getCompletionsAtPosition's entry names without keywords (at a statement's or annotation's start only the
// names the project declares: the standard library's globals are another list) and declared lists
// every name the project declares. CompletionOracleTest compares arena-ls's completion with them.
//   node completion-fuzz.mjs --seed 7 --count 30
import { inMemoryLanguageService, loadTypeScript, onRejectedLine } from '../scripts/typescript-oracle.mjs';
import { fuzzerArguments } from '../scripts/seeded-random.mjs';

const args = process.argv.slice(2);
const { count, random, pick, chance } = fuzzerArguments(args, 30);

const some = (xs, p) => xs.filter(() => chance(p));

const MEMBER_NAMES = ['name', 'size', 'label', 'total', 'owner', 'level', 'tag', 'value', 'score', 'code'];
const METHOD_NAMES = ['describe', 'render', 'update', 'reset', 'compute'];

/** A file being written: text, and the cursors placed in it. */
class Emitter {
    constructor(name) { this.name = name; this.text = ''; this.cursors = []; }
    emit(s) { this.text += s; }
    /** `written` at a cursor (the cursor at its start); nothing when there is no valid name to write. */
    cursor(context, written) {
        if (written == null) return false;
        this.cursors.push({ at: this.text.length, context, written });
        this.emit(written);
        return true;
    }
}

// ---- the model: interfaces and classes as data, rendered, and what each position may read ----

function interfaceSpec(name, base) {
    const members = some(MEMBER_NAMES, 0.3).map(n => ({ name: n, kind: 'property', optional: chance(0.25) }));
    for (const n of some(METHOD_NAMES, 0.3)) members.push({ name: n, kind: 'method', optional: false });
    if (members.length === 0) members.push({ name: pick(MEMBER_NAMES), kind: 'property', optional: false });
    const own = base ? members.filter(m => !base.members.some(b => b.name === m.name)) : members;
    return { name, base, own, members: base ? [...base.members, ...own] : own };
}

function renderInterface(i) {
    const body = i.own.map(m => m.kind === 'method' ? `${m.name}(): number;` : `${m.name}${m.optional ? '?' : ''}: number;`).join(' ');
    return `export interface ${i.name}${i.base ? ` extends ${i.base.name}` : ''} { ${body} }\n`;
}

const ACCESS = ['', '', '', 'private ', 'protected '];

/** A class: own members {name, kind: field|method|getter|parameter, isStatic, access}, a base class, an interface. */
function classSpec(name, base, iface) {
    const members = [];
    const taken = new Set(base ? base.allNames : []);
    const add = (m) => { if (!taken.has(m.name)) { taken.add(m.name); members.push(m); } };
    if (iface) for (const m of iface.members) add({ name: m.name, kind: m.kind === 'method' ? 'method' : 'field', isStatic: false, access: '' });
    for (const n of some(MEMBER_NAMES, 0.2)) add({ name: n, kind: 'field', isStatic: false, access: pick(ACCESS), readonly: chance(0.2) });
    for (const n of some(MEMBER_NAMES, 0.1)) add({ name: n, kind: 'parameter', isStatic: false, access: pick(['public ', 'private ', 'protected ', 'readonly ']) });
    for (const n of some(METHOD_NAMES, 0.25)) add({ name: n, kind: 'method', isStatic: false, access: pick(ACCESS) });
    if (chance(0.5)) add({ name: pick(['title', 'display', 'area']), kind: 'getter', isStatic: false, access: pick(ACCESS) });
    if (chance(0.6)) add({ name: pick(['count', 'instances', 'defaults']), kind: 'field', isStatic: true, access: pick(ACCESS) });
    if (chance(0.5)) add({ name: pick(['create', 'from', 'empty']), kind: 'method', isStatic: true, access: pick(ACCESS) });
    return { name, base, iface, members, allNames: [...taken] };
}

function renderClass(c, exported) {
    const parameters = c.members.filter(m => m.kind === 'parameter');
    const baseParameters = c.base ? constructorArity(c.base) : 0;
    let body = '';
    for (const m of c.members) {
        const head = `${m.access}${m.isStatic ? 'static ' : ''}`;
        if (m.kind === 'field') body += `${head}${m.readonly ? 'readonly ' : ''}${m.name} = 1; `;
        else if (m.kind === 'method') body += `${head}${m.name}(): number { return 1; } `;
        else if (m.kind === 'getter') body += `${head}get ${m.name}() { return 1; } `;
    }
    if (parameters.length || baseParameters) {
        const own = parameters.map(p => `${p.access}${p.name}: number`);
        const passed = Array.from({ length: baseParameters }, (_, i) => `b${i}: number`);
        body += `constructor(${[...own, ...passed].join(', ')}) { ${c.base ? `super(${passed.join(', ')}); ` : ''}} `;
    }
    return `${exported ? 'export ' : ''}class ${c.name}${c.base ? ` extends ${c.base.name}` : ''}${c.iface ? ` implements ${c.iface.name}` : ''} { ${body}}\n`;
}

/** How many arguments `new C(…)` takes: its own parameter properties, else its base's. */
function constructorArity(c) {
    const own = c.members.filter(m => m.kind === 'parameter').length;
    return own + (c.base ? constructorArity(c.base) : 0);
}

/** Every member of c and its bases, nearest first: [{member, owner}]. */
function membersOf(c) {
    const out = [];
    for (let k = c; k; k = k.base) for (const m of k.members) if (!out.some(o => o.member.name === m.name)) out.push({ member: m, owner: k });
    return out;
}

/** The names an instance of c offers outside any class (public, instance side). */
const publicInstance = (c) => membersOf(c).filter(({ member: m }) => !m.isStatic && m.access !== 'private ' && m.access !== 'protected ').map(o => o.member.name);
/** The names `C.` offers: public statics. */
const publicStatic = (c) => membersOf(c).filter(({ member: m }) => m.isStatic && m.access === '').map(o => o.member.name);
/** The names `this.` offers in a method of c: its own members and its bases' but their private ones. */
const thisMembers = (c) => membersOf(c).filter(({ member: m, owner }) => !m.isStatic && (owner === c || m.access !== 'private ')).map(o => o.member.name);

// ---- a project ----

function project(index, tsx) {
    const dir = `/c${index}/`;
    const model = new Emitter(dir + 'model.ts');
    const ui = new Emitter(dir + 'ui.tsx');
    const app = new Emitter(dir + (tsx ? 'app.tsx' : 'app.ts'));

    // model.ts: interfaces, classes, a discriminated union, an enum, functions and constants
    const named = interfaceSpec('Named');
    const sized = chance(0.5) ? interfaceSpec('Sized', named) : null;
    const iface = sized ?? named;
    const base = classSpec('Base', null, chance(0.3) ? named : null);
    const item = classSpec('Item', base, chance(0.6) ? iface : null);
    model.emit('export {};\n');
    model.emit(renderInterface(named));
    if (sized) model.emit(renderInterface(sized));
    model.emit(renderClass(base, true));
    model.emit(renderClass(item, true));
    const shared = chance(0.5) ? 'id: number; ' : '';
    model.emit(`export interface Circle { kind: "circle"; radius: number; ${shared}}\nexport interface Square { kind: "square"; side: number; ${shared}}\n`);
    model.emit(`export type Shape = Circle | Square;\n`);
    model.emit(`export enum Color { ${some(['Red', 'Green', 'Blue', 'Gray'], 0.7).concat(['Black']).join(', ')} }\n`);
    model.emit(`export function makeItem(): Item { return new Item(${Array(constructorArity(item)).fill('1').join(', ')}); }\n`);
    model.emit(`export const LIMIT = 10;\nlet hiddenCounter = 0;\nexport function bump() { return ++hiddenCounter; }\n`);
    model.emit(`export type Id = string | number;\nexport function configure(options: Named) { return options; }\n`);
    const modelValues = ['Base', 'Item', 'Color', 'makeItem', 'LIMIT', 'bump'];
    const modelTypes = ['Named', ...(sized ? ['Sized'] : []), 'Circle', 'Square', 'Shape', 'Id'];

    // ui.tsx: components whose props are interfaces (JSX attributes)
    const cardProps = some(['title', 'subtitle', 'width', 'height', 'onOpen'], 0.6).concat(['heading']);
    ui.emit(`export interface CardProps { ${cardProps.map(p => `${p}${p === 'heading' ? '' : '?'}: ${p === 'onOpen' ? '() => void' : 'string'};`).join(' ')} }\n`);
    ui.emit(`export function Card(props: CardProps) { return <div>{props.heading}</div>; }\n`);

    // app: imports, a local class, uses
    const importedValues = modelValues.filter(n => n === 'Item' || chance(0.7));
    const importedTypes = modelTypes.filter(n => n === 'Named' || n === 'Shape' || n === 'Sized' || chance(0.5)); // the parameters' types
    // the first specifier (a value: Item is always imported) carries the cursor
    app.emit('import { ');
    const specifiers = [...importedValues, ...importedTypes.map(t => 'type ' + t)];
    specifiers.forEach((s, i) => {
        if (i > 0) app.emit(', ' + s);
        else app.cursor('import', s);
    });
    app.emit(' } from "./model";\n');
    app.emit('import * as model from "./model";\n');
    if (tsx) { app.emit('import { '); app.cursor('import', 'Card'); app.emit(' } from "./ui";\n'); }
    const local = classSpec('Local', chance(0.6) ? item : null, null);
    app.emit(renderClass(local, false).replace(/ }\n$/, ''));
    if (chance(0.5)) { // `this.` in a static method: the class's statics
        const statics = membersOf(local).filter(({ member: m, owner }) => m.isStatic && (owner === local || m.access !== 'private ')).map(o => o.member.name);
        app.emit(` static probeStatic(): void {\n    this.`);
        app.cursor('this', pick(statics) ?? 'prototype');
        app.emit(';\n  }');
    }
    // a method of Local reading this.
    app.emit(` probe(): void {\n    this.`);
    app.cursor('this', pick(thisMembers(local)) ?? null) || app.emit('toString');
    app.emit(';\n');
    if (local.base) { // super.: the base's instance side, but for fields (TS2855) — the written name a method
        const methods = membersOf(local.base).filter(({ member: m }) => !m.isStatic && m.kind === 'method' && m.access !== 'private ').map(o => o.member.name);
        if (methods.length) { app.emit('    super.'); app.cursor('super', pick(methods)); app.emit('();\n'); }
    }
    app.emit('    '); // a statement in a method: the class, the module's names, not the method's siblings' locals
    app.cursor('statement', pick(['Local', 'made', 'use', ...importedValues]));
    app.emit(';\n  }\n}\n');
    app.emit(`const made = model.makeItem();\nexport const total = model.LIMIT + made.`);
    app.cursor('member', pick(publicInstance(item).filter(n => membersOf(item).find(o => o.member.name === n).member.kind !== 'method'))) || app.emit('constructor.length');
    app.emit(';\n');

    const params = ['it: Item', 'n: Named', 's: Shape', ...(sized ? ['z: Sized'] : [])].filter(() => chance(0.8));
    app.emit(`function use(${params.join(', ')}) {\n`);
    const locals = [];
    const has = (p) => params.some(x => x.startsWith(p + ':'));
    const line = (f) => { app.emit('  '); f(); app.emit('\n'); };
    const uses = [
        () => { if (has('it')) line(() => { app.emit('it.'); app.cursor('member', pick(publicInstance(item))); app.emit(';'); }); },
        () => { if (has('n')) line(() => { app.emit('n.'); app.cursor('member', pick(named.members.map(m => m.name))); app.emit(';'); }); },
        () => { if (has('z')) line(() => { app.emit('z.'); app.cursor('member', pick(sized.members.map(m => m.name))); app.emit(';'); }); },
        () => { line(() => { app.emit('Item.'); app.cursor('static', pick(publicStatic(item)) ?? 'prototype'); app.emit(';'); }); },
        () => { line(() => { app.emit('model.'); app.cursor('namespace', pick(modelValues)); app.emit(';'); }); },
        () => { line(() => { app.emit('model.Color.'); app.cursor('enum', 'Black'); app.emit(';'); }); },
        () => { if (has('s')) line(() => { app.emit('s.'); app.cursor('union', 'kind'); app.emit(';'); }); },
        () => { if (has('s')) line(() => { app.emit('if (s.kind === "circle") s.'); app.cursor('narrowed', 'radius'); app.emit(';'); }); },
        () => { if (has('s')) line(() => { app.emit('switch (s.kind) { case "square": s.'); app.cursor('narrowed', 'side'); app.emit('; break; }'); }); },
        () => { line(() => { const v = 'made' + locals.length; locals.push(v); app.emit(`const ${v} = new Local(${Array(constructorArity(local)).fill('1').join(', ')}); ${v}.`); app.cursor('member', pick(publicInstance(local)) ?? null) || app.emit('constructor'); app.emit(';'); }); },
        () => { line(() => { const v = 'typed' + locals.length; locals.push(v); app.emit(`const ${v}: Base = makeItemOr(); ${v}.`); app.cursor('member', pick(publicInstance(base)) ?? null) || app.emit('constructor'); app.emit(';'); }); },
        () => { line(() => { app.emit(`const lit${locals.length}: Named = { `); locals.push('lit' + (locals.length));
            const ms = named.members.filter(m => !m.optional || chance(0.5)).sort(() => random() - 0.5);
            ms.forEach((m, i) => { if (i > 0) app.emit(', '); if (i === 0) app.cursor('literal', m.name); else app.emit(m.name); app.emit(m.kind === 'method' ? '() { return 1; }' : ': 1'); });
            app.emit(', '); app.cursor('slot', ''); // an empty slot after the members: the ones not written yet, nothing else
            app.emit(' };'); }); },
        () => { line(() => { app.emit('takesNamed({ ');
            const ms = named.members.filter(m => !m.optional || chance(0.5)).sort(() => random() - 0.5);
            ms.forEach((m, i) => { if (i > 0) app.emit(', '); if (i === 0) app.cursor('literal', m.name); else app.emit(m.name); app.emit(m.kind === 'method' ? '() { return 1; }' : ': 1'); });
            app.emit(' });'); }); },
        () => { line(() => { app.emit('{ const inner = 1; '); app.cursor('statement', pick(['inner', ...locals, ...importedValues.filter(v => v !== 'Item' || true)])); app.emit('; }'); }); },
        () => { line(() => { app.cursor('statement', pick([...locals, ...params.map(p => p.split(':')[0]), 'use', 'takesNamed', 'model', ...importedValues])); app.emit(';'); }); },
    ];
    for (const u of uses) if (chance(0.7)) u();
    app.emit('}\n');
    app.emit(`function makeItemOr(): Item { return model.makeItem(); }\n`);
    // a union of this file's interfaces, narrowed by its discriminant or not; a pattern destructuring a typed value
    const dot = some(['x', 'y', 'weight'], 0.6), segment = some(['len', 'weight', 'angle'], 0.6);
    app.emit(`interface Dot { kind: "dot"; ${dot.map(n => n + ': number; ').join('')}}\ninterface Segment { kind: "segment"; ${segment.map(n => n + ': number; ').join('')}}\n`);
    app.emit(`type Mark = Dot | Segment;\n`);
    app.emit('function marks(mark: Mark, mark2: Mark) {\n');
    line(() => { app.emit('mark.'); app.cursor('union', pick(['kind', ...dot.filter(n => segment.includes(n))])); app.emit(';'); });
    line(() => { app.emit('if (mark.kind === "dot") mark.'); app.cursor('narrowed', pick(['kind', ...dot])); app.emit(';'); });
    line(() => { app.emit('switch (mark2.kind) { case "segment": mark2.'); app.cursor('narrowed', pick(['kind', ...segment])); app.emit('; break; }'); });
    line(() => { app.emit('const { '); app.cursor('pattern', pick(publicInstance(item))); app.emit(' } = makeItemOr();'); });
    app.emit('}\n');
    app.emit(`function takesNamed(x: Named) { return x; }\n`);
    app.emit(`function generic<T extends ${pick(['Named', 'Item', 'Base'])}>(t: T) {\n  t.`);
    const constraint = app.text.match(/generic<T extends (\w+)>/)[1];
    app.cursor('constraint', pick(constraint === 'Named' ? named.members.map(m => m.name) : publicInstance(constraint === 'Item' ? item : base)) ?? null) || app.emit('toString');
    app.emit(';\n}\n');
    app.emit(`function sibling() { const onlyHere = 2; return onlyHere; }\n`);
    const top = (f) => { f(); app.emit('\n'); };
    // a local class's static side, and `this.` in its static method
    top(() => { app.emit('Local.'); app.cursor('static', pick(publicStatic(local)) ?? 'prototype'); app.emit(';'); });
    // a local interface extending an imported one: a typed literal, its members, a return typed by it
    app.emit(`interface Extra extends Named { extra: number }\ndeclare const ex: Extra;\n`);
    top(() => { app.emit('ex.'); app.cursor('member', pick(['extra', ...named.members.map(m => m.name)])); app.emit(';'); });
    top(() => { app.emit('function extra(): Extra { return { ');
        const ms = [{ name: 'extra', kind: 'property' }, ...named.members.filter(m => !m.optional)].sort(() => random() - 0.5);
        ms.forEach((m, i) => { if (i > 0) app.emit(', '); if (i === 0) app.cursor('literal', m.name); else app.emit(m.name); app.emit(m.kind === 'method' ? '() { return 1; }' : ': 1'); });
        app.emit(' }; }'); });
    // values whose type the declarations give another way: awaited, iterated, a callback's parameter, a chain, new
    app.emit(`declare const pending: Promise<Item>;\ndeclare const items: Item[];\nconst settings = { retries: 3, verbose: true, nested: { depth: 1 } };\nenum Mode { Fast, Slow }\n`);
    top(() => { app.emit('async function later() { const got = await pending; got.'); app.cursor('member', pick(publicInstance(item))); app.emit('; }'); });
    top(() => { app.emit('for (const each of items) each.'); app.cursor('member', pick(publicInstance(item))); app.emit(';'); });
    top(() => { app.emit('items.forEach(one => one.'); app.cursor('member', pick(publicInstance(item))); app.emit(');'); });
    top(() => { app.emit('makeItemOr()?.'); app.cursor('member', pick(publicInstance(item))); app.emit(';'); });
    top(() => { app.emit('settings.'); app.cursor('member', pick(['retries', 'verbose', 'nested'])); app.emit(';'); });
    top(() => { app.emit('settings.nested.'); app.cursor('member', 'depth'); app.emit(';'); });
    top(() => { app.emit('Mode.'); app.cursor('enum', pick(['Fast', 'Slow'])); app.emit(';'); });
    top(() => { app.emit('items[0].'); app.cursor('member', pick(publicInstance(item))); app.emit(';'); });
    top(() => { app.emit('model.makeItem().'); app.cursor('member', pick(publicInstance(item))); app.emit(';'); });
    top(() => { app.emit(`new model.Item(${Array(constructorArity(item)).fill('1').join(', ')}).`); app.cursor('member', pick(publicInstance(item))); app.emit(';'); });
    top(() => { app.emit('{ const { '); app.cursor('pattern', pick(['extra', ...named.members.map(m => m.name)])); app.emit(' } = ex; }'); });
    top(() => { app.emit('model.configure({ ');
        const ms = named.members.filter(m => !m.optional || chance(0.5)).sort(() => random() - 0.5);
        ms.forEach((m, i) => { if (i > 0) app.emit(', '); if (i === 0) app.cursor('literal', m.name); else app.emit(m.name); app.emit(m.kind === 'method' ? '() { return 1; }' : ': 1'); });
        app.emit(' });'); });
    // a type annotation's start: the project's types, classes, enums and namespaces
    top(() => { app.emit('let annotated: '); app.cursor('type', pick(['Named', 'Item', 'Mark', 'Extra', 'Mode', 'Local', ...importedTypes])); app.emit(' | undefined;'); });
    // scopes: a closure sees its function's names, not a sibling's
    top(() => { app.emit('function outer(first: number) { const second = first; return () => { const third = second; '); app.cursor('statement', pick(['first', 'second', 'third', 'outer', 'sibling'])); app.emit('; }; }'); });
    app.cursor('statement', pick(['use', 'generic', 'sibling', 'made', 'total', 'model', ...importedValues]));
    app.emit(';\n');
    if (tsx) {
        app.emit(`interface ButtonProps { caption: string; ${some(['onPress?: () => void;', 'tone?: number;', 'wide?: boolean;'], 0.6).join(' ')} }\n`);
        app.emit(`function Button(props: ButtonProps) { return <div>{props.caption}</div>; }\n`);
        const buttonProps = app.text.match(/interface ButtonProps \{([^}]*)\}/)[1].match(/(\w+)\??:/g).map(s => s.replace(/\??:/, ''));
        const attributes = (names, required) => {
            const chosen = names.filter(n => n === required || chance(0.5)).sort(() => random() - 0.5);
            chosen.forEach((n, i) => { app.emit(' '); if (i === 0) app.cursor('jsx', n); else app.emit(n); app.emit(n.startsWith('on') ? '={() => {}}' : n === 'tone' ? '={1}' : n === 'wide' ? '' : '="x"'); });
        };
        app.emit('export const view = <div>\n  <Button');
        attributes(buttonProps, 'caption');
        app.emit(' />\n  <Card');
        attributes(cardProps, 'heading');
        app.emit(' />\n</div>;\n');
    }
    const files = [model, ui, app];
    return { files, modelValues };
}

// ---- TypeScript's answers ----

const ts = loadTypeScript();
const options = {
    strict: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: [], noEmit: true,
    module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, jsx: ts.JsxEmit.Preserve,
};
// a JSX namespace of our own: the components' props are what is judged, not React's types
const JSX_TYPES = 'declare namespace JSX { interface Element {} interface IntrinsicElements { div: {} } }\n';

/** The names a source file declares in scopes (declarations' names, import bindings; not members, keys or attributes). */
function declaredNames(sourceFile, into) {
    const member = (node) => ts.isClassElement(node) || ts.isTypeElement(node) || ts.isObjectLiteralElementLike(node) || ts.isEnumMember(node) || ts.isJsxAttribute(node);
    const visit = (node) => {
        if (node.name && ts.isIdentifier(node.name) && !member(node) && (ts.isDeclaration(node) || ts.isImportSpecifier(node) || ts.isNamespaceImport(node))) into.add(node.name.text);
        ts.forEachChild(node, visit);
    };
    visit(sourceFile);
}

const out = [];
for (let i = 0; i < count; i++) {
    const { files } = project(i, i % 2 === 1);
    const byName = new Map(files.map(f => [f.name, f.text]));
    byName.set(`/c${i}/jsx.d.ts`, JSX_TYPES);
    const service = inMemoryLanguageService(ts, byName, options);
    const program = service.getProgram();
    const declared = new Set();
    for (const f of files) declaredNames(program.getSourceFile(f.name), declared);
    const queries = [];
    for (const f of files) {
        const rejected = onRejectedLine(service, f.name, f.text);
        for (const c of f.cursors) {
            const result = service.getCompletionsAtPosition(f.name, c.at, {});
            let names = (result ? result.entries : []).filter(e => e.kind !== 'keyword').map(e => e.name);
            if (c.context === 'statement' || c.context === 'type') names = names.filter(n => declared.has(n));
            queries.push({ file: f.name.slice(1), at: c.at, context: c.context, written: c.written, rejected: rejected(c.at), ts: [...new Set(names)].sort() });
        }
    }
    out.push({ files: [...byName].map(([name, text]) => ({ name: name.slice(1), text })), declared: [...declared].sort(), queries });
}
process.stdout.write(JSON.stringify({ projects: out }));
