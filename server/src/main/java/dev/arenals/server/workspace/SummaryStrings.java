package dev.arenals.server.workspace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;

/**
 * The strings of one {@link FileSummary} (names, specifiers, signatures' text) in one array: Latin-1
 * bytes when every character fits, else UTF-16 chars, with the end offset of each string. A
 * summary refers to its strings by index; a String is made only when a reader asks for one. Each
 * distinct string is kept once per file. Immutable once built.
 */
final class SummaryStrings {
    static final SummaryStrings EMPTY = new SummaryStrings(new byte[0], null, new int[0]);

    /** One of the two is null. */
    private final byte[] latin1;
    private final char[] utf16;
    private final int[] ends;

    private SummaryStrings(byte[] latin1, char[] utf16, int[] ends) {
        this.latin1 = latin1;
        this.utf16 = utf16;
        this.ends = ends;
    }

    int size() { return ends.length; }

    private int start(int i) { return i == 0 ? 0 : ends[i - 1]; }

    int length(int i) { return ends[i] - start(i); }

    char charAt(int i, int k) {
        int at = start(i) + k;
        return latin1 != null ? (char) (latin1[at] & 0xFF) : utf16[at];
    }

    /** String {@code i}, made now; null for -1. */
    String get(int i) {
        if (i < 0) return null;
        int start = start(i), length = ends[i] - start;
        return latin1 != null ? new String(latin1, start, length, StandardCharsets.ISO_8859_1) : new String(utf16, start, length);
    }

    /** Whether string {@code i} is {@code s} (-1 is null), without making a String. */
    boolean equals(int i, String s) {
        if (i < 0 || s == null) return i < 0 && s == null;
        int start = start(i), length = ends[i] - start;
        if (length != s.length()) return false;
        if (latin1 != null) {
            for (int k = 0; k < length; k++) if ((latin1[start + k] & 0xFF) != s.charAt(k)) return false;
        } else {
            for (int k = 0; k < length; k++) if (utf16[start + k] != s.charAt(k)) return false;
        }
        return true;
    }

    /** Whether string {@code i} starts with {@code prefix}, then a '.', and nothing else follows it but {@code rest} (-1: no string). */
    boolean equalsJoined(int i, String prefix, String rest) {
        if (i < 0) return false;
        int length = length(i);
        if (length != prefix.length() + 1 + rest.length() || charAt(i, prefix.length()) != '.') return false;
        for (int k = 0; k < prefix.length(); k++) if (charAt(i, k) != prefix.charAt(k)) return false;
        for (int k = 0; k < rest.length(); k++) if (charAt(i, prefix.length() + 1 + k) != rest.charAt(k)) return false;
        return true;
    }

    /** A view of string {@code i} (no copy). */
    CharSequence chars(int i) { return new View(i); }

    private final class View implements CharSequence {
        private final int index;

        View(int index) { this.index = index; }

        @Override public int length() { return SummaryStrings.this.length(index); }
        @Override public char charAt(int k) { return SummaryStrings.this.charAt(index, k); }
        @Override public CharSequence subSequence(int from, int to) { return toString().subSequence(from, to); }
        @Override public String toString() { return get(index); }
    }

    /** Collects the strings of one summary, each distinct one once. Not thread-safe. */
    static final class Builder {
        private final HashMap<String, Integer> indexOf = new HashMap<>();
        private final StringBuilder text = new StringBuilder();
        private int[] ends = new int[16];
        private int count;
        private boolean wide;

        /** The index of {@code s} (added when new); -1 for null. */
        int add(String s) {
            if (s == null) return -1;
            Integer known = indexOf.get(s);
            if (known != null) return known;
            for (int k = 0, n = s.length(); k < n && !wide; k++) if (s.charAt(k) > 0xFF) wide = true;
            text.append(s);
            if (count == ends.length) ends = Arrays.copyOf(ends, count * 2);
            ends[count] = text.length();
            indexOf.put(s, count);
            return count++;
        }

        SummaryStrings build() {
            if (count == 0) return EMPTY;
            int n = text.length();
            if (wide) {
                char[] chars = new char[n];
                text.getChars(0, n, chars, 0);
                return new SummaryStrings(null, chars, Arrays.copyOf(ends, count));
            }
            byte[] bytes = new byte[n];
            for (int k = 0; k < n; k++) bytes[k] = (byte) text.charAt(k);
            return new SummaryStrings(bytes, null, Arrays.copyOf(ends, count));
        }
    }
}
