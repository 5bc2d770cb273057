package dev.arenals.server.launch;

import dev.arenals.server.bench.GeneratedSource;
import dev.arenals.server.protocol.ArenaLanguageServer;
import dev.arenals.server.protocol.Launchers;
import dev.arenals.server.protocol.ServerLog;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * {@code arena-ls selftest}: one short session with an in-process client over pipes (initialize,
 * open, edits with an error and its fix, hover, symbols, shutdown), exit code 0 when every answer
 * is right. Checks an installation, and is the training run the build uses to write the
 * class-data-sharing archive that makes the launcher start faster.
 */
final class SelfTest {
    private SelfTest() {}

    static int run(String[] args) throws Exception {
        long t0 = System.nanoTime();
        ExecutorService io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "selftest-io");
            t.setDaemon(true);
            return t;
        });
        ArenaLanguageServer.Options options = new ArenaLanguageServer.Options();
        options.log = new ServerLog(null);
        ArenaLanguageServer server = new ArenaLanguageServer(options);
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream toServer = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream toClient = new PipedOutputStream(clientIn);
        try {
            Launchers.serverLauncher(server, serverIn, toClient, io).startListening();
            Client client = new Client();
            Launcher<LanguageServer> launcher = new LSPLauncher.Builder<LanguageServer>().setLocalService(client)
                    .setRemoteInterface(LanguageServer.class).setInput(clientIn).setOutput(toServer).setExecutorService(io).create();
            launcher.startListening();
            String problem = session(launcher.getRemoteProxy(), client);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (problem != null) {
                System.err.println("arena-ls selftest FAILED: " + problem);
                return 1;
            }
            System.out.println("arena-ls selftest ok (" + ms + " ms)");
            return 0;
        } finally {
            toServer.close(); // end of input for both sides: their readers stop quietly
            toClient.close();
            server.exit();
            io.shutdownNow();
        }
    }

    /** Null when every answer is as expected, else what went wrong. */
    private static String session(LanguageServer remote, Client client) throws Exception {
        InitializeParams init = new InitializeParams();
        ClientCapabilities caps = new ClientCapabilities();
        TextDocumentClientCapabilities td = new TextDocumentClientCapabilities();
        DocumentSymbolCapabilities ds = new DocumentSymbolCapabilities();
        ds.setHierarchicalDocumentSymbolSupport(true);
        td.setDocumentSymbol(ds);
        td.setHover(new HoverCapabilities(List.of(MarkupKind.MARKDOWN), false));
        caps.setTextDocument(td);
        init.setCapabilities(caps);
        remote.initialize(init).get(30, TimeUnit.SECONDS);
        remote.initialized(new InitializedParams());

        String uri = "file:///selftest/generated.js";
        String text = GeneratedSource.module(2_000);
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "javascript", 1, text)));
        if (errors(client.expect(1).get(30, TimeUnit.SECONDS)) > 0) return "the generated file has errors";
        int version = 1;
        for (int i = 0; i < 200; i++) { // break line 7, then repair it
            boolean breakIt = (i & 1) == 0;
            Range range = new Range(new Position(7, 0), new Position(7, breakIt ? 0 : 1));
            remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, ++version),
                    List.of(new TextDocumentContentChangeEvent(range, breakIt ? "(" : ""))));
            PublishDiagnosticsParams p = client.expect(version).get(30, TimeUnit.SECONDS);
            if ((errors(p) == 0) == breakIt) return "wrong diagnostics for version " + version + ": " + p.getDiagnostics();
        }
        int call = text.indexOf("compute0(1)");
        int line = (int) text.substring(0, call).chars().filter(c -> c == '\n').count();
        Position at = new Position(line, call - text.lastIndexOf('\n', call) - 1);
        Hover hover = remote.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), at))
                .get(30, TimeUnit.SECONDS);
        if (hover == null || !hover.getContents().getRight().getValue().contains("function compute0")) return "hover: " + hover;
        int symbols = remote.getTextDocumentService().documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri)))
                .get(30, TimeUnit.SECONDS).size();
        if (symbols < 300) return "only " + symbols + " symbols";
        remote.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
        if (!client.cleared.get(30, TimeUnit.SECONDS).getDiagnostics().isEmpty()) return "close did not clear the diagnostics";
        remote.shutdown().get(30, TimeUnit.SECONDS);
        return null;
    }

    /** Errors only: hints (unused names) are not what the self-test is about. */
    private static int errors(PublishDiagnosticsParams p) {
        int n = 0;
        for (org.eclipse.lsp4j.Diagnostic d : p.getDiagnostics()) if (d.getSeverity() == org.eclipse.lsp4j.DiagnosticSeverity.Error) n++;
        return n;
    }

    static final class Client implements LanguageClient {
        final ConcurrentHashMap<Integer, CompletableFuture<PublishDiagnosticsParams>> byVersion = new ConcurrentHashMap<>();
        final CompletableFuture<PublishDiagnosticsParams> cleared = new CompletableFuture<>();

        CompletableFuture<PublishDiagnosticsParams> expect(int version) {
            return byVersion.computeIfAbsent(version, v -> new CompletableFuture<>());
        }

        @Override public void publishDiagnostics(PublishDiagnosticsParams p) {
            if (p.getVersion() != null) expect(p.getVersion()).complete(p);
            else cleared.complete(p); // didClose publishes an empty list without a version
        }

        @Override public void telemetryEvent(Object object) { }
        @Override public void showMessage(MessageParams params) { }
        @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }
        @Override public void logMessage(MessageParams params) { }
    }
}
