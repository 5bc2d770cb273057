package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.testing.InProcessServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Completion through JSON-RPC: the capability, snippets as negotiated, resolve round trip, an edit then completion. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CompletionProtocolTest {
    private static final String URI = "file:///work/completion.ts";
    private final List<InProcessServer> servers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (InProcessServer s : servers) s.close();
    }

    private InProcessServer started(boolean snippets, String text) throws Exception {
        InProcessServer s = new InProcessServer();
        servers.add(s);
        ClientCapabilities caps = InProcessServer.capabilities(false, null);
        CompletionCapabilities completion = new CompletionCapabilities(new CompletionItemCapabilities(snippets));
        caps.getTextDocument().setCompletion(completion);
        InitializeResult result = s.initialize(caps, null);
        assertTrue(result.getCapabilities().getCompletionProvider().getResolveProvider());
        assertEquals(List.of(".", "\"", "'", "/", "<", "@", "#", "*"), result.getCapabilities().getCompletionProvider().getTriggerCharacters());
        s.open(URI, "typescript", 1, text);
        s.client.awaitDiagnostics(URI, 1);
        return s;
    }

    private static CompletionList complete(InProcessServer s, int line, int character) throws Exception {
        Either<List<CompletionItem>, CompletionList> answer = get(s.remote.getTextDocumentService()
                .completion(new CompletionParams(new TextDocumentIdentifier(URI), new Position(line, character))));
        assertTrue(answer.isRight());
        return answer.getRight();
    }

    private static CompletionItem find(CompletionList list, String label) {
        for (CompletionItem i : list.getItems()) if (i.getLabel().equals(label)) return i;
        throw new AssertionError(label + " not in the list");
    }

    @Test
    void completeThenResolveOverJsonRpc() throws Exception {
        InProcessServer s = started(true, "/** The port to listen on. */\nconst port = 8080;\nfunction f() {\n  \n}\n");
        CompletionList list = complete(s, 3, 2);
        CompletionItem port = find(list, "port");
        assertTrue(list.getItems().stream().anyMatch(i -> i.getLabel().equals("forof")), "snippets when the client supports them");
        CompletionItem resolved = get(s.remote.getTextDocumentService().resolveCompletionItem(port));
        assertEquals("const port = 8080", resolved.getDetail());
        assertTrue(resolved.getDocumentation().getRight().getValue().contains("The port to listen on."));
        // an item that carries nothing of ours comes back as it was
        CompletionItem keyword = find(list, "return");
        assertEquals("return", get(s.remote.getTextDocumentService().resolveCompletionItem(keyword)).getLabel());
    }

    @Test
    void aTypedStarAnswersOnlyTheDocCommentTemplate() throws Exception {
        InProcessServer s = started(true, "/** */\nfunction area(w: number, h: number) { return w * h; }\nconst k = 2 *\n");
        CompletionParams afterDocStart = new CompletionParams(new TextDocumentIdentifier(URI), new Position(0, 3));
        afterDocStart.setContext(new org.eclipse.lsp4j.CompletionContext(org.eclipse.lsp4j.CompletionTriggerKind.TriggerCharacter, "*"));
        CompletionList template = get(s.remote.getTextDocumentService().completion(afterDocStart)).getRight();
        assertEquals(1, template.getItems().size());
        CompletionItem item = template.getItems().get(0);
        String written = item.getTextEdit() != null ? item.getTextEdit().getLeft().getNewText() : item.getInsertText();
        assertTrue(written.contains("@param w"), written);
        // a multiplication: nothing at all
        CompletionParams times = new CompletionParams(new TextDocumentIdentifier(URI), new Position(2, 13));
        times.setContext(new org.eclipse.lsp4j.CompletionContext(org.eclipse.lsp4j.CompletionTriggerKind.TriggerCharacter, "*"));
        assertEquals(List.of(), get(s.remote.getTextDocumentService().completion(times)).getRight().getItems());
    }

    @Test
    void completionSeesTheEditsSentBeforeIt() throws Exception {
        InProcessServer s = started(false, "const config = { port: 1 };\n");
        s.change(URI, 2, 1, 0, 1, 0, "config.");
        CompletionList list = complete(s, 1, 7);
        assertEquals(List.of("port"), list.getItems().stream().map(CompletionItem::getLabel).toList());
        s.change(URI, 3, 1, 7, 1, 7, "p");
        assertFalse(complete(s, 0, 0).getItems().stream().anyMatch(i -> i.getLabel().equals("forof")), "no snippets without client support");
    }
}
