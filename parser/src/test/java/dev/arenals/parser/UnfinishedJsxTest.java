package dev.arenals.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.parser.tree.Arena;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, bug 2: a closing tag whose {@code >} has not been typed yet spanned the next token,
 * which was then parsed again as the next statement (overlapping siblings). The tree must stay
 * well formed — spans nested, siblings ordered and disjoint — in every JSX dialect.
 */
class UnfinishedJsxTest {
    @ParameterizedTest
    @ValueSource(strings = {"<a></1", "<a></a b", "x = <div></div\nfoo();", "<a></a f(;", "<a><b></b c</a>",
        "x = <a>{1}</a\n;y", "<></\nz", "<a/ b", "f(<a></a, 1)", "<a></a.b.c d>"})
    void anUnfinishedClosingTagEndsAtItsName(String src) {
        for (String file : new String[] {"a.jsx", "a.tsx", "a.js"}) {
            Arena arena = new Arena();
            new JsParser().parse(arena, src, ParseOptions.forFileName(file));
            assertEquals(List.of(), ParserTestSupport.treeViolations(arena), () -> file + "\n" + ParserTestSupport.describe(src, arena));
        }
    }
}
