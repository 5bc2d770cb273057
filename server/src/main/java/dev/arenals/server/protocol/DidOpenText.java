package dev.arenals.server.protocol;

import dev.arenals.parser.LineStarts;
import dev.arenals.server.document.TextBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;

/**
 * Reads a large {@code didOpen}'s text straight from the frame's UTF-8 bytes into the char array
 * the document will keep, instead of through a String of the frame, Gson's growing builder, a
 * String of the text and the document's copy of it: for lib.dom.d.ts (2.4 MB) those were ~9 MB of
 * short-lived arrays and, in a cold JVM, most of the ~220 ms of CPU between the frame's arrival
 * and the start of the parse (docs/performance-comparison.md, "Issue 22, twelfth session").
 *
 * <p>Only the plain case is taken: {@code params.textDocument.text} found once on that path (its
 * string starting in the body's first {@value StreamedDidOpen#MAX_HEAD} bytes), keys
 * without escapes, the string well-formed UTF-8 without raw control characters, and the rest of
 * the message (the text replaced by {@code ""}) read by LSP4J as a didOpen whose text is that
 * {@code ""}. Anything else returns null and the frame is read the usual way, so what a client
 * sees never depends on which path read its message.
 *
 * <p>The decoding is {@link StreamedDidOpen}'s, which the frame reader feeds a large body as it
 * arrives; this class finds where the text starts, checks the rest of the message and has LSP4J read
 * it, and {@link #read} feeds a body stored whole to the same decoder.
 */
final class DidOpenText {
    /** Bodies from this size on are tried: below it the usual path costs little. */
    static final int MIN_BYTES = 64 << 10;

    private static final byte[] PARAMS = bytes("params");
    private static final byte[] TEXT_DOCUMENT = bytes("textDocument");
    private static final byte[] TEXT = bytes("text");

    private DidOpenText() {}

    /** A didOpen's text document whose text was decoded into a buffer, handed to the document once. */
    static final class Item extends TextDocumentItem {
        private TextBuffer buffer;
        private LineStarts lines;
        private String text;

        Item(TextDocumentItem read, TextBuffer buffer, LineStarts lines) {
            super(read.getUri(), read.getLanguageId(), read.getVersion(), "");
            this.buffer = buffer;
            this.lines = lines;
        }

        /** The text's lines as the protocol counts them, found while decoding (null after the first call). */
        LineStarts takeLines() {
            LineStarts l = lines;
            lines = null;
            return l;
        }

        /** The decoded text, for the document to own (null after the first call). */
        TextBuffer takeBuffer() {
            TextBuffer b = buffer;
            buffer = null;
            return b;
        }

        /** The text as a String, made on demand (never, on the server's path: didOpen takes the buffer). */
        @Override
        public String getText() {
            if (text == null) text = buffer == null ? "" : buffer.toString();
            return text;
        }
    }

    /**
     * The didOpen notification in {@code body[0, n)} with its text decoded directly, or null when the
     * body is not the plain case (the caller then reads it the usual way).
     */
    static Message read(byte[] body, int n, MessageJsonHandler json) {
        if (n < MIN_BYTES) return null;
        // one decoder for stored and streamed bodies: the stream's, fed the whole body at once
        StreamedDidOpen stream = new StreamedDidOpen(n);
        stream.accept(body, 0, n);
        return stream.finish(json);
    }

    /**
     * The didOpen in {@code rest} (a message whose text is {@code ""}) read by LSP4J, with its text
     * document's text the given decoded one; null when LSP4J does not read it as such a didOpen.
     */
    static Message withText(byte[] rest, MessageJsonHandler json, TextBuffer text, LineStarts lines) {
        Message message = json.parseMessage(new String(rest, StandardCharsets.UTF_8));
        if (!(message instanceof NotificationMessage)) return null;
        NotificationMessage notification = (NotificationMessage) message;
        if (!"textDocument/didOpen".equals(notification.getMethod())
                || !(notification.getParams() instanceof DidOpenTextDocumentParams)) return null;
        DidOpenTextDocumentParams params = (DidOpenTextDocumentParams) notification.getParams();
        TextDocumentItem item = params.getTextDocument();
        // the placeholder must be what LSP4J read as the text (no other member took its place)
        if (item == null || !"".equals(item.getText())) return null;
        params.setTextDocument(new Item(item, text, lines));
        dev.arenals.server.document.OpenTrace.mark("rest of the message read");
        return notification;
    }

    /**
     * Where the contents of {@code params.textDocument.text} start in {@code b[0, n)} (the index after
     * its opening quote), found by the same walk as {@link #read}'s up to there; -1 when the walk
     * cannot get there (a body cut before it, or one that is not the plain case).
     */
    static int locateText(byte[] b, int n) {
        Found found = new Found();
        found.locateOnly = true;
        int i = skipBlanks(b, 0, n);
        if (i >= n || b[i] != '{') return -1;
        return walkObject(b, i, n, 0, found) == LOCATED ? found.textStart : -1;
    }

    /**
     * Whether {@code rest} (a didOpen's bytes with the text's contents left out) is the plain case
     * with the text's contents at {@code textAt}: the whole walk of {@link #read}, on the rest.
     */
    static boolean plainWithTextAt(byte[] rest, int n, int textAt) {
        Found found = new Found();
        int i = skipBlanks(rest, 0, n);
        if (i >= n || rest[i] != '{') return false;
        return walkObject(rest, i, n, 0, found) >= 0 && found.seen && found.textStart == textAt && found.textEnd == textAt;
    }

    /** {@link #walkObject}'s result when {@link Found#locateOnly} and the text's contents were reached. */
    private static final int LOCATED = Integer.MIN_VALUE;

    /** Where the text's string contents are ({@code [textStart, textEnd)}, inside the quotes). */
    private static final class Found {
        /** Stop at the text's opening quote ({@link #LOCATED}, {@code textStart} set); otherwise the text must be {@code ""}. */
        boolean locateOnly;
        boolean seen;
        int textStart, textEnd;
    }

    /**
     * Walks the object at {@code b[i] == '{'} at {@code level} (0: the message, 1: params,
     * 2: textDocument), following the members on the text's path and skipping the others. Returns
     * the index after the object, or -1 when the body is not the plain case.
     */
    private static int walkObject(byte[] b, int i, int n, int level, Found found) {
        byte[] wanted = level == 0 ? PARAMS : level == 1 ? TEXT_DOCUMENT : TEXT;
        boolean seen = false;
        i = skipBlanks(b, i + 1, n);
        if (i < n && b[i] == '}') return i + 1;
        while (i < n) {
            if (b[i] != '"') return -1;
            int keyStart = i + 1;
            int keyEnd = keyStart;
            while (keyEnd < n && b[keyEnd] != '"') {
                if (b[keyEnd] == '\\') return -1; // an escaped key might spell a wanted one
                keyEnd++;
            }
            if (keyEnd >= n) return -1;
            i = skipBlanks(b, keyEnd + 1, n);
            if (i >= n || b[i] != ':') return -1;
            i = skipBlanks(b, i + 1, n);
            if (i >= n) return -1;
            if (sameKey(b, keyStart, keyEnd, wanted)) {
                if (seen) return -1; // a repeated member: LSP4J takes the last; leave such a body to it
                seen = true;
                if (level < 2) {
                    if (b[i] != '{') return -1;
                    i = walkObject(b, i, n, level + 1, found);
                    if (i == LOCATED) return LOCATED;
                } else {
                    if (b[i] != '"') return -1;
                    found.textStart = i + 1;
                    if (found.locateOnly) return LOCATED;
                    // a rest: the text's contents were taken out, leaving ""
                    if (i + 1 >= n || b[i + 1] != '"') return -1;
                    found.textEnd = i + 1;
                    found.seen = true;
                    i += 2;
                }
            } else {
                i = skipValue(b, i, n);
            }
            if (i < 0) return -1;
            i = skipBlanks(b, i, n);
            if (i >= n) return -1;
            if (b[i] == '}') return i + 1;
            if (b[i] != ',') return -1;
            i = skipBlanks(b, i + 1, n);
        }
        return -1;
    }

    /**
     * Room left in a decoded text's buffer for the edits to come, at most: an eighth of a large file
     * (0.7 MB of lib.dom.d.ts's 5.4, 2.3 MB of typescript.js's) is kept for as long as it is open,
     * and edits rarely add more than a few thousand chars; past it {@link
     * dev.arenals.server.document.TextBuffer} grows by an eighth, copying the text once.
     */
    static final int ROOM_CHARS = 1 << 16;

    /** The index after the value starting at {@code b[i]}, or -1; strings and nesting followed, scalars up to a delimiter. */
    private static int skipValue(byte[] b, int i, int n) {
        int depth = 0;
        while (i < n) {
            int c = b[i];
            if (c == '"') {
                i++;
                while (i < n && b[i] != '"') i += b[i] == '\\' ? 2 : 1;
                if (i >= n) return -1;
                i++;
                if (depth == 0) return i;
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) return i; // the end of the enclosing object: a scalar ended here
                if (--depth == 0) return i + 1;
            } else if (depth == 0 && (c == ',' || isBlank(c))) {
                return i;
            }
            i++;
        }
        return depth == 0 ? i : -1;
    }

    private static boolean sameKey(byte[] b, int from, int to, byte[] key) {
        if (to - from != key.length) return false;
        for (int k = 0; k < key.length; k++) if (b[from + k] != key[k]) return false;
        return true;
    }

    static int skipBlanks(byte[] b, int i, int n) {
        while (i < n && isBlank(b[i])) i++;
        return i;
    }

    private static boolean isBlank(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

    static boolean continuation(byte x) { return (x & 0xc0) == 0x80; }

    static int hex(byte x) {
        if (x >= '0' && x <= '9') return x - '0';
        if (x >= 'a' && x <= 'f') return x - 'a' + 10;
        if (x >= 'A' && x <= 'F') return x - 'A' + 10;
        return -1;
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.US_ASCII); }
}
