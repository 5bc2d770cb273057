package dev.arenals.parser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.LineStarts.Terminators;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineStartsTest {
    @Test
    void lspLinesEndAtLfCrlfAndCrOnly() {
        LineStarts lines = LineStarts.of("a\nb\r\nc\rd\u2028e\u2029f", Terminators.LSP);
        assertArrayEquals(new int[] {0, 2, 5, 7}, lines.toArray());
        assertEquals(0, lines.lineOf(1));
        assertEquals(1, lines.lineOf(3), "between \\r and \\n: still the line of the \\r");
        assertEquals(3, lines.lineOf(100));
    }

    @Test
    void ecmaScriptLinesAlsoEndAtTheUnicodeSeparators() {
        LineStarts lines = LineStarts.of("a\nb\r\nc\rd\u2028e\u2029f", Terminators.ECMASCRIPT);
        assertArrayEquals(new int[] {0, 2, 5, 7, 9, 11}, lines.toArray());
        char[] c = "a\nb\r\nc\rd\u2028e\u2029f".toCharArray();
        assertEquals(8, lines.lineContentEnd(c, c.length, 3));
        assertEquals(10, lines.lineContentEnd(c, c.length, 4));
    }

    @Test
    void theRulesDifferOnlyInTheUnicodeSeparators() {
        for (char ch = 0; ch < 0xFFFF; ch++) {
            boolean unicodeSeparator = ch == '\u2028' || ch == '\u2029';
            assertEquals(Terminators.LSP.isTerminator(ch) || unicodeSeparator, Terminators.ECMASCRIPT.isTerminator(ch), "char " + (int) ch);
            assertEquals(ch == '\n' || ch == '\r', Terminators.LSP.isTerminator(ch), "char " + (int) ch);
        }
    }

    @Test
    void lineContentEndExcludesTheTerminator() {
        String s = "ab\r\ncd\nef\rgh";
        char[] c = s.toCharArray();
        for (Terminators rule : Terminators.values()) {
            LineStarts lines = LineStarts.of(s, rule);
            assertEquals(2, lines.lineContentEnd(c, c.length, 0));
            assertEquals(6, lines.lineContentEnd(c, c.length, 1));
            assertEquals(9, lines.lineContentEnd(c, c.length, 2));
            assertEquals(12, lines.lineContentEnd(c, c.length, 3));
        }
    }

    @Test
    void trailingTerminatorsMakeAnEmptyLastLine() {
        assertEquals(2, LineStarts.of("x\n", Terminators.LSP).lineCount());
        assertEquals(2, LineStarts.of("x\r", Terminators.LSP).lineCount());
        assertEquals(2, LineStarts.of("x\r\n", Terminators.LSP).lineCount());
        assertEquals(1, LineStarts.of("x\u2028", Terminators.LSP).lineCount());
        assertEquals(2, LineStarts.of("x\u2028", Terminators.ECMASCRIPT).lineCount());
        assertEquals(1, LineStarts.of("", Terminators.LSP).lineCount());
    }

    @Test
    void aPartialTableHoldsTheLinesUpToTheOffsetAndFindsTheLastLinesEnd() {
        String s = "one\ntwo\nthree\nfour";
        char[] c = s.toCharArray();
        LineStarts lines = new LineStarts(Terminators.ECMASCRIPT);
        lines.rebuild(c, c.length, 9); // inside "three"
        assertArrayEquals(new int[] {0, 4, 8}, lines.toArray());
        assertEquals(13, lines.lineContentEnd(c, c.length, 2), "the end of \"three\", found by scanning");
        lines.rebuild(c, c.length, 8); // the first char of "three": its line is included
        assertEquals(3, lines.lineCount());
        lines.rebuild(c, c.length);
        assertEquals(4, lines.lineCount());
        assertEquals(18, lines.lineContentEnd(c, c.length, 3));
    }

    /** Random edits, heavy in terminators: the incremental table always equals a rebuilt one, under both rules. */
    @Test
    void incrementalEditsMatchARebuild() {
        Random random = new Random(7);
        String[] pieces = {"", "a", "\n", "\r", "\r\n", "\n\r", "xy\rz", "\r\r\n\n", "é😀", "\u2028", "\r\u2029\n"};
        for (Terminators rule : Terminators.values()) {
            for (int round = 0; round < 200; round++) {
                StringBuilder text = new StringBuilder("start\r\nmiddle\rend\n");
                LineStarts lines = LineStarts.of(text, rule);
                for (int step = 0; step < 100; step++) {
                    int a = random.nextInt(text.length() + 1);
                    int b = Math.min(text.length(), a + random.nextInt(4));
                    String insert = pieces[random.nextInt(pieces.length)];
                    text.replace(a, b, insert);
                    char[] chars = text.toString().toCharArray();
                    lines.applyEdit(chars, chars.length, a, b, insert.length());
                    int[] expected = LineStarts.of(text, rule).toArray();
                    assertArrayEquals(expected, lines.toArray(), () -> rule + " after editing " + escape(text.toString()));
                }
            }
        }
    }

    @Test
    void startsLineAtIsTheRuleTheTableFollows() {
        char[] c = "a\r\nb".toCharArray();
        assertFalse(Terminators.LSP.startsLineAt(c, c.length, 2), "between \\r and \\n");
        assertTrue(Terminators.LSP.startsLineAt(c, c.length, 3));
    }

    private static String escape(String s) { return s.replace("\r", "\\r").replace("\n", "\\n").replace("\u2028", "\\u2028"); }
}
