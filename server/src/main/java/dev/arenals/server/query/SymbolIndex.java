package dev.arenals.server.query;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import java.util.Arrays;

/**
 * Every occurrence of every symbol of one parse, grouped by <em>merged name</em>: the binder keeps
 * TypeScript's value, type and namespace meanings of one name in one scope as separate symbols
 * (and a redeclared overload as a second symbol), while TypeScript treats them as one symbol with
 * several declarations. So symbols with the same name in the same scope form one group, named by
 * its lowest symbol id (its leader); navigation works on groups.
 *
 * <p>Built lazily, once per parse, in O(nodes + references) with primitive arrays: the binder's
 * references (with their read/write flags), its declarations (binding identifiers), plus the
 * names it does not resolve but that name a symbol: the locals of {@code export { a }} and the tag
 * names of JSX elements. It is stamped with the arena's generation and never used after another
 * parse ({@link #isCurrent}).
 */
public final class SymbolIndex {
    public static final int DECLARATION = 1, READ = 2, WRITE = 4, TYPE = 8, JSX_TAG = 16, EXPORT_LOCAL = 32,
            /** A member reached as {@code X.name} (not resolved through scopes). */
            QUALIFIED = 64;

    private final Arena arena;
    private final int generation;
    private final int[] leader;
    /** Occurrences of group g are [groupStart[g], groupStart[g + 1]) of occNode/occFlags (leaders only). */
    private final int[] groupStart;
    private final int[] occNode;
    private final int[] occFlags;

    private SymbolIndex(Arena arena, int[] leader, int[] groupStart, int[] occNode, int[] occFlags) {
        this.arena = arena;
        this.generation = arena.generation();
        this.leader = leader;
        this.groupStart = groupStart;
        this.occNode = occNode;
        this.occFlags = occFlags;
    }

    /** True while the arena still holds the tree this index was built from. */
    public boolean isCurrent(Arena current) { return current == arena && current.generation() == generation; }

    /** The group of {@code symbol}, or -1. */
    public int groupOf(int symbol) { return symbol < 0 || symbol >= leader.length ? -1 : leader[symbol]; }

    public int occurrenceCount(int group) { return groupStart[group + 1] - groupStart[group]; }
    public int occurrenceNode(int group, int i) { return occNode[groupStart[group] + i]; }
    public int occurrenceFlags(int group, int i) { return occFlags[groupStart[group] + i]; }

    /** Declarations of the group, as binding-identifier nodes. */
    public int declarationCount(int group) {
        int n = 0;
        for (int i = groupStart[group], end = groupStart[group + 1]; i < end; i++) if ((occFlags[i] & DECLARATION) != 0) n++;
        return n;
    }

    /** Builds the index of the current tree; the table must be bound to it with references. */
    public static SymbolIndex build(Arena arena, ScopeTable scopes) {
        int symbols = scopes.symbolCount();
        int[] leader = groupLeaders(scopes, symbols);
        Builder b = new Builder(Math.max(64, scopes.referenceCount() + symbols));
        long[] enumMemberUses = arena.isTypeScript() ? enumMemberUses(arena) : new long[0];
        for (int i = 0, n = scopes.referenceCount(); i < n; i++) {
            int node = scopes.referenceNode(i);
            int sym = scopes.symbolOfNode(node);
            if (sym < 0 || (enumMemberUses.length > 0 && Arrays.binarySearch(enumMemberUses, node) >= 0)) continue;
            int flags = (scopes.isWrite(i) ? WRITE : 0) | (scopes.isRead(i) ? READ : 0) | (scopes.isTypeReference(i) ? TYPE | READ : 0);
            b.add(leader[sym], node, flags);
        }
        NameLookup lookup = null;
        for (int node = 0, count = arena.nodeCount(); node < count; node++) {
            int k = arena.kind(node);
            if (k == BINDING_IDENTIFIER) {
                int sym = scopes.symbolOfNode(node);
                if (sym >= 0) b.add(leader[sym], node, DECLARATION);
            } else if (k == EXPORT_NAMED || k == JSX_OPENING_ELEMENT || k == JSX_CLOSING_ELEMENT) {
                if (lookup == null) lookup = new NameLookup(arena, scopes, leader);
                if (k == EXPORT_NAMED) addExportLocals(arena, lookup, b, node);
                else addJsxTag(arena, lookup, b, node);
            }
        }
        return b.finish(arena, leader);
    }

    /**
     * Names in enum member initialisers that are members of the same enum ({@code B = A}): the
     * binder resolves them through the enclosing scopes, but TypeScript to the member, so they are
     * not uses of the outer symbol. Sorted node indices.
     */
    static long[] enumMemberUses(Arena arena) {
        long[] out = new long[0];
        int n = 0;
        for (int decl = 0, count = arena.nodeCount(); decl < count; decl++) {
            if (arena.kind(decl) != ENUM_DECLARATION) continue;
            for (int node = firstInSubtree(arena, decl); node < decl; node++) {
                if (arena.kind(node) != IDENTIFIER_REFERENCE || !isEnumMember(arena, decl, arena.data(node))) continue;
                if (n == out.length) out = Arrays.copyOf(out, Math.max(8, n * 2));
                out[n++] = node;
            }
        }
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    /** {@link #enumMemberUses} for the corpus test. */
    public static long[] enumMemberUsesForTests(Arena arena) { return enumMemberUses(arena); }

    static boolean isEnumMember(Arena arena, int enumDeclaration, int name) {
        for (int m = arena.firstChild(enumDeclaration); m >= 0; m = arena.nextSibling(m)) {
            int key = Layouts.memberKey(arena, m);
            if (arena.kind(m) == ENUM_MEMBER && key >= 0 && arena.kind(key) == IDENTIFIER_NAME && arena.data(key) == name) return true;
        }
        return false;
    }

    private static int firstInSubtree(Arena arena, int node) { return TreePaths.firstInSubtree(arena, node); }

    /** {@code export { a, b as c }} without {@code from}: the local names refer to declarations in scope. */
    private static void addExportLocals(Arena arena, NameLookup lookup, Builder b, int exportNamed) {
        if (Layouts.moduleSource(arena, exportNamed) >= 0) return;
        for (int spec = arena.firstChild(exportNamed); spec >= 0; spec = arena.nextSibling(spec)) {
            if (arena.kind(spec) != EXPORT_SPECIFIER) continue;
            int local = Layouts.exportLocal(arena, spec);
            if (local < 0 || arena.kind(local) != IDENTIFIER_NAME) continue;
            int group = lookup.groupAt(arena.start(local), arena.data(local));
            if (group >= 0) b.add(group, local, READ | EXPORT_LOCAL);
        }
    }

    /** A JSX tag names a local component when it is capitalised or the object of a member tag ({@code <ui.Button>}). */
    private static void addJsxTag(Arena arena, NameLookup lookup, Builder b, int element) {
        int tag = jsxTagIdentifier(arena, element);
        if (tag < 0) return;
        int group = lookup.groupAt(arena.start(tag), arena.data(tag));
        if (group >= 0) b.add(group, tag, READ | JSX_TAG);
    }

    /** The JSX_IDENTIFIER of an opening or closing element that refers to a variable, or -1. */
    public static int jsxTagIdentifier(Arena arena, int element) {
        int name = Layouts.jsxTagName(arena, element);
        if (name < 0) return -1;
        if (arena.kind(name) == JSX_MEMBER_EXPRESSION) {
            return Layouts.jsxMemberRoot(arena, name);
        }
        if (arena.kind(name) != JSX_IDENTIFIER || arena.start(name) >= arena.end(name)) return -1;
        char first = arena.source()[arena.start(name)];
        // lower-case tags are intrinsic elements (<div>), never variables
        return Character.isLowerCase(first) ? -1 : name;
    }

    /** Symbols with the same name in the same scope share the lowest one as leader; implicit globals stay apart. */
    private static int[] groupLeaders(ScopeTable scopes, int symbols) {
        int[] leader = new int[symbols];
        LongIntMap first = new LongIntMap(symbols);
        for (int s = 0; s < symbols; s++) {
            boolean implicit = scopes.kind(s) == SymbolKind.IMPLICIT_GLOBAL;
            long key = ((long) (implicit ? -1 - scopes.scope(s) : scopes.scope(s)) << 32) | (scopes.nameId(s) & 0xFFFFFFFFL);
            int l = first.putIfAbsent(key, s);
            leader[s] = l < 0 ? s : l;
        }
        return leader;
    }

    /** Resolves a name the binder left unresolved (export locals, JSX tags) through the scope chain at an offset. */
    static final class NameLookup {
        private final ScopeTable scopes;
        private final int[] leader;
        private final LongIntMap byScopeAndName;

        NameLookup(Arena arena, ScopeTable scopes, int[] leader) {
            this.scopes = scopes;
            this.leader = leader;
            int symbols = scopes.symbolCount();
            byScopeAndName = new LongIntMap(symbols);
            for (int s = 0; s < symbols; s++) {
                int kind = scopes.kind(s);
                // values only: a JSX tag or an export names a value (or a merged name that has one)
                if (kind == SymbolKind.IMPLICIT_GLOBAL || kind == SymbolKind.TYPE_PARAMETER) continue;
                byScopeAndName.putIfAbsent(((long) scopes.scope(s) << 32) | (scopes.nameId(s) & 0xFFFFFFFFL), s);
            }
        }

        int groupAt(int offset, int nameId) {
            for (int scope = scopes.scopeAt(offset); scope >= 0; scope = scopes.scopeParent(scope)) {
                int s = byScopeAndName.get(((long) scope << 32) | (nameId & 0xFFFFFFFFL));
                if (s >= 0) return leader[s];
            }
            return -1;
        }
    }

    /** Occurrences appended as (group, node, flags), then sorted into groups by a counting sort. */
    private static final class Builder {
        int[] group, node, flags;
        int count;

        Builder(int capacity) {
            group = new int[capacity];
            node = new int[capacity];
            flags = new int[capacity];
        }

        void add(int g, int n, int f) {
            if (count == group.length) {
                int size = count * 2;
                group = Arrays.copyOf(group, size);
                node = Arrays.copyOf(node, size);
                flags = Arrays.copyOf(flags, size);
            }
            group[count] = g;
            node[count] = n;
            flags[count] = f;
            count++;
        }

        SymbolIndex finish(Arena arena, int[] leader) {
            int[] start = new int[leader.length + 1];
            for (int i = 0; i < count; i++) start[group[i] + 1]++;
            for (int g = 0; g < leader.length; g++) start[g + 1] += start[g];
            int[] fill = Arrays.copyOf(start, leader.length);
            int[] occNode = new int[count];
            int[] occFlags = new int[count];
            for (int i = 0; i < count; i++) {
                int at = fill[group[i]]++;
                occNode[at] = node[i];
                occFlags[at] = flags[i];
            }
            return new SymbolIndex(arena, leader, start, occNode, occFlags);
        }
    }
}
