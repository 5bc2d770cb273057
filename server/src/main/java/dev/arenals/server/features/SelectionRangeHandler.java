package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.SourceScan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SelectionRange;

/**
 * {@code textDocument/selectionRange}: for each position, the chain from the name (or token) under
 * it out through the enclosing nodes, as TypeScript's smart selection steps
 * ({@code getSmartSelectionRange}, judged by {@code benchmarks/peer/structure-vs-typescript.mjs}):
 * adding the ranges a reader selects but the tree has no node for (a string's contents without
 * quotes, a template's text and {@code ${…}} spans, the contents of a body, list or literal without
 * its brackets, a declaration with its doc comment) and leaving out those TypeScript skips (see
 * {@link #hasOwnRange}); the whole file last. Each range strictly contains the one before it.
 *
 * <p>The answer pairs ranges with positions by index, so when a position is not in the document
 * the whole answer is empty rather than shifted.
 */
public final class SelectionRangeHandler {
    public List<SelectionRange> selectionRanges(Document doc, List<Position> positions) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null || positions == null) return List.of();
        List<SelectionRange> out = new ArrayList<>(positions.size());
        for (Position p : positions) {
            int offset = q.offset(p);
            if (offset < 0) return List.of();
            out.add(chain(q, offset));
        }
        return out;
    }

    /** The ranges around {@code offset}, innermost first, as {start, end} pairs. */
    static int[] spans(Arena arena, int offset) {
        int[] path = pathAt(arena, offset);
        Spans spans = new Spans();
        char[] src = arena.source();
        for (int i = path.length - 1; i >= 1; i--) {
            int node = path[i], parent = path[i - 1];
            int start = arena.start(node), end = arena.end(node);
            int kind = arena.kind(node);
            if (kind == STRING_LITERAL && end - start > 2) spans.add(start + 1, end - 1); // not an empty one
            if (kind == TEMPLATE_ELEMENT) {
                // `text${, }text${, }text` or `text`: the text between the delimiters
                int from = start + 1;
                int to = end - (src[end - 1] == '`' ? 1 : 2);
                if (to >= from) spans.add(from, to);
            }
            if (kind != TEMPLATE_ELEMENT) addContents(arena, node, spans);
            if (kind == TEMPLATE && end - start >= 2) spans.add(start + 1, end - 1); // without the backticks
            if (kind == IMPORT_DECLARATION) addImportClause(arena, node, spans);
            int pk = arena.kind(parent);
            if (hasOwnRange(arena, node, kind, parent, pk)) {
                end = withSeparator(src, arena.sourceLength(), kind, end);
                spans.add(start, end);
                // a declaration with its doc comment, as TypeScript selects it next
                if (canHaveDocComment(kind)) {
                    int doc = JsDoc.startBefore(arena, start);
                    if (doc >= 0) spans.add(doc, end);
                }
            }
            if (isComputedKey(arena, node, parent, pk)) {
                // `[expression]`: TypeScript's computed property name
                int open = start - 1, close = end;
                while (open > 0 && Character.isWhitespace(src[open])) open--;
                while (close < arena.sourceLength() && Character.isWhitespace(src[close])) close++;
                if (open >= 0 && src[open] == '[' && close < arena.sourceLength() && src[close] == ']') spans.add(open, close + 1);
            }
            if (kind == IMPORT_DECLARATION && parent == arena.root()) addImportRun(arena, node, spans);
            if ((pk == TEMPLATE || pk == TEMPLATE_LITERAL_TYPE) && kind != TEMPLATE_ELEMENT) {
                // ${expression}: from the `${` ending the element before to the `}` starting the one after
                int after = arena.nextSibling(node);
                int before = previousSibling(arena, parent, node);
                if (before >= 0 && after >= 0) spans.add(arena.end(before) - 2, arena.start(after) + 1);
            }
            if ((pk == CALL || pk == NEW) && Layouts.callCallee(arena, parent) != node && kind != TYPE_ARGUMENTS) {
                addArguments(arena, parent, spans);
            }
        }
        spans.add(0, arena.sourceLength());
        return spans.toArray();
    }

    /**
     * Whether a node's own span is a selection step, as in TypeScript's smart selection: not a
     * method's function (its parameters and body), a template element (its text is), a bracketed
     * list with its brackets (parameters, type parameters and arguments: their contents are), a
     * block (a function body spanning lines is), a class body, the only declarator of a
     * declaration, or a declaration under {@code export} (the whole {@code export …} is).
     */
    private static boolean hasOwnRange(Arena arena, int node, int kind, int parent, int pk) {
        switch (kind) {
            case TEMPLATE_ELEMENT: case FORMAL_PARAMETERS: case TYPE_PARAMETERS: case TYPE_ARGUMENTS: case BLOCK: case CLASS_BODY:
            case INTERFACE_BODY:
                return false;
            case FUNCTION_EXPRESSION:
                return pk != METHOD && pk != PROPERTY;
            case FUNCTION_BODY:
                return SourceScan.hasLineBreak(arena.source(), arena.start(node), arena.end(node));
            case VARIABLE_DECLARATOR:
                return arena.firstChild(parent) != node || arena.nextSibling(node) >= 0;
            case FUNCTION_DECLARATION: case CLASS_DECLARATION: case VARIABLE_DECLARATION: case TYPE_ALIAS: case INTERFACE_DECLARATION:
            case ENUM_DECLARATION: case MODULE_DECLARATION:
                return !((pk == EXPORT_NAMED || pk == EXPORT_DEFAULT) && Layouts.exportedDeclaration(arena, parent) == node);
            default:
                return true;
        }
    }

    private static boolean canHaveDocComment(int kind) {
        switch (kind) {
            case FUNCTION_DECLARATION: case CLASS_DECLARATION: case VARIABLE_DECLARATION: case TYPE_ALIAS: case INTERFACE_DECLARATION:
            case ENUM_DECLARATION: case MODULE_DECLARATION: case EXPORT_NAMED: case EXPORT_DEFAULT: case EXPRESSION_STATEMENT:
            case METHOD: case FIELD: case PROPERTY: case PROPERTY_SIGNATURE: case METHOD_SIGNATURE: case ENUM_MEMBER:
                return true;
            default:
                return false;
        }
    }

    /** A type member's end with the {@code ;} or {@code ,} after it, a field's with its {@code ;}: TypeScript's member ends there. */
    private static int withSeparator(char[] src, int length, int kind, int end) {
        boolean typeMember = kind == PROPERTY_SIGNATURE || kind == METHOD_SIGNATURE || kind == INDEX_SIGNATURE
                || kind == CALL_SIGNATURE || kind == CONSTRUCT_SIGNATURE;
        if (!typeMember && kind != FIELD) return end;
        if (end < length && (src[end] == ';' || (typeMember && src[end] == ','))) return end + 1;
        return end;
    }

    private SelectionRange chain(DocumentQuery q, int offset) {
        int[] spans = spans(q.arena(), offset);
        SelectionRange outer = null;
        for (int i = spans.length - 2; i >= 0; i -= 2) outer = new SelectionRange(q.range(spans[i], spans[i + 1]), outer);
        return outer;
    }

    /**
     * A bracketed node's contents without the brackets: from its first child to its last, or, when
     * the brackets are on different lines, everything between them (TypeScript's list between
     * multi-line bookends).
     */
    private static void addContents(Arena arena, int node, Spans spans) {
        switch (arena.kind(node)) {
            case BLOCK: case FUNCTION_BODY: case CLASS_BODY: case OBJECT: case OBJECT_PATTERN: case ARRAY: case ARRAY_PATTERN:
            case FORMAL_PARAMETERS: case INTERFACE_BODY: case TYPE_LITERAL: case MODULE_BLOCK: case TUPLE_TYPE:
            case TYPE_ARGUMENTS: case TYPE_PARAMETERS: case JSX_ELEMENT: case JSX_FRAGMENT: {
                int first = arena.firstChild(node);
                if (first < 0) return;
                addList(arena.source(), arena.start(node), arena.end(node), arena.start(first), arena.end(lastChild(arena, node)), spans);
                break;
            }
            case SWITCH_CASE: {
                // the statements after `case x:`
                int first = arena.firstChild(node);
                if (first >= 0 && arena.data(node) != 1) first = arena.nextSibling(first); // the test
                if (first >= 0) spans.add(arena.start(first), arena.end(lastChild(arena, node)));
                break;
            }
            case SWITCH: {
                // the cases, then the braces around them (TypeScript's case block)
                int discriminant = Layouts.switchDiscriminant(arena, node);
                int firstCase = Layouts.switchFirstCase(arena, node);
                int end = arena.end(node);
                int open = discriminant < 0 ? -1 : SourceScan.find(arena.source(), arena.end(discriminant), end, '{', ")");
                if (open < 0 || arena.source()[end - 1] != '}') return;
                if (firstCase >= 0) addList(arena.source(), open, end, arena.start(firstCase), arena.end(lastChild(arena, node)), spans);
                spans.add(open, end);
                break;
            }
            default:
        }
    }

    /** A list [first, last) inside brackets [open, close): between the brackets when they are on different lines. */
    private static void addList(char[] src, int open, int close, int first, int last, Spans spans) {
        boolean bracketed = close - open >= 2 && isOpener(src[open]) && isCloser(src[close - 1]);
        if (bracketed && SourceScan.hasLineBreak(src, open, close - 1)) spans.add(open + 1, close - 1);
        else spans.add(first, last);
    }

    /** TypeScript's list bookends: not {@code <…>}. */
    private static boolean isOpener(char c) { return c == '{' || c == '[' || c == '('; }
    private static boolean isCloser(char c) { return c == '}' || c == ']' || c == ')'; }

    private static int lastChild(Arena arena, int node) {
        int last = arena.firstChild(node);
        for (int c = last; c >= 0; c = arena.nextSibling(c)) last = c;
        return last;
    }

    private static boolean isComputedKey(Arena arena, int node, int parent, int pk) {
        if (pk != PROPERTY && pk != METHOD && pk != FIELD && pk != PROPERTY_SIGNATURE && pk != METHOD_SIGNATURE) return false;
        return (arena.data(parent) & P_COMPUTED) != 0 && Layouts.memberKey(arena, parent) == node;
    }

    /** {@code { a, b }} of an import, then everything between {@code import} and {@code from} (TypeScript's import clause). */
    private static void addImportClause(Arena arena, int declaration, Spans spans) {
        char[] src = arena.source();
        int firstSpecifier = -1, lastSpecifier = -1, named = -1;
        for (int c = arena.firstChild(declaration); c >= 0; c = arena.nextSibling(c)) {
            int k = arena.kind(c);
            if (k != IMPORT_SPECIFIER && k != IMPORT_DEFAULT_SPECIFIER && k != IMPORT_NAMESPACE_SPECIFIER) break;
            if (firstSpecifier < 0) firstSpecifier = c;
            lastSpecifier = c;
            if (k == IMPORT_SPECIFIER && named < 0) named = c;
        }
        if (firstSpecifier < 0) return;
        int clauseEnd = arena.end(lastSpecifier);
        if (named >= 0) {
            int open = arena.start(named) - 1, close = clauseEnd;
            while (open > arena.start(declaration) && src[open] != '{') open--;
            while (close < arena.end(declaration) && src[close] != '}') close++;
            if (src[open] == '{' && close < arena.end(declaration)) {
                spans.add(open, close + 1);
                clauseEnd = close + 1;
            }
        }
        int clauseStart = arena.start(declaration) + "import".length();
        while (clauseStart < arena.start(firstSpecifier) && Character.isWhitespace(src[clauseStart])) clauseStart++;
        spans.add(Math.min(clauseStart, arena.start(firstSpecifier)), clauseEnd);
    }

    /** The run of imports at the top level around one: TypeScript selects them together. */
    private static void addImportRun(Arena arena, int declaration, Spans spans) {
        int runStart = -1, last = -1;
        boolean found = false;
        for (int c = arena.firstChild(arena.root()); c >= 0; c = arena.nextSibling(c)) {
            boolean isImport = arena.kind(c) == IMPORT_DECLARATION || arena.kind(c) == IMPORT_EQUALS;
            if (!isImport) {
                if (found) break;
                runStart = -1;
                continue;
            }
            if (runStart < 0) runStart = c;
            if (c == declaration) found = true;
            if (found) last = c;
        }
        if (found) spans.add(arena.start(runStart), arena.end(last));
    }

    /** The arguments of a call without their parentheses (TypeScript selects no range with them). */
    private static void addArguments(Arena arena, int call, Spans spans) {
        int typeArguments = Layouts.callTypeArguments(arena, call);
        int from = arena.end(typeArguments >= 0 ? typeArguments : Layouts.callCallee(arena, call));
        int first = Layouts.callFirstArgument(arena, call);
        if (first < 0) return;
        int last = first;
        for (int c = arena.nextSibling(first); c >= 0; c = arena.nextSibling(c)) last = c;
        int open = SourceScan.find(arena.source(), from, arena.end(call), '(', "?.");
        if (open >= 0 && arena.source()[arena.end(call) - 1] == ')') addList(arena.source(), open, arena.end(call), arena.start(first), arena.end(last), spans);
        else spans.add(arena.start(first), arena.end(last));
    }

    private static int previousSibling(Arena arena, int parent, int node) {
        int previous = -1;
        for (int c = arena.firstChild(parent); c >= 0 && c != node; c = arena.nextSibling(c)) previous = c;
        return previous;
    }

    /** Root first: at each level the child the offset is inside, else a name that ends at it ({@code foo|}). */
    private static int[] pathAt(Arena arena, int offset) {
        int[] path = new int[32];
        int depth = 0;
        int node = arena.root();
        if (node < 0) return new int[0];
        path[depth++] = node;
        while (true) {
            int next = -1;
            for (int c = arena.firstChild(node); c >= 0; c = arena.nextSibling(c)) {
                int start = arena.start(c), end = arena.end(c);
                if (start > offset) break;
                if (offset < end) {
                    // `v|}` : the name ending here wins over the token starting here
                    if (!(start == offset && next >= 0)) next = c;
                    break;
                }
                if (offset == end && start < end && hasName(arena.kind(c))) next = c; // keep looking for one it is inside
            }
            if (next < 0) return Arrays.copyOf(path, depth);
            if (depth == path.length) path = Arrays.copyOf(path, depth * 2);
            path[depth++] = next;
            node = next;
        }
    }

    /** Ranges innermost first; a range that does not grow the previous one is skipped. */
    private static final class Spans {
        private int[] data = new int[32];
        private int size;

        void add(int start, int end) {
            if (size > 0) {
                int ps = data[size - 2], pe = data[size - 1];
                if (start > ps || end < pe || (start == ps && end == pe)) return;
            }
            if (size + 2 > data.length) data = Arrays.copyOf(data, size * 2);
            data[size++] = start;
            data[size++] = end;
        }

        int[] toArray() { return Arrays.copyOf(data, size); }
    }
}
