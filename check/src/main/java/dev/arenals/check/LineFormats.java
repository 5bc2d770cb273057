package dev.arenals.check;

import java.io.IOException;
import java.io.Writer;

/** The one-line-per-diagnostic formats: {@code tsc} and {@code github}. */
final class LineFormats {
    private LineFormats() {}

    /** {@code path(line,col): error TS1005: message}, as tsc prints (VS Code's $tsc matcher reads it). */
    static void tsc(Report report, Writer out) throws IOException {
        for (FileReport r : report.entries) {
            for (Problem p : r.problems) {
                out.write(r.path);
                out.write('(' + Integer.toString(p.line) + ',' + p.column + "): ");
                out.write(p.severity.word);
                out.write(" TS" + p.code + ": ");
                out.write(oneLine(p.message));
                out.write('\n');
            }
        }
    }

    /**
     * GitHub Actions workflow commands, one per diagnostic:
     * {@code ::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=TS1005::MESSAGE}.
     * Property values escape {@code % CR LF : ,}; the message escapes {@code % CR LF}.
     */
    static void github(Report report, Writer out) throws IOException {
        for (FileReport r : report.entries) {
            for (Problem p : r.problems) {
                out.write("::");
                out.write(p.severity.word);
                out.write(" file=" + property(r.path));
                out.write(",line=" + p.line + ",col=" + p.column);
                out.write(",endLine=" + p.endLine + ",endColumn=" + p.endColumn);
                out.write(",title=" + property("TS" + p.code));
                out.write("::");
                out.write(data(p.message));
                out.write('\n');
            }
        }
    }

    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    static String oneLine(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
