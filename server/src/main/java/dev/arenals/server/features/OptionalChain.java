package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.query.DocumentQuery;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.TextEdit;

/**
 * "Convert to optional chain expression" ({@code refactor.rewrite.expression.optionalChain},
 * TypeScript's kind): {@code a && a.b && a.b.c()} as {@code a?.b?.c()}. The two differ in value
 * when {@code a} is falsy but not null or undefined ({@code 0 && …} is 0, {@code (0)?.b} is
 * undefined) and agree in truthiness always, so the conversion is offered only where the chain
 * is a test: of an {@code if}, a loop, a conditional expression, a {@code !}, or an operand of
 * {@code &&}/{@code ||} that is itself one. Each operand before the last must be a plain access
 * path (names, {@code this}, property reads) written again at the start of the next one; the last
 * may end in calls. Stateless.
 */
public final class OptionalChain {
    public static final String KIND = "refactor.rewrite.expression.optionalChain";

    private OptionalChain() {}

    /** The conversion of the {@code &&} chain at the cursor or selection, or null. */
    static CodeAction action(DocumentQuery q, int from, int to) {
        Arena a = q.arena();
        int node = Refactors.innermostHolding(a, from, to);
        // up to the outermost && of the chain the cursor is in
        int chain = -1;
        for (int n = node; n >= 0; n = q.parentOf(n)) {
            if (isAnd(a, n)) chain = n;
            else if (chain >= 0) break;
        }
        if (chain < 0 || !isTest(q, chain)) return null;
        List<Integer> operands = new ArrayList<>();
        int left = chain;
        while (isAnd(a, left)) {
            operands.add(0, a.nextSibling(a.firstChild(left)));
            left = a.firstChild(left);
        }
        operands.add(0, left);
        for (int operand : operands) if (operand < 0) return null; // broken code: an operator without its operand
        // the run of operands each written again at the start of the next, around the cursor
        int best = -1, bestEnd = -1;
        for (int start = 0; start < operands.size() - 1; start++) {
            int end = start;
            while (end + 1 < operands.size() && accessPath(a, operands.get(end)) && prefixEnd(a, operands.get(end + 1), operands.get(end)) >= 0) end++;
            if (end == start) continue;
            boolean holdsCursor = a.start(operands.get(start)) <= to && from <= a.end(operands.get(end));
            if (best < 0 || holdsCursor && !(a.start(operands.get(best)) <= to && from <= a.end(operands.get(bestEnd)))) {
                best = start;
                bestEnd = end;
            }
            start = end - 1; // runs do not overlap: the next one starts at this one's end
        }
        if (best < 0) return null;
        int last = operands.get(bestEnd);
        char[] src = a.source();
        StringBuilder out = new StringBuilder();
        int at = a.start(last);
        List<Integer> cuts = new ArrayList<>();
        for (int i = best; i < bestEnd; i++) cuts.add(prefixEnd(a, last, operands.get(i)));
        for (int cut : cuts) {
            int next = cut;
            while (next < a.end(last) && Character.isWhitespace(src[next])) next++;
            if (next >= a.end(last)) return null;
            char ch = src[next];
            if (ch != '.' && ch != '[' && ch != '(') return null; // `a!.b`, `f<T>()`: not written here
            out.append(src, at, next - at).append(ch == '.' ? "?." : "?." + ch);
            at = next + 1;
        }
        out.append(src, at, a.end(last) - at);
        List<TextEdit> edits = List.of(new TextEdit(q.range(a.start(operands.get(best)), a.end(last)), out.toString()));
        return Refactors.action(q, "Convert to optional chain expression", KIND, edits);
    }

    private static boolean isAnd(Arena a, int n) { return n >= 0 && a.kind(n) == BINARY && a.data(n) == Token.AMP2; }

    /** Whether only the truthiness of the node's value counts where it stands. */
    private static boolean isTest(DocumentQuery q, int node) {
        Arena a = q.arena();
        for (int child = node, p = q.parentOf(node); p >= 0; child = p, p = q.parentOf(p)) {
            int k = a.kind(p);
            if (k == PARENTHESIZED) continue;
            if (k == BINARY && (a.data(p) == Token.AMP2 || a.data(p) == Token.BAR2)) continue;
            if (k == UNARY) return a.data(p) == Token.BANG;
            if (k == IF || k == WHILE || k == CONDITIONAL) return a.firstChild(p) == child;
            if (k == DO_WHILE) return a.firstChild(p) != child;
            if (k == FOR) return (a.data(p) & 2) != 0 && testOfFor(a, p) == child;
            return false;
        }
        return false;
    }

    /** A {@code for} statement's test: after its init when there is one. */
    private static int testOfFor(Arena a, int forNode) {
        int c = a.firstChild(forNode);
        return (a.data(forNode) & 1) != 0 ? a.nextSibling(c) : c;
    }

    /** Names, {@code this} and property reads (dotted, or bracketed by a literal or a name): evaluating it twice reads the same. */
    private static boolean accessPath(Arena a, int e) {
        if (e < 0) return false;
        switch (a.kind(e)) {
            case IDENTIFIER_REFERENCE: case THIS:
                return true;
            case MEMBER: {
                if ((a.data(e) & M_OPTIONAL) != 0) return false;
                if ((a.data(e) & M_COMPUTED) != 0) {
                    int key = Layouts.memberProperty(a, e);
                    int kk = key < 0 ? -1 : a.kind(key);
                    if (kk != STRING_LITERAL && kk != NUMBER_LITERAL && kk != IDENTIFIER_REFERENCE) return false;
                }
                return accessPath(a, Layouts.memberObject(a, e));
            }
            default:
                return false;
        }
    }

    /**
     * Where, in {@code longer} (a chain of property reads and calls), the part written the same as
     * {@code prefix} ends; -1 when no object or callee along its chain is written so.
     */
    private static int prefixEnd(Arena a, int longer, int prefix) {
        String wanted = compact(a, prefix);
        for (int n = longer; n >= 0; ) {
            int k = a.kind(n);
            if (n != longer && compact(a, n).equals(wanted)) return a.end(n);
            if (k == MEMBER && (a.data(n) & M_OPTIONAL) == 0) n = Layouts.memberObject(a, n);
            else if (k == CALL && (a.data(n) & M_OPTIONAL) == 0) n = a.firstChild(n);
            else return -1;
        }
        return -1;
    }

    /** The node's source without blanks (and without comments: none is expected in a path). */
    private static String compact(Arena a, int n) {
        char[] src = a.source();
        StringBuilder sb = new StringBuilder(a.end(n) - a.start(n));
        for (int i = a.start(n); i < a.end(n); i++) if (!Character.isWhitespace(src[i])) sb.append(src[i]);
        return sb.toString();
    }
}
