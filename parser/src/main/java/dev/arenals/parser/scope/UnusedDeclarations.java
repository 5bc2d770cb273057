package dev.arenals.parser.scope;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
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
 *   <li>names starting with {@code _}, the {@code this} parameter, and every declaration of a
 *       declaration file or inside {@code declare} (ambient) code;</li>
 *   <li>exported declarations ({@code export const}, {@code export default function}, names in a
 *       local {@code export { … }}), and the top-level names of a script, which are globals;</li>
 *   <li>declaration-merged names (two declarations of one name in one scope: overloads, a class
 *       and an interface, a function and a namespace);</li>
 *   <li>a parameter followed by a used one, a parameter property ({@code constructor(private x)}),
 *       the parameters of a function without a body (overloads, abstract methods, signatures);</li>
 *   <li>destructured names next to a rest element ({@code const { a, ...rest } = o} omits a);</li>
 *   <li>names of function and class expressions, catch parameters, type parameters, namespaces
 *       and {@code using} declarations (kept for their disposal);</li>
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
        // reads[sym] > 0: used; -1: exempt
        int[] reads = new int[symbols];
        for (int i = 0; i < t.refCount; i++) {
            if ((t.refFlags[i] & (ScopeTable.REF_READ | ScopeTable.REF_TYPE | ScopeTable.REF_NAMESPACE)) == 0) continue;
            int sym = t.nodeSymbol[t.refNode[i]];
            if (sym >= 0 && reads[sym] >= 0) reads[sym]++;
        }
        exemptStatements(a, t, a.root(), reads, false);
        exemptMerged(t, reads);
        exemptNodes(a, t, reads);
        if (!a.isTypeScript()) exemptNamedInComments(a, t, reads);

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

    private static boolean reportable(Arena a, ScopeTable t, int sym, int[] reads) {
        int decl = t.symDecl[sym];
        if (decl < 0) return false;
        int kind = t.symKind[sym];
        int scopeKind = t.scopeKind[t.symScope[sym]];
        if (scopeKind == ScopeKind.SCRIPT) return false; // globals of a script
        int name = t.symName[sym];
        String text = a.names().name(name);
        if (text.isEmpty() || text.charAt(0) == '_' || text.equals("this")) return false;
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
        if (a.kind(owner) == PARAMETER && (a.data(owner) & PARAMETER_PROPERTY) != 0) return false;
        // a later parameter that is used keeps this one (its position is needed)
        for (int p = a.nextSibling(owner); p >= 0; p = a.nextSibling(p)) {
            if (usesBinding(a, t, p, reads)) return false;
        }
        return true;
    }

    /** Whether a binding name in the subtree of {@code node} (outside nested functions) is read. */
    private static boolean usesBinding(Arena a, ScopeTable t, int node, int[] reads) {
        int k = a.kind(node);
        if (k == BINDING_IDENTIFIER) {
            int sym = t.nodeSymbol[node];
            return sym >= 0 && reads[sym] != 0;
        }
        if (NodeKind.isFunction(k) || NodeKind.isClass(k)) return false;
        for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) {
            if (usesBinding(a, t, c, reads)) return true;
        }
        return false;
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

    /** Two or more symbols of one name in one scope: merged declarations, overloads. */
    private static void exemptMerged(ScopeTable t, int[] reads) {
        // symbols sharing a (scope, name) key, counted in an open-addressing table: linear in the
        // symbols, where sorting the keys was the larger half of this pass on a big file
        int n = t.symCount;
        int size = Integer.highestOneBit(Math.max(8, n)) << 2; // at most a quarter full
        int mask = size - 1;
        long[] keys = new long[size]; // key + 1; 0 marks an empty slot
        byte[] counts = new byte[size];
        boolean any = false;
        for (int sym = 0; sym < n; sym++) {
            if (t.symKind[sym] == SymbolKind.IMPLICIT_GLOBAL) continue;
            long key = (((long) t.symScope[sym] << 32) | (t.symName[sym] & 0xFFFFFFFFL)) + 1;
            int slot = mix(key) & mask;
            while (keys[slot] != 0 && keys[slot] != key) slot = (slot + 1) & mask;
            if (keys[slot] == 0) keys[slot] = key;
            else { counts[slot] = 1; any = true; }
        }
        if (!any) return;
        for (int sym = 0; sym < n; sym++) {
            if (t.symKind[sym] == SymbolKind.IMPLICIT_GLOBAL) continue;
            long key = (((long) t.symScope[sym] << 32) | (t.symName[sym] & 0xFFFFFFFFL)) + 1;
            int slot = mix(key) & mask;
            while (keys[slot] != key) slot = (slot + 1) & mask;
            if (counts[slot] != 0) reads[sym] = -1;
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** One pass over the nodes: JSX tags, and destructured names beside a rest element. */
    private static void exemptNodes(Arena a, ScopeTable t, int[] reads) {
        boolean jsx = false;
        int count = a.nodeCount();
        for (int n = 0; n < count; n++) {
            int k = a.kind(n);
            if (k == JSX_OPENING_ELEMENT || k == JSX_CLOSING_ELEMENT) {
                jsx = true;
                int tag = a.firstChild(n);
                while (tag >= 0 && a.kind(tag) == JSX_MEMBER_EXPRESSION) tag = a.firstChild(tag);
                if (tag < 0 || !NodeKind.hasName(a.kind(tag))) continue;
                int name = a.data(tag);
                String text = a.names().name(name);
                boolean intrinsic = !text.isEmpty() && Character.isLowerCase(text.charAt(0)) && tag == a.firstChild(n);
                if (!intrinsic) exemptVisible(t, a.start(tag), name, reads);
            } else if (k == JSX_FRAGMENT) {
                jsx = true;
            } else if (k == OBJECT_PATTERN) {
                boolean rest = false;
                for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) if (a.kind(c) == REST_ELEMENT) rest = true;
                if (!rest) continue;
                for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                    if (a.kind(c) != PROPERTY) continue;
                    int value = a.firstChild(c);
                    while (value >= 0 && a.nextSibling(value) >= 0) value = a.nextSibling(value);
                    if (value >= 0 && a.kind(value) == ASSIGNMENT_PATTERN) value = a.firstChild(value);
                    if (value >= 0 && a.kind(value) == BINDING_IDENTIFIER) exempt(t, value, reads);
                }
            }
        }
        if (jsx) {
            for (int sym = 0; sym < t.symCount; sym++) {
                if (t.symScope[sym] == 0 && a.names().equals(t.symName[sym], "React")) reads[sym] = -1;
            }
        }
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

    /** JavaScript: an import whose name a comment mentions (JSDoc types) counts as used. */
    private static void exemptNamedInComments(Arena a, ScopeTable t, int[] reads) {
        ParseLog log = a.log();
        if (log.commentCount() == 0) return;
        char[] src = a.source();
        for (int sym = 0; sym < t.symCount; sym++) {
            if (reads[sym] != 0 || t.symKind[sym] != SymbolKind.IMPORT) continue;
            String name = a.names().name(t.symName[sym]);
            for (int i = 0; i < log.commentCount() && reads[sym] == 0; i++) {
                if (containsWord(src, log.commentStart(i), log.commentEnd(i), name)) reads[sym] = -1;
            }
        }
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
