package dev.arenals.server.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JSON-RPC client that writes bytes as given — well-formed frames or any malformation — and
 * reads the server's frames into JSON: responses by id, notifications in order. For the framing
 * tests and the protocol fuzzer, which must be able to say things LSP4J's client cannot.
 */
public final class RawLspClient implements AutoCloseable {
    private final OutputStream toServer;
    private final Thread reader;
    private final Map<String, JsonObject> responses = new ConcurrentHashMap<>();
    /** The last publishDiagnostics params per URI (a long run must not keep every one). */
    private final Map<String, JsonObject> lastDiagnostics = new ConcurrentHashMap<>();
    /** The latest window/logMessage texts, at most {@link #KEPT_LOGS}. */
    private final java.util.ArrayDeque<String> logs = new java.util.ArrayDeque<>();
    private static final int KEPT_LOGS = 500;
    /** Writers take this lock, never the reader's: a writer blocked on a full pipe must not stop the reading. */
    private final Object writeLock = new Object();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private volatile boolean serverClosed;
    private volatile String readFailure;

    public RawLspClient(InputStream fromServer, OutputStream toServer) {
        this.toServer = toServer;
        this.reader = new Thread(() -> readLoop(fromServer), "raw-lsp-client");
        reader.setDaemon(true);
        reader.start();
    }

    // ---- writing ----

    public void sendBytes(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            toServer.write(bytes);
            toServer.flush();
        }
    }

    public void sendRaw(String s) throws IOException { sendBytes(s.getBytes(StandardCharsets.UTF_8)); }

    public static byte[] frame(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] header = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + body.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(body, 0, out, header.length, body.length);
        return out;
    }

    public void sendFramed(String json) throws IOException { sendBytes(frame(json)); }

    public int newId() { return nextId.getAndIncrement(); }

    public static String request(int id, String method, String paramsJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\"" + (paramsJson == null ? "" : ",\"params\":" + paramsJson) + "}";
    }

    public static String notification(String method, String paramsJson) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"" + (paramsJson == null ? "" : ",\"params\":" + paramsJson) + "}";
    }

    /** Sends a well-formed request; returns its id. */
    public int request(String method, String paramsJson) throws IOException {
        int id = newId();
        sendFramed(request(id, method, paramsJson));
        return id;
    }

    public void notify(String method, String paramsJson) throws IOException { sendFramed(notification(method, paramsJson)); }

    // ---- reading ----

    /** The response to {@code id}, waiting up to {@code millis}; null if none came. */
    public JsonObject awaitResponse(Object id, long millis) throws InterruptedException {
        String key = String.valueOf(id);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (this) {
            while (!responses.containsKey(key)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || serverClosed) break;
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return responses.get(key);
    }

    public boolean hasResponse(Object id) { return responses.containsKey(String.valueOf(id)); }

    /** Removes and returns the response to {@code id}, or null if it has not come. */
    public JsonObject takeResponse(Object id) { return responses.remove(String.valueOf(id)); }

    public int responseCount() { return responses.size(); }

    /** The last publishDiagnostics params for {@code uri}, or null. */
    public JsonObject lastDiagnostics(String uri) { return lastDiagnostics.get(uri); }

    /** The latest logMessage texts the server sent. */
    public synchronized List<String> logMessages() { return new ArrayList<>(logs); }

    public boolean serverClosed() { return serverClosed; }
    /** Set when the server's output was not valid LSP (a failure of the server). */
    public String readFailure() { return readFailure; }

    private void readLoop(InputStream in) {
        try {
            while (true) {
                int length = -1;
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                while (true) { // headers
                    int c = in.read();
                    if (c < 0) return;
                    if (c != '\n') {
                        line.write(c);
                        continue;
                    }
                    String h = line.toString(StandardCharsets.US_ASCII).trim();
                    line.reset();
                    if (h.isEmpty()) break;
                    if (h.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(h.substring(15).trim());
                }
                if (length < 0) throw new IOException("the server sent a frame without Content-Length");
                byte[] body = in.readNBytes(length);
                if (body.length < length) return;
                JsonElement e = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
                JsonObject o = e.getAsJsonObject();
                synchronized (this) {
                    if (o.has("method")) {
                        String method = o.get("method").getAsString();
                        if (method.equals("textDocument/publishDiagnostics")) {
                            JsonObject p = o.getAsJsonObject("params");
                            lastDiagnostics.put(p.get("uri").getAsString(), p);
                        } else if (method.equals("window/logMessage")) {
                            if (logs.size() == KEPT_LOGS) logs.removeFirst();
                            logs.addLast(o.getAsJsonObject("params").get("message").getAsString());
                        }
                        if (o.has("id")) answerServerRequest(o);
                    } else {
                        responses.put(o.get("id").isJsonNull() ? "null" : o.get("id").getAsString(), o);
                    }
                    notifyAll();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!serverClosed) readFailure = String.valueOf(e);
        } finally {
            serverClosed = true;
            synchronized (this) { notifyAll(); }
        }
    }

    /** The server asked something (e.g. a refresh): answer null at once, from another thread. */
    private void answerServerRequest(JsonObject request) {
        String id = request.get("id").toString();
        Thread t = new Thread(() -> {
            try {
                sendFramed("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":null}");
            } catch (IOException ignored) {
                // the server is gone
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        toServer.close();
    }
}
