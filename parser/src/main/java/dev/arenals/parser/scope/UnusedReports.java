package dev.arenals.parser.scope;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import java.util.Arrays;

/**
 * The unused declarations of {@link UnusedDeclarations#find} as TypeScript reports them, for the
 * editor's hints and {@code check --warn unused} alike (one rule, so the two never disagree):
 *
 * <ul>
 *   <li>an import declaration whose every binding is unused is one report over the declaration:
 *       6133 with the name when it has one binding, 6192 for several; an unused binding of a
 *       declaration that keeps others is reported at its name;</li>
 *   <li>a type parameter list whose every parameter is unused is one report over {@code <…>}: 6133
 *       with the name for one parameter, 6205 for several; otherwise each unused type parameter
 *       over its declaration ({@code in T extends U = V}), an unused {@code infer U} over the
 *       {@code infer} type;</li>
 *   <li>classes, interfaces, type aliases, enums and the bindings of {@code import type} are
 *       "declared but never used" (6196), everything else "its value is never read" (6133).</li>
 * </ul>
 *
 * A report is four ints in a flat array, ordered by start: {@code start, end, code, symbol} (the
 * symbol of its first unused name, whose text the message quotes).
 */
public final class UnusedReports {
    private UnusedReports() {}

    /** Ints per report. */
    public static final int STRIDE = 4;
    /** "All imports in import declaration are unused." */
    public static final int ALL_IMPORTS_UNUSED = 6192;
    /** "'x' is declared but never used." (a type's declaration) */
    public static final int DECLARED_NEVER_USED = 6196;
    /** "All type parameters are unused." */
    public static final int ALL_TYPE_PARAMETERS_UNUSED = 6205;

    /** TypeScript's message for a report's code, quoting {@code name} where the message has one. */
    public static String message(int code, String name) {
        switch (code) {
            case ALL_IMPORTS_UNUSED: return "All imports in import declaration are unused.";
            case ALL_TYPE_PARAMETERS_UNUSED: return "All type parameters are unused.";
            case DECLARED_NEVER_USED: return "'" + name + "' is declared but never used.";
            default: return UnusedDeclarations.message(name);
        }
    }

    /** The reports for {@code unused} (from {@link UnusedDeclarations#find} over the same table). */
    public static int[] of(Arena a, ScopeTable t, int[] unused) {
        if (unused.length == 0) return new int[0];
        boolean[] mask = new boolean[t.symCount];
        boolean imports = false, typeParameters = false;
        for (int sym : unused) {
            mask[sym] = true;
            imports |= t.symKind[sym] == SymbolKind.IMPORT;
            typeParameters |= t.symKind[sym] == SymbolKind.TYPE_PARAMETER;
        }
        boolean[] done = new boolean[t.symCount];
        Out out = new Out(unused.length);
        if (imports) importDeclarations(a, t, a.root(), mask, done, out);
        if (typeParameters) typeParameterLists(a, t, mask, done, out);
        for (int sym : unused) {
            if (done[sym]) continue;
            int decl = t.declarationNode(sym);
            out.add(a.start(decl), a.end(decl), code(a, t, sym), sym);
        }
        return out.sorted();
    }

    private static int code(Arena a, ScopeTable t, int sym) {
        switch (t.symKind[sym]) {
            case SymbolKind.CLASS: case SymbolKind.INTERFACE: case SymbolKind.TYPE_ALIAS: case SymbolKind.ENUM:
                return DECLARED_NEVER_USED;
            default:
                return UnusedDeclarations.CODE;
        }
    }

    /** The import declarations of a statement list (and of namespace bodies in it). */
    private static void importDeclarations(Arena a, ScopeTable t, int container, boolean[] mask, boolean[] done, Out out) {
        for (int s = a.firstChild(container); s >= 0; s = a.nextSibling(s)) {
            int k = a.kind(s);
            if (k == MODULE_DECLARATION || k == MODULE_BLOCK) {
                importDeclarations(a, t, s, mask, done, out);
                continue;
            }
            if (k != IMPORT_DECLARATION) continue;
            int bindings = 0, unusedBindings = 0, first = -1;
            for (int c = a.firstChild(s); c >= 0; c = a.nextSibling(c)) {
                int sym = bindingSymbol(a, t, c);
                if (sym == NO_BINDING) continue;
                bindings++;
                if (sym >= 0 && mask[sym]) {
                    unusedBindings++;
                    if (first < 0) first = sym;
                }
            }
            if (unusedBindings == 0) continue;
            boolean typeOnly = a.data(s) == MOD_TYPE_ONLY;
            for (int c = a.firstChild(s); c >= 0; c = a.nextSibling(c)) {
                int sym = bindingSymbol(a, t, c);
                if (sym < 0 || !mask[sym]) continue;
                done[sym] = true;
                if (unusedBindings < bindings) {
                    int decl = t.declarationNode(sym);
                    out.add(a.start(decl), a.end(decl), typeOnly ? DECLARED_NEVER_USED : UnusedDeclarations.CODE, sym);
                }
            }
            if (unusedBindings == bindings) {
                out.add(a.start(s), a.end(s), bindings == 1 ? UnusedDeclarations.CODE : ALL_IMPORTS_UNUSED, first);
            }
        }
    }

    private static final int NO_BINDING = -2;

    /** The symbol an import specifier binds (-1 when unbound), or {@link #NO_BINDING} for a child that binds nothing. */
    private static int bindingSymbol(Arena a, ScopeTable t, int child) {
        int k = a.kind(child);
        if (k != IMPORT_SPECIFIER && k != IMPORT_DEFAULT_SPECIFIER && k != IMPORT_NAMESPACE_SPECIFIER) return NO_BINDING;
        int local = Layouts.importLocal(a, child);
        if (local < 0 || a.kind(local) != BINDING_IDENTIFIER) return NO_BINDING;
        return t.nodeSymbol[local];
    }

    /** Every TYPE_PARAMETERS list and {@code infer} type of the tree that declares an unused type parameter. */
    private static void typeParameterLists(Arena a, ScopeTable t, boolean[] mask, boolean[] done, Out out) {
        if (a.root() < 0) return;
        int[] stack = new int[64];
        int sp = 0;
        stack[sp++] = a.root();
        while (sp > 0) {
            int n = stack[--sp];
            int k = a.kind(n);
            if (k == TYPE_PARAMETERS) typeParameterList(a, t, n, mask, done, out);
            else if (k == INFER_TYPE) {
                int sym = typeParameterSymbol(a, t, a.firstChild(n));
                if (sym >= 0 && mask[sym]) {
                    done[sym] = true;
                    out.add(a.start(n), a.end(n), UnusedDeclarations.CODE, sym);
                }
            }
            for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
                stack[sp++] = c;
            }
        }
    }

    private static void typeParameterList(Arena a, ScopeTable t, int list, boolean[] mask, boolean[] done, Out out) {
        int count = 0, unusedCount = 0, first = -1;
        for (int p = a.firstChild(list); p >= 0; p = a.nextSibling(p)) {
            if (a.kind(p) != TYPE_PARAMETER) continue;
            count++;
            int sym = typeParameterSymbol(a, t, p);
            if (sym >= 0 && mask[sym]) {
                unusedCount++;
                if (first < 0) first = sym;
            }
        }
        if (unusedCount == 0) return;
        for (int p = a.firstChild(list); p >= 0; p = a.nextSibling(p)) {
            int sym = a.kind(p) == TYPE_PARAMETER ? typeParameterSymbol(a, t, p) : -1;
            if (sym < 0 || !mask[sym]) continue;
            done[sym] = true;
            if (unusedCount < count) out.add(a.start(p), a.end(p), UnusedDeclarations.CODE, sym);
        }
        if (unusedCount == count) {
            out.add(a.start(list), a.end(list), count == 1 ? UnusedDeclarations.CODE : ALL_TYPE_PARAMETERS_UNUSED, first);
        }
    }

    private static int typeParameterSymbol(Arena a, ScopeTable t, int typeParameter) {
        if (typeParameter < 0 || a.kind(typeParameter) != TYPE_PARAMETER) return -1;
        int name = a.firstChild(typeParameter);
        return name >= 0 && a.kind(name) == BINDING_IDENTIFIER ? t.nodeSymbol[name] : -1;
    }

    /** The reports as they are found, then sorted by start (stable for equal starts). */
    private static final class Out {
        int[] items;
        int n;

        Out(int expected) { items = new int[Math.max(4, expected) * STRIDE]; }

        void add(int start, int end, int code, int sym) {
            if (n + STRIDE > items.length) items = Arrays.copyOf(items, items.length * 2);
            items[n] = start;
            items[n + 1] = end;
            items[n + 2] = code;
            items[n + 3] = sym;
            n += STRIDE;
        }

        int[] sorted() {
            int count = n / STRIDE;
            long[] keyed = new long[count];
            for (int i = 0; i < count; i++) keyed[i] = ((long) items[i * STRIDE] << 32) | i;
            Arrays.sort(keyed);
            int[] result = new int[n];
            for (int i = 0; i < count; i++) System.arraycopy(items, (int) keyed[i] * STRIDE, result, i * STRIDE, STRIDE);
            return result;
        }
    }
}
