package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.testing.InProcessServer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rename and references across the workspace, over the protocol, on the fixture
 * {@code workspace/rename}: a declaration, a barrel re-exporting it four ways, importers with and
 * without aliases, a namespace import, a shorthand property, an import-then-export chain. Each
 * rename is applied to the files' texts and the results compared whole.
 */
class CrossFileRenameTest {
    @TempDir Path root;

    @BeforeEach
    void copyFixture() throws IOException, URISyntaxException {
        Path fixture = Paths.get(getClass().getResource("/workspace/rename").toURI());
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path p : files.collect(Collectors.toList())) {
                Path to = root.resolve(fixture.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Path dep = root.resolve("node_modules/dep/index.ts");
        Files.createDirectories(dep.getParent());
        Files.writeString(dep, "export function fromDependency() {}\n");
    }

    private String uri(String rel) { return root.resolve(rel).toUri().toString(); }
    private String text(String rel) throws IOException { return Files.readString(root.resolve(rel)); }

    private InProcessServer start(boolean documentChanges) throws Exception {
        InProcessServer s = new InProcessServer();
        InitializeParams params = new InitializeParams();
        ClientCapabilities caps = InProcessServer.capabilities(false, null);
        if (documentChanges) {
            WorkspaceClientCapabilities workspace = caps.getWorkspace() != null ? caps.getWorkspace() : new WorkspaceClientCapabilities();
            WorkspaceEditCapabilities edit = new WorkspaceEditCapabilities();
            edit.setDocumentChanges(true);
            workspace.setWorkspaceEdit(edit);
            caps.setWorkspace(workspace);
        }
        params.setCapabilities(caps);
        params.setRootUri(root.toUri().toString());
        get(s.remote.initialize(params));
        s.remote.initialized(new InitializedParams());
        s.server.indexing().get(20, TimeUnit.SECONDS);
        return s;
    }

    /** The position of the n-th (0-based) whole-word {@code word} in {@code text}. */
    private static Position at(String text, String word, int n) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(word) + "\\b").matcher(text);
        int i = -1;
        for (int k = 0; k <= n && m.find(); k++) if (k == n) i = m.start();
        if (i < 0) throw new AssertionError(word + " #" + n + " not found");
        int line = 0, lineStart = 0;
        for (int k = 0; k < i; k++) if (text.charAt(k) == '\n') { line++; lineStart = k + 1; }
        return new Position(line, i - lineStart + 1);
    }

    private WorkspaceEdit rename(InProcessServer s, String rel, Position p, String newName) throws Exception {
        return get(s.remote.getTextDocumentService().rename(new RenameParams(new TextDocumentIdentifier(uri(rel)), p, newName)));
    }

    /** Every file the edit changes (relative path → text after the edit), read from disk where not given. */
    private Map<String, String> applied(WorkspaceEdit edit, Map<String, String> openTexts) throws IOException {
        Map<String, List<TextEdit>> byUri = new TreeMap<>();
        if (edit.getDocumentChanges() != null) {
            for (var change : edit.getDocumentChanges()) {
                TextDocumentEdit d = change.getLeft();
                byUri.put(d.getTextDocument().getUri(), d.getEdits().stream().map(e -> e.getLeft()).collect(Collectors.toList()));
            }
        } else {
            byUri.putAll(edit.getChanges());
        }
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, List<TextEdit>> e : byUri.entrySet()) {
            String rel = root.toUri().relativize(java.net.URI.create(e.getKey())).toString();
            String before = openTexts.containsKey(rel) ? openTexts.get(rel) : text(rel);
            out.put(rel, apply(before, e.getValue()));
        }
        return out;
    }

    static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine()).thenComparing(e -> e.getRange().getStart().getCharacter()));
        StringBuilder out = new StringBuilder(text);
        for (int i = sorted.size() - 1; i >= 0; i--) {
            TextEdit e = sorted.get(i);
            out.replace(offset(text, e.getRange().getStart()), offset(text, e.getRange().getEnd()), e.getNewText());
        }
        return out.toString();
    }

    private static int offset(String text, Position p) {
        int line = 0, i = 0;
        while (line < p.getLine()) if (text.charAt(i++) == '\n') line++;
        return i + p.getCharacter();
    }

    /** What renaming shapes.ts's `area` to `extent` makes of every file. */
    private Map<String, String> expectedExtent() throws IOException {
        Map<String, String> want = new TreeMap<>();
        want.put("src/shapes.ts", text("src/shapes.ts").replace("function area(", "function extent("));
        want.put("src/barrel.ts", text("src/barrel.ts").replace("export { area } from", "export { extent } from")
                .replace("export { area as surface }", "export { extent as surface }"));
        want.put("src/app.ts", "import { extent } from \"./shapes\";\nimport { extent as size } from \"./shapes\";\n"
                + "import * as shapes from \"./shapes\";\nimport paint from \"./shapes\";\n\nconst result = { area: extent };\n"
                + "extent(2) + size(3) + shapes.extent(4);\npaint();\n");
        want.put("src/user.ts", "import { extent, surface, geometry } from \"./barrel\";\nimport { useState } from \"react\";\n\n"
                + "extent(1) + surface(2) + geometry.extent(3);\nuseState();\nexport { extent };\n");
        want.put("src/deep.ts", "import { extent } from \"./user\";\n\nextent(5);\n");
        return want;
    }

    /** Other files' Geo.ORIGIN and Tint.Red would not follow a rename in geo.ts: refused, not half done. */
    @Test
    void membersOfDeclarationsOtherFilesImportAreRefused() throws Exception {
        String geo = "export namespace Geo { export const ORIGIN = 0; const hidden = 1; export const twice = hidden * 2; }\n"
                + "export enum Tint { Red, Green }\nexport const config = { port: 1 };\nconst local = { a: 1 };\nlocal.a + config.port;\n";
        Files.writeString(root.resolve("src/geo.ts"), geo);
        Files.writeString(root.resolve("src/geouser.ts"), "import { Geo, Tint } from \"./geo\";\nGeo.ORIGIN + Tint.Red;\n");
        try (InProcessServer s = start(false)) {
            s.open(uri("src/geo.ts"), "typescript", 1, geo);
            for (String member : new String[] {"ORIGIN", "Red"}) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> rename(s, "src/geo.ts", at(geo, member, 0), "renamed"));
                assertTrue(e.getCause().getMessage().contains("geouser.ts imports"), e.getCause().getMessage());
            }
            // what no other file reaches stays an in-file rename
            assertEquals(geo.replace("hidden", "shown"), applied(rename(s, "src/geo.ts", at(geo, "hidden", 0), "shown"), Map.of("src/geo.ts", geo)).get("src/geo.ts"));
            assertEquals(geo.replace(" a: 1", " b: 1").replace("local.a", "local.b"),
                    applied(rename(s, "src/geo.ts", at(geo, "a", 0), "b"), Map.of("src/geo.ts", geo)).get("src/geo.ts"));
            assertEquals(geo.replace("port: 1", "host: 1").replace("config.port", "config.host"), applied(rename(s, "src/geo.ts", at(geo, "port", 0), "host"), Map.of("src/geo.ts", geo)).get("src/geo.ts"),
                    "config is exported but no file imports it");
        }
    }

    @Test
    void renameFromTheDeclarationEditsEveryImporterOpenOrNot() throws Exception {
        try (InProcessServer s = start(true)) {
            String shapes = text("src/shapes.ts"), app = text("src/app.ts");
            s.open(uri("src/shapes.ts"), "typescript", 3, shapes);
            s.open(uri("src/app.ts"), "typescript", 7, app);
            WorkspaceEdit edit = rename(s, "src/shapes.ts", at(shapes, "area", 0), "extent");
            assertNotNull(edit.getDocumentChanges(), "documentChanges, as the client supports them");
            assertTrue(edit.getChanges() == null || edit.getChanges().isEmpty(), "and no changes beside them");
            Map<String, Integer> versions = new TreeMap<>();
            for (var change : edit.getDocumentChanges()) {
                versions.put(root.toUri().relativize(java.net.URI.create(change.getLeft().getTextDocument().getUri())).toString(),
                        change.getLeft().getTextDocument().getVersion());
            }
            Map<String, Integer> wantVersions = new TreeMap<>();
            wantVersions.put("src/shapes.ts", 3);
            wantVersions.put("src/app.ts", 7);
            wantVersions.put("src/barrel.ts", null);
            wantVersions.put("src/user.ts", null);
            wantVersions.put("src/deep.ts", null);
            assertEquals(wantVersions, versions, "open documents carry their version; files read from disk none");
            assertEquals(expectedExtent(), applied(edit, Map.of()));
        }
    }

    @Test
    void renameFromAnyImporterOrNamespaceMemberIsTheSameRename() throws Exception {
        try (InProcessServer s = start(false)) {
            String app = text("src/app.ts"), user = text("src/user.ts"), deep = text("src/deep.ts"), barrel = text("src/barrel.ts");
            s.open(uri("src/app.ts"), "typescript", 1, app);
            s.open(uri("src/user.ts"), "typescript", 1, user);
            s.open(uri("src/deep.ts"), "typescript", 1, deep);
            s.open(uri("src/barrel.ts"), "typescript", 1, barrel);
            Map<String, String> want = expectedExtent();
            assertEquals(want, applied(rename(s, "src/app.ts", at(app, "area", 0), "extent"), Map.of()), "import { area }");
            assertEquals(want, applied(rename(s, "src/app.ts", at(app, "area", 3), "extent"), Map.of()), "a call");
            assertEquals(want, applied(rename(s, "src/app.ts", at(app, "area", 4), "extent"), Map.of()), "shapes.area");
            assertEquals(want, applied(rename(s, "src/app.ts", at(app, "area", 1), "extent"), Map.of()), "the imported side of `area as size`");
            assertEquals(want, applied(rename(s, "src/user.ts", at(user, "area", 2), "extent"), Map.of()), "geometry.area (export * as)");
            assertEquals(want, applied(rename(s, "src/deep.ts", at(deep, "area", 1), "extent"), Map.of()), "through import-then-export");
            assertEquals(want, applied(rename(s, "src/barrel.ts", at(barrel, "area", 0), "extent"), Map.of()), "export { area } from");
        }
    }

    @Test
    void aliasesDefaultImportsAndNamespacesKeepTheirOwnNames() throws Exception {
        try (InProcessServer s = start(false)) {
            String app = text("src/app.ts"), shapes = text("src/shapes.ts");
            s.open(uri("src/app.ts"), "typescript", 1, app);
            // the alias is this file's own name
            assertEquals(Map.of("src/app.ts", app.replace("area as size", "area as dimension").replace("size(3)", "dimension(3)")),
                    applied(rename(s, "src/app.ts", at(app, "size", 0), "dimension"), Map.of("src/app.ts", app)));
            // a default export's name: the default import `paint` is not renamed
            s.open(uri("src/shapes.ts"), "typescript", 1, shapes);
            assertEquals(Map.of("src/shapes.ts", shapes.replace("function draw", "function sketch")),
                    applied(rename(s, "src/shapes.ts", at(shapes, "draw", 0), "sketch"), Map.of("src/shapes.ts", shapes)));
            assertEquals(Map.of("src/app.ts", app.replace("paint", "brush")),
                    applied(rename(s, "src/app.ts", at(app, "paint", 0), "brush"), Map.of("src/app.ts", app)));
        }
    }

    /** As TypeScript's rename (providePrefixAndSuffixTextForRename, VS Code's default): the local name of an import from outside is this file's. */
    @Test
    void namesImportedFromOutsideTheWorkspaceAreRenamedInTheImportingFileOnly() throws Exception {
        try (InProcessServer s = start(false)) {
            String user = text("src/user.ts");
            s.open(uri("src/user.ts"), "typescript", 1, user);
            var prepared = get(s.remote.getTextDocumentService()
                    .prepareRename(new PrepareRenameParams(new TextDocumentIdentifier(uri("src/user.ts")), at(user, "useState", 1))));
            assertEquals("useState", prepared.getSecond().getPlaceholder());
            assertEquals(Map.of("src/user.ts", user.replace("{ useState }", "{ useState as useHook }").replace("useState();", "useHook();")),
                    applied(rename(s, "src/user.ts", at(user, "useState", 1), "useHook"), Map.of("src/user.ts", user)));
            String text = "import { fromDependency } from \"../node_modules/dep/index\";\nfromDependency();\n";
            Files.writeString(root.resolve("src/dep.ts"), text);
            s.open(uri("src/dep.ts"), "typescript", 1, text);
            assertEquals(Map.of("src/dep.ts", "import { fromDependency as x } from \"../node_modules/dep/index\";\nx();\n"),
                    applied(rename(s, "src/dep.ts", at(text, "fromDependency", 1), "x"), Map.of("src/dep.ts", text)));
        }
    }

    /**
     * zod's ctx.target: an importer reads the member from a parameter typed through an imported
     * function type, which the declarations do not tell; TypeScript renames it, so renaming
     * without it would break the code: refused with the place, and nothing is edited.
     */
    @Test
    void aMemberReadFromAValueOfUnknownTypeInAnImporterIsRefused() throws Exception {
        Files.writeString(root.resolve("src/ctx.ts"), "export interface Ctx { target: string; other: number }\nexport function make(c: Ctx) { return c.target; }\n");
        Files.writeString(root.resolve("src/proc.ts"), "import type { Ctx } from \"./ctx\";\nexport type Processor = (ctx: Ctx) => string;\n");
        Files.writeString(root.resolve("src/uses.ts"), "import type { Ctx } from \"./ctx\";\nimport type { Processor } from \"./proc\";\n"
                + "export const p: Processor = (ctx) => ctx.target;\nexport function q(c: Ctx) { return c.target + c.other; }\n");
        try (InProcessServer s = start(false)) {
            String ctx = text("src/ctx.ts");
            s.open(uri("src/ctx.ts"), "typescript", 1, ctx);
            ExecutionException e = assertThrows(ExecutionException.class, () -> rename(s, "src/ctx.ts", at(ctx, "target", 0), "goal"));
            assertTrue(e.getCause().getMessage().contains("`target` is also read in uses.ts:3:"), e.getCause().getMessage());
            // other: every read is of a value declared as Ctx, renamed in both files
            Map<String, String> want = new TreeMap<>();
            want.put("src/ctx.ts", ctx.replace("other", "more"));
            want.put("src/uses.ts", text("src/uses.ts").replace("c.other", "c.more"));
            assertEquals(want, applied(rename(s, "src/ctx.ts", at(ctx, "other", 0), "more"), Map.of("src/ctx.ts", ctx)));
        }
    }

    @Test
    void refusesConflictsInAnyFile() throws Exception {
        try (InProcessServer s = start(false)) {
            String shapes = text("src/shapes.ts");
            ExecutionException e;
            // deep.ts imports area; renaming it to a name deep.ts declares would capture
            Files.writeString(root.resolve("src/deep.ts"), "import { area } from \"./user\";\nconst measure = 1;\narea(measure);\n");
            s.open(uri("src/shapes.ts"), "typescript", 1, shapes);
            e = assertThrows(ExecutionException.class, () -> rename(s, "src/shapes.ts", at(shapes, "area", 0), "measure"));
            assertTrue(e.getCause().getMessage().contains("`measure` is already declared"), e.getCause().getMessage());
            // prepareRename accepts ns.member and the imported side of an alias
            String app = text("src/app.ts");
            s.open(uri("src/app.ts"), "typescript", 1, app);
            var prepared = get(s.remote.getTextDocumentService()
                    .prepareRename(new PrepareRenameParams(new TextDocumentIdentifier(uri("src/app.ts")), at(app, "area", 4))));
            assertNotNull(prepared);
            assertEquals("area", prepared.getSecond().getPlaceholder());
        }
    }

    /**
     * Closed importers unchanged since they were indexed are edited from their summaries (a
     * shorthand property written { hub: center }, as TypeScript does); one changed on disk
     * without a watcher event, or holding the new name, is parsed, so its edits and refusals are the parse's.
     */
    @Test
    void closedImportersAreEditedFromTheirSummariesWhileTheyAreAsIndexed() throws Exception {
        Files.writeString(root.resolve("src/hub.ts"), "export function hub(x: number) { return x; }\n");
        Files.writeString(root.resolve("src/short.ts"), "import { hub } from \"./hub\";\nexport const o = { hub, twice: hub(2) };\n");
        Files.writeString(root.resolve("src/alias.ts"), "import { hub as h } from \"./hub\";\nh(1);\n");
        Files.writeString(root.resolve("src/later.ts"), "import { hub } from \"./hub\";\nhub(1);\n");
        try (InProcessServer s = start(false)) {
            Files.writeString(root.resolve("src/later.ts"), "import { hub } from \"./hub\";\nhub(1);\nconst r = { hub };\n");
            String hub = text("src/hub.ts");
            s.open(uri("src/hub.ts"), "typescript", 1, hub);
            Map<String, String> want = new TreeMap<>();
            want.put("src/hub.ts", "export function center(x: number) { return x; }\n");
            want.put("src/short.ts", "import { center } from \"./hub\";\nexport const o = { hub: center, twice: center(2) };\n");
            want.put("src/alias.ts", "import { center as h } from \"./hub\";\nh(1);\n");
            want.put("src/later.ts", "import { center } from \"./hub\";\ncenter(1);\nconst r = { hub: center };\n");
            long before = dev.arenals.server.workspace.SummaryRename.filesFromSummaries();
            assertEquals(want, applied(rename(s, "src/hub.ts", at(hub, "hub", 0), "center"), Map.of()));
            assertEquals(2, dev.arenals.server.workspace.SummaryRename.filesFromSummaries() - before, "short.ts and alias.ts; later.ts changed since");
            // later.ts declares r: the parse refuses what would capture it
            ExecutionException e = assertThrows(ExecutionException.class, () -> rename(s, "src/hub.ts", at(hub, "hub", 0), "r"));
            assertTrue(e.getCause().getMessage().contains("`r` is already declared"), e.getCause().getMessage());
        }
    }

    /** A closed file with a byte-order mark, parsed (a parameter shadows the import): line 0's columns count without the mark, as editors show the text. */
    @Test
    void aClosedFilesByteOrderMarkShiftsNoColumn() throws Exception {
        Files.writeString(root.resolve("src/hub.ts"), "export function hub(x: number) { return x; }\n");
        String body = "import { hub } from \"./hub\";\nfunction f(hub: number) { return hub; }\nhub(f(1));\n";
        Files.writeString(root.resolve("src/bom.ts"), "\uFEFF" + body);
        try (InProcessServer s = start(false)) {
            String hub = text("src/hub.ts");
            s.open(uri("src/hub.ts"), "typescript", 1, hub);
            WorkspaceEdit edit = rename(s, "src/hub.ts", at(hub, "hub", 0), "center");
            assertEquals("import { center } from \"./hub\";\nfunction f(hub: number) { return hub; }\ncenter(f(1));\n",
                    applied(edit, Map.of("src/bom.ts", body)).get("src/bom.ts"));
            ReferenceParams params = new ReferenceParams(new TextDocumentIdentifier(uri("src/hub.ts")), at(hub, "hub", 0), new ReferenceContext(true));
            List<String> inBom = get(s.remote.getTextDocumentService().references(params)).stream().filter(l -> l.getUri().endsWith("bom.ts"))
                    .map(l -> l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter()).sorted().collect(Collectors.toList());
            assertEquals(List.of("0:9", "2:0"), inBom);
        }
    }

    private List<String> references(InProcessServer s, String rel, Position p) throws Exception {
        ReferenceParams params = new ReferenceParams(new TextDocumentIdentifier(uri(rel)), p, new ReferenceContext(true));
        return get(s.remote.getTextDocumentService().references(params)).stream()
                .map(l -> root.toUri().relativize(java.net.URI.create(((Location) l).getUri())) + ":" + l.getRange().getStart().getLine() + ":"
                        + l.getRange().getStart().getCharacter())
                .sorted().collect(Collectors.toList());
    }

    @Test
    void referencesFollowReexportsStarExportsNamespacesAndShorthands() throws Exception {
        try (InProcessServer s = start(false)) {
            String shapes = text("src/shapes.ts"), app = text("src/app.ts");
            s.open(uri("src/shapes.ts"), "typescript", 1, shapes);
            // size is area's alias in app.ts (area in `area as size` is one too), surface in barrel.ts and user.ts: their uses are area's uses
            List<String> want = List.of("src/app.ts:0:9", "src/app.ts:1:17", "src/app.ts:1:9", "src/app.ts:5:17", "src/app.ts:6:0", "src/app.ts:6:10",
                    "src/app.ts:6:27", "src/barrel.ts:0:9", "src/barrel.ts:1:9", "src/deep.ts:0:9", "src/deep.ts:2:0", "src/shapes.ts:0:16",
                    "src/user.ts:0:15", "src/user.ts:0:9", "src/user.ts:3:0", "src/user.ts:3:10", "src/user.ts:3:32", "src/user.ts:5:9");
            assertEquals(want, references(s, "src/shapes.ts", at(shapes, "area", 0)));
            // definition of geometry.area, where geometry is barrel.ts's export * as geometry
            String user = text("src/user.ts");
            s.open(uri("src/user.ts"), "typescript", 1, user);
            List<? extends Location> found = get(s.remote.getTextDocumentService().definition(
                    new org.eclipse.lsp4j.DefinitionParams(new TextDocumentIdentifier(uri("src/user.ts")), at(user, "area", 2)))).getLeft();
            assertEquals(List.of(uri("src/shapes.ts") + ":0:16"), found.stream()
                    .map(l -> l.getUri() + ":" + l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter()).collect(Collectors.toList()));
            // the same references from a namespace member
            s.open(uri("src/app.ts"), "typescript", 1, app);
            assertEquals(want, references(s, "src/app.ts", at(app, "area", 4)));
        }
    }

    @Test
    void withoutAWorkspaceFolderReferencesAtNsMemberHoldThisFilesUsesAndRenameStaysInTheFile() throws Exception {
        try (InProcessServer s = new InProcessServer()) {
            s.initialize();
            String app = text("src/app.ts");
            s.open(uri("src/app.ts"), "typescript", 1, app);
            // shapes.ts is read when the chain reaches it; no other file is known
            List<String> want = List.of("src/app.ts:0:9", "src/app.ts:1:17", "src/app.ts:1:9", "src/app.ts:5:17", "src/app.ts:6:0", "src/app.ts:6:10",
                    "src/app.ts:6:27", "src/shapes.ts:0:16");
            assertEquals(want, references(s, "src/app.ts", at(app, "area", 4)), "from shapes.area");
            assertEquals(want, references(s, "src/app.ts", at(app, "area", 3)), "from a call");
            // the importers are unknown without a folder: the rename keeps the module interface
            WorkspaceEdit edit = rename(s, "src/app.ts", at(app, "area", 3), "extent");
            assertEquals(List.of(uri("src/app.ts")), new ArrayList<>(edit.getChanges().keySet()));
            assertTrue(applied(edit, Map.of("src/app.ts", app)).get("src/app.ts").startsWith("import { area as extent } from"));
        }
    }
}
