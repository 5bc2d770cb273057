package dev.arenals.server.features;

import static dev.arenals.server.testing.NavAssert.assertDefinition;
import static dev.arenals.server.testing.NavAssert.assertTypeDefinition;

import org.junit.jupiter.api.Test;

class DefinitionHandlerTest {
    @Test void variables() {
        assertDefinition("const [[a]] = 1; |a; let b; b = |a + b;");
        assertDefinition("const a = 1; let [[b]]; b = a + |b;");
        assertDefinition("var [[v]] = 1; var [[v]] = 2; |v;"); // a var declared twice: both declarations
        assertDefinition("let x = 1; { let [[x]] = 2; |x; }");
        assertDefinition("const [[a|]] = 1;"); // at the declaration itself, and at the name's end
    }

    @Test void functionsClassesAndParameters() {
        assertDefinition("function [[f]](x) {} |f(1);");
        assertDefinition("function f([[x]], { y }, [ z ] = [], ...rest) { return |x + y + z + rest; }");
        assertDefinition("function f(x, { [[y]] }, [ z ] = [], ...rest) { return x + |y + z + rest; }");
        assertDefinition("function f(x, { y }, [ [[z]] ] = [], ...rest) { return x + y + |z + rest; }");
        assertDefinition("function f(x, { y }, [ z ] = [], ...[[rest]]) { return x + y + z + |rest; }");
        assertDefinition("class [[C]] {} new |C();");
        assertDefinition("const D = class [[E]] { m() { return |E; } };");
        assertDefinition("const add = ([[p]]) => |p + 1;");
        assertDefinition("try {} catch ([[err]]) { |err; }");
    }

    @Test void inheritedMembersOfThisGoToTheBaseClassInThisFile() {
        assertDefinition("a.ts", "class A { [[m]]() {} }\nclass B extends A { n() { this.|m(); } }");
        assertDefinition("a.ts", "class A { [[x]] = 1; }\nclass B extends A {}\nclass C extends B { n() { return this.|x; } }");
        assertDefinition("a.ts", "class A { m() {} }\nclass B extends A { [[m]]() { this.|m(); } }"); // its own wins
        assertDefinition("a.ts", "class B extends Unknown { n() { this.|m(); } }");
    }

    @Test void importsGoToTheSpecifier() {
        assertDefinition("a.mjs", "import [[d]], { x, y as z } from 'm'; |d;");
        assertDefinition("a.mjs", "import d, { [[x]], y as z } from 'm'; |x;");
        assertDefinition("a.mjs", "import { y as [[z]] } from 'm'; |z;");
        assertDefinition("a.mjs", "import * as [[ns]] from 'n'; |ns;");
        assertDefinition("a.ts", "import { [[x]] } from 'm'; let v: |x; |x;");
    }

    @Test void aPropertyOrMethodDeclaredWithoutTypesIsItsOwnDefinition() {
        assertDefinition("a.ts", "interface I { readonly [[va|lue]]: number; }");
        assertDefinition("a.ts", "type T = { [[na|me]]?: string; m(): void };");
        assertDefinition("a.ts", "type T = { name?: string; [[m|]](): void };");
        assertDefinition("a.ts", "f({ [[ke|y]]: 1, method() {} });");
        assertDefinition("a.ts", "f({ key: 1, [[me|thod]]() {} });");
        assertDefinition("a.ts", "const [[k]] = 1; f({ [k|]: 1 });"); // a computed key is a reference
        assertDefinition("a.ts", "const { ke|y: v } = o;"); // a pattern's key reads a property of o: unknown without types
    }

    @Test void theSubjectOfATypePredicateIsItsParameter() {
        assertDefinition("a.ts", "function f([[u]]: unknown): |u is string { return typeof u === 'string'; }");
        assertDefinition("a.ts", "const g = ([[v]]: unknown): asserts |v => {};");
        assertDefinition("a.ts", "type G = ([[x]]: unknown) => |x is number;");
        assertDefinition("a.ts", "class C { m([[p]]: unknown): |p is C { return true; } }");
    }

    @Test void exportSpecifiersLeadToTheLocal() {
        assertDefinition("a.mjs", "const [[a]] = 1; export { |a, |a as b };");
        assertDefinition("a.ts", "const [[a]] = 1; export { |a };");
    }

    @Test void labels() {
        assertDefinition("[[outer]]: for (;;) { inner: for (;;) { break |outer; continue |outer; } }");
        assertDefinition("x: { [[x]]: for (;;) { break |x; } }");
    }

    @Test void privateNames() {
        assertDefinition("class A { [[#p]] = 1; m() { return this.|#p + (|#p in this); } }");
        assertDefinition("class A { #p; m() { class B { [[#p]]; n() { this.|#p; } } } }");
        assertDefinition("class A { get [[#v]]() { return 1 } set [[#v]](x) {} m() { this.|#v = 2; } }");
    }

    @Test void membersThroughThis() {
        assertDefinition("class A { [[x]] = 1; m() { return this.|x; } }");
        assertDefinition("class A { get [[g]]() { return 1; } m() { return this.|g + this.m(); } }");
        assertDefinition("class A { get g() { return 1; } [[m]]() { return this.g + this.|m(); } }");
        assertDefinition("class A { f() {} m() { return () => this.|f; } }".replace("f() {}", "[[f]]() {}"));
        // a nested function has its own this; a nested class its own members
        assertDefinition("class A { x = 1; m() { return function () { return this.|x; }; } }");
        assertDefinition("class A { x = 1; m() { return class { [[x]] = 2; n() { return this.|x; } }; } }");
        // JavaScript declares a field by assigning it in the constructor
        assertDefinition("class A { constructor() { this.[[y]] = 1; } m() { return this.|y; } }");
        assertDefinition("class A { static [[s]] = 1; } A.|s;");
    }

    @Test void membersOfAConstObjectLiteral() {
        assertDefinition("const o = { [[a]]: 1, m() {} }; o.|a;");
        assertDefinition("const o = { a: 1, [[m]]() {} }; o.|m();");
        assertDefinition("const o = { get [[g]]() { return 2; }, set [[g]](v) {} }; o.|g = o.|g;");
        assertDefinition("a.ts", "const o = { [[a]]: 1 } as const; o.|a;");
        assertDefinition("const a = 1; const o = { [[a]] }; o.|a;");
        assertDefinition("let o = { a: 1 }; o.|a;"); // let may be reassigned: no answer
        assertDefinition("const o = f({ a: 1 }); o.|a;");
    }

    @Test void jsxTagsOfLocalComponents() {
        assertDefinition("a.jsx", "function [[Button]]() { return null; } const x = <|Button>hi</|Button>;");
        assertDefinition("a.jsx", "const [[ui]] = {}; const x = <|ui.Button />;");
        assertDefinition("a.jsx", "const div = 1; const x = <|div />;");
    }

    @Test void nothingWhereThereIsNoName() {
        assertDefinition("const a = 1;| ");
        assertDefinition("console.|log(|undeclared);");
        assertDefinition("const o = {}; o.|missing;");
        assertDefinition("'|string';");
    }

    @Test void typeScriptTypesInterfacesAndTypeParameters() {
        assertDefinition("a.ts", "type [[T]] = number; let x: |T;");
        assertDefinition("a.ts", "interface [[I]] { a: 1 } interface [[I]] { b: 2 } let x: |I;");
        assertDefinition("a.ts", "function f<[[T]]>(p: |T): |T { return p as |T; }");
        assertDefinition("a.ts", "class C<[[T]]> { x: |T; }");
        assertDefinition("a.ts", "type M = { [[[K]] in string]: |K };".replace("[[[K]]", "[ [[K]]"));
    }

    @Test void typeScriptMergedNames() {
        // a value and a type of one name are one merged symbol: every declaration
        assertDefinition("a.ts", "const [[Shape]] = 1; type [[Shape]] = string; let s: |Shape = |Shape;");
        assertDefinition("a.ts", "class [[Point]] {} interface [[Point]] { z: number } let p: |Point = new |Point();");
        assertDefinition("a.ts", "function [[f]](a: string): void; function [[f]](a: number): void; function [[f]](a: any) {} const g = |f;");
        // a call: the overload its argument chooses (TypeScript's resolved signature)
        assertDefinition("a.ts", "function f(a: string): void; function [[f]](a: number): void; function f(a: any) {} |f(1);");
    }

    @Test void typeScriptEnumsAndNamespaces() {
        assertDefinition("a.ts", "enum [[E]] { A, B = A } let e: |E = |E.B;");
        assertDefinition("a.ts", "enum E { A, [[B]] = A } let e = E.|B; let f: E.|B;");
        assertDefinition("a.ts", "enum E { [[A]] = 1, B = |A }");
        // inside an enum, its own member wins over an outer declaration of the name
        assertDefinition("a.ts", "class A {} enum E { [[A]] = 1, B = |A }");
        assertDefinition("a.ts", "const [[C]] = 1; enum E { A = |C }");
        assertDefinition("const o = { [[a]]: 1 }; o.a|;");
        assertDefinition("a.ts", "enum [[E]] { A } enum [[E]] { B = 2 } |E.B;");
        assertDefinition("a.ts", "enum E { A } enum E { [[B]] = 2 } E.|B;");
        assertDefinition("a.ts", "namespace [[N]] { export const v = 1; } namespace [[N]] {} |N.v;");
        assertDefinition("a.ts", "namespace N { export const [[v]] = 1; } namespace N {} N.|v; type T = typeof N.|v;");
        assertDefinition("a.ts", "class C { constructor(private [[q]]: number) {} m() { return this.|q; } }");
    }

    @Test void typeDefinitionOfAnnotatedNames() {
        assertTypeDefinition("a.ts", "interface [[Shape]] {} let |s: Shape; |s;");
        assertTypeDefinition("a.ts", "type [[A]] = {}; class [[B]] {} function f(/*|*/p: A | B[] | null) {}");
        assertTypeDefinition("a.ts", "class [[C]] {} const |c = new C();");
        assertTypeDefinition("a.ts", "let |n: number;");
        assertTypeDefinition("a.ts", "namespace N { export interface [[I]] {} } let |x: N.I;");
    }
}
