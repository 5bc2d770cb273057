package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.server.testing.InProcessServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TS2307 and TS2305 pushed with an open document's diagnostics (setting {@code importDiagnostics}):
 * a relative module that does not exist, a name the workspace module does not export (through an
 * {@code export *} chain too); not what TypeScript reports otherwise or what needs knowledge we lack
 * (a spelling suggestion, a local, an asset, a package that is not installed); bare specifiers only
 * with "all"; nothing with "off".
 */
class ImportDiagnosticsTest {
    @TempDir Path root;

    private static final String MAIN = "import { a, missing, helpr, hidden } from \"./a\";\n"
            + "import { x } from \"./nope.js\";\n"
            + "import styles from \"./styles.css\";\n"
            + "import { z } from \"zod\";\n"
            + "import { q } from \"./barrel\";\n"
            + "import { y } from \"pkg/sub\";\n"
            + "console.log(a, missing, helpr, hidden, x, styles, z, q, y);\n";

    private InProcessServer start(Object options) throws Exception {
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/a.ts"), "export const a = 1;\nexport function helper() {}\nconst hidden = 2;\n");
        Files.writeString(root.resolve("src/barrel.ts"), "export * from \"./a\";\n");
        Files.createDirectories(root.resolve("node_modules/pkg"));
        Files.writeString(root.resolve("node_modules/pkg/package.json"), "{\"exports\": {\".\": \"./index.js\"}}");
        Files.writeString(root.resolve("node_modules/pkg/index.js"), "");
        InProcessServer s = new InProcessServer();
        InitializeParams params = new InitializeParams();
        params.setCapabilities(InProcessServer.capabilities(false, null));
        params.setRootUri(root.toUri().toString());
        params.setInitializationOptions(options);
        get(s.remote.initialize(params));
        s.remote.initialized(new InitializedParams());
        s.server.indexing().get(20, TimeUnit.SECONDS);
        return s;
    }

    private List<String> published(InProcessServer s) {
        String uri = root.resolve("src/main.ts").toUri().toString();
        s.open(uri, "typescript", 1, MAIN);
        PublishDiagnosticsParams p = s.client.awaitDiagnostics(uri, 1);
        return p.getDiagnostics().stream().map(ImportDiagnosticsTest::describe).collect(Collectors.toList());
    }

    private static String describe(Diagnostic d) {
        return d.getRange().getStart().getLine() + ":" + d.getRange().getStart().getCharacter() + "-" + d.getRange().getEnd().getCharacter()
                + " TS" + d.getCode().getRight() + " " + d.getMessage().getLeft();
    }

    @Test
    void relativeByDefault() throws Exception {
        try (InProcessServer s = start(null)) {
            assertEquals(List.of(
                    "0:12-19 TS2305 Module '\"./a\"' has no exported member 'missing'.",
                    "1:18-29 TS2307 Cannot find module './nope.js' or its corresponding type declarations.",
                    "4:9-10 TS2305 Module '\"./barrel\"' has no exported member 'q'."), published(s));
        }
    }

    @Test
    void allAddsInstalledPackagesAndOffHasNone() throws Exception {
        try (InProcessServer s = start(Map.of("importDiagnostics", "all"))) {
            assertEquals(List.of(
                    "0:12-19 TS2305 Module '\"./a\"' has no exported member 'missing'.",
                    "1:18-29 TS2307 Cannot find module './nope.js' or its corresponding type declarations.",
                    "4:9-10 TS2305 Module '\"./barrel\"' has no exported member 'q'.",
                    "5:18-27 TS2307 Cannot find module 'pkg/sub' or its corresponding type declarations."), published(s));
        }
    }

    @Test
    void offHasNone() throws Exception {
        try (InProcessServer s = start(Map.of("importDiagnostics", "off"))) {
            assertEquals(List.of(), published(s));
        }
    }
}
