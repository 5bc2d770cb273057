package dev.arenals.server.testing;

import dev.arenals.server.protocol.ArenaLanguageServer;
import dev.arenals.server.protocol.Launchers;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.GeneralClientCapabilities;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The server and a {@link TestClient} in one JVM, joined by two pipes and LSP4J's own launchers,
 * so every message goes through JSON-RPC framing and Gson as with a real editor.
 */
public final class InProcessServer implements AutoCloseable {
    public final ArenaLanguageServer server;
    public final TestClient client = new TestClient();
    public final LanguageServer remote;
    public final Launcher<LanguageServer> clientLauncher;
    public final AtomicInteger exitCode = new AtomicInteger(-1);
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-lsp-io");
        t.setDaemon(true);
        return t;
    });
    private final PipedOutputStream toServer;
    private final PipedOutputStream toClient;
    private final Future<Void> serverListening;
    private final Future<Void> clientListening;

    public InProcessServer() throws IOException { this(new ArenaLanguageServer.Options()); }

    public InProcessServer(ArenaLanguageServer.Options options) throws IOException {
        options.exit = exitCode::set;
        server = new ArenaLanguageServer(options);
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        toServer = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        toClient = new PipedOutputStream(clientIn);
        Launcher<org.eclipse.lsp4j.services.LanguageClient> serverLauncher = Launchers.serverLauncher(server, serverIn, toClient, threads);
        clientLauncher = new LSPLauncher.Builder<LanguageServer>()
                .setLocalService(client)
                .setRemoteInterface(LanguageServer.class)
                .setInput(clientIn).setOutput(toServer).setExecutorService(threads).create();
        remote = clientLauncher.getRemoteProxy();
        serverListening = serverLauncher.startListening();
        clientListening = clientLauncher.startListening();
    }

    /** Capabilities of a modern client: hierarchical symbols, Markdown hovers, optional extras. */
    public static ClientCapabilities capabilities(boolean pullDiagnostics, List<String> encodings) {
        ClientCapabilities caps = new ClientCapabilities();
        TextDocumentClientCapabilities td = new TextDocumentClientCapabilities();
        DocumentSymbolCapabilities ds = new DocumentSymbolCapabilities();
        ds.setHierarchicalDocumentSymbolSupport(true);
        td.setDocumentSymbol(ds);
        td.setHover(new HoverCapabilities(List.of(MarkupKind.MARKDOWN, MarkupKind.PLAINTEXT), false));
        if (pullDiagnostics) td.setDiagnostic(new DiagnosticCapabilities(false, false));
        caps.setTextDocument(td);
        if (encodings != null) {
            GeneralClientCapabilities general = new GeneralClientCapabilities();
            general.setPositionEncodings(encodings);
            caps.setGeneral(general);
        }
        return caps;
    }

    public InitializeResult initialize() throws Exception {
        return initialize(capabilities(false, null), null);
    }

    public InitializeResult initialize(ClientCapabilities caps, Object initializationOptions) throws Exception {
        InitializeParams params = new InitializeParams();
        params.setCapabilities(caps);
        params.setInitializationOptions(initializationOptions);
        InitializeResult result = get(remote.initialize(params));
        remote.initialized(new InitializedParams());
        return result;
    }

    /**
     * A server initialized with {@code root} as its workspace (default capabilities), once the
     * workspace index has been built.
     */
    public static InProcessServer inWorkspace(java.nio.file.Path root) throws Exception {
        return inWorkspace(root, new ArenaLanguageServer.Options());
    }

    /** The same with the server's {@code options} (a summary cache, …). */
    public static InProcessServer inWorkspace(java.nio.file.Path root, ArenaLanguageServer.Options options) throws Exception {
        InProcessServer s = new InProcessServer(options);
        InitializeParams params = new InitializeParams();
        params.setCapabilities(capabilities(false, null));
        params.setRootUri(root.toUri().toString());
        get(s.remote.initialize(params));
        s.remote.initialized(new InitializedParams());
        s.server.indexing().get(20, java.util.concurrent.TimeUnit.SECONDS);
        return s;
    }

    public void open(String uri, String languageId, int version, String text) {
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, languageId, version, text)));
    }

    public void open(String uri, String text) { open(uri, "javascript", 1, text); }

    /** One incremental change. */
    public void change(String uri, int version, int l1, int c1, int l2, int c2, String text) {
        TextDocumentContentChangeEvent e = new TextDocumentContentChangeEvent(new Range(new Position(l1, c1), new Position(l2, c2)), text);
        remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), List.of(e)));
    }

    public void changeAll(String uri, int version, String text) {
        remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(text))));
    }

    public void close(String uri) {
        remote.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
    }

    public static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        try {
            toServer.close();
        } catch (IOException ignored) {
            // already closed
        }
        try {
            toClient.close();
        } catch (IOException ignored) {
            // already closed
        }
        serverListening.cancel(true);
        clientListening.cancel(true);
        if (exitCode.get() < 0) server.exit(); // frees the worker pool
        threads.shutdownNow();
    }
}
