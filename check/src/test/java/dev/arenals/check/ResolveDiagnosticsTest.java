package dev.arenals.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --resolve} on resources/resolve/project, whose src/b.ts imports in every way that
 * matters. tsc 6.0.3 (typescript@6.0.3, {@code createProgram} + {@code getSemanticDiagnostics}) reports
 * there, among others: 2305 at 1:13, 1:54, 8:10, 9:10, 15:10, 18:10; 2307 at 2:19, 3:20, 5:20, 6:18,
 * 7:19, 13:19, 16:15, 17:21; and 2724, 2460, 2614, 2497, 2306, 2882 elsewhere. We report a subset:
 * never a code TypeScript does not give at that place, and leave out what needs knowledge we lack
 * (an asset or JSON import another declaration may describe, a package that is not installed, an
 * {@code export *} of an unknown module, a declaration file's implicit exports).
 */
class ResolveDiagnosticsTest {
    @TempDir Path dir;

    @Test
    void reportsOnlyWhatTypeScriptCertainlyReports() throws IOException, URISyntaxException {
        Path fixture = Paths.get(getClass().getResource("/resolve/project").toURI());
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p)) Cli.write(dir, fixture.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        Cli.write(dir, "node_modules/pkg/package.json", "{\"name\":\"pkg\",\"exports\":{\".\":{\"types\":\"./index.d.ts\",\"default\":\"./index.js\"}}}");
        Cli.write(dir, "node_modules/pkg/index.d.ts", "export declare const y2: number;\n");
        Cli.write(dir, "node_modules/pkg/index.js", "\n");

        Cli.Result r = Cli.run(dir, "--resolve", "--format", "tsc", "src");
        List<String> found = new ArrayList<>();
        for (String line : r.out().split("\n")) if (!line.isBlank()) found.add(line);
        assertEquals(List.of(
                "src/b.ts(1,13): error TS2305: Module '\"./a\"' has no exported member 'missing'.",
                "src/b.ts(1,54): error TS2305: Module '\"./a\"' has no exported member 'NoType'.",
                "src/b.ts(2,19): error TS2307: Cannot find module './nope' or its corresponding type declarations.",
                "src/b.ts(3,20): error TS2307: Cannot find module './nope.js' or its corresponding type declarations.",
                "src/b.ts(8,10): error TS2305: Module '\"./c\"' has no exported member 'q'.",
                "src/b.ts(13,19): error TS2307: Cannot find module 'pkg/sub' or its corresponding type declarations.",
                "src/b.ts(15,10): error TS2305: Module '\"./a\"' has no exported member 'notThere'.",
                "src/b.ts(16,15): error TS2307: Cannot find module './gone' or its corresponding type declarations.",
                "src/b.ts(17,21): error TS2307: Cannot find module './gone2' or its corresponding type declarations."), found, r.toString());
        assertEquals(1, r.exit());

        Cli.Result without = Cli.run(dir, "--format", "tsc", "src");
        assertEquals(0, without.exit(), without.toString()); // the same files parse cleanly: the findings above are --resolve's
    }
}
