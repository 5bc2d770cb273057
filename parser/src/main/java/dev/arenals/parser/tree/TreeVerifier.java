package dev.arenals.parser.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The structural rules every tree the parser builds obeys, whatever the input and whatever its
 * diagnostics. The one definition of them: the parser's tests, the fuzzers, the conformance suites
 * and the server's {@code debug.verifyTrees} mode all call this.
 * <ol>
 *   <li>the root is a PROGRAM spanning the whole text, {@code [0, sourceLength)};</li>
 *   <li>every reachable node has {@code 0 <= start <= end <= sourceLength}, a known kind, and, when
 *       its kind carries a name, a name id the arena's name table has;</li>
 *   <li>children lie inside their parent, in source order (starts and ends non-decreasing), and
 *       disjoint: a child starts at or after its previous sibling's end, except that it may start
 *       where the previous one starts and contain it, as the value of a shorthand property
 *       {@code {a}} or {@code {a = 1}} contains its key;</li>
 *   <li>every diagnostic lies inside the text, and there are at most
 *       {@link ParseLog#MAX_DIAGNOSTICS} + 1 of them (the last one says "too many").</li>
 * </ol>
 * Linear in the number of nodes; an explicit stack instead of recursion (trees may be very deep);
 * stops at a cycle. What only a test can judge (that the gaps between statements hold nothing but
 * trivia) stays in the tests.
 */
public final class TreeVerifier {
    private TreeVerifier() {}

    /** One broken rule: where ({@code offset} into the text, clamped to it) and what. */
    public record Violation(int offset, String message) {
        @Override public String toString() { return "@" + offset + " " + message; }
    }

    /** The first violation in the arena's last tree, or null when it keeps every rule. */
    public static Violation firstViolation(Arena arena) {
        List<Violation> v = violations(arena, 1);
        return v.isEmpty() ? null : v.get(0);
    }

    /** Up to {@code max} violations (at least one is looked for), in the order they are found. */
    public static List<Violation> violations(Arena arena, int max) {
        List<Violation> out = new ArrayList<>(0);
        int limit = Math.max(1, max);
        int len = arena.sourceLength();
        int count = arena.nodeCount();
        if (count == 0) {
            out.add(new Violation(0, "the arena holds no tree"));
            return out;
        }
        int root = arena.root();
        if (arena.kind(root) != NodeKind.PROGRAM) {
            out.add(new Violation(0, "the root is " + NodeKind.name(arena.kind(root)) + ", not PROGRAM"));
            if (out.size() >= limit) return out;
        }
        if (arena.start(root) != 0 || arena.end(root) != len) {
            out.add(new Violation(0, NodeKind.name(arena.kind(root)) + " spans [" + arena.start(root) + ", " + arena.end(root)
                    + ") but the text is [0, " + len + ")"));
            if (out.size() >= limit) return out;
        }
        int names = arena.names().size();
        int[] stack = new int[64];
        int sp = 0;
        stack[sp++] = root;
        int visited = 0;
        while (sp > 0) {
            int n = stack[--sp];
            if (++visited > count) {
                out.add(new Violation(0, "the tree has a cycle (more nodes reached than the arena holds)"));
                return out;
            }
            int k = arena.kind(n);
            int s = arena.start(n), e = arena.end(n);
            if (!NodeKind.isKnown(k)) {
                out.add(new Violation(clamp(s, len), "node " + n + " has the unknown kind " + k));
                if (out.size() >= limit) return out;
            }
            if (NodeKind.hasName(k) && (arena.data(n) < 0 || arena.data(n) >= names)) {
                out.add(new Violation(clamp(s, len), describe(arena, n) + " has the bad name id " + arena.data(n)));
                if (out.size() >= limit) return out;
            }
            if (s < 0 || e > len || s > e) {
                out.add(new Violation(clamp(s, len), describe(arena, n) + " has a bad span in a text of " + len));
                if (out.size() >= limit) return out;
            }
            int prevStart = s, prevEnd = s, prev = -1;
            for (int c = arena.firstChild(n); c >= 0; c = arena.nextSibling(c)) {
                if (c >= count) {
                    out.add(new Violation(clamp(s, len), describe(arena, n) + " has the child index " + c + " past the arena"));
                    return out;
                }
                int cs = arena.start(c), ce = arena.end(c);
                String broken = null;
                if (cs > ce) {
                    broken = describe(arena, c) + " has a bad span (in " + describe(arena, n) + ")";
                } else if (cs < s || ce > e) {
                    broken = describe(arena, c) + " is outside its parent " + describe(arena, n);
                } else if (prev >= 0 && (cs < prevStart || ce < prevEnd)) {
                    broken = describe(arena, c) + " comes before its previous sibling " + describe(arena, prev) + " (in " + NodeKind.name(k) + ")";
                } else if (prev >= 0 && cs < prevEnd && cs != prevStart) {
                    broken = describe(arena, c) + " overlaps its previous sibling " + describe(arena, prev) + " (in " + NodeKind.name(k) + ")";
                }
                if (broken != null) {
                    out.add(new Violation(clamp(cs, len), broken));
                    if (out.size() >= limit) return out;
                }
                prevStart = Math.max(prevStart, cs);
                prevEnd = Math.max(prevEnd, ce);
                prev = c;
                if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
                stack[sp++] = c;
            }
        }
        ParseLog log = arena.log();
        if (log.diagnosticCount() > ParseLog.MAX_DIAGNOSTICS + 1) {
            out.add(new Violation(0, log.diagnosticCount() + " diagnostics (cap " + ParseLog.MAX_DIAGNOSTICS + ")"));
            if (out.size() >= limit) return out;
        }
        for (int i = 0; i < log.diagnosticCount(); i++) {
            int s = log.diagnosticStart(i), e = log.diagnosticEnd(i);
            if (s < 0 || e < s || e > len) {
                out.add(new Violation(clamp(s, len), "diagnostic " + log.diagnostic(i) + " has the span [" + s + ", " + e + ") in a text of " + len));
                if (out.size() >= limit) return out;
            }
        }
        return out;
    }

    private static int clamp(int offset, int len) { return Math.max(0, Math.min(offset, len)); }

    private static String describe(Arena arena, int n) {
        return NodeKind.name(arena.kind(n)) + " [" + arena.start(n) + ", " + arena.end(n) + ")";
    }
}
