package dev.arenals.check;

import dev.arenals.parser.ParseOptions;
import java.nio.file.Path;
import java.util.Locale;

/** A file selected for checking. */
final class SourceFile {
    /** Absolute and normalized. */
    final Path path;
    /**
     * The same for java.io, which the check reads through; null when the path's name does not
     * survive the trip through a string (a name that is not valid in the platform's encoding shows
     * U+FFFD there): then the check reads through NIO, which keeps the name's bytes.
     */
    final java.io.File file;
    /** What reports show: relative to the working directory with '/' separators, else absolute. */
    final String display;

    /** By display path (code-unit order). */
    static final java.util.Comparator<SourceFile> BY_DISPLAY = new java.util.Comparator<SourceFile>() {
        @Override public int compare(SourceFile a, SourceFile b) { return a.display.compareTo(b.display); }
    };
    /** Size seen by the walk (a scheduling hint; the check reads the file again). */
    final long size;
    final ParseOptions options;
    /** The report when {@link EarlyCheck} checked the file during the walk, else null. */
    FileReport early;

    SourceFile(Path path, String display, long size) {
        this.path = path;
        this.file = path.toString().indexOf('\uFFFD') < 0 ? path.toFile() : null;
        this.display = display;
        this.size = size;
        this.options = ParseOptions.forFileName(path.getFileName().toString());
    }

    /** .js .mjs .cjs .jsx .ts .mts .cts .tsx (so .d.ts, .d.mts, .d.cts too), any letter case. */
    static boolean isSourceName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) return false;
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        switch (ext) {
            case "js": case "mjs": case "cjs": case "jsx":
            case "ts": case "mts": case "cts": case "tsx":
                return true;
            default:
                return false;
        }
    }

    @Override public String toString() { return display; }
}
