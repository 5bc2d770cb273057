package dev.arenals.server.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.testing.RawServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23: Neovim records every stderr line of a server as an error in its LSP log, so a session
 * without a fault writes nothing to stderr: the start-up and indexing lines go to the client as
 * window/logMessage, and LSP4J's own log lines (an unknown method, an unmatched cancel) go there
 * too. The packaged jar as a process, because only {@code Main} wires LSP4J's logging.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QuietStderrIT {
    @Test
    void aNormalSessionWritesNothingToStderr(@TempDir Path dir) throws Exception {
        Path jar = StdioServerIT.jar();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(jar), "the shaded jar " + jar + " is missing: run `mvn -pl server verify`");
        Files.writeString(dir.resolve("a.ts"), "export const a = 1;\n");
        Path other = Files.createDirectories(dir.resolve("other"));
        try (RawServer s = RawServer.process(jar)) {
            int init = s.client.request("initialize", "{\"processId\":null,\"capabilities\":{},\"workspaceFolders\":[{\"uri\":\""
                    + dir.toUri() + "\",\"name\":\"w\"}]}");
            assertNotNull(s.client.awaitResponse(init, 20_000), "initialize answered; stderr:\n" + s.stderr());
            s.client.notify("initialized", "{}");
            s.client.notify("workspace/didChangeWorkspaceFolders", "{\"event\":{\"added\":[{\"uri\":\"" + other.toUri()
                    + "\",\"name\":\"o\"}],\"removed\":[]}}");
            s.client.notify("$/unknownNotification", "{}");
            s.client.notify("$/cancelRequest", "{\"id\":12345}");
            int unknown = s.client.request("arena/unknown", "{}");
            assertEquals(-32601, s.client.awaitResponse(unknown, 10_000).getAsJsonObject("error").get("code").getAsInt());
            int shutdown = s.client.request("shutdown", null);
            assertNotNull(s.client.awaitResponse(shutdown, 10_000));
            s.client.notify("exit", null);
            assertEquals(0, s.awaitExit(10_000));
            assertEquals("", s.stderr(), "stderr");
            assertTrue(s.client.logMessages().stream().anyMatch(m -> m.startsWith("initialized: arena-ls")),
                    "the start-up line reached the client: " + s.client.logMessages());
            assertTrue(s.client.logMessages().stream().anyMatch(m -> m.contains("arena/unknown")),
                    "LSP4J's line about the unknown method reached the client: " + s.client.logMessages());
        }
    }
}
