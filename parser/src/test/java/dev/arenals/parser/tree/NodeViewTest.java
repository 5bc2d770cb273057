package dev.arenals.parser.tree;

import dev.arenals.parser.lexer.LiteralValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.ParserTestSupport;
import dev.arenals.parser.lexer.Token;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Node views and the tree cursor: navigation, literal values, and the generation rule. */
class NodeViewTest {
    private static Arena parse(String src) { return ParserTestSupport.parse(src); }

    private static Node firstStatement(Arena arena) { return arena.rootNode().firstChild(); }

    /** The expression of `x = <expr>;` */
    private static Node assignedValue(String src) {
        Arena arena = parse(src);
        assertEquals(0, arena.log().diagnosticCount(), () -> ParserTestSupport.describe(src, arena));
        Node assign = firstStatement(arena).firstChild();
        assertEquals(NodeKind.ASSIGNMENT, assign.kind(), src);
        return assign.child(1);
    }

    private static List<String> kinds(List<Node> nodes) {
        List<String> out = new ArrayList<>();
        for (Node n : nodes) out.add(n.kindName());
        return out;
    }

    // ------------------------------------------------------------------ navigation

    @Test
    void childrenAreInSourceOrderAndNavigable() {
        String src = "function f(a, b = 1, ...c) { return a + b * c; }";
        Arena arena = parse(src);
        Node root = arena.rootNode();
        assertEquals(NodeKind.PROGRAM, root.kind());
        assertEquals("PROGRAM", root.kindName());
        assertEquals(0, root.start());
        assertEquals(src.length(), root.end());
        assertEquals(arena.root(), root.index());
        assertEquals(1, root.childCount());
        assertNull(root.nextSibling());

        Node fn = root.firstChild();
        assertTrue(fn.is(NodeKind.FUNCTION_DECLARATION));
        assertEquals(List.of("BINDING_IDENTIFIER", "FORMAL_PARAMETERS", "FUNCTION_BODY"), kinds(fn.children()));
        assertEquals("f", fn.childOfKind(NodeKind.BINDING_IDENTIFIER).name());
        assertNull(fn.childOfKind(NodeKind.CLASS_BODY));
        assertEquals(src, fn.text());

        Node params = fn.childOfKind(NodeKind.FORMAL_PARAMETERS);
        assertEquals(List.of("BINDING_IDENTIFIER", "ASSIGNMENT_PATTERN", "REST_ELEMENT"), kinds(params.children()));
        assertEquals("a", params.child(0).name());
        assertEquals("b", params.child(1).firstChild().name());
        assertEquals(1.0, LiteralValues.numberValue(params.child(1).child(1)));
        assertEquals("c", params.child(2).firstChild().name());
        assertEquals("...c", params.child(2).text());
        assertNull(params.child(3));
        assertEquals("(a, b = 1, ...c)", params.text());

        Node ret = fn.childOfKind(NodeKind.FUNCTION_BODY).firstChild();
        assertEquals(NodeKind.RETURN, ret.kind());
        Node plus = ret.firstChild();
        assertEquals(NodeKind.BINARY, plus.kind());
        assertEquals("+", LiteralValues.operatorText(plus));
        assertEquals(Token.PLUS, plus.operator());
        Node times = plus.child(1);
        assertEquals("*", LiteralValues.operatorText(times));
        assertEquals("b * c", times.text());
        assertEquals("a", plus.firstChild().name());
        assertNull(plus.firstChild().firstChild(), "a leaf has no children");
        assertEquals(0, plus.firstChild().childCount());

        // sibling chain and child(i) agree, starts increase
        int prevStart = -1;
        int i = 0;
        for (Node c = params.firstChild(); c != null; c = c.nextSibling(), i++) {
            assertEquals(c.index(), params.child(i).index());
            assertTrue(c.start() > prevStart);
            assertTrue(c.start() >= params.start() && c.end() <= params.end());
            prevStart = c.start();
        }
        assertEquals(3, i);
    }

    @Test
    void namesAndIdsOfIdentifierKinds() {
        Arena arena = parse("label: for (const x of xs) { obj.prop = x; continue label; } class K { #p; m() { return this.#p; } }");
        Node labeled = firstStatement(arena);
        assertEquals(NodeKind.LABELED, labeled.kind());
        Node label = labeled.childOfKind(NodeKind.LABEL);
        assertEquals("label", label.name());
        Node forOf = labeled.childOfKind(NodeKind.FOR_OF);
        Node decl = forOf.child(0);
        assertEquals(NodeKind.VAR_CONST, decl.data());
        Node binding = decl.firstChild().firstChild();
        assertEquals(NodeKind.BINDING_IDENTIFIER, binding.kind());
        assertEquals("x", binding.name());
        Node body = forOf.child(2);
        Node assign = body.firstChild().firstChild();
        Node member = assign.firstChild();
        assertEquals(NodeKind.MEMBER, member.kind());
        assertEquals("obj", member.child(0).name());
        assertEquals(NodeKind.IDENTIFIER_NAME, member.child(1).kind());
        assertEquals("prop", member.child(1).name());
        assertEquals(binding.nameId(), assign.child(1).nameId(), "equal spellings share a name id");
        Node cont = body.child(1);
        assertEquals(NodeKind.CONTINUE, cont.kind());
        assertEquals(label.nameId(), cont.firstChild().nameId());

        Node cls = labeled.nextSibling();
        Node field = cls.childOfKind(NodeKind.CLASS_BODY).firstChild();
        assertEquals(NodeKind.FIELD, field.kind());
        Node priv = field.firstChild();
        assertEquals(NodeKind.PRIVATE_IDENTIFIER, priv.kind());
        assertEquals("p", priv.name(), "private names are stored without '#'");
        assertEquals("#p", priv.text());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cls.name());
        assertTrue(e.getMessage().contains("CLASS_DECLARATION"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> cls.nameId());
        assertThrows(IllegalStateException.class, () -> cls.operator());
        assertThrows(IllegalStateException.class, () -> LiteralValues.numberValue(cls));
        assertThrows(IllegalStateException.class, () -> LiteralValues.stringValue(cls));
    }

    @Test
    void operatorsOfUnaryUpdateBinaryAndAssignment() {
        Arena arena = parse("a ??= (-b) ** 2 ? 0 : typeof c; ++d; e--; f >>>= g >> h >= i;");
        assertEquals(0, arena.log().diagnosticCount());
        Node s1 = firstStatement(arena).firstChild();
        assertEquals(NodeKind.ASSIGNMENT, s1.kind());
        assertEquals("??=", LiteralValues.operatorText(s1));
        assertEquals(Token.QUESTION2_ASSIGN, s1.operator());
        Node cond = s1.child(1);
        assertEquals(NodeKind.CONDITIONAL, cond.kind());
        assertEquals(3, cond.childCount());
        assertEquals("typeof", LiteralValues.operatorText(cond.child(2)));
        Node pre = firstStatement(arena).nextSibling().firstChild();
        assertEquals(NodeKind.UPDATE, pre.kind());
        assertEquals("++", LiteralValues.operatorText(pre));
        assertTrue((pre.data() & NodeKind.UPDATE_PREFIX) != 0);
        Node post = firstStatement(arena).nextSibling().nextSibling().firstChild();
        assertEquals("--", LiteralValues.operatorText(post));
        assertEquals(0, post.data() & NodeKind.UPDATE_PREFIX);
        Node shift = firstStatement(arena).nextSibling().nextSibling().nextSibling().firstChild();
        assertEquals(">>>=", LiteralValues.operatorText(shift));
        Node ge = shift.child(1);
        assertEquals(">=", LiteralValues.operatorText(ge));
        assertEquals(">>", LiteralValues.operatorText(ge.child(0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "x = 0;|0", "x = 42;|42", "x = 1_000_000;|1000000", "x = 0x1F;|31", "x = 0XfF;|255", "x = 0o17;|15",
        "x = 0b101;|5", "x = 1e3;|1000", "x = 1.5e-3;|0.0015", "x = .5;|0.5", "x = 5.;|5", "x = 017;|15", "x = 08;|8",
        "x = 09.5;|9.5", "x = 9007199254740993;|9007199254740992", "x = 0.1;|0.1", "x = 1_0.0_1e1_0;|100100000000",
        "x = 0x1_F_F;|511", "x = 1e400;|Infinity", "x = 5e-324;|4.9E-324", "x = 0b1111111111111111111111111111111111111111111111111111111;|36028797018963967"})
    void numberValues(String spec) {
        String src = spec.substring(0, spec.indexOf('|'));
        double expected = Double.parseDouble(spec.substring(spec.indexOf('|') + 1));
        Node n = assignedValue(src);
        assertEquals(NodeKind.NUMBER_LITERAL, n.kind());
        assertEquals(expected, LiteralValues.numberValue(n), src);
    }

    @Test
    void bigintValues() {
        assertEquals("255", LiteralValues.stringValue(assignedValue("x = 0xFFn;")));
        assertEquals("123456789012345678901234567890", LiteralValues.stringValue(assignedValue("x = 123456789012345678901234567890n;")));
        assertEquals("1000000", LiteralValues.stringValue(assignedValue("x = 1_000_000n;")));
        assertEquals("5", LiteralValues.stringValue(assignedValue("x = 0b101n;")));
        assertEquals("0", LiteralValues.stringValue(assignedValue("x = 0n;")));
        assertEquals(NodeKind.BIGINT_LITERAL, assignedValue("x = 7n;").kind());
    }

    @Test
    void stringValuesWithEscapes() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("x = 'plain';", "plain");
        cases.put("x = \"\";", "");
        cases.put("x = 'a\\nb\\tc\\rd\\be\\ff\\vg';", "a\nb\tc\rd\be\ff\u000bg");
        cases.put("x = '\\x41\\u0042\\u{43}\\u{1F600}';", "ABC\uD83D\uDE00");
        cases.put("x = 'it\\'s';", "it's");
        cases.put("x = \"say \\\"hi\\\"\";", "say \"hi\"");
        cases.put("x = 'a\\\nb';", "ab");
        cases.put("x = 'a\\\r\nb';", "ab");
        cases.put("x = '\\0';", "\0");
        cases.put("x = '\\101';", "A");
        cases.put("x = '\\8';", "8");
        cases.put("x = '\\q\\\\';", "q\\");
        cases.put("x = '\\uD83D\\uDE00';", "\uD83D\uDE00");
        cases.put("x = '\\uD800';", "\uD800");
        cases.put("x = '\u2028\u2029';", "\u2028\u2029");
        cases.put("x = 'caf\u00e9';", "café");
        for (Map.Entry<String, String> e : cases.entrySet()) {
            Node n = assignedValue(e.getKey());
            assertEquals(NodeKind.STRING_LITERAL, n.kind(), e.getKey());
            assertEquals(e.getValue(), LiteralValues.stringValue(n), e.getKey());
        }
    }

    @Test
    void templatesHaveElementsAndSubstitutionsInOrder() {
        Node t = assignedValue("x = `a${b}c${d + 1}\\n${`inner${e}`}`;");
        assertEquals(NodeKind.TEMPLATE, t.kind());
        assertEquals(List.of("TEMPLATE_ELEMENT", "IDENTIFIER_REFERENCE", "TEMPLATE_ELEMENT", "BINARY", "TEMPLATE_ELEMENT",
                "TEMPLATE", "TEMPLATE_ELEMENT"), kinds(t.children()));
        assertEquals("a", LiteralValues.stringValue(t.child(0)));
        assertEquals("b", t.child(1).name());
        assertEquals("c", LiteralValues.stringValue(t.child(2)));
        assertEquals("\n", LiteralValues.stringValue(t.child(4)), "cooked value of the middle element");
        assertEquals("", LiteralValues.stringValue(t.child(6)));
        Node inner = t.child(5);
        assertEquals("inner", LiteralValues.stringValue(inner.child(0)));
        assertEquals("e", inner.child(1).name());
        assertEquals(0, t.child(0).data(), "valid cooked value");

        Node plain = assignedValue("x = `no subst \\u0041 \\x41`;");
        assertEquals(1, plain.childCount());
        assertEquals("no subst A A", LiteralValues.stringValue(plain.firstChild()));

        Node crlf = assignedValue("x = `a\r\nb\rc`;");
        assertEquals("a\nb\nc", LiteralValues.stringValue(crlf.firstChild()), "line terminators are normalised to LF");

        Node tagged = assignedValue("x = tag`\\unicode and ${y} \\x`;");
        assertEquals(NodeKind.TAGGED_TEMPLATE, tagged.kind());
        assertEquals("tag", tagged.child(0).name());
        Node tpl = tagged.child(1);
        assertEquals(1, tpl.child(0).data(), "invalid escape in a tagged template: cooked value undefined");
        assertNull(LiteralValues.stringValue(tpl.child(0)));
        assertNull(LiteralValues.stringValue(tpl.child(2)));
        assertEquals("\\unicode and ${", tpl.child(0).text().substring(1));
    }

    @Test
    void regexAndOtherLiterals() {
        Node re = assignedValue("x = /a[/]b\\//gi;");
        assertEquals(NodeKind.REGEX_LITERAL, re.kind());
        assertEquals("/a[/]b\\//gi", re.text());
        assertEquals(re.text().lastIndexOf('/'), re.data(), "data: offset of the closing '/'");
        assertEquals(NodeKind.NULL, assignedValue("x = null;").kind());
        assertEquals(1, assignedValue("x = true;").data());
        assertEquals(0, assignedValue("x = false;").data());
        assertEquals(NodeKind.THIS, assignedValue("x = this;").kind());
    }

    // ------------------------------------------------------------------ generation rule

    private static final String PROGRAM = "let answer = 42 + 'str' + n; function f(p) { return -p; }";

    /** Every public accessor of Node, applied to the node the test supplies. */
    private static Map<String, Consumer<Node>> nodeAccessors() {
        Map<String, Consumer<Node>> m = new LinkedHashMap<>();
        m.put("index", Node::index);
        m.put("kind", Node::kind);
        m.put("kindName", Node::kindName);
        m.put("start", Node::start);
        m.put("end", Node::end);
        m.put("data", Node::data);
        m.put("is", n -> n.is(NodeKind.PROGRAM));
        m.put("firstChild", Node::firstChild);
        m.put("nextSibling", Node::nextSibling);
        m.put("childCount", Node::childCount);
        m.put("child", n -> n.child(0));
        m.put("childOfKind", n -> n.childOfKind(NodeKind.BINDING_IDENTIFIER));
        m.put("children", Node::children);
        m.put("text", Node::text);
        m.put("name", Node::name);
        m.put("nameId", Node::nameId);
        m.put("operator", Node::operator);
        m.put("operatorText", LiteralValues::operatorText);
        m.put("numberValue", LiteralValues::numberValue);
        m.put("stringValue", LiteralValues::stringValue);
        m.put("arena", Node::arena);
        return m;
    }

    /** Nodes of every interesting kind from a parse of PROGRAM, keyed by the accessor they suit best. */
    private static Map<String, Node> sampleNodes(Arena arena) {
        Map<String, Node> m = new LinkedHashMap<>();
        Node decl = arena.rootNode().firstChild();
        Node declarator = decl.firstChild();
        Node binary = declarator.child(1);
        m.put("root", arena.rootNode());
        m.put("declaration", decl);
        m.put("binding", declarator.firstChild());
        m.put("binary", binary);
        m.put("number", binary.firstChild().firstChild());
        m.put("string", binary.firstChild().child(1));
        m.put("reference", binary.child(1));
        for (Map.Entry<String, Node> e : m.entrySet()) assertNotNull(e.getValue(), e.getKey());
        assertEquals(NodeKind.NUMBER_LITERAL, m.get("number").kind());
        assertEquals(NodeKind.STRING_LITERAL, m.get("string").kind());
        return m;
    }

    private static void assertStale(Runnable r, String what) {
        IllegalStateException e = assertThrows(IllegalStateException.class, r::run, what + " on a stale view must throw");
        assertNotNull(e.getMessage(), what);
        assertTrue(e.getMessage().contains("generation"), what + ": message must mention the generation: " + e.getMessage());
    }

    @Test
    void staleNodeThrowsOnEveryAccessorAfterReset() {
        Arena arena = parse(PROGRAM);
        Map<String, Node> nodes = sampleNodes(arena);
        arena.reset();
        for (Map.Entry<String, Node> n : nodes.entrySet()) {
            for (Map.Entry<String, Consumer<Node>> a : nodeAccessors().entrySet()) {
                assertStale(() -> a.getValue().accept(n.getValue()), n.getKey() + "." + a.getKey() + "()");
            }
            assertEquals("Node(stale)", n.getValue().toString(), "toString must not read the new tree");
        }
    }

    @Test
    void staleNodeThrowsAfterReparseEvenOfTheSameText() {
        JsParser p = new JsParser();
        Arena arena = new Arena();
        p.parse(arena, PROGRAM, ParseOptions.script());
        Map<String, Node> nodes = sampleNodes(arena);
        p.parse(arena, PROGRAM, ParseOptions.script()); // identical tree, new generation
        for (Map.Entry<String, Node> n : nodes.entrySet()) {
            for (Map.Entry<String, Consumer<Node>> a : nodeAccessors().entrySet()) {
                assertStale(() -> a.getValue().accept(n.getValue()), n.getKey() + "." + a.getKey() + "()");
            }
        }
        // fresh views of the new tree work
        Map<String, Node> fresh = sampleNodes(arena);
        assertEquals("answer", fresh.get("binding").name());
    }

    @Test
    void staleNodeNeverReturnsDataOfTheNewTree() {
        JsParser p = new JsParser();
        Arena arena = new Arena();
        p.parse(arena, "alpha;", ParseOptions.script());
        Node id = arena.rootNode().firstChild().firstChild();
        assertEquals("alpha", id.name());
        int index = id.index();
        p.parse(arena, "beta;", ParseOptions.script());
        // the same index now holds another node
        assertEquals("beta", arena.names().name(arena.data(index)));
        List<String> leaked = new ArrayList<>();
        List<Function<Node, Object>> reads = List.of(Node::name, Node::text, Node::kind, Node::start, Node::end,
                Node::data, Node::nameId, Node::children, Node::index, Node::firstChild, Node::kindName);
        for (Function<Node, Object> r : reads) {
            try {
                leaked.add(String.valueOf(r.apply(id)));
            } catch (IllegalStateException expected) {
                // good
            }
        }
        assertTrue(leaked.isEmpty(), "stale view returned " + leaked);
    }

    @Test
    void childViewsMadeFromAStaleParentAreNeverHandedOut() {
        Arena arena = parse(PROGRAM);
        Node root = arena.rootNode();
        Node decl = root.firstChild();
        List<Node> children = root.children();
        arena.reset();
        new JsParser().parse(arena, "x;", ParseOptions.script());
        assertStale(root::firstChild, "firstChild");
        assertStale(() -> root.child(1), "child");
        assertStale(decl::nextSibling, "nextSibling");
        for (Node c : children) assertStale(c::kind, "kind of a child listed before the reparse");
    }

    /** Every public method of TreeCursor. */
    private static Map<String, Consumer<TreeCursor>> cursorAccessors() {
        Map<String, Consumer<TreeCursor>> m = new LinkedHashMap<>();
        m.put("node", TreeCursor::node);
        m.put("kind", TreeCursor::kind);
        m.put("start", TreeCursor::start);
        m.put("end", TreeCursor::end);
        m.put("data", TreeCursor::data);
        m.put("view", TreeCursor::view);
        m.put("gotoFirstChild", TreeCursor::gotoFirstChild);
        m.put("gotoNextSibling", TreeCursor::gotoNextSibling);
        m.put("gotoParent", TreeCursor::gotoParent);
        m.put("gotoNext", TreeCursor::gotoNext);
        m.put("depth", TreeCursor::depth);
        return m;
    }

    @Test
    void staleCursorThrowsOnEveryMoveAndReadAfterResetOrReparse() {
        for (int mode = 0; mode < 2; mode++) {
            JsParser p = new JsParser();
            Arena arena = new Arena();
            p.parse(arena, PROGRAM, ParseOptions.script());
            TreeCursor atRoot = arena.cursor();
            TreeCursor deep = arena.cursor();
            while (deep.gotoFirstChild()) { /* descend to the first leaf */ }
            TreeCursor mid = arena.cursor();
            mid.gotoFirstChild();
            mid.gotoFirstChild();
            if (mode == 0) arena.reset();
            else p.parse(arena, PROGRAM, ParseOptions.script());
            for (TreeCursor c : List.of(atRoot, deep, mid)) {
                for (Map.Entry<String, Consumer<TreeCursor>> a : cursorAccessors().entrySet()) {
                    assertStale(() -> a.getValue().accept(c), "cursor." + a.getKey() + "()");
                }
            }
        }
    }

    @Test
    void viewFromCursorIsAlsoGenerationChecked() {
        Arena arena = parse(PROGRAM);
        TreeCursor c = arena.cursor();
        c.gotoFirstChild();
        Node v = c.view();
        assertEquals(NodeKind.VARIABLE_DECLARATION, v.kind());
        assertEquals(c.node(), v.index());
        arena.reset();
        assertStale(v::kind, "view.kind()");
    }

    // ------------------------------------------------------------------ cursor walk

    private static final String[] WALK_PROGRAMS = {
        "",
        "x",
        "let a = 1, [b, {c = 2, ...d}] = e; function f(g, ...h) { return g?.[h](...h) ?? `t${g}u`; }",
        "async (a, b) => a + b; async (x); async\n(y);",          // the async identifier of an arrow is dropped: unreachable
        "class A extends B { #p = 1; static { this.q = 2; } get r() { return this.#p; } }",
        "label: for (const [k, v] of Object.entries(o)) { if (k) continue label; else break; }",
        "({a, b: [c]} = d); [e = 1, ...f] = g; for ([h] of i);",
        "x = (1 + ; y = [1, 2; z = {a b};",                        // recovery nodes
        "try { a } catch ({b}) { c } finally { d } switch (e) { case 1: default: f() }",
    };

    @Test
    void cursorPreOrderWalkVisitsEveryReachableNodeOnceInRecursiveOrder() {
        boolean sawUnreachable = false;
        for (String src : WALK_PROGRAMS) {
            Arena arena = parse(src);
            List<Integer> expected = new ArrayList<>();
            recursivePreOrder(arena, arena.root(), expected);
            BitSet reachable = ParserTestSupport.reachable(arena);
            int unreachable = arena.nodeCount() - reachable.cardinality();
            if (unreachable > 0) sawUnreachable = true;

            List<Integer> visited = new ArrayList<>();
            List<Integer> depths = new ArrayList<>();
            TreeCursor c = arena.cursor();
            do {
                visited.add(c.node());
                depths.add(c.depth());
            } while (c.gotoNext());
            assertEquals(expected, visited, src);
            assertEquals(arena.nodeCount() - unreachable, visited.size(), src);
            assertEquals(visited.size(), new java.util.HashSet<>(visited).size(), "each node once: " + src);
            assertEquals(0, (int) depths.get(0));
            assertEquals(arena.root(), (int) visited.get(0));
            // depth is the number of ancestors, checked against parent links
            int[] parent = parents(arena);
            for (int i = 0; i < visited.size(); i++) {
                int d = 0;
                for (int n = visited.get(i); parent[n] >= 0; n = parent[n]) d++;
                assertEquals(d, (int) depths.get(i), "depth of node " + visited.get(i) + " in " + src);
            }
        }
        assertTrue(sawUnreachable, "at least one program must leave unreachable nodes behind");
    }

    private static void recursivePreOrder(Arena arena, int n, List<Integer> out) {
        out.add(n);
        for (int c = arena.firstChild(n); c >= 0; c = arena.nextSibling(c)) recursivePreOrder(arena, c, out);
    }

    private static int[] parents(Arena arena) {
        int[] parent = new int[arena.nodeCount()];
        java.util.Arrays.fill(parent, -1);
        for (int n = 0; n < arena.nodeCount(); n++) {
            for (int c = arena.firstChild(n); c >= 0; c = arena.nextSibling(c)) parent[c] = n;
        }
        return parent;
    }

    @Test
    void cursorMovesAndStaysInBounds() {
        Arena arena = parse("f(a, b);");
        TreeCursor c = arena.cursor();
        assertEquals(NodeKind.PROGRAM, c.kind());
        assertFalse(c.gotoNextSibling(), "the root has no siblings");
        assertFalse(c.gotoParent(), "the root has no parent");
        assertTrue(c.gotoFirstChild());
        assertEquals(NodeKind.EXPRESSION_STATEMENT, c.kind());
        assertTrue(c.gotoFirstChild());
        assertEquals(NodeKind.CALL, c.kind());
        assertEquals(0, c.start());
        assertEquals(7, c.end());
        assertTrue(c.gotoFirstChild());
        assertEquals("f", c.view().name());
        assertTrue(c.gotoNextSibling());
        assertEquals("a", c.view().name());
        assertTrue(c.gotoNextSibling());
        assertEquals("b", c.view().name());
        assertFalse(c.gotoNextSibling());
        assertEquals("b", c.view().name(), "a failed move stays put");
        assertFalse(c.gotoFirstChild());
        assertEquals(3, c.depth());
        assertTrue(c.gotoParent());
        assertEquals(NodeKind.CALL, c.kind());
        assertEquals(2, c.depth());
        assertTrue(c.gotoParent());
        assertTrue(c.gotoParent());
        assertEquals(NodeKind.PROGRAM, c.kind());
        assertEquals(0, c.depth());
    }

    @Test
    void cursorWalksAVeryDeepTreeWithoutRecursion() throws Exception {
        // a ** a ** ... is right-associative: a tree 100k levels deep built without recursion
        int n = 100_000;
        String src = "a**".repeat(n) + "a";
        Arena arena = parse(src);
        assertEquals(0, arena.log().diagnosticCount());
        Throwable[] failure = new Throwable[1];
        int[] result = new int[2];
        Thread t = new Thread(null, () -> {
            try {
                TreeCursor c = arena.cursor();
                int count = 0;
                int maxDepth = 0;
                do {
                    count++;
                    maxDepth = Math.max(maxDepth, c.depth());
                } while (c.gotoNext());
                result[0] = count;
                result[1] = maxDepth;
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "deep-cursor", 0);
        t.start();
        t.join(20_000);
        if (t.isAlive()) fail("cursor walk hangs");
        if (failure[0] != null) throw new AssertionError(failure[0]);
        assertEquals(ParserTestSupport.reachable(arena).cardinality(), result[0]);
        assertEquals(arena.nodeCount(), result[0]);
        assertTrue(result[1] >= n, "depth " + result[1]);
    }

    @Test
    void nodeIndexOutOfRangeIsRejected() {
        Arena arena = parse("x;");
        assertThrows(IndexOutOfBoundsException.class, () -> arena.node(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> arena.node(arena.nodeCount()));
        assertEquals(NodeKind.IDENTIFIER_REFERENCE, arena.node(0).kind(), "children are finished before parents");
        assertEquals("IDENTIFIER_REFERENCE@0..1", arena.node(0).toString());
    }
}
