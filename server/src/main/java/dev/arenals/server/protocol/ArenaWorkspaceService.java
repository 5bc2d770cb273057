package dev.arenals.server.protocol;

import dev.arenals.server.features.FileRenameEdits;
import dev.arenals.server.features.WorkspaceSymbolHandler;
import dev.arenals.server.workspace.FileSummary;
import dev.arenals.server.workspace.WorkspaceIndex;
import dev.arenals.server.workspace.ModuleResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CreateFilesParams;
import org.eclipse.lsp4j.DeleteFilesParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.FileCreate;
import org.eclipse.lsp4j.FileDelete;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.FileRename;
import org.eclipse.lsp4j.RenameFilesParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code workspace/*}: settings changes; {@code workspace/symbol} from the index; files changed on
 * disk re-indexed (open documents keep their live summary until they close).
 */
public final class ArenaWorkspaceService implements WorkspaceService {
    private final ArenaLanguageServer server;
    private final WorkspaceSymbolHandler symbols = new WorkspaceSymbolHandler();
    private final FileRenameEdits fileRenames = new FileRenameEdits();

    ArenaWorkspaceService(ArenaLanguageServer server) { this.server = server; }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        if (!server.acceptsNotifications() || params == null) return;
        server.updateSettings(params.getSettings());
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        if (!server.acceptsNotifications() || params == null || params.getChanges() == null) return;
        for (FileEvent e : params.getChanges()) onDisk(e == null ? null : e.getUri());
    }

    /** A file or folder created, changed or deleted (the file system says which): resolution forgets it, the index and importers follow. */
    private void onDisk(String uri) {
        Path path = Uris.pathOf(uri);
        if (path == null || path.getFileName() == null) return;
        ModuleResolver.forget(path);
        server.changedOnDisk(path);
    }

    // The client's own file operations (declared in Capabilities): a client that watches nothing
    // still tells these, and resolution must not answer from a listing made before them.

    @Override
    public void didCreateFiles(CreateFilesParams params) {
        if (!server.acceptsNotifications() || params == null || params.getFiles() == null) return;
        for (FileCreate f : params.getFiles()) onDisk(f == null ? null : f.getUri());
    }

    @Override
    public void didRenameFiles(RenameFilesParams params) {
        if (!server.acceptsNotifications() || params == null || params.getFiles() == null) return;
        for (FileRename r : params.getFiles()) {
            if (r == null) continue;
            onDisk(r.getOldUri());
            onDisk(r.getNewUri());
        }
    }

    @Override
    public void didDeleteFiles(DeleteFilesParams params) {
        if (!server.acceptsNotifications() || params == null || params.getFiles() == null) return;
        for (FileDelete f : params.getFiles()) onDisk(f == null ? null : f.getUri());
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
        if (!server.acceptsNotifications() || params == null || params.getEvent() == null) return;
        server.changeWorkspaceFolders(paths(params.getEvent().getAdded()), paths(params.getEvent().getRemoved()));
    }

    private static List<Path> paths(List<WorkspaceFolder> folders) {
        List<Path> out = new ArrayList<>();
        if (folders == null) return out;
        for (WorkspaceFolder f : folders) {
            Path p = f == null ? null : Uris.pathOf(f.getUri());
            if (p != null) out.add(p);
        }
        return out;
    }

    /**
     * Before files or folders move: the edits that keep every import naming them, and every relative
     * import the moved files write, pointing at the same modules. The files read are the moved ones
     * and their importers in the index (open ones on their queues, others parsed from disk).
     */
    @Override
    public CompletableFuture<WorkspaceEdit> willRenameFiles(RenameFilesParams params) {
        server.checkRequestAllowed();
        FileRenameEdits.Moves moves = new FileRenameEdits.Moves();
        if (params != null && params.getFiles() != null) {
            for (FileRename r : params.getFiles()) {
                Path from = r == null ? null : Uris.pathOf(r.getOldUri()), to = r == null ? null : Uris.pathOf(r.getNewUri());
                if (from != null && to != null && !from.equals(to)) moves.add(from, to);
            }
        }
        if (moves.isEmpty()) return CompletableFuture.completedFuture(new WorkspaceEdit(new java.util.HashMap<>()));
        java.util.Set<Path> files = new java.util.LinkedHashSet<>();
        WorkspaceIndex index = server.workspaceIndex();
        for (FileSummary s : index.all()) {
            if (moves.moved(s.path()).equals(s.path())) continue;
            files.add(s.path());
            files.addAll(index.importersOf(s.path()));
        }
        // and every open document: its summary may be a keystroke behind its text
        java.util.Map<Path, String> uris = new java.util.LinkedHashMap<>();
        for (dev.arenals.server.document.Document doc : server.store().all()) {
            Path p = Uris.pathOf(doc.uri());
            if (p != null && !doc.isClosed()) uris.put(p, doc.uri());
        }
        files.addAll(uris.keySet());
        List<CompletableFuture<java.util.Map.Entry<String, List<TextEdit>>>> parts = new ArrayList<>();
        for (Path file : files) {
            FileSummary summary = index.summary(file);
            String key = uris.containsKey(file) ? uris.get(file) : summary != null && summary.uri() != null ? summary.uri() : file.toUri().toString();
            parts.add(server.getTextDocumentService().inAnyFile(key, file, List.<TextEdit>of(), doc -> fileRenames.edits(doc, file, moves))
                    .thenApply(edits -> java.util.Map.entry(key, edits)));
        }
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
            java.util.Map<String, List<TextEdit>> changes = new java.util.LinkedHashMap<>();
            for (CompletableFuture<java.util.Map.Entry<String, List<TextEdit>>> part : parts) {
                java.util.Map.Entry<String, List<TextEdit>> e = part.join();
                if (!e.getValue().isEmpty()) changes.put(e.getKey(), e.getValue());
            }
            return new WorkspaceEdit(changes);
        });
    }

    @Override
    public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(WorkspaceSymbolParams params) {
        server.checkRequestAllowed();
        String query = params == null ? "" : params.getQuery();
        // off the reader thread: ranking the whole index is not free on a large workspace
        return CompletableFutures.computeAsync(server.requestExecutor(), cancel -> Either.forRight(symbols.symbols(server.workspaceIndex(), query)));
    }
}
