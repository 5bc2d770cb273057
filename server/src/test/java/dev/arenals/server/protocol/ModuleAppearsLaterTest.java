package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.server.testing.InProcessServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module created after the files that import it were indexed (a new file, saved or announced
 * after the import was written): its importers are found — by references, and so by rename and
 * the export conversions — as soon as the server hears of it, whichever way: a watched-file event,
 * or the editor opening it. Found by the VS Code client test of the export conversion. And a
 * folder deleted (a watcher tells the folder only) takes its files out of the index.
 */
class ModuleAppearsLaterTest {
    @TempDir Path root;

    private static final String GREET = "export default function greet(name: string) { return name; }\n";

    private InProcessServer start() throws Exception {
        Files.writeString(root.resolve("welcome.ts"), "import greet from \"./greet\";\nexport const welcome = greet(\"you\");\n");
        InProcessServer s = InProcessServer.inWorkspace(root);
        return s;
    }

    /**
     * The files holding references of `greet` (declaration included), asked at its declaration
     * until the importer is among them or 5 s have passed (the importer is summarized again in the
     * background, as a file is indexed).
     */
    private TreeSet<String> referencingFiles(InProcessServer s) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        TreeSet<String> found = referencingFilesOnce(s);
        while (found.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            found = referencingFilesOnce(s);
        }
        return found;
    }

    private TreeSet<String> referencingFilesOnce(InProcessServer s) throws Exception {
        ReferenceParams params = new ReferenceParams(new TextDocumentIdentifier(root.resolve("greet.ts").toUri().toString()),
                new Position(0, GREET.indexOf("greet")), new ReferenceContext(true));
        TreeSet<String> files = new TreeSet<>();
        for (Location l : get(s.remote.getTextDocumentService().references(params))) files.add(l.getUri().substring(l.getUri().lastIndexOf('/') + 1));
        return files;
    }

    @Test
    void announcedByAWatchedFileEvent() throws Exception {
        try (InProcessServer s = start()) {
            Files.writeString(root.resolve("greet.ts"), GREET);
            s.remote.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                    List.of(new FileEvent(root.resolve("greet.ts").toUri().toString(), FileChangeType.Created))));
            s.open(root.resolve("greet.ts").toUri().toString(), "typescript", 1, GREET);
            assertEquals(new TreeSet<>(List.of("greet.ts", "welcome.ts")), referencingFiles(s));
        }
    }

    @Test
    void aFolderDeletedTakesItsFilesOutOfTheIndex() throws Exception {
        Path util = root.resolve("lib/util.ts");
        Files.createDirectories(util.getParent());
        Files.writeString(util, "export function helperOfLib() {}\n");
        try (InProcessServer s = start()) {
            assertEquals(List.of("helperOfLib"), symbols(s, "helperOfLib"));
            Files.delete(util);
            Files.delete(util.getParent());
            s.remote.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                    List.of(new FileEvent(util.getParent().toUri().toString(), FileChangeType.Deleted))));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!symbols(s, "helperOfLib").isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(List.of(), symbols(s, "helperOfLib"));
        }
    }

    private static List<String> symbols(InProcessServer s, String query) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (org.eclipse.lsp4j.WorkspaceSymbol w : get(s.remote.getWorkspaceService().symbol(new org.eclipse.lsp4j.WorkspaceSymbolParams(query))).getRight()) {
            out.add(w.getName());
        }
        return out;
    }

    @Test
    void openedByTheEditorWithoutAnEvent() throws Exception {
        try (InProcessServer s = start()) {
            Files.writeString(root.resolve("greet.ts"), GREET);
            s.open(root.resolve("greet.ts").toUri().toString(), "typescript", 1, GREET);
            assertEquals(new TreeSet<>(List.of("greet.ts", "welcome.ts")), referencingFiles(s));
        }
    }
}
