package dev.arenals.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.ParserTestSupport.Diagnostic;
import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.parser.tree.TreeCursor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression tests for bugs found while writing the behaviour tests (all fixed): each names the
 * minimal input and the expected behaviour, so the bug cannot come back unnoticed.
 */
class RegressionTest {

    // ------------------------------------------------------------------ 1. spans of nodes for missing syntax

    /**
     * Nodes standing for missing syntax are placed at the start of the next token instead of the end
     * of the previous one, so they lie outside their parent (whose end is the previous token's end),
     * or are inverted (start = next token start > end = previous token end). Examples today:
     * {@code a + } → INVALID[4,4) under BINARY[0,3); {@code x; }} → INVALID[3,2);
     * {@code function f x} → FUNCTION_BODY[11,10) under FUNCTION_DECLARATION[0,10);
     * {@code (a, b c} → SEQUENCE[1,6) under PARENTHESIZED[0,5); {@code var 1 = 2;} →
     * VARIABLE_DECLARATOR[4,3). RecoveryTest checks the same inputs modulo trivia, which passes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"a + ", "x; }", "function f x", "(a, b c", "var 1 = 2;", "let x = (1 + ;\nconst y = 2;",
        "class C x", "while (x) ", "label: ", "x = () => ;", "throw ", "new ", "function f() x", "a ? b : "})
    void nodesForMissingSyntaxLieWithinTheirParentAndAreNotInverted(String src) {
        Arena arena = ParserTestSupport.parse(src);
        List<String> v = ParserTestSupport.treeViolations(arena);
        assertEquals(List.of(), v, () -> ParserTestSupport.describe(src, arena));
    }

    @Test
    void fuzzedSnippetsGiveStrictlyWellFormedTrees() {
        Random rnd = new Random(20250101L);
        int broken = 0;
        String first = null;
        List<String> firstViolations = null;
        for (int it = 0; it < 3000; it++) {
            String src = RecoveryTest.fuzzInput(rnd);
            boolean module = rnd.nextBoolean();
            Arena arena = ParserTestSupport.parse(src, module);
            List<String> v = ParserTestSupport.treeViolations(arena);
            if (!v.isEmpty()) {
                if (broken++ == 0) {
                    first = src;
                    firstViolations = v;
                }
            }
        }
        assertEquals(0, broken, "inputs with span violations; the first: " + firstViolations + " in: "
                + (first == null ? "" : first.replace("\n", "\\n")));
    }

    // ------------------------------------------------------------------ 2. end of input inside a list

    /**
     * At the end of the input right after a list element, the parser says "',' expected." where tsc
     * (and the parser itself after a trailing comma: {@code [1, } gives "']' expected.") says that the
     * closing delimiter is expected.
     */
    @ParameterizedTest
    @ValueSource(strings = {"S|[1, 2|']' expected.", "S|({a: 1|'}' expected.", "S|f(1, 2|')' expected.", "S|new F(a|')' expected.",
        "S|function f(a, b|')' expected.", "S|let [a, b|']' expected.", "S|let {a, b|'}' expected.",
        "M|import {a, b|'}' expected.", "M|export {a, b|'}' expected."})
    void unexpectedEndAfterAListElementExpectsTheClosingDelimiter(String spec) {
        String[] p = spec.split("\\|");
        String src = p[1];
        Arena arena = ParserTestSupport.parse(src, p[0].equals("M"));
        Diagnostic atEnd = null;
        for (Diagnostic d : ParserTestSupport.diagnostics(arena)) if (d.start() == src.length()) atEnd = d;
        assertTrue(atEnd != null, () -> "no diagnostic at the end: " + ParserTestSupport.describe(src, arena));
        assertEquals(p[2], atEnd.message(), () -> ParserTestSupport.describe(src, arena));
    }

    // ------------------------------------------------------------------ 3. class member message

    /**
     * A token that cannot start a class member gets the object-literal message "Property assignment
     * expected." (TS1136): the parser's MEMBER_EXPECTED (TS1068, tsc's message for class bodies) is
     * reported at the same position afterwards and dropped by the one-error-per-position rule, so
     * it is never shown.
     */
    @ParameterizedTest
    @ValueSource(strings = {"class C { + }", "class C { m() {} ) }", "x = class { ! };"})
    void badClassMemberGetsTheClassMemberMessage(String src) {
        Arena arena = ParserTestSupport.parse(src);
        List<Diagnostic> d = ParserTestSupport.diagnostics(arena);
        assertFalse(d.isEmpty());
        assertEquals(Diag.MEMBER_EXPECTED, d.get(0).diag(), d::toString);
        assertEquals("Unexpected token. A constructor, method, accessor, or property was expected.", d.get(0).message());
    }

    // ------------------------------------------------------------------ 4. `let of` in a for head

    /**
     * {@code for (let of of xs)} declares a variable named {@code of} (ForDeclaration: let ForBinding),
     * as do {@code for (let of in o)} and {@code for (let of = 0;;)}; V8, acorn and Babel accept them.
     * The parser treats {@code let} as an identifier whenever {@code of} follows and reports
     * "Invalid left-hand side in 'for' statement." plus follow-up errors. Only {@code for (let of x)}
     * is an error (neither a declaration nor a valid for-of head).
     */
    @ParameterizedTest
    @ValueSource(strings = {"for (let of of xs);", "for (let of in o);", "for (let of = 0; of < 1; of++);", "for (let of;;) break;"})
    void letOfInAForHeadDeclaresAVariableNamedOf(String src) {
        Arena arena = ParserTestSupport.parse(src);
        assertEquals(List.of(), ParserTestSupport.diagnostics(arena), () -> ParserTestSupport.describe(src, arena));
        int loop = arena.firstChild(arena.root());
        int head = arena.firstChild(loop);
        assertEquals(NodeKind.VARIABLE_DECLARATION, arena.kind(head), () -> TreeDump.dump(arena));
        assertEquals(NodeKind.VAR_LET, arena.data(head));
        assertEquals("of", arena.names().name(arena.data(arena.firstChild(arena.firstChild(head)))));
    }

    @Test
    void letOfWithoutADeclarationIsStillAnError() {
        // guard for the fix above: this one must keep failing to parse
        assertFalse(ParserTestSupport.diagnostics(ParserTestSupport.parse("for (let of x);")).isEmpty());
    }

    // ------------------------------------------------------------------ 5. decorators

    /**
     * Nested decorators recurse without the depth guard (parsePrimary '@' → parseDecorator →
     * parseLeftHandSide → parsePrimary '@' …): about 3,000 '@' overflow the default 1 MB stack.
     */
    @Test
    void deeplyNestedDecoratorsDoNotOverflowTheStack() throws Exception {
        String src = "@".repeat(100_000) + "class{}";
        Throwable[] failure = new Throwable[1];
        List<Diagnostic> diags = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Thread t = new Thread(null, () -> {
                try {
                    Arena arena = ParserTestSupport.parse(src);
                    TreeDump.dump(arena);
                    diags.addAll(ParserTestSupport.diagnostics(arena));
                } catch (Throwable e) {
                    failure[0] = e;
                }
            }, "t", 0);
            t.setDaemon(true);
            t.start();
            t.join();
        });
        if (failure[0] != null) throw new AssertionError("parsing 100,000 nested '@' threw " + failure[0], failure[0]);
        assertEquals(1, ParserTestSupport.count(diags, Diag.NESTING_TOO_DEEP), diags::toString);
    }

    /**
     * {@code @dec class C {}} as a statement parses as an EXPRESSION_STATEMENT holding
     * INVALID(DECORATOR, CLASS_EXPRESSION) with no diagnostic, so C is not declared. (Decorators are
     * not ES2025; the point is that an INVALID node never appears without a diagnostic, and a
     * decorated class statement is a declaration.)
     */
    @Test
    void decoratedClassStatementIsADeclarationAndNotAnUnreportedInvalidNode() {
        String src = "@dec class C {}";
        Arena arena = ParserTestSupport.parse(src);
        boolean invalid = ParserTestSupport.kindsIn(arena).get(NodeKind.INVALID);
        assertFalse(invalid && arena.log().diagnosticCount() == 0, () -> "INVALID node without a diagnostic: " + TreeDump.dump(arena));
        assertEquals(NodeKind.CLASS_DECLARATION, arena.kind(arena.firstChild(arena.root())), () -> TreeDump.dump(arena));
    }

    // ------------------------------------------------------------------ 6. duplicate parameter position

    /**
     * "Duplicate identifier 'a'." is reported on the first parameter named a, not on the duplicate:
     * forEachBinding pushes the parameters on a stack and pops them in reverse order, so the last
     * one is recorded first (its comment says the later one is reported). V8, acorn and Babel point
     * at the second occurrence.
     */
    @ParameterizedTest
    @ValueSource(strings = {"'use strict'; function f(a, b, a) {}", "(a, a) => 1;", "class A { m(a, a) {} }"})
    void duplicateParameterIsReportedOnTheDuplicate(String src) {
        Arena arena = ParserTestSupport.parse(src);
        List<Diagnostic> d = ParserTestSupport.diagnostics(arena);
        assertEquals(1, d.size(), d::toString);
        assertEquals(Diag.DUPLICATE_PARAMETER, d.get(0).diag());
        int second = src.lastIndexOf("a)"); // the second parameter named a
        assertEquals(second, d.get(0).start(), d::toString);
    }

    // ------------------------------------------------------------------ 7. JSX

    /**
     * Found by random inputs against the JSX support (commit 649100d; before it these inputs were
     * plain syntax errors with well-formed trees): an unterminated opening tag followed by '/' gives JSX_OPENING_ELEMENT[0,5) under
     * JSX_ELEMENT[0,4) for {@code <a /b} — the element ends before its own opening tag.
     */
    @ParameterizedTest
    @ValueSource(strings = {"<a /b", "<a b/c", "x = <c,+/}"})
    void jsxOpeningElementLiesWithinItsElement(String src) {
        Arena arena = ParserTestSupport.parse(src);
        assertEquals(List.of(), ParserTestSupport.treeViolations(arena), () -> ParserTestSupport.describe(src, arena));
    }

    /** RecoveryTest's random-input test with '<' in the alphabet, i.e. with JSX; fails on the bug above. */
    @Test
    void randomCharactersIncludingJsxGiveWellFormedTrees() {
        assertEquals(null, RecoveryTest.randomInputFailure(RecoveryTest.RANDOM_ALPHABET + "<<"));
    }

    // ------------------------------------------------------------------ 8. tree cursor

    /** TreeCursor.depth() is the one accessor that does not check the generation. */
    @Test
    void staleCursorDepthThrows() {
        Arena arena = ParserTestSupport.parse("f(a);");
        TreeCursor c = arena.cursor();
        c.gotoFirstChild();
        arena.reset();
        IllegalStateException e = assertThrows(IllegalStateException.class, c::depth);
        assertTrue(e.getMessage().contains("generation"), e.getMessage());
    }

    /**
     * When gotoNext() returns false at the end of the walk, the cursor has climbed back to the root
     * (unlike the other moves, which stay put when they fail), and the next gotoNext() returns true
     * and starts the walk again: a loop that calls it once more never ends.
     */
    @Test
    void cursorStaysAtTheEndAfterTheWalk() {
        Arena arena = ParserTestSupport.parse("f(a);");
        TreeCursor c = arena.cursor();
        int last = -1;
        do {
            last = c.node();
        } while (c.gotoNext());
        assertEquals(last, c.node(), "a failed gotoNext() must leave the cursor on the last node");
        assertFalse(c.gotoNext(), "the walk is over: gotoNext() must keep returning false");
    }
}
