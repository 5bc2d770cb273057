package dev.arenals.server.query;

/**
 * LSP's relative encoding of semantic tokens: five ints per token (line delta, start delta on the
 * same line or start column on a new one, length, type, modifier bits), in the negotiated position
 * encoding. Tokens never span lines (names and regular expressions cannot hold a line break).
 */
public final class SemanticTokenEncoder {
    private SemanticTokenEncoder() {}

    public static int[] encode(SemanticTokenCollector tokens, Lines lines) {
        int[] data = new int[5 * tokens.count()];
        encode(tokens, 0, tokens.count(), lines, -1, data, 0);
        return data;
    }

    /**
     * Writes tokens [{@code from}, {@code to}) of {@code tokens} into {@code out} at {@code o}, the
     * first relative to a token that starts at offset {@code previousStart} (-1: the first token of
     * the file, relative to the file's start). Returns the offset after the last int written.
     */
    public static int encode(SemanticTokenCollector tokens, int from, int to, Lines lines, int previousStart, int[] out, int o) {
        if (from >= to) return o;
        int line = lines.lineOf(tokens.start(from));
        int lineStart = lines.lineStart(line);
        int lineCount = lines.lineCount();
        int nextLineStart = line + 1 < lineCount ? lines.lineStart(line + 1) : Integer.MAX_VALUE;
        int previousLine = 0, previousColumn = 0, previousOffset = 0;
        boolean hasPrevious = previousStart >= 0;
        if (hasPrevious) {
            previousLine = lines.lineOf(previousStart);
            previousOffset = previousStart;
            // the column is needed only when the previous token shares the first one's line
            previousColumn = previousLine == line ? lines.units(lineStart, previousStart) : 0;
        }
        boolean utf16 = lines.isUtf16();
        for (int i = from; i < to; i++, o += 5) {
            int start = tokens.start(i), end = tokens.end(i);
            while (start >= nextLineStart) {
                line++;
                lineStart = nextLineStart;
                nextLineStart = line + 1 < lineCount ? lines.lineStart(line + 1) : Integer.MAX_VALUE;
            }
            int column;
            if (line != previousLine || !hasPrevious) {
                column = utf16 ? start - lineStart : lines.units(lineStart, start);
                out[o + 1] = column;
            } else {
                // on the same line: count only the units since the previous token (linear on long lines)
                column = previousColumn + (utf16 ? start - previousOffset : lines.units(previousOffset, start));
                out[o + 1] = column - previousColumn;
            }
            out[o] = line - previousLine;
            out[o + 2] = utf16 ? end - start : lines.units(start, end);
            out[o + 3] = tokens.type(i);
            out[o + 4] = tokens.modifiers(i);
            previousLine = line;
            previousOffset = start;
            previousColumn = column;
            hasPrevious = true;
        }
        return o;
    }

    /**
     * Rewrites the two position ints of the token encoded at {@code out[o]}, which starts at offset
     * {@code start}, relative to a token at {@code previousStart} (-1: none); its length, type and
     * modifiers stay.
     */
    public static void reposition(int start, Lines lines, int previousStart, int[] out, int o) {
        int line = lines.lineOf(start);
        int lineStart = lines.lineStart(line);
        if (previousStart >= 0 && lines.lineOf(previousStart) == line) {
            out[o] = 0;
            out[o + 1] = lines.units(previousStart, start);
        } else {
            out[o] = previousStart >= 0 ? line - lines.lineOf(previousStart) : line;
            out[o + 1] = lines.units(lineStart, start);
        }
    }
}
