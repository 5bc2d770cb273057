package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import dev.arenals.server.testing.Marked;
import dev.arenals.server.testing.NavAssert;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SelectionRange;
import org.junit.jupiter.api.Test;

/** Selection ranges: the {@code [[ ]]} ranges (nested) are the chain at the cursor, innermost first; the whole file ends it. */
class SelectionRangeHandlerTest {
    private static void assertSelection(String file, String marked) {
        Marked m = Marked.parse(marked);
        Document doc = NavAssert.parse(file, m);
        List<SelectionRange> found = new SelectionRangeHandler().selectionRanges(doc, List.of(doc.positionAt(m.cursors.get(0))));
        assertEquals(1, found.size());
        List<String> got = new ArrayList<>();
        for (SelectionRange r = found.get(0); r != null; r = r.getParent()) {
            int[] s = NavAssert.span(doc, r.getRange());
            got.add(m.text.substring(s[0], s[1]));
        }
        List<int[]> expected = new ArrayList<>(m.ranges);
        expected.sort((a, b) -> Integer.compare(a[1] - a[0], b[1] - b[0]));
        List<String> want = new ArrayList<>();
        for (int[] r : expected) want.add(m.text.substring(r[0], r[1]));
        if (want.isEmpty() || !want.get(want.size() - 1).equals(m.text)) want.add(m.text);
        assertEquals(want, got, "selection at the cursor in " + m.text);
    }

    @Test void fromANameOutToTheFile() {
        // a body on one line is no step of its own (TypeScript selects a block's braces only for a function body spanning lines)
        assertSelection("a.js", "[[function f(x) { [[return [[[[a|b]] + 1]];]] }]]");
    }

    @Test void argumentListsWithoutParentheses() {
        assertSelection("a.js", "[[[[f([[a, [[b|c]]]])]];]]");
    }

    @Test void listsBetweenBracketsOnDifferentLinesTakeTheLineBreaks() {
        assertSelection("a.js", "[[[[f([[\n  a,\n  [[b|c]]\n]])]];]]");
        assertSelection("a.ts", "[[function f() [[{[[\n  [[return [[x|]];]]\n]]}]]]]");
    }

    @Test void aDeclarationWithItsDocCommentAndWithoutExport() {
        // `type T = …` alone is no step: TypeScript's declaration carries `export` as a modifier
        assertSelection("a.ts", "[[/** doc */\n[[export type T = [[{ [[[[a|]]: string;]] }]];]]]]");
    }

    @Test void switchCasesAndTheirBraces() {
        assertSelection("a.js", "[[switch (x) [[{ [[case 1: [[[[[[f|]]()]];]]]] }]]]]");
        assertSelection("a.js", "[[switch (x) [[{[[\n  [[case 1: [[[[[[f|]]()]];]]]]\n  case 2: g();\n]]}]]]]");
    }

    @Test void templateContentsComputedKeysAndImports() {
        assertSelection("a.js", "[[[[x = [[`[[a [[${[[b|]]}]] c]]`]]]];]]");
        assertSelection("a.ts", "[[[[import [[type [[{ [[a|c]], b }]]]] from 'm';]]\nimport c from 'n';]]\nf();");
    }

    @Test void aComputedKeyWithItsBrackets() {
        // spelled out: a `]` before the closing marker would read as the marker
        String text = "type T = { [k]: number; };";
        Document doc = Docs.parsed("file:///a.ts", text);
        List<String> got = new ArrayList<>();
        for (SelectionRange r = new SelectionRangeHandler().selectionRanges(doc, List.of(doc.positionAt(text.indexOf('k')))).get(0);
                r != null; r = r.getParent()) {
            int[] s = NavAssert.span(doc, r.getRange());
            got.add(text.substring(s[0], s[1]));
        }
        assertEquals(List.of("k", "[k]", "[k]: number;", "{ [k]: number; }", text), got);
    }

    @Test void theOnlyDeclaratorIsNoStepOfItsOwn() {
        assertSelection("a.js", "[[const a = [[[[b|]] + 1]];]]");
        assertSelection("a.js", "[[let [[a = [[[[b|]] + 1]]]], c;]]");
    }

    @Test void stringContentsWithoutQuotes() {
        assertSelection("a.js", "[[[[x = [['[[hel|lo]]']]]];]]");
    }

    @Test void templateTextAndSpans() {
        assertSelection("a.js", "[[[[`[[a[[${[[v|]]}]]b]]`]];]]");
        assertSelection("a.js", "[[[[`[[[[a|b]]${v}c]]`]];]]");
    }

    @Test void classMembersAndBlocks() {
        assertSelection("a.js", "[[class A { [[m() { [[[[t|his]];]] }]] }]]");
    }

    @Test void brokenSourceGivesAChainEverywhere() {
        for (String text : new String[] {"import { a, ", "class A { [k", "switch (x) {\n case", "/** d */\nexport type T = {", "f(`a${", "const x = [\n"}) {
            Document doc = Docs.parsed("file:///b.ts", text);
            for (int offset = 0; offset <= text.length(); offset++) {
                List<SelectionRange> found = new SelectionRangeHandler().selectionRanges(doc, List.of(doc.positionAt(offset)));
                assertEquals(1, found.size(), text + " at " + offset);
            }
        }
    }

    @Test void positionsOutsideTheDocumentGiveAnEmptyAnswer() {
        Document doc = Docs.parsed("file:///a.js", "let a = 1;\n");
        assertTrue(new SelectionRangeHandler().selectionRanges(doc, List.of(new Position(0, 1), new Position(9, 0))).isEmpty());
        assertEquals(2, new SelectionRangeHandler().selectionRanges(doc, List.of(new Position(0, 1), new Position(1, 0))).size());
    }
}
