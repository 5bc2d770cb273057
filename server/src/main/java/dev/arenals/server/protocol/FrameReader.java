package dev.arenals.server.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Reads LSP frames ({@code Content-Length: N\r\n[Content-Type: …\r\n]\r\n} + N bytes of JSON) and
 * hands their messages to LSP4J, in place of LSP4J's {@code StreamMessageProducer}, which one bad
 * header could leave reading garbage forever: the server alive but deaf (issue 15, bug 5).
 *
 * <p><b>Rule: a malformed frame is never executed, always logged, and the reader finds the next
 * good frame.</b> A request whose id can still be read from a malformed frame is answered with an
 * InvalidRequest error, so the client does not wait for it. How each fault is recovered from:
 * <ul>
 *   <li><b>No usable Content-Length</b> (missing, {@code abc}, {@code -5}, a header line that is not
 *       {@code Name: value} or is over 8 KB, two different lengths): the frame's end is unknown.
 *       If a JSON object follows, its own brackets delimit it (a JSON text is self-delimiting:
 *       track string/escape state and depth). Otherwise the reader skips to the next
 *       {@code Content-Length:}.</li>
 *   <li><b>Content-Length too large</b>: the N bytes would swallow the next frame's header, and
 *       if the client then waits for an answer, the reader would wait for bytes that never come.
 *       So the body's JSON structure is followed while it is read: when the top-level value ends
 *       before N bytes and a non-blank byte follows (or nothing arrives for
 *       {@value #GRACE_MILLIS} ms), the frame was that value; the rest is read as the next frame.
 *       A body that is not one JSON value and stalls after a {@code Content-Length:} appeared in
 *       it (a swallowed header) is given up after {@value #STALL_MILLIS} ms, and reading resumes
 *       at that header.</li>
 *   <li><b>Content-Length too small</b>: the body does not parse; if a {@code Content-Length:}
 *       appears inside it, reading resumes there, else right after it, where the rest of the cut
 *       message is then not a header and is skipped up to the next {@code Content-Length:}.</li>
 *   <li><b>Over {@link #DEFAULT_MAX_CONTENT_LENGTH}</b>: the body is skipped without being
 *       stored (with the same watch for a value that ends early).</li>
 *   <li><b>Content-Type with a charset other than UTF-8</b> (LSP allows only utf-8): the body is
 *       read by its length and rejected.</li>
 *   <li><b>Not a JSON-RPC message</b> (invalid JSON, wrong types): logged; a request with invalid
 *       params is answered by LSP4J's issue handler with its error.</li>
 * </ul>
 * A stray {@code Content-Length:} inside a JSON string could be taken for a header while
 * resynchronising; the frame read from there then fails to parse and the search goes on after
 * it, so a false match costs one more logged frame, never the connection. Bad input is logged as
 * one warning line, never as an exception.
 */
public final class FrameReader implements MessageProducer, Closeable {
    /** Bodies over this are skipped: a 20 MB file (the default size limit) in JSON fits with room. */
    public static final int DEFAULT_MAX_CONTENT_LENGTH = 64 << 20;
    /** A header line longer than this is not a header. */
    static final int MAX_HEADER_LINE = 8 << 10;
    /** How long to wait for more body after a JSON value ended early, before deciding the length was wrong. */
    static final long GRACE_MILLIS = 250;
    /** How long a body that already holds a {@code Content-Length:} may stall before it is given up. */
    static final long STALL_MILLIS = 1000;

    private static final byte[] HEADER_NAME = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final int TIMED_OUT = -2;

    private final InputStream in;
    private final MessageJsonHandler json;
    private final MessageIssueHandler issues;
    private final Consumer<String> warn;
    private final int maxContentLength;
    private volatile boolean running;

    /** Bytes read from {@link #in} and not consumed yet: [pos, limit). Pushed-back bytes go here too. */
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;

    private long framesRead;
    private long framesRejected;

    /**
     * @param issues LSP4J's issue handler (the remote endpoint): answers a request in error
     * @param warn   where a bad frame is reported (the server log: stderr and window/logMessage)
     */
    public FrameReader(InputStream in, MessageJsonHandler json, MessageIssueHandler issues, Consumer<String> warn) {
        this(in, json, issues, warn, DEFAULT_MAX_CONTENT_LENGTH);
    }

    FrameReader(InputStream in, MessageJsonHandler json, MessageIssueHandler issues, Consumer<String> warn, int maxContentLength) {
        this.in = in;
        this.json = json;
        this.issues = issues;
        this.warn = warn;
        this.maxContentLength = maxContentLength;
    }

    /** Frames read, good or bad. */
    public long framesRead() { return framesRead; }
    /** Frames logged as malformed and not executed. */
    public long framesRejected() { return framesRejected; }

    @Override
    public void close() { running = false; }

    /** Reads frames until end of input or {@link #close}; hands each good message to {@code callback}. */
    @Override
    public void listen(MessageConsumer callback) {
        running = true;
        try {
            while (running && readFrame(callback)) {
                // one frame per turn
            }
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (running) warn.accept("the input stream failed: " + e);
        } finally {
            running = false;
        }
    }

    // ------------------------------------------------------------------ frames

    /** Reads and dispatches one frame; false at end of input. */
    private boolean readFrame(MessageConsumer callback) throws IOException {
        int first = skipLineBreaks();
        if (first < 0) return false;
        framesRead++;
        if (first == '{' || first == '[') { // a body with no header at all
            return readUndelimitedBody("a message without a Content-Length header");
        }
        Headers h = readHeaders();
        if (h == null) return false;
        if (h.problem != null) {
            int next = peekAfterBlanks();
            if (next == '{' || next == '[') return readUndelimitedBody(h.problem);
            return resync(h.problem);
        }
        return readBody(callback, h.length, h.charsetProblem);
    }

    /** Parsed header block. {@code problem} non-null when the body's extent is unknown. */
    private static final class Headers {
        long length = -1;
        String problem;
        String charsetProblem;
    }

    /** Reads header lines up to the blank line; null at end of input. */
    private Headers readHeaders() throws IOException {
        Headers h = new Headers();
        byte[] line = new byte[128];
        while (true) {
            int n = 0;
            int c;
            while ((c = read()) >= 0 && c != '\n') {
                if (n == MAX_HEADER_LINE) {
                    unread(new byte[] {(byte) c}, 0, 1);
                    h.problem = "a header line over " + MAX_HEADER_LINE + " bytes";
                    return h;
                }
                if (n == line.length) line = Arrays.copyOf(line, n * 2);
                line[n++] = (byte) c;
            }
            if (c < 0 && n == 0) return null;
            if (n > 0 && line[n - 1] == '\r') n--;
            if (n == 0) break; // the blank line: end of the headers
            String text = new String(line, 0, n, StandardCharsets.ISO_8859_1);
            int colon = text.indexOf(':');
            if (colon <= 0 || !isToken(text, colon)) {
                // not a header: perhaps the rest of a cut message; look again from its second byte
                unread(new byte[] {'\n'}, 0, 1);
                unread(line, 1, n - 1);
                h.problem = "a header line that is not 'Name: value': " + preview(line, 0, n);
                return h;
            }
            String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = text.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                long length = parseLength(value);
                if (length < 0) {
                    h.problem = "Content-Length '" + preview(value) + "' is not a length";
                } else if (h.length >= 0 && h.length != length) {
                    h.problem = "two different Content-Length headers";
                } else {
                    h.length = length;
                }
            } else if (name.equals("content-type")) {
                String charset = charsetOf(value);
                if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8")) {
                    h.charsetProblem = "charset '" + preview(charset) + "' (only utf-8 is supported)";
                }
            }
            if (c < 0) return null;
        }
        if (h.problem == null && h.length < 0) h.problem = "a header without Content-Length";
        return h;
    }

    /**
     * Reads a frame body of {@code length} bytes (see the class comment for the checks on the way).
     * Bytes past {@link #maxContentLength} are counted, not kept: such a body is skipped.
     */
    private boolean readBody(MessageConsumer callback, long length, String charsetProblem) throws IOException {
        boolean traced = dev.arenals.server.document.OpenTrace.ON && length >= DidOpenText.MIN_BYTES;
        if (traced) dev.arenals.server.document.OpenTrace.restart("frame header read");
        int keep = (int) Math.min(length, maxContentLength);
        // a large body is read as a didOpen whose text is decoded as it comes, its bytes not stored
        // (they come back as bytes, exactly, whenever the plain case does not hold)
        StreamedDidOpen stream = length >= DidOpenText.MIN_BYTES && length <= maxContentLength && charsetProblem == null
                ? new StreamedDidOpen(keep) : null;
        byte[] body = stream != null ? null : new byte[Math.min(keep, FIRST_BODY_BYTES)];
        JsonExtent extent = new JsonExtent();
        long read = 0;
        while (read < length) {
            if (!extent.done && !extent.sawHeader && pos < limit) {
                // the usual case, a well-formed body: the buffered bytes go through in one tight loop
                // and one copy (byte by byte, a 2.4 MB didOpen took ~70 ms of the process's CPU in a cold
                // JVM: the loop and its calls interpreted until compiled); the rules are the byte loop's below
                long left = length - read; // a declared length may be near Long.MAX_VALUE: no pos + left
                int take = extent.scan(buf, pos, left < limit - pos ? pos + (int) left : limit, read);
                if (read < keep) {
                    int stored = (int) Math.min(take, keep - read);
                    if (stream != null) {
                        stream.accept(buf, pos, pos + stored);
                    } else {
                        if (read + stored > body.length) body = Arrays.copyOf(body, grownBodyLength(body.length, read + stored, keep));
                        System.arraycopy(buf, pos, body, (int) read, stored);
                    }
                }
                pos += take;
                read += take;
                continue;
            }
            int c = extent.done || extent.sawHeader ? readPolling(extent.done ? GRACE_MILLIS : STALL_MILLIS) : read();
            if (c == TIMED_OUT) {
                if (extent.done) break; // the value ended early and the client waits: the length was too large
                if (stream != null) { // what follows reads the body's bytes
                    body = stream.rawBody();
                    stream = null;
                }
                // stalled after a swallowed header: resume at that header
                framesRejected++;
                warn.accept("bad frame: Content-Length " + length + " is more than was sent (" + read
                        + " bytes, then a new header): skipped " + preview(body, 0, (int) Math.min(extent.headerAt, keep)));
                if (read <= keep) {
                    unread(body, (int) extent.headerAt, (int) (read - extent.headerAt));
                    return true;
                }
                return resync("the rest of an oversized frame");
            }
            if (c < 0) {
                warn.accept("end of input inside a frame body (" + read + " of " + length + " bytes)");
                return false;
            }
            if (extent.done && !isBlank(c)) { // a new frame starts here
                unread(new byte[] {(byte) c}, 0, 1);
                break;
            }
            if (read < keep) {
                if (stream != null) {
                    stream.accept(c); // a byte read alone: the first of a refill, or any after a header seen in the body
                } else {
                    if (read == body.length) body = Arrays.copyOf(body, grownBodyLength(body.length, read + 1, keep));
                    body[(int) read] = (byte) c;
                }
            }
            read++;
            extent.accept(c, read);
        }
        if (stream != null) {
            if (traced) dev.arenals.server.document.OpenTrace.mark("frame body read, its text decoded as it came");
            Message streamed = read == length ? stream.finish(json) : null;
            if (streamed != null) return dispatch(callback, streamed);
            body = stream.rawBody(); // not the plain case: the usual path below, on the body's bytes
            stream = null;
        }
        if (read < length) { // the JSON value ended early: the declared length was too large
            String why = "Content-Length " + length + " is more than the message (" + extent.end + " bytes)";
            if (extent.end <= keep) rejectFrame(why, body, (int) extent.end);
            else warnRejected(why + ", itself over the " + maxContentLength + "-byte limit: skipped");
            return true;
        }
        if (length > maxContentLength) {
            warnRejected("Content-Length " + length + " is over the " + maxContentLength + "-byte limit: skipped");
            return true;
        }
        int n = (int) length;
        if (traced) dev.arenals.server.document.OpenTrace.mark("frame body read");
        if (charsetProblem != null) {
            rejectFrame(charsetProblem, body, n);
            return true;
        }
        // a large didOpen's text goes straight from these bytes into the document's buffer
        Message direct = DidOpenText.read(body, n, json);
        if (direct != null) return dispatch(callback, direct);
        String text = new String(body, 0, n, StandardCharsets.UTF_8);
        Message message;
        try {
            message = json.parseMessage(text);
        } catch (MessageIssueException e) {
            if (e.getRpcMessage() instanceof RequestMessage) {
                issues.handle(e.getRpcMessage(), asInvalidParams(e.getIssues(), text)); // LSP4J answers the request with its error
            } else {
                warn.accept("ignored a message with invalid contents: " + reason(e));
            }
            return true;
        } catch (RuntimeException e) {
            return badBody(body, n, "not a JSON-RPC message (" + reason(e) + ")");
        }
        if (message == null) return badBody(body, n, "an empty message");
        return dispatch(callback, message);
    }

    private boolean dispatch(MessageConsumer callback, Message message) {
        try {
            callback.consume(message);
        } catch (MessageIssueException e) {
            issues.handle(e.getRpcMessage(), e.getIssues());
        } catch (RuntimeException e) { // LSP4J answers requests itself; whatever else escapes must not stop the reader
            warn.accept("a message could not be handled: " + e);
        }
        return true;
    }

    /** A body's first array: a large body starts here and doubles until its declared length is believable. */
    static final int FIRST_BODY_BYTES = 1 << 16;

    /**
     * The body's array grows to the declared length once a thirty-second of it, or half a megabyte,
     * has come (the length is then believable: a 9 MB didOpen made 1, 2, 4 and 8 MB copies on its way,
     * doubling); before that it doubles from {@link #FIRST_BODY_BYTES}. A declared length that is
     * never sent costs at most 32 times what was sent, or the length once half a megabyte came. The
     * arrays left behind are the open's garbage: a first array of 1 MB left lib.dom.d.ts's didOpen
     * (2.4 MB) 1 MB of it, now 192 KB (docs/performance-comparison.md, "Issue 22, seventeenth session").
     */
    static int grownBodyLength(int current, long needed, int keep) {
        long grown = (long) current * 32 >= keep || current >= (1 << 19) ? keep : Math.max(needed, 2L * current);
        return (int) Math.min(Math.max(grown, needed), keep);
    }

    /**
     * LSP4J calls every failure to read a message a ParseError (-32700), even when the JSON is
     * well-formed and only the params do not fit the method ({@code "position": "x"}). JSON-RPC
     * reserves -32700 for text that is not JSON; for well-formed JSON the params were invalid (-32602).
     */
    static List<MessageIssue> asInvalidParams(List<MessageIssue> issues, String text) {
        if (!isJson(text)) return issues;
        List<MessageIssue> out = new java.util.ArrayList<>(issues.size());
        for (MessageIssue issue : issues) {
            if (issue.getIssueCode() == ResponseErrorCode.ParseError.getValue()) {
                out.add(new MessageIssue("invalid params: " + reason(issue.getCause() != null ? issue.getCause() : new RuntimeException(issue.getText())),
                        ResponseErrorCode.InvalidParams.getValue(), issue.getCause()));
            } else {
                out.add(issue);
            }
        }
        return out;
    }

    private static boolean isJson(String text) {
        try {
            JsonParser.parseString(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A body that did not parse. If a header appears inside it, the declared length ran into the
     * next frame: resume there. Else the body is dropped and reading goes on after it.
     */
    private boolean badBody(byte[] body, int n, String why) {
        framesRejected++;
        int header = indexOfHeader(body, 1, n);
        if (header > 0) {
            unread(body, header, n - header);
            warn.accept("bad frame: " + why + "; resuming at the Content-Length found inside it: " + preview(body, 0, header));
        } else {
            warn.accept("bad frame: " + why + ": " + preview(body, 0, n));
        }
        return true;
    }

    /** A body whose extent no header gives: one JSON value, delimited by its own brackets. */
    private boolean readUndelimitedBody(String why) throws IOException {
        byte[] body = new byte[256];
        JsonExtent extent = new JsonExtent();
        int n = 0;
        while (!extent.done) {
            int c = extent.sawHeader ? readPolling(STALL_MILLIS) : read();
            if (c == TIMED_OUT) { // not a JSON value after all (or a cut one): resume at the header seen inside it
                framesRejected++;
                unread(body, (int) extent.headerAt, n - (int) extent.headerAt);
                warn.accept("bad frame: " + why + ", and an unfinished message: skipped " + preview(body, 0, (int) extent.headerAt));
                return true;
            }
            if (c < 0) {
                warn.accept("bad frame at the end of input: " + why);
                return false;
            }
            if (n == body.length) {
                if (n >= maxContentLength) return resync(why + ", over " + maxContentLength + " bytes");
                body = Arrays.copyOf(body, (int) Math.min((long) n * 2, maxContentLength));
            }
            body[n++] = (byte) c;
            extent.accept(c, n);
        }
        rejectFrame(why, body, n);
        return true;
    }

    private void warnRejected(String why) {
        framesRejected++;
        warn.accept("bad frame: " + why);
    }

    /**
     * Logs a malformed frame and answers the request in it, if it holds one whose id can be read.
     * The message is never executed.
     */
    private void rejectFrame(String why, byte[] body, int n) {
        framesRejected++;
        RequestMessage request = requestIn(body, n);
        warn.accept("bad frame: " + why + (request != null ? "; answered request " + request.getId() + " with an error" : "")
                + ": " + preview(body, 0, n));
        if (request != null) {
            issues.handle(request, List.of(new MessageIssue("arena-ls did not process this request: its frame was malformed ("
                    + why + ")", ResponseErrorCode.InvalidRequest.getValue())));
        }
    }

    /** The id and method of a request in {@code body}, or null. */
    private static RequestMessage requestIn(byte[] body, int n) {
        try {
            JsonElement e = JsonParser.parseString(new String(body, 0, n, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) return null;
            JsonObject o = e.getAsJsonObject();
            JsonElement id = o.get("id");
            JsonElement method = o.get("method");
            if (id == null || !id.isJsonPrimitive() || method == null || !method.isJsonPrimitive()) return null;
            JsonPrimitive p = id.getAsJsonPrimitive();
            RequestMessage r = new RequestMessage();
            r.setJsonrpc("2.0");
            if (p.isNumber()) r.setId(p.getAsInt());
            else if (p.isString()) r.setId(p.getAsString());
            else return null;
            r.setMethod(method.getAsString());
            return r;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Skips bytes up to the next {@code Content-Length:} (any case), which is read next. */
    private boolean resync(String why) throws IOException {
        framesRejected++;
        long consumed = 0;
        byte[] head = new byte[64]; // the first bytes skipped, for the log
        int matched = 0;
        while (true) {
            int c = read();
            if (c < 0) {
                warn.accept("bad frame: " + why + "; end of input after skipping " + consumed + " bytes");
                return false;
            }
            if (consumed < head.length) head[(int) consumed] = (byte) c;
            consumed++;
            int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
            if (lower == HEADER_NAME[matched]) {
                if (++matched == HEADER_NAME.length) {
                    unread(HEADER_NAME, 0, HEADER_NAME.length); // read again as a header line (its case does not matter)
                    long skipped = consumed - HEADER_NAME.length;
                    warn.accept("bad frame: " + why + "; skipped " + skipped + " bytes up to the next Content-Length: "
                            + preview(head, 0, (int) Math.min(skipped, head.length)));
                    return true;
                }
            } else {
                // no proper prefix of "content-length:" recurs inside it, so a new match can only start here
                matched = lower == HEADER_NAME[0] ? 1 : 0;
            }
        }
    }

    /**
     * Follows a JSON text byte by byte: where its first value ends ({@code done}, {@code end}), and
     * whether a {@code Content-Length:} appeared in it ({@code sawHeader}, {@code headerAt}: the
     * index of its first byte). A body that does not start with '{' or '[' never becomes done.
     */
    private static final class JsonExtent {
        boolean started;
        boolean notJson;
        boolean done;
        long end;
        private int depth;
        private boolean inString;
        private boolean escaped;
        boolean sawHeader;
        long headerAt = -1;
        private int matched;

        /**
         * {@link #accept}s the bytes of {@code b[from, to)}, the first of them at index {@code count},
         * until one makes the value end or completes a {@code Content-Length:}; returns how many
         * it took (that one included). One loop, no call per byte: what a body spends most of its
         * bytes in (a string) costs four comparisons a byte once compiled.
         */
        int scan(byte[] b, int from, int to, long count) {
            int i = from;
            while (i < to) {
                if (inString && !escaped && matched == 0 && !done && !notJson) {
                    // inside a string only a quote, a backslash or the start of a header name changes
                    // anything: skip the rest (most of a didOpen's bytes) at four comparisons a byte
                    while (i < to) {
                        byte x = b[i];
                        if (x == '"' || x == '\\' || x == 'c' || x == 'C') break;
                        i++;
                    }
                    if (i == to) break;
                }
                int c = b[i++] & 0xff;
                long at = count + (i - from);
                watchHeader(c, at);
                if (inString && !done && !notJson) { // inside a string, where a body spends most of its bytes
                    if (escaped) escaped = false;
                    else if (c == '\\') escaped = true;
                    else if (c == '"') inString = false;
                } else {
                    followValue(c, at);
                }
                if (sawHeader || done) break;
            }
            return i - from;
        }

        /** {@code c} is the byte at index {@code count - 1}. */
        void accept(int c, long count) {
            if (!sawHeader) watchHeader(c, count);
            followValue(c, count);
        }

        /** A {@code Content-Length:} (any case) ending at byte {@code count - 1}, not at the body's start. */
        private void watchHeader(int c, long count) {
            int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
            if (lower == HEADER_NAME[matched]) {
                if (++matched == HEADER_NAME.length) {
                    headerAt = count - HEADER_NAME.length;
                    sawHeader = headerAt > 0;
                    matched = 0;
                }
            } else {
                matched = lower == HEADER_NAME[0] ? 1 : 0;
            }
        }

        /** The JSON value's state: started, strings and escapes, depth, where it ended. */
        private void followValue(int c, long count) {
            if (done || notJson) return;
            if (!started) {
                if (isBlank(c)) return;
                if (c == '{' || c == '[') {
                    started = true;
                    depth = 1;
                } else {
                    notJson = true;
                }
                return;
            }
            if (inString) {
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
                return;
            }
            switch (c) {
                case '"': inString = true; break;
                case '{': case '[': depth++; break;
                case '}': case ']':
                    if (--depth == 0) {
                        done = true;
                        end = count;
                    }
                    break;
                default: break;
            }
        }
    }

    // ------------------------------------------------------------------ bytes

    /** The next byte, blocking; -1 at end of input. */
    private int read() throws IOException {
        if (pos == limit && !fill()) return -1;
        return buf[pos++] & 0xff;
    }

    /**
     * The next byte if one is or becomes available within {@code millis}; {@link #TIMED_OUT}
     * otherwise (the client sent nothing more and may be waiting for us); -1 at end of input.
     */
    private int readPolling(long millis) throws IOException {
        if (pos < limit) return buf[pos++] & 0xff;
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (in.available() <= 0) {
            if (System.nanoTime() >= deadline) return TIMED_OUT;
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
        }
        return read();
    }

    private boolean fill() throws IOException {
        pos = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) return false;
        limit = n;
        return true;
    }

    /** Puts {@code b[off, off+len)} back in front of the unread bytes. */
    private void unread(byte[] b, int off, int len) {
        if (len <= 0) return;
        if (pos >= len) {
            pos -= len;
            System.arraycopy(b, off, buf, pos, len);
            return;
        }
        int rest = limit - pos;
        byte[] next = new byte[Math.max(buf.length, len + rest)];
        System.arraycopy(b, off, next, 0, len);
        System.arraycopy(buf, pos, next, len, rest);
        buf = next;
        pos = 0;
        limit = len + rest;
    }

    /** Skips CR/LF between frames (a client's stray line breaks); returns the next byte without consuming it, -1 at end. */
    private int skipLineBreaks() throws IOException {
        int c;
        do {
            c = read();
        } while (c == '\r' || c == '\n');
        if (c >= 0) pos--; // the byte just read is still in the buffer
        return c;
    }

    /** The first non-blank byte ahead, left unread (blanks are consumed); -1 at end. */
    private int peekAfterBlanks() throws IOException {
        int c;
        do {
            c = read();
        } while (c >= 0 && isBlank(c));
        if (c >= 0) pos--;
        return c;
    }

    // ------------------------------------------------------------------ text

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** RFC 7230 token characters before the colon. */
    private static boolean isToken(String line, int colon) {
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) return false;
        }
        return true;
    }

    /** A Content-Length value: decimal digits only; -1 if not; Long.MAX_VALUE if too long to matter. */
    static long parseLength(String value) {
        if (value.isEmpty()) return -1;
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
            if (n > Integer.MAX_VALUE) {
                for (int k = i + 1; k < value.length(); k++) if (value.charAt(k) < '0' || value.charAt(k) > '9') return -1;
                return Long.MAX_VALUE;
            }
        }
        return n;
    }

    /** The charset parameter of a Content-Type value, lower case, quotes removed; null if none. */
    static String charsetOf(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
                return v.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static int indexOfHeader(byte[] b, int from, int to) {
        outer:
        for (int i = from; i + HEADER_NAME.length <= to; i++) {
            for (int k = 0; k < HEADER_NAME.length; k++) {
                int c = b[i + k];
                int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
                if (lower != HEADER_NAME[k]) continue outer;
            }
            return i;
        }
        return -1;
    }

    /** Up to 120 bytes of a frame, escaped, for the log. */
    private static String preview(byte[] b, int from, int to) {
        String s = new String(b, from, Math.max(0, Math.min(to, from + 120) - from), StandardCharsets.UTF_8);
        return preview(s) + (to - from > 120 ? "… (" + (to - from) + " bytes)" : "");
    }

    private static String preview(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 120; i++) {
            char c = s.charAt(i);
            if (c == '\r') sb.append("\\r");
            else if (c == '\n') sb.append("\\n");
            else if (c < ' ' || c == 0x7f) sb.append(String.format("\\x%02x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }

    /** The innermost message of a parse failure, first line only: what was wrong, not a class name. */
    private static String reason(Throwable t) {
        String message = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null) message = c.getMessage();
        }
        if (message == null) return "no detail";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
