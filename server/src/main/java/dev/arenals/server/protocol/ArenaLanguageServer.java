package dev.arenals.server.protocol;

import dev.arenals.parser.tree.TreeVerifier;

import dev.arenals.parser.tree.Arena;

import dev.arenals.check.ProjectFiles;
import dev.arenals.server.ServerInfo;
import dev.arenals.server.document.Document;
import dev.arenals.server.document.DocumentStore;
import dev.arenals.server.document.ParseTools;
import dev.arenals.server.document.WorkerLanes;
import dev.arenals.server.features.DiagnosticsHandler;
import dev.arenals.server.workspace.CrossFileNavigator;
import dev.arenals.server.workspace.Indexer;
import dev.arenals.server.workspace.ModuleResolver;
import dev.arenals.server.workspace.Summarizer;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.SetTraceParams;
import org.eclipse.lsp4j.TraceValue;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The LSP4J server object: lifecycle ({@code initialize}, {@code shutdown}, {@code exit}),
 * capabilities, settings, and the wiring between the document store, its per-document queues and
 * the client. Requests and notifications arrive on LSP4J's reader thread, in order; everything
 * that touches a document is handed to that document's queue, which runs on the worker lane the
 * document was pinned to when it opened ({@link WorkerLanes}).
 */
public final class ArenaLanguageServer implements LanguageServer, LanguageClientAware {
    /** Construction options; the defaults suit tests, {@code Main} turns on exit and parent watching. */
    public static final class Options {
        /** Called by {@code exit} with 0 after shutdown, else 1. */
        public IntConsumer exit = code -> { };
        /** Exit when the client process named in initialize dies. */
        public boolean watchParentProcess;
        /** Worker lanes (threads); each document's queue runs on one of them. */
        public int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        public ServerLog log = new ServerLog(System.err);
        /** Threads that index closed files; few, so open documents keep the cores. */
        public int indexThreads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() - 1));
        /** Called when a document is opened (Main stops its start-up warm-up on the first). */
        public Runnable documentOpened = () -> { };
        /**
         * Where per-file summaries are kept between sessions ({@code SummaryCache}), or null: not kept
         * (the default; {@code -Darenals.summaryCache=true} or the initialization option
         * {@code "summaryCache": true} turns it on, in the user's cache directory).
         */
        public java.nio.file.Path summaryCache;
        /** Called when the client's {@code initialized} notification arrives. */
        public Runnable clientInitialized = () -> { };
        /** Called on a document's lane when its queue has drained (its diagnostics published): Main's warm-up may start. */
        public Runnable documentIdle = () -> { };
        /** Called when a document is edited (didChange): Main's warm-up stops. */
        public Runnable documentChanged = () -> { };
    }

    private enum State { CREATED, INITIALIZED, SHUTDOWN }

    private final Options options;
    private final ServerLog log;
    private final WorkerLanes lanes;
    private final DocumentStore store;
    private final ArenaTextDocumentService textDocuments;
    private final ArenaWorkspaceService workspace;
    private final DiagnosticsHandler diagnostics = new DiagnosticsHandler();
    private final WorkspaceIndex index = new WorkspaceIndex();
    private final CrossFileNavigator navigator = new CrossFileNavigator(index);
    {
        // import diagnostics read the index and the current setting
        diagnostics.setImportDiagnostics(new dev.arenals.server.features.ImportDiagnostics(index, () -> this.settings.importDiagnostics()));
    }
    /** Made at initialize, when the position encoding is known; null before. */
    private volatile Indexer indexer;
    private volatile List<Path> workspaceFolders = List.of();
    private volatile boolean workDoneProgress;
    private volatile boolean registersFileWatcher;
    private volatile CompletableFuture<Void> indexing = CompletableFuture.completedFuture(null);

    private volatile LanguageClient client;
    private volatile State state = State.CREATED;
    private volatile ClientSupport support = ClientSupport.none();
    private volatile ServerSettings settings = ServerSettings.defaults();
    private volatile boolean pushDiagnostics = true;

    public ArenaLanguageServer() { this(new Options()); }

    public ArenaLanguageServer(Options options) {
        this.options = options;
        this.log = options.log;
        this.lanes = new WorkerLanes(options.workers, new WorkerThreads());
        this.store = new DocumentStore(lanes, new DocumentStore.Hooks() {
            @Override public void idle(Document document) {
                refresh(document);
                options.documentIdle.run();
            }
            @Override public void opened(Document document) { options.documentOpened.run(); }
            @Override public void failed(Document document, Throwable error) {
                log.error("arena-ls: work on " + (document == null ? "a document" : document.uri()) + " failed", error);
            }
        });
        this.textDocuments = new ArenaTextDocumentService(this);
        this.workspace = new ArenaWorkspaceService(this);
    }

    // ---- lifecycle ----

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        if (state != State.CREATED) {
            return CompletableFuture.failedFuture(error(ResponseErrorCode.InvalidRequest, "initialize may be sent only once"));
        }
        if (params == null) params = new InitializeParams();
        log.clientReady();
        support = ClientSupport.of(params.getCapabilities());
        var workspaceCaps = params.getCapabilities() == null ? null : params.getCapabilities().getWorkspace();
        inlayHintRefresh = workspaceCaps != null && workspaceCaps.getInlayHint() != null
                && Boolean.TRUE.equals(workspaceCaps.getInlayHint().getRefreshSupport());
        codeLensRefresh = workspaceCaps != null && workspaceCaps.getCodeLens() != null
                && Boolean.TRUE.equals(workspaceCaps.getCodeLens().getRefreshSupport());
        semanticTokensRefresh = workspaceCaps != null && workspaceCaps.getSemanticTokens() != null
                && Boolean.TRUE.equals(workspaceCaps.getSemanticTokens().getRefreshSupport());
        settings = settings.with(params.getInitializationOptions());
        switch (settings.diagnosticMode()) {
            case PUSH: pushDiagnostics = true; break;
            case PULL: pushDiagnostics = !support.pullDiagnostics; break;
            default: pushDiagnostics = !support.pullDiagnostics; break;
        }
        if (TraceValue.Verbose.equals(params.getTrace())) log.setVerbose(true);
        if (options.watchParentProcess && params.getProcessId() != null) watchParent(params.getProcessId());

        workspaceFolders = foldersOf(params);
        registersFileWatcher = params.getCapabilities() != null && params.getCapabilities().getWorkspace() != null
                && params.getCapabilities().getWorkspace().getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(params.getCapabilities().getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());
        if (!workspaceFolders.isEmpty()) indexing = new CompletableFuture<>(); // completed once initialized's indexing is done
        workDoneProgress = params.getCapabilities() != null && params.getCapabilities().getWindow() != null
                && Boolean.TRUE.equals(params.getCapabilities().getWindow().getWorkDoneProgress());
        // check's limit caps the index too: a generated 15 MB bundle is no place to navigate to
        indexer = new Indexer(index, log, options.indexThreads,
                () -> Math.min(settings.maxFileSize(), ProjectFiles.DEFAULT_MAX_FILE_SIZE), support.positionEncoding, lanes::busy);

        java.nio.file.Path cacheDirectory = options.summaryCache != null ? options.summaryCache
                : summaryCacheAsked(params.getInitializationOptions()) ? dev.arenals.server.workspace.SummaryCache.directory() : null;
        if (cacheDirectory != null && !workspaceFolders.isEmpty()) {
            indexer.useSummaryCache(dev.arenals.server.workspace.SummaryCache.of(cacheDirectory, workspaceFolders, support.positionEncoding, log));
        }

        dev.arenals.server.document.OpenTrace.mark("initialize received");
        ServerCapabilities caps = Capabilities.of(support, pushDiagnostics);
        state = State.INITIALIZED;
        log.info("initialized: " + ServerInfo.NAME + " " + ServerInfo.version() + ", position encoding "
                + support.positionEncoding.lspName() + ", diagnostics " + (pushDiagnostics ? "push" : "pull") + ", " + settings);
        return CompletableFuture.completedFuture(new InitializeResult(caps, new org.eclipse.lsp4j.ServerInfo(ServerInfo.NAME, ServerInfo.version())));
    }

    /** Whether the initialization options say {@code "summaryCache": true} (or in an {@code "arena-ls"} section). */
    private static boolean summaryCacheAsked(Object initializationOptions) {
        if (!(initializationOptions instanceof com.google.gson.JsonObject)) return false;
        com.google.gson.JsonObject o = (com.google.gson.JsonObject) initializationOptions;
        if (o.get(ServerSettings.SECTION) instanceof com.google.gson.JsonObject) o = o.getAsJsonObject(ServerSettings.SECTION);
        com.google.gson.JsonElement v = o.get("summaryCache");
        return v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean() && v.getAsBoolean();
    }

    @Override
    public void initialized(InitializedParams params) {
        options.clientInitialized.run();
        Indexer i = indexer;
        CompletableFuture<Void> done = indexing;
        if (i == null || workspaceFolders.isEmpty() || state != State.INITIALIZED || done.isDone()) return;
        log.info("indexing " + workspaceFolders);
        watchSourceFiles();
        i.indexFolders(workspaceFolders, progress()).whenComplete((ok, error) -> done.complete(null));
    }

    /**
     * Workspace folders added and removed: added ones are walked and indexed in the background,
     * removed ones forgotten (except what another folder still holds, which is indexed again).
     */
    void changeWorkspaceFolders(List<Path> added, List<Path> removed) {
        Indexer i = indexer;
        if (i == null) return;
        List<Path> folders = new ArrayList<>(workspaceFolders);
        folders.removeAll(removed);
        for (Path p : added) if (!folders.contains(p)) folders.add(p);
        workspaceFolders = List.copyOf(folders);
        List<Path> reindex = new ArrayList<>(added);
        for (Path gone : removed) {
            index.removeIndexedUnder(gone);
            for (Path kept : folders) if (kept.startsWith(gone) && !reindex.contains(kept)) reindex.add(kept); // a folder nested in the removed one
        }
        if (reindex.isEmpty()) return;
        log.info("indexing " + reindex);
        i.indexFolders(reindex, progress());
    }

    /** Asks the client to report changes to source files on disk, where it lets the server register for them. */
    private void watchSourceFiles() {
        LanguageClient c = client;
        if (!registersFileWatcher || c == null) return;
        FileSystemWatcher sources = new FileSystemWatcher(Either.forLeft("**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"));
        Registration r = new Registration("arena-ls/watch-sources", "workspace/didChangeWatchedFiles",
                new DidChangeWatchedFilesRegistrationOptions(List.of(sources)));
        c.registerCapability(new RegistrationParams(List.of(r))).exceptionally(error -> {
            log.warn("the client refused to watch source files (" + error + "): files changed outside the editor are not re-indexed");
            return null;
        });
    }

    /** The folders to index: workspaceFolders, else rootUri, else rootPath; only file URIs. */
    @SuppressWarnings("deprecation")
    private List<Path> foldersOf(InitializeParams params) {
        List<Path> out = new ArrayList<>();
        if (params.getWorkspaceFolders() != null) {
            for (WorkspaceFolder f : params.getWorkspaceFolders()) {
                Path p = f == null ? null : pathOf(f.getUri());
                if (p != null) out.add(p);
            }
        }
        if (out.isEmpty() && params.getRootUri() != null) {
            Path p = pathOf(params.getRootUri());
            if (p != null) out.add(p);
        }
        if (out.isEmpty() && params.getRootPath() != null) {
            try {
                out.add(Path.of(params.getRootPath()).toAbsolutePath().normalize());
            } catch (RuntimeException e) {
                log.warn("rootPath is not a path: " + params.getRootPath());
            }
        }
        return List.copyOf(out);
    }

    /** See {@link Uris#pathOf}. */
    public static Path pathOf(String uri) { return Uris.pathOf(uri); }

    /** {@code $/progress} reports for the client that supports them; log lines in any case. */
    private Indexer.Progress progress() {
        LanguageClient c = client;
        boolean report = workDoneProgress && c != null;
        String token = "arena-ls/index/" + System.nanoTime();
        Either<String, Integer> id = Either.forLeft(token);
        // the token must be acknowledged before it is used; if the client refuses, nothing is sent
        CompletableFuture<Void> created = report ? c.createProgress(new WorkDoneProgressCreateParams(id)) : CompletableFuture.completedFuture(null);
        return new Indexer.Progress() {
            /** Each notification waits for the previous one: dependents of one future would run in reverse order. */
            private CompletableFuture<Void> sent = created;

            private synchronized void send(Either<org.eclipse.lsp4j.WorkDoneProgressNotification, Object> value) {
                sent = sent.thenRun(() -> c.notifyProgress(new ProgressParams(id, value)));
            }

            @Override public void begin() {
                if (!report) return;
                WorkDoneProgressBegin b = new WorkDoneProgressBegin();
                b.setTitle("Indexing");
                b.setMessage("looking for files");
                b.setPercentage(0);
                send(Either.forLeft(b));
            }
            @Override public void advance(int done, int found, boolean walking) {
                if (!report) return;
                WorkDoneProgressReport r = new WorkDoneProgressReport();
                // while the walk goes on the total is not known: no percentage, which would go back
                r.setMessage(done + "/" + found + " files" + (walking ? ", still looking" : ""));
                if (!walking) r.setPercentage((int) (100L * done / Math.max(1, found)));
                send(Either.forLeft(r));
            }
            @Override public void end(int indexed, int skipped, long millis) {
                log.info("indexed " + indexed + " files in " + millis + " ms" + (skipped > 0 ? ", " + skipped + " skipped (see above)" : ""));
                if (!report) return;
                WorkDoneProgressEnd e = new WorkDoneProgressEnd();
                e.setMessage(indexed + " files indexed");
                send(Either.forLeft(e));
            }
        };
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        if (state == State.CREATED) {
            return CompletableFuture.failedFuture(error(ResponseErrorCode.ServerNotInitialized, "shutdown before initialize"));
        }
        state = State.SHUTDOWN;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        int code = state == State.SHUTDOWN ? 0 : 1;
        Indexer i = indexer;
        if (i != null) i.shutdown();
        lanes.shutdown();
        try {
            lanes.awaitTermination(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lanes.shutdownNow();
        options.exit.accept(code);
    }

    @Override
    public void setTrace(SetTraceParams params) {
        log.setVerbose(params != null && TraceValue.Verbose.equals(params.getValue()));
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
        log.connect(client);
    }

    @Override public ArenaTextDocumentService getTextDocumentService() { return textDocuments; }
    @Override public ArenaWorkspaceService getWorkspaceService() { return workspace; }

    /** The open document with this URI, or null (for tools and tests; its state is queue-confined). */
    public Document openDocument(String uri) { return store.get(uri); }

    /** The workspace index (for tools and tests). */
    public WorkspaceIndex workspaceIndex() { return index; }

    /** Completes when the folders given at initialize are indexed (tests, figures). */
    public CompletableFuture<Void> indexing() { return indexing; }

    /** True once {@code shutdown} was answered: {@code exit} will then return 0. */
    public boolean isShutdown() { return state == State.SHUTDOWN; }

    private void watchParent(int pid) {
        ProcessHandle.of(pid).ifPresent(parent -> parent.onExit().thenRun(() -> {
            log.warn("the client process " + pid + " is gone; exiting");
            options.exit.accept(1);
        }));
    }

    // ---- shared by the services ----

    DocumentStore store() { return store; }
    ServerLog log() { return log; }
    ClientSupport support() { return support; }
    ServerSettings settings() { return settings; }
    boolean pushesDiagnostics() { return pushDiagnostics; }
    DiagnosticsHandler diagnostics() { return diagnostics; }
    Indexer indexer() { return indexer; }
    CrossFileNavigator navigator() { return navigator; }

    /** For workspace-wide requests, which belong to no document: the least loaded lane at the moment. */
    java.util.concurrent.Executor requestExecutor() {
        int lane = lanes.assign();
        lanes.release(lane);
        return lanes.executor(lane);
    }
    List<Path> workspaceFolders() { return workspaceFolders; }

    /** The client re-asks for inlay hints on {@code workspace/inlayHint/refresh} (after a settings change). */
    private volatile boolean inlayHintRefresh;
    /** The client re-asks for code lenses on {@code workspace/codeLens/refresh} (after a settings change). */
    private volatile boolean codeLensRefresh;
    /** The client re-asks for semantic tokens on {@code workspace/semanticTokens/refresh} (after another file's exports changed). */
    private volatile boolean semanticTokensRefresh;
    private final java.util.concurrent.atomic.AtomicBoolean tokensRefreshPending = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * What a file exports changed: imported names elsewhere may stand for something else, so their
     * semantic tokens are made anew and the client, when it can, asks for them again (once for a
     * burst: the refresh waits in line behind the change's other work).
     */
    private void exportsChanged() {
        textDocuments.importedKindsChanged();
        LanguageClient c = client;
        if (semanticTokensRefresh && c != null && tokensRefreshPending.compareAndSet(false, true)) {
            requestExecutor().execute(() -> {
                tokensRefreshPending.set(false);
                c.refreshSemanticTokens();
            });
        }
    }

    void updateSettings(Object value) {
        ServerSettings before = settings;
        settings = before.with(value);
        LanguageClient hintsClient = client;
        if ((settings.parameterNameHints() != before.parameterNameHints() || settings.enumValueHints() != before.enumValueHints())
                && inlayHintRefresh && hintsClient != null) {
            hintsClient.refreshInlayHints();
        }
        if ((settings.referencesLens() != before.referencesLens() || settings.implementationsLens() != before.implementationsLens())
                && codeLensRefresh && hintsClient != null) {
            hintsClient.refreshCodeLenses();
        }
        if (settings.maxFileSize() != before.maxFileSize() || settings.unusedDiagnostics() != before.unusedDiagnostics()
                || settings.importDiagnostics() != before.importDiagnostics()) {
            log.info("settings changed: " + settings);
            for (Document doc : store.all()) doc.queue().execute(doc::invalidate);
            LanguageClient c = client;
            if (!pushDiagnostics && support.diagnosticRefresh && c != null) c.refreshDiagnostics();
        }
    }

    /** Throws the JSON-RPC error for a request that arrives in the wrong state. */
    void checkRequestAllowed() {
        if (state == State.CREATED) throw error(ResponseErrorCode.ServerNotInitialized, "the server is not initialized");
        if (state == State.SHUTDOWN) throw error(ResponseErrorCode.InvalidRequest, "the server is shut down");
    }

    /** Notifications are dropped before initialize and after shutdown (except exit). */
    boolean acceptsNotifications() { return state == State.INITIALIZED; }

    /** A document was edited (didChange): tells Main's warm-up to stop. */
    void documentChanged() { options.documentChanged.run(); }

    /**
     * Parses the document if edits made it dirty, and pushes its diagnostics. Runs on the
     * document's queue: when it drains, and before every request that reads the tree.
     */
    void refresh(Document doc) {
        if (doc == null || doc.isClosed() || !doc.isDirty()) return;
        dev.arenals.server.document.OpenTrace.mark("parse task started");
        summaryPending.add(doc); // until summarizeOpen has put this parse's summary (or the parse failed)
        try {
            if (!doc.ensureParsed(ParseTools.current(), settings.maxFileSize())) {
                summaryPending.remove(doc);
                return;
            }
            if (settings.verifyTrees()) verifyTree(doc, log);
            if (doc.bindFailure() != null) log.error("arena-ls: the binder failed on " + doc.uri() + " (hover is off until the next edit)", doc.bindFailure());
            // Diagnostics first: they read only other files' summaries, and this one's summary (a
            // pass over every top-level declaration, ~30 ms at 100k lines) would delay each edit's.
            if (pushDiagnostics) {
                List<Diagnostic> list = diagnostics.diagnostics(doc, settings.maxFileSize(), settings.unusedDiagnostics());
                dev.arenals.server.document.OpenTrace.mark("diagnostics listed");
                publish(doc, list, doc.parsedVersion());
                dev.arenals.server.document.OpenTrace.published("published");
            }
        } catch (RuntimeException | Error e) {
            summaryPending.remove(doc);
            throw e;
        }
        if (doc.length() < SUMMARY_DEFER_CHARS) {
            summarizeOpen(doc);
            return;
        }
        // A costly summary waits for a pause in typing; the next edit's parse does not queue behind it.
        // (the timer holds the document weakly: a closed one must not wait for it to be collected)
        long parse = doc.parseStamp();
        java.lang.ref.WeakReference<Document> later = new java.lang.ref.WeakReference<>(doc);
        CompletableFuture.delayedExecutor(SUMMARY_DELAY_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS).execute(() -> {
            Document d = later.get();
            if (d == null || d.isClosed()) return;
            d.queue().execute(() -> {
                if (d.isClosed()) summaryPending.remove(d);
                else if (!d.isDirty() && d.parseStamp() == parse) summarizeOpen(d);
                // else: a newer parse is made or coming, and its refresh summarizes
            });
        });
    }

    /**
     * Open documents parsed whose summary in the index is not yet made from that parse (it is made
     * after their diagnostics are published, or after a pause in typing for a big file): a file
     * event counts them as importers of any file, so none is missed in that window.
     */
    private final java.util.Set<Document> summaryPending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /**
     * From this size on (every document, by default), a document's summary waits for a pause in
     * typing ({@link #SUMMARY_DELAY_MILLIS}) instead of following each edit: remade after every
     * keystroke it was the largest part of a 2,000-line file's edit. A request never reads a stale
     * one: {@link #pendingSummariesMade} makes the pending ones first, each on its own queue, and a
     * file event counts a pending document as an importer of any file. By size, not by timing, so
     * the order of events never depends on the machine's load. {@code -Darenals.summaryDeferChars=N}
     * for comparisons (100,000: summaries of smaller files after every edit, as until the eleventh
     * session).
     */
    static final int SUMMARY_DEFER_CHARS = Integer.getInteger("arenals.summaryDeferChars", 0);
    static final long SUMMARY_DELAY_MILLIS = 150;

    /**
     * Setting {@code debug.verifyTrees}: the tree just parsed checked against the parser's rules; a
     * broken one is logged as an error (the first few violations), the document is served as usual.
     */
    static void verifyTree(Document doc, ServerLog log) {
        Arena arena = doc.arena();
        if (arena == null || doc.isOversized()) return;
        List<TreeVerifier.Violation> broken = TreeVerifier.violations(arena, 5);
        if (broken.isEmpty()) return;
        log.error("arena-ls: debug.verifyTrees: the tree of " + doc.uri() + " (version " + doc.parsedVersion() + ", "
                + (doc.lastParseWasIncremental() ? "incremental" : "full") + " parse) breaks the tree rules: " + broken, null);
    }

    /**
     * The open document's summary replaces the indexed one: one pass over the tree that was just
     * parsed, on its queue. A summarizer failure loses cross-file answers for this file, never its
     * diagnostics.
     */
    private void summarizeOpen(Document doc) {
        try {
            Path path = pathOf(doc.uri());
            if (path == null || doc.arena() == null || doc.isOversized()) return;
            dev.arenals.server.workspace.FileSummary before = index.summary(path);
            dev.arenals.server.workspace.FileSummary after = Summarizer.summarize(path, doc.uri(), doc.arena(), doc.chars(), doc.lines(), doc.encoding());
            index.putOpen(after);
            summaryPending.remove(doc); // before the importers are looked for: it is one only if it imports itself
            if (before != null && sameExportNames(before, after)) return;
            exportsChanged();
            republishImporters(path);
        } catch (RuntimeException e) {
            log.error("arena-ls: summarizing " + doc.uri() + " failed", e);
        } finally {
            summaryPending.remove(doc);
        }
    }

    /**
     * Whether two summaries of a file export the same names ({@code export *} specifiers included).
     * Most edits keep every export where it was: compared in order first, without making each
     * export's record and two sets of names at every edit.
     */
    static boolean sameExportNames(dev.arenals.server.workspace.FileSummary a, dev.arenals.server.workspace.FileSummary b) {
        int n = a.exportCount();
        if (n == b.exportCount() && a.starExports().equals(b.starExports())) {
            boolean inOrder = true;
            for (int k = 0; k < n && inOrder; k++) inOrder = a.exportedNameAt(k).equals(b.exportedNameAt(k));
            if (inOrder) return true;
        }
        return exportNames(a).equals(exportNames(b));
    }

    private static java.util.Set<String> exportNames(dev.arenals.server.workspace.FileSummary s) {
        java.util.Set<String> names = new java.util.HashSet<>(s.starExports());
        for (dev.arenals.server.workspace.FileSummary.Export e : s.exports()) names.add(e.exportedName());
        return names;
    }

    /**
     * Bumped whenever what open documents' import diagnostics read from other files may have
     * changed: part of {@code textDocument/diagnostic}'s resultId, so that a client asking again
     * (after {@code workspace/diagnostic/refresh}) gets a full report, not "unchanged".
     */
    private final java.util.concurrent.atomic.AtomicLong importEpoch = new java.util.concurrent.atomic.AtomicLong();

    long importEpoch() { return importEpoch.get(); }

    /**
     * The open documents that import {@code path} get fresh import diagnostics; the changed one too
     * when it imports itself, since its own were published before its summary changed.
     */
    private void republishImporters(Path path) { importsChanged(null, path, Why.EDITED); }

    /**
     * A file (or directory) changed, appeared or went on disk, as a watched-file event says: a
     * source file is re-indexed, then the open documents whose import diagnostics may read it are
     * checked again.
     */
    void changedOnDisk(Path path) {
        Indexer i = indexer;
        Path name = path.getFileName();
        boolean source = name != null && ProjectFiles.isSourceName(name.toString());
        CompletableFuture<Void> indexed = i != null && source ? i.reindexLater(path) : CompletableFuture.completedFuture(null);
        // a folder gone (a watcher tells the folder, not each file in it): its files leave the index
        if (!source && !java.nio.file.Files.exists(path)) index.removeIndexedUnder(path);
        requestExecutor().execute(() -> summarizeImportersAgain(path)); // created, perhaps: files that imported it before it existed
        indexed.thenRun(() -> {
            exportsChanged();
            importsChanged(null, path, Why.ON_DISK);
        });
    }

    /**
     * A document was opened, saved or closed, and its file may be new (a client that sends no
     * watched-file event): what resolution cached without it is dropped, and the open documents with
     * an import that may name it but did not resolve to it are checked again — their diagnostics
     * may be from before it existed, whatever the caches knew. Off the reader thread; the documents
     * checked again are rare (a scan of each one's few specifiers finds them).
     */
    void noticeFile(String uri) {
        requestExecutor().execute(() -> {
            Path path = pathOf(uri);
            if (path == null) return;
            if (ModuleResolver.forgetIfUnseen(path)) summarizeImportersAgain(path);
            importsChanged(store.get(uri), path, Why.NOTICED);
        });
    }

    /**
     * A file that may have appeared: every indexed file with a relative import that found nothing
     * and {@link #mayName may name} it is summarized again — an open one on its queue, a closed one
     * re-indexed — so that references, rename and the export conversions find it among the file's
     * importers (whatever the import diagnostics setting). Imports of packages are left: a new
     * file of the workspace cannot be one.
     */
    void summarizeImportersAgain(Path path) {
        if (path == null || !java.nio.file.Files.exists(path)) return;
        Indexer i = indexer;
        for (dev.arenals.server.workspace.FileSummary s : index.all()) {
            if (!s.hasUnresolvedSpecifier() || s.path().equals(path)) continue;
            java.util.Map<String, Path> resolved = s.resolvedModules();
            boolean may = false;
            for (String specifier : s.moduleSpecifiers()) {
                if (!resolved.containsKey(specifier) && ModuleResolver.isRelative(specifier) && mayName(s.path(), specifier, path)) { may = true; break; }
            }
            if (!may) continue;
            Document open = store.get(s.uri());
            if (open != null && !open.isClosed()) open.queue().execute(() -> { if (!open.isClosed() && open.arena() != null) summarizeOpen(open); });
            else if (i != null) i.reindexLater(s.path());
        }
    }

    /** Why {@link #importsChanged} looks for documents to check again. */
    private enum Why {
        /** an open file's summary changed: what it exports may differ */
        EDITED,
        /** a watched-file event: a file or folder changed, appeared or went */
        ON_DISK,
        /** a file opened, saved or closed, which may be new: only what imports find may differ, not its content */
        NOTICED
    }

    /**
     * With import diagnostics on: the open documents whose imports resolve to or below {@code path}
     * (and, after a file event, those with a specifier that resolved to nothing and {@link #mayName
     * may name} it, or every one for a changed .json config; for a file {@link Why#NOTICED noticed},
     * only those with a specifier that may name it and did not resolve to it) get fresh diagnostics,
     * their summaries remade when resolution may have changed: pushed on their queues, or asked
     * back with {@code workspace/diagnostic/refresh} from a pulling client that supports it. A
     * document with edits pending publishes when it is parsed anyway.
     */
    private void importsChanged(Document changed, Path path, Why why) {
        if (settings.importDiagnostics() == ServerSettings.ImportDiagnostics.OFF) return;
        Path name = path.getFileName();
        boolean resolutionMayChange = why != Why.EDITED;
        boolean config = resolutionMayChange && name != null && name.toString().endsWith(".json");
        List<Document> affected = new ArrayList<>();
        java.util.Set<Path> barrels = null;
        for (Document other : store.all()) {
            if (other == changed || other.isClosed()) continue;
            Path p = pathOf(other.uri());
            dev.arenals.server.workspace.FileSummary s = p == null ? null : index.summary(p);
            if (summaryPending.contains(other) || s != null && (config || (why == Why.NOTICED ? mayResolveAnew(s, path) : readsFrom(s, path, resolutionMayChange)))) {
                affected.add(other);
            } else if (why != Why.NOTICED && s != null && !s.resolvedModules().isEmpty()) {
                if (barrels == null) barrels = reExportersOf(path);
                for (Path barrel : barrels) {
                    if (readsFrom(s, barrel, false)) {
                        affected.add(other);
                        break;
                    }
                }
            }
        }
        if (affected.isEmpty()) return;
        if (!pushDiagnostics) {
            importEpoch.incrementAndGet();
            LanguageClient c = client;
            // a burst of file events (a checkout) asks the client once while the first request waits to go
            if (support.diagnosticRefresh && c != null && refreshPending.compareAndSet(false, true)) {
                requestExecutor().execute(() -> {
                    refreshPending.set(false);
                    c.refreshDiagnostics();
                });
            }
            return;
        }
        for (Document other : affected) {
            if (!republishPending.add(other)) continue; // already queued: one publication serves the burst
            other.queue().execute(() -> {
                republishPending.remove(other);
                if (other.isClosed() || other.isDirty() || other.arena() == null) return;
                // its summary's resolutions too, or a later change of the file it now finds would not reach it
                if (resolutionMayChange) summarizeOpen(other);
                publish(other, diagnostics.diagnostics(other, settings.maxFileSize(), settings.unusedDiagnostics()), other.parsedVersion());
            });
        }
    }

    /** Documents with a republication of their import diagnostics queued, and whether a diagnostic refresh is about to be sent. */
    private final java.util.Set<Document> republishPending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicBoolean refreshPending = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * The files that re-export from {@code path} ({@code export * from}, {@code export { x } from}),
     * transitively: an importer of one of them reads what {@code path} exports. Capped, as a barrel
     * graph of a whole monorepo is no reason to stall a file event.
     */
    private java.util.Set<Path> reExportersOf(Path path) {
        java.util.Set<Path> found = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<Path> work = new java.util.ArrayDeque<>();
        work.add(path);
        while (!work.isEmpty() && found.size() < 10_000) {
            Path target = work.poll();
            for (Path file : index.importersOf(target)) {
                if (file.equals(path) || found.contains(file)) continue;
                dev.arenals.server.workspace.FileSummary s = index.summary(file);
                if (s != null && reExportsFrom(s, target)) {
                    found.add(file);
                    work.add(file);
                }
            }
        }
        return found;
    }

    private static boolean reExportsFrom(dev.arenals.server.workspace.FileSummary s, Path target) {
        for (String specifier : s.starExports()) if (target.equals(s.resolvedModules().get(specifier))) return true;
        for (dev.arenals.server.workspace.FileSummary.Export e : s.exports()) {
            if (e.fromSpecifier() != null && target.equals(s.resolvedModules().get(e.fromSpecifier()))) return true;
        }
        return false;
    }

    /** Whether a summary's imports resolved to {@code path} or below it, or (when asked) one that resolved to nothing may name it. */
    private static boolean readsFrom(dev.arenals.server.workspace.FileSummary s, Path path, boolean unresolvedToo) {
        for (Path target : s.resolvedModules().values()) if (target.startsWith(path)) return true;
        if (!unresolvedToo || s.resolvedModules().size() >= new java.util.HashSet<>(s.moduleSpecifiers()).size()) return false;
        for (String specifier : s.moduleSpecifiers()) {
            if (!s.resolvedModules().containsKey(specifier) && mayName(s.path(), specifier, path)) return true;
        }
        return false;
    }

    /**
     * Whether a specifier of the summary that did not resolve to {@code path} may now (a file that
     * may be new). A bare one counts only when it found nothing and the importer's config has
     * {@code paths} or {@code baseUrl}: a workspace file changes a package lookup no other way, and
     * every save would otherwise check again each open document with a package not installed.
     */
    static boolean mayResolveAnew(dev.arenals.server.workspace.FileSummary s, Path path) {
        for (String specifier : s.moduleSpecifiers()) {
            Path resolved = s.resolvedModules().get(specifier);
            if (path.equals(resolved)) continue;
            if (ModuleResolver.isRelative(specifier) ? mayName(s.path(), specifier, path) : resolved == null && mapsBareNames(s.path())) return true;
        }
        return false;
    }

    /** Whether the config governing {@code importer} maps bare names to files ({@code paths}, {@code baseUrl}); true when it cannot be told. */
    private static boolean mapsBareNames(Path importer) {
        try {
            return importer == null || ModuleResolver.resolverFor(importer).options().mapsBareNames();
        } catch (RuntimeException e) {
            return true;
        }
    }

    /**
     * Whether {@code specifier}, written in {@code importer}, may resolve to or through {@code changed}
     * now: a relative one only when {@code changed} is a file of the directory it looks in whose name
     * begins with the name it looks for up to its first dot (./b: b.ts, b.d.ts, b.ios.ts; ./b.js:
     * b.tsx; ./x.css: x.d.css.ts), or is inside the directory it names, or above it (and not under
     * {@code rootDirs}, which look in other directories too); any other may, through paths,
     * node_modules or a package.json.
     */
    static boolean mayName(Path importer, String specifier, Path changed) {
        Path dir = importer == null ? null : importer.getParent();
        if (dir == null || !ModuleResolver.isRelative(specifier)) return true;
        try {
            if (ModuleResolver.resolverFor(importer).options().rootDirsSet()) return true;
            Path target = dir.resolve(specifier).normalize();
            if (changed.startsWith(target) || target.startsWith(changed)) return true;
            Path targetName = target.getFileName(), changedName = changed.getFileName();
            if (targetName == null || changedName == null || target.getParent() == null || !target.getParent().equals(changed.getParent())) return false;
            String looked = targetName.toString(), found = changedName.toString();
            int dot = looked.indexOf('.', 1); // a leading dot is part of the name (./.config)
            String stem = dot < 0 ? looked : looked.substring(0, dot);
            return found.equals(stem) || found.startsWith(stem) && found.length() > stem.length() && found.charAt(stem.length()) == '.';
        } catch (RuntimeException e) {
            return true; // a path this system cannot make: as before, any may
        }
    }

    /**
     * Makes the summaries still waiting for a pause in typing before a request reads the index: each
     * on its own document's queue (never blocking one queue on another), the request when all are in.
     * {@code except}: the requesting document, whose own pending summary its request makes
     * ({@link #summarizeIfPending}) after its refresh.
     */
    CompletableFuture<Void> pendingSummariesMade(Document except) {
        if (summaryPending.isEmpty()) return CompletableFuture.completedFuture(null);
        List<CompletableFuture<Void>> made = new ArrayList<>();
        for (Document d : summaryPending) {
            if (d == except) continue;
            CompletableFuture<Void> one = new CompletableFuture<>();
            d.queue().execute(() -> {
                try {
                    summarizeIfPending(d);
                } finally {
                    one.complete(null);
                }
            });
            made.add(one);
        }
        return made.isEmpty() ? CompletableFuture.completedFuture(null) : CompletableFuture.allOf(made.toArray(new CompletableFuture<?>[0]));
    }

    /** On the document's queue: its summary, if the index does not hold this parse's yet (a deferred one). */
    void summarizeIfPending(Document doc) {
        if (summaryPending.contains(doc) && !doc.isClosed() && !doc.isDirty()) summarizeOpen(doc);
    }

    /** After close (on the document's queue): the index goes back to the file on disk, if it is in the workspace. */
    void forgetOpen(Document doc) {
        summaryPending.remove(doc);
        Path path = pathOf(doc.uri());
        if (path == null) return;
        index.removeOpen(path);
        Indexer i = indexer;
        if (i == null) return;
        for (Path folder : workspaceFolders) {
            if (path.startsWith(folder)) {
                i.reindexLater(path);
                return;
            }
        }
    }

    /**
     * Pushes diagnostics; on the document's queue, so publications of one document stay in order.
     * A version older than one already published (a client that counted backwards) is left out:
     * the client would take the diagnostics for stale, or stale ones for current.
     */
    void publish(Document doc, List<Diagnostic> list, Integer version) {
        LanguageClient c = client;
        if (c == null) return;
        if (version != null) {
            if (version < doc.publishedVersion()) {
                log.warn("diagnostics of " + doc.uri() + " are for version " + version + ", older than version "
                        + doc.publishedVersion() + " published before: sent without a version");
                version = null;
            } else {
                doc.setPublishedVersion(version);
            }
        }
        c.publishDiagnostics(new PublishDiagnosticsParams(doc.uri(), list, version));
    }

    static ResponseErrorException error(ResponseErrorCode code, String message) {
        return new ResponseErrorException(new ResponseError(code, message, null));
    }

    /** Pool threads: daemons (the JVM may exit under them), with room for deep trees. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(null, r, "arena-ls-worker-" + n.incrementAndGet(), 8L << 20);
            t.setDaemon(true);
            return t;
        }
    }
}
