package dev.arenals.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files {@code arena-ls check DIR} would check, for other modules (the language server's
 * workspace index): the same walk, default skips, {@code .gitignore} and {@code tsconfig.json}
 * rules, through {@link FileCollector} itself so both always agree.
 */
public final class ProjectFiles {
    /** check's default {@code --max-file-size}: larger files are not parsed. */
    public static final long DEFAULT_MAX_FILE_SIZE = CheckOptions.DEFAULT_MAX_FILE_SIZE;

    /** One selected file: absolute, normalized, and its size when the walk saw it. */
    /**
     * A selected file, its size, and its modification time in nanoseconds since the epoch as the walk
     * read it (-1: not read; the language server's summary cache compares it).
     */
    public record Entry(Path path, long size, long modifiedNanos) {
        public Entry(Path path, long size) { this(path, size, -1); }
    }

    /** The files found and, one line each, what could not be walked or read (bad configs, vanished directories). */
    public record Listing(List<Entry> files, List<String> problems) { }

    private ProjectFiles() {}

    /** Walks {@code root} (a directory) with check's rules; never throws for file-system trouble. */
    public static Listing collect(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        FileCollector collector = new FileCollector(dir, new CheckOptions(), null);
        collector.collect(List.of(dir.toString()));
        List<Entry> files = new ArrayList<>();
        for (SourceFile f : collector.sortedFiles()) files.add(new Entry(f.path, f.size));
        return new Listing(List.copyOf(files), problemsOf(collector));
    }

    /**
     * The language server's walk: check's rules, each selected file told to {@code found} on the
     * calling thread as the walk selects it, and the problems (one line each) returned. What
     * {@link #collect(Path)} adds for check — a display name, a {@code java.io.File} and parse
     * options per file, and the list sorted by display name (over half of a 20,000-file walk's CPU
     * time in Java) — is not made. A walk of one directory meets
     * each file once (links are not followed), so nothing is deduplicated either.
     */
    public static List<String> walk(Path root, java.util.function.Consumer<Entry> found) {
        Path dir = root.toAbsolutePath().normalize();
        FileCollector collector = new FileCollector(dir, new CheckOptions(), null);
        collector.selectedOnly = found;
        collector.collect(List.of(dir.toString()));
        return problemsOf(collector);
    }

    private static List<String> problemsOf(FileCollector collector) {
        List<String> problems = new ArrayList<>();
        for (FileReport r : collector.reports) {
            for (Problem p : r.problems) problems.add(r.path + ": " + p.message);
        }
        problems.addAll(collector.usageErrors);
        return List.copyOf(problems);
    }

    /** Whether check treats a file name as source (.js .mjs .cjs .jsx .ts .mts .cts .tsx, any case). */
    public static boolean isSourceName(String fileName) { return SourceFile.isSourceName(fileName); }
}
