package dev.arenals.server.query;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;

/**
 * Classes of one file related by {@code extends}: what a member's occurrences span. A method
 * declared in a base class, its overrides in the classes below it, and {@code this.m} /
 * {@code super.m} in any of them are one member, as TypeScript's references and rename treat
 * them. Only classes declared in this file and named in their heritage are followed.
 */
public final class ClassHierarchy {
    private ClassHierarchy() {}

    /** Bounds an extends chain: broken code can make cycles the binder does not rule out. */
    public static final int MAX_DEPTH = 16;

    /** The class declared in this file that {@code cls} extends ({@code extends Base} or {@code extends Base<T>}), or -1. */
    public static int baseInFile(DocumentQuery q, int cls) {
        int expr = extendsName(q.arena(), cls);
        if (expr < 0) return -1;
        int symbol = q.symbolOfNode(expr);
        if (symbol < 0 || !q.isDeclared(symbol) || q.scopes().kind(symbol) != SymbolKind.CLASS) return -1;
        int declaring = q.scopes().declaringNode(symbol);
        return declaring == cls || !isClass(q.arena().kind(declaring)) ? -1 : declaring;
    }

    /** The IDENTIFIER_REFERENCE after {@code extends} ({@code Base} of {@code extends Base<T>} too), or -1 for none or another expression. */
    public static int extendsName(Arena arena, int cls) {
        for (int c = arena.firstChild(cls); c >= 0; c = arena.nextSibling(c)) {
            if (arena.kind(c) != CLASS_HERITAGE) continue;
            int expr = arena.firstChild(c);
            if (expr >= 0 && arena.kind(expr) == EXPRESSION_WITH_TYPE_ARGUMENTS) expr = arena.firstChild(expr);
            return expr >= 0 && arena.kind(expr) == IDENTIFIER_REFERENCE ? expr : -1;
        }
        return -1;
    }

    /**
     * The classes the member {@code nameId} of {@code cls} is shared with, {@code cls} first: from
     * the topmost class above it (in this file) that declares the member, that class and every
     * class below it. A class that neither declares the member nor inherits it from one that does
     * is just itself.
     */
    public static int[] memberFamily(DocumentQuery q, int cls, int nameId) {
        Arena arena = q.arena();
        int root = declaresMember(arena, cls, nameId) ? cls : -1;
        int c = cls;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            c = baseInFile(q, c);
            if (c < 0) break;
            if (declaresMember(arena, c, nameId)) root = c;
        }
        if (root < 0) return new int[] {cls};
        // every class of the file whose extends chain reaches root
        int[] out = new int[8];
        int count = 0;
        out[count++] = cls;
        for (int n = 0, total = arena.nodeCount(); n < total; n++) {
            if (!isClass(arena.kind(n)) || n == cls) continue;
            int up = n;
            for (int depth = 0; depth <= MAX_DEPTH && up >= 0; depth++) {
                if (up == root) {
                    if (count == out.length) out = java.util.Arrays.copyOf(out, count * 2);
                    out[count++] = n;
                    break;
                }
                up = baseInFile(q, up);
            }
        }
        return java.util.Arrays.copyOf(out, count);
    }

    /** Whether the class body declares a method, accessor or field named {@code nameId}. */
    public static boolean declaresMember(Arena arena, int cls, int nameId) {
        for (int body = arena.firstChild(cls); body >= 0; body = arena.nextSibling(body)) {
            if (arena.kind(body) != CLASS_BODY) continue;
            for (int m = arena.firstChild(body); m >= 0; m = arena.nextSibling(m)) {
                int mk = arena.kind(m);
                if ((mk != METHOD && mk != FIELD) || (arena.data(m) & P_COMPUTED) != 0) continue;
                int key = arena.firstChild(m);
                if (key >= 0 && arena.kind(key) == IDENTIFIER_NAME && arena.data(key) == nameId) return true;
            }
        }
        return false;
    }
}
