package dev.arenals.check;

import java.lang.reflect.Field;
import java.nio.ByteOrder;

/**
 * Copies runs of ASCII bytes into a char buffer, eight bytes per step.
 *
 * <p>Source files are almost all ASCII, so this copy is most of the decoding, and decoding was a
 * tenth of a {@code check}'s CPU. {@code check} runs compiled by C1 only, which neither vectorizes
 * nor intrinsifies the JDK's own byte-to-char widening; a loop of one byte at a time costs
 * 1.2 ns a byte there. This one reads eight bytes as a {@code long}, tests their high bits in one
 * AND, spreads them to eight 16-bit chars with shifts and writes those as two {@code long}s:
 * 0.4 ns a byte. The word access goes through {@code sun.misc.Unsafe}, which C1 compiles to plain
 * loads and stores; where it is missing or the platform is big-endian, the byte loop does it all.
 */
final class Ascii {
    private Ascii() {}

    private static final sun.misc.Unsafe UNSAFE = littleEndianUnsafe();
    private static final long BYTES = UNSAFE == null ? 0 : UNSAFE.arrayBaseOffset(byte[].class);
    private static final long CHARS = UNSAFE == null ? 0 : UNSAFE.arrayBaseOffset(char[].class);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;

    private static sun.misc.Unsafe littleEndianUnsafe() {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) return null;
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            sun.misc.Unsafe u = (sun.misc.Unsafe) f.get(null);
            // the word loop assumes one byte and two bytes per element
            if (u.arrayIndexScale(byte[].class) != 1 || u.arrayIndexScale(char[].class) != 2) return null;
            return u;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Whether the eight-bytes-a-step path is in use (false only on unusual platforms). */
    static boolean wordAtATime() {
        return UNSAFE != null;
    }

    /**
     * Copies {@code b[from, to)} to {@code dst} from index {@code at} for as long as the bytes are
     * ASCII (0x00..0x7F), one char per byte. Returns the index of the first byte that is not ASCII,
     * or {@code to} when all are.
     *
     * @throws IndexOutOfBoundsException when either range does not fit its array; checked once
     *     here, because the word loop's accesses are not checked
     */
    static int widen(byte[] b, int from, int to, char[] dst, int at) {
        return widen(b, from, to, dst, at, 0);
    }

    /** {@link #widen}, stopping also at a NUL byte (the start of a file is searched for one). */
    static int widenUntilNul(byte[] b, int from, int to, char[] dst, int at) {
        return widen(b, from, to, dst, at, HIGH_BITS);
    }

    /**
     * The word loop: a word stops it when a byte has its high bit set or, with {@code nulMask} set
     * to the high bits, when a byte is zero. Subtracting one from each byte borrows (sets the high
     * bit) only in a zero byte or above one, and the first such byte is where the byte loop stops.
     */
    private static int widen(byte[] b, int from, int to, char[] dst, int at, long nulMask) {
        if (from < 0 || to > b.length || from > to || at < 0 || at > dst.length - (to - from)) {
            throw new IndexOutOfBoundsException("bytes [" + from + ", " + to + ") of " + b.length
                    + " into chars from " + at + " of " + dst.length);
        }
        int i = from;
        if (UNSAFE != null) {
            sun.misc.Unsafe u = UNSAFE;
            long src = BYTES + from;
            long out = CHARS + 2L * at;
            int words = (to - from) >>> 3;
            for (int w = 0; w < words; w++) {
                long v = u.getLong(b, src);
                if (((v | ((v - ONES) & nulMask)) & HIGH_BITS) != 0) break;
                u.putLong(dst, out, spread(v & 0xFFFFFFFFL));
                u.putLong(dst, out + 8, spread(v >>> 32));
                src += 8;
                out += 16;
            }
            i = (int) (src - BYTES);
        }
        int j = at + (i - from);
        int stopBelow = nulMask == 0 ? 0 : 1;
        while (i < to) {
            byte x = b[i];
            if (x < stopBelow) break;
            dst[j++] = (char) x;
            i++;
        }
        return i;
    }

    /** Four bytes in the low half of {@code v} to four 16-bit lanes, lowest byte in the lowest lane. */
    private static long spread(long v) {
        v = (v | (v << 16)) & 0x0000FFFF0000FFFFL;
        return (v | (v << 8)) & 0x00FF00FF00FF00FFL;
    }
}
