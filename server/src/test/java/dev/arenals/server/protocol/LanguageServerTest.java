package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.capabilities;
import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arenals.server.document.Document;
import dev.arenals.server.testing.InProcessServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server through LSP4J's client launcher over piped streams: JSON-RPC end to end, in process. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LanguageServerTest {
    private static final String URI = "file:///work/sample.js";
    private final List<InProcessServer> servers = new ArrayList<>();

    private InProcessServer start() throws Exception {
        InProcessServer s = new InProcessServer();
        servers.add(s);
        return s;
    }

    @AfterEach
    void stop() throws Exception {
        for (InProcessServer s : servers) s.close();
    }

    /** The server's current text of a document, read on the document's own queue. */
    private static String serverText(InProcessServer s, String uri) throws Exception {
        Document doc = s.server.store().get(uri);
        CompletableFuture<String> text = new CompletableFuture<>();
        doc.queue().execute(() -> text.complete(doc.text()));
        return get(text);
    }

    private static HoverParams hoverAt(String uri, int line, int character) {
        return new HoverParams(new TextDocumentIdentifier(uri), new Position(line, character));
    }

    private static int errorCode(Throwable t) {
        Throwable c = t instanceof ExecutionException ? t.getCause() : t;
        assertInstanceOf(ResponseErrorException.class, c, () -> "expected a JSON-RPC error, got " + c);
        return ((ResponseErrorException) c).getResponseError().getCode();
    }

    // ---- lifecycle and capabilities ----

    @Test
    void initializeAnnouncesCapabilities() throws Exception {
        InProcessServer s = start();
        InitializeResult r = s.initialize();
        assertEquals("utf-16", r.getCapabilities().getPositionEncoding());
        assertEquals(TextDocumentSyncKind.Incremental, r.getCapabilities().getTextDocumentSync().getRight().getChange());
        assertTrue(r.getCapabilities().getTextDocumentSync().getRight().getOpenClose());
        assertTrue(r.getCapabilities().getHoverProvider().getLeft());
        assertTrue(r.getCapabilities().getDocumentSymbolProvider().getLeft());
        assertNull(r.getCapabilities().getDiagnosticProvider(), "a push client is not offered pull diagnostics");
        assertEquals("arena-ls", r.getServerInfo().getName());
    }

    @Test
    void utf8IsChosenWhenTheClientPrefersIt() throws Exception {
        InProcessServer s = start();
        InitializeResult r = s.initialize(capabilities(false, List.of("utf-8", "utf-16")), null);
        assertEquals("utf-8", r.getCapabilities().getPositionEncoding());
        // "é" is 2 UTF-8 bytes, "😀" 4: the column after them on line 0 is 1 + 2 + 4 + 1 = 8
        s.open(URI, "let s = 'é😀';\nlet t = 1;\n");
        s.client.awaitDiagnostics(URI, 1);
        s.change(URI, 2, 0, 9 + 6, 0, 9 + 6, "!"); // before the closing quote: "let s = '" is 9 bytes
        s.client.awaitDiagnostics(URI, 2);
        assertEquals("let s = 'é😀!';\nlet t = 1;\n", serverText(s, URI));
        Hover h = get(s.remote.getTextDocumentService().hover(hoverAt(URI, 1, 4)));
        assertNotNull(h);
        assertEquals(new Position(1, 4), h.getRange().getStart());
    }

    @Test
    void shutdownThenExitGivesZero() throws Exception {
        InProcessServer s = start();
        s.initialize();
        assertNull(get(s.remote.shutdown()));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> get(s.remote.getTextDocumentService().hover(hoverAt(URI, 0, 0))));
        assertEquals(ResponseErrorCode.InvalidRequest.getValue(), errorCode(e));
        s.remote.exit();
        waitFor(() -> s.exitCode.get() >= 0);
        assertEquals(0, s.exitCode.get());
    }

    @Test
    void exitWithoutShutdownGivesOne() throws Exception {
        InProcessServer s = start();
        s.initialize();
        s.remote.exit();
        waitFor(() -> s.exitCode.get() >= 0);
        assertEquals(1, s.exitCode.get());
    }

    @Test
    void requestsBeforeInitializeAreRefused() throws Exception {
        InProcessServer s = start();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> get(s.remote.getTextDocumentService().hover(hoverAt(URI, 0, 0))));
        assertEquals(ResponseErrorCode.ServerNotInitialized.getValue(), errorCode(e));
        s.initialize(); // and the server still works
        ExecutionException twice = assertThrows(ExecutionException.class, () -> get(s.remote.initialize(new InitializeParams())));
        assertEquals(ResponseErrorCode.InvalidRequest.getValue(), errorCode(twice));
    }

    // ---- diagnostics ----

    @Test
    void diagnosticsArriveAndClearWhenFixed() throws Exception {
        InProcessServer s = start();
        s.initialize();
        s.open(URI, "let x = ;\n");
        PublishDiagnosticsParams first = s.client.awaitDiagnostics(URI, 1);
        assertEquals(1, first.getDiagnostics().size());
        Diagnostic d = first.getDiagnostics().get(0);
        assertEquals(DiagnosticSeverity.Error, d.getSeverity());
        assertEquals("arena-ls", d.getSource());
        assertEquals(1109, d.getCode().getRight());
        assertEquals("Expression expected.", d.getMessage().getLeft());
        assertEquals(new Position(0, 8), d.getRange().getStart());

        s.change(URI, 2, 0, 8, 0, 8, "1");
        PublishDiagnosticsParams fixed = s.client.awaitDiagnostics(URI, 2);
        assertTrue(fixed.getDiagnostics().isEmpty());
    }

    @Test
    void binderErrorsAreReportedToo() throws Exception {
        InProcessServer s = start();
        s.initialize();
        s.open(URI, "let a = 1;\nlet a = 2;\n");
        PublishDiagnosticsParams p = s.client.awaitDiagnostics(URI, 1);
        assertEquals(1, p.getDiagnostics().size(), () -> p.getDiagnostics().toString());
        assertEquals(2451, p.getDiagnostics().get(0).getCode().getRight());
        assertEquals(1, p.getDiagnostics().get(0).getRange().getStart().getLine());
    }

    @Test
    void manyIncrementalEditsKeepTheTextInSyncAndVersionsMonotonic() throws Exception {
        InProcessServer s = start();
        s.initialize();
        String text = "// start\r\nconst a = 'é';\r\n";
        s.open(URI, "javascript", 1, text);
        Random random = new Random(42);
        String[] inserts = {"x", "é", "😀", "\r\n", "\n", "\r", "ab", "€", "𝒳y", " ", "();", "{}", "\t"};
        int version = 1;
        for (int i = 0; i < 400; i++) {
            int[] range = randomRange(text, random);
            String insert = random.nextInt(4) == 0 ? "" : inserts[random.nextInt(inserts.length)];
            Position a = Utf16Positions.of(text, range[0]);
            Position b = Utf16Positions.of(text, range[1]);
            text = text.substring(0, range[0]) + insert + text.substring(range[1]);
            s.change(URI, ++version, a.getLine(), a.getCharacter(), b.getLine(), b.getCharacter(), insert);
        }
        s.client.awaitDiagnostics(URI, version);
        assertEquals(text, serverText(s, URI));
        int last = -1;
        for (PublishDiagnosticsParams p : s.client.diagnostics(URI)) {
            assertTrue(p.getVersion() > last, "versions must increase: " + p.getVersion() + " after " + last);
            last = p.getVersion();
        }
        assertEquals(version, last);
        // a full-text change is accepted too
        s.changeAll(URI, ++version, "let fresh = 1;\n");
        assertTrue(s.client.awaitDiagnostics(URI, version).getDiagnostics().isEmpty());
        assertEquals("let fresh = 1;\n", serverText(s, URI));
    }

    /** A random [start, end) that splits neither a surrogate pair nor a CRLF. */
    private static int[] randomRange(String text, Random random) {
        int a = validOffset(text, random.nextInt(text.length() + 1));
        int b = validOffset(text, Math.min(text.length(), a + random.nextInt(6)));
        return new int[] {Math.min(a, b), Math.max(a, b)};
    }

    private static int validOffset(String text, int o) {
        while (o > 0 && o < text.length()
                && ((Character.isLowSurrogate(text.charAt(o)) && Character.isHighSurrogate(text.charAt(o - 1)))
                || (text.charAt(o) == '\n' && text.charAt(o - 1) == '\r'))) {
            o--;
        }
        return o;
    }

    @Test
    void editsQueuedBehindAParseAreCoalesced() throws Exception {
        InProcessServer s = start();
        s.initialize();
        s.open(URI, "let x = 1;\n");
        s.client.awaitDiagnostics(URI, 1);
        Document doc = s.server.store().get(URI);
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        doc.queue().execute(() -> { // stands for a long parse
            blocked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(blocked.await(10, TimeUnit.SECONDS));
        for (int v = 2; v <= 51; v++) s.change(URI, v, 0, 9, 0, 9, "+1");
        waitFor(() -> doc.queue().pending() == 50);
        release.countDown();
        s.client.awaitDiagnostics(URI, 51);
        List<Integer> versions = new ArrayList<>();
        for (PublishDiagnosticsParams p : s.client.diagnostics(URI)) versions.add(p.getVersion());
        assertEquals(List.of(1, 51), versions, "50 queued edits are parsed and published once");
    }

    @Test
    void closeClearsDiagnosticsAndForgetsTheDocument() throws Exception {
        InProcessServer s = start();
        s.initialize();
        s.open(URI, "let x = ;\n");
        assertFalse(s.client.awaitDiagnostics(URI, 1).getDiagnostics().isEmpty());
        s.close(URI);
        PublishDiagnosticsParams cleared = s.client.awaitDiagnostics(URI, p -> p.getDiagnostics().isEmpty());
        assertNull(cleared.getVersion());
        assertNull(s.server.store().get(URI));
        assertNull(get(s.remote.getTextDocumentService().hover(hoverAt(URI, 0, 0))));
    }

    @Test
    void reopeningAfterCloseNeverGetsClearedByTheOldDocument() throws Exception {
        InProcessServer s = start();
        s.initialize();
        for (int round = 0; round < 20; round++) {
            s.open(URI, "javascript", 100 + round, "let = " + round + ";\n");
            s.close(URI);
        }
        s.open(URI, "javascript", 500, "let = 1;\n");
        s.client.awaitDiagnostics(URI, 500);
        // the last publication for the URI is the new document's, even a while later
        Thread.sleep(100);
        List<PublishDiagnosticsParams> all = s.client.diagnostics(URI);
        assertEquals(500, all.get(all.size() - 1).getVersion());
    }

    @Test
    void pullDiagnosticsWhenTheClientSupportsThem() throws Exception {
        InProcessServer s = start();
        InitializeResult r = s.initialize(capabilities(true, null), null);
        assertNotNull(r.getCapabilities().getDiagnosticProvider());
        s.open(URI, "let x = ;\n");
        DocumentDiagnosticReport full = get(s.remote.getTextDocumentService().diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(URI))));
        assertTrue(full.isRelatedFullDocumentDiagnosticReport());
        assertEquals(1, full.getRelatedFullDocumentDiagnosticReport().getItems().size());
        String id = full.getRelatedFullDocumentDiagnosticReport().getResultId();
        DocumentDiagnosticParams again = new DocumentDiagnosticParams(new TextDocumentIdentifier(URI));
        again.setPreviousResultId(id);
        assertTrue(get(s.remote.getTextDocumentService().diagnostic(again)).isRelatedUnchangedDocumentDiagnosticReport());
        s.change(URI, 2, 0, 8, 0, 8, "1");
        DocumentDiagnosticReport after = get(s.remote.getTextDocumentService().diagnostic(again));
        assertTrue(after.getRelatedFullDocumentDiagnosticReport().getItems().isEmpty());
        assertTrue(s.client.diagnostics(URI).isEmpty(), "no push when the client pulls");
        // unknown document: an empty report
        DocumentDiagnosticReport unknown = get(s.remote.getTextDocumentService().diagnostic(
                new DocumentDiagnosticParams(new TextDocumentIdentifier("file:///nope.js"))));
        assertTrue(unknown.getRelatedFullDocumentDiagnosticReport().getItems().isEmpty());
    }

    @Test
    void pushModeCanBeForcedForAPullClient() throws Exception {
        InProcessServer s = start();
        InitializeResult r = s.initialize(capabilities(true, null), Map.of("diagnosticMode", "push"));
        assertNull(r.getCapabilities().getDiagnosticProvider());
        s.open(URI, "let x = ;\n");
        assertEquals(1, s.client.awaitDiagnostics(URI, 1).getDiagnostics().size());
    }

    @Test
    void filesOverTheSizeLimitGetOneDiagnosticInsteadOfAParse() throws Exception {
        InProcessServer s = start();
        s.initialize(capabilities(false, null), Map.of("maxFileSize", 100));
        String big = "var x = ;\n".repeat(20);
        s.open(URI, big);
        PublishDiagnosticsParams p = s.client.awaitDiagnostics(URI, 1);
        assertEquals(1, p.getDiagnostics().size());
        assertEquals("file-too-large", p.getDiagnostics().get(0).getCode().getLeft());
        assertEquals(DiagnosticSeverity.Warning, p.getDiagnostics().get(0).getSeverity());
        assertNull(get(s.remote.getTextDocumentService().hover(hoverAt(URI, 0, 4))));
        // raising the limit reparses
        JsonObject settings = new JsonObject();
        JsonObject section = new JsonObject();
        section.addProperty("maxFileSize", 1_000_000);
        settings.add("arena-ls", section);
        s.remote.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(settings));
        s.client.awaitDiagnostics(URI, q -> q.getDiagnostics().size() == 20);
    }

    // ---- hover and symbols over the wire ----

    @Test
    void hoverShowsTheDeclarationAndItsJsDoc() throws Exception {
        InProcessServer s = start();
        s.initialize();
        s.open(URI, "/**\n * Adds.\n * @param a the first\n */\nfunction add(a, b) { return a + b; }\nadd(1, 2);\n");
        Hover h = get(s.remote.getTextDocumentService().hover(hoverAt(URI, 5, 1)));
        assertNotNull(h);
        String md = h.getContents().getRight().getValue();
        assertEquals("markdown", h.getContents().getRight().getKind());
        assertTrue(md.startsWith("```typescript\nfunction add(a, b)\n```"), md);
        assertTrue(md.contains("Adds."), md);
        assertTrue(md.contains("_@param_ `a` — the first"), md);
        assertEquals(new Position(5, 0), h.getRange().getStart());
        assertEquals(new Position(5, 3), h.getRange().getEnd());
        assertNull(get(s.remote.getTextDocumentService().hover(hoverAt(URI, 5, 3 + 1))), "on '(': nothing");
        assertNull(get(s.remote.getTextDocumentService().hover(hoverAt(URI, 999, 0))), "line out of range");
        assertNull(get(s.remote.getTextDocumentService().hover(hoverAt("file:///unknown.js", 0, 0))), "unknown document");
        // a column past the end of the line clamps to the line end: the ';' there resolves to nothing
        assertNull(get(s.remote.getTextDocumentService().hover(hoverAt(URI, 5, 500))));
    }

    @Test
    void documentSymbolsAreHierarchical() throws Exception {
        InProcessServer s = start();
        s.initialize();
        s.open(URI, "class A {\n  m() {}\n  static f = 1;\n}\nfunction g() {}\nconst k = 1;\n");
        List<Either<SymbolInformation, DocumentSymbol>> r = get(s.remote.getTextDocumentService().documentSymbol(
                new DocumentSymbolParams(new TextDocumentIdentifier(URI))));
        assertEquals(3, r.size());
        DocumentSymbol a = r.get(0).getRight();
        assertEquals("A", a.getName());
        assertEquals(SymbolKind.Class, a.getKind());
        assertEquals(2, a.getChildren().size());
        assertEquals("m", a.getChildren().get(0).getName());
        assertEquals(SymbolKind.Method, a.getChildren().get(0).getKind());
        assertEquals(SymbolKind.Field, a.getChildren().get(1).getKind());
        assertEquals(SymbolKind.Function, r.get(1).getRight().getKind());
        assertEquals(SymbolKind.Constant, r.get(2).getRight().getKind());
    }

    @Test
    void documentSymbolsAreFlatForOldClients() throws Exception {
        InProcessServer s = start();
        s.initialize(new org.eclipse.lsp4j.ClientCapabilities(), null);
        s.open(URI, "class A {\n  m() {}\n}\n");
        List<Either<SymbolInformation, DocumentSymbol>> r = get(s.remote.getTextDocumentService().documentSymbol(
                new DocumentSymbolParams(new TextDocumentIdentifier(URI))));
        assertEquals(2, r.size());
        SymbolInformation m = r.get(1).getLeft();
        assertEquals("m", m.getName());
        assertEquals("A", m.getContainerName());
        assertEquals(URI, m.getLocation().getUri());
        // a client without Markdown gets plain text hovers
        s.open("file:///b.js", "let q = 1;\nq;\n");
        Hover h = get(s.remote.getTextDocumentService().hover(hoverAt("file:///b.js", 1, 0)));
        assertEquals("plaintext", h.getContents().getRight().getKind());
        assertEquals("let q = 1", h.getContents().getRight().getValue());
    }

    // ---- robustness ----

    @Test
    void badRequestsGetErrorsAndTheServerLivesOn() throws Exception {
        InProcessServer s = start();
        s.initialize();
        s.open(URI, "let x = 1;\n");
        s.client.awaitDiagnostics(URI, 1);

        // unknown method
        ExecutionException unknown = assertThrows(ExecutionException.class,
                () -> s.clientLauncher.getRemoteEndpoint().request("arena/noSuchMethod", new JsonObject()).get(10, TimeUnit.SECONDS));
        assertEquals(ResponseErrorCode.MethodNotFound.getValue(), errorCode(unknown));

        // params of the wrong shape
        ExecutionException malformed = assertThrows(ExecutionException.class,
                () -> s.clientLauncher.getRemoteEndpoint().request("textDocument/hover",
                        JsonParser.parseString("{\"textDocument\": 5, \"position\": \"here\"}")).get(10, TimeUnit.SECONDS));
        assertInstanceOf(ResponseErrorException.class, malformed.getCause());

        // params missing their document
        ExecutionException missing = assertThrows(ExecutionException.class,
                () -> s.clientLauncher.getRemoteEndpoint().request("textDocument/hover", new JsonObject()).get(10, TimeUnit.SECONDS));
        assertEquals(ResponseErrorCode.InvalidParams.getValue(), errorCode(missing));

        // a method LSP4J knows but we do not offer
        ExecutionException colors = assertThrows(ExecutionException.class,
                () -> s.clientLauncher.getRemoteEndpoint().request("textDocument/documentColor",
                        JsonParser.parseString("{\"textDocument\": {\"uri\": \"" + URI + "\"}}"))
                        .get(10, TimeUnit.SECONDS));
        assertEquals(ResponseErrorCode.MethodNotFound.getValue(), errorCode(colors));

        // notifications for unknown documents and garbage notifications are ignored
        s.change("file:///not-open.js", 2, 0, 0, 0, 0, "x");
        s.clientLauncher.getRemoteEndpoint().notify("textDocument/didChange", JsonParser.parseString("{\"contentChanges\": 3}"));
        s.clientLauncher.getRemoteEndpoint().notify("arena/unknownNotification", new JsonObject());

        // a handler that throws: logged to the client, answered as an error
        s.server.getTextDocumentService().faultForTests = "textDocument/documentSymbol";
        ExecutionException fault = assertThrows(ExecutionException.class, () -> get(s.remote.getTextDocumentService()
                .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(URI)))));
        assertEquals(ResponseErrorCode.InternalError.getValue(), errorCode(fault));
        s.client.awaitLog(m -> m.getType() == MessageType.Error && m.getMessage().contains("fault injected"));
        s.server.getTextDocumentService().faultForTests = null;

        // still alive: edits, diagnostics and hovers work
        s.change(URI, 2, 0, 8, 0, 9, "2");
        s.client.awaitDiagnostics(URI, 2);
        assertNotNull(get(s.remote.getTextDocumentService().hover(hoverAt(URI, 0, 4))));
        assertEquals("let x = 2;\n", serverText(s, URI));
    }

    @Test
    void cancelledRequestsStillQueuedAreSkipped() throws Exception {
        InProcessServer s = start();
        s.initialize();
        s.open(URI, "let x = 1;\n");
        s.client.awaitDiagnostics(URI, 1);
        Document doc = s.server.store().get(URI);
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        doc.queue().execute(() -> {
            blocked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(blocked.await(10, TimeUnit.SECONDS));
        int before = s.server.getTextDocumentService().handlersRun.get();
        CompletableFuture<Hover> hover = s.remote.getTextDocumentService().hover(hoverAt(URI, 0, 4));
        waitFor(() -> doc.queue().pending() == 1);
        hover.cancel(true); // LSP4J sends $/cancelRequest
        Thread.sleep(200); // let the cancellation reach the server while the request is still queued
        release.countDown();
        // the client sees the cancellation either locally or as the server's RequestCancelled answer
        Exception e = assertThrows(Exception.class, () -> hover.get(10, TimeUnit.SECONDS));
        assertTrue(e instanceof CancellationException
                || (e instanceof ExecutionException && errorCode(e) == ResponseErrorCode.RequestCancelled.getValue()), e::toString);
        assertNotNull(get(s.remote.getTextDocumentService().hover(hoverAt(URI, 0, 4))));
        assertEquals(before + 1, s.server.getTextDocumentService().handlersRun.get(), "the cancelled hover did not run");
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met in 10 s");
            Thread.sleep(5);
        }
    }
}
