package dev.arenals.server.protocol;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Locale;

/**
 * Settings, from {@code initializationOptions} and from {@code workspace/didChangeConfiguration}
 * (either the settings object itself or an {@code "arena-ls"} section of it):
 *
 * <ul>
 *   <li>{@code maxFileSize}: bytes (UTF-8); larger documents get one diagnostic instead of a parse.
 *       Default 20 MB.</li>
 *   <li>{@code diagnosticMode} (initializationOptions only, it shapes the capabilities):
 *       {@code "auto"} (default: pull when the client supports {@code textDocument/diagnostic},
 *       else push; never both, which would show every error twice), {@code "push"}, {@code "pull"}.</li>
 *   <li>{@code diagnostics.unused} (or {@code {"diagnostics": {"unused": …}}}): unused declarations,
 *       imports and parameters as greyed-out hints. Default true.</li>
 *   <li>{@code inlayHints.parameterNames}: {@code "none"}, {@code "literals"} (default: parameter
 *       names before literal arguments) or {@code "all"} (before every argument that does not
 *       already say the name).</li>
 *   <li>{@code inlayHints.enumMemberValues}: the value of each enum member written without an
 *       initializer, after its name ({@code Down = 1}), as TypeScript's
 *       {@code includeInlayEnumMemberValueHints}. Default false (TypeScript's default).</li>
 *   <li>{@code codeLens.references} / {@code codeLens.implementations}: a lens above declarations
 *       counting their references across the workspace (exported functions and variables, classes,
 *       interfaces, type aliases, enums, class and interface members), and above interfaces,
 *       abstract classes and their members counting implementations, as TypeScript's editors offer
 *       them. Default false for both (their default).</li>
 *   <li>{@code importDiagnostics}: the diagnostics that need other files, TS2307 (module not found)
 *       and TS2305 (no such exported member), only where TypeScript's answer is certain:
 *       {@code "relative"} (default: TS2307 for relative specifiers only, and TS2305),
 *       {@code "all"} (also TS2307 for a bare specifier whose package is installed but the path
 *       is not found), {@code "off"}.</li>
 *   <li>{@code debug.verifyTrees} (or {@code {"debug": {"verifyTrees": …}}}): after every parse of
 *       an open document, check its tree against the parser's rules ({@code TreeVerifier}) and log
 *       a broken rule as an error ({@code window/logMessage}). For finding parser bugs; it costs a
 *       walk of the tree per edit. Default false.</li>
 * </ul>
 * Unknown keys and values of the wrong type are ignored (the previous value stays).
 */
public final class ServerSettings {
    public static final long DEFAULT_MAX_FILE_SIZE = 20L * 1024 * 1024;
    public static final String SECTION = "arena-ls";

    public enum DiagnosticMode { AUTO, PUSH, PULL }

    /** Which arguments get a parameter-name inlay hint. */
    public enum ParameterNameHints { NONE, LITERALS, ALL }

    /** Which import diagnostics are on (see the class comment). */
    public enum ImportDiagnostics { OFF, RELATIVE, ALL }

    private final long maxFileSize;
    private final DiagnosticMode diagnosticMode;
    private final boolean unusedDiagnostics;
    private final ParameterNameHints parameterNameHints;
    private final ImportDiagnostics importDiagnostics;
    private final boolean verifyTrees;
    private final boolean enumValueHints;
    private final boolean referencesLens, implementationsLens;

    public ServerSettings(long maxFileSize, DiagnosticMode diagnosticMode) {
        this(maxFileSize, diagnosticMode, true, ParameterNameHints.LITERALS, ImportDiagnostics.RELATIVE);
    }

    public ServerSettings(long maxFileSize, DiagnosticMode diagnosticMode, boolean unusedDiagnostics, ParameterNameHints parameterNameHints,
            ImportDiagnostics importDiagnostics) {
        this(maxFileSize, diagnosticMode, unusedDiagnostics, parameterNameHints, importDiagnostics, false);
    }

    public ServerSettings(long maxFileSize, DiagnosticMode diagnosticMode, boolean unusedDiagnostics, ParameterNameHints parameterNameHints,
            ImportDiagnostics importDiagnostics, boolean verifyTrees) {
        this(maxFileSize, diagnosticMode, unusedDiagnostics, parameterNameHints, importDiagnostics, verifyTrees, false);
    }

    public ServerSettings(long maxFileSize, DiagnosticMode diagnosticMode, boolean unusedDiagnostics, ParameterNameHints parameterNameHints,
            ImportDiagnostics importDiagnostics, boolean verifyTrees, boolean enumValueHints) {
        this(maxFileSize, diagnosticMode, unusedDiagnostics, parameterNameHints, importDiagnostics, verifyTrees, enumValueHints, false, false);
    }

    public ServerSettings(long maxFileSize, DiagnosticMode diagnosticMode, boolean unusedDiagnostics, ParameterNameHints parameterNameHints,
            ImportDiagnostics importDiagnostics, boolean verifyTrees, boolean enumValueHints, boolean referencesLens, boolean implementationsLens) {
        this.referencesLens = referencesLens;
        this.implementationsLens = implementationsLens;
        this.enumValueHints = enumValueHints;
        this.verifyTrees = verifyTrees;
        this.maxFileSize = maxFileSize;
        this.diagnosticMode = diagnosticMode;
        this.unusedDiagnostics = unusedDiagnostics;
        this.parameterNameHints = parameterNameHints;
        this.importDiagnostics = importDiagnostics;
    }

    public static ServerSettings defaults() { return new ServerSettings(DEFAULT_MAX_FILE_SIZE, DiagnosticMode.AUTO); }

    public long maxFileSize() { return maxFileSize; }
    public DiagnosticMode diagnosticMode() { return diagnosticMode; }
    public boolean unusedDiagnostics() { return unusedDiagnostics; }
    public ParameterNameHints parameterNameHints() { return parameterNameHints; }
    public ImportDiagnostics importDiagnostics() { return importDiagnostics; }
    public boolean verifyTrees() { return verifyTrees; }
    public boolean enumValueHints() { return enumValueHints; }
    public boolean referencesLens() { return referencesLens; }
    public boolean implementationsLens() { return implementationsLens; }

    /** These settings updated by {@code value} (a JsonElement, a Map, or null). */
    public ServerSettings with(Object value) {
        JsonObject o = toObject(value);
        if (o == null) return this;
        if (o.has(SECTION) && o.get(SECTION).isJsonObject()) o = o.getAsJsonObject(SECTION);
        long max = maxFileSize;
        DiagnosticMode mode = diagnosticMode;
        JsonElement m = o.get("maxFileSize");
        if (m instanceof JsonPrimitive && ((JsonPrimitive) m).isNumber()) {
            long v = m.getAsLong();
            if (v > 0) max = v;
        }
        JsonElement d = o.get("diagnosticMode");
        if (d instanceof JsonPrimitive && ((JsonPrimitive) d).isString()) {
            try {
                mode = DiagnosticMode.valueOf(d.getAsString().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // keep the previous mode
            }
        }
        boolean unused = unusedDiagnostics;
        JsonElement u = setting(o, "diagnostics", "unused");
        if (u instanceof JsonPrimitive && ((JsonPrimitive) u).isBoolean()) unused = u.getAsBoolean();
        ParameterNameHints hints = parameterNameHints;
        JsonElement h = setting(o, "inlayHints", "parameterNames");
        if (h instanceof JsonPrimitive && ((JsonPrimitive) h).isString()) {
            try {
                hints = ParameterNameHints.valueOf(h.getAsString().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // keep the previous value
            }
        }
        ImportDiagnostics imports = importDiagnostics;
        JsonElement i = o.get("importDiagnostics");
        if (i instanceof JsonPrimitive && ((JsonPrimitive) i).isString()) {
            try {
                imports = ImportDiagnostics.valueOf(i.getAsString().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // keep the previous value
            }
        }
        boolean verify = verifyTrees;
        JsonElement vt = setting(o, "debug", "verifyTrees");
        if (vt instanceof JsonPrimitive && ((JsonPrimitive) vt).isBoolean()) verify = vt.getAsBoolean();
        boolean enums = enumValueHints;
        JsonElement ev = setting(o, "inlayHints", "enumMemberValues");
        if (ev instanceof JsonPrimitive && ((JsonPrimitive) ev).isBoolean()) enums = ev.getAsBoolean();
        boolean references = referencesLens, implementations = implementationsLens;
        JsonElement rl = setting(o, "codeLens", "references");
        if (rl instanceof JsonPrimitive && ((JsonPrimitive) rl).isBoolean()) references = rl.getAsBoolean();
        JsonElement il = setting(o, "codeLens", "implementations");
        if (il instanceof JsonPrimitive && ((JsonPrimitive) il).isBoolean()) implementations = il.getAsBoolean();
        return new ServerSettings(max, mode, unused, hints, imports, verify, enums, references, implementations);
    }

    /** {@code group.key} given flat (VS Code's dotted key) or nested ({@code {"group": {"key": …}}}). */
    private static JsonElement setting(JsonObject o, String group, String key) {
        JsonElement flat = o.get(group + "." + key);
        if (flat != null) return flat;
        JsonElement g = o.get(group);
        return g != null && g.isJsonObject() ? g.getAsJsonObject().get(key) : null;
    }

    private static JsonObject toObject(Object value) {
        if (value == null) return null;
        JsonElement e = value instanceof JsonElement ? (JsonElement) value : new Gson().toJsonTree(value);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    @Override public String toString() {
        return "ServerSettings(maxFileSize=" + maxFileSize + ", diagnosticMode=" + diagnosticMode
                + ", diagnostics.unused=" + unusedDiagnostics + ", inlayHints.parameterNames=" + parameterNameHints
                + ", inlayHints.enumMemberValues=" + enumValueHints + ", codeLens.references=" + referencesLens + ", codeLens.implementations=" + implementationsLens + ", importDiagnostics=" + importDiagnostics + ", debug.verifyTrees=" + verifyTrees + ")";
    }
}
