package dev.arenals.server.features;

import static dev.arenals.server.testing.NavAssert.assertHighlights;
import static dev.arenals.server.testing.NavAssert.assertLinkedEditing;
import static dev.arenals.server.testing.NavAssert.assertReferences;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.junit.jupiter.api.Test;

class ReferencesAndHighlightsTest {
    @Test void aPropertyDeclaredWithoutTypesIsItsOnlyReference() {
        assertReferences("a.ts", "f({ [[ke|y]]: 1 }); g({ key: 2 });");
        assertReferences("a.ts", "interface I { [[na|me]]: string }");
        assertReferences("a.ts", "export * as [[n|s]] from './m';");
    }

    @Test void aNameDeclaredAsAValueAndATypeIsFoundInTheMeaningAsked() {
        assertReferences("a.ts", "const [[|v]] = 1; type v = typeof [[v]]; let x: v;");
        assertReferences("a.ts", "const v = 1; type [[|v]] = typeof v; let x: [[v]];");
        assertReferences("a.ts", "const v = 1; type [[v]] = typeof v; let x: [[|v]];");
        // a class is both: every use, and the interface merged with it
        assertReferences("a.ts", "class [[|C]] {} interface [[C]] { a: 1 } let c: [[C]] = new [[C]]();");
        // a namespace of types only is a namespace, not a value: apart from the class of its name
        assertReferences("a.ts", "class [[|C]] {} declare namespace C { type T = 1 } let c: [[C]] = new [[C]](); let t: C.T;");
        assertReferences("a.ts", "class C {} declare namespace [[C]] { type T = 1 } let c: C = new C(); let t: [[|C]].T;");
        assertReferences("a.ts", "function [[|f]]() {} namespace [[f]] { export const x = 1; }");
        // an import brings every meaning
        assertReferences("a.ts", "import { [[|T]] } from './t'; let x: [[T]] = [[T]];");
    }

    /** Each expected set is typescript@6.0.3's getReferencesAtPosition on the same source. */
    @Test void aMemberIsOneWithTheInterfaceMemberItImplementsAndTheOtherImplementations() {
        String source = "interface I { [[m]](): void } interface J { m(): void }\n"
                + "class C implements I, J { [[m]]() {} }\nclass E implements I { [[m]]() {} }\nclass D extends C { [[m]]() {} }\n"
                + "interface K extends I { [[m]](): void; n: 1 }\n"
                + "declare const j: J; j.m(); declare const k: K; k.[[m]](); new E().[[m]](); new D().[[m]](); function f(i: I) { i.[[m]](); }";
        assertReferences("a.ts", source.replaceFirst("\\[\\[m]]\\(\\): void", "[[|m]](): void"));
        assertReferences("a.ts", source.replace("class E implements I { [[m]]", "class E implements I { [[|m]]"));
        // from C, which implements J too: J's m and its uses are the same member
        assertReferences("a.ts", source.replace("interface J { m()", "interface J { [[m]]()").replace("j.m()", "j.[[m]]()")
                .replace("class C implements I, J { [[m]]", "class C implements I, J { [[|m]]"));
        // a parameter property implements an interface's property
        assertReferences("a.ts", "interface P { [[x]]: number } class Q implements P { constructor(public [[|x]]: number) {} } declare const p: P; p.[[x]];");
    }

    /** typescript@6.0.3's getReferencesAtPosition on the same source gives each expected set. */
    @Test void aUnionsMemberDeclaredApartInEachConstituentIsEachOfThem() {
        String source = "class Circle { [[area]]() { return 1; } r = 1 } class Square { [[area]]() { return 2; } }\n"
                + "type AnyShape = Circle | Square;\n"
                + "function f(s: AnyShape, t: Circle | Square | null, u: Circle) { s.[[area]](); t?.[[area]](); u.[[area]](); }\n"
                + "new Square().[[area]]();";
        assertReferences("a.ts", source.replace("s.[[area]]", "s.[[ar/*|*/ea]]"));
        // from one constituent's declaration: its own uses and the union's, not the other class's
        assertReferences("a.ts", source.replace("class Circle { [[area]]", "class Circle { area").replace("u.[[area]]", "u.area")
                .replace("Square { [[area]]", "Square { [[ar/*|*/ea]]"));
    }

    @Test void docCommentLinksAreReferences() {
        assertReferences("a.ts", "/** See {@link [[helper]]} and @see [[helper]] */\nfunction [[|helper]]() {}\n[[helper]]();\n/** {@link helpers} */");
    }

    @Test void aTypePredicateReferencesItsParameter() {
        assertReferences("a.ts", "function f([[|u]]: unknown): [[u]] is string { return typeof [[u]] === 'string'; }");
    }

    @Test void referencesOfVariablesAcrossScopes() {
        assertReferences("let [[a]] = 1; function f() { return [[a]] + [[|a]]; } { let a = 2; a; }");
        assertReferences("function [[f]]() { return [[f]]; } [[|f]](); const g = function f() { return f; };");
        assertReferences("a.mjs", "const [[a]] = 1; export { [[a|]] }; export { [[a]] as b };");
        assertReferences("a.mjs", "const [[a]] = 1; export { [[|a]] }; export { [[a]] as b };");
        assertReferences("a.mjs", "const [[a]] = 1; export { [[a]] }; export { [[|a]] as b };");
        assertReferences("a.jsx", "function [[Card]]() {} const x = <[[Card]]><[[|Card]] /></[[Card]]>;");
        assertReferences("const [[a]] = 1; const o = { [[|a]], b: [[a]] }; const { a: x } = o;");
    }

    @Test void referencesWithoutTheDeclaration() {
        Document doc = Docs.parsed("file:///r.js", "let a = 1; a = 2; a++;");
        List<Location> without = new ReferencesHandler().references(doc, doc.positionAt(0 + 4), false);
        List<Location> with = new ReferencesHandler().references(doc, doc.positionAt(4), true);
        assertEquals(2, without.size());
        assertEquals(3, with.size());
    }

    @Test void referencesOfUndeclaredGlobalsAreTheirUses() {
        assertReferences("[[console]].log(1); [[|console]].error(2); function f(console) { console; }");
    }

    @Test void referencesOfMembersLabelsAndPrivateNames() {
        assertReferences("class A { [[x]] = 1; m() { this.[[|x]]++; return () => this.[[x]]; } n() { function g() { this.x; } } }");
        assertReferences("const o = { [[a]]: 1 }; o.[[|a]] = o.[[a]] + 1; p.a;");
        assertReferences("[[l]]: for (;;) { m: for (;;) { break [[|l]]; } continue [[l]]; }");
        assertReferences("class A { [[#p]]; m(o) { return [[#p]] in o && this.[[|#p]]; } }");
    }

    /** Decorators come before a member's key and a parameter's name (Layouts.memberKey, parameterTarget). */
    @Test void decoratedMembersAndParameterPropertiesAreDeclarations() {
        assertReferences("a.ts", "class A { @log [[m]]() {} n() { this.[[|m]](); } }");
        assertReferences("a.ts", "class A { @log [[|m]]() {} n() { this.[[m]](); } }");
        assertReferences("a.ts", "class A { @inject() [[x]] = 1; n() { return this.[[|x]]; } }");
        assertReferences("a.ts", "class A { @log [[#p]] = 1; n() { return this.[[|#p]]; } }");
        assertReferences("a.ts", "class A { constructor(@inject() private [[s]]: S) {} n() { return this.[[|s]]; } }");
    }

    @Test void aMemberIsSharedWithTheClassesThatExtendItsClass() {
        // the base's method, an override, this.m and super.m in subclasses: one member; an unrelated class's m is not
        String hierarchy = "class A { [[m]]() {} }\nclass B extends A { f() { return this.[[m]]() + super.[[m]](); } }\n"
                + "class C extends B { [[m]]() {} g() { this.[[m]](); } }\nclass D { m() {} h() { this.m(); } }\n";
        for (int k = 0; k < 5; k++) assertReferences(markNth(hierarchy, k));
        assertReferences("class A { m() {} }\nclass B extends A { f() { this.m(); } }\nclass D { [[|m]]() {} h() { this.[[m]](); } }");
        // siblings meet only through a base that declares the member
        assertReferences("class A {}\nclass B extends A { [[|m]]() {} }\nclass C extends A { m() {} }");
    }

    /** The source with the cursor placed inside the {@code k}-th [[…]] range. */
    private static String markNth(String source, int k) {
        int at = -1;
        for (int i = 0; i <= k; i++) at = source.indexOf("[[", at + 1);
        return source.substring(0, at + 2) + "|" + source.substring(at + 2);
    }

    @Test void typeScriptReferencesCoverEveryDeclarationOfTheMeaningAsked() {
        assertReferences("a.ts", "interface [[I]] {} interface [[I]] { a: [[I]] } let x: [[|I]];");
        // a value and a type of one name: the type's references from a type use (rename takes both: RenameHandlerTest)
        assertReferences("a.ts", "const S = 1; type [[S]] = number; let s: [[|S]] = S;");
        assertReferences("a.ts", "enum [[E]] { A } let e: [[E]] = [[|E]].A;");
        assertReferences("a.ts", "enum E { [[A]], B = [[A]] } let e: E.[[A]] = E.[[|A]];");
        assertReferences("a.ts", "class [[|A]] {} enum E { A, B = A } new [[A]]();");
        assertReferences("a.ts", "namespace N { export const [[v]] = 1; [[v]]; } N.[[|v]];");
        assertReferences("a.ts", "function f<[[T]]>(a: [[T]]): [[|T]] { return a; } function g<T>(a: T) {}");
        assertReferences("a.ts", "import { [[x]] } from 'm'; let v: [[x]] = [[|x]]; export { [[x]] };");
    }

    /** TypeScript's kinds (declarationIsWriteAccess), checked with its getDocumentHighlights: a declaration writes only when it gives a value. */
    @Test void aDeclarationWithoutAValueIsARead() {
        assertHighlights("a.ts", "let [[x]]; [[=x]] = 1; [[|x]];");
        assertHighlights("a.ts", "for (const [[y]] of [1]) [[|y]];");
        assertHighlights("a.ts", "class A { [[f]]: number; g = 1; m() { return this.[[|f]] + this.g; } }");
        assertHighlights("a.ts", "class A { [[=g]] = 1; m() { return this.[[|g]]; } }");
        assertHighlights("a.ts", "interface I { [[|p]]: string; q(): void } declare const i: I; i.[[p]];");
        assertHighlights("a.ts", "interface I { p: string; [[|q]](): void }");
        assertHighlights("a.ts", "function [[o]](): void; function [[=o]]() {} [[|o]]();");
        assertHighlights("a.ts", "class A { [[m]](): void; [[=m]]() {} n() { this.[[|m]](); } }");
        // ambient declarations count as writes: they may describe JavaScript that assigns them
        assertHighlights("a.ts", "declare const [[=z]]: number; [[|z]];");
        assertHighlights("a.ts", "declare class C { [[=f]]: number; } declare const c: C; c.[[|f]];");
        assertHighlights("a.d.ts", "interface I { [[=|p]]: string }");
        assertHighlights("a.ts", "try {} catch ([[=e]]) { [[|e]]; }");
    }

    /** As references: a property whose uses nothing relates without types is highlighted alone, with TypeScript's kind. */
    @Test void aPropertyDeclaredWithoutTypesIsHighlightedAlone() {
        assertHighlights("a.ts", "f({ [[=ke|y]]: 1 }); g({ key: 2 });");
        assertHighlights("a.ts", "function f(o: { [[ke|y]]: number }) {}");
    }

    @Test void aShorthandPropertyWritesTheProperty() {
        assertHighlights("a.ts", "const [[=inner]] = 1; const o = { [[=inner]] }; f([[|inner]]);");
    }

    @Test void highlightsSayReadOrWrite() {
        assertHighlights("let [[=a]] = 1; [[=a]] = 2; [[=a]] += 1; [[=a]]++; f([[|a]]); for ([[=a]] of []) {} ({ b: [[=a]] } = o);");
        assertHighlights("class A { [[x]]; m() { this.[[=x]] = 1; return this.[[|x]]; } }");
        assertHighlights("const o = { [[=a]]: 1 }; o.[[=a]] = 2; o.[[|a]];");
        assertHighlights("a.ts", "type [[=T]] = 1; let t: [[|T]];");
        assertHighlights("   | ");
    }

    @Test void linkedEditingOfJsxTags() {
        assertLinkedEditing("a.jsx", "const x = <[[Di|v]] className='a'><span/></[[Div]]>;");
        assertLinkedEditing("a.jsx", "const x = <[[ui.Button]]>a</[[ui.Bu|tton]]>;");
        assertLinkedEditing("a.tsx", "const x = <div><[[|p]]></[[p]]></div>;");
        assertLinkedEditing("a.jsx", "const x = <Self|Closing />;");
        assertLinkedEditing("a.jsx", "const x = <div cl|assName='a'></div>;");
    }

    /** typescript@6.0.3's getReferencesAtPosition on the same text: every read narrowed or declared to E. */
    @Test
    void readsNarrowedToAClassOrDeclaredByAThisParameterAreItsMembersReferences() {
        assertReferences("a.ts", "class C { m() { return 3; } kind = 'c' as const; }\nclass E { [[m]]() { return 4; } kind = 'e' as const; }\ntype U = C | E;\n"
                + "function f7(u: U) { switch (u.kind) { case 'c': u.m; break; default: u.[[m]]; } }\n"
                + "function f3(u: U) { if (u instanceof E) u.[[m]]; }\nfunction f12(this: E) { this.[[m]]; }\nnew E().[[/*|*/m]];");
    }
}
