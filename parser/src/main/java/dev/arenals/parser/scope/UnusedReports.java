package dev.arenals.parser.scope;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.parser.tree.NameTable;
import dev.arenals.parser.tree.NodeKind;
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
 *   <li>a variable statement whose every declarator is unused is one report over the statement:
 *       6199 for several declarators (one keeps 6133 at its name); an object pattern of a
 *       declarator or a parameter whose every element is unused, one report over the pattern: 6198
 *       for several elements;</li>
 *   <li>a private class member ({@code private} or {@code #name}) whose name nothing else in its
 *       class mentions but as the target of {@code this.name = …}: 6133 at its name; a private
 *       parameter property, 6138 (arena-ls has no types: any other mention of the name in the class
 *       body counts as a read — {@code other.name = …} too, where TypeScript knows other's type);</li>
 *   <li>classes, interfaces, type aliases, enums and the bindings of {@code import type} are
 *       "declared but never used" (6196), everything else "its value is never read" (6133).</li>
 * </ul>
 *
 * None is given on a line a {@code // @ts-expect-error} or {@code // @ts-ignore} suppresses, as
 * TypeScript gives none there. A report is four ints in a flat array, ordered by start: {@code start, end, code, symbol} (the
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
    /** "All destructured elements are unused." */
    public static final int ALL_DESTRUCTURED_UNUSED = 6198;
    /** "All variables are unused." */
    public static final int ALL_VARIABLES_UNUSED = 6199;
    /** "Property 'x' is declared but its value is never read." (a private parameter property) */
    public static final int PROPERTY_NEVER_READ = 6138;

    /** TypeScript's message for a report's code, quoting {@code name} where the message has one. */
    public static String message(int code, String name) {
        switch (code) {
            case ALL_IMPORTS_UNUSED: return "All imports in import declaration are unused.";
            case ALL_TYPE_PARAMETERS_UNUSED: return "All type parameters are unused.";
            case ALL_DESTRUCTURED_UNUSED: return "All destructured elements are unused.";
            case ALL_VARIABLES_UNUSED: return "All variables are unused.";
            case PROPERTY_NEVER_READ: return "Property '" + name + "' is declared but its value is never read.";
            case DECLARED_NEVER_USED: return "'" + name + "' is declared but never used.";
            default: return UnusedDeclarations.message(name);
        }
    }

    /** The name a report's message quotes. */
    public static String name(Arena a, ScopeTable t, int who) {
        if (who >= 0) return t.name(who);
        int key = memberName(a, -2 - who);
        String text = key < 0 ? "" : a.text(a.start(key), a.end(key));
        return text;
    }

    /** A class member's node of a report, or -1 for a report of a symbol. */
    public static int memberOf(int who) {
        return who >= 0 ? -1 : -2 - who;
    }

    /** The reports for {@code unused} (from {@link UnusedDeclarations#find} over the same table). */
    public static int[] of(Arena a, ScopeTable t, int[] unused, boolean declarationFile) {
        if (declarationFile || !t.referencesResolved() || a.root() < 0) return new int[0];
        boolean[] mask = new boolean[t.symCount];
        boolean imports = false, typeParameters = false, variables = false;
        for (int sym : unused) {
            mask[sym] = true;
            int kind = t.symKind[sym];
            imports |= kind == SymbolKind.IMPORT;
            typeParameters |= kind == SymbolKind.TYPE_PARAMETER;
            variables |= kind == SymbolKind.VAR || kind == SymbolKind.LET || kind == SymbolKind.CONST || kind == SymbolKind.PARAMETER;
        }
        boolean[] done = new boolean[t.symCount];
        Out out = new Out(unused.length);
        if (imports) importDeclarations(a, t, a.root(), mask, done, out);
        if (typeParameters || variables) groups(a, t, unused, mask, done, out);
        // private members, class by class (the binder's class scopes: no walk of the whole tree)
        for (int scope = 0; scope < t.scopeCount(); scope++) {
            if (t.scopeKind(scope) != ScopeKind.CLASS) continue;
            int body = Layouts.classBody(a, t.scopeNode(scope));
            if (body >= 0 && !ambient(a, t, scope)) privateMembers(a, body, out);
        }
        for (int sym : unused) {
            if (done[sym]) continue;
            int decl = t.declarationNode(sym);
            out.add(a.start(decl), a.end(decl), code(a, t, sym), sym);
        }
        return withoutSuppressed(a, out.sorted());
    }

    /**
     * The reports TypeScript would not give: those on a line a {@code // @ts-expect-error} or
     * {@code // @ts-ignore} comment suppresses (the line after it, past blank and comment lines).
     */
    private static int[] withoutSuppressed(Arena a, int[] reports) {
        if (reports.length == 0) return reports;
        char[] src = a.source();
        int length = a.sourceLength();
        int[] kept = new int[reports.length];
        int n = 0;
        for (int r = 0; r < reports.length; r += STRIDE) {
            if (suppressed(src, length, reports[r])) continue;
            System.arraycopy(reports, r, kept, n, STRIDE);
            n += STRIDE;
        }
        return n == reports.length ? reports : Arrays.copyOf(kept, n);
    }

    /**
     * Whether [from, to) holds a directive comment: {@code //} or {@code /*}, then {@code /}, {@code *}
     * and blanks, then {@code @ts-expect-error} or {@code @ts-ignore} (TypeScript's patterns; it reads
     * a directive anywhere on a line, after code too). Only the lines above a report are read.
     */
    private static boolean holdsDirective(char[] src, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (src[i] != '/' || (src[i + 1] != '/' && src[i + 1] != '*')) continue;
            int j = i + 2;
            while (j < to && (src[j] == '/' || src[j] == '*' || src[j] == ' ' || src[j] == '\t')) j++;
            if (startsWith(src, j, to, "@ts-expect-error") || startsWith(src, j, to, "@ts-ignore")) return true;
        }
        return false;
    }

    private static boolean startsWith(char[] src, int i, int end, String word) {
        if (i + word.length() > end) return false;
        for (int k = 0; k < word.length(); k++) if (src[i + k] != word.charAt(k)) return false;
        return true;
    }

    private static boolean lineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    /** Whether a directive stands on a line above {@code offset}'s, with only blank or comment lines between. */
    private static boolean suppressed(char[] src, int length, int offset) {
        int lineStart = Math.min(offset, length);
        while (lineStart > 0 && !lineBreak(src[lineStart - 1])) lineStart--;
        while (lineStart > 0) {
            int lineEnd = lineStart - 1; // the break that ends the line above
            if (lineEnd > 0 && src[lineEnd] == '\n' && src[lineEnd - 1] == '\r') lineEnd--;
            int start = lineEnd;
            while (start > 0 && !lineBreak(src[start - 1])) start--;
            if (holdsDirective(src, start, lineEnd)) return true;
            int first = start;
            while (first < lineEnd && (src[first] == ' ' || src[first] == '\t')) first++;
            boolean blankOrComment = first == lineEnd || (first + 1 < lineEnd && src[first] == '/' && src[first + 1] == '/');
            if (!blankOrComment) return false;
            lineStart = start;
        }
        return false;
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

    /**
     * One walk over the tree for the other groups: type parameter lists and {@code infer} types,
     * variable statements, and object patterns of declarators and parameters.
     */
    private static void groups(Arena a, ScopeTable t, int[] unused, boolean[] mask, boolean[] done, Out out) {
        if (a.root() < 0) return;
        // the walk enters only subtrees that hold an unused declaration: the paths to them, not the
        // whole tree (a whole walk of typescript.js's million nodes was most of the pass)
        int[] starts = new int[unused.length];
        for (int i = 0; i < unused.length; i++) starts[i] = a.start(t.declarationNode(unused[i]));
        Arrays.sort(starts);
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
            } else if (k == VARIABLE_DECLARATION) variableStatement(a, t, n, mask, done, out);
            else if (k == FORMAL_PARAMETERS) {
                for (int p = a.firstChild(n); p >= 0; p = a.nextSibling(p)) {
                    int target = Layouts.parameterTarget(a, p);
                    // a parameter's array pattern groups as an object pattern does (a declarator's does not)
                    if (target < 0 || (a.kind(target) != OBJECT_PATTERN && a.kind(target) != ARRAY_PATTERN)) continue;
                    int single = objectPattern(a, t, target, mask, done, out);
                    if (single >= 0) patternOfOne(a, target, single, done, out);
                }
            }
            // the children against the sorted starts with one pointer, as siblings come in source order
            // (their starts and ends non-decreasing: TreeVerifier's rule): a child that ends before the
            // next start is passed on its end alone (typescript.js's bundle body has thousands of
            // children, and each column read of one is a cache miss)
            int next = firstAtOrAfter(starts, a.start(n));
            for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                if (next == starts.length) break;
                if (starts[next] > a.end(c)) continue;
                int from = a.start(c);
                while (next < starts.length && starts[next] < from) next++;
                if (next == starts.length || starts[next] > a.end(c)) continue;
                if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
                stack[sp++] = c;
            }
        }
    }

    /** The index of the first of the sorted offsets at or after {@code from} ({@code sorted.length} if none). */
    private static int firstAtOrAfter(int[] sorted, int from) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < from) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * The private members of a class body that nothing else in the body names. Skipped: decorated
     * members (a decorator may reach them), a body with an index signature or {@code declare}
     * members, ambient classes (their members declare, they do not run).
     */
    private static void privateMembers(Arena a, int body, Out out) {
        int[] candidates = null; // member nodes (FIELD, METHOD, or a constructor's PARAMETER)
        int count = 0;
        for (int m = a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
            int k = a.kind(m);
            if (k == METHOD && (a.data(m) & C_CONSTRUCTOR) != 0) {
                int function = Layouts.methodFunction(a, m);
                int params = function < 0 ? -1 : Layouts.functionParameters(a, function);
                for (int p = params < 0 ? -1 : a.firstChild(params); p >= 0; p = a.nextSibling(p)) {
                    if (a.kind(p) != PARAMETER || (a.data(p) & MOD_PRIVATE) == 0) continue;
                    int target = Layouts.parameterTarget(a, p);
                    if (target < 0 || a.kind(target) != BINDING_IDENTIFIER || a.firstChild(p) != target) continue; // decorated or a pattern
                    candidates = add(candidates, count++, p);
                }
                continue;
            }
            if (k != METHOD && k != FIELD) continue;
            if ((a.data(m) & MOD_DECLARE) != 0) return;
            int key = Layouts.memberKey(a, m);
            if (key < 0 || key != a.firstChild(m)) continue; // decorated
            boolean privateName = a.kind(key) == PRIVATE_IDENTIFIER;
            if (!privateName && ((a.data(m) & MOD_PRIVATE) == 0 || a.kind(key) != IDENTIFIER_NAME)) continue;
            candidates = add(candidates, count++, m);
        }
        if (count == 0) return;
        // names in the body other than the candidates' own: one pass, counting by name id
        int[] names = new int[count];
        boolean[] privateName = new boolean[count];
        int[] ownNode = new int[count];
        for (int i = 0; i < count; i++) {
            int node = memberName(a, candidates[i]);
            ownNode[i] = node;
            names[i] = a.data(node);
            privateName[i] = a.kind(node) == PRIVATE_IDENTIFIER;
        }
        boolean[] mentioned = new boolean[count];
        // an accessor's name assigned to still calls it: only fields and parameter properties can be written and never read
        boolean[] accessor = new boolean[count];
        for (int i = 0; i < count; i++) accessor[i] = a.kind(candidates[i]) == METHOD && (a.data(candidates[i]) & (P_GET | P_SET)) != 0;
        int[] stack = new int[64];
        int sp = 0;
        stack[sp++] = body;
        char[] src = a.source();
        while (sp > 0) {
            int n = stack[--sp];
            int k = a.kind(n);
            int written = k == ASSIGNMENT && a.data(n) == Token.ASSIGN ? thisMemberName(a, a.firstChild(n)) : -1;
            if (written >= 0) {
                // `this.x = v`: a write, which TypeScript's isWriteOnlyAccess does not count as a read (`+=` and `++` do)
                for (int i = 0; i < count; i++) {
                    if (accessor[i] && a.data(written) == names[i] && (a.kind(written) == PRIVATE_IDENTIFIER) == privateName[i]) mentioned[i] = true;
                }
                for (int c = a.nextSibling(a.firstChild(n)); c >= 0; c = a.nextSibling(c)) {
                    if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
                    stack[sp++] = c;
                }
                continue;
            }
            if (NodeKind.hasName(k) || k == PRIVATE_IDENTIFIER) {
                for (int i = 0; i < count; i++) {
                    if (n != ownNode[i] && a.data(n) == names[i] && (k == PRIVATE_IDENTIFIER) == privateName[i]) mentioned[i] = true;
                }
            } else if (k == STRING_LITERAL) {
                int len = a.end(n) - a.start(n) - 2;
                if (len > 64) len = 0; // longer than any name worth a string here
                for (int i = 0; i < count; i++) {
                    if (!privateName[i] && len > 0 && spelled(a.names(), names[i], src, a.start(n) + 1, len)) mentioned[i] = true;
                }
            }
            for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
                stack[sp++] = c;
            }
        }
        for (int i = 0; i < count; i++) {
            if (mentioned[i]) continue;
            int key = ownNode[i];
            int code = a.kind(candidates[i]) == PARAMETER ? PROPERTY_NEVER_READ : UnusedDeclarations.CODE;
            out.add(a.start(key), a.end(key), code, -2 - candidates[i]);
        }
    }

    /**
     * Whether the class body {@code body} assigns its member {@code member} (a field, method or
     * parameter property) through {@code this} — the writes {@link #privateMembers} does not count
     * as reads, which removing the member would leave behind.
     */
    public static boolean assignedThroughThis(Arena a, int body, int member) {
        int name = memberName(a, member);
        if (name < 0) return false;
        int nameId = a.data(name);
        boolean privateName = a.kind(name) == PRIVATE_IDENTIFIER;
        int[] stack = new int[64];
        int sp = 0;
        stack[sp++] = body;
        while (sp > 0) {
            int n = stack[--sp];
            if (a.kind(n) == ASSIGNMENT && a.data(n) == Token.ASSIGN) {
                int written = thisMemberName(a, a.firstChild(n));
                if (written >= 0 && a.data(written) == nameId && (a.kind(written) == PRIVATE_IDENTIFIER) == privateName) return true;
            }
            for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
                stack[sp++] = c;
            }
        }
        return false;
    }

    /** The name node of {@code this.name} / {@code this.#name}, or -1 for anything else. */
    private static int thisMemberName(Arena a, int target) {
        if (target < 0 || a.kind(target) != MEMBER) return -1;
        int object = Layouts.memberObject(a, target), property = Layouts.memberProperty(a, target);
        if (object < 0 || a.kind(object) != THIS || property < 0) return -1;
        int pk = a.kind(property);
        return pk == IDENTIFIER_NAME || pk == PRIVATE_IDENTIFIER ? property : -1;
    }

    /** Whether name {@code id} is spelled {@code src[from, from + len)} (a string literal's contents), without a String. */
    private static boolean spelled(NameTable names, int id, char[] src, int from, int len) {
        if (names.length(id) != len) return false;
        for (int i = 0; i < len; i++) if (names.charAt(id, i) != src[from + i]) return false;
        return true;
    }

    /** A member's name node: a method's or field's key, a parameter property's binding. */
    private static int memberName(Arena a, int member) {
        return a.kind(member) == PARAMETER ? Layouts.parameterTarget(a, member) : Layouts.memberKey(a, member);
    }

    private static int[] add(int[] items, int count, int item) {
        if (items == null) items = new int[4];
        else if (count == items.length) items = Arrays.copyOf(items, count * 2);
        items[count] = item;
        return items;
    }

    /** Whether a class scope's class is ambient: {@code declare class}, or inside a {@code declare} namespace or module. */
    private static boolean ambient(Arena a, ScopeTable t, int classScope) {
        for (int s = classScope; s > 0; s = t.scopeParent[s]) {
            int node = t.scopeNode[s];
            if (node < 0) continue;
            int k = a.kind(node);
            if ((k == CLASS_DECLARATION || k == MODULE_DECLARATION) && (a.data(node) & MOD_DECLARE) != 0) return true;
        }
        return false;
    }

    /**
     * A variable statement (or a for head's declaration): every declarator unused — a name, or an
     * object pattern of one element — is one report of 6199 when there are several; an object
     * pattern whose several elements are all unused, one of 6198.
     */
    private static void variableStatement(Arena a, ScopeTable t, int declaration, boolean[] mask, boolean[] done, Out out) {
        int declarators = 0, unusedDeclarators = 0, first = -1;
        for (int d = a.firstChild(declaration); d >= 0; d = a.nextSibling(d)) {
            if (a.kind(d) != VARIABLE_DECLARATOR) continue;
            declarators++;
            int target = Layouts.declaratorTarget(a, d);
            int sym = -1;
            if (target >= 0 && a.kind(target) == BINDING_IDENTIFIER) sym = t.nodeSymbol[target];
            else if (target >= 0 && a.kind(target) == OBJECT_PATTERN) sym = objectPattern(a, t, target, mask, done, out);
            if (sym >= 0 && mask[sym] && !done[sym]) {
                unusedDeclarators++;
                if (first < 0) first = sym;
            }
        }
        if (declarators >= 2 && unusedDeclarators == declarators) {
            for (int d = a.firstChild(declaration); d >= 0; d = a.nextSibling(d)) {
                if (a.kind(d) != VARIABLE_DECLARATOR) continue;
                markNames(a, t, Layouts.declaratorTarget(a, d), done);
            }
            out.add(a.start(declaration), a.end(declaration), ALL_VARIABLES_UNUSED, first);
            return;
        }
        for (int d = a.firstChild(declaration); d >= 0; d = a.nextSibling(d)) {
            int target = a.kind(d) == VARIABLE_DECLARATOR ? Layouts.declaratorTarget(a, d) : -1;
            if (target < 0 || a.kind(target) != OBJECT_PATTERN) continue;
            int sym = elementSymbol(a, t, a.firstChild(target));
            if (a.firstChild(target) >= 0 && a.nextSibling(a.firstChild(target)) < 0 && sym >= 0 && mask[sym] && !done[sym]) {
                patternOfOne(a, target, sym, done, out);
            }
        }
    }

    /** An object pattern of one unused element is reported over the pattern, with the element's name (as TypeScript does). */
    private static void patternOfOne(Arena a, int pattern, int sym, boolean[] done, Out out) {
        done[sym] = true;
        out.add(a.start(pattern), a.end(pattern), UnusedDeclarations.CODE, sym);
    }

    /**
     * An object pattern (or a parameter's array pattern) whose several elements are all unused: one
     * 6198 report, its names done.
     * Returns the symbol of its one element when it has one and it is unused (the declarator then
     * counts as unused for its statement), else -1.
     */
    private static int objectPattern(Arena a, ScopeTable t, int pattern, boolean[] mask, boolean[] done, Out out) {
        int elements = 0, unusedElements = 0, first = -1;
        for (int e = a.firstChild(pattern); e >= 0; e = a.nextSibling(e)) {
            int sym = elementSymbol(a, t, e);
            elements++;
            if (sym >= 0 && mask[sym]) {
                unusedElements++;
                if (first < 0) first = sym;
            }
        }
        if (elements == 0 || unusedElements < elements) return -1;
        if (elements == 1) return first;
        for (int e = a.firstChild(pattern); e >= 0; e = a.nextSibling(e)) done[elementSymbol(a, t, e)] = true;
        out.add(a.start(pattern), a.end(pattern), ALL_DESTRUCTURED_UNUSED, first);
        return -1;
    }

    /** The symbol an element of a pattern binds by a plain name ({@code a}, {@code k: a = 1}, {@code ...a}, {@code [a = 1]}), else -1. */
    private static int elementSymbol(Arena a, ScopeTable t, int element) {
        if (element < 0) return -1; // an empty pattern
        int value;
        if (a.kind(element) == BINDING_IDENTIFIER || a.kind(element) == ASSIGNMENT_PATTERN) {
            value = element;
        } else if (a.kind(element) == PROPERTY) {
            value = UnusedDeclarations.propertyBinding(a, element);
        } else if (a.kind(element) == REST_ELEMENT) {
            value = a.firstChild(element);
        } else {
            return -1;
        }
        if (value >= 0 && a.kind(value) == ASSIGNMENT_PATTERN) value = a.firstChild(value);
        return value >= 0 && a.kind(value) == BINDING_IDENTIFIER ? t.nodeSymbol[value] : -1;
    }

    private static void markNames(Arena a, ScopeTable t, int node, boolean[] done) {
        if (node < 0) return;
        if (a.kind(node) == BINDING_IDENTIFIER) {
            int sym = t.nodeSymbol[node];
            if (sym >= 0) done[sym] = true;
            return;
        }
        for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) markNames(a, t, c, done);
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
