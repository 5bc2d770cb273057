package dev.arenals.server.features;

import static dev.arenals.server.testing.NavAssert.assertDefinition;
import static dev.arenals.server.testing.NavAssert.assertHighlights;
import static dev.arenals.server.testing.NavAssert.assertReferences;
import static dev.arenals.server.testing.NavAssert.assertRename;

import org.junit.jupiter.api.Test;

/**
 * Members reached through what a variable, parameter or field is declared to be: {@code s.load()}
 * where {@code const s = new Service()}, {@code u.name} where {@code u: User}, and
 * {@code this.service.load()} through a parameter property's type. TypeScript answers these from
 * types; we answer the ones the declarations alone settle, and nothing where they do not.
 */
class DeclaredTypeMembersTest {
    @Test
    void definitionThroughNewAnAnnotationAndAParameter() {
        assertDefinition("a.ts", "class S { [[load]]() {} } const s = new S(); s.lo|ad();");
        assertDefinition("a.ts", "class S { [[load]]() {} } let s: S; s.lo|ad();");
        assertDefinition("a.ts", "interface U { [[name]]: string } function f(u: U) { return u.na|me; }");
        assertDefinition("a.ts", "interface U { [[name]]: string } function f(u?: U | undefined) { return u!.na/*|*/me; }");
        assertDefinition("a.ts", "class S { [[n]] = 1 } const a = new S(); const b = a; b.|n;");
        assertDefinition("a.ts", "class S { [[n]] = 1 } const s = (new S() as S); (s).|n;");
    }

    @Test
    void definitionThroughFieldsAndParameterProperties() {
        assertDefinition("a.ts", "class S { [[load]]() {} }\nclass C { constructor(private service: S) {} run() { this.service.lo|ad(); } }");
        assertDefinition("a.ts", "class S { [[load]]() {} }\nclass C { s: S = new S(); run() { this.s.lo|ad(); } }");
        assertDefinition("a.ts", "interface Inner { [[deep]]: 1 } interface Outer { inner: Inner } declare const o: Outer; o.inner.de|ep;");
        assertDefinition("a.ts", "class B { [[m]]() {} } class D extends B {} const d = new D(); d.|m();");
        assertDefinition("a.ts", "class S { [[n]] = 1 } function make(): S { return new S(); } make().|n; const s = make(); s.|n;");
        assertDefinition("a.ts", "class S { [[n]] = 1 } interface F { get(): S } declare const f: F; f.get().|n;");
        assertDefinition("a.ts", "class S { [[n]] = 1; self(): S { return this; } } new S().self().|n;");
    }

    @Test
    void aTypeParametersMembersAreItsConstraintsInsideTheGeneric() {
        assertDefinition("a.ts", "function h<T extends { [[kind]]: string }>(item: T) { return item.ki|nd; }");
        assertDefinition("a.ts", "interface Shape { [[area]](): number }\nfunction total<S extends Shape>(xs: S[]) { for (const s of xs) s.ar|ea(); }");
        assertDefinition("a.ts", "interface Shape { [[area]](): number }\nclass Box<S extends Shape> { constructor(private s: S) {} get() { return this.s.ar|ea(); } }");
        assertDefinition("a.ts", "interface A { [[a]]: 1 } function h<T extends U, U extends A>(t: T) { t.|a; }");
        // outside the generic T is instantiated: Box<Circle>'s s is a Circle, not the constraint's Shape
        assertDefinition("a.ts", "interface Shape { area(): number } class Circle implements Shape { [[area]]() { return 1; } }\n"
                + "class Box<S extends Shape> { constructor(public s: S) {} }\ndeclare const b: Box<Circle>; b.s.ar|ea();");
        assertDefinition("a.ts", "function h<T>(item: T) { return item.ki|nd; }");
    }

    /** Each expected answer is typescript@6.0.3's getDefinitionAtPosition on the same text. */
    @Test
    void aGenericClassesTypeParameterIsWhatTheInstanceGivesIt() {
        String box = "class C { [[n]] = 1 } class Box<T> { constructor(public item: T) {} get(): T { return this.item; } }\n";
        assertDefinition("a.ts", box + "declare const b: Box<C>; b.item.|n; b.get().|n;");
        assertDefinition("a.ts", box + "declare const x: any; new Box<C>(x).get().|n;");
        assertDefinition("a.ts", box + "new Box(new C()).item.|n; const kept = new Box(new C()); kept.get().|n;"); // inferred from the argument
        // inferred from two parameters, or a type parameter of a base class: not settled here, nothing
        assertDefinition("a.ts", "class C { n = 1 } class Box<T> { constructor(public item: T, public other: T) {} }\nnew Box(new C(), new C()).item.|n;");
        assertDefinition("a.ts", "class C { n = 1 } class Box<T> { item!: T; } class Sub extends Box<C> {}\ndeclare const s: Sub; s.item.|n;");
    }

    @Test
    void aStaticFieldAndAnObjectLiteralsPropertiesAreWhatTheyAreDeclaredOrGiven() {
        assertDefinition("a.ts", "class E { [[k]] = 1 } class H { static s: E = new E(); } H.s.|k;");
        assertDefinition("a.ts", "class E { [[k]] = 1 } class H { static s = new E(); } class J extends H {} J.s.|k;");
        assertDefinition("a.ts", "class C { [[m]]() {} } const obj = { c: new C(), n: 1 }; obj.c.|m(); const { c: fromObj } = obj; fromObj.|m();");
        assertDefinition("a.ts", "class C { [[m]]() {} } const c = new C(); const obj = { c }; obj.c.|m();");
        assertDefinition("a.ts", "class C { m() {} } const obj = { c: new C(), ...{ c: 1 } }; obj.c.|m();"); // the spread replaces it
    }

    @Test
    void aGetterAnIndexSignatureAndAnArraysEntriesGiveTheirDeclaredTypes() {
        assertDefinition("a.ts", "class C { [[n]] = 1 } class K { get c(): C { return new C(); } } declare const k: K; k.c.|n; const { c } = k; c.|n;");
        assertDefinition("a.ts", "class C { [[n]] = 1 } interface K { get c(): C } declare const k: K; k.c.|n;");
        assertDefinition("a.ts", "class A { [[m]]() {} } interface D { [key: string]: A } declare const d: D; d.any.|m(); d['x'].|m(); d[0].|m();");
        assertDefinition("a.ts", "class A { [[m]]() {} } declare const d: { [key: string]: A }; d.any.|m();");
        assertDefinition("a.ts", "class C { [[n]] = 1 } declare const cs: C[]; for (const [i, c] of cs.entries()) c.|n;");
    }

    @Test
    void whatAnOverloadedCallReturnsIsWhatItsChosenSignatureDeclares() {
        String mk = "class A { [[m]]() {} } class C { m() {} }\nfunction mk(a: number): A;\nfunction mk(a: string): C;\nfunction mk(a: any): any { return a; }\n";
        assertDefinition("a.ts", mk + "mk(1).|m();");
        assertDefinition("a.ts", mk.replace("[[m]]", "m").replace("class C { m()", "class C { [[m]]()") + "mk('s').|m();");
        String o = "class A { [[n]] = 1 } class C { n = 2 } class O { m(a: number): A; m(a: string): C; m(a: any): any { return a; } }\n";
        assertDefinition("a.ts", o + "new O().m(1).|n; declare const v: number; new O().m(v).|n;");
        assertDefinition("a.ts", o.replace("[[n]]", "n").replace("class C { n", "class C { [[n]]") + "new O().m('s').|n;");
    }

    /**
     * typescript@6.0.3 answers B's m alone after the guard and A's after the early exit; each
     * constituent's declaration would be wrong there, so a read a type guard, {@code in},
     * {@code typeof} or an earlier test may narrow gets no answer ("exact or nothing").
     */
    @Test
    void aUnionsMemberIsNotEachConstituentsWhereAGuardMayHaveNarrowedIt() {
        String ab = "class A { [[m]] = 1; a = 1 } class B { [[m]] = 2; b = 2 }\n";
        assertDefinition("a.ts", ab + "function f(u: A /*|*/ B) { return u./*|*/m; }".replace("A /*|*/ B", "A | B")); // nothing narrows: each
        String none = ab.replace("[[m]]", "m");
        assertDefinition("a.ts", none + "function isB(x: unknown): x is B { return true; }\nfunction f(u: A | B) { if (isB(u)) u./*|*/m; }");
        assertDefinition("a.ts", none + "function f(u: A | B) { if (!(u instanceof A)) return; u./*|*/m; }");
        assertDefinition("a.ts", none + "function f(u: A | B) { if ('b' in u) return u./*|*/m; }");
    }

    @Test
    void aCallOfAnOverloadedMethodIsTheSignatureItsLiteralArgumentsChoose() {
        String o = "class O { [[m]](a: number): number; m(a: string, b?: 2): string; m(a: any, b?: any) { return a; } }\n";
        assertDefinition("a.ts", o + "new O().m|(1); new O().|m(-1);");
        assertDefinition("a.ts", "class O { m(a: number): number; [[m]](a: string, b?: 2): string; m(a: any, b?: any) { return a; } }\n"
                + "new O().|m('s', 2); new O().|m(`t`);");
        assertDefinition("a.ts", "class O { [[m]](a: number): number; m(a: string): string; m(a: any) { return a; } }\n"
                + "declare const u: unknown; new O().|m(u as any);");
        assertDefinition("a.ts", "class O { m(a: number): number; [[m]](a: string): string; m(a: any) { return a; } }\n"
                + "declare const u: string; new O().|m(u);");
        assertDefinition("a.ts", "class O { [[m]](a: number): number; [[m]](a: string): string; [[m]](a: any) { return a; } }\n"
                + "new O().|m;"); // not called: every declaration
    }

    @Test
    void aMethodReturningThisReturnsWhatItIsCalledOn() {
        assertDefinition("a.ts", "class R { add(): this { return this; } get [[size]]() { return 1; } }\nconst r = new R().add().add(); r.si|ze;");
        assertDefinition("a.ts", "class R { add(): this { return this; } } class S extends R { [[own]] = 1 }\nnew S().add().o|wn;");
    }

    @Test
    void anArrayPatternsElementsAreTheArraysOrTheTuplesElements() {
        assertDefinition("a.ts", "class C { [[r]] = 1 } declare const xs: C[]; const [first] = xs; first.|r;");
        assertDefinition("a.ts", "class C { [[r]] = 1 } function f([a, , b]: readonly C[]) { a.|r; b.|r; }");
        assertDefinition("a.ts", "class C { [[r]] = 1 } class D { r = 2 } declare const t: [D, C]; const [, c] = t; c.|r;");
        assertDefinition("a.ts", "class C { [[r]] = 1 } declare const t: [x: number, y: C]; const [, c] = t; c.|r;");
        assertDefinition("a.ts", "class C { [[r]] = 1 } declare const xs: C[]; for (const [k] of [xs]) k; const [d = new C()] = xs; d.|r;");
    }

    @Test
    void assertionsTuplesRecordsAndStaticFactories() {
        assertDefinition("a.ts", "class C { [[r]] = 1 } declare const u: unknown; (<C>u).|r;");
        assertDefinition("a.ts", "class C { [[r]] = 1 } declare const t: [C, number]; t[0].|r; declare const l: [first: C]; l[0].|r;");
        assertDefinition("a.ts", "class C { r = 1 } declare const t: [number, C?]; t[1]!.|r;"); // an optional element: not answered
        assertDefinition("a.ts", "class C { [[r]] = 1 } declare const m: Record<string, C>; m.any.|r; m['k'].|r;");
        assertDefinition("a.ts", "class H { static create(): H { return new H(); } [[value]] = 1 }\nH.create().val|ue;");
        assertDefinition("a.ts", "class B { static make(): D { return new D(); } } class D extends B { [[own]] = 1 }\nD.make().o|wn;");
    }

    @Test
    void whatTheLibrarysContainersHandToCallbacksAndLoops() {
        String c = "class C { [[r]] = 1 } class K { k = 1 }\n";
        assertDefinition("a.ts", c + "declare const p: Promise<C>; p.then(v => v.|r);");
        assertDefinition("a.ts", c + "declare const m: Map<K, C>; m.forEach((value, key) => value.|r);");
        assertDefinition("a.ts", c.replace("[[r]]", "r").replace("k = 1", "[[k]] = 1") + "declare const m: Map<K, C>; m.forEach((value, key) => key.|k);");
        assertDefinition("a.ts", c + "declare const m: ReadonlyMap<K, C>; for (const [key, val] of m) val.|r;");
        assertDefinition("a.ts", c.replace("[[r]]", "r").replace("k = 1", "[[k]] = 1") + "declare const m: Map<K, C>; for (const [key, val] of m) key.|k;");
        assertDefinition("a.ts", c + "declare const s: Set<C>; for (const e of s) e.|r; s.forEach(x => x.|r);");
        assertDefinition("a.ts", c + "declare const i: Iterable<C>; for (const e of i) e.|r;");
        // for await over a Map's entries is not its entries: nothing
        assertDefinition("a.ts", c.replace("[[r]]", "r") + "declare const m: Map<K, C>; async function f() { for await (const [key, val] of m) val.|r; }");
    }

    @Test
    void thisInAnObjectLiteralsMethodIsTheLiteral() {
        assertDefinition("a.ts", "const o = { [[gamma]]: 1, m() { return this.gam|ma; }, n: function () { return this.gam|ma; }, k() { return () => this.gam|ma; } };");
        assertDefinition("a.ts", "const o = { gamma: 1, f() { function g(this: any) { return this.gam|ma; } } };");
        assertReferences("a.ts", "const o = { [[gam|ma]]: 1, m() { return this.[[gamma]]; }, n: function () { return this.[[gamma]]; }, "
                + "f() { function g(this: any) { return this.gamma; } } }; o.[[gamma]];");
    }

    @Test
    void instanceofNarrowsToTheClass() {
        String shapes = "class Circle { [[radius]] = 1; area() { return 1; } } class Square { side = 1; area() { return 2; } }\n";
        assertDefinition("a.ts", shapes + "function g(s: Circle | Square) { if (s instanceof Circle) return s.rad/*|*/ius; return 0; }");
        assertDefinition("a.ts", shapes + "function g(s: unknown) { return s instanceof Circle ? s.rad/*|*/ius : 0; }");
        assertDefinition("a.ts", shapes + "function g(s: Circle | Square, b: boolean) { return b && s instanceof Circle && s.rad/*|*/ius; }");
        assertDefinition("a.ts", shapes + "interface Shape { area(): number } function g(s: Shape) { if (s instanceof Circle) s.rad/*|*/ius; }");
        // Circle has not every member of Shape: TypeScript intersects them, which is not read here
        assertDefinition("a.ts", shapes.replace("[[radius]]", "radius") + "interface Shape { kind: string } function g(s: Shape) { if (s instanceof Circle) s.rad/*|*/ius; }");
        // a union of classes unrelated to Circle: intersected too
        assertDefinition("a.ts", shapes.replace("[[radius]]", "radius") + "class A { m() {} } function g(s: A /*|*/ Square) { if (s instanceof Circle) s./*|*/m(); }".replace("A /*|*/ Square", "A | Square"));
        // no narrowing: the else branch, a reassigned variable, a test of another variable
        assertDefinition("a.ts", shapes.replace("[[radius]]", "radius") + "function g(s: unknown) { if (s instanceof Circle) {} else s.rad/*|*/ius; }");
        assertDefinition("a.ts", shapes.replace("[[radius]]", "radius") + "function g(s: unknown) { s = new Square(); if (s instanceof Circle) s.rad/*|*/ius; }");
        assertDefinition("a.ts", shapes.replace("[[radius]]", "radius") + "function g(s: unknown, t: unknown) { if (t instanceof Circle) s.rad/*|*/ius; }");
        // a subclass declared: instanceof its base keeps it
        assertDefinition("a.ts", "class B { m() {} } class D extends B { [[m]]() {} }\nfunction g(d: D) { if (d instanceof B) d./*|*/m(); }");
    }

    @Test
    void aFunctionWithoutADeclaredReturnTypeThatReturnsOnlyInstancesOfOneType() {
        assertDefinition("a.ts", "class S { [[load]]() {} } function make() { return new S(); } make().lo|ad();");
        assertDefinition("a.ts", "class S { [[load]]() {} } const make = () => new S(); make().lo|ad();");
        assertDefinition("a.ts", "class S { [[load]]() {} } function make(b) { const f = () => 1; if (b) return new S(); return new S(); } make().lo|ad();");
        assertDefinition("a.ts", "class S { [[load]]() {} }\nclass F { s = new S(); get() { return this.s; } }\nnew F().get().lo|ad();");
        assertDefinition("a.js", "class S { [[load]]() {} } function make() { return new S(); } const s = make(); s.lo|ad();");
    }

    @Test
    void aCallOfAFieldHoldingAFunctionLeadsToTheFunctionAsTypeScriptsSignatureDoes() {
        // effect's AtomRegistry: invalidateAtom = <A>(atom: Atom.Atom<A>): void => {…}, called as this.invalidateAtom(atom)
        assertDefinition("a.ts", "class R {\n  invalidate = [[<A>(atom: A): void => {}]];\n  refresh() { this.invali|date(1); }\n}");
        assertDefinition("a.ts", "class R { run = [[async () => 1]]; } const r = new R(); r.r|un();");
        assertDefinition("a.ts", "class R { run = function [[named]]() {}; go() { this.r|un(); } }");
        // not called, annotated, or not a field: the member's name, as before
        assertDefinition("a.ts", "class R { [[run]] = () => 1; go() { return this.r|un; } }");
        assertDefinition("a.ts", "class R { [[run]]: () => number = () => 1; go() { this.r|un(); } }");
        assertDefinition("a.ts", "class R { [[run]]() {} go() { this.r|un(); } }");
        assertDefinition("a.ts", "const o = { [[run]]: () => 1 }; o.r|un();");
    }

    @Test
    void theValuesOfARecordAndOfAMapMadeWithItsTypeArguments() {
        // effect's router: staticChildren: Record<string, StaticNode>, then this.staticChildren[c].prefix
        assertDefinition("a.ts", "class N { [[prefix]] = '' }\nclass R { children: Record<string, N> = {}; f(k: string) { const c = this.children[k]; return c.pre|fix; } }");
        // effect's RateLimiter: const states = new Map<string, AdaptiveState>(); const state = states.get(key)
        assertDefinition("a.ts", "interface S { [[expiresAt]]: number }\nconst states = new Map<string, S>();\nfunction f() { const s = states.get('k'); if (!s) return; s.expires|At; }");
        assertDefinition("a.ts", "const counters = new Map<string, { count: number; [[expiresAt]]: number }>();\nfunction f() { const c = counters.get('k'); if (c) c.expires|At; }");
        // a Map or Record of this file's own is not the library's
        assertDefinition("a.ts", "class Map<K, V> { get(k: K): K { return k; } }\ninterface S { expiresAt: number }\nconst m = new Map<string, S>();\nm.get('k').expires|At;");
        assertDefinition("a.ts", "type Record<K, V> = { k: K };\nclass N { prefix = '' }\ndeclare const r: Record<string, N>;\nr['a'].pre|fix;");
    }

    @Test
    void aKeyOfALiteralDeclaredAsATypeLeadsToTheTypesPropertyAsTypeScriptsContextualTypeDoes() {
        assertDefinition("a.ts", "interface P { [[label]]: string }\nconst a: P = { la|bel: 'x' };");
        assertDefinition("a.ts", "interface P { [[label]]: string }\nfunction f(): P { return { la|bel: 'x' }; }");
        assertDefinition("a.ts", "interface P { [[run]](): void }\nconst a = { r|un() {} } satisfies P;");
        // zod's locales: const Sizable: Record<string, { unit: string; verb: string }> = { array: { unit: …, verb: … } }
        assertDefinition("a.ts", "const Sizable: Record<string, { [[unit]]: string; verb: string }> = {\n  array: { un|it: 'elements', verb: 'have' },\n};");
        assertDefinition("a.ts", "interface Inner { [[deep]]: number } interface Outer { inner: Inner }\nconst o: Outer = { inner: { de|ep: 1 } };");
        // an argument of a function of this file (a const arrow, a parameter of a function type), an assignment to a typed target
        assertDefinition("a.ts", "interface In { [[noColor]]?: string }\nconst detect = (input: In) => input;\ndetect({ noCo|lor: 'x' });");
        assertDefinition("a.ts", "interface Ev { [[data]]: string }\nfunction parse(onParse: (this: void, e: Ev) => void) { onParse({ da|ta: '' }); }");
        assertDefinition("a.ts", "interface O { [[mode]]: string }\nclass C { o: O = null!; set() { this.o = { mo|de: 'x' }; } }");
        assertDefinition("a.ts", "function f<T>(x: T) {}\nf({ [[ke|y]]: 1 });");
        // references and rename read the same contextual types
        assertReferences("a.ts", "interface P { [[la|bel]]: string; inner: { deep: number } }\nconst make = (p: P) => p;\nmake({ [[label]]: 'x', inner: { deep: 1 } });\n"
                + "const table: Record<string, P> = { a: { [[label]]: 'y', inner: { deep: 2 } } };\nlet q: P;\nq = { [[label]]: 'z', inner: { deep: 3 } };");
        // no declared type, or one that does not declare the key: the key itself, as before
        assertDefinition("a.ts", "const a = { [[la|bel]]: 'x' };");
        assertDefinition("a.ts", "const Sizable: Record<string, { unit: string }> = { [[arr|ay]]: { unit: 'elements' } };");
        assertDefinition("a.ts", "interface P { label: string }\nconst a: P = { label: 'x', [[ext|ra]]: 1 } as any;");
    }

    @Test
    void nothingWhereTheDeclarationsDoNotSettleIt() {
        // a call of a union's method: TypeScript answers the first constituent's (the union signature's declaration)
        assertDefinition("a.ts", "class S { [[load]]() {} } class T { load() {} } declare const x: S | T; x.lo/*|*/ad();");
        assertDefinition("a.ts", "class S { load() {} } async function make() { return new S(); } make().lo|ad();");
        assertDefinition("a.ts", "class S { load() {} } class T { load() {} } function make(b) { if (b) return new S(); return new T(); } make().lo|ad();");
        assertDefinition("a.ts", "class S { load() {} } function make(b) { if (b) return new S(); return null; } make().lo|ad();");
        assertDefinition("a.ts", "class S { load() {} } function f(s) { s.lo|ad(); }");
    }

    /** Each expected answer is typescript@6.0.3's getDefinitionAtPosition on the same source. */
    @Test
    void anArrayLiteralsOneElementTypeIsItsElements() {
        assertDefinition("a.ts", "class S { [[load]]() {} } const [s] = [new S()]; s.lo|ad();");
        assertDefinition("a.ts", "class S { [[load]]() {} } const xs = [new S(), new S()]; for (const x of xs) x.lo|ad(); xs[0].lo|ad(); xs.map(y => y.lo|ad());");
        assertDefinition("a.ts", "class S { [[load]]() {} } for (const x of [new S()]) x.lo|ad(); [new S()].forEach(y => y.lo|ad());");
        assertDefinition("a.ts", "class S { load() {} } class T { [[load]]() {} } const [s, t] = [new S(), new T()] as const; t.lo|ad();");
        assertDefinition("a.ts", "class S { [[load]]() {} } class T { load() {} } const [s, t] = [new S(), new T()]; s.lo|ad;"); // a tuple in place
        // two element types through a variable: TypeScript's (S | T)[] is a union read through no narrowing; an empty literal, a spread
        assertDefinition("a.ts", "class S { load() {} } class T { load() {} } const xs = [new S(), new T()]; const [s] = xs; s.lo|ad;");
        assertDefinition("a.ts", "class S { load() {} } const xs = []; for (const x of xs) x.lo|ad();");
        assertDefinition("a.ts", "class S { load() {} } declare const more: unknown[]; const xs = [new S(), ...more]; xs[0].lo|ad();");
    }

    @Test
    void referencesAndHighlightsIncludeTypedUses() {
        assertReferences("a.ts", "class S { [[lo|ad]]() { this.[[load]](); } } const s = new S(); s.[[load]](); function f(p: S) { p.[[load]](); }"
                + " class T { load() {} } new T().load(); declare const t: T; t.load();");
        assertReferences("a.ts", "interface U { [[na|me]]: string } interface U { age: number } const u: U = null!; u.[[name]]; u.age;");
        // a property signature gives no value: a read, as TypeScript's highlights say
        assertHighlights("a.ts", "interface U { [[name]]: string } function f(u: U) { return u.[[na|me]]; }");
        assertReferences("a.ts", "class B { [[m]]() {} } class D extends B { [[m]]() {} } const b: B = new D(); b.[[|m]](); const d = new D(); d.[[m]]();");
    }

    @Test
    void renameEditsTypedUses() {
        assertRename("a.ts", "class S { lo|ad() {} } const s = new S(); s.load(); let t: S; t.load();", "fetch",
                "class S { fetch() {} } const s = new S(); s.fetch(); let t: S; t.fetch();");
        assertRename("a.ts", "interface U { name: string } function f(u: U) { return u.na|me; }", "title",
                "interface U { title: string } function f(u: U) { return u.title; }");
    }

    @Test
    void objectLiteralsAndPatternsDeclaredAsTheTypeHoldItsMembers() {
        assertReferences("a.ts", "interface P { [[la|bel]]: string }\nconst a: P = { [[label]]: 'x' };\nfunction f({ [[label]] }: P) { return label; }\n"
                + "function g(p: P = { [[label]]: 'y' }) {}\nfunction h(): P { return { [[label]]: 'z' }; }\nconst b = { [[label]]: 'w' } satisfies P;\n"
                + "function take(p: P) {} take({ [[label]]: 'v' });\nconst { [[label]]: l } = a;\nconst c = { label: 'untyped' };");
        assertRename("a.ts", "interface P { la|bel: string }\nfunction f({ label }: P) { return label; }\nconst a: P = { label: 'x' };", "title",
                "interface P { title: string }\nfunction f({ title: label }: P) { return label; }\nconst a: P = { title: 'x' };");
    }

    @Test
    void jsxAttributesAreMembersOfTheComponentsProps() {
        String props = "interface P { [[label]]: string; other?: number }\n";
        assertDefinition("a.tsx", props + "function B({ label }: P) { return <b>{label}</b>; }\nconst x = <B la|bel=\"s\" />;");
        assertDefinition("a.tsx", props + "const B: React.FC<P> = (p) => null;\nconst x = <B la|bel=\"s\" />;");
        assertDefinition("a.tsx", props + "const B = (p: P) => null;\nconst x = <B la|bel=\"s\" />;");
        assertReferences("a.tsx", "interface P { [[la|bel]]: string }\nfunction B({ [[label]] }: P) { return null; }\n"
                + "const x = <B [[label]]=\"s\" />; const y = <B [[label]]={\"t\"}></B>; const z = <div label=\"u\" />;");
        assertRename("a.tsx", "interface P { la|bel: string }\nfunction B({ label }: P) { return null; }\nconst x = <B label=\"s\" />;", "title",
                "interface P { title: string }\nfunction B({ title: label }: P) { return null; }\nconst x = <B title=\"s\" />;");
    }

    @Test
    void aParameterPropertyIsTheParameterAndTheMember() {
        String cls = "class C { constructor(private [[service]]: S) { [[service]].start(); } m() { return this.[[service]]; } }\n"
                + "class S { start() {} } const c = new C(null!); (c as any).service;";
        assertReferences("a.ts", cls.replace("private [[service]]", "private [[se|rvice]]"));
        assertReferences("a.ts", cls.replace("this.[[service]]", "this.[[se|rvice]]"));
        assertRename("a.ts", "class C { constructor(private se|rvice: number) { service + 1; ({ service }); } m() { return this.service; } }", "svc",
                "class C { constructor(private svc: number) { svc + 1; ({ service: svc }); } m() { return this.svc; } }");
        assertRename("a.ts", "class C { constructor(private service: number) { service + 1; } m() { return this.se|rvice; } }", "svc",
                "class C { constructor(private svc: number) { svc + 1; } m() { return this.svc; } }");
    }

    @Test
    void anAliasOfAnObjectTypeHoldsItsMembersAsAnInterfaceDoes() {
        assertDefinition("a.ts", "type P = { [[x]]: number; y: number }; function f(p: P) { return p.|x; }");
        assertDefinition("a.ts", "type P = ({ [[x]]: number }); declare const p: P | undefined; p!./*|*/x;");
        assertDefinition("a.ts", "type Inner = { [[deep]]: 1 }; type Outer = { inner: Inner }; declare const o: Outer; o.inner.de|ep;");
        assertReferences("a.ts", "type P = { [[|x]]: number }; function f(p: P) { return p.[[x]]; } const a: P = { [[x]]: 1 }; type Q = { x: number };"
                + " declare const q: Q; q.x;");
        assertRename("a.ts", "type P = { |x: number }; function f({ x }: P) { return x; } const a: P = { x: 1 }; a.x;", "left",
                "type P = { left: number }; function f({ left: x }: P) { return x; } const a: P = { left: 1 }; a.left;");
        assertDefinition("a.tsx", "type Props = { [[title]]: string };\nfunction Card({ title }: Props) { return <h1>{title}</h1>; }\nconst c = <Card ti|tle=\"t\" />;");
    }

    @Test
    void anAliasOfAnythingButAnObjectTypeHoldsNoMembers() {
        assertDefinition("a.ts", "type P = { [[x]]: number } | { [[x]]: string }; declare const p: P; p./*|*/x;"); // each constituent's, as TypeScript
        assertDefinition("a.ts", "type P = Record<string, number>; declare const p: P; p.|x;");
    }

    @Test
    void elementsOfDeclaredArraysAndAwaitedPromises() {
        String user = "interface U { [[name]]: string }\n";
        assertDefinition("a.ts", user + "function f(us: U[]) { for (const u of us) u.na|me; }");
        assertDefinition("a.ts", user + "function f(us: ReadonlyArray<U>) { us.map(u => u.na|me); }");
        assertDefinition("a.ts", user + "function f(us: readonly U[]) { us.filter(u => u.na|me).length; }");
        assertDefinition("a.ts", user + "function f(us: Array<U>) { return us.find(u => true)!.na|me; }");
        assertDefinition("a.ts", user + "function f(us: U[]) { return us[0].na|me + us.filter(Boolean).at(-1)?.name; }");
        assertDefinition("a.ts", user + "function f(us: U[]) { us.reduce((n, u) => n + u.na|me, ''); }");
        assertDefinition("a.ts", user + "function f(us: U[]) { us.sort((a, b) => a.name < b.na|me ? -1 : 1); }");
        assertDefinition("a.ts", user + "declare function load(): Promise<U>;\nasync function f() { const u = await load(); return u.na|me; }");
        assertDefinition("a.ts", user + "async function f(p: Promise<U[]>) { for (const u of await p) u.na|me; }");
        assertDefinition("a.ts", user + "class S { all(): U[] { return []; } }\nnew S().all().forEach(function (u) { u.na|me; });");
        assertDefinition("a.ts", user + "class C { users = new Map<string, U>(); byId: Map<string, U> = new Map(); f() { return this.byId.get('a')!.na|me; } }");
        assertDefinition("a.ts", user + "interface H { owner: U }\nfunction f(h: H) { const { owner } = h; return owner.na|me; }");
        assertDefinition("a.ts", user + "interface H { owner: U }\nfunction f({ owner: o = null! }: H) { return o.na|me; }");
        assertDefinition("a.ts", user + "interface H { owner?: U }\nfunction f(h?: H) { return (h?.owner)!.na|me; }");
    }

    @Test
    void anObjectTypeWrittenInPlaceOfATypeNameHoldsItsMembers() {
        assertDefinition("a.ts", "function f(options: { readonly [[path]]: string; https?: boolean }) { return options.pa|th; }");
        assertDefinition("a.ts", "const f = (e: { readonly type: 1; readonly [[value]]: 2 }) => e.val|ue;");
        assertDefinition("a.ts", "function getSizing(o: string): { [[unit]]: string; verb: string } | null { return null; }\n"
                + "const sizing = getSizing('a'); if (sizing) sizing.un/*|*/it;");
        assertDefinition("a.ts", "function parse(s: string): { readonly group: string; readonly [[id]]: number } { return null!; }\n"
                + "const encoded = parse('a'); encoded.i|d;");
        assertDefinition("a.ts", "declare const o: { inner: { [[deep]]: 1 } }; o.inner.de|ep;");
        assertReferences("a.ts", "function f(o: { [[|path]]: string }) { return o.[[path]]; } function g(o: { path: string }) { return o.path; }");
        assertReferences("a.ts", "function f(o: { [[path]]: string }) { return o.[[pa|th]]; } function g(o: { path: string }) { return o.path; }");
        assertRename("a.ts", "function f(o: { pa|th: string }) { return o.path; } f({ path: '' });", "p",
                "function f(o: { p: string }) { return o.p; } f({ p: '' });");
        assertDefinition("a.ts", "function f(o: { path: string }) { return o.ot|her; }");
    }

    @Test
    void aParameterWithoutAnAnnotationIsWhatTheFunctionTypeItIsGivenDeclares() {
        String user = "interface U { [[name]]: string }\n";
        assertDefinition("a.ts", user + "type Handler = (u: U, n: number) => void;\nconst h: Handler = (u) => u.na|me;");
        assertDefinition("a.ts", user + "const h: (n: number, u: U) => void = (n, u) => { u.na|me; };");
        assertDefinition("a.ts", user + "type P<T> = (schema: T, ctx: number) => void;\nconst p: P<U> = (schema, ctx) => schema.na|me;");
        assertDefinition("a.ts", user + "type P<T = U> = (schema: T) => void;\nconst p: P = schema => schema.na|me;");
        assertDefinition("a.ts", user + "interface Cb { (u: U): void }\nconst c: Cb = function (u) { u.na|me; };");
        assertDefinition("a.ts", user + "type Cb = (this: Window, u: U) => void;\nconst c: Cb = function (u) { u.na|me; };");
        assertDefinition("a.ts", user + "interface H { on(u: U): void; cb: (u: U) => void }\nconst h: H = { on: (u) => u.na|me, cb: u => u.name };");
        assertDefinition("a.ts", user + "interface H { on(u: U): void; cb: (u: U) => void }\nconst h: H = { on: (u) => u.name, cb: u => u.na|me };");
        assertDefinition("a.ts", user + "interface Box { owner: U }\ntype F = (b: Box) => void;\nconst f: F = ({ owner }) => owner.na|me;");
        assertDefinition("a.ts", user + "type Resolve = (k: string) => U;\nfunction f(resolve: Resolve) { const e = resolve('a'); return e.na|me; }");
        assertDefinition("a.ts", user + "type Make<T> = () => T;\ndeclare const make: Make<U>; make().na|me;");
    }

    @Test
    void notWhereTheFunctionTypeDoesNotSettleTheParameter() {
        String user = "interface U { name: string }\n";
        assertDefinition("a.ts", user + "const h: <T>(x: T) => void = (x) => x.na|me;");
        assertDefinition("a.ts", user + "type H = { (u: U): void; (n: number): void };\nconst h: H = (u) => u.na|me;");
        assertDefinition("a.ts", user + "type H = (...us: U[]) => void;\nconst h: H = (u) => u.na|me;");
        assertDefinition("a.ts", user + "type P<T> = (x: T) => void;\nconst p: P = (x) => x.na|me;");
        assertDefinition("a.ts", user + "interface B { (u: U): void }\ninterface Cb extends B { (n: number): void }\nconst c: Cb = (u) => u.na|me;");
        assertDefinition("a.ts", user + "type H = (u: U) => void;\nconst h: H = (u: any) => u.na|me;");
    }

    @Test
    void aConstDeclaredAsATypeHasTheTypesMembersNotItsInitializers() {
        assertDefinition("a.ts", "type L = { prev: L | null; [[next]]: L | null };\nconst l: L = { prev: null, next: null };\nl.ne/*|*/xt;");
        assertDefinition("a.ts", "interface L { [[next]]: number }\nconst l = { next: 1 } as L;\nl.ne|xt;");
        assertDefinition("a.ts", "const l = { [[next]]: 1 } as const;\nl.ne|xt;");
        assertDefinition("a.ts", "interface L { next: number }\nconst l = { [[next]]: 1 } satisfies L;\nl.ne|xt;");
    }

    @Test
    void onOneOfAMethodsSignaturesItselfIsTheAnswer() {
        // node: TypeScript's getDefinitionAtPosition on a signature's own name gives that signature only; on a use, all of them
        assertDefinition("a.ts", "interface I { m(a: string): void; [[m|]](a: number): void }");
        assertDefinition("a.ts", "declare const x: { m(a: string): void; [[|m]](a: number): void };");
        assertDefinition("a.ts", "class C { m(): void; [[|m]](a?: any) {} }");
        assertDefinition("a.ts", "interface I { [[m]](a: string): void; [[m]](a: number): void }\ndeclare const x: I; x.|m;");
        assertDefinition("a.ts", "class C { get [[|x]]() { return 1; } set [[x]](v) {} }");
    }

    @Test
    void inACallTheSignatureTheArgumentsSettle() {
        // node: TypeScript answers the signature the call resolves to; one taking that many arguments is the only one it can be
        String eq = "function eq(a: 1): 1;\nfunction eq(a: 1, b: 2): 2;\nfunction eq(): any {}\n";
        assertDefinition("a.ts", eq.replace("eq(a: 1, b", "[[eq]](a: 1, b") + "|eq(1, 2);");
        assertDefinition("a.ts", eq.replace("eq(a: 1)", "[[eq]](a: 1)") + "|eq(1);");
        assertDefinition("a.ts", "function [[eq]](a: 1): 1;\nfunction [[eq]](a: 1, b: 2): 2;\nfunction [[eq]](): any {}\nconst f = |eq;");
        assertDefinition("a.ts", "function [[eq]](a: 1): 1;\nfunction eq(a: string): 2;\nfunction eq(): any {}\n|eq(1);"); // the literal chooses
        assertDefinition("a.ts", "function eq(a: 1): 1;\nfunction [[eq]](a: string): 2;\nfunction eq(): any {}\n|eq('s');");
        assertDefinition("a.ts", "function [[eq]](a: 1): 1;\nfunction [[eq]](a: string): 2;\nfunction [[eq]](): any {}\ndeclare const v: 1;\n|eq(v);"); // not settled: each
        assertDefinition("a.ts", "interface S { [[m]](): void; m(a?: 1): 1 }\ndeclare const s: S; s.|m();");
        assertDefinition("a.ts", "interface S { m(a: 1): void; [[m]](...a: 1[]): 1 }\ndeclare const s: S; s.|m(1, 1);");
    }

    @Test
    void thisIsWhatAThisParameterDeclares() {
        String shard = "interface ShardId { readonly group: string; readonly [[id]]: number }\n";
        assertDefinition("a.ts", shard + "const proto = { toString(this: ShardId): string { return `${this.group}:${this.i|d}`; } };");
        assertDefinition("a.ts", shard + "function f(this: ShardId) { const g = () => this.i|d; }");
        assertDefinition("a.ts", "class C { [[id]] = 1; m() { return this.i|d; } }");
        assertDefinition("a.ts", "class C { id = 1; m(this: { other: 1 }) { return this.i|d; } }");
        assertDefinition("a.ts", "interface S { id: number }\nfunction f(this: S) { function g() { return this.i|d; } }");
    }

    @Test
    void aClassMergedWithANamespaceIsTheNamespaceAsAType() {
        assertDefinition("a.ts", "class C { static Service = 1 }\ndeclare namespace C { interface [[Service]] { a: 1 } }\nconst d: C.Serv|ice = null!;");
        assertDefinition("a.ts", "class C { static [[Service]] = 1 }\ndeclare namespace C { interface Service { a: 1 } }\nconst d: typeof C.Serv|ice = 1;");
        assertDefinition("a.ts", "class C { static [[Service]] = 1 }\ndeclare namespace C { interface Service { a: 1 } }\nC.Serv|ice;");
    }

    @Test
    void notWhereTheElementIsNotTheDeclaredOne() {
        String user = "interface U { name: string }\n";
        assertDefinition("a.ts", user + "function f(us: U[]) { us.map((i, u) => u.na|me); }");
        assertDefinition("a.ts", user + "function f(us: U[]) { const g = (u) => u.na|me; us.map(g); }");
        assertDefinition("a.ts", user + "function f(us: U[]) { for (const u in us) u.na|me; }");
        assertDefinition("a.ts", user.replace("name", "[[name]]") + "function f(us: Set<U>) { us.forEach(u => u.na|me); }"); // a Set's is (TypeScript's answer)
        assertDefinition("a.ts", user + "function f(us: U[] | string[]) { us.map(u => u.na/*|*/me); }");
    }

    /** The first line of the hover at the cursor of a TypeScript source, or null. */
    static String hover(String marked) {
        dev.arenals.server.testing.Marked m = dev.arenals.server.testing.Marked.parse(marked);
        dev.arenals.server.document.Document doc = dev.arenals.server.testing.Docs.parsed("file:///a.ts", m.text);
        org.eclipse.lsp4j.Hover h = new HoverHandler().hover(doc, doc.positionAt(m.cursors.get(0)), false);
        String value = h == null ? null : h.getContents().getRight().getValue();
        return value == null ? null : value.split("\n")[0];
    }

    @Test
    void hoverAfterADotShowsTheMemberFoundTheNewWaysAsItShowsAnAnnotatedOne() {
        String user = "interface U { name: string }\n";
        String annotated = hover(user + "function f(u: U) { return u.na|me; }");
        org.junit.jupiter.api.Assertions.assertEquals("name: string", annotated);
        org.junit.jupiter.api.Assertions.assertEquals(annotated, hover(user + "type H = (u: U) => void;\nconst h: H = (u) => u.na|me;"));
        org.junit.jupiter.api.Assertions.assertEquals(annotated, hover(user + "function f(this: U) { return this.na|me; }"));
        org.junit.jupiter.api.Assertions.assertEquals("path: string", hover("function f(o: { path: string }) { return o.pa|th; }"));
    }

    @Test
    void hoverOnAVariableOrParameterWrittenWithoutATypeShowsTheTypeTheDeclarationsSettle() {
        String user = "interface U { name: string }\nclass S { load(): U { return null!; } }\n";
        org.junit.jupiter.api.Assertions.assertEquals("const s: S = new S()", hover(user + "const s = new S(); |s;"));
        org.junit.jupiter.api.Assertions.assertEquals("const u: U = s.load()", hover(user + "const s = new S(); const u = s.load(); |u;"));
        org.junit.jupiter.api.Assertions.assertEquals("const u: U", hover(user + "declare const us: U[]; for (const u of us) |u;"));
        org.junit.jupiter.api.Assertions.assertEquals("(parameter) u: U", hover(user + "declare const us: U[]; us.map(u => |u);"));
        org.junit.jupiter.api.Assertions.assertEquals("const m: Map<string, U> = new Map<string, U>()", hover(user + "const m = new Map<string, U>(); |m;"));
        org.junit.jupiter.api.Assertions.assertEquals("const x: U = s.load()", hover(user + "declare const s: S; const x: U = s.load(); |x;"), "annotated: as written");
        org.junit.jupiter.api.Assertions.assertEquals("const n = 1", hover(user + "const n = 1; |n;"), "nothing the declarations settle");
        String box = "class C { n = 1 } class Box<T> { constructor(public item: T) {} get(): T { return this.item; } }\n";
        org.junit.jupiter.api.Assertions.assertEquals("const got: C = bx.get()", hover(box + "declare const bx: Box<C>; const got = bx.get(); |got;"));
        org.junit.jupiter.api.Assertions.assertEquals("const item: C = new Box(new C()).item", hover(box + "const item = new Box(new C()).item; |item;"));
    }

    /** typescript@6.0.3 shows a parameter property as the property it declares, on the parameter and on a read. */
    @Test
    void hoverOnAParameterPropertyShowsTheProperty() {
        String box = "class Box<T> { constructor(public item: T) {} }\n";
        org.junit.jupiter.api.Assertions.assertEquals("(property) Box<T>.item: T", hover("class Box<T> { constructor(public it|em: T) {} }"));
        org.junit.jupiter.api.Assertions.assertEquals("(property) Box<T>.item: T", hover(box + "declare const b: Box<number>; b.it|em;"));
    }
}
