package dev.arenals.server.workspace;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Relative module specifiers → files, probing as TypeScript does: {@code .js} written for a
 * {@code .ts}/{@code .tsx} source (and {@code .jsx}, {@code .mjs}, {@code .cjs} likewise), the
 * path itself, the path plus an extension, then the directory's {@code index} file. Bare package
 * names, {@code baseUrl} and {@code paths} are not resolved yet (null).
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
        String name = base.getFileName() == null ? "" : base.getFileName().toString();
        for (String[] output : SOURCES_FOR_OUTPUT) {
            if (!name.endsWith(output[0])) continue;
            String stem = name.substring(0, name.length() - output[0].length());
            for (int i = 1; i < output.length; i++) {
                Path p = base.resolveSibling(stem + output[i]);
                if (Files.isRegularFile(p)) return p;
            }
        }
        if (Files.isRegularFile(base)) return base;
        for (String ext : EXTENSIONS) {
            Path p = base.resolveSibling(name + ext);
            if (Files.isRegularFile(p)) return p;
        }
        if (Files.isDirectory(base)) {
            for (String ext : EXTENSIONS) {
                Path p = base.resolve("index" + ext);
                if (Files.isRegularFile(p)) return p;
            }
        }
        return null;
    }
}
