package dev.arenals.server.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arenals.check.CheckCommand;
import dev.arenals.server.features.DiagnosticsHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arena-ls check} (CheckCommand → Checker → Worker, JSON report) and the server
 * ({@link Document} → {@link DiagnosticsHandler}) over the same files report the same diagnostics:
 * same spans, codes, messages and severities. Every extension, script and module contents, JSX in
 * .js, declaration files of every form, CRLF and U+2028 lines. The server side is run three ways —
 * opened with the languageId an editor sends, opened with none, and typed in by edits from an
 * empty document — because a file's diagnostics must depend on its name and text only.
 */
class SameDiagnosticsAsCheckTest {
    /** name → contents; each reproduces a past disagreement or covers a kind of file. */
    static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        // issue 15, bug 4: a fresh .js with two function declarations is a script: no redeclaration
        FILES.put("twoFunctions.js", "function f() {}\nfunction f() {}\n");
        FILES.put("twoFunctionsModule.js", "import x from 'y';\nfunction f() {}\nfunction f() {}\n");
        // issue 15, bug 4: TypeScript's arbitrary-extension declaration files
        // (a bare `const` at the top of a .d.ts is TypeScript's TS1046: `declare` it)
        FILES.put("styles.d.css.ts", "export const root: string;\ndeclare const alsoAmbient: number;\n");
        FILES.put("data.d.json.ts", "declare const data: { a: number };\nexport default data;\n");
        // issue 16 §1: import.meta and with in one .js
        FILES.put("meta.js", "x = import.meta;\nwith (o) {}\n");
        FILES.put("strict.mjs", "with (a) {}\nvar await = 1;\n");
        FILES.put("script.cjs", "import x from 'y';\nawait 1;\nwith (o) {}\n");
        FILES.put("topLevelAwait.js", "await fetch();\nconst a = 1;\nconst a = 2;\n");
        FILES.put("directive.js", "'use strict';\nvar let = 1;\nwith (o) {}\n");
        FILES.put("component.jsx", "const A = () => <div a={1}>{x}</div>;\nconst B = <a></b>;\n");
        FILES.put("jsxInJs.js", "export const B = <b>hi</b>;\nlet c = <c>;\n");
        FILES.put("typed.ts", "let x: number = ;\ninterface I { a: string }\nlet y = <any>z;\n");
        FILES.put("esm.mts", "export const y = 1;\nwith (a) {}\n");
        FILES.put("common.cts", "import fs = require('fs');\nexport = fs;\nlet q = ;\n");
        FILES.put("view.tsx", "const v = <T,>(a: T) => <div>{a}</div>;\nlet w = <any>y;\n");
        FILES.put("types.d.ts", "declare const c: number;\nexport function f(): void;\nconst d: string;\n");
        FILES.put("module.d.mts", "export declare const e: number;\n");
        FILES.put("notDeclaration.ts", "const mustInit: number;\n");
        FILES.put("dup.ts", "let a;\nlet a;\nclass C { #x; #x; }\n");
        FILES.put("lines.js", "let a = 1;\r\nlet b = ;\u2028let c = (;\rlet d = 'x\u2029';\nlet e = ;\n");
        FILES.put("labels.cjs", "a: a: ;\nbreak;\n");
        FILES.put("UPPER.TS", "let x: = 1;\n");
        FILES.put("empty.js", "");
        FILES.put("unicode.ts", "const s = '😀é';\nlet 😀 = 1;\n");
    }

    @TempDir static Path dir;
    /** check's diagnostics of each file, by name. */
    static final Map<String, List<String>> CHECK = new LinkedHashMap<>();

    @BeforeAll
    static void runCheck() throws Exception {
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = CheckCommand.run(new String[] {"--format", "json", "--no-ignore", "--cwd", dir.toString(), "."}, o, e);
        }
        assertEquals(1, exit, "some files have errors: " + err.toString(StandardCharsets.UTF_8));
        JsonObject report = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        for (JsonElement file : report.getAsJsonArray("files")) {
            JsonObject f = file.getAsJsonObject();
            String path = f.get("path").getAsString();
            String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
            assertTrue(f.get("checked").getAsBoolean(), name);
            List<String> list = new ArrayList<>();
            JsonArray diagnostics = f.getAsJsonArray("diagnostics");
            for (JsonElement d : diagnostics) {
                JsonObject o = d.getAsJsonObject();
                list.add(describe(o.get("offset").getAsInt(), o.get("endOffset").getAsInt(), o.get("code").getAsInt(),
                        o.get("severity").getAsString(), o.get("message").getAsString()));
            }
            list.sort(null);
            CHECK.put(name, list);
        }
        assertEquals(FILES.keySet(), CHECK.keySet(), "check saw every file");
    }

    private static String describe(int start, int end, int code, String severity, String message) {
        return String.format(Locale.ROOT, "%06d-%06d TS%d %s: %s", start, end, code, severity, message);
    }

    /** The server's diagnostics of a parsed document, spans turned back into offsets. */
    private static List<String> serverDiagnostics(Document doc) {
        doc.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
        List<String> list = new ArrayList<>();
        for (Diagnostic d : new DiagnosticsHandler().diagnostics(doc, Long.MAX_VALUE)) {
            String severity = d.getSeverity().name().toLowerCase(Locale.ROOT);
            list.add(describe(doc.offsetAt(d.getRange().getStart()), doc.offsetAt(d.getRange().getEnd()),
                    d.getCode().getRight(), severity, d.getMessage().getLeft()));
        }
        list.sort(null);
        return list;
    }

    private static Document open(String name, String languageId, String text) {
        return new Document("file://" + dir.toUri().getRawPath() + name, languageId, 1, text, PositionEncoding.UTF16,
                new SerialQueue(Runnable::run, null, t -> { throw new AssertionError(t); }));
    }

    /** The languageId VS Code sends for a file name. */
    private static String editorLanguageId(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".tsx")) return "typescriptreact";
        if (n.endsWith(".ts") || n.endsWith(".mts") || n.endsWith(".cts")) return "typescript";
        if (n.endsWith(".jsx")) return "javascriptreact";
        return "javascript";
    }

    @Test
    void openedWithTheEditorsLanguageId() {
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            assertEquals(CHECK.get(f.getKey()), serverDiagnostics(open(f.getKey(), editorLanguageId(f.getKey()), f.getValue())), f.getKey());
        }
    }

    @Test
    void openedWithoutALanguageId() {
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            assertEquals(CHECK.get(f.getKey()), serverDiagnostics(open(f.getKey(), null, f.getValue())), f.getKey());
        }
    }

    /**
     * The same text reached by edits, parsed after each: through module and script states, errors
     * and none. The end result must not remember any of them.
     */
    @Test
    void typedInPieceByPiece() {
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            String text = f.getValue();
            Document doc = open(f.getKey(), editorLanguageId(f.getKey()), "");
            int version = 1;
            // first a prefix that makes a module, then delete it: the rest is typed in two chunks
            doc.applyChanges(List.of(new TextDocumentContentChangeEvent(new Range(new Position(0, 0), new Position(0, 0)),
                    "export {};\nawait 0;\n")), ++version);
            serverDiagnostics(doc);
            int half = text.length() / 2;
            if (half > 0 && Character.isLowSurrogate(text.charAt(half))) half++;
            for (String chunk : new String[] {text.substring(0, half), text.substring(half)}) {
                Position end = doc.positionAt(doc.length());
                doc.applyChanges(List.of(new TextDocumentContentChangeEvent(new Range(end, end), chunk)), ++version);
                serverDiagnostics(doc);
            }
            doc.applyChanges(List.of(new TextDocumentContentChangeEvent(new Range(new Position(0, 0), new Position(2, 0)), "")), ++version);
            assertEquals(text, doc.text());
            assertEquals(CHECK.get(f.getKey()), serverDiagnostics(doc), f.getKey() + " after edits");
        }
    }

    /** The reproducers of issue 15 bug 4, stated directly (the comparison above would hide a bug both sides share). */
    @Test
    void reproducersHaveTheRightAnswers() {
        assertEquals(List.of(), CHECK.get("twoFunctions.js"), "a script may declare a function twice");
        assertEquals(1, CHECK.get("twoFunctionsModule.js").size(), "a module may not");
        assertTrue(CHECK.get("twoFunctionsModule.js").get(0).contains("redeclare"), CHECK.get("twoFunctionsModule.js").toString());
        assertEquals(List.of(), CHECK.get("styles.d.css.ts"), "a declaration file: no initializers needed");
        assertEquals(List.of(), CHECK.get("data.d.json.ts"));
        assertEquals(1, CHECK.get("notDeclaration.ts").size(), "an ordinary .ts file needs the initializer");
    }
}
