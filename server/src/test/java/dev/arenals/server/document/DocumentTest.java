package dev.arenals.server.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

class DocumentTest {
    private static Document doc(String uri, String languageId, String text, PositionEncoding encoding) {
        return new Document(uri, languageId, 1, text, encoding, new SerialQueue(Runnable::run, null, t -> { throw new AssertionError(t); }));
    }

    private static TextDocumentContentChangeEvent edit(int l1, int c1, int l2, int c2, String text) {
        return new TextDocumentContentChangeEvent(new Range(new Position(l1, c1), new Position(l2, c2)), text);
    }

    @Test
    void changesApplyInOrderWithinOneNotification() {
        Document d = doc("file:///a.js", "javascript", "abc\ndef\n", PositionEncoding.UTF16);
        d.applyChanges(List.of(edit(0, 1, 0, 2, "XY"), edit(1, 0, 1, 0, ">"), edit(0, 0, 1, 0, "")), 2);
        assertEquals(">def\n", d.text());
        assertEquals(2, d.version());
        assertTrue(d.isDirty());
    }

    @Test
    void utf8PositionsWithMultiByteCharacters() {
        Document d = doc("file:///a.js", "javascript", "x = '😀é';\r\ny = 1;\r\n", PositionEncoding.UTF8);
        // after "x = '" (5 bytes), 😀 is 4 bytes and é 2: the closing quote is at byte 11
        d.applyChanges(List.of(edit(0, 11, 0, 11, "!")), 2);
        assertEquals("x = '😀é!';\r\ny = 1;\r\n", d.text());
        assertEquals(new Position(0, 12), d.positionAt(d.text().indexOf("'", 6)));
        assertEquals(new Position(1, 0), d.positionAt(d.text().indexOf("y")));
        // a position past the line's end clamps to the end of the line, not into the CRLF
        d.applyChanges(List.of(edit(1, 99, 1, 99, " // end")), 3);
        assertEquals("x = '😀é!';\r\ny = 1; // end\r\n", d.text());
        // a line past the end clamps to the end of the text
        d.applyChanges(List.of(edit(50, 0, 50, 0, "z;")), 4);
        assertTrue(d.text().endsWith("\r\nz;"));
    }

    @Test
    void requestPositionsOutOfRangeAreRejected() {
        Document d = doc("file:///a.js", null, "ab\ncd", PositionEncoding.UTF16);
        assertEquals(-1, d.offsetIfValid(new Position(2, 0)));
        assertEquals(-1, d.offsetIfValid(new Position(-1, 0)));
        assertEquals(-1, d.offsetIfValid(new Position(0, -3)));
        assertEquals(-1, d.offsetIfValid(null));
        assertEquals(5, d.offsetIfValid(new Position(1, 10)));
    }

    @Test
    void parsesOnceForManyEditsAndOnlyWhenDirty() {
        Document d = doc("file:///a.js", "javascript", "let x = 1;", PositionEncoding.UTF16);
        assertTrue(d.ensureParsed(ParseTools.current(), Long.MAX_VALUE));
        long stamp = d.parseStamp();
        assertFalse(d.ensureParsed(ParseTools.current(), Long.MAX_VALUE), "nothing changed");
        for (int i = 0; i < 10; i++) d.applyChanges(List.of(edit(0, 9, 0, 9, "+1")), 2 + i);
        assertTrue(d.ensureParsed(ParseTools.current(), Long.MAX_VALUE));
        assertEquals(11, d.parsedVersion());
        assertTrue(d.parseStamp() > stamp);
        assertNotNull(d.scopes());
        assertEquals(0, d.arena().log().diagnosticCount());
    }

    @Test
    void theGoalFollowsExtensionsAndContent() {
        Document mjs = doc("file:///a.mjs", null, "with (a) {}", PositionEncoding.UTF16);
        mjs.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
        assertTrue(mjs.isModuleGoal());
        assertEquals(1, mjs.arena().log().diagnosticCount(), "with is an error in module code");

        Document cjs = doc("file:///a.cjs", null, "import x from 'y';", PositionEncoding.UTF16);
        cjs.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
        assertFalse(cjs.isModuleGoal());
        assertTrue(cjs.arena().log().diagnosticCount() > 0);

        Document js = doc("file:///a.js", "javascript", "with (a) {}", PositionEncoding.UTF16);
        js.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
        assertFalse(js.isModuleGoal(), "no import/export: a script");
        assertEquals(0, js.arena().log().diagnosticCount());
        js.setText("import x from 'y';\nx;", 2);
        js.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
        assertTrue(js.isModuleGoal(), "import: a module");
        assertEquals(0, js.arena().log().diagnosticCount());
    }

    @Test
    void languageFromIdThenExtension() {
        assertEquals(Language.TYPESCRIPT, Language.of("typescript", "file:///x.js"));
        assertEquals(Language.TYPESCRIPT_REACT, Language.of(null, "file:///x.tsx"));
        assertEquals(Language.JAVASCRIPT_REACT, Language.of("plaintext", "file:///x.jsx?query#frag"));
        assertEquals(Language.TYPESCRIPT, Language.of("", "untitled:x.mts"));
        assertEquals(Language.JAVASCRIPT, Language.of(null, "file:///dir.d/file"));
        assertEquals(Language.Goal.MODULE, Language.goalOf("file:///a.mjs"));
        assertEquals(Language.Goal.UNAMBIGUOUS, Language.goalOf("file:///a.ts"));
    }

    @Test
    void oversizedDocumentsAreNotParsed() {
        Document d = doc("file:///a.js", "javascript", "let é = 1;", PositionEncoding.UTF16); // 11 UTF-8 bytes
        d.ensureParsed(ParseTools.current(), 11);
        assertFalse(d.isOversized());
        d.invalidate();
        d.ensureParsed(ParseTools.current(), 10);
        assertTrue(d.isOversized());
        assertNull(d.arena());
        assertNull(d.scopes());
    }

    @Test
    void closeFreesEverything() {
        Document d = doc("file:///a.js", "javascript", "let x = 1;", PositionEncoding.UTF16);
        d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
        d.close();
        assertTrue(d.isClosed());
        assertNull(d.arena());
        assertEquals(0, d.length());
        assertFalse(d.ensureParsed(ParseTools.current(), Long.MAX_VALUE));
    }
}
