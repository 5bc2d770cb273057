package dev.arenals.server.workspace;

import dev.arenals.check.ProjectFiles;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.protocol.ServerLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Indexes files that are not open, in the background: the workspace folders are walked with
 * check's rules ({@link ProjectFiles}), then each file is summarized by a {@link FileIndexer}
 * owned by the pool thread (one arena reset per file). The pool is small and its threads run at
 * low priority, so the worker lanes that parse open documents and publish their diagnostics keep
 * the cores. A file that cannot be indexed is logged once and skipped.
 */
public final class Indexer {
    /** Progress of a walk: what the server turns into {@code $/progress}. */
    public interface Progress {
        void begin(int files);
        void advance(int done, int files);
        void end(int indexed, int skipped, long millis);
    }

    private final WorkspaceIndex index;
    private final ServerLog log;
    private final LongSupplier maxFileSize;
    private final PositionEncoding encoding;
    private final ExecutorService pool;
    /**
     * One per thread, whichever index it fills. Index threads keep their grown buffers (they end when
     * idle); other threads, loading a file for a request, do not.
     */
    private static final ThreadLocal<FileIndexer> INDEXERS = ThreadLocal.withInitial(() -> new FileIndexer(Thread.currentThread() instanceof IndexThread));

    private final AtomicInteger filesIndexed = new AtomicInteger();
    private final AtomicInteger filesSkipped = new AtomicInteger();
    private final AtomicLong charsIndexed = new AtomicLong();

    public Indexer(WorkspaceIndex index, ServerLog log, int threads, LongSupplier maxFileSize, PositionEncoding encoding) {
        this.index = index;
        this.log = log;
        this.maxFileSize = maxFileSize;
        this.encoding = encoding;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> new IndexThread(r, "arena-ls-index-" + n.incrementAndGet()));
        ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
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

    public WorkspaceIndex index() { return index; }
    public int filesIndexed() { return filesIndexed.get(); }
    public int filesSkipped() { return filesSkipped.get(); }
    public long charsIndexed() { return charsIndexed.get(); }

    /** Walks and indexes the folders; the future completes when every file found has been indexed or skipped. */
    public CompletableFuture<Void> indexFolders(List<Path> folders, Progress progress) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!submit(() -> walkAndIndex(folders, progress, done))) done.complete(null);
        return done;
    }

    private void walkAndIndex(List<Path> folders, Progress progress, CompletableFuture<Void> done) {
        long started = System.nanoTime();
        List<ProjectFiles.Entry> files = new ArrayList<>();
        for (Path folder : folders) {
            try {
                ProjectFiles.Listing listing = ProjectFiles.collect(folder);
                files.addAll(listing.files());
                for (String problem : listing.problems()) log.warn("arena-ls index: " + problem);
            } catch (RuntimeException e) {
                log.error("arena-ls index: cannot walk " + folder, e);
            }
        }
        int total = files.size();
        log.info("arena-ls index: " + total + " files to index under " + folders
                + " (check's rules; symbolic links and special files are not followed)");
        progress.begin(total);
        if (total == 0) {
            progress.end(0, 0, 0);
            done.complete(null);
            return;
        }
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger indexedHere = new AtomicInteger(), skippedHere = new AtomicInteger();
        int step = Math.max(1, total / 100);
        for (ProjectFiles.Entry f : files) {
            boolean queued = submit(() -> {
                try {
                    if (indexFile(f.path())) indexedHere.incrementAndGet();
                    else skippedHere.incrementAndGet();
                } finally {
                    int n = finished.incrementAndGet();
                    if (n % step == 0 && n < total) progress.advance(n, total);
                    if (n == total) {
                        long millis = (System.nanoTime() - started) / 1_000_000;
                        progress.end(indexedHere.get(), skippedHere.get(), millis);
                        done.complete(null);
                    }
                }
            });
            if (!queued) {
                done.complete(null); // shut down
                return;
            }
        }
    }

    /**
     * Re-indexes a file that changed on disk or was closed; removes it when it is gone. The future
     * completes when the index holds the new state (at once when the indexer is shut down).
     */
    public CompletableFuture<Void> reindexLater(Path file) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean queued = submit(() -> {
            try {
                if (!Files.isRegularFile(file)) index.removeIndexed(file);
                else indexFile(file);
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

    /** Indexes one file on the calling thread (with that thread's reusable state); false when it was skipped (logged). */
    public boolean indexFile(Path file) {
        beforeIndexing.accept(file);
        FileSummary s = summarizeHere(file);
        if (s == null) {
            index.removeIndexed(file);
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
            filesSkipped.incrementAndGet();
            log.warn("arena-ls index: " + file + ": " + indexer.lastProblem);
            return null;
        }
        filesIndexed.incrementAndGet();
        charsIndexed.addAndGet(indexer.charsIndexed - before);
        return s;
    }

    private boolean submit(Runnable task) {
        try {
            pool.execute(() -> {
                try {
                    task.run();
                } catch (Throwable t) {
                    log.error("arena-ls index: a task failed", t);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    public void shutdown() { pool.shutdownNow(); }
}
