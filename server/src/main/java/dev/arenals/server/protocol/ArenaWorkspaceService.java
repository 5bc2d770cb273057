package dev.arenals.server.protocol;

import dev.arenals.server.features.WorkspaceSymbolHandler;
import dev.arenals.server.workspace.ModuleResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.FileEvent;
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

    ArenaWorkspaceService(ArenaLanguageServer server) { this.server = server; }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        if (!server.acceptsNotifications() || params == null) return;
        server.updateSettings(params.getSettings());
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        if (!server.acceptsNotifications() || params == null || params.getChanges() == null) return;
        for (FileEvent e : params.getChanges()) {
            Path path = e == null ? null : Uris.pathOf(e.getUri());
            if (path == null || path.getFileName() == null) continue;
            ModuleResolver.forget(path);
            server.changedOnDisk(path); // created, changed or deleted: the file system says which
        }
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

    @Override
    public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(WorkspaceSymbolParams params) {
        server.checkRequestAllowed();
        String query = params == null ? "" : params.getQuery();
        // off the reader thread: ranking the whole index is not free on a large workspace
        return CompletableFutures.computeAsync(server.requestExecutor(), cancel -> Either.forRight(symbols.symbols(server.workspaceIndex(), query)));
    }
}
