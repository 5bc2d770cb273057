package dev.arenals.check;

import static dev.arenals.check.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that cannot be checked: each gets a clear message, never a stack trace. */
class BadFilesTest {
    @TempDir Path dir;

    /** The walk of {@link #dir} with the default options, done. */
    private FileCollector walkWithDefaults() throws CheckOptions.UsageException {
        FileCollector c = new FileCollector(dir, CheckOptions.parse(new String[0]), null);
        c.collect(List.of("."));
        return c;
    }

    private static FileReport[] checkOnOneThread(List<SourceFile> files) throws Exception {
        return new Checker(1, CheckOptions.parse(new String[0]).maxFileSize, Set.of(), false, false).check(files);
    }

    private interface FileChange {
        void apply(Path file) throws IOException;
    }

    /** Writes {@code name} alone into {@link #dir}, walks it, applies {@code change}, then checks it. */
    private FileReport checkAfterTheWalk(String name, FileChange change) throws Exception {
        Path f = write(dir, name, "x;\n");
        List<SourceFile> files = walkWithDefaults().sortedFiles();
        assertEquals(1, files.size());
        change.apply(f);
        return checkOnOneThread(files)[0];
    }

    private static void noStackTrace(Cli.Result r) {
        assertFalse(r.out().contains("Exception") || r.err().contains("Exception"), r::toString);
        assertFalse(r.out().contains("\tat ") || r.err().contains("\tat "), r::toString);
    }

    /** Issue 15, bug 9: NULs inside strings, templates, regexes and comments are valid JavaScript. */
    @Test
    void nulCharactersInsideLiteralsAndCommentsAreChecked() {
        write(dir, "nul.js", "const s = 'a\0b', t = `c\0d`, r = /\0/; // e\0f\n/* g\0h */ let u = s + t + r;\n".getBytes(StandardCharsets.UTF_8));
        write(dir, "nul-late.ts", ("let x: string = '';\n" + "x += 'é';\n".repeat(1000) + "const late = '\0';\n").getBytes(StandardCharsets.UTF_8));
        Cli.Result r = Cli.run(dir, "--format", "tsc");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.out());
        write(dir, "nul-error.js", "const s = 'a\0b';\nlet let = 1;\n".getBytes(StandardCharsets.UTF_8));
        r = Cli.run(dir, "--format", "tsc", "nul-error.js");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().startsWith("nul-error.js(2,5): error"), r::toString);
    }

    @Test
    void textWithNulsBetweenTokensOrNotUtf8IsBinary() {
        // UTF-16LE without a byte order mark: valid UTF-8, a NUL after every ASCII char
        write(dir, "utf16.js", "let a = 1;\n".getBytes(StandardCharsets.UTF_16LE));
        write(dir, "png.js", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xFF});
        write(dir, "late.js", ("let x = 'é';\n".repeat(1000) + "let y\0 = 2;\n").getBytes(StandardCharsets.UTF_8));
        Cli.Result r = Cli.run(dir, "--format", "tsc");
        assertEquals(1, r.exit(), r::toString);
        int lateByte = "let x = 'é';\n".getBytes(StandardCharsets.UTF_8).length * 1000 + 5;
        assertEquals("late.js(1,1): error TS9103: binary file (NUL byte at byte offset " + lateByte + "): not checked\n"
                + "png.js(1,1): error TS9103: binary file (NUL byte at byte offset 4): not checked\n"
                + "utf16.js(1,1): error TS9103: binary file (NUL byte at byte offset 1): not checked\n", r.out());
    }

    @Test
    void binaryFile() {
        byte[] b = "const a = 1;\n".getBytes(StandardCharsets.UTF_8);
        b[5] = 0;
        write(dir, "bin.js", b);
        Cli.Result r = Cli.run(dir, "--format", "tsc");
        assertEquals(1, r.exit(), r::toString);
        assertEquals("bin.js(1,1): error TS9103: binary file (NUL byte at byte offset 5): not checked\n", r.out());
        assertTrue(r.err().contains("1 not checked"), r.err());
        noStackTrace(r);
    }

    @Test
    void invalidUtf8() {
        write(dir, "latin1.js", "// ok\nvar s = \"caf\u00e9\";\n".getBytes(StandardCharsets.ISO_8859_1));
        Cli.Result r = Cli.run(dir, "--format", "tsc");
        assertEquals(1, r.exit(), r::toString);
        assertEquals("latin1.js(1,1): error TS9104: invalid UTF-8: byte 0xE9 at byte offset 18 (line 2); only UTF-8 is supported\n", r.out());
        // overlong encodings and encoded surrogates are invalid too
        write(dir, "latin1.js", new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'});
        assertTrue(Cli.run(dir, "--format", "tsc").out().contains("TS9104"));
        write(dir, "latin1.js", new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'});
        assertTrue(Cli.run(dir, "--format", "tsc").out().contains("TS9104"));
        // truncated at the end of the file
        write(dir, "latin1.js", new byte[] {'x', (byte) 0xE2, (byte) 0x82});
        assertTrue(Cli.run(dir, "--format", "tsc").out().contains("TS9104"));
    }

    @Test
    void byteOrderMarks() {
        byte[] utf16 = "\uFEFFlet a;".getBytes(StandardCharsets.UTF_16BE);
        write(dir, "u16.js", utf16);
        Cli.Result r = Cli.run(dir, "--format", "tsc", "u16.js");
        assertEquals("u16.js(1,1): error TS9104: the file is UTF-16 (it starts with a UTF-16 byte order mark); only UTF-8 is supported\n", r.out());
        // a UTF-8 byte order mark is skipped: columns count from after it
        write(dir, "bom.js", "\uFEFFlet x = ;\n");
        Cli.Result bom = Cli.run(dir, "--format", "tsc", "bom.js");
        assertEquals("bom.js(1,9): error TS1109: Expression expected.\n", bom.out());
    }

    @Test
    void tooLarge() {
        write(dir, "big.js", "// " + "x".repeat(3000) + "\n");
        write(dir, "small.js", "x;\n");
        Cli.Result r = Cli.run(dir, "--format", "tsc", "--max-file-size", "2K");
        assertEquals(1, r.exit(), r::toString);
        assertEquals("big.js(1,1): error TS9105: the file is 2.9 KiB, over the 2.0 KiB limit (--max-file-size): not checked\n", r.out());
        assertEquals(0, Cli.run(dir, "--max-file-size", "1MB").exit());
        assertEquals(2 * 1024, CheckOptionsTestAccess.size("2K"));
        assertEquals(10L * 1024 * 1024, CheckOptionsTestAccess.size("10MB"));
        assertEquals(1536, CheckOptionsTestAccess.size("1.5k"));
        assertEquals(123, CheckOptionsTestAccess.size("123"));
    }

    /** chmod 000 makes a file unreadable, except for root (as the tests usually run in CI), who reads it anyway. */
    @Test
    void unreadableFile() throws IOException {
        Path f = write(dir, "secret.js", "let x = (;\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        try {
            boolean readableAnyway = Files.isReadable(f);
            Cli.Result r = Cli.run(dir, "--format", "tsc");
            if (readableAnyway) {
                // root: the permission bits do not stop reading, so the file is simply checked
                assertEquals(1, r.exit(), r::toString);
                assertTrue(r.out().startsWith("secret.js(1,10): error TS1109"), r.out());
            }
            assumeFalse(readableAnyway, "running as root: chmod 000 does not make a file unreadable");
            assertEquals(2, r.exit(), r::toString);
            assertEquals("secret.js(1,1): error TS9101: cannot read the file: permission denied\n", r.out());
            assertTrue(r.err().contains("could not be read"), r.err());
            noStackTrace(r);
        } finally {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void unreadableDirectory() throws IOException {
        write(dir, "ok.js", "x;\n");
        Path d = Files.createDirectories(dir.resolve("locked"));
        write(dir, "locked/in.js", "x;\n");
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(d), "running as root: chmod 000 does not make a directory unreadable");
            Cli.Result r = Cli.run(dir, "--format", "tsc");
            assertEquals(2, r.exit(), r::toString);
            assertEquals("locked(1,1): error TS9101: cannot list the directory: permission denied\n", r.out());
        } finally {
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aSpecialFileIsAnIoFailure() throws Exception {
        Path fifo = dir.resolve("pipe.js");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor() == 0, "mkfifo is not available");
        write(dir, "ok.js", "x;\n");
        // found by the walk: not a regular file, skipped (never opened: it would block)
        Cli.Result walked = Cli.run(dir, "--format", "tsc");
        assertEquals(0, walked.exit(), walked::toString);
        // named explicitly: reported
        Cli.Result named = Cli.run(dir, "--format", "tsc", "pipe.js", "ok.js");
        assertEquals(2, named.exit(), named::toString);
        assertEquals("pipe.js(1,1): error TS9101: not a regular file (a device, socket or pipe): not checked\n", named.out());
    }

    @Test
    void aFileWhoseNameIsNotUtf8IsStillFoundAndChecked() throws Exception {
        // java.io spells such a name with U+FFFD, which names no file: the check reads it through NIO,
        // which keeps the name's bytes
        Process p = new ProcessBuilder("sh", "-c", "printf 'let x = ;' > \"$(printf 'bad\\377name.js')\"")
                .directory(dir.toFile()).start();
        assumeTrue(p.waitFor() == 0, "sh is not available");
        write(dir, "good.js", "x;\n");
        FileCollector c = walkWithDefaults();
        assertEquals(List.of(), c.reports, "nothing reported as vanished or unreadable");
        List<SourceFile> files = c.sortedFiles();
        assertEquals(2, files.size(), files::toString);
        FileReport[] r = checkOnOneThread(files);
        int errors = 0;
        for (FileReport x : r) {
            assertTrue(x.checked, x.path);
            errors += x.errors;
        }
        assertEquals(1, errors, "the badly named file was read: its syntax error is reported");
    }

    @Test
    void aFileThatVanishesBeforeItIsRead() throws Exception {
        FileReport r = checkAfterTheWalk("gone.js", Files::delete);
        assertEquals(Failure.VANISHED, r.failure());
        assertEquals("the file disappeared before it could be read", r.problems.get(0).message);
        assertFalse(new Report(List.of(r), false, "v", dir).executionSuccessful, "an I/O failure: exit code 2");
    }

    @Test
    void aFileReplacedByADirectoryBeforeItIsReadIsUnreadable() throws Exception {
        FileReport r = checkAfterTheWalk("swapped.js", f -> {
            Files.delete(f);
            Files.createDirectory(f);
        });
        assertEquals(Failure.UNREADABLE, r.failure());
        assertEquals("cannot read the file: is a directory", r.problems.get(0).message);
    }

    @Test
    void aDirectoryThatVanishesDuringTheWalk() throws Exception {
        write(dir, "a/x.js", "x;\n");
        write(dir, "doomed/y.js", "x;\n");
        CheckOptions o = CheckOptions.parse(new String[0]);
        FileCollector c = new FileCollector(dir, o, null);
        c.beforeListing = p -> {
            if (p.getFileName() != null && p.getFileName().toString().equals("doomed")) {
                try {
                    Files.delete(p.resolve("y.js"));
                    Files.delete(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        c.collect(List.of("."));
        assertEquals(List.of("a/x.js"), c.sortedFiles().stream().map(s -> s.display).toList());
        assertEquals(1, c.reports.size());
        FileReport gone = c.reports.get(0);
        assertEquals(FileReport.Kind.DIRECTORY, gone.kind);
        assertEquals("doomed", gone.path);
        assertEquals(Failure.VANISHED, gone.failure());
        assertEquals("the directory disappeared while it was walked", gone.problems.get(0).message);
    }

    @Test
    void pathologicalInputIsReportedNotThrown() {
        write(dir, "deep.js", "(".repeat(100_000));
        write(dir, "junk.ts", "\u0001\u0002}{)(][<>".repeat(2000));
        Cli.Result r = Cli.run(dir, "--format", "json");
        assertEquals(1, r.exit(), r::toString);
        noStackTrace(r);
        assertTrue(r.out().contains("\"code\": 9001"), "nesting too deep");
        assertTrue(r.out().contains("\"code\": 9002"), "too many errors");
    }
}
