package dev.arenals.parser.heap;

import dev.arenals.parser.tree.NameTable;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.parser.tree.ParseLog;
import dev.arenals.parser.tree.TreeSink;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link HeapTree} from the parser's events, the way a conventional parser would: a new
 * node object per node, an ArrayList of children, a String per identifier. Handles are indexes into
 * the list of created nodes (the parser needs ints to retag cover grammar nodes).
 */
public final class HeapTreeBuilder implements TreeSink {
    private final String source;
    private final NameTable names = new NameTable();
    private final ParseLog log = new ParseLog();
    private final ArrayList<HeapNode> nodes = new ArrayList<>();
    private final ArrayList<HeapNode> pending = new ArrayList<>();

    public HeapTreeBuilder(String source) { this.source = source; }

    public NameTable names() { return names; }
    public ParseLog log() { return log; }

    public HeapTree build() {
        HeapNode root = pending.isEmpty() ? null : pending.get(pending.size() - 1);
        return new HeapTree(root, source, log);
    }

    @Override public int mark() { return pending.size(); }

    @Override
    public int finish(int kind, int mark, int start, int end, int data) {
        int n = pending.size() - mark;
        if (n > 0) {
            start = Math.min(start, pending.get(mark).start);
            end = Math.max(end, pending.get(pending.size() - 1).end);
        }
        if (end < start) start = end;
        List<HeapNode> children = new ArrayList<>(n);
        for (int i = mark; i < pending.size(); i++) children.add(pending.get(i));
        HeapNode node = new HeapNode(kind, start, end, data, children);
        for (int i = 0; i < n; i++) {
            HeapNode c = children.get(i);
            c.parent = node;
            c.indexInParent = i;
        }
        if (NodeKind.hasName(kind)) node.name = names.name(data);
        pending.subList(mark, pending.size()).clear();
        pending.add(node);
        node.handle = nodes.size();
        nodes.add(node);
        return node.handle;
    }

    @Override
    public void truncate(int mark) {
        if (mark < pending.size()) pending.subList(mark, pending.size()).clear();
    }

    @Override public void dropPending(int i) { pending.remove(i); }

    @Override public int nodeCount() { return nodes.size(); }

    @Override
    public void rewindNodes(int count) {
        if (count < nodes.size()) nodes.subList(count, nodes.size()).clear();
    }

    @Override public int pending(int i) { return handleOf(pending.get(i)); }

    private static int handleOf(HeapNode node) { return node.handle; }

    private HeapNode node(int h) { return nodes.get(h); }

    @Override public int kind(int h) { return node(h).kind; }

    @Override
    public void setKind(int h, int kind) {
        HeapNode n = node(h);
        n.kind = kind;
        if (NodeKind.hasName(kind) && n.name == null) n.name = names.name(n.data);
    }

    @Override public int data(int h) { return node(h).data; }
    @Override public void setData(int h, int data) { node(h).data = data; }
    @Override public int start(int h) { return node(h).start; }
    @Override public void setStart(int h, int start) { node(h).start = start; }
    @Override public int end(int h) { return node(h).end; }

    @Override
    public int firstChild(int h) {
        HeapNode n = node(h);
        return n.children.isEmpty() ? -1 : handleOf(n.children.get(0));
    }

    @Override
    public int nextSibling(int h) {
        HeapNode n = node(h);
        HeapNode p = n.parent;
        if (p == null) return -1;
        int i = n.indexInParent + 1;
        return i < p.children.size() ? handleOf(p.children.get(i)) : -1;
    }
}
