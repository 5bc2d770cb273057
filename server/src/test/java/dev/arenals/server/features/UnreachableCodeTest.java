package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unreachable code (7027) and unused labels (7028), as TypeScript reports them: each finding as "code text". */
class UnreachableCodeTest {
    private static List<String> found(String file, String text) {
        Document doc = Docs.parsed("file:///" + file, text);
        List<String> out = new ArrayList<>();
        for (int[] f : UnreachableCode.findings(doc.arena())) out.add(f[0] + " " + text.substring(f[1], f[2]));
        return out;
    }

    private static List<String> found(String text) { return found("a.ts", text); }

    @Test
    void statementsAfterAJumpAreOneRun() {
        assertEquals(List.of("7027 g();\n  h();"), found("function f() {\n  return 1;\n  g();\n  h();\n}\n"));
        assertEquals(List.of("7027 x();"), found("for (;;) { continue; x(); }\n"));
        assertEquals(List.of("7027 done();"), found("function f(a) { if (a) { return 1; } else { throw a; } done(); }\n"));
        assertEquals(List.of("7027 y();"), found("function f() { try { return; } finally { x(); } y(); }\n"));
        assertEquals(List.of("7027 after();"), found("function f() { { return; } after(); }\n"));
    }

    @Test
    void aSwitchWhoseClausesAllEndInJumpsEndsInOne() {
        assertEquals(List.of("7027 x();"), found("function f() { switch (s) { case 1: g(); default: return; } x(); }\n"));
        assertEquals(List.of(), found("function f() { switch (s) { case 1: return; } x(); }\n")); // no default: no case may match
        assertEquals(List.of(), found("function f() { switch (s) { case 1: break; default: return; } x(); }\n"));
        assertEquals(List.of(), found("function f() { L: switch (s) { default: for (;;) { break L; } } x(); }\n"));
    }

    @Test
    void declarationsUsableBeforeTheyAppearSplitTheRuns() {
        assertEquals(List.of("7027 x();"), found("function f() { return; function g() {} x(); }\n"));
        assertEquals(List.of("7027 x();", "7027 y();"), found("function f() { return; x(); function g() {} y(); }\n"));
        assertEquals(List.of("7027 x();", "7027 y();"), found("function f() { return; x(); var v; y(); }\n"));
        assertEquals(List.of("7027 x();"), found("function f() { return; var v; x(); }\n"));
        assertEquals(List.of("7027 class C {}"), found("function f() { return; type T = 1; class C {} }\n"));
    }

    @Test
    void caseClausesTheFileAndNamespacesHaveRunsToo() {
        assertEquals(List.of("7027 f(); g();"), found("switch (x) { case 1: break; f(); g(); }\n"));
        assertEquals(List.of("7027 x();\ny();"), found("throw e;\nx();\ny();\n"));
        assertEquals(List.of("7027 x = 1; y = 1;"), found("namespace N { throw e; x = 1; y = 1; }\n"));
    }

    @Test
    void aBlockIsReadThroughItsStatementsAreRunsOfTheirOwn() {
        assertEquals(List.of("7027 x = 1;", "7027 y = 1;"), found("function f() { return; { x = 1; } y = 1; }\n"));
        assertEquals(List.of("7027 x = 1;", "7027 y = 1;", "7027 f();"), found("function f() { return; x = 1; { y = 1; } f(); }\n"));
        assertEquals(List.of("7027 return; x = 1;"), found("function f() { return; { return; x = 1; } }\n"));
    }

    @Test
    void anEndlessLoopIsLeftOnlyByABreak() {
        assertEquals(List.of("7027 x();"), found("function f() { for (;;) { g(); } x(); }\n"));
        assertEquals(List.of("7027 x();"), found("function f() { while (true) { for (;;) { break; } } x(); }\n"));
        assertEquals(List.of("7028 L", "7027 x();"), found("function f() { L: while (true) { M: for (;;) { break M; } } x(); }\n"));
        assertEquals(List.of(), found("function f() { L: while (true) { for (;;) { break L; } } x(); }\n"));
        assertEquals(List.of(), found("function f() { while (true) { if (c) break; } x(); }\n"));
        assertEquals(List.of(), found("function f() { do { if (c) break; } while (true); x(); }\n"));
    }

    @Test
    void codeInsideReportedCodeIsNotReportedAgainButFunctionsStartAfresh() {
        assertEquals(List.of("7027 if (a) { return; b(); }"), found("function f() { return; if (a) { return; b(); } }\n"));
        assertEquals(List.of("7027 const g = () => { return; c(); };", "7027 c();"), found("function f() { return; const g = () => { return; c(); }; }\n"));
        // a function declared where the runs are starts afresh; one inside a statement reported whole does not
        assertEquals(List.of("7027 x = 1;"), found("function f() { return; function m() { return; x = 1; } }\n"));
        assertEquals(List.of("7027 if (c) { function m() { return; x = 1; } }"), found("function f() { return; if (c) { function m() { return; x = 1; } } }\n"));
    }

    @Test
    void reachableCodeIsNotReported() {
        assertEquals(List.of(), found("function f(a) { if (a) return; b(); }\n"));
        assertEquals(List.of(), found("function f() { try { return; } catch { } y(); }\n"));
        assertEquals(List.of(), found("function f() { lbl: { break lbl; } x(); }\n"));
        assertEquals(List.of(), found("function f() { return g(); function g() { return 1; } }\n"));
        assertEquals(List.of(), found("function f() { return; ; }\n"));
    }

    @Test
    void aLabelNoJumpNamesIsUnused() {
        assertEquals(List.of("7028 outer"), found("outer: for (;;) { break; }\n"));
        assertEquals(List.of(), found("outer: for (;;) { for (;;) { break outer; } }\n"));
        assertEquals(List.of(), found("outer: for (;;) { inner: for (;;) { continue outer; } }\n".replace("inner: ", "")));
        assertEquals(List.of("7028 a"), found("a: for (;;) { (() => { a: for (;;) { break a; } })(); break; }\n"));
    }

    @Test
    void theQuickFixesRemoveTheCodeAndTheLabel() {
        CodeActionHandlerTest.assertFix("a.ts", "function f() {\n  return 1;\n  |g();\n  h();\n}\n", "Remove unreachable code", "function f() {\n  return 1;\n}\n");
        CodeActionHandlerTest.assertFix("a.ts", "ou|ter: for (;;) { break; }\n", "Remove unused label", "for (;;) { break; }\n");
    }

    @Test
    void deepNestingNeitherOverflowsNorReports() {
        String deep = "function f() {" + "{".repeat(5000) + "return;" + "}".repeat(5000) + " x(); }\n";
        assertEquals(List.of(), found(deep)); // past the depth followed, taken to complete normally
    }
}
