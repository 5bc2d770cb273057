package dev.arenals.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arenals.parser.scope.Binder;
import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.ParseLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Reparsing only the edited top-level statement must give exactly the tree, diagnostics and comments
 * of a full parse of the new text — checked after every one of thousands of random edits (brackets,
 * quotes, comment openers, keywords, line breaks: the edits that make recovery and ASI hard).
 */
class IncrementalReparseTest {
    private static final String[] SNIPPETS = {
        " ", " ", "\n", "x", "y1", "(", ")", "{", "}", "[", "]", ";", ",", "=", "=>", ".", "/", "*", "//", "/*", "*/",
        "`", "${", "'", "\"", "<", ">", "</div>", "?", ":", "let ", "const ", "function f() {}", "class C {}",
        "export ", "import ", "await ", "yield ", "return ", "if (a) ", "\"use strict\";", "async ", "type T = ",
        "interface I { a: string }", "enum E { A }", "namespace N {}", "@dec ", "#priv", "0x1F", "1n", "\\u0061",
    };

    private static String generatedModule(int units) {
        StringBuilder sb = new StringBuilder("import { Base } from './base.js';\n");
        for (int i = 0; i < units; i++) {
            sb.append("/** Unit ").append(i).append(" */\n")
              .append("export function compute").append(i).append("(a, b = ").append(i).append(") {\n")
              .append("  const values = [a, b];\n  let total = 0;\n")
              .append("  for (const v of values) { if (v > 10) { total += v; } else { total -= v; } }\n")
              .append("  return `${total}:item`;\n}\n")
              .append("class Widget").append(i).append(" extends Base {\n  #state = { id: ").append(i)
              .append(" };\n  get id() { return this.#state.id; }\n}\n")
              .append("const config").append(i).append(" = { port: ").append(i).append(", retry: () => compute").append(i).append("(2) };\n")
              .append("// a line comment ").append(i).append('\n');
        }
        return sb.toString();
    }

    private static String typeScriptModule(int units) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < units; i++) {
            sb.append("interface Shape").append(i).append(" { kind: 'k").append(i).append("'; size?: number }\n")
              .append("type Alias").append(i).append("<T> = T extends string ? Shape").append(i).append(" : never;\n")
              .append("enum Color").append(i).append(" { Red, Green = ").append(i).append(" }\n")
              .append("namespace NS").append(i).append(" { export const v = ").append(i).append("; }\n")
              .append("function area").append(i).append("<T extends Shape").append(i).append(">(s: T): number { return s.size ?? 0; }\n")
              .append("const table").append(i).append(": Record<string, number> = { a: 1 } as const;\n")
              .append("export abstract class Box").append(i).append("<T> implements Shape").append(i)
              .append(" { kind = 'k").append(i).append("' as const; abstract open(): void; }\n");
        }
        return sb.toString();
    }

    // Every 25 edits the text goes back to the original, so it stays mostly code (as an edited
    // file does) rather than drifting into noise where every statement has errors. The share of
    // edits taken incrementally is asserted so the test cannot pass by always falling back.

    @Test
    void randomEditsOfAModuleGiveTheFullParsesTree() {
        assertMostlyIncremental(3000, fuzz("module.js", generatedModule(30), ParseOptions.module(), 3000, 1));
    }

    @Test
    void randomEditsOfAScriptGiveTheFullParsesTree() {
        assertMostlyIncremental(3000, fuzz("script.js", "\"use strict\";\n" + generatedModule(20).replace("export ", "").replace("import { Base } from './base.js';", "var Base = Object;"),
                ParseOptions.script(), 3000, 2));
    }

    @Test
    void randomEditsOfTypeScriptGiveTheFullParsesTree() {
        assertMostlyIncremental(3000, fuzz("shapes.ts", typeScriptModule(25), ParseOptions.forFileName("shapes.ts"), 3000, 3));
    }

    @Test
    void randomEditsOfSemicolonFreeCodeGiveTheFullParsesTree() {
        // statements ended by ASI at line breaks, as in code formatted without semicolons
        String ts = typeScriptModule(25).replace(";\n", "\n").replace("; }", " }");
        assertMostlyIncremental(3000, fuzz("no-semicolons.ts", ts, ParseOptions.forFileName("no-semicolons.ts"), 3000, 4));
        String js = generatedModule(30).replace(";\n", "\n");
        assertMostlyIncremental(3000, fuzz("no-semicolons.js", js, ParseOptions.module(), 3000, 5));
    }

    // ---- nested bodies: files that are one statement (UMD / IIFE bundles, a generated parser that is one class)

    /** What an edit inside a nested body meets: context words, braces, openers that run past the body, directives. */
    private static final String[] NESTED_SNIPPETS = {
        " ", "\n", "x", "(", ")", "{", "}", "[", "]", ";", ",", "=", "=>", "/", "//", "/*", "*/", "`", "${", "'", "\"",
        "\"use strict\";", "'use strict'\n", "return ", "yield ", "await ", "async ", "function* g() { yield 1; }",
        "async () => { await 0; }", "super.x", "super()", "new.target", "arguments", "this.#p", "#q", "#p in o",
        "with (o) {}", "010", "let ", "const ", "var v = 1;", "using u = r;", "case 1:", "default:", "break;", "continue;",
        "L: ", "break L;", "class K extends B { #z = 1; m() { return this.#z + this.#p; } }", "static { this.s = 1; }",
        "get g() { return 1; }", "import.meta", "export ", "eval = 1;", "(a, a) => 1", "if (a) ", "else ", "<div>", "/re/g",
        "x => { return x; }", "function (a = () => { return 1; }) {}", "for (var i = 0; i < 1; i++) ", "\\u0061",
    };

    /** A UMD bundle: one statement, functions, classes, object methods and arrows nested several deep. */
    private static String umdBundle(int units, boolean strict) {
        StringBuilder sb = new StringBuilder("(function (root, factory) {\n  if (typeof define === 'function') define([], factory);\n")
            .append("  else root.lib = factory();\n})(this, function () {\n");
        if (strict) sb.append("  \"use strict\";\n");
        sb.append("  var lib = {};\n  class Base { constructor() { this.b = 1; } }\n");
        for (int i = 0; i < units; i++) {
            sb.append("  function helper").append(i).append("(a, b) {\n")
              .append("    var total = 0, re = /a+b/g, t = `x${function () { return a; }()}y`;\n")
              .append("    outer: for (var k = 0; k < a.length; k++) {\n")
              .append("      switch (a[k]) {\n        case 1: total += (function (n) { return n * 2; })(k); break;\n")
              .append("        case 2: { let f = () => { return k; }; total += f(); break outer; }\n        default: total--;\n      }\n    }\n")
              .append("    try { b(total); } catch (e) { total = -1; } finally { total |= 0; }\n")
              .append("    return { total: total, get twice() { return total * 2; }, run(x) { return helper").append(i).append("(x, b); } };\n  }\n")
              .append("  class Widget").append(i).append(" extends Base {\n    #p = ").append(i).append(";\n")
              .append("    static count = 0;\n    handler = (e) => { return this.#p + e; };\n")
              .append("    constructor(x) { super(); this.x = x; Widget").append(i).append(".count++; }\n")
              .append("    get p() { return this.#p; }\n    *items() { yield this.#p; yield* [1, 2]; }\n")
              .append("    async load(u) { var r = await fetch(u); return r.json(); }\n")
              .append("    static { this.ready = true; }\n  }\n")
              .append("  lib.w").append(i).append(" = function (o) {\n    var self = this;\n")
              .append("    return o.map(function (v) { return v.then(async function (w) { return await self.use(w); }); });\n  };\n");
        }
        return sb.append("  return lib;\n});\n").toString();
    }

    /** A generated TypeScript parser: one exported class of many methods. */
    private static String oneClassParser(int methods) {
        StringBuilder sb = new StringBuilder("export class Parser<T> extends Base implements IParser {\n")
            .append("  private pos = 0;\n  #cache: Map<string, T> = new Map();\n  constructor(private readonly src: string) { super(); }\n");
        for (int i = 0; i < methods; i++) {
            sb.append("  parseRule").append(i).append("(depth: number): Node<T> | undefined {\n")
              .append("    const start = this.pos;\n    let node: Node<T> | undefined;\n")
              .append("    if (this.#cache.has('r").append(i).append("')) return this.#cache.get('r").append(i).append("') as Node<T>;\n")
              .append("    for (const alt of [1, 2] as const) {\n      node = this.tryAlt(alt, (n: number): boolean => { return n > depth; });\n")
              .append("      if (node) break;\n    }\n    const mapped = items.map<number>((x) => { return x + ").append(i).append("; });\n")
              .append("    return node ?? this.fail<T>(start, `rule ").append(i).append(" at ${start}`);\n  }\n")
              .append("  get rule").append(i).append("Name(): string { return 'r").append(i).append("'; }\n")
              .append("  private async load").append(i).append("(u: string): Promise<void> { await this.fetch(u); }\n");
        }
        return sb.append("}\n").toString();
    }

    @Test
    void editsInsideNestedBodiesOfABundleGiveTheFullParsesTree() {
        String bundle = umdBundle(12, true);
        int edits = 1500;
        // room for the outer body's new nodes beside the old tree, so that the edits directly in it
        // (between its functions and classes) reparse it alone too; columns sized to the tree leave
        // a body that is most of the tree to a full parse (the last fuzz below, and ArenaTest)
        int room = 3 * full(bundle, ParseOptions.script()).nodeCount();
        int cheap = fuzz("bundle.js", bundle, ParseOptions.script(), edits, 21, NESTED_SNIPPETS, room, false);
        assertMostlyIncremental(edits, cheap);
        // edits that split the bundle's statement (a '}', a comment opener) leave statements the top-level path takes
        assertTrue(nestedInLastFuzz > edits / 4, "only " + nestedInLastFuzz + " of " + edits + " edits reparsed one body alone");
        assertNestedMostlyRebound();
        fuzz("sloppy-bundle.js", umdBundle(12, false), ParseOptions.forFileName("sloppy-bundle.js"), edits, 22, NESTED_SNIPPETS, room, false);
        assertTrue(nestedInLastFuzz > edits / 4, "only " + nestedInLastFuzz + " of " + edits + " edits reparsed one body alone");
        assertNestedMostlyRebound();
        fuzz("bundle.mjs", bundle, ParseOptions.module(), edits, 23, NESTED_SNIPPETS, room, false);
        assertTrue(nestedInLastFuzz > edits / 4, "only " + nestedInLastFuzz + " of " + edits + " edits reparsed one body alone");
        assertNestedMostlyRebound();
    }

    /**
     * An arena sized as a document's is (trimmed to the tree after each full parse): an edit directly
     * in the outer body, which holds most of the tree, takes the full parse instead of keeping the
     * tree twice over; the inner bodies still reparse alone, and every tree and table is still the
     * full parse's and bind's.
     */
    @Test
    void aBundleInColumnsSizedToItsTreeNeverHoldsItTwiceOver() {
        int edits = 1500;
        fuzz("bundle.js, columns sized to the tree", umdBundle(12, true), ParseOptions.script(), edits, 21, NESTED_SNIPPETS, 0, true);
        assertTrue(nestedInLastFuzz > NESTED_IN_TREE_SIZED_BUNDLE_FLOOR, "only " + nestedInLastFuzz + " of " + edits
                + " edits reparsed one body alone, floor " + NESTED_IN_TREE_SIZED_BUNDLE_FLOOR);
        assertNestedMostlyRebound();
        // growing beside the whole old tree (the outer body's reparse, or a region's estimate that
        // counted the statements after it) made them 2.18 slots a node here; 1.85 when set (a region
        // under half the tree in columns an earlier, larger tree had grown)
        assertTrue(grownSlotsPerNodeInLastFuzz < 2, "the columns grew to " + grownSlotsPerNodeInLastFuzz + " slots a node");
    }

    /** Edits of the tree-sized bundle's fuzz (seed 21) that reparse one body alone: 257 when set. */
    private static final int NESTED_IN_TREE_SIZED_BUNDLE_FLOOR = 250;

    /**
     * Floor on the share of one-body reparses whose rebind was one function alone (the nested
     * rebind), in percent: 100% of them when it was set, as nothing a body declares is seen outside it.
     */
    private static final int NESTED_REBIND_PERCENT_FLOOR = 95;

    private static void assertNestedMostlyRebound() {
        assertTrue(nestedReboundInLastFuzz * 100 >= nestedInLastFuzz * NESTED_REBIND_PERCENT_FLOOR, "only " + nestedReboundInLastFuzz
                + " of " + nestedInLastFuzz + " one-body reparses were rebound one function alone, floor " + NESTED_REBIND_PERCENT_FLOOR + "%");
    }

    @Test
    void editsInsideTheMethodsOfAOneClassFileGiveTheFullParsesTree() {
        int edits = 1500;
        // the random snippets leave errors behind, and an earlier error in the one statement keeps a
        // body's first new error from being placed (IncrementalReparse's NestedReparse): a floor, not a share
        fuzz("parser.ts", oneClassParser(30), ParseOptions.forFileName("parser.ts"), edits, 31, NESTED_SNIPPETS);
        assertTrue(nestedInLastFuzz > edits / 10, "only " + nestedInLastFuzz + " of " + edits + " edits reparsed one body alone");
        assertNestedMostlyRebound();
        fuzz("parser.tsx", oneClassParser(30), ParseOptions.forFileName("parser.tsx"), edits, 32, NESTED_SNIPPETS);
        assertTrue(nestedInLastFuzz > edits / 10, "only " + nestedInLastFuzz + " of " + edits + " edits reparsed one body alone");
        assertNestedMostlyRebound();
    }

    /** Edits whose body, reparsed alone, would read differently than in place: each must match the full parse. */
    @Test
    void editsInsideABodyThatTheEnclosingParseReadsBackMatchTheFullParse() {
        JsParser parser = new JsParser();
        ParseOptions script = ParseOptions.script();
        // taken alone: the body's context comes from its ancestors
        String iife = "(function () {\n  function f(a) {\n    return a;\n  }\n  return f;\n})();\n";
        assertNested(parser, iife, script, iife.indexOf("return a") + 7, 0, "+ 1");
        String cls = "(function () {\n  class A extends B {\n    #p = 1;\n    constructor() { super(); this.#p = 2; }\n  }\n})();\n";
        assertNested(parser, cls, script, cls.indexOf("this.#p = 2"), 0, "super.m(); ");
        assertNested(parser, cls, script, cls.indexOf("this.#p = 2") + 6, 1, "p");
        // a strict-mode name in a class's method: TS1213 (in a class) alone as in the full parse
        assertNested(parser, cls, script, cls.indexOf("this.#p = 2"), 0, "var let = 1; ");
        // not alone: a private name no enclosing class declares is an error at the outermost class's end
        assertNotNested(parser, cls, script, cls.indexOf("this.#p = 2") + 6, 1, "q");
        // nor when the prologue becomes strict (it applies to the parameters) or stops being so
        assertNotNested(parser, iife, script, iife.indexOf("return a"), 0, "'use strict';\n    ");
        String strictBody = "(function () {\n  function f(a) {\n    'use strict';\n    return a;\n  }\n})();\n";
        assertNotNested(parser, strictBody, script, strictBody.indexOf("'use strict'"), 1, "\"");
        // nor when the body no longer ends at its '}': a string, comment or template that runs past it
        assertNotNested(parser, iife, script, iife.indexOf("return a") + 7, 0, "/*");
        assertNotNested(parser, iife, script, iife.indexOf("return a") + 7, 0, "`");
        // an arrow in a for head reads 'in' as the head does; a case clause's declaration sees the case
        String forHead = "(function () {\n  for (var f = () => { return 1; }; ;) break;\n})();\n";
        assertNotNested(parser, forHead, script, forHead.indexOf("return 1") + 7, 1, "a in b");
        String caseDecl = "(function () {\n  switch (x) {\n    case 1: const f = function () { return 1; };\n  }\n})();\n";
        assertNotNested(parser, caseDecl, ParseOptions.forFileName("a.ts"), caseDecl.indexOf("return 1"), 0, "using u = r; ");
        // a TypeScript async arrow's body is parsed under the speculation that found its head
        String asyncArrow = "(function () {\n  const f = async (x: number) => { return x; };\n})();\n";
        assertNotNested(parser, asyncArrow, ParseOptions.forFileName("a.ts"), asyncArrow.indexOf("return x"), 0, "await ");
        // a function in a method's computed key is no method: super is an error there
        String key = "(function () {\n  var o = { [function () { return 1; }()]() { return 2; } };\n})();\n";
        assertNested(parser, key, script, key.indexOf("return 1"), 0, "super.x; ");
        assertNested(parser, key, script, key.indexOf("return 2"), 0, "super.x; ");
        // module syntax inside a script's body marks the program
        assertNotNested(parser, iife, script, iife.indexOf("return a"), 0, "export ");
    }

    /** The edit's innermost body (the '{' before it) was reparsed alone. */
    private static void assertNested(JsParser parser, String text, ParseOptions options, int from, int removed, String insert) {
        assertEquals(text.lastIndexOf('{', from), reparseNested(parser, text, options, from, removed, insert), "that body alone: " + insert);
    }

    /** Not the edit's innermost body: an enclosing one, the statement or the whole file. */
    private static void assertNotNested(JsParser parser, String text, ParseOptions options, int from, int removed, String insert) {
        int body = text.lastIndexOf('{', from);
        assertTrue(reparseNested(parser, text, options, from, removed, insert) != body, "not that body alone: " + insert);
    }

    /** {@link #reparse}, which compares with the full parse; the start of the body reparsed alone, or -1. */
    private static int reparseNested(JsParser parser, String text, ParseOptions options, int from, int removed, String insert) {
        char[] buf = text.toCharArray();
        Arena arena = new Arena();
        parser.parseInPlace(arena, buf, buf.length, options);
        String edited = text.substring(0, from) + insert + text.substring(from + removed);
        char[] nb = edited.toCharArray();
        boolean cheap = parser.reparseInPlace(arena, nb, nb.length, options, from, from + removed, from + insert.length());
        Arena reference = full(edited, options);
        assertEquals(structure(reference), structure(arena), "after inserting " + insert);
        new Binder().bind(arena, new ScopeTable());
        new Binder().bind(reference, new ScopeTable());
        assertEquals(diagnostics(reference, 0), diagnostics(arena, 0), "binder diagnostics");
        return cheap && arena.splicedNested() ? arena.splicedFrom() : -1;
    }

    private static void assertMostlyIncremental(int edits, int cheap) {
        assertTrue(cheap > edits / 2, "only " + cheap + " of " + edits + " edits were reparsed incrementally");
    }

    @Test
    void randomEditsOfTheFixtureFilesGiveTheFullParsesTree() throws IOException {
        Path root = Path.of("..", "test-fixtures", "sources");
        List<Path> files = new ArrayList<>();
        try (var walk = Files.walk(root)) {
            walk.filter(p -> p.toString().matches(".*\\.(js|jsx|mjs|ts|tsx)$")).sorted().forEach(files::add);
        }
        assertTrue(files.size() >= 8, "fixture files: " + files);
        int seed = 10;
        int cheap = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            cheap += fuzz(name, Files.readString(f), ParseOptions.forFileName(name), 600, seed++);
        }
        // small files of few statements: the first statement (which could become a directive) is a large share
        assertTrue(cheap > files.size() * 600 / 6, "only " + cheap + " of " + files.size() * 600 + " edits were incremental");
    }

    @Test
    void anEditInsideOneFunctionIsReparsedAloneAndViewsOfTheOldTreeFail() {
        String text = generatedModule(5);
        char[] buf = text.toCharArray();
        Arena arena = new Arena();
        JsParser parser = new JsParser();
        parser.parseInPlace(arena, buf, buf.length, ParseOptions.module());
        var before = arena.rootNode();
        int at = text.indexOf("let total = 0;", text.indexOf("compute2")) + "let total = ".length();
        buf[at] = '7'; // 0 -> 7, same length
        assertTrue(parser.reparseInPlace(arena, buf, buf.length, ParseOptions.module(), at, at + 1, at + 1));
        assertEquals(structure(full(new String(buf), ParseOptions.module())), structure(arena));
        assertThrows(IllegalStateException.class, before::kind, "a view of the old tree must fail");
    }

    @Test
    void editsThatChangeProgramWideStateTakeTheFullParse() {
        JsParser parser = new JsParser();
        // the first statement could become a directive
        assertFalse(reparse(parser, "a;\nb;\n", ParseOptions.script(), 0, 1, "\"use strict\""));
        // the previous statement could run on into the edited one: `x = 1\n(y)` is a call
        assertFalse(reparse(parser, "x = 1\nz;\n", ParseOptions.script(), 6, 7, "(y)"));
        // the only module syntax of an auto-goal TypeScript file is being edited
        assertFalse(reparse(parser, "let a;\nexport const b = 1;\n", ParseOptions.forFileName("a.ts"), 7, 13, "const"));
    }

    /** Issue 15, bug 3: three edits whose incremental result differed from the full parse's. */
    @Test
    void editsTheFuzzerFoundGiveTheFullParsesTree() {
        JsParser parser = new JsParser();
        // deleting the statement before a string makes the string a directive: strict mode for what follows
        reparse(parser, "x;'use strict'\nwith (a) {}", ParseOptions.script(), 0, 2, "");
        reparse(parser, ";\"\"", ParseOptions.script(), 0, 1, "");
        reparse(parser, "a;\n'use strict';\nwith (a) {}\n", ParseOptions.script(), 0, 3, "");
        // an unterminated 'use strict; is not a Use Strict Directive (fuzz finding I1)
        reparse(parser, "'use strict;\n{}\n{}", ParseOptions.script(), 16, 18, "yield");
        reparse(parser, "\"use strict'\n{}\n{}", ParseOptions.script(), 16, 18, "yield");
        // the incremental fuzzer's long run (seed 5005) after the AUTO goal's strict modules
        reparse(parser, "export;export{;", ParseOptions.forFileName("a.d.ts"), 14, 14, "await");
        reparse(parser, "if; y=/", ParseOptions.forFileName("a.tsx"), 4, 4, "else ");
        reparse(parser, "function*{yield;}export;using r", ParseOptions.forFileName("a.js"), 0, 1, "");
        reparse(parser, "using w export; _00", ParseOptions.forFileName("a.d.ts"), 16, 17, "");
        reparse(parser, "using s\nexport;x|101", ParseOptions.forFileName("a.tsx"), 17, 18, "");
        // the previous statement reported "'}' expected." at the edited statement's first token
        reparse(parser, "type T = {[K in;\nx", ParseOptions.forFileName("a.ts"), 18, 18, "y");
        reparse(parser, "type T = {[K in;\nx", ParseOptions.forFileName("a.ts"), 17, 17, "y");
        // next to an unfinished closing tag
        reparse(parser, "<a></a f(;", ParseOptions.forFileName("a.tsx"), 9, 9, ")");
        reparse(parser, "<a></a f(;", ParseOptions.forFileName("a.jsx"), 9, 9, ")");
        reparse(parser, "x = <div></div\nfoo();", ParseOptions.forFileName("a.jsx"), 15, 15, "b");
    }

    @Test
    void aTreeWhoseParseSpeculatedALotIsReparsedInFull() {
        // the parser's speculation budget grows with the tokens parsed so far, so an incremental
        // parse (which has parsed few) must not run where the full parse came near it
        String generics = "let y = 1;\n" + "f<" + "a<".repeat(3000) + "b" + ">".repeat(3000) + "(c);\nlet z = 2;\n";
        char[] buf = generics.toCharArray();
        Arena arena = new Arena();
        JsParser parser = new JsParser();
        parser.parseInPlace(arena, buf, buf.length, ParseOptions.forFileName("spec.ts"));
        assertTrue(arena.wastedTokens() > 50_000, "the input must make the parser speculate a lot: " + arena.wastedTokens());
        int at = generics.indexOf("2;");
        char[] edited = generics.replace("z = 2", "z = 3").toCharArray();
        boolean cheap = parser.reparseInPlace(arena, edited, edited.length, ParseOptions.forFileName("spec.ts"), at, at + 1, at + 1);
        assertEquals(structure(full(new String(edited), ParseOptions.forFileName("spec.ts"))), structure(arena));
        assertFalse(cheap, "a full parse, since the speculation allowance is spent");
    }

    @Test
    void editsNextToAndInsideATooDeeplyNestedStatementMatchTheFullParse() {
        String deep = "let a = 1;\nlet b = 2;\nx = " + "[".repeat(100_000) + "]".repeat(100_000) + ";\nlet c = 3;\n";
        JsParser parser = new JsParser();
        // next to it: reparsed alone, the deep statement's diagnostic kept
        assertTrue(reparse(parser, deep, ParseOptions.script(), deep.indexOf("2;"), deep.indexOf("2;") + 1, "7"));
        // inside it: the reparse goes too deep and declines; the full parse gives one diagnostic
        int inside = deep.indexOf("[[[") + 50_000;
        assertFalse(reparse(parser, deep, ParseOptions.script(), inside, inside, "0,"));
    }

    private static boolean reparse(JsParser parser, String text, ParseOptions options, int from, int to, String insert) {
        char[] buf = text.toCharArray();
        Arena arena = new Arena();
        parser.parseInPlace(arena, buf, buf.length, options);
        String edited = text.substring(0, from) + insert + text.substring(to);
        char[] nb = edited.toCharArray();
        boolean cheap = parser.reparseInPlace(arena, nb, nb.length, options, from, to, from + insert.length());
        Arena reference = full(edited, options);
        assertEquals(structure(reference), structure(arena));
        new Binder().bind(arena, new ScopeTable());
        new Binder().bind(reference, new ScopeTable());
        assertEquals(diagnostics(reference, 0), diagnostics(arena, 0), "binder diagnostics");
        return cheap;
    }

    /**
     * Applies {@code edits} random single edits one after another; after each, the incrementally
     * maintained arena must equal a fresh full parse (tree, names, diagnostics, comments, goal, and
     * the binder's early errors). Also asserts the cheap path is actually taken most of the time, so
     * this cannot pass by always falling back.
     */
    private static int fuzz(String name, String initial, ParseOptions options, int edits, long seed) {
        return fuzz(name, initial, options, edits, seed, SNIPPETS);
    }

    /** Edits the last {@link #fuzz} reparsed by the nested path (one function body alone). */
    private static int nestedInLastFuzz;
    /** Of those, the edits the binder then rebound one function alone (the nested rebind). */
    private static int nestedReboundInLastFuzz;

    /**
     * In the last {@link #fuzz}: the most node slots the columns grew to (0: they never grew), per
     * node of the larger of the trees before and after the reparse that grew them.
     */
    private static double grownSlotsPerNodeInLastFuzz;

    private static int fuzz(String name, String initial, ParseOptions options, int edits, long seed, String[] snippets) {
        return fuzz(name, initial, options, edits, seed, snippets, 0, false);
    }

    /**
     * {@code arenaNodes}: the arena's node slots to begin with (0: {@code new Arena()}'s);
     * {@code sizedAsADocument}: its columns trimmed to the tree after every full parse, as a document's are.
     */
    private static int fuzz(String name, String initial, ParseOptions options, int edits, long seed, String[] snippets,
            int arenaNodes, boolean sizedAsADocument) {
        Random random = new Random(seed);
        int nested = 0, nestedRebound = 0;
        double grownSlotsPerNode = 0;
        StringBuilder text = new StringBuilder(initial);
        char[] buf = initial.toCharArray();
        Arena arena = arenaNodes > 0 ? new Arena(arenaNodes) : new Arena();
        JsParser parser = new JsParser();
        Binder binder = new Binder();
        ScopeTable scopes = new ScopeTable();
        parser.parseInPlace(arena, buf, buf.length, options);
        if (sizedAsADocument) arena.trimToTree();
        int cheap = 0;
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(text.length() + 1);
            int removed = random.nextInt(4) == 0 ? Math.min(text.length() - at, 1 + random.nextInt(3)) : 0;
            String inserted = random.nextInt(5) == 0 ? "" : snippets[random.nextInt(snippets.length)];
            if (removed == 0 && inserted.isEmpty()) inserted = " ";
            String before = text.toString();
            text.replace(at, at + removed, inserted);
            buf = text.toString().toCharArray();
            List<int[]> statementsBefore = topLevelSpans(arena);
            int slotsBefore = arena.capacity(), nodesBefore = arena.nodeCount();
            boolean incremental = parser.reparseInPlace(arena, buf, buf.length, options, at, at + removed, at + inserted.length());
            Arena reference = full(text.toString(), options);
            String where = name + " edit " + i + " at " + at + " (-" + removed + " +'" + inserted + "')";
            String expected = structure(reference);
            String actual = structure(arena);
            if (!expected.equals(actual)) {
                assertEquals(expected, actual, where + "\n" + firstDifference(expected, actual) + "\nbefore:\n" + before + "\nafter:\n" + text);
            }
            if (incremental) {
                cheap++;
                if (arena.splicedNested()) nested++;
                checkSplicedRegion(arena, statementsBefore, at, at + removed, inserted.length() - removed, where);
            } else {
                assertEquals(-1, arena.splicedFrom(), where + ": a full parse rewrote everything");
                if (sizedAsADocument) arena.trimToTree();
            }
            // what the columns keep (a document trims them after a full parse)
            if (arena.capacity() > slotsBefore) {
                grownSlotsPerNode = Math.max(grownSlotsPerNode, (double) arena.capacity() / Math.max(nodesBefore, arena.nodeCount()));
            }
            binder.bind(arena, scopes);
            if (binder.lastRebindFailure() != null) throw new AssertionError(where + ": the incremental rebind threw", binder.lastRebindFailure());
            if (incremental && arena.splicedNested() && binder.lastBindWasIncremental()) nestedRebound++;
            ScopeTable referenceScopes = new ScopeTable();
            new Binder().bind(reference, referenceScopes);
            String difference = scopes.differenceFrom(referenceScopes);
            if (difference != null) fail(where + ": scope table differs from a full bind's ("
                    + (binder.lastBindWasIncremental() ? "incremental" : "full") + " rebind): " + difference + "\nafter:\n" + text);
            assertEquals(diagnostics(reference, 0), diagnostics(arena, 0), where + ": binder diagnostics");
            // drift back towards the original now and then, so the text stays mostly code
            if (i % 25 == 24) {
                text = new StringBuilder(initial);
                buf = initial.toCharArray();
                parser.parseInPlace(arena, buf, buf.length, options);
                if (sizedAsADocument) arena.trimToTree();
                binder.bind(arena, scopes); // as a document does after every parse: the next edit may rebind incrementally
            }
        }
        System.out.printf("incremental reparse fuzz %s: %d edits, %d reparsed incrementally (%d one body alone, %d of those rebound one function alone), "
                + "all equal to a full parse and bind; columns grown to %.2f slots a node at most%n", name, edits, cheap, nested, nestedRebound, grownSlotsPerNode);
        nestedInLastFuzz = nested;
        grownSlotsPerNodeInLastFuzz = grownSlotsPerNode;
        nestedReboundInLastFuzz = nestedRebound;
        return cheap;
    }

    private static List<int[]> topLevelSpans(Arena arena) {
        List<int[]> spans = new ArrayList<>();
        if (arena.root() < 0) return spans;
        for (int c = arena.firstChild(arena.root()); c >= 0; c = arena.nextSibling(c)) spans.add(new int[] {arena.start(c), arena.end(c)});
        return spans;
    }

    /**
     * The arena's record of what an incremental reparse rewrote covers the edit, and the top-level
     * statements outside it are the old ones: those before it where they were, those after it moved
     * by the change in length.
     */
    private static void checkSplicedRegion(Arena arena, List<int[]> before, int editStart, int editOldEnd, int delta, String where) {
        int from = arena.splicedFrom(), oldEnd = arena.splicedOldEnd(), newEnd = arena.splicedNewEnd();
        assertTrue(from >= 0 && from <= editStart && editOldEnd <= oldEnd && newEnd - oldEnd == delta, where + ": spliced ["
                + from + ", " + oldEnd + ") -> " + newEnd);
        List<String> keptBefore = new ArrayList<>(), keptAfter = new ArrayList<>();
        for (int[] s : before) {
            if (s[1] <= from) keptBefore.add(s[0] + ".." + s[1]);
            else if (s[0] >= oldEnd) keptAfter.add((s[0] + delta) + ".." + (s[1] + delta));
            else if (s[0] < from && s[1] >= oldEnd) {
                // a nested reparse: one body inside this statement was rewritten, the statement stays and its end moves
                keptBefore.add(s[0] + ".." + (s[1] + delta));
            } else {
                assertTrue(s[0] >= from && s[1] <= oldEnd, where + ": an old statement straddles the rewritten text");
            }
        }
        // in order: the kept statements first, then the new ones, then the moved ones (a statement
        // of no width at the boundary, from recovery, tells nothing by its span)
        List<int[]> now = topLevelSpans(arena);
        List<String> nowBefore = new ArrayList<>(), nowAfter = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            int[] s = now.get(i);
            if (i < keptBefore.size()) nowBefore.add(s[0] + ".." + s[1]);
            else if (i >= now.size() - keptAfter.size()) nowAfter.add(s[0] + ".." + s[1]);
            else assertTrue(s[0] >= from && s[1] <= newEnd, where + ": a new statement outside the rewritten text");
        }
        assertEquals(keptBefore, nowBefore, where + ": statements before the rewritten text");
        assertEquals(keptAfter, nowAfter, where + ": statements after the rewritten text");
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1), a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String x = i < e.length ? e[i] : "<none>", y = i < a.length ? a[i] : "<none>";
            if (!x.equals(y)) {
                int c = 0;
                while (c < Math.min(x.length(), y.length()) && x.charAt(c) == y.charAt(c)) c++;
                int from = Math.max(0, c - 300);
                return "first difference, line " + i + ", column " + c + ":\n  full parse:  " + x.substring(from, Math.min(x.length(), c + 300))
                        + "\n  incremental: " + y.substring(from, Math.min(y.length(), c + 300));
            }
        }
        return "no line differs";
    }

    private static Arena full(String text, ParseOptions options) {
        Arena a = new Arena();
        new JsParser().parse(a, text, options);
        return a;
    }

    private static String structure(Arena arena) {
        return TreeDump.exact(arena);
    }

    private static String diagnostics(Arena arena, int from) {
        StringBuilder out = new StringBuilder();
        ParseLog log = arena.log();
        for (int i = from; i < log.diagnosticCount(); i++) {
            out.append(log.diagnostic(i)).append(' ').append(log.diagnosticStart(i)).append('-').append(log.diagnosticEnd(i))
               .append(' ').append(DiagnosticMessages.message(log, i, arena.names())).append('\n');
        }
        return out.toString();
    }
}
