package dev.arenals.server.features;

import static dev.arenals.server.testing.TokenAssert.assertTokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import dev.arenals.server.testing.Marked;
import dev.arenals.server.workspace.CrossFileNavigator;
import dev.arenals.server.workspace.Summarizer;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.lsp4j.Hover;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names another file declares with a function type (the usual shape of a package's {@code .d.ts}):
 * the importing file calls, hovers and colours them as functions, from that file's summary. Each
 * test: a cursor in the importing file and the answer there.
 */
class FunctionTypedImportsTest {
    private static final String API = ""
            + "/** Parses a document. */\n"
            + "export declare const parse: (text: string, strict?: boolean) => Ast;\n"
            + "type Handler = (event: Event, phase: number) => void;\n"
            + "export const on: Handler = () => {};\n"
            + "interface Fn { (x: number): string; (x: string, radix: number): string }\n"
            + "export declare const format: Fn;\n"
            + "export declare let maybe: ((path: string) => Buffer) | undefined;\n"
            + "export declare const Widget: new (size: number) => Widget;\n"
            + "export namespace tools { export const trim: (s: string) => string = (s) => s; export declare const pad: (s: string, width: number) => string; export const label: string = ''; }\n"
            + "export declare const count: number;\n"
            + "export declare const options: Options;\n"
            + "interface Options { verbose: boolean }\n";

    @TempDir Path dir;
    private WorkspaceIndex index;
    private CrossFileNavigator navigator;

    @BeforeEach
    void indexTheWorkspace() throws IOException {
        index = new WorkspaceIndex();
        put("api.ts", API);
        put("values.ts", VALUES);
        navigator = new CrossFileNavigator(index);
    }

    private void put(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        index.putIndexed(Summarizer.ofText(path, text));
    }

    /** The same shapes with values, for the tokens: TypeScript colours each by its declared type. */
    private static final String VALUES = ""
            + "type Handler = (event: Event, phase: number) => void;\n"
            + "interface Fn { (x: number): string }\n"
            + "interface Options { verbose: boolean }\n"
            + "export const parse: (text: string) => Ast = null!;\n"
            + "export const on: Handler = () => {};\n"
            + "export const format: Fn = null!;\n"
            + "export let maybe: ((path: string) => Buffer) | undefined;\n"
            + "export const Widget: new (size: number) => object = null!;\n"
            + "export const count: number = 1;\n"
            + "export const options: Options = { verbose: true };\n";

    private static final String IMPORTS = "import { parse, on, format, maybe, Widget, tools, count, options } from './api';\n";

    private Document app(Marked m) throws IOException {
        Path path = dir.resolve("app.ts");
        Files.writeString(path, m.text);
        return Docs.parsed(path.toUri().toString(), m.text);
    }

    private String signatureHelp(String source) throws IOException {
        Marked m = Marked.parse(IMPORTS + source, "/*|*/");
        Document doc = app(m);
        return SignatureHelpHandlerTest.render(new SignatureHelpHandler().signatureHelp(doc, doc.positionAt(m.cursors.get(0)), index, navigator));
    }

    private String hover(String source) throws IOException {
        Marked m = Marked.parse(IMPORTS + source, "/*|*/");
        Document doc = app(m);
        Hover h = new HoverHandler().hover(doc, doc.positionAt(m.cursors.get(0)), false, navigator);
        return h == null ? null : h.getContents().getRight().getValue();
    }

    @Test
    void signatureHelpReadsTheDeclaredFunctionType() throws IOException {
        assertEquals("parse([text: string], strict?: boolean): Ast", signatureHelp("parse(/*|*/);"));
        assertEquals("on(event: Event, [phase: number]): void", signatureHelp("on(e, /*|*/);"), "a type alias of the declaring file");
        assertEquals("format(x: number): string / >format(x: string, [radix: number]): string", signatureHelp("format('1', /*|*/);"),
                "an interface's call signatures are overloads");
        assertEquals("maybe([path: string]): Buffer", signatureHelp("maybe?.(/*|*/);"));
        assertEquals("Widget([size: number])", signatureHelp("new Widget(/*|*/);"));
        assertEquals("trim([s: string]): string", signatureHelp("tools.trim(/*|*/);"), "a namespace's member: its type, not its arrow's (s)");
        assertEquals("pad(s: string, [width: number]): string", signatureHelp("tools.pad('', /*|*/);"));
        assertEquals(null, signatureHelp("tools.label(/*|*/);"));
        assertEquals(null, signatureHelp("count(/*|*/);"));
        assertEquals(null, signatureHelp("options(/*|*/);"), "an interface without call signatures");
    }

    @Test
    void hoverShowsHowTheImportIsCalledAndItsDocumentation() throws IOException {
        String shown = hover("pa/*|*/rse('');");
        assertEquals(true, shown.contains("function parse(text: string, strict?: boolean): Ast"), shown);
        assertEquals(true, shown.contains("Parses a document."), shown);
        String notCallable = hover("cou/*|*/nt;");
        assertEquals(false, notCallable.contains("function"), notCallable);
    }

    @Test
    void semanticTokensColourThemAsFunctionsOrClasses() throws IOException {
        Marked m = Marked.parse("import { parse, on, format, maybe, Widget, count, options } from './values';\nimport { tools } from './api';\n"
                + "[[parse]](''); [[on]](null!, 1); [[format]](1); [[maybe]]; new [[Widget]](1); [[tools]].[[trim]](''); [[count]]; [[options]];", "/*|*/");
        Path path = dir.resolve("app.ts");
        Files.writeString(path, m.text);
        assertTokens(Docs.parsed(path.toUri().toString(), m.text), m, navigator,
                "function.readonly", "function.readonly", "function.readonly", "function", "class", "namespace", "function.readonly",
                "variable.readonly", "variable.readonly");
    }
}
