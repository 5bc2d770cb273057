package dev.arenals.server.protocol;

import dev.arenals.server.document.Document;
import dev.arenals.server.features.DocumentSymbolHandler;
import dev.arenals.server.features.HoverHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.RelatedUnchangedDocumentDiagnosticReport;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * {@code textDocument/*}: sync notifications go onto the document's queue in arrival order;
 * requests are queued behind them, so they see every edit sent before them. A request still
 * queued when the client cancels it is skipped (LSP4J answers it with RequestCancelled).
 * Unknown documents give null (hover, symbols) or an empty report (pull diagnostics); invalid
 * params give InvalidParams; a handler that throws is logged and answered with InternalError.
 */
public final class ArenaTextDocumentService implements TextDocumentService {
    private final ArenaLanguageServer server;
    private final HoverHandler hover = new HoverHandler();
    private final DocumentSymbolHandler symbols = new DocumentSymbolHandler();

    /** Tests: a request method whose handler is made to throw. */
    volatile String faultForTests;
    /** Tests: how many request handlers ran (cancelled ones do not). */
    final AtomicInteger handlersRun = new AtomicInteger();

    ArenaTextDocumentService(ArenaLanguageServer server) { this.server = server; }

    // ---- synchronisation ----

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        if (!server.acceptsNotifications()) return;
        TextDocumentItem item = params == null ? null : params.getTextDocument();
        if (item == null || item.getUri() == null) {
            server.log().warn("didOpen without a text document: ignored");
            return;
        }
        String text = item.getText() == null ? "" : item.getText();
        server.store().open(item.getUri(), item.getLanguageId(), item.getVersion(), text, server.support().positionEncoding);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        if (!server.acceptsNotifications()) return;
        if (params == null || params.getTextDocument() == null || params.getContentChanges() == null) {
            server.log().warn("didChange without a document or changes: ignored");
            return;
        }
        Document doc = server.store().get(params.getTextDocument().getUri());
        if (doc == null) {
            server.log().warn("didChange for a document that is not open: " + params.getTextDocument().getUri());
            return;
        }
        List<TextDocumentContentChangeEvent> changes = new ArrayList<>(params.getContentChanges());
        Integer v = params.getTextDocument().getVersion();
        doc.queue().execute(() -> {
            String rejected = doc.applyChanges(changes, v == null ? doc.version() + 1 : v);
            if (rejected != null) server.log().warn("didChange for " + doc.uri() + ": " + rejected);
        });
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        if (!server.acceptsNotifications()) return;
        String uri = params == null || params.getTextDocument() == null ? null : params.getTextDocument().getUri();
        Document doc = server.store().close(uri, closed -> server.publish(closed, List.of(), null));
        if (doc == null) server.log().warn("didClose for a document that is not open: " + uri);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // The text is already in sync through didChange; nothing is computed on save.
    }

    // ---- requests ----

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        server.checkRequestAllowed();
        requireDocument(params == null ? null : params.getTextDocument());
        if (params.getPosition() == null) throw invalidParams("hover: position is missing");
        boolean markdown = server.support().markdownHover;
        return onDocument("textDocument/hover", params.getTextDocument().getUri(), null,
                doc -> hover.hover(doc, params.getPosition(), markdown));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        server.checkRequestAllowed();
        requireDocument(params == null ? null : params.getTextDocument());
        boolean hierarchical = server.support().hierarchicalSymbols;
        return onDocument("textDocument/documentSymbol", params.getTextDocument().getUri(), null, doc -> {
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            if (hierarchical) {
                for (DocumentSymbol s : symbols.documentSymbols(doc)) out.add(Either.forRight(s));
            } else {
                for (SymbolInformation s : symbols.symbolInformation(doc)) out.add(Either.forLeft(s));
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        server.checkRequestAllowed();
        requireDocument(params == null ? null : params.getTextDocument());
        String previous = params.getPreviousResultId();
        DocumentDiagnosticReport empty = new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(List.of()));
        return onDocument("textDocument/diagnostic", params.getTextDocument().getUri(), empty, doc -> {
            String resultId = Long.toString(doc.parseStamp());
            if (resultId.equals(previous)) {
                return new DocumentDiagnosticReport(new RelatedUnchangedDocumentDiagnosticReport(resultId));
            }
            List<Diagnostic> list = server.diagnostics().diagnostics(doc, server.settings().maxFileSize());
            RelatedFullDocumentDiagnosticReport full = new RelatedFullDocumentDiagnosticReport(list);
            full.setResultId(resultId);
            return new DocumentDiagnosticReport(full);
        });
    }

    /**
     * Runs {@code work} on the document's queue after any pending edits (parsing first if needed).
     * {@code ifUnknown} answers for a document that is not open or gets closed meanwhile.
     */
    private <T> CompletableFuture<T> onDocument(String method, String uri, T ifUnknown, Function<Document, T> work) {
        Document doc = server.store().get(uri);
        if (doc == null) return CompletableFuture.completedFuture(ifUnknown);
        CompletableFuture<T> result = new CompletableFuture<>();
        doc.queue().execute(() -> {
            if (result.isDone()) return; // cancelled while queued
            if (doc.isClosed()) {
                result.complete(ifUnknown);
                return;
            }
            try {
                handlersRun.incrementAndGet();
                if (method.equals(faultForTests)) throw new IllegalStateException("fault injected by a test");
                server.refresh(doc);
                result.complete(work.apply(doc));
            } catch (Throwable t) {
                server.log().error("arena-ls: " + method + " failed on " + uri, t);
                result.completeExceptionally(ArenaLanguageServer.error(ResponseErrorCode.InternalError,
                        method + " failed: " + t));
            }
        });
        return result;
    }

    private static void requireDocument(TextDocumentIdentifier id) {
        if (id == null || id.getUri() == null) throw invalidParams("textDocument.uri is missing");
    }

    private static ResponseErrorException invalidParams(String message) {
        return ArenaLanguageServer.error(ResponseErrorCode.InvalidParams, message);
    }
}
