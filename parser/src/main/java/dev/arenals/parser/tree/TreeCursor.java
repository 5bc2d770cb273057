package dev.arenals.parser.tree;

import java.util.Arrays;

/**
 * An allocation-free walker over an arena tree: moves to first child, next sibling and parent,
 * keeping its path in an int stack. Like {@link Node}, it checks the arena's generation on every
 * move and read.
 */
public final class TreeCursor {
    private final Arena arena;
    private final int generation;
    private int[] path = new int[64];
    private int depth;

    TreeCursor(Arena arena) {
        this.arena = arena;
        this.generation = arena.generation();
        path[0] = arena.root();
    }

    private void check() {
        if (arena.generation() != generation) {
            throw new IllegalStateException("stale tree cursor: made in arena generation " + generation
                    + ", arena is now at generation " + arena.generation());
        }
    }

    public int node() { check(); return path[depth]; }
    public int kind() { check(); return arena.kind(path[depth]); }
    public int start() { check(); return arena.start(path[depth]); }
    public int end() { check(); return arena.end(path[depth]); }
    public int data() { check(); return arena.data(path[depth]); }
    public int depth() { check(); return depth; }
    public Node view() { check(); return new Node(arena, path[depth]); }

    public boolean gotoFirstChild() {
        check();
        int c = arena.firstChild(path[depth]);
        if (c < 0) return false;
        if (depth + 1 == path.length) path = Arrays.copyOf(path, path.length * 2);
        path[++depth] = c;
        return true;
    }

    public boolean gotoNextSibling() {
        check();
        if (depth == 0) return false;
        int s = arena.nextSibling(path[depth]);
        if (s < 0) return false;
        path[depth] = s;
        return true;
    }

    public boolean gotoParent() {
        check();
        if (depth == 0) return false;
        depth--;
        return true;
    }

    /** Pre-order step: child, else next sibling, else the next sibling of an ancestor. False at the end. */
    public boolean gotoNext() {
        if (gotoFirstChild()) return true;
        int savedDepth = depth;
        int savedNode = path[depth];
        do {
            if (gotoNextSibling()) return true;
        } while (gotoParent());
        // at the end of the walk: stay on the last node (the path below it is intact)
        depth = savedDepth;
        path[depth] = savedNode;
        return false;
    }
}
