package dev.arenals.server.document;

import java.util.Locale;

/**
 * A document's language: from the client's {@code languageId}, else from the file extension. It
 * decides the parse goal and, once the TypeScript/JSX parser lands, the dialect.
 */
public enum Language {
    JAVASCRIPT("javascript", false, false),
    JAVASCRIPT_REACT("javascriptreact", false, true),
    TYPESCRIPT("typescript", true, false),
    TYPESCRIPT_REACT("typescriptreact", true, true);

    /** How the parse goal is chosen. */
    public enum Goal {
        /** .mjs / .mts: always the module goal. */
        MODULE,
        /** .cjs / .cts: always the script goal. */
        SCRIPT,
        /** Anything else: module when the file has import/export declarations, else script. */
        UNAMBIGUOUS
    }

    private final String id;
    private final boolean typeScript;
    private final boolean jsx;

    Language(String id, boolean typeScript, boolean jsx) {
        this.id = id;
        this.typeScript = typeScript;
        this.jsx = jsx;
    }

    public String id() { return id; }
    public boolean isTypeScript() { return typeScript; }
    public boolean isJsx() { return jsx; }

    /** From languageId first; when the id is missing or unknown, from the URI's extension; else JavaScript. */
    public static Language of(String languageId, String uri) {
        if (languageId != null) {
            switch (languageId.toLowerCase(Locale.ROOT)) {
                case "javascript": return JAVASCRIPT;
                case "javascriptreact": case "jsx": return JAVASCRIPT_REACT;
                case "typescript": return TYPESCRIPT;
                case "typescriptreact": case "tsx": return TYPESCRIPT_REACT;
                default: break;
            }
        }
        switch (extension(uri)) {
            case "ts": case "mts": case "cts": return TYPESCRIPT;
            case "tsx": return TYPESCRIPT_REACT;
            case "jsx": return JAVASCRIPT_REACT;
            default: return JAVASCRIPT;
        }
    }

    /** The goal rule for a URI: fixed by .mjs/.mts and .cjs/.cts, otherwise decided per parse. */
    public static Goal goalOf(String uri) {
        switch (extension(uri)) {
            case "mjs": case "mts": return Goal.MODULE;
            case "cjs": case "cts": return Goal.SCRIPT;
            default: return Goal.UNAMBIGUOUS;
        }
    }

    static String extension(String uri) {
        if (uri == null) return "";
        int end = uri.length();
        int q = uri.indexOf('?');
        if (q >= 0) end = q;
        int h = uri.indexOf('#');
        if (h >= 0 && h < end) end = h;
        int slash = uri.lastIndexOf('/', end - 1);
        int dot = uri.lastIndexOf('.', end - 1);
        if (dot <= slash) return "";
        return uri.substring(dot + 1, end).toLowerCase(Locale.ROOT);
    }
}
