package dev.arenals.check;

/**
 * Strict UTF-8 to UTF-16 decoding into a caller's buffer, for source files.
 *
 * <p>It accepts and rejects exactly what the JDK's UTF-8 decoder with {@code REPORT} does: no
 * overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequence. A bad sequence is
 * reported at its first byte, where the JDK reports it too. We decode ourselves because the JDK's
 * loop leaves its ASCII fast path at the first non-ASCII character for good, and source files are
 * ASCII with a few exceptions (an arrow in a comment, a name in a string): here every ASCII run
 * after one is copied eight bytes at a time again ({@link Ascii}). It also allocates nothing.
 */
final class Utf8 {
    private Utf8() {}

    /**
     * Decodes {@code b[from, to)} into {@code dst} from index {@code at}; {@code dst} must have room
     * for {@code to - from} more chars. Returns the index after the last char written, or
     * {@code -1 - i} when the sequence starting at byte {@code i} is not well-formed UTF-8.
     */
    static int decode(byte[] b, int from, int to, char[] dst, int at) {
        int i = from;
        int j = at;
        while (i < to) {
            int x = b[i];
            if (x >= 0) {
                int k = Ascii.widen(b, i, to, dst, j);
                j += k - i;
                i = k;
                continue;
            }
            int lead = x & 0xFF;
            if (lead < 0xC2) return -1 - i;                       // a continuation byte, or an overlong 2-byte form
            if (lead < 0xE0) {
                if (i + 1 >= to) return -1 - i;
                int b1 = b[i + 1];
                if ((b1 & 0xC0) != 0x80) return -1 - i;
                dst[j++] = (char) (((lead & 0x1F) << 6) | (b1 & 0x3F));
                i += 2;
            } else if (lead < 0xF0) {
                if (i + 2 >= to) return -1 - i;
                int b1 = b[i + 1] & 0xFF;
                int b2 = b[i + 2];
                if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return -1 - i;
                if (lead == 0xE0 && b1 < 0xA0) return -1 - i;     // overlong
                if (lead == 0xED && b1 >= 0xA0) return -1 - i;    // a surrogate
                dst[j++] = (char) (((lead & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F));
                i += 3;
            } else if (lead < 0xF5) {
                if (i + 3 >= to) return -1 - i;
                int b1 = b[i + 1] & 0xFF;
                int b2 = b[i + 2];
                int b3 = b[i + 3];
                if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80 || (b3 & 0xC0) != 0x80) return -1 - i;
                if (lead == 0xF0 && b1 < 0x90) return -1 - i;     // overlong
                if (lead == 0xF4 && b1 >= 0x90) return -1 - i;    // above U+10FFFF
                int cp = ((lead & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F);
                dst[j++] = Character.highSurrogate(cp);
                dst[j++] = Character.lowSurrogate(cp);
                i += 4;
            } else {
                return -1 - i;                                      // F5..FF never occur
            }
        }
        return j;
    }
}
