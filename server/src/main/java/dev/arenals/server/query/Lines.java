package dev.arenals.server.query;

import dev.arenals.server.document.Document;
import dev.arenals.server.document.PositionEncoding;

/**
 * Lines and columns of a document's current text for features that convert many sorted offsets at
 * once (semantic tokens, folding): the one place they read the document's line index, so a change
 * to how lines are stored touches this class only.
 */
public final class Lines {
    private final Document doc;
    private final char[] text;
    private final PositionEncoding encoding;

    public Lines(Document doc) {
        this.doc = doc;
        this.text = doc.chars();
        this.encoding = doc.encoding();
    }

    public int lineCount() { return doc.lines().lineCount(); }
    public int lineOf(int offset) { return doc.lines().lineOf(offset); }
    public int lineStart(int line) { return doc.lines().lineStart(line); }
    public boolean isUtf16() { return encoding == PositionEncoding.UTF16; }

    /** Units of the negotiated encoding in text[from, to) (both on one line, at character boundaries). */
    public int units(int from, int to) { return encoding == PositionEncoding.UTF16 ? to - from : encoding.columnOf(text, from, to); }

    /** The column of {@code offset} in the negotiated encoding. */
    public int column(int offset) {
        int start = lineStart(lineOf(offset));
        return units(start, offset);
    }
}
