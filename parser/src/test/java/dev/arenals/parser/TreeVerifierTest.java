package dev.arenals.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.parser.tree.TreeVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tree verifier accepts parsed trees and finds each kind of break in hand-built ones. */
class TreeVerifierTest {

    /** PROGRAM [0, text.length) over children of {@code kind} with the given [start, end) spans. */
    private static Arena flat(String text, int kind, int... spans) {
        Arena a = new Arena();
        a.reset();
        a.loadSource(text);
        int m = a.mark();
        for (int i = 0; i < spans.length; i += 2) a.finish(kind, a.mark(), spans[i], spans[i + 1], 0);
        a.finish(NodeKind.PROGRAM, m, 0, text.length(), 0);
        return a;
    }

    private static String first(Arena a) {
        TreeVerifier.Violation v = TreeVerifier.firstViolation(a);
        return v == null ? null : v.toString();
    }

    @Test
    void parsedTreesKeepTheRules() {
        String src = "function f(a, {b, c = 1}) { return a + b * c; }\nclass C { m() {} }\nlet o = {a, b = 2};\n"
                + "x = (1 + ; \n<div>{y}</div>"; // broken input: the rules hold whatever the diagnostics
        Arena a = new Arena();
        new JsParser().parse(a, src, ParseOptions.forFileName("a.tsx"));
        assertEquals(List.of(), ParserTestSupport.treeViolations(a));
        Arena deep = new Arena();
        new JsParser().parse(deep, "[".repeat(20_000) + "]".repeat(20_000), ParseOptions.script());
        assertNull(first(deep), "no recursion on a deep tree");
    }

    @Test
    void siblingsMayShareAStartOnlyWhenTheLaterContainsTheEarlier() {
        String text = "ab; c;";
        assertNull(first(flat(text, NodeKind.EXPRESSION_STATEMENT, 0, 3, 4, 6)));
        assertNull(first(flat(text, NodeKind.EXPRESSION_STATEMENT, 0, 2, 0, 3, 4, 6)), "shorthand {a = 1}: the value contains the key");
        String overlap = first(flat(text, NodeKind.EXPRESSION_STATEMENT, 0, 5, 4, 6));
        assertTrue(overlap != null && overlap.contains("overlaps its previous sibling"), overlap);
        String shorter = first(flat(text, NodeKind.EXPRESSION_STATEMENT, 0, 3, 0, 2));
        assertTrue(shorter != null && shorter.contains("comes before its previous sibling"), shorter);
    }

    @Test
    void rootKindsNamesAndDiagnostics() {
        Arena short_ = new Arena();
        short_.reset();
        short_.loadSource("ab");
        short_.finish(NodeKind.PROGRAM, short_.mark(), 0, 1, 0);
        assertTrue(first(short_).contains("PROGRAM spans [0, 1) but the text is [0, 2)"), first(short_));

        String unknown = first(flat("ab", 3, 0, 1));
        assertTrue(unknown.contains("unknown kind 3"), unknown);

        String badName = first(flat("ab", NodeKind.IDENTIFIER_REFERENCE, 0, 1)); // data 0, but no name was interned
        assertTrue(badName.contains("bad name id 0"), badName);

        Arena diag = flat("ab", NodeKind.EXPRESSION_STATEMENT, 0, 2);
        diag.log().report(1, 5, dev.arenals.parser.diag.Diag.TOO_MANY_ERRORS, 0);
        String d = first(diag);
        assertTrue(d != null && d.contains("has the span [1, 5) in a text of 2"), d);
    }

    @Test
    void aChildOutsideItsParent() {
        String text = "abcdef";
        Arena a = new Arena();
        a.reset();
        a.loadSource(text);
        int m = a.mark();
        int s = a.mark();
        int child = a.finish(NodeKind.IDENTIFIER_REFERENCE, a.mark(), 1, 3, a.names().intern(new char[] {'x'}, 0, 1));
        a.finish(NodeKind.EXPRESSION_STATEMENT, s, 1, 3, 0);
        a.finish(NodeKind.PROGRAM, m, 0, 6, 0);
        a.setStart(child, 0); // the arena widens parents over children, so break it afterwards as a buggy sink could
        List<TreeVerifier.Violation> v = TreeVerifier.violations(a, 10);
        assertEquals(1, v.size(), v::toString);
        assertTrue(v.get(0).message().contains("is outside its parent EXPRESSION_STATEMENT [1, 3)"), v::toString);
        assertEquals(0, v.get(0).offset());
    }
}
