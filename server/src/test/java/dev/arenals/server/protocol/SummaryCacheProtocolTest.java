package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.testing.InProcessServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server with summaries kept between sessions: the second session reads no unchanged file and answers as the first. */
class SummaryCacheProtocolTest {
    @TempDir Path root;
    @TempDir Path cacheDirectory;

    private static final String LIB = "export function helper(n: number) { return n + 1; }\nexport class Box { size = 1; }\n";
    private static final String USE = "import { helper, Box } from './lib';\nexport const x = helper(new Box().size);\n";

    /** A session over the workspace with the cache in {@code cacheDirectory}; its log lines (window/logMessage) into {@code log}; closed once the cache is written. */
    private List<String> session(StringBuilder log) throws Exception {
        ArenaLanguageServer.Options options = new ArenaLanguageServer.Options();
        options.summaryCache = cacheDirectory;
        try (InProcessServer s = InProcessServer.inWorkspace(root, options)) {
            for (int i = 0; i < 200 && !logs(s).contains("summaries written to"); i++) Thread.sleep(50);
            log.append(logs(s));
            String use = root.resolve("use.ts").toUri().toString();
            s.open(use, "typescript", 1, USE);
            List<String> out = new ArrayList<>();
            for (Position p : List.of(new Position(1, 17), new Position(1, 38))) { // helper(, .size
                for (Location l : get(s.remote.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(use), p))).getLeft()) {
                    out.add(l.getUri().substring(l.getUri().lastIndexOf('/') + 1) + ":" + l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter());
                }
            }
            return out;
        }
    }

    private static String logs(InProcessServer s) {
        StringBuilder out = new StringBuilder();
        for (org.eclipse.lsp4j.MessageParams m : s.client.logs()) out.append(m.getMessage()).append('\n');
        return out.toString();
    }

    @Test
    void theSecondSessionReusesEveryUnchangedFileAndAnswersTheSame() throws Exception {
        FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(Files.writeString(root.resolve("lib.ts"), LIB), hourAgo);
        Files.setLastModifiedTime(Files.writeString(root.resolve("use.ts"), USE), hourAgo);
        StringBuilder first = new StringBuilder(), second = new StringBuilder();
        List<String> answers = session(first);
        assertEquals(List.of("lib.ts:0:16", "lib.ts:1:19"), answers);
        assertTrue(first.toString().contains("2 summaries written to"), first.toString());
        assertEquals(answers, session(second), "the same answers from the reused summaries");
        String log = second.toString();
        assertTrue(log.contains("2 summaries in the cache") && log.contains("(2 of this start's files came from it)"), log);
    }
}
