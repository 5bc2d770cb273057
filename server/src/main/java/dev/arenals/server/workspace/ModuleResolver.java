package dev.arenals.server.workspace;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.UncheckedExecutionException;
import dev.arenals.check.modules.CachingFileProbe;
import dev.arenals.check.modules.FileProbe;
import dev.arenals.check.modules.PackageJson;
import dev.arenals.check.modules.ProjectResolvers;
import dev.arenals.check.modules.TypeScriptResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Module specifiers → files for the server: TypeScript's resolution ({@link TypeScriptResolver},
 * shared with {@code check}) under the options of the nearest tsconfig.json, over directory
 * listings, package.json files and real paths cached for a few seconds (Guava caches; a
 * watched-file event drops what it touches at once, see {@link #forget}).
 */
public final class ModuleResolver {
    private ModuleResolver() {}

    /** "./x", "../x", "." or "..": a relative specifier (a backslash is no separator here, as in the document-link rule). */
    public static boolean isRelative(String specifier) {
        if (specifier.indexOf('\\') >= 0) return false;
        return specifier.startsWith("./") || specifier.startsWith("../") || specifier.equals(".") || specifier.equals("..");
    }

    /** The file {@code specifier}, written in {@code importer}, names; null when nothing is found. */
    public static Path resolveFrom(Path importer, String specifier) {
        return resolveFrom(importer, specifier, false);
    }

    /** The same, for the specifier of {@code import x = require()} when {@code requireSyntax}. */
    public static Path resolveFrom(Path importer, String specifier, boolean requireSyntax) {
        if (importer == null || importer.getParent() == null || specifier == null) return null;
        try {
            return RESOLVERS.forFile(importer).resolve(specifier, importer, requireSyntax);
        } catch (RuntimeException e) {
            return null; // a path this system cannot make, a config in a strange state: nothing resolves
        }
    }

    /** The file a specifier names when written in a file of {@code directory} (a .ts file there). */
    public static Path resolve(Path directory, String specifier) {
        return directory == null ? null : resolveFrom(directory.resolve("index.ts"), specifier);
    }

    /** The resolvers of every project, over this class's caches. */
    public static ProjectResolvers projectResolvers() { return RESOLVERS; }

    /** The resolver for imports written in {@code file} (its tsconfig's options). */
    public static TypeScriptResolver resolverFor(Path file) { return RESOLVERS.forFile(file); }

    /** Forgets what is known of {@code file} and its directory (it was created, changed or deleted). */
    public static void forget(Path file) {
        Path dir = file.getParent();
        if (dir != null) {
            LISTINGS.invalidate(dir.toString());
            PACKAGES.invalidate(dir.toString());
        }
        LISTINGS.invalidate(file.toString()); // it may have been a directory
        REAL_PATHS.invalidateAll();
        Path name = file.getFileName();
        if (name != null && (name.toString().equals("tsconfig.json") || name.toString().equals("jsconfig.json") || name.toString().endsWith(".json"))) {
            RESOLVERS.clear(); // a config, or one it extends
        }
    }

    /**
     * Directory listings, package.json files and real paths, each read once and kept for a few
     * seconds: resolving probes a dozen names per specifier, most of them missing, and indexing
     * resolves every import of every file. Weighted by entries.
     */
    private static final Cache<String, Set<String>> LISTINGS = CacheBuilder.newBuilder()
            .maximumWeight(1_000_000)
            .weigher((String dir, Set<String> names) -> 1 + names.size())
            .expireAfterWrite(Duration.ofSeconds(3))
            .build();
    private static final Cache<String, Optional<PackageJson>> PACKAGES = CacheBuilder.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(3))
            .build();
    private static final Cache<Path, Path> REAL_PATHS = CacheBuilder.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofSeconds(3))
            .build();

    private static final FileProbe PROBE = new FileProbe() {
        @Override public Set<String> listing(String directory) {
            return get(LISTINGS, directory, () -> CachingFileProbe.readListing(Path.of(directory)), Set.of());
        }

        @Override public PackageJson packageJson(String directory) {
            return get(PACKAGES, directory, () -> Optional.ofNullable(CachingFileProbe.readPackageJson(this, directory)), Optional.<PackageJson>empty()).orElse(null);
        }

        @Override public Path realPath(Path file) {
            return get(REAL_PATHS, file, () -> CachingFileProbe.readRealPath(file), file);
        }
    };

    /** Resolvers per tsconfig; they hold only options, so a config change clears them (see {@link #forget}). */
    private static final ProjectResolvers RESOLVERS = new ProjectResolvers(PROBE);

    private static <K, V> V get(Cache<K, V> cache, K key, java.util.concurrent.Callable<V> load, V fallback) {
        try {
            return cache.get(key, load);
        } catch (ExecutionException | UncheckedExecutionException e) {
            return fallback;
        }
    }
}
