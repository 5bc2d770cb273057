package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.testing.Docs;
import dev.arenals.server.testing.Marked;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/** Refactorings on a selection between two {@code |} markers (or at one): the text after the edit is the expectation. */
class RefactorsTest {
    private static final String EXTRACT = "Extract to constant in enclosing scope";

    private static List<CodeAction> actions(String file, Marked m, String kind) {
        Document doc = Docs.parsed("file:///" + file, m.text);
        int from = m.cursors.get(0), to = m.cursors.size() > 1 ? m.cursors.get(1) : from;
        Range r = new Range(doc.positionAt(from), doc.positionAt(to));
        List<CodeAction> out = new ArrayList<>();
        for (Either<Command, CodeAction> e : new CodeActionHandler().codeActions(doc, r, List.of(kind), null)) out.add(e.getRight());
        return out;
    }

    private static void assertRefactor(String file, String marked, String kind, String title, String expected) {
        Marked m = Marked.parse(marked);
        Document doc = Docs.parsed("file:///" + file, m.text);
        List<String> titles = new ArrayList<>();
        for (CodeAction a : actions(file, m, kind)) {
            titles.add(a.getTitle());
            if (a.getTitle().equals(title)) {
                assertEquals(kind.startsWith(a.getKind()) || a.getKind().startsWith(kind), true, a.getKind());
                String after = CodeActionHandlerTest.apply(doc, a.getEdit().getChanges().get(doc.uri()));
                assertEquals(expected, after);
                // what the refactoring writes parses without an error
                assertEquals(0, Docs.parsed("file:///" + file, after).arena().parserDiagnosticCount(), after);
                return;
            }
        }
        throw new AssertionError("no action '" + title + "' in " + titles);
    }

    private static void assertNotOffered(String file, String marked, String kind) {
        assertEquals(List.of(), actions(file, Marked.parse(marked), kind).stream().map(CodeAction::getTitle).toList());
    }

    private static void extract(String marked, String expected) {
        assertRefactor("a.ts", marked, Refactors.EXTRACT_CONSTANT, EXTRACT, expected);
    }

    private static void noExtract(String marked) {
        assertNotOffered("a.ts", marked, Refactors.EXTRACT_CONSTANT);
    }

    @Test
    void anExpressionBecomesAConstantBeforeItsStatement() {
        extract("function f(a: number, b: number) {\n    return |a * b| + 1;\n}\n",
                "function f(a: number, b: number) {\n    const newLocal = a * b;\n    return newLocal + 1;\n}\n");
        extract("const total = |price * 1.2|;\n", "const newLocal = price * 1.2;\nconst total = newLocal;\n");
        extract("if (|user.name.length| > 3) go();\n", "const newLocal = user.name.length;\nif (newLocal > 3) go();\n");
        extract("for (const x of |load()|) use(x);\n", "const newLocal = load();\nfor (const x of newLocal) use(x);\n");
    }

    private static final String EXTRACT_TO_MODULE = "Extract to constant in module scope";

    @Test
    void aValueTheSameEverywhereCanGoToModuleScope() {
        assertRefactor("a.ts", "// the limits\nconst MAX = 10;\nfunction f(n: number) {\n    return n > |MAX * 60 + 5|;\n}\n", Refactors.EXTRACT_CONSTANT,
                EXTRACT_TO_MODULE, "// the limits\nconst MAX = 10;\nconst newLocal = MAX * 60 + 5;\n\nfunction f(n: number) {\n    return n > newLocal;\n}\n");
        assertRefactor("a.ts", "class C {\n    title = |`v${2}`|;\n}\n", Refactors.EXTRACT_CONSTANT, EXTRACT_TO_MODULE,
                "const newLocal = `v${2}`;\n\nclass C {\n    title = newLocal;\n}\n");
        // the enclosing scope's stays offered beside it
        assertRefactor("a.ts", "function f() {\n    return |\"x\"|;\n}\n", Refactors.EXTRACT_CONSTANT, EXTRACT,
                "function f() {\n    const newLocal = \"x\";\n    return newLocal;\n}\n");
    }

    @Test
    void notToModuleScopeWhatCouldDifferThere() {
        for (String marked : new String[] {
                "function f(n: number) {\n    return |n + 1|;\n}\n", // a parameter
                "let max = 1;\nfunction f() {\n    return |max + 1|;\n}\n", // may be assigned
                "function f() {\n    return |LATER + 1|;\n}\nconst LATER = 1;\n", // declared after
                "const o = { a: 1 };\nfunction f() {\n    return |\"a\" in o|;\n}\n", // reads the object when run
                "const t = Date.now();\nfunction f() {\n    return |t + 1|;\n}\n", // a const whose value is not constant
                "function f() {\n    return |[1, 2]|;\n}\n", // a new array each call
                "const k = |1 + 2|;\n", // at module level the enclosing scope is the module's
                "class C {\n    |\"key\"| = 1;\n}\n", // a field's key
        }) {
            Marked m = Marked.parse(marked);
            for (CodeAction a : actions("a.ts", m, Refactors.EXTRACT_CONSTANT)) {
                if (a.getTitle().equals(EXTRACT_TO_MODULE)) throw new AssertionError("offered for " + marked);
            }
        }
    }

    private static void optionalChain(String marked, String expected) {
        assertRefactor("a.ts", marked, OptionalChain.KIND, "Convert to optional chain expression", expected);
    }

    @Test
    void anAndChainThatIsATestBecomesAnOptionalChain() {
        optionalChain("if (|a && a.b && a.b.c|) go();\n", "if (a?.b?.c) go();\n");
        optionalChain("while (a && |a.b|) step();\n", "while (a?.b) step();\n");
        optionalChain("const ok = !(|user && user.profile && user.profile.load());\n", "const ok = !(user?.profile?.load());\n");
        optionalChain("x = ready && |list && list[0] && list[0].name| ? 1 : 2;\n", "x = ready && list?.[0]?.name ? 1 : 2;\n");
        optionalChain("if (this.a |&& this.a.f(1) ? x : y) go();\n", "if (this.a?.f(1) ? x : y) go();\n"); // (a marker is `|`: no `||` here)
        optionalChain("if (|fn && fn()) go();\n", "if (fn?.()) go();\n");
    }

    @Test
    void anOperandOfOrInATestToo() {
        String text = "if (a && a.b || c) go();\n";
        Document doc = Docs.parsed("file:///a.ts", text);
        CodeAction action = OptionalChain.action(DocumentQuery.of(doc), text.indexOf("a.b"), text.indexOf("a.b"));
        assertEquals("if (a?.b || c) go();\n", CodeActionHandlerTest.apply(doc, action.getEdit().getChanges().get(doc.uri())));
        String value = "const v = a && a.b || c;\n";
        Document valueDoc = Docs.parsed("file:///a.ts", value);
        assertEquals(null, OptionalChain.action(DocumentQuery.of(valueDoc), value.indexOf("a.b"), value.indexOf("a.b")));
    }

    @Test
    void notWhereTheValueItselfIsUsed() {
        assertNotOffered("a.ts", "const v = |a && a.b|;\n", OptionalChain.KIND); // 0 && … is 0, (0)?.b is undefined
        assertNotOffered("a.ts", "function f() { return |a && a.b|; }\n", OptionalChain.KIND);
        assertNotOffered("a.ts", "if (|a && b.c|) go();\n", OptionalChain.KIND); // not the same path
        assertNotOffered("a.ts", "if (|a.f() && a.f().b|) go();\n", OptionalChain.KIND); // f would run once instead of twice
        assertNotOffered("a.ts", "if (|a && a!.b|) go();\n", OptionalChain.KIND);
    }

    private static void namedFunction(String marked, String expected) {
        assertRefactor("a.ts", marked, Refactors.TO_NAMED_FUNCTION, "Convert to named function", expected);
    }

    @Test
    void aConstHoldingAFunctionBecomesAFunctionDeclaration() {
        namedFunction("const |add = (a: number, b: number): number => a + b;\n", "function add(a: number, b: number): number { return a + b; }\n");
        namedFunction("export const load = async |<T>(url: string) => {\n    return fetch(url);\n};\n",
                "export async function load<T>(url: string) {\n    return fetch(url);\n}\n");
        namedFunction("const gen = |function* () { yield 1; };\n", "function* gen() { yield 1; }\n");
        namedFunction("const toBox = (|v) => ({ v });\n", "function toBox(v) { return { v }; }\n");
        namedFunction("function outer() {\n    const |inner = (x) => x * 2;\n    return inner(2);\n}\n",
                "function outer() {\n    function inner(x) { return x * 2; }\n    return inner(2);\n}\n");
    }

    @Test
    void notANamedFunctionWhereADeclarationWouldMeanSomethingElse() {
        assertNotOffered("a.ts", "class C { m() { const |f = () => this.x; } }\n", Refactors.TO_NAMED_FUNCTION); // the arrow's this is m's
        assertNotOffered("a.ts", "const |f: Handler = (e) => e.x;\n", Refactors.TO_NAMED_FUNCTION); // the type types e
        assertNotOffered("a.ts", "let |f = () => 1;\n", Refactors.TO_NAMED_FUNCTION);
        assertNotOffered("a.ts", "const |f = () => 1, g = 2;\n", Refactors.TO_NAMED_FUNCTION);
        assertNotOffered("a.ts", "const |f = function self(n) { return n ? self(n - 1) : 0; };\n", Refactors.TO_NAMED_FUNCTION);
        assertNotOffered("a.ts", "declare namespace N { const |f: () => void; }\n", Refactors.TO_NAMED_FUNCTION);
        assertNotOffered("a.ts", "for (const |f = () => 1; ; ) break;\n", Refactors.TO_NAMED_FUNCTION);
        assertNotOffered("a.js", "if (x) { const |f = () => 1; f(); }\n", Refactors.TO_NAMED_FUNCTION); // Annex B: a var of the function around it too
    }

    private static void implement(String marked, String title, String expected) {
        assertRefactor("a.ts", marked, "quickfix", title, expected);
    }

    @Test
    void theMembersAnInterfaceLeavesOutAreWrittenIntoTheClass() {
        implement("interface Shape {\n    readonly name: string;\n    area(): number;\n    scale?(by: number): void;\n}\nclass |Square implements Shape {\n    name = \"square\";\n}\n",
                "Implement interface 'Shape'",
                "interface Shape {\n    readonly name: string;\n    area(): number;\n    scale?(by: number): void;\n}\nclass Square implements Shape {\n"
                + "    area(): number {\n        throw new Error(\"Method not implemented.\");\n    }\n"
                + "    scale?(by: number): void {\n        throw new Error(\"Method not implemented.\");\n    }\n    name = \"square\";\n}\n");
        // type arguments for the parameters, bases of the interface, accessors, index signatures
        implement("interface Box<T> { value: T; get size(): number; [key: string]: unknown }\ninterface Named { label: string }\n"
                + "interface Labeled<T> extends Box<T[]>, Named {}\nexport class |Tags implements Labeled<string> {}\n",
                "Implement interface 'Labeled'",
                "interface Box<T> { value: T; get size(): number; [key: string]: unknown }\ninterface Named { label: string }\n"
                + "interface Labeled<T> extends Box<T[]>, Named {}\nexport class Tags implements Labeled<string> {\n    value: string[];\n"
                + "    get size(): number {\n        throw new Error(\"Method not implemented.\");\n    }\n    [key: string]: unknown;\n    label: string;\n}\n");
        // what a base class or a parameter property has is not written again
        implement("interface P { x: number; y: number; z: number }\nclass Base { x = 1; }\nclass |Point extends Base implements P {\n    constructor(public y: number) { super(); }\n}\n",
                "Implement interface 'P'",
                "interface P { x: number; y: number; z: number }\nclass Base { x = 1; }\nclass Point extends Base implements P {\n    z: number;\n    constructor(public y: number) { super(); }\n}\n");
    }

    private static void noImplementation(String marked) {
        for (CodeAction a : actions("a.ts", Marked.parse(marked), "quickfix")) {
            if (a.getTitle().startsWith("Implement interface")) throw new AssertionError("offered for " + marked);
        }
    }

    @Test
    void noImplementationWhereTheMembersAreNotAllKnown() {
        noImplementation("import { Shape } from './shape';\nclass |Square implements Shape {}\n");
        noImplementation("interface S { a(): void }\nclass |C extends Imported implements S {}\n"); // the base may have a()
        noImplementation("interface S { a(x: string): void; a(x: number): void }\nclass |C implements S {}\n"); // overloads
        noImplementation("interface S { a: number }\nclass |C implements S { a = 1; }\n"); // nothing missing
        noImplementation("interface S { a: number }\nclass C implements S {\n    |b = 1;\n}\n"); // not on the head
    }

    @Test
    void aSelectionWithSurroundingSpacesIsTheExpressionItHolds() {
        extract("call(| 1 + 2 |);\n", "const newLocal = 1 + 2;\ncall( newLocal );\n");
    }

    @Test
    void theNewNameTakesNoNameTheFileUses() {
        extract("const newLocal = 1;\nlog(|newLocal + 1|);\n", "const newLocal = 1;\nconst newLocal_1 = newLocal + 1;\nlog(newLocal_1);\n");
    }

    @Test
    void whatAConstAssertionAssertsStaysALiteral() {
        noExtract("export const Variant = |{ MINIMAL: \"minimal\" }| as const;\n");
        noExtract("export const Variant = (|[1, 2]|) as const;\n");
        extract("export const Variant = { list: |[1, 2]| } as const;\n", "const newLocal = [1, 2];\nexport const Variant = { list: newLocal } as const;\n");
    }

    @Test
    void aShorthandPropertyKeepsItsKey() {
        extract("const a = 1;\nsend({ |a| });\n", "const a = 1;\nconst newLocal = a;\nsend({ a: newLocal });\n");
    }

    @Test
    void jsxAttributesAndChildrenGetBraces() {
        assertRefactor("a.tsx", "const x = <a href=|\"/home\"|>{y}</a>;\n", Refactors.EXTRACT_CONSTANT, EXTRACT,
                "const newLocal = \"/home\";\nconst x = <a href={newLocal}>{y}</a>;\n");
        assertRefactor("a.tsx", "const x = <div>|<b>hi</b>|</div>;\n", Refactors.EXTRACT_CONSTANT, EXTRACT,
                "const newLocal = <b>hi</b>;\nconst x = <div>{newLocal}</div>;\n");
    }

    @Test
    void namesThatWouldMeanSomethingElseBeforeTheStatementRefuse() {
        // a parameter of an arrow inside the statement
        noExtract("xs.map(x => |x * 2|);\n");
        // declared by the statement itself
        noExtract("const a = 1, b = |a + 1|;\n");
        // a for loop's own variable
        noExtract("for (let i = 0, n = |i + 1|; i < n; i++) {}\n");
        // a variable of the expression's own arrow is fine
        extract("use(|xs.map(x => x * 2)|);\n", "const newLocal = xs.map(x => x * 2);\nuse(newLocal);\n");
    }

    @Test
    void expressionsNotEvaluatedOnceWithTheStatementRefuse() {
        noExtract("while (|a.b| > 0) step();\n");
        noExtract("for (let i = 0; i < |xs.length|; i++) {}\n");
        noExtract("if (ok) |run()|;\n");
        noExtract("function f(a = |make()|) {}\n");
        noExtract("class C { x = |make()|; }\n");
        noExtract("const y = |a?.b|.c;\n");
        noExtract("switch (k) { case |a.b|: break; }\n");
    }

    @Test
    void targetsCalleesAndKeysRefuse() {
        noExtract("|a.b| = 1;\n");
        noExtract("|i|++;\n");
        noExtract("|o.m|();\n");
        noExtract("delete |o.p|;\n");
        noExtract("const o = { |k|: 1 };\n");
        noExtract("let v: |Array<string>|;\n");
    }

    @Test
    void insideAFunctionTheConstantStaysInItsBody() {
        extract("class C {\n  m() {\n    if (ok) {\n      log(|this.name|);\n    }\n  }\n}\n",
                "class C {\n  m() {\n    if (ok) {\n      const newLocal = this.name;\n      log(newLocal);\n    }\n  }\n}\n");
        extract("switch (k) {\n  case 1:\n    go(|a + b|);\n}\n", "switch (k) {\n  case 1:\n    const newLocal = a + b;\n    go(newLocal);\n}\n");
    }

    @Test
    void theReceiverOfAnOptionalChainIsExtracted() {
        extract("const y = |a.b|?.c;\n", "const newLocal = a.b;\nconst y = newLocal?.c;\n");
        extract("const y = |a|?.b.c;\n", "const newLocal = a;\nconst y = newLocal?.b.c;\n");
    }

    @Test
    void arrowBodiesGainAndLoseBraces() {
        assertRefactor("a.ts", "const f = (x: number) =|> x * 2;\n", Refactors.ARROW_BRACES, "Add braces to arrow function",
                "const f = (x: number) => {\n    return x * 2;\n};\n");
        assertRefactor("a.ts", "function g() {\n  return items.map(|x => ({ id: x }));\n}\n", Refactors.ARROW_BRACES, "Add braces to arrow function",
                "function g() {\n  return items.map(x => {\n    return { id: x };\n  });\n}\n");
        assertRefactor("a.ts", "const f = (x: number) =|> {\n    return x * 2;\n};\n", Refactors.ARROW_BRACES, "Remove braces from arrow function",
                "const f = (x: number) => x * 2;\n");
        assertRefactor("a.ts", "const f = |x => { return { id: x }; };\n", Refactors.ARROW_BRACES, "Remove braces from arrow function",
                "const f = x => ({ id: x });\n");
    }

    @Test
    void bracesStayWhenSomethingBesidesTheReturnWouldBeLost() {
        // TypeScript's kinds say which way: asked for one, the other is not offered
        assertRefactor("a.ts", "const f = (x: number) =|> x * 2;\n", Refactors.ARROW_BRACES + ".add", "Add braces to arrow function",
                "const f = (x: number) => {\n    return x * 2;\n};\n");
        assertNotOffered("a.ts", "const f = (x: number) =|> x * 2;\n", Refactors.ARROW_BRACES + ".remove");
        assertNotOffered("a.ts", "const f = |x => { log(x); return x; };\n", Refactors.ARROW_BRACES);
        assertNotOffered("a.ts", "const f = |x => { /* why */ return x; };\n", Refactors.ARROW_BRACES);
        assertNotOffered("a.ts", "const f = |x => { return; };\n", Refactors.ARROW_BRACES);
        assertNotOffered("a.ts", "function |f() { return 1; }\n", Refactors.ARROW_BRACES);
    }

    private static void inline(String marked, String expected) {
        assertRefactor("a.ts", marked, Refactors.INLINE_VARIABLE, "Inline variable", expected);
    }

    private static void noInline(String marked) {
        assertNotOffered("a.ts", marked, Refactors.INLINE_VARIABLE);
    }

    @Test
    void aVariableIsReplacedByItsValueEverywhereAndItsDeclarationGoes() {
        inline("function f(a: number) {\n    const |twice = a * 2;\n    return twice + twice;\n}\n",
                "function f(a: number) {\n    return (a * 2) + (a * 2);\n}\n");
        inline("const |url = base + '/api';\nfetch(url);\n", "fetch(base + '/api');\n");
        // asked on a use, not the declaration
        inline("const limit = 10;\nif (n > |limit) stop();\n", "if (n > 10) stop();\n");
        // one of several declarators
        inline("let a = 1, |b = 2, c = 3;\nuse(a, b, c);\n", "let a = 1, c = 3;\nuse(a, 2, c);\n");
        inline("const |user = load();\nsend({ user });\n", "send({ user: load() });\n");
        inline("const |f = (x: number) => x + 1;\nf(2);\n", "((x: number) => x + 1)(2);\n");
        inline("const |o = { a: 1 };\nreturn1(o.a);\n", "return1(({ a: 1 }).a);\n");
        inline("const |C = classFor(kind);\nconst c = new C();\n", "const c = new (classFor(kind))();\n");
        inline("const |C = lib.Widget;\nconst c = new C();\n", "const c = new lib.Widget();\n");
        inline("const |v = a?.b;\nuse(v.c);\n", "use((a?.b).c);\n");
    }

    @Test
    void variablesThatCannotBeInlinedExactlyAreNotOffered() {
        noInline("let |n = 1;\nn++;\nuse(n);\n"); // assigned again
        noInline("export const |limit = 10;\nuse(limit);\n"); // other files may read it
        noInline("const |limit = 10;\nexport { limit };\n");
        noInline("const |now = Date.now();\nuse(now, now);\n"); // a call would run twice
        noInline("const |list = [];\nfor (const x of xs) list.push(x);\n"); // a new array each time round the loop
        noInline("const |v = x + 1;\nfunction g(x: number) { return v; }\n"); // x means the parameter there
        noInline("const |self = this;\nfunction g() { return self; }\n"); // this of another function
        noInline("const |{ a } = o;\nuse(a);\n"); // destructured
        noInline("const |unused = 1;\n"); // nothing to inline into
        noInline("const |t = 1;\nlet u: typeof t;\n"); // a use in a type
        noInline("let i = 0;\nconst |j = i;\ni++;\nuse(j);\n"); // i is another number at the use
        noInline("const |n = o.size;\no.add(1);\nuse(n);\n"); // the property may have changed
        inline("const |n = o.size;\nuse(n);\n", "use(o.size);\n"); // nothing runs in between
        assertNotOffered("a.tsx", "const |C = pick(kind);\nconst e = <C />;\n", Refactors.INLINE_VARIABLE); // a tag takes no expression
    }

    private static void template(String marked, String expected) {
        assertRefactor("a.ts", marked, Refactors.TEMPLATE_STRING, "Convert to template string", expected);
    }

    @Test
    void aConcatenationBecomesATemplateLiteral() {
        template("const s = \"Hello, \" + |name + \"!\";\n", "const s = `Hello, ${name}!`;\n");
        template("log('a' + |(b + c) + `d${e}`);\n", "log(`a${b + c}d${e}`);\n");
        // added as numbers before the first string: one substitution keeps 1 + 2 = 3
        template("const s = 1 + 2 + |\"x\" + 3;\n", "const s = `${1 + 2}x${3}`;\n");
        // backticks, ${ and escapes
        template("const s = '`' + |x + '${y}' + \"\\n\\\"\";\n", "const s = `\\`${x}\\${y}\\n\\\"`;\n");
        template("const s = \"$\" + |\"{a}\";\n", "const s = `$\\{a}`;\n");
    }

    @Test
    void concatenationsThatCannotBeWrittenExactlyStay() {
        assertNotOffered("a.js", "const s = '\\101' + |x;\n", Refactors.TEMPLATE_STRING); // a legacy octal escape
        assertNotOffered("a.ts", "const s = 'a' + /* why */ |x;\n", Refactors.TEMPLATE_STRING);
        assertNotOffered("a.ts", "const n = a + |b;\n", Refactors.TEMPLATE_STRING); // no string: maybe numbers
    }

    @Test
    void aNamespaceImportBecomesNamedImportsAndBack() {
        assertRefactor("a.ts", "import * as |path from \"node:path\";\nconst p: path.ParsedPath = path.parse(path.join(a, b));\n",
                Refactors.TO_NAMED_IMPORTS, "Convert namespace import to named imports",
                "import { ParsedPath, parse, join } from \"node:path\";\nconst p: ParsedPath = parse(join(a, b));\n");
        assertRefactor("a.tsx", "import |{ Button, size as sz } from \"./ui-kit\";\nconst x = <Button size={sz} />;\nsend({ sz });\n",
                Refactors.TO_NAMESPACE_IMPORT, "Convert named imports to namespace import",
                "import * as uiKit from \"./ui-kit\";\nconst x = <uiKit.Button size={uiKit.size} />;\nsend({ sz: uiKit.size });\n");
        assertRefactor("a.ts", "import type { |A } from './types.js';\nlet v: A;\n", Refactors.TO_NAMESPACE_IMPORT,
                "Convert named imports to namespace import", "import type * as types from './types.js';\nlet v: types.A;\n");
    }

    @Test
    void jsxTagsFollowTheImport() {
        assertRefactor("a.tsx", "import * as |ui from './ui';\nconst e = <ui.Card><ui.Title /></ui.Card>;\n", Refactors.TO_NAMED_IMPORTS,
                "Convert namespace import to named imports", "import { Card, Title } from './ui';\nconst e = <Card><Title /></Card>;\n");
        assertNotOffered("a.tsx", "import * as |ui from './ui';\nconst e = <ui.div />;\n", Refactors.TO_NAMED_IMPORTS); // <div> is HTML
    }

    @Test
    void importConversionsThatWouldChangeANameAreNotOffered() {
        // parse would then hide the local function of that name
        assertNotOffered("a.ts", "import * as |path from 'path';\npath.parse(x);\nfunction parse() {}\n", Refactors.TO_NAMED_IMPORTS);
        // a global the file reads
        assertNotOffered("a.ts", "import * as |m from 'm';\nm.setTimeout(f);\nsetTimeout(g);\n", Refactors.TO_NAMED_IMPORTS);
        // the namespace itself used as a value, a computed member, a reserved name
        assertNotOffered("a.ts", "import * as |m from 'm';\nuse(m, m.a);\n", Refactors.TO_NAMED_IMPORTS);
        assertNotOffered("a.ts", "import * as |m from 'm';\nuse(m[k]);\n", Refactors.TO_NAMED_IMPORTS);
        assertNotOffered("a.ts", "import * as |m from 'm';\nm.default();\n", Refactors.TO_NAMED_IMPORTS);
        assertNotOffered("a.ts", "import { |a } from 'm';\nexport { a };\n", Refactors.TO_NAMESPACE_IMPORT);
        assertNotOffered("a.ts", "import { |\"a-b\" as ab } from 'm';\nuse(ab);\n", Refactors.TO_NAMESPACE_IMPORT);
    }

    private static void extractFunction(String file, String marked, String expected) {
        assertRefactor(file, marked, Refactors.EXTRACT_FUNCTION, "Extract to function in module scope", expected);
    }

    @Test
    void statementsBecomeAFunctionAtModuleLevelWithTheLocalsTheyReadAsParameters() {
        extractFunction("a.ts", """
                function total(items: Item[], rate: number) {
                    let sum = 0;
                    |const taxed = items.map(i => i.price * rate);
                    log(taxed.length, rate);|
                    return sum;
                }
                """, """
                function total(items: Item[], rate: number) {
                    let sum = 0;
                    newFunction(items, rate);
                    return sum;
                }

                function newFunction(items: Item[], rate: number) {
                    const taxed = items.map(i => i.price * rate);
                    log(taxed.length, rate);
                }
                """);
        // an expression: its value returned; await makes the function async; JavaScript needs no types
        extractFunction("a.js", "async function f(url) {\n  const body = |await fetchText(url + '/x')|;\n  return body;\n}\n",
                "async function f(url) {\n  const body = await newFunction(url);\n  return body;\n}\n\n"
                + "async function newFunction(url) {\n  return await fetchText(url + '/x');\n}\n");
        // module-level names stay names; a literal's type is written
        extractFunction("a.ts", "const base = 2;\nfunction g() {\n  const n = 3;\n  return |base * n + 1|;\n}\n",
                "const base = 2;\nfunction g() {\n  const n = 3;\n  return newFunction(n);\n}\n\nfunction newFunction(n: number) {\n  return base * n + 1;\n}\n");
        // a loop with its own break and continue
        extractFunction("a.js", "function h(xs) {\n  |for (const x of xs) {\n    if (!x) continue;\n    if (x > 9) break;\n    use(x);\n  }|\n}\n",
                "function h(xs) {\n  newFunction(xs);\n}\n\nfunction newFunction(xs) {\n  for (const x of xs) {\n    if (!x) continue;\n"
                + "    if (x > 9) break;\n    use(x);\n  }\n}\n");
    }

    @Test
    void extractionsToAFunctionThatWouldChangeTheProgramAreNotOffered() {
        String kind = Refactors.EXTRACT_FUNCTION;
        assertNotOffered("a.js", "function f(a) {\n  |a = 1;\n  use(a);|\n}\n", kind); // assigns a local
        assertNotOffered("a.js", "function f() {\n  |const a = 1;|\n  use(a);\n}\n", kind); // declared inside, used after
        assertNotOffered("a.js", "function f(a) {\n  |if (a) return 1;|\n  return 2;\n}\n", kind); // returns from f
        assertNotOffered("a.js", "function f(xs) {\n  for (const x of xs) {\n    |if (x) break;|\n  }\n}\n", kind); // breaks f's loop
        assertNotOffered("a.js", "class C {\n  m() {\n    |use(this.x);|\n  }\n}\n", kind); // this of the method
        assertNotOffered("a.js", "function* g() {\n  |yield 1;|\n}\n", kind);
        assertNotOffered("a.ts", "function f(a) {\n  |use(a);|\n}\n", kind); // TypeScript: a's type is not written
        assertNotOffered("a.ts", "function f<T>(a: T) {\n  |use(a);|\n}\n", kind); // T is f's own
        assertNotOffered("a.js", "function f() {\n  u|se(1);\n  use(2);|\n}\n", kind); // a statement cut in two
        // the closure would see the parameter's copy, not the count assigned afterwards
        assertNotOffered("a.js", "function f() {\n  let count = 0;\n  |later(() => log(count));|\n  count = 5;\n}\n", kind);
    }

    @Test
    void aFunctionExpressionBecomesAnArrowAndBack() {
        assertRefactor("a.ts", "items.map(|function (x: number): number {\n  return x * 2;\n});\n", Refactors.TO_ARROW, "Convert to arrow function",
                "items.map((x: number): number => {\n  return x * 2;\n});\n");
        assertRefactor("a.ts", "const f = async fun|ction named<T>(v: T) { await g(v); };\n", Refactors.TO_ARROW, "Convert to arrow function",
                "const f = async <T>(v: T) => { await g(v); };\n");
        assertRefactor("a.js", "const bound = |function () { return 1; }.bind(null);\n", Refactors.TO_ARROW, "Convert to arrow function",
                "const bound = (() => { return 1; }).bind(null);\n");
        assertRefactor("a.ts", "const f = |(x: number): string => x.toFixed(2);\n", Refactors.TO_FUNCTION, "Convert to anonymous function",
                "const f = function (x: number): string { return x.toFixed(2); };\n");
        assertRefactor("a.js", "xs.forEach(|x => { use(x); });\n", Refactors.TO_FUNCTION, "Convert to anonymous function",
                "xs.forEach(function (x) { use(x); });\n");
        assertRefactor("a.js", "|x => ({ x });\n", Refactors.TO_FUNCTION, "Convert to anonymous function",
                "(function (x) { return { x }; });\n");
    }

    @Test
    void functionsWhoseThisOrNameMattersKeepTheirForm() {
        assertNotOffered("a.js", "el.onclick = |function () { this.hidden = true; };\n", Refactors.TO_ARROW);
        assertNotOffered("a.js", "f(|function () { return () => arguments[0]; });\n", Refactors.TO_ARROW);
        assertNotOffered("a.js", "const fact = |function f(n) { return n ? n * f(n - 1) : 1; };\n", Refactors.TO_ARROW);
        assertNotOffered("a.js", "const it = |function* () { yield 1; };\n", Refactors.TO_ARROW);
        assertNotOffered("a.js", "const o = new (|function () { })();\n".replace("(|function () { })", "|function () { }"), Refactors.TO_ARROW);
        assertNotOffered("a.ts", "const f = |function (this: Window) { };\n", Refactors.TO_ARROW);
        assertNotOffered("a.js", "const o = { |m() { return 1; } };\n", Refactors.TO_ARROW); // a method, not a function expression
        assertNotOffered("a.tsx", "const f = |function <T>(v: T) { return v; };\n", Refactors.TO_ARROW);
        assertNotOffered("a.js", "class C { m() { return |() => this.x; } }\n", Refactors.TO_FUNCTION);
        assertNotOffered("a.js", "const f = x => { use(|x); };\n", Refactors.TO_FUNCTION); // in the body, not on the head
    }

    private static void extractType(String marked, String expected) {
        assertRefactor("a.ts", marked, Refactors.EXTRACT_TYPE, "Extract to type alias", expected);
    }

    @Test
    void aSelectedTypeBecomesATypeAliasBeforeItsStatement() {
        extractType("let x: /*|*/string | number/*|*/ = 1;\n", "type NewType = string | number;\n\nlet x: NewType = 1;\n");
        extractType("function f() {\n    type L = number;\n    return (x: |L[]|) => x;\n}\n",
                "function f() {\n    type L = number;\n    type NewType = L[];\n\n    return (x: NewType) => x;\n}\n");
        extractType("type NewType = 1;\nlet y: |Array<NewType>|;\n", "type NewType = 1;\ntype NewType_1 = Array<NewType>;\n\nlet y: NewType_1;\n");
    }

    @Test
    void typeParametersAroundTheSelectionBecomeTheAliasParameters() {
        extractType("function f<T>(a: |T[]|) {}\n", "type NewType<T> = T[];\n\nfunction f<T>(a: NewType<T>) {}\n");
        extractType("function get<T extends object, K extends keyof T>(o: T, k: K): |T[K]| { return o[k]; }\n",
                "type NewType<T extends object, K extends keyof T> = T[K];\n\nfunction get<T extends object, K extends keyof T>(o: T, k: K): NewType<T, K> { return o[k]; }\n");
        // the constraint reads a parameter the type itself does not: it comes along
        extractType("function pick<T, K extends keyof T>(k: |K[]|) {}\n",
                "type NewType<K extends keyof T, T> = K[];\n\nfunction pick<T, K extends keyof T>(k: NewType<K, T>) {}\n");
        extractType("type A<T> = T extends (infer U)[] ? |U[]| : never;\n",
                "type NewType<U> = U[];\n\ntype A<T> = T extends (infer U)[] ? NewType<U> : never;\n");
        // parameters declared inside the selection stay in it
        extractType("let f: |<T>(x: T) => T|;\n", "type NewType = <T>(x: T) => T;\n\nlet f: NewType;\n");
    }

    @Test
    void aTypeLiteralCanBecomeAnInterface() {
        assertRefactor("a.ts", "function f(o: |{ a: number; b: string }|) {}\n", Refactors.EXTRACT_INTERFACE, "Extract to interface",
                "interface NewType { a: number; b: string }\n\nfunction f(o: NewType) {}\n");
        assertNotOffered("a.ts", "let u: /*|*/string | number/*|*/;\n", Refactors.EXTRACT_INTERFACE);
    }

    @Test
    void theAliasGoesBeforeTheStatementsDocCommentAndLinesUpWithIt() {
        extractType("/** Sums. */\nexport function sum(xs: |number[]|) {}\n", "type NewType = number[];\n\n/** Sums. */\nexport function sum(xs: NewType) {}\n");
        extractType("run();\n\n// header\n\nlet v: |[number]|;\n", "run();\n\n// header\n\ntype NewType = [number];\n\nlet v: NewType;\n");
        extractType("class C {\n    m(o: |{\n        a: number;\n    }|) {}\n}\n",
                "type NewType = {\n    a: number;\n};\n\nclass C {\n    m(o: NewType) {}\n}\n");
    }

    @Test
    void aTypeThatWouldMeanSomethingElseOutsideItsStatementIsNotExtracted() {
        assertNotOffered("a.ts", "function f(p: string, q: |typeof p|) {}\n", Refactors.EXTRACT_TYPE);
        assertNotOffered("a.ts", "class C { m(): |this| { return this; } }\n", Refactors.EXTRACT_TYPE);
        assertNotOffered("a.ts", "class C { m(): |this[]| { return [this]; } }\n", Refactors.EXTRACT_TYPE);
        assertNotOffered("a.ts", "type A<T> = T extends |(infer U)[]| ? U : never;\n", Refactors.EXTRACT_TYPE);
        assertNotOffered("a.ts", "function f<T extends |Array<T>|>() {}\n", Refactors.EXTRACT_TYPE);
        assertNotOffered("a.ts", "function f(): |x is string| { return true; }\n".replace("(): |x is string|", "(x: unknown): |x is string|"), Refactors.EXTRACT_TYPE);
        assertNotOffered("a.d.ts", "export declare function f(a: |string[]|): void;\n", Refactors.EXTRACT_TYPE);
        assertNotOffered("a.ts", "declare module \"m\" { export function f(a: |string[]|): void; }\n", Refactors.EXTRACT_TYPE);
        assertNotOffered("a.js", "let x = |1|;\n", Refactors.EXTRACT_TYPE);
        assertNotOffered("a.ts", "let r: readonly |string[]|;\n", Refactors.EXTRACT_TYPE);
        assertNotOffered("a.ts", "let t: [string, |...number[]|];\n", Refactors.EXTRACT_TYPE);
        assertNotOffered("a.ts", "let t: [string, |number?|];\n", Refactors.EXTRACT_TYPE);
        extractType("let k: keyof |{ a: 1 }|;\n", "type NewType = { a: 1 };\n\nlet k: keyof NewType;\n");
        assertNotOffered("a.ts", "let x: Map<|string|, number> = new Map();\n".replace("Map<|string|,", "Ma|p<string|,"), Refactors.EXTRACT_TYPE); // not a whole type
    }

    @Test
    void aFieldGetsAGetterAndASetterAndBecomesPrivate() {
        assertRefactor("a.ts", "class Point {\n    |x: number = 0;\n}\n", Refactors.GENERATE_ACCESSORS, "Generate 'get' and 'set' accessors",
                "class Point {\n    private _x: number = 0;\n    public get x(): number {\n        return this._x;\n    }\n    public set x(value: number) {\n        this._x = value;\n    }\n}\n");
        assertRefactor("a.ts", "class A {\n  protected static |_count = 1;\n}\n", Refactors.GENERATE_ACCESSORS, "Generate 'get' and 'set' accessors",
                "class A {\n  protected static _count = 1;\n  protected static get count() {\n    return this._count;\n  }\n  protected static set count(value) {\n    this._count = value;\n  }\n}\n");
        assertRefactor("a.ts", "class A {\n  public readonly |id: string;\n}\n", Refactors.GENERATE_ACCESSORS, "Generate 'get' accessor",
                "class A {\n  private readonly _id: string;\n  public get id(): string {\n    return this._id;\n  }\n}\n");
        assertRefactor("a.js", "class A {\n  |#secret = 1;\n}\n", Refactors.GENERATE_ACCESSORS, "Generate 'get' and 'set' accessors",
                "class A {\n  #secret = 1;\n  get secret() {\n    return this.#secret;\n  }\n  set secret(value) {\n    this.#secret = value;\n  }\n}\n");
    }

    @Test
    void accessorsAreNotGeneratedWhereTheyCannotStandForTheField() {
        assertNotOffered("a.ts", "class A {\n  |x = 1;\n  _x = 2;\n}\n", Refactors.GENERATE_ACCESSORS); // the new name is taken
        assertNotOffered("a.ts", "class A {\n  declare |x: number;\n}\n", Refactors.GENERATE_ACCESSORS);
        assertNotOffered("a.ts", "abstract class A {\n  abstract |x: number;\n}\n", Refactors.GENERATE_ACCESSORS);
        assertNotOffered("a.ts", "class A {\n  |x?: number;\n}\n", Refactors.GENERATE_ACCESSORS);
        assertNotOffered("a.ts", "class A {\n  [|k] = 1;\n}\n", Refactors.GENERATE_ACCESSORS);
        assertNotOffered("a.ts", "class A {\n  x = |1;\n}\n", Refactors.GENERATE_ACCESSORS); // on the name only
    }
}
