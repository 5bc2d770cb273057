package dev.arenals.check.modules;

import java.io.File;
import java.nio.file.Path;
import java.util.Set;

/**
 * What module resolution asks of the file system, so that each host caches it its own way (check
 * for one run, the server with expiry and invalidation on file events). Implementations never throw
 * for file-system trouble: what cannot be read does not exist. Directories are named by their
 * absolute path strings: resolution probes a dozen names per import, and a string key costs a
 * hash where a fresh {@link Path} costs its parsing too.
 */
public interface FileProbe {
    /** The names in a directory: regular files as they are, directories with a trailing '/'; empty when it cannot be read. */
    Set<String> listing(String directory);

    /** The parsed {@code directory/package.json}, or null when there is none or it is not a JSON object. */
    PackageJson packageJson(String directory);

    /** The file with symbolic links resolved (TypeScript's realpath of a node_modules result); the path itself when that fails. */
    Path realPath(Path file);

    /**
     * Answers kept by the resolvers over this probe (key: config, directory, specifier and mode),
     * dropped with the listings they came from; null keeps none.
     */
    default java.util.concurrent.ConcurrentMap<String, Object> resolutions() { return null; }

    /**
     * The Path of a file the resolver found ({@link #isFile} said so): a host may hand out one
     * Path per file, so that the answers of many importers share it and compare by identity.
     */
    default Path file(String absolutePath) { return Path.of(absolutePath); }

    /**
     * The same for {@code name} in {@code directory}, whose listing {@code names} (from
     * {@link #listing}) holds it: a host may keep the Paths with the listing, found by the short
     * name instead of the whole path.
     */
    default Path file(String directory, Set<String> names, String name) {
        return file(directory.length() == 1 ? directory + name : directory + File.separatorChar + name);
    }

    default Set<String> listing(Path directory) { return listing(directory.toString()); }

    default PackageJson packageJson(Path directory) { return packageJson(directory.toString()); }

    default boolean isFile(Path file) { return isFile(file.toString()); }

    default boolean isDirectory(Path directory) { return isDirectory(directory.toString()); }

    /** Whether the absolute path names a regular file. */
    default boolean isFile(String file) {
        int slash = file.lastIndexOf(File.separatorChar);
        if (slash < 0 || slash == file.length() - 1) return false;
        return listing(slash == 0 ? file.substring(0, 1) : file.substring(0, slash)).contains(file.substring(slash + 1));
    }

    /** Whether the absolute path names a directory (a root always does). */
    default boolean isDirectory(String directory) {
        int slash = directory.lastIndexOf(File.separatorChar);
        if (slash < 0 || slash == directory.length() - 1) return true;
        return listing(slash == 0 ? directory.substring(0, 1) : directory.substring(0, slash)).contains(directory.substring(slash + 1) + "/");
    }

    /** The parent of an absolute path string, or null for a root. */
    static String parentOf(String path) {
        int slash = path.lastIndexOf(File.separatorChar);
        if (slash < 0 || path.length() == 1) return null;
        return slash == 0 ? path.substring(0, 1) : path.substring(0, slash);
    }
}
