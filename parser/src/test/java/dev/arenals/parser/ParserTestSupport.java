package dev.arenals.parser;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.parser.tree.ParseLog;
import dev.arenals.parser.tree.TreeVerifier;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Shared helpers for the parser behaviour tests: parsing, diagnostics as values, tree invariants. */
public final class ParserTestSupport {
    private ParserTestSupport() {}

    /** One diagnostic as a value, with its message formatted as a client would show it. */
    public record Diagnostic(Diag diag, int start, int end, String message) {
        @Override public String toString() {
            return diag + "[" + start + "," + end + ") " + message;
        }
    }

    public static Arena parse(String src) { return parse(src, false); }

    public static Arena parseModule(String src) { return parse(src, true); }

    public static Arena parse(String src, boolean module) {
        Arena arena = new Arena();
        new JsParser().parse(arena, src, ParseOptions.of(module));
        return arena;
    }

    public static List<Diagnostic> diagnostics(Arena arena) {
        return diagnostics(arena.log(), arena);
    }

    public static List<Diagnostic> diagnostics(ParseLog log, Arena namesFrom) {
        List<Diagnostic> out = new ArrayList<>();
        for (int i = 0; i < log.diagnosticCount(); i++) {
            out.add(new Diagnostic(log.diagnostic(i), log.diagnosticStart(i), log.diagnosticEnd(i),
                    DiagnosticMessages.message(log, i, namesFrom == null ? null : namesFrom.names())));
        }
        return out;
    }

    /** Human-readable summary used in assertion messages. */
    public static String describe(String src, Arena arena) {
        String shown = src.length() > 300 ? src.substring(0, 300) + "…(" + src.length() + " chars)" : src;
        String dump = TreeDump.dump(arena);
        if (dump.length() > 2000) dump = dump.substring(0, 2000) + "…";
        return "source: " + shown.replace("\n", "\\n") + "\ndiagnostics: " + diagnostics(arena) + "\ntree: " + dump;
    }

    /** Indices of nodes reachable from the root over firstChild / nextSibling (iterative). */
    public static BitSet reachable(Arena arena) {
        BitSet seen = new BitSet(arena.nodeCount());
        if (arena.nodeCount() == 0) return seen;
        int[] stack = new int[64];
        int sp = 0;
        stack[sp++] = arena.root();
        while (sp > 0) {
            int n = stack[--sp];
            if (seen.get(n)) throw new AssertionError("node " + n + " reachable twice (cycle or shared child)");
            seen.set(n);
            for (int c = arena.firstChild(n); c >= 0; c = arena.nextSibling(c)) {
                if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
                stack[sp++] = c;
            }
        }
        return seen;
    }

    /**
     * The violations of the parser's tree rules ({@link TreeVerifier}), at most 20, empty when the
     * tree keeps them all.
     */
    public static List<String> treeViolations(Arena arena) {
        List<String> out = new ArrayList<>();
        for (TreeVerifier.Violation v : TreeVerifier.violations(arena, 20)) out.add(v.toString());
        return out;
    }

    public static int count(List<Diagnostic> diags, Diag d) {
        int n = 0;
        for (Diagnostic x : diags) if (x.diag() == d) n++;
        return n;
    }

    /**
     * A compact S-expression of the tree for shape assertions, independent of TreeDump's format:
     * "(KIND" + " name" for named kinds, " op" for operator kinds, " text" for literals, then the
     * children, then ")". PARENTHESIZED nodes are kept. Iterative.
     */
    public static String shape(Arena arena) {
        if (arena.nodeCount() == 0) return "";
        StringBuilder out = new StringBuilder();
        int[] stack = new int[64];
        int sp = 0;
        stack[sp++] = arena.root();
        while (sp > 0) {
            int e = stack[--sp];
            if (e < 0) { out.append(')'); continue; }
            int k = arena.kind(e);
            out.append('(').append(NodeKind.name(k));
            if (NodeKind.hasName(k)) {
                out.append(' ').append(arena.names().name(arena.data(e)));
            } else if (k == NodeKind.UNARY || k == NodeKind.BINARY || k == NodeKind.ASSIGNMENT || k == NodeKind.UPDATE) {
                out.append(' ').append(dev.arenals.parser.lexer.Token.text(arena.data(e) & 0xFFFF));
                if (k == NodeKind.UPDATE) out.append((arena.data(e) & NodeKind.UPDATE_PREFIX) != 0 ? " prefix" : " postfix");
            } else if (k == NodeKind.NUMBER_LITERAL || k == NodeKind.STRING_LITERAL || k == NodeKind.BIGINT_LITERAL
                    || k == NodeKind.REGEX_LITERAL || k == NodeKind.TEMPLATE_ELEMENT) {
                out.append(' ').append(arena.text(arena.start(e), arena.end(e)));
            }
            int count = 0;
            for (int c = arena.firstChild(e); c >= 0; c = arena.nextSibling(c)) count++;
            if (sp + count + 1 >= stack.length) stack = java.util.Arrays.copyOf(stack, (sp + count + 1) * 2);
            stack[sp++] = -1;
            int i = sp + count - 1;
            for (int c = arena.firstChild(e); c >= 0; c = arena.nextSibling(c)) stack[i--] = c;
            sp += count;
        }
        return out.toString();
    }

    /** All node kinds present in the tree (reachable nodes only). */
    public static BitSet kindsIn(Arena arena) {
        BitSet kinds = new BitSet(NodeKind.COUNT);
        BitSet r = reachable(arena);
        for (int n = r.nextSetBit(0); n >= 0; n = r.nextSetBit(n + 1)) kinds.set(arena.kind(n));
        return kinds;
    }
}
