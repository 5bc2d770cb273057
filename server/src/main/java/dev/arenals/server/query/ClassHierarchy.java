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

    /** Whether class {@code sub} extends {@code base} along its extends chain in this file (not itself). */
    public static boolean extendsInFile(DocumentQuery q, int sub, int base) {
        int c = baseInFile(q, sub);
        for (int level = 0; c >= 0 && level < MAX_DEPTH; level++, c = baseInFile(q, c)) if (c == base) return true;
        return false;
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
     * The classes and interfaces of this file the member {@code nameId} of {@code container} is
     * shared with, {@code container} first, as TypeScript's references and rename relate them:
     * every type above it (bases, implemented and extended interfaces, an interface's merged
     * declarations) that declares the member is a root, and each root with every type below it
     * (classes extending or implementing it, interfaces extending it) is in the family; so a
     * class's method is one member with the interface method it implements and with the other
     * classes implementing that. A type whose member no type above declares is just itself
     * (with its merged declarations).
     */
    public static int[] memberFamily(DocumentQuery q, int container, int nameId) {
        Arena arena = q.arena();
        int[] up = new int[MAX_FAMILY];
        int upCount = addWithMerged(q, container, up, 0);
        for (int i = 0; i < upCount; i++) {
            int t = up[i];
            if (isClass(arena.kind(t))) {
                int base = baseInFile(q, t);
                if (base >= 0) upCount = addWithMerged(q, base, up, upCount);
            }
            int clause = arena.kind(t) == INTERFACE_DECLARATION ? Layouts.interfaceHeritage(arena, t) : isClass(arena.kind(t)) ? Layouts.classImplements(arena, t) : -1;
            for (int e = clause < 0 ? -1 : arena.firstChild(clause); e >= 0; e = arena.nextSibling(e)) {
                int named = typeInFile(q, Layouts.heritageExpression(arena, e));
                if (named >= 0) upCount = addWithMerged(q, named, up, upCount);
            }
        }
        int[] out = new int[MAX_FAMILY];
        int count = 0;
        for (int i = 0; i < upCount; i++) if (declaresMember(arena, up[i], nameId)) count = addWithMerged(q, up[i], out, count);
        if (count == 0) return java.util.Arrays.copyOf(up, addWithMerged(q, container, new int[MAX_FAMILY], 0)); // its merged declarations come first
        // the types below each root: those whose heritage names a type of the family, found through
        // the uses of each family type's name (the symbol index), not a walk of the whole tree
        for (int next = 0; next < count; next++) {
            int group = nameGroup(q, out[next]);
            if (group < 0) continue;
            SymbolIndex index = q.index();
            for (int i = 0, n = index.occurrenceCount(group); i < n; i++) {
                int below = heritageOwner(q, index.occurrenceNode(group, i));
                if (below >= 0 && !contains(out, count, below)) count = addWithMerged(q, below, out, count);
            }
        }
        // the type asked about first
        for (int i = 0; i < count; i++) {
            if (out[i] != container) continue;
            out[i] = out[0];
            out[0] = container;
            return java.util.Arrays.copyOf(out, count);
        }
        return new int[] {container}; // not reached from a root: a cycle the binder let through
    }

    /** Adds a type and, for an interface, every declaration merged with it (each once); the new count. */
    private static int addWithMerged(DocumentQuery q, int type, int[] out, int count) {
        Arena arena = q.arena();
        if (arena.kind(type) != INTERFACE_DECLARATION) return add(out, count, type);
        int group = nameGroup(q, type);
        if (group < 0) return add(out, count, type);
        count = add(out, count, type);
        SymbolIndex index = q.index();
        for (int i = 0, n = index.occurrenceCount(group); i < n; i++) {
            if ((index.occurrenceFlags(group, i) & SymbolIndex.DECLARATION) == 0) continue;
            int owner = q.parentOf(index.occurrenceNode(group, i));
            if (owner >= 0 && arena.kind(owner) == INTERFACE_DECLARATION) count = add(out, count, owner);
        }
        return count;
    }

    private static int add(int[] out, int count, int value) {
        if (contains(out, count, value) || count >= out.length) return count;
        out[count] = value;
        return count + 1;
    }

    /** The class or interface of this file a heritage entry's name declares, or -1. */
    private static int typeInFile(DocumentQuery q, int name) {
        if (name < 0 || q.arena().kind(name) != IDENTIFIER_REFERENCE) return -1;
        int symbol = q.symbolOfNode(name);
        if (symbol < 0 || !q.isDeclared(symbol)) return -1;
        int kind = q.scopes().kind(symbol);
        if (kind != SymbolKind.CLASS && kind != SymbolKind.INTERFACE) return -1;
        int declaring = q.scopes().declaringNode(symbol);
        int k = declaring < 0 ? -1 : q.arena().kind(declaring);
        return isClass(k) || k == INTERFACE_DECLARATION ? declaring : -1;
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

    /**
     * The class or interface whose heritage names {@code use}: a class's {@code extends} or
     * {@code implements}, an interface's {@code extends}; -1.
     */
    private static int heritageOwner(DocumentQuery q, int use) {
        Arena arena = q.arena();
        if (use < 0 || arena.kind(use) != IDENTIFIER_REFERENCE) return -1;
        int parent = q.parentOf(use);
        int entry = parent >= 0 && arena.kind(parent) == EXPRESSION_WITH_TYPE_ARGUMENTS && arena.firstChild(parent) == use ? parent : use;
        int clause = q.parentOf(entry);
        if (clause < 0) return -1;
        int owner = q.parentOf(clause);
        if (owner < 0) return -1;
        int ck = arena.kind(clause), ok = arena.kind(owner);
        if (ck == CLASS_HERITAGE) return isClass(ok) && extendsName(arena, owner) == use ? owner : -1;
        if (ck != HERITAGE_CLAUSE) return -1;
        return isClass(ok) || ok == INTERFACE_DECLARATION ? owner : -1;
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) if (values[i] == value) return true;
        return false;
    }

    /**
     * Whether a class declares a method, accessor, field or parameter property named
     * {@code nameId}, or an interface a property or method signature of that name.
     */
    public static boolean declaresMember(Arena arena, int type, int nameId) {
        int body = DeclaredTypes.membersList(arena, type);
        for (int m = body < 0 ? -1 : arena.firstChild(body); m >= 0; m = arena.nextSibling(m)) {
            int mk = arena.kind(m);
            if (mk == METHOD && (arena.data(m) & C_CONSTRUCTOR) != 0) {
                if (DeclaredTypes.parameterPropertyNamed(arena, m, nameId) >= 0) return true;
                continue;
            }
            if ((mk != METHOD && mk != FIELD && mk != PROPERTY_SIGNATURE && mk != METHOD_SIGNATURE) || (arena.data(m) & P_COMPUTED) != 0) continue;
            int key = Layouts.memberKey(arena, m);
            if (key >= 0 && arena.kind(key) == IDENTIFIER_NAME && arena.data(key) == nameId) return true;
        }
        return false;
    }
}
