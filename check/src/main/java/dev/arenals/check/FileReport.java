package dev.arenals.check;

import java.util.List;

/**
 * What the check found for one path: a source file (checked, or not because of a
 * {@link Failure}), a tsconfig.json that could not be used, or a directory that could not be
 * walked. Reports list these sorted by {@link #path}.
 */
public final class FileReport {
    public enum Kind {
        SOURCE("source"), CONFIG("config"), DIRECTORY("directory");

        public final String word;

        Kind(String word) { this.word = word; }
    }

    public final Kind kind;
    /** By path, then kind: the report's order. */
    static final java.util.Comparator<FileReport> BY_PATH_THEN_KIND = new java.util.Comparator<FileReport>() {
        @Override public int compare(FileReport a, FileReport b) {
            int c = a.path.compareTo(b.path);
            return c != 0 ? c : a.kind.compareTo(b.kind);
        }
    };

    /** Relative to the working directory with '/' separators, or absolute when outside it. */
    public final String path;
    /** Whether the file was parsed (false for failures, configs and directories). */
    public final boolean checked;
    /** Bytes read (0 when the file was not read). */
    public final long bytes;
    /** Sorted by offset; never null. */
    public final List<Problem> problems;
    public final int errors;
    public final int warnings;

    FileReport(Kind kind, String path, boolean checked, long bytes, List<Problem> problems) {
        this.kind = kind;
        this.path = path;
        this.checked = checked;
        this.bytes = bytes;
        this.problems = problems;
        int e = 0;
        int w = 0;
        for (Problem p : problems) {
            if (p.isError()) e++; else w++;
        }
        this.errors = e;
        this.warnings = w;
    }

    /** The failure of a file that was not checked, or null. */
    public Failure failure() {
        for (Problem p : problems) if (p.failure != null) return p.failure;
        return null;
    }
}
