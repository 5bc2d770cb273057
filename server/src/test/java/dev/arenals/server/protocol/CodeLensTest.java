package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.features.CodeLensHandler;
import dev.arenals.server.testing.InProcessServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code lenses: "N references" and "N implementations" above the declarations TypeScript's editors
 * put them on, counted across the workspace when resolved (a closed file's uses included), with
 * the command that shows the locations; none unless the settings turn them on.
 */
class CodeLensTest {
    @TempDir Path root;

    private static final String LIB = String.join("\n",
            "export function area(w: number) { return w; }",
            "function local() {}",
            "export const unit = area(1);",
            "export interface Shape { size(): number; name: string }",
            "export abstract class Base implements Shape { abstract size(): number; name = \"b\" }",
            "export class Square extends Base { size() { return area(2); } }",
            "export type Point = { x: number };",
            "export enum Color { Red }",
            "");

    private InProcessServer start(Map<String, Object> options) throws Exception {
        Files.writeString(root.resolve("lib.ts"), LIB);
        Files.writeString(root.resolve("use.ts"), "import { area, Square, type Shape } from \"./lib\";\narea(3);\nconst s: Shape = new Square();\ns.size();\n");
        InProcessServer s = new InProcessServer();
        InitializeParams params = new InitializeParams();
        params.setCapabilities(InProcessServer.capabilities(false, null));
        params.setRootUri(root.toUri().toString());
        params.setInitializationOptions(options);
        get(s.remote.initialize(params));
        s.remote.initialized(new InitializedParams());
        s.server.indexing().get(60, TimeUnit.SECONDS);
        s.open(root.resolve("lib.ts").toUri().toString(), "typescript", 1, LIB);
        return s;
    }

    private List<CodeLens> lenses(InProcessServer s) throws Exception {
        return new ArrayList<>(get(s.remote.getTextDocumentService().codeLens(new CodeLensParams(new TextDocumentIdentifier(root.resolve("lib.ts").toUri().toString())))));
    }

    /** Each lens as "line:name kind" (the name under its range). */
    private static List<String> described(List<CodeLens> lenses) {
        String[] lines = LIB.split("\n");
        List<String> out = new ArrayList<>();
        for (CodeLens l : lenses) {
            Range r = l.getRange();
            String kind = ((com.google.gson.JsonObject) l.getData()).get("kind").getAsString();
            out.add(r.getStart().getLine() + ":" + lines[r.getStart().getLine()].substring(r.getStart().getCharacter(), r.getEnd().getCharacter()) + " " + kind);
        }
        return out;
    }

    @Test
    void lensesStandOnTheDeclarationsTypeScriptsEditorsMark() throws Exception {
        try (InProcessServer s = start(Map.of("codeLens", Map.of("references", true, "implementations", true)))) {
            assertEquals(List.of("0:area references", "2:unit references",
                    "3:Shape references", "3:Shape implementations", "3:size references", "3:size implementations", "3:name references", "3:name implementations",
                    "4:Base references", "4:Base implementations", "4:size references", "4:size implementations", "4:name references",
                    "5:Square references", "5:size references",
                    "6:Point references", "6:x references", "7:Color references"), described(lenses(s)));
        }
    }

    @Test
    void resolvedLensesCountAcrossTheWorkspaceAndCarryTheLocations() throws Exception {
        try (InProcessServer s = start(Map.of("codeLens", Map.of("references", true, "implementations", true)))) {
            List<CodeLens> lenses = lenses(s);
            List<String> titles = new ArrayList<>();
            for (CodeLens l : lenses) {
                CodeLens resolved = get(s.remote.getTextDocumentService().resolveCodeLens(l));
                titles.add(described(List.of(resolved)).get(0).split(" ")[0] + " " + resolved.getCommand().getTitle());
                assertEquals(CodeLensHandler.SHOW_LOCATIONS, resolved.getCommand().getCommand());
                assertEquals(3, resolved.getCommand().getArguments().size(), "uri, position, locations");
            }
            // area: its call in unit, in Square.size, and the closed use.ts's import and call
            assertTrue(titles.contains("0:area 4 references"), titles.toString());
            assertTrue(titles.contains("3:Shape 3 references"), "implements, the type-only import, the annotation: " + titles);
            assertTrue(titles.contains("3:Shape 2 implementations"), "Base and Square: " + titles);
            assertTrue(titles.contains("5:Square 2 references"), "the import and the construction: " + titles);
            assertTrue(titles.contains("4:Base 1 implementation"), "Square: " + titles);
            assertTrue(titles.contains("7:Color 0 references"), titles.toString());
            CodeLens area = get(s.remote.getTextDocumentService().resolveCodeLens(lenses.get(0)));
            // arguments arrive as JSON, as a client reads them
            com.google.gson.JsonArray locations = (com.google.gson.JsonArray) area.getCommand().getArguments().get(2);
            assertEquals(4, locations.size());
            assertTrue(locations.toString().contains("use.ts"), "the closed file's uses: " + locations);
        }
    }

    @Test
    void noLensesUnlessTurnedOnAndForeignDataIsRefused() throws Exception {
        try (InProcessServer s = start(Map.of())) {
            assertEquals(List.of(), lenses(s));
            CodeLens foreign = new CodeLens(new Range(new Position(0, 0), new Position(0, 1)));
            ExecutionException e = assertThrows(ExecutionException.class, () -> s.remote.getTextDocumentService().resolveCodeLens(foreign).get());
            assertTrue(e.getCause().getMessage().contains("not a lens of this server"), e.getCause().getMessage());
        }
    }
}
