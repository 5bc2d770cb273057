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

    /**
     * TS2305's walk of {@code export *} chains stops once every name the import needs is found (the
     * rest of the chain is never read), and walks them all for a name that is missing.
     */
    @Test
    void theExportChainIsReadOnlyUntilTheWantedNamesAreFound() throws IOException {
        for (String f : new String[] {"a.ts", "b.ts", "c.ts"}) Files.writeString(dir.resolve(f), "");
        Path barrel = dir.resolve("barrel.ts").toAbsolutePath().normalize();
        java.util.Map<Path, ModuleShape> shapes = new java.util.HashMap<>();
        shapes.put(barrel, new ModuleShape(barrel, Set.of(), java.util.List.of("./a", "./b", "./c"), Set.of(), false, true));
        shapes.put(dir.resolve("a.ts").toAbsolutePath().normalize(), shape(dir.resolve("a.ts"), "x"));
        shapes.put(dir.resolve("b.ts").toAbsolutePath().normalize(), shape(dir.resolve("b.ts"), "y"));
        shapes.put(dir.resolve("c.ts").toAbsolutePath().normalize(), shape(dir.resolve("c.ts"), "z"));
        ProjectResolvers resolvers = new ProjectResolvers(new CachingFileProbe());
        java.util.List<String> read = new java.util.ArrayList<>();
        java.util.function.Function<Path, ModuleShape> reading = p -> {
            read.add(p.getFileName().toString());
            return shapes.get(p.toAbsolutePath().normalize());
        };
        ModuleShape root = shapes.get(barrel);
        assertEquals(Set.of("x"), ImportChecks.allExports(root, resolvers, reading, java.util.List.of(name("x"))));
        assertEquals(java.util.List.of("a.ts"), read);
        read.clear();
        assertEquals(Set.of("x", "y"), ImportChecks.allExports(root, resolvers, reading, java.util.List.of(name("y"), name("x"))));
        assertEquals(java.util.List.of("a.ts", "b.ts"), read);
        read.clear();
        assertEquals(Set.of("x", "y", "z"), ImportChecks.allExports(root, resolvers, reading, java.util.List.of(name("missing"))));
        assertEquals(java.util.List.of("a.ts", "b.ts", "c.ts"), read);
    }

    private static ModuleShape shape(Path file, String export) {
        return new ModuleShape(file.toAbsolutePath().normalize(), Set.of(export), java.util.List.of(), Set.of(export), false, true);
    }

    private static ModuleSyntax.NameRef name(String name) { return new ModuleSyntax.NameRef(name, 0, name.length()); }

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

    /** The memo's key of a relative specifier is the path it names, normalized as Path.normalize does. */
    @Test
    void aRelativeSpecifierIsKeyedByThePathItNames() {
        String[][] cases = {{"/p/src/d9", "../d1/f2.js"}, {"/p/src/d9", "./a"}, {"/p/src/d9", "."}, {"/p/src/d9", ".."}, {"/p", "../../../x"},
            {"/p/./q/../r", "./s/./t/../u"}, {"/", "./a"}, {"/p", "./a//b/"}, {"/p/src", "../.."}, {"/a/b", "./c/.."}};
        for (String[] c : cases) {
            StringBuilder out = new StringBuilder("prefix/with/slashes\u0001");
            int root = out.length();
            TypeScriptResolver.appendNormalized(out, root, c[0]);
            TypeScriptResolver.appendNormalized(out, root, c[1]);
            String normalized = out.length() == root ? "/" : out.substring(root);
            assertEquals(Path.of(c[0]).resolve(c[1]).normalize().toString(), normalized, c[0] + " + " + c[1]);
        }
    }

    /** Files in several directories importing one module share its answer; a specifier naming another file from another directory does not. */
    @Test
    void importersInOtherDirectoriesShareTheAnswerForTheSameFileOnly() throws IOException {
        Files.createDirectories(dir.resolve("a/x"));
        Files.createDirectories(dir.resolve("b/x"));
        Files.createDirectories(dir.resolve("m"));
        Files.writeString(dir.resolve("m/index.ts"), "");
        Files.writeString(dir.resolve("m.ts"), "");
        Files.writeString(dir.resolve("a/t.ts"), "");
        Files.writeString(dir.resolve("b/t.ts"), "");
        TypeScriptResolver r = new ProjectResolvers(new CachingFileProbe()).forFile(dir.resolve("x.ts"));
        for (int round = 0; round < 2; round++) { // the second round answers from the memo
            assertEquals(dir.resolve("m.ts"), r.resolve("../../m", dir.resolve("a/x/i.ts"), false));
            assertEquals(dir.resolve("m.ts"), r.resolve("../m", dir.resolve("b/i.ts"), false));
            assertEquals(dir.resolve("m/index.ts"), r.resolve("../m/", dir.resolve("b/i.ts"), false)); // a directory only
            assertEquals(dir.resolve("a/t.ts"), r.resolve("../t", dir.resolve("a/x/i.ts"), false));
            assertEquals(dir.resolve("b/t.ts"), r.resolve("../t", dir.resolve("b/x/i.ts"), false));
            assertEquals(null, r.resolve("./t", dir.resolve("m/i.ts"), false));
            assertEquals(dir.resolve("a/t.ts"), r.resolve("./t", dir.resolve("a/i.ts"), false)); // the same specifier from another directory
            assertEquals(dir.resolve("m.ts"), r.resolve("./../m", dir.resolve("b/i.ts"), false));
        }
    }
}
