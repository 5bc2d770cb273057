package dev.arenals.server.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleResolverTest {
    @TempDir Path dir;

    private Path file(String rel) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "");
        return p;
    }

    @Test
    void probesExtensionsIndexFilesAndOutputExtensionsLikeTypeScript() throws IOException {
        Path a = file("a.ts");
        Path tsx = file("view.tsx");
        Path dts = file("types.d.ts");
        Path js = file("plain.js");
        Path index = file("lib/index.ts");
        Path mts = file("esm.mts");
        Path both = file("both.ts");
        file("both.js"); // the compiled output next to its source: ./both.js names the source
        Path importer = file("src/main.ts");
        Path src = importer.getParent();

        assertEquals(a, ModuleResolver.resolve(dir, "./a"));
        assertEquals(a, ModuleResolver.resolve(dir, "./a.js"));
        assertEquals(a, ModuleResolver.resolve(dir, "./a.ts"));
        assertEquals(tsx, ModuleResolver.resolve(dir, "./view.js"));
        assertEquals(tsx, ModuleResolver.resolve(dir, "./view.jsx"));
        assertEquals(dts, ModuleResolver.resolve(dir, "./types"));
        assertEquals(js, ModuleResolver.resolve(dir, "./plain"));
        assertEquals(index, ModuleResolver.resolve(dir, "./lib"));
        assertEquals(index, ModuleResolver.resolve(dir, "./lib/index.js"));
        assertEquals(mts, ModuleResolver.resolve(dir, "./esm.mjs"));
        assertEquals(both, ModuleResolver.resolve(dir, "./both.js"));
        assertEquals(a, ModuleResolver.resolveFrom(importer, "../a"));
        assertEquals(index, ModuleResolver.resolve(src, ".."+ "/lib"));
        assertEquals(a, ModuleResolver.resolve(dir, ".\\a")); // TypeScript reads a backslash as a separator (its resolveModuleName agrees)
    }

    @Test
    void bareMissingAndMalformedSpecifiersResolveToNothing() throws IOException {
        file("a.ts");
        assertNull(ModuleResolver.resolve(dir, "react"));
        assertNull(ModuleResolver.resolve(dir, "./missing"));
        assertNull(ModuleResolver.resolve(dir, ".\\missing"));
        assertNull(ModuleResolver.resolve(dir, "./a\u0000"));
        assertNull(ModuleResolver.resolve(dir, "/abs/a"));
    }

    @Test
    void packagesAndTsconfigPathsResolveAsTypeScriptDoes() throws IOException {
        Path importer = file("app/src/main.ts");
        Files.writeString(dir.resolve("app/tsconfig.json"), "{\"compilerOptions\": {\"paths\": {\"@/*\": [\"./src/*\"]}}}");
        Path util = file("app/src/util.ts");
        Files.createDirectories(dir.resolve("app/node_modules/pkg"));
        Files.writeString(dir.resolve("app/node_modules/pkg/package.json"),
                "{\"exports\": {\".\": {\"types\": \"./index.d.ts\", \"default\": \"./index.js\"}, \"./sub/*\": \"./lib/*.js\"}}");
        Path types = file("app/node_modules/pkg/index.d.ts");
        file("app/node_modules/pkg/index.js");
        Path sub = file("app/node_modules/pkg/lib/x.d.ts");
        Path atTypes = file("app/node_modules/@types/untyped/index.d.ts");
        file("app/node_modules/untyped/index.js");

        assertEquals(util, ModuleResolver.resolveFrom(importer, "@/util"));
        assertEquals(types.toRealPath(), ModuleResolver.resolveFrom(importer, "pkg"));
        assertEquals(sub.toRealPath(), ModuleResolver.resolveFrom(importer, "pkg/sub/x"));
        assertNull(ModuleResolver.resolveFrom(importer, "pkg/lib/x")); // not exported
        assertEquals(atTypes.toRealPath(), ModuleResolver.resolveFrom(importer, "untyped"));
        assertNull(ModuleResolver.resolveFrom(importer, "node:fs"));
    }

    /** Summaries keep what the resolver hands out without interning it again: one Path per file, by every route. */
    @Test
    void everyRouteToAFileGivesTheIndexsOnePathOfIt() throws IOException {
        Path a = file("app/src/a.ts");
        Path other = file("app/src/deep/b.ts");
        Files.createDirectories(dir.resolve("app/node_modules/pkg"));
        Files.writeString(dir.resolve("app/node_modules/pkg/package.json"), "{\"types\": \"./index.d.ts\"}");
        file("app/node_modules/pkg/index.d.ts");
        Path interned = Summarizer.internPath(a);
        // by the directory's listing (relative, with and without an extension), from two importers, and through a fresh cache generation
        assertSame(interned, ModuleResolver.resolveFrom(dir.resolve("app/src/main.ts"), "./a"));
        assertSame(interned, ModuleResolver.resolveFrom(other, "../a.js"));
        ModuleResolver.forgetAll();
        assertSame(interned, ModuleResolver.resolveFrom(other, "../a"));
        // a package's file: its real path
        Path types = ModuleResolver.resolveFrom(other, "pkg");
        assertEquals(dir.resolve("app/node_modules/pkg/index.d.ts").toRealPath(), types);
        assertSame(Summarizer.internPath(types), types);
    }

    @Test
    void anAnswerKeptForADirectoryGoesWhenAFileEventDropsTheMemo() throws IOException {
        Path main = file("src/main.ts");
        Path sibling = file("src/other.ts");
        // the answers for src/ are kept on this thread between its files: a miss first
        assertNull(ModuleResolver.resolveFrom(main, "./late"));
        assertNull(ModuleResolver.resolveFrom(sibling, "./late"));
        Path late = file("src/late.ts");
        ModuleResolver.forget(late); // the watcher's event for the new file
        assertEquals(late, ModuleResolver.resolveFrom(sibling, "./late"));
        assertEquals(late, ModuleResolver.resolveFrom(main, "./late"));
        Files.delete(late);
        ModuleResolver.forget(late);
        assertNull(ModuleResolver.resolveFrom(main, "./late"));
    }

    @Test
    void aFileTheCachesHaveNotSeenIsForgottenWhenNoticed() throws IOException {
        ModuleResolver.forgetAll(); // fresh generations: none expires during the test
        Path main = file("src/main.ts");
        assertNull(ModuleResolver.resolveFrom(main, "./late")); // src/ listed without it, the miss kept
        Path late = file("src/late.ts"); // created with no file event
        assertNull(ModuleResolver.resolveFrom(main, "./late"), "the cached listing and answer: the stale window");
        assertTrue(ModuleResolver.forgetIfUnseen(late), "not in the cached listing of src/");
        assertEquals(late, ModuleResolver.resolveFrom(main, "./late"));
        assertFalse(ModuleResolver.forgetIfUnseen(late), "listed since the answers were dropped: known, nothing dropped");
        assertFalse(ModuleResolver.forgetIfUnseen(dir.resolve("elsewhere/new.ts")), "a directory no cached answer looked into");
        Path config = file("src/tsconfig.json");
        assertTrue(ModuleResolver.forgetIfUnseen(config), "a config, which outlives the generations, always");
        assertEquals(late, ModuleResolver.resolveFrom(main, "./late")); // src/ listed again
        Path main2 = file("src/main2.ts");
        assertTrue(ModuleResolver.forgetIfUnseen(main2), "created after src/ was listed");
        assertEquals(main2, ModuleResolver.resolveFrom(main, "./main2"));
    }

    @Test
    void aSummaryResolvesEachSpecifierAsResolveFromDoes() throws IOException {
        Path a = file("a.ts");
        Path index = file("lib/index.ts");
        Path main = dir.resolve("src/main.ts");
        Files.createDirectories(main.getParent());
        Files.writeString(main, "import { x } from \"../a\";\nimport * as lib from \"../lib\";\nexport * from \"./missing\";\nimport y = require(\"../a\");\n");
        dev.arenals.parser.tree.Arena arena = new dev.arenals.parser.tree.Arena(1024);
        char[] text = Files.readString(main).toCharArray();
        new dev.arenals.parser.JsParser().parseInPlace(arena, text, text.length, dev.arenals.parser.ParseOptions.forFileName("main.ts"));
        FileSummary s = Summarizer.summarizeBuildingLines(main, null, arena, text,
                new dev.arenals.parser.LineStarts(dev.arenals.parser.LineStarts.Terminators.LSP), dev.arenals.server.document.PositionEncoding.UTF16);
        assertEquals(java.util.Map.of("../a", a, "../lib", index), s.resolvedModules());
        assertEquals(ModuleResolver.resolveFrom(main, "../a"), s.resolve("../a"));
        assertNull(s.resolve("./missing"));
    }
}
