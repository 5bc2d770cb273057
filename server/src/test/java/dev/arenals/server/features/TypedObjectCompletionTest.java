package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import dev.arenals.server.testing.Marked;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.junit.jupiter.api.Test;

/**
 * Between the braces of an object literal declared as a type, or of a pattern destructuring a
 * value of a known type, completion offers the type's members that are not written yet, first.
 */
class TypedObjectCompletionTest {
    private static List<String> labels(String marked) {
        Marked m = Marked.parse(marked);
        Document doc = Docs.parsed("file:///a.ts", m.text);
        List<CompletionItem> items = new ArrayList<>(new CompletionHandler().complete(doc, doc.positionAt(m.cursors.get(0)), null, false).getItems());
        items.sort((x, y) -> x.getSortText().compareTo(y.getSortText()));
        List<String> out = new ArrayList<>();
        for (CompletionItem i : items) out.add(i.getLabel());
        return out;
    }

    private static final String USER = "interface User { id: number; name: string; greet(): void }\n";

    @Test
    void anObjectLiteralDeclaredAsTheTypeOffersItsUnwrittenMembersFirst() {
        // only the members, as TypeScript lists them there (scope names where the type is unknown: below)
        assertEquals(List.of("greet", "id", "name"), labels(USER + "const u: User = { /*|*/ };"));
        assertEquals(List.of("greet", "name"), labels(USER + "const u: User = { id: 1, /*|*/ };"));
        assertEquals(List.of("name"), labels(USER + "function f(u: User) {} f({ id: 1, na/*|*/ });"));
        assertEquals(List.of("x", "y"), labels("type P = { x: number; y: number };\nconst p = { /*|*/ } satisfies P;"));
    }

    @Test
    void aPatternDestructuringAValueOfAKnownType() {
        assertEquals(List.of("greet", "id", "name"), labels(USER + "function f(u: User) { const { /*|*/ } = u; }"));
        assertEquals(List.of("greet", "name"), labels(USER + "function f({ id, /*|*/ }: User) {}"));
    }

    @Test
    void nothingTypedWhereTheTypeIsUnknown() {
        List<String> got = labels("const o = { /*|*/ };");
        assertTrue(!got.contains("id") && !got.isEmpty(), "names of the scope as before: " + got.subList(0, Math.min(5, got.size())));
        assertEquals(List.of(), labels("function f(u) { const { /*|*/ } = u; }"));
    }
}
