package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.server.testing.InProcessServer;
import dev.arenals.server.testing.Marked;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.ImplementationParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TypeHierarchyItem;
import org.eclipse.lsp4j.TypeHierarchyPrepareParams;
import org.eclipse.lsp4j.TypeHierarchySubtypesParams;
import org.eclipse.lsp4j.TypeHierarchySupertypesParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Go to implementation and the type hierarchy over the protocol on a small workspace: shapes.ts
 * declares the types; impl.ts implements them through a named import and a namespace import;
 * more.ts through a re-export (barrel.ts). A `|` marks the cursor; answers are written as
 * {@code file:line:column name} of the name each location or item points at. The expected
 * answers are TypeScript's ({@code getImplementationAtPosition} on the same files), except that
 * TypeScript also lists the alias {@code export { Base as Root }} of barrel.ts among Base's.
 */
class TypeHierarchyTest {
    private static final String SHAPES = """
            export interface Shape { area(): number; name: string }
            export interface Solid extends Shape { volume(): number }
            export abstract class Base implements Shape {
              abstract area(): number;
              name = "base";
              describe() { return this.area(); }
            }
            export function helper() { return 1; }
            helper();
            """;
    private static final String IMPL = """
            import { Base, Solid } from './shapes';
            import * as s from './shapes';
            export class Square extends Base { area() { return 1; } }
            export class Cube implements s.Solid { area() { return 2; } volume() { return 3; } name = "cube"; }
            class Tile extends Square { area() { return 4; } }
            """;
    private static final String BARREL = "export { Base as Root } from './shapes';\n";
    private static final String MORE = """
            import { Root } from './barrel';
            import { Square } from './impl';
            class Circle extends Root { area() { return 5; } }
            interface Named extends Pick<Square, 'name'> { }
            """;

    @TempDir Path root;

    private String uri(String name) { return root.resolve(name).toUri().toString(); }

    private InProcessServer workspace() throws Exception {
        Files.writeString(root.resolve("shapes.ts"), SHAPES);
        Files.writeString(root.resolve("impl.ts"), IMPL);
        Files.writeString(root.resolve("barrel.ts"), BARREL);
        Files.writeString(root.resolve("more.ts"), MORE);
        InProcessServer s = InProcessServer.inWorkspace(root);
        s.open(uri("shapes.ts"), "typescript", 1, SHAPES);
        s.open(uri("impl.ts"), "typescript", 1, IMPL);
        return s;
    }

    /** The position of the `|` in {@code marked}, which is {@code file}'s text with a marker. */
    private static Position cursor(String file, String marked) {
        Marked m = Marked.parse(marked);
        assertEquals(file, m.text, "the marker must sit in the file's own text");
        String before = m.text.substring(0, m.cursors.get(0));
        return new Position((int) before.chars().filter(c -> c == '\n').count(), before.length() - before.lastIndexOf('\n') - 1);
    }

    private String nameAt(String uri, Position p) throws Exception {
        String file = uri.substring(uri.lastIndexOf('/') + 1);
        String text = Files.readString(root.resolve(file));
        String line = text.split("\n", -1)[p.getLine()];
        int end = p.getCharacter();
        while (end < line.length() && Character.isJavaIdentifierPart(line.charAt(end))) end++;
        return file + ":" + p.getLine() + ":" + p.getCharacter() + " " + line.substring(p.getCharacter(), end);
    }

    private List<String> implementations(InProcessServer s, String file, String text, String marked) throws Exception {
        List<String> out = new ArrayList<>();
        for (Location l : get(s.remote.getTextDocumentService().implementation(
                new ImplementationParams(new TextDocumentIdentifier(uri(file)), cursor(text, marked)))).getLeft()) {
            out.add(nameAt(l.getUri(), l.getRange().getStart()));
        }
        java.util.Collections.sort(out);
        return out;
    }

    private List<String> names(List<TypeHierarchyItem> items) throws Exception {
        List<String> out = new ArrayList<>();
        for (TypeHierarchyItem t : items) out.add(nameAt(t.getUri(), t.getSelectionRange().getStart()) + " " + t.getKind());
        java.util.Collections.sort(out);
        return out;
    }

    private List<TypeHierarchyItem> prepare(InProcessServer s, String file, String text, String marked) throws Exception {
        return get(s.remote.getTextDocumentService().prepareTypeHierarchy(new TypeHierarchyPrepareParams(new TextDocumentIdentifier(uri(file)), cursor(text, marked))));
    }

    @Test
    void implementationsOfAnInterfaceAreItsSubtypesInEveryFile() throws Exception {
        try (InProcessServer s = workspace()) {
            assertEquals(List.of("impl.ts:2:13 Square", "impl.ts:3:13 Cube", "impl.ts:4:6 Tile", "more.ts:2:6 Circle",
                            "shapes.ts:1:17 Solid", "shapes.ts:2:22 Base"),
                    implementations(s, "shapes.ts", SHAPES, SHAPES.replace("interface Shape", "interface Sh|ape")));
            assertEquals(List.of("impl.ts:3:13 Cube"), implementations(s, "shapes.ts", SHAPES, SHAPES.replace("interface Solid", "interface So|lid")),
                    "through the namespace import s.Solid");
        }
    }

    @Test
    void implementationsOfAClassAreItselfAndTheClassesBelowIt() throws Exception {
        try (InProcessServer s = workspace()) {
            assertEquals(List.of("impl.ts:2:13 Square", "impl.ts:4:6 Tile", "more.ts:2:6 Circle", "shapes.ts:2:22 Base"),
                    implementations(s, "impl.ts", IMPL, IMPL.replace("extends Base", "extends Ba|se")),
                    "from a use; Circle through the re-export as Root");
            assertEquals(List.of("impl.ts:2:13 Square", "impl.ts:4:6 Tile"),
                    implementations(s, "impl.ts", IMPL, IMPL.replace("class Square", "class Squ|are")),
                    "Pick<Square, 'name'> names Square in a type argument: not a subtype");
        }
    }

    @Test
    void implementationsOfAMemberAreTheBodiesBelowIt() throws Exception {
        try (InProcessServer s = workspace()) {
            assertEquals(List.of("impl.ts:2:35 area", "impl.ts:3:39 area", "impl.ts:4:28 area", "more.ts:2:28 area"),
                    implementations(s, "shapes.ts", SHAPES, SHAPES.replace("{ area(): number; name", "{ ar|ea(): number; name")));
            assertEquals(List.of("impl.ts:3:83 name", "shapes.ts:4:2 name"),
                    implementations(s, "shapes.ts", SHAPES, SHAPES.replace("area(): number; name: string", "area(): number; na|me: string")));
            assertEquals(List.of("impl.ts:2:35 area", "impl.ts:4:28 area", "more.ts:2:28 area"),
                    implementations(s, "shapes.ts", SHAPES, SHAPES.replace("this.area", "this.a|rea")),
                    "this.area() of the abstract class: the overrides, not the abstract declaration");
            assertEquals(List.of("impl.ts:2:35 area", "impl.ts:4:28 area"),
                    implementations(s, "impl.ts", IMPL, IMPL.replace("area() { return 1", "ar|ea() { return 1")),
                    "a method with a body: itself and its override");
        }
    }

    @Test
    void implementationOfAFunctionIsItsDefinition() throws Exception {
        try (InProcessServer s = workspace()) {
            assertEquals(List.of("shapes.ts:7:16 helper"), implementations(s, "shapes.ts", SHAPES, SHAPES.replace("helper();", "hel|per();")));
            assertEquals(List.of(), implementations(s, "shapes.ts", SHAPES, SHAPES.replace("return 1;", "return |1;")));
        }
    }

    @Test
    void typeHierarchyAcrossFiles() throws Exception {
        try (InProcessServer s = workspace()) {
            List<TypeHierarchyItem> square = prepare(s, "impl.ts", IMPL, IMPL.replace("class Square", "class Sq|uare"));
            assertEquals(List.of("impl.ts:2:13 Square Class"), names(square));
            assertEquals(List.of("shapes.ts:2:22 Base Class"),
                    names(get(s.remote.getTextDocumentService().typeHierarchySupertypes(new TypeHierarchySupertypesParams(square.get(0))))));
            assertEquals(List.of("impl.ts:4:6 Tile Class"),
                    names(get(s.remote.getTextDocumentService().typeHierarchySubtypes(new TypeHierarchySubtypesParams(square.get(0))))));

            List<TypeHierarchyItem> base = prepare(s, "impl.ts", IMPL, IMPL.replace("{ Base,", "{ Ba|se,"));
            assertEquals(List.of("shapes.ts:2:22 Base Class"), names(base), "prepared from an import: the declaration in shapes.ts");
            assertEquals(List.of("shapes.ts:0:17 Shape Interface"),
                    names(get(s.remote.getTextDocumentService().typeHierarchySupertypes(new TypeHierarchySupertypesParams(base.get(0))))));
            assertEquals(List.of("impl.ts:2:13 Square Class", "more.ts:2:6 Circle Class"),
                    names(get(s.remote.getTextDocumentService().typeHierarchySubtypes(new TypeHierarchySubtypesParams(base.get(0))))));

            List<TypeHierarchyItem> cube = prepare(s, "impl.ts", IMPL, IMPL.replace("class Cube", "class Cu|be"));
            assertEquals(List.of("shapes.ts:1:17 Solid Interface"),
                    names(get(s.remote.getTextDocumentService().typeHierarchySupertypes(new TypeHierarchySupertypesParams(cube.get(0))))),
                    "implements s.Solid: through the namespace import");
            assertEquals(List.of(), prepare(s, "shapes.ts", SHAPES, SHAPES.replace("helper();", "hel|per();")), "a function is not a type");
        }
    }

    @Test
    void cyclesOfBrokenCodeEndAndGenericsAreFollowed() throws Exception {
        String text = """
                class A extends B {}
                class B extends A {}
                interface I extends I {}
                interface Box<T> { get(): T }
                class Crate<T> implements Box<T>, I { get(): T { return null!; } }
                class Small extends Crate<number> {}
                """;
        Files.writeString(root.resolve("loop.ts"), text);
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            s.open(uri("loop.ts"), "typescript", 1, text);
            assertEquals(List.of("loop.ts:0:6 A", "loop.ts:1:6 B"), implementations(s, "loop.ts", text, text.replace("class A", "class |A")));
            assertEquals(List.of("loop.ts:2:10 I", "loop.ts:4:6 Crate", "loop.ts:5:6 Small"),
                    implementations(s, "loop.ts", text, text.replace("interface I", "interface |I")), "I extends itself: it is below itself");
            assertEquals(List.of("loop.ts:4:6 Crate", "loop.ts:5:6 Small"), implementations(s, "loop.ts", text, text.replace("interface Box", "interface B|ox")));
            assertEquals(List.of("loop.ts:4:38 get"), implementations(s, "loop.ts", text, text.replace("{ get(): T }", "{ g|et(): T }")));
            List<TypeHierarchyItem> crate = prepare(s, "loop.ts", text, text.replace("extends Crate", "extends C|rate"));
            assertEquals(List.of("loop.ts:2:10 I Interface", "loop.ts:3:10 Box Interface"),
                    names(get(s.remote.getTextDocumentService().typeHierarchySupertypes(new TypeHierarchySupertypesParams(crate.get(0))))));
            List<TypeHierarchyItem> a = prepare(s, "loop.ts", text, text.replace("class A", "class |A"));
            assertEquals(List.of("loop.ts:1:6 B Class"),
                    names(get(s.remote.getTextDocumentService().typeHierarchySubtypes(new TypeHierarchySubtypesParams(a.get(0))))));
        }
    }

    @Test
    void fieldsWithAValueAliasesAndMergedDeclarationsAsTypeScript() throws Exception {
        String text = """
                interface P { readonly a: number; b: number; c(): void }
                class K { f!: string; g: string = "x"; h?: number; m(): void; m() {} }
                class L extends K { f!: string; h = 1 }
                type Alias = P;
                interface R extends Alias { e: number }
                interface M { x: number }
                namespace M { export const y = 1; }
                class N implements M { x = 1 }
                """;
        Files.writeString(root.resolve("v.ts"), text);
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            s.open(uri("v.ts"), "typescript", 1, text);
            assertEquals(List.of(), implementations(s, "v.ts", text, text.replace("readonly a", "readonly |a")));
            assertEquals(List.of(), implementations(s, "v.ts", text, text.replace("f!: string; g", "|f!: string; g")), "f! declares, implements nothing");
            assertEquals(List.of("v.ts:1:22 g"), implementations(s, "v.ts", text, text.replace("g: string", "|g: string")));
            assertEquals(List.of("v.ts:2:32 h"), implementations(s, "v.ts", text, text.replace("h?", "|h?")));
            assertEquals(List.of("v.ts:1:62 m"), implementations(s, "v.ts", text, text.replace("m(): void", "|m(): void")), "the overload with the body");
            assertEquals(List.of("v.ts:4:10 R"), implementations(s, "v.ts", text, text.replace("type Alias", "type Al|ias")));
            assertEquals(List.of("v.ts:7:6 N"), implementations(s, "v.ts", text, text.replace("interface M", "interface |M")),
                    "the namespace merged with M is not an implementation");
            assertEquals(List.of(), prepare(s, "v.ts", text, text.replace("type Alias", "type Al|ias")), "the type hierarchy shows classes and interfaces");
        }
    }

    /** TypeScript lists {@code [{ d: 4 }]} typed {@code Q[]} too: without types, only a literal typed by the name itself. */
    @Test
    void objectLiteralsTypedByAnInterfaceImplementIt() throws Exception {
        String text = """
                interface Q { d: number }
                const q: Q = { d: 1 };
                function use(p: Q = ({ d: 2 })) {}
                class Holder { field: Q = { d: 3 }; other: Q; }
                const not: Q[] = [{ d: 4 }];
                """;
        Files.writeString(root.resolve("o.ts"), text);
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            s.open(uri("o.ts"), "typescript", 1, text);
            assertEquals(List.of("o.ts:1:13 ", "o.ts:2:20 ", "o.ts:3:26 "), implementations(s, "o.ts", text, text.replace("interface Q", "interface |Q")));
            assertEquals(List.of("o.ts:1:15 d", "o.ts:2:23 d", "o.ts:3:28 d"), implementations(s, "o.ts", text, text.replace("{ d: number }", "{ |d: number }")));
        }
    }

    @Test
    void decoratedClassesMembersAndFieldsAreReadPastTheirDecorators() throws Exception {
        String text = """
                interface Q { d: number; run(): void }
                @Component({}) class Widget implements Q { @Input() d = 1; @HostListener('x') run() {} }
                class Holder { @Inject() field: Q = { d: 3, run() {} }; }
                """;
        Files.writeString(root.resolve("d.ts"), text);
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            s.open(uri("d.ts"), "typescript", 1, text);
            assertEquals(List.of("d.ts:1:21 Widget", "d.ts:2:36 "), implementations(s, "d.ts", text, text.replace("interface Q", "interface |Q")));
            assertEquals(List.of("d.ts:1:52 d", "d.ts:2:38 d"), implementations(s, "d.ts", text, text.replace("{ d: number", "{ |d: number")));
            assertEquals(List.of("d.ts:1:52 d"), implementations(s, "d.ts", text, text.replace("@Input() d", "@Input() |d")),
                    "a decorated member's own key");
            List<TypeHierarchyItem> widget = prepare(s, "d.ts", text, text.replace("class Widget", "class Wid|get"));
            assertEquals(List.of("d.ts:1:21 Widget Class"), names(widget));
            assertEquals(List.of("d.ts:0:10 Q Interface"), names(get(s.remote.getTextDocumentService().typeHierarchySupertypes(
                    new TypeHierarchySupertypesParams(widget.get(0))))));
        }
    }

    /** In an ambient context every declaration is an implementation to TypeScript: the member signatures too. */
    @Test
    void ambientDeclarationsImplementThemselves() throws Exception {
        String text = """
                export declare namespace NS {
                  export interface P { readonly v: 1; m(): void }
                }
                declare class D implements NS.P { v: 1; m(): void }
                const p: NS.P = { v: 1, m() {} };
                interface Plain { w: number }
                """;
        Files.writeString(root.resolve("a.ts"), text);
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            s.open(uri("a.ts"), "typescript", 1, text);
            assertEquals(List.of("a.ts:1:32 v", "a.ts:3:34 v", "a.ts:4:18 v"), implementations(s, "a.ts", text, text.replace("readonly v", "readonly |v")));
            assertEquals(List.of("a.ts:1:38 m", "a.ts:3:40 m", "a.ts:4:24 m"), implementations(s, "a.ts", text, text.replace("m(): void }\n}", "|m(): void }\n}")));
            assertEquals(List.of("a.ts:3:14 D", "a.ts:4:16 "), implementations(s, "a.ts", text, text.replace("interface P", "interface |P")));
            assertEquals(List.of(), implementations(s, "a.ts", text, text.replace("w: number", "|w: number")));
        }
    }

    /**
     * Every file read from disk is a parse: a level of the subtypes reads each closed file once, its
     * heritage clauses read while it is parsed for the uses in it (they were read in a second parse).
     */
    @Test
    void aClosedFileIsParsedOnceForItsUsesAndItsHeritageClauses() throws Exception {
        Files.writeString(root.resolve("shapes.ts"), SHAPES);
        Files.writeString(root.resolve("impl.ts"), IMPL);
        Files.writeString(root.resolve("barrel.ts"), BARREL);
        Files.writeString(root.resolve("more.ts"), MORE);
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            s.open(uri("shapes.ts"), "typescript", 1, SHAPES);
            long before = ArenaTextDocumentService.snapshotsParsed();
            assertEquals(List.of("impl.ts:2:13 Square", "impl.ts:4:6 Tile", "more.ts:2:6 Circle", "shapes.ts:2:22 Base"),
                    implementations(s, "shapes.ts", SHAPES, SHAPES.replace("class Base", "class Ba|se")));
            assertEquals(PARSES_FOR_BASE, ArenaTextDocumentService.snapshotsParsed() - before);
        }
    }

    /** The closed files' parses for Base's implementations over its three levels: 12 when each level read a file for its uses, then again for its heritage clauses. */
    private static final long PARSES_FOR_BASE = 7;
}
