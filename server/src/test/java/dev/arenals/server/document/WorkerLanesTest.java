package dev.arenals.server.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Documents are pinned to one worker lane each, spread by load, so a document's arena stays near one core. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WorkerLanesTest {
    private final WorkerLanes lanes = new WorkerLanes(3, Executors.defaultThreadFactory());
    private final DocumentStore store = new DocumentStore(lanes, new DocumentStore.Hooks() {
        @Override public void idle(Document document) { }
        @Override public void failed(Document document, Throwable error) { }
    });

    @AfterEach
    void stop() { lanes.shutdownNow(); }

    @Test
    void documentsGoToTheLeastLoadedLaneAndClosingFreesTheirPlace() throws Exception {
        Document a = store.open("file:///a.js", "javascript", 1, "a", PositionEncoding.UTF16);
        Document b = store.open("file:///b.js", "javascript", 1, "b", PositionEncoding.UTF16);
        Document c = store.open("file:///c.js", "javascript", 1, "c", PositionEncoding.UTF16);
        assertEquals(Set.of(0, 1, 2), Set.of(a.lane(), b.lane(), c.lane()), "three documents, three lanes");
        Document d = store.open("file:///d.js", "javascript", 1, "d", PositionEncoding.UTF16);
        assertEquals(2, lanes.load(d.lane()));

        store.close("file:///b.js", doc -> { });
        awaitIdle(b);
        assertEquals(0, lanes.load(b.lane()), "a closed document no longer counts");
        Document e = store.open("file:///e.js", "javascript", 1, "e", PositionEncoding.UTF16);
        assertEquals(b.lane(), e.lane(), "the freed lane is the least loaded");
    }

    @Test
    void everyTaskOfOneDocumentRunsOnTheSameThread() throws Exception {
        Document doc = store.open("file:///x.ts", "typescript", 1, "x", PositionEncoding.UTF16);
        Document other = store.open("file:///y.ts", "typescript", 1, "y", PositionEncoding.UTF16);
        assertNotEquals(doc.lane(), other.lane());
        Set<Thread> seen = Collections.synchronizedSet(new HashSet<>());
        CountDownLatch done = new CountDownLatch(1);
        for (int i = 0; i < 500; i++) {
            int n = i;
            doc.queue().execute(() -> {
                seen.add(Thread.currentThread());
                if (n == 499) done.countDown();
            });
            if (i % 50 == 0) Thread.sleep(1); // let the lane park and wake again
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(1, seen.size(), "one document, one thread: " + seen);
    }

    private static void awaitIdle(Document doc) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        doc.queue().execute(latch::countDown);
        assertTrue(latch.await(10, TimeUnit.SECONDS));
    }

    /** What background indexing yields to: a task on any lane counts from its submission until it has run. */
    @Test
    void aLaneIsBusyFromATasksSubmissionUntilItHasRun() throws Exception {
        assertTrue(!lanes.busy(), "nothing submitted");
        CountDownLatch running = new CountDownLatch(1), release = new CountDownLatch(1);
        lanes.executor(1).execute(() -> {
            running.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CountDownLatch queuedRan = new CountDownLatch(1);
        lanes.executor(1).execute(queuedRan::countDown); // queued behind the first
        assertTrue(running.await(10, TimeUnit.SECONDS));
        assertTrue(lanes.busy(), "a task running");
        release.countDown();
        assertTrue(queuedRan.await(10, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lanes.busy() && System.nanoTime() < deadline) Thread.sleep(1);
        assertTrue(!lanes.busy(), "idle once both have run");
    }
}
