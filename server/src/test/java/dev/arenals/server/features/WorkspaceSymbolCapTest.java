package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.protocol.ServerLog;
import dev.arenals.server.workspace.Indexer;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capped answer is the first LIMIT of every match sorted best first, however many more match. */
class WorkspaceSymbolCapTest {
    @TempDir Path dir;

    private record Expected(int rank, boolean exported, String name, String file) { }

    @Test
    void theCapKeepsExactlyTheBestOfManyMatches() throws Exception {
        SplittableRandom random = new SplittableRandom(256);
        List<Expected> all = new ArrayList<>();
        String[] shapes = {"ab", "abX", "xAb", "xab", "aXb", "AB", "ab_c", "cab"};
        for (int f = 0; f < 12; f++) {
            StringBuilder text = new StringBuilder();
            for (int d = 0; d < 120; d++) {
                String name = shapes[random.nextInt(shapes.length)] + (random.nextBoolean() ? "" : Integer.toString(random.nextInt(1000)));
                boolean exported = random.nextBoolean();
                text.append(exported ? "export " : "").append("const ").append(name).append(" = 0;\n");
                all.add(new Expected(WorkspaceSymbolHandler.rank("ab", name), exported, name, "m" + f + ".ts"));
            }
            Files.writeString(dir.resolve("m" + f + ".ts"), text);
        }
        WorkspaceIndex index = new WorkspaceIndex();
        Indexer indexer = new Indexer(index, new ServerLog(System.err), 1, () -> 1 << 20, PositionEncoding.UTF16);
        try {
            for (int f = 0; f < 12; f++) assertTrue(indexer.indexFile(dir.resolve("m" + f + ".ts")));
        } finally {
            indexer.shutdown();
        }
        List<String> expected = all.stream().filter(e -> e.rank() != WorkspaceSymbolHandler.NONE)
                .sorted(Comparator.comparingInt((Expected e) -> -e.rank()).thenComparing(e -> !e.exported())
                        .thenComparingInt(e -> e.name().length()).thenComparing(Expected::name).thenComparing(Expected::file))
                .map(e -> e.name() + "@" + e.file()).collect(Collectors.toList());
        assertTrue(expected.size() > 2 * WorkspaceSymbolHandler.LIMIT, "more match than the cap: " + expected.size());
        List<String> answered = new WorkspaceSymbolHandler().symbols(index, "ab").stream()
                .map(WorkspaceSymbolCapTest::nameAtFile).collect(Collectors.toList());
        assertEquals(expected.subList(0, WorkspaceSymbolHandler.LIMIT), answered);
    }

    private static String nameAtFile(WorkspaceSymbol s) {
        String uri = s.getLocation().getLeft().getUri();
        return s.getName() + "@" + uri.substring(uri.lastIndexOf('/') + 1);
    }
}
