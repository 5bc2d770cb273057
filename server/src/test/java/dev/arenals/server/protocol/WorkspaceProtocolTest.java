package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.testing.InProcessServer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace over the protocol: a server initialised with a root folder indexes it in the
 * background, answers definition across files and workspace/symbol from the index, and sees
 * an open document's edits and files changed on disk.
 */
class WorkspaceProtocolTest {
    @TempDir Path root;
    private String mainText;

    @BeforeEach
    void copyFixture() throws IOException, URISyntaxException {
        Path fixture = Paths.get(getClass().getResource("/workspace/basic").toURI());
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path p : files.collect(Collectors.toList())) {
                Path to = root.resolve(fixture.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        // skipped by check's rules: a dependency and a build output
        write("node_modules/dep/index.ts", "export function fromDependency() {}\n");
        write("dist/out.js", "export function fromBuildOutput() {}\n");
        mainText = Files.readString(root.resolve("src/main.ts"));
    }

    private Path write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private String uri(String rel) { return root.resolve(rel).toUri().toString(); }

    private InProcessServer start(Object initializationOptions) throws Exception {
        InProcessServer s = new InProcessServer();
        InitializeParams params = new InitializeParams();
        params.setCapabilities(InProcessServer.capabilities(false, null));
        params.setRootUri(root.toUri().toString());
        params.setInitializationOptions(initializationOptions);
        get(s.remote.initialize(params));
        s.remote.initialized(new InitializedParams());
        s.server.indexing().get(20, TimeUnit.SECONDS);
        return s;
    }

    /** The position of the n-th (0-based) whole-word occurrence of {@code word} in {@code text}, plus {@code delta} chars. */
    private static Position at(String text, String word, int n, int delta) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(word) + "\\b").matcher(text);
        int i = -1;
        for (int k = 0; k <= n && m.find(); k++) if (k == n) i = m.start();
        if (i < 0) throw new AssertionError(word + " #" + n + " not found");
        int line = 0, lineStart = 0;
        for (int k = 0; k < i; k++) if (text.charAt(k) == '\n') { line++; lineStart = k + 1; }
        return new Position(line, i - lineStart + delta);
    }

    private List<Location> definition(InProcessServer s, String uri, Position p) throws Exception {
        return get(s.remote.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri), p))).getLeft()
                .stream().map(l -> (Location) l).collect(Collectors.toList());
    }

    private static String where(Location l) {
        String u = l.getUri();
        return u.substring(u.lastIndexOf("/src/") + 1) + ":" + l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter()
                + "-" + l.getRange().getEnd().getCharacter();
    }

    private List<String> definitionOf(InProcessServer s, String word, int n) throws Exception {
        return definition(s, uri("src/main.ts"), at(mainText, word, n, 1)).stream().map(WorkspaceProtocolTest::where).collect(Collectors.toList());
    }

    private List<String> symbols(InProcessServer s, String query) throws Exception {
        List<? extends WorkspaceSymbol> found = get(s.remote.getWorkspaceService().symbol(new WorkspaceSymbolParams(query))).getRight();
        return found.stream().map(w -> w.getName() + "@" + w.getLocation().getLeft().getUri().substring(w.getLocation().getLeft().getUri().lastIndexOf('/') + 1))
                .collect(Collectors.toList());
    }

    @Test
    void indexesTheRootWithChecksRulesAndAnswersWorkspaceSymbol() throws Exception {
        try (InProcessServer s = start(null)) {
            assertEquals(7, s.server.workspaceIndex().size(), "seven fixture files; node_modules and dist are skipped");
            assertEquals(List.of("getUserName@model.ts"), symbols(s, "getUserName"));
            assertEquals(List.of("getUserName@model.ts"), symbols(s, "gUN"));
            assertEquals(List.of(), symbols(s, "fromDependency"));
            assertEquals(List.of(), symbols(s, "fromBuildOutput"));
            assertTrue(symbols(s, "").contains("helper@helper.js"));
        }
    }

    @Test
    void definitionLeavesTheFileThroughImportsAndReexports() throws Exception {
        try (InProcessServer s = start(null)) {
            s.open(uri("src/main.ts"), "typescript", 1, mainText);
            // default import, named type import through ./model.js → model.ts
            assertEquals(List.of("src/model.ts:8:21-26"), definitionOf(s, "Store", 1));
            assertEquals(List.of("src/model.ts:0:17-21"), definitionOf(s, "User", 1));
            // export { getUserName as nameOf } from "./model"
            assertEquals(List.of("src/model.ts:4:16-27"), definitionOf(s, "nameOf", 1));
            // export * from "./util" → util/index.ts
            assertEquals(List.of("src/util/index.ts:0:16-26"), definitionOf(s, "formatDate", 1));
            // namespace import member
            assertEquals(List.of("src/model.ts:4:16-27"), definitionOf(s, "getUserName", 0));
            // export * as models from "./model.js": the module
            assertEquals(List.of("src/model.ts:0:0-0"), definitionOf(s, "models", 1));
            // a .js module and a .d.ts
            assertEquals(List.of("src/helper.js:0:16-22"), definitionOf(s, "helper", 2));
            assertEquals(List.of("src/types/api.d.ts:0:24-34"), definitionOf(s, "fetchUsers", 1));
            // the import's own names lead there too
            assertEquals(List.of("src/model.ts:4:16-27"), definitionOf(s, "nameOf", 0));
            // local names stay local
            assertEquals(List.of("src/main.ts:6:6-11"), definitionOf(s, "store", 0));
        }
    }

    private List<String> references(InProcessServer s, String uri, Position p) throws Exception {
        ReferenceParams params = new ReferenceParams(new TextDocumentIdentifier(uri), p, new ReferenceContext(true));
        return get(s.remote.getTextDocumentService().references(params)).stream().map(l -> where((Location) l)).sorted().collect(Collectors.toList());
    }

    @Test
    void referencesReachImportersThroughReexportsOpenOrNot() throws Exception {
        try (InProcessServer s = start(null)) {
            s.open(uri("src/main.ts"), "typescript", 1, mainText);
            // main.ts imports formatDate from ./reexport (export * from "./util"); app.ts imports it as fmt
            assertEquals(List.of("src/app.ts:0:23-26", "src/app.ts:0:9-19", "src/app.ts:2:21-24", "src/main.ts:2:17-27", "src/main.ts:9:0-10",
                    "src/util/index.ts:0:16-26"), references(s, uri("src/main.ts"), at(mainText, "formatDate", 1, 1)));
            // from the declaration; an importer that is open answers from its live text
            String model = Files.readString(root.resolve("src/model.ts"));
            s.open(uri("src/model.ts"), "typescript", 1, model);
            String app = Files.readString(root.resolve("src/app.ts"));
            s.open(uri("src/app.ts"), "typescript", 1, app + "getUserName(getUserName);\n");
            awaitSymbols(s, "today", List.of("today@app.ts")); // its summary is the live one
            // main.ts has it as nameOf (export { getUserName as nameOf } from "./model" in reexport.ts)
            // and as model.getUserName (import * as model)
            // and the re-export's own name in reexport.ts
            assertEquals(List.of("src/app.ts:1:9-20", "src/app.ts:3:0-11", "src/app.ts:4:0-11", "src/app.ts:4:12-23",
                    "src/main.ts:10:6-17", "src/main.ts:2:9-15", "src/main.ts:8:0-6", "src/model.ts:4:16-27", "src/reexport.ts:0:9-20"),
                    references(s, uri("src/model.ts"), at(model, "getUserName", 0, 1)));
            // ns.member uses of namespace imports, here and elsewhere: main.ts has model.getUserName
            s.close(uri("src/app.ts"));
            String req = "import * as m from \"./model.js\";\nm.getUserName(m.getUserName);\nlet u: m.User;\nm.MAX_USERS;\n";
            s.open(uri("src/req.ts"), "typescript", 1, req);
            // other documents' requests do not wait for req.ts's queue: wait for its summary
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (s.server.workspaceIndex().summary(root.resolve("src/req.ts")) == null && System.nanoTime() < deadline) Thread.sleep(10);
            assertEquals(List.of("src/app.ts:1:9-20", "src/app.ts:3:0-11", "src/main.ts:10:6-17", "src/main.ts:2:9-15", "src/main.ts:8:0-6",
                    "src/model.ts:4:16-27", "src/reexport.ts:0:9-20", "src/req.ts:1:16-27", "src/req.ts:1:2-13"),
                    references(s, uri("src/model.ts"), at(model, "getUserName", 0, 1)));
            assertEquals(List.of("src/model.ts:0:17-21"), definition(s, uri("src/req.ts"), at(req, "User", 0, 1)).stream()
                    .map(WorkspaceProtocolTest::where).collect(Collectors.toList()), "a qualified type name of a namespace import");
            List<String> user = references(s, uri("src/model.ts"), at(model, "User", 0, 1));
            // main.ts's `import Store, { type User }`: the name only, not the inline `type`
            assertEquals(List.of("src/main.ts:0:21-25", "src/main.ts:7:12-16", "src/model.ts:0:17-21", "src/model.ts:4:34-38",
                    "src/req.ts:2:9-13"), user);
            // a local name has no references elsewhere
            assertEquals(List.of("src/main.ts:6:6-11"), references(s, uri("src/main.ts"), at(mainText, "store", 0, 1)));
        }
    }

    @Test
    void aNamespaceMemberDeclaredAsAValueAndATypeLeadsToTheMeaningItIsUsedFor() throws Exception {
        Files.writeString(root.resolve("src/schema.ts"), "export declare namespace Struct { type Fields = 1 }\n"
                + "export interface Struct { a: 1 }\nexport function Struct() {}\n");
        String text = "import * as S from \"./schema\";\nS.Struct();\nlet x: S.Struct;\ntype F = typeof S.Struct;\n";
        Files.writeString(root.resolve("src/uses.ts"), text);
        try (InProcessServer s = start(null)) {
            s.open(uri("src/uses.ts"), "typescript", 1, text);
            java.util.function.BiFunction<Integer, String, List<String>> def = (n, why) -> {
                try {
                    return definition(s, uri("src/uses.ts"), at(text, "Struct", n, 1)).stream().map(WorkspaceProtocolTest::where).collect(Collectors.toList());
                } catch (Exception e) {
                    throw new AssertionError(why, e);
                }
            };
            assertEquals(List.of("src/schema.ts:2:16-22"), def.apply(0, "called: the function"));
            assertEquals(List.of("src/schema.ts:1:17-23"), def.apply(1, "a type: the interface"));
            assertEquals(List.of("src/schema.ts:2:16-22"), def.apply(2, "typeof: the value"));
        }
    }

    @Test
    void importEqualsRequireLeadsToTheModuleAndItsMembers() throws Exception {
        try (InProcessServer s = start(null)) {
            String text = "import model = require(\"./model\");\nmodel.getUserName;\nmodel;\n";
            s.open(uri("src/req.ts"), "typescript", 1, text);
            List<String> member = definition(s, uri("src/req.ts"), at(text, "getUserName", 0, 1)).stream()
                    .map(WorkspaceProtocolTest::where).collect(Collectors.toList());
            assertEquals(List.of("src/model.ts:4:16-27"), member);
            List<String> module = definition(s, uri("src/req.ts"), at(text, "model", 3, 1)).stream()
                    .map(WorkspaceProtocolTest::where).collect(Collectors.toList());
            assertEquals(List.of("src/model.ts:0:0-0"), module);
        }
    }

    @Test
    void reexportSpecifiersLeadToTheirSource() throws Exception {
        try (InProcessServer s = start(null)) {
            String text = Files.readString(root.resolve("src/reexport.ts"));
            s.open(uri("src/reexport.ts"), "typescript", 1, text);
            List<String> found = definition(s, uri("src/reexport.ts"), at(text, "getUserName", 0, 1)).stream()
                    .map(WorkspaceProtocolTest::where).collect(Collectors.toList());
            assertEquals(List.of("src/model.ts:4:16-27"), found);
        }
    }

    @Test
    void anOpenDocumentOverridesTheIndexAndClosingRestoresTheDisk() throws Exception {
        try (InProcessServer s = start(null)) {
            String model = Files.readString(root.resolve("src/model.ts"));
            String uri = uri("src/model.ts");
            s.open(uri, "typescript", 1, model);
            s.changeAll(uri, 2, model + "export function addedWhileEditing() {}\n");
            awaitSymbols(s, "addedWhileEditing", List.of("addedWhileEditing@model.ts"));
            // the definition of an import follows the live text, not the disk, once the edited
            // document's queue has parsed it (other documents' requests do not wait for it)
            s.changeAll(uri, 3, "export const marker = 1;\n\n" + model);
            awaitSymbols(s, "marker", List.of("marker@model.ts"));
            s.open(uri("src/main.ts"), "typescript", 1, mainText);
            assertEquals(List.of("src/model.ts:6:16-27"), definitionOf(s, "nameOf", 1));
            s.close(uri);
            awaitSymbols(s, "addedWhileEditing", List.of());
            assertEquals(List.of("src/model.ts:4:16-27"), definitionOf(s, "nameOf", 1));
        }
    }

    @Test
    void reportsProgressAndRegistersAFileWatcherWhenTheClientAllows() throws Exception {
        org.eclipse.lsp4j.ClientCapabilities caps = InProcessServer.capabilities(false, null);
        org.eclipse.lsp4j.WindowClientCapabilities window = new org.eclipse.lsp4j.WindowClientCapabilities();
        window.setWorkDoneProgress(true);
        caps.setWindow(window);
        org.eclipse.lsp4j.WorkspaceClientCapabilities workspace = caps.getWorkspace() != null ? caps.getWorkspace() : new org.eclipse.lsp4j.WorkspaceClientCapabilities();
        workspace.setDidChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities(true));
        caps.setWorkspace(workspace);
        try (InProcessServer s = new InProcessServer()) {
            InitializeParams params = new InitializeParams();
            params.setCapabilities(caps);
            params.setWorkspaceFolders(List.of(new org.eclipse.lsp4j.WorkspaceFolder(root.toUri().toString(), "root")));
            get(s.remote.initialize(params));
            s.remote.initialized(new InitializedParams());
            s.server.indexing().get(20, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            List<String> kinds;
            do {
                kinds = s.client.progress().stream().map(p -> p.getValue().getLeft().getKind().toString()).collect(Collectors.toList());
                if (kinds.contains("end")) break;
                Thread.sleep(10);
            } while (System.nanoTime() < deadline);
            assertEquals("begin", kinds.get(0));
            assertEquals("end", kinds.get(kinds.size() - 1));
            assertEquals(List.of("workspace/didChangeWatchedFiles"),
                    s.client.registrations().stream().map(org.eclipse.lsp4j.Registration::getMethod).collect(Collectors.toList()));
        }
    }

    @Test
    void workspaceFoldersAddedAndRemovedAreIndexedAndForgotten() throws Exception {
        try (InProcessServer s = new InProcessServer()) {
            InitializeParams params = new InitializeParams();
            params.setCapabilities(InProcessServer.capabilities(false, null));
            params.setWorkspaceFolders(List.of(new org.eclipse.lsp4j.WorkspaceFolder(root.resolve("src/util").toUri().toString(), "util")));
            get(s.remote.initialize(params));
            s.remote.initialized(new InitializedParams());
            s.server.indexing().get(20, TimeUnit.SECONDS);
            assertEquals(List.of("formatDate@index.ts"), symbols(s, "formatDate"));
            assertEquals(List.of(), symbols(s, "getUserName"));
            org.eclipse.lsp4j.WorkspaceFolder src = new org.eclipse.lsp4j.WorkspaceFolder(root.resolve("src").toUri().toString(), "src");
            s.remote.getWorkspaceService().didChangeWorkspaceFolders(new org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams(
                    new org.eclipse.lsp4j.WorkspaceFoldersChangeEvent(List.of(src), List.of())));
            awaitSymbols(s, "getUserName", List.of("getUserName@model.ts"));
            s.remote.getWorkspaceService().didChangeWorkspaceFolders(new org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams(
                    new org.eclipse.lsp4j.WorkspaceFoldersChangeEvent(List.of(), List.of(src))));
            awaitSymbols(s, "getUserName", List.of());
            awaitSymbols(s, "formatDate", List.of("formatDate@index.ts")); // the folder nested in the removed one stays
        }
    }

    @Test
    void watchedFileEventsUpdateTheIndex() throws Exception {
        try (InProcessServer s = start(null)) {
            Path created = write("src/late.ts", "export const arrivedLater = 1;\n");
            s.remote.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                    List.of(new FileEvent(created.toUri().toString(), FileChangeType.Created))));
            awaitSymbols(s, "arrivedLater", List.of("arrivedLater@late.ts"));
            Files.delete(created);
            s.remote.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                    List.of(new FileEvent(created.toUri().toString(), FileChangeType.Deleted))));
            awaitSymbols(s, "arrivedLater", List.of());
        }
    }

    @Test
    void badFilesAreLoggedAndSkippedAndTheServerAnswers() throws Exception {
        write("src/big.ts", "export const big = 1;\n" + "// padding\n".repeat(400));
        Files.write(root.resolve("src/latin1.ts"), new byte[] {'c', 'o', 'n', 's', 't', ' ', 'x', ' ', '=', ' ', '"', (byte) 0xE9, '"', ';'});
        // the server's limit here is 2,000 bytes; check's 10 MB limit caps it otherwise
        try (InProcessServer s = start(com.google.gson.JsonParser.parseString("{\"maxFileSize\": 2000}"))) {
            assertEquals(List.of(), symbols(s, "big"));
            assertTrue(s.client.logs().stream().anyMatch(m -> m.getMessage().contains("big.ts") && m.getMessage().contains("limit")),
                    "a clear log line for the oversized file");
            assertTrue(s.client.logs().stream().anyMatch(m -> m.getMessage().contains("latin1.ts") && m.getMessage().contains("UTF-8")));
            // still answering, with the rest indexed
            assertEquals(List.of("getUserName@model.ts"), symbols(s, "getUserName"));
            s.open(uri("src/main.ts"), "typescript", 1, mainText);
            assertEquals(List.of("src/model.ts:4:16-27"), definitionOf(s, "nameOf", 1));
        }
    }

    @Test
    void aFileThatVanishesOrCannotBeReadIsSkipped() throws Exception {
        try (InProcessServer s = start(null)) {
            Path gone = root.resolve("src/gone.ts");
            s.remote.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                    List.of(new FileEvent(gone.toUri().toString(), FileChangeType.Changed))));
            Path directoryNamedTs = Files.createDirectories(root.resolve("src/folder.ts"));
            s.remote.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                    List.of(new FileEvent(directoryNamedTs.toUri().toString(), FileChangeType.Created))));
            awaitSymbols(s, "getUserName", List.of("getUserName@model.ts"));
            assertNull(s.server.workspaceIndex().summary(gone));
            assertNull(s.server.workspaceIndex().summary(directoryNamedTs));
            // an import of a module that does not exist: the import is the answer
            String text = "import { nothing } from './missing';\nnothing;\n";
            s.open(uri("src/other.ts"), "typescript", 1, text);
            List<Location> found = definition(s, uri("src/other.ts"), at(text, "nothing", 1, 1));
            assertEquals(1, found.size());
            assertEquals(uri("src/other.ts"), found.get(0).getUri());
        }
    }

    @Test
    void withoutARootNothingIsIndexedAndDefinitionStaysInTheFile() throws Exception {
        try (InProcessServer s = new InProcessServer()) {
            s.initialize();
            assertNotNull(s.server.indexing());
            assertEquals(0, s.server.workspaceIndex().size());
            String text = "import { a } from './nowhere';\na;\n";
            s.open("untitled:one", "typescript", 1, text);
            List<Location> found = definition(s, "untitled:one", at(text, "a", 1, 0));
            assertEquals(1, found.size());
            assertFalse(symbols(s, "a").contains("a@one"), "untitled documents are not indexed");
        }
    }

    /** Waits (up to 10 s) until workspace/symbol gives {@code expected}. */
    private void awaitSymbols(InProcessServer s, String query, List<String> expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> last;
        do {
            last = symbols(s, query);
            if (last.equals(expected)) return;
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertEquals(expected, last);
    }
}
