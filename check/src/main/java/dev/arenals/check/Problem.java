package dev.arenals.check;

/**
 * One reported diagnostic. Lines are 1-based; columns are 1-based and count UTF-16 code units (a
 * character outside the Basic Multilingual Plane counts 2, a tab counts 1), which is what tsc,
 * LSP and SARIF's default {@code utf16CodeUnits} use. Line breaks are those of ECMAScript: LF,
 * CR LF, CR, U+2028 and U+2029. The end is exclusive. Offsets are UTF-16 offsets into the text
 * after a UTF-8 byte order mark, if any.
 */
public final class Problem {
    public final Severity severity;
    public final int code;
    public final String message;
    public final int offset;
    public final int endOffset;
    public final int line;
    public final int column;
    public final int endLine;
    public final int endColumn;
    /** The source line of the start (for code frames), or null when frames are off. */
    final String lineText;
    /** Column of the start within {@link #lineText} (1-based; differs from column when the line was cut). */
    final int frameColumn;
    /** Failure kind for file-level problems, else null. */
    public final Failure failure;

    Problem(Severity severity, int code, String message, int offset, int endOffset,
            int line, int column, int endLine, int endColumn, String lineText, int frameColumn, Failure failure) {
        this.severity = severity;
        this.code = code;
        this.message = message;
        this.offset = offset;
        this.endOffset = endOffset;
        this.line = line;
        this.column = column;
        this.endLine = endLine;
        this.endColumn = endColumn;
        this.lineText = lineText;
        this.frameColumn = frameColumn;
        this.failure = failure;
    }

    /** A file-level problem, reported at 1:1. */
    static Problem of(Failure failure, String message) {
        return new Problem(failure.severity, failure.code, message, 0, 0, 1, 1, 1, 1, null, 0, failure);
    }

    public boolean isError() { return severity == Severity.ERROR; }
}
