import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The floor under arena-ls's {@code initialize} on its own stack (JDK 17, LSP4J over stdio): a server
 * that answers {@code initialize} with one capability (incremental sync), {@code shutdown} and
 * {@code exit}, and nothing else. Started by editor-latency.mjs --floors with the editor's JVM
 * options, with and without a class-data archive of its own, timed the same way as arena-ls.
 */
public final class MinimalLspServer implements LanguageServer, TextDocumentService, WorkspaceService {
    public static void main(String[] args) throws Exception {
        MinimalLspServer server = new MinimalLspServer();
        LSPLauncher.createServerLauncher(server, System.in, System.out).startListening().get();
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ServerCapabilities capabilities = new ServerCapabilities();
        capabilities.setTextDocumentSync(TextDocumentSyncKind.Incremental);
        return CompletableFuture.completedFuture(new InitializeResult(capabilities));
    }

    @Override public CompletableFuture<Object> shutdown() { return CompletableFuture.completedFuture(null); }
    @Override public void exit() { System.exit(0); }
    @Override public TextDocumentService getTextDocumentService() { return this; }
    @Override public WorkspaceService getWorkspaceService() { return this; }
    @Override public void didOpen(DidOpenTextDocumentParams params) {}
    @Override public void didChange(DidChangeTextDocumentParams params) {}
    @Override public void didClose(DidCloseTextDocumentParams params) {}
    @Override public void didSave(DidSaveTextDocumentParams params) {}
    @Override public void didChangeConfiguration(DidChangeConfigurationParams params) {}
    @Override public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {}
}
