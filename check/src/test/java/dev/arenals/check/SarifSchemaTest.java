package dev.arenals.check;

import static dev.arenals.check.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validates {@code --format sarif} against the SARIF 2.1.0 JSON schema (schemastore's
 * sarif-2.1.0-rtm.5.json, as shipped in the pinned npm package
 * {@value NpmFixtures#SARIF_SCHEMA_PACKAGE}), with the small validator {@link JsonSchema}; and
 * checks that the validator does reject logs that break the schema.
 */
class SarifSchemaTest {
    @TempDir Path dir;

    private static JsonSchema schema;

    static synchronized JsonSchema schema() throws Exception {
        if (schema == null) {
            Path file = NpmFixtures.npmPackage(NpmFixtures.SARIF_SCHEMA_PACKAGE).resolve(NpmFixtures.SARIF_SCHEMA_PATH);
            schema = new JsonSchema(Jsonc.parse(Files.readString(file)));
        }
        return schema;
    }

    private static List<String> errors(String json) throws Exception {
        return schema().validate(Jsonc.parse(json));
    }

    private static final String MINIMAL = "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"x\"}},"
            + " \"results\": [{\"message\": {\"text\": \"m\"}, \"level\": \"error\", \"locations\": [{\"physicalLocation\":"
            + " {\"artifactLocation\": {\"uri\": \"a.js\"}, \"region\": {\"startLine\": 1, \"startColumn\": 1}}}]}]}]}";

    @Test
    void theValidatorAcceptsAMinimalLogAndRejectsBrokenOnes() throws Exception {
        assertEquals(List.of(), errors(MINIMAL));
        assertFalse(errors(MINIMAL.replace("\"version\": \"2.1.0\", ", "")).isEmpty(), "version is required");
        assertFalse(errors(MINIMAL.replace("2.1.0", "2.0.0")).isEmpty(), "version enum");
        assertFalse(errors(MINIMAL.replace("\"startLine\": 1", "\"startLine\": 0")).isEmpty(), "startLine minimum 1");
        assertFalse(errors(MINIMAL.replace("\"level\": \"error\"", "\"level\": \"fatal\"")).isEmpty(), "level enum");
        assertFalse(errors(MINIMAL.replace("\"tool\":", "\"bogus\": 1, \"tool\":")).isEmpty(), "no additional properties on run");
        assertFalse(errors(MINIMAL.replace("{\"name\": \"x\"}", "{}")).isEmpty(), "driver name is required");
        assertFalse(errors(MINIMAL.replace("\"a.js\"", "3")).isEmpty(), "uri is a string");
    }

    @Test
    void checkWritesValidSarifForCleanTreesFailuresAndWarnings() throws Exception {
        write(dir, "clean.ts", "export {};\n");
        Cli.Result clean = Cli.run(dir, "--format", "sarif");
        assertEquals(0, clean.exit(), clean::toString);
        assertEquals(List.of(), errors(clean.out()));
        assertTrue(clean.out().contains("\"results\": []"), clean.out());

        write(dir, "bad.js", "function (\n");
        write(dir, "big.js", "x".repeat(2000));
        write(dir, "utf.js", new byte[] {'a', (byte) 0xC3, '('});
        write(dir, "tsconfig.json", "{ broken");
        Cli.Result r = Cli.run(dir, "--format", "sarif", "--max-file-size", "1K");
        assertEquals(1, r.exit(), r::toString);
        assertEquals(List.of(), errors(r.out()));
        for (String rule : List.of("TS9104", "TS9105", "TS9106")) assertTrue(r.out().contains("\"id\": \"" + rule + "\""), rule);

        Path fifo = dir.resolve("pipe.js");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (p.waitFor() == 0) {
            Cli.Result io = Cli.run(dir, "--format", "sarif", "pipe.js", "bad.js");
            assertEquals(2, io.exit(), io::toString);
            assertEquals(List.of(), errors(io.out()));
            assertTrue(io.out().contains("\"executionSuccessful\": false"), io.out());
        }
    }
}
