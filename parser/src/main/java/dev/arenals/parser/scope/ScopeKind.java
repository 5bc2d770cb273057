package dev.arenals.parser.scope;

/** The kinds of scope the binder creates. */
public final class ScopeKind {
    private ScopeKind() {}

    public static final int SCRIPT = 1;
    public static final int MODULE = 2;
    /** Parameters and top-level body of a function, method or arrow: var declarations land here. */
    public static final int FUNCTION = 3;
    /** The own-name scope of a named function expression. */
    public static final int FUNCTION_NAME = 4;
    public static final int BLOCK = 5;
    /** The head of a for / for-in / for-of with let, const or using. */
    public static final int FOR_HEAD = 6;
    public static final int CATCH = 7;
    /** A class: its own name (for class expressions) and the class body. */
    public static final int CLASS = 8;
    public static final int STATIC_BLOCK = 9;
    public static final int SWITCH = 10;
    /** Sloppy-mode `with`: names inside cannot be resolved statically. */
    public static final int WITH = 11;
    /** A TypeScript namespace / module body. */
    public static final int NAMESPACE = 12;
    /** Type parameters of an interface, type alias, signature or mapped type. */
    public static final int TYPE = 13;

    /** Scopes that receive var declarations. */
    public static boolean isVarScope(int k) {
        return k == SCRIPT || k == MODULE || k == FUNCTION || k == STATIC_BLOCK || k == NAMESPACE;
    }
}
