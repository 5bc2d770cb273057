package dev.arenals.check.modules;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resolver for each file: that of the nearest {@code tsconfig.json} (else
 * {@code jsconfig.json}) at or above its directory, looking from outside any
 * {@code node_modules} (a dependency's own published tsconfig does not govern how the project
 * reads it), or TypeScript's defaults when there is none. One resolver per config, kept until
 * {@link #clear}.
 */
public final class ProjectResolvers {
    private final FileProbe probe;
    /** By the directory string of a file (as given, then also normalized). */
    private final ConcurrentHashMap<String, TypeScriptResolver> byDirectory = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Path, TypeScriptResolver> byConfig = new ConcurrentHashMap<>();
    private final TypeScriptResolver defaults;

    public ProjectResolvers(FileProbe probe) {
        this.probe = probe;
        this.defaults = new TypeScriptResolver(ResolverOptions.defaults(), probe);
    }

    public FileProbe probe() { return probe; }

    /** The resolver for imports written in {@code file}. */
    public TypeScriptResolver forFile(Path file) {
        return forFile(file, FileProbe.parentOf(file.toString()));
    }

    /**
     * {@code file} read for resolving its specifiers ({@link TypeScriptResolver#importer}) with the
     * resolver for it: its directory's string made once for both. Null when it has no parent.
     */
    public TypeScriptResolver.Importer importer(Path file) {
        if (!file.isAbsolute()) return forFile(file).importer(file);
        String parent = FileProbe.parentOf(file.toString());
        return parent == null ? null : forFile(file, parent).importer(file, parent);
    }

    /** {@link #forFile(Path)}, the parent of {@code file} as a string given (null: none). */
    private TypeScriptResolver forFile(Path file, String parent) {
        TypeScriptResolver known = parent == null ? null : byDirectory.get(parent);
        if (known != null) return known; // the common case: another file of a directory seen before
        Path dir = file.toAbsolutePath().normalize().getParent();
        if (dir == null) return defaults;
        // the project directory: above the outermost node_modules
        for (Path d = dir; d != null; d = d.getParent()) {
            Path name = d.getFileName();
            if (name != null && name.toString().equals("node_modules")) dir = d.getParent();
        }
        if (dir == null) return defaults;
        TypeScriptResolver r = byDirectory.get(dir.toString());
        if (r != null) return r;
        r = find(dir);
        byDirectory.putIfAbsent(dir.toString(), r);
        if (parent != null) byDirectory.putIfAbsent(parent, r);
        return r;
    }

    private TypeScriptResolver find(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            Path config = null;
            if (probe.listing(d).contains("tsconfig.json")) config = d.resolve("tsconfig.json");
            else if (probe.listing(d).contains("jsconfig.json")) config = d.resolve("jsconfig.json");
            if (config == null) continue;
            TypeScriptResolver r = byConfig.get(config);
            if (r == null) {
                r = new TypeScriptResolver(ResolverOptions.load(config), probe);
                TypeScriptResolver raced = byConfig.putIfAbsent(config, r);
                if (raced != null) r = raced;
            }
            return r;
        }
        return defaults;
    }

    /** Forgets every config read (one changed, appeared or went). */
    public void clear() {
        byDirectory.clear();
        byConfig.clear();
    }
}
