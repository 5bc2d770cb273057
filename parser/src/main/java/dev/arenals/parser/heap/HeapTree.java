package dev.arenals.parser.heap;

import dev.arenals.parser.tree.ParseLog;

/** The result of a heap parse: the root node, the source, diagnostics and comments. */
public final class HeapTree {
    private final HeapNode root;
    private final String source;
    private final ParseLog log;

    HeapTree(HeapNode root, String source, ParseLog log) {
        this.root = root;
        this.source = source;
        this.log = log;
    }

    public HeapNode root() { return root; }
    public String source() { return source; }
    public ParseLog log() { return log; }
    public int diagnosticCount() { return log.diagnosticCount(); }
}
