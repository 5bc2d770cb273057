package dev.arenals.check;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code --format junit}: JUnit XML as CI servers read it (Jenkins, GitLab, Azure, the JUnit
 * report actions): one {@code <testsuite>}, one {@code <testcase>} per path. A file with errors
 * has a {@code <failure>}; a file that could not be read has an {@code <error>}; warnings alone
 * pass and are listed in {@code <system-out>}. No timestamps or durations, so the report is
 * deterministic.
 */
final class JunitFormat {
    private JunitFormat() {}

    static void write(Report report, Writer out) throws IOException {
        int tests = report.entries.size();
        int failures = 0;
        int errors = 0;
        for (FileReport r : report.entries) {
            if (isError(r)) errors++;
            else if (r.errors > 0) failures++;
        }
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        String counts = " tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"" + errors + "\"";
        out.write("<testsuites name=\"arena-ls check\"" + counts + ">\n");
        out.write("  <testsuite name=\"arena-ls check\"" + counts + " skipped=\"0\">\n");
        for (FileReport r : report.entries) {
            out.write("    <testcase classname=\"arena-ls.check\" name=\"" + attr(r.path) + "\"");
            if (r.problems.isEmpty()) {
                out.write("/>\n");
                continue;
            }
            out.write(">\n");
            StringBuilder body = new StringBuilder();
            for (Problem p : r.problems) {
                body.append(r.path).append('(').append(p.line).append(',').append(p.column).append("): ")
                        .append(p.severity.word).append(" TS").append(p.code).append(": ").append(p.message).append('\n');
            }
            if (isError(r)) {
                Problem first = r.problems.get(0);
                out.write("      <error type=\"" + attr(first.failure.id) + "\" message=\"" + attr(first.message) + "\">");
                out.write(text(body.toString()));
                out.write("</error>\n");
            } else if (r.errors > 0) {
                Problem first = null;
                for (Problem p : r.problems) if (p.isError()) { first = p; break; }
                String message = r.errors + (r.errors == 1 ? " error" : " errors") + ", first: " + first.message
                        + " (line " + first.line + ", column " + first.column + ")";
                out.write("      <failure type=\"TS" + first.code + "\" message=\"" + attr(message) + "\">");
                out.write(text(body.toString()));
                out.write("</failure>\n");
            } else {
                out.write("      <system-out>");
                out.write(text(body.toString()));
                out.write("</system-out>\n");
            }
            out.write("    </testcase>\n");
        }
        out.write("  </testsuite>\n");
        out.write("</testsuites>\n");
    }

    /** Could not be checked because of I/O (or an internal error): a JUnit "error", not a "failure". */
    private static boolean isError(FileReport r) {
        Failure f = r.failure();
        return f != null && f.io;
    }

    static String attr(String s) {
        return escape(s, true);
    }

    static String text(String s) {
        return escape(s, false);
    }

    /** XML 1.0 escaping; characters XML cannot carry become U+FFFD. */
    private static String escape(String s, boolean attribute) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': sb.append("&amp;"); continue;
                case '<': sb.append("&lt;"); continue;
                case '>': sb.append("&gt;"); continue;
                case '"': if (attribute) { sb.append("&quot;"); continue; } break;
                case '\n': if (attribute) { sb.append("&#10;"); continue; } break;
                case '\r': sb.append("&#13;"); continue;
                case '\t': if (attribute) { sb.append("&#9;"); continue; } break;
                default: break;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if ((c < 0x20 && c != '\n' && c != '\t') || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
