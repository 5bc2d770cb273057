package dev.arenals.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.google.gson.JsonPrimitive;
import dev.arenals.parser.LineStarts;
import dev.arenals.server.document.TextBuffer;
import dev.arenals.server.testing.RawServer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A large didOpen's text decoded straight from the frame's bytes ({@link DidOpenText}) is exactly
 * the text LSP4J's own reading gives, with the line table a scan of that text gives, and every body
 * that is not the plain case is left to LSP4J.
 */
class DidOpenTextTest {
    private static final MessageJsonHandler JSON = handler();
    /** Makes every body large enough for the direct path. */
    private static final String PADDING = "// " + "x".repeat(DidOpenText.MIN_BYTES) + "\n";

    private static MessageJsonHandler handler() {
        Map<String, JsonRpcMethod> methods = new LinkedHashMap<>(ServiceEndpoints.getSupportedMethods(LanguageServer.class));
        methods.putAll(ServiceEndpoints.getSupportedMethods(LanguageClient.class));
        return new MessageJsonHandler(methods);
    }

    private static String quoted(String s) { return new JsonPrimitive(s).toString(); }

    private static String didOpen(String textJson) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///w/a.ts\","
                + "\"languageId\":\"typescript\",\"version\":7,\"text\":" + textJson + "}}}";
    }

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    /** LSP4J's reading of the same bytes: what the direct path must give. */
    private static TextDocumentItem lsp4j(byte[] body) {
        Message m = JSON.parseMessage(new String(body, StandardCharsets.UTF_8));
        return ((DidOpenTextDocumentParams) ((NotificationMessage) m).getParams()).getTextDocument();
    }

    private static void decodesAsLsp4jDoes(byte[] body) {
        Message direct = DidOpenText.read(body, body.length, JSON);
        assertNotNull(direct, "the plain case is read directly");
        TextDocumentItem item = ((DidOpenTextDocumentParams) ((NotificationMessage) direct).getParams()).getTextDocument();
        DidOpenText.Item decoded = assertInstanceOf(DidOpenText.Item.class, item);
        TextDocumentItem expected = lsp4j(body);
        TextBuffer buffer = decoded.takeBuffer();
        assertEquals(expected.getText(), buffer.toString());
        assertEquals(expected.getUri(), item.getUri());
        assertEquals(expected.getLanguageId(), item.getLanguageId());
        assertEquals(expected.getVersion(), item.getVersion());
        assertEquals("textDocument/didOpen", ((NotificationMessage) direct).getMethod());
        assertTrue(buffer.array().length >= buffer.length() + Math.min(buffer.length() / 8, DidOpenText.ROOM_CHARS), "room for a first edit's growth");
        assertTrue(buffer.array().length <= body.length + DidOpenText.ROOM_CHARS + 16, "no more room than that: what the document keeps");
        LineStarts lines = decoded.takeLines();
        assertNotNull(lines, "the lines come with the text");
        assertArrayEquals(LineStarts.of(expected.getText(), LineStarts.Terminators.LSP).toArray(), lines.toArray(),
                "the lines found while decoding are the lines of the text");
    }

    static Stream<String> texts() {
        return Stream.of(
                PADDING + "let a = 1;\n",
                PADDING + "const s = \"quotes\\\\ and backslashes\";\r\n\tindented\f\b/slash/",
                PADDING + "ünïcödé, ₂ CJK 漢字, emoji 😀 and 🧪 (surrogate pairs), U+FFFF \uffff, U+0080 \u0080",
                PADDING + "\u0000\u0001\u001f control characters (escaped by the client)",
                PADDING + "\ud83d\ude00 escaped as a pair, then a lone high surrogate \ud800 and a lone low one \udc00",
                // every way lines end: \r\n is one terminator, a lone \r and \n\r are two kinds, U+2028/U+2029 are no terminators to LSP
                "\n" + PADDING + "a\r\nb\rc\n\nd\r\re\r\r\nf\n\rg\u2028h\u2029i\r\n",
                "\r" + PADDING + "\r",
                "\r\n" + PADDING + "last line has no terminator",
                // more lines than the table's first guess (a line per 64 bytes): it grows, across \r\n pairs too
                PADDING + ";\r\n\n\r".repeat(30_000) + "x\r",
                "",
                PADDING);
    }

    @ParameterizedTest
    @MethodSource("texts")
    void aDidOpenAsJsonStringifyWritesItIsReadDirectlyWithTheSameText(String text) {
        byte[] body = utf8(didOpen(quoted(text)));
        if (body.length < DidOpenText.MIN_BYTES) {
            assertNull(DidOpenText.read(body, body.length, JSON), "a small body goes the usual way");
            return;
        }
        decodesAsLsp4jDoes(body);
    }

    @Test
    void aLargeTextKeepsRoomForEditsButNotAnEighthOfItself() {
        String text = "let a = 1;\n".repeat(200_000); // 2.2 MB, lib.dom.d.ts's size
        byte[] body = utf8(didOpen(quoted(text)));
        Message direct = DidOpenText.read(body, body.length, JSON);
        TextDocumentItem item = ((DidOpenTextDocumentParams) ((NotificationMessage) direct).getParams()).getTextDocument();
        TextBuffer buffer = assertInstanceOf(DidOpenText.Item.class, item).takeBuffer();
        assertEquals(text.length(), buffer.length());
        int room = buffer.array().length - buffer.length();
        // the JSON's escapes (a \n is two bytes, one char) leave some more: the decoder sizes by bytes
        int escapes = 200_000;
        assertTrue(room >= DidOpenText.ROOM_CHARS, "room for typing: " + room);
        assertTrue(room <= DidOpenText.ROOM_CHARS + escapes + 1024, "an eighth of the text would be " + text.length() / 8 + " chars; kept: " + room);
    }

    @Test
    void escapesWrittenAsUnicodeAndMembersInAnyOrderAndBlanksBetweenTokens() {
        String text = "\\u0041\\u00e9\\u6f22\\ud83d\\ude00\\/\\\"\\u000d\\u000aone line break\\r\\u000Aanother\\u000D\\nand one more\\u000dlone"
                + PADDING.replace("\n", "\\n");
        decodesAsLsp4jDoes(utf8("{ \"params\" : { \"textDocument\" : { \"text\" : \"" + text + "\" ,\r\n \"version\" : 3 , "
                + "\"languageId\":\"javascript\", \"uri\" : \"file:///w/b.js\", \"extra\": [1, {\"text\": \"not this\"}, null, true] } , "
                + "\"other\": {\"a\": [[]]} } , \"method\" : \"textDocument/didOpen\" , \"jsonrpc\" : \"2.0\" }"));
    }

    /** Bodies that are not the plain case: null, and LSP4J reads them as it always did. */
    static Stream<Arguments> notPlain() {
        String big = quoted(PADDING);
        return Stream.of(
                Arguments.of("not a didOpen", utf8("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":"
                        + "{\"uri\":\"file:///w/a.ts\",\"version\":2},\"contentChanges\":[{\"text\":" + big + "}],\"text\":" + big + "}}")),
                Arguments.of("the text twice", utf8(didOpen(big + ",\"text\":\"\""))),
                Arguments.of("textDocument twice", utf8("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
                        + "{\"uri\":\"file:///w/a.ts\",\"languageId\":\"typescript\",\"version\":1,\"text\":" + big + "},"
                        + "\"textDocument\":{\"uri\":\"file:///w/c.ts\",\"languageId\":\"typescript\",\"version\":1,\"text\":\"\"}}}")),
                Arguments.of("an escaped key", utf8(didOpen(big).replace("\"text\":", "\"te\\u0078t\":"))),
                Arguments.of("a raw control character", utf8(didOpen(big.replace("x", "\t")))),
                Arguments.of("an escape JSON lacks", utf8(didOpen(big.replace("xx", "\\x")))),
                Arguments.of("malformed UTF-8", malformed(didOpen(big))),
                Arguments.of("the text not a string", utf8(didOpen("[" + big + "]"))),
                Arguments.of("cut short", java.util.Arrays.copyOf(utf8(didOpen(big)), DidOpenText.MIN_BYTES + 10)),
                Arguments.of("no uri", utf8(didOpen(big).replace("\"uri\":\"file:///w/a.ts\",", ""))));
    }

    /** A lone continuation byte in the middle of the text. */
    private static byte[] malformed(String json) {
        byte[] b = utf8(json);
        b[b.length / 2] = (byte) 0x80;
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notPlain")
    void bodiesThatAreNotThePlainCaseAreLeftToLsp4j(String name, byte[] body) {
        assertNull(DidOpenText.read(body, body.length, JSON), name);
    }

    /** End to end: a large file with multi-byte characters opened over stdio framing; its diagnostic lands where the text says. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aLargeFileOpenedThroughTheServerIsTheTextTheClientSent() throws Exception {
        String text = "const café = '漢字😀';\n" + PADDING + "let x = ;\n";
        try (RawServer s = RawServer.inProcess()) {
            var c = s.client;
            int init = c.request("initialize", "{\"capabilities\":{}}");
            assertNotNull(c.awaitResponse(init, 10_000));
            c.notify("initialized", "{}");
            c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"file:///w/big.ts\",\"languageId\":\"typescript\",\"version\":1,"
                    + "\"text\":" + quoted(text) + "}}");
            int symbols = c.request("textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"file:///w/big.ts\"}}");
            var answer = c.awaitResponse(symbols, 20_000);
            assertNotNull(answer);
            var list = answer.getAsJsonArray("result");
            assertEquals(2, list.size(), list.toString());
            assertEquals("café", list.get(0).getAsJsonObject().get("name").getAsString());
            long deadline = System.currentTimeMillis() + 20_000;
            while (c.lastDiagnostics("file:///w/big.ts") == null && System.currentTimeMillis() < deadline) Thread.sleep(20);
            var diagnostics = c.lastDiagnostics("file:///w/big.ts");
            assertNotNull(diagnostics, "diagnostics published");
            var errors = diagnostics.getAsJsonArray("diagnostics");
            assertEquals(1, errors.size(), errors.toString());
            var start = errors.get(0).getAsJsonObject().getAsJsonObject("range").getAsJsonObject("start");
            assertEquals(2, start.get("line").getAsInt());
            assertEquals(8, start.get("character").getAsInt());
        }
    }
}
