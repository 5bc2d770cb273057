package dev.arenals.server.workspace;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Where "the module" is in a file, as a definition target: its first token, past a byte-order
 * mark, a {@code #!} line, blank lines and comments (a licence header, a file's JSDoc), as
 * TypeScript answers for a module. Reads at most the first {@link #LIMIT} characters from disk;
 * the file's start when it cannot be read or holds nothing else.
 */
public final class ModuleStart {
    private ModuleStart() {}

    static final int LIMIT = 1 << 16;

    /** An empty range at the first token of {@code file} (UTF-16 columns). */
    public static Range of(Path file) {
        char[] text = new char[LIMIT];
        int n = 0;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (int got; n < LIMIT && (got = r.read(text, n, LIMIT - n)) > 0; ) n += got;
        } catch (IOException | RuntimeException e) {
            n = 0;
        }
        Position p = firstToken(text, n);
        return new Range(p, p);
    }

    /** The position of the first token in {@code text[0, n)}, or 0:0. */
    static Position firstToken(char[] text, int n) {
        int i = 0, line = 0, lineStart = 0;
        if (n > 0 && text[0] == '\uFEFF') i = lineStart = 1;
        if (i + 1 < n && text[i] == '#' && text[i + 1] == '!') while (i < n && text[i] != '\n' && text[i] != '\r') i++;
        while (i < n) {
            char c = text[i];
            if (c == '\n' || c == '\r') { // LSP's line ends; U+2028/9 end JavaScript lines but not LSP's
                if (c == '\r' && i + 1 < n && text[i + 1] == '\n') i++;
                line++;
                lineStart = ++i;
            } else if (c == ' ' || c == '\t' || c == '\f' || c == '\u000B' || c == '\u00A0' || c == '\uFEFF' || c == '\u2028' || c == '\u2029') {
                i++;
            } else if (c == '/' && i + 1 < n && text[i + 1] == '/') {
                while (i < n && text[i] != '\n' && text[i] != '\r' && text[i] != '\u2028' && text[i] != '\u2029') i++;
            } else if (c == '/' && i + 1 < n && text[i + 1] == '*') {
                int end = -1;
                for (int j = i + 2; j + 1 < n; j++) if (text[j] == '*' && text[j + 1] == '/') { end = j + 2; break; }
                if (end < 0) return new Position(0, 0); // an unclosed comment (or past the limit): the start
                for (int j = i; j < end; j++) {
                    char d = text[j];
                    if (d == '\n' || d == '\r') {
                        if (d == '\r' && j + 1 < end && text[j + 1] == '\n') j++;
                        line++;
                        lineStart = j + 1;
                    }
                }
                i = end;
            } else {
                return new Position(line, i - lineStart);
            }
        }
        return new Position(0, 0);
    }
}
