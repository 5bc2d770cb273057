package dev.arenals.check;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * Pinned npm packages used by the tests, fetched (never committed) into
 * {@code ${ARENA_LS_CACHE:-$HOME/.cache/arena-ls}/npm/NAME@VERSION/package/} by the repository's
 * {@code test-fixtures/scripts/fetch-npm.sh}, the same cache and script as the conformance tests.
 */
final class NpmFixtures {
    /** The SARIF 2.1.0 JSON schema (schemastore's sarif-2.1.0-rtm.5.json) ships in this package. */
    static final String SARIF_SCHEMA_PACKAGE = "@microsoft/jest-sarif@1.0.0-beta.0";
    static final String SARIF_SCHEMA_PATH = "lib/schemas/sarif-2.1.0-rtm.5.json";

    private NpmFixtures() {}

    /** The repository root (the directory above check/). */
    static Path repoRoot() {
        Path module = Paths.get(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path d = module; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("test-fixtures/scripts/fetch-npm.sh"))) return d;
        }
        throw new IllegalStateException("cannot find test-fixtures/scripts/fetch-npm.sh above " + module);
    }

    static Path cacheRoot() {
        String c = System.getenv("ARENA_LS_CACHE");
        if (c != null && !c.isEmpty()) return Paths.get(c).toAbsolutePath().normalize();
        String home = System.getenv("HOME");
        if (home == null || home.isEmpty()) home = System.getProperty("user.home");
        return Paths.get(home, ".cache", "arena-ls").toAbsolutePath().normalize();
    }

    /** The unpacked package directory, fetched first when missing. */
    static synchronized Path npmPackage(String spec) {
        Path dir = cacheRoot().resolve("npm").resolve(spec);
        Path pkg = dir.resolve("package");
        if (Files.isRegularFile(dir.resolve(".arena-ls-fetched")) && Files.isDirectory(pkg)) return pkg;
        Path script = repoRoot().resolve("test-fixtures/scripts/fetch-npm.sh");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), spec)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putIfAbsent("ARENA_LS_CACHE", cacheRoot().toString());
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("fetch-npm.sh " + spec + " timed out");
            }
            if (p.exitValue() != 0) throw new IllegalStateException("fetch-npm.sh " + spec + " failed:\n" + out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!Files.isDirectory(pkg)) throw new IllegalStateException(pkg + " missing after fetch");
        return pkg;
    }
}
