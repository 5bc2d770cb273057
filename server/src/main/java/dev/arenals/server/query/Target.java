package dev.arenals.server.query;

/**
 * What the name under the cursor designates, in one parse:
 * <ul>
 *   <li>{@link #SYMBOL}: one or more symbol groups of the binder ({@link SymbolIndex}); for a
 *       namespace's member, also its qualified uses {@code N.x} ({@link #accessGroup});</li>
 *   <li>{@link #MEMBER}: a member found syntactically: of a class ({@code this.x}, {@code C.x}), of
 *       an object literal a {@code const} is initialised with ({@code o.a}), of an enum
 *       ({@code E.A});</li>
 *   <li>{@link #PRIVATE_NAME}: {@code #x} of a class;</li>
 *   <li>{@link #LABEL}: a statement label.</li>
 * </ul>
 * Node indices are valid for the parse the target was made from only.
 */
public final class Target {
    public static final int SYMBOL = 1, MEMBER = 2, PRIVATE_NAME = 3, LABEL = 4;
    /** Container kinds of {@link #MEMBER}. */
    public static final int CLASS = 1, OBJECT = 2, ENUM = 3, INTERFACE = 4;

    public final int kind;
    /** The identifier node under the cursor. */
    public final int node;
    /** The name's id in the arena's name table. */
    public final int nameId;
    /** SYMBOL: the symbol groups (leaders). */
    public final int[] groups;
    /** MEMBER: {@link #CLASS}, {@link #OBJECT}, {@link #ENUM} or {@link #INTERFACE}. */
    public final int containerKind;
    /** MEMBER: class, object literal, enum or interface declaration nodes (an interface's merged declarations); PRIVATE_NAME: the class; LABEL: the labelled statement. */
    public final int[] containers;
    /** The group through which the member is reached as {@code X.name} (class, const, enum, namespace), or -1. */
    public final int accessGroup;
    /**
     * MEMBER read through a union whose constituents declare it apart: those constituents, whose
     * nearest declarations definition shows (each one's); null otherwise (the first container's).
     */
    public final int[] askedThrough;

    Target(int kind, int node, int nameId, int[] groups, int containerKind, int[] containers, int accessGroup) {
        this(kind, node, nameId, groups, containerKind, containers, accessGroup, null);
    }

    private Target(int kind, int node, int nameId, int[] groups, int containerKind, int[] containers, int accessGroup, int[] askedThrough) {
        this.kind = kind;
        this.node = node;
        this.nameId = nameId;
        this.groups = groups;
        this.containerKind = containerKind;
        this.containers = containers;
        this.accessGroup = accessGroup;
        this.askedThrough = askedThrough;
    }

    static Target memberOfEach(int node, int nameId, int containerKind, int[] containers, int[] askedThrough) {
        return new Target(MEMBER, node, nameId, new int[0], containerKind, containers, -1, askedThrough);
    }

    static Target symbol(int node, int nameId, int[] groups, int accessGroup) {
        return new Target(SYMBOL, node, nameId, groups, 0, new int[0], accessGroup);
    }

    static Target member(int node, int nameId, int containerKind, int[] containers, int accessGroup) {
        return new Target(MEMBER, node, nameId, new int[0], containerKind, containers, accessGroup);
    }

    static Target privateName(int node, int nameId, int classNode) {
        return new Target(PRIVATE_NAME, node, nameId, new int[0], CLASS, new int[] {classNode}, -1);
    }

    static Target label(int node, int nameId, int labeled) {
        return new Target(LABEL, node, nameId, new int[0], 0, new int[] {labeled}, -1);
    }
}
