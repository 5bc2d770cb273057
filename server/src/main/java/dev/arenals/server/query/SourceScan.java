package dev.arenals.server.query;

/**
 * Finding a punctuator the tree does not record (the {@code (} of an argument list, the {@code {}
 * of an enum or switch body) by scanning the source from a node's end, over whitespace, comments
 * and the few characters that may stand between; whether a stretch of source spans lines.
 */
public final class SourceScan {
    private SourceScan() {}

    /**
     * The offset of {@code wanted} at or after {@code from} (before {@code limit}), skipping
     * whitespace, comments and any of {@code skippable}; -1 when another character comes first.
     */
    public static int find(char[] src, int from, int limit, char wanted, String skippable) {
        int i = from;
        while (i < limit) {
            char c = src[i];
            if (c == wanted) return i;
            if (Character.isWhitespace(c) || skippable.indexOf(c) >= 0) {
                i++;
            } else if (c == '/' && i + 1 < limit && src[i + 1] == '/') {
                while (i < limit && src[i] != '\n' && src[i] != '\r') i++;
            } else if (c == '/' && i + 1 < limit && src[i + 1] == '*') {
                int close = i + 2;
                while (close + 1 < limit && !(src[close] == '*' && src[close + 1] == '/')) close++;
                i = close + 2;
            } else {
                return -1;
            }
        }
        return -1;
    }

    /** Whether [from, to) holds a line break: a construct there spans lines. */
    public static boolean hasLineBreak(char[] src, int from, int to) {
        for (int i = from; i < to; i++) if (src[i] == '\n' || src[i] == '\r') return true;
        return false;
    }
}
