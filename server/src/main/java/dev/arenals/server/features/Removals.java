package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.TreePaths;

/**
 * The edit that removes one unused declaration, keeping the code around it well formed and its
 * layout sane: a whole statement with its line (and line break) when it stands on lines of its
 * own; one element of a list (an import specifier, a declarator, a parameter, a type parameter)
 * with the comma that separates it; an import declaration or a type parameter list whose every
 * name is unused as a whole.
 */
final class Removals {
    private Removals() {}

    /** Offsets {start, end} to delete and the text to put there, or null when no safe edit exists. */
    record Removal(int start, int end, String text) { }

    static Removal of(DocumentQuery q, int symbol, boolean[] unused) {
        Arena a = q.arena();
        ScopeTable t = q.scopes();
        char[] src = a.source();
        int length = a.sourceLength();
        int decl = t.declarationNode(symbol);
        int declaring = t.declaringNode(symbol);
        if (decl < 0 || declaring < 0) return null;
        int[] path = TreePaths.pathTo(a, declaring);
        if (path == null || path.length < 2) return null;
        int parent = path[path.length - 2];
        switch (t.kind(symbol)) {
            case SymbolKind.IMPORT: {
                if (a.kind(declaring) == IMPORT_EQUALS) return statement(a, declaring, parent);
                if (a.kind(parent) != IMPORT_DECLARATION) return null;
                if (UnusedCode.allBindingsUnused(a, t, parent, unused)) return statement(a, parent, path.length >= 3 ? path[path.length - 3] : -1);
                return importSpecifier(a, parent, declaring);
            }
            case SymbolKind.VAR: case SymbolKind.LET: case SymbolKind.CONST: {
                if (a.kind(declaring) != VARIABLE_DECLARATOR || Layouts.declaratorTarget(a, declaring) != decl) return null; // destructuring
                if (a.kind(parent) != VARIABLE_DECLARATION || path.length < 3) return null;
                int count = 0;
                for (int c = a.firstChild(parent); c >= 0; c = a.nextSibling(c)) count++;
                if (count == 1) return statement(a, parent, path[path.length - 3]);
                return listElement(a, parent, declaring);
            }
            case SymbolKind.FUNCTION: case SymbolKind.CLASS: case SymbolKind.INTERFACE: case SymbolKind.TYPE_ALIAS: case SymbolKind.ENUM:
                return statement(a, declaring, parent);
            case SymbolKind.PARAMETER: {
                if (a.kind(parent) != FORMAL_PARAMETERS) return null;
                if (Layouts.parameterTarget(a, declaring) != decl) return null; // a name inside a pattern
                // the arguments after it keep their positions: removable only when no later parameter is needed
                for (int later = a.nextSibling(declaring); later >= 0; later = a.nextSibling(later)) {
                    if (bindsAnythingButUnused(a, t, later, unused)) return null;
                }
                int count = 0;
                for (int c = a.firstChild(parent); c >= 0; c = a.nextSibling(c)) count++;
                if (count == 1) {
                    // `x => 1` has no parentheses to keep
                    boolean parenthesized = src[a.start(parent)] == '(';
                    return new Removal(a.start(declaring), a.end(declaring), parenthesized ? "" : "()");
                }
                return listElement(a, parent, declaring);
            }
            case SymbolKind.TYPE_PARAMETER: {
                if (a.kind(parent) != TYPE_PARAMETERS) return null; // `infer U`, a mapped type's key
                boolean all = true;
                for (int c = a.firstChild(parent); c >= 0; c = a.nextSibling(c)) {
                    int name = a.kind(c) == TYPE_PARAMETER ? a.firstChild(c) : -1;
                    int sym = name >= 0 ? t.symbolOfNode(name) : -1;
                    if (!UnusedCode.isUnused(unused, sym)) all = false;
                }
                if (all) return new Removal(a.start(parent), a.end(parent), ""); // `<T, U>` as a whole
                return listElement(a, parent, declaring);
            }
            default:
                return null;
        }
    }

    /** Whether the subtree of {@code node} binds a name that is not among the unused ones. */
    private static boolean bindsAnythingButUnused(Arena a, ScopeTable t, int node, boolean[] unused) {
        if (a.kind(node) == BINDING_IDENTIFIER) return !UnusedCode.isUnused(unused, t.symbolOfNode(node));
        for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) if (bindsAnythingButUnused(a, t, c, unused)) return true;
        return false;
    }

    /** The variable statement that declares {@code symbol}, as a whole (every declarator of it unused), or null. */
    static Removal variableStatement(DocumentQuery q, int symbol) {
        Arena a = q.arena();
        int declaring = q.scopes().declaringNode(symbol);
        int[] path = declaring < 0 ? null : TreePaths.pathTo(a, declaring);
        if (path == null || path.length < 3 || a.kind(path[path.length - 2]) != VARIABLE_DECLARATION) return null;
        return statement(a, path[path.length - 2], path[path.length - 3]);
    }

    /** A statement of a statement list, with its lines when it has them to itself. */
    private static Removal statement(Arena a, int statement, int container) {
        int node = statement;
        if (container >= 0 && (a.kind(container) == EXPORT_NAMED || a.kind(container) == EXPORT_DEFAULT)) return null;
        if (container < 0) return null;
        if (!Refactors.isStatementList(a.kind(container))) return null;
        int[] span = statementSpan(a.source(), a.sourceLength(), a.start(node), a.end(node));
        return new Removal(span[0], span[1], "");
    }

    /**
     * The span to delete for a statement at [start, end): from its line's start when only
     * whitespace precedes it, through the line break when only whitespace follows it.
     */
    static int[] statementSpan(char[] src, int length, int start, int end) {
        int from = start;
        while (from > 0 && (src[from - 1] == ' ' || src[from - 1] == '\t')) from--;
        boolean lineStart = from == 0 || src[from - 1] == '\n' || src[from - 1] == '\r';
        int to = end;
        while (to < length && (src[to] == ' ' || src[to] == '\t')) to++;
        boolean lineEnd = to == length || src[to] == '\n' || src[to] == '\r';
        if (lineStart && lineEnd) {
            if (to < length && src[to] == '\r') to++;
            if (to < length && src[to] == '\n') to++;
            return new int[] {from, to};
        }
        if (lineEnd) return new int[] {start, end}; // code before it on the line stays as it is
        return new int[] {start, to};
    }

    /** One element of a comma-separated list of sibling nodes, with the comma after it (or before it, for the last). */
    private static Removal listElement(Arena a, int list, int element) {
        int previous = -1, next = -1;
        for (int c = a.firstChild(list); c >= 0; c = a.nextSibling(c)) {
            if (c == element) {
                next = a.nextSibling(c);
                break;
            }
            previous = c;
        }
        if (next >= 0 && a.kind(next) == a.kind(element)) return new Removal(a.start(element), a.start(next), "");
        if (previous >= 0) return new Removal(a.end(previous), a.end(element), "");
        return null;
    }

    /** One binding of an import declaration whose other bindings stay. */
    private static Removal importSpecifier(Arena a, int declaration, int specifier) {
        char[] src = a.source();
        int k = a.kind(specifier);
        int defaultSpecifier = -1, namespace = -1, namedCount = 0, lastNamed = -1;
        for (int c = a.firstChild(declaration); c >= 0; c = a.nextSibling(c)) {
            int ck = a.kind(c);
            if (ck == IMPORT_DEFAULT_SPECIFIER) defaultSpecifier = c;
            else if (ck == IMPORT_NAMESPACE_SPECIFIER) namespace = c;
            else if (ck == IMPORT_SPECIFIER) { namedCount++; lastNamed = c; }
        }
        if (k == IMPORT_DEFAULT_SPECIFIER) {
            // `d, { a }` → `{ a }`: up to the next binding, past the comma
            int i = a.end(specifier);
            while (i < a.end(declaration) && src[i] != ',') i++;
            if (i >= a.end(declaration)) return null;
            i++;
            while (i < a.end(declaration) && Character.isWhitespace(src[i])) i++;
            return new Removal(a.start(specifier), i, "");
        }
        if (k == IMPORT_NAMESPACE_SPECIFIER) {
            return defaultSpecifier >= 0 ? new Removal(a.end(defaultSpecifier), a.end(specifier), "") : null;
        }
        if (namedCount == 1) {
            // `d, { a }` → `d`: from the default binding's end through the closing brace
            if (defaultSpecifier < 0) return null;
            int close = a.end(lastNamed);
            while (close < a.end(declaration) && src[close] != '}') close++;
            if (close >= a.end(declaration)) return null;
            return new Removal(a.end(defaultSpecifier), close + 1, "");
        }
        return listElement(a, declaration, specifier);
    }
}
