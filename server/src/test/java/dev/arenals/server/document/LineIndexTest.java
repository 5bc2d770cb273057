package dev.arenals.server.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LineIndexTest {
    private static int[] starts(LineIndex index) {
        int[] out = new int[index.lineCount()];
        for (int i = 0; i < out.length; i++) out[i] = index.lineStart(i);
        return out;
    }

    @Test
    void lineBreaksAreLfCrlfAndCr() {
        LineIndex index = LineIndex.of("a\nb\r\nc\rd\u2028e");
        assertArrayEquals(new int[] {0, 2, 5, 7}, starts(index));
        assertEquals(0, index.lineOf(1));
        assertEquals(1, index.lineOf(3), "between \\r and \\n: still the line of the \\r");
        assertEquals(3, index.lineOf(100));
    }

    @Test
    void lineContentEndExcludesTheBreak() {
        String s = "ab\r\ncd\nef\rgh";
        LineIndex index = LineIndex.of(s);
        char[] c = s.toCharArray();
        assertEquals(2, index.lineContentEnd(c, c.length, 0));
        assertEquals(6, index.lineContentEnd(c, c.length, 1));
        assertEquals(9, index.lineContentEnd(c, c.length, 2));
        assertEquals(12, index.lineContentEnd(c, c.length, 3));
    }

    @Test
    void trailingBreaksMakeAnEmptyLastLine() {
        assertEquals(2, LineIndex.of("x\n").lineCount());
        assertEquals(2, LineIndex.of("x\r").lineCount());
        assertEquals(2, LineIndex.of("x\r\n").lineCount());
        assertEquals(1, LineIndex.of("").lineCount());
    }

    /** Random edits, heavy in line breaks: the incremental index always equals a rebuilt one. */
    @Test
    void incrementalEditsMatchARebuild() {
        Random random = new Random(7);
        String[] pieces = {"", "a", "\n", "\r", "\r\n", "\n\r", "xy\rz", "\r\r\n\n", "é😀"};
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder("start\r\nmiddle\rend\n");
            LineIndex index = LineIndex.of(text.toString());
            for (int step = 0; step < 100; step++) {
                int a = random.nextInt(text.length() + 1);
                int b = Math.min(text.length(), a + random.nextInt(4));
                String insert = pieces[random.nextInt(pieces.length)];
                text.replace(a, b, insert);
                char[] chars = text.toString().toCharArray();
                index.applyEdit(chars, chars.length, a, b, insert.length());
                int[] expected = starts(LineIndex.of(text.toString()));
                assertArrayEquals(expected, starts(index), () -> "after editing " + escape(text.toString()));
            }
        }
    }

    private static String escape(String s) { return s.replace("\r", "\\r").replace("\n", "\\n"); }
}
