package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.FoldingRange;
import org.junit.jupiter.api.Test;

/** Folding ranges as "startLine-endLine kind" (lines 0-based; kind omitted for brackets). */
class FoldingRangeHandlerTest {
    private static List<String> folds(String file, String text, boolean lineFoldingOnly, int limit) {
        Document doc = Docs.parsed("file:///" + file, text);
        List<String> out = new ArrayList<>();
        for (FoldingRange r : new FoldingRangeHandler().foldingRanges(doc, lineFoldingOnly, limit)) {
            String s = r.getStartLine() + "-" + r.getEndLine();
            if (r.getKind() != null) s += " " + r.getKind();
            if (!lineFoldingOnly && r.getStartCharacter() != null) s += " @" + r.getStartCharacter() + (r.getEndCharacter() != null ? ":" + r.getEndCharacter() : "");
            out.add(s);
        }
        return out;
    }

    private static List<String> folds(String file, String text) { return folds(file, text, true, 0); }

    @Test void blocksAndBodiesKeepTheirClosingLineVisible() {
        assertEquals(List.of("0-3", "1-2"), folds("a.js", "function f() {\n  if (x) {\n    y();\n  }\n}\n"));
        // single-line constructs do not fold; a closing brace after code folds through its line
        assertEquals(List.of(), folds("a.js", "function f() { return 1; }\n"));
        assertEquals(List.of("0-1"), folds("a.js", "if (a) {\n  b(); }\n"));
    }

    @Test void classesObjectsArraysCallsAndTemplates() {
        // the method body and the array start on one line: the outer one, which ends after `]; }`
        assertEquals(List.of("0-3", "1-3"), folds("a.js", "class A {\n  m() { return [\n    1,\n  ]; }\n}\n"));
        assertEquals(List.of("0-2"), folds("a.js", "const o = {\n  a: 1,\n  b: 2,\n};\n"));
        assertEquals(List.of("0-2"), folds("a.js", "call(\n  a,\n  b);\n"));
        assertEquals(List.of("0-1"), folds("a.js", "const t = `\nline\n`;\n"));
        assertEquals(List.of("0-1"), folds("a.js", "function f(\n  a, b) {}\n"));
    }

    @Test void typeScriptBodies() {
        assertEquals(List.of("0-1", "3-4", "6-7", "9-10"), folds("a.ts",
                "interface I {\n  a: number;\n}\nenum E {\n  A,\n}\nnamespace N {\n  const x = 1;\n}\nswitch (x) {\n  case 1: break;\n}\n"));
    }

    @Test void jsxElements() {
        assertEquals(List.of("1-2"), folds("a.jsx", "const x = (\n  <div>\n    hi\n  </div>\n);\n"));
    }

    @Test void commentsImportsAndRegions() {
        String text = "import a from 'a';\nimport b from 'b';\n/**\n * doc\n */\n// one\n// two\n// #region setup\nlet x;\n// #endregion\n";
        assertEquals(List.of("0-1 imports", "2-4 comment", "5-6 comment", "7-9 region"), folds("a.mjs", text));
    }

    @Test void characterRangesForClientsThatTakeThem() {
        assertEquals(List.of("0-2 @14:0"), folds("a.js", "function f() {\n  x();\n}\n", false, 0));
    }

    @Test void rangeLimitKeepsTheFirstRanges() {
        String text = "{\n}\n{\n}\n{\n}\n".replace("{\n}", "{\n x;\n}");
        assertEquals(3, folds("a.js", text).size());
        assertEquals(List.of("0-1", "3-4"), folds("a.js", text, true, 2));
    }

    @Test void unknownDocumentsAndBrokenSourceGiveNoException() {
        assertEquals(List.of(), new FoldingRangeHandler().foldingRanges(Docs.parsed("file:///e.js", ""), true, 0));
        folds("a.ts", "function f( {\n  class { [\n");
        folds("a.js", "// #endregion\n// #region\n");
    }
}
