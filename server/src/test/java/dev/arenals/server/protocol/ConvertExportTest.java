package dev.arenals.server.protocol;

import static dev.arenals.server.features.ConvertExport.TO_DEFAULT;
import static dev.arenals.server.features.ConvertExport.TO_NAMED;
import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.testing.InProcessServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeActionResolveSupportCapabilities;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Convert default export to named export" and back, over the protocol: the declaring file's
 * export rewritten and every importer in the workspace (open or not) made to import the same
 * thing under its new name — default and named bindings, aliases, a namespace's member uses,
 * re-exports, a barrel's {@code export *}. The importers' edits come with {@code codeAction/resolve}
 * for a client that resolves, with the action itself for one that does not.
 */
class ConvertExportTest {
    @TempDir Path root;

    private void write(String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String uri(String rel) { return root.resolve(rel).toUri().toString(); }

    private InProcessServer start(boolean resolves) throws Exception { return start(root, resolves); }

    /** A server on the workspace {@code root}, indexed, for a client that resolves code actions or not. */
    static InProcessServer start(Path root, boolean resolves) throws Exception {
        InProcessServer s = new InProcessServer();
        InitializeParams params = new InitializeParams();
        ClientCapabilities caps = InProcessServer.capabilities(false, null);
        if (resolves) {
            CodeActionCapabilities codeAction = new CodeActionCapabilities();
            codeAction.setResolveSupport(new CodeActionResolveSupportCapabilities(List.of("edit")));
            codeAction.setDataSupport(true);
            caps.getTextDocument().setCodeAction(codeAction);
        }
        params.setCapabilities(caps);
        params.setRootUri(root.toUri().toString());
        get(s.remote.initialize(params));
        s.remote.initialized(new InitializedParams());
        s.server.indexing().get(60, TimeUnit.SECONDS);
        return s;
    }

    /** The code action of {@code kind} at the first {@code marker} of the open file {@code rel}, or null. */
    private static CodeAction action(InProcessServer s, String uri, String text, String marker, String kind) throws Exception {
        int i = text.indexOf(marker);
        assertTrue(i >= 0, marker);
        int line = 0, lineStart = 0;
        for (int k = 0; k < i; k++) if (text.charAt(k) == '\n') { line++; lineStart = k + 1; }
        Position p = new Position(line, i - lineStart);
        CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), new Range(p, p), new CodeActionContext(List.of()));
        List<Either<Command, CodeAction>> actions = get(s.remote.getTextDocumentService().codeAction(params));
        for (Either<Command, CodeAction> a : actions) if (a.isRight() && kind.equals(a.getRight().getKind())) return a.getRight();
        return null;
    }

    /** Every file the edit changes (relative path under {@code root} → text after it), from disk. */
    static Map<String, String> applied(Path root, WorkspaceEdit edit) throws Exception {
        Map<String, List<TextEdit>> byUri = new TreeMap<>();
        if (edit.getDocumentChanges() != null) {
            for (var change : edit.getDocumentChanges()) {
                List<TextEdit> edits = new ArrayList<>();
                for (var e : change.getLeft().getEdits()) edits.add(e.getLeft());
                byUri.put(change.getLeft().getTextDocument().getUri(), edits);
            }
        } else {
            byUri.putAll(edit.getChanges());
        }
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, List<TextEdit>> e : byUri.entrySet()) {
            Path p = Path.of(java.net.URI.create(e.getKey()));
            out.put(root.relativize(p).toString(), CrossFileRenameTest.apply(Files.readString(p), e.getValue()));
        }
        return out;
    }

    private Map<String, String> convert(boolean resolves, String rel, String marker, String kind) throws Exception {
        try (InProcessServer s = start(resolves)) {
            String text = Files.readString(root.resolve(rel));
            s.open(uri(rel), "typescript", 1, text);
            CodeAction action = action(s, uri(rel), text, marker, kind);
            assertNotNull(action, kind + " offered at " + marker);
            if (resolves) {
                assertNull(action.getEdit(), "the edit comes with resolve");
                action = get(s.remote.getTextDocumentService().resolveCodeAction(action));
            }
            assertNotNull(action.getEdit());
            return applied(root, action.getEdit());
        }
    }

    private void defaultExportAndItsImporters() throws Exception {
        write("lib.ts", "export default function greet(name: string) { return name; }\nexport const other = 1;\n");
        write("a.ts", "import greet from \"./lib\";\ngreet(\"a\");\n");
        write("b.ts", "import hello, { other } from \"./lib\";\nhello(String(other));\n");
        write("c.ts", "import * as lib from \"./lib\";\nlib.default(\"c\");\n");
        write("barrel.ts", "export { default } from \"./lib\";\nexport { default as greeting } from \"./lib\";\n");
        write("d.ts", "import { default as g } from \"./lib\";\ng(\"d\");\n");
        write("e.ts", "import greet2, * as ns from \"./lib\";\ngreet2(String(ns.other));\n");
        write("unrelated.ts", "import greet from \"./other\";\n");
        write("other.ts", "export default function greet() {}\n");
    }

    @Test
    void defaultExportBecomesNamedInTheFileAndEveryImporter() throws Exception {
        defaultExportAndItsImporters();
        Map<String, String> after = convert(true, "lib.ts", "greet", TO_NAMED);
        assertEquals("export function greet(name: string) { return name; }\nexport const other = 1;\n", after.get("lib.ts"));
        assertEquals("import { greet } from \"./lib\";\ngreet(\"a\");\n", after.get("a.ts"));
        assertEquals("import { greet as hello, other } from \"./lib\";\nhello(String(other));\n", after.get("b.ts"));
        assertEquals("import * as lib from \"./lib\";\nlib.greet(\"c\");\n", after.get("c.ts"));
        assertEquals("export { greet as default } from \"./lib\";\nexport { greet as greeting } from \"./lib\";\n", after.get("barrel.ts"));
        assertEquals("import { greet as g } from \"./lib\";\ng(\"d\");\n", after.get("d.ts"));
        assertEquals("import { greet as greet2 } from \"./lib\";\nimport * as ns from \"./lib\";\ngreet2(String(ns.other));\n", after.get("e.ts"));
        assertNull(after.get("unrelated.ts"), "a file importing another module's default is not touched");
        assertEquals(7, after.size(), after.keySet().toString());
    }

    @Test
    void aClientThatCannotResolveGetsTheWholeEditWithTheAction() throws Exception {
        defaultExportAndItsImporters();
        Map<String, String> after = convert(false, "lib.ts", "export default", TO_NAMED);
        assertEquals("import { greet } from \"./lib\";\ngreet(\"a\");\n", after.get("a.ts"));
        assertEquals(7, after.size(), after.keySet().toString());
    }

    @Test
    void namedExportBecomesDefaultInTheFileAndEveryImporter() throws Exception {
        write("lib.ts", "export function greet() {}\nexport const other = 1;\n");
        write("a.ts", "import { greet } from \"./lib\";\ngreet();\n");
        write("b.ts", "import { other, greet as hello } from \"./lib\";\nhello(other);\n");
        write("c.ts", "import * as lib from \"./lib\";\nlib.greet();\n");
        write("barrel.ts", "export * from \"./lib\";\n");
        write("f.ts", "export { greet, other } from \"./lib\";\nexport { greet as hi } from \"./lib\";\n");
        write("g.ts", "import { type greet, other } from \"./lib\";\nlet x: typeof greet | undefined = undefined;\nx = undefined; other;\n");
        write("h.ts", "import { greet, other } from \"./lib\";\ngreet(); other;\n");
        Map<String, String> after = convert(true, "lib.ts", "greet", TO_DEFAULT);
        assertEquals("export default function greet() {}\nexport const other = 1;\n", after.get("lib.ts"));
        assertEquals("import greet from \"./lib\";\ngreet();\n", after.get("a.ts"));
        assertEquals("import hello, { other } from \"./lib\";\nhello(other);\n", after.get("b.ts"));
        assertEquals("import * as lib from \"./lib\";\nlib.default();\n", after.get("c.ts"));
        assertEquals("export * from \"./lib\";\nexport { default as greet } from \"./lib\";\n", after.get("barrel.ts"));
        assertEquals("export { default as greet, other } from \"./lib\";\nexport { default as hi } from \"./lib\";\n", after.get("f.ts"));
        assertEquals("import type greet from \"./lib\";\nimport { other } from \"./lib\";\nlet x: typeof greet | undefined = undefined;\nx = undefined; other;\n",
                after.get("g.ts"));
        assertEquals("import greet, { other } from \"./lib\";\ngreet(); other;\n", after.get("h.ts"));
    }

    @Test
    void aConstOrAnEnumIsExportedAsDefaultAfterItsStatement() throws Exception {
        write("lib.ts", "export const answer = 42;\n");
        write("a.ts", "import { answer } from \"./lib\";\nanswer;\n");
        Map<String, String> after = convert(true, "lib.ts", "answer", TO_DEFAULT);
        assertEquals("const answer = 42;\nexport default answer;\n", after.get("lib.ts"));
        assertEquals("import answer from \"./lib\";\nanswer;\n", after.get("a.ts"));
        write("shapes.ts", "export class Square {}\nexport interface Round {}\n");
        assertEquals("export default class Square {}\nexport interface Round {}\n", convert(true, "shapes.ts", "Square", TO_DEFAULT).get("shapes.ts"));
        assertEquals("export class Square {}\nexport default interface Round {}\n", convert(true, "shapes.ts", "Round", TO_DEFAULT).get("shapes.ts"));
        write("colors.ts", "export enum Color { Red }\n");
        assertEquals("enum Color { Red }\nexport default Color;\n", convert(true, "colors.ts", "Color", TO_DEFAULT).get("colors.ts"));
    }

    @Test
    void exportDefaultOfANameBecomesAnExportList() throws Exception {
        write("lib.ts", "const table = [1];\nexport default table;\n");
        write("a.ts", "import t from \"./lib\";\nt;\n");
        Map<String, String> after = convert(true, "lib.ts", "export default", TO_NAMED);
        assertEquals("const table = [1];\nexport { table };\n", after.get("lib.ts"));
        assertEquals("import { table as t } from \"./lib\";\nt;\n", after.get("a.ts"));
    }

    @Test
    void notOfferedWhereTheOtherFormCannotBeWritten() throws Exception {
        write("anonymous.ts", "export default function () {}\n");
        write("both.ts", "export default 1;\nexport function f() {}\n");
        write("taken.ts", "export default function f() {}\nexport { g as f };\nfunction g() {}\n");
        write("overloads.ts", "export function f(a: string): void;\nexport function f(a: any) {}\n");
        write("lets.ts", "export let counter = 0;\n");
        try (InProcessServer s = start(true)) {
            for (String[] c : new String[][] {
                    {"anonymous.ts", "function", TO_NAMED},
                    {"both.ts", "function f", TO_DEFAULT}, // the module has a default already
                    {"taken.ts", "function f", TO_NAMED}, // the module exports an f already
                    {"overloads.ts", "function f", TO_DEFAULT},
                    {"lets.ts", "counter", TO_DEFAULT}}) {
                String text = Files.readString(root.resolve(c[0]));
                s.open(uri(c[0]), "typescript", 1, text);
                assertNull(action(s, uri(c[0]), text, c[1], c[2]), c[0]);
            }
        }
    }

    @Test
    void anImporterReadingTheModuleWithRequireRefusesTheConversion() throws Exception {
        write("lib.ts", "export function greet() {}\n");
        write("old.js", "const { greet } = require(\"./lib\");\ngreet();\n");
        try (InProcessServer s = start(true)) {
            String text = Files.readString(root.resolve("lib.ts"));
            s.open(uri("lib.ts"), "typescript", 1, text);
            CodeAction action = action(s, uri("lib.ts"), text, "greet", TO_DEFAULT);
            assertNotNull(action);
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> s.remote.getTextDocumentService().resolveCodeAction(action).get(20, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof ResponseErrorException, String.valueOf(e.getCause()));
            assertTrue(e.getCause().getMessage().contains("old.js reads the module with require()"), e.getCause().getMessage());
        }
        // a client that cannot resolve is not offered what would be refused
        try (InProcessServer s = start(false)) {
            String text = Files.readString(root.resolve("lib.ts"));
            s.open(uri("lib.ts"), "typescript", 1, text);
            assertNull(action(s, uri("lib.ts"), text, "greet", TO_DEFAULT));
        }
    }

}
