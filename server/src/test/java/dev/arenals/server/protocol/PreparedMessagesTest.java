package dev.arenals.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.services.LanguageClient;
import org.junit.jupiter.api.Test;

/**
 * The messages {@link Launchers#prepareDocumentMessages} reads so that Gson's adapters are built
 * before a client's first didOpen and didChange: they must be read as those notifications, with
 * every field a client sends (a sample that failed to parse would prepare nothing, silently), and
 * preparing must send nothing to the client.
 */
class PreparedMessagesTest {
    @Test
    void theSamplesAreReadAsTheNotificationsAClientSends() throws Exception {
        PipedOutputStream clientSide = new PipedOutputStream();
        try (PipedInputStream in = new PipedInputStream(clientSide)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Launcher<LanguageClient> launcher = Launchers.serverLauncher(new ArenaLanguageServer(), in, out, null);
            MessageJsonHandler json = launcher.getRemoteEndpoint().getJsonHandler();

            NotificationMessage open = (NotificationMessage) json.parseMessage(Launchers.SAMPLE_DID_OPEN);
            DidOpenTextDocumentParams opened = (DidOpenTextDocumentParams) open.getParams();
            assertEquals("typescript", opened.getTextDocument().getLanguageId());
            assertEquals("let a = \"\";\n", opened.getTextDocument().getText());

            NotificationMessage change = (NotificationMessage) json.parseMessage(Launchers.SAMPLE_DID_CHANGE);
            DidChangeTextDocumentParams changed = (DidChangeTextDocumentParams) change.getParams();
            assertEquals(2, changed.getTextDocument().getVersion());
            assertEquals(2, changed.getContentChanges().size());
            assertEquals(1, changed.getContentChanges().get(0).getRange().getEnd().getCharacter());
            assertNull(changed.getContentChanges().get(1).getRange());

            Launchers.prepareDocumentMessages(launcher);
            assertEquals(0, out.size(), "preparing writes nothing to the client");
            clientSide.close();
        }
    }
}
