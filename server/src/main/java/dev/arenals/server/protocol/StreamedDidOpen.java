package dev.arenals.server.protocol;

import dev.arenals.parser.LineStarts;
import dev.arenals.server.document.TextBuffer;
import java.util.Arrays;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;

/**
 * A large frame's body as it arrives, read as a didOpen whose text is decoded chunk by chunk into
 * the char array the document will keep: the body's bytes are never stored whole. {@link
 * DidOpenText} decoded a stored body after it had come; the body's array (lib.dom.d.ts: 2.4 MB,
 * typescript.js: 9.4 MB, and the arrays it grew through) was then the open's largest garbage, and a
 * young collection while it was still reachable copied it into the old generation, resident until
 * a full collection: one of the causes of lib.dom.d.ts's peak RSS moving by 1–2 MB from run to run
 * (docs/performance-comparison.md, "Issue 22, eighteenth session"). Decoding while reading also
 * does the decode while the client is still writing, instead of after.
 *
 * <p>The bytes before the text (the head) and after it (the tail) are kept; the text's contents go
 * through a strict decoder (the JSON escapes, printable ASCII, well-formed UTF-8). The message is
 * taken only when, at the end, the head and tail are the plain case of {@link DidOpenText} with the
 * text where it was decoded. Anything else — no text found near the start, a byte the decoder does
 * not take, the frame reader needing the bytes (a body that ends early or holds a header), a rest
 * LSP4J does not read as a didOpen — turns the stream back into the body's exact bytes ({@link
 * #rawBody}): the decoded text is written back as it was written (every escape other than
 * {@code \" \\ \n \r \t} is recorded where it was), and the body then goes the usual way. What a
 * client sees never depends on which path read its message.
 */
final class StreamedDidOpen {
    /** The text must start within this many bytes of the body (clients write it after uri, languageId, version). */
    static final int MAX_HEAD = 16 << 10;

    private static final int HEAD = 0, TEXT = 1, TAIL = 2, RAW = 3;
    private int state = HEAD;
    private final int length;

    /** The body's bytes before the text's contents (up to its opening quote); while in HEAD, everything so far. */
    private byte[] head = new byte[1024];
    private int headLength;
    /** From the text's closing quote on. */
    private byte[] tail = new byte[64];
    private int tailLength;
    /** The body's bytes, once the stream gave up on the text (state RAW). */
    private byte[] raw;
    private int rawLength;

    // the text, decoded
    private char[] out;
    private int o;
    private int[] starts;
    private int lines;
    /** A sequence (escape or UTF-8) cut by the end of a chunk: its bytes so far. */
    private final byte[] pending = new byte[6];
    private int pendingLength;
    /**
     * The escapes that decode to a char the re-encoding would write otherwise: at which char, and
     * what was written ({@code \/ \b \f}: the letter; {@code \\uXXXX}: the four hex digits' bytes).
     */
    private int[] escapeAt = new int[16], escapeWritten = new int[16];
    private int escapes;

    StreamedDidOpen(int length) {
        this.length = length;
    }

    /** Takes the body's next bytes, {@code b[from, to)}. */
    void accept(byte[] b, int from, int to) {
        while (from < to) {
            switch (state) {
                case HEAD: {
                    int n = Math.min(to - from, MAX_HEAD + 1 - headLength);
                    head = grow(head, headLength + n);
                    System.arraycopy(b, from, head, headLength, n);
                    headLength += n;
                    from += n;
                    int at = DidOpenText.locateText(head, headLength);
                    if (at >= 0) {
                        int already = headLength - at; // the text's first bytes came with the head
                        headLength = at;
                        startText();
                        if (already > 0) {
                            byte[] first = Arrays.copyOfRange(head, at, at + already);
                            acceptText(first, 0, already);
                        }
                    } else if (headLength > MAX_HEAD) {
                        toRaw();
                    }
                    break;
                }
                case TEXT:
                    from = acceptText(b, from, to);
                    break;
                case TAIL:
                    tail = grow(tail, tailLength + to - from);
                    System.arraycopy(b, from, tail, tailLength, to - from);
                    tailLength += to - from;
                    from = to;
                    break;
                default:
                    appendRaw(b, from, to);
                    from = to;
                    break;
            }
        }
    }

    /** Takes one byte of the body. */
    void accept(int c) {
        pending1[0] = (byte) c;
        accept(pending1, 0, 1);
    }
    private final byte[] pending1 = new byte[1];

    /**
     * The message with its text decoded, when the body was the plain case; null otherwise (then
     * {@link #rawBody} has the body for the usual path).
     */
    Message finish(MessageJsonHandler json) {
        if (state != TAIL) return null;
        try {
            byte[] rest = Arrays.copyOf(head, headLength + tailLength);
            System.arraycopy(tail, 0, rest, headLength, tailLength);
            if (!DidOpenText.plainWithTextAt(rest, rest.length, headLength)) return null;
            return DidOpenText.withText(rest, json, new TextBuffer(out, o), LineStarts.ofStarts(starts, lines, LineStarts.Terminators.LSP));
        } catch (RuntimeException e) {
            return null; // the usual path reads it and reports what is wrong with it
        }
    }

    /** The body's bytes so far, exactly as they came (the stream takes raw bytes from here on). */
    byte[] rawBody() {
        toRaw();
        return raw;
    }

    /** How many of {@link #rawBody}'s bytes are the body's. */
    int rawLength() { return rawLength; }

    // ------------------------------------------------------------------ the text

    private void startText() {
        state = TEXT;
        out = new char[Math.min(DidOpenText.ROOM_CHARS, fullChars())];
        starts = new int[1024];
        starts[0] = 0;
        lines = 1;
    }

    /**
     * The most chars the text can have (a char per byte of what is left of the declared length)
     * plus the room a decoded text keeps: at most {@link DidOpenText#ROOM_CHARS}, an eighth of a small one
     * (so that a first edit need not copy it whole).
     */
    private int fullChars() {
        int most = length - headLength;
        return most + Math.min(most >>> 3, DidOpenText.ROOM_CHARS) + 16;
    }

    /**
     * Room for {@code needed} chars: the array doubles until a thirty-second of the full size, or
     * half a million chars, then takes the full size (a declared length that is never sent costs
     * what {@link FrameReader#grownBodyLength} allows a body), and the line table its guess of a
     * line per 64 bytes.
     */
    private void ensureOut(int needed) {
        if (needed <= out.length) return;
        int full = fullChars();
        int size = FrameReader.grownBodyLength(out.length, needed, full);
        out = Arrays.copyOf(out, Math.max(size, needed));
        if (out.length == full && starts.length < (full >>> 6) + 16) starts = Arrays.copyOf(starts, Math.max((full >>> 6) + 16, lines + 16));
    }

    /** Decodes {@code b[from, to)}; returns where it stopped (to, or after the closing quote, which then starts the tail). */
    private int acceptText(byte[] b, int from, int to) {
        ensureOut(o + (to - from) + pendingLength + 2);
        if (pendingLength > 0) {
            // complete the cut sequence a byte at a time
            while (from < to) {
                pending[pendingLength++] = b[from++];
                int r = decodeOne(pending, 0, pendingLength);
                if (r == MORE) continue;
                if (r == BAD) {
                    giveUp(b, from, to); // the pending bytes are written back by toRaw
                    return to;
                }
                pendingLength = 0; // a pending sequence starts with a backslash or a lead byte: never the closing quote
                break;
            }
            if (pendingLength > 0) return to;
        }
        char[] chars = out;
        int i = from;
        while (i < to) {
            // printable ASCII, most of any source file, in a tight loop
            int c;
            int k = o;
            while (i < to && (c = b[i]) >= 0x20 && c != '"' && c != '\\') {
                chars[k++] = (char) c;
                i++;
            }
            o = k;
            if (i >= to) break;
            int r = decodeOne(b, i, to);
            if (r == MORE) {
                System.arraycopy(b, i, pending, 0, to - i);
                pendingLength = to - i;
                return to;
            }
            if (r == END) return endText(b, i, to);
            if (r == BAD) {
                pendingLength = 0;
                giveUp(b, i, to);
                return to;
            }
            i = r;
        }
        return i;
    }

    private static final int MORE = -2, BAD = -1, END = -3;

    /**
     * Decodes the escape or UTF-8 sequence at {@code b[i]} (not printable ASCII) into {@link #out};
     * returns the index after it, {@link #MORE} when it is cut at {@code n}, {@link #END} at the
     * closing quote, {@link #BAD} for what the decoder does not take (then nothing was written). The
     * line table is found here: a JSON string holds no raw line breaks, so every one arrives as an
     * escape ({@code \n}, {@code \r}, {@code \u000a}, {@code \u000d}) and the document need not scan
     * its text again (a pass of ~30 ms over typescript.js's 9 MB in a cold server).
     */
    private int decodeOne(byte[] b, int i, int n) {
        int c = b[i] & 0xff;
        if (c == '"') return END;
        if (c == '\\') {
            if (i + 1 >= n) return MORE;
            int e = b[i + 1];
            char decoded;
            int next = i + 2;
            switch (e) {
                case '"': decoded = '"'; break;
                case '\\': decoded = '\\'; break;
                case 'n': decoded = '\n'; break;
                case 'r': decoded = '\r'; break;
                case 't': decoded = '\t'; break;
                case '/': decoded = '/'; noteEscape(e); break;
                case 'b': decoded = '\b'; noteEscape(e); break;
                case 'f': decoded = '\f'; noteEscape(e); break;
                case 'u': {
                    if (i + 6 > n) return MORE;
                    int v = 0;
                    for (int k = 2; k < 6; k++) {
                        int h = DidOpenText.hex(b[i + k]);
                        if (h < 0) return BAD;
                        v = v << 4 | h;
                    }
                    decoded = (char) v; // a surrogate pair arrives as two escapes, each one char
                    noteEscape((b[i + 2] & 0x7f) << 24 | (b[i + 3] & 0x7f) << 16 | (b[i + 4] & 0x7f) << 8 | (b[i + 5] & 0x7f));
                    next = i + 6;
                    break;
                }
                default: return BAD;
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
            return next;
        }
        if (c < 0x80) return BAD; // a raw control character
        // a multi-byte UTF-8 sequence, checked as strictly as the JDK's decoder
        if (c >= 0xc2 && c <= 0xdf) {
            if (i + 1 >= n) return MORE;
            if (!DidOpenText.continuation(b[i + 1])) return BAD;
            out[o++] = (char) ((c & 0x1f) << 6 | (b[i + 1] & 0x3f));
            return i + 2;
        }
        if (c >= 0xe0 && c <= 0xef) {
            if (i + 1 < n && !DidOpenText.continuation(b[i + 1])) return BAD;
            if (i + 2 >= n) return MORE;
            if (!DidOpenText.continuation(b[i + 2])) return BAD;
            int b1 = b[i + 1] & 0xff;
            if ((c == 0xe0 && b1 < 0xa0) || (c == 0xed && b1 > 0x9f)) return BAD; // overlong, or a surrogate
            out[o++] = (char) ((c & 0x0f) << 12 | (b1 & 0x3f) << 6 | (b[i + 2] & 0x3f));
            return i + 3;
        }
        if (c >= 0xf0 && c <= 0xf4) {
            for (int k = 1; k < 4 && i + k < n; k++) if (!DidOpenText.continuation(b[i + k])) return BAD;
            if (i + 3 >= n) return MORE;
            int b1 = b[i + 1] & 0xff;
            if ((c == 0xf0 && b1 < 0x90) || (c == 0xf4 && b1 > 0x8f)) return BAD; // overlong, or past U+10FFFF
            int cp = (c & 0x07) << 18 | (b1 & 0x3f) << 12 | (b[i + 2] & 0x3f) << 6 | (b[i + 3] & 0x3f);
            out[o++] = Character.highSurrogate(cp);
            out[o++] = Character.lowSurrogate(cp);
            return i + 4;
        }
        return BAD;
    }

    /** Records that the char about to be written at {@link #o} came from an escape written as {@code written}. */
    private void noteEscape(int written) {
        if (escapes == escapeAt.length) {
            escapeAt = Arrays.copyOf(escapeAt, escapes * 2);
            escapeWritten = Arrays.copyOf(escapeWritten, escapes * 2);
        }
        escapeAt[escapes] = o;
        escapeWritten[escapes++] = written;
    }

    /** The closing quote at {@code b[i]}: the tail starts with it. */
    private int endText(byte[] b, int i, int to) {
        state = TAIL;
        tail = grow(tail, to - i);
        System.arraycopy(b, i, tail, 0, to - i);
        tailLength = to - i;
        return to;
    }

    /** A byte the decoder does not take at {@code b[i]}: the body so far back to bytes, then {@code b[i, to)} raw. */
    private void giveUp(byte[] b, int i, int to) {
        toRaw();
        appendRaw(b, i, to);
    }

    // ------------------------------------------------------------------ back to bytes

    /** Writes the body so far back as the bytes that came: the head, the text as it was written, what is pending, the tail. */
    private void toRaw() {
        if (state == RAW) return;
        int decodedBytes = 0;
        if (state != HEAD) {
            for (int i = 0, e = 0; i < o; i++) {
                char c = out[i];
                if (e < escapes && escapeAt[e] == i) {
                    decodedBytes += escapeWritten[e] < 0x80 ? 2 : 6;
                    e++;
                } else if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t') {
                    decodedBytes += 2;
                } else if (c < 0x80) {
                    decodedBytes++;
                } else if (c < 0x800) {
                    decodedBytes += 2;
                } else if (Character.isHighSurrogate(c)) {
                    decodedBytes += 4; // with its low surrogate: they came as one 4-byte sequence
                    i++;
                } else {
                    decodedBytes += 3;
                }
            }
        }
        int size = headLength + decodedBytes + pendingLength + tailLength;
        raw = new byte[FrameReader.grownBodyLength(FrameReader.FIRST_BODY_BYTES, size, length)];
        System.arraycopy(head, 0, raw, 0, headLength);
        int r = headLength;
        if (state != HEAD) {
            for (int i = 0, e = 0; i < o; i++) {
                char c = out[i];
                if (e < escapes && escapeAt[e] == i) {
                    int w = escapeWritten[e++];
                    raw[r++] = '\\';
                    if (w < 0x80) {
                        raw[r++] = (byte) w;
                    } else {
                        raw[r++] = 'u';
                        raw[r++] = (byte) (w >>> 24);
                        raw[r++] = (byte) (w >>> 16);
                        raw[r++] = (byte) (w >>> 8);
                        raw[r++] = (byte) w;
                    }
                } else if (c == '"' || c == '\\') {
                    raw[r++] = '\\';
                    raw[r++] = (byte) c;
                } else if (c == '\n' || c == '\r' || c == '\t') {
                    raw[r++] = '\\';
                    raw[r++] = (byte) (c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
                } else if (c < 0x80) {
                    raw[r++] = (byte) c;
                } else if (c < 0x800) {
                    raw[r++] = (byte) (0xc0 | c >> 6);
                    raw[r++] = (byte) (0x80 | c & 0x3f);
                } else if (Character.isHighSurrogate(c)) {
                    int cp = Character.toCodePoint(c, out[++i]);
                    raw[r++] = (byte) (0xf0 | cp >> 18);
                    raw[r++] = (byte) (0x80 | cp >> 12 & 0x3f);
                    raw[r++] = (byte) (0x80 | cp >> 6 & 0x3f);
                    raw[r++] = (byte) (0x80 | cp & 0x3f);
                } else {
                    raw[r++] = (byte) (0xe0 | c >> 12);
                    raw[r++] = (byte) (0x80 | c >> 6 & 0x3f);
                    raw[r++] = (byte) (0x80 | c & 0x3f);
                }
            }
            System.arraycopy(pending, 0, raw, r, pendingLength);
            r += pendingLength;
            System.arraycopy(tail, 0, raw, r, tailLength);
            r += tailLength;
        }
        rawLength = r;
        state = RAW;
        head = null;
        tail = null;
        out = null;
        starts = null;
        escapeAt = escapeWritten = null;
    }

    private void appendRaw(byte[] b, int from, int to) {
        int needed = rawLength + to - from;
        if (needed > raw.length) raw = Arrays.copyOf(raw, FrameReader.grownBodyLength(raw.length, needed, length));
        System.arraycopy(b, from, raw, rawLength, to - from);
        rawLength = needed;
    }

    private static byte[] grow(byte[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, a.length * 2));
    }
}
