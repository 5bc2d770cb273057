package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.features.SemanticTokenEdits;
import dev.arenals.server.query.IntList;
import dev.arenals.server.query.SemanticTokenLegend;
import dev.arenals.server.testing.InProcessServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeCapabilities;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SelectionRangeParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensDelta;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Semantic tokens, folding, selection ranges and links through JSON-RPC: capabilities, answers after edits, bad input. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StructureProtocolTest {
    private final List<InProcessServer> servers = new ArrayList<>();
    @TempDir Path dir;

    @AfterEach
    void stop() throws Exception {
        for (InProcessServer s : servers) s.close();
    }

    private InProcessServer started(ClientCapabilities caps) throws Exception {
        InProcessServer s = new InProcessServer();
        servers.add(s);
        s.initialize(caps, null);
        return s;
    }

    private static TextDocumentIdentifier id(String uri) { return new TextDocumentIdentifier(uri); }

    @Test
    void capabilitiesAnnounceTheStructureFeatures() throws Exception {
        InProcessServer s = new InProcessServer();
        servers.add(s);
        InitializeResult r = s.initialize();
        var caps = r.getCapabilities();
        assertEquals(SemanticTokenLegend.TYPES, caps.getSemanticTokensProvider().getLegend().getTokenTypes());
        assertEquals(SemanticTokenLegend.MODIFIERS, caps.getSemanticTokensProvider().getLegend().getTokenModifiers());
        assertTrue(caps.getSemanticTokensProvider().getFull().getRight().getDelta());
        assertTrue(caps.getSemanticTokensProvider().getRange().getLeft());
        assertTrue(caps.getFoldingRangeProvider().getLeft());
        assertTrue(caps.getSelectionRangeProvider().getLeft());
        assertFalse(caps.getDocumentLinkProvider().getResolveProvider());
    }

    @Test
    void semanticTokensFollowEditsAsDeltas() throws Exception {
        InProcessServer s = started(InProcessServer.capabilities(false, null));
        String uri = "file:///work/tokens.ts";
        s.open(uri, "typescript", 1, "function f(x: number) {\n  return x;\n}\n");
        var docs = s.remote.getTextDocumentService();
        SemanticTokens full = get(docs.semanticTokensFull(new SemanticTokensParams(id(uri))));
        // f (function declaration), x (parameter declaration), x (parameter)
        assertEquals(List.of(0, 9, 1, SemanticTokenLegend.T_FUNCTION, 3, 0, 2, 1, SemanticTokenLegend.T_PARAMETER, 1 | 1 << 8,
                1, 9, 1, SemanticTokenLegend.T_PARAMETER, 1 << 8), full.getData());
        s.change(uri, 2, 1, 10, 1, 10, " + x");
        Either<SemanticTokens, SemanticTokensDelta> answer = get(docs.semanticTokensFullDelta(new SemanticTokensDeltaParams(id(uri), full.getResultId())));
        assertTrue(answer.isRight(), "a delta against the last result");
        int[] updated = SemanticTokenEdits.apply(IntList.toArray(full.getData()), answer.getRight().getEdits());
        SemanticTokens fresh = get(docs.semanticTokensFull(new SemanticTokensParams(id(uri))));
        assertArrayEquals(IntList.toArray(fresh.getData()), updated);
        assertEquals(20, updated.length);
        // an old result id: the whole array again
        Either<SemanticTokens, SemanticTokensDelta> stale = get(docs.semanticTokensFullDelta(new SemanticTokensDeltaParams(id(uri), full.getResultId())));
        assertTrue(stale.isLeft());
        SemanticTokens range = get(docs.semanticTokensRange(new SemanticTokensRangeParams(id(uri), new Range(new Position(1, 0), new Position(2, 0)))));
        assertEquals(10, range.getData().size());
        assertNoErrorsLogged(s);
    }

    @Test
    void importedNamesAreColouredAsTheirFileDeclaresThemAndFollowItsChanges() throws Exception {
        Files.writeString(dir.resolve("shapes.ts"), "export class Shape {}\nexport interface Size { w: number }\n");
        ClientCapabilities caps = InProcessServer.capabilities(false, null);
        org.eclipse.lsp4j.WorkspaceClientCapabilities workspace = new org.eclipse.lsp4j.WorkspaceClientCapabilities();
        workspace.setSemanticTokens(new org.eclipse.lsp4j.SemanticTokensWorkspaceCapabilities(true));
        caps.setWorkspace(workspace);
        InProcessServer s = new InProcessServer();
        servers.add(s);
        org.eclipse.lsp4j.InitializeParams params = new org.eclipse.lsp4j.InitializeParams();
        params.setCapabilities(caps);
        params.setRootUri(dir.toUri().toString());
        get(s.remote.initialize(params));
        s.remote.initialized(new org.eclipse.lsp4j.InitializedParams());
        s.server.indexing().get(20, TimeUnit.SECONDS);
        String uri = dir.resolve("main.ts").toUri().toString();
        s.open(uri, "typescript", 1, "import { Shape, Size } from './shapes';\nlet s: Size = new Shape();\n");
        var docs = s.remote.getTextDocumentService();
        SemanticTokens full = get(docs.semanticTokensFull(new SemanticTokensParams(id(uri))));
        // s (variable declaration), Size (an interface there), Shape (a class there)
        assertEquals(List.of(1, 4, 1, SemanticTokenLegend.T_VARIABLE, 1 | 1 << 1, 0, 3, 4, SemanticTokenLegend.T_INTERFACE, 0,
                0, 11, 5, SemanticTokenLegend.T_CLASS, 0), full.getData());

        // the other file now declares Size as a class (and exports one more name): the client is asked to refresh,
        // and the next delta of the unchanged document colours Size anew
        String shapes = dir.resolve("shapes.ts").toUri().toString();
        s.open(shapes, "typescript", 1, "export class Shape {}\nexport interface Size { w: number }\n");
        get(docs.documentSymbol(new org.eclipse.lsp4j.DocumentSymbolParams(id(shapes)))); // its queue has run the open
        int refreshes = s.client.tokenRefreshes();
        s.changeAll(shapes, 2, "export class Shape {}\nexport class Size {}\nexport const extra = 1;\n");
        s.client.awaitTokenRefresh(refreshes);
        Either<SemanticTokens, SemanticTokensDelta> answer = get(docs.semanticTokensFullDelta(new SemanticTokensDeltaParams(id(uri), full.getResultId())));
        assertTrue(answer.isRight());
        int[] updated = SemanticTokenEdits.apply(IntList.toArray(full.getData()), answer.getRight().getEdits());
        assertEquals(SemanticTokenLegend.T_CLASS, updated[8], "Size is a class now");
        assertArrayEquals(IntList.toArray(get(docs.semanticTokensFull(new SemanticTokensParams(id(uri)))).getData()), updated);
        assertNoErrorsLogged(s);
    }

    @Test
    void foldingHonoursLineFoldingOnlyAndRangeLimit() throws Exception {
        ClientCapabilities caps = InProcessServer.capabilities(false, null);
        FoldingRangeCapabilities folding = new FoldingRangeCapabilities();
        folding.setLineFoldingOnly(true);
        folding.setRangeLimit(1);
        caps.getTextDocument().setFoldingRange(folding);
        InProcessServer s = started(caps);
        String uri = "file:///work/fold.js";
        s.open(uri, "function f() {\n  a();\n}\nfunction g() {\n  b();\n}\n");
        List<FoldingRange> ranges = get(s.remote.getTextDocumentService().foldingRange(new FoldingRangeRequestParams(id(uri))));
        assertEquals(1, ranges.size());
        assertEquals(0, ranges.get(0).getStartLine());
        assertEquals(1, ranges.get(0).getEndLine());
        assertNull(ranges.get(0).getStartCharacter());

        InProcessServer other = started(InProcessServer.capabilities(false, null));
        other.open(uri, "function f() {\n  a();\n}\nfunction g() {\n  b();\n}\n");
        List<FoldingRange> all = get(other.remote.getTextDocumentService().foldingRange(new FoldingRangeRequestParams(id(uri))));
        assertEquals(2, all.size());
        assertEquals(14, all.get(0).getStartCharacter());
        assertNoErrorsLogged(s);
    }

    @Test
    void selectionRangesAndLinks() throws Exception {
        Files.writeString(dir.resolve("util.ts"), "export const u = 1;\n");
        InProcessServer s = started(InProcessServer.capabilities(false, null));
        String uri = dir.resolve("main.ts").toUri().toString();
        s.open(uri, "typescript", 1, "import { u } from './util';\nconsole.log(u);\n");
        var docs = s.remote.getTextDocumentService();
        List<SelectionRange> selections = get(docs.selectionRange(new SelectionRangeParams(id(uri), List.of(new Position(1, 13)))));
        assertEquals(1, selections.size());
        assertEquals(new Range(new Position(1, 12), new Position(1, 13)), selections.get(0).getRange());
        List<DocumentLink> links = get(docs.documentLink(new DocumentLinkParams(id(uri))));
        assertEquals(1, links.size());
        assertEquals(new Range(new Position(0, 19), new Position(0, 25)), links.get(0).getRange());
        assertEquals(dir.resolve("util.ts").toUri().toString(), links.get(0).getTarget());
        assertNoErrorsLogged(s);
    }

    @Test
    void badInputGetsEmptyAnswers() throws Exception {
        InProcessServer s = started(InProcessServer.capabilities(false, null));
        String uri = "file:///work/bad.js";
        s.open(uri, "let a = 1;\n");
        var docs = s.remote.getTextDocumentService();
        String unopened = "file:///work/missing.js";
        assertTrue(get(docs.semanticTokensFull(new SemanticTokensParams(id(unopened)))).getData().isEmpty());
        assertTrue(get(docs.semanticTokensFullDelta(new SemanticTokensDeltaParams(id(unopened), "1"))).getLeft().getData().isEmpty());
        assertTrue(get(docs.foldingRange(new FoldingRangeRequestParams(id(unopened)))).isEmpty());
        assertTrue(get(docs.selectionRange(new SelectionRangeParams(id(unopened), List.of(new Position(0, 0))))).isEmpty());
        assertTrue(get(docs.documentLink(new DocumentLinkParams(id(unopened)))).isEmpty());
        // positions past the end
        assertTrue(get(docs.selectionRange(new SelectionRangeParams(id(uri), List.of(new Position(30, 0))))).isEmpty());
        assertTrue(get(docs.semanticTokensRange(new SemanticTokensRangeParams(id(uri), new Range(new Position(30, 0), new Position(40, 0))))).getData().isEmpty());
        // a closed document forgets its tokens
        SemanticTokens full = get(docs.semanticTokensFull(new SemanticTokensParams(id(uri))));
        s.close(uri);
        s.open(uri, "let b = 2;\n");
        assertTrue(get(docs.semanticTokensFullDelta(new SemanticTokensDeltaParams(id(uri), full.getResultId()))).isLeft());
        assertNoErrorsLogged(s);
    }

    private static void assertNoErrorsLogged(InProcessServer s) {
        s.client.logs().forEach(m -> assertFalse(m.getType() == MessageType.Error, () -> "logged: " + m.getMessage()));
    }
}
