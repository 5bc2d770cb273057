package dev.arenals.server.workspace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The strings of one {@link FileSummary} (names, specifiers, signatures' text) in one array: Latin-1
 * bytes when every character fits, else UTF-16 chars, with the end offset of each string. A
 * summary refers to its strings by index; a String is made only when a reader asks for one. Each
 * distinct string is kept once per file. Immutable once built.
 */
final class SummaryStrings {
    static final SummaryStrings EMPTY = new SummaryStrings(new byte[0], null, null, 0, 0);

    /** One of the two is null. */
    private final byte[] latin1;
    private final char[] utf16;
    /** The end offset of each string, kept in the summary's columns from {@link #endsAt} (no array of their own). */
    private final Object columns;
    private final int endsAt, count;

    private SummaryStrings(byte[] latin1, char[] utf16, Object columns, int endsAt, int count) {
        this.latin1 = latin1;
        this.utf16 = utf16;
        this.columns = columns;
        this.endsAt = endsAt;
        this.count = count;
    }

    int size() { return count; }

    // the parts as kept, for SummaryCache (the columns are the summary's own)
    byte[] latin1() { return latin1; }

    char[] utf16() { return utf16; }

    int endsAt() { return endsAt; }

    /** A table read back from its parts (one of {@code latin1} and {@code utf16} null, or both for none). */
    static SummaryStrings of(byte[] latin1, char[] utf16, Object columns, int endsAt, int count) {
        if (count == 0) return EMPTY;
        return new SummaryStrings(latin1, utf16, columns, endsAt, count);
    }

    private int end(int i) { return Columns.getWide(columns, endsAt, i); }

    private int start(int i) { return i == 0 ? 0 : end(i - 1); }

    int length(int i) { return end(i) - start(i); }

    char charAt(int i, int k) {
        int at = start(i) + k;
        return latin1 != null ? (char) (latin1[at] & 0xFF) : utf16[at];
    }

    /** String {@code i}, made now; null for -1. */
    String get(int i) {
        if (i < 0) return null;
        int start = start(i), length = end(i) - start;
        return latin1 != null ? new String(latin1, start, length, StandardCharsets.ISO_8859_1) : new String(utf16, start, length);
    }

    /** Whether string {@code i} is {@code s} (-1 is null), without making a String. */
    boolean equals(int i, String s) {
        if (i < 0 || s == null) return i < 0 && s == null;
        int start = start(i), length = end(i) - start;
        if (length != s.length()) return false;
        if (latin1 != null) {
            for (int k = 0; k < length; k++) if ((latin1[start + k] & 0xFF) != s.charAt(k)) return false;
        } else {
            for (int k = 0; k < length; k++) if (utf16[start + k] != s.charAt(k)) return false;
        }
        return true;
    }

    /** Whether strings {@code i} and {@code j} are equal (-1 is null): the same index, or the same characters. */
    boolean same(int i, int j) {
        if (i == j) return true;
        if (i < 0 || j < 0) return false;
        int si = start(i), sj = start(j), length = end(i) - si;
        if (length != end(j) - sj) return false;
        for (int k = 0; k < length; k++) if (charAt(i, k) != charAt(j, k)) return false;
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

    /**
     * A view of string {@code i} (no copy) over the table's array, its start and length read once:
     * workspace/symbol tests every declaration's name through it, a character at a time.
     */
    CharSequence chars(int i) {
        int start = start(i), length = end(i) - start;
        return latin1 != null ? new Latin1View(latin1, start, length) : java.nio.CharBuffer.wrap(utf16, start, length);
    }

    private static final class Latin1View implements CharSequence {
        private final byte[] bytes;
        private final int start, length;

        Latin1View(byte[] bytes, int start, int length) {
            this.bytes = bytes;
            this.start = start;
            this.length = length;
        }

        @Override public int length() { return length; }
        @Override public char charAt(int k) { return (char) (bytes[start + k] & 0xFF); }
        @Override public CharSequence subSequence(int from, int to) { return toString().subSequence(from, to); }
        @Override public String toString() { return new String(bytes, start, length, StandardCharsets.ISO_8859_1); }
    }

    /** Collects the strings of one summary, each distinct one once; reusable ({@link #reset}). Not thread-safe. */
    static final class Builder {
        private static final int KEPT_CHARS = 1 << 16;
        private String[] added = new String[64];
        private int[] ends = new int[64];
        /** Open addressing: index + 1 of an added string, by its hash. */
        private int[] slots = new int[128];
        private char[] text = new char[1024];
        private int count, length;
        private boolean wide;
        /** Whether {@link #slots} holds the strings (past {@link #SCANNED}). */
        private boolean hashed;

        /** Forgets what was added (and the strings themselves). */
        void reset() {
            java.util.Arrays.fill(added, 0, count, null);
            if (hashed) java.util.Arrays.fill(slots, 0);
            hashed = false;
            if (text.length > KEPT_CHARS) text = new char[1024];
            if (added.length > KEPT_CHARS) {
                added = new String[64];
                ends = new int[64];
                slots = new int[128];
            }
            count = 0;
            length = 0;
            wide = false;
        }

        /** Up to this many strings, a repeat is found by identity alone (no hash of each fresh string). */
        private static final int SCANNED = 48;

        /**
         * The index of {@code s} (added when new); -1 for null. The first {@link #SCANNED} strings
         * are compared by identity (the summarizer hands out one String per name, so a repeated
         * name is the same object; an equal copy is kept twice, a few bytes); beyond, by value.
         */
        int add(String s) {
            if (s == null) return -1;
            if (count < SCANNED) {
                for (int i = count - 1; i >= 0; i--) if (added[i] == s) return i;
                return append(s, -1);
            }
            if (!hashed) { // the strings added so far go into the table
                hashed = true;
                rehash();
            }
            int mask = slots.length - 1, h = mix(s.hashCode()) & mask;
            for (int slot; (slot = slots[h]) != 0; h = (h + 1) & mask) {
                String known = added[slot - 1];
                if (known == s || known.equals(s)) return slot - 1;
            }
            return append(s, h);
        }

        /**
         * {@link #add}, finding a repeat by value among the first strings too: for strings made
         * apart from the summarizer's names (a member's container "C" cut from "C.prototype"),
         * which would otherwise be kept once per member.
         */
        int addByValue(String s) {
            if (s == null) return -1;
            if (count < SCANNED) {
                for (int i = count - 1; i >= 0; i--) if (added[i] == s || added[i].equals(s)) return i;
                return append(s, -1);
            }
            return add(s);
        }

        /** Adds {@code s}, into hash slot {@code h} (-1: not hashed yet). */
        private int append(String s, int h) {
            int n = s.length();
            if (length + n > text.length) text = java.util.Arrays.copyOf(text, Math.max(text.length * 2, length + n));
            s.getChars(0, n, text, length);
            for (int k = length; k < length + n && !wide; k++) if (text[k] > 0xFF) wide = true;
            length += n;
            if (count == added.length) {
                added = java.util.Arrays.copyOf(added, count * 2);
                ends = java.util.Arrays.copyOf(ends, count * 2);
            }
            added[count] = s;
            ends[count] = length;
            if (h >= 0) slots[h] = count + 1;
            count++;
            if (h >= 0 && count * 2 > slots.length) rehash();
            return count - 1;
        }

        private static int mix(int h) { return h ^ (h >>> 16) * 0x9E3779B9; }

        private void rehash() {
            if (count * 2 > slots.length) slots = new int[Integer.highestOneBit(count * 4)];
            else java.util.Arrays.fill(slots, 0);
            int mask = slots.length - 1;
            for (int i = 0; i < count; i++) {
                int h = mix(added[i].hashCode()) & mask;
                while (slots[h] != 0) h = (h + 1) & mask;
                slots[h] = i + 1;
            }
        }

        /** How many strings were added. */
        int count() { return count; }

        /** The string added at index {@code i} (the object given to {@link #add}); null for -1. */
        String added(int i) { return i < 0 ? null : added[i]; }

        /** The end offset of string {@code i} in the text: the summary keeps these in its columns. */
        int end(int i) { return ends[i]; }

        /** The table, whose string ends the summary's {@code columns} hold from {@code endsAt} on. */
        SummaryStrings build(Object columns, int endsAt) {
            if (count == 0) return EMPTY;
            if (wide) return new SummaryStrings(null, java.util.Arrays.copyOf(text, length), columns, endsAt, count);
            byte[] bytes = new byte[length];
            for (int k = 0; k < length; k++) bytes[k] = (byte) text[k];
            return new SummaryStrings(bytes, null, columns, endsAt, count);
        }
    }
}
