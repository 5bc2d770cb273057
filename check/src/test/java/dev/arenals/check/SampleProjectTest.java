package dev.arenals.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The sample tree that the README's first command checks: its output is what a newcomer sees. */
class SampleProjectTest {
    private static final String SAMPLE = "test-fixtures/sources/sample-project";

    @Test
    void theReadmeCommandReportsTheBrokenFileOnly() {
        Path root = NpmFixtures.repoRoot();
        assertTrue(Files.isDirectory(root.resolve(SAMPLE)));
        Cli.Result r = Cli.run(root, SAMPLE);
        assertEquals(1, r.exit(), r::toString);
        assertEquals(""
                + SAMPLE + "/src/broken.ts\n"
                + "  4:36   error  ')' expected.                              TS1005\n"
                + "  8:7    error  'const' declarations must be initialized.  TS1155\n"
                + "  12:20  error  Property assignment expected.              TS1136\n"
                + "  15:23  error  ')' expected.                              TS1005\n", r.out());
        assertTrue(r.err().startsWith("arena-ls check: 7 files, 4 errors, 0 warnings in "), r.err());
    }

    @Test
    void tsconfigExcludesTheLegacyFolder() {
        Path root = NpmFixtures.repoRoot();
        Cli.Result all = Cli.run(root, "--no-ignore", "--format", "tsc", SAMPLE);
        assertTrue(all.out().contains(SAMPLE + "/src/legacy/old-checkout.js(2,24): error TS1005: ',' expected."), all.out());
        assertTrue(all.err().startsWith("arena-ls check: 8 files, 5 errors"), all.err());
        Cli.Result fromInside = Cli.run(root.resolve(SAMPLE), "--format", "json");
        assertEquals(7, Cli.jsonSources(fromInside.out()).size());
    }
}
