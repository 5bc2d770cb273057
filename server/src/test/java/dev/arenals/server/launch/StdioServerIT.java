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
        // information reaches the client as window/logMessage, not stderr (Neovim logs stderr as errors)
        assertTrue(client.logs().stream().anyMatch(m -> m.getMessage().startsWith("initialized: arena-ls")), client.logs().toString());
        assertFalse(err.contains("INFO]"), err);
    }

    /**
     * Go to definition, references and rename over stdio on a TypeScript and a JavaScript fixture
     * (src/test/resources/navigation), positions computed from the fixture's text.
     */
    @Test
    void navigationOverStdio() throws Exception {
        start();
        TestClient client = new TestClient();
        LanguageServer server = connect(client).getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setCapabilities(dev.arenals.server.testing.InProcessServer.capabilities(false, null));
        InitializeResult result = get(server.initialize(init));
        assertTrue(result.getCapabilities().getDefinitionProvider().getLeft());
        assertTrue(result.getCapabilities().getRenameProvider().getRight().getPrepareProvider());
        server.initialized(new InitializedParams());
        var docs = server.getTextDocumentService();

        String ts = fixture("shapes.ts");
        String tsUri = "file:///e2e/shapes.ts";
        docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(tsUri, "typescript", 1, ts)));
        // the fixture's one error: its ./canvas import names no file (TS2307)
        List<org.eclipse.lsp4j.Diagnostic> tsDiagnostics = client.awaitDiagnostics(tsUri, 1).getDiagnostics();
        assertEquals(List.of(2307), tsDiagnostics.stream().map(d -> d.getCode().getRight()).collect(java.util.stream.Collectors.toList()),
                tsDiagnostics.toString());
        // merged interface: both declarations
        assertEquals(List.of(at(ts, "interface Shape {", 10, 5), at(ts, "interface Shape {\n  name", 10, 5)),
                definition(docs, tsUri, ts, "implements Shape", 11));
        // enum member, namespace member, private name, import
        assertEquals(List.of(at(ts, "Square = ", 0, 6)), definition(docs, tsUri, ts, "Kind.Square", 5));
        assertEquals(List.of(at(ts, "unit = 1", 0, 4)), definition(docs, tsUri, ts, "Geometry.unit", 9));
        assertEquals(List.of(at(ts, "#radius: number", 0, 7)), definition(docs, tsUri, ts, "this.#radius * this", 5));
        assertEquals(List.of(at(ts, "draw }", 0, 4)), definition(docs, tsUri, ts, "draw(largest", 0));
        // references of the type parameter, of the class (its export too), rename of the enum
        assertEquals(4, docs.references(refs(tsUri, ts, "T extends", 0)).get(30, TimeUnit.SECONDS).size());
        assertEquals(3, docs.references(refs(tsUri, ts, "class Circle", 6)).get(30, TimeUnit.SECONDS).size());
        org.eclipse.lsp4j.WorkspaceEdit edit = get(docs.rename(new org.eclipse.lsp4j.RenameParams(
                new TextDocumentIdentifier(tsUri), at(ts, "enum Kind", 5, 0).getStart(), "Category")));
        String renamed = apply(ts, edit.getChanges().get(tsUri));
        assertTrue(renamed.contains("export enum Category {") && renamed.contains("const kind: Category = Category.Square;"), renamed);
        assertFalse(renamed.contains("Kind"), renamed);

        String js = fixture("app.js");
        String jsUri = "file:///e2e/app.js";
        docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(jsUri, "javascript", 1, js)));
        assertTrue(client.awaitDiagnostics(jsUri, 1).getDiagnostics().isEmpty());
        assertEquals(List.of(at(js, "outer: for", 0, 5)), definition(docs, jsUri, js, "continue outer", 9));
        assertEquals(List.of(at(js, "count = 0", 0, 5)), definition(docs, jsUri, js, "return this.count", 12));
        assertEquals(List.of(at(js, "const { verbose }", 8, 7)), definition(docs, jsUri, js, "key, verbose }", 5));
        assertEquals(3, docs.references(refs(jsUri, js, "settings = {", 0)).get(30, TimeUnit.SECONDS).size());
        edit = get(docs.rename(new org.eclipse.lsp4j.RenameParams(new TextDocumentIdentifier(jsUri),
                at(js, "const { verbose }", 8, 0).getStart(), "loud")));
        renamed = apply(js, edit.getChanges().get(jsUri));
        assertTrue(renamed.contains("const { verbose: loud } = settings;") && renamed.contains("parts.push({ key, verbose: loud });"), renamed);
        edit = get(docs.rename(new org.eclipse.lsp4j.RenameParams(new TextDocumentIdentifier(jsUri),
                at(js, "function describe", 9, 0).getStart(), "explain")));
        renamed = apply(js, edit.getChanges().get(jsUri));
        assertTrue(renamed.contains("function explain(") && renamed.contains("export { explain as describe, Counter };"), renamed);

        get(server.shutdown());
        server.exit();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        assertOnlyProtocolOnStdout();
        assertFalse(stderr.toString(StandardCharsets.UTF_8).contains("Exception"), stderr.toString(StandardCharsets.UTF_8));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = StdioServerIT.class.getResourceAsStream("/navigation/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The range of {@code length} chars at {@code delta} past the first occurrence of {@code anchor}. */
    private static Range at(String text, String anchor, int delta, int length) {
        int i = text.indexOf(anchor);
        assertTrue(i >= 0, anchor);
        return new Range(position(text, i + delta), position(text, i + delta + length));
    }

    private static Position position(String text, int offset) {
        int line = 0, lineStart = 0;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') { line++; lineStart = i + 1; }
        return new Position(line, offset - lineStart);
    }

    private static List<Range> definition(org.eclipse.lsp4j.services.TextDocumentService docs, String uri, String text,
            String anchor, int delta) throws Exception {
        List<Range> out = new java.util.ArrayList<>();
        for (org.eclipse.lsp4j.Location l : get(docs.definition(new org.eclipse.lsp4j.DefinitionParams(
                new TextDocumentIdentifier(uri), at(text, anchor, delta, 0).getStart()))).getLeft()) {
            out.add(l.getRange());
        }
        return out;
    }

    private static org.eclipse.lsp4j.ReferenceParams refs(String uri, String text, String anchor, int delta) {
        return new org.eclipse.lsp4j.ReferenceParams(new TextDocumentIdentifier(uri), at(text, anchor, delta, 0).getStart(),
                new org.eclipse.lsp4j.ReferenceContext(true));
    }

    private static String apply(String text, List<org.eclipse.lsp4j.TextEdit> edits) {
        List<org.eclipse.lsp4j.TextEdit> sorted = new java.util.ArrayList<>(edits);
        sorted.sort((a, b) -> Integer.compare(offset(text, b.getRange().getStart()), offset(text, a.getRange().getStart())));
        StringBuilder sb = new StringBuilder(text);
        for (org.eclipse.lsp4j.TextEdit e : sorted) {
            sb.replace(offset(text, e.getRange().getStart()), offset(text, e.getRange().getEnd()), e.getNewText());
        }
        return sb.toString();
    }

    private static int offset(String text, Position p) {
        int line = 0, i = 0;
        while (line < p.getLine()) if (text.charAt(i++) == '\n') line++;
        return i + p.getCharacter();
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
