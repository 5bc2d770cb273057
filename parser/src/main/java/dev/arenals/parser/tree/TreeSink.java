package dev.arenals.parser.tree;

/**
 * What the parser writes a tree into. The parser builds bottom-up: each finished node is pushed on
 * a pending stack; {@link #finish} pops the nodes pushed since a {@link #mark()} and makes them the
 * children of a new node, which is pushed in turn. The arena implements this with int columns; the
 * heap baseline with one object per node. Handles are ints in both.
 *
 * <p>The navigation and retagging methods exist for the cover grammars: an expression such as
 * {@code [a, b]} becomes a pattern when {@code =} or {@code =>} follows, and the parser rewrites
 * the kinds in place.
 */
public interface TreeSink {
    /** Height of the pending stack: children of the next node start here. */
    int mark();

    /** Pops pending nodes [mark, top) as children of a new node and pushes it. Returns its handle. */
    int finish(int kind, int mark, int start, int end, int data);

    /** {@link #finish} of a node without children: {@code finish(kind, mark(), start, end, data)}. */
    default int leaf(int kind, int start, int end, int data) {
        return finish(kind, mark(), start, end, data);
    }

    /** Drops pending nodes above {@code mark} (a speculative parse was abandoned). */
    void truncate(int mark);

    /** Number of nodes created so far (a checkpoint for {@link #rewindNodes}). */
    int nodeCount();

    /**
     * Forgets nodes created after checkpoint {@code count}; only valid when none of them is
     * reachable from a node kept (after {@link #truncate} to the speculation's mark).
     */
    void rewindNodes(int count);

    /** Removes the pending node at stack position {@code i}; it stays unreachable. */
    void dropPending(int i);

    /** Handle of the pending node at stack position {@code i} (0 = bottom). */
    int pending(int i);

    int kind(int node);
    void setKind(int node, int kind);
    int data(int node);
    void setData(int node, int data);
    int start(int node);
    /** Moves a node's start earlier (to cover a keyword parsed before it, such as `declare`). */
    void setStart(int node, int start);
    int end(int node);
    /** First child, or -1. */
    int firstChild(int node);
    /** Next sibling, or -1. */
    int nextSibling(int node);
}
