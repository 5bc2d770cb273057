package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import dev.arenals.server.testing.Marked;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/** Code actions at a {@code |} cursor, applied: the text after the edit is the expectation. */
class CodeActionHandlerTest {
    static String apply(Document doc, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort((x, y) -> Integer.compare(doc.offsetAt(y.getRange().getStart()), doc.offsetAt(x.getRange().getStart())));
        StringBuilder sb = new StringBuilder(doc.text());
        for (TextEdit e : sorted) sb.replace(doc.offsetAt(e.getRange().getStart()), doc.offsetAt(e.getRange().getEnd()), e.getNewText());
        return sb.toString();
    }

    static List<CodeAction> actions(Document doc, int offset, List<String> only) {
        Range r = new Range(doc.positionAt(offset), doc.positionAt(offset));
        List<CodeAction> out = new ArrayList<>();
        for (Either<Command, CodeAction> e : new CodeActionHandler().codeActions(doc, r, only, null)) out.add(e.getRight());
        return out;
    }

    /** The quick fix whose title starts with {@code title}, applied at the cursor. */
    static void assertFix(String file, String marked, String title, String expected) {
        Marked m = Marked.parse(marked);
        Document doc = Docs.parsed("file:///" + file, m.text);
        List<String> titles = new ArrayList<>();
        for (CodeAction a : actions(doc, m.cursors.get(0), List.of(CodeActionKind.QuickFix))) {
            titles.add(a.getTitle());
            if (a.getTitle().startsWith(title)) {
                assertEquals(CodeActionKind.QuickFix, a.getKind());
                assertEquals(expected, apply(doc, a.getEdit().getChanges().get(doc.uri())));
                return;
            }
        }
        throw new AssertionError("no action '" + title + "' in " + titles);
    }

    static void assertNoFix(String file, String marked) {
        Marked m = Marked.parse(marked);
        Document doc = Docs.parsed("file:///" + file, m.text);
        assertEquals(List.of(), actions(doc, m.cursors.get(0), List.of(CodeActionKind.QuickFix)));
    }

    @Test
    void removeUnusedImports() {
        assertFix("a.ts", "import { |a } from './a';\nimport { b } from './b';\nexport const x = b;\n", "Remove import from './a'",
                "import { b } from './b';\nexport const x = b;\n");
        assertFix("a.ts", "import { |a, b } from './a';\nexport const x = b;\n", "Remove unused import 'a'", "import { b } from './a';\nexport const x = b;\n");
        assertFix("a.ts", "import { b, |a } from './a';\nexport const x = b;\n", "Remove unused import 'a'", "import { b } from './a';\nexport const x = b;\n");
        assertFix("a.ts", "import |d, { b } from './a';\nexport const x = b;\n", "Remove unused import 'd'", "import { b } from './a';\nexport const x = b;\n");
        assertFix("a.ts", "import d, { |b } from './a';\nexport const x = d;\n", "Remove unused import 'b'", "import d from './a';\nexport const x = d;\n");
        assertFix("a.ts", "import { type |A, b } from './a';\nexport const x = b;\n", "Remove unused import 'A'", "import { b } from './a';\nexport const x = b;\n");
        assertFix("a.ts", "import d, * as |n from './a';\nexport const x = d;\n", "Remove unused import 'n'", "import d from './a';\nexport const x = d;\n");
    }

    @Test
    void removeUnusedDeclarationsAndParameters() {
        assertFix("a.mjs", "function f() {\n  const |x = 1;\n  return 2;\n}\nexport { f };\n", "Remove unused declaration for: 'x'",
                "function f() {\n  return 2;\n}\nexport { f };\n");
        assertFix("a.mjs", "export function f() { let a = 1, |b = 2; return a; }", "Remove unused declaration for: 'b'",
                "export function f() { let a = 1; return a; }");
        assertFix("a.mjs", "function |g() {}\nexport const y = 1;\n", "Remove unused declaration for: 'g'", "export const y = 1;\n");
        assertFix("a.mjs", "export function f(a, |b) { return a; }", "Remove unused declaration for: 'b'", "export function f(a) { return a; }");
        assertFix("a.mjs", "export const f = |x => 1;", "Remove unused declaration for: 'x'", "export const f = () => 1;");
        assertNoFix("a.mjs", "export function f(a, b) { return a + |b; }");
        // before a used parameter: only the `_` prefix, which keeps the arguments' positions
        assertFix("a.ts", "export function f(|a: number, b: number) { return b; }", "Prefix 'a' with an underscore",
                "export function f(_a: number, b: number) { return b; }");
        Marked m = Marked.parse("export function f(|a: number, b: number) { return b; }");
        for (CodeAction action : actions(Docs.parsed("file:///a.ts", m.text), m.cursors.get(0), List.of(CodeActionKind.QuickFix))) {
            assertTrue(!action.getTitle().startsWith("Remove"), "offered: " + action.getTitle());
        }
        // a destructured name has no one-edit removal
        assertNoFix("a.mjs", "export function f() { const { |a } = {}; }");
    }

    @Test
    void removeAnUnusedPrivateMember() {
        assertFix("a.ts", "export class C {\n  private |helper() {}\n  run() {}\n}\n", "Remove unused declaration for: 'helper'",
                "export class C {\n  run() {}\n}\n");
        // a field the class still assigns is reported (never read) but not removed: `this.count = 1` would break
        assertNoFix("a.ts", "export class C {\n  private |count = 0;\n  run() { this.count = 1; }\n}\n");
    }

    @Test
    void removeAWhollyUnusedVariableStatement() {
        assertFix("a.mjs", "export function f() {\n  let |a = 1, b = 2;\n  return 3;\n}\n", "Remove variable statement",
                "export function f() {\n  return 3;\n}\n");
    }

    @Test
    void removeUnusedTypeParameters() {
        assertFix("a.ts", "export function f<|T, U>(u: U) { return u; }", "Remove unused declaration for: 'T'",
                "export function f<U>(u: U) { return u; }");
        assertFix("a.ts", "export function f<U, |T>(u: U) { return u; }", "Remove unused declaration for: 'T'",
                "export function f<U>(u: U) { return u; }");
        assertFix("a.ts", "export type A<|T> = string;", "Remove unused declaration for: 'T'", "export type A = string;");
        assertFix("a.ts", "export class C<T, |U> {}", "Remove type parameters", "export class C {}");
        // `infer U` has no removal that keeps the type's meaning
        assertNoFix("a.ts", "export type E<T> = T extends Array<infer |U> ? 1 : 0;");
    }

    @Test
    void anUnusedParameterOrLoopVariableCanBePrefixedWithAnUnderscore() {
        assertFix("a.ts", "export function f(a: number, |b: string) { return a; }", "Prefix 'b' with an underscore",
                "export function f(a: number, _b: string) { return a; }");
        assertFix("a.mjs", "export const f = (|x = 1) => 2;", "Prefix 'x' with an underscore", "export const f = (_x = 1) => 2;");
        assertFix("a.mjs", "export function f(xs) { for (const |x of xs) count++; }\nlet count = 0;\n", "Prefix 'x' with an underscore",
                "export function f(xs) { for (const _x of xs) count++; }\nlet count = 0;\n");
        // an element of a pattern reads the property of its name; a name that is written keeps its writes
        assertNoPrefix("a.mjs", "export function f({ |a }) {}");
        assertNoPrefix("a.mjs", "export function f(|a) { a = 1; }");
        assertNoPrefix("a.ts", "export class C { constructor(private |a: number) {} }");
    }

    private static void assertNoPrefix(String file, String marked) {
        Marked m = Marked.parse(marked);
        Document doc = Docs.parsed("file:///" + file, m.text);
        for (CodeAction a : actions(doc, m.cursors.get(0), List.of(CodeActionKind.QuickFix))) {
            assertTrue(!a.getTitle().startsWith("Prefix"), "offered: " + a.getTitle());
        }
    }

    @Test
    void syntaxFixes() {
        assertFix("a.js", "let w = (1 + 2|;\n", "Insert missing ')'", "let w = (1 + 2);\n");
        assertFix("a.js", "let v = [1, 2|;\n", "Insert missing ']'", "let v = [1, 2];\n");
        assertFix("a.js", "foo(1, g(2)|;\n", "Insert missing ')'", "foo(1, g(2));\n");
        assertFix("a.js", "let o = { a: 1\n|let b = 2;\n", "Insert missing '}'", "let o = { a: 1}\nlet b = 2;\n");
        assertFix("a.jsx", "const e = <div><span>hi</|div>;\n", "Insert missing closing tag '</span>'", "const e = <div><span>hi</span></div>;\n");
        assertFix("a.jsx", "const e = <d|iv>hi", "Insert missing closing tag '</div>'", "const e = <div>hi</div>");
        Marked m = Marked.parse("let a = 1|\n");
        Document clean = Docs.parsed("file:///a.js", m.text);
        assertTrue(actions(clean, m.cursors.get(0), List.of(CodeActionKind.QuickFix)).isEmpty());
    }

    @Test
    void anAwaitOutsideAnAsyncFunctionMakesItAsync() {
        String title = "Add async modifier to containing function";
        assertFix("a.ts", "function load(): string {\n  return aw|ait fetch();\n}\n", title, "async function load(): Promise<string> {\n  return await fetch();\n}\n");
        assertFix("a.ts", "const f = (x: number) => aw|ait g(x);\n", title, "const f = async (x: number) => await g(x);\n");
        assertFix("a.ts", "class C {\n  static *m(): Promise<void> { aw|ait x; }\n}\n", title, "class C {\n  static async *m(): Promise<void> { await x; }\n}\n");
        assertFix("a.js", "const o = { run() { for aw|ait (const x of xs) use(x); } };\n", title, "const o = { async run() { for await (const x of xs) use(x); } };\n");
        assertNoFix("a.ts", "class C {\n  get p() { return aw|ait x; }\n}\n".replace("aw|ait x", "aw|ait x"));
    }

    @Test
    void fixAllMakesFunctionsAsyncOnceAndRemovesUnreachableCode() {
        String text = "function load() {\n  const a = await f();\n  const b = await g();\n  return a + b;\n  log(a);\n}\n";
        Document doc = Docs.parsed("file:///a.ts", text);
        List<CodeAction> found = actions(doc, 0, List.of("source.fixAll"));
        assertEquals(1, found.size());
        assertEquals(CodeActionHandler.FIX_ALL, found.get(0).getKind());
        assertEquals("async function load() {\n  const a = await f();\n  const b = await g();\n  return a + b;\n}\n",
                apply(doc, found.get(0).getEdit().getChanges().get(doc.uri())));
        // asked for on save with nothing to fix: an action with no edit; not offered on the lightbulb
        Document clean = Docs.parsed("file:///b.ts", "export const x = 1;\n");
        assertEquals(List.of(), actions(clean, 0, List.of(CodeActionHandler.FIX_ALL)).get(0).getEdit().getChanges().get(clean.uri()));
        assertTrue(actions(doc, 0, null).stream().noneMatch(a -> CodeActionHandler.FIX_ALL.equals(a.getKind())));
    }

    @Test
    void removeUnusedTakesEveryUnusedDeclarationAtOnce() {
        String text = "import { a, b } from './m';\nimport c from './c';\nfunction helper() {}\nexport function f(x: number, unusedLast: string) {\n  const tmp = 1;\n  return a + x;\n}\n";
        Document doc = Docs.parsed("file:///a.ts", text);
        List<CodeAction> found = actions(doc, 0, List.of(CodeActionHandler.REMOVE_UNUSED));
        assertEquals(1, found.size());
        assertEquals("import { a } from './m';\nexport function f(x: number) {\n  return a + x;\n}\n",
                apply(doc, found.get(0).getEdit().getChanges().get(doc.uri())));
        // removeUnusedImports is another kind
        assertTrue(actions(doc, 0, List.of(OrganizeImports.REMOVE_UNUSED_IMPORTS)).stream().noneMatch(x -> CodeActionHandler.REMOVE_UNUSED.equals(x.getKind())));
    }

    static String organize(String file, String text) {
        Document doc = Docs.parsed("file:///" + file, text);
        List<CodeAction> found = actions(doc, 0, List.of(CodeActionKind.SourceOrganizeImports));
        assertEquals(1, found.size());
        assertEquals(CodeActionKind.SourceOrganizeImports, found.get(0).getKind());
        String once = apply(doc, found.get(0).getEdit().getChanges().get(doc.uri()));
        Document again = Docs.parsed("file:///" + file, once);
        assertEquals(List.of(), actions(again, 0, List.of(CodeActionKind.SourceOrganizeImports)).get(0).getEdit().getChanges().get(again.uri()),
                "organizing twice changes nothing: " + once);
        return once;
    }

    @Test
    void organizeImportsSortsMergesAndDropsUnused() {
        assertEquals("import { a, b, C } from 'm';\nimport { z } from './z';\nexport default [a, b, C, z];\n",
                organize("a.ts", "import { z } from './z';\nimport { C, unused } from 'm';\nimport { b, a } from 'm';\nexport default [a, b, C, z];\n"));
        // inline `type` modifiers travel with their binding
        assertEquals("import { a, type B } from 'm';\nexport let v: B = a;\n",
                organize("a.ts", "import { type B, a } from 'm';\nexport let v: B = a;\n"));
        // type-only imports stay apart; a default merges with named bindings
        assertEquals("import d, { x } from 'm';\nimport type { T } from 'm';\nexport let v: T = d(x);\n",
                organize("a.ts", "import type { T } from 'm';\nimport { x } from 'm';\nimport d from 'm';\nexport let v: T = d(x);\n"));
    }

    @Test
    void organizeImportsKeepsBarriersGroupsAndComments() {
        String text = "// header\n\nimport b from 'b';\n// about a\nimport a from 'a'; // trailing a\nimport 'side-effect';\nimport d from 'd';\nimport c from 'c';\n\nimport f from 'f';\nimport e from 'e';\nexport default [a, b, c, d, e, f];\n";
        assertEquals("// header\n\n// about a\nimport a from 'a'; // trailing a\nimport b from 'b';\nimport 'side-effect';\nimport c from 'c';\nimport d from 'd';\n\nimport e from 'e';\nimport f from 'f';\nexport default [a, b, c, d, e, f];\n",
                organize("a.ts", text));
        // multi-line braces stay multi-line; everything unused goes with its line
        assertEquals("import {\n    a,\n    b,\n} from 'm';\nexport default [a, b];\n",
                organize("a.ts", "import { x } from 'x';\nimport {\n    b,\n    a,\n} from 'm';\nexport default [a, b];\n"));
        // nothing to do: no edit
        assertEquals("import a from 'a';\nexport default a;\n", organize("a.ts", "import a from 'a';\nexport default a;\n"));
    }

    private static String importsAction(String kind, String text) {
        Document doc = Docs.parsed("file:///a.ts", text);
        List<CodeAction> found = actions(doc, 0, List.of(kind));
        assertEquals(1, found.size(), found.toString());
        assertEquals(kind, found.get(0).getKind());
        return apply(doc, found.get(0).getEdit().getChanges().get(doc.uri()));
    }

    @Test
    void sortImportsMergesAndSortsButKeepsUnusedBindings() {
        assertEquals("import { a, b, C, unused } from 'm';\nimport { z } from './z';\nexport default [a, b, C, z];\n",
                importsAction(OrganizeImports.SORT_IMPORTS, "import { z } from './z';\nimport { C, unused } from 'm';\nimport { b, a } from 'm';\nexport default [a, b, C, z];\n"));
        // asked for by the name VS Code uses, without the .ts suffix
        Document doc = Docs.parsed("file:///a.ts", "import b from 'b';\nimport a from 'a';\n");
        assertEquals(List.of("Sort Imports"), actions(doc, 0, List.of("source.sortImports")).stream().map(CodeAction::getTitle).toList());
    }

    @Test
    void removeUnusedImportsKeepsOrderAndGrouping() {
        assertEquals("import { z } from './z';\nimport { C } from 'm';\nimport { b, a } from 'm';\nexport default [a, b, C, z];\n",
                importsAction(OrganizeImports.REMOVE_UNUSED_IMPORTS, "import { z } from './z';\nimport { C, unused } from 'm';\nimport { b, a } from 'm';\nimport gone from 'gone';\nexport default [a, b, C, z];\n"));
    }

    @Test
    void sortingAndRemovingAreOfferedOnlyWhenAskedFor() {
        Document doc = Docs.parsed("file:///a.ts", "import { x } from 'x';\nimport b from 'b';\nexport default b;\n");
        List<String> titles = actions(doc, 0, null).stream().map(CodeAction::getTitle).toList();
        assertTrue(titles.contains("Organize Imports") && !titles.contains("Sort Imports") && !titles.contains("Remove Unused Imports"), titles.toString());
        List<String> source = actions(doc, 0, List.of(CodeActionKind.Source)).stream().map(CodeAction::getTitle).toList();
        assertEquals(List.of("Organize Imports", "Sort Imports", "Remove Unused Imports"), source);
    }
}
