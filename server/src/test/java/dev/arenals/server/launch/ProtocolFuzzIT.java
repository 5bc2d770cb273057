package dev.arenals.server.launch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.testing.ProtocolFuzzer;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The protocol fuzzer against the packaged jar over its real stdin/stdout: fixed seed, 20 s
 * ({@code -Darenals.fuzz.minutes=N} for a long run; docs/reliability.md).
 */
class ProtocolFuzzIT {
    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES) // the long mode; a bounded run takes 20 s plus the final checks
    void theServerOverStdioAnswersEverythingAndEndsAsAFreshOne() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(StdioServerIT.jar()), "the shaded jar is missing: run `mvn -pl server verify`");
        long seed = Long.getLong("arenals.fuzz.seed", 20261207L);
        ProtocolFuzzer.Counts counts = ProtocolFuzzer.runFor(StdioServerIT.jar(), seed, ProtocolFuzzer.durationMillis(20_000));
        System.out.println("protocol fuzzer over stdio, seed " + seed + ": " + counts);
        assertTrue(counts.failures.isEmpty(), String.join("\n\n", counts.failures));
        assertTrue(counts.requests > 300 && counts.malformedFrames > 10, "the run did too little: " + counts);
    }
}
