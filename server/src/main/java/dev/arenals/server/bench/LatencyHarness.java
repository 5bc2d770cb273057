package dev.arenals.server.bench;

import dev.arenals.server.document.Document;
import dev.arenals.parser.ParseOptions;
import dev.arenals.server.protocol.ArenaLanguageServer;
import dev.arenals.server.protocol.Launchers;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Edit → publishDiagnostics latency and memory per open document, measured in process through
 * the real protocol stack (LSP4J client and server over pipes, JSON both ways).
 *
 * <pre>
 * java -cp server/target/arena-ls.jar dev.arenals.server.bench.LatencyHarness [LINES|FILE …] [--edits N] [--pause MS] [--no-unused]
 * </pre>
 *
 * For each input (a number: that many lines of generated module code; default 1,000, 10,000 and
 * 100,000; or a path to a real file) it opens the document, warms up, then sends N
 * single-character edits one at a time (insert or delete a space at the start of a random line,
 * every tenth insertion a stray '(' and its removal) and times each from sending
 * {@code didChange} to receiving the {@code publishDiagnostics} of that version. Memory: the
 * document's arrays (text, line index, arena, scope table) per source byte, and the heap growth
 * of holding 20 copies of the 10,000-line file open. {@code --pause MS} waits that long after each
 * measured edit's diagnostics arrive (a typist's pace) instead of sending the next edit at once.
 */
public final class LatencyHarness {
    private LatencyHarness() {}

    public static void main(String[] args) throws Exception {
        List<String> inputs = new ArrayList<>();
        int edits = 500;
        int pauseMillis = 0;
        boolean unusedHints = true;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--edits")) edits = Integer.parseInt(args[++i]);
            else if (args[i].equals("--pause")) pauseMillis = Integer.parseInt(args[++i]);
            else if (args[i].equals("--no-unused")) unusedHints = false; // the setting diagnostics.unused off
            else inputs.addAll(Arrays.asList(args[i].split(",")));
        }
        if (inputs.isEmpty()) inputs = List.of("1000", "10000", "100000");
        System.out.printf(Locale.ROOT, "arena-ls latency harness: %s %s, %d cores, max heap %d MB, %d edits per document, %d ms between edits%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, edits, pauseMillis);
        try (Session s = new Session(unusedHints)) {
            s.memory(10_000, 20);
            for (String input : inputs) {
                if (input.chars().allMatch(Character::isDigit)) {
                    int lines = Integer.parseInt(input);
                    s.measure("generated " + lines + " lines", "file:///bench/generated-" + lines + ".js", GeneratedSource.module(lines), edits, pauseMillis);
                } else {
                    Path path = Path.of(input);
                    s.measure(path.getFileName().toString(), path.toUri().toString(), Files.readString(path), edits, pauseMillis);
                }
            }
        }
    }

    /** A server and a client in this JVM, over pipes. */
    static final class Session implements AutoCloseable {
        final ArenaLanguageServer server;
        final LanguageServer remote;
        final Client client = new Client();
        private final ExecutorService io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "harness-io");
            t.setDaemon(true);
            return t;
        });
        private final PipedOutputStream toServer;
        private final PipedOutputStream toClient;

        Session(boolean unusedHints) throws Exception {
            ArenaLanguageServer.Options options = new ArenaLanguageServer.Options();
            options.log = new dev.arenals.server.protocol.ServerLog(null);
            server = new ArenaLanguageServer(options);
            PipedInputStream serverIn = new PipedInputStream(1 << 20);
            toServer = new PipedOutputStream(serverIn);
            PipedInputStream clientIn = new PipedInputStream(1 << 20);
            toClient = new PipedOutputStream(clientIn);
            Launchers.serverLauncher(server, serverIn, toClient, io).startListening();
            Launcher<LanguageServer> launcher = new LSPLauncher.Builder<LanguageServer>().setLocalService(client)
                    .setRemoteInterface(LanguageServer.class).setInput(clientIn).setOutput(toServer).setExecutorService(io).create();
            launcher.startListening();
            remote = launcher.getRemoteProxy();
            InitializeParams init = new InitializeParams();
            init.setCapabilities(new ClientCapabilities());
            if (!unusedHints) init.setInitializationOptions(com.google.gson.JsonParser.parseString("{\"diagnostics\": {\"unused\": false}}"));
            remote.initialize(init).get(30, TimeUnit.SECONDS);
            remote.initialized(new InitializedParams());
        }

        void measure(String name, String uri, String text, int edits, int pauseMillis) throws Exception {
            int lineCount = (int) text.chars().filter(c -> c == '\n').count() + 1;
            CompletableFuture<PublishDiagnosticsParams> opened = client.expect(uri, 1);
            long t0 = System.nanoTime();
            remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, ParseOptions.forFileName(uri).language().languageId(), 1, text)));
            opened.get(120, TimeUnit.SECONDS);
            long openNanos = System.nanoTime() - t0;
            Document doc = server.openDocument(uri);
            int version = 1;
            boolean big = text.length() > 1_000_000;
            int warmup = big ? 30 : 300;
            int measured = big ? Math.max(30, edits / 5) : edits;
            long[] times = new long[measured];
            long[] parses = new long[measured];
            int withErrors = 0;
            int incremental = 0, rebound = 0, nested = 0;
            Random random = new Random(lineCount);
            int line = 0;
            for (int i = 0; i < warmup + measured; i++) {
                version++;
                // pairs of edits: insert a character at the start of a random line, then delete it,
                // so the file keeps its size; every tenth pair inserts a stray '(' (an error
                // unless it lands in a comment or string), so diagnostics come and go
                boolean insert = (i & 1) == 0;
                if (insert) line = random.nextInt(lineCount);
                String what = (i / 2) % 10 == 9 ? "(" : " ";
                TextDocumentContentChangeEvent change = insert
                        ? new TextDocumentContentChangeEvent(new Range(new Position(line, 0), new Position(line, 0)), what)
                        : new TextDocumentContentChangeEvent(new Range(new Position(line, 0), new Position(line, 1)), "");
                CompletableFuture<PublishDiagnosticsParams> published = client.expect(uri, version);
                long start = System.nanoTime();
                remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(uri, version), List.of(change)));
                PublishDiagnosticsParams p = published.get(120, TimeUnit.SECONDS);
                long t = System.nanoTime() - start;
                if (i >= warmup) {
                    times[i - warmup] = t;
                    parses[i - warmup] = doc.lastParseNanos(); // the publication happened after it
                    if (!p.getDiagnostics().isEmpty()) withErrors++;
                    if (doc.lastParseWasIncremental()) incremental++;
                    if (doc.lastParseWasNested()) nested++;
                    if (doc.lastBindWasIncremental()) rebound++;
                }
                // a typist's pace: between keystrokes the server's threads sleep and other work
                // takes the caches, so each reparse starts colder than in back-to-back edits
                if (pauseMillis > 0 && i >= warmup) Thread.sleep(pauseMillis);
            }
            Arrays.sort(times);
            Arrays.sort(parses);
            long bytes = text.getBytes(StandardCharsets.UTF_8).length;
            long[] held = held(doc);
            System.out.printf(Locale.ROOT, "%s: %,d lines, %,d bytes; open->diagnostics %.1f ms%n", name, lineCount, bytes, ms(openNanos));
            System.out.printf(Locale.ROOT, "  edit->publishDiagnostics  p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms  (%d edits after %d warm-up, %d published errors)%n",
                    ms(p(times, 50)), ms(p(times, 95)), ms(times[times.length - 1]), measured, warmup, withErrors);
            System.out.printf(Locale.ROOT, "  of which parse+bind      p50 %7.2f ms  p95 %7.2f ms  (%d of %d edits reparsed only their top-level statement"
                    + " or, %d of them, one function body in it; %d rebound only it)%n",
                    ms(p(parses, 50)), ms(p(parses, 95)), incremental, measured, nested, rebound);
            System.out.printf(Locale.ROOT, "  held: arena+text+lines %.2f B/byte, with scope table %.2f B/byte%n",
                    (double) held[0] / bytes, (double) (held[0] + held[1]) / bytes);
            remote.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
            awaitClosed(doc);
        }

        private static long p(long[] sorted, int percentile) {
            return sorted[Math.max(0, (int) Math.ceil(sorted.length * percentile / 100.0) - 1)];
        }

        private static void awaitClosed(Document doc) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!doc.isClosed() && System.nanoTime() < deadline) Thread.sleep(5);
        }

        /** Heap growth per document with {@code copies} documents of {@code lines} lines open. */
        void memory(int lines, int copies) throws Exception {
            String text = GeneratedSource.module(lines);
            long bytes = text.getBytes(StandardCharsets.UTF_8).length;
            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            long before = usedAfterGc(mem);
            List<CompletableFuture<PublishDiagnosticsParams>> all = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                String uri = "file:///bench/mem-" + i + ".js";
                all.add(client.expect(uri, 1));
                remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "javascript", 1, text)));
            }
            for (CompletableFuture<PublishDiagnosticsParams> f : all) f.get(60, TimeUnit.SECONDS);
            long after = usedAfterGc(mem);
            Document doc = server.openDocument("file:///bench/mem-0.js");
            long[] held = held(doc);
            System.out.printf(Locale.ROOT, "memory, %d open documents of generated %,d lines (%,d bytes each):%n", copies, lines, bytes);
            System.out.printf(Locale.ROOT, "  arena + text + line index: %,d bytes = %.2f B per source byte%n", held[0], (double) held[0] / bytes);
            System.out.printf(Locale.ROOT, "  + scope table:             %,d bytes = %.2f B per source byte%n", held[0] + held[1], (double) (held[0] + held[1]) / bytes);
            System.out.printf(Locale.ROOT, "  heap growth per document:  %,d bytes = %.2f B per source byte (everything retained)%n",
                    (after - before) / copies, (double) (after - before) / copies / bytes);
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                String uri = "file:///bench/mem-" + i + ".js";
                docs.add(server.openDocument(uri));
                remote.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
            }
            for (Document d : docs) awaitClosed(d);
        }

        /** {arena + text + line index, scope table} bytes reserved, read on the document's queue. */
        private static long[] held(Document doc) throws Exception {
            CompletableFuture<long[]> f = new CompletableFuture<>();
            doc.queue().execute(() -> {
                long scopes = doc.scopes() == null ? 0L : doc.scopes().bytesReserved();
                f.complete(new long[] {doc.bytesReserved() - scopes, scopes});
            });
            return f.get(30, TimeUnit.SECONDS);
        }

        private static long usedAfterGc(MemoryMXBean mem) throws InterruptedException {
            long used = Long.MAX_VALUE;
            for (int i = 0; i < 4; i++) {
                System.gc();
                Thread.sleep(100);
                used = Math.min(used, mem.getHeapMemoryUsage().getUsed());
            }
            return used;
        }

        private static double ms(long nanos) { return nanos / 1e6; }

        @Override
        public void close() throws IOException {
            toServer.close();
            toClient.close();
            server.exit();
            io.shutdownNow();
        }
    }

    /** Records publications and completes the waiter for (uri, version). */
    static final class Client implements LanguageClient {
        private final ConcurrentHashMap<String, CompletableFuture<PublishDiagnosticsParams>> waiting = new ConcurrentHashMap<>();

        CompletableFuture<PublishDiagnosticsParams> expect(String uri, int version) {
            CompletableFuture<PublishDiagnosticsParams> f = new CompletableFuture<>();
            waiting.put(uri + "#" + version, f);
            return f;
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams p) {
            CompletableFuture<PublishDiagnosticsParams> f = waiting.remove(p.getUri() + "#" + p.getVersion());
            if (f != null) f.complete(p);
        }

        @Override public void telemetryEvent(Object object) { }
        @Override public void showMessage(MessageParams params) { }
        @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }
        @Override public void logMessage(MessageParams params) { }
    }
}
