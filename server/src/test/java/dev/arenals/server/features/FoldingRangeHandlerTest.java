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
        // single-line constructs do not fold; nor does one whose closing brace, after code, is on its second line
        // (VS Code keeps the closing line visible: nothing would be left to hide)
        assertEquals(List.of(), folds("a.js", "function f() { return 1; }\n"));
        assertEquals(List.of(), folds("a.js", "if (a) {\n  b(); }\n"));
        // `});` after a callback stays visible, as in VS Code's TypeScript
        assertEquals(List.of("0-1"), folds("a.js", "test(() => {\n  x();\n});\n"));
    }

    @Test void classesObjectsArraysCallsAndTemplates() {
        // the method body and the array start on one line: the outer one, whose `]; }` line stays visible
        assertEquals(List.of("0-3", "1-2"), folds("a.js", "class A {\n  m() { return [\n    1,\n  ]; }\n}\n"));
        assertEquals(List.of("0-2"), folds("a.js", "const o = {\n  a: 1,\n  b: 2,\n};\n"));
        // the line of the closing parenthesis stays visible, code before it and all
        assertEquals(List.of("0-1"), folds("a.js", "call(\n  a,\n  b);\n"));
        assertEquals(List.of("0-1"), folds("a.js", "const t = `\nline\n`;\n"));
        // the parameters span lines: the function folds from its `(`, its last line visible (here: nothing left to fold)
        assertEquals(List.of(), folds("a.js", "function f(\n  a, b) {}\n"));
        assertEquals(List.of("0-1"), folds("a.js", "function f(\n  a, b) {\n}\n"));
    }

    @Test void aFunctionWhoseParametersSpanLinesFoldsFromTheParenthesis() {
        // one range for parameters and body, as TypeScript's outlining has it: folding the first line hides the whole function
        assertEquals(List.of("0-4"), folds("a.ts", "function f(\n  a: number,\n  b: string,\n): void {\n  x();\n}\n"));
        assertEquals(List.of("1-4"), folds("a.ts", "class A {\n  m(\n    a: number,\n  ) {\n    x();\n  }\n}\n").subList(1, 2));
    }

    @Test void parameterTypeParameterAndTypeArgumentListsAndNewDoNotFold() {
        assertEquals(List.of(), folds("a.ts", "type T<\n  A,\n> = A;\n"));
        assertEquals(List.of(), folds("a.ts", "declare function f(\n  a: number,\n): void;\n"));
        assertEquals(List.of(), folds("a.ts", "let x: Map<\n  string,\n  number\n>;\n"));
        assertEquals(List.of(), folds("a.js", "new A(\n  1,\n  2);\n"));
    }

    @Test void caseClausesArrowBodiesAndParentheses() {
        assertEquals(List.of("0-3", "1-3"), folds("a.js", "switch (x) {\n  case 1:\n    a();\n    break;\n}\n"));
        assertEquals(List.of("0-2"), folds("a.js", "const f = (a) =>\n  a +\n  1;\n"));
        assertEquals(List.of("0-1"), folds("a.js", "const v = (\n  a + b\n);\n"));
    }

    @Test void lineCommentsRunAcrossBlankLinesAndOneImportFoldsItsBraces() {
        assertEquals(List.of("0-2 comment"), folds("a.js", "// a\n\n// b\nx;\n"));
        assertEquals(List.of("0-2"), folds("a.mjs", "import {\n  a,\n  b,\n} from 'm';\nx;\n"));
    }

    @Test void typeScriptBodies() {
        assertEquals(List.of("0-1", "3-4", "6-7", "9-10"), folds("a.ts",
                "interface I {\n  a: number;\n}\nenum E {\n  A,\n}\nnamespace N {\n  const x = 1;\n}\nswitch (x) {\n  case 1: break;\n}\n"));
    }

    @Test void jsxElements() {
        assertEquals(List.of("0-3", "1-2"), folds("a.jsx", "const x = (\n  <div>\n    hi\n  </div>\n);\n"));
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
        // bodies the parser recovered as missing, at the end of the text
        folds("a.ts", "const f = (a,\n  b) =>");
        folds("a.ts", "function g(\n  a,\n");
        folds("a.tsx", "switch (x) {\n  case 1:\n");
        folds("a.tsx", "import {\n  a,\n");
    }
}
