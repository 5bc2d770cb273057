package dev.arenals.parser.scope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.DiagnosticMessages;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BinderTest {
    private final JsParser parser = new JsParser();
    private final Arena arena = new Arena();
    private final Binder binder = new Binder();
    private final ScopeTable table = new ScopeTable();
    private String text;

    private void bind(String source, boolean module) {
        text = source;
        parser.parse(arena, source, ParseOptions.of(module));
        binder.bind(arena, table);
    }

    private void bind(String source) { bind(source, false); }

    /** Offset of the n-th (0-based) occurrence of {@code word}. */
    private int at(String word, int n) {
        int i = -1;
        for (int k = 0; k <= n; k++) i = text.indexOf(word, i + 1);
        if (i < 0) throw new AssertionError(word + " #" + n + " not in " + text);
        return i;
    }

    private List<String> errors() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < arena.log().diagnosticCount(); i++) out.add(DiagnosticMessages.message(arena.log(), i, arena.names()));
        return out;
    }

    /** Every kind of binder error, in scripts, modules and TypeScript, next to code without any. */
    private static final String[][] BINDER_CASES = {
            {"a.js", "let x = 1; let x = 2; var y; let y; function f(a) { let a; } x = y + f;"},
            {"a.js", "class C {} class C {} const k = 1; { var k; } try {} catch (e) { let e; } new C(k);"},
            // deep in expressions, which bindDeclarations skips where they declare nothing
            {"a.js", "x = f(1 + g(() => { let q = 1; let q = 2; }), [h(function () { var r; let r; })], a.b.c(d) * 2);"},
            {"a.mjs", "export { missing, x }; let x; export default 1; export default 2; export { x as default }; x++;"},
            {"a.mjs", "import { a } from 'm'; let a; export * as ns from 'n'; export { ns }; function g() { return a + u; }"},
            {"a.ts", "interface I { a: T } interface I { b: number } type T = string; let v: I = w; let v = 2;"},
            {"a.ts", "namespace N { export const q = 1; } enum N { A } declare module 'm' { let z: N.q; } let n = N.A + q; const n = 0;"},
            {"a.ts", "function f(x: number): void; function f(x: any) { return g(x); } class K<T> { m(t: T): T { return t; } }"},
    };

    @Test
    void bindingDeclarationsOnlyReportsExactlyTheErrorsOfAFullBind() {
        for (String[] c : BINDER_CASES) {
            parser.parse(arena, c[1], ParseOptions.forFileName(c[0]));
            int parseErrors = arena.log().diagnosticCount();
            binder.bind(arena, table);
            List<String> full = errors();
            assertTrue(table.referencesResolved() && table.referenceCount() > 0, c[1]);
            parser.parse(arena, c[1], ParseOptions.forFileName(c[0]));
            binder.bindDeclarations(arena, table);
            assertEquals(full, errors(), c[1]);
            boolean clean = c[1].startsWith("function f(x: number)");
            assertEquals(clean, full.size() == parseErrors, "binder errors only where the case has them: " + full + " in " + c[1]);
            assertTrue(!table.referencesResolved() && table.referenceCount() == 0, "no references recorded: " + c[1]);
            for (int s = 0; s < table.symbolCount(); s++) {
                assertEquals(s, table.symbolOfNode(table.declarationNode(s)), "declarations still carry their symbol");
            }
        }
    }

    @Test
    void rebindingAGrowingTreeDoesNotDoubleTheTable() {
        // an editor's tree grows a node or two per keystroke; the per-node column must not double for that
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) sb.append("let v").append(i).append(" = v").append(i > 0 ? i - 1 : 0).append(" + 1;\n");
        String text = sb.toString();
        Arena arena = new Arena();
        JsParser parser = new JsParser();
        Binder binder = new Binder();
        ScopeTable table = new ScopeTable();
        parser.parse(arena, text, ParseOptions.script());
        binder.bind(arena, table);
        long reserved = table.bytesReserved();
        parser.parse(arena, text + "(x);", ParseOptions.script()); // a few nodes more
        binder.bind(arena, table);
        assertEquals(reserved, table.bytesReserved(), "the headroom of the first bind absorbs a few more nodes");
    }

    /** A cursor at the end of a name is on that name, also where the name ends its parent's span. */
    @Test
    void aNameIsFoundWithTheCursorAtItsEnd() {
        bind("let alpha = 1; export { alpha }; f(alpha); x = [alpha]", true);
        int alpha = table.symbolAt(at("alpha", 0));
        assertTrue(alpha >= 0);
        for (int i = 1; i <= 3; i++) {
            int start = at("alpha", i);
            assertEquals(alpha, table.symbolAt(start), "start of use " + i);
            assertEquals(alpha, table.symbolAt(start + 5), "end of use " + i);
        }
    }

    @Test
    void referencesResolveToTheirDeclarations() {
        bind("let x = 1; function f(a) { return a + x; } f(x);");
        int x = table.symbolAt(at("x", 0));
        assertEquals(SymbolKind.LET, table.kind(x));
        assertEquals("x", table.name(x));
        assertEquals(x, table.symbolAt(at("x", 1)));
        assertEquals(x, table.symbolAt(at("x", 2)));
        int a = table.symbolAt(at("a", 0));
        assertEquals(SymbolKind.PARAMETER, table.kind(a));
        assertEquals(a, table.symbolAt(at("a", 1)));
        int f = table.symbolAt(at("f(", 0));
        assertEquals(SymbolKind.FUNCTION, table.kind(f));
        assertEquals(NodeKind.FUNCTION_DECLARATION, arena.kind(table.declaringNode(f)));
        assertEquals(2, table.references(x).length);
        assertEquals(1, table.references(f).length);
    }

    @Test
    void innerDeclarationsShadowOuterOnes() {
        bind("const v = 1; { const v = 2; v; } v;");
        int outer = table.symbolAt(at("v", 0));
        int inner = table.symbolAt(at("v", 1));
        assertNotEquals(outer, inner);
        assertEquals(inner, table.symbolAt(at("v", 2)));
        assertEquals(outer, table.symbolAt(at("v", 3)));
    }

    @Test
    void varIsHoistedToTheFunctionAndMerged() {
        bind("function f() { use(h); { var h = 1; } var h; }");
        int ref = table.symbolAt(at("h", 0));
        assertEquals(SymbolKind.VAR, table.kind(ref));
        assertEquals(ref, table.symbolAt(at("h", 1)));
        assertEquals(ref, table.symbolAt(at("h", 2)));
        assertEquals(ScopeKind.FUNCTION, table.scopeKind(table.scope(ref)));
    }

    @Test
    void undeclaredNamesBecomeOneImplicitGlobalEach() {
        bind("console.log(1); console.log(2); window;");
        int c = table.symbolAt(at("console", 0));
        assertEquals(SymbolKind.IMPLICIT_GLOBAL, table.kind(c));
        assertEquals(c, table.symbolAt(at("console", 1)));
        assertEquals(-1, table.declarationNode(c));
        assertNotEquals(c, table.symbolAt(at("window", 0)));
    }

    @Test
    void writesAndReadsAreDistinguished() {
        bind("let n = 0; n = 1; n += 2; n++; [n] = [3]; f(n);");
        int n = table.symbolAt(at("n", 0));
        int writes = 0, reads = 0;
        for (int i = 0; i < table.referenceCount(); i++) {
            if (table.symbolOfNode(table.referenceNode(i)) != n) continue;
            if (table.isWrite(i)) writes++;
            if (table.isRead(i)) reads++;
        }
        assertEquals(4, writes); // =, +=, ++, destructuring
        assertEquals(3, reads);  // +=, ++, f(n)
    }

    @Test
    void importsClassesCatchAndNamedFunctionExpressions() {
        bind("import d, { a as b } from 'm'; class C { m() { return C; } } try {} catch (e) { e; } (function g() { g; });", true);
        assertEquals(SymbolKind.IMPORT, table.kind(table.symbolAt(at("d", 0))));
        assertEquals(SymbolKind.IMPORT, table.kind(table.symbolAt(at("b", 0))));
        int c = table.symbolAt(at("C", 0));
        assertEquals(SymbolKind.CLASS, table.kind(c));
        assertEquals(c, table.symbolAt(at("C", 1)));
        int e = table.symbolAt(at("(e)", 0) + 1);
        assertEquals(SymbolKind.CATCH_PARAMETER, table.kind(e));
        assertEquals(e, table.symbolAt(at("e;", 0)));
        int g = table.symbolAt(at("g", 0));
        assertEquals(g, table.symbolAt(at("g", 1)));
        assertEquals(ScopeKind.FUNCTION_NAME, table.scopeKind(table.scope(g)));
    }

    @Test
    void visibleSymbolsAndScopeChain() {
        bind("let top = 1; function f(p) { let inner; /*here*/ }");
        int here = at("/*here*/", 0);
        List<String> visible = new ArrayList<>();
        for (int s : table.visibleSymbols(here)) visible.add(table.name(s));
        assertTrue(visible.containsAll(List.of("inner", "p", "f", "top")), visible.toString());
        int[] chain = table.scopeChain(here);
        assertEquals(ScopeKind.FUNCTION, table.scopeKind(chain[0]));
        assertEquals(ScopeKind.SCRIPT, table.scopeKind(chain[chain.length - 1]));
    }

    @Test
    void visibleSymbolsShadowInnerFirstAndKeepDeclarationOrder() {
        bind("let x = 1, y = 2; function f(x, z) { let w; { let y; /*here*/ } } let after;");
        int here = at("/*here*/", 0);
        List<String> visible = new ArrayList<>();
        List<Integer> kinds = new ArrayList<>();
        for (int s : table.visibleSymbols(here)) {
            visible.add(table.name(s));
            kinds.add(table.kind(s));
        }
        // inner y (block), then f's parameters and locals, then the script's names minus the shadowed ones
        assertEquals(List.of("y", "x", "z", "w", "f", "after"), visible);
        assertEquals(SymbolKind.PARAMETER, kinds.get(1));
        assertEquals(SymbolKind.LET, kinds.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "let a; let a;", "let a; var a;", "var a; let a;", "const a = 1; function a() {}", "{ let a; { var a; } }",
        "{ { var a; } let a; }", "function f(a) { let a; }", "class A {} class A {}", "try {} catch (e) { let e; }",
        "try {} catch ([e]) { var e; }", "switch (x) { case 1: let a; case 2: let a; }", "for (let a;;) { var a; }",
        "(a) => { const a = 1; }", "{ function a() {} function* a() {} }", "'use strict'; { function a() {} function a() {} }",
    })
    void redeclarationsAreErrors(String source) {
        bind(source);
        assertTrue(arena.log().diagnosticCount() > 0, source);
        assertEquals(Diag.REDECLARED, arena.log().diagnostic(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "var a; var a;", "function a() {} var a;", "function f(a) { var a; }", "try {} catch (e) { var e; }",
        "{ function a() {} function a() {} }", "let a; { let a; }", "if (x) function f() {} let f;",
        "for (let i = 0;;) {} for (let i = 0;;) {}", "function f() {} function f() {}",
    })
    void allowedRedeclarations(String source) {
        bind(source);
        assertEquals(List.of(), errors(), source);
    }

    @ParameterizedTest
    @ValueSource(strings = {"let {let} = o;", "const [let] = o;", "let {a: [let]} = o;", "for (let {let} of o);",
        "for (const [...let] = o;;);"})
    void letIsNoNameInAPatternOfALexicalDeclaration(String source) {
        bind(source);
        assertEquals(List.of(Diag.LET_AS_LEXICAL_NAME), diagnostics(), source);
    }

    @ParameterizedTest
    @ValueSource(strings = {"var {let} = o;", "var [let] = o;", "let {let: a} = o;", "for (var {let} of o);",
        "class C { static { function a() {} function a() {} var a; } }"})
    void letInVarPatternsAndStaticBlockFunctionsAreAllowed(String source) {
        bind(source);
        assertEquals(List.of(), errors(), source);
    }

    private List<Diag> diagnostics() {
        List<Diag> out = new ArrayList<>();
        for (int i = 0; i < arena.log().diagnosticCount(); i++) out.add(arena.log().diagnostic(i));
        return out;
    }

    @Test
    void moduleExportsMustBeDeclaredAndUnique() {
        bind("export { missing };", true);
        assertEquals(Diag.EXPORT_UNDECLARED, arena.log().diagnostic(0));
        assertEquals("Cannot find name 'missing'.", errors().get(0));
        bind("let a, b; export { a, b as a };", true);
        assertEquals(Diag.DUPLICATE_EXPORT, arena.log().diagnostic(0));
        bind("export default 1; export default 2;", true);
        assertEquals(Diag.DUPLICATE_EXPORT, arena.log().diagnostic(0));
        bind("let a; export { a, a as b }; export * as c from 'm'; export * from 'n';", true);
        assertEquals(List.of(), errors());
        bind("var a; function a() {}", true);
        assertEquals(Diag.REDECLARED, arena.log().diagnostic(0));
    }

    @Test
    void aTableReadAfterReparseFailsLoudly() {
        bind("let x = 1; x;");
        int x = table.symbolAt(at("x", 0));
        parser.parse(arena, "let y = 2;", ParseOptions.script());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> table.name(x));
        assertTrue(e.getMessage().contains("generation"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> table.symbolAt(0));
        binder.bind(arena, table);
        assertEquals("y", table.name(table.symbolAt(4)));
    }

    @Test
    void rebindingReusesTheTableWithoutGrowth() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) sb.append("let v").append(i).append(" = v").append(Math.max(0, i - 1)).append(";\n");
        bind(sb.toString());
        long reserved = table.bytesReserved();
        for (int i = 0; i < 5; i++) bind(sb.toString());
        assertEquals(reserved, table.bytesReserved());
        assertEquals(2000, countKind(SymbolKind.LET));
    }

    private int countKind(int kind) {
        int n = 0;
        for (int s = 0; s < table.symbolCount(); s++) if (table.kind(s) == kind) n++;
        return n;
    }

    @Test
    void deepTreesBindWithoutRecursion() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) sb.append("{ let a").append(i).append(";");
        for (int i = 0; i < 300; i++) sb.append("}");
        bind(sb.toString());
        assertEquals(List.of(), errors());
        assertArrayEquals(new int[0], new int[0]);
        assertEquals(301, table.scopeCount());
    }

    /** `infer X` is seen in its conditional type's extends and true types, through function and mapped types, and nowhere else. */
    @Test
    void inferDeclaresInItsConditionalType() {
        text = "type F<T> = T extends (...args: infer Aa) => infer Rr ? [Aa, Rr] : Aa; type G<T> = (T extends infer Uu ? Uu : 0) | Uu;";
        parser.parse(arena, text, ParseOptions.forFileName("a.ts"));
        binder.bind(arena, table);
        int aa = table.symbolAt(at("Aa", 0)), rr = table.symbolAt(at("Rr", 0)), uu = table.symbolAt(at("Uu", 0));
        assertTrue(aa >= 0 && rr >= 0 && uu >= 0);
        assertEquals(aa, table.symbolAt(at("Aa", 1)), "the true type sees a name inferred inside a function type");
        assertEquals(rr, table.symbolAt(at("Rr", 1)));
        assertNotEquals(aa, table.symbolAt(at("Aa", 2)), "the false type does not");
        assertEquals(uu, table.symbolAt(at("Uu", 1)));
        assertNotEquals(uu, table.symbolAt(at("Uu", 2)), "nor the code after the conditional type");
    }
}
