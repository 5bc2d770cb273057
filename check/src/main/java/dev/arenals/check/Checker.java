package dev.arenals.check;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks a list of files on N threads. Each thread owns one {@link Worker} (parser, arena,
 * binder, scope table, buffers) for the whole run. Files are handed out largest first from a
 * shared counter, so the threads finish together; each result goes to the file's slot, so the
 * output order (the list's order, sorted by path) does not depend on the thread count or timing.
 */
final class Checker {
    private static final long THREAD_STACK = 4L << 20;

    private final int threads;
    private final long maxBytes;
    private final Set<Integer> warnCodes;
    private final boolean frames;
    private final boolean measureAllocation;

    final AtomicInteger filesDone = new AtomicInteger();
    final AtomicLong bytesDone = new AtomicLong();
    /** With measureAllocation: bytes allocated by the checking threads while checking. */
    final AtomicLong allocatedBytes = new AtomicLong();
    /** With measureAllocation: how much of that the workers kept as capacity (arena, buffers). */
    final AtomicLong retainedGrowth = new AtomicLong();

    /** With resolve: the module syntax of each file (by its index in the list), for {@link ImportPass}. */
    dev.arenals.check.modules.ModuleSyntax[] moduleSyntax;
    private final boolean resolve;

    Checker(int threads, long maxBytes, Set<Integer> warnCodes, boolean frames, boolean measureAllocation) {
        this(threads, maxBytes, warnCodes, frames, measureAllocation, false);
    }

    Checker(int threads, long maxBytes, Set<Integer> warnCodes, boolean frames, boolean measureAllocation, boolean resolve) {
        this.resolve = resolve;
        this.threads = threads;
        this.maxBytes = maxBytes;
        this.warnCodes = warnCodes;
        this.frames = frames;
        this.measureAllocation = measureAllocation;
    }

    FileReport[] check(List<SourceFile> files) throws InterruptedException {
        int n = files.size();
        FileReport[] out = new FileReport[n];
        if (resolve) moduleSyntax = new dev.arenals.check.modules.ModuleSyntax[n];
        if (n == 0) return out;
        // files EarlyCheck checked during the walk are done; the rest largest first: sizes are
        // below 2^31 (the size limit is at most 1 GiB), indexes below 2^31
        long[] order = new long[n];
        int left = 0;
        for (int i = 0; i < n; i++) {
            SourceFile f = files.get(i);
            if (f.early != null) {
                out[i] = f.early;
                continue;
            }
            order[left++] = (Math.max(0, Math.min(f.size, Integer.MAX_VALUE)) << 32) | i;
        }
        if (left < n) {
            order = Arrays.copyOf(order, left);
            n = left;
            if (n == 0) return out;
        }
        Arrays.sort(order);
        final long[] sorted = order;
        final int count = n;
        AtomicInteger next = new AtomicInteger();
        Runnable work = new Runnable() { @Override public void run() {
            Worker w = new Worker(maxBytes, warnCodes, frames, resolve);
            long before = measureAllocation ? Allocation.currentThread() : 0;
            long retainedBefore = w.retainedBytes();
            int k;
            while ((k = next.getAndIncrement()) < count) {
                int i = (int) sorted[count - 1 - k];
                FileReport r;
                try {
                    r = w.check(files.get(i));
                } catch (Throwable t) { // Worker.check catches everything it expects; this is the last guard
                    SourceFile f = files.get(i);
                    r = new FileReport(FileReport.Kind.SOURCE, f.display, false, 0, List.of(Problem.of(Failure.INTERNAL,
                            "internal error: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()))));
                    w = new Worker(maxBytes, warnCodes, frames, resolve);
                }
                out[i] = r;
                if (resolve) moduleSyntax[i] = w.takeModuleSyntax();
                bytesDone.addAndGet(r.bytes);
                filesDone.incrementAndGet();
            }
            if (measureAllocation) {
                allocatedBytes.addAndGet(Allocation.currentThread() - before);
                retainedGrowth.addAndGet(w.retainedBytes() - retainedBefore);
            }
        } };
        int t = Math.min(threads, count);
        Thread[] others = new Thread[t - 1];
        for (int i = 0; i < others.length; i++) {
            others[i] = new Thread(null, work, "arena-ls-check-" + (i + 1), THREAD_STACK);
            others[i].setDaemon(true);
            others[i].start();
        }
        work.run();
        for (Thread th : others) th.join();
        return out;
    }

    /** Allocation counters of the JVM (HotSpot's ThreadMXBean), loaded only for --stats. */
    static final class Allocation {
        private Allocation() {}

        static long currentThread() {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            if (mx instanceof com.sun.management.ThreadMXBean) {
                return ((com.sun.management.ThreadMXBean) mx).getCurrentThreadAllocatedBytes();
            }
            return 0;
        }

        /** Bytes allocated by every live thread so far. */
        static long allThreads() {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            if (!(mx instanceof com.sun.management.ThreadMXBean)) return 0;
            com.sun.management.ThreadMXBean hs = (com.sun.management.ThreadMXBean) mx;
            long sum = 0;
            for (long v : hs.getThreadAllocatedBytes(mx.getAllThreadIds())) if (v > 0) sum += v;
            return sum;
        }

        static String gcSummary() {
            long count = 0;
            long ms = 0;
            for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, gc.getCollectionCount());
                ms += Math.max(0, gc.getCollectionTime());
            }
            return count + " collections, " + ms + " ms";
        }
    }
}
