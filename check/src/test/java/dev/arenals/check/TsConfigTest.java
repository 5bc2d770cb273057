package dev.arenals.check;

import static dev.arenals.check.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsConfigTest {
    @TempDir Path dir;

    private TsConfig config(String json) throws Exception {
        return TsConfig.load(write(dir, "tsconfig.json", json));
    }

    private boolean in(TsConfig c, String rel) {
        return c.includes(dir.resolve(rel).toAbsolutePath().normalize());
    }

    @Test
    void defaultIncludeIsEverythingButDependenciesDotFilesAndMinifiedFiles() throws Exception {
        TsConfig c = config("{}");
        assertTrue(in(c, "a.ts"));
        assertTrue(in(c, "src/deep/b.tsx"));
        assertFalse(in(c, "node_modules/x/index.js"));
        assertFalse(in(c, "src/node_modules/x/index.js"));
        assertFalse(in(c, "bower_components/x.js"));
        assertFalse(in(c, ".eslintrc.js"));
        assertFalse(in(c, ".storybook/main.js"));
        assertFalse(in(c, "vendor/jquery.min.js"));
        assertTrue(in(c, "vendor/jquery.mine.js"));
    }

    @Test
    void includeDirectoriesAndWildcards() throws Exception {
        TsConfig c = config("{\"include\": [\"src\", \"tests/**/*.spec.ts\", \"tools/?.js\"]}");
        assertTrue(in(c, "src/a.js"));
        assertTrue(in(c, "src/x/y/z.ts"));
        assertTrue(in(c, "tests/a.spec.ts"));
        assertTrue(in(c, "tests/unit/a.spec.ts"));
        assertFalse(in(c, "tests/a.ts"));
        assertTrue(in(c, "tools/x.js"));
        assertFalse(in(c, "tools/xy.js"));
        assertFalse(in(c, "other.ts"));
        assertFalse(in(c, "srcs/a.ts"));
    }

    @Test
    void excludeRemovesFromIncludeButNotFromFiles() throws Exception {
        TsConfig c = config("{\"files\": [\"src/legacy/keep.js\"], \"include\": [\"src\"],"
                + " \"exclude\": [\"src/legacy\", \"**/*.test.ts\"]}");
        assertTrue(in(c, "src/a.ts"));
        assertFalse(in(c, "src/legacy/old.js"));
        assertFalse(in(c, "src/legacy/deep/old.js"));
        assertTrue(in(c, "src/legacy/keep.js"));
        assertFalse(in(c, "src/a.test.ts"));
        assertFalse(in(c, "src/x/a.test.ts"));
    }

    @Test
    void filesWithoutIncludeSelectsOnlyTheFiles() throws Exception {
        TsConfig c = config("{\"files\": [\"./main.ts\", \"lib/../other.ts\"]}");
        assertTrue(in(c, "main.ts"));
        assertTrue(in(c, "other.ts"));
        assertFalse(in(c, "third.ts"));
        assertEquals(2, c.listedFiles().size());
        TsConfig empty = config("{\"files\": []}");
        assertFalse(in(empty, "main.ts"));
    }

    @Test
    void outDirIsExcludedByDefaultAndAnExplicitExcludeReplacesTheDefaults() throws Exception {
        TsConfig c = config("{\"compilerOptions\": {\"outDir\": \"./lib\"}}");
        assertFalse(in(c, "lib/index.js"));
        assertTrue(in(c, "src/index.ts"));
        TsConfig explicit = config("{\"compilerOptions\": {\"outDir\": \"lib\"}, \"exclude\": [\"tmp\"]}");
        assertTrue(in(explicit, "lib/index.js"));
        assertFalse(in(explicit, "tmp/x.js"));
        // wildcards still do not enter node_modules
        assertFalse(in(explicit, "node_modules/p/x.js"));
    }

    @Test
    void jsoncSyntaxIsAccepted() throws Exception {
        TsConfig c = config("{\n  // comment\n  \"include\": [\"src\",], /* more */\n}\n");
        assertTrue(in(c, "src/a.ts"));
        assertFalse(in(c, "b.ts"));
    }

    @Test
    void extendsInheritsTheListsRelativeToTheBase() throws Exception {
        write(dir, "configs/base.json", "{\"include\": [\"../shared\"], \"exclude\": [\"../shared/skip\"]}");
        TsConfig c = TsConfig.load(write(dir, "app/tsconfig.json", "{\"extends\": \"../configs/base\"}"));
        assertTrue(c.includes(dir.resolve("shared/a.ts")));
        assertFalse(c.includes(dir.resolve("shared/skip/a.ts")));
        assertFalse(c.includes(dir.resolve("app/a.ts")));
        assertEquals(List.of(dir.resolve("shared")), c.includeBaseDirectories());

        TsConfig override = TsConfig.load(write(dir, "app2/tsconfig.json",
                "{\"extends\": [\"../configs/base.json\"], \"include\": [\"src\"]}"));
        assertTrue(override.includes(dir.resolve("app2/src/a.ts")));
        assertFalse(override.includes(dir.resolve("shared/a.ts")));
        assertFalse(override.includes(dir.resolve("app2/src/../../shared/skip/x.ts").normalize()));
    }

    @Test
    void extendsAPackage() throws Exception {
        write(dir, "node_modules/@acme/tsconfig/tsconfig.json", "{\"include\": [\"../../../pkg-src\"]}");
        TsConfig c = config("{\"extends\": \"@acme/tsconfig\"}");
        assertTrue(in(c, "pkg-src/a.ts"));
        // a package that is not installed is left out
        TsConfig missing = config("{\"extends\": \"@tsconfig/node20/tsconfig.json\", \"include\": [\"src\"]}");
        assertTrue(in(missing, "src/a.ts"));
    }

    @Test
    void unusableConfigs() {
        assertThrows(TsConfig.ConfigException.class, () -> config("{\"include\": [\"src\"] \"exclude\": []}"));
        assertThrows(TsConfig.ConfigException.class, () -> config("[]"));
        assertThrows(TsConfig.ConfigException.class, () -> config("{\"include\": \"src\"}"));
        assertThrows(TsConfig.ConfigException.class, () -> config("{\"files\": [1]}"));
        assertThrows(TsConfig.ConfigException.class, () -> config("{\"extends\": \"./missing.json\"}"));
        write(dir, "a.json", "{\"extends\": \"./b.json\"}");
        write(dir, "b.json", "{\"extends\": \"./a.json\"}");
        TsConfig.ConfigException e = assertThrows(TsConfig.ConfigException.class, () -> config("{\"extends\": \"./a.json\"}"));
        assertTrue(e.getMessage().contains("circular"), e.getMessage());
        TsConfig.ConfigException syntax = assertThrows(TsConfig.ConfigException.class, () -> config("{\n\"a\": }"));
        assertTrue(syntax.getMessage().contains("line 2"), syntax.getMessage());
    }

    @Test
    void includePatternsEndingInDoubleStarAreIgnoredAsTypeScriptDoes() throws Exception {
        TsConfig c = config("{\"include\": [\"src/**\", \"lib\"]}");
        assertFalse(in(c, "src/a.ts"));
        assertTrue(in(c, "lib/a.ts"));
    }
}
