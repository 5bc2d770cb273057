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

    /** The editors' (VS Code's, LSP's) {@code languageId} of this language. */
    public String languageId() {
        switch (this) {
            case JSX: return "javascriptreact";
            case TYPESCRIPT: return "typescript";
            case TSX: return "typescriptreact";
            default: return "javascript";
        }
    }

    /**
     * The language an editor's {@code languageId} names ("javascript", "javascriptreact" or "jsx",
     * "typescript", "typescriptreact" or "tsx"; case ignored), or null for any other id.
     */
    public static Language ofLanguageId(String languageId) {
        if (languageId == null) return null;
        switch (languageId.toLowerCase(java.util.Locale.ROOT)) {
            case "javascript": return JAVASCRIPT;
            case "javascriptreact": case "jsx": return JSX;
            case "typescript": return TYPESCRIPT;
            case "typescriptreact": case "tsx": return TSX;
            default: return null;
        }
    }
}
