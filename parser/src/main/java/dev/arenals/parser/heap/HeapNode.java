package dev.arenals.parser.heap;

import java.util.List;

/** A conventional syntax tree node: the baseline the arena is measured against. */
public final class HeapNode {
    public int kind;
    public int start;
    public final int end;
    public int data;
    /** Identifier name, for identifier-like kinds; else null. */
    public String name;
    public HeapNode parent;
    /** Position in the parent's child list. */
    int indexInParent;
    /** The builder's handle for this node. */
    int handle;
    public final List<HeapNode> children;

    HeapNode(int kind, int start, int end, int data, List<HeapNode> children) {
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.data = data;
        this.children = children;
    }
}
