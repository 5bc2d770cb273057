package dev.arenals.server.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.arenals.server.workspace.FileSummary.Declaration;
import dev.arenals.server.workspace.FileSummary.Kind;
import dev.arenals.server.workspace.FileSummary.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The index's derived maps (flat declarations, importers as runs of one array) answer as the summaries say. */
class WorkspaceIndexTest {
    private static FileSummary file(String name, List<String> declarations, ImmutableMap<String, Path> resolved) {
        ImmutableList.Builder<Declaration> d = ImmutableList.builder();
        for (int i = 0; i < declarations.size(); i++) d.add(new Declaration(declarations.get(i), Kind.FUNCTION, new Span(i, 0, 1), true));
        return new FileSummary(Path.of("/w/" + name), null, d.build(), ImmutableList.of(), ImmutableList.of(), ImmutableList.of(),
                ImmutableList.copyOf(resolved.keySet()), resolved, 10);
    }

    @Test
    void declarationsFileAfterFileWithEmptyFilesBetween() {
        WorkspaceIndex index = new WorkspaceIndex();
        index.putIndexed(file("a.ts", List.of("x", "y"), ImmutableMap.of()));
        index.putIndexed(file("b.ts", List.of(), ImmutableMap.of()));
        index.putIndexed(file("c.ts", List.of("z"), ImmutableMap.of()));
        index.putIndexed(file("d.ts", List.of(), ImmutableMap.of()));
        List<WorkspaceIndex.DeclarationInFile> all = index.declarations();
        assertEquals(3, all.size());
        List<String> byGet = new ArrayList<>(), byIterator = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) byGet.add(all.get(i).file().path().getFileName() + ":" + all.get(i).declaration().name());
        for (WorkspaceIndex.DeclarationInFile d : all) byIterator.add(d.file().path().getFileName() + ":" + d.name());
        assertEquals(byGet, byIterator);
        assertEquals(Set.of("a.ts:x", "a.ts:y", "c.ts:z"), new HashSet<>(byGet));
        assertThrows(IndexOutOfBoundsException.class, () -> all.get(3));
        WorkspaceIndex.Declarations withMasks = index.declarationsWithMasks();
        for (int i = 0; i < withMasks.list().size(); i++) assertEquals(WorkspaceIndex.nameMask(withMasks.list().get(i).name()), withMasks.nameMasks()[i]);
        assertEquals(Set.of(Path.of("/w/c.ts")), index.filesDeclaring("z"));
    }

    @Test
    void importersEachOnceAndTheTableGrows() {
        WorkspaceIndex index = new WorkspaceIndex();
        Path hub = Path.of("/w/hub.ts");
        index.putIndexed(file("hub.ts", List.of("hub"), ImmutableMap.of()));
        int n = 700;
        for (int i = 0; i < n; i++) {
            // two specifiers naming the hub (an edge kept once), and a file outside the index (the table grows past the index's size)
            index.putIndexed(file("u" + i + ".ts", List.of(), ImmutableMap.of("./hub", hub, "./hub.js", hub, "../o" + i, Path.of("/o" + i + ".d.ts"))));
        }
        List<Path> importers = index.importersOf(hub);
        assertEquals(n, importers.size());
        assertEquals(n, new HashSet<>(importers).size());
        assertTrue(importers.contains(Path.of("/w/u7.ts")));
        assertEquals(List.of(Path.of("/w/u5.ts")), index.importersOf(Path.of("/o5.d.ts")));
        assertEquals(List.of(), index.importersOf(Path.of("/w/u5.ts")));
        // a change rebuilds them
        index.removeIndexed(Path.of("/w/u7.ts"));
        assertEquals(n - 1, index.importersOf(hub).size());
    }

    /**
     * After every kind of change, the maps a snapshot reuses from the last one (the importers while no
     * change touched the import graph, a kept summary's name masks and shapes) are those a fresh index of
     * the same summaries builds; and an edit that keeps a file's imports does not rebuild the importers.
     */
    @Test
    void snapshotsAfterChangesAnswerAsAFreshIndex() {
        Path hub = Path.of("/w/hub.ts"), other = Path.of("/w/other.ts");
        WorkspaceIndex index = new WorkspaceIndex();
        java.util.Map<Path, FileSummary> expected = new java.util.HashMap<>();
        java.util.function.Consumer<FileSummary> indexed = s -> { index.putIndexed(s); expected.put(s.path(), s); };
        indexed.accept(file("hub.ts", List.of("hub", "Hub"), ImmutableMap.of()));
        indexed.accept(file("other.ts", List.of("other"), ImmutableMap.of()));
        for (int i = 0; i < 40; i++) indexed.accept(file("u" + i + ".ts", List.of("useHub" + i, "u_" + i), ImmutableMap.of("./hub", hub)));
        assertSameAsFresh(index, expected, hub, other);
        Object graphBefore = index.importGraph();

        // an open document's summary with the same imports: the importers are the same object, the declarations new
        FileSummary edited = file("u3.ts", List.of("renamedHub3"), ImmutableMap.of("./hub", hub));
        index.putOpen(edited);
        expected.put(edited.path(), edited);
        assertSameAsFresh(index, expected, hub, other);
        assertTrue(graphBefore == index.importGraph(), "importers rebuilt after an edit that kept the imports");

        // the open document now imports another file; then it is closed (the indexed summary counts again)
        FileSummary retargeted = file("u3.ts", List.of("renamedHub3"), ImmutableMap.of("./other", other));
        index.putOpen(retargeted);
        expected.put(retargeted.path(), retargeted);
        assertSameAsFresh(index, expected, hub, other);
        assertTrue(graphBefore != index.importGraph(), "importers kept after an edit that changed the imports");
        index.removeOpen(retargeted.path());
        expected.put(retargeted.path(), file("u3.ts", List.of("useHub3", "u_3"), ImmutableMap.of("./hub", hub)));
        assertSameAsFresh(index, expected, hub, other);

        // indexed again with other imports, removed, a new file, a folder gone
        indexed.accept(file("u5.ts", List.of("u_5"), ImmutableMap.of("./other", other)));
        assertSameAsFresh(index, expected, hub, other);
        index.removeIndexed(Path.of("/w/u6.ts"));
        expected.remove(Path.of("/w/u6.ts"));
        assertSameAsFresh(index, expected, hub, other);
        indexed.accept(file("late.ts", List.of("late"), ImmutableMap.of("./hub", hub, "./other", other)));
        assertSameAsFresh(index, expected, hub, other);
        index.removeIndexedUnder(Path.of("/w"));
        expected.clear();
        assertSameAsFresh(index, expected, hub, other);
    }

    private static void assertSameAsFresh(WorkspaceIndex index, java.util.Map<Path, FileSummary> summaries, Path... targets) {
        WorkspaceIndex fresh = new WorkspaceIndex();
        for (FileSummary s : summaries.values()) fresh.putIndexed(s);
        for (Path target : targets) assertEquals(new HashSet<>(fresh.importersOf(target)), new HashSet<>(index.importersOf(target)), "importers of " + target);
        assertEquals(masksByName(fresh.declarationsWithMasks()), masksByName(index.declarationsWithMasks()));
    }

    /** Each declaration as file:name with its mask and shape. */
    private static Set<String> masksByName(WorkspaceIndex.Declarations d) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < d.list().size(); i++) {
            WorkspaceIndex.DeclarationInFile entry = d.list().get(i);
            out.add(entry.file().path() + ":" + entry.name() + " " + d.nameMasks()[i] + " " + d.nameShapes()[i]);
        }
        assertEquals(d.list().size(), out.size());
        return out;
    }
}
