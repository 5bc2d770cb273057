package dev.arenals.server.workspace;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableSet;
import com.google.common.util.concurrent.UncheckedExecutionException;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

/**
 * Relative module specifiers → files, probing as TypeScript does: {@code .js} written for a
 * {@code .ts}/{@code .tsx} source (and {@code .jsx}, {@code .mjs}, {@code .cjs} likewise), the
 * path itself, the path plus an extension, then the directory's {@code index} file. Bare package
 * names, {@code baseUrl} and {@code paths} are not resolved yet (null). Existence is checked
 * against cached directory listings (see {@link #forget}).
 */
public final class ModuleResolver {
    private static final String[] EXTENSIONS = {".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mts", ".cts", ".mjs", ".cjs", ".json"};
    /** An output extension and the sources TypeScript maps it back to, in its order. */
    private static final String[][] SOURCES_FOR_OUTPUT = {{".js", ".ts", ".tsx"}, {".jsx", ".tsx"}, {".mjs", ".mts"}, {".cjs", ".cts"}};

    private ModuleResolver() {}

    /** "./x", "../x", "." or "..": what this resolver handles; a backslash is no separator in a specifier. */
    public static boolean isRelative(String specifier) {
        if (specifier.indexOf('\\') >= 0) return false;
        return specifier.startsWith("./") || specifier.startsWith("../") || specifier.equals(".") || specifier.equals("..");
    }

    /** The file {@code specifier}, written in {@code importer}, names; null when it is not relative or nothing exists. */
    public static Path resolveFrom(Path importer, String specifier) {
        Path directory = importer == null ? null : importer.getParent();
        return directory == null ? null : resolve(directory, specifier);
    }

    /** The file a relative specifier names from {@code directory}, or null when none exists. */
    public static Path resolve(Path directory, String specifier) {
        if (!isRelative(specifier)) return null;
        Path base;
        try {
            base = directory.resolve(specifier).normalize();
        } catch (RuntimeException e) {
            return null; // not a path on this system
        }
        Path dir = base.getParent();
        if (dir == null || base.getFileName() == null) return null;
        String name = base.getFileName().toString();
        // probes are names looked up in the directory's listing: a Path is made for the hit only
        ImmutableSet<String> here = listing(dir);
        for (String[] output : SOURCES_FOR_OUTPUT) {
            if (!name.endsWith(output[0])) continue;
            String stem = name.substring(0, name.length() - output[0].length());
            for (int i = 1; i < output.length; i++) {
                if (here.contains(stem + output[i])) return dir.resolve(stem + output[i]);
            }
        }
        if (here.contains(name)) return base;
        for (String ext : EXTENSIONS) {
            if (here.contains(name + ext)) return dir.resolve(name + ext);
        }
        if (here.contains(name + "/")) {
            ImmutableSet<String> inside = listing(base);
            for (String ext : EXTENSIONS) {
                if (inside.contains("index" + ext)) return base.resolve("index" + ext);
            }
        }
        return null;
    }

    /**
     * Directory listings, each read once and kept for a few seconds: resolving probes up to 23
     * names per specifier, most of them missing, and indexing resolves every import of every
     * file. Weighted by entries; a watched-file event drops its directory's listing at once.
     */
    private static final Cache<Path, ImmutableSet<String>> LISTINGS = CacheBuilder.newBuilder()
            .maximumWeight(1_000_000)
            .weigher((Path dir, ImmutableSet<String> names) -> 1 + names.size())
            .expireAfterWrite(Duration.ofSeconds(3))
            .build();

    /** Forgets what is known of the directory of {@code file} (it was created, changed or deleted). */
    public static void forget(Path file) {
        Path dir = file.getParent();
        if (dir != null) LISTINGS.invalidate(dir);
    }

    /** The names of a directory's regular files, and of its subdirectories with a trailing '/'; empty when it cannot be read. */
    private static ImmutableSet<String> listing(Path dir) {
        try {
            return LISTINGS.get(dir, () -> {
                ImmutableSet.Builder<String> names = ImmutableSet.builder();
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    for (Path entry : entries) {
                        String name = entry.getFileName().toString();
                        if (Files.isRegularFile(entry)) names.add(name);
                        else if (Files.isDirectory(entry)) names.add(name + "/");
                    }
                } catch (IOException | DirectoryIteratorException | SecurityException e) {
                    // missing or unreadable: nothing resolves into it
                }
                return names.build();
            });
        } catch (ExecutionException | UncheckedExecutionException e) {
            return ImmutableSet.of();
        }
    }
}
