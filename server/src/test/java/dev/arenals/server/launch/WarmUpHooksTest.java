package dev.arenals.server.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.protocol.ArenaLanguageServer;
import dev.arenals.server.testing.InProcessServer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The moments Main's warm-up is started and stopped at (Main.serveStdio): the client's
 * {@code initialized}, a document idle once its diagnostics are out, an edit; and a warm-up stopped
 * before it started never starts (an edit that came first).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WarmUpHooksTest {
    private static Runnable counting(AtomicInteger n) {
        return new Runnable() {
            @Override public void run() { n.incrementAndGet(); }
        };
    }

    private static void await(AtomicInteger n, int atLeast) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (n.get() < atLeast && System.nanoTime() < until) Thread.sleep(2);
    }

    @Test
    void initializedThenIdleAfterTheFirstDiagnosticsThenChanged() throws Exception {
        AtomicInteger initialized = new AtomicInteger(), idle = new AtomicInteger(), changed = new AtomicInteger();
        ArenaLanguageServer.Options options = new ArenaLanguageServer.Options();
        options.clientInitialized = counting(initialized);
        options.documentIdle = counting(idle);
        options.documentChanged = counting(changed);
        try (InProcessServer s = new InProcessServer(options)) {
            s.initialize();
            await(initialized, 1);
            assertEquals(1, initialized.get(), "initialized");
            assertEquals(0, idle.get(), "idle before any document");
            s.open("file:///w/a.ts", "typescript", 1, "let a = 1;\n");
            s.client.awaitDiagnostics("file:///w/a.ts", 1);
            await(idle, 1);
            assertTrue(idle.get() >= 1, "no idle after the first diagnostics");
            assertEquals(0, changed.get(), "changed before any edit");
            s.change("file:///w/a.ts", 2, 0, 0, 0, 0, " ");
            s.client.awaitDiagnostics("file:///w/a.ts", 2);
            assertEquals(1, changed.get(), "one edit");
        }
    }

    @Test
    void aWarmUpStoppedBeforeItStartedNeverStarts() {
        StartupWarmUp w = new StartupWarmUp();
        w.stop();
        w.startThread();
        assertFalse(w.started());
    }
}
