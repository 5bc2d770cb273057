package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Code that never runs and labels nothing jumps to, found from the tree alone, as TypeScript's
 * binder reports them by default: suggestions its editors grey out (7027 "Unreachable code
 * detected.", 7028 "Unused label."), never errors.
 *
 * <p>Reachability is a safe subset of TypeScript's control flow: a statement is unreachable after a
 * {@code return}, {@code throw}, {@code break} or {@code continue} in its list, or after a block, an
 * {@code if}/{@code else} or a {@code try} that always ends in one. Loops without an exit and calls
 * of functions returning {@code never} (which TypeScript also follows) are not: a hint may be
 * missing, never wrong. The reported ranges are TypeScript 6's, as its binder was seen to report
 * them ({@code UnreachableCodeOracleTest} judges them): runs of statements that run, broken by the
 * ones that do not (a function declaration, a type, an empty statement, a {@code var} that may
 * declare a name used above) and by blocks, whose statements are runs of their own; nothing inside
 * a statement already reported, except in a function, whose body is a flow of its own.
 */
final class UnreachableCode {
    private UnreachableCode() {}

    static final int UNREACHABLE = 7027, UNUSED_LABEL = 7028;
    /** Hints published per document at most (as {@link UnusedCode#MAX_HINTS}). */
    static final int MAX_HINTS = 100;
    /**
     * Above this many characters nothing is looked for: the pass over every node costs ~4 ms on a
     * 9 MB bundle at every edit (typescript.js, whose one finding nobody edits for).
     */
    static final int MAX_CHARS = 2_000_000;

    /** The findings of the document's current tree, {code, start, end} in source order; none for a file over {@link #MAX_CHARS}. */
    static List<int[]> findings(Arena a) {
        List<int[]> out = new ArrayList<>();
        if (a.sourceLength() <= MAX_CHARS) find(a, out, MAX_HINTS);
        return out;
    }

    /** The findings as hints tagged Unnecessary, as TypeScript's suggestions. */
    static List<org.eclipse.lsp4j.Diagnostic> hints(dev.arenals.server.query.DocumentQuery q) {
        List<int[]> found = findings(q.arena());
        List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>(found.size());
        for (int[] f : found) {
            org.eclipse.lsp4j.Diagnostic d = new org.eclipse.lsp4j.Diagnostic(q.range(f[1], f[2]), message(f[0]),
                    org.eclipse.lsp4j.DiagnosticSeverity.Hint, DiagnosticsHandler.SOURCE);
            d.setCode(org.eclipse.lsp4j.jsonrpc.messages.Either.forRight(f[0]));
            d.setTags(List.of(org.eclipse.lsp4j.DiagnosticTag.Unnecessary));
            out.add(d);
        }
        return out;
    }

    static String message(int code) { return code == UNREACHABLE ? "Unreachable code detected." : "Unused label."; }

    /**
     * Appends {code, start, end} of each finding, in source order, up to {@code max}. One pass over
     * the node column (no tree walk: every node is the child of one list at most), then the findings
     * inside code already reported are dropped, unless a flow of its own starts between.
     */
    static void find(Arena a, List<int[]> out, int max) {
        if (a.root() < 0) return;
        List<int[]> found = new ArrayList<>(); // {code, start, end, list, region start, region end}
        boolean regions = false;
        for (int n = 0, count = a.nodeCount(); n < count; n++) {
            int k = a.kind(n);
            if (k == LABELED) unusedLabel(a, n, found);
            else if (Refactors.isStatementList(k) && a.firstChild(n) >= 0) regions |= list(a, n, found);
        }
        if (found.isEmpty()) return;
        found.sort((x, y) -> x[1] != y[1] ? Integer.compare(x[1], y[1]) : Integer.compare(y[2], x[2]));
        Silencer silencer = regions ? new Silencer(a, found) : null;
        for (int[] f : found) {
            if (out.size() >= max) return;
            if (f[0] != 0 && (silencer == null || !silencer.silenced(f))) out.add(new int[] {f[0], f[1], f[2]});
        }
    }

    /**
     * Whether TypeScript reports nothing at a finding: it lies in the unreachable region of a list
     * around it and no flow of its own starts between. As TypeScript 6's binder was seen to do: a
     * function expression or arrow starts one anywhere; a function declaration only where it stands
     * between the region's runs, not inside a statement reported whole (nor do a class's methods).
     * Found by walking up from the finding (a parent column made once), so the cost is the depth.
     */
    private static final class Silencer {
        private final Arena a;
        private final int[] parent;
        /** By list node: its region {start, end, marker ? 1 : 0} and its runs {start, end}… */
        private final java.util.Map<Integer, int[]> regionOf = new java.util.HashMap<>();
        private final java.util.Map<Integer, List<int[]>> runsOf = new java.util.HashMap<>();

        Silencer(Arena a, List<int[]> found) {
            this.a = a;
            parent = new int[a.nodeCount()];
            java.util.Arrays.fill(parent, -1);
            for (int n = 0, count = a.nodeCount(); n < count; n++) {
                for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) parent[c] = n;
            }
            for (int[] f : found) {
                if (f[0] != UNREACHABLE && f[0] != 0) continue;
                regionOf.put(f[3], new int[] {f[4], f[5], f[0] == 0 ? 1 : 0});
                if (f[0] == UNREACHABLE) runsOf.computeIfAbsent(f[3], k -> new ArrayList<>()).add(f);
            }
        }

        boolean silenced(int[] f) {
            boolean fresh = false;
            int[] declared = new int[8]; // function declarations and methods on the way up
            int declaredCount = 0;
            for (int n = f[3], p = parent[n]; p >= 0; n = p, p = parent[p]) {
                int k = a.kind(p);
                if (k == ARROW_FUNCTION || k == FUNCTION_EXPRESSION) fresh = true;
                else if (k == FUNCTION_DECLARATION || k == METHOD || k == STATIC_BLOCK) {
                    if (declaredCount == declared.length) declared = java.util.Arrays.copyOf(declared, declaredCount * 2);
                    declared[declaredCount++] = p;
                }
                int[] region = regionOf.get(p);
                if (region == null || f[1] < region[0] || f[2] > region[1]) continue;
                if (region[2] == 1) return true; // a list not followed to its end: nothing inside it is trusted
                boolean hidden = false, freshHere = fresh;
                for (int i = 0; i < declaredCount; i++) {
                    if (insideRun(declared[i], runsOf.get(p))) hidden = true;
                    else if (a.kind(declared[i]) == FUNCTION_DECLARATION) freshHere = true;
                }
                if (hidden || !freshHere) return true;
            }
            return false;
        }

        private boolean insideRun(int n, List<int[]> runs) {
            if (runs == null) return false;
            for (int[] g : runs) if (g[1] <= a.start(n) && a.end(n) <= g[2]) return true;
            return false;
        }
    }

    /**
     * The unreachable statements of one list: after a statement that always jumps, each run of
     * statements TypeScript reports together, with the list and the region (the statements after
     * the jump) inside which other lists' findings are TypeScript's no more: a block there is read
     * through (its statements are runs of this region, the block itself breaks a run), a statement
     * reported whole hides what is inside it.
     */
    private static boolean list(Arena a, int list, List<int[]> out) {
        int k = a.kind(list);
        int[] run = {-1, -1, list, -1, a.end(list)};
        for (int s = a.firstChild(list); s >= 0; s = a.nextSibling(s)) {
            if (k == SWITCH_CASE && s == a.firstChild(list) && (a.data(list) & 1) == 0) continue; // the case's test
            if (run[3] < 0) {
                if (endsAbruptly(a, s) && a.nextSibling(s) >= 0) run[3] = a.start(a.nextSibling(s));
                continue;
            }
            if (!unreachable(a, s, run, out, 0)) {
                // a statement whose treatment is not known: nothing more from this list, and the region still hides the rest
                out.add(new int[] {0, run[3], run[3], list, run[3], run[4]});
                return true;
            }
        }
        flush(run, out);
        return run[3] >= 0;
    }

    /** One statement of an unreachable region; false for a kind whose treatment TypeScript's binder was not seen to follow. */
    private static boolean unreachable(Arena a, int s, int[] run, List<int[]> out, int depth) {
        switch (a.kind(s)) {
            case EXPRESSION_STATEMENT: case IF: case FOR: case FOR_IN: case FOR_OF: case WHILE: case DO_WHILE: case SWITCH:
            case TRY: case LABELED: case RETURN: case THROW: case BREAK: case CONTINUE: case DEBUGGER: case WITH:
                extend(run, a, s);
                return true;
            case VARIABLE_DECLARATION: {
                if ((a.data(s) & MOD_DECLARE) != 0) return false;
                if ((a.data(s) & 7) == VAR_VAR) {
                    for (int d = a.firstChild(s); d >= 0; d = a.nextSibling(d)) {
                        if (a.kind(d) == VARIABLE_DECLARATOR && (a.data(d) & 1) == 0) { // `var x;` may declare a name used above
                            flush(run, out);
                            return true;
                        }
                    }
                }
                extend(run, a, s);
                return true;
            }
            case CLASS_DECLARATION:
                if ((a.data(s) & MOD_DECLARE) != 0) return false;
                extend(run, a, s);
                return true;
            case ENUM_DECLARATION:
                if ((a.data(s) & (MOD_CONST | MOD_DECLARE)) == 0) extend(run, a, s);
                else flush(run, out);
                return true;
            case FUNCTION_DECLARATION: case EMPTY_STATEMENT: case TYPE_ALIAS: case INTERFACE_DECLARATION:
                flush(run, out); // hoisted, or nothing that runs: not reported, and the run stops
                return true;
            case BLOCK:
                flush(run, out);
                if (depth >= MAX_DEPTH) return false;
                for (int c = a.firstChild(s); c >= 0; c = a.nextSibling(c)) if (!unreachable(a, c, run, out, depth + 1)) return false;
                flush(run, out);
                return true;
            default:
                return false;
        }
    }

    private static void extend(int[] run, Arena a, int s) {
        if (run[0] < 0) run[0] = a.start(s);
        run[1] = a.end(s);
    }

    /** Reports the open run, if any: {code, start, end, list, region start, region end}. */
    private static void flush(int[] run, List<int[]> out) {
        if (run[0] >= 0) out.add(new int[] {UNREACHABLE, run[0], run[1], run[2], run[3], run[4]});
        run[0] = -1;
    }

    /** Whether control never leaves the statement at its end: it returns, throws, breaks or continues on every path. */
    static boolean endsAbruptly(Arena a, int s) { return endsAbruptly(a, s, 0); }

    /** Nesting deeper than this is taken to complete normally: a hint may be missing, the stack stays small. */
    private static final int MAX_DEPTH = 32;

    private static boolean endsAbruptly(Arena a, int s, int depth) {
        if (depth > MAX_DEPTH) return false;
        switch (a.kind(s)) {
            case RETURN: case THROW: case BREAK: case CONTINUE:
                return true;
            case BLOCK:
                for (int c = a.firstChild(s); c >= 0; c = a.nextSibling(c)) if (endsAbruptly(a, c, depth + 1)) return true;
                return false;
            case IF: {
                int test = a.firstChild(s), then = test < 0 ? -1 : a.nextSibling(test), otherwise = then < 0 ? -1 : a.nextSibling(then);
                return otherwise >= 0 && endsAbruptly(a, then, depth + 1) && endsAbruptly(a, otherwise, depth + 1);
            }
            case TRY: {
                int tried = a.firstChild(s), handler = -1, finalizer = -1;
                for (int c = tried < 0 ? -1 : a.nextSibling(tried); c >= 0; c = a.nextSibling(c)) {
                    if (a.kind(c) == CATCH_CLAUSE) handler = c;
                    else finalizer = c;
                }
                if (finalizer >= 0 && endsAbruptly(a, finalizer, depth + 1)) return true;
                if (tried < 0 || !endsAbruptly(a, tried, depth + 1)) return false;
                if (handler < 0) return true;
                int body = a.firstChild(handler);
                while (body >= 0 && a.nextSibling(body) >= 0) body = a.nextSibling(body);
                return body >= 0 && a.kind(body) == BLOCK && endsAbruptly(a, body, depth + 1);
            }
            case FOR: case WHILE: case DO_WHILE:
                return endless(a, s) && !breaksOut(a, s, -1, true);
            case SWITCH:
                return switchEndsAbruptly(a, s, -1, depth);
            case LABELED: {
                int label = a.firstChild(s), body = label < 0 ? -1 : a.nextSibling(label);
                if (body < 0) return false;
                int k = a.kind(body);
                if (k == FOR || k == WHILE || k == DO_WHILE) return endless(a, body) && !breaksOut(a, body, a.data(label), true);
                if (k == SWITCH) return switchEndsAbruptly(a, body, a.data(label), depth);
                // L: { … }: a break without a label leaves for a loop or switch around it (still past what follows)
                return endsAbruptly(a, body, depth + 1) && !breaksOut(a, s, a.data(label), false);
            }
            default:
                return false;
        }
    }

    /**
     * A switch that never completes: it has a default clause (some clause always runs), no break
     * leaves it, and its last clause ends in a jump (every clause falls through to it).
     */
    private static boolean switchEndsAbruptly(Arena a, int s, int label, int depth) {
        int last = -1;
        boolean hasDefault = false;
        for (int c = a.firstChild(s); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) != SWITCH_CASE) continue;
            last = c;
            hasDefault |= (a.data(c) & 1) != 0;
        }
        if (!hasDefault || breaksOut(a, s, label, true)) return false;
        int first = a.firstChild(last);
        if (first >= 0 && (a.data(last) & 1) == 0) first = a.nextSibling(first); // the case's test
        for (int c = first; c >= 0; c = a.nextSibling(c)) if (endsAbruptly(a, c, depth + 1)) return true;
        return false;
    }

    /** {@code for (;;)}, {@code while (true)}, {@code do … while (true)}: a loop only a jump leaves. */
    private static boolean endless(Arena a, int loop) {
        switch (a.kind(loop)) {
            case FOR: return (a.data(loop) & 2) == 0;
            case WHILE: return isTrue(a, a.firstChild(loop));
            default: { // do body while (test)
                int body = a.firstChild(loop);
                return body >= 0 && isTrue(a, a.nextSibling(body));
            }
        }
    }

    private static boolean isTrue(Arena a, int n) { return n >= 0 && a.kind(n) == BOOLEAN && a.data(n) == 1; }

    /**
     * Whether a {@code break} leaves this loop: one without a label outside any inner loop or
     * {@code switch}, or one naming the loop's label ({@code label}, -1 for none). Functions and
     * classes inside have jumps of their own.
     */
    private static boolean breaksOut(Arena a, int loop, int label, boolean unlabeledLeaves) { // also a switch's, a labeled block's

        // (node << 1 | inside an inner loop or switch)
        long[] stack = new long[32];
        int sp = 0;
        for (int c = a.firstChild(loop); c >= 0; c = a.nextSibling(c)) {
            if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
            stack[sp++] = (long) c << 1;
        }
        while (sp > 0) {
            long top = stack[--sp];
            int n = (int) (top >>> 1);
            boolean inner = (top & 1) != 0;
            int k = a.kind(n);
            if (k == BREAK) {
                int target = a.firstChild(n);
                if (target < 0 ? unlabeledLeaves && !inner : label >= 0 && a.kind(target) == LABEL && a.data(target) == label) return true;
                continue;
            }
            if (NodeKind.isFunction(k) || k == CLASS_DECLARATION || k == CLASS_EXPRESSION) continue;
            boolean innerBelow = inner || k == FOR || k == FOR_IN || k == FOR_OF || k == WHILE || k == DO_WHILE || k == SWITCH;
            for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
                stack[sp++] = (long) c << 1 | (innerBelow ? 1 : 0);
            }
        }
        return false;
    }

    /** A label no {@code break} or {@code continue} of its body names (functions inside have labels of their own). */
    private static void unusedLabel(Arena a, int labeled, List<int[]> out) {
        int label = a.firstChild(labeled);
        if (label < 0 || a.kind(label) != LABEL) return;
        int name = a.data(label);
        int body = a.nextSibling(label);
        if (body < 0) return;
        int[] stack = new int[32];
        int sp = 0;
        stack[sp++] = body;
        while (sp > 0) {
            int n = stack[--sp];
            int k = a.kind(n);
            if (k == BREAK || k == CONTINUE) {
                int target = a.firstChild(n);
                if (target >= 0 && a.kind(target) == LABEL && a.data(target) == name) return;
            }
            if (NodeKind.isFunction(k) || k == CLASS_DECLARATION || k == CLASS_EXPRESSION) continue;
            for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
                stack[sp++] = c;
            }
        }
        out.add(new int[] {UNUSED_LABEL, a.start(label), a.end(label), labeled, 0, 0});
    }
}
