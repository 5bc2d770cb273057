package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import dev.arenals.server.testing.Marked;
import dev.arenals.server.workspace.CrossFileNavigator;
import dev.arenals.server.workspace.Summarizer;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Location;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dotted names that start at an import reach the members the other file declares: namespaces
 * imported by name, a namespace import's namespaces, class statics, object literals, enums.
 * Each test: a cursor marker in the importing file and the one answer expected there.
 */
class ImportedMembersTest {
    private static final String GEO = ""
            + "export namespace Geometry {\n"                                               // 0
            + "  /** Distance between two numbers. */\n"                                     // 1
            + "  export function distance(a: number, b: number): number { return a - b; }\n" // 2
            + "  export namespace Inner { export function deep(x: string) {} }\n"            // 3
            + "  function hidden() {}\n"                                                      // 4
            + "}\n"                                                                           // 5
            + "export class Shapes { static area(w: number, h: number) { return w * h; } static unit = 1; }\n" // 6
            + "export const util = { clamp(v: number, lo: number, hi: number) { return v; } } as const;\n"     // 7
            + "export enum Color { Red, Green }\n";                                           // 8
    private static final String BARREL = "export * from './geo';\n";

    @TempDir Path dir;
    private WorkspaceIndex index;
    private CrossFileNavigator navigator;

    private static final String BASE = ""
            + "class Root { /** Says hello. */ hello(who: string) { return who; } }\n"               // 0
            + "export class Base extends Root {\n"                                                  // 1
            + "  constructor(protected readonly http: string) { super(); }\n"                      // 2
            + "  load(id: number): string { return ''; }\n"                                        // 3
            + "}\n";

    @BeforeEach
    void indexTheWorkspace() throws IOException {
        index = new WorkspaceIndex();
        put("geo.ts", GEO);
        put("base.ts", BASE);
        put("barrel.ts", BARREL);
        navigator = new CrossFileNavigator(index);
    }

    private void put(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        index.putIndexed(Summarizer.ofText(path, text));
    }

    private Document app(Marked m) throws IOException {
        Path path = dir.resolve("app.ts");
        Files.writeString(path, m.text);
        return Docs.parsed(path.toUri().toString(), m.text);
    }

    private static final String IMPORTS = "import { Geometry, Shapes, util, Color } from './geo';\nimport * as g from './barrel';\nimport geo = require('./geo');\n";

    /** "file:line:column" of each definition. */
    private String definition(String source) throws IOException {
        Marked m = Marked.parse(IMPORTS + source);
        Document doc = app(m);
        List<String> out = new ArrayList<>();
        for (Location l : new DefinitionHandler().definition(doc, doc.positionAt(m.cursors.get(0)), navigator)) {
            out.add(Path.of(java.net.URI.create(l.getUri())).getFileName() + ":" + l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter());
        }
        return String.join(" ", out);
    }

    private String signature(String source) throws IOException {
        Marked m = Marked.parse(IMPORTS + source);
        Document doc = app(m);
        return SignatureHelpHandlerTest.render(new SignatureHelpHandler().signatureHelp(doc, doc.positionAt(m.cursors.get(0)), index, navigator));
    }

    private String completion(String source) throws IOException {
        Marked m = Marked.parse(IMPORTS + source);
        Document doc = app(m);
        List<String> out = new ArrayList<>();
        for (CompletionItem item : new CompletionHandler().complete(doc, doc.positionAt(m.cursors.get(0)), index, false).getItems()) {
            out.add(item.getLabel() + ":" + item.getKind());
        }
        return String.join(" ", out);
    }

    private String hover(String source) throws IOException {
        Marked m = Marked.parse(IMPORTS + source);
        Document doc = app(m);
        Hover h = new HoverHandler().hover(doc, doc.positionAt(m.cursors.get(0)), false, navigator);
        return h == null ? null : h.getContents().getRight().getValue();
    }

    @Test
    void definitionOfAMemberOfANamespaceImportedByName() throws IOException {
        assertEquals("geo.ts:2:18", definition("Geometry.dist|ance(1, 2);"));
        assertEquals("geo.ts:3:43", definition("Geometry.Inner.de|ep('');"));
        assertEquals("geo.ts:3:19", definition("type T = typeof Geometry.In|ner;"));
    }

    @Test
    void definitionOfMembersThroughANamespaceImportAndRequire() throws IOException {
        assertEquals("geo.ts:2:18", definition("g.Geometry.dist|ance(1, 2);"));
        assertEquals("geo.ts:3:43", definition("geo.Geometry.Inner.de|ep('');"));
    }

    @Test
    void definitionOfStaticsObjectMembersAndEnumMembers() throws IOException {
        assertEquals("geo.ts:6:29", definition("Shapes.ar|ea(1, 2);"));
        assertEquals("geo.ts:6:81", definition("Shapes.un|it;"));
        assertEquals("geo.ts:7:22", definition("util.cla|mp(1, 2, 3);"));
        assertEquals("geo.ts:8:25", definition("Color.Gre|en;"));
    }

    @Test
    void aMemberTheOtherFileDoesNotExportHasNoDefinition() throws IOException {
        assertEquals("", definition("Geometry.hid|den();"));
    }

    @Test
    void signatureHelpForMembersDeclaredInAnotherFile() throws IOException {
        assertEquals("distance([a: number], b: number): number", signature("Geometry.distance(|1, 2);"));
        assertEquals("distance(a: number, [b: number]): number", signature("g.Geometry.distance(1, |2);"));
        assertEquals("deep([x: string])", signature("Geometry.Inner.deep(|'');"));
        assertEquals("area(w: number, [h: number])", signature("Shapes.area(1, |2);"));
        assertEquals("clamp(v: number, lo: number, [hi: number])", signature("util.clamp(1, 2, |3);"));
        assertNull(signature("Geometry.hidden(|);"));
    }

    @Test
    void completionAfterTheDotListsTheOtherFilesMembers() throws IOException {
        assertEquals("distance:Function Inner:Module", completion("Geometry.|"));
        assertEquals("deep:Function", completion("g.Geometry.Inner.|"));
        // a class: its statics, then what every constructor has (TypeScript's NewableFunction and Function)
        assertEquals("area:Method unit:Property apply:Method call:Method bind:Method toString:Method prototype:Property length:Property arguments:Property "
                + "caller:Property name:Property", completion("Shapes.|"));
        assertEquals("Red:EnumMember Green:EnumMember", completion("Color.|"));
        assertEquals("clamp:Method", completion("util.cl|"));
    }

    @Test
    void hoverShowsHowAnImportedCallableAndAMemberAreCalled() throws IOException {
        assertEquals("function Geometry.distance(a: number, b: number): number\n\nDistance between two numbers.", hover("Geometry.dist|ance(1, 2);"));
        assertEquals("(method) Shapes.area(w: number, h: number)", hover("Shapes.ar|ea(1, 2);"));
        assertEquals("(enum member) Color.Red", hover("Color.R|ed;"));
        assertEquals("import { Shapes } from './geo'\nnew Shapes()", hover("new Sha|pes();"));
    }

    private static final String DERIVED_HEAD = "import { Base } from './base';\nclass Derived extends Base {}\nclass Leaf extends Derived {\n  f() {\n";

    private Document derived(Marked m) throws IOException {
        Path path = dir.resolve("derived.ts");
        Files.writeString(path, m.text);
        return Docs.parsed(path.toUri().toString(), m.text);
    }

    @Test
    void thisReachesMembersABaseClassInAnotherFileDeclares() throws IOException {
        Marked m = Marked.parse(DERIVED_HEAD + "    this.lo|ad(1);\n  }\n}\n");
        Document doc = derived(m);
        List<Location> defs = new DefinitionHandler().definition(doc, doc.positionAt(m.cursors.get(0)), navigator);
        assertEquals("base.ts:3:2", defs.stream().map(l -> Path.of(java.net.URI.create(l.getUri())).getFileName() + ":"
                + l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter()).collect(java.util.stream.Collectors.joining(" ")));
        m = Marked.parse(DERIVED_HEAD + "    this.hel|lo('x');\n  }\n}\n");
        doc = derived(m);
        assertEquals("(method) Base.hello(who: string)\n\nSays hello.",
                new HoverHandler().hover(doc, doc.positionAt(m.cursors.get(0)), false, navigator).getContents().getRight().getValue());
        m = Marked.parse(DERIVED_HEAD + "    this.load(|1);\n  }\n}\n");
        doc = derived(m);
        assertEquals("load([id: number]): string", SignatureHelpHandlerTest.render(
                new SignatureHelpHandler().signatureHelp(doc, doc.positionAt(m.cursors.get(0)), index, navigator)));
        m = Marked.parse(DERIVED_HEAD + "    this.|\n  }\n}\n");
        doc = derived(m);
        List<String> labels = new ArrayList<>();
        for (CompletionItem item : new CompletionHandler().complete(doc, doc.positionAt(m.cursors.get(0)), index, false).getItems()) labels.add(item.getLabel());
        assertEquals(List.of("f", "http", "load", "hello"), labels);
    }
}
