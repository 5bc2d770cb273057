package dev.arenals.server.protocol;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Builds the JSON-RPC connection of a server: the same for stdio, tests and the latency harness. */
public final class Launchers {
    private Launchers() {}

    /**
     * A launcher serving {@code server} on the given streams and connected to it as its client.
     * Exceptions that escape a request become JSON-RPC errors: LSP4J's default methods for the
     * requests we do not offer throw UnsupportedOperationException → MethodNotFound; anything else
     * is logged (window/logMessage) and answered with InternalError. Frames are read by
     * {@link FrameReader}, which logs a malformed frame and finds the next good one.
     */
    public static Launcher<LanguageClient> serverLauncher(ArenaLanguageServer server, InputStream in, OutputStream out,
            ExecutorService executor) {
        Launcher<LanguageClient> launcher = new ResyncingBuilder(server.log())
                .setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(in)
                .setOutput(out)
                .setExecutorService(executor == null ? Executors.newCachedThreadPool(Launchers::daemon) : executor)
                .setExceptionHandler(exceptionHandler(server.log()))
                .create();
        server.connect(launcher.getRemoteProxy());
        return launcher;
    }

    /**
     * Writes, on the calling thread, an {@code initialize} answer like the server's (its capabilities
     * for a client that declares none) with the launcher's JSON handler, and drops it: Gson then has
     * the adapters of every capability class built and cached when the real answer is written. Main
     * calls it while the reader thread reads and parses the client's {@code initialize}, on a thread
     * that would otherwise only wait.
     */
    public static void prepareInitializeAnswer(Launcher<?> launcher) {
        try {
            org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage answer = new org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage();
            answer.setJsonrpc("2.0");
            answer.setId("0");
            answer.setResult(new org.eclipse.lsp4j.InitializeResult(Capabilities.of(ClientSupport.none(), true),
                    new org.eclipse.lsp4j.ServerInfo("arena-ls", "")));
            launcher.getRemoteEndpoint().getJsonHandler().serialize(answer);
        } catch (RuntimeException e) {
            // only a preparation: the real answer is written the usual way
        }
    }

    /** Messages {@link #prepareDocumentMessages} reads, as a client writes them. */
    static final String SAMPLE_DID_OPEN = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
            + "{\"uri\":\"file:///arena-ls-prepare/a.ts\",\"languageId\":\"typescript\",\"version\":1,\"text\":\"let a = \\\"\\\";\\n\"}}}";
    /** A range change and a whole-text change: both shapes of a change event. */
    static final String SAMPLE_DID_CHANGE = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":"
            + "{\"uri\":\"file:///arena-ls-prepare/a.ts\",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":"
            + "{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":1}},\"text\":\" \"},{\"text\":\"let a;\\n\"}]}}";

    /**
     * Reads a {@code didOpen} and a {@code didChange} and writes a {@code publishDiagnostics} with
     * the launcher's JSON handler, and drops them: Gson builds the adapters of a message's classes,
     * by reflection, the first time its instance meets them (a first {@code didChange} took 5.5 ms to
     * read with the JSON classes already compiled, 12 ms in a fresh JVM, against 0.1 ms after), and
     * the first edit and the first diagnostics would pay for it. Main calls it after
     * {@link #prepareInitializeAnswer}, on the same otherwise idle thread.
     */
    public static void prepareDocumentMessages(Launcher<?> launcher) {
        try {
            MessageJsonHandler json = launcher.getRemoteEndpoint().getJsonHandler();
            json.parseMessage(SAMPLE_DID_OPEN);
            json.parseMessage(SAMPLE_DID_CHANGE);
            org.eclipse.lsp4j.Diagnostic d = new org.eclipse.lsp4j.Diagnostic(new org.eclipse.lsp4j.Range(new org.eclipse.lsp4j.Position(0, 4),
                    new org.eclipse.lsp4j.Position(0, 5)), "'a' is declared but its value is never read.", org.eclipse.lsp4j.DiagnosticSeverity.Hint, "arena-ls");
            d.setCode(org.eclipse.lsp4j.jsonrpc.messages.Either.forRight(6133));
            d.setTags(List.of(org.eclipse.lsp4j.DiagnosticTag.Unnecessary));
            NotificationMessage publish = new NotificationMessage();
            publish.setJsonrpc("2.0");
            publish.setMethod("textDocument/publishDiagnostics");
            publish.setParams(new org.eclipse.lsp4j.PublishDiagnosticsParams("file:///arena-ls-prepare/a.ts", List.of(d), 2));
            json.serialize(publish);
        } catch (RuntimeException e) {
            // only a preparation: the real messages are read and written the usual way
        }
    }

    /** LSP4J's builder with {@link FrameReader} in place of its StreamMessageProducer. */
    private static final class ResyncingBuilder extends LSPLauncher.Builder<LanguageClient> {
        private final ServerLog log;
        private MessageJsonHandler jsonHandler;
        private RemoteEndpoint endpoint;

        ResyncingBuilder(ServerLog log) { this.log = log; }

        @Override
        protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler handler) {
            jsonHandler = handler;
            endpoint = super.createRemoteEndpoint(handler);
            return endpoint;
        }

        @Override
        protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer streamProducer, MessageConsumer consumer,
                LanguageClient proxy) {
            // create() builds the endpoint first, so both are known here; LSP4J's producer is never started
            return super.createMessageProcessor(new FrameReader(input, jsonHandler, endpoint, log::warn),
                    new DollarMethods(consumer, endpoint, supportedMethods(localServices)), proxy);
        }
    }

    private static Set<String> supportedMethods(java.util.Collection<Object> services) {
        Set<String> methods = new HashSet<>();
        for (Object service : services) methods.addAll(ServiceEndpoints.getSupportedMethods(service.getClass()).keySet());
        return methods;
    }

    /**
     * LSP's rule for {@code $/} methods, which LSP4J does not follow (it answers an unknown
     * {@code $/} request with a null result and logs every unknown {@code $/} notification):
     * an unknown {@code $/} request is answered with MethodNotFound, an unknown {@code $/}
     * notification is dropped without a word, as the protocol allows.
     */
    static final class DollarMethods implements MessageConsumer {
        private final MessageConsumer next;
        private final MessageIssueHandler issues;
        private final Set<String> supported;

        DollarMethods(MessageConsumer next, MessageIssueHandler issues, Set<String> supported) {
            this.next = next;
            this.issues = issues;
            this.supported = supported;
        }

        @Override
        public void consume(Message message) {
            if (message instanceof RequestMessage) {
                String method = ((RequestMessage) message).getMethod();
                if (isUnknownDollar(method)) {
                    issues.handle(message, List.of(new MessageIssue("unknown method " + method,
                            ResponseErrorCode.MethodNotFound.getValue())));
                    return;
                }
            } else if (message instanceof NotificationMessage) {
                String method = ((NotificationMessage) message).getMethod();
                // $/cancelRequest is LSP4J's own (RemoteEndpoint), never a service method
                if (isUnknownDollar(method) && !method.equals(MessageJsonHandler.CANCEL_METHOD.getMethodName())) return;
            }
            next.consume(message);
        }

        private boolean isUnknownDollar(String method) {
            return method != null && method.startsWith("$/") && !supported.contains(method);
        }
    }

    static Function<Throwable, ResponseError> exceptionHandler(ServerLog log) {
        return t -> {
            Throwable cause = t;
            while (cause.getCause() != null && !(cause instanceof ResponseErrorException)
                    && !(cause instanceof UnsupportedOperationException)) {
                cause = cause.getCause();
            }
            if (cause instanceof ResponseErrorException) return ((ResponseErrorException) cause).getResponseError();
            if (cause instanceof UnsupportedOperationException) {
                return new ResponseError(ResponseErrorCode.MethodNotFound, "not supported by arena-ls", null);
            }
            log.error("arena-ls: a request failed", t);
            return new ResponseError(ResponseErrorCode.InternalError, "internal error: " + t, null);
        };
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "arena-ls-jsonrpc");
        t.setDaemon(true);
        return t;
    }
}
