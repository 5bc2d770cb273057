package dev.arenals.parser.lexer;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Node;
import dev.arenals.parser.tree.NodeKind;

/**
 * The values of literal nodes, decoded from the source on request. They live here rather than on
 * {@link Node} because decoding is the lexer's knowledge and the tree must not depend on the lexer
 * (docs/architecture.md, "Inside parser").
 */
public final class LiteralValues {
    private LiteralValues() {}

    /** The value of a NUMBER_LITERAL node. */
    public static double numberValue(Arena arena, int node) {
        int k = arena.kind(node);
        if (k != NodeKind.NUMBER_LITERAL) throw new IllegalStateException(NodeKind.name(k) + " is not a NUMBER");
        return Literals.numberValue(arena.source(), arena.start(node), arena.end(node));
    }

    /**
     * The cooked value of a STRING_LITERAL or TEMPLATE_ELEMENT (null when a tagged template's
     * element has no cooked value), or the decimal digits of a BIGINT_LITERAL.
     */
    public static String stringValue(Arena arena, int node) {
        int k = arena.kind(node);
        char[] src = arena.source();
        int start = arena.start(node), end = arena.end(node);
        if (k == NodeKind.STRING_LITERAL) return Literals.cookString(src, start, end);
        if (k == NodeKind.TEMPLATE_ELEMENT) return Literals.cookTemplate(src, start, end);
        if (k == NodeKind.BIGINT_LITERAL) return Literals.bigintDecimal(src, start, end);
        throw new IllegalStateException(NodeKind.name(k) + " has no string value");
    }

    public static double numberValue(Node n) { return numberValue(n.arena(), n.index()); }

    public static String stringValue(Node n) { return stringValue(n.arena(), n.index()); }

    /** The text of the operator of a UNARY, UPDATE, BINARY or ASSIGNMENT node ("+", "??=", "typeof"). */
    public static String operatorText(Node n) { return Token.text(n.operator()); }
}
