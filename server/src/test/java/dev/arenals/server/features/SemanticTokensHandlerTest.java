package dev.arenals.server.features;

import static dev.arenals.server.testing.TokenAssert.assertTokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import dev.arenals.server.testing.TokenAssert;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensEdit;
import org.junit.jupiter.api.Test;

class SemanticTokensHandlerTest {
    @Test void parametersAreParametersAtEveryUse() {
        assertTokens("a.js", "function [[f]]([[x]], [[y]] = [[x]]) { return [[x]] + [[y]]; } [[f]](1);",
                "function.declaration.definition", "parameter.declaration.local", "parameter.declaration.local",
                "parameter.local", "parameter.local", "parameter.local", "function");
    }

    @Test void variablesConstAndScopes() {
        assertTokens("a.js", "const [[a]] = 1; let [[b]]; { let [[c]] = [[a]]; } try {} catch ([[e]]) { [[e]]; }",
                "variable.declaration.definition.readonly", "variable.declaration", "variable.declaration.definition.local",
                "variable.readonly", "variable.declaration.local", "variable.local");
    }

    @Test void classesAndMembers() {
        assertTokens("a.ts", "abstract class [[A]] { static [[s]] = 1; readonly [[r]]: number; abstract [[m]](): void; async [[n]]() { this.[[m]](); this.[[r]]; } get [[g]]() { return 1; } constructor() {} }",
                "class.declaration.definition.abstract", "property.declaration.static", "property.declaration.readonly",
                "method.declaration.abstract", "method.declaration.async", "method", "property.readonly", "property.declaration");
    }

    @Test void typeScriptDeclarations() {
        assertTokens("a.ts", "interface [[I]]<[[T]]> { [[p]]: [[T]]; [[q]](): void } type [[U]] = [[I]]<string>; enum [[E]] { [[A]], [[B]] = [[A]] } namespace [[N]] { export const [[z]] = 1; } let [[v]]: [[N]].[[Q]] = [[E]].[[A]];",
                "interface.declaration.definition", "typeParameter.declaration.local", "property.declaration", "typeParameter.local",
                "method.declaration", "type.declaration.definition", "interface", "enum.declaration.definition",
                "enumMember.declaration.readonly", "enumMember.declaration.readonly", "enumMember.readonly", "namespace.declaration.definition",
                "variable.declaration.definition.readonly", "variable.declaration.definition", "namespace", "type", "enum", "enumMember.readonly");
    }

    @Test void importsAndGlobals() {
        // no token in an import clause (TypeScript leaves them to the other file); members of the standard library's globals are its
        assertTokens("a.mjs", "import d, { x as y } from 'm'; import * as ns from 'n'; [[console]].[[log]]([[d]], [[y]], [[ns]], [[Math]].[[max]], new [[Map]](), [[unknownThing]]);",
                "variable.defaultLibrary", "method.defaultLibrary", "variable.readonly", "variable.readonly", "namespace.readonly",
                "variable.defaultLibrary", "property.defaultLibrary", "class.defaultLibrary", "variable");
    }

    @Test void whatTypeScriptsTypesMakeFunctionsClassesMethodsAndInterfaces() {
        // a variable holding a function or class, or called, is one; a property holding a function is a method
        assertTokens("a.ts", "const [[f]] = () => 1; let [[g]]: () => void; const [[K]] = class {}; let [[v]] = 1; [[f]](); [[g]](); new [[K]](); [[v]]();",
                "function.declaration.definition.readonly", "function.declaration", "class.declaration.definition",
                "variable.declaration.definition", "function.readonly", "function", "class", "function");
        assertTokens("a.ts", "const [[o]] = { [[a]]: () => 1, [[b]]: 2 }; interface [[I]] { [[on]]?: () => void; [[n]]: number }",
                "variable.declaration.definition.readonly", "method.declaration", "property.declaration",
                "interface.declaration.definition", "method.declaration", "property.declaration");
        // what `new` constructs is a class
        assertTokens("a.js", "import * as ns from 'm'; let [[V]]; new [[V]](); new [[ns]].[[E]]();",
                "variable.declaration", "class", "namespace.readonly", "class");
        assertTokens("a.ts", "let [[E]]: new () => [[Error]];", "class.declaration", "interface.defaultLibrary");
        // an export called through a namespace import is a function; a library class in a type is its interface
        assertTokens("a.ts", "import * as z from 'zod'; [[z]].[[object]](); let [[p]]: [[Promise]]<void>; [[undefined]];".replace("[[undefined]]", "undefined"),
                "namespace.readonly", "function", "variable.declaration", "interface.defaultLibrary");
    }

    @Test void mergedDeclarationsAreOneSymbolToTypeScript() {
        // a const beside a type alias of its name is the alias everywhere, readonly, and its declarator no declaration
        assertTokens("a.ts", "const [[a]] = 1; type [[a]] = typeof [[a]]; let [[x]]: [[a]] = [[a]];",
                "type.readonly", "type.declaration.definition.readonly", "type.readonly", "variable.declaration.definition",
                "type.readonly", "type.readonly");
        // an interface merged with a class is the class; a namespace merged with an interface declared first is the interface
        assertTokens("a.ts", "interface [[K]] { [[a]]: 1 } class [[K]] {} let [[k]]: [[K]];",
                "class", "property.declaration", "class.declaration.definition", "variable.declaration", "class");
        assertTokens("a.ts", "interface [[S]] {} declare namespace [[S]] { interface [[P]] {} } let [[p]]: [[S]].[[P]];",
                "interface.declaration.definition", "interface", "interface.declaration.definition", "variable.declaration",
                "interface", "type");
    }

    @Test void parametersOfAFunctionTypeAreFunctions() {
        assertTokens("a.ts", "function [[f]]([[cb]]: () => void, [[n]]: number) { [[cb]](); [[n]]; }",
                "function.declaration.definition", "function.declaration", "parameter.declaration.local", "function", "parameter.local");
    }

    @Test void thisMembersAreWhatTheClassDeclares() {
        assertTokens("a.ts", "class [[C]] { readonly [[r]] = 1; static [[s]] = 2; constructor(private readonly [[p]]: string) {}"
                + " get [[g]]() { return this.[[r]] + this.[[p]] + this.[[g]]; } static [[m]]() { return this.[[s]]; } [[n]]() { this.[[other]]; } }",
                "class.declaration.definition", "property.declaration.readonly", "property.declaration.static",
                "parameter.declaration.local", "property.declaration", "property.readonly", "property.readonly", "property",
                "method.declaration.static", "property.static", "method.declaration", "property");
    }

    @Test void propertiesHoldingClassesAreClasses() {
        assertTokens("a.ts", "class [[A]] {} const [[o]] = { [[k]]: [[A]], [[n]]: 1 };",
                "class.declaration.definition", "variable.declaration.definition.readonly", "class.declaration", "class",
                "property.declaration");
    }

    @Test void namesInAJsxSpreadAttributeHaveNoToken() {
        assertTokens("a.tsx", "const [[p]] = {}; const [[e]] = <div {...p} title={[[p]]} />;",
                "variable.declaration.definition.readonly", "variable.declaration.definition.readonly", "variable.readonly");
    }

    @Test void objectLiteralsShorthandAndMethods() {
        assertTokens("a.js", "const [[a]] = 1; const [[o]] = { [[a]], [[b]]: 2, [[m]]() {}, async [[n]]() {} }; [[o]].[[m]]();",
                "variable.declaration.definition.readonly", "variable.declaration.definition.readonly", "variable.readonly",
                "property.declaration", "method.declaration", "method.declaration.async", "variable.readonly", "method");
    }

    @Test void labelsRegexpsDecoratorsAndPrivateNames() {
        assertTokens("a.ts", "[[outer]]: for (;;) { break [[outer]]; } const [[r]] = [[/a+/g]]; class [[C]] { @[[dec]] [[#p]] = 1; @[[ns]].[[deco]]() [[m]]() { this.[[#p]]; } }",
                "label.declaration", "label", "variable.declaration.definition.readonly", "regexp", "class.declaration.definition",
                "decorator", "property.declaration", "variable", "decorator", "method.declaration", "property");
    }

    @Test void deprecatedFromJsDoc() {
        assertTokens("a.ts", "/** @deprecated use g */\nfunction [[f]]() {}\n[[f]]();\nclass [[K]] {\n  /** @deprecated */\n  [[old]]() {}\n}",
                "function.declaration.definition.deprecated", "function.deprecated", "class.declaration.definition",
                "method.declaration.deprecated");
    }

    @Test void keywordTypesAreLeftToTheGrammar() {
        // `number` in a type is a keyword: no token; as a value name in JavaScript it is a variable
        assertTokens("a.ts", "let [[n]]: number = 1;", "variable.declaration.definition");
        assertTokens("a.js", "[[number]];", "variable");
    }

    @Test void utf8ColumnsAndLengths() {
        Document doc = Docs.parsed("file:///u.js", "const é = 1; é;");
        List<String> tokens = TokenAssert.describe(doc, SemanticTokensHandler.tokens(doc, 0, Integer.MAX_VALUE));
        assertEquals(List.of("é@6 variable.declaration.definition.readonly", "é@13 variable.readonly"), tokens);
    }

    @Test void rangeHasTheTokensItOverlaps() {
        Document doc = Docs.parsed("file:///r.js", "let a = 1;\nlet b = a;\nlet c = b;\n");
        int[] data = new SemanticTokensHandler().range(doc, new Range(new Position(1, 0), new Position(1, 10))).getData().stream().mapToInt(i -> i).toArray();
        assertEquals(List.of("b@15 variable.declaration.definition", "a@19 variable"), TokenAssert.describe(doc, data));
        // past the end and unknown positions: nothing, no exception
        assertEquals(0, new SemanticTokensHandler().range(doc, new Range(new Position(40, 0), new Position(41, 0))).getData().size());
    }

    @Test void deltaIsOneEditBetweenPrefixAndSuffix() {
        int[] before = {0, 1, 1, 7, 0, 0, 2, 1, 7, 0, 1, 0, 1, 6, 0};
        int[] after = {0, 1, 1, 7, 0, 0, 2, 3, 7, 0, 1, 0, 1, 6, 0};
        List<SemanticTokensEdit> edits = SemanticTokensHandler.diff(before, after);
        assertEquals(1, edits.size());
        assertEquals(7, edits.get(0).getStart());
        assertEquals(1, edits.get(0).getDeleteCount());
        assertEquals(List.of(3), edits.get(0).getData());
        assertEquals(List.of(), SemanticTokensHandler.diff(after, after.clone()));
        // growing and shrinking at the end
        assertEquals(List.of(1, 2), SemanticTokensHandler.diff(new int[] {5}, new int[] {5, 1, 2}).get(0).getData());
        assertEquals(2, SemanticTokensHandler.diff(new int[] {5, 1, 2}, new int[] {5}).get(0).getDeleteCount());
    }
}
