package dev.arenals.server.document;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A per-document serial executor over a shared pool: tasks run one at a time, in submission order,
 * never two at once, on whichever pool thread is free. When the queue runs dry the {@code idle}
 * hook runs (still inside the serial section): that is where a document dirtied by edits is
 * parsed once and its diagnostics published, so edits that queued up behind a running parse are
 * applied together and parsed once, with no timer.
 *
 * <p>A queue can start {@linkplain #SerialQueue(Executor, Runnable, Consumer, CompletableFuture)
 * gated} on a future: the queue of a re-opened document waits until the work of its closed
 * predecessor (with the same URI) is done, so the old document's last publication cannot land
 * after the new one's first.
 */
public final class SerialQueue implements Executor {
    /** Tasks run per turn before the thread is handed back to the pool (fairness among documents). */
    private static final int BATCH = 64;

    private final Executor pool;
    private final Runnable idle;
    private final Consumer<Throwable> onError;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean scheduled;

    public SerialQueue(Executor pool, Runnable idle, Consumer<Throwable> onError) {
        this(pool, idle, onError, null);
    }

    public SerialQueue(Executor pool, Runnable idle, Consumer<Throwable> onError, CompletableFuture<?> after) {
        this.pool = pool;
        this.idle = idle;
        this.onError = onError;
        if (after != null && !after.isDone()) {
            scheduled = true; // hold tasks until the predecessor is done
            after.whenComplete((r, t) -> schedule());
        }
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (scheduled) return;
            scheduled = true;
        }
        schedule();
    }

    /** Runs {@code idle} once more (e.g. after a settings change made the document dirty). */
    public void poke() {
        execute(() -> { });
    }

    public int pending() {
        synchronized (tasks) { return tasks.size(); }
    }

    private void schedule() {
        try {
            pool.execute(this::drain);
        } catch (RuntimeException rejected) { // pool shut down: the server is exiting
            synchronized (tasks) {
                tasks.clear();
                scheduled = false;
            }
        }
    }

    private void drain() {
        int budget = BATCH;
        for (;;) {
            Runnable task;
            synchronized (tasks) { task = tasks.poll(); }
            if (task != null) {
                run(task);
                if (--budget == 0) { // let other documents' queues run; we stay scheduled
                    schedule();
                    return;
                }
                continue;
            }
            if (idle != null) run(idle);
            synchronized (tasks) {
                if (tasks.isEmpty()) {
                    scheduled = false;
                    return;
                }
            }
        }
    }

    private void run(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) { // even an OutOfMemoryError: the queue must stay usable
            try {
                onError.accept(t);
            } catch (Throwable ignored) {
                // the error reporter itself failed; the queue must go on
            }
        }
    }
}
