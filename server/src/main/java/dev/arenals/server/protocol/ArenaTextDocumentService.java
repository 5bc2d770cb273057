package dev.arenals.server.protocol;
import dev.arenals.server.document.Document;
import dev.arenals.server.features.CodeActionHandler;
import dev.arenals.server.features.CompletionHandler;
import dev.arenals.server.features.ConvertExport;
import dev.arenals.server.features.ConvertParameters;
import dev.arenals.server.features.CodeLensHandler;
import dev.arenals.server.features.CrossFileReferences;
import dev.arenals.server.features.CrossFileRename;
import dev.arenals.server.features.DefinitionHandler;
import dev.arenals.server.features.DocumentHighlightHandler;
import dev.arenals.server.features.DocumentLinkHandler;
import dev.arenals.server.features.DocumentSymbolHandler;
import dev.arenals.server.features.FoldingRangeHandler;
import dev.arenals.server.features.HoverHandler;
import dev.arenals.server.features.InlayHintHandler;
import dev.arenals.server.features.LinkedEditingRangeHandler;
import dev.arenals.server.features.ReferencesHandler;
import dev.arenals.server.features.RenameHandler;
import dev.arenals.server.features.SelectionRangeHandler;
import dev.arenals.server.features.SemanticTokensHandler;
import dev.arenals.server.features.SemanticTokensHistory;
import dev.arenals.server.features.SignatureHelpHandler;
import dev.arenals.server.features.TypeDefinitionHandler;
import dev.arenals.server.query.RenamePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DeclarationParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.CallHierarchyIncomingCall;
import org.eclipse.lsp4j.CallHierarchyIncomingCallsParams;
import org.eclipse.lsp4j.CallHierarchyItem;
import org.eclipse.lsp4j.CallHierarchyOutgoingCall;
import org.eclipse.lsp4j.CallHierarchyOutgoingCallsParams;
import org.eclipse.lsp4j.CallHierarchyPrepareParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.LinkedEditingRangeParams;
import org.eclipse.lsp4j.LinkedEditingRanges;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.RelatedUnchangedDocumentDiagnosticReport;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SelectionRangeParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensDelta;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SnippetTextEdit;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.TypeDefinitionParams;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
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
    private final DefinitionHandler definitions = new DefinitionHandler();
    private final TypeDefinitionHandler typeDefinitions = new TypeDefinitionHandler();
    private final ReferencesHandler references = new ReferencesHandler();
    private final CrossFileReferences crossFileReferences = new CrossFileReferences();
    private final DocumentHighlightHandler highlights = new DocumentHighlightHandler();
    private final RenameHandler renames = new RenameHandler();
    private final CrossFileRename crossFileRename = new CrossFileRename();
    private final CodeLensHandler codeLenses = new CodeLensHandler();
    private final LinkedEditingRangeHandler linkedEditing = new LinkedEditingRangeHandler();
    /**
     * The workspace's navigator as it is now (the server makes it at initialize): one supplier for every
     * handler that asks, as two identical method references would be two lambda classes, and the
     * class-data archive keeps one (ServerArchiveIT).
     */
    private final java.util.function.Supplier<dev.arenals.server.workspace.CrossFileNavigator> workspace = this::navigatorNow;
    private final SemanticTokensHandler semanticTokens = new SemanticTokensHandler(workspace);
    private final FoldingRangeHandler folding = new FoldingRangeHandler();
    private final SelectionRangeHandler selection = new SelectionRangeHandler();
    private final DocumentLinkHandler links = new DocumentLinkHandler();
    private final CompletionHandler completion = new CompletionHandler();
    private final SignatureHelpHandler signatureHelp = new SignatureHelpHandler();
    private final dev.arenals.server.features.CallHierarchyHandler callHierarchy = new dev.arenals.server.features.CallHierarchyHandler();
    private final InlayHintHandler inlayHints = new InlayHintHandler();
    private final CodeActionHandler codeActions = new CodeActionHandler();
    private final dev.arenals.server.features.FormattingHandler formatting = new dev.arenals.server.features.FormattingHandler();
    /** The last tokens sent per document, for full/delta; dropped at didClose. */
    final SemanticTokensHistory tokenHistory = new SemanticTokensHistory();

    /** Tests: a request method whose handler is made to throw. */
    volatile String faultForTests;
    /** Tests: how many request handlers ran (cancelled ones do not). */
    final AtomicInteger handlersRun = new AtomicInteger();

    ArenaTextDocumentService(ArenaLanguageServer server) { this.server = server; }

    /** Another file's exports changed: semantic tokens colour imported names from it anew. */
    void importedKindsChanged() { semanticTokens.workspaceChanged(); }

    // ---- synchronisation ----

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        if (!server.acceptsNotifications()) return;
        dev.arenals.server.document.OpenTrace.mark("didOpen dispatched");
        TextDocumentItem item = params == null ? null : params.getTextDocument();
        if (item == null || item.getUri() == null) {
            server.log().warn("didOpen without a text document: ignored");
            return;
        }
        DidOpenText.Item direct = item instanceof DidOpenText.Item ? (DidOpenText.Item) item : null;
        dev.arenals.server.document.TextBuffer decoded = direct != null ? direct.takeBuffer() : null;
        if (decoded != null) { // a large text, decoded by FrameReader straight into the buffer the document keeps, with its lines
            server.store().open(item.getUri(), item.getLanguageId(), item.getVersion(), decoded, direct.takeLines(), server.support().positionEncoding);
        } else {
            String text = item.getText() == null ? "" : item.getText();
            server.store().open(item.getUri(), item.getLanguageId(), item.getVersion(), text, server.support().positionEncoding);
        }
        dev.arenals.server.document.OpenTrace.mark("document made and queued");
        server.noticeFile(item.getUri()); // a new file may come with no watched-file event
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
        server.documentChanged();
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
        tokenHistory.forget(uri);
        Document doc = server.store().close(uri, closed -> {
            server.publish(closed, List.of(), null);
            server.forgetOpen(closed);
        });
        if (doc == null) server.log().warn("didClose for a document that is not open: " + uri);
        else server.noticeFile(uri);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // The text is already in sync through didChange; a first save may have created the file on disk.
        if (!server.acceptsNotifications() || params == null || params.getTextDocument() == null) return;
        server.noticeFile(params.getTextDocument().getUri());
    }

    // ---- requests ----

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        server.checkRequestAllowed();
        requireDocument(params == null ? null : params.getTextDocument());
        if (params.getPosition() == null) throw invalidParams("hover: position is missing");
        boolean markdown = server.support().markdownHover;
        return onDocument("textDocument/hover", params.getTextDocument().getUri(), null,
                doc -> hover.hover(doc, params.getPosition(), markdown, server.navigator()));
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
            // the parse and what other files said when it was checked: a change there makes the report new too
            String resultId = doc.parseStamp() + "." + server.importEpoch();
            if (resultId.equals(previous)) {
                return new DocumentDiagnosticReport(new RelatedUnchangedDocumentDiagnosticReport(resultId));
            }
            List<Diagnostic> list = server.diagnostics().diagnostics(doc, server.settings().maxFileSize(), server.settings().unusedDiagnostics());
            RelatedFullDocumentDiagnosticReport full = new RelatedFullDocumentDiagnosticReport(list);
            full.setResultId(resultId);
            return new DocumentDiagnosticReport(full);
        });
    }

    // ---- navigation: each answers from the binder on the document's queue ----

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        return definitionAt("textDocument/definition", params.getTextDocument().getUri(), positionOf("definition", params));
    }

    /** Definition and declaration: in this file or through imports, else a member of an imported type in its declaring file. */
    private CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definitionAt(String method, String uri, Position position) {
        CompletableFuture<LocalAndSites> here = onDocument(method, uri,
                new LocalAndSites(List.of(), List.of()), doc -> {
                    List<Location> found = definitions.definition(doc, position, server.navigator());
                    return new LocalAndSites(found, found.isEmpty()
                            ? crossFileReferences.instanceMemberDeclarationSites(doc, position, server.navigator(), server.workspaceIndex()) : List.of());
                });
        return here.thenCompose(found -> {
            if (found.sites().isEmpty()) return CompletableFuture.completedFuture(Either.forLeft(found.local()));
            // v.m with v declared as an instance of an imported type: the member in the declaring file, on its queue
            CrossFileReferences.Site site = found.sites().get(0);
            return inFile(site.uri(), site.path(), doc -> crossFileReferences.instanceMemberDeclarations(doc, site))
                    .exceptionally(t -> List.of())
                    .thenApply(locations -> Either.<List<? extends Location>, List<? extends LocationLink>>forLeft(locations));
        });
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> declaration(DeclarationParams params) {
        return definitionAt("textDocument/declaration", params.getTextDocument().getUri(), positionOf("declaration", params));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> typeDefinition(TypeDefinitionParams params) {
        Position position = positionOf("typeDefinition", params);
        return onDocument("textDocument/typeDefinition", params.getTextDocument().getUri(), Either.forLeft(List.of()),
                doc -> Either.forLeft(typeDefinitions.typeDefinition(doc, position, server.navigator())));
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        Position position = positionOf("references", params);
        boolean withDeclaration = params.getContext() == null || params.getContext().isIncludeDeclaration();
        String uri = params.getTextDocument().getUri();
        CompletableFuture<Object> here = onDocument("textDocument/references", uri, new LocalAndSites(List.of(), List.of()), doc -> {
            CrossFileReferences.Site declared = declaredElsewhere(doc, position);
            return declared != null ? declared : new LocalAndSites(references.references(doc, position, withDeclaration),
                    crossFileReferences.sites(doc, position, server.navigator(), server.workspaceIndex()));
        });
        return here.thenCompose(found -> {
            if (found instanceof LocalAndSites) return everyFile(CompletableFuture.completedFuture((LocalAndSites) found), withDeclaration);
            // a member of an imported type: its references are those of its declaration, asked there
            return memberDeclaration((CrossFileReferences.Site) found).thenCompose(declaration -> declaration == null
                    ? CompletableFuture.completedFuture(List.<Location>of())
                    : referencesAnywhere(declaration.getUri(), declaration.getRange().getStart(), withDeclaration));
        }).thenApply(list -> list);
    }

    /**
     * For {@code v.m} (or {@code <C m=…>}) whose type (or component) another file declares, and
     * nothing here declares: the declaring file's site, where references and rename are asked
     * instead (the member's family and every importer are known there); else null.
     */
    private CrossFileReferences.Site declaredElsewhere(Document doc, Position position) {
        List<CrossFileReferences.Site> sites = crossFileReferences.instanceMemberDeclarationSites(doc, position, server.navigator(), server.workspaceIndex());
        return sites.isEmpty() ? null : sites.get(0);
    }

    /** The first declaration of the instance member at a declaring site, or null. */
    private CompletableFuture<Location> memberDeclaration(CrossFileReferences.Site site) {
        return inFile(site.uri(), site.path(), doc -> crossFileReferences.instanceMemberDeclarations(doc, site))
                .exceptionally(t -> List.of())
                .thenApply(found -> found.isEmpty() ? null : found.get(0));
    }

    /** The references of the name at {@code position} of a file, open or not (read from disk), across the workspace. */
    CompletableFuture<List<Location>> referencesAnywhere(String uri, Position position, boolean withDeclaration) {
        java.nio.file.Path path = Uris.pathOf(uri);
        CompletableFuture<LocalAndSites> here = path == null && server.store().get(uri) == null
                ? CompletableFuture.completedFuture(new LocalAndSites(List.of(), List.of()))
                : inAnyFile(uri, path, new LocalAndSites(List.of(), List.of()), doc -> new LocalAndSites(references.references(doc, position, withDeclaration),
                        crossFileReferences.sites(doc, position, server.navigator(), server.workspaceIndex())));
        return everyFile(here, withDeclaration);
    }

    private CompletableFuture<List<Location>> everyFile(CompletableFuture<LocalAndSites> here, boolean withDeclaration) {
        // then every other file the name is imported into (or declared in), each on its own queue when open
        return here.thenCompose(found -> {
            if (found.sites().isEmpty()) return CompletableFuture.completedFuture(found.local());
            List<CompletableFuture<List<Location>>> parts = referencesAtEach(found.sites(), withDeclaration);
            return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
                List<List<Location>> lists = new ArrayList<>(parts.size() + 1);
                lists.add(found.local());
                for (CompletableFuture<List<Location>> part : parts) lists.add(part.join());
                return CrossFileReferences.distinct(lists);
            });
        });
    }

    record LocalAndSites(List<Location> local, List<CrossFileReferences.Site> sites) { }

    /** The references of the name at {@code position} in this document, and the other files' sites to look in (on the document's queue). */
    LocalAndSites referencesHere(Document doc, Position position, boolean withDeclaration) {
        return new LocalAndSites(references.references(doc, position, withDeclaration),
                crossFileReferences.sites(doc, position, server.navigator(), server.workspaceIndex()));
    }

    /**
     * Runs {@code work} on a file: on its queue when it is open, else on a snapshot parsed from disk
     * off the reader thread; {@code ifFails} when it cannot be read or the work fails (logged).
     */
    <T> CompletableFuture<T> inAnyFile(String uri, java.nio.file.Path path, T ifFails, Function<Document, T> work) {
        Document open = server.store().get(uri);
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable task = () -> {
            try {
                if (open != null && !open.isClosed()) {
                    server.refresh(open);
                    result.complete(work.apply(open));
                    return;
                }
                Document snapshot = path == null ? null : readSnapshot(uri, path);
                if (snapshot == null) {
                    result.complete(ifFails);
                    return;
                }
                try {
                    result.complete(work.apply(snapshot));
                } finally {
                    snapshot.close();
                }
            } catch (Throwable t) {
                server.log().error("arena-ls: a request's work in " + uri + " failed", t);
                result.complete(ifFails);
            }
        };
        if (open != null) open.queue().execute(task);
        else server.requestExecutor().execute(task);
        return result;
    }

    // ---- implementation and type hierarchy: edges read per document, followed across files in TypeHierarchyRequests ----

    private final TypeHierarchyRequests typeHierarchy = new TypeHierarchyRequests(this, workspace);

    private dev.arenals.server.workspace.CrossFileNavigator navigatorNow() { return server.navigator(); }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> implementation(org.eclipse.lsp4j.ImplementationParams params) {
        Position position = positionOf("implementation", params);
        return typeHierarchy.implementation(params.getTextDocument().getUri(), position).thenApply(Either::forLeft);
    }

    @Override
    public CompletableFuture<List<org.eclipse.lsp4j.TypeHierarchyItem>> prepareTypeHierarchy(org.eclipse.lsp4j.TypeHierarchyPrepareParams params) {
        Position position = positionOf("prepareTypeHierarchy", params);
        return typeHierarchy.prepare(params.getTextDocument().getUri(), position);
    }

    @Override
    public CompletableFuture<List<org.eclipse.lsp4j.TypeHierarchyItem>> typeHierarchySupertypes(org.eclipse.lsp4j.TypeHierarchySupertypesParams params) {
        server.checkRequestAllowed();
        return typeHierarchy.supertypes(typeItemOf(params == null ? null : params.getItem()));
    }

    @Override
    public CompletableFuture<List<org.eclipse.lsp4j.TypeHierarchyItem>> typeHierarchySubtypes(org.eclipse.lsp4j.TypeHierarchySubtypesParams params) {
        server.checkRequestAllowed();
        return typeHierarchy.subtypes(typeItemOf(params == null ? null : params.getItem()));
    }

    private static org.eclipse.lsp4j.TypeHierarchyItem typeItemOf(org.eclipse.lsp4j.TypeHierarchyItem item) {
        if (item == null || item.getUri() == null || item.getSelectionRange() == null || item.getSelectionRange().getStart() == null) {
            throw invalidParams("typeHierarchy: item with uri and selectionRange is missing");
        }
        return item;
    }

    // ---- call hierarchy ----

    @Override
    public CompletableFuture<List<CallHierarchyItem>> prepareCallHierarchy(CallHierarchyPrepareParams params) {
        Position position = positionOf("prepareCallHierarchy", params);
        return onDocument("textDocument/prepareCallHierarchy", params.getTextDocument().getUri(), List.of(),
                doc -> callHierarchy.prepare(doc, position, server.navigator()));
    }

    @Override
    public CompletableFuture<List<CallHierarchyIncomingCall>> callHierarchyIncomingCalls(CallHierarchyIncomingCallsParams params) {
        server.checkRequestAllowed();
        CallHierarchyItem item = itemOf(params == null ? null : params.getItem());
        return referencesAnywhere(item.getUri(), item.getSelectionRange().getStart(), false).thenCompose(found -> {
            Map<String, List<Location>> byUri = new java.util.LinkedHashMap<>();
            for (Location l : found) byUri.computeIfAbsent(l.getUri(), k -> new ArrayList<>()).add(l);
            List<CompletableFuture<List<CallHierarchyIncomingCall>>> parts = new ArrayList<>();
            for (Map.Entry<String, List<Location>> e : byUri.entrySet()) {
                parts.add(inAnyFile(e.getKey(), Uris.pathOf(e.getKey()), List.of(), doc -> callHierarchy.incomingIn(doc, e.getValue())));
            }
            return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
                List<CallHierarchyIncomingCall> out = new ArrayList<>();
                for (CompletableFuture<List<CallHierarchyIncomingCall>> part : parts) out.addAll(part.join());
                return out;
            });
        });
    }

    @Override
    public CompletableFuture<List<CallHierarchyOutgoingCall>> callHierarchyOutgoingCalls(CallHierarchyOutgoingCallsParams params) {
        server.checkRequestAllowed();
        CallHierarchyItem item = itemOf(params == null ? null : params.getItem());
        return inAnyFile(item.getUri(), Uris.pathOf(item.getUri()), List.of(), doc -> callHierarchy.outgoing(doc, item, server.navigator()));
    }

    private static CallHierarchyItem itemOf(CallHierarchyItem item) {
        if (item == null || item.getUri() == null || item.getSelectionRange() == null || item.getSelectionRange().getStart() == null) {
            throw invalidParams("callHierarchy: item with uri and selectionRange is missing");
        }
        return item;
    }

    /**
     * {@link #referencesAt} of each site, in order; the sites of one closed file answered together,
     * from one read and at most one parse of it (a member's sites may name a file once per type that
     * declares the member, and once more as a candidate of a chain: each was a parse of its own).
     */
    private List<CompletableFuture<List<Location>>> referencesAtEach(List<CrossFileReferences.Site> sites, boolean withDeclaration) {
        Map<String, List<Integer>> closedByUri = new java.util.LinkedHashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            if (server.store().get(sites.get(i).uri()) == null) closedByUri.computeIfAbsent(sites.get(i).uri(), k -> new ArrayList<>()).add(i);
        }
        List<CompletableFuture<List<Location>>> parts = new ArrayList<>(java.util.Collections.nCopies(sites.size(), null));
        for (List<Integer> group : closedByUri.values()) {
            if (group.size() < 2) continue;
            List<CrossFileReferences.Site> ofFile = new ArrayList<>(group.size());
            for (int i : group) ofFile.add(sites.get(i));
            CompletableFuture<List<List<Location>>> answers = referencesInClosedFile(ofFile, withDeclaration);
            for (int k = 0; k < group.size(); k++) {
                int which = k;
                parts.set(group.get(k), answers.thenApply(all -> all.get(which)));
            }
        }
        for (int i = 0; i < sites.size(); i++) if (parts.get(i) == null) parts.set(i, referencesAt(sites.get(i), withDeclaration));
        return parts;
    }

    /** The references at several sites of one closed file, in order: each as {@link #referencesAt} finds it, the file read and parsed once for all that need it. */
    private CompletableFuture<List<List<Location>>> referencesInClosedFile(List<CrossFileReferences.Site> sites, boolean withDeclaration) {
        CompletableFuture<List<List<Location>>> result = new CompletableFuture<>();
        server.requestExecutor().execute(() -> {
            List<List<Location>> out = new ArrayList<>(java.util.Collections.nCopies(sites.size(), List.<Location>of()));
            try {
                List<Integer> toParse = new ArrayList<>();
                for (int k = 0; k < sites.size(); k++) {
                    CrossFileReferences.Site site = sites.get(k);
                    List<Location> known = CrossFileReferences.fromSummary(site, withDeclaration, server.workspaceIndex());
                    if (known == null) known = CrossFileReferences.memberUsesWithoutParse(site, server.workspaceIndex(),
                            server.support().positionEncoding, server.settings().maxFileSize());
                    if (known != null) out.set(k, known);
                    else toParse.add(k);
                }
                if (!toParse.isEmpty()) {
                    CrossFileReferences.Site first = sites.get(toParse.get(0));
                    String text = readText(first.path());
                    List<Integer> holding = new ArrayList<>();
                    if (text != null) {
                        for (int k : toParse) if (mayHold(text, sites.get(k).instanceMember(), sites.get(k).chainedType() != null)) holding.add(k);
                    }
                    Document snapshot = holding.isEmpty() ? null : parseSnapshot(first.uri(), text);
                    if (snapshot != null) {
                        try {
                            for (int k : holding) out.set(k, referencesIn(snapshot, sites.get(k), withDeclaration));
                        } finally {
                            snapshot.close();
                        }
                    }
                }
            } catch (Throwable t) {
                server.log().error("arena-ls: references in " + sites.get(0).uri() + " failed", t);
            }
            result.complete(out);
        });
        return result;
    }

    /** References in another file: on its queue when it is open, else parsed from disk off the reader thread. Never fails (empty instead). */
    private CompletableFuture<List<Location>> referencesAt(CrossFileReferences.Site site, boolean withDeclaration) {
        Document open = server.store().get(site.uri());
        if (open == null) {
            // a closed importer's uses of the binding, kept by its summary: no read, no parse
            List<Location> known = CrossFileReferences.fromSummary(site, withDeclaration, server.workspaceIndex());
            if (known != null) return CompletableFuture.completedFuture(known);
        }
        CompletableFuture<List<Location>> result = new CompletableFuture<>();
        Runnable work = () -> {
            try {
                if (open != null) {
                    if (open.isClosed()) {
                        result.complete(List.of());
                        return;
                    }
                    server.refresh(open);
                    result.complete(referencesIn(open, site, withDeclaration));
                } else {
                    // ns.member in a closed file: its summary's uses of ns and the text after them, without a parse
                    List<Location> known = CrossFileReferences.memberUsesWithoutParse(site, server.workspaceIndex(),
                            server.support().positionEncoding, server.settings().maxFileSize());
                    result.complete(known != null ? known : referencesOnDisk(site, withDeclaration));
                }
            } catch (Throwable t) {
                server.log().error("arena-ls: references in " + site.uri() + " failed", t);
                result.complete(List.of());
            }
        };
        if (open != null) open.queue().execute(work);
        else server.requestExecutor().execute(work);
        return result;
    }

    List<Location> referencesIn(Document doc, CrossFileReferences.Site site, boolean withDeclaration) {
        if (site.instanceMember() != null) return crossFileReferences.instanceMemberUses(doc, site, withDeclaration, server.navigator());
        if (site.importedSide()) return crossFileReferences.importedSide(doc, site.reexported());
        if (site.reexported() != null) return crossFileReferences.reexportUse(doc, site.reexported());
        return site.member() != null ? crossFileReferences.memberUses(doc, site.binding(), site.member())
                : references.references(doc, site.binding(), withDeclaration);
    }

    private List<Location> referencesOnDisk(CrossFileReferences.Site site, boolean withDeclaration) {
        Document snapshot = readSnapshot(site.uri(), site.path(), site.instanceMember(), site.chainedType() != null);
        if (snapshot == null) return List.of();
        try {
            return referencesIn(snapshot, site, withDeclaration);
        } finally {
            snapshot.close();
        }
    }

    @Override
    public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
        Position position = positionOf("documentHighlight", params);
        return onDocument("textDocument/documentHighlight", params.getTextDocument().getUri(), List.of(),
                doc -> highlights.highlights(doc, position));
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(PrepareRenameParams params) {
        Position position = positionOf("prepareRename", params);
        return onDocument("textDocument/prepareRename", params.getTextDocument().getUri(), null, doc -> {
            // across the workspace first: it refuses names declared outside it, and accepts ns.a and import { a as x }'s a
            CrossFileRename.Plan plan = workspaceRenamePlan(doc, position);
            if (plan != null) {
                PrepareRenameResult across = renames.prepareName(doc, position);
                if (across != null) return Either3.forSecond(across);
            }
            PrepareRenameResult result = renames.prepare(doc, position);
            return result == null ? null : Either3.forSecond(result);
        });
    }

    /** The workspace rename at a position, null when it stays in the document; only with workspace folders (else importers are unknown). */
    private CrossFileRename.Plan workspaceRenamePlan(Document doc, Position position) {
        List<java.nio.file.Path> folders = server.workspaceFolders();
        if (folders.isEmpty()) return null;
        return crossFileRename.plan(doc, position, server.navigator(), server.workspaceIndex(), folders);
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        Position position = positionOf("rename", params);
        if (params.getNewName() == null) throw invalidParams("rename: newName is missing");
        String newName = params.getNewName();
        CompletableFuture<Object> here = onDocument("textDocument/rename", params.getTextDocument().getUri(), null, doc -> {
            CrossFileReferences.Site declared = server.workspaceFolders().isEmpty() ? null : declaredElsewhere(doc, position);
            if (declared != null) return declared;
            CrossFileRename.Plan plan = workspaceRenamePlan(doc, position);
            return plan != null ? plan : renames.rename(doc, position, newName);
        }).thenCompose(found -> {
            if (!(found instanceof CrossFileReferences.Site)) return CompletableFuture.completedFuture(found);
            // a member of an imported type: renamed from its declaration, where every file using it is known
            return memberDeclaration((CrossFileReferences.Site) found).thenCompose(declaration -> {
                if (declaration == null) return CompletableFuture.completedFuture((Object) null);
                java.nio.file.Path path = Uris.pathOf(declaration.getUri());
                return inFile(declaration.getUri(), path, doc -> {
                    CrossFileRename.Plan plan = workspaceRenamePlan(doc, declaration.getRange().getStart());
                    return plan != null ? (Object) plan : renames.rename(doc, declaration.getRange().getStart(), newName);
                });
            });
        });
        return here.thenCompose(found -> {
            if (!(found instanceof CrossFileRename.Plan)) return CompletableFuture.completedFuture((WorkspaceEdit) found);
            CrossFileRename.Plan plan = (CrossFileRename.Plan) found;
            List<CompletableFuture<FileEdits>> parts = new ArrayList<>();
            for (java.util.Map.Entry<java.nio.file.Path, List<dev.arenals.server.workspace.CrossFileNavigator.RenameSite>> e : plan.byFile().entrySet()) {
                dev.arenals.server.workspace.FileSummary s = server.workspaceIndex().summary(e.getKey());
                String uri = s != null ? s.uri() : e.getKey().toUri().toString();
                // a closed file unchanged since it was indexed is edited from its summary, without a parse
                java.util.function.Supplier<FileEdits> fromSummary = s == null ? null : () -> {
                    List<TextEdit> known = dev.arenals.server.workspace.SummaryRename.editsWithoutParse(s, e.getValue(), newName, server.settings().maxFileSize());
                    if (known == null) { // ns.member uses: the summary's uses of ns and the text after them
                        known = CrossFileRename.memberEditsWithoutParse(s, e.getValue(), newName, server.workspaceIndex(),
                                server.support().positionEncoding, server.settings().maxFileSize());
                    }
                    return known == null ? null : new FileEdits(uri, null, known);
                };
                parts.add(inFile(uri, e.getKey(), fromSummary, doc -> new FileEdits(uri, doc.isClosed() ? null : openVersion(doc),
                        crossFileRename.edits(doc, e.getValue(), newName, server.navigator()))));
            }
            return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
                List<FileEdits> files = new ArrayList<>();
                for (CompletableFuture<FileEdits> part : parts) if (!part.join().edits().isEmpty()) files.add(part.join());
                return workspaceEdit(files);
            });
        });
    }

    /** The edits of one file, with the version of the open document they were computed on (null for a file read from disk). */
    private record FileEdits(String uri, Integer version, List<TextEdit> edits) { }

    /** Whether a file URI names an open document or a file on disk (a new file must not replace either). */
    private boolean fileTaken(String uri) {
        if (server.store().get(uri) != null) return true;
        try {
            return java.nio.file.Files.exists(java.nio.file.Path.of(java.net.URI.create(uri)));
        } catch (RuntimeException e) {
            return true; // not a file URI we can check: say taken, so nothing is overwritten
        }
    }

    private Integer openVersion(Document doc) { return server.store().get(doc.uri()) == doc ? doc.parsedVersion() : null; }

    private WorkspaceEdit workspaceEdit(List<FileEdits> files) {
        if (server.support().documentChanges) {
            List<Either<TextDocumentEdit, ResourceOperation>> changes = new ArrayList<>();
            for (FileEdits f : files) {
                List<Either<TextEdit, SnippetTextEdit>> edits = new ArrayList<>(f.edits().size());
                for (TextEdit e : f.edits()) edits.add(Either.forLeft(e));
                changes.add(Either.forLeft(new TextDocumentEdit(
                        new VersionedTextDocumentIdentifier(f.uri(), f.version()), edits)));
            }
            WorkspaceEdit edit = new WorkspaceEdit(changes);
            edit.setChanges(null);
            return edit;
        }
        java.util.LinkedHashMap<String, List<TextEdit>> changes = new java.util.LinkedHashMap<>();
        for (FileEdits f : files) changes.put(f.uri(), f.edits());
        return new WorkspaceEdit(changes);
    }

    /**
     * Runs {@code work} on a file: on its queue when it is open, else on a snapshot parsed from
     * disk off the reader thread. A refusal or failure fails the future (a rename is never partial).
     */
    private <T> CompletableFuture<T> inFile(String uri, java.nio.file.Path path, Function<Document, T> work) { return inFile(uri, path, null, work); }

    /** The same; for a file that is not open, {@code withoutParse} is asked first (null: parse it). */
    private <T> CompletableFuture<T> inFile(String uri, java.nio.file.Path path, java.util.function.Supplier<T> withoutParse, Function<Document, T> work) {
        Document open = server.store().get(uri);
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable task = () -> {
            try {
                if (open != null && !open.isClosed()) {
                    server.refresh(open);
                    result.complete(work.apply(open));
                    return;
                }
                T known = withoutParse == null ? null : withoutParse.get();
                if (known != null) {
                    result.complete(known);
                    return;
                }
                Document snapshot = readSnapshot(uri, path);
                if (snapshot == null) throw new RenamePlan.Refused("cannot rename across files: " + path + " cannot be read");
                try {
                    result.complete(work.apply(snapshot));
                } finally {
                    snapshot.close();
                }
            } catch (RenamePlan.Refused refused) {
                result.completeExceptionally(ArenaLanguageServer.error(ResponseErrorCode.RequestFailed, refused.getMessage()));
            } catch (Throwable t) {
                server.log().error("arena-ls: rename in " + uri + " failed", t);
                result.completeExceptionally(ArenaLanguageServer.error(ResponseErrorCode.InternalError, "rename in " + uri + " failed: " + t));
            }
        };
        if (open != null) open.queue().execute(task);
        else server.requestExecutor().execute(task);
        return result;
    }

    /** A closed file parsed from disk (the caller closes it); null when it cannot be read, is over the size limit, or does not parse. */
    private Document readSnapshot(String uri, java.nio.file.Path path) { return readSnapshot(uri, path, null); }

    /** A parse of a file read from disk; null when it cannot be read, or when it does not contain {@code mustContain} (no parse then). */
    private Document readSnapshot(String uri, java.nio.file.Path path, String mustContain) { return readSnapshot(uri, path, mustContain, false); }

    /**
     * The same; with {@code memberAccessOnly}, {@code mustContain} is a member's name that the file
     * must write after a dot ({@link CrossFileReferences#mayAccessMember}), not only hold.
     */
    private Document readSnapshot(String uri, java.nio.file.Path path, String mustContain, boolean memberAccessOnly) {
        String text = readText(path);
        // an importer that never writes the member's name has no use of it: most of a popular class's importers
        if (text == null || !mayHold(text, mustContain, memberAccessOnly)) return null;
        return parseSnapshot(uri, text);
    }

    /** Whether a file's text may hold what a site looks for (see {@link #readSnapshot(String, java.nio.file.Path, String, boolean)}). */
    private static boolean mayHold(String text, String mustContain, boolean memberAccessOnly) {
        return mustContain == null || (memberAccessOnly ? CrossFileReferences.mayAccessMember(text, mustContain) : text.contains(mustContain));
    }

    /** A closed file's text as the index and editors see it; null (logged) when it cannot be read or is over the size limit. */
    private String readText(java.nio.file.Path path) {
        String text;
        try {
            if (java.nio.file.Files.size(path) > server.settings().maxFileSize()) return null;
            text = java.nio.file.Files.readString(path);
        } catch (java.io.IOException | RuntimeException e) {
            server.log().warn("cannot read " + path + ": " + e.getMessage());
            return null;
        }
        // a byte-order mark is no part of the text editors show (nor of the index's): positions on line 0 count without it
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        return text;
    }

    /** A parse of a closed file's text (the caller closes it); null when it does not parse. */
    private Document parseSnapshot(String uri, String text) {
        Document snapshot = new Document(uri, null, 0, text, server.support().positionEncoding,
                new dev.arenals.server.document.SerialQueue(Runnable::run, null, t -> { }));
        // a references or rename request reads hundreds of such files: one arena per thread for all
        // of them (a new one is mostly the zeroing of its columns)
        DiskBuffers buffers = DISK_BUFFERS.get();
        if (buffers.arena.capacity() > DiskBuffers.KEPT_NODES) buffers = new DiskBuffers();
        DISK_BUFFERS.set(buffers);
        snapshot.useBuffers(buffers.arena, buffers.scopes);
        if (!snapshot.ensureParsed(dev.arenals.server.document.ParseTools.current(), server.settings().maxFileSize())) {
            snapshot.close();
            return null;
        }
        SNAPSHOTS_PARSED.increment();
        return snapshot;
    }

    private static final java.util.concurrent.atomic.LongAdder SNAPSHOTS_PARSED = new java.util.concurrent.atomic.LongAdder();

    /** How many closed files requests have parsed from disk (figures and tests: a cross-file request's cost is mostly these parses). */
    static long snapshotsParsed() { return SNAPSHOTS_PARSED.sum(); }

    /** The arena and scope table a worker thread parses files read from disk into, one file at a time. */
    private static final class DiskBuffers {
        /** An arena grown past this (a large file) is not kept. */
        static final int KEPT_NODES = 1 << 16;
        final dev.arenals.parser.tree.Arena arena = new dev.arenals.parser.tree.Arena(1 << 12);
        final dev.arenals.parser.scope.ScopeTable scopes = new dev.arenals.parser.scope.ScopeTable();
    }

    private static final ThreadLocal<DiskBuffers> DISK_BUFFERS = ThreadLocal.withInitial(DiskBuffers::new);

    // ---- formatting (features/FormattingHandler) ----

    @Override
    public CompletableFuture<List<? extends org.eclipse.lsp4j.TextEdit>> formatting(org.eclipse.lsp4j.DocumentFormattingParams params) {
        server.checkRequestAllowed();
        requireDocument(params == null ? null : params.getTextDocument());
        return onDocument("textDocument/formatting", params.getTextDocument().getUri(), List.of(),
                doc -> formatting.formatting(doc, params.getOptions()));
    }

    @Override
    public CompletableFuture<List<? extends org.eclipse.lsp4j.TextEdit>> rangeFormatting(org.eclipse.lsp4j.DocumentRangeFormattingParams params) {
        server.checkRequestAllowed();
        requireDocument(params == null ? null : params.getTextDocument());
        return onDocument("textDocument/rangeFormatting", params.getTextDocument().getUri(), List.of(),
                doc -> formatting.rangeFormatting(doc, params.getRange(), params.getOptions()));
    }

    @Override
    public CompletableFuture<List<? extends org.eclipse.lsp4j.TextEdit>> onTypeFormatting(org.eclipse.lsp4j.DocumentOnTypeFormattingParams params) {
        server.checkRequestAllowed();
        requireDocument(params == null ? null : params.getTextDocument());
        return onDocument("textDocument/onTypeFormatting", params.getTextDocument().getUri(), List.of(),
                doc -> formatting.onTypeFormatting(doc, params.getPosition(), params.getCh(), params.getOptions()));
    }

    @Override
    public CompletableFuture<LinkedEditingRanges> linkedEditingRange(LinkedEditingRangeParams params) {
        Position position = positionOf("linkedEditingRange", params);
        return onDocument("textDocument/linkedEditingRange", params.getTextDocument().getUri(), null,
                doc -> linkedEditing.linkedEditingRanges(doc, position));
    }

    // ---- structure: semantic tokens, folding, selection ranges, links ----

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        server.checkRequestAllowed();
        requireDocument(params == null ? null : params.getTextDocument());
        return onDocument("textDocument/semanticTokens/full", params.getTextDocument().getUri(), new SemanticTokens(List.of()),
                doc -> semanticTokens.full(doc, tokenHistory));
    }

    @Override
    public CompletableFuture<Either<SemanticTokens, SemanticTokensDelta>> semanticTokensFullDelta(SemanticTokensDeltaParams params) {
        server.checkRequestAllowed();
        requireDocument(params == null ? null : params.getTextDocument());
        return onDocument("textDocument/semanticTokens/full/delta", params.getTextDocument().getUri(),
                Either.forLeft(new SemanticTokens(List.of())),
                doc -> semanticTokens.delta(doc, params.getPreviousResultId(), tokenHistory));
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensRange(SemanticTokensRangeParams params) {
        server.checkRequestAllowed();
        requireDocument(params == null ? null : params.getTextDocument());
        if (params.getRange() == null) throw invalidParams("semanticTokens/range: range is missing");
        return onDocument("textDocument/semanticTokens/range", params.getTextDocument().getUri(), new SemanticTokens(List.of()),
                doc -> semanticTokens.range(doc, params.getRange()));
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        server.checkRequestAllowed();
        requireDocument(params == null ? null : params.getTextDocument());
        ClientSupport support = server.support();
        return onDocument("textDocument/foldingRange", params.getTextDocument().getUri(), List.of(),
                doc -> folding.foldingRanges(doc, support.lineFoldingOnly, support.foldingRangeLimit));
    }

    @Override
    public CompletableFuture<List<SelectionRange>> selectionRange(SelectionRangeParams params) {
        server.checkRequestAllowed();
        requireDocument(params == null ? null : params.getTextDocument());
        if (params.getPositions() == null) throw invalidParams("selectionRange: positions are missing");
        return onDocument("textDocument/selectionRange", params.getTextDocument().getUri(), List.of(),
                doc -> selection.selectionRanges(doc, params.getPositions()));
    }

    @Override
    public CompletableFuture<List<? extends org.eclipse.lsp4j.CodeLens>> codeLens(org.eclipse.lsp4j.CodeLensParams params) {
        server.checkRequestAllowed();
        requireDocument(params == null ? null : params.getTextDocument());
        boolean references = server.settings().referencesLens(), implementations = server.settings().implementationsLens();
        return onDocument("textDocument/codeLens", params.getTextDocument().getUri(), List.of(),
                doc -> codeLenses.codeLenses(doc, references, implementations));
    }

    /** {@code codeLens/resolve}: the count of references or implementations, across the workspace, and the command showing them. */
    @Override
    public CompletableFuture<org.eclipse.lsp4j.CodeLens> resolveCodeLens(org.eclipse.lsp4j.CodeLens unresolved) {
        server.checkRequestAllowed();
        CodeLensHandler.Lens lens = CodeLensHandler.lensOf(unresolved);
        if (lens == null) throw invalidParams("codeLens/resolve: not a lens of this server (its data is missing or changed)");
        CompletableFuture<? extends List<? extends Location>> found = CodeLensHandler.REFERENCES.equals(lens.kind())
                ? referencesAnywhere(lens.uri(), lens.position(), true)
                : typeHierarchy.implementation(lens.uri(), lens.position());
        return found.thenApply(locations -> CodeLensHandler.resolved(unresolved, lens, locations));
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        server.checkRequestAllowed();
        requireDocument(params == null ? null : params.getTextDocument());
        return onDocument("textDocument/documentLink", params.getTextDocument().getUri(), List.of(), links::documentLinks);
    }

    // ---- completion ----

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        Position position = positionOf("completion", params);
        boolean snippets = server.support().completionSnippets;
        boolean star = params.getContext() != null && "*".equals(params.getContext().getTriggerCharacter());
        return onDocument("textDocument/completion", params.getTextDocument().getUri(), Either.forRight(new CompletionList(List.of())),
                doc -> Either.forRight(star ? completion.docCommentOnly(doc, position, snippets) : completion.complete(doc, position, server.workspaceIndex(), snippets)));
    }

    @Override
    public CompletableFuture<CompletionItem> resolveCompletionItem(CompletionItem unresolved) {
        server.checkRequestAllowed();
        if (unresolved == null) throw invalidParams("completionItem/resolve: the item is missing");
        String uri = completion.lastDocument();
        if (uri == null) return CompletableFuture.completedFuture(unresolved);
        boolean markdown = server.support().markdownHover;
        return onDocument("completionItem/resolve", uri, unresolved, doc -> completion.resolve(doc, unresolved, markdown));
    }

    // ---- assistance while typing ----

    @Override
    public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
        Position position = positionOf("signatureHelp", params);
        return onDocument("textDocument/signatureHelp", params.getTextDocument().getUri(), null,
                doc -> signatureHelp.signatureHelp(doc, position, server.workspaceIndex(), server.navigator()));
    }

    @Override
    public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
        server.checkRequestAllowed();
        requireDocument(params == null ? null : params.getTextDocument());
        if (params.getRange() == null) throw invalidParams("inlayHint: range is missing");
        ServerSettings.ParameterNameHints mode = server.settings().parameterNameHints();
        return onDocument("textDocument/inlayHint", params.getTextDocument().getUri(), List.of(),
                doc -> inlayHints.inlayHints(doc, params.getRange(), mode, server.settings().enumValueHints(), server.workspaceIndex(), server.navigator()));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        server.checkRequestAllowed();
        requireDocument(params == null ? null : params.getTextDocument());
        if (params.getRange() == null) throw invalidParams("codeAction: range is missing");
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        List<Diagnostic> context = params.getContext() == null ? null : params.getContext().getDiagnostics();
        CompletableFuture<List<Either<Command, CodeAction>>> actions = onDocument("textDocument/codeAction", params.getTextDocument().getUri(), List.of(),
                doc -> codeActions.codeActions(doc, params.getRange(), only, context, server.workspaceIndex(),
                        server.support().createFiles ? this::fileTaken : null));
        return server.support().codeActionResolve ? actions : actions.thenCompose(this::resolvedNow);
    }

    /**
     * For a client that cannot resolve code actions: the actions whose edit reaches other files,
     * computed before the answer; one that is refused is left out (never offered half done).
     */
    private CompletableFuture<List<Either<Command, CodeAction>>> resolvedNow(List<Either<Command, CodeAction>> actions) {
        List<CompletableFuture<CodeAction>> parts = new ArrayList<>();
        for (Either<Command, CodeAction> a : actions) {
            if (a.isRight() && CodeActionHandler.resolveData(a.getRight()) != null) {
                parts.add(resolveCodeAction(a.getRight()).handle((resolved, failed) -> failed == null ? resolved : null));
            }
        }
        if (parts.isEmpty()) return CompletableFuture.completedFuture(actions);
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
            List<Either<Command, CodeAction>> out = new ArrayList<>(actions.size());
            int next = 0;
            for (Either<Command, CodeAction> a : actions) {
                if (a.isRight() && CodeActionHandler.resolveData(a.getRight()) != null) {
                    CodeAction resolved = parts.get(next++).join();
                    if (resolved != null) out.add(Either.forRight(resolved));
                } else {
                    out.add(a);
                }
            }
            return out;
        });
    }

    /** {@code codeAction/resolve}: the edit of an action offered without one (converting an export: its importers' edits). */
    @Override
    public CompletableFuture<CodeAction> resolveCodeAction(CodeAction unresolved) {
        server.checkRequestAllowed();
        if (unresolved == null) throw invalidParams("codeAction/resolve: the code action is missing");
        CodeActionHandler.ResolveData data = CodeActionHandler.resolveData(unresolved);
        if (data == null || unresolved.getEdit() != null) return CompletableFuture.completedFuture(unresolved);
        return CodeActionHandler.CONVERT_PARAMETERS.equals(data.action()) ? resolveParameterConversion(unresolved, data)
                : resolveExportConversion(unresolved, data);
    }

    /** Converting an export: the declaring file's export and every importer's imports and uses. */
    private CompletableFuture<CodeAction> resolveExportConversion(CodeAction unresolved, CodeActionHandler.ResolveData data) {
        java.nio.file.Path module = Uris.pathOf(data.uri());
        record Found(ConvertExport.Conversion conversion, List<TextEdit> own, Integer version) { }
        CompletableFuture<Found> here = onDocument("codeAction/resolve", data.uri(), null, doc -> {
            dev.arenals.server.query.DocumentQuery q = dev.arenals.server.query.DocumentQuery.of(doc);
            ConvertExport.Conversion c = q == null ? null : ConvertExport.at(q, doc.offsetAt(data.range().getStart()), doc.offsetAt(data.range().getEnd()));
            if (c == null || !c.kind().equals(unresolved.getKind())) {
                throw new RenamePlan.Refused("the export is no longer there: ask for the code actions again");
            }
            return new Found(c, ConvertExport.ownEdits(q, c), openVersion(doc));
        });
        return here.thenCompose(found -> {
            if (found == null) throw ArenaLanguageServer.error(ResponseErrorCode.RequestFailed, "codeAction/resolve: " + data.uri() + " is not open");
            java.util.Set<java.nio.file.Path> importers = new java.util.LinkedHashSet<>();
            java.util.Map<java.nio.file.Path, Document> openByPath = new java.util.HashMap<>();
            if (module != null) {
                importers.addAll(server.workspaceIndex().importersOf(module));
                // and every open document: its summary may be a keystroke behind its text
                for (Document doc : server.store().all()) {
                    java.nio.file.Path p = Uris.pathOf(doc.uri());
                    if (p != null && !doc.isClosed()) openByPath.put(p, doc);
                }
                importers.addAll(openByPath.keySet());
                importers.remove(module);
            }
            List<CompletableFuture<FileEdits>> parts = new ArrayList<>();
            for (java.nio.file.Path file : importers) {
                Document open = openByPath.get(file);
                dev.arenals.server.workspace.FileSummary s = server.workspaceIndex().summary(file);
                String uri = open != null ? open.uri() : s != null ? s.uri() : file.toUri().toString();
                parts.add(inFile(uri, file, doc -> {
                    dev.arenals.server.query.DocumentQuery q = dev.arenals.server.query.DocumentQuery.of(doc);
                    List<TextEdit> edits = q == null ? List.of() : ConvertExport.importerEdits(q, file, module, found.conversion());
                    return new FileEdits(uri, doc.isClosed() ? null : openVersion(doc), edits);
                }));
            }
            return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
                List<FileEdits> files = new ArrayList<>();
                files.add(new FileEdits(data.uri(), found.version(), found.own()));
                for (CompletableFuture<FileEdits> part : parts) if (!part.join().edits().isEmpty()) files.add(part.join());
                unresolved.setEdit(workspaceEdit(files));
                return unresolved;
            });
        });
    }

    /**
     * Converting parameters to a destructured object: the declaration, then every reference of its
     * name in the workspace (each file on its own queue, or read from disk) made a call with one
     * object argument; refused as a whole when one reference cannot be.
     */
    private CompletableFuture<CodeAction> resolveParameterConversion(CodeAction unresolved, CodeActionHandler.ResolveData data) {
        record Found(ConvertParameters.Conversion conversion, List<TextEdit> own, Integer version, Position name) { }
        CompletableFuture<Found> here = onDocument("codeAction/resolve", data.uri(), null, doc -> {
            dev.arenals.server.query.DocumentQuery q = dev.arenals.server.query.DocumentQuery.of(doc);
            ConvertParameters.Conversion c = q == null ? null
                    : ConvertParameters.at(q, doc.offsetAt(data.range().getStart()), doc.offsetAt(data.range().getEnd()));
            if (c == null) throw new RenamePlan.Refused("the function is no longer there: ask for the code actions again");
            return new Found(c, ConvertParameters.declarationEdits(q, c), openVersion(doc), doc.positionAt(c.nameStart()));
        });
        return here.thenCompose(found -> {
            if (found == null) throw ArenaLanguageServer.error(ResponseErrorCode.RequestFailed, "codeAction/resolve: " + data.uri() + " is not open");
            return referencesAnywhere(data.uri(), found.name(), true).thenCompose(locations -> {
                java.util.Map<String, List<Range>> byUri = new java.util.LinkedHashMap<>();
                byUri.put(data.uri(), new ArrayList<>());
                for (Location l : locations) byUri.computeIfAbsent(l.getUri(), k -> new ArrayList<>()).add(l.getRange());
                List<CompletableFuture<FileEdits>> parts = new ArrayList<>();
                for (java.util.Map.Entry<String, List<Range>> e : byUri.entrySet()) {
                    String uri = e.getKey();
                    boolean declaring = uri.equals(data.uri());
                    parts.add(inFile(uri, Uris.pathOf(uri), doc -> {
                        dev.arenals.server.query.DocumentQuery q = dev.arenals.server.query.DocumentQuery.of(doc);
                        if (q == null) throw new RenamePlan.Refused("Cannot convert the parameters of `" + found.conversion().name() + "`: " + uri + " cannot be read");
                        List<TextEdit> edits = new ArrayList<>(ConvertParameters.callEdits(q, e.getValue(), found.conversion()));
                        if (declaring) {
                            Range own = found.own().get(0).getRange();
                            for (TextEdit call : edits) {
                                if (doc.offsetAt(call.getRange().getStart()) < doc.offsetAt(own.getEnd())
                                        && doc.offsetAt(own.getStart()) < doc.offsetAt(call.getRange().getEnd())) {
                                    throw new RenamePlan.Refused("Cannot convert the parameters of `" + found.conversion().name()
                                            + "`: a parameter's default calls it");
                                }
                            }
                            edits.addAll(found.own());
                        }
                        return new FileEdits(uri, declaring ? found.version() : doc.isClosed() ? null : openVersion(doc), edits);
                    }));
                }
                return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
                    List<FileEdits> files = new ArrayList<>();
                    for (CompletableFuture<FileEdits> part : parts) if (!part.join().edits().isEmpty()) files.add(part.join());
                    unresolved.setEdit(workspaceEdit(files));
                    return unresolved;
                });
            });
        });
    }

    /** Checks the state and the params of a position request; the position it asks about. */
    private Position positionOf(String method, TextDocumentPositionParams params) {
        server.checkRequestAllowed();
        requireDocument(params == null ? null : params.getTextDocument());
        if (params.getPosition() == null) throw invalidParams(method + ": position is missing");
        return params.getPosition();
    }

    /**
     * Runs {@code work} on the document's queue after any pending edits (parsing first if needed).
     * {@code ifUnknown} answers for a document that is not open or gets closed meanwhile.
     */
    private <T> CompletableFuture<T> onDocument(String method, String uri, T ifUnknown, Function<Document, T> work) {
        Document doc = server.store().get(uri);
        if (doc == null) return CompletableFuture.completedFuture(ifUnknown);
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable run = () -> {
            if (result.isDone()) return; // cancelled while queued
            if (doc.isClosed()) {
                result.complete(ifUnknown);
                return;
            }
            try {
                handlersRun.incrementAndGet();
                if (method.equals(faultForTests)) throw new IllegalStateException("fault injected by a test");
                server.refresh(doc);
                server.summarizeIfPending(doc); // what the index says of this very document is this parse's
                result.complete(work.apply(doc));
            } catch (RenamePlan.Refused refused) {
                // an answer, not a failure: the client shows the reason
                result.completeExceptionally(ArenaLanguageServer.error(ResponseErrorCode.RequestFailed, refused.getMessage()));
            } catch (Throwable t) {
                server.log().error("arena-ls: " + method + " failed on " + uri, t);
                result.completeExceptionally(ArenaLanguageServer.error(ResponseErrorCode.InternalError,
                        method + " failed: " + t));
            }
        };
        // other documents' summaries that wait for a pause in typing are made first: a request never reads a stale one
        CompletableFuture<Void> pending = server.pendingSummariesMade(doc);
        if (pending.isDone()) doc.queue().execute(run);
        else pending.whenComplete((done, failed) -> doc.queue().execute(run));
        return result;
    }

    private static void requireDocument(TextDocumentIdentifier id) {
        if (id == null || id.getUri() == null) throw invalidParams("textDocument.uri is missing");
    }

    private static ResponseErrorException invalidParams(String message) {
        return ArenaLanguageServer.error(ResponseErrorCode.InvalidParams, message);
    }
}
