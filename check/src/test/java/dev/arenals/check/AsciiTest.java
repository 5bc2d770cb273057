package dev.arenals.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ascii.widen copies exactly the ASCII prefix of a byte range, wherever it starts and stops. */
class AsciiTest {
    /** What widen (and, with untilNul, widenUntilNul) must do, one byte at a time. */
    private static int reference(byte[] b, int from, int to, char[] dst, int at, boolean untilNul) {
        int i = from;
        while (i < to && b[i] >= (untilNul ? 1 : 0)) dst[at + (i - from)] = (char) b[i++];
        return i;
    }

    @Test
    void theWordLoopIsInUseOnThisPlatform() {
        // x86-64 and aarch64 are little-endian with sun.misc.Unsafe: the tests below cover the word loop
        assertTrue(Ascii.wordAtATime());
    }

    @Test
    void stopsAtTheFirstNonAsciiByteWhereverItIs() {
        compareWithTheByteLoop(false);
    }

    @Test
    void widenUntilNulStopsAtTheFirstNulOrNonAsciiByte() {
        compareWithTheByteLoop(true);
    }

    private static void compareWithTheByteLoop(boolean untilNul) {
        Random random = new Random(untilNul ? 7 : 6);
        for (int round = 0; round < 20_000; round++) {
            int length = random.nextInt(70);
            byte[] b = new byte[length];
            // mostly 1..127, with a 0x01 now and then (it borrows when a NUL is below it)
            for (int i = 0; i < length; i++) b[i] = (byte) (random.nextInt(8) == 0 ? 1 : 1 + random.nextInt(127));
            if (length > 0 && random.nextInt(3) != 0) b[random.nextInt(length)] = (byte) (0x80 | random.nextInt(128));
            if (length > 0 && random.nextInt(3) != 0) b[random.nextInt(length)] = 0;
            int from = length == 0 ? 0 : random.nextInt(length + 1);
            int to = from + random.nextInt(length - from + 1);
            int at = random.nextInt(9);
            char[] expected = new char[at + (to - from) + random.nextInt(3)];
            char[] actual = new char[expected.length];
            Arrays.fill(expected, '#');
            Arrays.fill(actual, '#');
            int e = reference(b, from, to, expected, at, untilNul);
            int a = untilNul ? Ascii.widenUntilNul(b, from, to, actual, at) : Ascii.widen(b, from, to, actual, at);
            assertEquals(e, a, "stop index");
            assertArrayEquals(expected, actual, "chars written (and none beyond the run)");
        }
    }

    @Test
    void copiesEveryAsciiValueIncludingNul() {
        byte[] b = new byte[128 * 3];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (i % 128);
        char[] dst = new char[b.length];
        assertEquals(b.length, Ascii.widen(b, 0, b.length, dst, 0));
        for (int i = 0; i < b.length; i++) assertEquals(i % 128, dst[i]);
    }

    @Test
    void rangesOutsideTheArraysAreRejectedBeforeAnyAccess() {
        byte[] b = new byte[16];
        char[] dst = new char[16];
        assertThrows(IndexOutOfBoundsException.class, () -> Ascii.widen(b, 0, 17, new char[17], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> Ascii.widen(b, -1, 8, dst, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> Ascii.widen(b, 9, 8, dst, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> Ascii.widen(b, 0, 16, dst, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> Ascii.widen(b, 0, 16, new char[15], 0));
        assertEquals(16, Ascii.widen(b, 0, 16, dst, 0));
    }
}
