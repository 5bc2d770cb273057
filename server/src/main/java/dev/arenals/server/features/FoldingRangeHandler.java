package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.parser.tree.ParseLog;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.Lines;
import dev.arenals.server.query.SourceScan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;

/**
 * {@code textDocument/foldingRange}: bracketed constructs that span lines (blocks, bodies of
 * classes, interfaces, enums, namespaces and switches, object and array literals and patterns,
 * parameter, argument and type lists, templates, JSX elements), multi-line comments and runs of
 * line comments ({@code comment}), runs of imports ({@code imports}) and {@code // #region} …
 * {@code // #endregion} ({@code region}).
 *
 * <p>A range ends on the line before its closing delimiter when that delimiter starts its line, so
 * the {@code }} stays visible. For a client with {@code lineFoldingOnly} that is all; others also
 * get the columns after the opening and at the closing delimiter. At most one range starts on a
 * line (the outermost), and past the client's {@code rangeLimit} the later ranges are dropped.
 */
public final class FoldingRangeHandler {
    private static final int BRACKETS = 0, COMMENT = 1, IMPORTS = 2, REGION = 3;

    public List<FoldingRange> foldingRanges(Document doc, boolean lineFoldingOnly, int rangeLimit) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        Collector collector = new Collector();
        collector.collect(q.arena());
        return collector.toRanges(q.arena(), new Lines(doc), lineFoldingOnly, rangeLimit);
    }

    /** One request's candidate ranges. */
    private static final class Collector {
    /** {open offset, close offset, kind}: close is the closing delimiter's offset, or the end for comments. */
    private int[] spans = new int[3 * 64];
    private int count;

    private void collect(Arena arena) {
        char[] src = arena.source();
        int length = arena.sourceLength();
        for (int node = 0, n = arena.nodeCount(); node < n; node++) {
            int start = arena.start(node), end = arena.end(node);
            if (end - start < 2) continue;
            switch (arena.kind(node)) {
                case BLOCK: case FUNCTION_BODY: case CLASS_BODY: case OBJECT: case OBJECT_PATTERN: case ARRAY:
                case ARRAY_PATTERN: case INTERFACE_BODY: case TYPE_LITERAL: case MODULE_BLOCK: case TUPLE_TYPE:
                case MAPPED_TYPE: case FORMAL_PARAMETERS: case TEMPLATE: case TEMPLATE_LITERAL_TYPE: case TYPE_ARGUMENTS:
                case TYPE_PARAMETERS: case IMPORT_ATTRIBUTES:
                    if (isOpening(src[start])) add(start, end - 1, BRACKETS);
                    break;
                case JSX_ELEMENT: case JSX_FRAGMENT: {
                    // up to the closing tag, which stays visible like a closing brace
                    int closing = end - 1;
                    while (closing > start && src[closing] != '<') closing--;
                    if (closing > start) add(start, closing, BRACKETS);
                    break;
                }
                case STATIC_BLOCK:
                    addBody(src, start + "static".length(), end, BRACKETS);
                    break;
                case ENUM_DECLARATION: case SWITCH: {
                    // the body's `{` follows the name or the `(discriminant)`
                    int before = arena.kind(node) == SWITCH ? Layouts.switchDiscriminant(arena, node) : Layouts.declarationName(arena, node);
                    if (before >= 0) addBody(src, arena.end(before), end, BRACKETS);
                    break;
                }
                case CALL: case NEW: {
                    int callee = Layouts.callCallee(arena, node);
                    if (callee < 0 || src[end - 1] != ')') break;
                    int typeArguments = Layouts.callTypeArguments(arena, node);
                    int from = arena.end(typeArguments >= 0 ? typeArguments : callee);
                    int open = SourceScan.find(src, from, end, '(', "?.");
                    if (open >= 0) add(open, end - 1, BRACKETS);
                    break;
                }
                default:
            }
        }
        collectComments(arena, src, length);
        collectImports(arena);
    }

    private static boolean isOpening(char c) { return c == '{' || c == '[' || c == '(' || c == '`' || c == '<'; }

    private void addBody(char[] src, int from, int end, int kind) {
        int open = SourceScan.find(src, from, end, '{', ")");
        if (open >= 0 && src[end - 1] == '}') add(open, end - 1, kind);
    }

    private void collectComments(Arena arena, char[] src, int length) {
        ParseLog log = arena.log();
        int runStart = -1, runEnd = -1;
        int[] regions = new int[8];
        int open = 0;
        for (int i = 0, n = log.commentCount(); i < n; i++) {
            int start = log.commentStart(i), end = log.commentEnd(i);
            boolean line = src[start + 1] == '/';
            int marker = line ? regionMarker(src, start + 2, end) : 0;
            if (marker != 0 || !line || runEnd < 0 || !onlyOneLineBreakBetween(src, runEnd, start)) {
                if (runStart >= 0) add(runStart, runEnd, COMMENT);
                runStart = runEnd = -1;
            }
            if (marker > 0) {
                if (open == regions.length) regions = Arrays.copyOf(regions, open * 2);
                regions[open++] = start;
            } else if (marker < 0) {
                if (open > 0) add(regions[--open], end, REGION);
            } else if (!line) {
                add(start, end, COMMENT);
            } else {
                if (runStart < 0 && startsLine(src, start)) runStart = start;
                if (runStart >= 0) runEnd = end;
            }
        }
        if (runStart >= 0) add(runStart, runEnd, COMMENT);
    }

    /** 1 for {@code // #region}, -1 for {@code // #endregion}, else 0 (text from just after the slashes). */
    private static int regionMarker(char[] src, int from, int end) {
        int i = from;
        while (i < end && (src[i] == ' ' || src[i] == '\t')) i++;
        if (matches(src, i, end, "#region")) return 1;
        if (matches(src, i, end, "#endregion")) return -1;
        return 0;
    }

    private static boolean matches(char[] src, int at, int end, String word) {
        if (end - at < word.length()) return false;
        for (int j = 0; j < word.length(); j++) if (src[at + j] != word.charAt(j)) return false;
        return at + word.length() == end || !Character.isLetterOrDigit(src[at + word.length()]);
    }

    /** Line comments on consecutive lines with nothing else between them. */
    private static boolean onlyOneLineBreakBetween(char[] src, int from, int to) {
        int breaks = 0;
        for (int i = from; i < to; i++) {
            char c = src[i];
            if (c == '\n') breaks++;
            else if (!Character.isWhitespace(c)) return false;
        }
        return breaks == 1;
    }

    private static boolean startsLine(char[] src, int at) {
        for (int i = at - 1; i >= 0 && src[i] != '\n' && src[i] != '\r'; i--) if (!Character.isWhitespace(src[i])) return false;
        return true;
    }

    private void collectImports(Arena arena) {
        int root = arena.root();
        int runStart = -1, runEnd = -1;
        for (int s = arena.firstChild(root); s >= 0; s = arena.nextSibling(s)) {
            int k = arena.kind(s);
            if (k == IMPORT_DECLARATION || k == IMPORT_EQUALS) {
                if (runStart < 0) runStart = arena.start(s);
                runEnd = arena.end(s);
            } else if (runStart >= 0) {
                add(runStart, runEnd, IMPORTS);
                runStart = -1;
            }
        }
        if (runStart >= 0) add(runStart, runEnd, IMPORTS);
    }

    private void add(int open, int close, int kind) {
        if (3 * count + 3 > spans.length) spans = Arrays.copyOf(spans, spans.length * 2);
        spans[3 * count] = open;
        spans[3 * count + 1] = close;
        spans[3 * count + 2] = kind;
        count++;
    }

    private List<FoldingRange> toRanges(Arena arena, Lines lines, boolean lineFoldingOnly, int rangeLimit) {
        char[] src = arena.source();
        // {start line, end line, index}, sorted by start line, the outermost (latest end) first
        long[] keyed = new long[count];
        int[] startLine = new int[count], endLine = new int[count];
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int open = spans[3 * i], close = spans[3 * i + 1], kind = spans[3 * i + 2];
            int first = lines.lineOf(open);
            int last = lines.lineOf(close);
            // keep the closing delimiter's line visible (a client that folds by character ends at the delimiter)
            if (kind == BRACKETS && lineFoldingOnly && startsLine(src, close)) last--;
            if (last <= first) continue;
            startLine[i] = first;
            endLine[i] = last;
            // start line (20 bits), then longest first (21 bits), then the index (22 bits)
            keyed[kept++] = ((long) Math.min(first, 0xFFFFF) << 43) | ((long) (0x1FFFFF - Math.min(last - first, 0x1FFFFF)) << 22) | i;
        }
        Arrays.sort(keyed, 0, kept);
        List<FoldingRange> out = new ArrayList<>();
        int previousStart = -1;
        for (int j = 0; j < kept; j++) {
            int i = (int) (keyed[j] & 0x3FFFFF);
            if (startLine[i] == previousStart) continue; // one range per start line: the outermost
            previousStart = startLine[i];
            FoldingRange range = new FoldingRange(startLine[i], endLine[i]);
            int kind = spans[3 * i + 2];
            if (kind == COMMENT) range.setKind(FoldingRangeKind.Comment);
            else if (kind == IMPORTS) range.setKind(FoldingRangeKind.Imports);
            else if (kind == REGION) range.setKind(FoldingRangeKind.Region);
            else if (!lineFoldingOnly) {
                int open = spans[3 * i], close = spans[3 * i + 1];
                range.setStartCharacter(lines.column(open + 1));
                if (lines.lineOf(close) == endLine[i]) range.setEndCharacter(lines.column(close));
            }
            out.add(range);
            if (rangeLimit > 0 && out.size() == rangeLimit) break;
        }
        return out;
    }
}
}
