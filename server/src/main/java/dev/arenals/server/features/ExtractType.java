package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.ParseLog;
import dev.arenals.server.query.DocumentQuery;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.TextEdit;

/**
 * {@code refactor.extract.type} and {@code refactor.extract.interface}: a selected type becomes
 * {@code type NewType = …;} (a type literal also {@code interface NewType {…}}) before the statement
 * that holds it, and the selection a reference to it, as TypeScript's own refactoring does.
 *
 * <p>Type parameters declared around the selection (a function's {@code T}, an {@code infer U} of
 * the conditional type it sits in, a mapped type's key) become the new type's parameters, with their
 * constraints, and the reference passes them: {@code NewType<T>}. Refused where the result would not
 * mean the same: {@code this} types, an {@code infer} whose conditional type is not selected with it,
 * a name the selection reads (a parameter in {@code typeof p}, a type declared inside a function
 * body around it) that is not visible before that statement, a selection inside the constraint of a
 * type parameter it reads, two such parameters of one name, declaration files and ambient blocks
 * (where a declaration without {@code export} may still be exported).
 */
final class ExtractType {
    private ExtractType() {}

    /** The action for the selection [from, to), or null when it is not a type that can move. */
    static CodeAction extract(DocumentQuery q, int from, int to, boolean toInterface) {
        Arena a = q.arena();
        char[] src = a.source();
        while (from < to && Character.isWhitespace(src[from])) from++;
        while (to > from && Character.isWhitespace(src[to - 1])) to--;
        if (to <= from || !a.isTypeScript() || a.isDeclarationFile()) return null;
        int type = exactType(q, from, to);
        if (type < 0 || toInterface && a.kind(type) != TYPE_LITERAL) return null;
        int parent = q.parentOf(type);
        // readonly and unique apply to written array/tuple types and `symbol` only, not to a name for them
        if (parent >= 0 && a.kind(parent) == TYPE_OPERATOR && a.data(parent) != dev.arenals.parser.lexer.Token.K_KEYOF) return null;

        int statement = -1, list = -1;
        for (int child = type, p = q.parentOf(type); p >= 0; child = p, p = q.parentOf(p)) {
            if (Refactors.isAmbient(a, p)) return null; // declare anything up to the root: an unexported declaration may be exported there
            if (statement < 0 && Refactors.isStatementList(a.kind(p)) && Refactors.isStatement(a.kind(child))) {
                statement = child;
                list = p;
            }
        }
        if (statement < 0) return null;
        final int selected = type;
        if (Refactors.anyNode(a, type, n -> a.kind(n) == THIS_TYPE || a.kind(n) == INFER_TYPE && !conditionalWithin(q, n, selected), k -> false)) return null;

        // the type parameters it reads, in order of first use: parameters[0] is their count
        int[][] parameters = {new int[4]};
        if (!collectParameters(q, from, to, list, type, parameters)) return null;
        // constraints move with their parameters: what they read must be visible too (more parameters, maybe)
        for (int i = 1; i <= parameters[0][0]; i++) {
            int constraint = constraintOf(a, q.scopes().declaringNode(parameters[0][i]));
            if (constraint >= 0 && !collectParameters(q, a.start(constraint), a.end(constraint), list, -1, parameters)) return null;
        }
        ScopeTable t = q.scopes();
        int count = parameters[0][0];
        for (int i = 1; i <= count; i++) {
            for (int j = 1; j < i; j++) if (t.nameId(parameters[0][i]) == t.nameId(parameters[0][j])) return null;
        }

        String name = Refactors.unusedName(q, "NewType");
        StringBuilder declared = new StringBuilder(), passed = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            int symbol = parameters[0][i];
            String parameter = t.name(symbol);
            declared.append(i == 1 ? "<" : ", ").append(parameter);
            passed.append(i == 1 ? "<" : ", ").append(parameter);
            int constraint = constraintOf(a, t.declaringNode(symbol));
            if (constraint >= 0) declared.append(" extends ").append(src, a.start(constraint), a.end(constraint) - a.start(constraint));
        }
        if (count > 0) {
            declared.append('>');
            passed.append('>');
        }

        int insertAt = attachedCommentsStart(a, a.start(statement));
        int lineStart = insertAt;
        while (lineStart > 0 && (src[lineStart - 1] == ' ' || src[lineStart - 1] == '\t')) lineStart--;
        boolean atLineStart = lineStart == 0 || src[lineStart - 1] == '\n' || src[lineStart - 1] == '\r';
        String indent = new String(src, lineStart, insertAt - lineStart);
        String nl = Refactors.lineBreak(src, a.sourceLength());
        String body = reindented(q, type, Refactors.lineIndent(src, from).length() - Refactors.lineIndent(src, a.start(statement)).length());
        String declaration = toInterface ? "interface " + name + declared + " " + body : "type " + name + declared + " = " + body + ";";
        declaration += atLineStart ? nl + nl + indent : " ";

        List<TextEdit> edits = List.of(
                new TextEdit(q.range(insertAt, insertAt), declaration),
                new TextEdit(q.range(from, to), name + passed));
        return Refactors.action(q, toInterface ? "Extract to interface" : "Extract to type alias", toInterface ? Refactors.EXTRACT_INTERFACE : Refactors.EXTRACT_TYPE, edits);
    }

    /** The outermost type node whose source range is exactly [from, to) and that can stand as a type of its own, or -1. */
    private static int exactType(DocumentQuery q, int from, int to) {
        Arena a = q.arena();
        int node = a.root(), found = -1;
        while (node >= 0) {
            int k = a.kind(node);
            if (found < 0 && a.start(node) == from && a.end(node) == to && k >= TYPE_FIRST && k <= TYPE_LAST) {
                // a predicate, `this`, and a tuple's `...T` / `T?` element are no types of their own
                found = k == TYPE_PREDICATE || k == THIS_TYPE || k == REST_TYPE || k == OPTIONAL_TYPE ? -2 : node;
            }
            int next = -1;
            for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) {
                if (a.start(c) <= from && a.end(c) >= to && a.end(c) > a.start(c)) next = c;
            }
            if (next < 0) break;
            node = next;
        }
        return found < 0 ? -1 : found;
    }

    /** Whether the conditional type whose {@code extends} part declares this {@code infer} lies inside {@code selected}. */
    private static boolean conditionalWithin(DocumentQuery q, int infer, int selected) {
        Arena a = q.arena();
        for (int child = infer, p = q.parentOf(infer); p >= 0; child = p, p = q.parentOf(p)) {
            if (a.kind(p) == CONDITIONAL_TYPE && a.nextSibling(a.firstChild(p)) == child) {
                return a.start(p) >= a.start(selected) && a.end(p) <= a.end(selected);
            }
            if (p == selected) return false;
        }
        return false;
    }

    /**
     * Checks every name read in [from, to): declared inside {@code selected}, or in a scope visible
     * before the statement (the list's scope or one around it: types are not in a temporal dead
     * zone), or a type parameter declared between, which is added to {@code parameters[0]} (its count first). False when a
     * name is none of these, or the selection lies in the declaration of a parameter it reads.
     */
    private static boolean collectParameters(DocumentQuery q, int from, int to, int list, int selected, int[][] parameters) {
        Arena a = q.arena();
        ScopeTable t = q.scopes();
        for (int i = 0, n = t.referenceCount(); i < n; i++) {
            int ref = t.referenceNode(i);
            if (a.start(ref) < from || a.end(ref) > to) continue;
            int symbol = t.symbolOfNode(ref);
            if (symbol < 0) continue; // a global or unknown name: nothing nearer is declared, before the statement either
            int decl = t.declarationNode(symbol);
            if (decl >= 0 && selected >= 0 && a.start(decl) >= a.start(selected) && a.start(decl) < a.end(selected)) continue;
            if (Refactors.declaredAround(q, list, symbol)) continue;
            if (t.kind(symbol) != SymbolKind.TYPE_PARAMETER) return false;
            int declaring = t.declaringNode(symbol);
            if (declaring < 0 || a.kind(declaring) != TYPE_PARAMETER) return false;
            if (selected >= 0 && a.start(declaring) <= a.start(selected) && a.end(declaring) >= a.end(selected)) return false;
            int[] p = parameters[0];
            boolean known = false;
            for (int k = 1; k <= p[0] && !known; k++) known = p[k] == symbol;
            if (known) continue;
            if (p[0] + 1 == p.length) parameters[0] = p = java.util.Arrays.copyOf(p, p.length * 2);
            p[++p[0]] = symbol;
        }
        return true;
    }

    /** A type parameter's constraint, or -1. */
    private static int constraintOf(Arena a, int typeParameter) {
        if (typeParameter < 0 || a.kind(typeParameter) != TYPE_PARAMETER || (a.data(typeParameter) & TP_CONSTRAINT) == 0) return -1;
        int name = a.firstChild(typeParameter);
        return name < 0 ? -1 : a.nextSibling(name);
    }

    /**
     * Where the declaration goes: before the comments that lead into the statement (each on lines of
     * its own, no blank line between them and the statement), so a doc comment stays on what it documents.
     */
    static int attachedCommentsStart(Arena a, int statementStart) {
        ParseLog log = a.log();
        char[] src = a.source();
        int lo = 0, hi = log.commentCount() - 1, found = -1;
        while (lo <= hi) { // the last comment ending at or before the statement
            int mid = (lo + hi) >>> 1;
            if (log.commentEnd(mid) <= statementStart) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        int at = statementStart;
        for (int c = found; c >= 0; c--) {
            int start = log.commentStart(c), end = log.commentEnd(c);
            int lineBreaks = 0;
            for (int i = end; i < at; i++) {
                if (!Character.isWhitespace(src[i])) return at;
                if (src[i] == '\n') lineBreaks++;
            }
            if (lineBreaks > 1) return at; // a blank line: the comment belongs to what is above
            int lineStart = start;
            while (lineStart > 0 && (src[lineStart - 1] == ' ' || src[lineStart - 1] == '\t')) lineStart--;
            if (lineStart > 0 && src[lineStart - 1] != '\n' && src[lineStart - 1] != '\r') return at; // trails code on its line
            at = start;
        }
        return at;
    }

    /**
     * The type's text, its lines after the first moved {@code shift} columns left (it was indented
     * that much deeper than the statement it now precedes); kept as written when a template literal
     * type spans lines (its text is the type) or a line has fewer blanks to give.
     */
    private static String reindented(DocumentQuery q, int type, int shift) {
        Arena a = q.arena();
        char[] src = a.source();
        int from = a.start(type), to = a.end(type);
        String text = new String(src, from, to - from);
        if (shift <= 0 || text.indexOf('\n') < 0) return text;
        if (Refactors.anyNode(a, type, n -> a.kind(n) == TEMPLATE_LITERAL_TYPE && new String(src, a.start(n), a.end(n) - a.start(n)).indexOf('\n') >= 0, k -> false)) return text;
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        out.append(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int blanks = 0;
            while (blanks < line.length() && blanks < shift && (line.charAt(blanks) == ' ' || line.charAt(blanks) == '\t')) blanks++;
            if (blanks < shift && blanks < line.length() && !line.isBlank()) return text;
            out.append('\n').append(line, Math.min(blanks, line.length()), line.length());
        }
        return out.toString();
    }
}
