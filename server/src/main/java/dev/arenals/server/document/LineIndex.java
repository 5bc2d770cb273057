package dev.arenals.server.document;

import java.util.Arrays;

/**
 * Start offsets of the lines of a text, for converting between offsets and LSP positions. Line
 * breaks are the protocol's: {@code \n}, {@code \r\n} and a lone {@code \r} (U+2028/U+2029 end a
 * line for the parser but not for LSP, so they do not start a line here).
 *
 * <p>An edit updates the index in place ({@link #applyEdit}): the starts inside the edited span
 * are rescanned and the ones after it shift, an {@code arraycopy} rather than a rescan of the file.
 */
public final class LineIndex {
    private int[] starts = new int[16];
    private int count;

    public LineIndex() { count = 1; }

    public static LineIndex of(char[] text, int length) {
        LineIndex index = new LineIndex();
        index.rebuild(text, length);
        return index;
    }

    public static LineIndex of(String text) {
        return of(text.toCharArray(), text.length());
    }

    /** Number of lines: the number of line breaks plus one. */
    public int lineCount() { return count; }

    public int lineStart(int line) {
        if (line < 0 || line >= count) throw new IndexOutOfBoundsException("line " + line + " of " + count);
        return starts[line];
    }

    /** The end of {@code line}'s content: the offset of its line break, or the text's end. */
    public int lineContentEnd(char[] text, int length, int line) {
        int end = line + 1 < count ? starts[line + 1] : length;
        if (end > starts[line] && line + 1 < count) {
            end--; // the \n or \r
            if (text[end] == '\n' && end > starts[line] && text[end - 1] == '\r') end--;
        }
        return end;
    }

    /** The line containing {@code offset} (the last line whose start is at or before it). */
    public int lineOf(int offset) {
        int lo = 0, hi = count - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    public void rebuild(char[] text, int length) {
        count = 1;
        starts[0] = 0;
        for (int p = 1; p <= length; p++) {
            if (isLineStart(text, length, p)) add(p);
        }
    }

    /**
     * Updates the index after [start, oldEnd) of the old text was replaced by {@code insertedLength}
     * chars; {@code text} is the new text. A line start at p depends on the chars at p-1 and p, so
     * exactly the old starts in [start, oldEnd] can change: they are dropped, the new text is
     * rescanned over [start, start + insertedLength], and the starts after the edit shift.
     */
    public void applyEdit(char[] text, int length, int start, int oldEnd, int insertedLength) {
        int delta = insertedLength - (oldEnd - start);
        // first line index whose start is >= max(start, 1) (line 0 never moves)
        int from = firstStartAtOrAfter(Math.max(start, 1));
        int to = firstStartAtOrAfter(oldEnd + 1); // starts in [from, to) are inside [start, oldEnd]
        int newEnd = start + insertedLength;
        int fresh = 0;
        for (int p = Math.max(start, 1); p <= newEnd && p <= length; p++) {
            if (isLineStart(text, length, p)) fresh++;
        }
        int tail = count - to;
        int newCount = from + fresh + tail;
        if (newCount > starts.length) starts = Arrays.copyOf(starts, Math.max(newCount, starts.length + (starts.length >>> 1)));
        System.arraycopy(starts, to, starts, from + fresh, tail);
        int k = from;
        for (int p = Math.max(start, 1); p <= newEnd && p <= length; p++) {
            if (isLineStart(text, length, p)) starts[k++] = p;
        }
        if (delta != 0) {
            for (int i = from + fresh; i < newCount; i++) starts[i] += delta;
        }
        count = newCount;
    }

    private int firstStartAtOrAfter(int offset) {
        int lo = 0, hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** Whether a line starts at {@code p} (1 <= p <= length): after \n, or after a \r not followed by \n. */
    private static boolean isLineStart(char[] text, int length, int p) {
        char before = text[p - 1];
        if (before == '\n') return true;
        return before == '\r' && (p == length || text[p] != '\n');
    }

    private void add(int p) {
        if (count == starts.length) starts = Arrays.copyOf(starts, count + (count >>> 1) + 16);
        starts[count++] = p;
    }

    /** Bytes held by the index. */
    public long bytesReserved() { return 16 + (long) starts.length * 4; }
}
