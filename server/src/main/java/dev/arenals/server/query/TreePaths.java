package dev.arenals.server.query;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import java.util.Arrays;

/**
 * Paths and subtree ranges without a parent column. Nodes are finished in postorder, so a node's
 * subtree is the contiguous index range [first descendant, node], and the child whose subtree
 * holds a target is the first child whose index is at or past it.
 */
public final class TreePaths {
    private TreePaths() {}

    /** Nodes from {@code ancestor} down to {@code target} (both included), or null when target is not below it. */
    public static int[] pathFrom(Arena arena, int ancestor, int target) {
        if (ancestor < 0 || target < 0 || target > ancestor || target < firstInSubtree(arena, ancestor)) return null;
        int[] path = new int[16];
        int depth = 0;
        path[depth++] = ancestor;
        int node = ancestor;
        while (node != target) {
            int next = -1;
            for (int c = arena.firstChild(node); c >= 0; c = arena.nextSibling(c)) {
                if (c >= target) { next = c; break; }
            }
            if (next < 0) return null;
            if (depth == path.length) path = Arrays.copyOf(path, depth * 2);
            path[depth++] = next;
            node = next;
        }
        return Arrays.copyOf(path, depth);
    }

    /** From the root down to {@code target}, or null. */
    public static int[] pathTo(Arena arena, int target) { return pathFrom(arena, arena.root(), target); }

    /** The parent of {@code node}, or -1. */
    public static int parent(Arena arena, int node) {
        int[] path = pathTo(arena, node);
        return path == null || path.length < 2 ? -1 : path[path.length - 2];
    }

    /** The lowest index in the subtree of {@code node}: its leftmost leaf. */
    public static int firstInSubtree(Arena arena, int node) {
        int n = node;
        for (int c = arena.firstChild(n); c >= 0; c = arena.firstChild(n)) n = c;
        return n;
    }

    /** The {@code i}-th child of {@code node} (0-based), or -1. */
    public static int child(Arena arena, int node, int i) {
        int c = arena.firstChild(node);
        while (c >= 0 && i-- > 0) c = arena.nextSibling(c);
        return c;
    }

    /** {@code node} without the parentheses, {@code as}, {@code satisfies} and {@code !} around it (-1 stays -1). */
    public static int unwrapped(Arena arena, int node) {
        while (node >= 0) {
            int k = arena.kind(node);
            if (k != NodeKind.PARENTHESIZED && k != NodeKind.AS_EXPRESSION && k != NodeKind.SATISFIES_EXPRESSION && k != NodeKind.NON_NULL) return node;
            node = arena.firstChild(node);
        }
        return node;
    }
}
