package dev.arenals.check;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file (or directory, or tsconfig.json) could not be checked. Each is reported like a
 * diagnostic at line 1, column 1 of the path, with a code of its own (9101–9107, beside the
 * parser's 9001/9002). I/O failures make the exit code 2; the others are errors in the
 * repository's content and make it 1, like syntax errors; an unusable tsconfig.json is a warning.
 */
public enum Failure {
    UNREADABLE(9101, "unreadable", "The file or directory could not be read.", true, Severity.ERROR),
    VANISHED(9102, "vanished", "The file or directory disappeared while the check ran.", true, Severity.ERROR),
    BINARY(9103, "binary-file", "The file is binary, not source text: it has a NUL byte outside every string, template and comment, or a NUL byte and bytes that are not UTF-8.", false, Severity.ERROR),
    ENCODING(9104, "invalid-utf8", "The file is not valid UTF-8.", false, Severity.ERROR),
    TOO_LARGE(9105, "file-too-large", "The file is larger than the size limit (--max-file-size).", false, Severity.ERROR),
    CONFIG(9106, "invalid-tsconfig", "A tsconfig.json could not be used; its directory is checked as if it had none.", false, Severity.WARNING),
    INTERNAL(9107, "internal-error", "arena-ls failed on this file (a bug: please report it).", true, Severity.ERROR);

    public final int code;
    /** A short stable name (SARIF rule name, JSON "failure" field). */
    public final String id;
    /** What the code means, in general. */
    public final String description;
    /** An I/O failure: exit code 2. */
    public final boolean io;
    public final Severity severity;

    Failure(int code, String id, String description, boolean io, Severity severity) {
        this.code = code;
        this.id = id;
        this.description = description;
        this.io = io;
        this.severity = severity;
    }

    /** A short human explanation of an I/O exception, without class names or stack traces. */
    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NotDirectoryException) return "not a directory";
        if (e instanceof FileSystemException) {
            String reason = ((FileSystemException) e).getReason();
            if (reason != null && !reason.isEmpty()) return reason.toLowerCase(java.util.Locale.ROOT);
        }
        String m = e.getMessage();
        if (m == null || m.isEmpty()) return e.getClass().getSimpleName();
        if (e instanceof java.io.FileNotFoundException && m.endsWith(")")) {
            // java.io puts the reason after the path: "/a/b.ts (Is a directory)"
            int open = m.lastIndexOf(" (");
            if (open >= 0) return m.substring(open + 2, m.length() - 1).toLowerCase(java.util.Locale.ROOT);
        }
        return m;
    }
}
