package dev.arenals.server.query;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A read-only {@code List<Integer>} over an int array slice, for LSP4J fields typed as lists
 * (semantic token data): the tokens stay one primitive array, and an element is boxed only when
 * the JSON writer reads it (small values come from the Integer cache).
 */
public final class IntList extends AbstractList<Integer> implements RandomAccess {
    private final int[] values;
    private final int from, to;

    public IntList(int[] values) { this(values, 0, values.length); }

    public IntList(int[] values, int from, int to) {
        if (from < 0 || to > values.length || from > to) throw new IndexOutOfBoundsException(from + ".." + to + " of " + values.length);
        this.values = values;
        this.from = from;
        this.to = to;
    }

    @Override public Integer get(int index) {
        if (index < 0 || index >= to - from) throw new IndexOutOfBoundsException(index);
        return values[from + index];
    }

    @Override public int size() { return to - from; }

    public int getInt(int index) { return values[from + index]; }

    /** The ints of any list of integers (for a client's or a test's copy). */
    public static int[] toArray(java.util.List<Integer> list) {
        if (list instanceof IntList l) return java.util.Arrays.copyOfRange(l.values, l.from, l.to);
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = list.get(i);
        return out;
    }
}
