package dev.arenals.server.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The committed lib-globals.txt is what the generator makes from the pinned packages, and holds the globals completion needs. */
class GlobalsGeneratorTest {
    private static Path npm() {
        String cache = System.getenv("ARENA_LS_CACHE");
        return (cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache", "arena-ls")).resolve("npm");
    }

    private static String committed() throws IOException {
        try (InputStream in = WellKnownGlobals.class.getResourceAsStream("lib-globals.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theCommittedListIsTheGeneratedOne() throws IOException {
        Path lib = npm().resolve("typescript@6.0.3/package/lib");
        Path node = npm().resolve("@types/node@26.6.6/package");
        Assumptions.assumeTrue(Files.isDirectory(lib) && Files.isDirectory(node),
                "typescript@6.0.3 and @types/node@26.6.6 are not in the cache (test-fixtures/scripts/fetch-npm.sh fetches them)");
        assertEquals(GlobalsGenerator.generate(lib, node), committed(),
                "regenerate server/src/main/resources/dev/arenals/server/query/lib-globals.txt with GlobalsGenerator");
    }

    @Test
    void theListHasTheLanguagesTheDomsAndNodesGlobalsWithTheirKinds() {
        Map<String, Character> kinds = new HashMap<>();
        java.util.Set<String> tags = new java.util.HashSet<>();
        for (int i = 0; i < WellKnownGlobals.libCount(); i++) {
            if (WellKnownGlobals.libIsTag(i)) tags.add(WellKnownGlobals.libName(i));
            else kinds.put(WellKnownGlobals.libName(i), WellKnownGlobals.libKind(i));
        }
        assertTrue(tags.containsAll(java.util.List.of("div", "a", "input", "svg", "circle")), tags.toString());
        assertTrue(!tags.contains("Array") && !kinds.containsKey("div"));
        assertEquals('c', kinds.get("Array"));
        assertEquals('c', kinds.get("Promise"));
        assertEquals('c', kinds.get("HTMLElement"));
        assertEquals('v', kinds.get("Math"));
        assertEquals('f', kinds.get("parseInt"));
        assertEquals('f', kinds.get("fetch"));
        assertEquals('v', kinds.get("document"));
        assertEquals('t', kinds.get("Partial"));
        assertEquals('i', kinds.get("PromiseLike"));
        assertEquals('n', kinds.get("Intl"));
        assertEquals('v', kinds.get("require"));
        assertEquals('v', kinds.get("__dirname"));
        assertEquals('c', kinds.get("Buffer"));
        assertTrue(kinds.size() > 1500 && kinds.size() < 5000, "names: " + kinds.size());
    }
}
