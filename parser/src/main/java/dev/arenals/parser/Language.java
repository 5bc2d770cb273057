package dev.arenals.parser;

/** The source language of a document, which decides the syntax the parser accepts. */
public enum Language {
    /** .js .mjs .cjs — JSX is accepted too, as editors do for .js files. */
    JAVASCRIPT,
    /** .jsx */
    JSX,
    /** .ts .mts .cts — no JSX; `<T>expr` type assertions. */
    TYPESCRIPT,
    /** .tsx — TypeScript and JSX; no angle-bracket assertions. */
    TSX;

    public boolean isTypeScript() { return this == TYPESCRIPT || this == TSX; }

    public boolean allowsJsx() { return this != TYPESCRIPT; }
}
