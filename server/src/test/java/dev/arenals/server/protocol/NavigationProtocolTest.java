package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.document.Document;
import dev.arenals.server.document.ParseTools;
import dev.arenals.server.features.DefinitionHandler;
import dev.arenals.server.features.DocumentHighlightHandler;
import dev.arenals.server.features.ReferencesHandler;
import dev.arenals.server.testing.Docs;
import dev.arenals.server.testing.InProcessServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Navigation requests through JSON-RPC: capabilities, answers after edits, and bad input. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NavigationProtocolTest {
    private static final String URI = "file:///work/nav.ts";
    private final List<InProcessServer> servers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (InProcessServer s : servers) s.close();
    }

    private InProcessServer started(String text) throws Exception {
        InProcessServer s = new InProcessServer();
        servers.add(s);
        s.initialize();
        s.open(URI, "typescript", 1, text);
        s.client.awaitDiagnostics(URI, 1);
        return s;
    }

    private static TextDocumentIdentifier id(String uri) { return new TextDocumentIdentifier(uri); }

    @Test
    void capabilitiesAnnounceNavigation() throws Exception {
        InProcessServer s = new InProcessServer();
        servers.add(s);
        InitializeResult r = s.initialize();
        assertTrue(r.getCapabilities().getDefinitionProvider().getLeft());
        assertTrue(r.getCapabilities().getDeclarationProvider().getLeft());
        assertTrue(r.getCapabilities().getTypeDefinitionProvider().getLeft());
        assertTrue(r.getCapabilities().getReferencesProvider().getLeft());
        assertTrue(r.getCapabilities().getDocumentHighlightProvider().getLeft());
        assertTrue(r.getCapabilities().getRenameProvider().getRight().getPrepareProvider());
        assertTrue(r.getCapabilities().getLinkedEditingRangeProvider().getLeft());
    }

    @Test
    void answersFollowEdits() throws Exception {
        InProcessServer s = started("const value = 1;\nconsole.log(value);\n");
        var docs = s.remote.getTextDocumentService();
        List<? extends Location> defs = get(docs.definition(new DefinitionParams(id(URI), new Position(1, 14)))).getLeft();
        assertEquals(List.of(new Range(new Position(0, 6), new Position(0, 11))), ranges(defs));
        // two lines inserted above: the same request now answers two lines further down
        s.change(URI, 2, 0, 0, 0, 0, "let other = 2;\n\n");
        defs = get(docs.definition(new DefinitionParams(id(URI), new Position(3, 14)))).getLeft();
        assertEquals(List.of(new Range(new Position(2, 6), new Position(2, 11))), ranges(defs));
        // a new use, then references see it
        s.change(URI, 3, 3, 19, 3, 19, " + value");
        List<? extends Location> refs = get(docs.references(new ReferenceParams(id(URI), new Position(2, 8), new ReferenceContext(true))));
        assertEquals(3, refs.size());
        WorkspaceEdit edit = get(docs.rename(new RenameParams(id(URI), new Position(2, 8), "amount")));
        assertEquals(3, edit.getChanges().get(URI).size());
        assertNoErrorsLogged(s);
    }

    @Test
    void badInputGetsEmptyAnswersOrClearErrors() throws Exception {
        InProcessServer s = started("let a = 1; a;\n");
        var docs = s.remote.getTextDocumentService();
        String unopened = "file:///work/missing.ts";
        assertTrue(get(docs.definition(new DefinitionParams(id(unopened), new Position(0, 4)))).getLeft().isEmpty());
        assertTrue(get(docs.references(new ReferenceParams(id(unopened), new Position(0, 4), new ReferenceContext(true)))).isEmpty());
        assertNull(get(docs.rename(new RenameParams(id(unopened), new Position(0, 4), "b"))));
        // positions past the end of the document, negative ones
        assertTrue(get(docs.definition(new DefinitionParams(id(URI), new Position(40, 0)))).getLeft().isEmpty());
        assertTrue(get(docs.documentHighlight(new DocumentHighlightParams(id(URI), new Position(0, -3)))).isEmpty());
        assertNull(get(docs.prepareRename(new PrepareRenameParams(id(URI), new Position(7, 7)))));
        // a column past the end of its line means the line's end (LSP): there is no name there
        assertTrue(get(docs.references(new ReferenceParams(id(URI), new Position(0, 400), new ReferenceContext(true)))).isEmpty());
        // a refused rename is an answer: RequestFailed with the reason, nothing logged as an error
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> get(docs.rename(new RenameParams(id(URI), new Position(0, 4), "class"))));
        ResponseErrorException error = assertInstanceOf(ResponseErrorException.class, refused.getCause());
        assertEquals(ResponseErrorCode.RequestFailed.getValue(), error.getResponseError().getCode());
        assertTrue(error.getResponseError().getMessage().contains("reserved word"), error.getResponseError().getMessage());
        assertNoErrorsLogged(s);
    }

    @Test
    void requestsDuringAFloodOfEditsAnswerTheTextTheyFollow() throws Exception {
        InProcessServer s = started("let n = 0;\n");
        var docs = s.remote.getTextDocumentService();
        List<CompletableFuture<List<? extends Location>>> answers = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            s.change(URI, i + 1, i, 0, i, 0, "n += " + i + ";\n");
            answers.add(docs.references(new ReferenceParams(id(URI), new Position(0, 4), new ReferenceContext(true))));
        }
        for (int i = 0; i < answers.size(); i++) assertEquals(i + 2, get(answers.get(i)).size(), "after edit " + (i + 1));
        assertNoErrorsLogged(s);
    }

    /**
     * After random edits applied incrementally (the reparse splices one statement), every
     * identifier's definition, references and highlights equal those of a fresh parse of the
     * same text: no answer reads a tree or an index from before an edit.
     */
    @Test
    void incrementalReparsesAnswerAsAFreshParse() {
        String[] statements = {"let a = 1;", "function f(x) { return x + a; }", "class C { m() { return this.m; } }",
                "const o = { a, b: f(a) };", "a = f(o.b);", "if (a) { let a = 2; a++; }", "label: for (;;) { break label; }"};
        Random random = new Random(16);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 12; i++) text.append(statements[random.nextInt(statements.length)]).append('\n');
        Document doc = Docs.parsed("file:///edit.js", text.toString());
        int incremental = 0;
        for (int round = 0; round < 60; round++) {
            String current = doc.text();
            int line = random.nextInt(doc.lines().lineCount());
            Position at = new Position(line, 0);
            String inserted = statements[random.nextInt(statements.length)] + "\n";
            doc.applyChanges(List.of(new TextDocumentContentChangeEvent(new Range(at, at), inserted)), doc.version() + 1);
            doc.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
            if (doc.lastParseWasIncremental()) incremental++;
            Document fresh = Docs.parsed("file:///edit.js", doc.text());
            assertFalse(current.equals(doc.text()));
            for (int offset = 0; offset < doc.length(); offset += 3) {
                Position p = doc.positionAt(offset);
                assertEquals(ranges(new DefinitionHandler().definition(fresh, p)), ranges(new DefinitionHandler().definition(doc, p)), "definition at " + p);
                assertEquals(ranges(new ReferencesHandler().references(fresh, p, true)), ranges(new ReferencesHandler().references(doc, p, true)), "references at " + p);
                assertEquals(new DocumentHighlightHandler().highlights(fresh, p), new DocumentHighlightHandler().highlights(doc, p), "highlights at " + p);
            }
        }
        assertTrue(incremental > 20, "most edits reparse incrementally: " + incremental);
    }

    private static List<Range> ranges(List<? extends Location> locations) {
        List<Range> out = new ArrayList<>();
        for (Location l : locations) out.add(l.getRange());
        return out;
    }

    private static void assertNoErrorsLogged(InProcessServer s) {
        s.client.logs().forEach(m -> assertFalse(m.getType() == MessageType.Error, () -> "logged: " + m.getMessage()));
    }
}
