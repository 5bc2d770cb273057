package dev.arenals.server.testing;

import dev.arenals.server.document.Document;
import dev.arenals.server.document.ParseTools;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.document.SerialQueue;
import org.eclipse.lsp4j.Position;

/** Documents parsed on the calling thread, for handler tests without the protocol. */
public final class Docs {
    private Docs() {}

    public static Document parsed(String uri, String text) {
        Document doc = new Document(uri, null, 1, text, PositionEncoding.UTF16, new SerialQueue(Runnable::run, null, t -> { throw new AssertionError(t); }));
        doc.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
        return doc;
    }

    public static Document parsed(String text) { return parsed("file:///test.js", text); }

    /** The position of the n-th (0-based) occurrence of {@code word}, plus {@code delta} chars. */
    public static Position at(Document doc, String word, int n, int delta) {
        String text = doc.text();
        int i = -1;
        for (int k = 0; k <= n; k++) {
            i = text.indexOf(word, i + 1);
            if (i < 0) throw new AssertionError(word + " #" + n + " not found");
        }
        return doc.positionAt(i + delta);
    }
}
