package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.LineStarts;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.tree.Arena;
import dev.arenals.server.document.Document;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.testing.Docs;
import dev.arenals.server.testing.Marked;
import dev.arenals.server.testing.NavAssert;
import dev.arenals.server.workspace.Summarizer;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.MarkupContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion at {@code |} cursors: what is offered, what is not, in which order, with which edits. */
class CompletionHandlerTest {
    private static List<CompletionItem> complete(String file, String marked, WorkspaceIndex index, boolean snippets) {
        Marked m = Marked.parse(marked);
        Document doc = Docs.parsed(file.contains(":") ? file : "file:///" + file, m.text);
        CompletionList list = new CompletionHandler().complete(doc, doc.positionAt(m.cursors.get(0)), index, snippets);
        List<CompletionItem> items = new ArrayList<>(list.getItems());
        items.sort(Comparator.comparing(CompletionItem::getSortText).thenComparing(CompletionItem::getLabel));
        return items;
    }

    private static List<CompletionItem> complete(String file, String marked) { return complete(file, marked, null, false); }

    private static List<String> labels(List<CompletionItem> items) {
        List<String> out = new ArrayList<>();
        for (CompletionItem i : items) out.add(i.getLabel());
        return out;
    }

    private static void assertOffers(String file, String marked, String... expected) {
        List<String> got = labels(complete(file, marked));
        for (String e : expected) assertTrue(got.contains(e), e + " missing at " + marked + ": " + head(got));
    }

    private static void assertNotOffered(String file, String marked, String... unexpected) {
        List<String> got = labels(complete(file, marked));
        for (String e : unexpected) assertFalse(got.contains(e), e + " offered at " + marked + ": " + head(got));
    }

    /** The labels appear in this order among the sorted items. */
    private static void assertOrder(String file, String marked, String... expected) {
        List<String> got = labels(complete(file, marked));
        int last = -1;
        for (String e : expected) {
            int at = got.indexOf(e);
            assertTrue(at > last, e + " out of order at " + marked + ": " + head(got));
            last = at;
        }
    }

    private static List<String> head(List<String> got) { return got.subList(0, Math.min(40, got.size())); }

    private static CompletionItem item(List<CompletionItem> items, String label) {
        for (CompletionItem i : items) if (i.getLabel().equals(label)) return i;
        throw new AssertionError(label + " not offered: " + head(labels(items)));
    }

    // ---- doc comment template ----

    private static String template(String file, String marked, boolean snippets) {
        List<CompletionItem> items = complete(file, marked, null, snippets);
        assertEquals(List.of("/** */"), labels(items));
        CompletionItem item = items.get(0);
        return item.getTextEdit().getLeft().getNewText();
    }

    @Test
    void afterSlashStarStarBeforeAFunctionTheDocCommentTemplate() {
        assertEquals("/**\n * $0\n * @param a\n * @param b\n * @returns\n */",
                template("a.ts", "/**| */\nfunction add(a: number, b: number) { return a + b; }\n", true));
        assertEquals("/**\n   * \n   * @param {any} items\n   * @param param1\n   */".replace("@param param1", "@param {any} param1"),
                template("a.js", "class C {\n  /**| */\n  run(items, { fast }) { items.sort(); }\n}\n", false));
        assertEquals("/**\n * $0\n * @param x\n * @returns\n */", template("a.ts", "/**|*/\nexport const twice = (x: number) => x * 2;\n", true));
        assertEquals("/**\n * $0\n */", template("a.ts", "/**| */\ninterface Point { x: number }\n", true));
    }

    @Test
    void noTemplateInsideAWrittenCommentOrBeforeNothing() {
        assertNotOffered("a.ts", "/** Adds|. */\nfunction add() {}\nlet x = 1;\n", "/** */");
        assertNotOffered("a.ts", "/**| */\n", "/** */");
        assertNotOffered("a.ts", "/*| */\nfunction f() {}\n", "/** */");
    }

    // ---- names and ranking ----

    @Test
    void visibleNamesRankedLocalsOuterModuleGlobals() {
        String src = "let moduleLevel = 1; function outer(outerParam) { function inner(innerParam) { let local; | } }";
        assertOrder("a.js", src, "innerParam", "local", "outerParam", "moduleLevel", "outer", "Array");
        assertOrder("a.js", src, "local", "inner", "moduleLevel"); // inner is declared in outer's scope
    }

    @Test
    void theSubjectOfATypePredicateOffersTheParameters() {
        assertOffers("a.ts", "function isText(value: unknown): va|lue is string { return true; }", "value");
        assertOffers("a.ts", "interface I { check(self: unknown): se|lf is I }", "self");
    }

    @Test
    void namesOutOfScopeAreNotOffered() {
        assertNotOffered("a.js", "function f() { let hidden; } { let blockOnly; } |", "hidden", "blockOnly");
        assertOffers("a.js", "function f() { let hidden; } { let blockOnly; } |", "f");
    }

    @Test
    void prefixThenCamelCaseMatchOrdersWithinAGroup() {
        List<CompletionItem> items = complete("a.js", "let getElementById, gestalt, GEB; gEB|");
        List<String> got = labels(items);
        assertTrue(got.indexOf("GEB") < got.indexOf("getElementById"), got.toString()); // a case-insensitive prefix before humps
        assertFalse(got.contains("gestalt"), got.toString());
        assertEquals("getElementById", item(items, "getElementById").getFilterText());
    }

    @Test
    void aTypedWordFiltersAndMarksTheListIncomplete() {
        Marked m = Marked.parse("let alpha, beta; al|");
        Document doc = Docs.parsed("file:///a.js", m.text);
        CompletionList list = new CompletionHandler().complete(doc, doc.positionAt(m.cursors.get(0)), null, false);
        assertTrue(list.isIncomplete());
        assertFalse(labels(list.getItems()).contains("beta"));
        assertTrue(labels(list.getItems()).contains("alpha"));
    }

    @Test
    void kindsFromTheDeclarations() {
        List<CompletionItem> items = complete("a.ts", "const c = 1; let l; function f() {} class K {} interface I {} enum E {} type T = 1;\nlet x: |");
        assertEquals(CompletionItemKind.Class, item(items, "K").getKind());
        assertEquals(CompletionItemKind.Interface, item(items, "I").getKind());
        assertEquals(CompletionItemKind.Enum, item(items, "E").getKind());
        items = complete("a.ts", "const c = 1; let l; function f() {} class K {}\n|");
        assertEquals(CompletionItemKind.Constant, item(items, "c").getKind());
        assertEquals(CompletionItemKind.Variable, item(items, "l").getKind());
        assertEquals(CompletionItemKind.Function, item(items, "f").getKind());
        assertEquals(CompletionItemKind.Keyword, item(items, "if").getKind());
    }

    @Test
    void typePositionsOfferTypesAndValuePositionsValues() {
        assertOffers("a.ts", "interface Shape {} class Box {} const value = 1; let x: |", "Shape", "Box", "string", "Partial", "HTMLElement");
        assertNotOffered("a.ts", "interface Shape {} class Box {} const value = 1; let x: |", "value", "if", "parseInt");
        assertNotOffered("a.ts", "interface Shape {} class Box {} const value = 1; value + |", "Shape", "string", "Partial");
        assertOffers("a.ts", "interface Shape {} type Alias = |", "Shape", "keyof");
        assertOffers("a.ts", "function f(a: Sh|) {} interface Shape {}", "Shape");
        assertOffers("a.ts", "interface A {} class C implements |", "A");
        // `as const` after `as` only
        assertOffers("a.ts", "const o = { a: 1 } as c|", "const");
        assertOffers("a.ts", "const o = { a: 1 } as |", "const", "string");
        assertNotOffered("a.ts", "let x: c|", "const");
    }

    @Test
    void globalsFromTheGeneratedList() {
        assertOffers("a.js", "|", "Array", "Promise", "console", "document", "parseInt", "JSON", "require", "process");
        assertNotOffered("a.js", "|", "PromiseLike", "Partial"); // types only
        assertEquals(1, labels(complete("a.js", "let Array; |")).stream().filter("Array"::equals).count());
    }

    // ---- keywords ----

    @Test
    void statementKeywordsAtAStatementOnly() {
        assertOffers("a.js", "let a = 1;\n|", "if", "for", "const", "function", "class", "new", "typeof");
        assertNotOffered("a.js", "let a = 1 + |", "if", "for", "const", "return");
        assertOffers("a.js", "let a = 1 + |", "new", "typeof", "true");
        assertNotOffered("a.js", "let a = 1;\n|", "return", "break", "continue", "case", "await", "yield");
    }

    @Test
    void aTemplateSubstitutionIsAnExpression() {
        // `${` ends in '{' as a block does; what follows is an expression, not a statement
        assertNotOffered("a.ts", "const s = `${nam|}`;", "namespace", "if", "const");
        assertNotOffered("a.ts", "const s = `a ${x} b ${|}`;", "interface", "for");
        assertOffers("a.ts", "const s = `${|}`;", "new", "typeof");
        assertOffers("a.ts", "function f() { | }", "if", "const");
    }

    @Test
    void keywordsThatNeedTheirContext() {
        assertOffers("a.js", "function f() { | }", "return");
        assertOffers("a.js", "for (;;) { | }", "break", "continue");
        assertOffers("a.js", "switch (x) { case 1: | }", "break", "case", "default");
        assertNotOffered("a.js", "switch (x) { case 1: | }", "continue");
        assertOffers("a.js", "switch (x) { | }", "case", "default");
        assertNotOffered("a.js", "switch (x) { | }", "if", "x");
        assertOffers("a.js", "async function f() { | }", "await");
        assertNotOffered("a.js", "function f() { | }", "await", "yield");
        assertOffers("a.js", "function* g() { | }", "yield");
        assertOffers("a.mjs", "|", "await", "import", "export");
        assertNotOffered("a.js", "function f() { | }", "export");
        assertNotOffered("a.cjs", "|", "await");
        assertOffers("a.js", "class A extends B { m() { | } }", "super", "this");
    }

    @Test
    void classHeadsAndBodies() {
        assertOffers("a.ts", "class A |", "extends", "implements");
        assertOffers("a.ts", "class A extends B |", "implements");
        assertNotOffered("a.js", "class A |", "implements", "if");
        assertOffers("a.ts", "class A {\n  |\n}", "constructor", "static", "private", "readonly", "get");
        assertNotOffered("a.ts", "class A {\n  |\n}", "if", "Array", "A");
        assertOffers("a.ts", "class A {\n  sta|\n}", "static");
    }

    @Test
    void typeScriptKeywordsOnlyInTypeScript() {
        assertOffers("a.ts", "|", "interface", "type", "enum", "namespace");
        assertNotOffered("a.js", "|", "interface", "enum", "namespace", "string");
    }

    /** As TypeScript's keyword filter for function-like bodies: contextual declaration keywords only outside functions (arrows too). */
    @Test
    void declarationKeywordsOutsideFunctionsOnly() {
        assertOffers("a.ts", "namespace N {\n  |\n}", "namespace", "declare", "abstract", "interface");
        assertOffers("a.ts", "test('x', () => {\n  |\n});", "interface", "type", "enum");
        assertNotOffered("a.ts", "test('x', () => {\n  |\n});", "namespace", "declare", "abstract");
        assertNotOffered("a.ts", "function f() {\n  |\n}", "namespace", "declare", "abstract");
    }

    /** A call's type arguments are types: the local type aliases of the block, as TypeScript offers them. */
    @Test
    void typeArgumentsOfACallOfferLocalTypes() {
        assertOffers("a.ts", "test('x', () => {\n  type b = 1;\n  expectTypeOf<|b>();\n});", "b");
        assertOffers("a.ts", "function f() {\n  type b = 1;\n  g<|b>();\n}", "b");
        assertOffers("a.ts", "type b = 1;\ng<|b>();", "b");
    }

    /** A name declared as a value and a type (const a = …; type a = …) is offered in both kinds of position. */
    @Test
    void aNameThatIsAValueAndATypeIsOfferedInTypes() {
        assertOffers("a.ts", "test('x', () => {\n  const a = 1;\n  type a = typeof a;\n  let x: |a;\n});", "a");
        assertOffers("a.ts", "const a = 1;\ntype a = typeof a;\nlet x: |", "a");
        assertOffers("a.ts", "const a = 1;\ntype a = typeof a;\nf(|);", "a");
    }

    /** TypeScript lists the global undefined in expressions (no lib.d.ts declares it, so the generated list has not got it). */
    @Test
    void undefinedIsOfferedInExpressions() {
        assertOffers("a.ts", "f(|);", "undefined");
        assertOffers("a.js", "let a = |", "undefined");
    }

    /** An expression does not offer a type-only import, as TypeScript's completion does not; a type does. */
    @Test
    void typeOnlyImportsAreOfferedInTypesOnly(@TempDir Path root) throws IOException {
        WorkspaceIndex index = index(root, "shapes.ts", "export interface Shape {}\nexport type Id = string;\nexport function area() {}\nexport class Box {}\n");
        String app = root.resolve("app.ts").toUri().toString();
        String imports = "import type { Box as B } from './shapes';\nimport { type Id as I, Shape, area, Box } from './shapes';\n";
        List<String> values = labels(complete(app, imports + "f(|);", index, false));
        assertTrue(values.containsAll(List.of("area", "Box")), values.toString());
        for (String typeOnly : List.of("B", "I", "Shape")) assertFalse(values.contains(typeOnly), typeOnly + " in " + values);
        List<String> types = labels(complete(app, imports + "let x: |;", index, false));
        assertTrue(types.containsAll(List.of("B", "I", "Shape", "Box")), types.toString());
        assertFalse(types.contains("area"), "a function imported is no type: " + types); // TypeScript's list has no value-only import there
        List<String> withNamespace = labels(complete(app, imports + "import * as all from './shapes';\nlet x: |;", index, false));
        assertTrue(withNamespace.contains("all"), withNamespace.toString());
    }

    @Test
    void snippetsWhenTheClientSupportsThem() {
        List<CompletionItem> with = complete("a.js", "|", null, true);
        CompletionItem forOf = item(with, "forof");
        assertEquals(CompletionItemKind.Snippet, forOf.getKind());
        assertTrue(forOf.getInsertText().contains("${2:items}"), forOf.getInsertText());
        assertFalse(labels(complete("a.js", "|", null, false)).contains("forof"));
        assertFalse(labels(complete("a.js", "let a = |", null, true)).contains("forof"));
    }

    // ---- nothing offered ----

    @Test
    void nothingInCommentsStringsNumbersOrNewNames() {
        assertEquals(List.of(), labels(complete("a.js", "let a; // a|")));
        assertEquals(List.of(), labels(complete("a.js", "let a; /* a| */")));
        assertEquals(List.of(), labels(complete("a.js", "let a = 'a|';")));
        assertEquals(List.of(), labels(complete("a.js", "let a = `x|`;")));
        assertEquals(List.of(), labels(complete("a.js", "let a = 1|;")));
        assertEquals(List.of(), labels(complete("a.js", "let ab|")));
        assertEquals(List.of(), labels(complete("a.js", "function fo|() {}")));
        assertEquals(List.of(), labels(complete("a.js", "const |")));
        assertOffers("a.js", "let a = `${a|}`;", "a");
    }

    // ---- members ----

    @Test
    void membersOfThisInAClassIncludingInheritedOnes() {
        String src = "class Base { baseField = 1; baseMethod() {} }\n"
                + "class Derived extends Base { own = 2; static shared = 3; get size() { return 1; } run() { this.| } }";
        List<CompletionItem> items = complete("a.js", src);
        assertEquals(List.of("own", "run", "size", "baseField", "baseMethod"), labels(items)); // by name within a class, own before inherited
        assertEquals(CompletionItemKind.Field, item(items, "own").getKind());
        assertEquals(CompletionItemKind.Property, item(items, "size").getKind());
        assertEquals(CompletionItemKind.Method, item(items, "run").getKind());
        assertOffers("a.js", "class A { static s = 1; i = 2; static m() { this.| } }", "s", "m");
        assertNotOffered("a.js", "class A { static s = 1; i = 2; static m() { this.| } }", "i");
        assertEquals(List.of("m", "p", "q"), labels(complete("a.ts", "class P { constructor(private p: number, readonly q, r) {} m() { this.| } }")));
        // a union narrowed to one of its types by a discriminant test: that type's members (TypeScript's list)
        String segments = "interface Literal { readonly _tag: 'Literal'; readonly text: string }\n"
                + "interface ArrayHelper { readonly _tag: 'ArrayHelper'; readonly value: unknown[] }\ntype Segment = Literal | ArrayHelper;\n";
        assertEquals(List.of("_tag", "value"), labels(complete("a.ts", segments + "function f(s: Segment) { switch (s._tag) { case 'ArrayHelper': s./*|*/ } }")));
        assertEquals(List.of("_tag"), labels(complete("a.ts", segments + "function f(s: Segment) { s./*|*/ }")), "not narrowed: what every constituent has");
        // Partial, Readonly, Required and NonNullable keep their source's members
        assertEquals(List.of("age", "name"), labels(complete("a.ts", "interface U { name: string; age: number }\nfunction f(u: Partial<Readonly<U>>) { u.| }")));
        assertOffers("a.js", "class A { x = 1; m() { const f = () => this.|; } }", "x");
        assertEquals(List.of(), labels(complete("a.js", "class A { x = 1; m() { function g() { this.| } } }")));
    }

    @Test
    void membersOfEnumsNamespacesObjectsAndClasses() {
        assertEquals(List.of("Green", "Red"), labels(complete("a.ts", "enum Color { Red, Green = 2 } Color.|")));
        assertEquals(List.of("Inner", "api", "helper"), labels(complete("a.ts",
                "namespace NS { export const api = 1; export namespace Inner { export let deep; } export function helper() {} const hidden = 1; } NS.|")));
        assertEquals(List.of("deep"), labels(complete("a.ts", "namespace NS { export namespace Inner { export let deep; } } NS.Inner.|")));
        assertEquals(List.of("host", "nested", "port", "start"), labels(complete("a.js",
                "const config = { port: 1, 'host': 'x', nested: { depth: 1 }, start() {}, [computed]: 1 }; config.|")));
        assertEquals(List.of("depth"), labels(complete("a.js", "const config = { nested: { depth: 1 } }; config.nested.|")));
        // the statics first, then what every constructor has (aClassNameOffersItsStaticsAndWhatEveryConstructorHas)
        assertEquals("create", labels(complete("a.js", "class Factory { static create() {} make() {} } Factory.|")).get(0));
        assertEquals(withFunctionMembers("create"), sortedLabels("a.js", "class Factory { static create() {} make() {} } Factory.|", null));
        assertEquals(List.of("port"), labels(complete("a.js", "const config = { port: 1 }; config?.|")));
        assertEquals(List.of("hidden", "secret"), labels(complete("a.js", "class A { #secret = 1; #hidden() {} m() { this.#| } }")));
        assertEquals(List.of(), labels(complete("a.js", "let unknown; unknown.|")));
    }

    @Test
    void membersInsideBrokenCode() {
        assertEquals(List.of("a", "b"), labels(complete("a.js", "const o = { a: 1, b: 2 };\nfunction f() {\n  o.|\n")));
        assertEquals(List.of("a"), labels(complete("a.js", "const o = { a: 1 };\no.|\nlet after = 2;")));
        assertEquals(List.of("a"), labels(complete("a.js", "const o = { a: 1 };\nif (o.|")));
        assertOffers("a.js", "class A { x = 1; m() { if (this.| } }", "x", "m");
    }

    @Test
    void decoratorsOfferValueNamesAndNoKeywords() {
        assertOffers("a.ts", "function logged() {}\ninterface Shape {}\nclass A { @lo| m() {} }", "logged");
        assertNotOffered("a.ts", "function logged() {}\ninterface Shape {}\nclass A { @| m() {} }", "Shape", "if", "constructor");
    }

    // ---- JSX ----

    @Test
    void jsxTagNamesAreComponentsInScope() {
        String src = "import Button from './button';\nfunction Card() {}\nconst lower = 1;\nconst App = () => <|";
        assertOffers("a.jsx", src, "Button", "Card", "App");
        assertNotOffered("a.jsx", src, "lower", "if");
        assertOffers("a.tsx", "function Panel() {}\nconst x = <div><Pa|", "Panel");
        assertOffers("a.tsx", "function Panel() {}\nconst x = <Panel></|", "Panel");
        assertOffers("a.tsx", "const x = <di|", "div");
        assertOffers("a.jsx", "const x = <|", "span", "svg");
        assertNotOffered("a.js", "let div = 1; let x = 1 < |", "span"); // a comparison, not a tag
        assertNotOffered("a.js", "|", "div", "span"); // tags are no globals
    }

    // ---- resolve ----

    @Test
    void resolveAddsTheDeclarationAndItsJsDoc() {
        Marked m = Marked.parse("/** Adds two numbers. */\nfunction add(a, b = 1) { return a + b; }\nad|");
        Document doc = Docs.parsed("file:///a.js", m.text);
        CompletionHandler handler = new CompletionHandler();
        CompletionItem add = item(handler.complete(doc, doc.positionAt(m.cursors.get(0)), null, false).getItems(), "add");
        CompletionItem resolved = handler.resolve(doc, add, true);
        assertEquals("function add(a, b = 1)", resolved.getDetail());
        assertTrue(((MarkupContent) resolved.getDocumentation().getRight()).getValue().contains("Adds two numbers."));

        m = Marked.parse("class A {\n  /** The count. */\n  count = 0;\n  m() { this.| }\n}");
        doc = Docs.parsed("file:///a.js", m.text);
        CompletionItem count = item(handler.complete(doc, doc.positionAt(m.cursors.get(0)), null, false).getItems(), "count");
        resolved = handler.resolve(doc, count, false);
        assertEquals("count = 0;", resolved.getDetail());
        assertTrue(resolved.getDocumentation().getRight().getValue().contains("The count."));
    }

    // ---- other files: auto-import, namespace imports, module specifiers ----

    private static WorkspaceIndex index(Path root, String... files) throws IOException {
        WorkspaceIndex index = new WorkspaceIndex();
        for (int i = 0; i < files.length; i += 2) {
            Path path = root.resolve(files[i]);
            Files.createDirectories(path.getParent());
            Files.writeString(path, files[i + 1]);
        }
        for (int i = 0; i < files.length; i += 2) {
            Path path = root.resolve(files[i]);
            Arena arena = new Arena();
            char[] chars = files[i + 1].toCharArray();
            new JsParser().parse(arena, chars, chars.length, ParseOptions.forFileName(path.getFileName().toString()));
            index.putIndexed(Summarizer.summarize(path, null, arena, chars, LineStarts.of(chars, chars.length, LineStarts.Terminators.LSP),
                    PositionEncoding.UTF16));
        }
        return index;
    }

    private static String applyCompletion(Path file, String marked, WorkspaceIndex index, String label) {
        Marked m = Marked.parse(marked);
        Document doc = Docs.parsed(file.toUri().toString(), m.text);
        CompletionList list = new CompletionHandler().complete(doc, doc.positionAt(m.cursors.get(0)), index, false);
        CompletionItem it = item(list.getItems(), label);
        assertNotNull(it.getAdditionalTextEdits(), label + " has no import edit");
        return NavAssert.apply(doc, it.getAdditionalTextEdits());
    }

    @Test
    void autoImportAddsOrExtendsTheRightImport(@TempDir Path root) throws IOException {
        WorkspaceIndex index = index(root, "src/util/strings.ts", "export function capitalize(s: string) {}\nexport const CAP_LIMIT = 1;\nfunction internalOnly() {}",
                "src/widget.tsx", "export default function Widget() {}",
                "src/types.ts", "export interface Capsule {}");
        Path app = root.resolve("src/app.ts");
        assertEquals("import { capitalize } from \"./util/strings\";\ncap",
                applyCompletion(app, "cap|", index, "capitalize"));
        assertEquals("import { CAP_LIMIT, capitalize } from './util/strings';\ncap",
                applyCompletion(app, "import { CAP_LIMIT } from './util/strings';\ncap|", index, "capitalize"));
        assertEquals("import { x } from './other.js';\nimport { capitalize } from './util/strings.js';\ncap",
                applyCompletion(app, "import { x } from './other.js';\ncap|", index, "capitalize"));
        assertEquals("import Widget from \"./widget\";\nWid", applyCompletion(app, "Wid|", index, "Widget"));
        assertEquals("import { capitalize } from \"../util/strings\";\ncap",
                applyCompletion(root.resolve("src/pages/home.ts"), "cap|", index, "capitalize"));
        List<String> got = labels(complete(app.toUri().toString(), "inter|", index, false));
        assertFalse(got.contains("internalOnly"), "not exported: " + got);
        assertFalse(labels(complete(app.toUri().toString(), "let v = Caps|", index, false)).contains("Capsule"), "a type in a value position");
        assertTrue(labels(complete(app.toUri().toString(), "let v: Caps|", index, false)).contains("Capsule"));
    }

    @Test
    void aVisibleNameIsNotOfferedForImportAgain(@TempDir Path root) throws IOException {
        WorkspaceIndex index = index(root, "lib.ts", "export function capitalize() {}");
        List<CompletionItem> items = complete(root.resolve("app.ts").toUri().toString(),
                "import { capitalize } from './lib';\ncap|", index, false);
        assertEquals(1, labels(items).stream().filter("capitalize"::equals).count());
        assertEquals(null, item(items, "capitalize").getAdditionalTextEdits());
    }

    /** As TypeScript's getCompletionsAtPosition lists them: values after ns. in an expression and after typeof, types and namespaces in a type. */
    @Test
    void namespaceImportMembersAreTheMeaningsThePositionTakes(@TempDir Path root) throws IOException {
        WorkspaceIndex index = index(root, "math.ts", "export function add() {}\nexport interface Shape {}\nexport type Id = string;\nexport class Matrix {}\n"
                + "export type { Unit } from './units';\nexport { scale } from './units';\nimport { Angle } from './units';\nexport { Angle };\n",
                "units.ts", "export interface Unit {}\nexport const scale = 2;\nexport type Angle = number;\n");
        String app = root.resolve("app.ts").toUri().toString();
        assertEquals(List.of("Matrix", "add", "scale"), labels(complete(app, "import * as m from './math';\nm.|", index, false)).stream().sorted().toList());
        assertEquals(List.of("Angle", "Id", "Matrix", "Shape", "Unit"),
                labels(complete(app, "import * as m from './math';\nlet x: m.| = 1;", index, false)).stream().sorted().toList());
        assertEquals(List.of("Matrix", "add", "scale"),
                labels(complete(app, "import * as m from './math';\nlet y: typeof m.| = 1;", index, false)).stream().sorted().toList());
        // effect's interface ShardId extends Equal.Equal: an interface's extends and a class's implements name types
        assertEquals(List.of("Angle", "Id", "Matrix", "Shape", "Unit"),
                labels(complete(app, "import * as m from './math';\ninterface S extends m.| {}", index, false)).stream().sorted().toList());
        assertEquals(List.of("Angle", "Id", "Matrix", "Shape", "Unit"),
                labels(complete(app, "import * as m from './math';\nclass C implements m.| {}", index, false)).stream().sorted().toList());
    }

    @Test
    void namespaceImportMembersComeFromTheIndex(@TempDir Path root) throws IOException {
        WorkspaceIndex index = index(root, "math.ts", "export function add() {}\nexport const PI = 3;\nexport * from './more';",
                "more.ts", "export class Matrix {}");
        List<CompletionItem> items = complete(root.resolve("app.ts").toUri().toString(), "import * as m from './math';\nm.|", index, false);
        assertEquals(List.of("Matrix", "PI", "add"), labels(items).stream().sorted().toList());
        assertEquals(CompletionItemKind.Function, item(items, "add").getKind());
        assertEquals(CompletionItemKind.Class, item(items, "Matrix").getKind());
    }

    @Test
    void membersInheritedFromAClassOfAnotherWorkspaceFile(@TempDir Path root) throws IOException {
        WorkspaceIndex index = index(root, "base.ts", "class Root { rootField = 1; }\nexport class Base extends Root { baseField = 1; baseMethod() {} static make() {} }",
                "barrel.ts", "export { Base as Renamed } from './base';");
        String app = root.resolve("app.ts").toUri().toString();
        assertEquals(List.of("m", "own", "baseField", "baseMethod", "rootField"),
                labels(complete(app, "import { Base } from './base';\nclass Child extends Base { own = 1; m() { this.| } }", index, false)));
        assertEquals(List.of("m", "baseField", "baseMethod", "rootField"),
                labels(complete(app, "import { Renamed } from './barrel';\nclass Child extends Renamed { m() { this.| } }", index, false)));
        assertEquals(List.of("m"), labels(complete(app, "import { Base } from './missing';\nclass Child extends Base { m() { this.| } }", index, false)));
    }

    @Test
    void importListsOfferTheModulesExports(@TempDir Path root) throws IOException {
        WorkspaceIndex index = index(root, "math.ts", "export function add() {}\nexport const PI = 3;\nexport default 1;\nfunction hidden() {}");
        String app = root.resolve("app.ts").toUri().toString();
        assertEquals(List.of("PI", "add"), labels(complete(app, "import { | } from './math';", index, false)));
        assertEquals(List.of("add"), labels(complete(app, "import { PI, | } from './math';", index, false)));
        assertEquals(List.of("add"), labels(complete(app, "import { a| } from './math';", index, false)));
        assertEquals(List.of(), labels(complete(app, "import { | } from './nowhere';", index, false)));
        // after a specifier's type modifier, as TypeScript offers them there
        assertEquals(List.of("PI", "add"), labels(complete(app, "import { type | } from './math';", index, false)));
        assertEquals(List.of("add"), labels(complete(app, "import { PI, type a| } from './math';", index, false)));
        assertEquals(List.of("PI"), labels(complete(app, "import { type |PI, add } from './math';", index, false)));
        assertEquals(List.of("PI"), labels(complete(app, "import { type |PI, add } from './math';\nconst x = 1;", index, false)));
    }

    @Test
    void moduleSpecifiersAreFilesFoldersAndPackages(@TempDir Path root) throws IOException {
        index(root, "src/app.ts", "", "src/components/button.tsx", "", "src/components/card.ts", "", "src/data.json", "{}",
                "node_modules/react/index.js", "", "node_modules/@scope/pkg/index.js", "");
        String app = root.resolve("src/app.ts").toUri().toString();
        assertEquals(List.of("button", "card"), labels(complete(app, "import { x } from './components/|';", null, false)));
        assertEquals(List.of("components", "data.json"), labels(complete(app, "import x from './|", null, false)));
        assertEquals(List.of("button.js", "card.js"),
                labels(complete(app, "import { a } from './z.js';\nimport { x } from './components/|';", null, false)));
        assertTrue(labels(complete(app, "import React from 're|';", null, false)).contains("react"));
        assertTrue(labels(complete(app, "const r = require('|');", null, false)).containsAll(List.of("react", "@scope/pkg")));
        List<CompletionItem> items = complete(app, "import { x } from './components/bu|';", null, false);
        assertEquals("button", items.get(0).getTextEdit().getLeft().getNewText());
        assertEquals(List.of(), labels(complete(app, "const s = 'comp|';", null, false)));
    }

    @Test
    void membersOfADeclaredInstance() {
        String cls = "class Base { root() {} } class S extends Base { count = 0; load() {} static make() {} }\n";
        assertOffers("a.ts", cls + "const s = new S(); s.|", "count", "load", "root");
        assertNotOffered("a.ts", cls + "const s = new S(); s.|", "make");
        assertOffers("a.ts", cls + "function f(s: S) { s.| }", "count", "load");
        assertOffers("a.ts", "interface U { name: string; greet(): void }\nfunction f(u: U) { u.| }", "name", "greet");
        assertOffers("a.ts", cls + "class C { constructor(private s: S) {} m() { this.s.| } }", "count", "load");
        assertNotOffered("a.ts", cls + "function f(s) { s.| }", "count", "load");
    }

    @Test
    void privateAndProtectedMembersAreOfferedWhereTheyMayBeRead() {
        String base = "class Base { private secret = 1; protected prot = 2; open = 3;\n"
                + "  constructor(private p1: number, protected p2: number, public p3: number) {}\n";
        assertOffers("a.ts", base + "  m(other: Base) { other.| } }", "secret", "prot", "open", "p1", "p2", "p3", "m");
        assertNotOffered("a.ts", base + "  m() {} }\nconst b = new Base(1, 2, 3); b.|", "secret", "prot", "p1", "p2");
        assertOffers("a.ts", base + "  m() {} }\nconst b = new Base(1, 2, 3); b.|", "open", "p3", "m");
        assertNotOffered("a.ts", base + "  m() {} }\nclass D extends Base { n() { this.| } }", "secret", "p1");
        assertOffers("a.ts", base + "  m() {} }\nclass D extends Base { n() { this.| } }", "prot", "p2", "open", "n");
        // protected through an instance of the base inside the subclass: TS2446, not offered (typescript@6.0.3's completions)
        assertNotOffered("a.ts", base + "  m() {} }\nclass D extends Base { n(b: Base) { b.| } }", "prot", "p2", "secret");
        assertOffers("a.ts", base + "  m() {} }\nclass D extends Base { n(d: D) { d.| } }", "prot", "p2", "n");
        // a type literal inside a parameter property's annotation is no member of the class
        assertOffers("a.ts", "class A { constructor(private o: { deep: 1 }) { o.| } }", "deep");
    }

    @Test
    void jsxAttributesAreTheComponentsPropsNotWrittenYet() {
        String button = "interface ButtonProps { label: string; onClick?: () => void; variant?: string }\n"
                + "function Button({ label }: ButtonProps) { return <button>{label}</button>; }\n";
        assertOffers("a.tsx", button + "const x = <Button |/>;", "label", "onClick", "variant");
        assertOffers("a.tsx", button + "const x = <Button la| />;", "label");
        assertOffers("a.tsx", button + "const x = <Button label=\"a\" |></Button>;", "onClick", "variant");
        assertNotOffered("a.tsx", button + "const x = <Button label=\"a\" |></Button>;", "label", "Button", "ButtonProps");
        assertOffers("a.tsx", button + "const B: React.FC<ButtonProps> = (p) => null; const x = <B v|ariant='a' />;", "variant");
        assertOffers("a.tsx", button + "const B: React.FC<ButtonProps> = (p) => null; const x = <B | variant='a' />;", "label", "onClick");
        assertNotOffered("a.tsx", button + "const x = <div |/>;", "label");
    }

    @Test
    void thisInAnObjectLiteralsMethodOffersTheLiteralsProperties() {
        assertOffers("a.ts", "const o = { gamma: 1, m() { return this.|; } };", "gamma", "m");
        assertNotOffered("a.ts", "const o = { gamma: 1, m() { function g() { return this.|; } } };", "gamma");
    }

    // ---- found by CompletionOracleTest; each expected list is typescript@6.0.3's getCompletionsAtPosition (keywords left out) ----

    private static List<String> sortedLabels(String file, String marked, WorkspaceIndex index) {
        List<String> got = labels(complete(file, marked, index, false));
        got.sort(Comparator.naturalOrder());
        return got;
    }

    private static final List<String> FUNCTION_MEMBERS = List.of("apply", "arguments", "bind", "call", "caller", "length", "name", "prototype", "toString");

    private static List<String> withFunctionMembers(String... statics) {
        List<String> out = new ArrayList<>(FUNCTION_MEMBERS);
        out.addAll(List.of(statics));
        out.sort(Comparator.naturalOrder());
        return out;
    }

    @Test
    void aClassNameOffersItsStaticsAndWhatEveryConstructorHas() {
        // TypeScript's apparent type of a class is NewableFunction / Function: prototype, call, bind, …
        assertEquals(withFunctionMembers("make"), sortedLabels("a.ts", "class Box { static make() { return 1; } }\nBox.|make;", null));
        assertEquals(withFunctionMembers("make"), sortedLabels("a.ts", "class Box { static make() { return this.|make; } }", null));
        assertEquals(List.of("make", "size"), sortedLabels("a.ts", "class Box { size = 1; make() { return this.|size; } }", null)); // the instance side has none of them
    }

    @Test
    void theKeyBeingEditedInATypedLiteralIsOffered() {
        // TypeScript leaves the property around the cursor out of the keys already written
        assertEquals(List.of("a"), sortedLabels("a.ts", "interface P { a: number; b: number }\nconst p: P = { |a: 1, b: 2 };", null));
        assertEquals(List.of("a", "b"), sortedLabels("a.ts", "interface P { a: number; b: number }\nconst p: P = { |a: 1 };", null));
        // a pattern destructuring a typed value too
        assertEquals(List.of("a", "b"), sortedLabels("a.ts", "interface P { a: number; b: number }\ndeclare const p: P;\nconst { |a } = p;", null));
        assertEquals(List.of("b"), sortedLabels("a.ts", "interface P { a: number; b: number }\ndeclare const p: P;\nconst { a, |b } = p;", null));
    }

    private static final String ROOT = "export class Root { static rootStatic = 1; protected static rootHidden = 1; rootField = 1; protected rootGuarded = 1; }\n";
    private static final String ITEM = "import { Root } from './base';\nexport class Item extends Root { static itemStatic = 1; protected guarded = 1; open = 1; }\n"
            + "export function makeItem(): Item { return new Item(); }\n";

    @Test
    void anImportedClassOffersItsStaticsAndItsBasesButNotProtectedOnesOutsideASubclass(@TempDir Path root) throws IOException {
        WorkspaceIndex index = index(root, "base.ts", ROOT, "item.ts", ITEM);
        String app = root.resolve("app.ts").toUri().toString();
        assertEquals(withFunctionMembers("itemStatic", "rootStatic"), sortedLabels(app, "import { Item } from './item';\nItem.|itemStatic;", index));
        assertEquals(withFunctionMembers("itemStatic", "rootStatic"), sortedLabels(app, "import { Item } from './item';\nclass Local extends Item {}\nLocal.|itemStatic;", index));
        assertEquals(withFunctionMembers("itemStatic", "rootHidden", "rootStatic", "s"),
                sortedLabels(app, "import { Item } from './item';\nclass Local extends Item { static s() { return this.|itemStatic; } }", index));
    }

    @Test
    void protectedMembersOfAnImportedBaseOnlyWhereTheSubclassReadsThem(@TempDir Path root) throws IOException {
        WorkspaceIndex index = index(root, "base.ts", ROOT, "item.ts", ITEM);
        String app = root.resolve("app.ts").toUri().toString();
        assertEquals(List.of("guarded", "m", "open", "rootField", "rootGuarded"),
                sortedLabels(app, "import { Item } from './item';\nclass Local extends Item { m() { return this.|open; } }", index));
        assertEquals(List.of("open", "rootField"), sortedLabels(app, "import { Item } from './item';\nclass Local extends Item {}\nnew Local().|open;", index));
    }

    @Test
    void aFunctionCalledThroughANamespaceImportReturnsItsDeclaredType(@TempDir Path root) throws IOException {
        WorkspaceIndex index = index(root, "base.ts", ROOT, "item.ts", ITEM);
        String app = root.resolve("app.ts").toUri().toString();
        assertEquals(List.of("open", "rootField"), sortedLabels(app, "import * as model from './item';\nconst made = model.makeItem();\nmade.|open;", index));
        assertEquals(List.of("open", "rootField"), sortedLabels(app, "import * as model from './item';\nnew model.Item().|open;", index));
    }

    @Test
    void aLiteralPassedToAnImportedFunctionOffersItsParametersMembers(@TempDir Path root) throws IOException {
        WorkspaceIndex index = index(root, "base.ts", ROOT, "item.ts", ITEM + "export interface Options { size: number; label?: string }\n"
                + "export function configure(options: Options) { return options; }\n");
        String app = root.resolve("app.ts").toUri().toString();
        assertEquals(List.of("label", "size"), sortedLabels(app, "import * as model from './item';\nmodel.configure({ |size: 1 });", index));
        assertEquals(List.of("label"), sortedLabels(app, "import { configure } from './item';\nconfigure({ size: 1, | });", index));
    }

    @Test
    void superReadsTheBasesMethodsAccessorsAndParameterPropertiesNotItsFields(@TempDir Path root) throws IOException {
        String a = "class A { f = 1; get g() { return 1; } m() { return 1; } constructor(public p: number) {} static s() {} }\n";
        assertEquals(List.of("g", "m", "p"), sortedLabels("a.ts", a + "class B extends A { n() { return super.|m(); } }", null));
        assertEquals(withFunctionMembers("s"), sortedLabels("a.ts", a + "class B extends A { static n() { return super.|s(); } }", null));
        // a base in another file: its methods (TypeScript also offers g and p; the summary does not tell a field from them)
        WorkspaceIndex index = index(root, "tool.ts", "export " + a.replace("class A", "class Tool"));
        assertEquals(List.of("m"), sortedLabels(root.resolve("app.ts").toUri().toString(),
                "import { Tool } from './tool';\nclass B extends Tool { n() { return super.|m(); } }", index));
    }

    @Test
    void aUnionOffersTheMembersEveryConstituentHas(@TempDir Path root) throws IOException {
        String types = "interface Dot { kind: 'dot'; x: number; w: number }\ninterface Seg { kind: 'seg'; len: number; w: number }\ntype Mark = Dot | Seg;\n";
        assertEquals(List.of("kind", "w"), sortedLabels("a.ts", types + "declare const m: Mark;\nm./*|*/kind;", null));
        assertEquals(List.of("kind", "w"), sortedLabels("a.ts", types + "declare const m: Dot | Seg | null;\nm?./*|*/kind;", null));
        assertEquals(List.of("kind", "x", "w").stream().sorted().toList(), sortedLabels("a.ts", types + "function f(m: Mark) { if (m.kind === 'dot') m./*|*/x; }", null));
        // constituents imported from another file
        WorkspaceIndex index = index(root, "shapes.ts", "export interface Circle { kind: 'circle'; radius: number; id: number }\n"
                + "export interface Square { kind: 'square'; side: number; id: number }\n");
        assertEquals(List.of("id", "kind"), sortedLabels(root.resolve("app.ts").toUri().toString(),
                "import type { Circle, Square } from './shapes';\ntype Shape = Circle | Square;\ndeclare const s: Shape;\ns./*|*/kind;", index));
    }
}
