package dev.arenals.server.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.TreeDump;
import dev.arenals.parser.tree.Arena;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

/** Issue 15 bug 6: a didChange batch applies entirely or not at all. */
class ChangeBatchTest {
    private static Document parsed(String text) {
        Document d = new Document("file:///b.js", "javascript", 1, text, PositionEncoding.UTF16,
                new SerialQueue(Runnable::run, null, t -> { throw new AssertionError(t); }));
        d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
        return d;
    }

    private static TextDocumentContentChangeEvent insert(int line, int character, String text) {
        return new TextDocumentContentChangeEvent(new Range(new Position(line, character), new Position(line, character)), text);
    }

    /** The tree of a fresh full parse of the document's current text. */
    private static String freshTree(Document d) {
        Arena a = new Arena();
        new dev.arenals.parser.JsParser().parse(a, d.text(), d.options());
        return TreeDump.dump(a);
    }

    @Test
    void aRangeWithoutEndRejectsTheWholeBatch() {
        Document d = parsed("let a = 1;\n");
        Range noEnd = new Range();
        noEnd.setStart(new Position(0, 0));
        List<TextDocumentContentChangeEvent> batch = List.of(insert(0, 0, "function g() {}\n"),
                new TextDocumentContentChangeEvent(noEnd, "x"));
        String why = d.applyChanges(batch, 2);
        assertNotNull(why);
        assertTrue(why.contains("change 2 of 2") && why.contains("end is missing"), why);
        assertEquals("let a = 1;\n", d.text(), "the first change was not applied either");
        assertEquals(1, d.version());
        assertFalse(d.isDirty(), "nothing changed: the tree is current");
        assertEquals(freshTree(d), TreeDump.dump(d.arena()));

        // the next good batch applies on top of the old text, and the tree follows
        assertNull(d.applyChanges(List.of(insert(0, 0, "let b;\n")), 3));
        d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
        assertEquals("let b;\nlet a = 1;\n", d.text());
        assertEquals(3, d.parsedVersion());
        assertEquals(freshTree(d), TreeDump.dump(d.arena()));
    }

    @Test
    void everyKindOfMalformedChangeIsRejectedBeforeAnythingApplies() {
        Range noStart = new Range();
        noStart.setEnd(new Position(0, 1));
        TextDocumentContentChangeEvent rangeWithoutText = new TextDocumentContentChangeEvent();
        rangeWithoutText.setRange(new Range(new Position(0, 0), new Position(0, 0)));
        List<TextDocumentContentChangeEvent> bad = new ArrayList<>(Arrays.asList(
                null,
                rangeWithoutText,
                new TextDocumentContentChangeEvent(),
                new TextDocumentContentChangeEvent(noStart, "x"),
                new TextDocumentContentChangeEvent(new Range(new Position(-1, 0), new Position(0, 0)), "x"),
                new TextDocumentContentChangeEvent(new Range(new Position(0, 0), new Position(0, -5)), "x")));
        for (TextDocumentContentChangeEvent malformed : bad) {
            Document d = parsed("const c = 3;\n");
            List<TextDocumentContentChangeEvent> batch = new ArrayList<>();
            batch.add(insert(0, 0, "// first\n"));
            batch.add(malformed);
            String why = d.applyChanges(batch, 2);
            assertNotNull(why, String.valueOf(malformed));
            assertEquals("const c = 3;\n", d.text(), String.valueOf(malformed));
            assertEquals(1, d.version());
        }
        assertNotNull(parsed("x").applyChanges(null, 2));
    }

    @Test
    void wellFormedChangesPastTheEndStillClampAndApply() {
        Document d = parsed("ab\ncd");
        assertNull(d.applyChanges(List.of(insert(0, 99, "!"), insert(99, 0, "?")), 2));
        assertEquals("ab!\ncd?", d.text());
        assertTrue(d.isDirty());
    }
}
