package dev.arenals.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TypeScript and TSX syntax: every form parses without diagnostics; broken forms are reported. */
class TypeScriptSyntaxTest {
    private final JsParser parser = new JsParser();
    private final Arena arena = new Arena();

    private List<String> parse(String source, String file) {
        parser.parse(arena, source, ParseOptions.forFileName(file));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < arena.log().diagnosticCount(); i++) {
            out.add(arena.log().diagnosticStart(i) + ": " + DiagnosticMessages.message(arena.log(), i, arena.names()));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "let a: number = 1;", "let b: string | undefined;", "let c: A & B & { x: 1 };", "let d: | 'a' | 'b';",
        "let e: Array<Map<string, Set<number>>>;", "let f: (a: number, b?: string, ...rest: any[]) => void;",
        "let g: new (x: number) => Foo;", "let h: abstract new () => object;", "let i: readonly string[];",
        "let j: [a: string, b?: number, ...rest: boolean[]];", "let k: [string, number?];", "let l: keyof typeof obj;",
        "let m: unique symbol;", "let n: T extends (infer U extends string)[] ? U : never;",
        "let o: { readonly [K in keyof T as `get${Capitalize<K & string>}`]-?: () => T[K] };",
        "let p: { +readonly [K in Keys]+?: V };", "let q: `prefix-${string}-suffix`;", "let r: T['key'][number];",
        "let s: import('./mod').Thing<string>;", "let t: typeof import('./mod');", "let u: typeof x.y<string>;",
        "let v: -1 | 1n | true | null | undefined | void;", "let w: this;", "let x: A.B.C<D>;", "let y: () => asserts x is string;",
        "function isStr(x: unknown): x is string { return typeof x === 'string'; }",
        "function assert(c: unknown): asserts c {}", "class A { isB(): this is B { return true; } }",
        "interface I<T extends object = {}> extends J<T>, K { (x: number): string; new (x: string): I<T>; readonly [key: string]: any; method?<U>(u: U): void; get x(): number; set x(v: number); }",
        "type Fn<in out T> = (t: T) => T;", "type Const<const T extends readonly unknown[]> = T;",
        "enum E { A, B = 2, C = B << 1, 'D' = 4 }", "const enum F { X }", "declare enum G { Y }",
        "namespace N.M { export const x = 1; }", "module Legacy { }", "declare module 'pkg' { export function f(): void; }",
        "declare module 'pkg';", "declare global { interface Window { x: number } }", "declare const VERSION: string;",
        "declare function f(x: number): string;", "declare class C { m(): void; p: number; }", "declare let l: number, m: string;",
        "abstract class Shape { abstract area(): number; protected constructor(public readonly name: string) {} }",
        "class P { private x?: number; protected y!: string; public static readonly z = 1; declare w: number; override m() {} }",
        "class Q<T> extends Base<T> implements I1, I2<T> { accessor a = 1; static accessor b: string; }",
        "class R { constructor(private a: number, protected b = 2, readonly c?: string) {} }",
        "class S { [key: string]: any; static [k: number]: string; }",
        "class T { m(): void; m(x?: number): void {} }", "class U { #p = 1; get #q() { return 1; } }",
        "function over(x: string): void; function over(x: number): void; function over(x: any) {}",
        "const a = b as const;", "const c = d satisfies E;", "const e = f!;", "const g = h!.i!.j;", "const k = <T>l;",
        "const m = n as unknown as O<P>;", "f<string>(x);", "new C<number>();", "a?.b<T>();", "tag<T>`x`;",
        "const inst = fn<string>;", "if (a < b || c > d) {}", "x = a < b ? c : d > e;",
        "const arrow = <T,>(x: T): T => x;", "const arrow2 = async <T>(x: T): Promise<T> => x;",
        "const arrow3 = (x: number, y?: string): void => {};", "const arrow4 = ({ a, b }: Props): JSX => a;",
        "const arrow5 = ([a, b]: [number, number] = [1, 2]) => a;", "const arrow6 = async (x: T) => await x;",
        "const arrow7 = (): (() => void) => () => {};", "const arrow8 = (a: number): a is 1 => true;",
        "import type { A } from './a';", "import { type B, C } from './b';", "import type D from './d';",
        "import type * as E from './e';", "import fs = require('fs');", "import Alias = N.M;", "export import X = N.M;",
        "export = foo;", "export as namespace Lib;", "export type { A };", "export type * from './x';", "export type * as ns from './x';",
        "export { type A, B };", "export default interface I {}", "export abstract class A {}", "export declare const x: number;",
        "export interface J {}", "export type K = string;", "export enum L {}", "export namespace M {}", "export declare namespace N {}",
        "let x!: number;", "for (const [k, v] of Object.entries(o) as [string, number][]) {}",
        "try {} catch (e: unknown) {}", "function f(this: Window, a: number) {}", "@dec class A { @prop x = 1; m(@param p: string) {} }",
        "@a.b() @c export class D {}", "let fn: typeof f<string>;", "type A = B extends C ? D extends E ? 1 : 2 : 3;",
        "let big: Effect<<X extends E>(x: X) => X>;", "let obj = { m<T>(x: T): T { return x; }, async *g() {} };",
        "type G = { <T>(x: T): T };", "x = y as any as T[];", "let v = <const T,>() => {};",
        "function* gen(): Generator<number, void, unknown> { yield 1; }", "let a = b! + c!;", "++x!;", "(x as any) = 1;",
        "let q = a satisfies B as C;", "let optional = a?.b!.c;", "type R = readonly [x: number];", "type Neg = -1;",
        "let u: unknown, n: never, o: object, s: symbol, b: bigint;", "label: for (;;) { break label; }",
    })
    void typeScriptFormsParseCleanly(String source) {
        assertEquals(List.of(), parse(source, "test.ts"), source);
        assertTrue(arena.nodeCount() > 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "const el = <div className=\"a\" id={x}>text {value} <b>bold</b></div>;",
        "const f = <></>;", "const g = <><A /><B x /></>;", "const h = <Foo.Bar.Baz a:b=\"c\" {...rest} />;",
        "const i = <svg:rect data-id=\"1\" aria-label='x' />;", "const j = <Generic<string> prop={1} />;",
        "const k = <div>{/* comment */}</div>;", "const l = <a href=\"x\">&amp; &#123; text\nmore</a>;",
        "const m = <T,>(x: T) => x;", "const n = <T extends unknown>(x: T) => x;",
        "const o = cond ? <A /> : <B />;", "function C() { return <ul>{items.map(i => <li key={i}>{i}</li>)}</ul>; }",
        "const p = <input disabled value={v as string} onChange={(e) => set(e.target.value)} />;",
        "const q = <div {...props} {...{ a: 1 }}></div>;", "const r = <div attr=\"multi\nline\" />;",
    })
    void tsxFormsParseCleanly(String source) {
        assertEquals(List.of(), parse(source, "test.tsx"), source);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "const el = <div><span></div>;", "const f = <a></b>;", "const g = <div", "const h = <></div>;", "const i = <a b=>x</a>;",
    })
    void brokenJsxIsReported(String source) {
        assertTrue(!parse(source, "test.tsx").isEmpty(), source);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "let a: = 1;", "let b: Array<string;", "interface I { x: }", "type T = ;", "enum E { , }", "let c: [string,;",
        "function f(x: number { }", "class C implements { }", "let d = e as ;", "let g: { [K in ]: V };",
        "namespace { }", "let h: (a: number => void;", "import type from;", "declare;const x: ;",
    })
    void brokenTypeScriptIsReported(String source) {
        assertTrue(!parse(source, "test.ts").isEmpty(), source);
    }

    @ParameterizedTest
    @ValueSource(strings = {"const x = <T>y;", "let z = <number>w + 1;"})
    void angleBracketAssertionsInTsButNotInTsx(String source) {
        assertEquals(List.of(), parse(source, "a.ts"));
        parse(source, "a.tsx");
        boolean assertion = false;
        for (int n = 0; n < arena.nodeCount(); n++) if (arena.kind(n) == NodeKind.TYPE_ASSERTION) assertion = true;
        assertTrue(!assertion, "TSX reads <T> as JSX, never as an assertion");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.cts", "x.mts", "x.ts", "x.d.ts", "x.d.cts"})
    void typeScriptFilesDecideTheirGoalByContent(String file) {
        assertEquals(List.of(), parse("import x from 'y'; export const z = await x;", file));
        assertTrue(arena.isModule());
        parse("var a = 1;", file);
        // .mts and .cts are modules by their extension (TypeScript's format detection), the others by content
        assertEquals(file.endsWith(".mts") || file.endsWith(".cts"), arena.isModule());
    }
}
