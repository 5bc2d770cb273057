package dev.arenals.check.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small rules under the resolver and the import checks; the whole is judged by TypeScript in ModuleResolutionOracleTest. */
class ResolverPiecesTest {
    @TempDir Path dir;

    @Test
    void versionRangesAsTypesVersionsReadThemForTypeScript603() {
        int[] v = PackageJson.TYPESCRIPT_VERSION;
        assertTrue(PackageJson.rangeHolds(">=4.2", v));
        assertFalse(PackageJson.rangeHolds("<=5.6", v));
        assertTrue(PackageJson.rangeHolds("<=6.0", v)); // 6.0.x is inside "6.0"
        assertFalse(PackageJson.rangeHolds(">6.0", v));
        assertTrue(PackageJson.rangeHolds("6.x", v));
        assertTrue(PackageJson.rangeHolds(">=5 <7", v));
        assertTrue(PackageJson.rangeHolds("<5 || >=6", v));
        assertFalse(PackageJson.rangeHolds("<5 || >=6.1", v));
        assertFalse(PackageJson.rangeHolds("not a range", v));
    }

    @Test
    void spellingSuggestionsAsTypeScriptMakesThem() {
        assertTrue(ImportChecks.hasSpellingSuggestion("helpr", Set.of("helper")));
        assertTrue(ImportChecks.hasSpellingSuggestion("ab", Set.of("AB"))); // case only
        assertFalse(ImportChecks.hasSpellingSuggestion("ab", Set.of("ac"))); // short names: case only
        assertFalse(ImportChecks.hasSpellingSuggestion("missing", Set.of("a", "helper", "hidden")));
        assertFalse(ImportChecks.hasSpellingSuggestion("x", Set.of("y")));
        assertTrue(ImportChecks.hasSpellingSuggestion("createUser", Set.of("createUsers")));
        assertFalse(ImportChecks.hasSpellingSuggestion("createUser", Set.of("deleteGroup")));
        assertEquals(0.1, ImportChecks.levenshteinWithMax("Foo", "foo", 3), 1e-9);
        assertEquals(-1, ImportChecks.levenshteinWithMax("abcdef", "uvwxyz", 2), 1e-9);
    }

    @Test
    void optionsFollowExtendsWithPathsRelativeToTheirConfig() throws IOException {
        Files.createDirectories(dir.resolve("base"));
        Files.writeString(dir.resolve("base/tsconfig.json"), "{\"compilerOptions\": {\"module\": \"NodeNext\", \"paths\": {\"@/*\": [\"./src/*\"]}}}");
        Files.writeString(dir.resolve("tsconfig.json"), "{\"extends\": \"./base/tsconfig.json\", // comment\n \"compilerOptions\": {\"customConditions\": [\"dev\"]}}");
        ResolverOptions o = ResolverOptions.load(dir.resolve("tsconfig.json"));
        assertEquals(ResolverOptions.Kind.NODENEXT, o.kind());
        assertEquals(dir.resolve("base").toAbsolutePath().normalize(), o.pathsBase);
        assertEquals(java.util.List.of("dev"), o.customConditions);
        assertTrue(o.complete());
        Files.writeString(dir.resolve("broken.json"), "{\"extends\": \"./missing.json\"}");
        assertFalse(ResolverOptions.load(dir.resolve("broken.json")).complete());
        assertEquals(ResolverOptions.Kind.BUNDLER, ResolverOptions.defaults().kind()); // TypeScript 6.0's default
    }

    @Test
    void garbageInNeverThrows() throws IOException {
        Files.writeString(dir.resolve("package.json"), "{\"exports\": {\"./a\": [null, 5, {\"import\": {\"x\": []}}]}, \"typesVersions\": 7,"
                + " \"imports\": {\"#loop\": \"#loop\", \"#a/*\": \"#a/*/*\"}}");
        Files.writeString(dir.resolve("tsconfig.json"), "{\"compilerOptions\": {\"paths\": {\"*\": [\"*\", 3]}, \"baseUrl\": 5}}");
        TypeScriptResolver r = new ProjectResolvers(new CachingFileProbe()).forFile(dir.resolve("x.ts"));
        for (String s : new String[] {"", ".", "./", "#", "#/x", "@", "@/", "a/../../..", "\\\\server\\share", "./a\u0000", "node:fs", "*", "**", "./a/*", "#loop", "#a/b"}) {
            r.resolve(s, dir.resolve("x.ts"), false);
            r.resolve(s, dir.resolve("x.mts"), true);
        }
    }
}
