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
 * it out through every enclosing node with a range of its own, adding the ranges a reader selects
 * but the tree has no node for: a string's contents without quotes, a template's text and
 * {@code ${…}} spans, the contents of a block, body, list or literal without its brackets, an
 * argument list with and without parentheses; the whole file last. Each range strictly contains
 * the one before it.
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
            if (kind == STRING_LITERAL && end - start >= 2) spans.add(start + 1, end - 1);
            if (kind == TEMPLATE_ELEMENT) {
                // `text${, }text${, }text` or `text`: the text between the delimiters
                int from = start + 1;
                int to = end - (src[end - 1] == '`' ? 1 : 2);
                if (to >= from) spans.add(from, to);
            }
            if (kind != TEMPLATE_ELEMENT) addContents(arena, node, spans);
            int pk = arena.kind(parent);
            // a method's function is its parameters and body only: not a range anyone selects
            // (and a template element, delimiters and all, is not one either: its text is)
            if (!(kind == FUNCTION_EXPRESSION && (pk == METHOD || pk == PROPERTY)) && kind != TEMPLATE_ELEMENT) spans.add(start, end);
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

    private SelectionRange chain(DocumentQuery q, int offset) {
        int[] spans = spans(q.arena(), offset);
        SelectionRange outer = null;
        for (int i = spans.length - 2; i >= 0; i -= 2) outer = new SelectionRange(q.range(spans[i], spans[i + 1]), outer);
        return outer;
    }

    /** A bracketed node's contents without the brackets: the span from its first child to its last. */
    private static void addContents(Arena arena, int node, Spans spans) {
        switch (arena.kind(node)) {
            case BLOCK: case FUNCTION_BODY: case CLASS_BODY: case OBJECT: case OBJECT_PATTERN: case ARRAY: case ARRAY_PATTERN:
            case FORMAL_PARAMETERS: case INTERFACE_BODY: case TYPE_LITERAL: case MODULE_BLOCK: case TUPLE_TYPE:
            case TYPE_ARGUMENTS: case TYPE_PARAMETERS: case JSX_ELEMENT: case JSX_FRAGMENT: {
                int first = arena.firstChild(node);
                if (first < 0) return;
                int last = first;
                for (int c = arena.nextSibling(first); c >= 0; c = arena.nextSibling(c)) last = c;
                spans.add(arena.start(first), arena.end(last));
                break;
            }
            default:
        }
    }

    /** The arguments of a call, without and then with their parentheses. */
    private static void addArguments(Arena arena, int call, Spans spans) {
        int typeArguments = Layouts.callTypeArguments(arena, call);
        int from = arena.end(typeArguments >= 0 ? typeArguments : Layouts.callCallee(arena, call));
        int first = Layouts.callFirstArgument(arena, call);
        if (first < 0) return;
        int last = first;
        for (int c = arena.nextSibling(first); c >= 0; c = arena.nextSibling(c)) last = c;
        spans.add(arena.start(first), arena.end(last));
        int open = SourceScan.find(arena.source(), from, arena.end(call), '(', "?.");
        if (open >= 0 && arena.source()[arena.end(call) - 1] == ')') spans.add(open, arena.end(call));
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
