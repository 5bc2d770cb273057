package dev.arenals.server.protocol;

import static dev.arenals.server.testing.RawLspClient.frame;
import static dev.arenals.server.testing.RawLspClient.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.arenals.server.testing.RawLspClient;
import dev.arenals.server.testing.RawServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15 bug 5: one malformed frame used to leave the server alive but deaf. Each case sends a
 * bad frame holding request 100 and then good requests at once; the good ones must be answered,
 * the bad frame logged (stderr and window/logMessage) and never executed, and nothing may be
 * logged as an exception. Where request 100's id can still be read, it is answered with an error.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FramingTest {
    static final String URI = "file:///w/framing.js";
    static final String SYMBOLS = "{\"textDocument\":{\"uri\":\"" + URI + "\"}}";
    static final String BAD_REQUEST = request(100, "textDocument/documentSymbol", SYMBOLS);

    static byte[] bytes(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String p : parts) out.writeBytes(p.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static int length(String s) { return s.getBytes(StandardCharsets.UTF_8).length; }

    /** name, the bad bytes, whether request 100 gets an error answer. */
    static Stream<Arguments> badFrames() {
        return Stream.of(
                Arguments.of("Content-Length: abc", bytes("Content-Length: abc\r\n\r\n", BAD_REQUEST), true),
                Arguments.of("Content-Length: -5", bytes("Content-Length: -5\r\n\r\n", BAD_REQUEST), true),
                Arguments.of("Content-Length empty", bytes("Content-Length:\r\n\r\n", BAD_REQUEST), true),
                Arguments.of("Content-Length too large", bytes("Content-Length: " + (length(BAD_REQUEST) + 300) + "\r\n\r\n", BAD_REQUEST), true),
                Arguments.of("Content-Length over the int range", bytes("Content-Length: 99999999999999999999\r\n\r\n", BAD_REQUEST), true),
                Arguments.of("Content-Length too small", bytes("Content-Length: 12\r\n\r\n", BAD_REQUEST), false),
                Arguments.of("Content-Length missing", bytes("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n", BAD_REQUEST), true),
                Arguments.of("no header at all", bytes(BAD_REQUEST), true),
                Arguments.of("unknown charset", bytes("Content-Length: " + length(BAD_REQUEST)
                        + "\r\nContent-Type: application/vscode-jsonrpc; charset=klingon\r\n\r\n", BAD_REQUEST), true),
                Arguments.of("two different lengths", bytes("Content-Length: 5\r\nContent-Length: 6\r\n\r\n", BAD_REQUEST), true),
                Arguments.of("a header line that is no header", bytes("hello world\r\n\r\n", BAD_REQUEST), false),
                Arguments.of("a header line over 8 KB", bytes("X-Long: " + "x".repeat(9000) + "\r\n\r\n", BAD_REQUEST), false),
                Arguments.of("a body that is not JSON", bytes("Content-Length: 5\r\n\r\nhello"), false),
                Arguments.of("a JSON body that is no message", bytes("Content-Length: 7\r\n\r\n[1,2,3]"), false),
                Arguments.of("garbage too short for its length", bytes("Content-Length: 100\r\n\r\nhello"), false),
                Arguments.of("binary garbage", bytes("\u0000\u0001\u00ff\r\n\r\n\u0000"), false));
    }

    private static RawServer initialized() throws Exception {
        RawServer s = RawServer.inProcess();
        RawLspClient c = s.client;
        int init = c.request("initialize", "{\"capabilities\":{}}");
        assertNotNull(c.awaitResponse(init, 10_000), "initialize answered");
        c.notify("initialized", "{}");
        c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + URI + "\",\"languageId\":\"javascript\",\"version\":1,"
                + "\"text\":\"function greet() {}\\nlet x = ;\\n\"}}");
        return s;
    }

    /** The good requests after the storm: symbols answered from the right tree, then shutdown and exit 0. */
    private static void stillServes(RawServer s) throws Exception {
        RawLspClient c = s.client;
        int symbols = c.request("textDocument/documentSymbol", SYMBOLS);
        JsonObject answer = c.awaitResponse(symbols, 10_000);
        assertNotNull(answer, "documentSymbol after a bad frame was not answered; stderr:\n" + s.stderr());
        assertEquals("greet", answer.getAsJsonArray("result").get(0).getAsJsonObject().get("name").getAsString(), answer.toString());
        int shutdown = c.request("shutdown", null);
        assertNotNull(c.awaitResponse(shutdown, 10_000), "shutdown after a bad frame was not answered");
        c.notify("exit", null);
        assertEquals(0, s.awaitExit(10_000));
    }

    private static void loggedWithoutExceptions(RawServer s) {
        String log = s.stderr();
        assertTrue(log.contains("bad frame"), "the bad frame is logged:\n" + log);
        assertFalse(log.contains("Exception") || log.contains("ERROR]") || log.contains("\tat "), "no exception in the log:\n" + log);
        assertTrue(s.client.logMessages().stream().anyMatch(m -> m.contains("bad frame")), "and sent as window/logMessage");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFrames")
    void theServerResynchronisesAfter(String name, byte[] bad, boolean answered) throws Exception {
        try (RawServer s = initialized()) {
            s.client.sendBytes(bad);
            stillServes(s);
            loggedWithoutExceptions(s);
            JsonObject r100 = s.client.awaitResponse(100, 0);
            if (answered) {
                assertNotNull(r100, "request 100 in the bad frame is answered");
                assertEquals(-32600, r100.getAsJsonObject("error").get("code").getAsInt(), r100.toString());
            } else if (r100 != null) {
                assertTrue(r100.has("error"), "never executed: " + r100);
            }
        }
    }

    /** Too large a length and then silence: the client waits, so the server must not wait for the missing bytes. */
    @Test
    void aTooLargeLengthFollowedBySilenceIsAnsweredAnyway() throws Exception {
        try (RawServer s = initialized()) {
            s.client.sendBytes(bytes("Content-Length: 4000\r\n\r\n", BAD_REQUEST));
            JsonObject r100 = s.client.awaitResponse(100, 5_000);
            assertNotNull(r100, "request 100 answered although its frame promised 4000 bytes");
            assertEquals(-32600, r100.getAsJsonObject("error").get("code").getAsInt());
            stillServes(s);
            loggedWithoutExceptions(s);
        }
    }

    /** A cut message followed later by a good frame: the swallowed header is found again. */
    @Test
    void aBodyCutByTheNextFrameResynchronisesOnThatFrame() throws Exception {
        try (RawServer s = initialized()) {
            String cut = BAD_REQUEST.substring(0, 30);
            s.client.sendBytes(bytes("Content-Length: 400\r\n\r\n", cut));
            Thread.sleep(100);
            stillServes(s);
            loggedWithoutExceptions(s);
        }
    }

    /** Good frames keep working when several arrive in one write, with stray line breaks between them. */
    @Test
    void goodFramesBackToBackAndStrayLineBreaks() throws Exception {
        try (RawServer s = initialized()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 200; i < 210; i++) {
                out.writeBytes(frame(request(i, "textDocument/documentSymbol", SYMBOLS)));
                if (i % 3 == 0) out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            s.client.sendBytes(out.toByteArray());
            for (int i = 200; i < 210; i++) {
                JsonObject r = s.client.awaitResponse(i, 10_000);
                assertNotNull(r, "request " + i);
                assertTrue(r.has("result"), r.toString());
            }
            assertFalse(s.stderr().contains("bad frame"), s.stderr());
        }
    }

    /** Issue 15 bug 6 over the wire: a batch whose second change has no end applies nothing. */
    @Test
    void aHalfMalformedChangeBatchAppliesNothing() throws Exception {
        try (RawServer s = initialized()) {
            RawLspClient c = s.client;
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + URI + "\",\"version\":2},\"contentChanges\":["
                    + "{\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":0}},\"text\":\"class Early {}\\n\"},"
                    + "{\"range\":{\"start\":{\"line\":0,\"character\":0}},\"text\":\"x\"}]}");
            // a good edit after it: fix line 2 of the original text ("let x = ;" -> "let x = 1;")
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + URI + "\",\"version\":3},\"contentChanges\":["
                    + "{\"range\":{\"start\":{\"line\":1,\"character\":8},\"end\":{\"line\":1,\"character\":8}},\"text\":\"1\"}]}");
            int symbols = c.request("textDocument/documentSymbol", SYMBOLS);
            JsonObject answer = c.awaitResponse(symbols, 10_000);
            assertNotNull(answer);
            assertEquals("greet", answer.getAsJsonArray("result").get(0).getAsJsonObject().get("name").getAsString(),
                    "the rejected batch's first change (class Early) was not applied: " + answer);
            JsonObject diagnostics = c.lastDiagnostics(URI);
            assertEquals(3, diagnostics.get("version").getAsInt());
            assertEquals(0, diagnostics.getAsJsonArray("diagnostics").size(), "the good edit landed where the client meant: " + diagnostics);
            String log = s.stderr();
            assertTrue(log.contains("change 2 of 2 has a range whose end is missing"), log);
            assertFalse(log.contains("Exception"), log);
        }
    }

    /** The arrays a body of {@code length} bytes makes on its way, arriving in 64 KB reads: their total. */
    private static long bodyArrays(int length, int keep) {
        long total = 0;
        int current = Math.min(keep, FrameReader.FIRST_BODY_BYTES);
        total += current;
        for (long read = 0; read < Math.min(length, keep); read += 1 << 16) {
            long needed = Math.min(read + (1 << 16), keep);
            if (needed > current) {
                current = FrameReader.grownBodyLength(current, needed, keep);
                total += current;
            }
        }
        return total;
    }

    @Test
    void aLargeBodyGrowsToItsDeclaredLengthOnceAThirtySecondOfItHasCome() {
        int dom = 2_400_000; // lib.dom.d.ts's didOpen
        assertTrue(bodyArrays(dom, dom) <= dom + 256 * 1024, "a 2.4 MB body leaves under 256 KB of arrays behind: " + bodyArrays(dom, dom));
        int tsjs = 9_400_000;
        assertTrue(bodyArrays(tsjs, tsjs) <= tsjs + 1024 * 1024, "a 9.4 MB body leaves under a megabyte behind: " + bodyArrays(tsjs, tsjs));
        int small = 1000;
        assertEquals(small, bodyArrays(small, small), "a small body is one array of its length");
        // a declared length that is never sent: what the reader has allocated when 64 KB have come
        int lie = FrameReader.DEFAULT_MAX_CONTENT_LENGTH;
        int afterFirstRead = FrameReader.grownBodyLength(FrameReader.FIRST_BODY_BYTES, FrameReader.FIRST_BODY_BYTES + 1, lie);
        assertTrue(afterFirstRead <= 32 * FrameReader.FIRST_BODY_BYTES, "a lie costs at most 32 times what was sent: " + afterFirstRead);
        assertEquals(lie, FrameReader.grownBodyLength(1 << 19, (1 << 19) + 1, lie), "after half a megabyte the length is believed");
    }
}
