package dev.arenals.server.features;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last semantic tokens sent for each open document, by result id, so {@code full/delta} can
 * answer with the difference. One entry per document (the previous one is all a client may ask a
 * delta against); dropped when the document closes.
 */
public final class SemanticTokensHistory {
    private record Sent(String resultId, int[] data) {}

    private final ConcurrentHashMap<String, Sent> byUri = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** Records {@code data} as the latest result for {@code uri}; its new result id. */
    public String remember(String uri, int[] data) {
        String id = Long.toString(ids.incrementAndGet());
        byUri.put(uri, new Sent(id, data));
        return id;
    }

    /** The data sent for {@code uri} under {@code resultId}, or null when that is not the latest. */
    public int[] previous(String uri, String resultId) {
        Sent sent = byUri.get(uri);
        return sent != null && sent.resultId.equals(resultId) ? sent.data : null;
    }

    public void forget(String uri) { if (uri != null) byUri.remove(uri); }

    public int size() { return byUri.size(); }
}
