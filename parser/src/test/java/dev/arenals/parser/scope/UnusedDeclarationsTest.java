package dev.arenals.parser.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.tree.Arena;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each source marks the names expected to be reported as unused with {@code [[ ]]}; nothing else may be. */
class UnusedDeclarationsTest {
    private final JsParser parser = new JsParser();
    private final Binder binder = new Binder();

    private void assertUnused(String file, String marked) {
        StringBuilder clean = new StringBuilder();
        List<String> expected = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < marked.length(); ) {
            if (marked.startsWith("[[", i)) { open = clean.length(); i += 2; }
            else if (marked.startsWith("]]", i)) { expected.add(open + ":" + clean.substring(open)); i += 2; }
            else clean.append(marked.charAt(i++));
        }
        Arena arena = new Arena();
        ScopeTable table = new ScopeTable();
        parser.parse(arena, clean.toString(), ParseOptions.forFileName(file));
        binder.bind(arena, table);
        List<String> found = new ArrayList<>();
        for (int sym : UnusedDeclarations.find(arena, table, file.endsWith(".d.ts"))) {
            int decl = table.declarationNode(sym);
            found.add(arena.start(decl) + ":" + arena.text(arena.start(decl), arena.end(decl)));
        }
        assertEquals(expected, found, clean.toString());
    }

    @Test
    void localsImportsAndParameters() {
        assertUnused("a.mjs", "import [[a]], { [[b]], c } from 'm'; const [[x]] = c(); let y = 1; y++; console.log(y);");
        assertUnused("a.mjs", "function [[f]]([[p]]) { let [[q]]; q = 1; }");
        assertUnused("a.ts", "import type { [[T]], U } from 'm'; let v: U; console.log(v);");
        assertUnused("a.ts", "interface [[I]] {} type [[A]] = 1; enum [[E]] { a } class [[K]] {} export {};");
        // a .ts file without import or export is a script: its top-level names are globals
        assertUnused("a.ts", "interface I {} class K {}");
    }

    @Test
    void exemptions() {
        // exported, underscore, script globals, used in a type, exported by a list
        assertUnused("a.ts", "export const a = 1; export function f(_x: number) {} type T = 1; let u: T; export { u };");
        assertUnused("a.js", "var globalInScript = 1; function g() {}");
        // parameters (before used ones too, as TypeScript), parameter properties, bodiless functions, this
        assertUnused("a.ts", "export function f(a, [[b]]) { return a; } export function g([[a]], b) { return b; }"
                + " export class C { constructor(private x: number, [[y]]: number) {} m(this: C) {} }"
                + " export function o(a: string): void; export function o([[a]]: any) {}");
        // merged declarations are reported each when none is read (as TypeScript); rest siblings, function/class expression names, catch
        assertUnused("a.ts", "interface [[M]] {} class [[M]] {} const { a, ...rest } = {}; console.log(rest);"
                + " export const h = function named() {}, k = class Named {}; try {} catch (e) {}");
        // ambient code and declaration files
        assertUnused("a.ts", "declare const d: number; declare module 'x' { const y: number; } export {};");
        assertUnused("a.d.ts", "declare function f(a: number): void; interface I {}");
        // namespaces: exported members are used from outside
        assertUnused("a.ts", "export namespace N { export const z = 1; const [[w]] = 2; }");
    }

    @Test
    void jsxAndComments() {
        assertUnused("a.jsx", "import React from 'react'; import Comp from './c'; import [[Other]] from './o'; export const v = <Comp />;");
        assertUnused("a.jsx", "import * as ui from './ui'; export const v = <ui.Button />;");
        assertUnused("a.js", "import Foo from './foo'; import [[Bar]] from './bar'; /** @type {Foo} */ export let f;");
        // a component declared but only written, not rendered, is still unused
        assertUnused("a.tsx", "const [[Local]] = 1; export const v = <div />;");
    }

    /** As TypeScript: `_` says "unused on purpose" for parameters, imports, loop variables and pattern elements that are not shorthand. */
    @Test
    void underscoreWhereTypeScriptHonoursIt() {
        assertUnused("a.ts", "import { a as _a } from 'm'; export function f(_p: number, xs: number[][], o: object) {"
                + " for (const _x of xs) {} const [_first, second = 1] = xs; const { k: _k, [[_short]] } = o as any;"
                + " const [[_local]] = 1; type [[_T]] = 1; return second; }");
    }

    /** TypeScript resolves the names of JSDoc links and @see tags, not JSDoc types. */
    @Test
    void importsNamedByJsDocLinksInTypeScript() {
        assertUnused("a.ts", "import type * as L from 'm'; import { S, [[T]] } from 'n';\n/** {@link L.x} @see S @type {T} */ export const a = 1;");
        assertUnused("a.js", "import { T } from 'n';\n/** @type {T} */ export const a = 1;");
    }

    /** TypeScript's rules the mutated-corpus judge found: self-references, a value and a type of one name, overloads. */
    @Test
    void selfReferencesValuesBesideTypesAndTheLastOverload() {
        assertUnused("a.ts", "function [[fact]](n: number): number { return n < 2 ? 1 : n * fact(n - 1); }"
                + " interface [[Tree]] { kids: Tree[] } type [[List]] = { next: List } class [[K]] { static k = new K(); } export {};");
        // a value and a type of one name are one symbol to TypeScript: a read of either is a read of both
        assertUnused("a.ts", "const x = 1; type x = number; export let y: x;");
        assertUnused("a.ts", "const [[a]] = 1; type [[a]] = number; const [[t3]] = 1; type [[t3]] = typeof t3; export {}");
        // type parameters, checked on a name's last declaration in TypeScript's binding order (functions first)
        assertUnused("a.ts", "type W<T> = number; const W = 1; export { W }; const V = 1; type V<[[T]]> = number; export { V };");
        // an interface after a (hoisted) function of its name is its last declaration; a type parameter is not its parameter's twin
        assertUnused("a.ts", "export interface tag<[[Tag]]> {} export function tag() {} export function s<f>([[f]]: f) {}");
        // `X<T>` beside `import * as X` names a global X; TypeScript counts the import as read when that global is a
        // type alias (Record, Partial) and not when it is an interface (Iterable, Promise): read, to give no false hint
        assertUnused("a.ts", "import * as Iterable from './Iterable'; export let i: Iterable<number>;");
        assertUnused("a.ts", "export type input<[[T]]> = number; export function input<T>(x: T) { return x; }"
                + " interface X<T> { a: 1 } export const X = 1; export interface J<T> { a: T } export interface J<T> { b: 2 }");
        assertUnused("a.ts", "export function o<T>(x: T): void; export function o<[[R]]>(_x: unknown) {}");
        // a function expression reads itself by its variable: used, as in TypeScript
        assertUnused("a.ts", "const loop = () => loop(); loop;");
    }

    @Test
    void typeParametersAsTypeScriptChecksThem() {
        assertUnused("a.ts", "export function f<[[T]], U>(u: U) { return u; } export type Box<[[A]], B extends string> = { b: B };");
        assertUnused("a.ts", "export interface I<[[T]]> { m<[[K]]>(): void; n<V>(v: V): V } export class C<[[T]]> { m<[[X]]>() {} }");
        // used in its own constraint, in another parameter's default, in a body, through `keyof`
        assertUnused("a.ts", "export type R<T extends R<T>> = T[]; export function g<A, B = A>(b: B) { return b; }"
                + " export const h = <T,>(x: unknown) => { const y = x as T; return y; }; export type K<T> = keyof T;");
        // infer: reported; a mapped type's key: never (TypeScript does not check it)
        assertUnused("a.ts", "export type E<T> = T extends Array<infer [[U]]> ? 1 : 0; export type M<T> = { [K in keyof T]: string };");
        // underscore, overloads and bodiless methods, merged declarations, ambient code, function and constructor types
        assertUnused("a.ts", "export function u<_T>() {} export function o<T>(): void; export function o<T>(_x?: T) {}"
                + " export abstract class A { abstract m<T>(): void; } export interface J<T> { a: T } export interface J<T> {}"
                + " declare function d<T>(): void; export interface S { m<T>(): void; m<T>(x: T): void; <Q>(): void; <Q>(q: Q): void }"
                + " export type F = <[[P]]>() => void; export type N = new <[[P]]>() => object;");
    }
}
