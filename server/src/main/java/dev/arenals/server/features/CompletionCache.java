package dev.arenals.server.features;

import dev.arenals.parser.tree.Arena;
import dev.arenals.server.query.WellKnownGlobals;
import java.util.HashMap;
import java.util.Map;

/**
 * What completion keeps of one parse of a document, kept as a document attachment and dropped
 * when the arena changes: the name id of every lib global in the document's name table (a lookup
 * per global per request otherwise), and the children of nodes with very many of them as arrays
 * (a bundle's top-level function holds thousands of statements, scanned twice per request).
 */
final class CompletionCache {
    /** Nodes with at least this many children get an array. */
    static final int MANY_CHILDREN = 128;

    private int generation = -1;
    private int[] libIds;
    private final Map<Integer, int[]> children = new HashMap<>();

    /** Drops what belongs to an older parse. */
    CompletionCache current(Arena arena) {
        if (arena.generation() != generation) {
            generation = arena.generation();
            libIds = null;
            children.clear();
        }
        return this;
    }

    private int[] visibleMarks = new int[0];
    private int stamp;

    /** Per name id, marks of the names visible at a request: equal to {@link #stamp()} when visible in the current one. */
    int[] visibleNameMarks(int names) {
        if (visibleMarks.length < names) visibleMarks = new int[names + (names >>> 3) + 64];
        if (++stamp == Integer.MAX_VALUE) {
            java.util.Arrays.fill(visibleMarks, 0);
            stamp = 1;
        }
        return visibleMarks;
    }

    int stamp() { return stamp; }

    /** By lib index: the global's name id in this document, or -1. */
    int[] libIds(Arena arena) {
        if (libIds == null) {
            int[] ids = new int[WellKnownGlobals.libCount()];
            for (int i = 0; i < ids.length; i++) ids[i] = WellKnownGlobals.libNameId(arena.names(), i);
            libIds = ids;
        }
        return libIds;
    }

    /** The children of {@code node} as an array when it has {@link #MANY_CHILDREN} or more, else null (walk the list). */
    int[] manyChildren(Arena arena, int node) {
        int[] known = children.get(node);
        if (known != null) return known.length == 0 ? null : known;
        int count = 0;
        for (int c = arena.firstChild(node); c >= 0; c = arena.nextSibling(c)) count++;
        int[] out = new int[count < MANY_CHILDREN ? 0 : count];
        if (count >= MANY_CHILDREN) {
            int i = 0;
            for (int c = arena.firstChild(node); c >= 0; c = arena.nextSibling(c)) out[i++] = c;
        }
        children.put(node, out);
        return count < MANY_CHILDREN ? null : out;
    }
}
