package dev.arenals.server.protocol;

import dev.arenals.parser.LineStarts;
import dev.arenals.server.document.TextBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * <p>Only the plain case is taken: {@code params.textDocument.text} found once on that path, keys
 * without escapes, the string well-formed UTF-8 without raw control characters, and the rest of
 * the message (the text replaced by {@code ""}) read by LSP4J as a didOpen whose text is that
 * {@code ""}. Anything else returns null and the frame is read the usual way, so what a client
 * sees never depends on which path read its message.
 *
 * <p>The frame reader now decodes a large didOpen as it arrives ({@link StreamedDidOpen}, which uses
 * this class's walk and its reading of the rest); {@link #read} decodes a body that was stored whole.
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
        try {
            Found found = new Found();
            int i = skipBlanks(body, 0, n);
            if (i >= n || body[i] != '{') return null;
            if (walkObject(body, i, n, 0, found) < 0 || found.text == null) return null;
            dev.arenals.server.document.OpenTrace.mark("text decoded");
            // the rest of the message with the text as "": LSP4J reads uri, languageId, version and method
            byte[] rest = new byte[n - (found.textEnd - found.textStart)];
            System.arraycopy(body, 0, rest, 0, found.textStart);
            System.arraycopy(body, found.textEnd, rest, found.textStart, n - found.textEnd);
            return withText(rest, json, found.text, LineStarts.ofStarts(found.lineStarts, found.lineCount, LineStarts.Terminators.LSP));
        } catch (RuntimeException e) {
            return null; // the usual path reads it and reports what is wrong with it
        }
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
        return walkObject(rest, i, n, 0, found) >= 0 && found.text != null && found.textStart == textAt && found.textEnd == textAt;
    }

    /** {@link #walkObject}'s result when {@link Found#locateOnly} and the text's contents were reached. */
    private static final int LOCATED = Integer.MIN_VALUE;

    /**
     * Where the text's string contents are ({@code [textStart, textEnd)}, inside the quotes), what
     * they decode to, and the decoded text's line starts ({@link LineStarts.Terminators#LSP}).
     */
    private static final class Found {
        /** Stop at the text's opening quote ({@link #LOCATED}, {@code textStart} set) instead of decoding it. */
        boolean locateOnly;
        TextBuffer text;
        int textStart, textEnd;
        int[] lineStarts;
        int lineCount;
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
                    if (found.locateOnly) {
                        found.textStart = i + 1;
                        return LOCATED;
                    }
                    i = decodeString(b, i, n, found);
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

    /**
     * Decodes the string at {@code b[q] == '"'} into a buffer with room for an eighth more, at most
     * {@link #ROOM_CHARS} (so that a first edit need not copy it whole), and finds its line starts on the way:
     * a JSON string holds no raw line breaks, so every one arrives as an escape ({@code \n},
     * {@code \r}, {@code \u000a}, {@code \u000d}) and the document need not scan its text again
     * for them (a pass of ~30 ms over typescript.js's 9 MB in a cold server). Returns the index after
     * the closing quote, or -1 for anything but well-formed UTF-8 and JSON escapes without raw
     * control characters.
     */
    private static int decodeString(byte[] b, int q, int n, Found found) {
        int i = q + 1;
        int most = n - i; // chars never outnumber the bytes
        char[] out = new char[most + Math.min(most >>> 3, ROOM_CHARS) + 16];
        int o = 0;
        int[] starts = new int[(most >>> 6) + 16]; // a line per 64 bytes, grown by half: the document keeps this array
        starts[0] = 0;
        int lines = 1;
        while (true) {
            // printable ASCII, most of any source file, in a tight loop
            int c;
            while (i < n && (c = b[i]) >= 0x20 && c != '"' && c != '\\') {
                out[o++] = (char) c;
                i++;
            }
            if (i >= n) return -1;
            c = b[i] & 0xff;
            if (c == '"') break;
            if (c == '\\') {
                if (i + 1 >= n) return -1;
                int e = b[i + 1];
                i += 2;
                char decoded;
                switch (e) {
                    case '"': decoded = '"'; break;
                    case '\\': decoded = '\\'; break;
                    case '/': decoded = '/'; break;
                    case 'b': decoded = '\b'; break;
                    case 'f': decoded = '\f'; break;
                    case 'n': decoded = '\n'; break;
                    case 'r': decoded = '\r'; break;
                    case 't': decoded = '\t'; break;
                    case 'u': {
                        if (i + 4 > n) return -1;
                        int v = 0;
                        for (int k = 0; k < 4; k++) {
                            int h = hex(b[i + k]);
                            if (h < 0) return -1;
                            v = v << 4 | h;
                        }
                        decoded = (char) v; // a surrogate pair arrives as two escapes, each one char
                        i += 4;
                        break;
                    }
                    default: return -1;
                }
                if (decoded == '\n' || decoded == '\r') {
                    // a line starts after it; \r\n is one terminator: the start after its \r moves past the \n
                    if (decoded == '\n' && o > 0 && out[o - 1] == '\r') {
                        starts[lines - 1] = o + 1;
                    } else {
                        if (lines == starts.length) starts = Arrays.copyOf(starts, lines + (lines >>> 1) + 16);
                        starts[lines++] = o + 1;
                    }
                }
                out[o++] = decoded;
                continue;
            }
            if (c < 0x80) return -1; // a raw control character
            // a multi-byte UTF-8 sequence, checked as strictly as the JDK's decoder
            if (c >= 0xc2 && c <= 0xdf) {
                if (i + 1 >= n || !continuation(b[i + 1])) return -1;
                out[o++] = (char) ((c & 0x1f) << 6 | (b[i + 1] & 0x3f));
                i += 2;
            } else if (c >= 0xe0 && c <= 0xef) {
                if (i + 2 >= n || !continuation(b[i + 1]) || !continuation(b[i + 2])) return -1;
                int b1 = b[i + 1] & 0xff;
                if ((c == 0xe0 && b1 < 0xa0) || (c == 0xed && b1 > 0x9f)) return -1; // overlong, or a surrogate
                out[o++] = (char) ((c & 0x0f) << 12 | (b1 & 0x3f) << 6 | (b[i + 2] & 0x3f));
                i += 3;
            } else if (c >= 0xf0 && c <= 0xf4) {
                if (i + 3 >= n || !continuation(b[i + 1]) || !continuation(b[i + 2]) || !continuation(b[i + 3])) return -1;
                int b1 = b[i + 1] & 0xff;
                if ((c == 0xf0 && b1 < 0x90) || (c == 0xf4 && b1 > 0x8f)) return -1; // overlong, or past U+10FFFF
                int cp = (c & 0x07) << 18 | (b1 & 0x3f) << 12 | (b[i + 2] & 0x3f) << 6 | (b[i + 3] & 0x3f);
                out[o++] = Character.highSurrogate(cp);
                out[o++] = Character.lowSurrogate(cp);
                i += 4;
            } else {
                return -1;
            }
        }
        found.text = new TextBuffer(out, o);
        found.lineStarts = starts;
        found.lineCount = lines;
        found.textStart = q + 1;
        found.textEnd = i;
        return i + 1;
    }

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
