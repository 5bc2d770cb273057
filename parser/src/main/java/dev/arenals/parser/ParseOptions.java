package dev.arenals.parser;

import java.util.Locale;

/**
 * How to parse a source: language, goal (script, module, or decided by the file's contents) and
 * whether it is a declaration file (.d.ts). Immutable.
 */
public final class ParseOptions {
    /** The goal symbol. AUTO: a module when the file has import/export/import.meta (TypeScript's moduleDetection "auto"). */
    public enum Goal { SCRIPT, MODULE, AUTO }

    private static final ParseOptions SCRIPT = new ParseOptions(Language.JAVASCRIPT, Goal.SCRIPT, false);
    private static final ParseOptions MODULE = new ParseOptions(Language.JAVASCRIPT, Goal.MODULE, false);

    private final Language language;
    private final Goal goal;
    private final boolean declaration;
    /** {@link #asModule()}, made on first use (a benign race: any copy is as good). */
    private ParseOptions asModule;

    private ParseOptions(Language language, Goal goal, boolean declaration) {
        this.language = language;
        this.goal = goal;
        this.declaration = declaration;
    }

    /** JavaScript, script goal. */
    public static ParseOptions script() { return SCRIPT; }
    /** JavaScript, module goal. */
    public static ParseOptions module() { return MODULE; }
    public static ParseOptions of(boolean module) { return module ? MODULE : SCRIPT; }

    public static ParseOptions of(Language language, Goal goal, boolean declaration) {
        return new ParseOptions(language, goal, declaration);
    }

    /**
     * The one rule for "file name → language, goal and declaration file", used by the server,
     * {@code check} and {@code arena-parse} alike (so they report the same diagnostics for the same
     * file). Only the last segment of a path or URI counts ({@code my.d.dir/app.ts} is no
     * declaration file); case is ignored.
     * <ul>
     *   <li>language: .ts .mts .cts → TypeScript, .tsx → TSX, .jsx → JSX, anything else JavaScript
     *       (which accepts JSX too, as editors do for .js);</li>
     *   <li>goal: .mjs/.mts/.cts → module (TypeScript makes a .cts file a module by its extension,
     *       strict throughout: its compiled .cjs says "use strict"), .cjs → script (CommonJS, sloppy, as
     *       Node runs it), everything else {@link Goal#AUTO}, which the parser decides in the same
     *       single pass for every caller: a module when the file has import/export/import.meta or
     *       top-level await. The outcome is {@code Arena.isModule()}. No caller retries with
     *       another goal, so a file's diagnostics depend on its text alone, never on the goal an
     *       earlier version of it had;</li>
     *   <li>declaration: .d.ts, .d.mts, .d.cts and TypeScript's arbitrary-extension form
     *       {@code name.d.EXT.ts} (e.g. {@code styles.d.css.ts}, {@code data.d.json.ts}).</li>
     * </ul>
     */
    public static ParseOptions forFileName(String fileName) {
        return forFileName(fileName, null);
    }

    /**
     * {@link #forFileName(String)} with the language given by an editor's {@code languageId}
     * ({@link Language#ofLanguageId}) when it names one of ours: a new, unsaved buffer or a file
     * without an extension then parses as what the editor shows. The goal and the declaration
     * flag still come from the name (a declaration file must also be TypeScript).
     */
    public static ParseOptions forFileName(String fileName, String languageId) {
        String n = baseName(fileName == null ? "" : fileName).toLowerCase(Locale.ROOT);
        Language language = Language.ofLanguageId(languageId);
        if (language == null) {
            if (n.endsWith(".tsx")) language = Language.TSX;
            else if (n.endsWith(".ts") || n.endsWith(".mts") || n.endsWith(".cts")) language = Language.TYPESCRIPT;
            else if (n.endsWith(".jsx")) language = Language.JSX;
            else language = Language.JAVASCRIPT;
        }
        boolean declaration = language.isTypeScript() && (n.endsWith(".d.ts") || n.endsWith(".d.mts")
                || n.endsWith(".d.cts") || (n.endsWith(".ts") && n.indexOf(".d.") > 0));
        Goal goal = n.endsWith(".mjs") || n.endsWith(".mts") || n.endsWith(".cts") ? Goal.MODULE
                : n.endsWith(".cjs") ? Goal.SCRIPT : Goal.AUTO;
        return new ParseOptions(language, goal, declaration);
    }

    /**
     * The last segment of a path or URI: after the last slash or backslash, before any '?' or '#' (a
     * URI's query and fragment), with %-escapes of the segment decoded where they are valid.
     */
    static String baseName(String pathOrUri) {
        int end = pathOrUri.length();
        if (pathOrUri.indexOf(':') > 1) { // a URI (not a Windows drive letter): drop query and fragment
            int q = pathOrUri.indexOf('?');
            if (q >= 0) end = q;
            int h = pathOrUri.indexOf('#');
            if (h >= 0 && h < end) end = h;
        }
        int slash = Math.max(pathOrUri.lastIndexOf('/', end - 1), pathOrUri.lastIndexOf('\\', end - 1));
        String name = pathOrUri.substring(slash + 1, end);
        return name.indexOf('%') >= 0 ? percentDecoded(name) : name;
    }

    private static String percentDecoded(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (c == '%' && hi >= 0 && lo >= 0 && (hi << 4 | lo) < 0x80) { // ASCII escapes only: enough for extensions
                out.append((char) (hi << 4 | lo));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The same language and declaration flag with the module goal: how an AUTO file that turned
     * out to be a module is parsed again. Made once per instance, so a document's reparses do not
     * allocate it.
     */
    public ParseOptions asModule() {
        if (goal == Goal.MODULE) return this;
        ParseOptions m = asModule;
        if (m == null) asModule = m = new ParseOptions(language, Goal.MODULE, declaration);
        return m;
    }

    public Language language() { return language; }
    public Goal goal() { return goal; }
    /** A .d.ts file: ambient context. */
    public boolean isDeclaration() { return declaration; }

    /** Module goal chosen up front (AUTO decides while parsing). */
    public boolean isModule() { return goal == Goal.MODULE; }

    @Override public String toString() {
        return language + "/" + goal + (declaration ? "/declaration" : "");
    }
}
