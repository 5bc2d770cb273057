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
     * Options for a file name: language by extension (.js .mjs .cjs .jsx .ts .mts .cts .tsx .d.ts
     * and the .d.mts/.d.cts forms); .mjs/.mts are modules, .cjs scripts, the rest (.cts included) AUTO.
     */
    public static ParseOptions forFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        boolean declaration = n.endsWith(".d.ts") || n.endsWith(".d.mts") || n.endsWith(".d.cts")
                || (n.contains(".d.") && n.endsWith(".ts"));
        Language language;
        if (n.endsWith(".tsx")) language = Language.TSX;
        else if (n.endsWith(".ts") || n.endsWith(".mts") || n.endsWith(".cts")) language = Language.TYPESCRIPT;
        else if (n.endsWith(".jsx")) language = Language.JSX;
        else language = Language.JAVASCRIPT;
        // .cts is CommonJS output, but TypeScript accepts import/export syntax there: decided by contents
        Goal goal = n.endsWith(".mjs") || n.endsWith(".mts") ? Goal.MODULE
                : n.endsWith(".cjs") ? Goal.SCRIPT : Goal.AUTO;
        return new ParseOptions(language, goal, declaration);
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
