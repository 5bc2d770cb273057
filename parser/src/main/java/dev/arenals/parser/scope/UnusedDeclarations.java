package dev.arenals.parser.scope;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.parser.tree.NameTable;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.parser.tree.ParseLog;
import java.util.Arrays;

/**
 * Declarations that are never read: a query over a bound {@link ScopeTable} (references
 * resolved). A symbol counts as used when any reference reads it, in an expression or a type;
 * one only written ({@code x = 1}) does not. Exempt, as TypeScript's {@code noUnusedLocals} /
 * {@code noUnusedParameters} are, or to stay clear of false reports:
 *
 * <ul>
 *   <li>names starting with {@code _} where TypeScript lets that mark them unused on purpose:
 *       parameters, type parameters, imports, {@code for…in}/{@code for…of} variables, elements
 *       of array patterns and renamed elements of object patterns ({@code { a: _a }}) — not other
 *       locals, types or shorthand elements, which TypeScript reports;</li>
 *   <li>the {@code this} parameter, and every declaration of a declaration file or inside
 *       {@code declare} (ambient) code;</li>
 *   <li>exported declarations ({@code export const}, {@code export default function}, names in a
 *       local {@code export { … }}), and the top-level names of a script, which are globals;</li>
 *   <li>every declaration of a name in a scope when any of them is read or exempt: TypeScript
 *       merges them into one symbol (overloads, a class and an interface, a function and a
 *       namespace, {@code const x} beside {@code type x}); none read, each is reported;</li>
 *   <li>a parameter property ({@code constructor(private x)}), the parameters of a function
 *       without a body (overloads, abstract methods, signatures);</li>
 *   <li>destructured names next to a rest element ({@code const { a, ...rest } = o} omits a);</li>
 *   <li>names of function and class expressions, catch parameters, namespaces and {@code using}
 *       declarations (kept for their disposal);</li>
 *   <li>type parameters where TypeScript does not look: a mapped type's key, and those of every
 *       declaration of a name but its last (overload signatures, merged declarations), of methods
 *       without a body;</li>
 *   <li>a read from inside the declaration of the function, class, interface, type alias, enum or
 *       namespace it names does not count (a recursive function nothing else calls is unused);</li>
 *   <li>components used as JSX tags, and {@code React} in a file with JSX (the classic runtime
 *       reads it); in JavaScript, an import named in a comment (JSDoc types such as
 *       {@code @type {Foo}} use it).</li>
 * </ul>
 */
public final class UnusedDeclarations {
    private UnusedDeclarations() {}

    /** TypeScript's code for an unused declaration (noUnusedLocals / noUnusedParameters). */
    public static final int CODE = 6133;

    /** TypeScript's message for {@link #CODE}. */
    public static String message(String name) {
        return "'" + name + "' is declared but its value is never read.";
    }

    /**
     * The symbols declared and never read, ordered by their declaration's position. Empty when the
     * table was bound without references ({@link Binder#bindDeclarations}) or for a declaration file.
     */
    public static int[] find(Arena a, ScopeTable t, boolean declarationFile) {
        if (declarationFile || !t.referencesResolved() || a.root() < 0) return new int[0];
        int symbols = t.symCount;
        // reads[sym] 1: read; -1: exempt; 0: unused so far
        int[] reads = new int[symbols];
        int[] group = sameNameGroups(t);
        int[] selfSpans = selfSpans(a, t);
        for (int i = 0; i < t.refCount; i++) {
            int flags = t.refFlags[i];
            // `x is T`: TypeScript does not count a predicate's subject
            if ((flags & (ScopeTable.REF_READ | ScopeTable.REF_TYPE | ScopeTable.REF_NAMESPACE)) == 0 || (flags & ScopeTable.REF_PREDICATE) != 0) continue;
            int sym = t.nodeSymbol[t.refNode[i]];
            // one read that is not a self-reference is enough: later ones need no look at the tree
            if (sym >= 0 && reads[sym] == 0 && !selfReference(a, t, group, selfSpans, sym, t.refNode[i])) reads[sym] = 1;
        }
        exemptStatements(a, t, a.root(), reads, false);
        exemptNodes(a, t, reads);
        if (a.isTypeScript()) exemptTypeParameters(a, t, group, reads);
        exemptNamedInComments(a, t, reads, a.isTypeScript());
        shareWithinGroups(group, reads);

        int[] out = new int[16];
        int n = 0;
        for (int sym = 0; sym < symbols; sym++) {
            if (reads[sym] != 0 || !reportable(a, t, sym, reads)) continue;
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = sym;
        }
        out = Arrays.copyOf(out, n);
        sortByDeclaration(a, t, out);
        return out;
    }

    /**
     * A reference from inside the declaration of the function, class, interface, type alias, enum
     * or namespace it names — by any declaration of that name in its scope, as TypeScript's symbols
     * merge a value and a type of one name — does not make it used (TypeScript's self-reference rule:
     * a recursive function or type that nothing else reads is unused; so is {@code const t} read only
     * by {@code type t = typeof t}). {@code selfSpans} holds each symbol's own such declaration as
     * {@code start, end} ({@code -1} for other symbols), so that most references cost one load.
     */
    private static boolean selfReference(Arena a, ScopeTable t, int[] group, int[] selfSpans, int sym, int reference) {
        int m = sym;
        do {
            int start = selfSpans[2 * m];
            if (start >= 0 && start <= a.start(reference) && a.end(reference) <= selfSpans[2 * m + 1]) return true;
            m = group[m];
        } while (m != sym);
        return false;
    }

    /** Per symbol, the span of its declaring node when that is a function, class, interface, type alias, enum or namespace; else -1. */
    private static int[] selfSpans(Arena a, ScopeTable t) {
        int[] spans = new int[2 * t.symCount];
        for (int sym = 0; sym < t.symCount; sym++) {
            int kind = t.symKind[sym];
            int declaring = kind == SymbolKind.FUNCTION || kind == SymbolKind.CLASS || kind == SymbolKind.INTERFACE
                    || kind == SymbolKind.TYPE_ALIAS || kind == SymbolKind.ENUM || kind == SymbolKind.NAMESPACE ? t.symDeclaring[sym] : -1;
            boolean self = declaring >= 0 && selfReferencing(a.kind(declaring));
            spans[2 * sym] = self ? a.start(declaring) : -1;
            spans[2 * sym + 1] = self ? a.end(declaring) : -1;
        }
        return spans;
    }

    private static boolean selfReferencing(int kind) {
        switch (kind) {
            case FUNCTION_DECLARATION: case CLASS_DECLARATION: case INTERFACE_DECLARATION: case TYPE_ALIAS:
            case ENUM_DECLARATION: case MODULE_DECLARATION:
                return true;
            default:
                return false;
        }
    }

    private static boolean reportable(Arena a, ScopeTable t, int sym, int[] reads) {
        int decl = t.symDecl[sym];
        if (decl < 0) return false;
        int kind = t.symKind[sym];
        int scopeKind = t.scopeKind[t.symScope[sym]];
        if (scopeKind == ScopeKind.SCRIPT) return false; // globals of a script
        int name = t.symName[sym];
        NameTable names = a.names(); // read in place: no String per unread symbol
        if (names.length(name) == 0 || names.equals(name, "this")) return false;
        if (names.charAt(name, 0) == '_' && (kind == SymbolKind.PARAMETER || kind == SymbolKind.TYPE_PARAMETER || kind == SymbolKind.IMPORT)) return false;
        switch (kind) {
            case SymbolKind.VAR: case SymbolKind.LET: case SymbolKind.CONST: case SymbolKind.IMPORT:
            case SymbolKind.INTERFACE: case SymbolKind.TYPE_ALIAS: case SymbolKind.ENUM:
                return true;
            case SymbolKind.FUNCTION:
                return scopeKind != ScopeKind.FUNCTION_NAME;
            case SymbolKind.CLASS:
                return scopeKind != ScopeKind.CLASS;
            case SymbolKind.PARAMETER:
                return reportableParameter(a, t, sym, reads);
            case SymbolKind.TYPE_PARAMETER:
                return true;
            default:
                return false;
        }
    }

    private static final int PARAMETER_PROPERTY = MOD_PUBLIC | MOD_PRIVATE | MOD_PROTECTED | MOD_READONLY | MOD_OVERRIDE;

    private static boolean reportableParameter(Arena a, ScopeTable t, int sym, int[] reads) {
        int scope = t.symScope[sym];
        if (t.scopeKind[scope] != ScopeKind.FUNCTION) return false; // signatures and function types
        int function = t.scopeNode[scope];
        int params = -1;
        boolean body = false;
        for (int c = a.firstChild(function); c >= 0; c = a.nextSibling(c)) {
            int k = a.kind(c);
            if (k == FORMAL_PARAMETERS) params = c;
            else if (k == FUNCTION_BODY || (params >= 0 && a.kind(function) == ARROW_FUNCTION && !NodeKind.isType(k))) body = true;
        }
        if (!body || params < 0) return false;
        int owner = t.symDeclaring[sym];
        if (owner < 0) return false;
        // reported before a used parameter too, as TypeScript does (its fix then is the `_` prefix)
        return a.kind(owner) != PARAMETER || (a.data(owner) & PARAMETER_PROPERTY) == 0;
    }

    // ---- exemptions ----

    private static void exempt(ScopeTable t, int node, int[] reads) {
        if (node < 0) return;
        int sym = t.nodeSymbol[node];
        if (sym >= 0) reads[sym] = -1;
    }

    /**
     * The statements of the program and of namespace bodies: exported and ambient declarations,
     * and the local names of {@code export { … }}.
     */
    private static void exemptStatements(Arena a, ScopeTable t, int container, int[] reads, boolean ambient) {
        for (int s = a.firstChild(container); s >= 0; s = a.nextSibling(s)) {
            int k = a.kind(s);
            if (ambient || hasDeclare(a, s)) {
                exemptAllBindings(a, t, s, reads);
                continue;
            }
            switch (k) {
                case EXPORT_NAMED: {
                    int first = a.firstChild(s);
                    if (first < 0) break;
                    if (a.kind(first) == EXPORT_SPECIFIER) {
                        if (hasSource(a, s)) break;
                        for (int c = first; c >= 0; c = a.nextSibling(c)) {
                            int local = a.firstChild(c);
                            if (local >= 0 && a.kind(c) == EXPORT_SPECIFIER && NodeKind.hasName(a.kind(local))) {
                                exemptModuleName(t, a.data(local), reads);
                            }
                        }
                    } else {
                        exemptDeclaredNames(a, t, first, reads);
                        if (a.kind(first) == MODULE_DECLARATION) moduleBody(a, t, first, reads, false);
                    }
                    break;
                }
                case EXPORT_DEFAULT: {
                    int d = a.firstChild(s);
                    if (d >= 0) exemptDeclaredNames(a, t, d, reads);
                    break;
                }
                case MODULE_DECLARATION:
                    moduleBody(a, t, s, reads, false);
                    break;
                default:
                    break;
            }
        }
    }

    private static void moduleBody(Arena a, ScopeTable t, int module, int[] reads, boolean ambient) {
        for (int c = a.firstChild(module); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) == MODULE_BLOCK) exemptStatements(a, t, c, reads, ambient);
            else if (a.kind(c) == MODULE_DECLARATION) moduleBody(a, t, c, reads, ambient); // namespace A.B
        }
    }

    private static boolean hasDeclare(Arena a, int s) {
        int k = a.kind(s);
        boolean modifiers = k == VARIABLE_DECLARATION || k == FUNCTION_DECLARATION || k == CLASS_DECLARATION
                || k == MODULE_DECLARATION || k == ENUM_DECLARATION || k == INTERFACE_DECLARATION || k == TYPE_ALIAS;
        if (k == EXPORT_NAMED) {
            int d = a.firstChild(s);
            return d >= 0 && a.kind(d) != EXPORT_SPECIFIER && hasDeclare(a, d);
        }
        return modifiers && (a.data(s) & MOD_DECLARE) != 0;
    }

    private static boolean hasSource(Arena a, int s) {
        for (int c = a.firstChild(s); c >= 0; c = a.nextSibling(c)) if (a.kind(c) == STRING_LITERAL) return true;
        return false;
    }

    /** The names a declaration statement binds (a variable list's names, or the one name of the rest). */
    private static void exemptDeclaredNames(Arena a, ScopeTable t, int d, int[] reads) {
        int k = a.kind(d);
        if (k == VARIABLE_DECLARATION) {
            for (int c = a.firstChild(d); c >= 0; c = a.nextSibling(c)) {
                int target = a.firstChild(c);
                if (target >= 0) exemptPatternNames(a, t, target, reads);
            }
            return;
        }
        int name = a.firstChild(d);
        if (name >= 0 && a.kind(name) == BINDING_IDENTIFIER) exempt(t, name, reads);
    }

    private static void exemptPatternNames(Arena a, ScopeTable t, int node, int[] reads) {
        int k = a.kind(node);
        if (k == BINDING_IDENTIFIER) {
            exempt(t, node, reads);
            return;
        }
        if (NodeKind.isFunction(k) || NodeKind.isClass(k) || NodeKind.isType(k)) return;
        for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) exemptPatternNames(a, t, c, reads);
    }

    /** Every binding in the subtree (ambient code declares, it does not run). */
    private static void exemptAllBindings(Arena a, ScopeTable t, int node, int[] reads) {
        int[] stack = new int[32];
        int sp = 0;
        stack[sp++] = node;
        while (sp > 0) {
            int n = stack[--sp];
            if (a.kind(n) == BINDING_IDENTIFIER) exempt(t, n, reads);
            for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
                stack[sp++] = c;
            }
        }
    }

    /** A module-scope name in every declaration space. */
    private static final int[] SPACES = {0, ScopeTable.TYPE_SPACE, ScopeTable.NAMESPACE_SPACE};

    private static void exemptModuleName(ScopeTable t, int name, int[] reads) {
        for (int space : SPACES) {
            int e = t.findEntry(0, name | space);
            if (e >= 0 && t.entrySymbol[e] >= 0) reads[t.entrySymbol[e]] = -1;
        }
    }

    /**
     * The symbols of one name in one scope, as a ring: {@code group[sym]} is the next one ({@code sym}
     * itself when alone). TypeScript merges them into one symbol (a value and a type of one name,
     * overloads, merged declarations), and reads any of them as a read of all.
     */
    private static int[] sameNameGroups(ScopeTable t) {
        // an open-addressing table of (scope, name) keys: linear in the symbols, where sorting the
        // keys was the larger half of this pass on a big file. A slot holds its group's first symbol
        // + 1 (0: empty), whose scope and name are the key: no key column (typescript.js's 66,001
        // symbols made 3 MB of table a pass with one; 1 MB now, at most a quarter full)
        int n = t.symCount;
        int[] symScope = t.symScope, symName = t.symName, symKind = t.symKind;
        int[] group = new int[n];
        int size = Integer.highestOneBit(Math.max(8, n)) << 2;
        int mask = size - 1;
        int[] first = new int[size];
        for (int sym = 0; sym < n; sym++) {
            group[sym] = sym;
            // a type parameter is its own symbol beside a parameter of its name (`<f>(f: f)`)
            if (symKind[sym] == SymbolKind.IMPLICIT_GLOBAL || symKind[sym] == SymbolKind.TYPE_PARAMETER) continue;
            int scope = symScope[sym], name = symName[sym];
            int slot = mix(((long) scope << 32) | (name & 0xFFFFFFFFL)) & mask;
            int head;
            while ((head = first[slot] - 1) >= 0 && (symScope[head] != scope || symName[head] != name)) slot = (slot + 1) & mask;
            if (head < 0) {
                first[slot] = sym + 1;
            } else { // insert after the group's first symbol
                group[sym] = group[head];
                group[head] = sym;
            }
        }
        return group;
    }

    /** A group read (or exempt) anywhere is used everywhere: one TypeScript symbol. */
    private static void shareWithinGroups(int[] group, int[] reads) {
        for (int sym = 0; sym < group.length; sym++) {
            if (group[sym] == sym || reads[sym] == 0) continue;
            for (int m = group[sym]; m != sym; m = group[m]) if (reads[m] == 0) reads[m] = -1;
        }
    }

    /**
     * Type parameters TypeScript leaves alone: a mapped type's key ({@code [K in Keys]}), and the
     * type parameters of every declaration of a name but its last (TypeScript checks the last one
     * only): overload signatures before the implementation, a class or interface with a later
     * declaration of its name (a {@code const} too) or merged with another, methods without a body,
     * and a signature of an interface or type literal followed by another of its name or kind.
     */
    private static void exemptTypeParameters(Arena a, ScopeTable t, int[] group, int[] reads) {
        boolean candidate = false;
        for (int sym = 0; sym < t.symCount && !candidate; sym++) candidate = t.symKind[sym] == SymbolKind.TYPE_PARAMETER && reads[sym] == 0;
        if (!candidate || a.root() < 0) return;
        // named declarations with type parameters, and where the last declaration of each name is
        // (TypeScript checks the type parameters of a symbol's last declaration only)
        int[] named = new int[16];
        int namedCount = 0;
        // by the first symbol of each name's group (the declarations of one name in one scope)
        int[] first = groupFirsts(group);
        int[] lastOrder = new int[t.symCount];
        int[] declarationCount = new int[t.symCount];
        // every node once, in the arena's order (the tree's nodes are exactly [0, nodeCount)): what each
        // node contributes does not depend on the order, and a scan of the kind column costs a fraction
        // of a walk (on effect's Channel.ts the walk was most of the pass)
        int count = a.nodeCount();
        for (int n = 0; n < count; n++) {
            switch (a.kind(n)) {
                case MAPPED_TYPE:
                    exemptTypeParameterList(a, t, n, reads);
                    break;
                case FUNCTION_DECLARATION: case CLASS_DECLARATION: case INTERFACE_DECLARATION: case TYPE_ALIAS:
                case MODULE_DECLARATION: case ENUM_DECLARATION: {
                    int sym = nameSymbol(a, t, n);
                    if (sym < 0) break;
                    lastOrder[first[sym]] = Math.max(lastOrder[first[sym]], bindingOrder(a, n) + 1);
                    int k = a.kind(n);
                    if (k == CLASS_DECLARATION || k == INTERFACE_DECLARATION) declarationCount[first[sym]]++;
                    if (typeParameters(a, n) >= 0) {
                        if (namedCount == named.length) named = Arrays.copyOf(named, namedCount * 2);
                        named[namedCount++] = n;
                    }
                    break;
                }
                case METHOD: {
                    int function = Layouts.methodFunction(a, n);
                    if (function >= 0 && Layouts.functionBody(a, function) < 0) exemptTypeParameterList(a, t, typeParameters(a, function), reads);
                    break;
                }
                case INTERFACE_BODY: case TYPE_LITERAL:
                    for (int m = a.firstChild(n); m >= 0; m = a.nextSibling(m)) {
                        int list = typeParameters(a, m);
                        if (list >= 0 && declaredAgainLater(a, m)) exemptTypeParameterList(a, t, list, reads);
                    }
                    break;
                default:
                    break;
            }
        }
        for (int i = 0; i < namedCount; i++) {
            int sym = nameSymbol(a, t, named[i]);
            int key = first[sym];
            int order = bindingOrder(a, named[i]);
            boolean later = lastOrder[key] > order + 1;
            for (int m = group[sym]; m != sym && !later; m = group[m]) {
                int declaring = t.symDeclaring[m] >= 0 ? t.symDeclaring[m] : t.symDecl[m];
                later = declaring >= 0 && bindingOrder(a, declaring) > order;
            }
            // checked as TypeScript checks them, on the last declaration of a name only (in its
            // binding order: function declarations first), and for a class or interface merged with
            // another of its kind not at all (they share their type parameters, read in any of them)
            boolean exempt = later || declarationCount[key] > 1;
            if (exempt) exemptTypeParameterList(a, t, typeParameters(a, named[i]), reads);
        }
    }

    /** Where TypeScript's binder declares a node: function declarations first (hoisted), then the rest, each in source order. */
    private static int bindingOrder(Arena a, int declaration) {
        return a.kind(declaration) == FUNCTION_DECLARATION ? a.start(declaration) : a.sourceLength() + 1 + a.start(declaration);
    }

    /** Per symbol, the smallest symbol of its group: one slot per name and scope. */
    private static int[] groupFirsts(int[] group) {
        int[] first = new int[group.length];
        java.util.Arrays.fill(first, -1);
        for (int sym = 0; sym < group.length; sym++) {
            if (first[sym] >= 0) continue;
            int min = sym; // the ring's members all come after sym, the first one met
            int m = sym;
            do { first[m] = min; m = group[m]; } while (m != sym);
        }
        return first;
    }

    /** The symbol of a declaration's own name, or -1. */
    private static int nameSymbol(Arena a, ScopeTable t, int declaration) {
        int name = Layouts.declarationName(a, declaration);
        return name >= 0 ? t.nodeSymbol[name] : -1;
    }

    /** The TYPE_PARAMETERS child of a declaration or signature, or -1. */
    static int typeParameters(Arena a, int node) {
        for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) if (a.kind(c) == TYPE_PARAMETERS) return c;
        return -1;
    }

    /** The names of the TYPE_PARAMETER children of {@code list} (a TYPE_PARAMETERS or a MAPPED_TYPE). */
    private static void exemptTypeParameterList(Arena a, ScopeTable t, int list, int[] reads) {
        if (list < 0) return;
        for (int p = a.firstChild(list); p >= 0; p = a.nextSibling(p)) {
            if (a.kind(p) == TYPE_PARAMETER) exempt(t, a.firstChild(p), reads);
        }
    }

    /** A signature of an interface or type literal with another after it: a method of the same key, or a call or construct signature. */
    private static boolean declaredAgainLater(Arena a, int member) {
        int k = a.kind(member);
        char[] src = a.source();
        int key = a.firstChild(member);
        for (int m = a.nextSibling(member); m >= 0; m = a.nextSibling(m)) {
            if (a.kind(m) != k) continue;
            if (k != METHOD_SIGNATURE) return true;
            int other = a.firstChild(m);
            if (key >= 0 && other >= 0 && Arrays.equals(src, a.start(key), a.end(key), src, a.start(other), a.end(other))) return true;
        }
        return false;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** One pass over the nodes: JSX tags, destructured names beside a rest element, names marked unused by their {@code _}. */
    private static void exemptNodes(Arena a, ScopeTable t, int[] reads) {
        boolean jsx = false;
        // the `_` rules only where an unread variable's name starts with `_` (most files have none)
        boolean underscored = false;
        char[] src = a.source();
        for (int sym = 0; sym < t.symCount && !underscored; sym++) {
            int kind = t.symKind[sym];
            if (reads[sym] != 0 || (kind != SymbolKind.VAR && kind != SymbolKind.LET && kind != SymbolKind.CONST)) continue;
            int decl = t.symDecl[sym];
            underscored = decl >= 0 && a.start(decl) < a.sourceLength() && src[a.start(decl)] == '_';
        }
        int count = a.nodeCount();
        for (int n = nextExemptingNode(a, 0, count); n < count; n = nextExemptingNode(a, n + 1, count)) {
            switch (a.kind(n)) {
                case JSX_OPENING_ELEMENT: case JSX_CLOSING_ELEMENT: {
                    jsx = true;
                    int tag = a.firstChild(n);
                    while (tag >= 0 && a.kind(tag) == JSX_MEMBER_EXPRESSION) tag = a.firstChild(tag);
                    if (tag < 0 || !NodeKind.hasName(a.kind(tag))) break;
                    int name = a.data(tag);
                    String text = a.names().name(name);
                    boolean intrinsic = !text.isEmpty() && Character.isLowerCase(text.charAt(0)) && tag == a.firstChild(n);
                    if (!intrinsic) exemptVisible(t, a.start(tag), name, reads);
                    break;
                }
                case JSX_FRAGMENT:
                    jsx = true;
                    break;
                case FOR_IN: case FOR_OF: {
                    if (!underscored) break;
                    int left = a.firstChild(n);
                    if (left < 0 || a.kind(left) != VARIABLE_DECLARATION) break;
                    for (int d = a.firstChild(left); d >= 0; d = a.nextSibling(d)) exemptUnderscored(a, t, a.firstChild(d), reads);
                    break;
                }
                case ARRAY_PATTERN:
                    if (!underscored) break;
                    for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                        exemptUnderscored(a, t, a.kind(c) == ASSIGNMENT_PATTERN ? a.firstChild(c) : c, reads);
                    }
                    break;
                case OBJECT_PATTERN: {
                    // one pass over the elements for the `_` rule and the rest element's presence
                    boolean rest = false;
                    for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                        int element = a.kind(c);
                        if (element == REST_ELEMENT) rest = true;
                        else if (underscored && element == PROPERTY && (a.data(c) & P_SHORTHAND) == 0) exemptUnderscored(a, t, propertyBinding(a, c), reads);
                    }
                    if (!rest) break;
                    for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                        if (a.kind(c) != PROPERTY) continue;
                        int value = propertyBinding(a, c);
                        if (value >= 0 && a.kind(value) == BINDING_IDENTIFIER) exempt(t, value, reads);
                    }
                    break;
                }
                default:
                    break;
            }
        }
        if (jsx) {
            for (int sym = 0; sym < t.symCount; sym++) {
                if (t.symScope[sym] == 0 && a.names().equals(t.symName[sym], "React")) reads[sym] = -1;
            }
        }
    }

    /** The kinds {@link #exemptNodes} looks at (JSX elements, for heads, patterns), by kind. */
    private static final boolean[] EXEMPTING_KINDS = new boolean[NodeKind.COUNT];
    static {
        for (int k : new int[] {JSX_OPENING_ELEMENT, JSX_CLOSING_ELEMENT, JSX_FRAGMENT, FOR_IN, FOR_OF, ARRAY_PATTERN, OBJECT_PATTERN}) {
            EXEMPTING_KINDS[k] = true;
        }
    }

    /**
     * The first node from {@code from} whose kind {@link #exemptNodes} looks at, or {@code count}: a
     * loop of one load and one test a node, kept apart from the rules so that it compiles as the
     * tight scan it is (typescript.js: a million nodes, a few thousand of them patterns).
     */
    private static int nextExemptingNode(Arena a, int from, int count) {
        for (int n = from; n < count; n++) {
            int k = a.kind(n);
            if (k >= 0 && k < EXEMPTING_KINDS.length && EXEMPTING_KINDS[k]) return n;
        }
        return count;
    }

    /**
     * What a PROPERTY of an object pattern binds: its value, the last child ({@code a}, {@code k: a}),
     * past a default ({@code k: a = 1}); a name, or a nested pattern.
     */
    static int propertyBinding(Arena a, int property) {
        int value = a.firstChild(property);
        while (value >= 0 && a.nextSibling(value) >= 0) value = a.nextSibling(value);
        return value >= 0 && a.kind(value) == ASSIGNMENT_PATTERN ? a.firstChild(value) : value;
    }

    /** A binding name that starts with {@code _}: unused on purpose where TypeScript lets it say so. */
    private static void exemptUnderscored(Arena a, ScopeTable t, int node, int[] reads) {
        if (node >= 0 && a.kind(node) == BINDING_IDENTIFIER && a.start(node) < a.sourceLength() && a.source()[a.start(node)] == '_') exempt(t, node, reads);
    }

    /** The value symbol named {@code name} that is visible at {@code offset}. */
    private static void exemptVisible(ScopeTable t, int offset, int name, int[] reads) {
        for (int s = t.scopeAt(offset); s >= 0; s = t.scopeParent[s]) {
            int e = t.findEntry(s, name);
            if (e >= 0 && t.entrySymbol[e] >= 0) {
                int sym = t.entrySymbol[e];
                reads[sym] = -1; // (merged declarations are exempt already)
                return;
            }
        }
    }

    /**
     * An import a comment names counts as used: in JavaScript anywhere in a comment (JSDoc types
     * such as {@code @type {Foo}} read it), in TypeScript as the first name after {@code @link},
     * {@code @linkcode}, {@code @linkplain} or {@code @see}, the JSDoc references its checker resolves.
     */
    private static void exemptNamedInComments(Arena a, ScopeTable t, int[] reads, boolean linksOnly) {
        ParseLog log = a.log();
        if (log.commentCount() == 0) return;
        char[] src = a.source();
        for (int sym = 0; sym < t.symCount; sym++) {
            if (reads[sym] != 0 || t.symKind[sym] != SymbolKind.IMPORT) continue;
            String name = a.names().name(t.symName[sym]);
            for (int i = 0; i < log.commentCount() && reads[sym] == 0; i++) {
                int from = log.commentStart(i), to = log.commentEnd(i);
                if (linksOnly ? linksTo(src, from, to, name) : containsWord(src, from, to, name)) reads[sym] = -1;
            }
        }
    }

    /** Whether a JSDoc link or {@code @see} tag in [from, to) starts with {@code name} ({@code name} or {@code name.member}). */
    private static boolean linksTo(char[] src, int from, int to, String name) {
        for (int i = from; i < to; i++) {
            if (src[i] != '@') continue;
            int j = i + 1;
            int tagStart = j;
            while (j < to && Character.isLetter(src[j])) j++;
            String tag = new String(src, tagStart, j - tagStart);
            if (!tag.equals("link") && !tag.equals("linkcode") && !tag.equals("linkplain") && !tag.equals("see")) continue;
            while (j < to && (src[j] == ' ' || src[j] == '\t')) j++;
            int len = name.length();
            if (j + len > to) continue;
            boolean match = true;
            for (int k = 0; k < len; k++) if (src[j + k] != name.charAt(k)) { match = false; break; }
            if (match && (j + len == to || !Character.isJavaIdentifierPart(src[j + len]))) return true;
        }
        return false;
    }

    private static boolean containsWord(char[] src, int from, int to, String word) {
        int len = word.length();
        for (int i = from; i + len <= to; i++) {
            if (src[i] != word.charAt(0)) continue;
            boolean match = true;
            for (int j = 1; j < len; j++) if (src[i + j] != word.charAt(j)) { match = false; break; }
            if (!match) continue;
            boolean before = i > from && Character.isJavaIdentifierPart(src[i - 1]);
            boolean after = i + len < to && Character.isJavaIdentifierPart(src[i + len]);
            if (!before && !after) return true;
        }
        return false;
    }

    private static void sortByDeclaration(Arena a, ScopeTable t, int[] symbols) {
        long[] keyed = new long[symbols.length];
        for (int i = 0; i < symbols.length; i++) keyed[i] = ((long) a.start(t.symDecl[symbols[i]]) << 32) | symbols[i];
        Arrays.sort(keyed);
        for (int i = 0; i < symbols.length; i++) symbols[i] = (int) keyed[i];
    }
}
