package dev.arenals.server.format;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.lexer.Lexer;
import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NameTable;
import dev.arenals.parser.tree.ParseLog;
import java.util.Arrays;

/**
 * A whitespace-only formatter after TypeScript's ({@code src/services/formatting}): it re-indents
 * lines and sets the spaces between tokens on a line, and never touches anything else — no line is
 * joined or split, no token changes. It reads a parsed arena: the lexer's tokens for the text and
 * the tree for indentation contexts (TypeScript's rule: a node's children on a later line are
 * indented by the node's delta, its own closing tokens are not). Literals whose insides the lexer
 * cannot read without the parser (templates, regular expressions, JSX) are taken whole and left as
 * they are; the top-level statements that hold a syntax error are left untouched.
 *
 * <p>Everything is kept in primitive arrays (items, lines); the result is a list of replacements
 * of whitespace runs, see {@link Edits}.
 */
public final class Formatter {
    /** Item kinds besides the lexer's token kinds. */
    static final int LINE_COMMENT = -1, BLOCK_COMMENT = -2, OPAQUE = -3, JSX_TEXT_ITEM = -4;
    /** Nesting deeper than this is left as written (recursion bound; no real file gets near it). */
    private static final int MAX_DEPTH = 400;

    private final int indentSize;
    private final boolean insertSpaces;

    private Arena arena;
    private char[] src;
    private int length;

    // items: tokens, comments and opaque literals in text order
    int[] itemStart = new int[0], itemEnd = new int[0], itemKind = new int[0];
    int itemCount;
    /** Per item: the indentation the item's line gets when the item starts it (-1 unknown). */
    private int[] itemIndent;
    /** Per token: the kind of the node that owns it (TypeScript's container), -1 when not visited. */
    int[] itemOwner;
    /** Per closing token: the indentation of a comment line just before it (the inside of its scope). */
    private int[] commentIndentBefore;

    // lines
    int[] lineStart = new int[0];
    int lineFirstItem(int line) { return lineFirstItem[line]; }
    int lineCount;
    /** Per line: the item whose start is the line's first non-blank character, else -1. */
    private int[] lineFirstItem;
    /** Per line: wanted indentation in columns, -1 = leave. */
    private int[] lineIndent;
    /** Per line: never touched (a statement with a syntax error, a line inside a literal). */
    private boolean[] frozen;

    private int lastIndentedLine = -1, lastIndentation = 0;

    public Formatter(int indentSize, boolean insertSpaces) {
        this.indentSize = Math.max(1, Math.min(indentSize, 16));
        this.insertSpaces = insertSpaces;
    }

    /** The edits that format [from, to) of the parsed text (whole lines; the whole file for 0, length). */
    public Edits format(Arena arena, int from, int to) {
        this.arena = arena;
        this.src = arena.source();
        this.length = arena.sourceLength();
        Edits edits = new Edits();
        if (arena.nodeCount() == 0) return edits;
        scanLines();
        scanItems();
        markLines();
        freezeErrors();
        lineIndent = new int[lineCount];
        Arrays.fill(lineIndent, -1);
        itemIndent = new int[itemCount];
        Arrays.fill(itemIndent, -1);
        itemOwner = new int[itemCount];
        Arrays.fill(itemOwner, -1);
        commentIndentBefore = new int[itemCount];
        Arrays.fill(commentIndentBefore, -1);
        lastIndentedLine = -1;
        lastIndentation = 0;
        int root = arena.root();
        visitNode(root, 0, 0, 0);
        indentComments();
        int fromLine = lineOf(Math.max(0, from)), toLine = lineOf(Math.max(0, Math.min(to, length)));
        Spacing spacing = new Spacing(this);
        emit(edits, fromLine, toLine, spacing);
        return edits;
    }

    // ------------------------------------------------------------------ lines

    private void scanLines() {
        int[] starts = new int[Math.max(16, length / 32)];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < length; i++) {
            char c = src[i];
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                if (c == '\r' && i + 1 < length && src[i + 1] == '\n') i++;
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        lineStart = starts;
        lineCount = n;
    }

    int lineOf(int offset) {
        int lo = 0, hi = lineCount - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStart[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /** The end of line {@code line}'s content (before its line break). */
    int lineContentEnd(int line) {
        int e = line + 1 < lineCount ? lineStart[line + 1] : length;
        if (line + 1 < lineCount) {
            e--;
            if (src[e] == '\n' && e > lineStart[line] && src[e - 1] == '\r') e--;
        }
        return e;
    }

    // ------------------------------------------------------------------ items

    private void scanItems() {
        long[] opaque = opaqueSpans();
        long[] greater = greaterOperators();
        int nextGreater = 0;
        int cap = Math.max(64, length / 4);
        itemStart = new int[cap];
        itemEnd = new int[cap];
        itemKind = new int[cap];
        itemCount = 0;
        Lexer lexer = new Lexer();
        lexer.reset(src, length, new NameTable(), new ParseLog(), arena.isModule());
        int pos = 0, nextOpaque = 0;
        while (pos < length) {
            pos = scanTrivia(pos, nextOpaque < opaque.length ? (int) (opaque[nextOpaque] >>> 32) : length);
            if (pos >= length) break;
            if (nextOpaque < opaque.length && (int) (opaque[nextOpaque] >>> 32) <= pos) {
                int oEnd = (int) opaque[nextOpaque];
                addItem(pos, Math.max(pos + 1, oEnd), Arrays.binarySearch(jsxTextStarts, pos) >= 0 ? JSX_TEXT_ITEM : OPAQUE);
                pos = Math.max(pos + 1, oEnd);
                nextOpaque++;
                while (nextOpaque < opaque.length && (int) (opaque[nextOpaque] >>> 32) < pos) nextOpaque++;
                continue;
            }
            lexer.seek(pos);
            int t = lexer.next();
            if (t == Token.EOF || lexer.tokenEnd <= pos) {
                // trivia the scanner above does not know (an HTML-like comment, a hashbang): one opaque item up to the token
                int e = t == Token.EOF ? length : lexer.tokenStart;
                if (e <= pos) e = pos + 1;
                addItem(pos, e, OPAQUE);
                pos = e;
                continue;
            }
            if (lexer.tokenStart != pos) {
                addItem(pos, lexer.tokenStart, OPAQUE);
            }
            int end = lexer.tokenEnd;
            if (nextOpaque < opaque.length && (int) (opaque[nextOpaque] >>> 32) < end) {
                // the token runs into a literal the tree knows better (a `/` that starts a regex): the literal wins
                addItem(lexer.tokenStart, (int) (opaque[nextOpaque] >>> 32), OPAQUE);
                pos = (int) (opaque[nextOpaque] >>> 32);
                if (pos <= lexer.tokenStart) pos = lexer.tokenStart + 1;
                continue;
            }
            if (t == Token.GT) {
                while (nextGreater < greater.length && (int) (greater[nextGreater] >>> 32) < lexer.tokenStart) nextGreater++;
                if (nextGreater < greater.length && (int) (greater[nextGreater] >>> 32) == lexer.tokenStart) {
                    // `>=`, `>>`, `>>>`, `>>=`, `>>>=`: the lexer gives single `>`s, the tree knows the operator
                    int op = (int) greater[nextGreater];
                    end = Math.min(length, lexer.tokenStart + greaterLength(op));
                    t = op;
                }
            }
            addItem(lexer.tokenStart, end, t);
            pos = end;
        }
    }

    private static int greaterLength(int op) {
        switch (op) {
            case Token.GE, Token.SAR: return 2;
            case Token.SHR, Token.SAR_ASSIGN: return 3;
            case Token.SHR_ASSIGN: return 4;
            default: return 1;
        }
    }

    /** Where binary operators that start with `>` begin, and which (start << 32 | operator), sorted. */
    private long[] greaterOperators() {
        long[] out = new long[8];
        int n = 0;
        for (int i = 0, c = arena.nodeCount(); i < c; i++) {
            int k = arena.kind(i);
            if (k != BINARY && k != ASSIGNMENT) continue;
            int op = arena.data(i);
            if (greaterLength(op) < 2) continue;
            int left = arena.firstChild(i);
            if (left < 0) continue;
            int p = skipTrivia(arena.end(left));
            if (p >= length || src[p] != '>') continue;
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = ((long) p << 32) | op;
        }
        Arrays.sort(out, 0, n);
        return Arrays.copyOf(out, n);
    }

    private int skipTrivia(int p) {
        while (p < length) {
            char c = src[p];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') p++;
            else if (c == '/' && p + 1 < length && src[p + 1] == '/') { while (p < length && src[p] != '\n') p++; }
            else if (c == '/' && p + 1 < length && src[p + 1] == '*') { p += 2; while (p + 1 < length && !(src[p] == '*' && src[p + 1] == '/')) p++; p += 2; }
            else break;
        }
        return p;
    }

    /** Skips whitespace and adds comments from {@code pos}; returns where the next item starts. */
    private int scanTrivia(int pos, int limit) {
        while (pos < length && pos < limit) {
            char c = src[pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\u000c' || c == '\u00a0'
                    || c == '\ufeff' || c == '\u2028' || c == '\u2029' || (c >= '\u2000' && c <= '\u200a') || c == '\u3000'
                    || c == '\u1680' || c == '\u202f' || c == '\u205f') {
                pos++;
            } else if (c == '/' && pos + 1 < length && src[pos + 1] == '/') {
                int e = pos + 2;
                while (e < length && src[e] != '\n' && src[e] != '\r' && src[e] != '\u2028' && src[e] != '\u2029') e++;
                addItem(pos, e, LINE_COMMENT);
                pos = e;
            } else if (c == '/' && pos + 1 < length && src[pos + 1] == '*') {
                int e = pos + 2;
                while (e < length && !(src[e] == '*' && e + 1 < length && src[e + 1] == '/')) e++;
                e = Math.min(length, e + 2);
                addItem(pos, e, BLOCK_COMMENT);
                pos = e;
            } else {
                break;
            }
        }
        return pos;
    }

    private void addItem(int s, int e, int kind) {
        if (itemCount == itemStart.length) {
            int n = itemCount * 2;
            itemStart = Arrays.copyOf(itemStart, n);
            itemEnd = Arrays.copyOf(itemEnd, n);
            itemKind = Arrays.copyOf(itemKind, n);
        }
        itemStart[itemCount] = s;
        itemEnd[itemCount] = e;
        itemKind[itemCount] = kind;
        itemCount++;
    }

    /** Where JSX texts start, sorted. */
    private int[] jsxTextStarts = new int[0];

    /** Outermost spans of literals (strings, templates, regular expressions, JSX text and names), sorted: (start << 32 | end). */
    private long[] opaqueSpans() {
        int texts = 0;
        int[] textStarts = new int[8];
        long[] spans = new long[16];
        int n = 0;
        for (int i = 0, c = arena.nodeCount(); i < c; i++) {
            int k = arena.kind(i);
            if (k == TEMPLATE || k == REGEX_LITERAL || k == STRING_LITERAL || k == TEMPLATE_LITERAL_TYPE
                    || k == JSX_TEXT || k == JSX_IDENTIFIER || k == JSX_NAMESPACED_NAME) {
                int s = arena.start(i), e = arena.end(i);
                if (e <= s) continue;
                if (k == JSX_TEXT) {
                    if (texts == textStarts.length) textStarts = Arrays.copyOf(textStarts, texts * 2);
                    textStarts[texts++] = s;
                }
                if (n == spans.length) spans = Arrays.copyOf(spans, n * 2);
                spans[n++] = ((long) s << 32) | (e & 0xffffffffL);
            }
        }
        Arrays.sort(spans, 0, n);
        jsxTextStarts = Arrays.copyOf(textStarts, texts);
        Arrays.sort(jsxTextStarts);
        int m = 0, lastEnd = -1;
        for (int i = 0; i < n; i++) {
            int s = (int) (spans[i] >>> 32), e = (int) spans[i];
            if (m > 0 && s < lastEnd) { // overlaps the previous span (an element and its opening tag start together): merge
                if (e > lastEnd) {
                    lastEnd = e;
                    spans[m - 1] = (spans[m - 1] & 0xffffffff00000000L) | (e & 0xffffffffL);
                }
                continue;
            }
            spans[m++] = spans[i];
            lastEnd = e;
        }
        return Arrays.copyOf(spans, m);
    }

    /** The first item starting at or after {@code offset}. */
    private int itemAt(int offset) {
        int lo = 0, hi = itemCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (itemStart[mid] < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private void markLines() {
        lineFirstItem = new int[lineCount];
        Arrays.fill(lineFirstItem, -1);
        frozen = new boolean[lineCount];
        int line = 0;
        for (int i = 0; i < itemCount; i++) {
            int s = itemStart[i];
            while (line + 1 < lineCount && lineStart[line + 1] <= s) line++;
            if (lineFirstItem[line] < 0 && isBlank(lineStart[line], s)) lineFirstItem[line] = i;
            // lines that start inside an item (a comment's, a literal's later lines) are the item's own
            int endLine = line;
            int e = itemEnd[i];
            while (endLine + 1 < lineCount && lineStart[endLine + 1] < e) endLine++;
            if (itemKind[i] == JSX_TEXT_ITEM) {
                // JSX drops the whitespace around a line break: a line whose text part is blank is indented like code
                for (int l = line + 1; l <= endLine; l++) {
                    int to = Math.min(e, lineContentEnd(l));
                    if (!isBlank(lineStart[l], to)) frozen[l] = true;
                }
            } else if (itemKind[i] != BLOCK_COMMENT) {
                for (int l = line + 1; l <= endLine; l++) frozen[l] = true;
            }
        }
    }

    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) if (src[i] != ' ' && src[i] != '\t') return false;
        return true;
    }

    /** Lines of top-level statements with a syntax error (or a recovered piece) stay as they are. */
    private void freezeErrors() {
        ParseLog log = arena.log();
        int root = arena.root();
        int n = 0;
        for (int c = arena.firstChild(root); c >= 0; c = arena.nextSibling(c)) n++;
        int[] starts = new int[n], ends = new int[n];
        n = 0;
        for (int c = arena.firstChild(root); c >= 0; c = arena.nextSibling(c)) { starts[n] = arena.start(c); ends[n] = arena.end(c); n++; }
        for (int d = 0, count = log.diagnosticCount(); d < count; d++) freezeStatementAt(starts, ends, n, log.diagnosticStart(d), log.diagnosticEnd(d));
        for (int i = 0, c = arena.nodeCount(); i < c; i++) {
            if (arena.kind(i) == INVALID) freezeStatementAt(starts, ends, n, arena.start(i), arena.end(i));
        }
    }

    /** Freezes the lines of the top-level statement holding [s, e) (found by binary search), and one line either side. */
    private void freezeStatementAt(int[] starts, int[] ends, int n, int s, int e) {
        int from = s, to = Math.max(s, e);
        int lo = 0, hi = n - 1, at = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= s) { at = mid; lo = mid + 1; } else hi = mid - 1;
        }
        if (at >= 0 && s <= ends[at]) { from = Math.min(from, starts[at]); to = Math.max(to, ends[at]); }
        int a = lineOf(Math.max(0, Math.min(from, length))), b = lineOf(Math.max(0, Math.min(to, length)));
        // the error's neighbours too: a recovered statement ends where the parser resumed
        a = Math.max(0, a - 1);
        b = Math.min(lineCount - 1, b + 1);
        for (int l = a; l <= b; l++) frozen[l] = true;
    }

    // ------------------------------------------------------------------ indentation

    /**
     * Visits node {@code n} whose indentation is {@code indent} and whose children on later lines get
     * {@code delta} more (TypeScript's DynamicIndentation).
     */
    private void visitNode(int n, int indent, int delta, int depth) {
        if (depth > MAX_DEPTH) {
            freezeLines(arena.start(n), arena.end(n));
            return;
        }
        Frame f = frames[depth];
        if (f == null) f = frames[depth] = new Frame();
        f.reset();
        f.node = n;
        f.kind = arena.kind(n);
        f.indent = indent;
        f.delta = delta;
        f.startLine = lineOf(arena.start(n));
        f.depth = depth;
        walk(n, f, false);
    }

    /** One frame per depth, reused by every node at that depth: no object per node. */
    private final Frame[] frames = new Frame[MAX_DEPTH + 2];

    /** The state of one visited node. */
    private static final class Frame {
        void reset() {
            listIndent = -1;
            listLine = listClose = listCloseKind = 0;
            listPending = false;
            arrayIndent = -1;
            children = 0;
            prevChildEndLine = -1;
            prevChildKind = -1;
        }

        int node, kind, indent, delta, startLine, depth;
        /** An argument or parameter list opened by {@code (} / {@code <} / {@code {}: its line's indentation, -1 outside. */
        int listIndent = -1, listLine, listClose;
        boolean listPending;
        int listCloseKind;
        /** The indentation of an array literal's first element. */
        int arrayIndent = -1;
        int children;
        int prevChildEndLine = -1;
        int prevChildKind = -1;
    }

    /** Walks {@code n}'s own items and children within frame {@code f} (a transparent node shares its parent's frame). */
    private void walk(int n, Frame f, boolean listNode) {
        int it = itemAt(arena.start(n));
        int end = arena.end(n);
        if (listNode) f.listPending = true;
        if (f.kind == TYPE_LITERAL && n == f.node) f.listPending = true;
        for (int c = arena.firstChild(n); c >= 0; c = arena.nextSibling(c)) {
            int cs = arena.start(c);
            while (it < itemCount && itemStart[it] < cs) ownItem(it++, f);
            int ck = arena.kind(c);
            if (ck == CLASS_BODY || ck == INTERFACE_BODY) {
                walk(c, f, false);
            } else if (ck == FORMAL_PARAMETERS || ck == TYPE_PARAMETERS || ck == TYPE_ARGUMENTS) {
                walk(c, f, true);
                f.listIndent = -1;
                f.listPending = false;
            } else if (isTokenNode(ck) && arena.firstChild(c) < 0) {
                // TypeScript's tokens (names, literals, keywords) are indented as their parent's own tokens
                int ce = arena.end(c);
                int j = itemAt(cs);
                while (j < itemCount && itemStart[j] < ce) ownItem(j++, f);
                f.children++;
            } else {
                visitChild(c, f);
            }
            int ce = arena.end(c);
            if (ce > cs) it = itemAt(ce);
            f.prevChildEndLine = lineOf(Math.max(cs, ce - 1));
            f.prevChildKind = ck;
        }
        while (it < itemCount && itemStart[it] < end) ownItem(it++, f);
    }

    private void ownItem(int it, Frame f) {
        int k = itemKind[it];
        if (k == LINE_COMMENT || k == BLOCK_COMMENT) return;
        itemOwner[it] = f.kind;
        int line = lineOf(itemStart[it]);
        boolean first = lineFirstItem[line] == it;
        int indentation;
        if (f.listIndent >= 0 && k == f.listCloseKind) {
            indentation = f.listIndent;
            commentIndentBefore[it] = f.listIndent + indentSize;
            f.listIndent = -1; // the list ends
        } else if (f.listIndent >= 0) {
            indentation = line == f.listLine ? f.listIndent : f.listIndent + indentSize;
        } else if (line == f.startLine) {
            indentation = f.indent;
        } else if (f.kind == JSX_FRAGMENT && k == Token.LT && it + 1 < itemCount && itemKind[it + 1] == Token.SLASH) {
            indentation = f.indent; // the closing fragment
        } else {
            indentation = f.indent + (shouldAddDelta(k, f.kind) ? f.delta : 0);
        }
        if (k == Token.RBRACE || k == Token.RBRACKET || k == Token.RPAREN) {
            if (commentIndentBefore[it] < 0) commentIndentBefore[it] = f.indent + f.delta;
        }
        itemIndent[it] = indentation;
        if (first && !frozen[line]) {
            lineIndent[line] = indentation;
        }
        if (first) {
            lastIndentedLine = line;
            lastIndentation = indentation;
        }
        // a list's opening token: its items are indented from this line's indentation
        boolean opensList = (f.listPending && (k == Token.LPAREN || k == Token.LT || k == Token.LBRACE))
                || ((f.kind == CALL || f.kind == NEW) && k == Token.LPAREN && f.listIndent < 0 && f.children > 0);
        if (opensList) {
            f.listPending = false;
            f.listIndent = lastIndentation;
            f.listLine = line;
            f.listCloseKind = k == Token.LPAREN ? Token.RPAREN : k == Token.LT ? Token.GT : Token.RBRACE;
        }
    }

    private void visitChild(int c, Frame f) {
        int ck = arena.kind(c);
        int childLine = lineOf(arena.start(c));
        int ownDelta = indentsChildren(ck) ? indentSize : 0;
        boolean inList = f.listIndent >= 0;
        int parentIndent = inList ? f.listIndent : f.indent;
        int parentDelta = willIndentChild(f.kind, ck, c) ? (inList ? indentSize : f.delta) : 0;
        int parentLine = inList ? f.listLine : f.startLine;
        int ci, cd;
        boolean firstChild = f.children == 0;
        f.children++;
        if (childLine == parentLine) {
            ci = childLine == lastIndentedLine ? lastIndentation : parentIndent;
            cd = Math.min(indentSize, parentDelta + ownDelta);
        } else if (f.kind == ARRAY && f.arrayIndent >= 0) {
            ci = f.arrayIndent;
            cd = ownDelta;
        } else if ((inList && (f.kind == CALL || f.kind == NEW) && f.prevChildEndLine == childLine && f.prevChildKind != TYPE_ARGUMENTS)
                || elseIfOnElseLine(f, c, childLine) || unindentedConditionalBranch(f, c, childLine)) {
            ci = parentIndent;
            cd = ownDelta;
        } else {
            ci = parentIndent + parentDelta;
            cd = ownDelta;
        }
        if (f.kind == ARRAY && firstChild && f.arrayIndent < 0) f.arrayIndent = ci;
        visitNode(c, ci, cd, f.depth + 1);
    }

    private boolean elseIfOnElseLine(Frame f, int c, int childLine) {
        if (f.kind != IF || arena.kind(c) != IF) return false;
        int before = itemAt(arena.start(c)) - 1;
        while (before >= 0 && itemKind[before] < 0 && itemKind[before] != OPAQUE) before--;
        return before >= 0 && itemKind[before] == Token.K_ELSE && lineOf(itemStart[before]) == childLine;
    }

    private static boolean isTokenNode(int k) {
        switch (k) {
            case IDENTIFIER_REFERENCE, BINDING_IDENTIFIER, IDENTIFIER_NAME, PRIVATE_IDENTIFIER, LABEL, THIS, SUPER, NULL, BOOLEAN,
                    NUMBER_LITERAL, BIGINT_LITERAL, STRING_LITERAL, REGEX_LITERAL, KEYWORD_TYPE, THIS_TYPE, JSX_TEXT, JSX_IDENTIFIER:
                return true;
            default:
                return false;
        }
    }

    /** TypeScript's shouldAddDelta: braces, closing parentheses, `else`, `while` of a do, and `@` keep the node's indentation. */
    private static boolean shouldAddDelta(int token, int container) {
        switch (token) {
            case Token.LBRACE, Token.RBRACE, Token.RPAREN, Token.K_ELSE, Token.K_WHILE, Token.AT: return false;
            case Token.SLASH, Token.GT: return container != JSX_OPENING_ELEMENT && container != JSX_CLOSING_ELEMENT;
            case Token.LBRACKET, Token.RBRACKET: return container == MAPPED_TYPE;
            default: return true;
        }
    }

    /** TypeScript's shouldIndentChildNode(node) without a child: does the node indent what starts on its later lines. */
    private static boolean indentsChildren(int k) {
        switch (k) {
            case EXPRESSION_STATEMENT, CLASS_DECLARATION, CLASS_EXPRESSION, INTERFACE_DECLARATION, ENUM_DECLARATION, TYPE_ALIAS,
                    ARRAY, BLOCK, FUNCTION_BODY, STATIC_BLOCK, MODULE_BLOCK, OBJECT, TYPE_LITERAL, MAPPED_TYPE, TUPLE_TYPE,
                    PARENTHESIZED, MEMBER, CALL, NEW, VARIABLE_DECLARATION, VARIABLE_DECLARATOR, EXPORT_ASSIGNMENT, EXPORT_DEFAULT,
                    RETURN, CONDITIONAL, ARRAY_PATTERN, OBJECT_PATTERN, METHOD_SIGNATURE, CALL_SIGNATURE, CONSTRUCT_SIGNATURE,
                    PARAMETER, FUNCTION_TYPE, CONSTRUCTOR_TYPE, PARENTHESIZED_TYPE, TAGGED_TEMPLATE, AWAIT, IMPORT_SPECIFIER,
                    EXPORT_SPECIFIER, FIELD, SWITCH_CASE, SWITCH, PROPERTY,
                    DO_WHILE, WHILE, FOR, FOR_IN, FOR_OF, IF, FUNCTION_DECLARATION, FUNCTION_EXPRESSION, METHOD, ARROW_FUNCTION,
                    IMPORT_DECLARATION, EXPORT_NAMED, IMPORT_EQUALS,
                    JSX_ELEMENT, JSX_FRAGMENT, JSX_OPENING_ELEMENT, JSX_EXPRESSION_CONTAINER:
                return true;
            default:
                return false;
        }
    }

    /** TypeScript's nodeWillIndentChild with indentByDefault = true: the exceptions. */
    private boolean willIndentChild(int parent, int child, int childNode) {
        switch (parent) {
            case DO_WHILE, WHILE, FOR, FOR_IN, FOR_OF, IF, FUNCTION_DECLARATION, FUNCTION_EXPRESSION, METHOD, STATIC_BLOCK:
                return child != BLOCK && child != FUNCTION_BODY;
            case ARROW_FUNCTION:
                if (child == PARENTHESIZED) return onOneLine(childNode);
                return child != BLOCK && child != FUNCTION_BODY;
            case VARIABLE_DECLARATOR, PROPERTY, BINARY, ASSIGNMENT:
                // indentMultiLineObjectLiteralBeginningOnBlankLine is off: a multi-line object literal is not pushed in
                return child != OBJECT || onOneLine(childNode);
            case TRY:
                return child != BLOCK;
            case JSX_ELEMENT:
                return child != JSX_CLOSING_ELEMENT;
            case UNION_TYPE, INTERSECTION_TYPE, SATISFIES_EXPRESSION:
                return child != TYPE_LITERAL && child != TUPLE_TYPE && child != MAPPED_TYPE;
            default:
                return true;
        }
    }

    private boolean onOneLine(int node) {
        return lineOf(arena.start(node)) == lineOf(Math.max(arena.start(node), arena.end(node) - 1));
    }

    /** TypeScript's childIsUnindentedBranchOfConditionalExpression: `a ? b` on one line, `: c` on the next is not pushed in. */
    private boolean unindentedConditionalBranch(Frame f, int c, int childLine) {
        if (f.kind != CONDITIONAL) return false;
        int test = arena.firstChild(f.node);
        if (test < 0 || test == c) return false;
        int whenTrue = arena.nextSibling(test);
        if (whenTrue < 0) return false;
        int conditionEndLine = lineOf(Math.max(arena.start(test), arena.end(test) - 1));
        if (c == whenTrue) return childLine == conditionEndLine;
        return conditionEndLine == lineOf(arena.start(whenTrue)) && lineOf(Math.max(arena.start(whenTrue), arena.end(whenTrue) - 1)) == childLine;
    }

    private void freezeLines(int s, int e) {
        int a = lineOf(s), b = lineOf(Math.max(s, e - 1));
        for (int l = a; l <= b; l++) frozen[l] = true;
    }

    /** Comment lines take the indentation of the token after them (the inside of a scope before its closing token). */
    private void indentComments() {
        for (int line = 0; line < lineCount; line++) {
            int it = lineFirstItem[line];
            if (it < 0 || (itemKind[it] != LINE_COMMENT && itemKind[it] != BLOCK_COMMENT)) continue;
            int next = it + 1;
            while (next < itemCount && (itemKind[next] == LINE_COMMENT || itemKind[next] == BLOCK_COMMENT)) next++;
            int want;
            if (next >= itemCount) want = 0;
            else if (commentIndentBefore[next] >= 0) want = commentIndentBefore[next];
            else want = itemIndent[next];
            if (want < 0 || frozen[line]) continue;
            lineIndent[line] = want;
        }
    }

    // ------------------------------------------------------------------ output

    private void emit(Edits edits, int fromLine, int toLine, Spacing spacing) {
        for (int line = fromLine; line <= toLine && line < lineCount; line++) {
            int ls = lineStart[line];
            int contentEnd = lineContentEnd(line);
            int first = lineFirstItem[line];
            // indentation
            if (!frozen[line] && first >= 0 && lineIndent[line] >= 0) {
                int ws = itemStart[first];
                int current = column(ls, ws);
                int want = lineIndent[line];
                String text = indentation(want);
                if (!sameText(ls, ws, text)) edits.add(ls, ws, text);
                if (itemKind[first] == BLOCK_COMMENT) indentCommentLines(edits, first, want - current, line);
            }
            // spaces between the items on the line
            if (!frozen[line]) spacing.emitLine(edits, line);
            // trailing whitespace
            if (!frozen[line] && !endsInsideItem(line, contentEnd)) {
                int t = contentEnd;
                while (t > ls && (src[t - 1] == ' ' || src[t - 1] == '\t' || src[t - 1] == '\u000c' || src[t - 1] == '\u000b')) t--;
                if (t < contentEnd) edits.add(t, contentEnd, "");
            }
        }
    }

    /** The later lines of a block comment that starts a line move with its first line (TypeScript's indentMultilineComment). */
    private void indentCommentLines(Edits edits, int item, int delta, int firstLine) {
        int lastLine = lineOf(itemEnd[item]);
        if (delta == 0 || lastLine == firstLine) return;
        for (int line = firstLine + 1; line <= lastLine; line++) {
            int ls = lineStart[line];
            int p = ls;
            int limit = Math.min(itemEnd[item], lineContentEnd(line));
            while (p < limit && (src[p] == ' ' || src[p] == '\t')) p++;
            int col = column(ls, p);
            int want = Math.max(0, col + delta);
            String text = indentation(want);
            if (!sameText(ls, p, text)) edits.add(ls, p, text);
        }
    }

    /** The line ends inside a comment or a literal spanning lines: its trailing whitespace is their content. */
    private boolean endsInsideItem(int line, int contentEnd) {
        int it = itemAt(contentEnd) - 1;
        return it >= 0 && itemEnd[it] > contentEnd;
    }

    private int column(int from, int to) {
        int col = 0;
        for (int i = from; i < to; i++) col = src[i] == '\t' ? col + indentSize - col % indentSize : col + 1;
        return col;
    }

    private boolean sameText(int from, int to, String text) {
        if (to - from != text.length()) return false;
        for (int i = 0; i < text.length(); i++) if (src[from + i] != text.charAt(i)) return false;
        return true;
    }

    private final String[] indentCache = new String[64];

    String indentation(int columns) {
        if (columns < indentCache.length && indentCache[columns] != null) return indentCache[columns];
        StringBuilder sb = new StringBuilder(columns);
        if (insertSpaces) {
            for (int i = 0; i < columns; i++) sb.append(' ');
        } else {
            for (int i = 0; i < columns / indentSize; i++) sb.append('\t');
            for (int i = 0; i < columns % indentSize; i++) sb.append(' ');
        }
        String s = sb.toString();
        if (columns < indentCache.length) indentCache[columns] = s;
        return s;
    }

    char[] source() { return src; }
    int sourceLength() { return length; }
    boolean isFrozen(int line) { return frozen[line]; }
}
