package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.testing.InProcessServer;
import dev.arenals.server.testing.Marked;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CommonJS across files, over the protocol: {@code require()} bindings lead into the required
 * file's {@code exports.a = …}, {@code module.exports = { … }} and TypeScript's emitted re-exports,
 * for definition, references, signature help, hover and completion; rename keeps each module's
 * interface (a CommonJS export name is a property of its own). Each test: one cursor marker in
 * app.js and the answer expected there.
 */
class CommonJsWorkspaceTest {
    private static final String LIB = ""
            + "\"use strict\";\n"                                                                    // 0
            + "Object.defineProperty(exports, \"__esModule\", { value: true });\n"                    // 1
            + "exports.greet = exports.Box = void 0;\n"                                              // 2
            + "/** Says hello. */\n"                                                                 // 3
            + "function greet(name, times) { return name; }\n"                                       // 4
            + "exports.greet = greet;\n"                                                             // 5
            + "class Box { constructor(value) { this.value = value; } }\n"                           // 6
            + "exports.Box = Box;\n"                                                                 // 7
            + "exports.twice = function (n) { return n * 2; };\n"                                    // 8
            + "exports.config = { retries: 3, backoff(ms) { return ms; } };\n"                       // 9
            + "var other_1 = require(\"./other\");\n"                                                // 10
            + "Object.defineProperty(exports, \"helper\", { enumerable: true, get: function () { return other_1.helper; } });\n"; // 11
    private static final String OTHER = "function helper(x, y) { return x + y; }\nmodule.exports = { helper, version: 1 };\n";
    private static final String APP_HEAD = "var lib_1 = require(\"./lib\");\nconst { greet, twice: double } = require(\"./lib\");\n"
            + "const helperOnly = require(\"./lib\").helper;\n";

    @TempDir Path root;

    @BeforeEach
    void writeProject() throws Exception {
        Files.writeString(root.resolve("lib.js"), LIB);
        Files.writeString(root.resolve("other.js"), OTHER);
    }

    private InProcessServer start() throws Exception { return InProcessServer.inWorkspace(root); }

    private String uri(String name) { return root.resolve(name).toUri().toString(); }

    /** Opens app.js with {@code body} after the requires; the cursor's position. */
    private Position openApp(InProcessServer s, String body) throws Exception {
        Marked m = Marked.parse(APP_HEAD + body);
        Files.writeString(root.resolve("app.js"), m.text);
        s.open(uri("app.js"), "javascript", 1, m.text);
        String before = m.text.substring(0, m.cursors.get(0));
        return new Position((int) before.chars().filter(c -> c == '\n').count(), before.length() - before.lastIndexOf('\n') - 1);
    }

    private static String where(List<? extends Location> locations) {
        List<String> out = new ArrayList<>();
        for (Location l : locations) out.add(Path.of(java.net.URI.create(l.getUri())).getFileName() + ":" + l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter());
        return String.join(" ", out);
    }

    private String definition(String body) throws Exception {
        try (InProcessServer s = start()) {
            Position p = openApp(s, body);
            return where(get(s.remote.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri("app.js")), p))).getLeft());
        }
    }

    private String signature(String body) throws Exception {
        try (InProcessServer s = start()) {
            Position p = openApp(s, body);
            SignatureHelp h = get(s.remote.getTextDocumentService().signatureHelp(new SignatureHelpParams(new TextDocumentIdentifier(uri("app.js")), p)));
            return h == null ? null : h.getSignatures().get(h.getActiveSignature()).getLabel();
        }
    }

    @Test
    void definitionFollowsRequireIntoExports() throws Exception {
        assertEquals("lib.js:4:9", definition("lib_1.gre|et('a');"), "exports.greet = greet: the function");
        assertEquals("lib.js:4:9", definition("gre|et('b');"), "a name destructured from require()");
        assertEquals("lib.js:8:8", definition("dou|ble(2);"), "exports.twice = function: the export's name");
        assertEquals("other.js:0:9", definition("lib_1.hel|per(1, 2);"), "through the emitted re-export into module.exports = { helper }");
        assertEquals("other.js:0:9", definition("helperO|nly(1, 2);"), "require('./lib').helper");
        assertEquals("lib.js:9:31", definition("lib_1.config.back|off(1);"), "a method of an exported object literal");
    }

    @Test
    void signatureHelpForRequiredCallables() throws Exception {
        assertEquals("greet(name, times)", signature("lib_1.greet(|'a');"));
        assertEquals("double(n)", signature("double(|2);"));
        assertEquals("helper(x, y)", signature("lib_1.helper(1, |2);"));
        assertEquals("backoff(ms)", signature("lib_1.config.backoff(|1);"));
    }

    @Test
    void completionAfterARequiredModulesDotAndHoverOfARequiredName() throws Exception {
        try (InProcessServer s = start()) {
            Position p = openApp(s, "lib_1.|\n");
            List<String> labels = new ArrayList<>();
            for (CompletionItem item : get(s.remote.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri("app.js")), p))).getRight().getItems()) {
                labels.add(item.getLabel());
            }
            assertEquals(List.of("greet", "Box", "twice", "config", "helper"), labels);
        }
        try (InProcessServer s = start()) {
            Position p = openApp(s, "gre|et('b');\n");
            Hover h = get(s.remote.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri("app.js")), p)));
            String value = h.getContents().getRight().getValue();
            assertTrue(value.contains("function greet(name, times)") && value.contains("Says hello."), value);
        }
    }

    @Test
    void referencesReachEveryRequireOfTheExport() throws Exception {
        try (InProcessServer s = start()) {
            Position p = openApp(s, "lib_1.greet('a');\ngr|eet('b');\n");
            List<? extends Location> refs = get(s.remote.getTextDocumentService().references(
                    new ReferenceParams(new TextDocumentIdentifier(uri("app.js")), p, new ReferenceContext(true))));
            List<String> got = new ArrayList<>(List.of(where(refs).split(" ")));
            java.util.Collections.sort(got);
            assertEquals(List.of("app.js:1:8", "app.js:3:6", "app.js:4:0", "lib.js:4:9", "lib.js:5:16"), got);
        }
    }

    @Test
    void renameKeepsEachModulesCommonJsInterface() throws Exception {
        try (InProcessServer s = start()) {
            Position p = openApp(s, "gr|eet('b');\n");
            WorkspaceEdit edit = get(s.remote.getTextDocumentService().rename(new RenameParams(new TextDocumentIdentifier(uri("app.js")), p, "hello")));
            assertEquals(List.of(uri("app.js")), new ArrayList<>(edit.getChanges().keySet()), "only this file: the module still exports greet");
            String after = CrossFileRenameTest.apply(Files.readString(root.resolve("app.js")), edit.getChanges().get(uri("app.js")));
            assertTrue(after.contains("const { greet: hello, twice: double }") && after.contains("\nhello('b');"), after);
        }
        try (InProcessServer s = start()) {
            Position p = openApp(s, "lib_1.gr|eet('a');\n");
            ExecutionException e = assertThrows(ExecutionException.class, () -> get(s.remote.getTextDocumentService().rename(
                    new RenameParams(new TextDocumentIdentifier(uri("app.js")), p, "hello"))));
            assertTrue(e.getCause().getMessage().contains("CommonJS export"), e.getCause().getMessage());
        }
        try (InProcessServer s = start()) {
            s.open(uri("lib.js"), "javascript", 1, LIB);
            WorkspaceEdit edit = get(s.remote.getTextDocumentService().rename(
                    new RenameParams(new TextDocumentIdentifier(uri("lib.js")), new Position(4, 11), "hello")));
            List<TextEdit> edits = edit.getChanges().get(uri("lib.js"));
            assertEquals(1, edit.getChanges().size(), "the declaring file only");
            assertEquals(LIB.replace("function greet(", "function hello(").replace("exports.greet = greet;", "exports.greet = hello;"),
                    CrossFileRenameTest.apply(LIB, edits));
        }
    }
}
