package dev.arenals.server.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.features.WorkspaceSymbolHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceSymbolRankTest {
    @TempDir Path dir;

    @Test
    void ranksExactThenPrefixThenHumpsThenSubstringAndCaps() throws Exception {
        Path f = dir.resolve("a.ts");
        StringBuilder sb = new StringBuilder("export function getUserName() {}\nfunction user() {}\nexport const userCount = 1;\n"
                + "class SuperUser {}\nconst gun = 1;\nconst unrelated = 2;\n");
        for (int i = 0; i < 400; i++) sb.append("const xuser").append(i).append(" = 0;\n");
        Files.writeString(f, sb.toString());
        WorkspaceIndex index = new WorkspaceIndex();
        Indexer indexer = new Indexer(index, new dev.arenals.server.protocol.ServerLog(System.err), 1, () -> 1 << 20,
                dev.arenals.server.document.PositionEncoding.UTF16);
        try {
            assertTrue(indexer.indexFile(f));
        } finally {
            indexer.shutdown();
        }
        List<String> user = new WorkspaceSymbolHandler().symbols(index, "user").stream().map(WorkspaceSymbol::getName).collect(Collectors.toList());
        assertEquals(WorkspaceSymbolHandler.LIMIT, user.size());
        // exact, prefix, then names with a hump that starts the query (exported first), then mere substrings
        assertEquals(List.of("user", "userCount", "getUserName", "SuperUser", "xuser0"), user.subList(0, 5));
        List<String> gun = new WorkspaceSymbolHandler().symbols(index, "gUN").stream().map(WorkspaceSymbol::getName).collect(Collectors.toList());
        assertEquals(List.of("gun", "getUserName"), gun);
    }

    @Test
    void camelHumps() {
        assertTrue(matches("gun", "getUserName"));
        assertTrue(matches("getUN", "getUserName"));
        assertTrue(matches("gUName", "getUserName"));
        assertTrue(matches("fb", "foo_bar"));
        assertTrue(matches("un", "getUserName"), "a match may start at any hump");
        assertFalse(matches("gnu", "getUserName"));
        assertFalse(matches("ser", "getUserName"), "nor inside one");
    }

    private static boolean matches(String q, String name) {
        return dev.arenals.server.features.WorkspaceSymbolHandlerAccess.humps(q, name);
    }
}
