package dev.arenals.check;

import static dev.arenals.check.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitCodesTest {
    @TempDir Path dir;

    @Test
    void zeroWhenCleanOneWithErrors() {
        write(dir, "a.ts", "export const a: number = 1;\n");
        Cli.Result clean = Cli.run(dir);
        assertEquals(0, clean.exit(), clean::toString);
        assertEquals("", clean.out());
        assertTrue(clean.err().matches("arena-ls check: 1 file, 0 errors, 0 warnings in \\d+\\.\\d+ s \\(28 B, [\\d.]+ MB/s, \\d+ files/s\\)\n"),
                clean.err());
        write(dir, "b.js", "if (\n");
        assertEquals(1, Cli.run(dir).exit());
    }

    @Test
    void anEmptyDirectoryIsNotAnError() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Cli.Result r = Cli.run(dir, "empty");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().startsWith("arena-ls check: 0 files, 0 errors"), r.err());
    }

    @Test
    void maxWarnings() {
        write(dir, "a.js", "const a;\n"); // 1155
        assertEquals(0, Cli.run(dir, "--warn", "1155").exit());
        assertEquals(0, Cli.run(dir, "--warn", "1155", "--max-warnings", "1").exit());
        Cli.Result over = Cli.run(dir, "--warn", "1155", "--max-warnings", "0");
        assertEquals(1, over.exit());
        assertTrue(over.err().contains("1 warnings, more than --max-warnings 0"), over.err());
        // --quiet hides warnings but they still count
        Cli.Result quiet = Cli.run(dir, "--warn", "1155", "--max-warnings", "0", "--quiet");
        assertEquals(1, quiet.exit());
        assertEquals("", quiet.out());
    }

    @Test
    void usageErrorsAreTwo() {
        write(dir, "a.js", "x;\n");
        String[][] bad = {
            {"--bogus"}, {"--format", "xml"}, {"--format"}, {"--threads", "0"}, {"--threads", "x"}, {"--shard", "3/2"},
            {"--shard", "0/2"}, {"--shard", "2"}, {"--max-warnings", "-1"}, {"--max-file-size", "lots"},
            {"--max-file-size", "0"}, {"missing.js"}, {"--quiet=yes"}, {"--project", "none.json"}, {"--warn", "abc"},
        };
        for (String[] args : bad) {
            Cli.Result r = Cli.run(dir, args);
            assertEquals(2, r.exit(), () -> String.join(" ", args) + "\n" + r);
            assertTrue(r.err().startsWith("arena-ls check: "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
        assertTrue(Cli.run(dir, "missing.js").err().contains("'missing.js': no such file or directory"));
    }

    @Test
    void anUnwritableOutputIsTwo() {
        write(dir, "a.js", "x;\n");
        Cli.Result r = Cli.run(dir, "--output", "no/such/dir/report.txt");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("cannot write the report to no/such/dir/report.txt"), r.err());
    }

    @Test
    void helpAndVersion() {
        Cli.Result help = Cli.run(dir, "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().startsWith("usage: arena-ls check [OPTIONS] [PATH...]"), help.out());
        for (String flag : new String[] {"--no-ignore", "--project", "--shard", "--max-file-size", "--format", "--output",
                "--color", "--quiet", "--warn", "--max-warnings", "--stats", "--threads", "--cwd", "--version"}) {
            assertTrue(help.out().contains(flag), flag);
        }
        Cli.Result version = Cli.run(dir, "--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().matches("arena-ls check \\S+\n"), version.out());
        assertFalse(version.out().contains("unknown"), version.out());
    }

    @Test
    void optionsTakeEqualsAndDoubleDashEndsThem() {
        write(dir, "-odd.js", "x;\n");
        Cli.Result r = Cli.run(dir, "--format=tsc", "--threads=1", "--", "-odd.js");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains("1 file"), r.err());
    }

    @Test
    void statsPrintsAllocationFigures() {
        write(dir, "a.js", "x;\n");
        Cli.Result r = Cli.run(dir, "--stats");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains("arena-ls check: stats: collect "), r.err());
        assertTrue(r.err().contains("bytes/file"), r.err());
    }
}
