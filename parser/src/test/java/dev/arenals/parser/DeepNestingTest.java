package dev.arenals.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.ParserTestSupport.Diagnostic;
import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.tree.Arena;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pathologically deep or long inputs on the default thread stack: the parser must neither overflow
 * the stack nor hang, must report a bounded number of diagnostics (exactly one NESTING_TOO_DEEP
 * when it gives up descending, none for long but flat chains), and the tree must dump.
 */
class DeepNestingTest {
    private static final int N = 100_000;
    private static final int MB = 1 << 20;
    private static final Duration LIMIT = Duration.ofSeconds(20);
    /** Diagnostics allowed besides the one NESTING_TOO_DEEP (e.g. an unclosed construct). */
    private static final int MAX_DIAGNOSTICS_WHEN_TOO_DEEP = 3;

    enum Expect { TOO_DEEP, FLAT }

    /** A case builds its (large) source lazily, so the parameter list holds no megabytes. */
    record Case(String name, boolean module, Expect expect, Supplier<String> source) {
        @Override public String toString() { return name; }
    }

    private static String rep(String s, int n) { return s.repeat(n); }

    /** Repeats {@code unit} until the text is at least {@code bytes} long, then appends {@code tail}. */
    private static String chain(String unit, int bytes, String tail) {
        return unit.repeat(bytes / unit.length() + 1) + tail;
    }

    static Stream<Case> cases() {
        return Stream.of(
            new Case("100k nested parentheses", false, Expect.TOO_DEEP, () -> rep("(", N) + "a" + rep(")", N)),
            new Case("100k unclosed parentheses", false, Expect.TOO_DEEP, () -> rep("(", N)),
            new Case("100k nested array literals", false, Expect.TOO_DEEP, () -> rep("[", N) + rep("]", N)),
            new Case("100k nested block statements", false, Expect.TOO_DEEP, () -> rep("{", N) + rep("}", N)),
            new Case("100k unclosed block statements", false, Expect.TOO_DEEP, () -> rep("{", N)),
            new Case("100k nested object literal values", false, Expect.TOO_DEEP, () -> "a=" + rep("{a:", N) + "1" + rep("}", N)),
            new Case("100k nested ! operators", false, Expect.TOO_DEEP, () -> rep("!", N) + "a"),
            new Case("100k nested - operators", false, Expect.TOO_DEEP, () -> rep("- ", N) + "a"),
            new Case("100k alternating ! and - operators", false, Expect.TOO_DEEP, () -> rep("!-", N / 2) + "a"),
            new Case("100k nested typeof", false, Expect.TOO_DEEP, () -> rep("typeof ", N) + "a"),
            new Case("100k nested await", true, Expect.TOO_DEEP, () -> rep("await ", N) + "a"),
            new Case("100k nested new", false, Expect.TOO_DEEP, () -> rep("new ", N) + "a"),
            new Case("100k nested new with arguments", false, Expect.TOO_DEEP, () -> rep("new a(", N) + rep(")", N)),
            new Case("100k curried arrows", false, Expect.TOO_DEEP, () -> rep("a=>", N) + "a"),
            new Case("100k nested arrow bodies", false, Expect.TOO_DEEP, () -> rep("()=>{", N) + rep("}", N)),
            new Case("100k nested template literals", false, Expect.TOO_DEEP, () -> rep("`${", N) + "a" + rep("}`", N)),
            new Case("100k unclosed template substitutions", false, Expect.TOO_DEEP, () -> rep("`${", N)),
            new Case("100k nested function declarations", false, Expect.TOO_DEEP, () -> rep("function f(){", N) + rep("}", N)),
            new Case("100k nested async function declarations", false, Expect.TOO_DEEP, () -> rep("async function f(){", N) + rep("}", N)),
            new Case("100k nested generator declarations", false, Expect.TOO_DEEP, () -> rep("function* f(){", N) + rep("}", N)),
            new Case("100k unclosed function declarations", false, Expect.TOO_DEEP, () -> rep("function f(){", N)),
            new Case("100k nested exported function bodies", true, Expect.TOO_DEEP,
                () -> "export function f(){" + rep("function f(){", N) + rep("}", N + 1)),
            new Case("100k nested class heritage", false, Expect.TOO_DEEP, () -> "x = " + rep("class extends ", N) + "a{}"),
            new Case("100k nested function expressions", false, Expect.TOO_DEEP, () -> rep("(function(){", N) + rep("})", N)),
            new Case("100k nested class methods", false, Expect.TOO_DEEP, () -> rep("class C{m(){", N) + rep("}}", N)),
            new Case("100k nested if statements", false, Expect.TOO_DEEP, () -> rep("if(a)", N) + ";"),
            // right-nested but flat: generated code has long else-if and conditional chains (issue 15, bug 8)
            new Case("100k else-if chain", false, Expect.FLAT, () -> "if(a);" + rep("else if(a);", N)),
            new Case("100k else-if chain with blocks", false, Expect.FLAT, () -> "if(a){}" + rep("else if(a){b()}", N) + "else{}"),
            new Case("100k nested while loops", false, Expect.TOO_DEEP, () -> rep("while(a)", N) + ";"),
            new Case("100k nested try blocks", false, Expect.TOO_DEEP, () -> rep("try{", N) + rep("}finally{}", N)),
            new Case("100k nested calls", false, Expect.TOO_DEEP, () -> rep("f(", N) + rep(")", N)),
            new Case("100k nested index expressions", false, Expect.TOO_DEEP, () -> rep("a[", N) + "a" + rep("]", N)),
            new Case("100k right-nested conditionals", false, Expect.FLAT, () -> rep("a?b:", N) + "a"),
            new Case("100k right-nested conditionals ending in an assignment", false, Expect.FLAT, () -> "x=" + rep("a?b:", N) + "c=d"),
            new Case("100k right-nested conditionals ending in an arrow", false, Expect.FLAT, () -> "x=" + rep("a?b:", N) + "()=>1"),
            new Case("100k else-if chain nested in conditionals", false, Expect.TOO_DEEP,
                () -> rep("a?function(){if(a);else if(b);else ", N) + "c"),
            new Case("100k middle-nested conditionals", false, Expect.TOO_DEEP, () -> rep("a?", N) + "b" + rep(":c", N)),
            new Case("100k chained assignments", false, Expect.TOO_DEEP, () -> rep("a=", N) + "a"),
            new Case("100k nested array patterns", false, Expect.TOO_DEEP, () -> "let " + rep("[", N) + "a" + rep("]", N) + " = b"),
            new Case("100k nested object patterns", false, Expect.TOO_DEEP, () -> "let " + rep("{a:", N) + "a" + rep("}", N) + " = b"),
            new Case("100k nested arrow parameter parentheses", false, Expect.TOO_DEEP, () -> rep("(", N) + "a" + rep(")", N) + "=>1"),
            new Case("100k nested computed keys", false, Expect.TOO_DEEP, () -> rep("({[", N) + "a" + rep("]:1})", N)),
            new Case("100k nested dynamic imports", false, Expect.TOO_DEEP, () -> rep("import(", N) + "a" + rep(")", N)),
            new Case("100k parenthesised class heritage", false, Expect.TOO_DEEP, () -> rep("(class extends ", N) + "a{}" + rep(")", N)),
            new Case("1 MB a+a+a chain", false, Expect.FLAT, () -> chain("a+", MB, "a")),
            new Case("1 MB a**a**a chain", false, Expect.FLAT, () -> chain("a**", MB, "a")),
            new Case("1 MB mixed-precedence chain", false, Expect.FLAT, () -> chain("a*b+c<d&&e||f|", MB, "g")),
            new Case("1 MB a.b.c member chain", false, Expect.FLAT, () -> "a" + chain(".b", MB, "")),
            new Case("1 MB a?.b optional chain", false, Expect.FLAT, () -> "a" + chain("?.b", MB, "")),
            new Case("1 MB call chain a()()()", false, Expect.FLAT, () -> "a" + chain("()", MB, "")),
            new Case("1 MB tagged template chain", false, Expect.FLAT, () -> "a" + chain("`x`", MB, "")),
            new Case("1 MB comma sequence", false, Expect.FLAT, () -> chain("a,", MB, "a")),
            new Case("1 MB statement list", false, Expect.FLAT, () -> chain("a;", MB, "")),
            new Case("100k nested regex groups", false, Expect.FLAT, () -> "x=/" + rep("(", N) + "a" + rep(")", N) + "/"));
    }

    private record Outcome(List<Diagnostic> diagnostics, int dumpLength, int nodes, List<String> violations, int length) {}

    private static Outcome parseAndDump(Case c) {
        String src = c.source().get();
        Arena arena = ParserTestSupport.parse(src, c.module());
        String dump = TreeDump.dump(arena);
        return new Outcome(ParserTestSupport.diagnostics(arena), dump.length(), arena.nodeCount(),
                ParserTestSupport.treeViolations(arena), src.length());
    }

    /** Runs on a fresh thread with the default stack size (stack size 0 = platform default). */
    private static Outcome onDefaultStackThread(Case c) throws InterruptedException {
        Outcome[] result = new Outcome[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = parseAndDump(c);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "t", 0);
        t.setDaemon(true);
        t.start();
        t.join();
        if (failure[0] != null) throw new AssertionError(failure[0].getClass().getSimpleName() + " while parsing " + c, failure[0]);
        return result[0];
    }

    private static void check(Case c, Outcome o) {
        String what = c + ": " + o.diagnostics();
        assertTrue(o.dumpLength() > 0, what);
        assertTrue(o.violations().isEmpty(), c + ": " + o.violations());
        switch (c.expect()) {
            case FLAT:
                if (c.name().startsWith("1 MB")) assertTrue(o.length() >= MB, "input really is 1 MB");
                assertEquals(List.of(), o.diagnostics(), c + " is flat: no diagnostics");
                break;
            case TOO_DEEP:
                assertEquals(1, ParserTestSupport.count(o.diagnostics(), Diag.NESTING_TOO_DEEP), what);
                assertTrue(o.diagnostics().size() <= 1 + MAX_DIAGNOSTICS_WHEN_TOO_DEEP, what);
                assertTrue(o.nodes() < 100_000, "the parser stops building when too deep: " + o.nodes() + " nodes");
                break;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void onADefaultStackThread(Case c) {
        Outcome o = assertTimeoutPreemptively(LIMIT, () -> onDefaultStackThread(c), c + " hangs");
        check(c, o);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void onTheTestThread(Case c) {
        // same thread (a preemptive timeout would move the parse to another thread); the preemptive
        // variant above catches hangs, the parser being deterministic
        Outcome o = assertTimeout(LIMIT, () -> {
            try {
                return parseAndDump(c);
            } catch (StackOverflowError e) {
                throw new AssertionError("StackOverflowError while parsing " + c, e);
            }
        });
        check(c, o);
    }
}
