package dev.arenals.server.features;

import static dev.arenals.server.testing.TokenAssert.assertTokens;

import dev.arenals.server.testing.Docs;
import dev.arenals.server.testing.Marked;
import dev.arenals.server.workspace.CrossFileNavigator;
import dev.arenals.server.workspace.Summarizer;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Semantic tokens of imported names, as TypeScript colours them: what the name stands for in the
 * file that declares it (through re-exports), read from that file's summary. Each test: the
 * importing file with its tokens marked, and the token each one gets.
 */
class ImportedTokensTest {
    private static final String SCHEMAS = ""
            + "export class Schema { static create() { return new Schema(); } static version = 1; }\n"
            + "export interface Shape { kind: string }\n"
            + "export type Id = string;\n"
            + "export enum Color { Red, Green }\n"
            + "export function parse(text: string) { return text; }\n"
            + "export const make = (n: number) => n;\n"
            + "export const limit = 10;\n"
            + "export let counter = 0;\n"
            // the library way to declare a class: an interface and a variable of its name
            + "export interface Registry { add(x: string): void }\n"
            + "export declare const Registry: RegistryConstructor;\n"
            + "interface RegistryConstructor { new (): Registry }\n"
            + "export declare const version: string;\n"
            + "export namespace util { export function assertEqual(a: unknown, b: unknown) {} export const tag = 'u'; }\n";

    @TempDir Path dir;
    private WorkspaceIndex index;
    private CrossFileNavigator navigator;

    @BeforeEach
    void indexTheWorkspace() throws IOException {
        index = new WorkspaceIndex();
        put("schemas.ts", SCHEMAS);
        put("barrel.ts", "export * from './schemas';\nexport * as schemas from './schemas';\n");
        navigator = new CrossFileNavigator(index);
    }

    private void put(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        index.putIndexed(Summarizer.ofText(path, text));
    }

    private void assertAppTokens(String marked, String... expected) throws IOException {
        Marked m = Marked.parse(marked, "/*|*/");
        Path path = dir.resolve("app.ts");
        Files.writeString(path, m.text);
        assertTokens(Docs.parsed(path.toUri().toString(), m.text), m, navigator, expected);
    }

    @Test void namedImportsAreWhatTheyStandForWhereDeclared() throws IOException {
        assertAppTokens("import { Schema, Shape, Id, Color, parse, make, limit, counter } from './barrel';\n"
                + "let [[s]]: [[Shape]] = { [[kind]]: '' }; let [[i]]: [[Id]]; new [[Schema]](); [[Color]].[[Red]]; [[parse]]('');"
                + " [[make]](1); [[limit]]; [[counter]];",
                "variable.declaration.definition", "interface", "property.declaration", "variable.declaration", "type", "class", "enum",
                "enumMember.readonly", "function", "function.readonly", "variable.readonly", "variable");
    }

    @Test void aDeclaredConstIsReadonly() throws IOException {
        // `declare` is a modifier bit beside the declaration's kind: the summary must still see a const
        assertAppTokens("import { version } from './schemas';\n[[version]];", "variable.readonly");
    }

    @Test void anInterfaceWithAVariableOfItsNameIsAClassAsAValueAndAnInterfaceAsAType() throws IOException {
        assertAppTokens("import { Registry } from './schemas';\nlet [[r]]: [[Registry]] = new [[Registry]](); [[Registry]];",
                "variable.declaration.definition", "interface", "class", "class");
    }

    @Test void membersOfANamespaceImportAndOfImportedNamespacesAndClasses() throws IOException {
        assertAppTokens("import * as s from './schemas';\nimport { util, Schema } from './schemas';\n"
                + "[[s]].[[parse]](''); let [[x]]: [[s]].[[Shape]]; [[s]].[[limit]]; [[util]].[[assertEqual]](1, 2); [[util]].[[tag]];"
                + " [[Schema]].[[create]](); [[Schema]].[[version]];",
                "namespace.readonly", "function", "variable.declaration", "namespace.readonly", "interface",
                "namespace.readonly", "variable.readonly", "namespace", "function", "namespace", "variable.readonly",
                "class", "method.static", "class", "property.static");
    }

    @Test void aNamespaceExportedFromABarrel() throws IOException {
        assertAppTokens("import { schemas } from './barrel';\n[[schemas]].[[make]](1); let [[y]]: [[schemas]].[[Id]];",
                "namespace.readonly", "function.readonly", "variable.declaration", "namespace.readonly", "type");
    }

    @Test void exportSpecifiersAreWhatTheyExport() throws IOException {
        assertAppTokens("function [[local]]() {}\nexport { [[local]] as [[renamed]] };\nexport { [[Schema]], [[limit]] } from './schemas';",
                "function.declaration.definition", "function", "function", "class", "variable.readonly");
    }

    @Test void aRelativeModuleThatIsNotThereLeavesItsNamesWithoutAToken() throws IOException {
        // TypeScript knows nothing of them; a package we cannot find keeps this file's reading
        assertAppTokens("import { gone } from './missing';\nimport { dep } from 'some-package';\ngone(); [[dep]]();",
                "function.readonly");
    }
}
