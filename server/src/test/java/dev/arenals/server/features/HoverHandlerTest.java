package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import dev.arenals.server.testing.Marked;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Test;

class HoverHandlerTest {
    private static final String SOURCE = String.join("\n",
            "/**",
            " * Parses a source.",
            " * @param {string} src the source text",
            " * @param {Options} [opts={}] - options",
            " * @returns {Tree} the tree",
            " * @deprecated use {@link parse2}",
            " */",
            "export async function parse(src, opts = {}, ...rest) {",
            "  const limit = 10;",
            "  return limit + src.length + rest.length;",
            "}",
            "/** The default config. */",
            "export const config = {",
            "  port: 80,",
            "};",
            "import def, { a as b, c } from \"./y\";",
            "import * as ns from './z';",
            "let [p, { q }] = arr;",
            "class Lexer extends Base {",
            "  constructor(text) { super(); }",
            "}",
            "const add = (x, y) => x + y;",
            "try { var t = 1; } catch (err) { err; }",
            "// not JSDoc",
            "function plain() {}",
            "/** detached */",
            "",
            "function separated() {}",
            "parse(config, def, b, c, ns, p, q, t, Lexer, add, plain, separated, undeclared, config.port);",
            "");

    private final Document doc = Docs.parsed("file:///hover.mjs", SOURCE);
    private final HoverHandler handler = new HoverHandler();

    /** The hover text on the last line's {@code word}. */
    private String hover(String word) {
        Hover h = hoverAt(word);
        return h == null ? null : h.getContents().getRight().getValue();
    }

    private Hover hoverAt(String word) {
        int line = SOURCE.split("\n").length - 1;
        String last = SOURCE.split("\n")[line];
        int col = indexOfWord(last, word);
        return handler.hover(doc, new Position(line, col), true);
    }

    private static int indexOfWord(String line, String word) {
        int i = -1;
        while ((i = line.indexOf(word, i + 1)) >= 0) {
            boolean startOk = i == 0 || !Character.isJavaIdentifierPart(line.charAt(i - 1));
            boolean endOk = i + word.length() >= line.length() || !Character.isJavaIdentifierPart(line.charAt(i + word.length()));
            if (startOk && endOk) return i;
        }
        throw new AssertionError(word + " not in " + line);
    }

    private static String code(String s) { return "```typescript\n" + s + "\n```"; }

    @Test
    void functionShowsItsSignatureAndRenderedJsDoc() {
        String h = hover("parse");
        assertEquals(code("async function parse(src, opts = {}, ...rest)") + "\n\n"
                + "Parses a source.\n\n"
                + "_@param_ `src`: `string` — the source text\n\n"
                + "_@param_ `opts`: `Options` (default `{}`) — options\n\n"
                + "_@returns_ `Tree` — the tree\n\n"
                + "_@deprecated_ — use `parse2`", h);
    }

    @Test
    void variablesShowTheirFirstLine() {
        assertEquals(code("const config = { …") + "\n\nThe default config.", hover("config"));
        assertEquals(code("const add = (x, y) => x + y"), hover("add"));
        assertEquals(code("var t = 1"), hover("t"));
        assertEquals(code("let p"), hover("p"), "destructured");
        assertEquals(code("let q"), hover("q"), "destructured");
    }

    @Test
    void importsShowTheirDeclaration() {
        assertEquals(code("import def from \"./y\""), hover("def"));
        assertEquals(code("import { a as b } from \"./y\""), hover("b"));
        assertEquals(code("import { c } from \"./y\""), hover("c"));
        assertEquals(code("import * as ns from './z'"), hover("ns"));
    }

    @Test
    void classesShowTheirHead() {
        assertEquals(code("class Lexer extends Base"), hover("Lexer"));
    }

    @Test
    void parametersShowTheirParamTag() {
        Hover src = handler.hover(doc, Docs.at(doc, "src.length", 0, 0), true);
        assertEquals(code("(parameter) src") + "\n\n_@param_ `src`: `string` — the source text", src.getContents().getRight().getValue());
        Hover opts = handler.hover(doc, Docs.at(doc, "opts =", 0, 1), true);
        assertTrue(opts.getContents().getRight().getValue().startsWith(code("(parameter) opts = {}")));
        Hover rest = handler.hover(doc, Docs.at(doc, "rest.length", 0, 0), true);
        assertEquals(code("(parameter) ...rest"), rest.getContents().getRight().getValue());
        Hover text = handler.hover(doc, Docs.at(doc, "text)", 0, 0), true);
        assertEquals(code("(parameter) text"), text.getContents().getRight().getValue());
        Hover err = handler.hover(doc, Docs.at(doc, "err;", 0, 0), true);
        assertEquals(code("(catch parameter) err"), err.getContents().getRight().getValue());
        Hover limit = handler.hover(doc, Docs.at(doc, "limit +", 0, 0), true);
        assertEquals(code("const limit = 10"), limit.getContents().getRight().getValue());
    }

    @Test
    void onlyAJsDocRightBeforeTheDeclarationCounts() {
        assertEquals(code("function plain()"), hover("plain"), "a line comment is not JSDoc");
        assertEquals(code("function separated()") + "\n\ndetached", hover("separated"),
                "blank lines between are only whitespace: TypeScript attaches it too");
    }

    @Test
    void nothingToShowGivesNull() {
        assertNull(hover("undeclared"), "implicit global");
        assertNull(handler.hover(doc, Docs.at(doc, "length", 0, 0), true), "a property of an object nothing declares here");
        assertNull(handler.hover(doc, new Position(0, 1), true), "inside a comment");
        assertNull(handler.hover(doc, new Position(10_000, 0), true), "past the last line");
        assertNull(handler.hover(doc, new Position(-1, 0), true), "negative line");
    }

    @Test
    void anEnumMemberShowsItsValueAsTypeScriptComputesIt() {
        assertMemberHover("enum Flag { None = 0, A = 1 << 0, B = 1 << 1, AB = A | B, Neg = ~AB }\nFlag./*|*/AB;", "(enum member) Flag.AB = 3", null);
        assertMemberHover("enum Flag { None = 0, A = 1 << 0, B = 1 << 1, AB = A | B, Neg = ~AB }\nFlag./*|*/Neg;", "(enum member) Flag.Neg = -4", null);
        assertMemberHover("enum Dir { Up = \"UP\", Down = `DO${\"WN\"}`, Both = Up + \"/\" + Dir.Down }\nDir.|Both;", "(enum member) Dir.Both = \"UP/DOWN\"", null);
        assertMemberHover("enum E { A = 2 ** 31 >>> 0, B = -1 >>> 28 }\nE.|B;", "(enum member) E.B = 15", null);
        // a value from elsewhere is not known here: the declaration as written
        assertMemberHover("const base = 10;\nenum E { A = base, B }\nE.|B;", "B", null);
    }

    @Test
    void membersThatDefinitionFindsShowTheirDeclaration() {
        assertEquals("```typescript\nport: 80\n```", hover("port"));
        assertMemberHover("class A {\n  /** Doubles. */\n  twice(n: number): number { return n * 2; }\n  run() { return this.tw|ice(1); }\n}",
                "twice(n: number): number", "Doubles.");
        assertMemberHover("class A { private count = 0; bump() { this.cou|nt++; } }", "private count = 0", null);
        assertMemberHover("enum E { A = 1, B }\nE.|B;", "(enum member) E.B = 2", null);
        assertMemberHover("namespace G {\n  /** Distance. */\n  export function dist(a: number) { return a; }\n}\nG.di|st(1);",
                "function dist(a: number)", "Distance.");
        assertMemberHover("const o = { alpha: 1, beta() { return 2; } };\no.be|ta();", "beta()", null);
        assertMemberHover("class A {\n  /** Base. */\n  m(x: number) {}\n}\nclass B extends A { n() { this.|m(1); } }", "m(x: number)", "Base.");
    }

    /** Hover at the {@code |} of a TypeScript source shows {@code code} in its block, then {@code docs}. */
    private static void assertMemberHover(String marked, String code, String docs) {
        Marked m = Marked.parse(marked);
        Document d = Docs.parsed("file:///member.ts", m.text);
        Hover h = new HoverHandler().hover(d, d.positionAt(m.cursors.get(0)), true);
        String expected = "```typescript\n" + code + "\n```" + (docs == null ? "" : "\n\n" + docs);
        assertEquals(expected, h == null ? null : h.getContents().getRight().getValue(), m.text);
    }

    @Test
    void theRangeIsTheIdentifier() {
        Hover h = hoverAt("Lexer");
        assertEquals(h.getRange().getStart().getLine(), h.getRange().getEnd().getLine());
        assertEquals(5, h.getRange().getEnd().getCharacter() - h.getRange().getStart().getCharacter());
    }

    @Test
    void plainTextForClientsWithoutMarkdown() {
        Hover h = handler.hover(doc, Docs.at(doc, "config,", 0, 0), false);
        assertEquals("plaintext", h.getContents().getRight().getKind());
        assertEquals("const config = { …\n\nThe default config.", h.getContents().getRight().getValue());
    }
}
