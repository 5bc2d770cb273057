package dev.arenals.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the benchmark inputs: the unpacked npm package typescript@6.0.3 fetched by
 * {@code test-fixtures/scripts/fetch-npm.sh typescript@6.0.3}. Its directory is the system property
 * {@code arenals.corpus} (set by {@code benchmarks/run.sh}), by default
 * {@code ${ARENA_LS_CACHE:-$HOME/.cache/arena-ls}/npm/typescript@6.0.3/package}. A benchmark file
 * name is looked up in the package's {@code lib/} folder (then, failing that, at the top).
 */
final class Corpus {
    static final String PACKAGE = "typescript@6.0.3";
    static final String PROPERTY = "arenals.corpus";

    private Corpus() {}

    static Path dir() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        String cache = System.getenv("ARENA_LS_CACHE");
        if (cache == null || cache.isBlank()) cache = System.getProperty("user.home") + "/.cache/arena-ls";
        return Path.of(cache, "npm", PACKAGE, "package");
    }

    static Path locate(String file) {
        int colon = file.indexOf(':');
        if (colon > 0) {
            // "package@version:path/in/package" — another pinned package beside typescript's
            Path p = dir().getParent().getParent().resolve(file.substring(0, colon)).resolve("package").resolve(file.substring(colon + 1));
            if (Files.isRegularFile(p)) return p;
            throw new IllegalStateException("benchmark input " + file + " not found at " + p
                    + " (run test-fixtures/scripts/fetch-npm.sh " + file.substring(0, colon) + ")");
        }
        Path dir = dir();
        for (Path p : new Path[] {dir.resolve("lib").resolve(file), dir.resolve(file)}) {
            if (Files.isRegularFile(p)) return p;
        }
        throw new IllegalStateException("benchmark input " + file + " not found under " + dir
                + " (run test-fixtures/scripts/fetch-npm.sh " + PACKAGE + ", or set -D" + PROPERTY + "=DIR)");
    }

    static String read(String file) {
        Path p = locate(file);
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    static long sizeInBytes(String file) {
        try {
            return Files.size(locate(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
