package dev.arenals.server.query;

/**
 * LSP's relative encoding of semantic tokens: five ints per token (line delta, start delta on the
 * same line or start column on a new one, length, type, modifier bits), in the negotiated position
 * encoding. Tokens never span lines (names and regular expressions cannot hold a line break).
 */
public final class SemanticTokenEncoder {
    private SemanticTokenEncoder() {}

    public static int[] encode(SemanticTokenCollector tokens, Lines lines) {
        int n = tokens.count();
        int[] data = new int[5 * n];
        if (n == 0) return data;
        int line = lines.lineOf(tokens.start(0));
        int lineStart = lines.lineStart(line);
        int lineCount = lines.lineCount();
        int nextLineStart = line + 1 < lineCount ? lines.lineStart(line + 1) : Integer.MAX_VALUE;
        int previousLine = 0, previousStart = lineStart, previousColumn = 0;
        boolean utf16 = lines.isUtf16();
        for (int i = 0, o = 0; i < n; i++, o += 5) {
            int start = tokens.start(i), end = tokens.end(i);
            while (start >= nextLineStart) {
                line++;
                lineStart = nextLineStart;
                nextLineStart = line + 1 < lineCount ? lines.lineStart(line + 1) : Integer.MAX_VALUE;
            }
            int column;
            if (line != previousLine || i == 0) {
                column = utf16 ? start - lineStart : lines.units(lineStart, start);
                data[o + 1] = column;
            } else {
                // on the same line: count only the units since the previous token (linear on long lines)
                column = previousColumn + (utf16 ? start - previousStart : lines.units(previousStart, start));
                data[o + 1] = column - previousColumn;
            }
            data[o] = line - previousLine;
            data[o + 2] = utf16 ? end - start : lines.units(start, end);
            data[o + 3] = tokens.type(i);
            data[o + 4] = tokens.modifiers(i);
            previousLine = line;
            previousStart = start;
            previousColumn = column;
        }
        return data;
    }
}
