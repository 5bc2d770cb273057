package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import dev.arenals.server.testing.Marked;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.junit.jupiter.api.Test;

/** Unused-code hints: {@code [[ ]]} marks each expected hint's range; all are Hint + Unnecessary. */
class UnusedCodeTest {
    static void assertHints(String file, String marked) {
        Marked m = Marked.parse(marked);
        Document doc = Docs.parsed("file:///" + file, m.text);
        List<String> expected = new ArrayList<>(), found = new ArrayList<>();
        for (int[] r : m.ranges) expected.add(m.text.substring(r[0], r[1]) + "@" + r[0]);
        for (Diagnostic d : UnusedCode.hints(doc)) {
            assertEquals(DiagnosticSeverity.Hint, d.getSeverity());
            assertEquals(List.of(DiagnosticTag.Unnecessary), d.getTags());
            int s = doc.offsetAt(d.getRange().getStart()), e = doc.offsetAt(d.getRange().getEnd());
            found.add(m.text.substring(s, e) + "@" + s);
        }
        assertEquals(expected, found, m.text);
    }

    @Test
    void namesAndWholeImports() {
        assertHints("a.ts", "[[import { a, b } from 'm';]]\nimport { [[c]], d } from 'n';\nexport function f([[p]]: number) { const [[x]] = d; }");
        assertHints("a.mjs", "import def, { used } from 'm'; export default used + def;");
    }

    /** As tsc: a whole unused import of one name is 6133 with that name; of several, 6192. */
    @Test
    void aWholeUnusedImportOfOneNameIsNamed() {
        assertCodes("a.ts", "import { a } from 'm';", "6133 'a' is declared but its value is never read.");
        assertCodes("a.ts", "import * as ns from 'm';", "6133 'ns' is declared but its value is never read.");
        assertCodes("a.ts", "import d, { b } from 'm';", "6192 All imports in import declaration are unused.");
    }

    /** As tsc's noUnusedLocals / noUnusedParameters: types are "never used", type parameter lists are one report when all are unused. */
    @Test
    void typesAndTypeParametersAsTypeScriptReportsThem() {
        assertCodes("a.ts", "interface I {} type A = 1; export {};",
                "6196 'I' is declared but never used.", "6196 'A' is declared but never used.");
        assertCodes("a.ts", "import type { X, Y } from 'm'; export let y: Y;", "6196 'X' is declared but never used.");
        assertCodes("a.ts", "export function f<T>() {} export type B<K, V> = 1; export type C<K, V> = V;",
                "6133 'T' is declared but its value is never read.", "6205 All type parameters are unused.",
                "6133 'K' is declared but its value is never read.");
        assertCodes("a.mjs", "export function f(o) { let a, b; const { c, d } = o; const { e } = o; let g = 1, h = g; }",
                "6199 All variables are unused.", "6198 All destructured elements are unused.",
                "6133 'e' is declared but its value is never read.", "6133 'h' is declared but its value is never read.");
        assertHints("a.mjs", "export function f(o, [[{ p, q }]]) { [[let a, b;]] const [[{ c, d }]] = o; let g = 1, [[h]] = g; }");
        assertHints("a.mjs", "export function f(o, [[{ p }]]) { const [[{ c }]] = o, d = 1, [[{ e }]] = o; return d; }");
        // empty patterns bind nothing (the protocol fuzzer found these crashing the grouping)
        assertCodes("a.tsx", "export function f({}, []) { const {} = f, [] = f; let {} = f; }");
        // a parameter's array pattern groups as TypeScript groups it; a type predicate's subject is not a read
        assertCodes("a.ts", "export const g = ([i]: number[], [j, k]: number[]) => 1; export function isS(s: unknown): s is string { return true; }",
                "6133 'i' is declared but its value is never read.", "6198 All destructured elements are unused.",
                "6133 's' is declared but its value is never read.");
        // private members nothing in the class names (a mention counts as a read: no types here)
        assertCodes("a.ts", "export class C { private a = 1; #b() {} private c() { return this.d; } private d = 2;"
                + " constructor(private e: number, private f: number, public g: number) { f; } private h = 0; m() { return this['h']; } }",
                "6133 'a' is declared but its value is never read.", "6133 '#b' is declared but its value is never read.",
                "6133 'c' is declared but its value is never read.", "6138 Property 'e' is declared but its value is never read.");
        assertHints("a.ts", "declare class D { private x: number; } export abstract class E { @dec private [[y]] = 1; private [[z]]() {} }".replace("@dec private [[y]]", "@dec private y"));
        // written through `this` and never read, as TypeScript's isWriteOnlyAccess: `+=` and `++` read; a setter is called
        assertCodes("a.ts", "export class C { private a = 1; #b = 2; private c = 3; private d = 4; constructor(private e: number) {}"
                + " private set f(v: number) { v; } m() { this.a = 5; this.#b = 6; this.c += 7; this.d++; this.e = 8; this.f = 9; } }",
                "6133 'a' is declared but its value is never read.", "6133 '#b' is declared but its value is never read.",
                "6138 Property 'e' is declared but its value is never read.");
        // a line TypeScript's directives suppress (past blank and comment lines) has no hint
        assertHints("a.ts", "export function f() {\n  // @ts-expect-error\n\n  // why\n  const a = 1;\n  /* @ts-ignore */\n  const b = 2;\n  const [[c]] = 3;\n}");
        assertHints("a.ts", "export function f[[<T>]]() {} export type B[[<K, V>]] = 1; export type C<[[K extends string]], V> = V;"
                + " export type E<T> = T extends Array<[[infer U]]> ? 1 : 0;");
    }

    private static void assertCodes(String file, String source, String... expected) {
        List<String> found = new ArrayList<>();
        for (Diagnostic d : UnusedCode.hints(Docs.parsed("file:///" + file, source))) {
            found.add(d.getCode().getRight() + " " + d.getMessage().getLeft());
        }
        assertEquals(List.of(expected), found, source);
    }

    @Test
    void atMostMaxHintsPerDocumentInSourceOrder() {
        StringBuilder sb = new StringBuilder("export function f() {\n");
        for (int i = 0; i < UnusedCode.MAX_HINTS + 50; i++) sb.append("  const v").append(i).append(" = ").append(i).append(";\n");
        Document doc = Docs.parsed("file:///a.mjs", sb.append("}\n").toString());
        List<Diagnostic> hints = UnusedCode.hints(doc);
        assertEquals(UnusedCode.MAX_HINTS, hints.size());
        assertEquals("'v0' is declared but its value is never read.", hints.get(0).getMessage().getLeft());
        assertEquals(UnusedCode.MAX_HINTS + 50, UnusedCode.unusedSymbols(dev.arenals.server.query.DocumentQuery.of(doc)).length, "the code actions see all");
    }

    @Test
    void theDiagnosticsListKeepsErrorsFirstAndHintsOnlyWhenAsked() {
        Document doc = Docs.parsed("file:///a.mjs", "import x from 'm';\nlet y = (1 + ;\n");
        List<Diagnostic> off = new DiagnosticsHandler().diagnostics(doc, Long.MAX_VALUE, false);
        List<Diagnostic> on = new DiagnosticsHandler().diagnostics(doc, Long.MAX_VALUE, true);
        assertTrue(off.stream().allMatch(d -> d.getSeverity() == DiagnosticSeverity.Error));
        assertEquals(off.size() + 2, on.size()); // the import and y
        assertEquals(off, on.subList(0, off.size()));
    }
}
