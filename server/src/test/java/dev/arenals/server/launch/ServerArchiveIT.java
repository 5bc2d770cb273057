package dev.arenals.server.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The language server's class-data archive (server/scripts/server-archive.sh, run by {@code mvn
 * package}) and the launcher's rule for it: mapped when the JDK and jar are the ones it was made
 * with, left out when it is stale or absent, and the server starts either way. Runs after package
 * (failsafe), on the JDK that ran the build.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServerArchiveIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path JAR = TARGET.resolve("arena-ls.jar");
    private static final Path ARCHIVE = TARGET.resolve("arena-ls-server.jsa");
    private static final Path LAUNCHER = Path.of("../bin/arena-ls").toAbsolutePath().normalize();
    private static final Path JDK = Path.of(System.getProperty("java.home"));

    record Run(int code, String out, String err) {}

    private static Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("JAVA");
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("ARENA_LS_JAVA_OPTS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("server-archive-it", ".out");
        Path err = Files.createTempFile("server-archive-it", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "timed out: " + command);
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** What {@code launcher --version} did: whether it passed an archive, and whether Main came from one. */
    record Launch(boolean archivePassed, boolean mainShared) {}

    private static Launch launch(Path launcher, Map<String, String> env) throws Exception {
        Path log = Files.createTempFile("server-archive-it", ".classes");
        try {
            Map<String, String> all = new java.util.HashMap<>(env);
            // the -XX flags the JVM was given, on stdout before the version
            all.put("ARENA_LS_JAVA_OPTS", "-XX:+PrintCommandLineFlags -Xlog:class+load=info:file=" + log);
            Run r = run(List.of(launcher.toString(), "--version"), all);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("arena-ls "), r.out());
            boolean passed = r.out().contains("-XX:SharedArchiveFile=");
            for (String line : Files.readAllLines(log)) {
                if (line.contains(" dev.arenals.server.launch.Main ")) return new Launch(passed, line.contains("shared objects file"));
            }
            throw new AssertionError("Main was never loaded: " + r.err());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void theBuildMakesAnArchiveTheJdkCanMap() throws Exception {
        assertTrue(Files.isRegularFile(ARCHIVE), "no " + ARCHIVE);
        assertEquals(JDK.toRealPath().toString(), Files.readString(TARGET.resolve("arena-ls-server.made-from")).trim());
        // -Xshare:on: the JVM fails rather than run without the archive
        Run r = run(List.of(JDK.resolve("bin/java").toString(), "-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE, "-jar", JAR.toString(),
                "--version"), Map.of());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void theLauncherMapsItForTheJdkThatMadeItOnly() throws Exception {
        assertEquals(new Launch(true, true), launch(LAUNCHER, Map.of()));
        assertEquals(new Launch(true, true), launch(LAUNCHER, Map.of("JAVA_HOME", JDK.toString())), "JAVA_HOME naming the build's JDK");
        assertEquals(new Launch(false, false), launch(LAUNCHER, Map.of("JAVA", JDK.resolve("bin/java").toString())), "JAVA picks the JVM: no archive");
    }

    /**
     * The archive covers the way an editor starts the server, not only selftest: every class of ours
     * (lambdas included) that a stdio session loads (initialize, initialized — the warm-up starts —
     * shutdown, exit) is mapped from the archive, none read from the jar or spun at run time.
     */
    @Test
    void aStdioSessionLoadsOurClassesFromTheArchiveOnly() throws Exception {
        Path log = Files.createTempFile("server-archive-it", ".classes");
        Path input = Files.createTempFile("server-archive-it", ".lsp");
        try {
            StringBuilder session = new StringBuilder();
            for (String body : List.of(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\",\"params\":null}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"exit\",\"params\":null}")) {
                session.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
            }
            Files.writeString(input, session, StandardCharsets.US_ASCII);
            ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString());
            pb.environment().remove("JAVA");
            pb.environment().remove("JAVA_HOME");
            pb.environment().put("ARENA_LS_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
            pb.redirectInput(input.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the session did not end");
            assertEquals(0, p.exitValue(), "exit after shutdown");
            List<String> ours = Files.readAllLines(log).stream().filter(l -> l.contains(" dev.arenals.")).toList();
            assertTrue(ours.stream().anyMatch(l -> l.contains(" dev.arenals.server.launch.StartupWarmUp ")), "the session never reached the warm-up");
            List<String> notShared = ours.stream().filter(l -> !l.contains("shared objects file")).toList();
            assertEquals(List.of(), notShared, "classes of ours not from the archive");
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(input);
        }
    }

    /** A copy of the layout bin/ + server/target/ with the archive older than the jar, then without one. */
    @Test
    void aStaleOrMissingArchiveIsLeftOutAndTheServerStarts() throws Exception {
        Path root = Files.createTempDirectory("server-archive-it");
        try {
            Path bin = Files.createDirectories(root.resolve("bin"));
            Path target = Files.createDirectories(root.resolve("server/target"));
            Files.copy(LAUNCHER, bin.resolve("arena-ls"), StandardCopyOption.COPY_ATTRIBUTES);
            Files.copy(JAR, target.resolve("arena-ls.jar"));
            Files.copy(ARCHIVE, target.resolve("arena-ls-server.jsa"));
            Files.copy(TARGET.resolve("arena-ls-server.made-from"), target.resolve("arena-ls-server.made-from"));
            Files.setLastModifiedTime(target.resolve("arena-ls-server.jsa"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
            Files.setLastModifiedTime(target.resolve("arena-ls.jar"), FileTime.fromMillis(System.currentTimeMillis()));
            assertEquals(new Launch(false, false), launch(bin.resolve("arena-ls"), Map.of()), "a stale archive");
            // the same copy with the archive newer than the jar: passed (the JVM then judges it)
            Files.setLastModifiedTime(target.resolve("arena-ls-server.jsa"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
            assertTrue(launch(bin.resolve("arena-ls"), Map.of()).archivePassed(), "a fresh archive was not passed");
            Files.delete(target.resolve("arena-ls-server.jsa"));
            assertEquals(new Launch(false, false), launch(bin.resolve("arena-ls"), Map.of()), "no archive");
        } finally {
            try (var files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
