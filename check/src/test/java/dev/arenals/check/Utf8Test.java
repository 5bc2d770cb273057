package dev.arenals.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Utf8 accepts, decodes and rejects exactly as the JDK's strict UTF-8 decoder does. */
class Utf8Test {
    /** The JDK's answer: the decoded text, or "error at N". */
    private static String jdk(byte[] b) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(b.length + 1);
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) r = d.flush(out);
        if (r.isError()) return "error at " + in.position();
        return new String(out.array(), 0, out.position());
    }

    private static String ours(byte[] b) {
        char[] dst = new char[b.length + 3];
        int n = Utf8.decode(b, 0, b.length, dst, 0);
        return n < 0 ? "error at " + (-1 - n) : new String(dst, 0, n);
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) b[i] = (byte) v[i];
        return b;
    }

    @Test
    void wellFormedTextOfEveryLengthDecodesAsTheJdkDoes() {
        String text = "a → b ∀x: ünïcödé 𝔘 \u2028 end \uD83D\uDE00";
        assertEquals(text, ours(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eachKindOfMalformedSequenceIsReportedAtItsFirstByte() {
        int[][] cases = {
            {'a', 0x80},                 // a lone continuation byte
            {'a', 0xC0, 0x80},           // overlong 2-byte
            {0xC1, 0xBF},                // overlong 2-byte
            {0xE0, 0x80, 0x80},          // overlong 3-byte
            {0xED, 0xA0, 0x80},          // a surrogate
            {0xF0, 0x80, 0x80, 0x80},    // overlong 4-byte
            {0xF4, 0x90, 0x80, 0x80},    // above U+10FFFF
            {0xF5, 0x80, 0x80, 0x80},    // never a lead byte
            {'x', 0xE2, 0x82},           // truncated at the end
            {0xE2, 'A', 0x82},           // a continuation missing
            {0xF0, 0x9F, 0x98},          // truncated 4-byte
        };
        for (int[] c : cases) {
            byte[] b = bytes(c);
            String expected = jdk(b);
            assertTrue(expected.startsWith("error"), Arrays.toString(c));
            assertEquals(expected, ours(b), Arrays.toString(c));
        }
    }

    @Test
    void randomBytesNearTheBoundariesAgreeWithTheJdk() {
        // bytes drawn mostly from the interesting values, so both well-formed and malformed input occur
        int[] pool = {'a', 'z', '\n', 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
                      0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
        Random r = new Random(42);
        int valid = 0;
        for (int round = 0; round < 200_000; round++) {
            byte[] b = new byte[1 + r.nextInt(8)];
            for (int i = 0; i < b.length; i++) b[i] = (byte) pool[r.nextInt(pool.length)];
            String expected = jdk(b);
            if (!expected.startsWith("error")) valid++;
            assertEquals(expected, ours(b), () -> "bytes " + Arrays.toString(b));
        }
        assertTrue(valid > 1_000, "the generator also makes well-formed input: " + valid);
    }
}
