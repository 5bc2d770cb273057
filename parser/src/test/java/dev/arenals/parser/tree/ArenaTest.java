package dev.arenals.parser.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.ParserTestSupport;
import dev.arenals.parser.TreeDump;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The arena's storage contract: O(1) reset that keeps arrays, growth by doubling, accounting, name interning. */
class ArenaTest {
    /** A program of a few thousand nodes with many distinct names, comments and a diagnostic. */
    private static String bigProgram() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sb.append("// comment ").append(i).append('\n');
            sb.append("function f").append(i).append("(a, b = ").append(i).append(") { return a * b + g").append(i % 7)
                    .append("(`t${a}`, [1, 2, {k: b}]); }\n");
        }
        sb.append("let broken = (1 + ;\n");
        return sb.toString();
    }

    private static void parse(JsParser p, Arena arena, String text) {
        p.parse(arena, text, ParseOptions.script());
    }

    @Test
    void resetKeepsArraysBumpsGenerationAndEmptiesTheTree() {
        Arena arena = new Arena();
        JsParser p = new JsParser();
        String text = bigProgram();
        parse(p, arena, text);
        int nodes = arena.nodeCount();
        assertTrue(nodes > 1024, "the program must force growth past the default capacity: " + nodes);
        int capacity = arena.capacity();
        long reserved = arena.bytesReserved();
        int generation = arena.generation();
        char[] sourceBuffer = arena.source();
        assertTrue(arena.log().diagnosticCount() > 0);
        assertTrue(arena.log().commentCount() > 0);
        assertTrue(arena.names().size() > 0);

        arena.reset();
        assertEquals(0, arena.nodeCount());
        assertEquals(-1, arena.root());
        assertEquals(generation + 1, arena.generation());
        assertEquals(capacity, arena.capacity(), "reset must keep the node arrays");
        assertEquals(reserved, arena.bytesReserved(), "reset must not release or allocate storage");
        assertSame(sourceBuffer, arena.source(), "reset must keep the source buffer");
        assertEquals(0, arena.sourceLength());
        assertEquals(0, arena.log().diagnosticCount());
        assertEquals(0, arena.log().commentCount());
        assertEquals(0, arena.names().size());
        assertEquals(0, arena.bytesUsed(), "an empty arena uses nothing");
        assertThrows(IllegalStateException.class, arena::rootNode);
        assertThrows(IllegalStateException.class, arena::cursor);
        assertThrows(IndexOutOfBoundsException.class, () -> arena.node(0));

        String firstDump;
        parse(p, arena, text);
        firstDump = TreeDump.dump(arena);
        assertEquals(nodes, arena.nodeCount());
        assertEquals(capacity, arena.capacity(), "reparsing the same text must not grow the arrays");
        assertEquals(reserved, arena.bytesReserved(), "reparsing the same text must not grow anything");
        assertSame(sourceBuffer, arena.source());
        // steady state: many reparses, nothing grows, the result is the same each time
        for (int i = 0; i < 20; i++) {
            int g = arena.generation();
            parse(p, arena, text);
            assertEquals(g + 1, arena.generation(), "each parse resets once");
            assertEquals(capacity, arena.capacity());
            assertEquals(reserved, arena.bytesReserved());
            assertEquals(nodes, arena.nodeCount());
        }
        assertEquals(firstDump, TreeDump.dump(arena));
    }

    @Test
    void reparsingASmallerTextKeepsTheLargeArrays() {
        Arena arena = new Arena(16);
        JsParser p = new JsParser();
        parse(p, arena, bigProgram());
        int capacity = arena.capacity();
        long reserved = arena.bytesReserved();
        parse(p, arena, "x;");
        assertEquals(capacity, arena.capacity());
        assertEquals(reserved, arena.bytesReserved());
        assertEquals("(PROGRAM(EXPRESSION_STATEMENT(IDENTIFIER_REFERENCE x)))", ParserTestSupport.shape(arena));
        assertEquals(3, arena.nodeCount());
        assertEquals(0, arena.log().diagnosticCount(), "diagnostics of the previous parse must not leak");
        assertEquals(0, arena.log().commentCount(), "comments of the previous parse must not leak");
    }

    @Test
    void aBorrowedSourceIsReadInPlaceAndNeverWrittenOrKept() {
        String text = bigProgram();
        char[] lender = new char[text.length() + 40];
        text.getChars(0, text.length(), lender, 0);
        java.util.Arrays.fill(lender, text.length(), lender.length, '(');  // past `length`: must not be read
        char[] before = lender.clone();

        Arena borrowed = new Arena();
        JsParser p = new JsParser();
        p.parseInPlace(borrowed, lender, text.length(), ParseOptions.script());
        Arena copied = new Arena();
        new JsParser().parse(copied, text, ParseOptions.script());
        assertEquals(TreeDump.dump(copied), TreeDump.dump(borrowed), "same tree whether the text is copied or borrowed");
        assertTrue(borrowed.borrowsSource());
        assertSame(lender, borrowed.source(), "no copy");
        assertEquals(copied.bytesReserved() - copied.source().length * 2L, borrowed.bytesReserved() - 0,
                "the lender's array is not counted as the arena's");

        // the next copying parse must go into a buffer of the arena's own, not the lender's array
        parse(p, borrowed, "let overwritten = 1;");
        assertFalse(borrowed.borrowsSource());
        assertNotEquals(lender, borrowed.source());
        assertTrue(java.util.Arrays.equals(before, lender), "the lender's array was written to");

        // a reset forgets the lender: a closed document's buffer must not stay reachable from a reused arena
        p.parseInPlace(borrowed, lender, text.length(), ParseOptions.script());
        borrowed.reset();
        assertFalse(borrowed.borrowsSource());
        assertNotEquals(lender, borrowed.source());
        assertThrows(IllegalArgumentException.class, () -> borrowed.borrowSource(lender, lender.length + 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 17, 100, 1000})
    void growsPastTheInitialCapacityToAboutWhatTheTextNeeds(int initial) {
        Arena arena = new Arena(initial);
        int start = Math.max(16, initial);
        assertEquals(start, arena.capacity(), "initial capacity is max(16, requested)");
        String text = bigProgram();
        new JsParser().parse(arena, text, ParseOptions.script());
        int n = arena.nodeCount();
        int cap = arena.capacity();
        assertTrue(cap >= n, "capacity " + cap + " holds " + n + " nodes");
        // a full parse extrapolates from how far into the text it is: on a uniform text the columns
        // end close to the tree's size, where doubling could have left up to twice it
        assertTrue(cap <= n + n / 2, "capacity " + cap + " for " + n + " nodes");
        // the tree is the same whatever the initial capacity
        Arena reference = new Arena();
        new JsParser().parse(reference, text, ParseOptions.script());
        assertEquals(TreeDump.dump(reference), TreeDump.dump(arena));
        assertEquals(reference.nodeCount(), n);
    }

    @Test
    void trimToTreeShrinksOverSizedColumnsAndKeepsTheTree() {
        String text = bigProgram();
        Arena reference = new Arena();
        new JsParser().parse(reference, text, ParseOptions.script());
        int n = reference.nodeCount();
        Arena arena = new Arena(n * 4);
        new JsParser().parse(arena, text, ParseOptions.script());
        assertEquals(n * 4, arena.capacity(), "no growth: the columns were large enough");
        Node root = arena.rootNode();
        assertTrue(arena.trimToTree());
        assertEquals(n + n / 8 + 64, arena.capacity());
        assertEquals(TreeDump.dump(reference), TreeDump.dump(arena));
        assertEquals(arena.root(), root.index(), "a view taken before still reads the tree");
        assertFalse(arena.trimToTree(), "already trimmed");
        // the next parse grows the columns again as it needs
        new JsParser().parse(arena, text + text, ParseOptions.script());
        assertTrue(arena.nodeCount() > 2 * n - 2 && arena.capacity() >= arena.nodeCount());
        // columns within half again of the tree are left as they are
        Arena tight = new Arena(n + n / 2);
        new JsParser().parse(tight, text, ParseOptions.script());
        assertFalse(tight.trimToTree());
        assertEquals(n + n / 2, tight.capacity());
    }

    @Test
    void growthExtrapolatesFromTheParsePositionOnlyInAFullParse() {
        // a full parse 1/8 into the text with 1,000 nodes: the text needs ~8,000, plus an eighth
        assertEquals(9000, Arena.growTarget(1000, 1000, 100, 800, true));
        // near the end: the estimate (1,142 and an eighth), at least a quarter more than now
        assertEquals(1284, Arena.growTarget(1000, 1000, 700, 800, true));
        assertEquals(1251, Arena.growTarget(1000, 1000, 790, 800, true));
        // an incremental reparse appends a region's nodes after the whole old tree: doubles
        assertEquals(2000, Arena.growTarget(1000, 1000, 100, 800, false));
        // no position to go by (at the start, or at the end): doubles
        assertEquals(2000, Arena.growTarget(1000, 1000, 0, 800, true));
        assertEquals(2000, Arena.growTarget(1000, 1000, 800, 800, true));
        // never past what an int array can hold
        assertEquals(Integer.MAX_VALUE - 16, Arena.growTarget(1 << 30, 1 << 30, 1, Integer.MAX_VALUE - 1, true));
        assertEquals(Integer.MAX_VALUE - 16, Arena.growTarget(Integer.MAX_VALUE / 2 + 1, 10, 5, 10, false));
    }

    @Test
    void aRegionReparseGrowsToTheOldTreePlusWhatTheReplacedSubtreeHasAfterItNotDouble() {
        // an old tree of 1,000 nodes in 1,200 slots; the region has 200 nodes so far and the replaced
        // subtree 600 nodes ending after the parse position: 1,000 + 800, an eighth of the region more
        assertEquals(1900, Arena.regionGrowTarget(1200, 1000, 1200, 600));
        // far more to come than the columns hold: at most double
        assertEquals(2400, Arena.regionGrowTarget(1200, 1000, 1200, 5000));
        // almost nothing to come: at least an eighth more
        assertEquals(1351, Arena.regionGrowTarget(1200, 1000, 1200, 1));
        // never past what an int array can hold
        assertEquals(Integer.MAX_VALUE - 16, Arena.regionGrowTarget(1 << 30, 1 << 29, 1 << 30, 1 << 30));
    }

    /** One IIFE holding {@code functions} small functions, as typescript.js's outer body holds nearly all of it. */
    private static String bundle(int functions) {
        StringBuilder sb = new StringBuilder("(function () {\n");
        for (int i = 0; i < functions; i++) sb.append("  function f").append(i).append("(a, b) { return a + b * ").append(i).append("; }\n");
        return sb.append("})();\n").toString();
    }

    private static char[] insertedAt(String text, int at, String inserted) {
        return (text.substring(0, at) + inserted + text.substring(at)).toCharArray();
    }

    /**
     * A reparse of most of the tree (one body holding it all, as typescript.js's) whose new nodes
     * would not fit beside the old tree is a full parse: it refills the same columns instead of
     * keeping the tree twice over, and every view of the old tree fails as after any reparse.
     */
    @Test
    void aReparseOfMostOfTheTreeWithoutRoomForItIsAFullParseInTheSameColumns() {
        String text = bundle(3000);
        ParseOptions options = ParseOptions.forFileName("bundle.js", null);
        JsParser parser = new JsParser();
        Arena arena = new Arena(16);
        parser.parseInPlace(arena, text.toCharArray(), text.length(), options);
        arena.trimToTree(); // as a document does after its first parse
        int nodes = arena.nodeCount();
        int before = arena.capacity();
        assertTrue(before < 2 * nodes, "the columns must be too small for a region reparse: " + before + " slots, " + nodes + " nodes");
        Node oldRoot = arena.rootNode();
        // a blank line between two functions of the one body: the body is the region, nearly every node
        int at = text.indexOf("  function f1500(");
        char[] edited = insertedAt(text, at, "\n");
        assertFalse(parser.reparseInPlace(arena, edited, edited.length, options, at, at, at + 1), "a full parse, not a region's");
        assertEquals(nodes, arena.nodeCount());
        assertEquals(before, arena.capacity(), "the columns neither grew nor were copied");
        assertThrows(IllegalStateException.class, oldRoot::kind, "a view of the old tree fails");
        Arena fresh = new Arena();
        parser.parseInPlace(fresh, edited, edited.length, options);
        assertEquals(TreeDump.exact(fresh), TreeDump.exact(arena));
    }

    /** Where the columns have room for the region beside the old tree, most of the tree still reparses alone (it costs no space). */
    @Test
    void withRoomBesideTheTreeAReparseOfMostOfItStaysInPlace() {
        String text = bundle(3000);
        ParseOptions options = ParseOptions.forFileName("bundle.js", null);
        JsParser parser = new JsParser();
        Arena arena = new Arena(16);
        parser.parseInPlace(arena, text.toCharArray(), text.length(), options);
        int nodes = arena.nodeCount();
        Arena roomy = new Arena(3 * nodes);
        parser.parseInPlace(roomy, text.toCharArray(), text.length(), options);
        int at = text.indexOf("  function f1500(");
        char[] edited = insertedAt(text, at, "\n");
        assertTrue(parser.reparseInPlace(roomy, edited, edited.length, options, at, at, at + 1), "reparsed in place");
        assertTrue(roomy.splicedNested(), "the outer body alone");
        assertEquals(3 * nodes, roomy.capacity());
    }

    /**
     * A body under half the tree reparses alone even when its nodes do not fit beside the old tree:
     * the columns grow once, to about the tree plus that body (not double, nor by what follows the
     * body), and the tree is a full parse's.
     */
    @Test
    void aReparseOfABodyUnderHalfTheTreeGrowsOnceToAboutTheTreePlusTheBody() {
        StringBuilder sb = new StringBuilder("(function () {\n");
        for (String module : new String[] {"a", "b", "c"}) {
            sb.append("  var ").append(module).append(" = (function () {\n");
            for (int i = 0; i < 1000; i++) sb.append("    function ").append(module).append(i).append("(x) { return x * ").append(i).append("; }\n");
            sb.append("  })();\n");
        }
        String text = sb.append("})();\n").toString();
        ParseOptions options = ParseOptions.forFileName("bundle.js", null);
        JsParser parser = new JsParser();
        Arena arena = new Arena(16);
        parser.parseInPlace(arena, text.toCharArray(), text.length(), options);
        arena.trimToTree();
        int nodes = arena.nodeCount();
        int before = arena.capacity();
        int at = text.indexOf("    function b500(");
        char[] edited = insertedAt(text, at, "\n");
        assertTrue(parser.reparseInPlace(arena, edited, edited.length, options, at, at, at + 1), "reparsed in place");
        assertTrue(arena.splicedNested(), "b's body alone");
        int body = arena.spliceNodes();
        assertTrue(2 * body < nodes && 4 * body > nodes, "b's body is under half the tree and more than a quarter: " + body + " of " + nodes);
        assertTrue(before < nodes + body, "the columns must be too small for it: " + before);
        // doubling would give 2.25 times the tree; counting c's nodes as the region's, 1.75
        assertTrue(arena.capacity() >= nodes + body && arena.capacity() <= nodes + body + body / 4,
                arena.capacity() + " slots after a reparse of " + body + " nodes beside " + nodes + " (" + before + " before)");
        Arena fresh = new Arena();
        parser.parseInPlace(fresh, edited, edited.length, options);
        assertEquals(TreeDump.exact(fresh), TreeDump.exact(arena));
    }

    @Test
    void sinkApiGrowsAndLinksChildrenInOrder() {
        Arena arena = new Arena(16);
        arena.reset();
        arena.loadSource("x".repeat(100));
        int m = arena.mark();
        List<Integer> leaves = new ArrayList<>();
        for (int i = 0; i < 100; i++) leaves.add(arena.finish(NodeKind.IDENTIFIER_REFERENCE, arena.mark(), i, i + 1, 0));
        // one step from 16: 16 nodes at offset 17 of 100 chars extrapolate to 94, and an eighth more
        assertEquals(105, arena.capacity());
        int root = arena.finish(NodeKind.PROGRAM, m, 0, 100, 0);
        assertEquals(101, arena.nodeCount());
        assertEquals(root, arena.root(), "the root is the last node finished");
        int i = 0;
        for (int c = arena.firstChild(root); c >= 0; c = arena.nextSibling(c), i++) {
            assertEquals(leaves.get(i), c);
            assertEquals(i, arena.start(c));
            assertEquals(i + 1, arena.end(c));
        }
        assertEquals(100, i);
        for (int leaf : leaves) assertEquals(-1, arena.firstChild(leaf));
    }

    @Test
    void sinkTruncateAndDropPendingLeaveNodesUnreachable() {
        Arena arena = new Arena();
        arena.reset();
        arena.loadSource("abcdef");
        int m = arena.mark();
        int a = arena.finish(NodeKind.IDENTIFIER_REFERENCE, arena.mark(), 0, 1, 0);
        int b = arena.finish(NodeKind.IDENTIFIER_REFERENCE, arena.mark(), 1, 2, 0);
        int c = arena.finish(NodeKind.IDENTIFIER_REFERENCE, arena.mark(), 2, 3, 0);
        assertEquals(3, arena.mark() - m);
        assertEquals(b, arena.pending(m + 1));
        arena.dropPending(m + 1); // b
        assertEquals(c, arena.pending(m + 1));
        int speculative = arena.mark();
        arena.finish(NodeKind.IDENTIFIER_REFERENCE, arena.mark(), 3, 4, 0);
        arena.truncate(speculative);
        int root = arena.finish(NodeKind.PROGRAM, m, 0, 6, 0);
        List<Integer> kids = new ArrayList<>();
        for (int k = arena.firstChild(root); k >= 0; k = arena.nextSibling(k)) kids.add(k);
        assertEquals(List.of(a, c), kids);
        assertEquals(5, arena.nodeCount(), "dropped and truncated nodes still occupy slots");
    }

    /** Issue 15, bug 10: a public mutator called after the parse changes what views read, so they must fail. */
    @Test
    void everyMutatorCalledAfterTheParseInvalidatesEarlierViews() {
        JsParser p = new JsParser();
        Arena arena = new Arena();
        List<java.util.function.Consumer<Arena>> mutators = List.of(
                a -> a.loadSource("let y = 2;"),
                a -> a.loadSource("let y = 2;".toCharArray(), 10),
                a -> a.borrowSource("let y = 2;".toCharArray(), 10),
                a -> a.setModule(!a.isModule()),
                a -> a.setTypeScript(!a.isTypeScript()),
                a -> a.setKind(0, NodeKind.IDENTIFIER_REFERENCE),
                a -> a.setData(0, 7),
                a -> a.setStart(0, 1),
                a -> a.truncate(0),
                a -> a.rewindNodes(1),
                a -> a.dropPending(0));
        for (java.util.function.Consumer<Arena> mutator : mutators) {
            parse(p, arena, "let x = 1;");
            Node root = arena.rootNode();
            TreeCursor cursor = arena.cursor();
            int generation = arena.generation();
            mutator.accept(arena);
            assertNotEquals(generation, arena.generation());
            assertThrows(IllegalStateException.class, root::kind);
            assertThrows(IllegalStateException.class, cursor::kind);
        }
        // while a parse builds the tree, the mutators do not move the generation: reset did
        parse(p, arena, "let x = 1;");
        int generation = arena.generation();
        arena.reset();
        arena.loadSource("x");
        arena.finish(NodeKind.IDENTIFIER_REFERENCE, arena.mark(), 0, 1, 0);
        assertEquals(generation + 1, arena.generation());
    }

    @Test
    void retaggingThroughTheSinkChangesKindAndData() {
        Arena arena = new Arena();
        new JsParser().parse(arena, "[a, b] = c;", ParseOptions.script());
        // the cover grammar turned the array literal into a pattern in place
        assertEquals("(PROGRAM(EXPRESSION_STATEMENT(ASSIGNMENT =(ARRAY_PATTERN(IDENTIFIER_REFERENCE a)(IDENTIFIER_REFERENCE b))(IDENTIFIER_REFERENCE c))))",
                ParserTestSupport.shape(arena));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "let a = 1;", "/* only a comment */", "a +", "\"unterminated",
            "class C { #x; m() { return this.#x; } }"})
    void bytesUsedNeverExceedsBytesReserved(String text) {
        Arena arena = new Arena(16);
        JsParser p = new JsParser();
        p.parse(arena, text, ParseOptions.script());
        assertTrue(arena.bytesUsed() <= arena.bytesReserved(), arena.bytesUsed() + " > " + arena.bytesReserved());
        assertTrue(arena.bytesUsed() >= (long) arena.nodeCount() * 24, "at least six int columns per node");
        p.parse(arena, bigProgram(), ParseOptions.script());
        assertTrue(arena.bytesUsed() <= arena.bytesReserved());
        long bigUsed = arena.bytesUsed();
        p.parse(arena, text, ParseOptions.script());
        assertTrue(arena.bytesUsed() <= arena.bytesReserved());
        assertTrue(arena.bytesUsed() < bigUsed, "bytesUsed reflects the current tree only");
    }

    @Test
    void bytesUsedWithManyNamesAndDiagnostics() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) sb.append("v").append(i).append(" = ) ;\n"); // names and > MAX diagnostics
        Arena arena = new Arena(16);
        new JsParser().parse(arena, sb.toString(), ParseOptions.script());
        assertEquals(ParseLog.MAX_DIAGNOSTICS + 1, arena.log().diagnosticCount());
        assertTrue(arena.names().size() >= 5000);
        assertTrue(arena.bytesUsed() <= arena.bytesReserved(), arena.bytesUsed() + " > " + arena.bytesReserved());
    }

    @Test
    void emptySourceGivesAnEmptyProgram() {
        Arena arena = new Arena();
        new JsParser().parse(arena, "", ParseOptions.module());
        assertEquals(1, arena.nodeCount());
        assertEquals(NodeKind.PROGRAM, arena.kind(arena.root()));
        assertEquals(0, arena.start(arena.root()));
        assertEquals(0, arena.end(arena.root()));
        assertEquals(1, arena.data(arena.root()), "module goal flag");
        assertTrue(arena.isModule());
        new JsParser().parse(arena, "", ParseOptions.script());
        assertFalse(arena.isModule());
        assertEquals(0, arena.data(arena.root()));
    }

    @Test
    void charArrayEntryPointMatchesCharSequenceEntryPoint() {
        String text = bigProgram();
        Arena a = new Arena();
        Arena b = new Arena();
        JsParser p = new JsParser();
        p.parse(a, text, ParseOptions.script());
        char[] buf = (text + "GARBAGE AFTER THE LENGTH )))").toCharArray();
        p.parse(b, buf, text.length(), ParseOptions.script());
        assertEquals(TreeDump.dump(a), TreeDump.dump(b));
        assertEquals(text.length(), b.sourceLength());
        assertEquals(a.log().diagnosticCount(), b.log().diagnosticCount());
        p.parse(b, new StringBuilder(text), ParseOptions.script()); // a non-String CharSequence
        assertEquals(TreeDump.dump(a), TreeDump.dump(b));
    }

    // ------------------------------------------------------------------ names

    private static int intern(NameTable t, String s) {
        char[] c = ("__" + s + "__").toCharArray(); // an offset slice, as the lexer passes it
        return t.intern(c, 2, 2 + s.length());
    }

    @Test
    void equalSpellingsGetEqualIds() {
        NameTable t = new NameTable();
        int a = intern(t, "alpha");
        int b = intern(t, "beta");
        int a2 = intern(t, "alpha");
        int empty = intern(t, "");
        assertEquals(a, a2);
        assertNotEquals(a, b);
        assertEquals(0, a, "ids are dense from 0");
        assertEquals(1, b);
        assertEquals(2, empty);
        assertEquals(3, t.size());
        assertEquals("alpha", t.name(a));
        assertEquals("", t.name(empty));
        assertEquals(5, t.length(a));
        assertEquals('l', t.charAt(a, 1));
        assertTrue(t.equals(a, "alpha"));
        assertFalse(t.equals(a, "alphA"));
        assertFalse(t.equals(a, "alph"));
        assertThrows(IllegalArgumentException.class, () -> t.name(3));
        assertThrows(IllegalArgumentException.class, () -> t.name(-1));
        // case and length matter
        assertNotEquals(a, intern(t, "Alpha"));
        assertNotEquals(a, intern(t, "alphaa"));
        // unicode spellings
        int u = intern(t, "caf\u00e9");
        assertEquals(u, intern(t, "café"));
        assertEquals("café", t.name(u));
    }

    @Test
    void aLeafIsANodeFinishedWithoutChildren() {
        Arena viaLeaf = new Arena(16);
        Arena viaFinish = new Arena(16);
        viaLeaf.reset();
        viaFinish.reset();
        // past the initial capacity and the pending stack's, so both grow on this path
        for (int i = 0; i < 300; i++) {
            int s = 10 * i, e = i % 3 == 0 ? s - 1 : s + 5; // an end before the start is clamped, as finish does
            assertEquals(viaFinish.finish(NodeKind.IDENTIFIER_REFERENCE, viaFinish.mark(), s, e, i), viaLeaf.leaf(NodeKind.IDENTIFIER_REFERENCE, s, e, i));
        }
        viaLeaf.finish(NodeKind.PROGRAM, 0, 0, 3000, 0);
        viaFinish.finish(NodeKind.PROGRAM, 0, 0, 3000, 0);
        assertEquals(viaFinish.nodeCount(), viaLeaf.nodeCount());
        for (int n = 0; n < viaLeaf.nodeCount(); n++) {
            assertEquals(viaFinish.kind(n), viaLeaf.kind(n));
            assertEquals(viaFinish.start(n), viaLeaf.start(n), "start of " + n);
            assertEquals(viaFinish.end(n), viaLeaf.end(n));
            assertEquals(viaFinish.data(n), viaLeaf.data(n));
            assertEquals(viaFinish.firstChild(n), viaLeaf.firstChild(n));
            assertEquals(viaFinish.nextSibling(n), viaLeaf.nextSibling(n));
        }
        assertEquals(-1, viaLeaf.firstChild(0));
        assertEquals(1, viaLeaf.nextSibling(0));
        assertEquals(29, viaLeaf.start(3), "node 3 ended before its start: an empty span at its end");
    }

    @Test
    void namesWithTheSameHashAndLengthAreToldApartByTheirChars() {
        // "aeaea" and "bagab" have the same raw hash (257-fold, 32 bits): their tail keys decide
        assertEquals(NameTable.rawHash("aeaea".toCharArray(), 0, 5), NameTable.rawHash("bagab".toCharArray(), 0, 5));
        NameTable t = new NameTable();
        int a = intern(t, "aeaea");
        int b = intern(t, "bagab");
        assertNotEquals(a, b);
        assertEquals(a, intern(t, "aeaea"));
        assertEquals(b, intern(t, "bagab"));
        // the same collision ahead of nine equal chars: only the chars before the tail differ
        int longA = intern(t, "aeaeaStatement");
        int longB = intern(t, "bagabStatement");
        assertNotEquals(longA, longB);
        assertEquals(longA, intern(t, "aeaeaStatement"));
        assertEquals(longB, intern(t, "bagabStatement"));
        assertEquals("bagabStatement", t.name(longB));
        // "ba" and "a\u0162" collide too (97 * 257 + 354 = 98 * 257 + 97); one is not ASCII
        int ascii = intern(t, "ba");
        int wide = intern(t, "a\u0162");
        assertNotEquals(ascii, wide);
        assertEquals(wide, intern(t, "a\u0162"));
        assertEquals("a\u0162", t.name(wide));
        // the lexer's keys (folded while scanning) agree with the table's own
        Arena arena = new Arena();
        new JsParser().parse(arena, "aeaea; bagab; aeaeaStatement; bagabStatement; aeaea; bagabStatement;", ParseOptions.script());
        NameTable names = arena.names();
        int interned = names.size();
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        for (String name : new String[] {"aeaea", "bagab", "aeaeaStatement", "bagabStatement"}) {
            char[] c = name.toCharArray();
            int id = names.find(c, 0, c.length);
            assertEquals(name, names.name(id));
            assertEquals(id, names.intern(c, 0, c.length), "the lexer's id for " + name);
            ids.add(id);
        }
        assertEquals(4, ids.size(), "four distinct names");
        assertEquals(interned, names.size(), "the lexer interned each once");
    }

    @Test
    void longNamesEqualButForOneCharOrTheirLengthGetTheirOwnIds() {
        // pairs equal everywhere but one char, before the last eight (the tail keys are equal): the
        // first of nine, the third of twelve, the eighth of sixteen, the ninth of seventeen, in the
        // middle of a long name; and in the length alone past the tail key's 255
        String[][] pairs = {
            {"Xbcdefghi", "Ybcdefghi"},
            {"abXdefghijkl", "abYdefghijkl"},
            {"abcdefgXijklmnop", "abcdefgYijklmnop"},
            {"abcdefghXjklmnopq", "abcdefghYjklmnopq"},
            {"getTypeOfDeclaration", "getTypeOfDeclaratiom"},
            {"a".repeat(150) + "X" + "a".repeat(149), "a".repeat(150) + "Y" + "a".repeat(149)},
            {"a".repeat(300), "a".repeat(301)},
        };
        NameTable t = new NameTable();
        StringBuilder source = new StringBuilder();
        for (String[] pair : pairs) {
            int a = intern(t, pair[0]);
            int b = intern(t, pair[1]);
            assertNotEquals(a, b, pair[0] + " / " + pair[1]);
            assertEquals(a, intern(t, pair[0]));
            assertEquals(b, intern(t, pair[1]));
            assertEquals(pair[1], t.name(b));
            source.append(pair[0]).append("; ").append(pair[1]).append("; ").append(pair[0]).append(";\n");
        }
        // the same through the lexer, whose keys come from its scan
        Arena arena = new Arena();
        new JsParser().parse(arena, source.toString(), ParseOptions.script());
        NameTable names = arena.names();
        int interned = names.size();
        Set<Integer> ids = new HashSet<>();
        for (String[] pair : pairs) {
            for (String name : pair) {
                char[] c = name.toCharArray();
                int id = names.find(c, 0, c.length);
                assertEquals(name, names.name(id));
                assertEquals(id, names.intern(c, 0, c.length), "the lexer's id for " + name);
                ids.add(id);
            }
        }
        assertEquals(2 * pairs.length, ids.size(), "distinct names, distinct ids");
        assertEquals(interned, names.size(), "the lexer interned each once");
    }

    @Test
    void internGivesTheIdsOfAMapOfStringsForNamesOverTwoLetters() {
        // names of 1 to 40 chars over "ab": heads, tails and hashes of different names meet often
        java.util.Random random = new java.util.Random(2207);
        NameTable t = new NameTable();
        Map<String, Integer> expected = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            t.reset();
            expected.clear();
            for (int i = 0; i < 20_000; i++) {
                char[] c = new char[1 + random.nextInt(40)];
                for (int j = 0; j < c.length; j++) c[j] = random.nextBoolean() ? 'a' : 'b';
                String name = new String(c);
                int id = intern(t, name);
                assertEquals(expected.computeIfAbsent(name, n -> expected.size()), id, name);
            }
            assertEquals(expected.size(), t.size());
        }
    }

    @Test
    void resetRestartsIdsAndDoesNotLeakNamesOfThePreviousGeneration() {
        NameTable t = new NameTable();
        assertEquals(0, intern(t, "a"));
        t.reset();
        assertEquals(0, t.size());
        assertThrows(IllegalArgumentException.class, () -> t.name(0), "ids of the previous generation are gone");
        assertEquals(0, intern(t, "b"), "ids restart after reset");
        assertEquals(1, intern(t, "a"), "'a' of the previous generation must not be found");
        assertEquals("b", t.name(0));
        assertEquals("a", t.name(1));
        assertEquals(0, intern(t, "b"));
        assertEquals(2, t.size());
    }

    @Test
    void manyNamesSurviveRehashAndManyResets() {
        NameTable t = new NameTable();
        int n = 20_000;
        for (int round = 0; round < 3; round++) {
            t.reset();
            Map<String, Integer> ids = new HashMap<>();
            // a different order each round, so stale slots of the previous round would be hit
            for (int i = 0; i < n; i++) {
                int k = round == 1 ? n - 1 - i : (i * 7919) % n;
                String s = "name" + k + (round == 2 ? "_" : "");
                int id = intern(t, s);
                assertEquals(ids.size(), id, "new names get the next id");
                ids.put(s, id);
            }
            assertEquals(n, t.size());
            for (Map.Entry<String, Integer> e : ids.entrySet()) {
                assertEquals(e.getValue().intValue(), intern(t, e.getKey()));
                assertEquals(e.getKey(), t.name(e.getValue()));
            }
        }
        long reserved = t.bytesReserved();
        for (int i = 0; i < 10_000; i++) {
            t.reset();
            assertEquals(0, intern(t, "x" + (i % 3)));
            assertEquals(1, intern(t, "y"));
            assertEquals(0, intern(t, "x" + (i % 3)));
        }
        assertEquals(reserved, t.bytesReserved(), "resets do not grow the table");
        assertTrue(t.bytesUsed() <= t.bytesReserved());
    }

    @Test
    void arenaNamesAreInternedPerParseAndDoNotLeakAcrossReparses() {
        Arena arena = new Arena();
        JsParser p = new JsParser();
        p.parse(arena, "let alpha = beta + alpha; alpha(beta);", ParseOptions.script());
        Map<String, Set<Integer>> idsByName = new HashMap<>();
        for (int n = 0; n < arena.nodeCount(); n++) {
            if (NodeKind.hasName(arena.kind(n))) {
                idsByName.computeIfAbsent(arena.names().name(arena.data(n)), k -> new HashSet<>()).add(arena.data(n));
            }
        }
        assertEquals(Set.of("alpha", "beta"), idsByName.keySet());
        assertEquals(1, idsByName.get("alpha").size(), "every 'alpha' node has the same name id");
        assertEquals(1, idsByName.get("beta").size());
        int sizeAfterFirst = arena.names().size();

        p.parse(arena, "gamma;", ParseOptions.script());
        int gammaId = arena.data(arena.firstChild(arena.firstChild(arena.root())));
        assertEquals("gamma", arena.names().name(gammaId));
        assertTrue(arena.names().size() < sizeAfterFirst, "the names of the previous parse are gone");
        for (int id = 0; id < arena.names().size(); id++) {
            String s = arena.names().name(id);
            assertFalse(s.equals("alpha") || s.equals("beta"), "leaked name " + s);
        }
        // the same text parsed again gets the same ids: interning restarts from scratch
        p.parse(arena, "let alpha = beta + alpha; alpha(beta);", ParseOptions.script());
        assertEquals(sizeAfterFirst, arena.names().size());
    }
}
