package dev.arenals.parser.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * A flyweight, read-only view of one arena node: (arena, index, generation). Every accessor checks
 * that the arena has not been reset since the view was made; a stale view throws
 * {@link IllegalStateException} instead of reading another tree's data.
 */
public final class Node {
    private final Arena arena;
    private final int index;
    private final int generation;

    Node(Arena arena, int index) {
        this.arena = arena;
        this.index = index;
        this.generation = arena.generation();
    }

    private void check() {
        if (arena.generation() != generation) {
            throw new IllegalStateException("stale node view: it was made in arena generation " + generation
                    + " but the arena has been reset (now generation " + arena.generation()
                    + "); views must not be kept across reparses");
        }
    }

    public int index() { check(); return index; }
    public int kind() { check(); return arena.kind(index); }
    public String kindName() { return NodeKind.name(kind()); }
    public int start() { check(); return arena.start(index); }
    public int end() { check(); return arena.end(index); }
    public int data() { check(); return arena.data(index); }
    public boolean is(int k) { return kind() == k; }

    public Node firstChild() {
        check();
        int c = arena.firstChild(index);
        return c < 0 ? null : new Node(arena, c);
    }

    public Node nextSibling() {
        check();
        int c = arena.nextSibling(index);
        return c < 0 ? null : new Node(arena, c);
    }

    public int childCount() {
        check();
        int n = 0;
        for (int c = arena.firstChild(index); c >= 0; c = arena.nextSibling(c)) n++;
        return n;
    }

    /** The i-th child, or null. */
    public Node child(int i) {
        check();
        int c = arena.firstChild(index);
        while (c >= 0 && i-- > 0) c = arena.nextSibling(c);
        return c < 0 ? null : new Node(arena, c);
    }

    /** The first child of the given kind, or null. */
    public Node childOfKind(int k) {
        check();
        for (int c = arena.firstChild(index); c >= 0; c = arena.nextSibling(c)) {
            if (arena.kind(c) == k) return new Node(arena, c);
        }
        return null;
    }

    public List<Node> children() {
        check();
        List<Node> out = new ArrayList<>();
        for (int c = arena.firstChild(index); c >= 0; c = arena.nextSibling(c)) out.add(new Node(arena, c));
        return out;
    }

    /** Source text of the node. */
    public String text() { check(); return arena.text(arena.start(index), arena.end(index)); }

    /** The name of an identifier-like node (IDENTIFIER, BINDING_IDENTIFIER, IDENTIFIER_NAME, PRIVATE_NAME, LABEL). */
    public String name() {
        int k = kind();
        if (!NodeKind.hasName(k)) throw new IllegalStateException(NodeKind.name(k) + " has no name");
        return arena.names().name(arena.data(index));
    }

    public int nameId() {
        int k = kind();
        if (!NodeKind.hasName(k)) throw new IllegalStateException(NodeKind.name(k) + " has no name");
        return arena.data(index);
    }

    /**
     * Operator token of UNARY, UPDATE, BINARY and ASSIGN nodes ({@code lexer.Token.text} spells it;
     * literal values are decoded by {@code lexer.LiteralValues}: the tree does not depend on the lexer).
     */
    public int operator() {
        int k = kind();
        if (k != NodeKind.UNARY && k != NodeKind.UPDATE && k != NodeKind.BINARY && k != NodeKind.ASSIGNMENT) {
            throw new IllegalStateException(NodeKind.name(k) + " has no operator");
        }
        return arena.data(index) & 0xFFFF;
    }

    public Arena arena() { check(); return arena; }

    @Override public String toString() {
        if (arena.generation() != generation) return "Node(stale)";
        return NodeKind.name(arena.kind(index)) + "@" + arena.start(index) + ".." + arena.end(index);
    }
}
