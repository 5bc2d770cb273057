package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How a specifier is spelled again for a module that moved, as written in a file that may have moved too. */
class FileRenameEditsTest {
    private static Path p(String s) { return Path.of("/w", s); }

    private static String respell(String specifier, String target, String newTarget, String newDirectory) {
        return FileRenameEdits.respell(specifier, p(target), p(newTarget), p(newDirectory));
    }

    @Test
    void extensionlessStaysExtensionless() {
        assertEquals("./b", respell("./a", "a.ts", "b.ts", ""));
        assertEquals("../lib/b", respell("./a", "a.tsx", "lib/b.tsx", "src"));
        assertEquals("./x/a", respell("./a", "a.d.ts", "x/a.d.ts", ""));
    }

    @Test
    void anOutputExtensionFollowsTheSourceKind() {
        assertEquals("./b.js", respell("./a.js", "a.ts", "b.ts", ""));
        assertEquals("./b.js", respell("./a.js", "a.ts", "b.tsx", ""));
        assertEquals("./b.mjs", respell("./a.js", "a.ts", "b.mts", ""));
        assertEquals("./b.jsx", respell("./a.jsx", "a.tsx", "b.tsx", ""));
        assertEquals("./b.js", respell("./a.js", "a.js", "b.js", ""));
    }

    @Test
    void aFileNamedWithItsOwnExtensionKeepsIt() {
        assertEquals("./data/b.json", respell("./a.json", "a.json", "data/b.json", ""));
        assertEquals("./b.ts", respell("./a.ts", "a.ts", "b.ts", ""));
    }

    @Test
    void aFolderStaysAFolderWhileItsIndexIsAnIndex() {
        assertEquals("./helpers", respell("./util", "util/index.ts", "helpers/index.ts", ""));
        assertEquals("../helpers", respell("../util", "util/index.ts", "helpers/index.ts", "src"));
        assertEquals(".", respell("..", "util/index.ts", "util/index.ts", "util"));
        assertEquals("./util/main", respell("./util", "util/index.ts", "util/main.ts", ""));
    }

    @Test
    void anUnknownSpellingIsLeftAlone() {
        assertNull(respell("./weird", "a.ts", "b.ts", ""));
    }
}
