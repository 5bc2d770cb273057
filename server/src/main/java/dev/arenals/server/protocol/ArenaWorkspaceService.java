package dev.arenals.server.protocol;

import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/** {@code workspace/*}: settings changes; file events are not needed by a per-file server. */
public final class ArenaWorkspaceService implements WorkspaceService {
    private final ArenaLanguageServer server;

    ArenaWorkspaceService(ArenaLanguageServer server) { this.server = server; }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        if (!server.acceptsNotifications() || params == null) return;
        server.updateSettings(params.getSettings());
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        // documents are analysed one by one from their open text; files on disk do not matter
    }
}
