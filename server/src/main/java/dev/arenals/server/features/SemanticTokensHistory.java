package dev.arenals.server.features;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last semantic tokens sent for each open document, by result id, so {@code full/delta} can
 * answer with the difference. One entry per document (the previous one is all a client may ask a
 * delta against); dropped when the document closes. An entry is read and changed only on its
 * document's queue; its arrays never leave it (answers get copies), so it is updated in place.
 */
public final class SemanticTokensHistory {
    /** What was sent last for one document, and what the next delta needs to recompute only an edit's statements. */
    static final class Sent {
        String resultId;
        /** The encoded tokens sent, [0, 5 * count); the array has room to spare. */
        int[] data = new int[0];
        /** The start offset of each token, [0, count). */
        int[] starts = new int[0];
        int count;
        /** {@link dev.arenals.server.document.Document#parseStamp} of the tree the tokens came from; -1 when there was none. */
        long parseStamp = -1;
        /** SemanticTokenCollector.copyTopScope and copyDeprecatedAnchors of that tree. */
        int[] topScope;
        int[] deprecatedAnchors;
        /** Scratch for the ints of an edit's statements. */
        int[] scratch = new int[0];
        /** Whether the last delta recomputed only the statements the reparse rewrote (for tests and the harness). */
        boolean lastDeltaSpliced;
        /** {@link SemanticTokensHandler}'s cross-file epoch when the tokens were made: what imported names stood for then. */
        long crossFileEpoch;
    }

    private final ConcurrentHashMap<String, Sent> byUri = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** The entry of {@code uri}, created empty if absent (its id is null until something is sent). */
    Sent entry(String uri) {
        return byUri.computeIfAbsent(uri, u -> new Sent());
    }

    /** The entry of {@code uri}, or null. */
    Sent get(String uri) { return byUri.get(uri); }

    String nextId() { return Long.toString(ids.incrementAndGet()); }

    /** Whether the last delta for {@code uri} recomputed only the tokens of the statements the edit's reparse rewrote. */
    public boolean lastDeltaSpliced(String uri) {
        Sent sent = byUri.get(uri);
        return sent != null && sent.lastDeltaSpliced;
    }

    public void forget(String uri) { if (uri != null) byUri.remove(uri); }

    public int size() { return byUri.size(); }
}
