package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.testing.InProcessServer;
import dev.arenals.server.workspace.ModuleResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.CreateFilesParams;
import org.eclipse.lsp4j.DeleteFilesParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileCreate;
import org.eclipse.lsp4j.FileDelete;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.FileOperationsServerCapabilities;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file created while an open document's import of it is reported missing (TS2307): the report
 * goes without another edit of the importer, and well within the three seconds resolution keeps a
 * directory's listing, however the client tells of the new file — a watched-file event, its own
 * file operation ({@code workspace/didCreateFiles}), or only {@code didOpen} / {@code didSave} of it
 * (Neovim 0.7 watches nothing; a workspace edit's {@code create} is followed by a didOpen).
 */
class NewFileResolutionTest {
    @TempDir Path root;

    private static final String A = "import { b } from \"./b\";\nconsole.log(b);\n";
    private static final String MISSING = "TS2307 Cannot find module './b' or its corresponding type declarations.";

    /** Resolution must have cached the directory's listing without b.ts: the stale window is the point. */
    private static final long WITHIN_NANOS = TimeUnit.MILLISECONDS.toNanos(2_500);

    private String uri(String rel) { return root.resolve(rel).toUri().toString(); }

    private InProcessServer start() throws Exception {
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/a.ts"), A);
        InProcessServer s = InProcessServer.inWorkspace(root);
        s.open(uri("src/a.ts"), "typescript", 1, A);
        PublishDiagnosticsParams first = s.client.awaitDiagnostics(uri("src/a.ts"), 1);
        assertTrue(reports(first, MISSING), first.toString());
        // a.ts's summary made without b.ts, its deferred one too: none made later may hide a stale one
        s.server.pendingSummariesMade(null).get(10, TimeUnit.SECONDS);
        Thread.sleep(2 * ArenaLanguageServer.SUMMARY_DELAY_MILLIS);
        return s;
    }

    private static boolean reports(PublishDiagnosticsParams p, String text) {
        return p.getDiagnostics().stream().anyMatch(d -> ("TS" + d.getCode().getRight() + " " + d.getMessage().getLeft()).equals(text));
    }

    /** The first publication for a.ts after the {@code seen} ones that passes {@code test}. */
    private static PublishDiagnosticsParams awaitLater(InProcessServer s, String uri, int seen, Predicate<PublishDiagnosticsParams> test) {
        return s.client.awaitDiagnostics(uri, p -> {
            List<PublishDiagnosticsParams> all = s.client.diagnostics(uri);
            for (int i = seen; i < all.size(); i++) if (all.get(i) == p) return test.test(p);
            return false;
        });
    }

    /** Creates b.ts the way {@code create} says, then waits for a.ts's report without TS2307. */
    private void createdClearsTheReport(InProcessServer s, Runnable create) throws Exception {
        String a = uri("src/a.ts");
        int seen = s.client.diagnostics(a).size();
        long start = System.nanoTime();
        Files.writeString(root.resolve("src/b.ts"), "export const b = 1;\n");
        create.run();
        awaitLater(s, a, seen, p -> p.getDiagnostics().isEmpty());
        long took = System.nanoTime() - start;
        assertTrue(took < WITHIN_NANOS, "the report went after " + took / 1_000_000 + " ms: from the listing's expiry, not the event");
    }

    @Test
    void aFileOpenedWithoutAWatchedFileEventClearsCannotFindModule() throws Exception {
        try (InProcessServer s = start()) {
            createdClearsTheReport(s, () -> s.open(uri("src/b.ts"), "typescript", 1, "export const b = 1;\n"));
        }
    }

    /** The caches may have met b.ts already (they start afresh every three seconds): a.ts's report is still from before it, and goes. */
    @Test
    void aFileTheCachesListedAlreadyStillRechecksItsImporters() throws Exception {
        try (InProcessServer s = start()) {
            createdClearsTheReport(s, () -> {
                ModuleResolver.forgetAll();
                assertEquals(root.resolve("src/b.ts"), ModuleResolver.resolveFrom(root.resolve("src/c.ts"), "./b"), "listed with b.ts");
                assertFalse(ModuleResolver.forgetIfUnseen(root.resolve("src/b.ts")), "nothing for the caches to drop");
                s.open(uri("src/b.ts"), "typescript", 1, "export const b = 1;\n");
            });
        }
    }

    @Test
    void aWatchedFileEventClearsCannotFindModule() throws Exception {
        try (InProcessServer s = start()) {
            createdClearsTheReport(s, () -> s.remote.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                    List.of(new FileEvent(uri("src/b.ts"), FileChangeType.Created)))));
        }
    }

    @Test
    void theClientsDidCreateFilesClearsCannotFindModuleAndDidDeleteFilesBringsItBack() throws Exception {
        try (InProcessServer s = start()) {
            createdClearsTheReport(s, () -> s.remote.getWorkspaceService().didCreateFiles(new CreateFilesParams(List.of(new FileCreate(uri("src/b.ts"))))));
            String a = uri("src/a.ts");
            int seen = s.client.diagnostics(a).size();
            Files.delete(root.resolve("src/b.ts"));
            s.remote.getWorkspaceService().didDeleteFiles(new DeleteFilesParams(List.of(new FileDelete(uri("src/b.ts")))));
            awaitLater(s, a, seen, p -> reports(p, MISSING));
        }
    }

    /** A buffer opened before its file exists (resolution reads the disk), then written by its first save. */
    @Test
    void theFirstSaveOfANewBufferClearsCannotFindModule() throws Exception {
        try (InProcessServer s = start()) {
            s.open(uri("src/b.ts"), "typescript", 1, "export const b = 1;\n");
            s.client.awaitDiagnostics(uri("src/b.ts"), 1);
            createdClearsTheReport(s, () -> s.remote.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(uri("src/b.ts")))));
        }
    }

    /**
     * After the open that made it found, a.ts's own summary resolves ./b too: an export b.ts then
     * drops in the editor reaches a.ts (TS2305), as for any module it imported from the start.
     */
    @Test
    void theImporterFollowsTheNewFilesExportsAfterwards() throws Exception {
        try (InProcessServer s = start()) {
            String b = uri("src/b.ts");
            createdClearsTheReport(s, () -> s.open(b, "typescript", 1, "export const b = 1;\n"));
            String a = uri("src/a.ts");
            int seen = s.client.diagnostics(a).size();
            s.changeAll(b, 2, "export const c = 1;\n");
            awaitLater(s, a, seen, p -> reports(p, "TS2305 Module '\"./b\"' has no exported member 'b'."));
        }
    }

    @Test
    void fileOperationsAreDeclaredForSourcesAndFolders() throws Exception {
        try (InProcessServer s = new InProcessServer()) {
            InitializeResult result = s.initialize();
            FileOperationsServerCapabilities ops = result.getCapabilities().getWorkspace().getFileOperations();
            assertNotNull(ops.getDidCreate(), "didCreate");
            assertNotNull(ops.getDidRename(), "didRename");
            assertNotNull(ops.getDidDelete(), "didDelete");
            assertEquals(ops.getWillRename().getFilters(), ops.getDidCreate().getFilters());
        }
    }

    /**
     * Which open documents a file that may be new sends back to be checked: those with an import
     * that may name it and did not find it; not one whose imports name packages, found or not,
     * without paths or baseUrl (every save would check those again).
     */
    @Test
    void aNoticedFileRechecksOnlyImportsThatMayNameItAndDidNotFindIt() throws Exception {
        Files.createDirectories(root.resolve("node_modules/pkg"));
        Files.writeString(root.resolve("node_modules/pkg/package.json"), "{\"types\": \"./index.d.ts\"}");
        Files.writeString(root.resolve("node_modules/pkg/index.d.ts"), "export const p: number;\n");
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/a.ts"), "export const a = 1;\n");
        Path main = root.resolve("src/main.ts");
        String text = "import { p } from \"pkg\";\nimport { a } from \"./a\";\nimport { g } from \"./gone\";\nimport { z } from \"not-installed\";\n";
        dev.arenals.parser.tree.Arena arena = new dev.arenals.parser.tree.Arena();
        char[] chars = text.toCharArray();
        new dev.arenals.parser.JsParser().parse(arena, chars, chars.length, dev.arenals.parser.ParseOptions.forFileName("main.ts"));
        ModuleResolver.forgetAll();
        dev.arenals.server.workspace.FileSummary s = dev.arenals.server.workspace.Summarizer.summarize(main, main.toUri().toString(), arena, chars,
                dev.arenals.parser.LineStarts.of(chars, chars.length, dev.arenals.parser.LineStarts.Terminators.LSP),
                dev.arenals.server.document.PositionEncoding.UTF16);
        assertEquals(2, s.resolvedModules().size(), s.resolvedModules().toString());
        assertTrue(ArenaLanguageServer.mayResolveAnew(s, root.resolve("src/gone.ts")));
        assertFalse(ArenaLanguageServer.mayResolveAnew(s, root.resolve("src/a.ts")), "found already");
        assertFalse(ArenaLanguageServer.mayResolveAnew(s, root.resolve("src/other.ts")),
                "a package found, one not installed (no paths or baseUrl), relative names that do not match");
    }

    /** Which unresolved specifiers a new or deleted file may answer (the rest of the open documents are left alone). */
    @Test
    void anUnresolvedRelativeSpecifierMayNameOnlyFilesInOrUnderWhereItLooks() throws Exception {
        Path importer = root.resolve("src/a.ts");
        assertTrue(ArenaLanguageServer.mayName(importer, "./b", root.resolve("src/b.ts")));
        assertTrue(ArenaLanguageServer.mayName(importer, "./b.js", root.resolve("src/b.tsx")));
        assertTrue(ArenaLanguageServer.mayName(importer, "./b", root.resolve("src/b/index.ts")));
        assertTrue(ArenaLanguageServer.mayName(importer, "../lib/x", root.resolve("lib")), "a folder made above it");
        assertTrue(ArenaLanguageServer.mayName(importer, "zod", root.resolve("node_modules/zod/index.d.ts")), "bare: through packages or paths");
        assertTrue(ArenaLanguageServer.mayName(importer, "./b", root.resolve("src/b.ios.ts")), "moduleSuffixes");
        assertTrue(ArenaLanguageServer.mayName(importer, "./x.css", root.resolve("src/x.d.css.ts")), "an arbitrary extension's declarations");
        assertFalse(ArenaLanguageServer.mayName(importer, "./b", root.resolve("src/a.ts")), "another name in the same directory");
        assertFalse(ArenaLanguageServer.mayName(importer, "./b", root.resolve("src/bc.ts")));
        assertFalse(ArenaLanguageServer.mayName(importer, "./b", root.resolve("other/b.ts")));
        assertFalse(ArenaLanguageServer.mayName(importer, "./b", root.resolve("src/deep/c.ts")));
        assertFalse(ArenaLanguageServer.mayName(importer, "../lib/x", root.resolve("src/x.ts")));
    }
}
