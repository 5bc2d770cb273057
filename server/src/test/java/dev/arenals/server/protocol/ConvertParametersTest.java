package dev.arenals.server.protocol;

import static dev.arenals.server.features.ConvertParameters.KIND;
import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.testing.InProcessServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Convert parameters to destructured object": the function's parameters become one typed object
 * pattern and every call in the workspace (open or not) passes one object literal; refused as a
 * whole when a use of the function is not a call it can rewrite. The cursor is at {@code |}.
 */
class ConvertParametersTest {
    @TempDir Path root;

    private void write(String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String uri(String rel) { return root.resolve(rel).toUri().toString(); }

    /** The action at {@code |} of {@code rel} (written without the marker), or null when not offered. */
    private static CodeAction offered(InProcessServer s, String uri, String text, int cursor) throws Exception {
        int line = 0, lineStart = 0;
        for (int k = 0; k < cursor; k++) if (text.charAt(k) == '\n') { line++; lineStart = k + 1; }
        Position p = new Position(line, cursor - lineStart);
        CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), new Range(p, p), new CodeActionContext(List.of()));
        for (Either<Command, CodeAction> a : get(s.remote.getTextDocumentService().codeAction(params))) {
            if (a.isRight() && KIND.equals(a.getRight().getKind())) return a.getRight();
        }
        return null;
    }

    /** Every file after the conversion at {@code |} in {@code rel} (the other files as written), resolving or not. */
    private Map<String, String> convert(boolean resolves, String rel, String marked) throws Exception {
        int cursor = marked.indexOf('|');
        String text = marked.substring(0, cursor) + marked.substring(cursor + 1);
        write(rel, text);
        try (InProcessServer s = ConvertExportTest.start(root, resolves)) {
            s.open(uri(rel), "typescript", 1, text);
            CodeAction action = offered(s, uri(rel), text, cursor);
            assertNotNull(action, "offered at | of " + marked);
            if (resolves) {
                assertNull(action.getEdit(), "the calls come with resolve");
                action = get(s.remote.getTextDocumentService().resolveCodeAction(action));
            }
            assertNotNull(action.getEdit());
            return ConvertExportTest.applied(root, action.getEdit());
        }
    }

    private String convertOne(String marked) throws Exception { return convert(true, "m.ts", marked).get("m.ts"); }

    private boolean offeredAt(String rel, String marked) throws Exception {
        int cursor = marked.indexOf('|');
        String text = marked.substring(0, cursor) + marked.substring(cursor + 1);
        write(rel, text);
        try (InProcessServer s = ConvertExportTest.start(root, true)) {
            s.open(uri(rel), rel.endsWith(".js") ? "javascript" : "typescript", 1, text);
            return offered(s, uri(rel), text, cursor) != null;
        }
    }

    /** The reason the resolve gives for refusing. */
    private String refusal(String marked) throws Exception {
        int cursor = marked.indexOf('|');
        String text = marked.substring(0, cursor) + marked.substring(cursor + 1);
        write("m.ts", text);
        try (InProcessServer s = ConvertExportTest.start(root, true)) {
            s.open(uri("m.ts"), "typescript", 1, text);
            CodeAction action = offered(s, uri("m.ts"), text, cursor);
            assertNotNull(action, "offered at | of " + marked);
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> s.remote.getTextDocumentService().resolveCodeAction(action).get());
            return failed.getCause().getMessage();
        }
    }

    @Test
    void typedParametersBecomeOnePatternAndEveryCallPassesAnObject() throws Exception {
        assertEquals("function area({ width, height }: { width: number; height: number; }) { return width * height; }\n"
                        + "area({ width: 2, height: 3 });\nconst height = 4;\narea({ width: 1 + 1, height });\n",
                convertOne("function ar|ea(width: number, height: number) { return width * height; }\n"
                        + "area(2, 3);\nconst height = 4;\narea(1 + 1, height);\n"));
    }

    @Test
    void optionalDefaultedAndRestParametersKeepTheirMeaning() throws Exception {
        assertEquals("function f({ a, b, c = 1, rest = [] }: { a: string; b?: boolean; c?: number; rest?: string[]; }) {}\n"
                        + "f({ a: \"x\" });\nf({ a: \"x\", b: true, c: 2, rest: [\"y\", \"z\"] });\n",
                convertOne("function f(|a: string, b?: boolean, c = 1, ...rest: string[]) {}\nf(\"x\");\nf(\"x\", true, 2, \"y\", \"z\");\n"));
        assertEquals("const g = ({ a = \"s\", b }: { a?: string; b?: number; } = {}) => a;\ng();\ng({ a: \"t\" });\n",
                convertOne("const g = (a = \"s\", b|?: number) => a;\ng();\ng(\"t\");\n"));
    }

    @Test
    void thisStaysFirstAndAnUntypedParameterStaysUntyped() throws Exception {
        assertEquals("export function h(this: Window, { x }: { x; }) { return x; }\n",
                convertOne("export function |h(this: Window, x) { return x; }\n"));
    }

    @Test
    void aConstructorsParametersBecomeOneObjectAndEveryNewPassesOne() throws Exception {
        assertEquals("export class Point {\n    static origin = new Point({ x: 0, y: 0 });\n    constructor({ x, y = 0 }: { x: number; y?: number; }) {}\n}\n"
                        + "const p: Point = new Point({ x: 1, y: 2 });\nconst q = new Point({ x: 3 });\np instanceof Point && Point.origin;\n",
                convertOne("export class Point {\n    static origin = new Point(0, 0);\n    constructor(|x: number, y = 0) {}\n}\n"
                        + "const p: Point = new Point(1, 2);\nconst q = new Point(3);\np instanceof Point && Point.origin;\n"));
        assertTrue(refusal("class A { constructor(|x: number) {} }\nclass B extends A {}\n").contains("super"), "a subclass constructs it through super");
        assertTrue(refusal("class A { constructor(|x: number) {} }\nconst classes = [A];\n").contains("used as a value"), "the class as a value");
    }

    @Test
    void nestedCallsAreWrittenInsideOut() throws Exception {
        assertEquals("function add({ a, b }: { a: number; b: number; }) { return a + b; }\nadd({ a: add({ a: 1, b: 2 }), b: add({ a: 3, b: 4 }) });\n",
                convertOne("function |add(a: number, b: number) { return a + b; }\nadd(add(1, 2), add(3, 4));\n"));
    }

    @Test
    void manyAndDeeplyNestedCallsAreWrittenOnceEach() throws Exception {
        StringBuilder nested = new StringBuilder("1");
        for (int i = 0; i < 60; i++) nested.insert(0, "f(").append(", ").append(i).append(")");
        StringBuilder source = new StringBuilder("function f(|a: number, b: number) { return a + b; }\n");
        for (int i = 0; i < 2000; i++) source.append("f(").append(i).append(", f(1, 2));\n");
        source.append(nested).append(";\n");
        String after = convertOne(source.toString());
        assertTrue(after.startsWith("function f({ a, b }: { a: number; b: number; }) { return a + b; }\nf({ a: 0, b: f({ a: 1, b: 2 }) });\n"), after.substring(0, 200));
        String deepest = "f({ a: 1, b: 0 })";
        assertTrue(after.contains("f({ a: f({ a: " ) && after.contains(deepest), "the nesting written inside out");
        assertEquals(2000 * 2 + 60 + 1, after.split("f\\(", -1).length - 1, "every call once, none lost");
    }

    @Test
    void callsInOtherFilesOpenOrNotAreRewritten() throws Exception {
        write("a.ts", "import { greet } from \"./lib\";\ngreet(\"a\", 1);\n");
        write("b.ts", "import { greet as hello } from \"./lib\";\nhello(\"b\", 2);\n");
        write("c.ts", "import * as lib from \"./lib\";\nlib.greet(\"c\", 3);\n");
        write("barrel.ts", "export { greet } from \"./lib\";\n");
        write("d.ts", "import { greet } from \"./barrel\";\ngreet(\"d\", 4);\n");
        for (boolean resolves : new boolean[] {true, false}) {
            Map<String, String> after = convert(resolves, "lib.ts", "export function greet(|name: string, times: number) { return name.repeat(times); }\n");
            assertEquals("export function greet({ name, times }: { name: string; times: number; }) { return name.repeat(times); }\n", after.get("lib.ts"));
            assertEquals("import { greet } from \"./lib\";\ngreet({ name: \"a\", times: 1 });\n", after.get("a.ts"));
            assertEquals("import { greet as hello } from \"./lib\";\nhello({ name: \"b\", times: 2 });\n", after.get("b.ts"));
            assertEquals("import * as lib from \"./lib\";\nlib.greet({ name: \"c\", times: 3 });\n", after.get("c.ts"));
            assertEquals("import { greet } from \"./barrel\";\ngreet({ name: \"d\", times: 4 });\n", after.get("d.ts"));
            assertEquals(5, after.size(), after.keySet().toString());
        }
    }

    @Test
    void callsThroughADefaultImportAnAliasedReexportAndRequireAreRewritten() throws Exception {
        write("a.ts", "import hello from \"./lib\";\nhello(\"a\", 1);\n");
        write("barrel.ts", "export { default as greeting } from \"./lib\";\n");
        write("b.ts", "import { greeting } from \"./barrel\";\ngreeting(\"b\", 2);\n");
        write("c.js", "const lib = require(\"./lib\");\nlib.default(\"c\", 3);\n");
        Map<String, String> after = convert(true, "lib.ts", "export default function greet(|name: string, times: number) { return name.repeat(times); }\n");
        assertEquals("import hello from \"./lib\";\nhello({ name: \"a\", times: 1 });\n", after.get("a.ts"));
        assertEquals("import { greeting } from \"./barrel\";\ngreeting({ name: \"b\", times: 2 });\n", after.get("b.ts"));
        assertEquals("const lib = require(\"./lib\");\nlib.default({ name: \"c\", times: 3 });\n", after.get("c.js"));
    }

    @Test
    void aUseThatIsNotACallRefusesTheWholeConversion() throws Exception {
        assertTrue(refusal("function f(|a: number) {}\n[1].forEach(f);\n").contains("used as a value"), "passed as a callback");
        assertTrue(refusal("function f(|a: number, b: number) {}\nf(...[1, 2]);\n").contains("spread"), "a spread argument");
        assertTrue(refusal("function f(|a: number) {}\nf(1, 2);\n").contains("more arguments"), "more arguments than parameters");
        assertTrue(refusal("function f(|a: number) {}\ntype F = typeof f;\n").contains("used as a value"), "typeof f");
    }

    @Test
    void offeredOnlyWhereTheObjectTypeCanBeWritten() throws Exception {
        assertTrue(offeredAt("m.ts", "function f(|a: number) { return a; }\n"));
        assertTrue(!offeredAt("m.ts", "function f(a: number) { return |a; }\n"), "not in the body");
        assertTrue(!offeredAt("m.js", "function f(|a) { return a; }\n"), "a JavaScript file");
        assertTrue(!offeredAt("m.ts", "function f(|a = g()) { return a; }\nfunction g() { return 1; }\n"), "a default whose type needs a checker");
        assertTrue(!offeredAt("m.ts", "function f(|{ a }: { a: number }) { return a; }\n"), "a pattern");
        assertTrue(!offeredAt("m.ts", "function f(|a: number): void;\nfunction f(a: number) {}\n"), "overloads");
        assertTrue(!offeredAt("m.ts", "function f(|a: number) { return arguments.length; }\n"), "reads arguments");
        assertTrue(!offeredAt("m.ts", "class C { constructor(|private a: number) {} }\n"), "a parameter property");
        assertTrue(!offeredAt("m.ts", "class C { m(|a: number) {} }\n"), "a method: its calls go through types");
        assertTrue(!offeredAt("m.ts", "const C = class { constructor(|a: number) {} };\n"), "a class expression's constructor");
        assertTrue(!offeredAt("m.ts", "class C { constructor(|a: number);\n    constructor(a: number) {} }\n"), "constructor overloads");
        assertTrue(!offeredAt("m.ts", "const f: (a: number) => void = (|a) => {};\n"), "a typed const");
        assertTrue(!offeredAt("m.ts", "function f(|...rest: Rest) {}\ntype Rest = number[];\n"), "a rest parameter typed by a name");
    }
}
