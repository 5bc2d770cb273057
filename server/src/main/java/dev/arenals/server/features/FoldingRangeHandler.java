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
 * {@code textDocument/foldingRange}: what TypeScript's outlining folds ({@code getOutliningSpans},
 * judged by {@code benchmarks/peer/structure-vs-typescript.mjs}) when it spans lines: blocks,
 * function bodies (from the {@code (} when the parameters span lines), arrow functions' expression
 * bodies, bodies of classes, interfaces, enums, namespaces and switches, case clauses, object and
 * array literals and patterns, type literals, tuples, call arguments, parenthesized expressions,
 * templates, import and export braces, JSX elements and attributes; multi-line comments and runs
 * of line comments ({@code comment}), runs of two or more imports ({@code imports}) and
 * {@code // #region} … {@code // #endregion} ({@code region}). Parameter, type parameter and type
 * argument lists do not fold on their own, as in TypeScript.
 *
 * <p>A range ends on the line before its closing delimiter ({@code }}, {@code ]}, {@code )}, a
 * backtick, a JSX closing tag), so that line stays visible, as VS Code's TypeScript extension
 * shows TypeScript's spans. For a client with {@code lineFoldingOnly} that is all; others also
 * get the columns after the opening and at the closing delimiter. At most one range starts on a
 * line (the outermost), and past the client's {@code rangeLimit} the later ranges are dropped.
 */
public final class FoldingRangeHandler {
    /** BRACKETS: close is the closing delimiter; CODE: a span TypeScript folds without delimiters, close its end. */
    private static final int BRACKETS = 0, COMMENT = 1, IMPORTS = 2, REGION = 3, CODE = 4;

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
                case BLOCK: case CLASS_BODY: case OBJECT: case OBJECT_PATTERN: case ARRAY:
                case ARRAY_PATTERN: case INTERFACE_BODY: case TYPE_LITERAL: case MODULE_BLOCK: case TUPLE_TYPE:
                case TEMPLATE: case IMPORT_ATTRIBUTES:
                    if (isOpening(src[start])) add(start, end - 1, BRACKETS);
                    break;
                case PARENTHESIZED:
                    if (src[start] == '(' && src[end - 1] == ')') add(start, end - 1, BRACKETS);
                    break;
                case FUNCTION_DECLARATION: case FUNCTION_EXPRESSION: case ARROW_FUNCTION:
                    function(arena, src, node);
                    break;
                case JSX_ELEMENT: case JSX_FRAGMENT: {
                    // up to the closing tag, which stays visible like a closing brace
                    int closing = end - 1;
                    while (closing > start && src[closing] != '<') closing--;
                    if (closing > start) add(start, closing, BRACKETS);
                    break;
                }
                case JSX_OPENING_ELEMENT: {
                    // attributes over several lines (TypeScript's JsxAttributes)
                    int first = -1, last = -1;
                    for (int c = arena.firstChild(node); c >= 0; c = arena.nextSibling(c)) {
                        int k = arena.kind(c);
                        if (k != JSX_ATTRIBUTE && k != JSX_SPREAD_ATTRIBUTE) continue;
                        if (first < 0) first = c;
                        last = c;
                    }
                    if (first >= 0) add(arena.start(first), arena.end(last), CODE);
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
                case SWITCH_CASE: {
                    // `case x:` through its last statement
                    int statement = arena.firstChild(node);
                    if (statement >= 0 && arena.data(node) != 1) statement = arena.nextSibling(statement); // past the test
                    if (statement >= 0) add(start, end, CODE);
                    break;
                }
                case CALL: {
                    // TypeScript folds a call's arguments, not a `new`'s, and only when there are some
                    int callee = Layouts.callCallee(arena, node);
                    if (callee < 0 || src[end - 1] != ')' || Layouts.callFirstArgument(arena, node) < 0) break;
                    int typeArguments = Layouts.callTypeArguments(arena, node);
                    int from = arena.end(typeArguments >= 0 ? typeArguments : callee);
                    int open = SourceScan.find(src, from, end, '(', "?.");
                    if (open >= 0) add(open, end - 1, BRACKETS);
                    break;
                }
                case IMPORT_DECLARATION: case EXPORT_NAMED:
                    addSpecifierBraces(arena, src, node);
                    break;
                default:
            }
        }
        collectComments(arena, src, length);
        collectImports(arena);
    }

    /**
     * A function's body, as TypeScript folds it: from the {@code (} when the parameters span lines
     * (one range for both, none for the parameters alone), else from the body's {@code {}; an
     * arrow's expression body over several lines from the {@code =>}.
     */
    private void function(Arena arena, char[] src, int fn) {
        int body = arena.kind(fn) == ARROW_FUNCTION ? Layouts.arrowBody(arena, fn) : Layouts.functionBody(arena, fn);
        if (body < 0) return;
        int bodyStart = arena.start(body), bodyEnd = arena.end(body);
        if (arena.kind(body) != FUNCTION_BODY) {
            if (arena.kind(body) == PARENTHESIZED || bodyEnd <= bodyStart) return; // folded as itself, or missing
            int arrow = bodyStart - 1;
            while (arrow > arena.start(fn) && src[arrow] != '>') arrow--;
            add(arrow, bodyEnd, CODE);
            return;
        }
        if (bodyEnd - bodyStart < 2 || src[bodyStart] != '{' || src[bodyEnd - 1] != '}') return; // a recovered, missing body
        int params = Layouts.functionParameters(arena, fn);
        int open = bodyStart;
        int lastParameter = params < 0 ? -1 : arena.firstChild(params);
        for (int c = lastParameter; c >= 0; c = arena.nextSibling(c)) lastParameter = c;
        if (lastParameter >= 0 && src[arena.start(params)] == '(' && SourceScan.hasLineBreak(src, arena.start(params), arena.end(lastParameter))) {
            open = arena.start(params);
        }
        add(open, bodyEnd - 1, BRACKETS);
    }

    /** {@code import { a, b } from …} and {@code export { a, b }} over several lines. */
    private void addSpecifierBraces(Arena arena, char[] src, int declaration) {
        int first = -1, last = -1;
        for (int c = arena.firstChild(declaration); c >= 0; c = arena.nextSibling(c)) {
            int k = arena.kind(c);
            if (k != IMPORT_SPECIFIER && k != EXPORT_SPECIFIER) continue;
            if (first < 0) first = c;
            last = c;
        }
        if (first < 0) return;
        int open = arena.start(first) - 1, close = arena.end(last);
        while (open > arena.start(declaration) && src[open] != '{') open--;
        while (close < arena.end(declaration) && src[close] != '}') close++;
        if (src[open] == '{' && close < arena.end(declaration)) add(open, close, BRACKETS);
    }

    /** A closing delimiter: the {@code <} of a JSX closing tag stands for the {@code >} ending it. */
    private static boolean isClosing(char c) { return c == '}' || c == ']' || c == ')' || c == '`' || c == '>' || c == '<'; }

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
            if (marker != 0 || !line || runEnd < 0 || !onlyWhitespaceBetween(src, runEnd, start)) {
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

    /** Line comments with nothing but whitespace between them: blank lines do not end a run (TypeScript's leading comments). */
    private static boolean onlyWhitespaceBetween(char[] src, int from, int to) {
        for (int i = from; i < to; i++) if (!Character.isWhitespace(src[i])) return false;
        return true;
    }

    private static boolean startsLine(char[] src, int at) {
        for (int i = at - 1; i >= 0 && src[i] != '\n' && src[i] != '\r'; i--) if (!Character.isWhitespace(src[i])) return false;
        return true;
    }

    /** Runs of two or more imports (one import's braces fold as code, as TypeScript has it). */
    private void collectImports(Arena arena) {
        int root = arena.root();
        int runStart = -1, runEnd = -1, runLength = 0;
        for (int s = arena.firstChild(root); s >= 0; s = arena.nextSibling(s)) {
            int k = arena.kind(s);
            if (k == IMPORT_DECLARATION || k == IMPORT_EQUALS) {
                if (runStart < 0) runStart = arena.start(s);
                runEnd = arena.end(s);
                runLength++;
            } else if (runStart >= 0) {
                if (runLength > 1) add(runStart, runEnd, IMPORTS);
                runStart = -1;
                runLength = 0;
            }
        }
        if (runStart >= 0 && runLength > 1) add(runStart, runEnd, IMPORTS);
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
            if (kind == CODE) close--; // its last character
            int last = lines.lineOf(close);
            // keep the closing delimiter's line visible, as VS Code's TypeScript extension does for a span ending in
            // `}`, `]`, `)`, a backtick or `>` (a JSX closing tag); a client that folds by character ends at the delimiter
            if ((kind == BRACKETS || kind == CODE) && lineFoldingOnly && isClosing(src[close])) last--;
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
            else if (!lineFoldingOnly && kind == BRACKETS) {
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
