package dev.arenals.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.heap.HeapNode;
import dev.arenals.parser.heap.HeapTree;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The arena and the heap baseline are built by the same parser and must hold the same tree: equal
 * dumps, equal spans node by node, equal diagnostics. The snippets together cover every NodeKind.
 */
class HeapEquivalenceTest {
    /** name -> {goal, source}. "M" = module goal, "S" = script. */
    static final Map<String, String[]> SNIPPETS = new LinkedHashMap<>();

    private static void add(String name, String goal, String src) { SNIPPETS.put(name, new String[] {goal, src}); }

    static {
        add("variables and literals", "S", "var a = 1, b; let c = 0x1F + 1_000n; const d = 'str\\n', e = null, f = true, g = false, h = this;");
        add("regex and division", "S", "x = /ab+c/gi.test(s) / 2 / y; z = a++ / 2; w = /[/]\\//u;");
        add("templates", "S", "t = `a${b}c${`nested ${d}`}e`; u = tag`x${y}\\unicode`; v = String.raw`\\n`;");
        add("arrays and objects", "S", "o = { a, b: 1, [c]: 2, 'd': 3, 4: 5, m() {}, get g() { return 1; }, set g(v) {}, ...rest };"
                + " arr = [1, , 2, ...more, ];");
        add("functions", "S", "function f(a, b = 1, {c, d: [e]}, ...g) { return a; } function s(a, b) { 'use strict'; return b; }"
                + " const h = function named() {}; const i = async (x, y) => x + y; const j = z => ({z});");
        add("generators and async", "S", "function* gen() { const x = yield 1; yield* other(); yield; }"
                + " async function af() { await p; for await (const v of s) {} } async function* ag() { yield await 1; }");
        add("classes", "S", "class A extends B { #p = 1; static s = 2; accessor q = 3; constructor() { super(); this.#p++; }"
                + " get #g() { return this.#p; } static { A.s = super.x; } static async *m() {} ['computed']() {} has(o) { return #p in o; } }"
                + " const C = class extends (A) {};");
        add("decorators", "S", "@dec class D { @(factory()) @other.thing method() {} }");
        add("destructuring assignment", "S", "[a, b = 2, ...c] = d; ({e, f: {g}, h = 3, ...i} = j); for ([k, l] of m);");
        add("patterns in declarations", "S", "let [a, [b], {c: [d = 1]}, ...e] = f; const {g, h: {i}, ...j} = k;"
                + " function p([x, y], {z} = {}) {}");
        add("control flow", "S", "if (a) b(); else if (c) { d(); } else e();"
                + " for (let i = 0; i < n; i++) continue; for (k in o) break; for (const v of it) ;"
                + " while (x) x--; do y++; while (y < 3); for (;;) { break; }");
        add("labels", "S", "outer: for (;;) { inner: while (true) { if (a) continue outer; else break inner; } } blk: { break blk; }");
        add("switch", "S", "switch (x) { case 1: case 2: f(); break; default: g(); case 3: { h(); } }");
        add("try and throw", "S", "try { throw new Error('x'); } catch (e) { log(e); } finally { done(); }"
                + " try { a(); } catch { } try { b(); } catch ({message}) {} finally {}");
        add("with and debugger", "S", "with (obj) { prop; } debugger; ;");
        add("operators", "S", "r = a + b * c - d / e % f ** g; s = a << 1 >> 2 >>> 3; t = a & b | c ^ d; u = a && b || c;"
                + " v = (a ?? b); w = !a, ~b, -c, +d, typeof e, void f, delete g.h; x = a < b, a > b, a <= b, a >= b;"
                + " y = a == b, a != b, a === b, a !== b, a instanceof B, k in o; ++i; i--; z = a ? b : c;");
        add("assignments", "S", "a = 1; a += 1; a -= 1; a *= 1; a /= 1; a %= 1; a **= 1; a <<= 1; a >>= 1; a >>>= 1;"
                + " a &= 1; a |= 1; a ^= 1; a &&= 1; a ||= 1; a ??= 1;");
        add("members, calls, new, optional chains", "S", "a.b.c; a[b][c]; a.b(c)(d); new A; new A(b); new a.B(c).d; new new X()();"
                + " a?.b; a?.[b]; a?.(b); a?.b.c(d)?.e; f(...args, last);");
        add("meta properties", "M", "function F() { return new.target; } const u = import.meta.url;");
        add("dynamic import", "S", "import('a'); import(`b${c}`, { with: { type: 'json' } }); import.source('x'); import.defer('y');");
        add("imports", "M", "import d from 'a'; import * as ns from 'b'; import { x, y as z, 'str name' as s, default as dd } from 'c';"
                + " import d2, { w } from 'd'; import d3, * as ns2 from 'e'; import 'side-effect';");
        add("import attributes", "M", "import json from './data.json' with { type: 'json' }; import j2 from 'x' with { 'type': 'json', other: 'v' };"
                + " export * from 'y' with { type: 'json' }; export { q } from 'z' with { type: 'css' };");
        add("exports", "M", "export const a = 1; export let b; export function f() {} export class C {} export async function af() {}"
                + " export { a as aa, b, f as 'string name' }; export * from 'm'; export * as ns from 'n'; export { default } from 'o';");
        add("export default expression", "M", "export default (a, b) => a + b;");
        add("export default class", "M", "export default class { method() {} }");
        add("export default function", "M", "export default async function* () {}");
        add("using declarations", "M", "{ using r = res(); await using s = other(); } for (using x of y) {} for (await using z of w) {}");
        add("sequences and parentheses", "S", "x = (a, b, c); y = ((d)); (e, f) => 1; for (i = 0, j = 1; i < j; i++, j--) ;");
        add("html comments and hashbang", "S", "#!/usr/bin/env node\n<!-- html comment\nx = 1;\n--> closing comment\ny = 2;");
        add("asi", "S", "let a = 1\nlet b = a\n++b\nc = d\n(e)\nreturn_ = 5\nthrow_ = 6");
        add("recovery", "S", "let x = (1 + ;\nif (a {}\nclass C { 123abc }\nfunction (){}\n}\nf(a b);\nconst y = [1, 2");
        add("strict-mode errors", "S", "'use strict'; with (a) {} delete b; var eval; function g(a, a) {} 010;");
        add("context errors", "S", "break; continue; return; await x; yield y; super.z; new.target; import.meta;");
        add("cover grammar errors", "S", "({a = 1}); [a + b] = c; (a, ...b); async (a = await 1) => a; ({a: 1} = b);");
        add("numbers", "S", "n = [0, 1.5, .5, 5., 1e10, 1E-5, 0b1010, 0o17, 0xDEADbeef, 1_000_000, 017, 08, 9007199254740993, 0.1e+2_0, 123n, 0x1Fn];");
        add("strings", "S", "s = ['a', \"b\", '\\x41\\u0042\\u{1F600}', '\\0', 'line\\\ncontinued', '\\'', \"\\\"\", '\\101', '\\uD800'];");
    }

    static Stream<Arguments> snippets() {
        return SNIPPETS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()[0].equals("M"), e.getValue()[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void arenaAndHeapHoldTheSameTree(String name, boolean module, String src) {
        JsParser p = new JsParser();
        Arena arena = new Arena();
        p.parse(arena, src, ParseOptions.of(module));
        HeapTree heap = p.parseHeap(src, ParseOptions.of(module));
        assertEquals(TreeDump.dump(arena), TreeDump.dump(heap), name);
        assertEquals(arena.log().diagnosticCount(), heap.diagnosticCount(), name);
        assertEquals(ParserTestSupport.diagnostics(arena.log(), null), ParserTestSupport.diagnostics(heap.log(), null), name);
        assertEquals(arena.log().commentCount(), heap.log().commentCount(), name);
        assertEquals(src, heap.source());
        assertSameStructure(arena, heap, name);
        // a second parse with the same parser instance (scratch state reused) gives the same result
        HeapTree again = p.parseHeap(src, ParseOptions.of(module));
        assertEquals(TreeDump.dump(heap), TreeDump.dump(again));
        p.parse(arena, src, ParseOptions.of(module));
        assertEquals(TreeDump.dump(heap), TreeDump.dump(arena));
        assertTrue(ParserTestSupport.treeViolations(arena).isEmpty(), () -> ParserTestSupport.treeViolations(arena).toString());
    }

    /** Node by node, including spans, data and PARENTHESIZED wrappers, which the dump leaves out. */
    private static void assertSameStructure(Arena arena, HeapTree heap, String name) {
        Deque<Object[]> stack = new ArrayDeque<>();
        assertNotNull(heap.root());
        stack.push(new Object[] {arena.root(), heap.root()});
        int count = 0;
        while (!stack.isEmpty()) {
            Object[] pair = stack.pop();
            int a = (Integer) pair[0];
            HeapNode h = (HeapNode) pair[1];
            count++;
            String where = name + ": node " + NodeKind.name(arena.kind(a)) + "@" + arena.start(a);
            assertEquals(arena.kind(a), h.kind, where);
            assertEquals(arena.start(a), h.start, where);
            assertEquals(arena.end(a), h.end, where);
            assertEquals(arena.data(a), h.data, where);
            if (NodeKind.hasName(h.kind)) assertEquals(arena.names().name(arena.data(a)), h.name, where);
            List<Integer> kids = new ArrayList<>();
            for (int c = arena.firstChild(a); c >= 0; c = arena.nextSibling(c)) kids.add(c);
            assertEquals(kids.size(), h.children.size(), where);
            for (int i = 0; i < kids.size(); i++) {
                assertEquals(h, h.children.get(i).parent, where + ": parent link");
                stack.push(new Object[] {kids.get(i), h.children.get(i)});
            }
        }
        assertEquals(ParserTestSupport.reachable(arena).cardinality(), count);
    }

    /**
     * The NodeKind constants that are kinds (not data flags or markers), by reflection: an int
     * constant is a kind when NodeKind.name of its value is its own name, which is how NodeKind
     * builds its name table.
     */
    static Map<Integer, String> allKinds() {
        Map<Integer, String> kinds = new TreeMap<>();
        for (Field f : NodeKind.class.getFields()) {
            int mod = f.getModifiers();
            if (!Modifier.isStatic(mod) || !Modifier.isFinal(mod) || f.getType() != int.class) continue;
            try {
                int v = f.getInt(null);
                if (!NodeKind.name(v).equals(f.getName())) continue;
                String previous = kinds.put(v, f.getName());
                assertEquals(null, previous, "two kinds share the value " + v + ": " + previous + ", " + f.getName());
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return kinds;
    }

    /**
     * The ECMAScript kinds: the block of NodeKind below 128. (TypeScript and JSX kinds, numbered
     * from 130, are not produced by JavaScript snippets and are covered by their own tests.)
     */
    static Map<Integer, String> ecmaScriptKinds() {
        Map<Integer, String> kinds = new TreeMap<>(allKinds());
        kinds.keySet().removeIf(k -> k >= 128);
        return kinds;
    }

    @Test
    void kindConstantsAreConsistentWithNodeKindName() {
        Map<Integer, String> kinds = allKinds();
        assertTrue(ecmaScriptKinds().size() >= 85, "found " + ecmaScriptKinds().size() + " ECMAScript kinds: " + kinds);
        for (String flag : new String[] {"COUNT", "VAR_LET", "F_ASYNC", "P_COMPUTED", "C_STATIC", "M_OPTIONAL", "UPDATE_PREFIX"}) {
            assertTrue(!kinds.containsValue(flag), flag + " is a data constant, not a kind");
        }
        for (Map.Entry<Integer, String> e : kinds.entrySet()) {
            assertTrue(e.getKey() > 0 && e.getKey() < NodeKind.COUNT, e.getValue() + " = " + e.getKey() + " out of range");
        }
        for (String k : new String[] {"PROGRAM", "INVALID", "IDENTIFIER_REFERENCE", "DECORATOR", "IMPORT_CALL", "CHAIN"}) {
            assertTrue(kinds.containsValue(k), k);
        }
        assertEquals("KIND_0", NodeKind.name(0));
        assertEquals("KIND_" + NodeKind.COUNT, NodeKind.name(NodeKind.COUNT));
    }

    @Test
    void theSnippetsCoverEveryNodeKind() {
        BitSet seen = new BitSet();
        for (String[] s : SNIPPETS.values()) {
            seen.or(ParserTestSupport.kindsIn(ParserTestSupport.parse(s[1], s[0].equals("M"))));
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<Integer, String> e : ecmaScriptKinds().entrySet()) if (!seen.get(e.getKey())) missing.add(e.getValue());
        assertEquals(List.of(), missing, "node kinds no snippet produces");
    }

    @Test
    void mostSnippetsAreValid() {
        // the snippets meant to be valid really are: a broken snippet would only test recovery
        for (Map.Entry<String, String[]> e : SNIPPETS.entrySet()) {
            String name = e.getKey();
            if (name.contains("error") || name.equals("recovery")) continue;
            Arena arena = ParserTestSupport.parse(e.getValue()[1], e.getValue()[0].equals("M"));
            assertEquals(List.of(), ParserTestSupport.diagnostics(arena), name);
        }
    }
}
