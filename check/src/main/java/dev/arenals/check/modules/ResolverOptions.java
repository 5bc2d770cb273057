package dev.arenals.check.modules;

import dev.arenals.check.Jsonc;
import dev.arenals.check.TsConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The compiler options that decide how TypeScript resolves a module specifier, read from a
 * {@code tsconfig.json} (and what it {@code extends}) with TypeScript 6.0's defaults: no
 * {@code moduleResolution} means {@code classic} for {@code module} none/amd/umd/system,
 * {@code node16} for node16/node18/node20, {@code nodenext} for nodenext, and {@code bundler}
 * otherwise (also when nothing is set).
 */
public final class ResolverOptions {
    /** TypeScript's ModuleResolutionKind. */
    public enum Kind { CLASSIC, NODE10, NODE16, NODENEXT, BUNDLER }

    final Kind kind;
    /** {@code module} as written, lower case; null when not set (an ES module kind by default). */
    final String module;
    final Path baseUrl;
    /** {@code paths} in the order written; null when not set. */
    final Map<String, List<String>> paths;
    /** What {@code paths} entries are relative to: {@code baseUrl}, else the directory of the config that set them. */
    final Path pathsBase;
    final List<String> customConditions;
    /** {@code rootDirs} made absolute (each against the directory of the config that set it); null when not set. */
    final List<Path> rootDirs;
    /** {@code moduleSuffixes} as written ("" the plain name); null or empty when not set. */
    final List<String> moduleSuffixes;
    /**
     * {@code typeRoots} made absolute; null when not set. For imports they are a last resort: a
     * bare name that no node_modules resolves is looked for there as declarations.
     */
    final List<Path> typeRoots;
    final boolean resolveJsonModule;
    final boolean packageExports;
    final boolean packageImports;
    final boolean allowJs;
    /** The config file these came from; null for the defaults. */
    final Path configFile;
    /** True when every config of the chain was read; false when one was missing or broken (answers are then less certain). */
    final boolean complete;

    private ResolverOptions(Raw raw, Path configFile, boolean complete) {
        this.module = raw.module;
        this.kind = kindOf(raw.moduleResolution, raw.module);
        this.baseUrl = raw.baseUrl;
        this.paths = raw.paths;
        this.pathsBase = raw.baseUrl != null ? raw.baseUrl : raw.pathsBase;
        this.customConditions = raw.customConditions == null ? List.of() : raw.customConditions;
        this.rootDirs = raw.rootDirs;
        this.moduleSuffixes = raw.moduleSuffixes == null || raw.moduleSuffixes.isEmpty() ? null : raw.moduleSuffixes;
        this.typeRoots = raw.typeRoots;
        boolean supportsPackageFields = kind == Kind.NODE16 || kind == Kind.NODENEXT || kind == Kind.BUNDLER;
        this.packageExports = supportsPackageFields && (raw.resolvePackageJsonExports == null || raw.resolvePackageJsonExports);
        this.packageImports = supportsPackageFields && (raw.resolvePackageJsonImports == null || raw.resolvePackageJsonImports);
        String m = raw.module == null ? "" : raw.module;
        this.resolveJsonModule = raw.resolveJsonModule != null ? raw.resolveJsonModule
                : m.equals("node20") || m.equals("nodenext") || kind == Kind.BUNDLER;
        this.allowJs = raw.allowJs != null && raw.allowJs;
        this.configFile = configFile;
        this.complete = complete;
    }

    /** TypeScript's defaults (no tsconfig). */
    public static ResolverOptions defaults() { return new ResolverOptions(new Raw(), null, true); }

    public Kind kind() { return kind; }
    public Path configFile() { return configFile; }
    public boolean complete() { return complete; }
    /** Whether {@code rootDirs} is set: a relative specifier then looks in other directories too. */
    public boolean rootDirsSet() { return rootDirs != null; }
    /** Whether {@code paths} or {@code baseUrl} is set: a bare name may then name a file of the project. */
    public boolean mapsBareNames() { return paths != null || baseUrl != null; }

    /** Whether the syntax of an import (require or import) decides its resolution mode, as TypeScript's importSyntaxAffectsModuleResolution. */
    boolean importSyntaxMatters() { return kind == Kind.NODE16 || kind == Kind.NODENEXT || packageExports || packageImports; }

    /** {@code module} is one of node16, node18, node20, nodenext. */
    boolean nodeModuleKind() {
        return module != null && (module.equals("node16") || module.equals("node18") || module.equals("node20") || module.equals("nodenext"));
    }

    static Kind kindOf(String moduleResolution, String module) {
        if (moduleResolution != null) {
            switch (moduleResolution) {
                case "classic": return Kind.CLASSIC;
                case "node": case "node10": return Kind.NODE10;
                case "node16": return Kind.NODE16;
                case "nodenext": return Kind.NODENEXT;
                case "bundler": return Kind.BUNDLER;
                default: break; // unknown: TypeScript reports it; resolve as if unset
            }
        }
        if (module == null) return Kind.BUNDLER;
        switch (module) {
            case "none": case "amd": case "umd": case "system": return Kind.CLASSIC;
            case "node16": case "node18": case "node20": return Kind.NODE16;
            case "nodenext": return Kind.NODENEXT;
            default: return Kind.BUNDLER;
        }
    }

    /** The options as merged along an extends chain: a later (more derived) config overrides per option. */
    private static final class Raw {
        String moduleResolution, module;
        Path baseUrl, pathsBase;
        Map<String, List<String>> paths;
        List<String> customConditions, moduleSuffixes;
        List<Path> rootDirs, typeRoots;
        Boolean resolveJsonModule, resolvePackageJsonExports, resolvePackageJsonImports, allowJs;
    }

    /**
     * The options of {@code tsconfig} and the configs it extends. A config that cannot be read
     * gives what was read so far, marked not {@link #complete}; this never throws.
     */
    public static ResolverOptions load(Path tsconfig) {
        Path file = tsconfig.toAbsolutePath().normalize();
        Raw raw = new Raw();
        boolean complete = read(file, raw, new ArrayDeque<>());
        return new ResolverOptions(raw, file, complete);
    }

    private static boolean read(Path file, Raw raw, Deque<Path> chain) {
        if (chain.contains(file) || chain.size() > 32) return false;
        Object json;
        try {
            json = Jsonc.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException | Jsonc.JsoncException e) {
            return false;
        }
        if (!(json instanceof Map)) return false;
        Map<?, ?> map = (Map<?, ?>) json;
        Path dir = file.getParent();
        boolean complete = true;
        Object ext = map.get("extends");
        List<String> bases = new ArrayList<>();
        if (ext instanceof String) bases.add((String) ext);
        else if (ext instanceof List) for (Object o : (List<?>) ext) if (o instanceof String) bases.add((String) o);
        chain.push(file);
        for (String spec : bases) {
            Path base;
            try {
                base = TsConfig.resolveExtends(spec, dir);
            } catch (TsConfig.ConfigException | RuntimeException e) {
                base = null;
            }
            if (base == null) complete = false;
            else complete &= read(base.toAbsolutePath().normalize(), raw, chain);
        }
        chain.pop();
        Object co = map.get("compilerOptions");
        if (!(co instanceof Map)) return complete;
        Map<?, ?> options = (Map<?, ?>) co;
        String s;
        if ((s = lowerString(options.get("moduleResolution"))) != null) raw.moduleResolution = s;
        if ((s = lowerString(options.get("module"))) != null) raw.module = s;
        Object baseUrl = options.get("baseUrl");
        if (baseUrl instanceof String) {
            try {
                raw.baseUrl = dir.resolve(((String) baseUrl).replace('\\', '/')).normalize();
            } catch (RuntimeException e) {
                complete = false;
            }
        }
        Object paths = options.get("paths");
        if (paths instanceof Map) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) paths).entrySet()) {
                if (!(e.getValue() instanceof List)) continue;
                List<String> substitutions = new ArrayList<>();
                for (Object o : (List<?>) e.getValue()) if (o instanceof String) substitutions.add((String) o);
                out.put((String) e.getKey(), Collections.unmodifiableList(substitutions));
            }
            raw.paths = Collections.unmodifiableMap(out);
            raw.pathsBase = dir;
        }
        Object conditions = options.get("customConditions");
        if (conditions instanceof List) {
            List<String> out = new ArrayList<>();
            for (Object o : (List<?>) conditions) if (o instanceof String) out.add((String) o);
            raw.customConditions = List.copyOf(out);
        }
        List<Path> dirs;
        if ((dirs = directories(options.get("rootDirs"), dir)) != null) raw.rootDirs = dirs;
        if ((dirs = directories(options.get("typeRoots"), dir)) != null) raw.typeRoots = dirs;
        Object suffixes = options.get("moduleSuffixes");
        if (suffixes instanceof List) {
            List<String> out = new ArrayList<>();
            for (Object o : (List<?>) suffixes) if (o instanceof String) out.add((String) o);
            raw.moduleSuffixes = List.copyOf(out);
        }
        Boolean b;
        if ((b = bool(options.get("resolveJsonModule"))) != null) raw.resolveJsonModule = b;
        if ((b = bool(options.get("resolvePackageJsonExports"))) != null) raw.resolvePackageJsonExports = b;
        if ((b = bool(options.get("resolvePackageJsonImports"))) != null) raw.resolvePackageJsonImports = b;
        if ((b = bool(options.get("allowJs"))) != null) raw.allowJs = b;
        return complete;
    }

    /** A list of paths relative to {@code dir} (the config's directory), absolute and normalized; null when not a list. */
    private static List<Path> directories(Object value, Path dir) {
        if (!(value instanceof List)) return null;
        List<Path> out = new ArrayList<>();
        for (Object o : (List<?>) value) {
            if (!(o instanceof String)) continue;
            try {
                out.add(dir.resolve(((String) o).replace('\\', '/')).normalize());
            } catch (RuntimeException e) {
                // a path this system cannot make: left out
            }
        }
        return List.copyOf(out);
    }

    private static String lowerString(Object o) { return o instanceof String ? ((String) o).toLowerCase(Locale.ROOT) : null; }

    private static Boolean bool(Object o) { return o instanceof Boolean ? (Boolean) o : null; }

    @Override public String toString() {
        return "ResolverOptions[" + kind + (module != null ? ", module " + module : "") + (baseUrl != null ? ", baseUrl " + baseUrl : "")
                + (paths != null ? ", paths " + paths.keySet() : "") + (rootDirs != null ? ", rootDirs " + rootDirs : "")
                + (moduleSuffixes != null ? ", moduleSuffixes " + moduleSuffixes : "") + (configFile != null ? ", from " + configFile : "") + "]";
    }
}
