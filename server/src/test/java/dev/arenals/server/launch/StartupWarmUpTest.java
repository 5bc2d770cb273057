package dev.arenals.server.launch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The start-up warm-up runs the server's edit path on the built-in sources, and stops when told. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StartupWarmUpTest {
    @Test
    void completesRoundsWithoutFailingAndStopsWhenTold() throws Exception {
        StartupWarmUp w = new StartupWarmUp();
        Thread t = new Thread(w, "warm-up-test");
        t.start();
        // a failure inside a round ends the warm-up silently: rounds would stay at 0 or 1
        while (w.rounds() < 3 && t.isAlive()) Thread.sleep(5);
        assertTrue(w.rounds() >= 3, "only " + w.rounds() + " rounds before the warm-up ended");
        w.stop();
        t.join(10_000);
        assertTrue(!t.isAlive(), "still running after stop()");
        assertTrue(w.rounds() < StartupWarmUp.MAX_ROUNDS, "stop() did not end it early");
    }
}
