package dev.arenals.parser.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.tree.Arena;
import org.junit.jupiter.api.Test;

/** TypeScript's declaration spaces: values, types and namespaces resolve separately and merge. */
class TypeScriptBinderTest {
    private final JsParser parser = new JsParser();
    private final Arena arena = new Arena();
    private final Binder binder = new Binder();
    private final ScopeTable table = new ScopeTable();
    private String text;

    private void bind(String source) {
        text = source;
        parser.parse(arena, source, ParseOptions.forFileName("test.ts"));
        assertEquals(0, arena.log().diagnosticCount(), () -> "diagnostics in " + source);
        binder.bind(arena, table);
    }

    private int at(String marker) {
        int i = text.indexOf(marker);
        if (i < 0) throw new AssertionError(marker + " not in " + text);
        return i;
    }

    private int sym(String marker) { return table.symbolAt(at(marker)); }

    @Test
    void typeReferencesResolveToInterfacesAliasesAndTypeParameters() {
        bind("interface Point { x: number }\ntype Id = string;\nfunction first<T>(xs: T[]): T { return xs[0]; }\n"
                + "let p: Point; let id: Id;");
        int point = sym("Point {");
        assertEquals(SymbolKind.INTERFACE, table.kind(point));
        assertEquals(point, sym("Point; "));
        int id = sym("Id =");
        assertEquals(SymbolKind.TYPE_ALIAS, table.kind(id));
        assertEquals(id, sym("Id;"));
        int t = sym("T>(");
        assertEquals(SymbolKind.TYPE_PARAMETER, table.kind(t));
        assertEquals(t, sym("T[]"));
        assertEquals(t, sym("T {"));
        int string = sym("string");
        assertEquals(SymbolKind.IMPLICIT_GLOBAL, table.kind(string));
    }

    @Test
    void aPredefinedTypeIsThePrimitiveWhateverABindingOfItsName() {
        bind("import { string, number as n } from 'z';\nlet a: string = string();\nconst number = 1;\nlet b: number = number;\nlet c: string.Kind;\n");
        int imported = sym("string, number");
        assertEquals(SymbolKind.IMPORT, table.kind(imported));
        assertEquals(-1, sym("string = ")); // the primitive

        assertEquals(imported, table.symbolAt(at("string();")));
        assertEquals(SymbolKind.IMPLICIT_GLOBAL, table.kind(sym("number = number"))); // a const is a value only: the type is the global primitive
        assertEquals(sym("number = 1"), table.symbolAt(at("= number;") + 2));
        assertEquals(imported, sym("string.Kind")); // a qualified name reads the namespace: the binding
    }

    @Test
    void valuesAndTypesWithOneNameStayApart() {
        bind("const Shape = 1;\ntype Shape = { kind: string };\nlet s: Shape = Shape as Shape;");
        int value = sym("Shape = 1");
        int type = sym("Shape = {");
        assertNotEquals(value, type);
        assertEquals(type, sym("Shape = Shape"));
        assertEquals(value, table.symbolAt(at("= Shape as") + 2));
        assertEquals(type, table.symbolAt(at("as Shape") + 3));
    }

    @Test
    void interfacesAndNamespacesMerge() {
        bind("interface Box { a: number }\ninterface Box { b: string }\nnamespace NS { export const x = 1; }\n"
                + "namespace NS { export const y = 2; }\nlet b: Box; let v = NS.x; let q: NS.T;");
        assertEquals(sym("Box { a"), sym("Box { b"));
        assertEquals(sym("Box; "), sym("Box { a"));
        int ns = sym("NS { export const x");
        assertEquals(SymbolKind.NAMESPACE, table.kind(ns));
        assertEquals(ns, sym("NS { export const y"));
        assertEquals(ns, sym("NS.x"));
        assertEquals(ns, sym("NS.T"));
    }

    @Test
    void classesAreValuesAndTypesEnumsToo() {
        bind("class Dog {}\nenum Color { Red, Green = Red }\nlet d: Dog = new Dog(); let c: Color = Color.Red;");
        int dog = sym("Dog {}");
        assertEquals(dog, sym("Dog = new"));
        assertEquals(dog, sym("Dog();"));
        int color = sym("Color {");
        assertEquals(SymbolKind.ENUM, table.kind(color));
        assertEquals(color, sym("Color = Color"));
        assertEquals(color, table.symbolAt(at("Color.Red")));
    }

    /** An inline `type` belongs to the import specifier, not to the imported name's span. */
    @Test
    void anInlineTypeImportsNameSpansTheNameOnly() {
        String text = "import { type User, type Id as Key } from './m';\nlet u: User; let k: Key;";
        parser.parse(arena, text, ParseOptions.forFileName("m.ts"));
        binder.bind(arena, table);
        int user = table.symbolAt(text.lastIndexOf("User"));
        assertEquals(text.indexOf("User"), arena.start(table.declarationNode(user)));
        assertEquals(text.indexOf("User") + 4, arena.end(table.declarationNode(user)));
        int key = table.symbolAt(text.lastIndexOf("Key"));
        assertEquals(text.indexOf("Key"), arena.start(table.declarationNode(key)));
    }

    @Test
    void importsServeEverySpace() {
        parser.parse(arena, "import { Schema } from './s';\nlet s: Schema.Type = Schema.make();", ParseOptions.forFileName("m.ts"));
        binder.bind(arena, table);
        text = "import { Schema } from './s';\nlet s: Schema.Type = Schema.make();";
        int schema = sym("Schema }");
        assertEquals(SymbolKind.IMPORT, table.kind(schema));
        assertEquals(schema, sym("Schema.Type"));
        assertEquals(schema, sym("Schema.make"));
    }

    @Test
    void overloadsAndDeclarationMergingAreNoErrors() {
        bind("function f(a: string): void;\nfunction f(a: number): void;\nfunction f(a: any) {}\n"
                + "class K {}\ninterface K { extra: number }\nnamespace K { export const n = 1; }");
        assertEquals(0, arena.log().diagnosticCount());
        assertTrue(table.references(sym("f(a: any")).length == 0);
    }

    @Test
    void blockScopedVariablesNeverMerge() {
        text = "let a = 1;\nconst a = 2;";
        parser.parse(arena, text, ParseOptions.forFileName("x.ts"));
        binder.bind(arena, table);
        assertEquals(1, arena.log().diagnosticCount());
        assertEquals(dev.arenals.parser.diag.Diag.REDECLARED, arena.log().diagnostic(0));
        assertEquals(text.indexOf("a = 2"), arena.log().diagnosticStart(0));
    }
}
