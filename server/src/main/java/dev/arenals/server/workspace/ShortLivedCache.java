package dev.arenals.server.workspace;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A cache of file-system answers that all expire together: entries go in one generation (a plain
 * {@link ConcurrentHashMap}) that is dropped whole once it is {@code lifetimeNanos} old or holds
 * more than {@code maxWeight}. So no entry is older than the lifetime, as with a per-entry expiry,
 * but a hit is one hash lookup and a clock read: resolution asks several of these per import, and
 * a per-entry expiring cache (Guava's, with its recency queues) was the largest item of an
 * indexing profile. Loads are not locked: two threads may read the same thing once each.
 */
final class ShortLivedCache<K, V> {
    private final long lifetimeNanos;
    private final long maxWeight;
    private final ToIntFunction<V> weigher;
    private volatile Generation<K, V> current;

    private static final class Generation<K, V> {
        final long born;
        final ConcurrentHashMap<K, V> map;
        final AtomicLong weight = new AtomicLong();

        /** Sized for what the previous generation held: a walk fills each generation alike, and growing a map rehashes it. */
        Generation(long born, int expected) {
            this.born = born;
            this.map = new ConcurrentHashMap<>(Math.max(16, expected));
        }
    }

    ShortLivedCache(long lifetimeNanos, long maxWeight, ToIntFunction<V> weigher) {
        this.lifetimeNanos = lifetimeNanos;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
        this.current = new Generation<>(System.nanoTime(), 16);
    }

    /**
     * The map of the current generation, for a caller that reads and fills it directly (each entry
     * weighing one); it is dropped with the generation.
     */
    ConcurrentHashMap<K, V> map() {
        Generation<K, V> g = generation();
        return g.map.size() < maxWeight ? g.map : startGeneration(g).map;
    }

    /** The value for {@code key}, loaded (and kept, when it fits) if absent; {@code load} returns non-null. */
    V get(K key, Function<? super K, ? extends V> load) {
        Generation<K, V> g = generation();
        V v = g.map.get(key);
        if (v != null) return v;
        v = load.apply(key);
        if (g.weight.addAndGet(weigher.applyAsInt(v)) <= maxWeight) {
            V raced = g.map.putIfAbsent(key, v);
            if (raced != null) v = raced;
        } else {
            startGeneration(g); // full: start afresh rather than keep an unbounded map
        }
        return v;
    }

    /** The value for {@code key} if the current generation holds it (no load, no expiry sweep); null otherwise. */
    V peek(K key) {
        Generation<K, V> g = current;
        return System.nanoTime() - g.born > lifetimeNanos ? null : g.map.get(key);
    }

    /** When the current generation began ({@link System#nanoTime}): every entry in it was put there since. */
    long generationBorn() { return current.born; }

    void invalidate(K key) { current.map.remove(key); }

    void invalidateAll() { startGeneration(current, false); }

    /** Drops the generation if it is past its lifetime (a lookup would drop it too; this frees it when none comes). */
    void dropIfExpired() {
        Generation<K, V> g = current;
        if (System.nanoTime() - g.born > lifetimeNanos) startGeneration(g, false); // nothing may come for long: an empty map
    }

    /** Entries in the current generation (tests, figures). */
    int size() { return current.map.size(); }

    private Generation<K, V> generation() {
        Generation<K, V> g = current;
        if (System.nanoTime() - g.born > lifetimeNanos) g = startGeneration(g);
        return g;
    }

    private Generation<K, V> startGeneration(Generation<K, V> old) { return startGeneration(old, true); }

    /** A new generation unless another thread started one; {@code sized} like the old one when lookups go on at once. */
    private synchronized Generation<K, V> startGeneration(Generation<K, V> old, boolean sized) {
        if (current == old) current = new Generation<>(System.nanoTime(), sized ? old.map.size() : 16);
        return current;
    }
}
