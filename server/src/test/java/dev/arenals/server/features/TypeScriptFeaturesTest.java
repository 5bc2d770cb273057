package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Test;

/** TypeScript documents: no syntax errors on TypeScript syntax, hover on types, an outline. */
class TypeScriptFeaturesTest {
    private static final String SOURCE = String.join("\n",
            "/** A point in the plane. */",
            "export interface Point<T = number> { x: T; y: T }",
            "export type Id = string | number;",
            "export enum Color { Red, Green }",
            "export namespace Geometry { export const origin: Point = { x: 0, y: 0 }; }",
            "/** Adds two points. */",
            "export function add(a: Point, b: Point): Point { return { x: a.x + b.x, y: a.y + b.y }; }",
            "export class Shape<T extends Point> implements Named { constructor(private readonly at: T) {} name = 'shape'; }",
            "const p: Point = add(Geometry.origin, { x: 1, y: 2 }) as Point;",
            "let id: Id = 1; let c: Color = Color.Red;",
            "");

    private final Document doc = Docs.parsed("file:///features.ts", SOURCE);

    private String hover(int line, String word) {
        String text = SOURCE.split("\n")[line];
        Hover h = new HoverHandler().hover(doc, new Position(line, text.indexOf(word)), true);
        return h == null ? null : h.getContents().getRight().getValue();
    }

    @Test
    void typeScriptSyntaxGivesNoDiagnostics() {
        assertEquals(0, doc.arena().log().diagnosticCount(), () -> "diagnostics: " + doc.arena().log().diagnosticCount());
    }

    @Test
    void hoverShowsInterfacesAliasesAndFunctions() {
        String point = hover(8, "Point");
        assertNotNull(point);
        assertTrue(point.contains("interface Point"), point);
        assertTrue(point.contains("A point in the plane."), point);
        String id = hover(9, "Id");
        assertNotNull(id);
        assertTrue(id.contains("type Id"), id);
        String add = hover(8, "add");
        assertNotNull(add);
        assertTrue(add.contains("function add(a: Point, b: Point): Point"), add);
        assertTrue(add.contains("Adds two points."), add);
    }

    @Test
    void outlineListsTypeScriptDeclarations() {
        var symbols = new DocumentSymbolHandler().documentSymbols(doc);
        String names = symbols.toString();
        for (String name : new String[] {"Point", "Id", "Color", "Geometry", "add", "Shape", "p"}) {
            assertTrue(names.contains("name = \"" + name + "\""), () -> name + " missing from " + names);
        }
    }
}
