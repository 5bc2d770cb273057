package dev.arenals.server.query;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;

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
        int expr = extendsExpression(arena, cls);
        return expr >= 0 && arena.kind(expr) == IDENTIFIER_REFERENCE ? expr : -1;
    }

    /** The expression after {@code extends} (without {@code <T>}), or -1. */
    public static int extendsExpression(Arena arena, int cls) {
        return Layouts.heritageExpression(arena, Layouts.classExtends(arena, cls));
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
        // the classes below root: those whose extends names a class of the family, found through
        // the uses of each family class's name (the symbol index), not a walk of the whole tree
        int[] out = new int[8];
        int count = 0;
        out[count++] = root;
        int[] work = new int[8];
        int pending = 0;
        work[pending++] = root;
        while (pending > 0 && count <= MAX_FAMILY) {
            int group = nameGroup(q, work[--pending]);
            if (group < 0) continue;
            SymbolIndex index = q.index();
            for (int i = 0, n = index.occurrenceCount(group); i < n; i++) {
                int below = classExtending(q, index.occurrenceNode(group, i));
                if (below < 0 || contains(out, count, below)) continue;
                if (count == out.length) out = java.util.Arrays.copyOf(out, count * 2);
                out[count++] = below;
                if (pending == work.length) work = java.util.Arrays.copyOf(work, pending * 2);
                work[pending++] = below;
            }
        }
        // the class asked about first
        for (int i = 0; i < count; i++) {
            if (out[i] != cls) continue;
            out[i] = out[0];
            out[0] = cls;
            return java.util.Arrays.copyOf(out, count);
        }
        return new int[] {cls}; // not reached from root: a cycle the binder let through
    }

    /** Bounds a family: a class hierarchy of a file is a handful of classes; broken code must not make it more. */
    private static final int MAX_FAMILY = 256;

    /** The symbol group of a class's declared name, or -1 (an anonymous class). */
    private static int nameGroup(DocumentQuery q, int cls) {
        int name = Layouts.className(q.arena(), cls);
        if (name < 0) return -1;
        int symbol = q.symbolOfNode(name);
        return symbol < 0 ? -1 : q.index().groupOf(symbol);
    }

    /** The class whose {@code extends} is the name {@code use}, or -1. */
    private static int classExtending(DocumentQuery q, int use) {
        Arena arena = q.arena();
        if (use < 0 || arena.kind(use) != IDENTIFIER_REFERENCE) return -1;
        int[] path = TreePaths.pathTo(arena, use);
        if (path == null) return -1;
        for (int i = path.length - 2; i >= 0; i--) {
            int k = arena.kind(path[i]);
            if (k == CLASS_HERITAGE) return i >= 1 && isClass(arena.kind(path[i - 1])) && extendsName(arena, path[i - 1]) == use ? path[i - 1] : -1;
            if (k != EXPRESSION_WITH_TYPE_ARGUMENTS) return -1;
        }
        return -1;
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) if (values[i] == value) return true;
        return false;
    }

    /** Whether the class body declares a method, accessor or field named {@code nameId}. */
    public static boolean declaresMember(Arena arena, int cls, int nameId) {
        int body = Layouts.classBody(arena, cls);
        for (int m = body < 0 ? -1 : arena.firstChild(body); m >= 0; m = arena.nextSibling(m)) {
            int mk = arena.kind(m);
            if ((mk != METHOD && mk != FIELD) || (arena.data(m) & P_COMPUTED) != 0) continue;
            int key = Layouts.memberKey(arena, m);
            if (key >= 0 && arena.kind(key) == IDENTIFIER_NAME && arena.data(key) == nameId) return true;
        }
        return false;
    }
}
