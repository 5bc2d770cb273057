package dev.arenals.parser;

import dev.arenals.parser.heap.HeapNode;
import dev.arenals.parser.heap.HeapTree;
import dev.arenals.parser.lexer.Literals;
import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;

/**
 * S-expression dumps for comparing trees: kinds, names, operators, literal values and flags, but
 * no spans and no PARENTHESIZED wrappers, so `a + (b * c)` and `a + b * c` dump alike. Works on
 * both the arena and the heap tree, which is how the two are proven to hold the same information.
 * Iterative (explicit stack), so deep trees dump without deep recursion.
 */
public final class TreeDump {
    private TreeDump() {}

    public static String dump(Arena arena) {
        if (arena.nodeCount() == 0) return "";
        StringBuilder out = new StringBuilder();
        char[] src = arena.source();
        int[] stack = new int[64];
        int sp = 0;
        stack[sp++] = arena.root();
        // entries >= 0 open a node; encoded -1 - n closes node n
        while (sp > 0) {
            int e = stack[--sp];
            if (e < 0) { out.append(')'); continue; }
            boolean keySlot = (e & KEY_SLOT) != 0;
            int n = e & ~KEY_SLOT;
            int k = arena.kind(n);
            if (k == NodeKind.PARENTHESIZED && arena.firstChild(n) >= 0) {
                if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
                stack[sp++] = arena.firstChild(n);
                continue;
            }
            if (keySlot && isKeyKind(k)) {
                out.append("(KEY ").append(quote(keyText(k, arena.data(n), NodeKind.hasName(k) ? arena.names().name(arena.data(n)) : null, src, arena.start(n), arena.end(n)))).append(')');
                continue;
            }
            out.append('(').append(NodeKind.name(k));
            String name = NodeKind.hasName(k) ? arena.names().name(arena.data(n)) : null;
            describe(out, k, arena.data(n), name, src, arena.start(n), arena.end(n));
            // children; a sequence whose first operand is a sequence is flattened (a, b), c == a, b, c
            java.util.ArrayList<Integer> kids = new java.util.ArrayList<>();
            collectChildren(arena, n, k, kids);
            if (sp + kids.size() + 1 >= stack.length) stack = java.util.Arrays.copyOf(stack, (sp + kids.size() + 1) * 2);
            stack[sp++] = -1 - n;
            boolean owner = isKeyOf(k, arena.data(n));
            for (int i = kids.size() - 1; i >= 0; i--) stack[sp++] = kids.get(i) | (owner && i == 0 ? KEY_SLOT : 0);
        }
        return out.toString();
    }

    /**
     * Everything a parse left in the arena, exactly: every reachable node with its kind, span and
     * data (names spelled out, so two arenas with differently numbered name tables compare equal),
     * then the goal, the diagnostics with their messages, and the comments. For proving that two
     * ways of building a tree (a full parse, an incremental one) agree.
     */
    public static String exact(Arena arena) {
        StringBuilder out = new StringBuilder();
        if (arena.nodeCount() > 0) {
            int[] stack = new int[256];
            int sp = 0;
            stack[sp++] = arena.root();
            while (sp > 0) {
                int n = stack[--sp];
                if (n < 0) { out.append(')'); continue; }
                int k = arena.kind(n);
                out.append('(').append(NodeKind.name(k)).append(' ').append(arena.start(n)).append('-').append(arena.end(n)).append(' ');
                if (NodeKind.hasName(k)) out.append(arena.names().name(arena.data(n)));
                else out.append(arena.data(n));
                int kids = 0;
                for (int c = arena.firstChild(n); c >= 0; c = arena.nextSibling(c)) kids++;
                if (sp + kids + 1 >= stack.length) stack = java.util.Arrays.copyOf(stack, (sp + kids + 1) * 2);
                stack[sp++] = -1;
                int i = sp + kids - 1;
                for (int c = arena.firstChild(n); c >= 0; c = arena.nextSibling(c)) stack[i--] = c;
                sp += kids;
            }
        }
        out.append("\nmodule=").append(arena.isModule()).append('\n');
        dev.arenals.parser.tree.ParseLog log = arena.log();
        for (int i = 0; i < log.diagnosticCount(); i++) {
            out.append(log.diagnostic(i)).append(' ').append(log.diagnosticStart(i)).append('-').append(log.diagnosticEnd(i))
               .append(' ').append(DiagnosticMessages.message(log, i, arena.names())).append('\n');
        }
        for (int i = 0; i < log.commentCount(); i++) {
            out.append("comment ").append(log.commentStart(i)).append('-').append(log.commentEnd(i)).append('\n');
        }
        return out.toString();
    }

    public static String dump(HeapTree tree) {
        if (tree.root() == null) return "";
        StringBuilder out = new StringBuilder();
        char[] src = tree.source().toCharArray();
        java.util.ArrayDeque<Object> stack = new java.util.ArrayDeque<>();
        stack.push(tree.root());
        Object close = new Object();
        while (!stack.isEmpty()) {
            Object o = stack.pop();
            if (o == close) { out.append(')'); continue; }
            HeapNode n = (HeapNode) o;
            if (n.kind == NodeKind.PARENTHESIZED && !n.children.isEmpty()) {
                stack.push(n.children.get(0));
                continue;
            }
            if (n.parent != null && isKeyOf(n.parent.kind, n.parent.data) && n.parent.children.get(0) == n && isKeyKind(n.kind)) {
                out.append("(KEY ").append(quote(keyText(n.kind, n.data, n.name, src, n.start, n.end))).append(')');
                continue;
            }
            out.append('(').append(NodeKind.name(n.kind));
            describe(out, n.kind, n.data, n.name, src, n.start, n.end);
            stack.push(close);
            java.util.List<HeapNode> kids = n.children;
            if (n.kind == NodeKind.SEQUENCE) {
                java.util.ArrayList<HeapNode> flat = new java.util.ArrayList<>(kids);
                while (true) {
                    HeapNode first = flat.get(0);
                    while (first.kind == NodeKind.PARENTHESIZED && !first.children.isEmpty()) first = first.children.get(0);
                    if (first.kind != NodeKind.SEQUENCE) break;
                    flat.remove(0);
                    flat.addAll(0, first.children);
                }
                kids = flat;
            }
            for (int i = kids.size() - 1; i >= 0; i--) stack.push(kids.get(i));
        }
        return out.toString();
    }

    private static void collectChildren(Arena arena, int n, int k, java.util.List<Integer> out) {
        for (int c = arena.firstChild(n); c >= 0; c = arena.nextSibling(c)) out.add(c);
        if (k != NodeKind.SEQUENCE) return;
        while (!out.isEmpty()) {
            int first = out.get(0);
            while (arena.kind(first) == NodeKind.PARENTHESIZED && arena.firstChild(first) >= 0) first = arena.firstChild(first);
            if (arena.kind(first) != NodeKind.SEQUENCE) break;
            out.remove(0);
            int i = 0;
            for (int c = arena.firstChild(first); c >= 0; c = arena.nextSibling(c)) out.add(i++, c);
        }
    }

    /** Marks a stack entry as a property-key position: keys dump as their property name. */
    private static final int KEY_SLOT = 1 << 30;

    private static boolean isKeyKind(int k) {
        return k == NodeKind.IDENTIFIER_NAME || k == NodeKind.STRING_LITERAL || k == NodeKind.NUMBER_LITERAL;
    }

    private static boolean isKeyOf(int parentKind, int parentData) {
        return (parentKind == NodeKind.PROPERTY || parentKind == NodeKind.METHOD || parentKind == NodeKind.FIELD)
                && (parentData & NodeKind.P_COMPUTED) == 0;
    }

    private static String keyText(int k, int data, String name, char[] src, int s, int e) {
        if (k == NodeKind.IDENTIFIER_NAME) return name;
        if (k == NodeKind.STRING_LITERAL) return Literals.cookString(src, s, e);
        double v = Literals.numberValue(src, s, e);
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        if (v == Math.rint(v) && Math.abs(v) < 1e21) return Long.toString((long) v);
        return Double.toString(v);
    }

    private static void describe(StringBuilder out, int k, int data, String name, char[] src, int s, int e) {
        switch (k) {
            case NodeKind.IDENTIFIER_REFERENCE: case NodeKind.BINDING_IDENTIFIER: case NodeKind.IDENTIFIER_NAME:
            case NodeKind.PRIVATE_IDENTIFIER: case NodeKind.LABEL:
                out.append(' ').append(name);
                return;
            case NodeKind.NUMBER_LITERAL:
                out.append(' ').append(Literals.numberValue(src, s, e));
                return;
            case NodeKind.BIGINT_LITERAL:
                out.append(' ').append(Literals.bigintDecimal(src, s, e)).append('n');
                return;
            case NodeKind.STRING_LITERAL:
                out.append(' ').append(quote(Literals.cookString(src, s, e)));
                return;
            case NodeKind.REGEX_LITERAL:
                out.append(' ').append(src, s, e - s);
                return;
            case NodeKind.TEMPLATE_ELEMENT:
                out.append(' ').append(quote(Literals.rawTemplate(src, s, e)));
                return;
            case NodeKind.UNARY: case NodeKind.BINARY: case NodeKind.ASSIGNMENT:
                out.append(' ').append(Token.text(data & 0xFFFF));
                return;
            case NodeKind.UPDATE:
                out.append(' ').append(Token.text(data & 0xFFFF)).append((data & NodeKind.UPDATE_PREFIX) != 0 ? " prefix" : " postfix");
                return;
            case NodeKind.NEW:
                return; // `new a` and `new a()` are the same construction
            default:
                if (data != 0) out.append(" #").append(data);
        }
    }

    private static String quote(String s) {
        if (s == null) return "<invalid>";
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }
}
