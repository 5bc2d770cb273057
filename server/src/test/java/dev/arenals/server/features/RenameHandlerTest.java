package dev.arenals.server.features;

import static dev.arenals.server.testing.NavAssert.assertNotRenamable;
import static dev.arenals.server.testing.NavAssert.assertRename;
import static dev.arenals.server.testing.NavAssert.assertRenameRefused;

import org.junit.jupiter.api.Test;

class RenameHandlerTest {
    /**
     * effect's router.ts: currentNode.getNextNode() where currentNode's type is inferred. TypeScript
     * renames that call too; leaving it behind would break the code, so the rename is refused.
     */
    @Test void aMemberReadFromAValueOfUnknownTypeIsNotLeftBehind() {
        assertRenameRefused("a.ts", "class Node { |next(): Node { return this; } }\nfunction f(n: Node) { return n.next(); }\nconst c = make();\nc.next();",
                "following", "`next` is also read in a.ts:4:3 (`c.next`)");
        assertRename("a.ts", "class Node { |next(): Node { return this; } }\nfunction f(n: Node) { return n.next(); }\nconst o = { next: 1 };\no.next;",
                "following", "class Node { following(): Node { return this; } }\nfunction f(n: Node) { return n.following(); }\nconst o = { next: 1 };\no.next;");
        // a union alias holding the class: its member is found through it, so nothing is left behind
        assertRename("a.ts", "class Leaf { /*|*/next(): Leaf { return this; } }\nclass Branch { kids = 1; }\ntype Node = Leaf | Branch;\n"
                + "declare let n: Node;\nn.next();", "following",
                "class Leaf { following(): Leaf { return this; } }\nclass Branch { kids = 1; }\ntype Node = Leaf | Branch;\ndeclare let n: Node;\nn.following();");
    }

    @Test void everyReferenceAndTheDeclaration() {
        assertRename("let |a = 1; a = a + 1; function f() { return a; } { let a; a; }", "b",
                "let b = 1; b = b + 1; function f() { return b; } { let a; a; }");
        assertRename("function f(|x, y) { return x * y; }", "z", "function f(z, y) { return z * y; }");
    }

    @Test void shorthandPropertiesKeepTheirKey() {
        assertRename("const |a = 1; const o = { a, c: a };", "b", "const b = 1; const o = { a: b, c: b };");
        assertRename("const { |a } = o; a;", "b", "const { a: b } = o; b;");
        assertRename("const { |a = 1 } = o; a;", "b", "const { a: b = 1 } = o; b;");
        assertRename("let a; ({ a } = o); |a;", "b", "let b; ({ a: b } = o); b;");
        assertRename("function f({ |a }) { return a; }", "b", "function f({ a: b }) { return b; }");
    }

    @Test void exportAndImportSpecifiersKeepTheModuleInterface() {
        assertRename("a.mjs", "const |a = 1; export { a }; export { a as c };", "b", "const b = 1; export { b as a }; export { b as c };");
        assertRename("a.mjs", "import { |a } from 'm'; a();", "b", "import { a as b } from 'm'; b();");
        assertRename("a.mjs", "import { x as |a } from 'm'; a();", "b", "import { x as b } from 'm'; b();");
        assertRename("a.mjs", "import |a from 'm'; a();", "b", "import b from 'm'; b();");
        assertRename("a.ts", "const |a = 1; export { a };", "b", "const b = 1; export { b as a };");
        assertNotRenamable("a.mjs", "import { |x as a } from 'm';");
        assertNotRenamable("a.mjs", "const a = 1; export { a as |c };");
    }

    @Test void docCommentLinksAreRenamedAsTypeScriptRenamesThem() {
        assertRename("a.ts", "/** Calls {@link helper}, {@linkcode helper.x}; @see helper */\nfunction |helper() {}\n/** {@link helpers} {@link other} // {@link helper} */\n",
                "aid", "/** Calls {@link aid}, {@linkcode aid.x}; @see aid */\nfunction aid() {}\n/** {@link helpers} {@link other} // {@link aid} */\n");
        // a plain comment is not documentation; a name not visible there is another one
        assertRename("a.ts", "// {@link v}\nfunction f() { /** {@link v} */ let |v = 1; return v; }\n/** {@link v} */ let w;", "u",
                "// {@link v}\nfunction f() { /** {@link u} */ let u = 1; return u; }\n/** {@link v} */ let w;");
    }

    @Test void jsxTagsOfLocalComponents() {
        assertRename("a.jsx", "function |Card() {} const x = <Card><Card.Title/></Card>;", "Panel",
                "function Panel() {} const x = <Panel><Panel.Title/></Panel>;");
        assertRenameRefused("a.jsx", "function |Card() {} const x = <Card/>;", "card", "JSX tag");
    }

    @Test void mergedTypeScriptNamesRenameEveryMeaning() {
        assertRename("a.ts", "const |Shape = 1; type Shape = string; let s: Shape = Shape;", "Form",
                "const Form = 1; type Form = string; let s: Form = Form;");
        assertRename("a.ts", "interface I { a: 1 } interface |I { b: 2 } let x: I;", "J", "interface J { a: 1 } interface J { b: 2 } let x: J;");
        assertRename("a.ts", "enum E { A } let e: E = E.|A;", "Z", "enum E { Z } let e: E = E.Z;");
        assertRename("a.ts", "namespace N { export const v = 1; v; } N.|v;", "w", "namespace N { export const w = 1; w; } N.w;");
        assertRename("a.ts", "function f<T>(a: |T): T { return a; }", "U", "function f<U>(a: U): U { return a; }");
    }

    @Test void membersPrivateNamesAndLabels() {
        assertRename("class A { x = 1; m() { return this.|x; } }", "y", "class A { y = 1; m() { return this.y; } }");
        assertRename("const a = 1; const o = { a }; o.|a;", "b", "const a = 1; const o = { b: a }; o.b;");
        assertRename("class A { #p; m() { return this.|#p; } }", "#q", "class A { #q; m() { return this.#q; } }");
        assertRename("class A { #p; m() { return this.#|p; } }", "q", "class A { #q; m() { return this.#q; } }");
        assertRename("|l: for (;;) { break l; }", "m", "m: for (;;) { break m; }");
    }

    @Test void refusesNamesThatAreNotIdentifiersOrAreReserved() {
        assertRenameRefused("let |a;", "1x", "not an identifier");
        assertRenameRefused("a.ts", "let a: |number = 1;", "n", "`number` is a predefined type");
        assertRenameRefused("a.ts", "let b: |string;", "s", "`string` is a predefined type");
        assertRenameRefused("a.ts", "|undeclared();", "u", "`undeclared` is not declared in this file");
        assertRenameRefused("let |a;", "a-b", "not an identifier");
        assertRenameRefused("let |a;", "", "not an identifier");
        assertRenameRefused("let |a;", "class", "reserved word");
        assertRenameRefused("let |a;", "let", "reserved in strict code");
        assertRenameRefused("a.ts", "type |T = 1;", "number", "predefined type");
        assertRename("const o = { a: 1 }; o.|a;", "default", "const o = { default: 1 }; o.default;"); // any name for a property
    }

    @Test void refusesCapture() {
        // same scope
        assertRenameRefused("let |a; let b;", "b", "already declared in the same scope");
        // an inner declaration would capture a renamed reference
        assertRenameRefused("let |a; function f() { let b; return a; }", "b", "would then refer to another `b`");
        // the renamed declaration would capture an existing reference
        assertRenameRefused("let b; function f() { let |a; return b; }", "b", "would then refer to the renamed declaration");
        assertRenameRefused("function f() { let |a; return console; }", "console", "would then refer to the renamed declaration");
        // no conflict: the other b is out of the way
        assertRename("function f() { let b; } let |a; a;", "b", "function f() { let b; } let b; b;");
        assertRenameRefused("class A { x; |y; }", "x", "already declared");
        assertRenameRefused("class A { #x; |#y; }", "x", "already declares");
        assertRenameRefused("a: { |b: for (;;) { break b; } }", "a", "label");
    }

    @Test void refusesWhatIsNotDeclaredHere() {
        assertRenameRefused("|console.log(1);", "c", "not declared in this file");
        assertNotRenamable("a.js", "let a = 1;| ");
        assertNotRenamable("a.js", "'|text';");
    }
}
