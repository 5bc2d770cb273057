package dev.arenals.server.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open documents, keyed by URI exactly as the client sent it. The map itself is touched by the
 * protocol thread (open, close, look-up); each document's contents only by its own queue.
 */
public final class DocumentStore {
    /** What the protocol layer runs for a document: when its queue drains, and when a task fails. */
    public interface Hooks {
        void idle(Document document);
        void failed(Document document, Throwable error);
        /** A document was opened (on the protocol thread, before its first parse is queued). */
        default void opened(Document document) { }
    }

    private final WorkerLanes lanes;
    private final Hooks hooks;
    private final ConcurrentHashMap<String, Document> open = new ConcurrentHashMap<>();
    /** Close work still queued for documents already removed from {@link #open}. */
    private final ConcurrentHashMap<String, CompletableFuture<Void>> closing = new ConcurrentHashMap<>();

    public DocumentStore(WorkerLanes lanes, Hooks hooks) {
        this.lanes = lanes;
        this.hooks = hooks;
    }

    public Document get(String uri) { return uri == null ? null : open.get(uri); }

    public int size() { return open.size(); }

    public Collection<Document> all() { return new ArrayList<>(open.values()); }

    /**
     * Opens a document (replacing one already open under that URI, which a client should not do but
     * might). Its queue starts after any close work of a predecessor with the same URI.
     */
    public Document open(String uri, String languageId, int version, String text, PositionEncoding encoding) {
        return open(uri, languageId, version, new TextBuffer(text), encoding);
    }

    /** {@link #open(String, String, int, String, PositionEncoding)} with the text already in a buffer, which the document takes. */
    public Document open(String uri, String languageId, int version, TextBuffer text, PositionEncoding encoding) {
        return open(uri, languageId, version, text, null, encoding);
    }

    /** The same with the text's line table ({@code LineStarts.Terminators.LSP}) made already, or null to make it. */
    public Document open(String uri, String languageId, int version, TextBuffer text, dev.arenals.parser.LineStarts lines, PositionEncoding encoding) {
        Document previous = open.get(uri);
        if (previous != null) close(uri, d -> { });
        CompletableFuture<Void> gate = closing.get(uri);
        Document[] self = new Document[1];
        int lane = lanes.assign();
        SerialQueue queue = new SerialQueue(lanes.executor(lane), () -> hooks.idle(self[0]), t -> hooks.failed(self[0], t), gate);
        Document doc = new Document(uri, languageId, version, text, lines, encoding, queue, lane);
        self[0] = doc;
        open.put(uri, doc);
        hooks.opened(doc);
        queue.poke(); // parse and publish right away
        return doc;
    }

    /**
     * Removes the document and queues its close work behind everything already queued for it:
     * {@code onClose} (e.g. clearing its diagnostics) and then freeing its text and arena.
     */
    public Document close(String uri, java.util.function.Consumer<Document> onClose) {
        Document doc = uri == null ? null : open.remove(uri);
        if (doc == null) return null;
        CompletableFuture<Void> done = new CompletableFuture<>();
        closing.put(uri, done);
        doc.queue().execute(() -> {
            try {
                doc.close();
                onClose.accept(doc);
            } finally {
                lanes.release(doc.lane());
                done.complete(null);
                closing.remove(uri, done);
            }
        });
        return doc;
    }

    /** URIs with close work still pending (tests). */
    List<String> closingUris() { return new ArrayList<>(closing.keySet()); }
}
