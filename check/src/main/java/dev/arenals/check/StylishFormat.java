package dev.arenals.check;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code --format stylish} (the default): problems grouped under their file, one aligned line
 * each ({@code line:column  severity  message  code}). With code frames (on a terminal) each line
 * is followed by the source line and a caret under the span; with colour, ANSI escapes.
 */
final class StylishFormat {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD_UNDERLINE = "\u001b[1m\u001b[4m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String DIM = "\u001b[2m";
    private static final int MAX_MESSAGE_PAD = 72;

    private StylishFormat() {}

    static void write(Report report, Writer out, boolean color, boolean frames) throws IOException {
        boolean firstGroup = true;
        for (FileReport r : report.entries) {
            if (r.problems.isEmpty()) continue;
            if (!firstGroup && !frames) out.write('\n');
            firstGroup = false;
            out.write(color ? BOLD_UNDERLINE + r.path + RESET : r.path);
            out.write('\n');
            int posWidth = 0;
            int sevWidth = 0;
            int msgWidth = 0;
            for (Problem p : r.problems) {
                posWidth = Math.max(posWidth, (p.line + ":" + p.column).length());
                sevWidth = Math.max(sevWidth, p.severity.word.length());
                msgWidth = Math.max(msgWidth, Math.min(MAX_MESSAGE_PAD, p.message.length()));
            }
            for (Problem p : r.problems) {
                StringBuilder sb = new StringBuilder("  ");
                pad(sb, p.line + ":" + p.column, posWidth, color ? DIM : null);
                sb.append("  ");
                pad(sb, p.severity.word, sevWidth, color ? (p.isError() ? RED : YELLOW) : null);
                sb.append("  ");
                String message = LineFormats.oneLine(p.message);
                pad(sb, message, msgWidth, null);
                sb.append("  ");
                String code = "TS" + p.code;
                sb.append(color ? DIM + code + RESET : code);
                trimEnd(sb);
                sb.append('\n');
                if (frames && p.lineText != null) frame(sb, p, color);
                if (frames) sb.append('\n'); // a blank line after each framed problem
                out.write(sb.toString());
            }
        }
    }

    /** The source line, and a caret line under the span (at least one caret, at most to the line's end). */
    private static void frame(StringBuilder sb, Problem p, boolean color) {
        String num = Integer.toString(p.line);
        String gutter = " ".repeat(num.length());
        sb.append("  ").append(color ? DIM : "").append(num).append(" | ").append(color ? RESET : "");
        sb.append(p.lineText).append('\n');
        sb.append("  ").append(color ? DIM : "").append(gutter).append(" | ").append(color ? RESET : "");
        String line = p.lineText;
        int col = Math.max(1, Math.min(p.frameColumn, line.length() + 1));
        for (int i = 0; i < col - 1; i++) sb.append(line.charAt(i) == '\t' ? '\t' : ' ');
        int span = p.endLine == p.line ? p.endColumn - p.column : line.length() - (col - 1);
        span = Math.max(1, Math.min(span, Math.max(1, line.length() - (col - 1))));
        if (color) sb.append(p.isError() ? RED : YELLOW);
        sb.append("^".repeat(span));
        if (color) sb.append(RESET);
        sb.append('\n');
    }

    private static void pad(StringBuilder sb, String s, int width, String color) {
        if (color != null) sb.append(color).append(s).append(RESET);
        else sb.append(s);
        for (int i = s.length(); i < width; i++) sb.append(' ');
    }

    private static void trimEnd(StringBuilder sb) {
        int n = sb.length();
        while (n > 0 && sb.charAt(n - 1) == ' ') n--;
        sb.setLength(n);
    }
}
