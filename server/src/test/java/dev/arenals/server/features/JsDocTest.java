package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import org.junit.jupiter.api.Test;

class JsDocTest {
    @Test
    void descriptionAndTags() {
        String md = JsDoc.toMarkdown("/**\n * First line.\n *\n * Second *paragraph*.\n * @param x - the x\n * @return {number} result\n * @see other\n */");
        assertEquals("First line.\n\nSecond *paragraph*.\n\n_@param_ `x` — the x\n\n_@return_ `number` — result\n\n_@see_ — other", md);
    }

    @Test
    void singleLineAndBareTags() {
        assertEquals("_@deprecated_", JsDoc.toMarkdown("/** @deprecated */"));
        assertEquals("Short.", JsDoc.toMarkdown("/** Short. */"));
    }

    @Test
    void multiLineTagTextAndExamples() {
        String md = JsDoc.toMarkdown("/**\n * @param a first\n *   continued\n * @example\n * f(1);\n * f(2);\n */");
        assertEquals("_@param_ `a` — first\n  continued\n\n_@example_\n```typescript\nf(1);\nf(2);\n```", md);
    }

    @Test
    void inlineLinks() {
        assertEquals("see `Foo` and [docs](https://x.dev) and bar", JsDoc.inlineTags("see {@link Foo} and {@link https://x.dev docs} and {@link Foo|bar}"));
    }

    @Test
    void tagsInsideCodeFencesAreText() {
        String md = JsDoc.toMarkdown("/**\n * ```\n * @notATag\n * ```\n */");
        assertEquals("```\n@notATag\n```", md);
    }

    @Test
    void paramLookup() {
        String c = "/** @param {string} [name=\"x\"] who\n * @param other */";
        assertEquals("_@param_ `name`: `string` (default `\"x\"`) — who", JsDoc.paramMarkdown(c, "name"));
        assertEquals("_@param_ `other`", JsDoc.paramMarkdown(c, "other"));
        assertNull(JsDoc.paramMarkdown(c, "missing"));
        assertEquals("@param {string} name=\"x\" who", JsDoc.paramPlainText(c, "name"));
    }

    @Test
    void findsOnlyTheAdjacentJsDoc() {
        Document doc = Docs.parsed("/** a */ /* b */ x;\n/** c */\n\n  y;\n/**/ z;");
        assertNull(JsDoc.before(doc.arena(), doc.text().indexOf("x;")), "a block comment in between");
        assertEquals("/** c */", JsDoc.before(doc.arena(), doc.text().indexOf("y;")));
        assertNull(JsDoc.before(doc.arena(), doc.text().indexOf("z;")), "/**/ is empty, not JSDoc");
        assertNull(JsDoc.before(doc.arena(), 0));
    }
}
