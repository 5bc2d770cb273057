package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.testing.InProcessServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Definition into modules outside the project files: a package in node_modules (its declaration
 * files summarized only as a chain reaches them), and {@code declare module "x" { … }} blocks, which are definition targets for imports of "x" that no file
 * resolves to: a named import lands on the member, a default or namespace import on the block's
 * name; a pattern block ("*.svg") serves the specifiers it matches.
 */
class ModuleDefinitionTest {
    @TempDir Path root;

    private static final String DECLARATIONS = "declare module \"virtual:config\" {\n  export const mode: string;\n  export function load(): void;\n}\n"
            + "declare module \"*.svg\" {\n  const url: string;\n  export default url;\n}\n";
    private static final String MAIN = "import { load, mode } from \"virtual:config\";\nimport * as cfg from \"virtual:config\";\n"
            + "import logo from \"./logo.svg\";\nload(mode, cfg, logo);\ncfg.load();\n";

    @Test
    void importsOfDeclaredModulesGoToTheirBlocks() throws Exception {
        Files.createDirectories(root.resolve("src/types"));
        Files.writeString(root.resolve("src/types/env.d.ts"), DECLARATIONS);
        Files.writeString(root.resolve("src/main.ts"), MAIN);
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            String main = root.resolve("src/main.ts").toUri().toString();
            s.open(main, "typescript", 1, MAIN);
            assertEquals(List.of(at("load", 0)), definition(s, main, "load", 1));
            assertEquals(List.of(at("mode", 0)), definition(s, main, "mode", 1));
            // the namespace import itself, as TypeScript answers; its members lead into the module
            assertEquals(List.of("main.ts:1:12-15"), definition(s, main, "cfg", 1));
            assertEquals(List.of(at("\"virtual:config\"", 0)), definition(s, main, "cfg", 0)); // and the import's own name, the module
            assertEquals(List.of(at("\"*.svg\"", 0)), definition(s, main, "logo", 2));
            assertEquals(List.of(at("load", 0)), definition(s, main, "load", 2)); // cfg.load: a member of the namespace import
            // on the specifier itself: the block that declares the module
            assertEquals(List.of(at("\"virtual:config\"", 0)), definition(s, main, "virtual:config", 0));
            assertEquals(List.of(at("\"*.svg\"", 0)), definition(s, main, "logo.svg", 0));
        }
    }

    @Test
    void aModuleSpecifierLeadsToTheFileItResolvesTo() throws Exception {
        Files.createDirectories(root.resolve("src/lib"));
        Files.writeString(root.resolve("src/lib/index.ts"), "export const a = 1;\n");
        Files.writeString(root.resolve("src/lib/headed.ts"), "/**\n * @since 1.0\n */\n\nexport const h = 1;\n");
        Files.createDirectories(root.resolve("node_modules/pkg"));
        Files.writeString(root.resolve("node_modules/pkg/package.json"), "{\"types\": \"main.d.ts\"}");
        Files.writeString(root.resolve("node_modules/pkg/main.d.ts"), "export declare const p: number;\n");
        String main = "import { a } from \"./lib\";\nexport * from \"pkg\";\nconst later = import(\"./lib/index.js\");\nimport(\"./missing\");\n"
                + "export * as lib from \"./lib\";\nimport * as headed from \"./lib/headed\";\n";
        Files.writeString(root.resolve("src/main.ts"), main);
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            String uri = root.resolve("src/main.ts").toUri().toString();
            s.open(uri, "typescript", 1, main);
            java.util.function.Function<Position, String> at = p -> {
                try {
                    List<? extends Location> found = get(s.remote.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri), p))).getLeft();
                    return found.stream().map(l -> root.toUri().relativize(java.net.URI.create(l.getUri())) + ":" + l.getRange().getStart().getLine()
                            + ":" + l.getRange().getStart().getCharacter()).collect(java.util.stream.Collectors.joining(" "));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            };
            assertEquals("src/lib/index.ts:0:0", at.apply(new Position(0, 21)));
            assertEquals("node_modules/pkg/main.d.ts:0:0", at.apply(new Position(1, 16)));
            assertEquals("src/lib/index.ts:0:0", at.apply(new Position(2, 24)));
            assertEquals("", at.apply(new Position(3, 10)), "a module that does not exist: no definition");
            assertEquals("", at.apply(new Position(0, 18)), "the quote is not the specifier");
            assertEquals("src/lib/index.ts:0:0", at.apply(new Position(4, 14)), "export * as lib: the name stands for the module");
            assertEquals("src/lib/headed.ts:4:0", at.apply(new Position(5, 14)), "the module's first token, past its header, as TypeScript answers");
            assertEquals("src/lib/headed.ts:4:0", at.apply(new Position(5, 28)), "on the specifier too");
        }
    }

    @Test
    void packagesResolveIntoNodeModulesAndOnlyTheImportedDeclarationFileIsIndexed() throws Exception {
        Files.createDirectories(root.resolve("node_modules/pkg/lib"));
        Files.writeString(root.resolve("node_modules/pkg/package.json"), "{\"types\": \"lib/index.d.ts\"}");
        Files.writeString(root.resolve("node_modules/pkg/lib/index.d.ts"), "export * from \"./hello\";\n");
        Files.writeString(root.resolve("node_modules/pkg/lib/hello.d.ts"), "export declare function hello(): void;\n");
        Files.writeString(root.resolve("node_modules/pkg/lib/unused.d.ts"), "export declare const unused: number;\n");
        Files.createDirectories(root.resolve("src"));
        String main = "import { hello } from \"pkg\";\nhello();\n";
        Files.writeString(root.resolve("src/main.ts"), main);
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            String uri = root.resolve("src/main.ts").toUri().toString();
            s.open(uri, "typescript", 1, main);
            assertFalse(s.server.workspaceIndex().isIndexed(root.resolve("node_modules/pkg/lib/index.d.ts").toRealPath()), "dependencies are not walked");
            List<? extends Location> found = get(s.remote.getTextDocumentService().definition(
                    new DefinitionParams(new TextDocumentIdentifier(uri), new Position(1, 1)))).getLeft();
            assertEquals(List.of("hello.d.ts:0:24-29"), found.stream().map(l -> l.getUri().substring(l.getUri().lastIndexOf('/') + 1) + ":"
                    + l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter() + "-" + l.getRange().getEnd().getCharacter())
                    .collect(Collectors.toList()));
            assertTrue(s.server.workspaceIndex().isIndexed(root.resolve("node_modules/pkg/lib/index.d.ts").toRealPath()));
            assertTrue(s.server.workspaceIndex().isIndexed(root.resolve("node_modules/pkg/lib/hello.d.ts").toRealPath()));
            assertFalse(s.server.workspaceIndex().isIndexed(root.resolve("node_modules/pkg/lib/unused.d.ts").toRealPath()), "only what the chain reached");
        }
    }

    /** "env.d.ts:line:start-end" of the n-th occurrence of {@code word} in the declarations. */
    private static String at(String word, int n) {
        int i = -1;
        for (int k = 0; k <= n; k++) i = DECLARATIONS.indexOf(word, i + 1);
        if (i < 0) throw new AssertionError(word + " #" + n + " is not in the declarations");
        int line = 0, lineStart = 0;
        for (int k = 0; k < i; k++) if (DECLARATIONS.charAt(k) == '\n') { line++; lineStart = k + 1; }
        return "env.d.ts:" + line + ":" + (i - lineStart) + "-" + (i - lineStart + word.length());
    }

    /** Definition at the n-th occurrence of {@code word} in main.ts, as "file:line:start-end". */
    private static List<String> definition(InProcessServer s, String uri, String word, int n) throws Exception {
        int i = -1;
        for (int k = 0; k <= n; k++) i = MAIN.indexOf(word, i + 1);
        if (i < 0) throw new AssertionError(word + " #" + n + " is not in the text");
        int line = 0, lineStart = 0;
        for (int k = 0; k < i; k++) if (MAIN.charAt(k) == '\n') { line++; lineStart = k + 1; }
        Position p = new Position(line, i - lineStart + 1);
        List<? extends Location> found = get(s.remote.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri), p))).getLeft();
        return found.stream().map(l -> l.getUri().substring(l.getUri().lastIndexOf('/') + 1) + ":" + l.getRange().getStart().getLine() + ":"
                + l.getRange().getStart().getCharacter() + "-" + l.getRange().getEnd().getCharacter()).collect(Collectors.toList());
    }
}
