package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.tree.Arena;
import dev.arenals.server.document.Document;
import dev.arenals.server.document.ParseTools;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.document.SerialQueue;
import dev.arenals.server.testing.InProcessServer;
import dev.arenals.server.testing.TestClient;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.junit.jupiter.api.Test;

/** Setting {@code debug.verifyTrees}: off by default; on, a tree that breaks the parser's rules is logged as an error. */
class VerifyTreesSettingTest {

    @Test
    void theSettingIsOffByDefaultAndReadFlatOrNested() {
        assertFalse(ServerSettings.defaults().verifyTrees());
        assertTrue(ServerSettings.defaults().with(Map.of("debug", Map.of("verifyTrees", true))).verifyTrees());
        assertTrue(ServerSettings.defaults().with(Map.of("arena-ls", Map.of("debug.verifyTrees", true))).verifyTrees());
        ServerSettings on = ServerSettings.defaults().with(Map.of("debug.verifyTrees", true));
        assertTrue(on.with(Map.of("debug.verifyTrees", "yes")).verifyTrees(), "a value of the wrong type keeps the previous one");
        assertFalse(on.with(Map.of("debug.verifyTrees", false)).verifyTrees());
    }

    @Test
    void aBrokenTreeIsLoggedAsAnErrorNamingTheDocumentAndTheRule() {
        Document doc = new Document("file:///a.js", "javascript", 3, "let a = 1;\nf(a);\n", PositionEncoding.UTF16,
                new SerialQueue(Runnable::run, null, t -> { throw new AssertionError(t); }));
        doc.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
        TestClient client = new TestClient();
        ServerLog log = new ServerLog(null);
        log.connect(client);
        log.clientReady();

        ArenaLanguageServer.verifyTree(doc, log);
        assertEquals(List.of(), client.logs(), "a tree the parser built keeps the rules");

        Arena arena = doc.arena();
        int firstStatement = arena.firstChild(arena.root());
        arena.setStart(arena.nextSibling(firstStatement), 5); // now overlaps the first statement [0, 10)
        ArenaLanguageServer.verifyTree(doc, log);
        List<MessageParams> logs = client.logs();
        assertEquals(1, logs.size(), logs::toString);
        assertEquals(MessageType.Error, logs.get(0).getType());
        String message = logs.get(0).getMessage();
        assertTrue(message.contains("debug.verifyTrees") && message.contains("file:///a.js") && message.contains("version 3")
                && message.contains("overlaps its previous sibling"), message);
    }

    @Test
    void onInTheServerAValidTreeOfBrokenCodeLogsNoError() throws Exception {
        try (InProcessServer s = new InProcessServer()) {
            InitializeParams params = new InitializeParams();
            params.setCapabilities(InProcessServer.capabilities(false, null));
            params.setInitializationOptions(Map.of("debug", Map.of("verifyTrees", true)));
            get(s.remote.initialize(params));
            s.remote.initialized(new InitializedParams());
            assertTrue(s.server.settings().verifyTrees());
            String uri = "file:///broken.ts";
            s.open(uri, "typescript", 1, "class C { m( { let x = <T>(y; }\nconst o = {a, b = 1};\n");
            s.client.awaitDiagnostics(uri, 1);
            s.change(uri, 2, 1, 0, 1, 0, "if (");
            s.client.awaitDiagnostics(uri, 2);
            for (MessageParams m : s.client.logs()) {
                assertFalse(m.getType() == MessageType.Error, m::getMessage);
            }
        }
    }
}
