package dev.arenals.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.tree.Arena;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file whose goal its contents decide (.js, .ts, …: TypeScript's moduleDetection "auto") is a
 * module when it has import/export, and a module is strict from its first character — also before
 * the import that made it one. Each snippet here is valid sloppy script code that a module rejects:
 * alone it parses clean, with an export anywhere it gets the strict-mode error, exactly as the
 * module goal gives it, in a full parse and after an incremental edit.
 */
class AutoGoalStrictnessTest {
    @ParameterizedTest
    @ValueSource(strings = {"with (o) {}", "x = 010;", "x = 08;", "x = '\\101';", "var yield;", "var await;", "var let;",
        "var static;", "function f(a, a) {}", "function eval() {}", "eval = 1;", "arguments++;", "delete x;",
        "if (a) function f() {}", "l: function g() {}", "(eval) => 1;", "f() = 1;", "for (f() in o);",
        "x = 1 <!-- html comment", "var implements;", "'\\08';", "for (var i = 0 in o);"})
    void sloppyOnlyCodeIsAnErrorInAFileThatIsAModule(String sloppy) {
        for (String file : new String[] {"a.js", "a.ts", "a.jsx"}) {
            if (file.endsWith(".ts") && (sloppy.contains("<!--") || sloppy.startsWith("var await") || sloppy.startsWith("for (var i = 0 in"))) continue;
            // TypeScript 6 rejects legacy octal in every TypeScript file, a script too (GrammarChecksTest)
            if (file.endsWith(".ts") && (sloppy.contains("= 0") || sloppy.contains("'\\"))) continue;
            assertEquals(List.of(), diagnostics(file, sloppy + "\n"), file + ": as a script it is valid");
            String before = "export const z = 1;\n" + sloppy + "\n", after = sloppy + "\nexport const z = 1;\n";
            List<ParserTestSupport.Diagnostic> asModule = diagnostics(ParseOptions.forFileName(file).asModule(), after);
            assertTrue(!asModule.isEmpty(), file + ": the module goal rejects " + sloppy);
            assertEquals(asModule, diagnostics(file, after), file + ": an export after it");
            assertEquals(diagnostics(ParseOptions.forFileName(file).asModule(), before), diagnostics(file, before), file + ": an export before it");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"with (o) {}", "x = 010;", "function f(a, a) {}", "delete x;"})
    void anIncrementalEditGivesWhatAFullParseGives(String sloppy) {
        ParseOptions options = ParseOptions.forFileName("a.js");
        JsParser parser = new JsParser();
        // typed into a module
        String module = "import q from 'q';\nlet y = 1;\n";
        int at = module.indexOf("let");
        assertSameAsFullParse(parser, options, module, at, at, sloppy + "\n");
        // a module made by typing `export ` before a statement of a script that has it
        String script = sloppy + "\nconst z = 1;\n";
        int c = script.indexOf("const");
        assertSameAsFullParse(parser, options, script, c, c, "export ");
        // and back to a script
        String both = sloppy + "\nexport const z = 1;\n";
        int e = both.indexOf("export");
        assertSameAsFullParse(parser, options, both, e, e + 7, "");
    }

    /** Incremental fuzz finding I18: the module syntax of a module parsed again as one may exist for the module goal only. */
    @org.junit.jupiter.api.Test
    void anEditOfAModuleParsedAgainAsOneTakesTheFullParse() {
        // top-level await makes it a module, the HTML-like comment makes sloppiness matter, and as a
        // module the comment is no comment: the `import` after it is module syntax only then
        ParseOptions options = ParseOptions.forFileName("a.ts");
        assertSameAsFullParse(new JsParser(), options, "module''{await t}\n-->e import", 7, 8, "");
        assertSameAsFullParse(new JsParser(), options, "await t;\n-->e import\nlet x;", 0, 8, "");
    }

    private static void assertSameAsFullParse(JsParser parser, ParseOptions options, String text, int from, int to, String insert) {
        char[] buf = text.toCharArray();
        Arena arena = new Arena();
        parser.parseInPlace(arena, buf, buf.length, options);
        String edited = text.substring(0, from) + insert + text.substring(to);
        char[] nb = edited.toCharArray();
        parser.reparseInPlace(arena, nb, nb.length, options, from, to, from + insert.length());
        Arena full = new Arena();
        new JsParser().parse(full, edited, options);
        assertEquals(TreeDump.exact(full), TreeDump.exact(arena), edited);
        assertEquals(full.isModule(), arena.isModule(), edited);
    }

    private static List<ParserTestSupport.Diagnostic> diagnostics(String file, String src) {
        return diagnostics(ParseOptions.forFileName(file), src);
    }

    private static List<ParserTestSupport.Diagnostic> diagnostics(ParseOptions options, String src) {
        Arena arena = new Arena();
        new JsParser().parse(arena, src, options);
        return ParserTestSupport.diagnostics(arena);
    }
}
