package dev.arenals.check;

import static dev.arenals.check.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --warn unused}: declarations never read, as warnings (TS6133), in every format; off by default. */
class UnusedWarningsTest {
    @TempDir Path dir;

    @BeforeEach
    void tree() {
        write(dir, "src/a.ts", "import { used, unusedImport } from './b';\nexport function f(p: number, q: number) {\n  const local = used;\n  return p;\n}\n");
        write(dir, "src/b.ts", "export const used = 1, unusedImport = 2;\n");
    }

    @Test
    void offByDefault() {
        Cli.Result r = Cli.run(dir, "--format", "tsc", ".");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void tscAndStylishListEachUnusedName() {
        Cli.Result r = Cli.run(dir, "--format", "tsc", "--warn", "unused", ".");
        assertEquals(0, r.exit(), r::toString); // warnings alone do not fail the check
        assertEquals(""
                + "src/a.ts(1,16): warning TS6133: 'unusedImport' is declared but its value is never read.\n"
                + "src/a.ts(2,30): warning TS6133: 'q' is declared but its value is never read.\n"
                + "src/a.ts(3,9): warning TS6133: 'local' is declared but its value is never read.\n", r.out());
        assertEquals(1, Cli.run(dir, "--warn", "unused", "--max-warnings", "2", ".").exit());
        Cli.Result stylish = Cli.run(dir, "--warn", "unused", ".");
        assertTrue(stylish.out().contains("3:9   warning  'local' is declared but its value is never read."), stylish.out());
    }

    /** The editor's grouping and codes (UnusedReports): a wholly unused import, types, type parameter lists. */
    @Test
    void groupedAndCodedAsTheEditorShowsThem() {
        write(dir, "src/c.ts", "import { used, other } from './b';\ninterface I {}\nexport function g<T, U>() {}\nexport type K<A> = A;\n");
        Cli.Result r = Cli.run(dir, "--format", "tsc", "--warn", "unused", "src/c.ts");
        assertEquals(""
                + "src/c.ts(1,1): warning TS6192: All imports in import declaration are unused.\n"
                + "src/c.ts(2,11): warning TS6196: 'I' is declared but never used.\n"
                + "src/c.ts(3,18): warning TS6205: All type parameters are unused.\n", r.out());
    }

    @Test
    void everyFormatCarriesTheWarnings() throws Exception {
        JsonSchema documented = new JsonSchema(Jsonc.parse(Files.readString(NpmFixtures.repoRoot().resolve("docs/check-report.schema.json"))));
        for (String format : List.of("json", "sarif", "github", "junit")) {
            Cli.Result r = Cli.run(dir, "--format", format, "--warn", "unused", ".");
            assertEquals(0, r.exit(), format + ": " + r);
            assertTrue(r.out().contains("'local' is declared but its value is never read."), format + ": " + r.out());
            if (format.equals("json")) assertEquals(List.of(), documented.validate(Jsonc.parse(r.out())));
            if (format.equals("sarif")) {
                assertEquals(List.of(), SarifSchemaTest.schema().validate(Jsonc.parse(r.out())));
                assertTrue(r.out().contains("\"level\": \"warning\""), r.out());
            }
        }
    }
}
