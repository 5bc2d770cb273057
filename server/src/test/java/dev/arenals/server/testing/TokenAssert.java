package dev.arenals.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.server.document.Document;
import dev.arenals.server.features.SemanticTokensHandler;
import dev.arenals.server.query.SemanticTokenLegend;
import dev.arenals.server.workspace.CrossFileNavigator;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;

/**
 * Semantic token tests over {@link Marked} sources: the {@code [[ ]]} ranges are exactly the
 * tokens of the file, in order, and {@code expected} names each one's type and modifiers as
 * {@code type.modifier.modifier} (modifiers in legend order), e.g. {@code parameter.declaration.local}.
 */
public final class TokenAssert {
    private TokenAssert() {}

    public static void assertTokens(String file, String marked, String... expected) {
        Marked m = Marked.parse(marked);
        Document doc = NavAssert.parse(file, m);
        List<String> got = describe(doc, SemanticTokensHandler.tokens(doc, 0, Integer.MAX_VALUE));
        List<String> want = new ArrayList<>();
        for (int i = 0; i < m.ranges.size(); i++) {
            int[] r = m.ranges.get(i);
            want.add(m.text.substring(r[0], r[1]) + "@" + r[0] + " " + (i < expected.length ? expected[i] : "?"));
        }
        assertEquals(String.join("\n", want), String.join("\n", got), "tokens of " + m.text);
    }

    /** {@link #assertTokens(String, String, String...)} for a document already parsed, imported names as {@code navigator}'s files declare them. */
    public static void assertTokens(Document doc, Marked m, CrossFileNavigator navigator, String... expected) {
        List<String> got = describe(doc, SemanticTokensHandler.tokens(doc, 0, Integer.MAX_VALUE, navigator));
        List<String> want = new ArrayList<>();
        for (int i = 0; i < m.ranges.size(); i++) {
            int[] r = m.ranges.get(i);
            want.add(m.text.substring(r[0], r[1]) + "@" + r[0] + " " + (i < expected.length ? expected[i] : "?"));
        }
        assertEquals(String.join("\n", want), String.join("\n", got), "tokens of " + m.text);
    }

    /** Decodes LSP's relative encoding into "text@offset type.modifiers" lines. */
    public static List<String> describe(Document doc, int[] data) {
        List<String> out = new ArrayList<>();
        int line = 0, column = 0;
        for (int i = 0; i < data.length; i += 5) {
            if (data[i] != 0) column = 0;
            line += data[i];
            column += data[i + 1];
            int start = doc.offsetAt(new Position(line, column));
            int end = doc.offsetAt(new Position(line, column + data[i + 2]));
            out.add(doc.text().substring(start, end) + "@" + start + " " + name(data[i + 3], data[i + 4]));
        }
        return out;
    }

    public static String name(int type, int modifiers) {
        StringBuilder sb = new StringBuilder(SemanticTokenLegend.TYPES.get(type));
        for (int b = 0; b < SemanticTokenLegend.MODIFIERS.size(); b++) {
            if ((modifiers & (1 << b)) != 0) sb.append('.').append(SemanticTokenLegend.MODIFIERS.get(b));
        }
        return sb.toString();
    }
}
