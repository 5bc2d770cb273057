package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.testing.InProcessServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticWorkspaceCapabilities;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
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

    private InProcessServer start(Object options) throws Exception { return start(options, false); }

    /** {@code pull}: the client pulls diagnostics and supports workspace/diagnostic/refresh. */
    private InProcessServer start(Object options, boolean pull) throws Exception {
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/a.ts"), "export const a = 1;\nexport function helper() {}\nconst hidden = 2;\n");
        Files.writeString(root.resolve("src/barrel.ts"), "export * from \"./a\";\n");
        Files.createDirectories(root.resolve("node_modules/pkg"));
        Files.writeString(root.resolve("node_modules/pkg/package.json"), "{\"exports\": {\".\": \"./index.js\"}}");
        Files.writeString(root.resolve("node_modules/pkg/index.js"), "");
        InProcessServer s = new InProcessServer();
        InitializeParams params = new InitializeParams();
        ClientCapabilities caps = InProcessServer.capabilities(pull, null);
        if (pull) {
            WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
            workspace.setDiagnostics(new DiagnosticWorkspaceCapabilities(true));
            caps.setWorkspace(workspace);
        }
        params.setCapabilities(caps);
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
    void anOpenImporterIsCheckedAgainWhenItsModuleChangesItsExports() throws Exception {
        try (InProcessServer s = start(Map.of("importDiagnostics", "relative"))) {
            assertEquals(3, published(s).size());
            String a = root.resolve("src/a.ts").toUri().toString();
            String main = root.resolve("src/main.ts").toUri().toString();
            s.open(a, "typescript", 1, "export const a = 1;\nexport function helper() {}\nconst hidden = 2;\n");
            s.changeAll(a, 2, "export const a = 1, missing = 0, q = 0;\nexport function helper() {}\nconst hidden = 2;\n");
            PublishDiagnosticsParams p = s.client.awaitDiagnostics(main, d -> d.getDiagnostics().size() == 1);
            assertEquals(List.of("1:18-29 TS2307 Cannot find module './nope.js' or its corresponding type declarations."),
                    p.getDiagnostics().stream().map(ImportDiagnosticsTest::describe).collect(Collectors.toList()));
        }
    }

    /** Shapes of modules are kept by summary (made once per summary): every change of the module's exports still shows. */
    @Test
    void anExportAddedRemovedAndAddedAgainShowsAtEachEditOfTheImporter() throws Exception {
        try (InProcessServer s = start(Map.of("importDiagnostics", "relative"))) {
            assertEquals(3, published(s).size());
            String a = root.resolve("src/a.ts").toUri().toString();
            String main = root.resolve("src/main.ts").toUri().toString();
            String without = "export const a = 1;\nexport function helper() {}\nconst hidden = 2;\n";
            String with = "export const a = 1, missing = 0;\nexport function helper() {}\nconst hidden = 2;\n";
            s.open(a, "typescript", 1, without);
            for (int round = 0; round < 3; round++) {
                int before = s.client.diagnostics(main).size();
                s.changeAll(a, 2 + 2 * round, with);
                awaitLater(s, main, before, d -> d.getDiagnostics().size() == 2 && !mentions(d, "'missing'"));
                before = s.client.diagnostics(main).size();
                s.changeAll(a, 3 + 2 * round, without);
                awaitLater(s, main, before, d -> d.getDiagnostics().size() == 3 && mentions(d, "'missing'"));
            }
        }
    }

    private static boolean mentions(PublishDiagnosticsParams p, String text) {
        return p.getDiagnostics().stream().anyMatch(d -> d.getMessage().getLeft().contains(text));
    }

    /** A publication for {@code uri} after the first {@code seen} ones that matches {@code test}. */
    private static void awaitLater(InProcessServer s, String uri, int seen, java.util.function.Predicate<PublishDiagnosticsParams> test) {
        s.client.awaitDiagnostics(uri, p -> {
            List<PublishDiagnosticsParams> all = s.client.diagnostics(uri);
            for (int i = seen; i < all.size(); i++) if (all.get(i) == p) return test.test(p);
            return false;
        });
    }

    @Test
    void aBigModuleSummarizedAfterAPauseStillRechecksItsImporters() throws Exception {
        try (InProcessServer s = start(null)) {
            assertEquals(3, published(s).size());
            StringBuilder filler = new StringBuilder();
            for (int i = 0; filler.length() < ArenaLanguageServer.SUMMARY_DEFER_CHARS; i++) filler.append("const v").append(i).append(" = ").append(i).append(";\n");
            String a = root.resolve("src/a.ts").toUri().toString();
            String main = root.resolve("src/main.ts").toUri().toString();
            s.open(a, "typescript", 1, "export const a = 1;\nexport function helper() {}\nconst hidden = 2;\n" + filler);
            s.changeAll(a, 2, "export const a = 1, missing = 0, q = 0;\nexport function helper() {}\nconst hidden = 2;\n" + filler);
            PublishDiagnosticsParams p = s.client.awaitDiagnostics(main, d -> d.getDiagnostics().size() == 1);
            assertEquals(List.of(NOPE), describe(p.getDiagnostics()));
        }
    }

    @Test
    void aModuleThatImportsItselfThroughABarrelIsCheckedAgainWhenItsOwnExportsChange() throws Exception {
        String text = "import { b } from \"./around\";\nconst c = 1;\nexport { c };\nconsole.log(b);\n";
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/self.ts"), text);
        Files.writeString(root.resolve("src/around.ts"), "export * from \"./self\";\n");
        try (InProcessServer s = start(null)) {
            String self = root.resolve("src/self.ts").toUri().toString();
            s.open(self, "typescript", 1, text);
            assertEquals(List.of("0:9-10 TS2305 Module '\"./around\"' has no exported member 'b'."),
                    s.client.awaitDiagnostics(self, 1).getDiagnostics().stream().map(ImportDiagnosticsTest::describe).collect(Collectors.toList()));
            s.changeAll(self, 2, "import { b } from \"./around\";\nconst c = 1;\nexport { c, c as b };\nconsole.log(b);\n");
            s.client.awaitDiagnostics(self, d -> d.getDiagnostics().isEmpty());
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

    // ---- freshness: what other files say changes without an edit of the importer ----

    private static final String NOPE = "1:18-29 TS2307 Cannot find module './nope.js' or its corresponding type declarations.";

    private void changedOnDisk(InProcessServer s, String file, FileChangeType type) {
        s.remote.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(root.resolve(file).toUri().toString(), type))));
    }

    private static List<String> describe(List<Diagnostic> list) {
        return list.stream().map(ImportDiagnosticsTest::describe).collect(Collectors.toList());
    }

    @Test
    void aClosedModuleChangedOnDiskRepublishesItsOpenImporters() throws Exception {
        try (InProcessServer s = start(null)) {
            assertEquals(3, published(s).size());
            String main = root.resolve("src/main.ts").toUri().toString();
            Files.writeString(root.resolve("src/a.ts"), "export const a = 1, missing = 0, q = 0;\nexport function helper() {}\nconst hidden = 2;\n");
            changedOnDisk(s, "src/a.ts", FileChangeType.Changed);
            PublishDiagnosticsParams p = s.client.awaitDiagnostics(main, d -> d.getDiagnostics().size() == 1);
            assertEquals(List.of(NOPE), describe(p.getDiagnostics()));
        }
    }

    @Test
    void aModuleCreatedOnDiskClearsCannotFindModule() throws Exception {
        try (InProcessServer s = start(null)) {
            assertEquals(3, published(s).size());
            String main = root.resolve("src/main.ts").toUri().toString();
            Files.writeString(root.resolve("src/nope.ts"), "export const x = 1;\n");
            changedOnDisk(s, "src/nope.ts", FileChangeType.Created);
            PublishDiagnosticsParams p = s.client.awaitDiagnostics(main, d -> d.getDiagnostics().size() == 2);
            assertTrue(describe(p.getDiagnostics()).stream().noneMatch(d -> d.contains("TS2307")), p.toString());
            // and deleted again: the error is back
            Files.delete(root.resolve("src/nope.ts"));
            changedOnDisk(s, "src/nope.ts", FileChangeType.Deleted);
            s.client.awaitDiagnostics(main, d -> s.client.diagnostics(main).size() >= 3);
            List<PublishDiagnosticsParams> all = s.client.diagnostics(main);
            assertTrue(describe(all.get(all.size() - 1).getDiagnostics()).contains(NOPE), all.toString());
        }
    }

    private DocumentDiagnosticReport pull(InProcessServer s, String uri, String previous) throws Exception {
        DocumentDiagnosticParams params = new DocumentDiagnosticParams(new TextDocumentIdentifier(uri));
        params.setPreviousResultId(previous);
        return get(s.remote.getTextDocumentService().diagnostic(params));
    }

    @Test
    void pulledImportDiagnosticsAreRefreshedWhenAModuleChangesOnDiskOrInTheEditor() throws Exception {
        try (InProcessServer s = start(null, true)) {
            String main = root.resolve("src/main.ts").toUri().toString();
            s.open(main, "typescript", 1, MAIN);
            DocumentDiagnosticReport first = pull(s, main, null);
            assertEquals(3, first.getRelatedFullDocumentDiagnosticReport().getItems().size());
            String id = first.getRelatedFullDocumentDiagnosticReport().getResultId();
            assertTrue(pull(s, main, id).isRelatedUnchangedDocumentDiagnosticReport(), "nothing changed yet");

            // a closed module changes on disk: the client is asked to pull again, and the report is new
            int refreshes = s.client.diagnosticRefreshes();
            Files.writeString(root.resolve("src/a.ts"), "export const a = 1, missing = 0;\nexport function helper() {}\nconst hidden = 2;\n");
            changedOnDisk(s, "src/a.ts", FileChangeType.Changed);
            s.client.awaitDiagnosticRefresh(refreshes);
            DocumentDiagnosticReport second = pull(s, main, id);
            assertTrue(second.isRelatedFullDocumentDiagnosticReport(), "a full report after the refresh");
            assertEquals(List.of(NOPE, "4:9-10 TS2305 Module '\"./barrel\"' has no exported member 'q'."),
                    describe(second.getRelatedFullDocumentDiagnosticReport().getItems()));

            // an open module's exports change in the editor: the same
            refreshes = s.client.diagnosticRefreshes();
            String a = root.resolve("src/a.ts").toUri().toString();
            s.open(a, "typescript", 1, "export const a = 1, missing = 0;\nexport function helper() {}\nconst hidden = 2;\n");
            s.changeAll(a, 2, "export const a = 1, missing = 0, q = 0;\nexport function helper() {}\nconst hidden = 2;\n");
            s.client.awaitDiagnosticRefresh(refreshes);
            DocumentDiagnosticReport third = pull(s, main, second.getRelatedFullDocumentDiagnosticReport().getResultId());
            assertEquals(List.of(NOPE), describe(third.getRelatedFullDocumentDiagnosticReport().getItems()));
            assertTrue(s.client.diagnostics(main).isEmpty(), "no push when the client pulls");
        }
    }

    @Test
    void aChangeNoOpenDocumentImportsAsksNothing() throws Exception {
        try (InProcessServer s = start(null, true)) {
            String main = root.resolve("src/main.ts").toUri().toString();
            s.open(main, "typescript", 1, "import { a } from \"./a\";\nconsole.log(a);\n");
            String id = pull(s, main, null).getRelatedFullDocumentDiagnosticReport().getResultId();
            Files.writeString(root.resolve("src/other.ts"), "export const other = 1;\n");
            changedOnDisk(s, "src/other.ts", FileChangeType.Created);
            // a later change that does concern it: its refresh is the first one
            Files.writeString(root.resolve("src/a.ts"), "export const b = 1;\n");
            changedOnDisk(s, "src/a.ts", FileChangeType.Changed);
            s.client.awaitDiagnosticRefresh(0);
            assertEquals(1, s.client.diagnosticRefreshes());
            assertEquals(List.of("0:9-10 TS2305 Module '\"./a\"' has no exported member 'a'."),
                    describe(pull(s, main, id).getRelatedFullDocumentDiagnosticReport().getItems()));
        }
    }
}
