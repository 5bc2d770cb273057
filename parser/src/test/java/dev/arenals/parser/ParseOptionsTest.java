package dev.arenals.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.ParseOptions.Goal;
import org.junit.jupiter.api.Test;

/** The one "file name / languageId → language, goal, declaration" rule. */
class ParseOptionsTest {
    private static String describe(String name, String languageId) {
        return ParseOptions.forFileName(name, languageId).toString();
    }

    @Test
    void everyExtension() {
        assertEquals("JAVASCRIPT/AUTO", describe("a.js", null));
        assertEquals("JAVASCRIPT/MODULE", describe("a.mjs", null));
        assertEquals("JAVASCRIPT/SCRIPT", describe("a.cjs", null));
        assertEquals("JSX/AUTO", describe("a.jsx", null));
        assertEquals("TYPESCRIPT/AUTO", describe("a.ts", null));
        assertEquals("TYPESCRIPT/MODULE", describe("a.mts", null));
        assertEquals("TYPESCRIPT/MODULE", describe("a.cts", null)); // a module by its extension, as for TypeScript
        assertEquals("TSX/AUTO", describe("a.tsx", null));
        assertEquals("TYPESCRIPT/AUTO/declaration", describe("a.d.ts", null));
        assertEquals("TYPESCRIPT/MODULE/declaration", describe("a.d.mts", null));
        assertEquals("TYPESCRIPT/MODULE/declaration", describe("a.d.cts", null));
        assertEquals("JAVASCRIPT/AUTO", describe("Makefile", null));
        assertEquals("TSX/AUTO", describe("A.TSX", null), "case is ignored");
    }

    @Test
    void arbitraryExtensionDeclarationFiles() {
        assertTrue(ParseOptions.forFileName("styles.d.css.ts").isDeclaration());
        assertTrue(ParseOptions.forFileName("data.d.json.ts").isDeclaration());
        assertTrue(ParseOptions.forFileName("file:///w/src/styles.d.css.ts").isDeclaration());
        assertFalse(ParseOptions.forFileName("styles.d.css.tsx").isDeclaration());
        assertFalse(ParseOptions.forFileName("my.d.dir/app.ts").isDeclaration(), "only the last segment counts");
        assertFalse(ParseOptions.forFileName("C:\\my.d.dir\\app.ts").isDeclaration());
        assertFalse(ParseOptions.forFileName("a.d.js").isDeclaration());
    }

    @Test
    void urisLoseTheirQueryFragmentAndEscapes() {
        assertEquals("JSX/AUTO", describe("file:///x.jsx?query#frag", null));
        assertEquals("TYPESCRIPT/MODULE", describe("untitled:x.mts", null));
        assertEquals("JAVASCRIPT/AUTO", describe("file:///dir.ts/file", null));
        assertEquals("TYPESCRIPT/AUTO/declaration", describe("file:///w/a%2Ed.ts", null));
        assertEquals("TYPESCRIPT/AUTO", describe("file:///w/my%20file.ts", null));
    }

    @Test
    void aKnownLanguageIdDecidesTheLanguageAndTheNameTheRest() {
        assertEquals("TYPESCRIPT/AUTO", describe("file:///x.js", "typescript"));
        assertEquals("TSX/AUTO", describe("untitled:Untitled-1", "typescriptreact"));
        assertEquals("JSX/MODULE", describe("file:///x.mjs", "javascriptreact"));
        assertEquals("JAVASCRIPT/AUTO", describe("file:///x.d.ts", "javascript"), "a declaration file must be TypeScript");
        assertEquals("JSX/AUTO", describe("file:///x.jsx", "plaintext"), "an unknown id: the extension decides");
        assertEquals("TYPESCRIPT/MODULE", describe("untitled:x.mts", ""));
        assertEquals(Goal.AUTO, ParseOptions.forFileName(null, null).goal());
    }

    @Test
    void languageIdsRoundTrip() {
        for (Language l : Language.values()) assertEquals(l, Language.ofLanguageId(l.languageId()));
        assertEquals(Language.JSX, Language.ofLanguageId("JSX"));
        assertEquals(null, Language.ofLanguageId("python"));
    }
}
