package dev.arenals.server.launch;

import dev.arenals.check.WarmUp;
import dev.arenals.parser.Language;
import dev.arenals.parser.ParseOptions;
import dev.arenals.server.document.Document;
import dev.arenals.server.document.ParseTools;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.features.DiagnosticsHandler;
import dev.arenals.server.workspace.Summarizer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Runs the path of an edit on small built-in sources while the server starts, on a thread of its
 * own, so that the methods a real document needs are compiled (or queued for the compiler) before
 * its first parse: a JVM interprets a method until it has run often enough, and a freshly started
 * server would otherwise parse the first file it is given, and diagnose its first edits, in the
 * interpreter (docs/performance-comparison.md, "The editor path, from the client's side").
 *
 * <p>The path is the server's own: a {@link Document} parsed and bound ({@link ParseTools}), its
 * diagnostics and unused-code hints ({@link DiagnosticsHandler}), its summary ({@link Summarizer}),
 * the publishDiagnostics message written as JSON and a didChange read from JSON (LSP4J's
 * {@link MessageJsonHandler}), then single-character edits reparsed incrementally. The sources are
 * {@code check}'s ({@link WarmUp#sources()}). It has its own documents, parser and JSON handler,
 * holds nothing any request uses, sends nothing and reads no file.
 *
 * <p>It never competes with real work for long: it stops when the first real document is opened
 * ({@link #stop()}), the work it does being a few milliseconds per round once compiled, or after
 * {@link #MAX_ROUNDS} rounds or {@link #MAX_NANOS} if no document comes.
 */
final class StartupWarmUp implements Runnable {
    static final int MAX_ROUNDS = 300;
    static final long MAX_NANOS = 4_000_000_000L;
    private static final long MAX_BYTES = 1 << 20;

    private volatile boolean stopped;
    private volatile int rounds;

    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

    /** Starts the warm-up on a daemon thread, once (later calls, and calls after {@link #stop()}, do nothing). */
    void startThread() {
        if (stopped || !started.compareAndSet(false, true)) return;
        Thread t = new Thread(this, "arena-ls-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Stops after the step under way (each is well under a millisecond once compiled), for good: not started after it. */
    void stop() { stopped = true; }

    /** Whether {@link #startThread()} has started it. */
    boolean started() { return started.get(); }

    /** Rounds completed (tests). */
    int rounds() { return rounds; }

    @Override
    public void run() {
        try {
            long t0 = System.nanoTime();
            String[] sources = WarmUp.sources();
            ParseOptions[] options = WarmUp.options();
            ParseTools tools = new ParseTools();
            DiagnosticsHandler diagnostics = new DiagnosticsHandler();
            Map<String, JsonRpcMethod> methods = new LinkedHashMap<>(ServiceEndpoints.getSupportedMethods(LanguageServer.class));
            methods.putAll(ServiceEndpoints.getSupportedMethods(LanguageClient.class));
            MessageJsonHandler json = new MessageJsonHandler(methods);
            Document[] docs = new Document[sources.length];
            for (int i = 0; i < docs.length; i++) {
                docs[i] = new Document("file:///arena-ls-warm-up/sample" + i + extension(options[i]), null, 1, sources[i], PositionEncoding.UTF16, null);
            }
            try {
                for (int round = 0; round < MAX_ROUNDS && !stopped && System.nanoTime() - t0 < MAX_NANOS; round++) {
                    for (int i = 0; i < docs.length && !stopped; i++) session(docs[i], round, tools, diagnostics, json);
                    rounds = round + 1;
                }
            } finally {
                for (Document doc : docs) doc.close();
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // only a warm-up: real documents do the real work (and report their own failures)
        }
    }

    /**
     * One source, parsed whole (as a document just opened), then edited: a space typed and deleted
     * at the start of a few lines, each reparsed incrementally. The text is the same afterwards.
     */
    private void session(Document doc, int round, ParseTools tools, DiagnosticsHandler diagnostics, MessageJsonHandler json) {
        doc.invalidate();
        publish(doc, tools, diagnostics, json);
        int lines = doc.lines().lineCount();
        for (int edit = 0; edit < 8 && !stopped; edit++) {
            int line = (round * 7 + edit / 2 * 13) % Math.max(1, lines);
            boolean insert = (edit & 1) == 0;
            int version = doc.version() + 1;
            Range range = new Range(new Position(line, 0), new Position(line, insert ? 0 : 1));
            String change = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\""
                    + doc.uri() + "\",\"version\":" + version + "},\"contentChanges\":[{\"range\":{\"start\":{\"line\":" + line
                    + ",\"character\":0},\"end\":{\"line\":" + line + ",\"character\":" + (insert ? 0 : 1) + "}},\"text\":\""
                    + (insert ? " " : "") + "\"}]}}";
            json.parseMessage(change);
            doc.applyChanges(List.of(new TextDocumentContentChangeEvent(range, insert ? " " : "")), version);
            publish(doc, tools, diagnostics, json);
        }
    }

    private static void publish(Document doc, ParseTools tools, DiagnosticsHandler diagnostics, MessageJsonHandler json) {
        doc.ensureParsed(tools, MAX_BYTES);
        Summarizer.summarize(Path.of("/arena-ls-warm-up"), doc.uri(), doc.arena(), doc.chars(), doc.lines(), doc.encoding());
        List<Diagnostic> list = diagnostics.diagnostics(doc, MAX_BYTES, true);
        NotificationMessage message = new NotificationMessage();
        message.setJsonrpc("2.0");
        message.setMethod("textDocument/publishDiagnostics");
        message.setParams(new PublishDiagnosticsParams(doc.uri(), list, doc.parsedVersion()));
        json.serialize(message);
    }

    private static String extension(ParseOptions options) {
        if (options.isDeclaration()) return ".d.ts";
        return options.language() == Language.JAVASCRIPT ? ".js" : ".ts";
    }
}
