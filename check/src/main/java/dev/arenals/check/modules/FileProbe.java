package dev.arenals.check.modules;

import java.nio.file.Path;
import java.util.Set;

/**
 * What module resolution asks of the file system, so that each host caches it its own way (check
 * for one run, the server with expiry and invalidation on file events). Implementations never throw
 * for file-system trouble: what cannot be read does not exist.
 */
public interface FileProbe {
    /** The names in a directory: regular files as they are, directories with a trailing '/'; empty when it cannot be read. */
    Set<String> listing(Path directory);

    /** The parsed {@code directory/package.json}, or null when there is none or it is not a JSON object. */
    PackageJson packageJson(Path directory);

    /** The file with symbolic links resolved (TypeScript's realpath of a node_modules result); the path itself when that fails. */
    Path realPath(Path file);

    default boolean isFile(Path file) {
        Path dir = file.getParent(), name = file.getFileName();
        return dir != null && name != null && listing(dir).contains(name.toString());
    }

    default boolean isDirectory(Path directory) {
        Path dir = directory.getParent(), name = directory.getFileName();
        if (dir == null || name == null) return name == null; // a root exists
        return listing(dir).contains(name + "/");
    }
}
