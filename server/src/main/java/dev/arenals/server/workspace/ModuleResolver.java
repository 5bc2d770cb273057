package dev.arenals.server.workspace;

import dev.arenals.check.modules.CachingFileProbe;
import dev.arenals.check.modules.FileProbe;
import dev.arenals.check.modules.PackageJson;
import dev.arenals.check.modules.ProjectResolvers;
import dev.arenals.check.modules.TypeScriptResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Module specifiers → files for the server: TypeScript's resolution ({@link TypeScriptResolver},
 * shared with {@code check}) under the options of the nearest tsconfig.json, over directory
 * listings, package.json files and real paths cached for a few seconds ({@link ShortLivedCache}; a
 * watched-file event drops what it touches at once, see {@link #forget}).
 */
public final class ModuleResolver {
    private ModuleResolver() {}

    /** "./x", "../x", "." or "..": a relative specifier (a backslash is no separator here, as in the document-link rule). */
    public static boolean isRelative(String specifier) {
        if (specifier.indexOf('\\') >= 0) return false;
        return specifier.startsWith("./") || specifier.startsWith("../") || specifier.equals(".") || specifier.equals("..");
    }

    /** The file {@code specifier}, written in {@code importer}, names (the index's one Path of it); null when nothing is found. */
    public static Path resolveFrom(Path importer, String specifier) {
        return resolveFrom(importer, specifier, false);
    }

    /** The same, for the specifier of {@code import x = require()} when {@code requireSyntax}. */
    public static Path resolveFrom(Path importer, String specifier, boolean requireSyntax) {
        if (importer == null || specifier == null) return null;
        Path copy = copyOf(importer);
        if (copy == null) return null;
        try {
            return RESOLVERS.forFile(copy).resolve(specifier, copy, requireSyntax);
        } catch (RuntimeException e) {
            return null; // a path this system cannot make, a config in a strange state: nothing resolves
        }
    }

    /**
     * {@code file}, read once for resolving its specifiers one after another (a summary's): its
     * project's resolver found and its directory's part of the memo key made once, not per
     * specifier. Null when nothing can resolve from it (no parent, a path this system cannot make).
     */
    static TypeScriptResolver.Importer importer(Path file) {
        if (file == null) return null;
        try {
            Path copy = uncached(file);
            if (!copy.isAbsolute() && copy.getParent() == null) return null; // as resolveFrom: a bare name resolves nothing (a root gets null below)
            return RESOLVERS.importer(copy);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@link #resolveFrom(Path, String, boolean)} for a file read by {@link #importer}. */
    static Path resolve(TypeScriptResolver.Importer importer, String specifier, boolean requireSyntax) {
        if (importer == null || specifier == null) return null;
        try {
            return importer.resolve(specifier, requireSyntax);
        } catch (RuntimeException e) {
            return null; // as resolveFrom: a config in a strange state, a path this system cannot make
        }
    }

    /**
     * An equal Path that is a new object: a Path keeps the string and name offsets it was once
     * asked for (about 120 bytes a file), and the index's Paths are asked for them by resolution and
     * by every URI made; on a copy, they go with it. (Resolving against the empty path gives a
     * new Path over the same bytes.)
     */
    static Path uncached(Path path) { return path.resolve(""); }

    /** The last importer resolved from on this thread and its copy (a file's specifiers are resolved one after another). */
    private static final ThreadLocal<Path[]> LAST_IMPORTER = ThreadLocal.withInitial(() -> new Path[2]);

    /** {@link #uncached} of {@code importer}, the same copy for consecutive calls with it; null when it has no parent. */
    private static Path copyOf(Path importer) {
        Path[] last = LAST_IMPORTER.get();
        if (last[0] != importer) {
            Path copy = uncached(importer);
            last[0] = importer;
            last[1] = copy.getParent() == null ? null : copy;
        }
        return last[1];
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
        RESOLUTIONS.invalidateAll(); // any answer may have probed the directory
        Path name = file.getFileName();
        if (name != null && (name.toString().equals("tsconfig.json") || name.toString().equals("jsconfig.json") || name.toString().endsWith(".json"))) {
            RESOLVERS.clear(); // a config, or one it extends
        }
    }

    /**
     * For a file an editor opens, saves or closes, which may have been created without a watched-file
     * event (a client that watches nothing, a {@code didOpen} of a new file, a workspace edit's
     * {@code create}): unless the caches cannot have answered without it, it is {@link #forget
     * forgotten}, and true is returned. They cannot when every cached answer was made in the
     * current generation of listings (none is older than it, and it has not expired) and that
     * generation either holds the file's directory with the file, or does not hold the directory
     * (then no cached answer looked into it). A .json file is always forgotten: configs are kept
     * longer than a generation.
     */
    public static boolean forgetIfUnseen(Path file) {
        Path dir = file.getParent(), name = file.getFileName();
        if (dir == null || name == null) return false;
        String fileName = name.toString();
        long listingsBorn = LISTINGS.generationBorn();
        if (!fileName.endsWith(".json") && RESOLUTIONS.generationBorn() - listingsBorn >= 0 && System.nanoTime() - listingsBorn <= LIFETIME) {
            Set<String> names = LISTINGS.peek(dir.toString());
            if (names == null || names.contains(fileName)) return false;
        }
        forget(file);
        return true;
    }

    /** Forgets every listing, package.json, real path and resolution (benchmarks: a cold start of the caches). */
    public static void forgetAll() {
        LISTINGS.invalidateAll();
        PACKAGES.invalidateAll();
        RESOLUTIONS.invalidateAll();
        REAL_PATHS.invalidateAll();
        FILES.invalidateAll();
        RESOLVERS.clear();
    }

    /**
     * Frees the caches' generations once they are past their lifetime: they are otherwise dropped
     * by the next resolution, and after indexing none may come for a long while (the last
     * generation of a 20,000-file walk is about half as large as the summaries themselves).
     */
    public static void dropExpired() {
        LISTINGS.dropIfExpired();
        PACKAGES.dropIfExpired();
        RESOLUTIONS.dropIfExpired();
        REAL_PATHS.dropIfExpired();
        FILES.dropIfExpired();
    }

    /** {@link #dropExpired} once the generations in use now have expired (after indexing). */
    public static void dropWhenExpired() {
        java.util.concurrent.CompletableFuture.delayedExecutor(LIFETIME + Duration.ofMillis(100).toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS)
                .execute(ModuleResolver::dropExpired);
    }

    /** Entries the caches hold now (tests). */
    static int cachedEntries() { return LISTINGS.size() + PACKAGES.size() + RESOLUTIONS.size() + REAL_PATHS.size() + FILES.size(); }

    /**
     * Directory listings, package.json files, real paths and resolutions, each read once and kept
     * for at most three seconds: resolving probes a dozen names per specifier, most of them missing,
     * and indexing resolves every import of every file. Listings are weighted by entries.
     */
    private static final long LIFETIME = Duration.ofSeconds(3).toNanos();
    private static final ShortLivedCache<String, Set<String>> LISTINGS = new ShortLivedCache<>(LIFETIME, 1_000_000, names -> 1 + names.size());
    private static final ShortLivedCache<String, Optional<PackageJson>> PACKAGES = new ShortLivedCache<>(LIFETIME, 10_000, json -> 1);
    private static final ShortLivedCache<String, Object> RESOLUTIONS = new ShortLivedCache<>(LIFETIME, 200_000, answer -> 1);
    private static final ShortLivedCache<Path, Path> REAL_PATHS = new ShortLivedCache<>(LIFETIME, 100_000, real -> 1);
    /** One Path per file found: the summaries' interner then meets the same object again and again (an identity test, not a path comparison). */
    private static final ShortLivedCache<String, Path> FILES = new ShortLivedCache<>(LIFETIME, 200_000, file -> 1);

    private static final FileProbe PROBE = new FileProbe() {
        @Override public Set<String> listing(String directory) {
            return LISTINGS.get(directory, ModuleResolver::readListing);
        }

        @Override public PackageJson packageJson(String directory) {
            return PACKAGES.get(directory, ModuleResolver::readPackageJson).orElse(null);
        }

        @Override public java.util.concurrent.ConcurrentMap<String, Object> resolutions() { return RESOLUTIONS.map(); }

        @Override public Path realPath(Path file) {
            return REAL_PATHS.get(file, f -> internedPath(CachingFileProbe.readRealPath(f)));
        }

        @Override public Path file(String absolutePath) {
            return FILES.get(absolutePath, ModuleResolver::internedPath);
        }

        @Override public Path file(String directory, Set<String> names, String name) {
            if (!(names instanceof Listing)) return FileProbe.super.file(directory, names, name);
            // found by the short name in the directory's own map: no hash of the whole path, no lookup among every file
            java.util.concurrent.ConcurrentHashMap<String, Path> files = ((Listing) names).files;
            Path p = files.get(name);
            if (p == null) {
                p = internedPath(directory.length() == 1 ? directory + name : directory + java.io.File.separatorChar + name);
                Path raced = files.putIfAbsent(name, p);
                if (raced != null) p = raced;
            }
            return p;
        }
    };

    /** A directory's names, with the Paths of those resolution found (made once each while the listing is cached). */
    private static final class Listing extends java.util.AbstractSet<String> {
        final Set<String> names;
        final java.util.concurrent.ConcurrentHashMap<String, Path> files = new java.util.concurrent.ConcurrentHashMap<>(4);

        Listing(Set<String> names) { this.names = names; }

        @Override public boolean contains(Object o) { return names.contains(o); }

        @Override public java.util.Iterator<String> iterator() { return names.iterator(); }

        @Override public int size() { return names.size(); }
    }

    /** The index's one Path of a file: what summaries keep, so a later intern of the same file is an identity test. */
    private static Path internedPath(String file) { return Summarizer.internPath(Path.of(file)); }

    private static Path internedPath(Path file) { return Summarizer.internPath(file); }

    private static Set<String> readListing(String directory) {
        try {
            Set<String> names = CachingFileProbe.readListing(Path.of(directory));
            return names.isEmpty() ? names : new Listing(names);
        } catch (RuntimeException e) {
            return Set.of(); // a string this system cannot make a path of
        }
    }

    private static Optional<PackageJson> readPackageJson(String directory) {
        try {
            return Optional.ofNullable(CachingFileProbe.readPackageJson(PROBE, directory));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Resolvers per tsconfig; they hold only options, so a config change clears them (see {@link #forget}). */
    private static final ProjectResolvers RESOLVERS = new ProjectResolvers(PROBE);
}
