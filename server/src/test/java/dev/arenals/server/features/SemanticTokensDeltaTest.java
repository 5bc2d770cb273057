package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.document.Document;
import dev.arenals.server.document.ParseTools;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.document.SerialQueue;
import dev.arenals.server.query.IntList;
import dev.arenals.server.testing.TokenAssert;
import java.util.List;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensDelta;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

/**
 * {@code full/delta} after one edit: the source has a {@code |} where {@code typed} replaces the
 * next {@code deleted} chars; the previous tokens with the delta applied must equal a fresh
 * {@code full} of the new text, and the delta must have recomputed only the rewritten statements
 * ({@code SPLICED}) or, where the edit changes what other statements' names mean, everything.
 */
class SemanticTokensDeltaTest {
    private static final boolean SPLICED = true, RECOMPUTED = false;

    @Test void typingInAFunctionBody() {
        assertDelta("a.js", "const k = 1;\nfunction f(a) { return a|; }\nf(k);\n", "+ k", 0, SPLICED);
    }

    @Test void aNewStatementThatOnlyUsesNames() {
        assertDelta("a.js", "let a = 1;\n|\nfunction g() { return a; }\n", "a + b;", 0, SPLICED);
    }

    @Test void theFirstAndTheLastStatement() {
        assertDelta("a.js", "|foo(1);\nconst x = 2;\nx;\n", "x", 0, SPLICED);
        assertDelta("a.js", "const x = 2;\nx;\nfoo(x|);\n", ", x", 0, SPLICED);
    }

    @Test void statementsAfterTheEditOnTheSameLineMove() {
        assertDelta("a.js", "let a, b; f(a|); b; a; b;", " + b", 0, SPLICED);
        assertDelta("a.js", "let a, b; f(|a); b; a; b;", "", 1, SPLICED); // a token deleted
    }

    @Test void lineBreaksTypedMoveTheLinesAfter() {
        assertDelta("a.js", "function f(p) {\n  return p|;\n}\nf(1);\nclass C { m() { f(2); } }\n", " +\n\n  p", 0, SPLICED);
    }

    @Test void utf8ColumnsOnTheEditedLine() {
        assertDelta("a.js", "const é = 1; é|; é; é;", " + é", 0, SPLICED, PositionEncoding.UTF8);
        assertDelta("a.js", "const 𝒳 = 1; 𝒳|; 𝒳;", " + 𝒳", 0, SPLICED, PositionEncoding.UTF8);
    }

    @Test void aDeclarationOthersUseChangesTheirTokens() {
        // f was an implicit global elsewhere, and becomes a function
        assertDelta("a.js", "f();\n|\nclass C { m() { return f; } }\n", "function f() {}", 0, RECOMPUTED);
        // const to let: the uses elsewhere lose readonly
        assertDelta("a.js", "|const a = 1;\nfunction g() { return a; }\n", "let", 5, RECOMPUTED);
        // a function made async: its uses are async functions
        assertDelta("a.ts", "|function h() {}\nh();\n", "async ", 0, RECOMPUTED);
    }

    @Test void aDeclarationNoOneElseSeesChangesNothingElse() {
        assertDelta("a.js", "function f() { let q|; }\nq;\n", " = 1", 0, SPLICED);
        assertDelta("a.ts", "const a = 1;\nfunction g() { return a; }\nnamespace N { const |a = 2; }\n", "_", 0, SPLICED);
    }

    @Test void aDeprecatedCommentTypedBeforeTheNextStatement() {
        // the comment lies between two statements: the one before is reparsed, the one after is deprecated
        assertDelta("a.ts", "a();\n|function f() {}\nf();\n", "/** @deprecated use g */\n", 0, RECOMPUTED);
        assertDelta("a.ts", "a();\n/** @deprecated use g */\n|function f() {}\nf();\n", "", 0, SPLICED);
    }

    @Test void noChangeIsNoEdit() {
        Document doc = document("a.js", "let a = 1; a;", PositionEncoding.UTF16);
        SemanticTokensHandler handler = new SemanticTokensHandler();
        SemanticTokensHistory history = new SemanticTokensHistory();
        String id = handler.full(doc, history).getResultId();
        SemanticTokensDelta delta = handler.delta(doc, id, history).getRight();
        assertEquals(List.of(), delta.getEdits());
        // an unknown previous id: the whole array
        assertTrue(handler.delta(doc, "no such id", history).isLeft());
    }

    private static void assertDelta(String file, String marked, String typed, int deleted, boolean spliced) {
        assertDelta(file, marked, typed, deleted, spliced, PositionEncoding.UTF16);
    }

    private static void assertDelta(String file, String marked, String typed, int deleted, boolean spliced, PositionEncoding encoding) {
        int at = marked.indexOf('|');
        String text = marked.substring(0, at) + marked.substring(at + 1);
        Document doc = document(file, text, encoding);
        SemanticTokensHandler handler = new SemanticTokensHandler();
        SemanticTokensHistory history = new SemanticTokensHistory();
        var first = handler.full(doc, history);
        int[] client = IntList.toArray(first.getData());
        Range range = new Range(doc.positionAt(at), doc.positionAt(at + deleted));
        doc.applyChanges(List.of(new TextDocumentContentChangeEvent(range, typed)), doc.version() + 1);
        doc.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
        assertTrue(doc.lastParseWasIncremental(), "the edit is reparsed incrementally");
        var answer = handler.delta(doc, first.getResultId(), history);
        assertTrue(answer.isRight());
        client = SemanticTokenEdits.apply(client, answer.getRight().getEdits());
        Document fresh = document(file, doc.text(), encoding);
        int[] expected = SemanticTokensHandler.tokens(fresh, 0, Integer.MAX_VALUE);
        assertEquals(String.join("\n", TokenAssert.describe(fresh, expected)), String.join("\n", TokenAssert.describe(fresh, client)),
                "tokens of " + doc.text());
        assertEquals(List.of(expected.length), List.of(client.length));
        assertEquals(spliced, history.lastDeltaSpliced(doc.uri()), spliced ? "only the edited statements recomputed" : "every token recomputed");
        // and the next delta starts from what this one left
        String id = answer.getRight().getResultId();
        doc.applyChanges(List.of(new TextDocumentContentChangeEvent(new Range(doc.positionAt(0), doc.positionAt(0)), " ")), doc.version() + 1);
        doc.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
        client = SemanticTokenEdits.apply(client, handler.delta(doc, id, history).getRight().getEdits());
        assertEquals(TokenAssert.describe(doc, SemanticTokensHandler.tokens(document(file, doc.text(), encoding), 0, Integer.MAX_VALUE)),
                TokenAssert.describe(doc, client), "after a second edit");
    }

    private static Document document(String file, String text, PositionEncoding encoding) {
        Document doc = new Document("file:///" + file, null, 1, text, encoding,
                new SerialQueue(Runnable::run, null, t -> { throw new AssertionError(t); }));
        doc.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
        return doc;
    }
}
