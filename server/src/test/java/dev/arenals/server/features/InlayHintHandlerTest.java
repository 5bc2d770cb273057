package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.server.document.Document;
import dev.arenals.server.protocol.ServerSettings.ParameterNameHints;
import dev.arenals.server.testing.Docs;
import java.util.List;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

/** Inlay hints rendered into the source: each hint's label is inserted, with its padding space, where it shows. */
class InlayHintHandlerTest {
    static String withHints(String file, String text, ParameterNameHints mode, Range range) {
        Document doc = Docs.parsed("file:///" + file, text);
        Range r = range != null ? range : new Range(new Position(0, 0), doc.positionAt(text.length()));
        List<InlayHint> hints = new InlayHintHandler().inlayHints(doc, r, mode, null, null);
        StringBuilder sb = new StringBuilder(text);
        for (int i = hints.size() - 1; i >= 0; i--) {
            InlayHint h = hints.get(i);
            assertEquals(InlayHintKind.Parameter, h.getKind());
            sb.insert(doc.offsetAt(h.getPosition()), h.getLabel().getLeft() + " ");
        }
        return sb.toString();
    }

    private static final String F = "function f(count, name, ...rest) {}\n";

    @Test
    void literalsByDefault() {
        assertEquals(F + "f(count: 3, name: 'x', ...rest: 1, 2);", withHints("a.js", F + "f(3, 'x', 1, 2);", ParameterNameHints.LITERALS, null));
        assertEquals(F + "f(count: -1, name: `t`, ...rest: null);", withHints("a.js", F + "f(-1, `t`, null);", ParameterNameHints.LITERALS, null));
        assertEquals(F + "f(a + 1, name: true);", withHints("a.js", F + "f(a + 1, true);", ParameterNameHints.LITERALS, null));
    }

    @Test
    void notWhenTheArgumentSaysTheName() {
        assertEquals(F + "f(count, userName, ...rest: x);", withHints("a.js", F + "f(count, userName, x);", ParameterNameHints.ALL, null));
        assertEquals(F + "f(this.count, name: o.title);", withHints("a.js", F + "f(this.count, o.title);", ParameterNameHints.ALL, null));
    }

    @Test
    void settingsRangesAndUnknownCallees() {
        assertEquals(F + "f(3, 'x');", withHints("a.js", F + "f(3, 'x');", ParameterNameHints.NONE, null));
        assertEquals(F + "f(...xs, 3); unknown(1); new Map(2);", withHints("a.js", F + "f(...xs, 3); unknown(1); new Map(2);", ParameterNameHints.ALL, null));
        String text = F + "f(1);\nf(2);\nf(3);\n";
        Range middle = new Range(new Position(2, 0), new Position(2, 5));
        assertEquals(F + "f(1);\nf(count: 2);\nf(3);\n", withHints("a.js", text, ParameterNameHints.LITERALS, middle));
        // destructured parameters have no name to show; methods and classes resolve as for signature help
        assertEquals("function g({ a }, b) {}\ng({}, b: 2);", withHints("a.js", "function g({ a }, b) {}\ng({}, 2);", ParameterNameHints.ALL, null));
        assertEquals("class C { constructor(size) {} }\nnew C(size: 4);", withHints("a.js", "class C { constructor(size) {} }\nnew C(4);", ParameterNameHints.LITERALS, null));
    }

    /** Enum member values (the setting on): after each member written without an initializer, where its value is known. */
    static String withEnumHints(String text) {
        Document doc = Docs.parsed("file:///a.ts", text);
        Range r = new Range(new Position(0, 0), doc.positionAt(text.length()));
        List<InlayHint> hints = new InlayHintHandler().inlayHints(doc, r, ParameterNameHints.NONE, true, null, null);
        StringBuilder sb = new StringBuilder(text);
        for (int i = hints.size() - 1; i >= 0; i--) {
            InlayHint h = hints.get(i);
            assertEquals(Boolean.TRUE, h.getPaddingLeft());
            sb.insert(doc.offsetAt(h.getPosition()), " " + h.getLabel().getLeft());
        }
        return sb.toString();
    }

    @Test
    void enumMemberValuesWhereNotWritten() {
        assertEquals("enum Dir { Up = 0, Down = 1, Left = 10, Right = 11 }", withEnumHints("enum Dir { Up, Down, Left = 10, Right }"));
        assertEquals("enum F { A = 1 << 0, B = 1 << 1, AB = A | B, C = 4 }", withEnumHints("enum F { A = 1 << 0, B = 1 << 1, AB = A | B, C }"));
        // after a value that is not known here, the ones counting on it are not known either; strings are not counted on
        assertEquals("declare const k: number;\nenum E { A = k, B, C = \"c\" }", withEnumHints("declare const k: number;\nenum E { A = k, B, C = \"c\" }"));
        assertEquals("enum P {}", withEnumHints("enum P {}"));
        // the setting off: nothing
        Document doc = Docs.parsed("file:///a.ts", "enum Dir { Up }");
        assertEquals(List.of(), new InlayHintHandler().inlayHints(doc, new Range(new Position(0, 0), new Position(0, 15)), ParameterNameHints.NONE, false, null, null));
    }
}
