package dev.arenals.check;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Checks files on a second thread while the main thread is still walking the tree, in the order
 * the walk finds them; the files left when the walk ends go to {@link Checker} as before (largest
 * first, on every thread). Before this the spare core only warmed the parser up during the walk,
 * and no file was checked until the walk was over: on 20,000 small modules the walk is a third of
 * the run. While the walk has found nothing new this thread warms up instead ({@link WarmUp#step}).
 *
 * <p>Each result goes to its {@link SourceFile#early}; the file's report does not depend on which
 * thread checked it or when, so the output is the same. Used only when no shard or import pass
 * needs the whole sorted list first, and there are at least two checking threads.
 */
final class EarlyCheck implements Consumer<SourceFile>, Runnable {
    private final ConcurrentLinkedQueue<SourceFile> found = new ConcurrentLinkedQueue<>();
    private final Worker worker;
    private final WarmUp warmUp = new WarmUp();
    private final boolean measureAllocation;
    private final Thread thread;
    private volatile boolean walkDone;
    private boolean warming = true;

    // written by this thread, read by the main thread after join()
    volatile int filesChecked; // volatile: EarlyCheckTest waits on it
    long bytesChecked;
    long allocatedBytes;
    long retainedGrowth;

    private EarlyCheck(long maxBytes, java.util.Set<Integer> warnCodes, boolean frames, boolean measureAllocation) {
        this.worker = new Worker(maxBytes, warnCodes, frames);
        this.measureAllocation = measureAllocation;
        this.thread = new Thread(null, this, "arena-ls-check-early", 4L << 20);
        thread.setDaemon(true);
    }

    /** Starts the thread, or returns null when there is no spare core for it. */
    static EarlyCheck startIfUseful(int checkingThreads, long maxBytes, java.util.Set<Integer> warnCodes, boolean frames,
            boolean measureAllocation) {
        if (checkingThreads < 2 || Runtime.getRuntime().availableProcessors() < 2) return null;
        EarlyCheck e = new EarlyCheck(maxBytes, warnCodes, frames, measureAllocation);
        e.thread.start();
        return e;
    }

    /**
     * Larger files are left to the checker: it hands them out first so the threads finish together,
     * and one taken here late in the walk would keep the main thread waiting in {@link #walkDone}
     * (typescript.js, 9 MB, takes ~100 ms to check).
     */
    static final long MAX_EARLY_BYTES = 256 << 10;

    /** Told of each file the walk selects (FileCollector.onFile). */
    @Override
    public void accept(SourceFile f) {
        if (f.size <= MAX_EARLY_BYTES) found.add(f);
    }

    /** The walk is over: finishes the file in hand and stops; the rest is the Checker's. */
    void walkDone() throws InterruptedException {
        walkDone = true;
        LockSupport.unpark(thread);
        thread.join();
    }

    @Override
    public void run() {
        long before = measureAllocation ? Checker.Allocation.currentThread() : 0;
        long retainedBefore = worker.retainedBytes();
        while (!walkDone) {
            SourceFile f = found.poll();
            if (f == null) {
                // nothing found yet: warm the parser up (a fraction of a millisecond once compiled)
                if (!warming || !warmUp.step()) {
                    warming = false;
                    LockSupport.parkNanos(200_000);
                }
                continue;
            }
            FileReport r;
            try {
                r = worker.check(f);
            } catch (Throwable t) { // as Checker: Worker.check catches everything it expects
                r = new FileReport(FileReport.Kind.SOURCE, f.display, false, 0, List.of(Problem.of(Failure.INTERNAL,
                        "internal error: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()))));
                walkDone = true; // a worker in an unknown state checks nothing more
            }
            f.early = r;
            filesChecked++;
            bytesChecked += r.bytes;
        }
        if (measureAllocation) {
            allocatedBytes = Checker.Allocation.currentThread() - before;
            retainedGrowth = worker.retainedBytes() - retainedBefore;
        }
    }
}
