package dev.arenals.server.protocol;
import dev.arenals.server.features.CompletionHandler;
import dev.arenals.server.features.DiagnosticsHandler;
import dev.arenals.server.query.SemanticTokenLegend;
import java.util.List;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.SemanticTokensServerFull;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.FileOperationFilter;
import org.eclipse.lsp4j.FileOperationOptions;
import org.eclipse.lsp4j.FileOperationPattern;
import org.eclipse.lsp4j.FileOperationPatternKind;
import org.eclipse.lsp4j.FileOperationsServerCapabilities;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.SignatureHelpOptions;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;

/**
 * What the server announces at {@code initialize}, in one place. Each request here is answered by
 * one class in {@code features/}, registered in {@link ArenaTextDocumentService}:
 *
 * <table>
 *   <caption>features</caption>
 *   <tr><td>hover</td><td>HoverHandler</td></tr>
 *   <tr><td>documentSymbol</td><td>DocumentSymbolHandler</td></tr>
 *   <tr><td>diagnostic (pull) / publishDiagnostics (push)</td><td>DiagnosticsHandler</td></tr>
 *   <tr><td>definition, declaration</td><td>DefinitionHandler</td></tr>
 *   <tr><td>typeDefinition</td><td>TypeDefinitionHandler</td></tr>
 *   <tr><td>references</td><td>ReferencesHandler</td></tr>
 *   <tr><td>implementation</td><td>ImplementationHandler (across files: TypeHierarchyRequests)</td></tr>
 *   <tr><td>prepareTypeHierarchy, typeHierarchy/supertypes, subtypes</td><td>TypeHierarchyHandler (across files: TypeHierarchyRequests)</td></tr>
 *   <tr><td>documentHighlight</td><td>DocumentHighlightHandler</td></tr>
 *   <tr><td>rename, prepareRename</td><td>RenameHandler</td></tr>
 *   <tr><td>linkedEditingRange</td><td>LinkedEditingRangeHandler</td></tr>
 *   <tr><td>semanticTokens (full, full/delta, range)</td><td>SemanticTokensHandler</td></tr>
 *   <tr><td>foldingRange</td><td>FoldingRangeHandler</td></tr>
 *   <tr><td>selectionRange</td><td>SelectionRangeHandler</td></tr>
 *   <tr><td>documentLink</td><td>DocumentLinkHandler</td></tr>
 *   <tr><td>completion, completionItem/resolve</td><td>CompletionHandler</td></tr>
 *   <tr><td>signatureHelp</td><td>SignatureHelpHandler</td></tr>
 *   <tr><td>inlayHint</td><td>InlayHintHandler</td></tr>
 *   <tr><td>codeAction (quickfix, source.organizeImports)</td><td>CodeActionHandler</td></tr>
 *   <tr><td>prepareCallHierarchy, callHierarchy/incomingCalls, outgoingCalls</td><td>CallHierarchyHandler</td></tr>
 *   <tr><td>formatting, rangeFormatting, onTypeFormatting</td><td>FormattingHandler (rules: server/format)</td></tr>
 *   <tr><td>workspace/symbol</td><td>WorkspaceSymbolHandler (registered in ArenaWorkspaceService)</td></tr>
 *   <tr><td>workspace/willRenameFiles</td><td>FileRenameEdits (registered in ArenaWorkspaceService)</td></tr>
 * </table>
 */
final class Capabilities {
    private Capabilities() {}

    static ServerCapabilities of(ClientSupport support, boolean pushDiagnostics) {
        ServerCapabilities caps = new ServerCapabilities();
        caps.setPositionEncoding(support.positionEncoding.lspName());
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        caps.setTextDocumentSync(sync);
        caps.setHoverProvider(true);
        caps.setDocumentSymbolProvider(true);
        if (!pushDiagnostics) {
            DiagnosticRegistrationOptions pull = new DiagnosticRegistrationOptions(false, false);
            pull.setIdentifier(DiagnosticsHandler.SOURCE);
            caps.setDiagnosticProvider(pull);
        }
        caps.setDefinitionProvider(true);
        caps.setDeclarationProvider(true);
        caps.setTypeDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setDocumentHighlightProvider(true);
        caps.setRenameProvider(new RenameOptions(true));
        caps.setLinkedEditingRangeProvider(true);
        SemanticTokensWithRegistrationOptions tokens = new SemanticTokensWithRegistrationOptions(SemanticTokenLegend.legend());
        tokens.setFull(new SemanticTokensServerFull(true));
        tokens.setRange(true);
        caps.setSemanticTokensProvider(tokens);
        caps.setFoldingRangeProvider(true);
        caps.setSelectionRangeProvider(true);
        caps.setDocumentLinkProvider(new DocumentLinkOptions(false));
        caps.setWorkspaceSymbolProvider(true);
        caps.setCompletionProvider(new CompletionOptions(true, CompletionHandler.TRIGGERS));
        SignatureHelpOptions signatureHelp = new SignatureHelpOptions(List.of("(", ","));
        signatureHelp.setRetriggerCharacters(List.of(")"));
        caps.setSignatureHelpProvider(signatureHelp);
        caps.setInlayHintProvider(true);
        caps.setDocumentFormattingProvider(true);
        caps.setDocumentRangeFormattingProvider(true);
        caps.setDocumentOnTypeFormattingProvider(new org.eclipse.lsp4j.DocumentOnTypeFormattingOptions(
                dev.arenals.server.features.FormattingHandler.FIRST_TRIGGER, dev.arenals.server.features.FormattingHandler.MORE_TRIGGERS));
        caps.setCallHierarchyProvider(true);
        caps.setCodeLensProvider(new org.eclipse.lsp4j.CodeLensOptions(true)); // lenses answer only when the codeLens settings turn them on
        caps.setImplementationProvider(true);
        caps.setTypeHierarchyProvider(true);
        caps.setCodeActionProvider(new CodeActionOptions(List.of(
                CodeActionKind.QuickFix, CodeActionKind.SourceOrganizeImports, "source.addMissingImports.ts",
                dev.arenals.server.features.OrganizeImports.SORT_IMPORTS, dev.arenals.server.features.OrganizeImports.REMOVE_UNUSED_IMPORTS,
                dev.arenals.server.features.CodeActionHandler.FIX_ALL, dev.arenals.server.features.CodeActionHandler.REMOVE_UNUSED,
                dev.arenals.server.features.Refactors.EXTRACT_CONSTANT, dev.arenals.server.features.Refactors.EXTRACT_FUNCTION,
                dev.arenals.server.features.Refactors.ARROW_BRACES + ".add", dev.arenals.server.features.Refactors.ARROW_BRACES + ".remove",
                dev.arenals.server.features.Refactors.INLINE_VARIABLE, dev.arenals.server.features.Refactors.TEMPLATE_STRING,
                dev.arenals.server.features.Refactors.TO_NAMED_IMPORTS, dev.arenals.server.features.Refactors.TO_NAMESPACE_IMPORT,
                dev.arenals.server.features.Refactors.TO_ARROW, dev.arenals.server.features.Refactors.TO_FUNCTION,
                dev.arenals.server.features.Refactors.EXTRACT_TYPE, dev.arenals.server.features.Refactors.EXTRACT_INTERFACE,
                dev.arenals.server.features.Refactors.MOVE_TO_NEW_FILE, dev.arenals.server.features.Refactors.GENERATE_ACCESSORS,
                dev.arenals.server.features.ConvertExport.TO_NAMED, dev.arenals.server.features.ConvertExport.TO_DEFAULT, dev.arenals.server.features.ConvertParameters.KIND,
                dev.arenals.server.features.OptionalChain.KIND, dev.arenals.server.features.Refactors.TO_NAMED_FUNCTION)));
        // "Convert default export to named export" edits its importers when the client resolves it
        ((CodeActionOptions) caps.getCodeActionProvider().getRight()).setResolveProvider(true);
        WorkspaceFoldersOptions folders = new WorkspaceFoldersOptions();
        folders.setSupported(true);
        folders.setChangeNotifications(true);
        WorkspaceServerCapabilities workspace = new WorkspaceServerCapabilities(folders);
        // moving a source file or a folder: the imports that name them are rewritten first; and after
        // the client creates, moves or deletes one, resolution forgets what it cached of them
        FileOperationsServerCapabilities fileOperations = new FileOperationsServerCapabilities();
        fileOperations.setWillRename(sourcesAndFolders());
        fileOperations.setDidCreate(sourcesAndFolders());
        fileOperations.setDidRename(sourcesAndFolders());
        fileOperations.setDidDelete(sourcesAndFolders());
        workspace.setFileOperations(fileOperations);
        caps.setWorkspace(workspace);
        return caps;
    }

    private static FileOperationOptions sourcesAndFolders() {
        return new FileOperationOptions(List.of(
                new FileOperationFilter(new FileOperationPattern("**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,json}"), "file"),
                folderFilter()));
    }

    private static FileOperationFilter folderFilter() {
        FileOperationPattern folder = new FileOperationPattern("**/*");
        folder.setMatches(FileOperationPatternKind.Folder);
        return new FileOperationFilter(folder, "file");
    }
}
