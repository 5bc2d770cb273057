package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.testing.InProcessServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentOnTypeFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Formatting through JSON-RPC: a source and the text TypeScript's formatter makes of it (each
 * expected text was produced by test-fixtures/format/format-oracle.mjs, except where a test says otherwise),
 * the server's edits applied.
 * A {@code |} marks where a character was typed (on-type) or, twice, the selected range.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FormattingProtocolTest {
    private final List<InProcessServer> servers = new ArrayList<>();
    private int opened;

    @AfterEach
    void stop() throws Exception {
        for (InProcessServer s : servers) s.close();
    }

    private InProcessServer server() throws Exception {
        InProcessServer s = new InProcessServer();
        servers.add(s);
        s.initialize();
        return s;
    }

    @Test
    void capabilitiesAnnounceFormatting() throws Exception {
        InProcessServer s = new InProcessServer();
        servers.add(s);
        ServerCapabilities caps = s.initialize().getCapabilities();
        assertTrue(caps.getDocumentFormattingProvider().getLeft());
        assertTrue(caps.getDocumentRangeFormattingProvider().getLeft());
        assertEquals(";", caps.getDocumentOnTypeFormattingProvider().getFirstTriggerCharacter());
        assertEquals(List.of("}", "\n"), caps.getDocumentOnTypeFormattingProvider().getMoreTriggerCharacter());
    }

    @Test
    void blocksAndElseAreIndented() throws Exception {
        assertFormats("function f(a, b) {\nif (a) {\n      return b;\n  }\n   else {\n  return a;\n}\n}\n",
                "function f(a, b) {\n    if (a) {\n        return b;\n    }\n    else {\n        return a;\n    }\n}\n");
    }

    @Test
    void aCommentBeforeAClosingBraceTakesTheInsideIndentation() throws Exception {
        assertFormats("class A {\n      m(x: number) {\n  return x;\n      }\n// comment\n  }\n",
                "class A {\n    m(x: number) {\n        return x;\n    }\n    // comment\n}\n");
    }

    @Test
    void arrayElementsAfterTheFirstLineAreIndentedFromTheBracketLine() throws Exception {
        assertFormats("const o = {\n  a: 1,\n        b: [1,\n  2],\n};\n", "const o = {\n    a: 1,\n    b: [1,\n        2],\n};\n");
    }

    @Test
    void switchCasesAreIndented() throws Exception {
        assertFormats("switch (x) {\ncase 1:\n  f();\n      break;\n  default:\n  g();\n}\n",
                "switch (x) {\n    case 1:\n        f();\n        break;\n    default:\n        g();\n}\n");
    }

    @Test
    void tabsWhenTheClientAsksForThem() throws Exception {
        InProcessServer s = server();
        String uri = open(s, "if (a) {\n  if (b) {\n    c();\n  }\n}\n");
        List<? extends TextEdit> edits = get(s.remote.getTextDocumentService().formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(4, false))));
        assertEquals("if (a) {\n\tif (b) {\n\t\tc();\n\t}\n}\n", apply("if (a) {\n  if (b) {\n    c();\n  }\n}\n", edits));
    }

    @Test
    void rangeFormattingTouchesOnlyTheSelectedLines() throws Exception {
        String source = "function f() {\n|  a();\n  b();\n|  c();\n}\n";
        int first = source.indexOf('|'), second = source.indexOf('|', first + 1) - 1;
        String text = source.replace("|", "");
        InProcessServer s = server();
        String uri = open(s, text);
        Range range = new Range(positionOf(text, first), positionOf(text, second));
        List<? extends TextEdit> edits = get(s.remote.getTextDocumentService().rangeFormatting(
                new DocumentRangeFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(4, true), range)));
        assertEquals("function f() {\n    a();\n    b();\n  c();\n}\n", apply(text, edits));
    }

    @Test
    void aSemicolonFormatsTheStatementItEnds() throws Exception {
        assertOnType("function f() {\n  a();\n     b();|\n}\n", ";", "function f() {\n  a();\n    b();\n}\n");
    }

    @Test
    void aClosingBraceFormatsTheBlockItCloses() throws Exception {
        assertOnType("x();\nif (a) {\n b();\n      c();\n   }|\n", "}", "x();\nif (a) {\n    b();\n    c();\n}\n");
    }

    /** On-type formatting reads the whole file: above the limit it answers nothing rather than stall every keystroke. */
    @Test
    void onTypeFormattingOfAHugeFileAnswersNothingButTheDocumentStillFormats() throws Exception {
        StringBuilder big = new StringBuilder("function f() {\n     b();\n}\n");
        while (big.length() <= dev.arenals.server.features.FormattingHandler.ON_TYPE_MAX_CHARS) big.append("let v").append(big.length()).append(" = 1;\n");
        String text = big.toString();
        int at = text.indexOf("b();") + 4;
        InProcessServer s = server();
        String uri = open(s, text);
        List<? extends TextEdit> edits = get(s.remote.getTextDocumentService().onTypeFormatting(
                new DocumentOnTypeFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(4, true), positionOf(text, at), ";")));
        assertEquals(List.of(), edits);
        List<? extends TextEdit> whole = get(s.remote.getTextDocumentService().formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(4, true))));
        assertEquals("function f() {\n    b();\n}\n", apply(text, whole).substring(0, "function f() {\n    b();\n}\n".length()));
    }

    @Test
    void aNewlineFormatsThePreviousLineAndKeepsTheNewLinesIndentation() throws Exception {
        assertOnType("function f() {\n      a();   \n  |\n}\n", "\n", "function f() {\n    a();\n  \n}\n");
    }

    /** Our rule, not TypeScript's (it re-indents `let y`): lines near a syntax error are not guessed at. */
    @Test
    void aStatementWithASyntaxErrorIsLeftAsWritten() throws Exception {
        assertFormats("function f() {\n  a();\n}\n\n\n\nlet x = (1 +;\n   let y = 2\n", "function f() {\n    a();\n}\n\n\n\nlet x = (1 +;\n   let y = 2\n");
    }

    @Test
    void touchingOperatorsGetTheirSpacesAsTypeScriptsFormatterGivesThem() throws Exception {
        // typescript@6.0.3's getFormattingEditsForDocument on the same text; `>=`, `>>` stay one token
        assertFormats("let a=-1; a=a+-1; let b=!a; let c=a>=1; let d=a>>1; let e=a>-1; f(a,-1); let g=a<-1; x.y=+1;\n",
                "let a = -1; a = a + -1; let b = !a; let c = a >= 1; let d = a >> 1; let e = a > -1; f(a, -1); let g = a < -1; x.y = +1;\n");
    }

    @Test
    void anElementAfterAnEqualsSignGetsItsSpace() throws Exception {
        InProcessServer s = server();
        String source = "const x=<div className=\"c\"   onClick={()=>{g()}}>{b}<span/></div>;\n";
        String uri = "file:///format-jsx.tsx";
        s.open(uri, "typescriptreact", 1, source);
        List<? extends TextEdit> edits = get(s.remote.getTextDocumentService().formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(4, true))));
        assertEquals("const x = <div className=\"c\" onClick={() => { g() }}>{b}<span /></div>;\n", apply(source, edits));
    }

    private void assertFormats(String source, String expected) throws Exception {
        InProcessServer s = server();
        String uri = open(s, source);
        List<? extends TextEdit> edits = get(s.remote.getTextDocumentService().formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(4, true))));
        assertEquals(expected, apply(source, edits));
    }

    private void assertOnType(String marked, String ch, String expected) throws Exception {
        int at = marked.indexOf('|');
        String text = marked.replace("|", "");
        InProcessServer s = server();
        String uri = open(s, text);
        List<? extends TextEdit> edits = get(s.remote.getTextDocumentService().onTypeFormatting(
                new DocumentOnTypeFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(4, true), positionOf(text, at), ch)));
        assertEquals(expected, apply(text, edits));
    }

    private String open(InProcessServer s, String text) {
        String uri = "file:///format" + (opened++) + ".ts";
        s.open(uri, "typescript", 1, text);
        return uri;
    }

    static Position positionOf(String text, int offset) {
        int line = 0, col = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') { line++; col = 0; } else col++;
        }
        return new Position(line, col);
    }

    static int offsetOf(String text, Position p) {
        int line = 0, i = 0;
        while (line < p.getLine() && i < text.length()) { if (text.charAt(i++) == '\n') line++; }
        return i + p.getCharacter();
    }

    /** Applies LSP edits (non-overlapping, any order) to the text. */
    static String apply(String text, List<? extends TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort((a, b) -> Integer.compare(offsetOf(text, b.getRange().getStart()), offsetOf(text, a.getRange().getStart())));
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : sorted) sb.replace(offsetOf(text, e.getRange().getStart()), offsetOf(text, e.getRange().getEnd()), e.getNewText());
        return sb.toString();
    }
}
