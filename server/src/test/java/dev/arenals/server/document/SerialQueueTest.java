package dev.arenals.server.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SerialQueueTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() { pool.shutdownNow(); }

    @Test
    void tasksRunInOrderAndNeverConcurrently() throws Exception {
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean inside = new AtomicBoolean();
        AtomicBoolean overlap = new AtomicBoolean();
        SerialQueue q = new SerialQueue(pool, null, t -> { });
        CountDownLatch done = new CountDownLatch(1);
        for (int i = 0; i < 1000; i++) {
            int n = i;
            q.execute(() -> {
                if (!inside.compareAndSet(false, true)) overlap.set(true);
                order.add(n);
                inside.set(false);
                if (n == 999) done.countDown();
            });
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertFalse(overlap.get());
        for (int i = 0; i < 1000; i++) assertEquals(i, order.get(i));
    }

    @Test
    void idleRunsWhenTheQueueDrainsSoQueuedWorkIsCoalesced() throws Exception {
        AtomicInteger idles = new AtomicInteger();
        AtomicInteger applied = new AtomicInteger();
        List<Integer> seenByIdle = Collections.synchronizedList(new ArrayList<>());
        SerialQueue q = new SerialQueue(pool, () -> {
            idles.incrementAndGet();
            seenByIdle.add(applied.get());
        }, t -> { });
        CountDownLatch release = new CountDownLatch(1);
        q.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 20; i++) q.execute(applied::incrementAndGet);
        release.countDown();
        while (q.pending() > 0 || idles.get() == 0) Thread.sleep(5);
        Thread.sleep(50);
        assertEquals(List.of(20), seenByIdle, "one idle run, after all 20 queued tasks");
    }

    @Test
    void aFailingTaskIsReportedAndTheQueueGoesOn() throws Exception {
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        SerialQueue q = new SerialQueue(pool, null, errors::add);
        CountDownLatch after = new CountDownLatch(1);
        q.execute(() -> { throw new IllegalStateException("boom"); });
        q.execute(() -> { throw new StackOverflowError(); });
        q.execute(after::countDown);
        assertTrue(after.await(10, TimeUnit.SECONDS));
        assertEquals(2, errors.size());
    }

    @Test
    void aGatedQueueWaitsForItsPredecessor() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        AtomicInteger ran = new AtomicInteger();
        SerialQueue q = new SerialQueue(pool, null, t -> { }, gate);
        q.execute(ran::incrementAndGet);
        Thread.sleep(100);
        assertEquals(0, ran.get());
        gate.complete(null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ran.get() == 0 && System.nanoTime() < deadline) Thread.sleep(5);
        assertEquals(1, ran.get());
    }
}
