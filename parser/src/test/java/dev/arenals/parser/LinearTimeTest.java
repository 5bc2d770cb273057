package dev.arenals.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.lexer.Literals;
import dev.arenals.parser.scope.Binder;
import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NameTable;
import java.util.function.IntFunction;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Inputs that took quadratic time (issue 15, bug 7) must take linear time. Each case runs at size
 * n and 8n and asserts the ratio of the best of five times stays under 24: linear work gives 8 (a
 * little more once the input outgrows a cache), quadratic 64. A bound on the growth ratio, not on time, so a slow machine cannot fail it, and a
 * generous one, so a noisy machine does not either. The name table is checked by its probe
 * distances, which are exact.
 */
class LinearTimeTest {
    private static final double MAX_RATIO = 24;
    /** Reused, as in the server and check: a fresh arena per run would time the allocator and the GC. */
    private final JsParser parser = new JsParser();
    private final Arena arena = new Arena();
    private final Binder binder = new Binder();
    private final ScopeTable scopes = new ScopeTable();

    private Arena parse(String src) {
        parser.parse(arena, src, ParseOptions.script());
        return arena;
    }

    /** Sequential names: a0, a1, … */
    private static String sequentialNames(int n) {
        StringBuilder out = new StringBuilder("var ");
        for (int i = 0; i < n; i++) out.append(i == 0 ? "" : ",").append('a').append(i);
        return out.append(';').toString();
    }

    /** A minifier's names: every one- to four-letter name over [a-zA-Z], in order. */
    private static String minifiedNames(int n) {
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        StringBuilder out = new StringBuilder("var ");
        for (int i = 0; i < n; i++) {
            if (i > 0) out.append(',');
            int k = i;
            StringBuilder name = new StringBuilder();
            do {
                name.append(letters.charAt(k % 52));
                k /= 52;
            } while (k > 0);
            out.append(name.reverse()).append('$');
        }
        return out.append(';').toString();
    }

    @Test
    void sequentialAndMinifiedNamesSpreadOverTheNameTable() {
        for (String src : new String[] {sequentialNames(128_000), minifiedNames(128_000)}) {
            Arena arena = ParserTestSupport.parse(src);
            NameTable names = arena.names();
            assertTrue(names.size() >= 128_000, "every name interned: " + names.size());
            // linear probing at load ≤ 1/2 averages 0.5 slots for a random hash; before the fix, 3 (minified) and hundreds (sequential)
            long mean = names.meanProbeDistanceMillis();
            assertTrue(mean < 1000, "mean probe distance " + mean / 1000.0 + " slots");
        }
        assertLinear("sequential names", LinearTimeTest::sequentialNames, 16_000, this::parse);
        assertLinear("minified names", LinearTimeTest::minifiedNames, 16_000, this::parse);
    }

    @Test
    void duplicateNamedRegexGroupsAreCheckedInLinearTime() {
        assertLinear("alternatives with one group name", n -> "x = /" + "(?<a>x)|".repeat(n) + "(?<a>y)/;", 20_000,
                this::parseWithoutErrors);
        assertLinear("distinct group names", n -> {
            StringBuilder out = new StringBuilder("x = /");
            for (int i = 0; i < n; i++) out.append("(?<g").append(i).append(">x)");
            return out.append("/;").toString();
        }, 20_000, this::parseWithoutErrors);
        assertLinear("nested alternatives with one group name", n -> "x = /(?:" + "(?<a>x)|(?:".repeat(n) + "y" + ")".repeat(n + 1) + "/;",
                5_000, this::parse);
    }

    @Test
    void duplicateExportsAreCheckedInLinearTime() {
        assertLinear("exported names", n -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < n; i++) out.append("export const e").append(i).append(" = ").append(i).append(";\n");
            return out.toString();
        }, 20_000, src -> {
            parser.parse(arena, src, ParseOptions.module());
            binder.bind(arena, scopes);
            assertEquals(0, arena.log().diagnosticCount());
        });
    }

    @Test
    void literalValuesAreLinearInTheLiteralsLength() {
        assertLinear("hexadecimal number", n -> "0x" + "F".repeat(n), 25_000, src -> {
            assertEquals(Double.POSITIVE_INFINITY, Literals.numberValue(src.toCharArray(), 0, src.length()));
        });
        assertLinear("decimal number", n -> "1".repeat(n), 25_000, src -> Literals.numberValue(src.toCharArray(), 0, src.length()));
        assertLinear("decimal bigint", n -> "9".repeat(n) + "n", 25_000, src -> {
            assertEquals(src.length() - 1, Literals.bigintDecimal(src.toCharArray(), 0, src.length()).length());
        });
        assertLinear("string with escapes", n -> "'" + "\\u0041\\x41\\n".repeat(n) + "'", 20_000,
                src -> Literals.cookString(src.toCharArray(), 0, src.length()));
        // hexadecimal bigints go through BigInteger's sub-quadratic decimal conversion
        assertEquals("255", Literals.bigintDecimal("0xFFn".toCharArray(), 0, 5));
        assertEquals("1" + "0".repeat(30), Literals.bigintDecimal(("0x" + new java.math.BigInteger("1" + "0".repeat(30)).toString(16) + "n").toCharArray(),
                0, 2 + new java.math.BigInteger("1" + "0".repeat(30)).toString(16).length() + 1));
        assertEquals(0x1p60, Literals.numberValue(("0x1" + "0".repeat(15)).toCharArray(), 0, 18));
        assertEquals(1e300, Literals.numberValue(("1" + "0".repeat(300)).toCharArray(), 0, 301));
        assertEquals(Double.POSITIVE_INFINITY, Literals.numberValue(("0x" + "0".repeat(1000) + "1" + "0".repeat(256)).toCharArray(), 0, 1259));
        assertEquals(0x1p1020, Literals.numberValue(("0x" + "0".repeat(1000) + "1" + "0".repeat(255)).toCharArray(), 0, 1258));
    }

    private void parseWithoutErrors(String src) {
        parse(src);
        assertEquals(0, arena.log().diagnosticCount(), () -> ParserTestSupport.diagnostics(arena).toString());
    }

    /**
     * A ratio over the bound is measured again, up to three times in all: quadratic work exceeds it
     * every time, a busy machine (another process, a GC) only now and then.
     */
    private static void assertLinear(String what, IntFunction<String> input, int n, Consumer<String> work) {
        String small = input.apply(n), large = input.apply(8 * n);
        for (int i = 0; i < 10; i++) work.accept(small); // warm up
        StringBuilder attempts = new StringBuilder();
        for (int attempt = 1; attempt <= 3; attempt++) {
            long t1 = best(small, work), t8 = best(large, work);
            double ratio = (double) t8 / Math.max(1, t1);
            System.out.printf("linear time, %s: n=%d %.2f ms, 8n %.2f ms, ratio %.1f%n", what, n, t1 / 1e6, t8 / 1e6, ratio);
            if (ratio < MAX_RATIO) return;
            attempts.append(String.format(" %.1f (%.2f → %.2f ms)", ratio, t1 / 1e6, t8 / 1e6));
        }
        throw new AssertionError(what + ": 8× the input took more than " + MAX_RATIO + "× the time in three measurements:" + attempts);
    }

    /** The best of five timings of {@code work}, each repeated until it has run for 20 ms or more. */
    private static long best(String src, Consumer<String> work) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime(), elapsed;
            int runs = 0;
            do {
                work.accept(src);
                runs++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < 20_000_000L);
            best = Math.min(best, elapsed / runs);
        }
        return best;
    }
}
