package dev.arenals.check;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code --format checkstyle}: Checkstyle's XML report, which Jenkins (Warnings NG), reviewdog,
 * SonarQube and many CI tools read: {@code <checkstyle>}, one {@code <file name="PATH">} per path
 * (clean files too, as Checkstyle and ESLint list them), one {@code <error>} per diagnostic with
 * {@code line}, {@code column} (UTF-16, 1-based), {@code severity} ({@code error} or
 * {@code warning}), {@code message} and {@code source} {@code arena-ls.TS<code>}.
 */
final class CheckstyleFormat {
    private CheckstyleFormat() {}

    /** The Checkstyle report version this layout follows (what ESLint's formatter writes too). */
    static final String VERSION = "4.3";

    static void write(Report report, Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<checkstyle version=\"" + VERSION + "\">\n");
        for (FileReport r : report.entries) {
            out.write("  <file name=\"" + JunitFormat.attr(r.path) + "\"");
            if (r.problems.isEmpty()) {
                out.write("/>\n");
                continue;
            }
            out.write(">\n");
            for (Problem p : r.problems) {
                out.write("    <error line=\"" + p.line + "\" column=\"" + p.column + "\" severity=\""
                        + (p.isError() ? "error" : "warning") + "\" message=\"" + JunitFormat.attr(p.message)
                        + "\" source=\"arena-ls.TS" + p.code + "\"/>\n");
            }
            out.write("  </file>\n");
        }
        out.write("</checkstyle>\n");
    }
}
