package dev.arenals.server.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A source with markers, in the spirit of LemMinX's XMLAssert: {@code |} is a cursor, {@code [[x]]}
 * an expected range, {@code [[=x]]} an expected range of kind Write (highlights). The markers are
 * removed; offsets are in the clean text. A source that needs a literal {@code |} (unions,
 * {@code ||}) marks its cursors with {@code /*|*}{@code /} instead.
 */
public final class Marked {
    public final String text;
    public final List<Integer> cursors = new ArrayList<>();
    /** Expected ranges as {start, end, write ? 1 : 0}, in source order. */
    public final List<int[]> ranges = new ArrayList<>();

    private Marked(String text) { this.text = text; }

    public static Marked parse(String marked) { return parse(marked, marked.contains(ALT_CURSOR) ? ALT_CURSOR : "|"); }

    static final String ALT_CURSOR = "/*|*/";

    public static Marked parse(String marked, String cursor) {
        StringBuilder clean = new StringBuilder();
        List<int[]> open = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        List<Integer> cursors = new ArrayList<>();
        for (int i = 0; i < marked.length(); ) {
            if (marked.startsWith(cursor, i)) {
                cursors.add(clean.length());
                i += cursor.length();
            } else if (marked.startsWith("[[", i)) {
                boolean write = i + 2 < marked.length() && marked.charAt(i + 2) == '=';
                open.add(new int[] {clean.length(), 0, write ? 1 : 0});
                i += write ? 3 : 2;
            } else if (marked.startsWith("]]", i) && !open.isEmpty()) {
                int[] r = open.remove(open.size() - 1);
                r[1] = clean.length();
                ranges.add(r);
                i += 2;
            } else {
                clean.append(marked.charAt(i++));
            }
        }
        if (!open.isEmpty()) throw new IllegalArgumentException("unclosed [[ in " + marked);
        Marked m = new Marked(clean.toString());
        m.cursors.addAll(cursors);
        ranges.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        m.ranges.addAll(ranges);
        return m;
    }

    /** The clean text with the expected ranges marked again, for readable failure messages. */
    public String show(List<int[]> spans) {
        StringBuilder sb = new StringBuilder(text);
        List<int[]> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> Integer.compare(b[0], a[0]));
        for (int[] s : sorted) {
            sb.insert(s[1], "]]");
            sb.insert(s[0], s.length > 2 && s[2] == 1 ? "[[=" : "[[");
        }
        return sb.toString();
    }
}
