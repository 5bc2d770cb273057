package dev.arenals.parser.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.TreeDump;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SourceTextTest {
    /** A line of plain ASCII code, as most lines are. */
    private static final String PLAIN = "let y = 1; // a plain line of code, as most are\n";

    /** Every way of reading {@code t} gives {@code expected}'s chars. */
    private static void assertReads(String expected, SourceText t) {
        assertEquals(expected.length(), t.length());
        for (int i = 0; i < expected.length(); i++) assertEquals(expected.charAt(i), t.charAt(i), "char " + i);
        assertEquals(expected, t.toString());
        for (int from = 0; from <= expected.length(); from += Math.max(1, expected.length() / 7)) {
            int to = Math.min(expected.length(), from + 5);
            assertEquals(expected.substring(from, to), t.substring(from, to));
            char[] c = new char[to - from + 2];
            t.getChars(from, to, c, 1);
            assertEquals(expected.substring(from, to), new String(c, 1, to - from));
            assertEquals("<" + expected.substring(from, to), t.appendTo(new StringBuilder("<"), from, to).toString());
        }
    }

    @Test
    void aLatin1TextIsHeldOneBytePerChar() {
        String s = "const café = 'naïve ×²';\n".repeat(100);
        SourceText t = SourceText.of(s);
        assertTrue(t.isLatin1());
        assertEquals(0, t.rareCount());
        assertTrue(t.bytesReserved() <= s.length() + 64, "one byte a char: " + t.bytesReserved());
        assertReads(s, t);
    }

    @Test
    void aFewCharsPastLatin1AreHeldAsideAndReadInPlace() {
        // lib.dom.d.ts's case: Latin-1 but for em dashes and the like in comments; NUL is held aside too
        String s = ("/** a — b – c … d */ let x = '\0';\n" + PLAIN.repeat(6)).repeat(50) + "let π = \"\uD83D\uDE00\";";
        SourceText t = SourceText.of(s);
        assertTrue(t.isLatin1(), "a few rare chars keep the one-byte form");
        assertEquals(50 * 4 + 3, t.rareCount());
        assertReads(s, t);
    }

    @Test
    void aTextOfManyCharsPastLatin1IsUtf16() {
        String s = "// 日本語のコメント\nlet a = 1;\n".repeat(200);
        SourceText t = SourceText.of(s);
        assertFalse(t.isLatin1());
        assertReads(s, t);
    }

    @Test
    void editsKeepTheOneByteFormUntilOneBringsInARareChar() {
        Random random = new Random(22);
        String[] latin1Pieces = {"", "a", "\n", "é", "xyz;", "\r\n", "ÿ"};
        String start = ("/* — */ let a = 1; // – end\n" + PLAIN.repeat(3)).repeat(30);
        for (int run = 0; run < 20; run++) {
            StringBuilder model = new StringBuilder(start);
            SourceText t = SourceText.of(start);
            for (int i = 0; i < 200; i++) {
                int a = random.nextInt(model.length() + 1);
                int b = Math.min(model.length(), a + random.nextInt(6));
                String piece = latin1Pieces[random.nextInt(latin1Pieces.length)];
                model.replace(a, b, piece);
                t.replace(a, b, piece);
                assertTrue(t.isLatin1(), "Latin-1 edits keep the form");
                assertReads(model.toString(), t);
            }
            int at = random.nextInt(model.length() + 1);
            model.insert(at, "—");
            t.replace(at, at, "—");
            assertFalse(t.isLatin1(), "an edit bringing in a char past Latin-1 switches to UTF-16");
            assertReads(model.toString(), t);
            model.delete(at, at + 1);
            t.replace(at, at + 1, "");
            assertFalse(t.isLatin1(), "and stays UTF-16 (switching back is not needed)");
            assertReads(model.toString(), t);
        }
    }

    @Test
    void aNulTypedIntoAOneByteTextSwitchesItToo() {
        SourceText t = SourceText.of("let a;");
        t.replace(3, 3, "\0");
        assertFalse(t.isLatin1());
        assertReads("let\0 a;", t);
    }

    @Test
    void theTreeIsTheSameInEitherForm() {
        String s = "/** Returns the node — or null … */\nfunction find(π: number, naïve = '—'): string { return `×${π}—` }\n"
                + "const o = { 'key — with dash': 1, ['\uD83D\uDE00']: 2 };\n";
        for (String name : new String[] {"a.ts", "a.js"}) {
            ParseOptions options = ParseOptions.forFileName(name);
            Arena oneByte = new Arena();
            new JsParser().parse(oneByte, s, options);
            assertTrue(oneByte.source().isLatin1(), "the arena's own copy is one byte per char");
            Arena utf16 = new Arena();
            char[] chars = s.toCharArray();
            new JsParser().parseInPlace(utf16, chars, chars.length, options);
            assertFalse(utf16.source().isLatin1());
            assertEquals(TreeDump.dump(utf16), TreeDump.dump(oneByte), name);
        }
    }
}
