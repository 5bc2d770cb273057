package dev.arenals.parser;

/** How to parse a source: the goal symbol (script or module). Immutable; the two instances are shared. */
public final class ParseOptions {
    private static final ParseOptions SCRIPT = new ParseOptions(false);
    private static final ParseOptions MODULE = new ParseOptions(true);

    private final boolean module;

    private ParseOptions(boolean module) { this.module = module; }

    public static ParseOptions script() { return SCRIPT; }
    public static ParseOptions module() { return MODULE; }
    public static ParseOptions of(boolean module) { return module ? MODULE : SCRIPT; }

    /** Module goal: strict code, import/export, top-level await, no HTML-like comments. */
    public boolean isModule() { return module; }

    @Override public String toString() { return module ? "module" : "script"; }
}
