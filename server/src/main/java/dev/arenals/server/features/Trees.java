package dev.arenals.server.features;

import dev.arenals.parser.tree.Node;

/** Text helpers for features that show a node's source (paths through the tree: {@code query.TreePaths}). */
public final class Trees {
    private Trees() {}

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
