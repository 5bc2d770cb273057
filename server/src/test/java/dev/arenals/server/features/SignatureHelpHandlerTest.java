package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import dev.arenals.server.testing.Marked;
import dev.arenals.server.workspace.CrossFileNavigator;
import dev.arenals.server.workspace.Summarizer;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signature help at a {@code |} cursor, rendered as the signatures' labels with the active
 * parameter in [brackets], the active signature first marked with '>', others joined by " / ".
 */
class SignatureHelpHandlerTest {
    @TempDir Path dir;

    static String render(SignatureHelp help) {
        if (help == null) return null;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < help.getSignatures().size(); i++) {
            SignatureInformation s = help.getSignatures().get(i);
            StringBuilder label = new StringBuilder(s.getLabel());
            Integer active = s.getActiveParameter();
            if (active != null && active < s.getParameters().size()) {
                ParameterInformation p = s.getParameters().get(active);
                int start = p.getLabel().getRight().getFirst(), end = p.getLabel().getRight().getSecond();
                label.insert(end, ']').insert(start, '[');
            }
            out.add((help.getSignatures().size() > 1 && i == help.getActiveSignature() ? ">" : "") + label);
        }
        return String.join(" / ", out);
    }

    private static String help(String file, String marked) {
        Marked m = marked.contains("/*|*/") ? Marked.parse(marked, "/*|*/") : Marked.parse(marked);
        Document doc = Docs.parsed("file:///" + file, m.text);
        return render(new SignatureHelpHandler().signatureHelp(doc, doc.positionAt(m.cursors.get(0)), null, null));
    }

    private static void assertHelp(String file, String marked, String expected) {
        assertEquals(expected, help(file, marked), marked);
    }

    /** Parameters as TypeScript's getSignatureHelpItems shows them: default values as optional parameters, parameter properties without modifiers. */
    @Test
    void defaultsAreOptionalAndModifiersAreLeftOut() {
        String f = "function f(x = 1, y: string[] = [], s = 'a', t = true, o = {}, cb: (a: number) => void = () => {}) {}\n";
        assertHelp("a.ts", f + "f(|)", "f([x?: number], y?: string[], s?: string, t?: boolean, o = {}, cb?: (a: number) => void)");
        assertHelp("a.ts", "class C { constructor(private readonly a: string, public b = 1) {} }\nnew C(|)", "C([a: string], b?: number)");
        assertEquals("a?: number", SignatureHelpHandler.shown("a?: number = 2"));
        assertEquals("p?: Map<string, number>", SignatureHelpHandler.shown("p: Map<string, number> = new Map()"));
        assertEquals("n?: bigint", SignatureHelpHandler.shown("n = 10n"));
    }

    @Test
    void membersOfNamespacesAndObjectLiteralsInThisFile() {
        assertHelp("a.ts", "namespace G { export function dist(a: number, b: number) { return a; } }\nG.dist(1, |)",
                "dist(a: number, [b: number])");
        assertHelp("a.js", "const o = { beta(x, y) { return x; }, gamma: (p) => p };\no.beta(|)", "beta([x], y)");
        assertHelp("a.js", "const o = { beta(x, y) { return x; }, gamma: (p) => p };\no.gamma(|)", "gamma([p])");
        assertHelp("a.js", "const o = { n: 1 };\no.n(|)", null);
    }

    @Test
    void inheritedMethodsOfThis() {
        assertHelp("a.ts", "class A { m(x: number) {} }\nclass B extends A {}\nclass C extends B { n() { this.m(|); } }", "m([x: number])");
        assertHelp("a.ts", "class A { m(x: number) {} }\nclass B extends A { m(y: string) {} n() { this.m(|); } }", "m([y: string])");
        assertHelp("a.ts", "class B extends Unknown { n() { this.m(|); } }", null);
    }

    @Test
    void functionsParametersAsWrittenAndTheActiveOne() {
        String f = "function f(a: number, b = 2, ...rest: string[]): void {}\n";
        assertHelp("a.ts", f + "f(|)", "f([a: number], b?: number, ...rest: string[]): void");
        assertHelp("a.ts", f + "f(1, |)", "f(a: number, [b?: number], ...rest: string[]): void");
        assertHelp("a.ts", f + "f(1, 2, 'x', |'y')", "f(a: number, b?: number, [...rest: string[]]): void");
        assertHelp("a.ts", f + "f(...xs, |)", "f(a: number, b?: number, [...rest: string[]]): void");
        assertHelp("a.ts", f + "f(1, g(|))", null); // g is not declared: no help for the inner call
        assertHelp("a.ts", f + "f(1, [2, 3].map(x => x)|, 4)", "f(a: number, [b?: number], ...rest: string[]): void");
        assertHelp("a.ts", f + "f|(1)", null);
    }

    @Test
    void unfinishedCalls() {
        assertHelp("a.js", "function f(a, b) {}\nf(a, |", "f(a, [b])");
        assertHelp("a.js", "function f(a, b) {}\nf(|", "f([a], b)");
        assertHelp("a.js", "class C { constructor(x, y) {} }\nconst c = new C(1, |\nfoo();", "C(x, [y])");
    }

    @Test
    void overloadsClassesMethodsAndVariables() {
        String o = "function o(a: string): void;\nfunction o(a: number, b: number): void;\nfunction o(a: any, b?: any) {}\n";
        assertHelp("a.ts", o + "o(|)", ">o([a: string]): void / o([a: number], b: number): void");
        assertHelp("a.ts", o + "o(1, |)", "o(a: string): void / >o(a: number, [b: number]): void");
        assertHelp("a.js", "class C { m(p, q) {} n() { this.m(1, |) } }", "m(p, [q])");
        assertHelp("a.js", "class C { static s(p) {} }\nC.s(|)", "s([p])");
        assertHelp("a.js", "const f = (x, y = 1) => x;\nf(0, |)", "f(x, [y?: number])");
        assertHelp("a.js", "class D {}\nnew D(|)", "D()");
        // inherited constructors, and super(…)
        assertHelp("a.js", "class A { constructor(x, y) {} }\nclass B extends A {}\nclass C extends B {}\nnew C(1, |)", "C(x, [y])");
        assertHelp("a.js", "class A { constructor(x, y) {} }\nclass B extends A { constructor() { super(|); } }", "super([x], y)");
        // inside a function body passed as an argument, the inner statement is not an argument list
        assertHelp("a.js", "function f(a) {}\nf(() => { let x = |1; })", null);
    }

    /** A name declared with a function type is called as its type says, wherever the type is written in the file. */
    @Test
    void declaredWithAFunctionTypeIsCalledAsTheTypeSays() {
        // the usual shape of a package's .d.ts
        assertHelp("a.d.ts", "declare const parse: (text: string, strict?: boolean) => Ast;\nparse(|)", "parse([text: string], strict?: boolean): Ast");
        // a union with undefined is called after a check (the cursor is /*|*/ where the type has a `|`)
        assertHelp("a.ts", "let read: ((path: string) => Buffer) | undefined;\nif (read) read(/*|*/)", "read([path: string]): Buffer");
        // a constructor type: called with new, labelled without a return type, as a class's constructor
        assertHelp("a.ts", "declare const Box: new (size: number) => Box;\nnew Box(|)", "Box([size: number])");
        // a type literal's call signatures are overloads; its properties are not callable
        String cb = "let cb: { (x: number): string; (x: string, y: number): string; name: string };\n";
        assertHelp("a.ts", cb + "cb('a', |)", "cb(x: number): string / >cb(x: string, [y: number]): string");
        // parameters, fields and property signatures typed with a function
        assertHelp("a.ts", "function run(done: (ok: boolean, n: number) => void) { done(true, |); }", "done(ok: boolean, [n: number]): void");
        assertHelp("a.ts", "class C { onChange?: (value: string) => void; fire() { this.onChange!(|); } }", "onChange([value: string]): void");
        assertHelp("a.ts", "const o: { log(m: string): void; warn: (m: string, code: number) => void } = null!;\no.warn('', |)",
                "warn(m: string, [code: number]): void");
        // the declared type wins over the initializer, as the type is what callers are checked against
        assertHelp("a.ts", "const f: (a: number) => void = (x) => {};\nf(|)", "f([a: number]): void");
    }

    /** One level of a type alias or interface of the same file; a cycle or a type of another file gives nothing. */
    @Test
    void aTypeAliasOrInterfaceOfTheFileIsReadOneLevelDown() {
        assertHelp("a.ts", "type Handler = (e: Event) => void;\nconst on: Handler = () => {};\non(|)", "on([e: Event]): void");
        assertHelp("a.ts", "export interface Fn { (x: number): string; new (s: string): Fn }\ndeclare const fn: Fn;\nfn(|)",
                ">fn([x: number]): string / fn([s: string])");
        assertHelp("a.ts", "function g(h: Handler) { h(|); }\nexport type Handler = (e: Event) => void;", "h([e: Event]): void");
        // a value and a type of one name (how libraries pair a constructor with its instance type)
        assertHelp("a.ts", "export const Handler = 1;\nexport type Handler = (e: Event) => void;\ndeclare const on: Handler;\non(|)", "on([e: Event]): void");
        // a type parameter is not followed
        assertHelp("a.ts", "function k<Handler>(h: Handler) { h(|); }\ntype Handler = (e: Event) => void;", null);
        // an alias of an alias is not followed: one level, so a cycle ends at once
        assertHelp("a.ts", "type A = B;\ntype B = A;\ndeclare const a: A;\na(|)", null);
        assertHelp("a.ts", "type H = (e: Event) => void;\ntype G = H;\ndeclare const g: G;\ng(|)", null);
        assertHelp("a.ts", "import { Handler } from './h';\ndeclare const on: Handler;\non(|)", null);
        assertHelp("a.ts", "type T = string;\nconst t: T = '';\nt(|)", null);
        assertHelp("a.ts", "declare const n: number;\nn(|)", null);
        // two callable members of a union: which one is called depends on the value
        assertHelp("a.ts", "declare const u: ((a: number) => void) | ((b: string) => void);\nu(/*|*/)", null);
    }

    @Test
    void parameterDocumentationFromJsDoc() {
        Marked m = Marked.parse("/**\n * Adds.\n * @param a the first\n * @param b the second\n */\nfunction add(a, b) {}\nadd(1, |)");
        Document doc = Docs.parsed("file:///a.js", m.text);
        SignatureHelp h = new SignatureHelpHandler().signatureHelp(doc, doc.positionAt(m.cursors.get(0)), null, null);
        SignatureInformation s = h.getSignatures().get(0);
        assertEquals("Adds.", s.getDocumentation().getRight().getValue());
        assertEquals(1, h.getActiveParameter());
        MarkupContent second = s.getParameters().get(1).getDocumentation().getRight();
        assertEquals("_@param_ `b` — the second", second.getValue());
    }

    @Test
    void importedFromAnotherWorkspaceFile() throws Exception {
        Path lib = dir.resolve("lib.ts");
        String libText = "/** Greets. @param name who */\nexport function greet(name: string, times = 1): string { return name; }\n"
                + "function hidden(a) {}\nexport { hidden as shown };\nexport class Box { constructor(value: number) {} }\n";
        Files.writeString(lib, libText);
        Path app = dir.resolve("app.ts");
        Marked m = Marked.parse("import { greet, shown } from './lib';\nimport * as ns from './lib';\ngreet('x', |);\nshown(|);\nnew ns.Box(|);\n");
        Files.writeString(app, m.text);
        WorkspaceIndex index = new WorkspaceIndex();
        Document libDoc = Docs.parsed(lib.toUri().toString(), libText);
        index.putOpen(Summarizer.summarize(lib, libDoc.uri(), libDoc.arena(), libDoc.chars(), libDoc.lines(), libDoc.encoding()));
        Document doc = Docs.parsed(app.toUri().toString(), m.text);
        CrossFileNavigator navigator = new CrossFileNavigator(index);
        SignatureHelpHandler handler = new SignatureHelpHandler();
        assertEquals("greet(name: string, [times?: number]): string", render(handler.signatureHelp(doc, doc.positionAt(m.cursors.get(0)), index, navigator)));
        assertEquals("shown([a])", render(handler.signatureHelp(doc, doc.positionAt(m.cursors.get(1)), index, navigator)));
        assertEquals("Box([value: number])", render(handler.signatureHelp(doc, doc.positionAt(m.cursors.get(2)), index, navigator)));
        assertNull(handler.signatureHelp(doc, doc.positionAt(m.cursors.get(0)), null, null), "no index: no cross-file answer");
    }
}
