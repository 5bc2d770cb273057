package dev.arenals.server.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.check.ProjectFiles;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.protocol.ServerLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk and the index overlap: progress begins with the walk, and files are indexed while it goes on. */
class IndexerWalkTest {
    @TempDir Path root;

    private static ServerLog quiet() { return new ServerLog(new PrintStream(OutputStream.nullOutputStream())); }

    @Test
    void filesAreIndexedWhileTheWalkGoesOnAndProgressBeginsWithIt() throws Exception {
        for (int d = 0; d < 3; d++) {
            for (int f = 0; f < 20; f++) Files.writeString(Files.createDirectories(root.resolve("d" + d)).resolve("f" + f + ".ts"), "export const v" + f + " = " + f + ";\n");
        }
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        // one index thread, as the server has on two cores: the walk has its own
        Indexer indexer = new Indexer(new WorkspaceIndex(), quiet(), 1, () -> ProjectFiles.DEFAULT_MAX_FILE_SIZE, PositionEncoding.UTF16);
        CountDownLatch firstIndexed = new CountDownLatch(1);
        AtomicBoolean waited = new AtomicBoolean();
        indexer.setBeforeIndexingForTests(p -> {
            events.add("indexing");
            firstIndexed.countDown();
        });
        // the walk stops after its first file until that file is being indexed: with indexing only
        // after the walk this would wait in vain
        AtomicBoolean indexedWhileWalking = new AtomicBoolean();
        indexer.setAfterQueueingForTests(p -> {
            if (!waited.compareAndSet(false, true)) return;
            try {
                indexedWhileWalking.set(firstIndexed.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<int[]> advances = Collections.synchronizedList(new ArrayList<>());
        int[] ended = new int[2];
        try {
            indexer.indexFolders(List.of(root), new Indexer.Progress() {
                @Override public void begin() { events.add("begin"); }
                @Override public void advance(int done, int found, boolean walking) { advances.add(new int[] {done, found}); }
                @Override public void end(int indexed, int skipped, long millis) {
                    ended[0] = indexed;
                    ended[1] = skipped;
                    events.add("end");
                }
            }).get(20, TimeUnit.SECONDS);
        } finally {
            indexer.shutdown();
        }
        assertTrue(indexedWhileWalking.get(), "the first file found was indexed before the walk went on");
        assertEquals("begin", events.get(0));
        assertEquals("end", events.get(events.size() - 1));
        assertEquals(60, ended[0]);
        assertEquals(0, ended[1]);
        assertEquals(60, indexer.index().size());
        for (int[] a : advances) assertTrue(a[0] <= a[1] && a[1] <= 60, "done ≤ found ≤ all");
    }

    /** The resolver's caches filled by a walk are freed once they expire, though no resolution follows. */
    @Test
    void theWalksResolverCachesAreDroppedAfterTheirLifetime() throws Exception {
        for (int f = 0; f < 10; f++) Files.writeString(root.resolve("f" + f + ".ts"), "import { v } from \"./f" + ((f + 1) % 10) + "\";\nexport const v = 1;\n");
        Indexer indexer = new Indexer(new WorkspaceIndex(), quiet(), 1, () -> ProjectFiles.DEFAULT_MAX_FILE_SIZE, PositionEncoding.UTF16);
        try {
            indexer.indexFolders(List.of(root), new Indexer.Progress() {
                @Override public void begin() { }
                @Override public void advance(int done, int found, boolean walking) { }
                @Override public void end(int indexed, int skipped, long millis) { }
            }).get(20, TimeUnit.SECONDS);
        } finally {
            indexer.shutdown();
        }
        // the imports were resolved (so the caches were filled): f9 imports f0
        assertEquals(1, indexer.index().importersOf(root.resolve("f0.ts").toAbsolutePath().normalize()).size());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ModuleResolver.cachedEntries() > 0 && System.nanoTime() < deadline) Thread.sleep(50);
        assertEquals(0, ModuleResolver.cachedEntries(), "the caches are empty within 10 s of the walk's end (their lifetime is 3 s)");
    }

    @Test
    void anEmptyFolderBeginsAndEnds() throws Exception {
        Indexer indexer = new Indexer(new WorkspaceIndex(), quiet(), 2, () -> ProjectFiles.DEFAULT_MAX_FILE_SIZE, PositionEncoding.UTF16);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        try {
            indexer.indexFolders(List.of(root), new Indexer.Progress() {
                @Override public void begin() { events.add("begin"); }
                @Override public void advance(int done, int found, boolean walking) { events.add("advance"); }
                @Override public void end(int indexed, int skipped, long millis) { events.add("end " + indexed); }
            }).get(20, TimeUnit.SECONDS);
        } finally {
            indexer.shutdown();
        }
        assertEquals(List.of("begin", "end 0"), events);
    }

    /**
     * Two index threads, and an edit's work on the worker lanes meanwhile: only one index thread goes
     * on (the other leaves the cores to the edit), and the walk still ends although the documents never
     * become idle (the one that goes on is never held).
     */
    @Test
    void whileDocumentsHaveWorkOnlyOneIndexThreadRuns() throws Exception {
        assertEquals(1, mostIndexingAtOnce(true));
    }

    /** The same two index threads with the documents idle: both index at once. */
    @Test
    void whileDocumentsAreIdleBothIndexThreadsRun() throws Exception {
        assertEquals(2, mostIndexingAtOnce(false));
    }

    /** Indexes 40 files on two threads with the documents busy or not; the most files being indexed at one moment. */
    private int mostIndexingAtOnce(boolean documentsBusy) throws Exception {
        for (int f = 0; f < 40; f++) Files.writeString(root.resolve("f" + f + ".ts"), "export const v" + f + " = " + f + ";\n");
        Indexer indexer = new Indexer(new WorkspaceIndex(), quiet(), 2, () -> ProjectFiles.DEFAULT_MAX_FILE_SIZE, PositionEncoding.UTF16,
                () -> documentsBusy);
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        indexer.setBeforeIndexingForTests(p -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                // the first files stay a while, so that a second thread allowed to index meets one of them here
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(calls.incrementAndGet() <= 5 ? 200 : 0);
                while (most.get() < 2 && System.nanoTime() < until) Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inside.decrementAndGet();
            }
        });
        int[] indexed = new int[1];
        try {
            indexer.indexFolders(List.of(root), new Indexer.Progress() {
                @Override public void begin() { }
                @Override public void advance(int done, int found, boolean walking) { }
                @Override public void end(int n, int skipped, long millis) { indexed[0] = n; }
            }).get(60, TimeUnit.SECONDS);
        } finally {
            indexer.shutdown();
        }
        assertEquals(40, indexed[0], "every file indexed");
        return most.get();
    }
}
