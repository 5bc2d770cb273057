package dev.arenals.server.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What {@code mvn package} prepares for {@code bin/arena-ls check} (server/scripts/check-runtime.sh):
 * a runtime image of the build's JDK with only the modules check uses, a class-data archive for
 * that image and one for the JDK, and the launcher choosing between them. Runs after package
 * (failsafe), on the JDK that ran the build.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CheckRuntimeIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path IMAGE = TARGET.resolve("check-runtime");
    private static final Path JAR = TARGET.resolve("arena-ls.jar");
    private static final Path LAUNCHER = Path.of("../bin/arena-ls").toAbsolutePath().normalize();
    private static final Path SAMPLE = Path.of("../test-fixtures/sources/sample-project").toAbsolutePath().normalize();
    private static final Path JDK = Path.of(System.getProperty("java.home"));

    record Run(int code, String out, String err) {}

    private static Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("JAVA");
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("ARENA_LS_JAVA_OPTS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("check-runtime-it", ".out");
        Path err = Files.createTempFile("check-runtime-it", ".err");
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

    /** Check on the sample project with {@code java}, the archive required (-Xshare:on fails the JVM if it cannot be used). */
    private static Run checkSample(Path java, Path archive) throws Exception {
        return run(List.of(java.toString(), "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-cp", JAR.toString(),
                "dev.arenals.check.CheckCommand", "--cwd", SAMPLE.toString()), Map.of());
    }

    private static void assertSampleChecked(Run r) {
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("arena-ls check: 7 files, 4 errors, 0 warnings in "), r.err());
    }

    @Test
    void theBuildMakesAnImageWithOnlyTheModulesCheckUses() throws Exception {
        if (!Files.isExecutable(JDK.resolve("bin/jlink"))) {
            assertTrue(Files.notExists(IMAGE), "an image although the JDK has no jlink");
            return; // a JRE build: the launcher uses the JDK (checked below)
        }
        assertTrue(Files.isExecutable(IMAGE.resolve("bin/java")), "no image at " + IMAGE + " (see target/check-runtime.log)");
        assertEquals(JDK.toString(), Files.readString(IMAGE.resolve("made-from")).trim());
        Run modules = run(List.of(IMAGE.resolve("bin/java").toString(), "--list-modules"), Map.of());
        assertEquals(0, modules.code(), modules.err());
        List<String> names = new ArrayList<>();
        for (String line : modules.out().split("\n")) if (!line.isBlank()) names.add(line.replaceAll("@.*", "").trim());
        assertEquals(Arrays.asList("java.base", "java.management", "jdk.management", "jdk.unsupported"), names);
    }

    @Test
    void eachRuntimeHasAnArchiveItCanMap() throws Exception {
        assertSampleChecked(checkSample(JDK.resolve("bin/java"), TARGET.resolve("arena-ls-check-jdk.jsa")));
        if (Files.isExecutable(IMAGE.resolve("bin/java"))) {
            assertSampleChecked(checkSample(IMAGE.resolve("bin/java"), TARGET.resolve("arena-ls-check.jsa")));
        }
    }

    /** The launcher's runtime, as the JVM reports it with -XshowSettings:properties (on stderr). */
    private static Run launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString(), "check"));
        command.addAll(Arrays.asList(args));
        Map<String, String> e = new java.util.HashMap<>(env);
        // -Xshare:on: the archive the launcher picks must be usable by the runtime it picks
        e.put("ARENA_LS_JAVA_OPTS", "-Xshare:on -XshowSettings:properties");
        return run(command, e);
    }

    private static String javaHome(Run r) {
        for (String line : r.err().split("\n")) {
            String t = line.trim();
            if (t.startsWith("java.home = ")) return t.substring("java.home = ".length());
        }
        throw new AssertionError("no java.home in " + r.err());
    }

    @Test
    void theLauncherChecksOnTheImageUnlessAnotherJvmIsAskedFor() throws Exception {
        boolean image = Files.isExecutable(IMAGE.resolve("bin/java"));
        Run plain = launch(Map.of(), "--stats", "--cwd", SAMPLE.toString());
        assertSampleChecked(plain);
        assertTrue(plain.err().contains("arena-ls check: stats: collect "), "--stats needs java.management: " + plain.err());
        if (image) assertEquals(IMAGE.toString(), javaHome(plain));

        // JAVA_HOME naming the JDK the image was made from: still the image
        Run sameHome = launch(Map.of("JAVA_HOME", JDK.toString()), "--cwd", SAMPLE.toString());
        assertSampleChecked(sameHome);
        assertEquals(image ? IMAGE.toString() : JDK.toString(), javaHome(sameHome));

        // JAVA_HOME naming that JDK through a symbolic link: still the image
        Path links = Files.createTempDirectory("jdk-link");
        try {
            Path link = Files.createSymbolicLink(links.resolve("jdk"), JDK);
            Run linked = launch(Map.of("JAVA_HOME", link.toString()), "--cwd", SAMPLE.toString());
            assertSampleChecked(linked);
            assertEquals(image ? IMAGE.toString() : JDK.toString(), javaHome(linked));
        } finally {
            Files.deleteIfExists(links.resolve("jdk"));
            Files.deleteIfExists(links);
        }

        // JAVA_HOME naming another JDK (here a link farm to the same one): that JDK, with the JDK's archive
        Path other = Files.createTempDirectory("other-jdk");
        try {
            Files.createDirectories(other.resolve("bin"));
            Files.createSymbolicLink(other.resolve("bin/java"), JDK.resolve("bin/java"));
            Run otherHome = launch(Map.of("JAVA_HOME", other.toString()), "--cwd", SAMPLE.toString());
            assertSampleChecked(otherHome);
            assertEquals(JDK.toString(), javaHome(otherHome));
        } finally {
            Files.deleteIfExists(other.resolve("bin/java"));
            Files.deleteIfExists(other.resolve("bin"));
            Files.deleteIfExists(other);
        }

        // JAVA: exactly that JVM, with the JDK's archive
        Run java = launch(Map.of("JAVA", JDK.resolve("bin/java").toString()), "--cwd", SAMPLE.toString());
        assertSampleChecked(java);
        assertEquals(JDK.toString(), javaHome(java));
    }
}
