package dev.arenals.server.workspace;

import dev.arenals.check.ProjectFiles;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.protocol.ServerLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Indexes files that are not open, in the background: the workspace folders are walked with
 * check's rules ({@link ProjectFiles}) on a thread of the walk's own, and each file it finds is
 * summarized meanwhile by a {@link FileIndexer} owned by a pool thread (one arena reset per file). The pool is small, and
 * while the worker lanes that parse open documents and publish their diagnostics have work, all of
 * its threads but one wait before their next file (Java's thread priorities mean nothing to Linux's
 * scheduler, so yielding is ours to do): a second index thread uses a core only while nothing else
 * does. A file that cannot be indexed is logged once and skipped.
 */
public final class Indexer {
    /**
     * Progress of a walk: what the server turns into {@code $/progress}. It begins with the walk;
     * files are indexed as the walk finds them, so {@code found} grows until {@code walking} is false.
     */
    public interface Progress {
        void begin();
        void advance(int done, int found, boolean walking);
        void end(int indexed, int skipped, long millis);
    }

    private final WorkspaceIndex index;
    private final ServerLog log;
    private final LongSupplier maxFileSize;
    private final PositionEncoding encoding;
    private final ExecutorService pool;
    /** Walks the folders, one walk at a time, while the pool indexes. */
    private final ExecutorService walker;
    /** Whether open documents or requests have work queued or running (the worker lanes). */
    private final BooleanSupplier documentsBusy;
    /** Index tasks running a file now, those waiting for the documents not counted. */
    private final AtomicInteger running = new AtomicInteger();
    /** How long an index thread sleeps before it looks at the documents again. */
    private static final long YIELD_NANOS = 200_000L;
    /**
     * One per thread, whichever index it fills. Index threads keep their grown buffers (they end when
     * idle); other threads, loading a file for a request, do not.
     */
    private static final ThreadLocal<FileIndexer> INDEXERS = ThreadLocal.withInitial(() -> new FileIndexer(Thread.currentThread() instanceof IndexThread));

    private final AtomicInteger filesIndexed = new AtomicInteger();
    private final AtomicInteger filesSkipped = new AtomicInteger();
    private final AtomicLong charsIndexed = new AtomicLong();
    /**
     * Files refused as over the size limit, with the size each had: the walk, a definition's and the
     * diagnostics' on-demand loads all meet such a file, and its log line is told once per size.
     */
    private final ConcurrentHashMap<Path, Long> oversizeTold = new ConcurrentHashMap<>();

    public Indexer(WorkspaceIndex index, ServerLog log, int threads, LongSupplier maxFileSize, PositionEncoding encoding) {
        this(index, log, threads, maxFileSize, encoding, () -> false);
    }

    /** {@code documentsBusy}: true while the worker lanes have work; all index threads but one wait meanwhile. */
    public Indexer(WorkspaceIndex index, ServerLog log, int threads, LongSupplier maxFileSize, PositionEncoding encoding,
                   BooleanSupplier documentsBusy) {
        this.index = index;
        this.documentsBusy = documentsBusy;
        this.log = log;
        this.maxFileSize = maxFileSize;
        this.encoding = encoding;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> new IndexThread(r, "arena-ls-index-" + n.incrementAndGet()));
        ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
        // it lives as long as the pool's threads after its work (it may write to the client, as they do)
        ThreadPoolExecutor walks = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> new IndexThread(r, "arena-ls-index-walk"));
        walks.allowCoreThreadTimeOut(true);
        this.walker = walks;
        index.setLoader(this::summarizeHere);
    }

    /** An indexing thread: a daemon at low priority, with room for deep trees; it keeps its grown buffers. */
    public static final class IndexThread extends Thread {
        public IndexThread(Runnable task, String name) {
            super(null, task, name, 8L << 20);
            setDaemon(true);
            setPriority(Thread.MIN_PRIORITY);
        }
    }

    /** Summaries kept between sessions (opt-in): read before the first walk, written after it; null: none. */
    private volatile SummaryCache cache;
    private final AtomicInteger filesReused = new AtomicInteger();

    /**
     * Uses {@code cache} for the next walk: it is read first, files whose size and time it recorded
     * are not read again, and it is written again when the walk's files are all indexed.
     */
    public void useSummaryCache(SummaryCache cache) { this.cache = cache; }

    /** The cache for the walk that starts now: the first walk's only (it is keyed by the folders of the start). */
    private synchronized SummaryCache takeCache() {
        SummaryCache c = cache;
        cache = null;
        return c;
    }

    /** Files whose summary came from the cache, not from reading them. */
    public int filesReused() { return filesReused.get(); }

    public WorkspaceIndex index() { return index; }
    public int filesIndexed() { return filesIndexed.get(); }
    public int filesSkipped() { return filesSkipped.get(); }
    public long charsIndexed() { return charsIndexed.get(); }

    /** Walks and indexes the folders; the future completes when every file found has been indexed or skipped. */
    public CompletableFuture<Void> indexFolders(List<Path> folders, Progress progress) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (pool.isShutdown()) {
            done.complete(null);
            return done;
        }
        // the walk has a thread of its own: the pool's (one thread on two cores) indexes what it finds meanwhile
        try {
            walker.execute(() -> {
                try {
                    walkAndIndex(folders, progress, done);
                } catch (Throwable t) {
                    log.error("arena-ls index: the walk failed", t);
                    done.complete(null);
                }
            });
        } catch (RejectedExecutionException e) {
            done.complete(null);
        }
        return done;
    }

    private void walkAndIndex(List<Path> folders, Progress progress, CompletableFuture<Void> done) {
        new Walk(progress, done).run(folders);
    }

    /**
     * One walk of the folders, each file queued for indexing as soon as the walk selects it (the
     * other pool threads index while this one walks). Progress is reported from the start, at most
     * every {@link #REPORT_NANOS}; it ends when the walk has ended and every file found is done.
     */
    private final class Walk {
        private static final long REPORT_NANOS = 100_000_000L;
        private final Progress progress;
        private final CompletableFuture<Void> done;
        private final long started = System.nanoTime();
        private final AtomicInteger found = new AtomicInteger(), finished = new AtomicInteger();
        private final AtomicInteger indexedHere = new AtomicInteger(), skippedHere = new AtomicInteger();
        private final AtomicLong lastReport = new AtomicLong(System.nanoTime());
        private final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile boolean walking = true;
        private volatile boolean stopped;

        Walk(Progress progress, CompletableFuture<Void> done) {
            this.progress = progress;
            this.done = done;
        }

        /** The cache this walk reads and writes (null: none), and when the walk began (ms since the epoch). */
        private final SummaryCache cache = takeCache();
        private final long startedMillis = System.currentTimeMillis();

        void run(List<Path> folders) {
            progress.begin();
            if (cache != null) {
                long from = System.nanoTime();
                cache.load();
                if (cache.size() > 0) log.info("arena-ls index: " + cache.size() + " summaries in the cache, read in " + (System.nanoTime() - from) / 1_000_000 + " ms");
            }
            for (Path folder : folders) {
                if (stopped) break;
                try {
                    for (String problem : ProjectFiles.walk(folder, this::queue)) log.warn("arena-ls index: " + problem);
                } catch (RuntimeException e) {
                    log.error("arena-ls index: cannot walk " + folder, e);
                }
            }
            int total = found.get();
            log.info("arena-ls index: " + total + " files to index under " + folders
                    + " (check's rules; symbolic links and special files are not followed)");
            walking = false;
            if (stopped) {
                done.complete(null); // shut down
                return;
            }
            endIfDone();
        }

        private void queue(ProjectFiles.Entry f) {
            if (stopped) return;
            found.incrementAndGet();
            if (cache != null && reuse(f, cache)) { // on the walk's thread: a file not read is not worth a hand-off to the pool
                indexedHere.incrementAndGet();
                finished.incrementAndGet();
                report();
                return;
            }
            boolean queued = submit(() -> {
                try {
                    if (cache != null ? indexAndKeep(f, cache) : indexFile(f.path())) indexedHere.incrementAndGet();
                    else skippedHere.incrementAndGet();
                } finally {
                    finished.incrementAndGet();
                    if (!endIfDone()) report();
                }
            });
            if (!queued) {
                found.decrementAndGet();
                stopped = true;
                return;
            }
            afterQueueing.accept(f.path());
            report();
        }

        /** Reports progress when the last report is old enough (one thread wins each interval). */
        private void report() {
            long now = System.nanoTime(), last = lastReport.get();
            if (now - last < REPORT_NANOS || !lastReport.compareAndSet(last, now)) return;
            progress.advance(finished.get(), found.get(), walking);
        }

        /** Ends the progress once: when the walk is over and every file it found is indexed or skipped. */
        private boolean endIfDone() {
            if (walking || finished.get() < found.get() || !ended.compareAndSet(false, true)) return false;
            long millis = (System.nanoTime() - started) / 1_000_000;
            progress.end(indexedHere.get(), skippedHere.get(), millis);
            ModuleResolver.dropWhenExpired(); // the walk's listings and resolutions are not kept past their lifetime
            done.complete(null);
            try {
                index.prepareDerivedMaps(); // here, not in the first cross-file request (a request meanwhile waits for it)
            } catch (RuntimeException e) {
                log.error("arena-ls index: building the importers and declarations failed", e);
            }
            if (cache != null) cache.release();
            if (cache != null && !stopped) writeCache(cache, startedMillis);
            return true;
        }
    }

    /** Completes when the cache of the last walk that used one is written (or could not be). */
    private final CompletableFuture<Void> cacheWritten = new CompletableFuture<>();

    public CompletableFuture<Void> cacheWritten() { return cacheWritten; }

    /** Writes the walk's summaries as the cache for the next session (after the index is complete: no request waits for it). */
    private void writeCache(SummaryCache cache, long walkStartedMillis) {
        long from = System.nanoTime();
        try {
            int count = cache.keptCount();
            cache.write(walkStartedMillis);
            log.info("arena-ls index: " + count + " summaries written to " + cache.file() + " in " + (System.nanoTime() - from) / 1_000_000 + " ms ("
                    + filesReused.get() + " of this start's files came from it)");
        } catch (IOException | RuntimeException e) {
            log.warn("arena-ls index: the summary cache could not be written (" + e + "): the next start reads every file");
        } finally {
            cacheWritten.complete(null);
        }
    }

    /**
     * Takes the summary of a file the walk found from the cache, when its size and time are those
     * recorded (and its specifiers resolve as they did); false when it must be read.
     */
    private boolean reuse(ProjectFiles.Entry f, SummaryCache cache) {
        FileSummary reused = cache.reuse(f.path(), f.size(), f.modifiedNanos());
        if (reused == null) return false;
        index.putIndexed(reused);
        filesIndexed.incrementAndGet();
        filesReused.incrementAndGet();
        charsIndexed.addAndGet(reused.sourceChars());
        cache.keep(reused, f.size(), f.modifiedNanos());
        return true;
    }

    /** Indexes a file the walk found (as {@link #indexFile}) and keeps its summary for the next cache. */
    private boolean indexAndKeep(ProjectFiles.Entry f, SummaryCache cache) {
        beforeIndexing.accept(f.path());
        FileSummary s = summarizeHere(f.path());
        if (s == null) {
            if (!INDEXERS.get().interrupted) index.removeIndexed(f.path());
            return false;
        }
        index.putIndexed(s);
        cache.keep(s, f.size(), f.modifiedNanos());
        return true;
    }

    /**
     * Re-indexes a file that changed on disk or was closed; removes it when it is gone. The future
     * completes when the index holds the new state (at once when the indexer is shut down).
     */
    public CompletableFuture<Void> reindexLater(Path file) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean queued = submit(() -> {
            try {
                if (!Files.isRegularFile(file)) {
                    index.removeIndexed(file);
                    oversizeTold.remove(file);
                } else indexFile(file);
            } finally {
                done.complete(null);
            }
        });
        if (!queued) done.complete(null);
        return done;
    }

    /** Tests: runs before each file of a walk is read (a test deletes or replaces files there). */
    private volatile java.util.function.Consumer<Path> beforeIndexing = p -> { };

    public void setBeforeIndexingForTests(java.util.function.Consumer<Path> hook) { beforeIndexing = hook; }

    /** Tests: runs on the walking thread after each file found is queued, before the walk goes on. */
    private volatile java.util.function.Consumer<Path> afterQueueing = p -> { };

    public void setAfterQueueingForTests(java.util.function.Consumer<Path> hook) { afterQueueing = hook; }

    /** Indexes one file on the calling thread (with that thread's reusable state); false when it was skipped (logged). */
    public boolean indexFile(Path file) {
        beforeIndexing.accept(file);
        FileSummary s = summarizeHere(file);
        if (s == null) {
            if (!INDEXERS.get().interrupted) index.removeIndexed(file); // interrupted: shutting down, the file is as it was
            return false;
        }
        index.putIndexed(s);
        return true;
    }

    /** Summarizes a file on the calling thread with that thread's indexer; null (logged) when it cannot. */
    FileSummary summarizeHere(Path file) {
        FileIndexer indexer = INDEXERS.get();
        long before = indexer.charsIndexed;
        FileSummary s = indexer.summarize(file, maxFileSize.getAsLong(), encoding);
        if (s == null) {
            if (indexer.interrupted) return null; // the pool is shutting down: no line for a file that is fine
            if (indexer.lastOversize >= 0) {
                Long told = oversizeTold.put(file, indexer.lastOversize);
                if (told != null && told == indexer.lastOversize) return null; // said already, at this size
            }
            filesSkipped.incrementAndGet();
            log.warn("arena-ls index: " + file + ": " + indexer.lastProblem);
            return null;
        }
        if (!oversizeTold.isEmpty()) oversizeTold.remove(file); // under the limit now: a later growth is told again
        filesIndexed.incrementAndGet();
        charsIndexed.addAndGet(indexer.charsIndexed - before);
        return s;
    }

    private boolean submit(Runnable task) {
        try {
            pool.execute(() -> {
                running.incrementAndGet();
                try {
                    yieldToDocuments();
                    task.run();
                } catch (Throwable t) {
                    log.error("arena-ls index: a task failed", t);
                } finally {
                    running.decrementAndGet();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /**
     * Waits while the documents have work and another index task is running a file: one index thread
     * always goes on (a request may wait for the index), the others leave the cores to the edit.
     */
    private void yieldToDocuments() {
        while (documentsBusy.getAsBoolean()) {
            int now = running.get();
            if (now <= 1) return;
            if (!running.compareAndSet(now, now - 1)) continue;
            LockSupport.parkNanos(YIELD_NANOS);
            running.incrementAndGet();
            if (Thread.currentThread().isInterrupted()) return; // shutting down: the task sees it
        }
    }

    public void shutdown() {
        walker.shutdownNow();
        pool.shutdownNow();
    }
}
