package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import dev.arenals.server.testing.Marked;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Hover;
import org.junit.jupiter.api.Test;

/**
 * After a dot on a value the standard library types — a literal, a global, a parameter declared
 * {@code string} or {@code T[]} or {@code Map<K, V>}, a chain through the library's own declared
 * types — completion lists the library interface's members (its bases' too) and hover shows
 * their declarations, as TypeScript's lib files write them. Nothing where the type is the
 * project's own, or unknown.
 */
class LibraryMembersTest {
    private static List<String> labels(String file, String marked) {
        Marked m = Marked.parse(marked);
        Document doc = Docs.parsed("file:///" + file, m.text);
        List<String> out = new ArrayList<>();
        for (CompletionItem i : new CompletionHandler().complete(doc, doc.positionAt(m.cursors.get(0)), null, false).getItems()) out.add(i.getLabel());
        return out;
    }

    private static String hover(String file, String marked) {
        Marked m = Marked.parse(marked);
        Document doc = Docs.parsed("file:///" + file, m.text);
        Hover h = new HoverHandler().hover(doc, doc.positionAt(m.cursors.get(0)), false);
        return h == null ? null : h.getContents().getRight().getValue();
    }

    private static void assertOffers(String file, String marked, String... expected) {
        List<String> got = labels(file, marked);
        for (String e : expected) assertTrue(got.contains(e), e + " missing at " + marked + ": " + got.subList(0, Math.min(30, got.size())));
        assertFalse(got.contains("undefined") || got.contains("function"), "no names or keywords after a dot: " + got.subList(0, Math.min(30, got.size())));
    }

    @Test
    void literalsAndDeclaredPrimitives() {
        assertOffers("a.ts", "'abc'.|", "toUpperCase", "length", "split", "padStart", "at");
        assertOffers("a.ts", "[1, 2].|", "map", "filter", "length", "includes", "flatMap");
        assertOffers("a.ts", "function f(s: string | undefined) { s!./*|*/ }", "trim", "replaceAll");
        assertOffers("a.ts", "function f(xs: readonly number[]) { xs.| }", "map", "reduce");
        assertOffers("a.ts", "function f(n: number) { n.| }", "toFixed", "toPrecision");
        assertOffers("a.ts", "const re = /x/g; re.|", "test", "exec", "lastIndex");
        assertOffers("a.js", "let s = `t`; s.|", "startsWith");
    }

    @Test
    void globalsAndTheirChains() {
        assertOffers("a.ts", "console.|", "log", "error", "table");
        assertOffers("a.ts", "Math.|", "max", "floor", "PI");
        assertOffers("a.ts", "JSON.|", "parse", "stringify");
        assertOffers("a.ts", "Object.|", "keys", "entries", "assign");
        assertOffers("a.ts", "Promise.|", "all", "resolve", "allSettled");
        assertOffers("a.ts", "document.body.|", "appendChild", "classList", "addEventListener", "innerHTML");
        assertOffers("a.ts", "document.getElementById('x')!.|", "setAttribute", "remove");
        assertOffers("a.ts", "'a,b'.split(',').|", "join", "map");
        assertOffers("a.ts", "'a'.trim().|", "toLowerCase");
        assertOffers("a.ts", "const m = new Map<string, number>(); m.|", "get", "set", "has", "size", "forEach");
        assertOffers("a.ts", "function f(p: Promise<string>) { p.| }", "then", "catch", "finally");
        assertOffers("a.ts", "function f(xs: string[]) { xs.map(x => x.|) }", "toUpperCase");
    }

    @Test
    void notWhereTheProjectDeclaresTheTypeOrItIsUnknown() {
        assertEquals(List.of("size"), labels("a.ts", "interface Map { size: number }\nfunction f(m: Map) { m.| }"));
        assertEquals(List.of(), labels("a.ts", "function f<T>(t: T) { t.| }"));
        assertEquals(List.of(), labels("a.ts", "function f(v: string | number) { v./*|*/ }"));
        assertEquals(List.of(), labels("a.js", "function f(v) { v.| }"));
        assertEquals(List.of("x"), labels("a.ts", "const console = { x: 1 }; console.|"));
    }

    @Test
    void hoverShowsTheLibrarysDeclaration() {
        assertEquals("(method) String.toUpperCase(): string", hover("a.ts", "'a'.toUpper|Case()"));
        assertEquals("(property) Array<T>.length: number", hover("a.ts", "function f(xs: number[]) { return xs.len|gth; }"));
        assertTrue(hover("a.ts", "console.lo|g(1)").startsWith("(method) Console.log(...data: any[]): void"), hover("a.ts", "console.lo|g(1)"));
        assertNull(hover("a.ts", "function f(v: string | number) { return v.toStr/*|*/ing(); }"));
    }

    @Test
    void theCommittedListIsTheGeneratedOne() throws java.io.IOException {
        String cache = System.getenv("ARENA_LS_CACHE");
        java.nio.file.Path lib = (cache != null ? java.nio.file.Path.of(cache) : java.nio.file.Path.of(System.getProperty("user.home"), ".cache", "arena-ls"))
                .resolve("npm").resolve("typescript@6.0.3/package/lib");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(lib),
                "typescript@6.0.3 is not in the cache (test-fixtures/scripts/fetch-npm.sh fetches it)");
        String committed;
        try (java.io.InputStream in = dev.arenals.server.query.LibMembers.class.getResourceAsStream("lib-members.txt")) {
            committed = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertEquals(dev.arenals.server.query.LibMembersGenerator.generate(lib), committed,
                "regenerate server/src/main/resources/dev/arenals/server/query/lib-members.txt with LibMembersGenerator");
    }

    private static List<String> signatureLabels(String file, String marked) {
        Marked m = Marked.parse(marked);
        Document doc = Docs.parsed("file:///" + file, m.text);
        var help = new SignatureHelpHandler().signatureHelp(doc, doc.positionAt(m.cursors.get(0)), null, null);
        List<String> out = new ArrayList<>();
        if (help != null) for (var sig : help.getSignatures()) out.add(sig.getLabel() + " @" + help.getActiveParameter());
        return out;
    }

    @Test
    void signatureHelpShowsTheLibrarysOverloads() {
        assertEquals(List.of("String.padStart(maxLength: number, fillString?: string): string @1"), signatureLabels("a.ts", "'a'.padStart(4, |)"));
        assertEquals(List.of("Array<T>.map<U>(callbackfn: (value: T, index: number, array: T[]) => U, thisArg?: any): U[] @0"),
                signatureLabels("a.ts", "function f(xs: number[]) { xs.map(|) }"));
        assertTrue(signatureLabels("a.ts", "console.log(|)").get(0).startsWith("Console.log(...data: any[]): void"));
    }
}
