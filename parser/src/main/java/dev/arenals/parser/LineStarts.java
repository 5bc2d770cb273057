package dev.arenals.parser;

import java.util.Arrays;

/**
 * The start offsets of the lines of a text: the one line table of the project (the server's
 * positions, {@code check}'s reports, {@code arena-parse}, the test harnesses).
 *
 * <p><b>Two terminator rules, on purpose.</b> Which characters end a line depends on who counts:
 * <ul>
 *   <li>{@link Terminators#LSP}: {@code \n}, {@code \r\n} and a lone {@code \r}. The Language
 *       Server Protocol defines lines this way (its "end-of-line sequences"), and so do the
 *       editors that send and show the positions; to them U+2028/U+2029 are ordinary characters
 *       inside a line. A server that split lines there would put every position after one of them
 *       on the wrong line.</li>
 *   <li>{@link Terminators#ECMASCRIPT}: the LSP ones plus U+2028 LINE SEPARATOR and U+2029
 *       PARAGRAPH SEPARATOR, the LineTerminators of ECMA-262 (§12.3). {@code tsc} counts lines
 *       this way in its reports, so the tsc-style reports of {@code check} and {@code arena-parse}
 *       do too, and their {@code file(line,col)} agrees with tsc's for the same file.</li>
 * </ul>
 * In both, {@code \r\n} is one terminator, and the last line is what follows the last terminator
 * (possibly empty): {@code "a\n"} has two lines.
 *
 * <p>A table is mutable and reusable: {@link #rebuild} refills it without allocating once it is
 * large enough, and {@link #applyEdit} updates it after an edit by rescanning only the edited span
 * (an {@code arraycopy} shifts the rest).
 */
public final class LineStarts {
    /** Which characters end a line; see the class comment for why there are two rules. */
    public enum Terminators {
        /** {@code \n}, {@code \r\n}, lone {@code \r}: the Language Server Protocol's lines. */
        LSP,
        /** LSP's plus U+2028 and U+2029: ECMAScript's LineTerminators, as tsc counts lines. */
        ECMASCRIPT;

        /** Whether {@code c} ends a line under this rule ({@code \r} of {@code \r\n} included). */
        public boolean isTerminator(char c) {
            if (c == '\n' || c == '\r') return true;
            return this == ECMASCRIPT && (c == '\u2028' || c == '\u2029');
        }

        /** Whether a line starts at {@code p} (1 ≤ p ≤ length): right after a terminator, not between \r and \n. */
        public boolean startsLineAt(char[] text, int length, int p) {
            char before = text[p - 1];
            if (before > '\r' && before < '\u2028') return false; // the common case, decided at once
            if (before == '\n') return true;
            if (before == '\r') return p == length || text[p] != '\n';
            return this == ECMASCRIPT && (before == '\u2028' || before == '\u2029');
        }
    }

    private final Terminators rule;
    private int[] starts = new int[16];
    private int count = 1;
    /** False after {@link #rebuild(char[], int, int)} stopped before the end of the text. */
    private boolean complete = true;

    /** The table of an empty text: one line. */
    public LineStarts(Terminators rule) {
        this.rule = rule;
    }

    public static LineStarts of(char[] text, int length, Terminators rule) {
        LineStarts lines = new LineStarts(rule);
        lines.rebuild(text, length);
        return lines;
    }

    /**
     * The complete table of a text whose line starts were found while it was made (the server
     * decodes a large didOpen's text and its lines in one pass): {@code starts[0, count)}, taken
     * as they are (not copied), must be what {@link #of(char[], int, Terminators)} would give.
     */
    public static LineStarts ofStarts(int[] starts, int count, Terminators rule) {
        if (count < 1 || count > starts.length || starts[0] != 0) throw new IllegalArgumentException("not a line table: " + count + " starts");
        LineStarts lines = new LineStarts(rule);
        lines.starts = starts;
        lines.count = count;
        return lines;
    }

    public static LineStarts of(CharSequence text, Terminators rule) {
        char[] chars = text.toString().toCharArray();
        return of(chars, chars.length, rule);
    }

    public Terminators rule() { return rule; }

    /** Number of lines: the number of terminators plus one. */
    public int lineCount() { return count; }

    public int lineStart(int line) {
        if (line < 0 || line >= count) throw new IndexOutOfBoundsException("line " + line + " of " + count);
        return starts[line];
    }

    /** The line holding {@code offset}: the last line whose start is at or before it (0 for negative offsets). */
    public int lineOf(int offset) {
        int lo = 0, hi = count - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /** The end of {@code line}'s content: the offset of its terminator, or the text's end. */
    public int lineContentEnd(char[] text, int length, int line) {
        int start = lineStart(line);
        if (line + 1 < count) {
            int end = starts[line + 1] - 1; // the terminator, or the \n of \r\n
            if (text[end] == '\n' && end > start && text[end - 1] == '\r') end--;
            return end;
        }
        if (complete) return length;
        int end = start; // a partial table's last line: find its end
        while (end < length && !rule.isTerminator(text[end])) end++;
        return end;
    }

    /** Refills the table from {@code text[0, length)}. */
    public void rebuild(char[] text, int length) {
        rebuild(text, length, length);
    }

    /**
     * Refills the table with the lines up to the one holding offset {@code upTo} only (a report
     * that needs the lines of its diagnostics need not scan the rest of a large file). Offsets past
     * that line then map to it.
     */
    public void rebuild(char[] text, int length, int upTo) {
        count = 1;
        starts[0] = 0;
        int last = Math.min(length, upTo);
        boolean ecmascript = rule == Terminators.ECMASCRIPT;
        // startsLineAt written out: a call per char is most of the scan's cost under C1, which does not inline it
        for (int i = 0; i < last; i++) {
            char c = text[i];
            if (c > '\r' && c < '\u2028') continue; // the common case, decided at once
            if (c == '\n' || c == '\r' && (i + 1 == length || text[i + 1] != '\n') || ecmascript && (c == '\u2028' || c == '\u2029')) add(i + 1);
        }
        complete = last >= length;
    }

    /**
     * Updates a complete table after [start, oldEnd) of the old text was replaced by
     * {@code insertedLength} chars; {@code text} is the new text. Whether a line starts at p depends
     * on the chars at p-1 and p, so exactly the old starts in [start, oldEnd] can change: they are
     * dropped, the new text is rescanned over [start, start + insertedLength], and the starts after
     * the edit shift by the change in length.
     */
    public void applyEdit(char[] text, int length, int start, int oldEnd, int insertedLength) {
        if (!complete) throw new IllegalStateException("a partial table cannot follow edits");
        int delta = insertedLength - (oldEnd - start);
        int from = firstStartAtOrAfter(Math.max(start, 1)); // line 0 never moves
        int to = firstStartAtOrAfter(oldEnd + 1); // the starts in [from, to) lie in [start, oldEnd]
        int newEnd = start + insertedLength;
        int fresh = 0;
        for (int p = Math.max(start, 1); p <= newEnd && p <= length; p++) {
            if (rule.startsLineAt(text, length, p)) fresh++;
        }
        int tail = count - to;
        int newCount = from + fresh + tail;
        if (newCount > starts.length) starts = Arrays.copyOf(starts, Math.max(newCount, starts.length + (starts.length >>> 1)));
        System.arraycopy(starts, to, starts, from + fresh, tail);
        int k = from;
        for (int p = Math.max(start, 1); p <= newEnd && p <= length; p++) {
            if (rule.startsLineAt(text, length, p)) starts[k++] = p;
        }
        if (delta != 0) {
            for (int i = from + fresh; i < newCount; i++) starts[i] += delta;
        }
        count = newCount;
    }

    /** The starts as an array (tests, dumps). */
    public int[] toArray() { return Arrays.copyOf(starts, count); }

    /** Bytes held by the table. */
    public long bytesReserved() { return 16 + (long) starts.length * 4; }

    private int firstStartAtOrAfter(int offset) {
        int lo = 0, hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private void add(int p) {
        if (count == starts.length) starts = Arrays.copyOf(starts, count + (count >>> 1) + 16);
        starts[count++] = p;
    }
}
