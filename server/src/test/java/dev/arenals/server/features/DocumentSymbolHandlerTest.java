package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.junit.jupiter.api.Test;

class DocumentSymbolHandlerTest {
    private final DocumentSymbolHandler handler = new DocumentSymbolHandler();

    /** One line per symbol: indent, kind, name, [detail], range, selection range. */
    static String outline(List<DocumentSymbol> symbols) {
        StringBuilder sb = new StringBuilder();
        render(symbols, "", sb);
        return sb.toString();
    }

    private static void render(List<DocumentSymbol> symbols, String indent, StringBuilder sb) {
        if (symbols == null) return;
        for (DocumentSymbol s : symbols) {
            sb.append(indent).append(s.getKind()).append(' ').append(s.getName());
            if (s.getDetail() != null) sb.append(" [").append(s.getDetail()).append(']');
            sb.append(' ').append(r(s.getRange())).append(" @").append(r(s.getSelectionRange())).append('\n');
            render(s.getChildren(), indent + "  ", sb);
        }
    }

    private static String r(Range r) {
        return r.getStart().getLine() + ":" + r.getStart().getCharacter() + "-" + r.getEnd().getLine() + ":" + r.getEnd().getCharacter();
    }

    private String outline(String source) {
        return outline(handler.documentSymbols(Docs.parsed("file:///o.mjs", source)));
    }

    @Test
    void functionsWithNestedDeclarations() {
        assertEquals(""
                // `export` starts the range, and locals are outlined, as in TypeScript's navigation tree
                + "Function parse [(src, opts = {}, ...rest)] 0:0-4:1 @0:22-0:27\n"
                + "  Constant limit 1:8-1:18 @1:8-1:13\n"
                + "  Function inner [()] 2:2-2:21 @2:11-2:16\n"
                + "  Function helper [(x)] 3:8-3:25 @3:8-3:14\n",
                outline("export async function parse(src, opts = {}, ...rest) {\n"
                        + "  const limit = 10;\n"
                        + "  function inner() {}\n"
                        + "  const helper = (x) => x;\n"
                        + "}\n"));
    }

    @Test
    void classesAndMembers() {
        assertEquals(""
                + "Class Lexer [extends Base] 0:0-7:1 @0:6-0:11\n"
                + "  Field #pos 1:2-1:11 @1:2-1:6\n"
                + "  Field count [static] 2:2-2:15 @2:9-2:14\n"
                + "  Constructor constructor [(text)] 3:2-3:32 @3:2-3:13\n"
                + "  Property pos [get] 4:2-4:33 @4:6-4:9\n"
                + "  Method next [()] 5:2-5:42 @5:2-5:6\n"
                + "    Function local [()] 5:11-5:30 @5:20-5:25\n"
                + "  Method handler 6:2-6:21 @6:2-6:9\n",
                outline("class Lexer extends Base {\n"
                        + "  #pos = 0;\n"
                        + "  static count;\n"
                        + "  constructor(text) { super(); }\n"
                        + "  get pos() { return this.#pos; }\n"
                        + "  next() { function local() {} return 1; }\n"
                        + "  handler = () => {};\n"
                        + "}\n"));
    }

    /** A member's decorators come before its key; a field's type annotation before its value (tree/Layouts). */
    @Test
    void decoratedAndTypedMembersAreNamedByTheirKeys() {
        assertEquals(""
                + "Class A 0:0-0:55 @0:6-0:7\n"
                + "  Method m [()] 0:10-0:21 @0:15-0:16\n"
                + "  Method f 0:22-0:53 @0:28-0:29\n",
                outline(handler.documentSymbols(Docs.parsed("file:///o.ts",
                        "class A { @log m() {} @bind f: () => void = () => {}; }"))));
    }

    @Test
    void variablesIncludingDestructuredNames() {
        assertEquals(""
                + "Variable p 0:5-0:6 @0:5-0:6\n"
                + "Variable q 0:10-0:11 @0:10-0:11\n"
                + "Variable s2 0:17-0:19 @0:17-0:19\n"
                + "Variable d 0:24-0:29 @0:24-0:25\n"
                + "Constant k 1:6-1:11 @1:6-1:7\n"
                + "Variable v 2:4-2:5 @2:4-2:5\n"
                + "Variable i 3:9-3:14 @3:9-3:10\n",
                outline("let [p, { q, r: [s2] }, d = 1] = arr;\n"
                        + "const k = 1;\n"
                        + "var v;\n"
                        + "for (let i = 0; i < 1; i++) {}\n"));
    }

    @Test
    void objectLiteralsAssignedToVariablesHaveEveryMember() {
        assertEquals(""
                + "Constant config 0:13-4:1 @0:13-0:19\n"
                + "  Property port 1:2-1:10 @1:2-1:6\n"
                + "  Property handlers 2:2-2:46 @2:2-2:10\n"
                + "    Method onOpen [()] 2:14-2:25 @2:14-2:20\n"
                + "    Method onClose [()] 2:27-2:44 @2:27-2:34\n"
                + "  Property name [get] 3:2-3:28 @3:6-3:10\n"
                + "Function f [()] 5:0-5:47 @5:9-5:10\n"
                + "  Constant api 5:21-5:44 @5:21-5:24\n"
                + "    Method go [()] 5:29-5:36 @5:29-5:31\n"
                + "    Property n 5:38-5:42 @5:38-5:39\n"
                + "Module default 6:0-6:35 @6:0-6:35\n"
                + "  Method data [()] 6:17-6:26 @6:17-6:21\n"
                + "  Property x 6:28-6:32 @6:28-6:29\n",
                outline("export const config = {\n"
                        + "  port: 80,\n"
                        + "  handlers: { onOpen() {}, onClose: () => {} },\n"
                        + "  get name() { return \"x\"; },\n"
                        + "};\n"
                        + "function f() { const api = { go() {}, n: 1 }; }\n"
                        + "export default { data() {}, x: 1 };\n"));
    }

    @Test
    void callbacksAndWhatExpressionsHoldAsTypeScriptsNavigationTree() {
        assertEquals(""
                + "Function describe(\"parser\") callback [()] 0:19-3:1 @0:19-3:1\n"
                + "  Constant input 1:8-1:17 @1:8-1:13\n"
                + "  Function it(\"parses\", `fast`) callback [()] 2:23-2:31 @2:23-2:31\n"
                + "Constant Codes 4:6-4:24 @4:6-4:11\n"
                + "  Property a 4:16-4:22 @4:16-4:17\n"
                + "Constant schema 5:6-5:33 @5:6-5:12\n"
                + "  Property name 5:26-5:30 @5:26-5:30\n"
                + "Function make [()] 6:0-6:50 @6:9-6:13\n"
                + "  Function <function> [()] 6:25-6:47 @6:25-6:47\n"
                + "    Constant v 6:39-6:44 @6:39-6:40\n"
                + "Function list.map() callback [()] 7:9-7:16 @7:9-7:16\n",
                outline("describe(\"parser\", () => {\n"
                        + "  const input = 1;\n"
                        + "  it(\"parses\", `fast`, () => {});\n"
                        + "});\n"
                        + "const Codes = { a: \"a\" } as const;\n"
                        + "const schema = z.object({ name });\n"
                        + "function make() { return () => { const v = 1; }; }\n"
                        + "list.map(() => 1);\n"));
    }

    @Test
    void loopAndCatchVariablesParameterPropertiesAndArrowExpressionBodies() {
        assertEquals(""
                + "Constant x 0:11-0:12 @0:11-0:12\n"
                + "Variable e 1:14-1:15 @1:14-1:15\n"
                + "Class A 2:0-2:44 @2:6-2:7\n"
                + "  Constructor constructor [(public v: number)] 2:10-2:42 @2:10-2:21\n"
                + "  Property v 2:22-2:38 @2:29-2:30\n"
                + "Function make [(k)] 3:6-3:30 @3:6-3:10\n"
                + "  Property code 3:23-3:27 @3:23-3:27\n",
                outline(handler.documentSymbols(Docs.parsed("file:///o.ts", "for (const x of xs) {}\n"
                        + "try {} catch (e) {}\n"
                        + "class A { constructor(public v: number) {} }\n"
                        + "const make = (k) => ({ code });\n"))));
    }

    @Test
    void deeplyNestedExpressionsAreWalkedWithoutOverflow() {
        String deep = "f(".repeat(3000) + "() => { const x = 1; }" + ")".repeat(3000) + ";\n";
        List<DocumentSymbol> symbols = handler.documentSymbols(Docs.parsed("file:///d.js", deep));
        checkWellFormed(symbols);
    }

    @Test
    void typeMembersRangeOverTheirSeparator() {
        assertEquals(""
                + "Interface I 0:0-0:37 @0:17-0:18\n"
                + "  Property a 0:21-0:31 @0:21-0:22\n"
                + "  Method m [()] 0:32-0:35 @0:32-0:33\n",
                outline(handler.documentSymbols(Docs.parsed("file:///o.ts", "export interface I { a: number; m() }"))));
    }

    @Test
    void commonJsExportsAndPrototypes() {
        assertEquals(""
                + "Module module.exports 0:0-0:33 @0:0-0:14\n"
                + "  Property z 0:19-0:23 @0:19-0:20\n"
                + "  Method f [()] 0:25-0:31 @0:25-0:26\n"
                + "Function Foo.prototype.bar [(x)] 1:0-1:35 @1:0-1:17\n"
                + "Function exports.run [()] 2:0-2:26 @2:0-2:11\n",
                outline("module.exports = { z: 1, f() {} };\n"
                        + "Foo.prototype.bar = function (x) {};\n"
                        + "exports.run = () => { x; };\n"
                        + "a.b = 1;\n"));
    }

    @Test
    void declarationsInsideStatementsLoopHeadsCatchesAndDefaults() {
        assertEquals(""
                + "Variable t 0:10-0:15 @0:10-0:11\n"
                + "Variable err 0:26-0:29 @0:26-0:29\n"
                + "Constant i 1:11-1:12 @1:11-1:12\n"
                + "Function inLoop [()] 1:22-1:42 @1:31-1:37\n"
                + "Function inIf [()] 2:9-2:27 @2:18-2:22\n"
                + "Class default 3:0-3:31 @3:0-3:31\n"
                + "  Method m [()] 3:23-3:29 @3:23-3:24\n",
                outline("try { var t = 1; } catch (err) { err; }\n"
                        + "for (const i of xs) { function inLoop() {} }\n"
                        + "if (a) { function inIf() {} }\n"
                        + "export default class { m() {} }\n"));
    }

    @Test
    void brokenCodeStillOutlinesAndNamesAreNeverEmpty() {
        Document doc = Docs.parsed("file:///b.js", "function (a) {\nclass {\n  m( {}\n}\nconst = 1;\nlet { x\n");
        List<DocumentSymbol> symbols = handler.documentSymbols(doc);
        assertTrue(symbols.size() >= 1);
        checkWellFormed(symbols);
        // unfinished callbacks, loops, catches and object literals
        for (String text : new String[] {"describe('x', () => {\n  it(", "for (const", "try {} catch (", "const o = { a: () =>", "x = f(function () { const"}) {
            checkWellFormed(handler.documentSymbols(Docs.parsed("file:///b.ts", text)));
        }
    }

    private static void checkWellFormed(List<DocumentSymbol> symbols) {
        if (symbols == null) return;
        for (DocumentSymbol s : symbols) {
            assertTrue(!s.getName().isBlank(), "a name");
            assertTrue(within(s.getRange(), s.getSelectionRange()), () -> s.getName() + ": selection outside range");
            checkWellFormed(s.getChildren());
        }
    }

    private static boolean within(Range outer, Range inner) {
        return cmp(outer.getStart(), inner.getStart()) <= 0 && cmp(inner.getEnd(), outer.getEnd()) <= 0;
    }

    private static int cmp(Position a, Position b) {
        return a.getLine() != b.getLine() ? a.getLine() - b.getLine() : a.getCharacter() - b.getCharacter();
    }

    @Test
    void flatSymbolsNameTheirContainer() {
        Document doc = Docs.parsed("class A { m() {} }\nfunction f() { function g() {} }\n");
        List<SymbolInformation> flat = handler.symbolInformation(doc);
        assertEquals(4, flat.size());
        assertEquals("m", flat.get(1).getName());
        assertEquals("A", flat.get(1).getContainerName());
        assertEquals("g", flat.get(3).getName());
        assertEquals("f", flat.get(3).getContainerName());
        assertEquals(null, flat.get(0).getContainerName());
    }

    @Test
    void oversizedDocumentsHaveNoOutline() {
        Document doc = new Document("file:///big.js", "javascript", 1, "let x = 1;", dev.arenals.server.document.PositionEncoding.UTF16,
                new dev.arenals.server.document.SerialQueue(Runnable::run, null, t -> { }));
        doc.ensureParsed(dev.arenals.server.document.ParseTools.current(), 5);
        assertTrue(handler.documentSymbols(doc).isEmpty());
    }
}
