package dev.arenals.server.query;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.server.document.Document;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The position queries every feature starts with, for one request on one parse: LSP position →
 * offset (in the negotiated encoding), offset → identifier → symbol, a node's or a declaration's
 * name range. Made per request on the document's queue, after the document is parsed, and never
 * kept: it holds the arena and scope table of this parse only.
 */
public final class DocumentQuery {
    private final Document doc;
    private final Arena arena;
    private final ScopeTable scopes;
    private SymbolIndex index;

    private DocumentQuery(Document doc, Arena arena, ScopeTable scopes) {
        this.doc = doc;
        this.arena = arena;
        this.scopes = scopes;
    }

    /** The query for the document's current parse, or null when there is no bound tree (oversized, closed, binder failure). */
    public static DocumentQuery of(Document doc) {
        if (doc == null || doc.isClosed()) return null;
        Arena arena = doc.arena();
        ScopeTable scopes = doc.scopes();
        if (arena == null || scopes == null || arena.root() < 0 || !scopes.referencesResolved()) return null;
        return new DocumentQuery(doc, arena, scopes);
    }

    public Document document() { return doc; }
    public Arena arena() { return arena; }
    public ScopeTable scopes() { return scopes; }
    public String uri() { return doc.uri(); }

    /**
     * The occurrence index of this parse, built on first use and kept with the document until the
     * next parse (which drops all attachments); checked against the arena's generation all the same.
     */
    public SymbolIndex index() {
        if (index == null) {
            IndexHolder holder = doc.attachment(IndexHolder.class, IndexHolder::new);
            if (holder.index == null || !holder.index.isCurrent(arena)) holder.index = SymbolIndex.build(arena, scopes);
            index = holder.index;
        }
        return index;
    }

    /** Attachment slot; the index inside is replaced when stale. */
    static final class IndexHolder {
        SymbolIndex index;
    }

    private int[] parents;

    /**
     * {@code node}, or the outermost parentheses around it: what stands in its place for the node
     * above ({@code parentOf} of the answer), as {@code ((x))} stands for {@code x}.
     */
    public int outermostParentheses(int node) {
        int child = node;
        for (int p = parentOf(node); p >= 0 && arena.kind(p) == dev.arenals.parser.tree.NodeKind.PARENTHESIZED; p = parentOf(p)) child = p;
        return child;
    }

    /**
     * The parent of {@code node} (-1 for the root): from a parent column built on first use in
     * one pass over the nodes and kept with the document until the next parse, so queries that
     * climb from many nodes (declared types, typed uses) stay linear in the file.
     */
    public int parentOf(int node) {
        if (node < 0 || node >= arena.nodeCount()) return -1;
        if (parents == null) {
            ParentsHolder holder = doc.attachment(ParentsHolder.class, ParentsHolder::new);
            if (holder.parents == null || holder.arena != arena || holder.generation != arena.generation()) {
                // from the root down: nodes an incremental splice left behind are not anyone's children
                int[] column = new int[arena.nodeCount()];
                java.util.Arrays.fill(column, -1);
                int[] stack = new int[64];
                int sp = 0;
                if (arena.root() >= 0) stack[sp++] = arena.root();
                while (sp > 0) {
                    int n = stack[--sp];
                    for (int c = arena.firstChild(n); c >= 0; c = arena.nextSibling(c)) {
                        if (c >= column.length) continue;
                        column[c] = n;
                        if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
                        stack[sp++] = c;
                    }
                }
                holder.parents = column;
                holder.arena = arena;
                holder.generation = arena.generation();
            }
            parents = holder.parents;
        }
        return node < parents.length ? parents[node] : -1;
    }

    /** Attachment slot of {@link #parentOf}'s column. */
    static final class ParentsHolder {
        int[] parents;
        Arena arena;
        int generation;
    }

    // ---- positions ----

    /** Offset of a request position, or -1 when the position is outside the document. */
    public int offset(Position position) { return doc.offsetIfValid(position); }

    public Range range(int start, int end) { return doc.rangeOf(start, end); }

    public Range rangeOfNode(int node) { return doc.rangeOf(arena.start(node), arena.end(node)); }

    public Location locationOfNode(int node) { return new Location(doc.uri(), rangeOfNode(node)); }

    // ---- identifiers and symbols ----

    /**
     * The identifier-like node at {@code offset}, or -1. A name the offset is inside wins over one
     * that ends there ({@code a|+b}, {@code o.a|;}), and a name with a symbol over one without on the
     * same span ({@code import { a }}, shorthand {@code { a }}). Unlike {@code ScopeTable.identifierAt},
     * this also finds a name that ends exactly where its parent ends ({@code export { a| }}).
     */
    public int identifierAt(int offset) {
        if (offset < 0) return -1;
        int inside = -1, ending = -1;
        int[] stack = new int[32];
        int sp = 0;
        stack[sp++] = arena.root();
        while (sp > 0) {
            int node = stack[--sp];
            for (int c = arena.firstChild(node); c >= 0; c = arena.nextSibling(c)) {
                int start = arena.start(c), end = arena.end(c);
                if (start > offset) break;
                if (end < offset) continue;
                if (NodeKind.hasName(arena.kind(c))) {
                    if (offset < end) inside = better(inside, c);
                    else ending = better(ending, c);
                } else {
                    if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
                    stack[sp++] = c;
                }
            }
        }
        return inside >= 0 ? inside : ending;
    }

    private int better(int current, int candidate) {
        if (current < 0) return candidate;
        return scopes.symbolOfNode(current) < 0 && scopes.symbolOfNode(candidate) >= 0 ? candidate : current;
    }

    /** The binder's symbol of a node, or -1. */
    public int symbolOfNode(int node) { return node < 0 ? -1 : scopes.symbolOfNode(node); }

    /** The symbol of the identifier at {@code offset} when it has a declaration in this file, else -1. */
    public int declaredSymbolAt(int offset) {
        int symbol = symbolOfNode(identifierAt(offset));
        return symbol >= 0 && isDeclared(symbol) ? symbol : -1;
    }

    public boolean isDeclared(int symbol) {
        return scopes.kind(symbol) != SymbolKind.IMPLICIT_GLOBAL && scopes.declaringNode(symbol) >= 0;
    }

    /** The name range of a symbol's (first) declaration, or null for an implicit global. */
    public Range declarationNameRange(int symbol) {
        int decl = scopes.declarationNode(symbol);
        return decl < 0 ? null : rangeOfNode(decl);
    }

    /** The source text of a node. */
    public String text(int node) { return arena.text(arena.start(node), arena.end(node)); }
}
