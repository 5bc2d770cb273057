package dev.arenals.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The file selection of a {@code tsconfig.json}: {@code files}, {@code include} and
 * {@code exclude}, with TypeScript's semantics:
 *
 * <ul>
 *   <li>the file is JSON with comments and trailing commas ({@link Jsonc});</li>
 *   <li>{@code extends} (a string or an array): a relative path ({@code ./base}, {@code ../x.json})
 *       or a package name resolved through {@code node_modules} folders; the three lists are
 *       inherited from the base when this config does not set them, and keep their meaning
 *       relative to the base's directory; an unresolvable package is left out silently (its
 *       options rarely touch the file lists), an unresolvable relative path is an error;</li>
 *   <li>a file is selected when it is listed in {@code files}, or matches {@code include} and not
 *       {@code exclude}; {@code include} defaults to {@code ["**}{@code /*"]} when neither list is
 *       given; {@code exclude} defaults to {@code node_modules}, {@code bower_components},
 *       {@code jspm_packages} and {@code compilerOptions.outDir};</li>
 *   <li>patterns: {@code *} and {@code ?} never match {@code /}, {@code **}{@code /} matches any
 *       depth; a last component without {@code .}, {@code *} or {@code ?} names a directory (its
 *       whole subtree); wildcards do not match names starting with {@code .} and do not enter
 *       {@code node_modules}, {@code bower_components} or {@code jspm_packages} unless written
 *       out; {@code *} does not match {@code .min.js} files; an exclude pattern also excludes what
 *       is below a matched directory. {@link TsConfigPattern} matches as the regular expressions
 *       TypeScript's {@code getRegularExpressionForWildcard} builds, on absolute '/'-separated paths.</li>
 * </ul>
 *
 * {@code allowJs} is not consulted: every JavaScript and TypeScript file the lists select is
 * checked. File names are compared case-sensitively.
 */
public final class TsConfig {
    /** A tsconfig.json that cannot be used (unreadable, not JSONC, wrong types, missing base). */
    public static final class ConfigException extends Exception {
        ConfigException(String message) { super(message); }
    }

    private static final int MAX_EXTENDS_DEPTH = 32;

    private final Path file;
    private final Set<String> files;
    private final TsConfigPattern include;
    private final TsConfigPattern exclude;
    private final List<String> includeSpecs; // absolute, normalized

    private TsConfig(Path file, Set<String> files, TsConfigPattern include, TsConfigPattern exclude, List<String> includeSpecs) {
        this.file = file;
        this.files = files;
        this.include = include;
        this.exclude = exclude;
        this.includeSpecs = includeSpecs;
    }

    /** The tsconfig.json this selection comes from. */
    public Path file() { return file; }

    /** The directory of the tsconfig.json. */
    public Path directory() { return file.getParent(); }

    /** Whether the file at {@code absolutePath} belongs to this project. */
    public boolean includes(Path absolutePath) {
        String p = slashPath(absolutePath);
        if (files.contains(p)) return true;
        if (include == null || !include.matches(p)) return false;
        return exclude == null || !exclude.matches(p);
    }

    /** The absolute paths listed in {@code files}. */
    public List<Path> listedFiles() {
        List<Path> out = new ArrayList<>();
        for (String f : files) out.add(Path.of(f));
        return out;
    }

    /**
     * The directories the {@code include} patterns can match in: each pattern's leading components
     * without wildcards (TypeScript's base paths). Used to find the files of a --project whose
     * patterns reach outside its directory.
     */
    public List<Path> includeBaseDirectories() {
        List<Path> out = new ArrayList<>();
        for (String spec : includeSpecs) {
            String[] parts = spec.split("/", -1);
            int n = 0;
            while (n < parts.length && parts[n].indexOf('*') < 0 && parts[n].indexOf('?') < 0) n++;
            if (n == parts.length && !TsConfigPattern.isImplicitGlob(parts[n - 1])) n--; // a file name: its directory
            String base = String.join("/", java.util.Arrays.asList(parts).subList(0, n));
            if (base.isEmpty()) base = "/";
            out.add(Path.of(base));
        }
        return out;
    }

    /** A setting: its specs and the directory they are relative to. */
    private static final class Specs {
        final List<String> specs;
        final String base;

        Specs(List<String> specs, String base) {
            this.specs = specs;
            this.base = base;
        }
    }

    private static final class Raw {
        Specs files;
        Specs include;
        Specs exclude;
        Specs outDir;
    }

    /** Reads {@code file} (and what it extends). */
    public static TsConfig load(Path file) throws ConfigException {
        Path abs = file.toAbsolutePath().normalize();
        Raw raw = read(abs, new ArrayDeque<>());
        String dir = slashPath(abs.getParent());

        Set<String> files = new HashSet<>();
        if (raw.files != null) {
            for (String f : raw.files.specs) files.add(normalize(f, raw.files.base));
        }
        Specs include = raw.include;
        if (include == null && raw.files == null) include = new Specs(List.of("**/*"), dir);
        TsConfigPattern inc = include == null ? null : pattern(include.specs, repeat(include.base, include.specs.size()), false);
        TsConfigPattern ex;
        if (raw.exclude != null) {
            ex = pattern(raw.exclude.specs, repeat(raw.exclude.base, raw.exclude.specs.size()), true);
        } else {
            List<String> specs = new ArrayList<>(List.of("node_modules", "bower_components", "jspm_packages"));
            List<String> bases = repeat(dir, specs.size());
            if (raw.outDir != null) {
                specs.add(raw.outDir.specs.get(0));
                bases.add(raw.outDir.base);
            }
            ex = pattern(specs, bases, true);
        }
        List<String> includeSpecs = new ArrayList<>();
        if (include != null) for (String spec : include.specs) includeSpecs.add(normalize(spec, include.base));
        return new TsConfig(abs, files, inc, ex, includeSpecs);
    }

    /** The specs, each made absolute against its base, as one pattern (TypeScript's getRegularExpressionForWildcard). */
    static TsConfigPattern pattern(List<String> specs, List<String> bases, boolean excludeUsage) {
        List<List<String>> components = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) components.add(components(specs.get(i), bases.get(i)));
        return TsConfigPattern.compile(components, excludeUsage);
    }

    private static List<String> repeat(String s, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(s);
        return out;
    }

    private static Raw read(Path file, Deque<Path> chain) throws ConfigException {
        if (chain.contains(file)) throw new ConfigException("circular 'extends' through " + file.getFileName());
        if (chain.size() > MAX_EXTENDS_DEPTH) throw new ConfigException("'extends' chain too long");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            String what = chain.isEmpty() ? "cannot read it" : "cannot read " + file;
            throw new ConfigException(what + ": " + Failure.describe(e));
        }
        Object json;
        try {
            json = Jsonc.parse(text);
        } catch (Jsonc.JsoncException e) {
            String where = chain.isEmpty() ? "" : file + ": ";
            throw new ConfigException(where + "invalid JSON: " + e.getMessage());
        }
        if (!(json instanceof Map)) throw new ConfigException("the top level is not an object");
        Map<?, ?> map = (Map<?, ?>) json;
        String base = slashPath(file.getParent());
        Raw raw = new Raw();

        Object ext = map.get("extends");
        if (ext != null && ext != Jsonc.NULL) {
            List<String> bases = new ArrayList<>();
            if (ext instanceof String) bases.add((String) ext);
            else if (ext instanceof List) {
                for (Object o : (List<?>) ext) {
                    if (!(o instanceof String)) throw new ConfigException("'extends' must be a string or an array of strings");
                    bases.add((String) o);
                }
            } else {
                throw new ConfigException("'extends' must be a string or an array of strings");
            }
            chain.push(file);
            for (String spec : bases) {
                Path resolved = resolveExtends(spec, file.getParent());
                if (resolved == null) continue; // a package that is not installed: its options do not matter here
                Raw b = read(resolved, chain);
                if (b.files != null) raw.files = b.files;
                if (b.include != null) raw.include = b.include;
                if (b.exclude != null) raw.exclude = b.exclude;
                if (b.outDir != null) raw.outDir = b.outDir;
            }
            chain.pop();
        }
        Specs files = stringList(map, "files", base);
        if (files != null) raw.files = files;
        Specs include = stringList(map, "include", base);
        if (include != null) raw.include = include;
        Specs exclude = stringList(map, "exclude", base);
        if (exclude != null) raw.exclude = exclude;
        Object co = map.get("compilerOptions");
        if (co instanceof Map) {
            Object outDir = ((Map<?, ?>) co).get("outDir");
            if (outDir instanceof String && !((String) outDir).isEmpty()) raw.outDir = new Specs(List.of((String) outDir), base);
        }
        return raw;
    }

    private static Specs stringList(Map<?, ?> map, String key, String base) throws ConfigException {
        Object v = map.get(key);
        if (v == null || v == Jsonc.NULL) return null;
        if (!(v instanceof List)) throw new ConfigException("'" + key + "' must be an array of strings");
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            if (!(o instanceof String)) throw new ConfigException("'" + key + "' must be an array of strings");
            out.add((String) o);
        }
        return new Specs(out, base);
    }

    /**
     * Resolves an {@code extends} value: a relative or absolute path (".json" added when missing),
     * or a package specifier looked up in node_modules of this directory and its ancestors.
     * Returns null for a package that is not found.
     */
    public static Path resolveExtends(String spec, Path dir) throws ConfigException {
        String s = spec.replace('\\', '/');
        boolean relative = s.startsWith("./") || s.startsWith("../") || s.equals(".") || s.equals("..");
        if (relative || Path.of(s).isAbsolute()) {
            Path p = dir.resolve(s).normalize();
            if (Files.isRegularFile(p)) return p;
            if (!s.endsWith(".json") && Files.isRegularFile(Path.of(p + ".json"))) return Path.of(p + ".json");
            if (Files.isDirectory(p) && Files.isRegularFile(p.resolve("tsconfig.json"))) return p.resolve("tsconfig.json");
            throw new ConfigException("cannot find the config it extends, '" + spec + "'");
        }
        for (Path d = dir; d != null; d = d.getParent()) {
            Path nm = d.resolve("node_modules");
            if (!Files.isDirectory(nm)) continue;
            Path p = nm.resolve(s).normalize();
            if (!p.startsWith(nm)) return null;
            if (Files.isRegularFile(p)) return p;
            if (Files.isRegularFile(Path.of(p + ".json"))) return Path.of(p + ".json");
            if (Files.isRegularFile(p.resolve("tsconfig.json"))) return p.resolve("tsconfig.json");
        }
        return null;
    }

    /** An absolute path as TypeScript writes it: '/' separators. */
    static String slashPath(Path p) {
        String s = p.toString();
        return p.getFileSystem().getSeparator().equals("/") ? s : s.replace('\\', '/');
    }

    /** {@code spec} made absolute against {@code base}, with '.' and '..' resolved. */
    static String normalize(String spec, String base) {
        return String.join("/", components(spec, base));
    }

    /** The components of the absolute path: the first is the root ("" on Unix, "C:" on Windows). */
    static List<String> components(String spec, String base) {
        String s = spec.replace('\\', '/');
        String full;
        if (s.startsWith("/") || (s.length() >= 2 && s.charAt(1) == ':')) full = s;
        else full = base + "/" + s;
        String[] parts = full.split("/", -1);
        List<String> out = new ArrayList<>();
        out.add(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String c = parts[i];
            if (c.isEmpty() || c.equals(".")) continue;
            if (c.equals("..")) {
                if (out.size() > 1) out.remove(out.size() - 1);
                continue;
            }
            out.add(c);
        }
        return out;
    }
}
