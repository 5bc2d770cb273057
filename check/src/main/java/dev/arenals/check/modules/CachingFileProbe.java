package dev.arenals.check.modules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link FileProbe} that reads each directory, package.json and real path once and keeps it for
 * its own lifetime: right for one {@code check} run or one test, where the files do not change.
 */
public final class CachingFileProbe implements FileProbe {
    private final ConcurrentHashMap<String, Set<String>> listings = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Optional<PackageJson>> packages = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Path, Path> realPaths = new ConcurrentHashMap<>();

    // get-then-put rather than computeIfAbsent with a lambda: check's path avoids invokedynamic (start-up)
    @Override public Set<String> listing(String directory) {
        Set<String> names = listings.get(directory);
        if (names == null) {
            names = readListing(Path.of(directory));
            Set<String> raced = listings.putIfAbsent(directory, names);
            if (raced != null) names = raced;
        }
        return names;
    }

    @Override public PackageJson packageJson(String directory) {
        Optional<PackageJson> json = packages.get(directory);
        if (json == null) {
            json = Optional.ofNullable(readPackageJson(this, directory));
            packages.putIfAbsent(directory, json);
        }
        return json.orElse(null);
    }

    @Override public Path realPath(Path file) {
        Path real = realPaths.get(file);
        if (real == null) {
            real = readRealPath(file);
            realPaths.putIfAbsent(file, real);
        }
        return real;
    }

    /** A directory's names as {@link FileProbe#listing} gives them; empty when it cannot be read. */
    public static Set<String> readListing(Path dir) {
        Set<String> names = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isRegularFile(entry)) names.add(name);
                else if (Files.isDirectory(entry)) names.add(name + "/");
            }
        } catch (IOException | DirectoryIteratorException | SecurityException e) {
            // missing or unreadable: nothing resolves into it
        }
        return Set.copyOf(names);
    }

    /** {@code dir/package.json} parsed, when {@code probe} lists it; null otherwise. */
    public static PackageJson readPackageJson(FileProbe probe, String dir) {
        if (!probe.listing(dir).contains("package.json")) return null;
        try {
            Path d = Path.of(dir);
            return PackageJson.parse(d, Files.readString(d.resolve("package.json"), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static Path readRealPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException | RuntimeException e) {
            return file;
        }
    }
}
