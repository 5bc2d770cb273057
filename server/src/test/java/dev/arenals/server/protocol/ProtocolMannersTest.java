package dev.arenals.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.arenals.server.testing.RawLspClient;
import dev.arenals.server.testing.RawServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23, protocol manners: the JSON-RPC error codes a client is owed, {@code $/} methods as
 * LSP defines them, workspace folders without stack traces, and diagnostics whose version never
 * goes back. Spoken over the wire (the same launcher as {@code Main}), so LSP4J's own handling
 * is what is tested.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProtocolMannersTest {
    static final String URI = "file:///w/manners.ts";

    private static RawServer initialized(String initializeParams) throws Exception {
        RawServer s = RawServer.inProcess();
        int init = s.client.request("initialize", initializeParams);
        assertNotNull(s.client.awaitResponse(init, 10_000), "initialize answered");
        s.client.notify("initialized", "{}");
        return s;
    }

    private static RawServer initialized() throws Exception { return initialized("{\"capabilities\":{}}"); }

    private static void open(RawLspClient c, int version, String text) throws Exception {
        c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + URI + "\",\"languageId\":\"typescript\",\"version\":" + version
                + ",\"text\":\"" + text + "\"}}");
    }

    private static int errorCode(JsonObject response) {
        assertNotNull(response, "answered");
        assertTrue(response.has("error"), "an error: " + response);
        return response.getAsJsonObject("error").get("code").getAsInt();
    }

    /** Every request after the odd ones is still answered, and nothing was logged as an exception. */
    private static void stillServesQuietly(RawServer s) throws Exception {
        int symbols = s.client.request("textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"" + URI + "\"}}");
        JsonObject answer = s.client.awaitResponse(symbols, 10_000);
        assertNotNull(answer, "documentSymbol answered; stderr:\n" + s.stderr());
        assertTrue(answer.has("result"), answer.toString());
        assertEquals(java.util.List.of(), s.stderrProblems(), "no error or exception on stderr");
        for (String m : s.client.logMessages()) assertFalse(m.contains("\tat ") || m.contains("Exception"), "logged: " + m);
    }

    @Test
    void wellFormedJsonWithParamsOfTheWrongShapeIsInvalidParams() throws Exception {
        try (RawServer s = initialized()) {
            open(s.client, 1, "let a = 1;");
            int wrongType = s.client.request("textDocument/hover", "{\"textDocument\":5,\"position\":{\"line\":0,\"character\":0}}");
            int wrongNumber = s.client.request("textDocument/hover",
                    "{\"textDocument\":{\"uri\":\"" + URI + "\"},\"position\":{\"line\":\"zz\",\"character\":0}}");
            assertEquals(-32602, errorCode(s.client.awaitResponse(wrongType, 10_000)));
            assertEquals(-32602, errorCode(s.client.awaitResponse(wrongNumber, 10_000)));
            stillServesQuietly(s);
        }
    }

    @Test
    void aBodyThatIsNotJsonIsStillAParseError() throws Exception {
        try (RawServer s = initialized()) {
            // the id can be read, the JSON cannot: LSP4J answers, and it is a parse error
            s.client.sendFramed("{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":\"textDocument/hover\",\"params\":{\"position\":{\"line\":0,,}}}");
            JsonObject r = s.client.awaitResponse(77, 3_000);
            if (r != null) assertFalse(errorCode(r) == -32602, "text that is not JSON is not 'invalid params': " + r);
            open(s.client, 1, "let a = 1;");
            stillServesQuietly(s);
        }
    }

    @Test
    void anUnknownDollarRequestIsMethodNotFoundAndAnUnknownDollarNotificationIsIgnored() throws Exception {
        try (RawServer s = initialized()) {
            open(s.client, 1, "let a = 1;");
            s.client.notify("$/somethingNew", "{\"x\":1}");
            int unknown = s.client.request("$/somethingNew", "{}");
            assertEquals(-32601, errorCode(s.client.awaitResponse(unknown, 10_000)));
            int plainUnknown = s.client.request("arena/nothing", "{}");
            assertEquals(-32601, errorCode(s.client.awaitResponse(plainUnknown, 10_000)));
            // the $/ methods the server does know still reach it
            s.client.notify("$/setTrace", "{\"value\":\"verbose\"}");
            int slow = s.client.request("textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"" + URI + "\"}}");
            s.client.notify("$/cancelRequest", "{\"id\":" + slow + "}");
            assertNotNull(s.client.awaitResponse(slow, 10_000), "answered or cancelled, never left waiting");
            stillServesQuietly(s);
            assertFalse(s.stderr().contains("somethingNew"), "an unknown $/ notification is not logged:\n" + s.stderr());
            assertFalse(s.client.logMessages().stream().anyMatch(m -> m.contains("$/somethingNew") && !m.contains("unknown method")),
                    "nor sent to the client: " + s.client.logMessages());
        }
    }

    @Test
    void workspaceFoldersAtInitializeAndChangedLaterAreIndexedWithoutStackTraces(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve("one.ts"), "export function fromA() {}\n");
        Files.writeString(b.resolve("two.ts"), "export function fromB() {}\n");
        String init = "{\"capabilities\":{},\"workspaceFolders\":[{\"uri\":\"" + a.toUri() + "\",\"name\":\"a\"}]}";
        try (RawServer s = initialized(init)) {
            RawLspClient c = s.client;
            assertTrue(symbolFound(c, "fromA", true), "the folder given at initialize is indexed");
            c.notify("workspace/didChangeWorkspaceFolders", "{\"event\":{\"added\":[{\"uri\":\"" + b.toUri() + "\",\"name\":\"b\"}],"
                    + "\"removed\":[{\"uri\":\"" + a.toUri() + "\",\"name\":\"a\"}]}}");
            assertTrue(symbolFound(c, "fromB", true), "an added folder is indexed");
            assertFalse(symbolFound(c, "fromA", false), "a removed folder is forgotten");
            // odd but well-formed events: nothing to do, nothing to log as an exception
            c.notify("workspace/didChangeWorkspaceFolders", "{\"event\":{\"added\":[{\"uri\":\"untitled:x\",\"name\":\"x\"}],\"removed\":[]}}");
            c.notify("workspace/didChangeWorkspaceFolders", "{\"event\":{\"added\":null,\"removed\":null}}");
            c.notify("workspace/didChangeWorkspaceFolders", "{}");
            open(c, 1, "let a = 1;");
            stillServesQuietly(s);
        }
    }

    /**
     * Whether workspace/symbol finds {@code name}, polled until it is {@code expected} or 5 s
     * passed (indexing runs in the background).
     */
    private static boolean symbolFound(RawLspClient c, String name, boolean expected) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            int id = c.request("workspace/symbol", "{\"query\":\"" + name + "\"}");
            JsonObject r = c.awaitResponse(id, 10_000);
            assertNotNull(r, "workspace/symbol answered");
            boolean found = r.toString().contains("\"" + name + "\"");
            if (found == expected || System.currentTimeMillis() > deadline) return found;
            Thread.sleep(20);
        }
    }

    @Test
    void diagnosticsNeverGoBackToAnOlderVersion() throws Exception {
        try (RawServer s = initialized()) {
            RawLspClient c = s.client;
            open(c, 5, "let a = ;");
            JsonObject first = awaitDiagnostics(c, p -> p.has("version") && p.get("version").getAsInt() == 5);
            assertEquals(1, first.getAsJsonArray("diagnostics").size(), first.toString());
            // a client that counts backwards: the edit applies, its version is not published
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + URI + "\",\"version\":3},"
                    + "\"contentChanges\":[{\"text\":\"let a = 1;\"}]}");
            JsonObject after = awaitDiagnostics(c, p -> p.getAsJsonArray("diagnostics").size() == 0);
            assertTrue(!after.has("version") || after.get("version").isJsonNull() || after.get("version").getAsInt() >= 5,
                    "published with an older version: " + after);
            // counting forwards again is published as it comes
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + URI + "\",\"version\":6},"
                    + "\"contentChanges\":[{\"text\":\"let b = ;\"}]}");
            JsonObject later = awaitDiagnostics(c, p -> p.getAsJsonArray("diagnostics").size() == 1);
            assertEquals(6, later.get("version").getAsInt(), later.toString());
        }
    }

    private static JsonObject awaitDiagnostics(RawLspClient c, java.util.function.Predicate<JsonObject> test) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject p = c.lastDiagnostics(URI);
            if (p != null && test.test(p)) return p;
            Thread.sleep(5);
        }
        return fail("the expected diagnostics never came; the last: " + c.lastDiagnostics(URI));
    }
}
