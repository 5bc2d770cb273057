package dev.arenals.server.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.testing.TestClient;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * End to end: the packaged jar ({@code server/target/arena-ls.jar}) as a process, spoken to over
 * its stdin/stdout by LSP4J's client. Runs in the integration-test phase (failsafe), after the
 * shade plugin has built the jar.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class StdioServerIT {
    private static final String URI = "file:///e2e/app.js";

    private Process process;
    private final ExecutorService io = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "it-io");
        t.setDaemon(true);
        return t;
    });
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    static Path jar() {
        String p = System.getProperty("arenals.jar", "target/arena-ls.jar");
        return Path.of(p).toAbsolutePath();
    }

    @BeforeEach
    void requireJar() {
        Assumptions.assumeTrue(Files.isRegularFile(jar()), "the shaded jar " + jar() + " is missing: run `mvn -pl server verify`");
    }

    @AfterEach
    void stop() throws Exception {
        if (process != null && process.isAlive()) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        io.shutdownNow();
    }

    private Process start(String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xss1m", "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).start();
        io.submit(() -> process.getErrorStream().transferTo(stderr));
        return process;
    }

    private Launcher<LanguageServer> connect(TestClient client) {
        InputStream tee = new FilterInputStream(process.getInputStream()) {
            @Override public int read() throws IOException {
                int b = super.read();
                if (b >= 0) synchronized (stdout) { stdout.write(b); }
                return b;
            }

            @Override public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) synchronized (stdout) { stdout.write(buf, off, n); }
                return n;
            }
        };
        Launcher<LanguageServer> launcher = new LSPLauncher.Builder<LanguageServer>()
                .setLocalService(client).setRemoteInterface(LanguageServer.class)
                .setInput(tee).setOutput(process.getOutputStream()).setExecutorService(io).create();
        launcher.startListening();
        return launcher;
    }

    private static <T> T get(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aSessionOverStdio() throws Exception {
        start();
        TestClient client = new TestClient();
        LanguageServer server = connect(client).getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setProcessId((int) ProcessHandle.current().pid());
        init.setCapabilities(dev.arenals.server.testing.InProcessServer.capabilities(false, List.of("utf-8", "utf-16")));
        InitializeResult result = get(server.initialize(init));
        assertEquals("utf-8", result.getCapabilities().getPositionEncoding());
        server.initialized(new InitializedParams());

        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "javascript", 1,
                "/** Greets. */\nfunction greet(name) { return 'héllo ' + name }\nlet x = ;\ngreet(x);\n")));
        PublishDiagnosticsParams first = client.awaitDiagnostics(URI, 1);
        assertEquals(1, first.getDiagnostics().size());
        assertEquals(new Position(2, 8), first.getDiagnostics().get(0).getRange().getStart());

        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, 2),
                List.of(new TextDocumentContentChangeEvent(new Range(new Position(2, 8), new Position(2, 8)), "1"))));
        assertTrue(client.awaitDiagnostics(URI, 2).getDiagnostics().isEmpty());

        Hover hover = get(server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(3, 1))));
        assertNotNull(hover);
        assertTrue(hover.getContents().getRight().getValue().contains("function greet(name)"));
        assertTrue(hover.getContents().getRight().getValue().contains("Greets."));

        List<Either<SymbolInformation, DocumentSymbol>> symbols = get(server.getTextDocumentService()
                .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(URI))));
        assertEquals("greet", symbols.get(0).getRight().getName());

        get(server.shutdown());
        server.exit();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server exits after exit");
        assertEquals(0, process.exitValue());
        assertOnlyProtocolOnStdout();
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertTrue(err.contains("initialized: arena-ls"), err);
    }

    @Test
    void exitWithoutShutdownIsOne() throws Exception {
        start("--stdio");
        LanguageServer server = connect(new TestClient()).getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setCapabilities(new org.eclipse.lsp4j.ClientCapabilities());
        get(server.initialize(init));
        server.exit();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue());
    }

    @Test
    void endOfInputWithoutExitIsOne() throws Exception {
        start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue());
        assertEquals(0, process.getInputStream().readAllBytes().length, "nothing but protocol on stdout");
    }

    @Test
    void versionAndHelp() throws Exception {
        start("--version");
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        assertTrue(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).startsWith("arena-ls "));
    }

    /** stdout must be a sequence of well-formed LSP frames, nothing else. */
    private void assertOnlyProtocolOnStdout() {
        byte[] bytes;
        synchronized (stdout) { bytes = stdout.toByteArray(); }
        int i = 0, frames = 0;
        while (i < bytes.length) {
            String rest = new String(bytes, i, Math.min(64, bytes.length - i), StandardCharsets.US_ASCII);
            assertTrue(rest.startsWith("Content-Length: "), "frame header expected at byte " + i + ": " + rest);
            int headerEnd = indexOf(bytes, i, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(headerEnd > 0);
            String header = new String(bytes, i, headerEnd - i, StandardCharsets.US_ASCII);
            int length = Integer.parseInt(header.substring("Content-Length: ".length()).split("\r\n")[0].trim());
            int body = headerEnd + 4;
            assertTrue(body + length <= bytes.length);
            assertEquals('{', bytes[body]);
            i = body + length;
            frames++;
        }
        assertFalse(frames == 0);
    }

    private static int indexOf(byte[] a, int from, byte[] needle) {
        outer:
        for (int i = from; i <= a.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (a[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
