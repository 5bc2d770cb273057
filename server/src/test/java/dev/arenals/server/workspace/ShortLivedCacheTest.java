package dev.arenals.server.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The resolver's caches: a value is loaded once per generation, and no generation outlives its lifetime or weight. */
class ShortLivedCacheTest {
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        loads.incrementAndGet();
        return new String(key + "!"); // a new object per load, so that a reload shows
    }

    @Test
    void aValueIsLoadedOnceWhileItsGenerationLives() {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(TimeUnit.MINUTES.toNanos(1), 100, v -> 1);
        String first = cache.get("a", this::load);
        assertSame(first, cache.get("a", this::load));
        assertEquals("a!", first);
        assertEquals(1, loads.get());
    }

    @Test
    void everythingExpiresTogetherAfterTheLifetime() throws InterruptedException {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(TimeUnit.MILLISECONDS.toNanos(100), 100, v -> 1);
        String first = cache.get("a", this::load);
        cache.get("b", this::load);
        Thread.sleep(250);
        assertNotSame(first, cache.get("a", this::load));
        cache.get("b", this::load); // loaded again too, whether or not another lifetime passed meanwhile
        assertEquals(4, loads.get());
    }

    /** An expired generation is freed without a lookup (the server's indexing ends, and no resolution may follow for long). */
    @Test
    void anExpiredGenerationIsDroppedWithoutALookup() throws InterruptedException {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(TimeUnit.MILLISECONDS.toNanos(100), 100, v -> 1);
        cache.get("a", this::load);
        cache.dropIfExpired();
        assertEquals(1, cache.size()); // still young: kept
        Thread.sleep(250);
        cache.dropIfExpired();
        assertEquals(0, cache.size());
    }

    @Test
    void aGenerationOverItsWeightStartsAfresh() {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(TimeUnit.MINUTES.toNanos(1), 10, v -> 4);
        cache.get("a", this::load); // weight 4
        cache.get("b", this::load); // 8
        String c = cache.get("c", this::load); // 12: not kept, and the full generation is dropped
        assertEquals("c!", c);
        assertTrue(cache.map().isEmpty());
        cache.get("a", this::load);
        assertEquals(4, loads.get());
    }

    @Test
    void invalidatingOneKeyOrAllReloads() {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(TimeUnit.MINUTES.toNanos(1), 100, v -> 1);
        cache.get("a", this::load);
        cache.get("b", this::load);
        cache.invalidate("a");
        cache.get("a", this::load);
        cache.get("b", this::load);
        assertEquals(3, loads.get());
        cache.invalidateAll();
        cache.get("b", this::load);
        assertEquals(4, loads.get());
    }

    @Test
    void theDirectMapIsBoundedByEntries() {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(TimeUnit.MINUTES.toNanos(1), 3, v -> 1);
        for (int i = 0; i < 3; i++) cache.map().put("k" + i, "v");
        assertTrue(cache.map().isEmpty(), "a full map is given up for a new generation");
    }
}
