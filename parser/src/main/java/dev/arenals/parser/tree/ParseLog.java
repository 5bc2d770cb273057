package dev.arenals.parser.tree;

import dev.arenals.parser.diag.Diag;

/**
 * Diagnostics and comment ranges of one parse, in growable int columns kept across resets.
 * The number of diagnostics is bounded: past {@link #MAX_DIAGNOSTICS} one "too many errors" entry
 * is added and the rest are dropped, so garbage input cannot flood a client.
 */
public final class ParseLog {
    public static final int MAX_DIAGNOSTICS = 200;

    private int[] diagStart = new int[16];
    private int[] diagEnd = new int[16];
    private int[] diagKind = new int[16];
    private int[] diagArg = new int[16];
    private int diagCount;

    private int[] commentStart = new int[256];
    private int[] commentEnd = new int[256];
    private int commentCount;

    public void reset() {
        diagCount = 0;
        commentCount = 0;
    }

    /**
     * Records a diagnostic. A second error starting where the last one started is dropped (one
     * error per position, as tsc does), which also keeps recovery loops from repeating themselves.
     */
    public void report(int start, int end, Diag diag, int arg) {
        if (diagCount > 0 && diagStart[diagCount - 1] == start) return;
        if (diagCount >= MAX_DIAGNOSTICS) {
            if (diagCount == MAX_DIAGNOSTICS) {
                add(start, end, Diag.TOO_MANY_ERRORS.ordinal(), 0);
            }
            return;
        }
        add(start, end, diag.ordinal(), arg);
    }

    /**
     * Records a diagnostic even where the last one starts: a second rule's error on the same token,
     * as TypeScript's checker reports them (the grammar checks). Bounded like {@link #report}.
     */
    public void reportAlso(int start, int end, Diag diag, int arg) {
        if (diagCount > 0 && diagStart[diagCount - 1] == start && diagKind[diagCount - 1] == diag.ordinal()) return;
        if (diagCount >= MAX_DIAGNOSTICS) {
            report(start, end, diag, arg);
            return;
        }
        add(start, end, diag.ordinal(), arg);
    }

    private void add(int start, int end, int kind, int arg) {
        if (diagCount == diagStart.length) {
            int n = diagCount * 2;
            diagStart = java.util.Arrays.copyOf(diagStart, n);
            diagEnd = java.util.Arrays.copyOf(diagEnd, n);
            diagKind = java.util.Arrays.copyOf(diagKind, n);
            diagArg = java.util.Arrays.copyOf(diagArg, n);
        }
        diagStart[diagCount] = start;
        diagEnd[diagCount] = Math.max(start, end);
        diagKind[diagCount] = kind;
        diagArg[diagCount] = arg;
        diagCount++;
    }

    public int diagnosticCount() { return diagCount; }
    /** Drops the diagnostics of {@code kind} from index {@code from} on, the others kept in order. */
    public void dropDiagnostics(int from, Diag kind) {
        dropDiagnostics(from, diagCount, kind);
    }

    /** Drops the diagnostics of {@code kind} among indexes [{@code from}, {@code to}), the others kept in order. */
    public void dropDiagnostics(int from, int to, Diag kind) {
        int k = kind.ordinal();
        int w = from;
        for (int r = from; r < diagCount; r++) {
            if (r < to && diagKind[r] == k) continue;
            diagStart[w] = diagStart[r];
            diagEnd[w] = diagEnd[r];
            diagKind[w] = diagKind[r];
            diagArg[w] = diagArg[r];
            w++;
        }
        if (w < diagCount) diagCount = w;
    }

    /** Drops diagnostics past {@code count}: used when the parser abandons a speculative parse. */
    public void truncateDiagnostics(int count) { if (count < diagCount) diagCount = count; }
    public int diagnosticStart(int i) { return diagStart[check(i)]; }
    public int diagnosticEnd(int i) { return diagEnd[check(i)]; }
    public Diag diagnostic(int i) { return Diag.of(diagKind[check(i)]); }
    public int diagnosticArg(int i) { return diagArg[check(i)]; }

    private int check(int i) {
        if (i < 0 || i >= diagCount) throw new IndexOutOfBoundsException("diagnostic " + i + " of " + diagCount);
        return i;
    }

    public void addComment(int start, int end) {
        if (commentCount == commentStart.length) {
            int n = commentCount * 2;
            commentStart = java.util.Arrays.copyOf(commentStart, n);
            commentEnd = java.util.Arrays.copyOf(commentEnd, n);
        }
        commentStart[commentCount] = start;
        commentEnd[commentCount] = end;
        commentCount++;
    }

    public int commentCount() { return commentCount; }
    public void truncateComments(int count) { if (count < commentCount) commentCount = count; }
    public int commentStart(int i) { return commentStart[i]; }
    public int commentEnd(int i) { return commentEnd[i]; }

    // ---- splicing a reparsed region (IncrementalReparse) ----

    /**
     * Copies diagnostics [from, to) into {@code out} (start, end, kind, arg per entry) with their
     * offsets moved by {@code delta}; returns the ints written. {@code out} must hold 4 * (to - from).
     */
    public int copyDiagnostics(int from, int to, int delta, int[] out) {
        int w = 0;
        for (int i = from; i < to; i++) {
            out[w++] = diagStart[i] + delta;
            out[w++] = diagEnd[i] + delta;
            out[w++] = diagKind[i];
            out[w++] = diagArg[i];
        }
        return w;
    }

    /** Appends diagnostics saved by {@link #copyDiagnostics}, exactly as they were (no de-duplication). */
    public void appendDiagnostics(int[] saved, int ints) {
        for (int w = 0; w < ints; w += 4) add(saved[w], saved[w + 1], saved[w + 2], saved[w + 3]);
    }

    /** Copies comments [from, to) into {@code out} (start, end per entry) moved by {@code delta}. */
    public int copyComments(int from, int to, int delta, int[] out) {
        int w = 0;
        for (int i = from; i < to; i++) {
            out[w++] = commentStart[i] + delta;
            out[w++] = commentEnd[i] + delta;
        }
        return w;
    }

    /** Appends comments saved by {@link #copyComments}. */
    public void appendComments(int[] saved, int ints) {
        for (int w = 0; w < ints; w += 2) addComment(saved[w], saved[w + 1]);
    }

    public long bytesReserved() {
        return (long) diagStart.length * 16 + (long) commentStart.length * 8;
    }

    public long bytesUsed() {
        return (long) diagCount * 16 + (long) commentCount * 8;
    }
}
