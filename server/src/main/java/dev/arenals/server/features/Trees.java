package dev.arenals.server.features;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Node;
import java.util.Arrays;

/**
 * Navigation the arena does not store: the path from the root to a node (and so its parent).
 *
 * <p>Nodes are finished in postorder, so a node's subtree is a contiguous run of indices ending at
 * the node, and the subtree of child {@code c} is {@code (previous sibling, c]}. The path to a
 * target therefore follows, at each level, the first child whose index is at or past the target:
 * O(depth × siblings) with no parent column and no allocation per step.
 */
public final class Trees {
    private Trees() {}

    /** Node indices from the root down to {@code target}, or null when it is not in the tree. */
    public static int[] pathTo(Arena arena, int target) {
        int root = arena.root();
        if (root < 0 || target < 0 || target > root) return null;
        int[] path = new int[32];
        int depth = 0;
        path[depth++] = root;
        int node = root;
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

    /** The parent of {@code node}, or -1 for the root or a node not in the tree. */
    public static int parent(Arena arena, int node) {
        int[] path = pathTo(arena, node);
        return path == null || path.length < 2 ? -1 : path[path.length - 2];
    }

    /** The text of a node's span with runs of whitespace (line breaks included) made one space. */
    public static String oneLine(Node node, int max) {
        return oneLine(node.text(), max);
    }

    public static String oneLine(String text, int max) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) sb.append(' ');
            space = false;
            sb.append(c);
            if (sb.length() > max) {
                sb.setLength(max);
                sb.append('…');
                break;
            }
        }
        return sb.toString();
    }
}
