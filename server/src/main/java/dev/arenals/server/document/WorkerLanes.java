package dev.arenals.server.document;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's worker threads, one lane (a single-thread executor) each; every document is pinned
 * to one lane for its whole life.
 *
 * <p>Why not one shared pool: a reparse walks the document's arena, megabytes of arrays for a big
 * file, and those arrays are warm in the cache of the core that parsed last. When consecutive
 * parses of one document land on different pool threads (and so, often, different cores) the
 * parse+bind of a 10,000-line file measured 4.3 ms instead of 2.7 ms (median, same file, same
 * JIT). A document that stays on its lane keeps its arena near one core. Documents are spread
 * over lanes by how many each already holds; the price is that two busy documents sharing a lane
 * take turns even when another lane is idle.
 */
public final class WorkerLanes {
    private final ExecutorService[] lanes;
    /** The lanes as the documents and requests see them: each task counted in {@link #busy} until it has run. */
    private final Executor[] counted;
    /** Tasks queued or running on any lane: background indexing yields while this is not zero. */
    private final AtomicInteger busy = new AtomicInteger();
    /** Documents assigned to each lane; guarded by {@code this}. */
    private final int[] load;

    public WorkerLanes(int count, ThreadFactory threads) {
        if (count < 1) throw new IllegalArgumentException("at least one lane: " + count);
        lanes = new ExecutorService[count];
        load = new int[count];
        counted = new Executor[count];
        for (int i = 0; i < count; i++) {
            ExecutorService lane = Executors.newSingleThreadExecutor(threads);
            lanes[i] = lane;
            counted[i] = task -> {
                busy.incrementAndGet();
                try {
                    lane.execute(() -> {
                        try {
                            task.run();
                        } finally {
                            busy.decrementAndGet();
                        }
                    });
                } catch (RuntimeException rejected) {
                    busy.decrementAndGet();
                    throw rejected;
                }
            };
        }
    }

    /**
     * Whether a document's work or a request is queued or running on some lane (an edit's parse and
     * diagnostics, a request's answer): what background indexing yields to.
     */
    public boolean busy() { return busy.get() > 0; }

    public int count() { return lanes.length; }

    /** The least loaded lane (the lowest index among equals), now holding one more document. */
    public synchronized int assign() {
        int best = 0;
        for (int i = 1; i < load.length; i++) if (load[i] < load[best]) best = i;
        load[best]++;
        return best;
    }

    /** A document on {@code lane} closed. */
    public synchronized void release(int lane) {
        if (load[lane] > 0) load[lane]--;
    }

    /** Documents currently assigned to {@code lane} (tests). */
    public synchronized int load(int lane) { return load[lane]; }

    public Executor executor(int lane) { return counted[lane]; }

    public void shutdown() {
        for (ExecutorService e : lanes) e.shutdown();
    }

    /** Waits up to {@code millis} in all for the lanes to finish their queued work. */
    public void awaitTermination(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (ExecutorService e : lanes) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            e.awaitTermination(left, TimeUnit.NANOSECONDS);
        }
    }

    public void shutdownNow() {
        for (ExecutorService e : lanes) e.shutdownNow();
    }
}
