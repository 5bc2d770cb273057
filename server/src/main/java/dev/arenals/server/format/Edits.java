package dev.arenals.server.format;

import java.util.Arrays;

/** The formatter's result: replacements of whitespace runs [start, end) of the text, sorted and disjoint. */
public final class Edits {
    private int[] starts = new int[64], ends = new int[64];
    private String[] texts = new String[64];
    private int count;
    private boolean sorted = true;

    void add(int start, int end, String text) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            texts = Arrays.copyOf(texts, count * 2);
        }
        if (count > 0 && start < starts[count - 1]) sorted = false;
        starts[count] = start;
        ends[count] = end;
        texts[count] = text;
        count++;
    }

    private void sort() {
        if (sorted) return;
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> starts[a] != starts[b] ? Integer.compare(starts[a], starts[b]) : Integer.compare(ends[a], ends[b]));
        int[] s = new int[count], e = new int[count];
        String[] t = new String[count];
        for (int i = 0; i < count; i++) { s[i] = starts[order[i]]; e[i] = ends[order[i]]; t[i] = texts[order[i]]; }
        starts = s; ends = e; texts = t;
        sorted = true;
    }

    public int count() { sort(); return count; }
    public int start(int i) { sort(); return starts[i]; }
    public int end(int i) { sort(); return ends[i]; }
    public String text(int i) { sort(); return texts[i]; }

    /** The text with every edit applied. */
    public String applyTo(CharSequence text) {
        sort();
        StringBuilder sb = new StringBuilder(text.length() + 64);
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (starts[i] < at) continue; // never overlaps; kept safe anyway
            sb.append(text, at, starts[i]).append(texts[i]);
            at = ends[i];
        }
        sb.append(text, at, text.length());
        return sb.toString();
    }
}
