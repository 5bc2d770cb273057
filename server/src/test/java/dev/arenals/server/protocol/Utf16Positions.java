package dev.arenals.server.protocol;

import org.eclipse.lsp4j.Position;

/** A deliberately naive reference for offset → LSP position (UTF-16), independent of LineStarts. */
final class Utf16Positions {
    private Utf16Positions() {}

    static Position of(String text, int offset) {
        int line = 0, lineStart = 0;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    if (i + 1 < offset) continue; // the \n ends the line
                    // offset is between \r and \n: callers avoid that
                }
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart);
    }
}
