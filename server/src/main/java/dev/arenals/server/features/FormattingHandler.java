package dev.arenals.server.features;

import dev.arenals.parser.tree.Arena;
import dev.arenals.server.document.Document;
import dev.arenals.server.format.Edits;
import dev.arenals.server.format.Formatter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * {@code textDocument/formatting}, {@code rangeFormatting} and {@code onTypeFormatting}: the
 * whitespace-only edits of {@link Formatter} (TypeScript's formatter's rules), with the request's
 * tab size and spaces-or-tabs. On type: after {@code ;} and <code>}</code> the lines of the statement or
 * block the character ends, after a newline the previous line (the new line only when it has text:
 * its indentation is what the editor just typed).
 */
public final class FormattingHandler {
    /** The on-type triggers: the first and the others, as LSP declares them. */
    public static final String FIRST_TRIGGER = ";";
    public static final List<String> MORE_TRIGGERS = List.of("}", "\n");

    public List<TextEdit> formatting(Document doc, FormattingOptions options) {
        Arena arena = parsed(doc);
        if (arena == null) return List.of();
        return toLsp(doc, formatter(options).format(arena, 0, arena.sourceLength()), 0, arena.sourceLength());
    }

    public List<TextEdit> rangeFormatting(Document doc, Range range, FormattingOptions options) {
        Arena arena = parsed(doc);
        if (arena == null || range == null) return List.of();
        int from = doc.offsetAt(range.getStart()), to = doc.offsetAt(range.getEnd());
        if (to < from) { int t = from; from = to; to = t; }
        char[] src = arena.source();
        // whole lines: from the start of the first line to the end of the last
        while (from > 0 && !isLineBreak(src[from - 1])) from--;
        if (to > from && to <= arena.sourceLength() && isLineBreak(src[to - 1])) to--; // a selection ending at a line start ends before it
        while (to < arena.sourceLength() && !isLineBreak(src[to])) to++;
        return toLsp(doc, formatter(options).format(arena, from, to), from, to);
    }

    /**
     * Above this many chars on-type formatting answers nothing: the formatter's indentation pass
     * reads the whole file (~34 ns a char: 310 ms for typescript.js, 36 ms for lib.dom.d.ts), and
     * a client that formats on every newline or {@code ;} (Eglot does by default) would wait that
     * long on each, with the document's diagnostics queued behind it. Whole-document and range
     * formatting, asked for on purpose, still answer.
     */
    public static final int ON_TYPE_MAX_CHARS = 512 * 1024;

    public List<TextEdit> onTypeFormatting(Document doc, Position position, String ch, FormattingOptions options) {
        Arena arena = parsed(doc);
        if (arena == null || position == null || ch == null) return List.of();
        if (arena.sourceLength() > ON_TYPE_MAX_CHARS) return List.of();
        int at = Math.min(doc.offsetAt(position), arena.sourceLength());
        char[] src = arena.source();
        int from, to;
        if (ch.equals("\n")) {
            int lineStart = at;
            while (lineStart > 0 && !isLineBreak(src[lineStart - 1])) lineStart--;
            if (lineStart == 0) return List.of();
            int prevEnd = lineStart - 1;
            if (prevEnd > 0 && src[prevEnd] == '\n' && src[prevEnd - 1] == '\r') prevEnd--;
            from = prevEnd;
            while (from > 0 && !isLineBreak(src[from - 1])) from--;
            int lineEnd = at;
            while (lineEnd < arena.sourceLength() && !isLineBreak(src[lineEnd])) lineEnd++;
            boolean blank = true;
            for (int i = lineStart; i < lineEnd; i++) if (src[i] != ' ' && src[i] != '\t') blank = false;
            to = blank ? prevEnd : lineEnd;
        } else {
            int typed = at - 1;
            if (typed < 0 || typed >= arena.sourceLength() || src[typed] != ch.charAt(0)) return List.of();
            int node = enclosingEndingAt(arena, typed + 1);
            if (node < 0) return List.of();
            from = arena.start(node);
            to = typed + 1;
            while (from > 0 && !isLineBreak(src[from - 1])) from--;
        }
        return toLsp(doc, formatter(options).format(arena, from, to), from, to);
    }

    /** The outermost node that ends right after the typed character (the statement a `;` ends, the block and its owner a `}` ends). */
    private static int enclosingEndingAt(Arena arena, int end) {
        int best = -1;
        for (int n = arena.root() - 1; n >= 0; n--) { // children before parents: the last match is the outermost
            if (arena.end(n) == end && arena.kind(n) != dev.arenals.parser.tree.NodeKind.PROGRAM && arena.start(n) < end) {
                if (best < 0 || arena.start(n) < arena.start(best)) best = n;
            }
        }
        return best;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    private static Formatter formatter(FormattingOptions options) {
        int tabSize = options == null || options.getTabSize() <= 0 ? 4 : options.getTabSize();
        boolean spaces = options == null || options.isInsertSpaces();
        return new Formatter(tabSize, spaces);
    }

    private static Arena parsed(Document doc) {
        if (doc == null || doc.isClosed()) return null;
        Arena arena = doc.arena();
        if (arena == null || arena.nodeCount() == 0 || arena.sourceLength() != doc.length()) return null;
        return arena;
    }

    /** The edits inside [from, to] as LSP edits. */
    private static List<TextEdit> toLsp(Document doc, Edits edits, int from, int to) {
        List<TextEdit> out = new ArrayList<>(edits.count());
        for (int i = 0, n = edits.count(); i < n; i++) {
            int s = edits.start(i), e = edits.end(i);
            if (s < from || e > to) continue;
            out.add(new TextEdit(new Range(doc.positionAt(s), doc.positionAt(e)), edits.text(i)));
        }
        return out;
    }
}
