package dev.arenals.server.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.tree.Arena;
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

    /**
     * A comment-heavy file (as lib.dom.d.ts, a node per 20 chars) gets node columns sized for its
     * tree before the first parse, not from its length (a node per 8 chars, most of it left empty
     * while the heap grew for it), and an edit that adds nodes still reparses.
     */
    @Test
    void aCommentHeavyFileGetsColumnsSizedForItsTreeBeforeTheFirstParse() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) sb.append("/** The property number ").append(i).append(", documented at some length as a .d.ts does. */\n")
                .append("declare var p").append(i).append(": number;\n");
        Document d = doc("file:///w/a.d.ts", "typescript", sb.toString(), PositionEncoding.UTF16);
        int reserved = Document.expectedNodes(sb.toString().toCharArray(), sb.length());
        assertTrue(d.ensureParsed(ParseTools.current(), Long.MAX_VALUE));
        int nodes = d.arena().nodeCount();
        assertTrue(sb.length() / 8 > 2 * nodes, "the text must be sparse in nodes for this test: " + nodes + " nodes, " + sb.length() + " chars");
        assertTrue(reserved >= nodes && reserved <= nodes + nodes / 2, reserved + " slots reserved for " + nodes + " nodes");
        assertEquals(reserved, d.arena().capacity(), "neither grown nor trimmed");
        String added = "declare var q: { a: number; b: string; c: [number, string] };\n".repeat(40);
        d.applyChanges(List.of(new TextDocumentContentChangeEvent(new Range(new Position(0, 0), new Position(0, 0)), added)), 2);
        assertTrue(d.ensureParsed(ParseTools.current(), Long.MAX_VALUE));
        assertTrue(d.arena().nodeCount() > nodes + 400, "the edit's nodes: " + d.arena().nodeCount());
        assertTrue(d.arena().capacity() >= d.arena().nodeCount());
        assertEquals(0, d.arena().log().diagnosticCount(), "no diagnostics in the edited text");
    }

    /** Buffers a caller lends for many short-lived documents (files read from disk) keep the size it gave them. */
    @Test
    void lentBuffersAreNotTrimmed() {
        Arena lent = new Arena(1 << 16);
        ScopeTable lentScopes = new ScopeTable();
        long scopesBefore = lentScopes.bytesReserved();
        Document d = doc("file:///w/small.js", "javascript", "let a = 1;\nfunction f(x) { return x + a; }\n", PositionEncoding.UTF16);
        d.useBuffers(lent, lentScopes);
        assertTrue(d.ensureParsed(ParseTools.current(), Long.MAX_VALUE));
        assertEquals(1 << 16, lent.capacity(), "the lent arena keeps its columns");
        assertEquals(scopesBefore, lentScopes.bytesReserved(), "the lent table keeps its columns");
    }

    /** The units counted to size the columns: words, strings and other characters; never comments or whitespace. */
    @Test
    void theColumnsEstimateCountsWordsStringsAndPunctuationOutsideComments() {
        String code = "let url = 'http://x/*y*/'; /* not counted: a b c, and long enough to keep the text sparse */ // nor this ( ) { }\nf(url, \"a\\\"b\");\n";
        // let url = '…' ; f ( url , "…" ) ;  → 12 units
        assertEquals(12, Document.expectedNodes(repeat(code, 1000), 1000 * code.length()) / 1000);
        String comments = "/** only a comment, long enough to count for something */\n// and a line comment\n";
        assertEquals(1024, Document.expectedNodes(repeat(comments, 1000), 1000 * comments.length()), "the floor");
        String dense = "a+b;".repeat(100_000); // 4 units in 4 chars: at most a node per 8 chars is reserved
        assertEquals(dense.length() / 8, Document.expectedNodes(dense.toCharArray(), dense.length()));
        for (String cut : new String[] {"/* never closed", "'never closed", "x /", "a\\"}) {
            assertEquals(1024, Document.expectedNodes(cut.toCharArray(), cut.length()), cut); // no index past the end
        }
    }

    private static char[] repeat(String s, int times) { return s.repeat(times).toCharArray(); }

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
    void theUtf8SizeIsKeptExactThroughEditsThatJoinAndSplitSurrogatePairs() {
        String pair = "\uD83D\uDE00"; // 😀: 4 bytes as a pair, 3 per half alone
        String[] pieces = {"a", "é", "€", pair, "\uD83D", "\uDE00", "", "\n"};
        java.util.Random random = new java.util.Random(11);
        Document d = doc("file:///a.js", "javascript", "x = '" + pair + "é';\n", PositionEncoding.UTF16);
        for (int i = 0; i < 300; i++) {
            String t = d.text();
            int a = random.nextInt(t.length() + 1);
            int b = Math.min(t.length(), a + random.nextInt(3));
            String ins = pieces[random.nextInt(pieces.length)] + pieces[random.nextInt(pieces.length)];
            Position from = d.positionAt(a), to = d.positionAt(b);
            d.applyChanges(List.of(edit(from.getLine(), from.getCharacter(), to.getLine(), to.getCharacter(), ins)), d.version() + 1);
            String now = d.text();
            // a limit the text is over a third of, in chars: the size is counted, not bounded
            d.ensureParsed(ParseTools.current(), now.length() * 2L + 8);
            // the full count (a lone surrogate counts 3 bytes, as a client encoding it would send U+FFFD)
            assertEquals(Document.utf8Between(now.toCharArray(), 0, now.length()), d.sizeBytes(), "after edit " + i + ": " + now.chars().mapToObj(Integer::toHexString).collect(java.util.stream.Collectors.joining(" ")));
        }
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
        assertTrue(cjs.arena().log().diagnosticCount() > 0, "import is an error in a .cjs script");

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

    @Test
    void editsAreReparsedIncrementallyAndAlwaysGiveTheFullParsesTree() {
        StringBuilder sb = new StringBuilder("import { Base } from './base.js';\n");
        for (int i = 0; i < 40; i++) {
            sb.append("export function f").append(i).append("(a) {\n  const v = [a, ").append(i).append("];\n  return v.length;\n}\n")
              .append("const c").append(i).append(" = { k: ").append(i).append(" };\n");
        }
        String original = sb.toString();
        for (String uri : new String[] {"file:///w/gen.js", "file:///w/gen.ts"}) {
            Document d = doc(uri, uri.endsWith(".ts") ? "typescript" : "javascript", original, PositionEncoding.UTF16);
            d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
            java.util.Random random = new java.util.Random(7);
            String[] inserts = {" ", "x", "(", ")", "{", "}", ";", "\n", "'", "`", "/*", "// ", "let ", ""};
            int incremental = 0, rebound = 0;
            for (int round = 0; round < 400; round++) {
                if (round % 20 == 0) d.setText(original, d.version() + 1);
                int changes = 1 + (round % 5 == 0 ? random.nextInt(3) : 0); // sometimes several edits per parse
                java.util.List<TextDocumentContentChangeEvent> list = new java.util.ArrayList<>();
                String shadow = d.text();
                for (int c = 0; c < changes; c++) {
                    int lines = shadow.split("\n", -1).length;
                    int line = random.nextInt(lines);
                    String lineText = shadow.split("\n", -1)[line];
                    int col = random.nextInt(lineText.length() + 1);
                    int cut = random.nextInt(3) == 0 ? Math.min(2, lineText.length() - col) : 0;
                    String ins = inserts[random.nextInt(inserts.length)];
                    list.add(new TextDocumentContentChangeEvent(new Range(new Position(line, col), new Position(line, col + cut)), ins));
                    int off = 0;
                    for (int l = 0; l < line; l++) off = shadow.indexOf('\n', off) + 1;
                    shadow = shadow.substring(0, off + col) + ins + shadow.substring(off + col + cut);
                }
                if (round % 7 == 3) { // a client that sends whole texts
                    list.clear();
                    list.add(new TextDocumentContentChangeEvent(shadow));
                }
                d.applyChanges(list, d.version() + 1);
                assertEquals(shadow, d.text());
                d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
                if (d.lastParseWasIncremental()) incremental++;
                if (d.lastBindWasIncremental()) rebound++;
                dev.arenals.parser.tree.Arena full = new dev.arenals.parser.tree.Arena();
                new dev.arenals.parser.JsParser().parse(full, shadow, dev.arenals.parser.ParseOptions.forFileName(uri));
                dev.arenals.parser.scope.ScopeTable fullScopes = new dev.arenals.parser.scope.ScopeTable();
                new dev.arenals.parser.scope.Binder().bind(full, fullScopes);
                String where = uri + " round " + round;
                assertEquals(dev.arenals.parser.TreeDump.dump(full), dev.arenals.parser.TreeDump.dump(d.arena()), where);
                assertEquals(diagnostics(full), diagnostics(d.arena()), where);
                // the document's binder rebinds incrementally where it can: its table is still the full bind's
                assertNull(d.scopes().differenceFrom(fullScopes), where);
            }
            assertTrue(incremental > 150, uri + ": only " + incremental + " of 400 parses were incremental");
            assertTrue(rebound > incremental / 2, uri + ": only " + rebound + " of " + incremental + " incremental parses were rebound incrementally");
        }
    }

    @Test
    void aWholeTextChangeIsReparsedOnlyWhereTheTextDiffers() {
        String text = "const a = 1;\nfunction f() { return a; }\nconst b = 2;\n";
        Document d = doc("file:///w/full.js", "javascript", text, PositionEncoding.UTF16);
        d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
        String edited = text.replace("return a;", "return a + 1;");
        d.applyChanges(List.of(new TextDocumentContentChangeEvent(edited)), 2);
        d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
        assertTrue(d.lastParseWasIncremental(), "only the function's statement differs");
        dev.arenals.parser.tree.Arena full = new dev.arenals.parser.tree.Arena();
        new dev.arenals.parser.JsParser().parse(full, edited, d.options());
        assertEquals(dev.arenals.parser.TreeDump.exact(full), dev.arenals.parser.TreeDump.exact(d.arena()));
    }

    private static String diagnostics(dev.arenals.parser.tree.Arena a) {
        StringBuilder out = new StringBuilder();
        var log = a.log();
        for (int i = 0; i < log.diagnosticCount(); i++) {
            out.append(log.diagnosticStart(i)).append('-').append(log.diagnosticEnd(i)).append(' ')
               .append(dev.arenals.parser.DiagnosticMessages.message(log, i, a.names())).append('\n');
        }
        return out.toString();
    }
}
