package dev.arenals.server.protocol;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.testing.ProtocolFuzzer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The protocol fuzzer against an in-process server (the same Launchers and FrameReader as over
 * stdio), fixed seed, 20 s; {@code -Darenals.fuzz.minutes=N} makes it a long run
 * (docs/reliability.md). ProtocolFuzzIT runs it against the shaded jar over real stdio.
 */
class ProtocolFuzzTest {
    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES) // the long mode; a bounded run takes 20 s plus the final checks
    void theServerAnswersEverythingAndEndsAsAFreshOne() throws Exception {
        long seed = Long.getLong("arenals.fuzz.seed", 20261206L);
        ProtocolFuzzer.Counts counts = ProtocolFuzzer.runFor(null, seed, ProtocolFuzzer.durationMillis(20_000));
        System.out.println("protocol fuzzer in process, seed " + seed + ": " + counts);
        assertTrue(counts.failures.isEmpty(), String.join("\n\n", counts.failures));
        assertTrue(counts.requests > 500 && counts.malformedFrames > 20, "the run did too little: " + counts);
    }
}
