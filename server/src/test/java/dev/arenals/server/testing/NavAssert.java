package dev.arenals.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.document.Document;
import dev.arenals.server.features.DefinitionHandler;
import dev.arenals.server.features.DocumentHighlightHandler;
import dev.arenals.server.features.LinkedEditingRangeHandler;
import dev.arenals.server.features.ReferencesHandler;
import dev.arenals.server.features.RenameHandler;
import dev.arenals.server.features.TypeDefinitionHandler;
import dev.arenals.server.query.RenamePlan;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.LinkedEditingRanges;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * One-line feature tests over {@link Marked} sources: every {@code |} cursor must give exactly the
 * {@code [[ ]]} ranges. The file name (its extension) picks the language; the one-argument forms
 * use {@code test.js}.
 */
public final class NavAssert {
    private NavAssert() {}

    private static final String DEFAULT_FILE = "test.js";

    public static void assertDefinition(String marked) { assertDefinition(DEFAULT_FILE, marked); }

    public static void assertDefinition(String file, String marked) {
        Marked m = Marked.parse(marked);
        Document doc = parse(file, m);
        for (int cursor : m.cursors) {
            List<Location> found = new DefinitionHandler().definition(doc, doc.positionAt(cursor));
            assertSpans(m, doc, cursor, locations(doc, found), false, "definition");
        }
    }

    public static void assertTypeDefinition(String file, String marked) {
        Marked m = Marked.parse(marked);
        Document doc = parse(file, m);
        for (int cursor : m.cursors) {
            List<Location> found = new TypeDefinitionHandler().typeDefinition(doc, doc.positionAt(cursor));
            assertSpans(m, doc, cursor, locations(doc, found), false, "typeDefinition");
        }
    }

    public static void assertReferences(String marked) { assertReferences(DEFAULT_FILE, marked); }

    /** References including declarations. */
    public static void assertReferences(String file, String marked) {
        Marked m = Marked.parse(marked);
        Document doc = parse(file, m);
        for (int cursor : m.cursors) {
            List<Location> found = new ReferencesHandler().references(doc, doc.positionAt(cursor), true);
            assertSpans(m, doc, cursor, locations(doc, found), false, "references");
        }
    }

    public static void assertHighlights(String marked) { assertHighlights(DEFAULT_FILE, marked); }

    /** Highlights with kinds: {@code [[=x]]} Write, {@code [[x]]} Read. */
    public static void assertHighlights(String file, String marked) {
        Marked m = Marked.parse(marked);
        Document doc = parse(file, m);
        for (int cursor : m.cursors) {
            List<int[]> spans = new ArrayList<>();
            for (DocumentHighlight h : new DocumentHighlightHandler().highlights(doc, doc.positionAt(cursor))) {
                int[] s = span(doc, h.getRange());
                spans.add(new int[] {s[0], s[1], h.getKind() == DocumentHighlightKind.Write ? 1 : 0});
            }
            assertSpans(m, doc, cursor, spans, true, "highlights");
        }
    }

    public static void assertLinkedEditing(String file, String marked) {
        Marked m = Marked.parse(marked);
        Document doc = parse(file, m);
        for (int cursor : m.cursors) {
            LinkedEditingRanges r = new LinkedEditingRangeHandler().linkedEditingRanges(doc, doc.positionAt(cursor));
            List<int[]> spans = new ArrayList<>();
            if (r != null) for (Range range : r.getRanges()) spans.add(span(doc, range));
            assertSpans(m, doc, cursor, spans, false, "linkedEditingRange");
        }
    }

    public static void assertRename(String marked, String newName, String expected) { assertRename(DEFAULT_FILE, marked, newName, expected); }

    /** Renaming at the cursor gives {@code expected}; the prepared range is the name at the cursor. */
    public static void assertRename(String file, String marked, String newName, String expected) {
        Marked m = Marked.parse(marked);
        Document doc = parse(file, m);
        assertEquals(1, m.cursors.size(), "one cursor");
        int cursor = m.cursors.get(0);
        PrepareRenameResult prepared = new RenameHandler().prepare(doc, doc.positionAt(cursor));
        assertNotNull(prepared, "prepareRename at " + cursor);
        int[] name = span(doc, prepared.getRange());
        assertTrue(name[0] <= cursor && cursor <= name[1], "the prepared range holds the cursor");
        WorkspaceEdit edit = new RenameHandler().rename(doc, doc.positionAt(cursor), newName);
        assertNotNull(edit, "rename at " + cursor);
        assertEquals(expected, apply(doc, edit.getChanges().get(doc.uri())));
    }

    public static void assertRenameRefused(String marked, String newName, String reason) { assertRenameRefused(DEFAULT_FILE, marked, newName, reason); }

    /** Renaming at the cursor is refused with a message that contains {@code reason}. */
    public static void assertRenameRefused(String file, String marked, String newName, String reason) {
        Marked m = Marked.parse(marked);
        Document doc = parse(file, m);
        int cursor = m.cursors.get(0);
        RenamePlan.Refused refused = assertThrows(RenamePlan.Refused.class,
                () -> new RenameHandler().rename(doc, doc.positionAt(cursor), newName));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    /** No name to rename at the cursor, or one that cannot be renamed: prepareRename says so. */
    public static void assertNotRenamable(String file, String marked) {
        Marked m = Marked.parse(marked);
        Document doc = parse(file, m);
        int cursor = m.cursors.get(0);
        try {
            assertEquals(null, new RenameHandler().prepare(doc, doc.positionAt(cursor)));
        } catch (RenamePlan.Refused expected) {
            assertFalse(expected.getMessage().isEmpty());
        }
    }

    public static String apply(Document doc, List<TextEdit> edits) {
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            int[] s = span(doc, edits.get(i).getRange());
            spans.add(new int[] {s[0], s[1], i});
        }
        spans.sort((a, b) -> Integer.compare(b[0], a[0]));
        StringBuilder sb = new StringBuilder(doc.text());
        int lastStart = Integer.MAX_VALUE;
        for (int[] s : spans) {
            assertTrue(s[1] <= lastStart, "edits overlap");
            sb.replace(s[0], s[1], edits.get(s[2]).getNewText());
            lastStart = s[0];
        }
        return sb.toString();
    }

    public static Document parse(String file, Marked m) { return Docs.parsed("file:///" + file, m.text); }

    private static List<int[]> locations(Document doc, List<Location> found) {
        List<int[]> spans = new ArrayList<>();
        for (Location l : found) {
            assertEquals(doc.uri(), l.getUri());
            spans.add(span(doc, l.getRange()));
        }
        return spans;
    }

    public static int[] span(Document doc, Range r) {
        return new int[] {doc.offsetAt(r.getStart()), doc.offsetAt(r.getEnd())};
    }

    private static void assertSpans(Marked m, Document doc, int cursor, List<int[]> actual, boolean kinds, String what) {
        List<int[]> sorted = new ArrayList<>(actual);
        sorted.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        List<int[]> expected = new ArrayList<>();
        for (int[] r : m.ranges) expected.add(kinds ? r : new int[] {r[0], r[1]});
        List<int[]> got = new ArrayList<>();
        for (int[] r : sorted) got.add(kinds ? r : new int[] {r[0], r[1]});
        String at = m.text.substring(0, cursor) + "|" + m.text.substring(cursor);
        assertEquals(m.show(expected), m.show(got), what + " at the cursor in: " + at);
    }
}
