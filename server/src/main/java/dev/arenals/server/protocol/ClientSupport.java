package dev.arenals.server.protocol;

import dev.arenals.server.document.PositionEncoding;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.FoldingRangeCapabilities;
import org.eclipse.lsp4j.GeneralClientCapabilities;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;

/** What the client said it supports at {@code initialize}, reduced to what we act on. */
public final class ClientSupport {
    public final PositionEncoding positionEncoding;
    public final boolean hierarchicalSymbols;
    public final boolean markdownHover;
    public final boolean pullDiagnostics;
    /** {@code workspace/diagnostic/refresh} may be sent. */
    public final boolean diagnosticRefresh;
    /** Folding ranges must be whole lines (no start/end characters). */
    public final boolean lineFoldingOnly;
    /** The most folding ranges the client wants, or 0 for no limit. */
    public final int foldingRangeLimit;
    /** Workspace edits may be sent as versioned {@code documentChanges}. */
    public final boolean documentChanges;
    /** Completion items may be snippets (set by {@link #of} after construction). */
    public boolean completionSnippets;
    /** Code actions may come without their edit, which the client then asks for ({@code codeAction/resolve} of {@code edit}). */
    public boolean codeActionResolve;
    /** Workspace edits may create files (the {@code create} resource operation, in {@code documentChanges}). */
    public boolean createFiles;

    ClientSupport(PositionEncoding positionEncoding, boolean hierarchicalSymbols, boolean markdownHover, boolean pullDiagnostics,
            boolean diagnosticRefresh) {
        this(positionEncoding, hierarchicalSymbols, markdownHover, pullDiagnostics, diagnosticRefresh, false, 0);
    }

    ClientSupport(PositionEncoding positionEncoding, boolean hierarchicalSymbols, boolean markdownHover, boolean pullDiagnostics,
            boolean diagnosticRefresh, boolean lineFoldingOnly, int foldingRangeLimit) {
        this(positionEncoding, hierarchicalSymbols, markdownHover, pullDiagnostics, diagnosticRefresh, lineFoldingOnly, foldingRangeLimit, false);
    }

    ClientSupport(PositionEncoding positionEncoding, boolean hierarchicalSymbols, boolean markdownHover, boolean pullDiagnostics,
            boolean diagnosticRefresh, boolean lineFoldingOnly, int foldingRangeLimit, boolean documentChanges) {
        this.documentChanges = documentChanges;
        this.lineFoldingOnly = lineFoldingOnly;
        this.foldingRangeLimit = foldingRangeLimit;
        this.positionEncoding = positionEncoding;
        this.hierarchicalSymbols = hierarchicalSymbols;
        this.markdownHover = markdownHover;
        this.pullDiagnostics = pullDiagnostics;
        this.diagnosticRefresh = diagnosticRefresh;
    }

    /** Before initialize (or for a client that sent no capabilities): the protocol's defaults. */
    static ClientSupport none() { return new ClientSupport(PositionEncoding.UTF16, false, false, false, false); }

    static ClientSupport of(ClientCapabilities caps) {
        if (caps == null) return none();
        GeneralClientCapabilities general = caps.getGeneral();
        List<String> encodings = general == null ? null : general.getPositionEncodings();
        TextDocumentClientCapabilities td = caps.getTextDocument();
        boolean hierarchical = false, markdown = false, pull = false, lineFoldingOnly = false;
        int foldingLimit = 0;
        if (td != null) {
            DocumentSymbolCapabilities ds = td.getDocumentSymbol();
            hierarchical = ds != null && Boolean.TRUE.equals(ds.getHierarchicalDocumentSymbolSupport());
            HoverCapabilities hover = td.getHover();
            markdown = hover != null && hover.getContentFormat() != null && hover.getContentFormat().contains(MarkupKind.MARKDOWN);
            DiagnosticCapabilities diagnostic = td.getDiagnostic();
            pull = diagnostic != null;
            FoldingRangeCapabilities folding = td.getFoldingRange();
            if (folding != null) {
                lineFoldingOnly = Boolean.TRUE.equals(folding.getLineFoldingOnly());
                Integer limit = folding.getRangeLimit();
                foldingLimit = limit == null || limit < 0 ? 0 : limit;
            }
        }
        boolean refresh = caps.getWorkspace() != null && caps.getWorkspace().getDiagnostics() != null
                && Boolean.TRUE.equals(caps.getWorkspace().getDiagnostics().getRefreshSupport());
        boolean documentChanges = caps.getWorkspace() != null && caps.getWorkspace().getWorkspaceEdit() != null
                && Boolean.TRUE.equals(caps.getWorkspace().getWorkspaceEdit().getDocumentChanges());
        ClientSupport support = new ClientSupport(PositionEncoding.negotiate(encodings), hierarchical, markdown, pull, refresh, lineFoldingOnly, foldingLimit,
                documentChanges);
        // resource operations exist only in documentChanges: a client that lists them reads those (Neovim 0.7 does
        // without declaring documentChanges)
        support.createFiles = caps.getWorkspace() != null && caps.getWorkspace().getWorkspaceEdit() != null
                && caps.getWorkspace().getWorkspaceEdit().getResourceOperations() != null
                && caps.getWorkspace().getWorkspaceEdit().getResourceOperations().contains("create");
        support.completionSnippets = td != null && td.getCompletion() != null && td.getCompletion().getCompletionItem() != null
                && Boolean.TRUE.equals(td.getCompletion().getCompletionItem().getSnippetSupport());
        support.codeActionResolve = td != null && td.getCodeAction() != null && td.getCodeAction().getResolveSupport() != null
                && td.getCodeAction().getResolveSupport().getProperties() != null
                && td.getCodeAction().getResolveSupport().getProperties().contains("edit");
        return support;
    }
}
