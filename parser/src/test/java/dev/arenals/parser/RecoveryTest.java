package dev.arenals.parser;

import dev.arenals.parser.lexer.LiteralValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arenals.parser.ParserTestSupport.Diagnostic;
import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.heap.HeapTree;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Node;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.parser.tree.ParseLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed input: diagnostics with precise spans and tsc-style messages, parsing goes on after the
 * error, and the tree stays well-formed (see {@link ParserTestSupport#treeViolations}).
 */
class RecoveryTest {

    private static Arena parseChecked(String src) {
        return parseChecked(src, false);
    }

    /** Parses, checks the tree invariants (modulo trivia) and that the heap baseline agrees. */
    private static Arena parseChecked(String src, boolean module) {
        Arena arena = ParserTestSupport.parse(src, module);
        List<String> v = ParserTestSupport.treeViolations(arena);
        assertTrue(v.isEmpty(), () -> v + "\n" + ParserTestSupport.describe(src, arena));
        HeapTree heap = new JsParser().parseHeap(src, ParseOptions.of(module));
        assertEquals(TreeDump.dump(arena), TreeDump.dump(heap), "heap baseline differs for " + src);
        assertEquals(ParserTestSupport.diagnostics(arena.log(), null), ParserTestSupport.diagnostics(heap.log(), null));
        return arena;
    }

    private static Diagnostic only(Arena arena, String src) {
        List<Diagnostic> d = ParserTestSupport.diagnostics(arena);
        assertEquals(1, d.size(), () -> "exactly one diagnostic expected\n" + ParserTestSupport.describe(src, arena));
        return d.get(0);
    }

    private static void assertDiagnostic(Diagnostic d, Diag kind, int start, int end, String message) {
        assertEquals(kind, d.diag(), d.toString());
        assertEquals(start, d.start(), "start of " + d);
        assertEquals(end, d.end(), "end of " + d);
        assertEquals(message, d.message(), d.toString());
    }

    private static List<String> statementKinds(Arena arena) {
        List<String> out = new ArrayList<>();
        for (Node c : arena.rootNode().children()) out.add(c.kindName());
        return out;
    }

    // ------------------------------------------------------------------ specific errors

    @Test
    void missingOperandReportsExpressionExpectedAtTheSemicolonAndParsingContinues() {
        String src = "let x = (1 + ;\nconst y = 2;";
        Arena arena = parseChecked(src);
        assertDiagnostic(only(arena, src), Diag.EXPRESSION_EXPECTED, src.indexOf(';'), src.indexOf(';') + 1, "Expression expected.");
        assertEquals(List.of("VARIABLE_DECLARATION", "VARIABLE_DECLARATION"), statementKinds(arena));
        Node second = arena.rootNode().child(1);
        assertEquals(NodeKind.VAR_CONST, second.data());
        Node declarator = second.firstChild();
        assertEquals("y", declarator.firstChild().name());
        assertEquals(2.0, LiteralValues.numberValue(declarator.child(1)));
        assertEquals("const y = 2;", second.text());
        Node first = arena.rootNode().child(0);
        assertEquals("x", first.firstChild().firstChild().name());
        assertTrue(first.end() <= second.start());
    }

    @Test
    void missingCloseParenInIf() {
        String src = "if (x {}\ny();";
        Arena arena = parseChecked(src);
        assertDiagnostic(only(arena, src), Diag.TOKEN_EXPECTED, 6, 7, "')' expected.");
        Node ifNode = arena.rootNode().firstChild();
        assertEquals(NodeKind.IF, ifNode.kind());
        assertEquals("x", ifNode.child(0).name());
        assertEquals(NodeKind.BLOCK, ifNode.child(1).kind());
        assertEquals(List.of("IF", "EXPRESSION_STATEMENT"), statementKinds(arena));
    }

    @Test
    void missingCloseParenInWhileAndFor() {
        String src = "while (x {}\nfor (let i = 0; i < n; i++ {}\nz;";
        Arena arena = parseChecked(src);
        List<Diagnostic> d = ParserTestSupport.diagnostics(arena);
        assertEquals(2, d.size(), d::toString);
        assertDiagnostic(d.get(0), Diag.TOKEN_EXPECTED, 9, 10, "')' expected.");
        int brace = src.indexOf("++ {") + 3;
        assertDiagnostic(d.get(1), Diag.TOKEN_EXPECTED, brace, brace + 1, "')' expected.");
        assertEquals(List.of("WHILE", "FOR", "EXPRESSION_STATEMENT"), statementKinds(arena));
    }

    @Test
    void unterminatedStringEndsAtTheLineEnd() {
        String src = "x = \"abc\ny = 2;";
        Arena arena = parseChecked(src);
        assertDiagnostic(only(arena, src), Diag.UNTERMINATED_STRING, 4, 8, "Unterminated string literal.");
        assertEquals(List.of("EXPRESSION_STATEMENT", "EXPRESSION_STATEMENT"), statementKinds(arena));
        Node str = arena.rootNode().firstChild().firstChild().child(1);
        assertEquals(NodeKind.STRING_LITERAL, str.kind());
        assertEquals("abc", LiteralValues.stringValue(str));
        assertEquals("y", arena.rootNode().child(1).firstChild().firstChild().name());
    }

    @Test
    void unterminatedTemplate() {
        String src = "x = `abc";
        Arena arena = parseChecked(src);
        assertDiagnostic(only(arena, src), Diag.UNTERMINATED_TEMPLATE, 4, 8, "Unterminated template literal.");

        String src2 = "x = `a ${y} b\nc;";
        Arena arena2 = parseChecked(src2);
        Diagnostic d = only(arena2, src2);
        assertDiagnostic(d, Diag.UNTERMINATED_TEMPLATE, src2.indexOf('}'), src2.length(), "Unterminated template literal.");
        Node tpl = arena2.rootNode().firstChild().firstChild().child(1);
        assertEquals(NodeKind.TEMPLATE, tpl.kind());
        assertEquals("y", tpl.child(1).name());
    }

    @Test
    void unterminatedRegexEndsAtTheLineEnd() {
        String src = "x = /abc\ny = 2;";
        Arena arena = parseChecked(src);
        assertDiagnostic(only(arena, src), Diag.UNTERMINATED_REGEX, 4, 8, "Unterminated regular expression literal.");
        assertEquals(List.of("EXPRESSION_STATEMENT", "EXPRESSION_STATEMENT"), statementKinds(arena));
    }

    @Test
    void unterminatedComment() {
        String src = "a;\n/* abc";
        Arena arena = parseChecked(src);
        assertDiagnostic(only(arena, src), Diag.UNTERMINATED_COMMENT, 3, 9, "'*/' expected.");
        assertEquals(List.of("EXPRESSION_STATEMENT"), statementKinds(arena));
    }

    @Test
    void identifierRightAfterANumberInAClassBody() {
        String src = "class C { 123abc }\nnext();";
        Arena arena = parseChecked(src);
        assertDiagnostic(only(arena, src), Diag.IDENTIFIER_AFTER_NUMBER, 13, 16,
                "An identifier or keyword cannot immediately follow a numeric literal.");
        Node cls = arena.rootNode().firstChild();
        assertEquals(NodeKind.CLASS_DECLARATION, cls.kind());
        assertNotNull(cls.childOfKind(NodeKind.CLASS_BODY));
        assertEquals(List.of("CLASS_DECLARATION", "EXPRESSION_STATEMENT"), statementKinds(arena));
    }

    @Test
    void strayCloseBraceAtTopLevel() {
        String src = "x = 1; }\ny = 2;";
        Arena arena = parseChecked(src);
        assertDiagnostic(only(arena, src), Diag.DECLARATION_OR_STATEMENT_EXPECTED, 7, 8, "Declaration or statement expected.");
        List<String> kinds = statementKinds(arena);
        assertEquals("EXPRESSION_STATEMENT", kinds.get(0));
        assertEquals("EXPRESSION_STATEMENT", kinds.get(kinds.size() - 1));
        assertEquals("y = 2;", arena.rootNode().child(kinds.size() - 1).text());
    }

    @Test
    void anonymousFunctionDeclarationStatement() {
        String src = "function (){}\nx;";
        Arena arena = parseChecked(src);
        assertDiagnostic(only(arena, src), Diag.IDENTIFIER_EXPECTED, 9, 10, "Identifier expected.");
        Node fn = arena.rootNode().firstChild();
        assertEquals(NodeKind.FUNCTION_DECLARATION, fn.kind());
        assertNotNull(fn.childOfKind(NodeKind.FORMAL_PARAMETERS));
        assertNotNull(fn.childOfKind(NodeKind.FUNCTION_BODY));
        assertEquals(List.of("FUNCTION_DECLARATION", "EXPRESSION_STATEMENT"), statementKinds(arena));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{ a;", "function f() { a;", "class C {", "class C { m() {", "x = () => { a;", "switch (x) { case 1:",
        "try { a;", "a => {", "label: {", "({ m() { x;"})
    void unexpectedEndInsideBracesExpectsTheCloseBrace(String src) {
        Arena arena = parseChecked(src);
        Diagnostic d = only(arena, src);
        assertDiagnostic(d, Diag.TOKEN_EXPECTED, src.length(), src.length(), "'}' expected.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2", "x = [a", "({a: 1", "x = {a", "f(1, 2", "f(a", "new F(a", "x = a[0", "import(a"})
    void unexpectedEndInsideArraysObjectsAndCallsReportsOneEmptyDiagnosticAtTheEnd(String src) {
        Arena arena = parseChecked(src);
        Diagnostic d = only(arena, src);
        assertEquals(Diag.TOKEN_EXPECTED, d.diag(), d.toString());
        // as tsc: the delimiter that would close what is open, not the ',' that could also follow
        char open = src.contains("(") && src.lastIndexOf('(') > Math.max(src.lastIndexOf('['), src.lastIndexOf('{')) ? '('
                : src.lastIndexOf('[') > src.lastIndexOf('{') ? '[' : '{';
        String close = open == '(' ? ")" : open == '[' ? "]" : "}";
        assertEquals("'" + close + "' expected.", d.message(), src);
        assertEquals(src.length(), d.start());
        assertEquals(src.length(), d.end());
    }

    @ParameterizedTest
    @ValueSource(strings = {"f(a, |')' expected.", "x = [1, |']' expected.", "x = {a: 1, |'}' expected.", "function f(a, |')' expected.",
        "(|')' expected.", "x = (a, b|')' expected.", "new F(|')' expected."})
    void unexpectedEndAfterAnOpenerOrCommaExpectsTheCloser(String spec) {
        String src = spec.substring(0, spec.indexOf('|'));
        Arena arena = parseChecked(src);
        assertDiagnostic(only(arena, src), Diag.TOKEN_EXPECTED, src.length(), src.length(), spec.substring(spec.indexOf('|') + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"if (", "x = ", "a + ", "x = a ? b : ", "throw ", "let x = ", "for (;;", "x = `a${", "!", "new "})
    void unexpectedEndWhereAnExpressionIsNeeded(String src) {
        Arena arena = ParserTestSupport.parse(src);
        List<Diagnostic> d = ParserTestSupport.diagnostics(arena);
        assertTrue(!d.isEmpty() && d.size() <= 2, d::toString);
        assertEquals(Diag.EXPRESSION_EXPECTED, d.get(0).diag(), d::toString);
        assertEquals(src.length(), d.get(0).start());
        assertEquals("Expression expected.", d.get(0).message());
        assertTrue(ParserTestSupport.treeViolations(arena).isEmpty(), () -> ParserTestSupport.describe(src, arena));
    }

    @Test
    void missingCommaInListsIsReportedAtTheNextElement() {
        String src = "f(a b); x = {a b}; y = [1 2];";
        Arena arena = parseChecked(src);
        List<Diagnostic> d = ParserTestSupport.diagnostics(arena);
        assertEquals(3, d.size(), d::toString);
        assertDiagnostic(d.get(0), Diag.TOKEN_EXPECTED, 4, 5, "',' expected.");
        assertDiagnostic(d.get(1), Diag.TOKEN_EXPECTED, 15, 16, "',' expected.");
        assertDiagnostic(d.get(2), Diag.TOKEN_EXPECTED, 26, 27, "',' expected.");
        // the elements after the missing comma are still there
        Node call = arena.rootNode().firstChild().firstChild();
        assertEquals(3, call.childCount());
        assertEquals("b", call.child(2).name());
    }

    @Test
    void messagesWithArguments() {
        String src = "var if = 1;";
        Arena arena = parseChecked(src);
        assertDiagnostic(only(arena, src), Diag.RESERVED_WORD_AS_IDENTIFIER, 4, 6,
                "Identifier expected. 'if' is a reserved word that cannot be used here.");

        String src2 = "'use strict'; function f(a, a) {}";
        Arena arena2 = parseChecked(src2);
        Diagnostic dup = only(arena2, src2);
        assertEquals(Diag.DUPLICATE_PARAMETER, dup.diag());
        assertEquals("Duplicate identifier 'a'.", dup.message());
        assertEquals(src2.lastIndexOf(" a)") + 1, dup.start(), "the second parameter, the one that duplicates");
        assertEquals("a", src2.substring(dup.start(), dup.end()));

        String src3 = "class A { m() { return this.#missing; } }";
        Arena arena3 = parseChecked(src3);
        int at = src3.indexOf("#missing");
        assertDiagnostic(only(arena3, src3), Diag.UNDECLARED_PRIVATE_NAME_IN_CLASS, at, at + 8,
                "Private name '#missing' is not declared in an enclosing class.");

        String src4 = "x = -y ** 2;";
        Arena arena4 = parseChecked(src4);
        assertDiagnostic(only(arena4, src4), Diag.UNARY_BEFORE_EXPONENT, 4, 6,
                "An unary expression with the '-' operator is not allowed in the left-hand side of an exponentiation expression."
                        + " Consider enclosing the expression in parentheses.");

        String src5 = "x = /(?<n>a)(?<n>b)/;";
        Arena arena5 = parseChecked(src5);
        Diagnostic d5 = only(arena5, src5);
        assertEquals(Diag.INVALID_REGULAR_EXPRESSION, d5.diag());
        assertTrue(d5.message().startsWith("Invalid regular expression: "), d5.message());
        assertTrue(d5.start() > 4 && d5.end() <= src5.indexOf("/;"), d5.toString());
    }

    @Test
    void otherSingleErrors() {
        String[][] cases = {
            // source, diag, start, end, message
            {"let x = 1 2;", "TOKEN_EXPECTED", "10", "11", "';' expected."},
            {"var 1 = 2;", "VARIABLE_DECLARATION_EXPECTED", "4", "5", "Variable declaration expected."},
            {"x = y ++ z", "TOKEN_EXPECTED", "9", "10", "';' expected."},
            {"a ? b", "TOKEN_EXPECTED", "5", "5", "':' expected."},
            {"try {}", "CATCH_OR_FINALLY_EXPECTED", "6", "6", "'catch' or 'finally' expected."},
            {"switch (x) { foo; }", "TOKEN_EXPECTED", "13", "16", "'case' expected."},
            {"a = 1 \u00a7 2;", "INVALID_CHARACTER", "6", "7", "Invalid character."},
            {"x = { + };", "PROPERTY_ASSIGNMENT_EXPECTED", "6", "7", "Property assignment expected."},
            {"f(a,,b);", "ARGUMENT_EXPRESSION_EXPECTED", "4", "5", "Argument expression expected."},
            {"a.;", "IDENTIFIER_EXPECTED", "2", "3", "Identifier expected."},
            {"const c;", "CONST_WITHOUT_INITIALIZER", "6", "7", "'const' declarations must be initialized."},
            {"break;", "ILLEGAL_BREAK", "0", "5", "A 'break' statement can only be used within an enclosing iteration or switch statement."},
            {"return 1;", "RETURN_OUTSIDE_FUNCTION", "0", "6", "A 'return' statement can only be used within a function body."},
            {"1 = 2;", "INVALID_ASSIGNMENT_TARGET", "0", "1", "The left-hand side of an assignment expression must be a variable or a property access."},
            {"a ?? b || c;", "COALESCE_MIXED", "0", "11", "'||' and '??' operations cannot be mixed without parentheses."},
            {"x = 0x;", "HEX_DIGIT_EXPECTED", "6", "6", "Hexadecimal digit expected."},
            {"x = 1__0;", "MULTIPLE_NUMERIC_SEPARATORS", "6", "7", "Multiple consecutive numeric separators are not permitted."},
        };
        for (String[] c : cases) {
            Arena arena = parseChecked(c[0]);
            assertDiagnostic(only(arena, c[0]), Diag.valueOf(c[1]), Integer.parseInt(c[2]), Integer.parseInt(c[3]), c[4]);
        }
    }

    @Test
    void severalErrorsAreEachReportedAndTheStatementsBetweenSurvive() {
        String src = "let a = ;\nlet b = 2;\nif (a { }\nlet c = 3;\nfunction (x) { return x }\nlet d = [1, 2;\nlet e = 5;";
        Arena arena = parseChecked(src);
        List<Diagnostic> d = ParserTestSupport.diagnostics(arena);
        assertEquals(4, d.size(), d::toString);
        assertDiagnostic(d.get(0), Diag.EXPRESSION_EXPECTED, 8, 9, "Expression expected.");
        int brace = src.indexOf("a {") + 2;
        assertDiagnostic(d.get(1), Diag.TOKEN_EXPECTED, brace, brace + 1, "')' expected.");
        int paren = src.indexOf("function (") + 9;
        assertDiagnostic(d.get(2), Diag.IDENTIFIER_EXPECTED, paren, paren + 1, "Identifier expected.");
        assertEquals(Diag.TOKEN_EXPECTED, d.get(3).diag());
        assertEquals(src.indexOf("2;\nlet e") + 1, d.get(3).start(), d.get(3)::toString);
        List<String> declared = new ArrayList<>();
        for (Node s : arena.rootNode().children()) {
            if (s.kind() == NodeKind.VARIABLE_DECLARATION) declared.add(s.firstChild().firstChild().name());
        }
        assertEquals(List.of("a", "b", "c", "d", "e"), declared);
        for (int i = 1; i < d.size(); i++) assertTrue(d.get(i - 1).start() < d.get(i).start(), "diagnostics in source order");
    }

    @Test
    void tooManyErrorsAreCappedWithOneFinalEntry() {
        String src = ")\n".repeat(1000) + "ok();";
        Arena arena = parseChecked(src);
        List<Diagnostic> d = ParserTestSupport.diagnostics(arena);
        assertEquals(ParseLog.MAX_DIAGNOSTICS + 1, d.size());
        Diagnostic last = d.get(d.size() - 1);
        assertEquals(Diag.TOO_MANY_ERRORS, last.diag());
        assertEquals("Too many errors; further errors in this file are not reported.", last.message());
        for (int i = 0; i < ParseLog.MAX_DIAGNOSTICS; i++) {
            assertEquals(Diag.DECLARATION_OR_STATEMENT_EXPECTED, d.get(i).diag());
            assertEquals(2 * i, d.get(i).start());
        }
        // parsing went on to the end
        Node lastStatement = arena.rootNode().child(arena.rootNode().childCount() - 1);
        assertEquals("ok();", lastStatement.text());
    }

    @Test
    void oneDiagnosticPerPosition() {
        // several rules fail at the same token; only the first is reported
        String src = "let x = (;";
        Arena arena = parseChecked(src);
        List<Diagnostic> d = ParserTestSupport.diagnostics(arena);
        for (int i = 1; i < d.size(); i++) assertTrue(d.get(i).start() != d.get(i - 1).start(), d::toString);
    }

    @Test
    void emptyAndWhitespaceOnlyInputs() {
        for (String src : new String[] {"", " ", "\n\n", "// c", "/* c */", "\uFEFF", "#!/bin/node", ";"}) {
            Arena arena = parseChecked(src);
            assertEquals(0, arena.log().diagnosticCount(), () -> ParserTestSupport.describe(src, arena));
        }
    }

    // ------------------------------------------------------------------ fuzz

    static final String[] SNIPPETS = {
        "function add(a, b = 1, ...rest) {\n  if (a > b) { return a - b; } else return [a, b, ...rest];\n}\nconst total = add(1, 2);\n",
        "class Point extends Base {\n  #x = 0; static count = 0;\n  constructor(x, y) { super(x); this.#x = x; this.y = y ?? 0; }\n"
            + "  get x() { return this.#x; }\n  static { Point.count++; }\n  async *values() { yield* [this.#x, this.y]; }\n}\n",
        "const {a, b: [c = 2, ...d], ...e} = obj;\nlet s = `hello ${name}, you are ${age + 1} years old`;\n"
            + "outer: for (let i = 0; i < 10; i++) { if (i % 2) continue outer; else break; }\n",
        "async function main() {\n  try {\n    const res = await fetch(url, {method: 'POST', body: JSON.stringify({q})});\n"
            + "    for await (const chunk of res.body) process(chunk);\n  } catch ({message}) {\n    console.error(message);\n"
            + "  } finally { done(); }\n}\n",
        "switch (op) {\n  case '+': r = a + b; break;\n  case '-': r = a - b; break;\n  default: throw new Error(`bad ${op}`);\n}\n"
            + "x = a?.b?.[c]?.(d) ?? /re+[a-z]/gi.test(s) ? 1 : 2;\n",
        "import fs, { readFile as rf } from 'fs';\nimport data from './data.json' with { type: 'json' };\n"
            + "export default class extends Component { render() { return h('div', { id: this.props.id }, ...this.children); } }\n"
            + "export const answer = 42, [first] = list;\nexport * as util from './util.js';\n",
        "var self = this;\n$('.item').each(function (i, el) {\n  var $el = $(el), n = +$el.data('n') || 0;\n"
            + "  $el.text(n > 1e3 ? (n / 1e3).toFixed(1) + 'k' : String(n));\n});\n// trailing comment\n/* block\n comment */\n",
        "const memo = new Map();\nconst fib = n => n < 2 ? n : memo.get(n) ?? (memo.set(n, fib(n - 1) + fib(n - 2)), memo.get(n));\n"
            + "let {length} = 'abc', [, second, ...others] = [1, 2, 3, 4];\nwhile (i--) do { j++ } while (j < 10 && !done);\n",
    };

    static final String[] TOKENS = {"(", ")", "{", "}", "[", "]", ";", ",", "=>", "=", "...", "`", "${", "/", "'", "\"", "?.", "?",
        ":", "class", "function", "async", "await", "yield", "let", "const", "new", "import", "export", "#x", "@", "\\u0061", "0x", "1_",
        "/*", "*/", "//", "\n", "if", "else", "for", "of", "in", "return", "static", "get", "super", "this", "<!--", "-->", "**", "++",
        "--", "!", "~", ".", "#", "\\", "\u2028", "\r", "0.5e", "99n", "/re/g", "'use strict';", "*", "&&=", "??", "=>{"};

    static String mutate(String s, Random r) {
        int n = s.length();
        int i = r.nextInt(n + 1);
        int j = Math.min(n, i + r.nextInt(16));
        switch (r.nextInt(4)) {
            case 0: return s.substring(0, i) + s.substring(j);                                     // delete a slice
            case 1: return s.substring(0, i) + TOKENS[r.nextInt(TOKENS.length)] + s.substring(i);  // insert a token
            case 2: return s.substring(0, j) + s.substring(i, j) + s.substring(j);                 // duplicate a slice
            default: {                                                                              // copy a slice elsewhere
                int k = r.nextInt(n + 1);
                return s.substring(0, k) + s.substring(i, j) + s.substring(k);
            }
        }
    }

    /** The i-th fuzz input of a seed: a snippet with 1 to 4 mutations, and the goal. */
    static String fuzzInput(Random rnd) {
        String src = SNIPPETS[rnd.nextInt(SNIPPETS.length)];
        int mutations = 1 + rnd.nextInt(4);
        for (int m = 0; m < mutations; m++) src = mutate(src, rnd);
        return src;
    }

    @Test
    void fuzzedSnippetsNeverThrowStayBoundedWellFormedAndDeterministic() {
        Random rnd = new Random(20250101L);
        JsParser reused = new JsParser();
        Arena reusedArena = new Arena(64);
        int withErrors = 0;
        for (int it = 0; it < 3000; it++) {
            String src = fuzzInput(rnd);
            boolean module = rnd.nextBoolean();
            String dump1;
            List<Diagnostic> diags1;
            try {
                reused.parse(reusedArena, src, ParseOptions.of(module));
                dump1 = TreeDump.dump(reusedArena);
                diags1 = ParserTestSupport.diagnostics(reusedArena);
            } catch (Throwable e) {
                throw new AssertionError("parser threw on fuzz input #" + it + " (" + (module ? "module" : "script") + "): "
                        + src.replace("\n", "\\n"), e);
            }
            final int iteration = it;
            final String input = src;
            assertTrue(diags1.size() <= ParseLog.MAX_DIAGNOSTICS + 1, "too many diagnostics for #" + it);
            List<String> v = ParserTestSupport.treeViolations(reusedArena);
            assertTrue(v.isEmpty(), () -> "fuzz #" + iteration + ": " + v + "\n" + ParserTestSupport.describe(input, reusedArena));
            if (!diags1.isEmpty()) withErrors++;

            // deterministic: a fresh parser and arena give the same tree and diagnostics
            Arena fresh = ParserTestSupport.parse(src, module);
            assertEquals(dump1, TreeDump.dump(fresh), () -> "nondeterministic tree for #" + iteration + ": " + input);
            assertEquals(diags1, ParserTestSupport.diagnostics(fresh), () -> "nondeterministic diagnostics for #" + iteration);
            // and the reused one again, right after
            reused.parse(reusedArena, src, ParseOptions.of(module));
            assertEquals(dump1, TreeDump.dump(reusedArena));
        }
        assertTrue(withErrors > 1500, "the mutations should mostly produce broken code: " + withErrors);
    }

    @Test
    void fuzzedSnippetsMatchTheHeapBaseline() {
        Random rnd = new Random(77L);
        JsParser p = new JsParser();
        Arena arena = new Arena();
        for (int it = 0; it < 500; it++) {
            String src = fuzzInput(rnd);
            boolean module = rnd.nextBoolean();
            p.parse(arena, src, ParseOptions.of(module));
            HeapTree heap = p.parseHeap(src, ParseOptions.of(module));
            if (!TreeDump.dump(arena).equals(TreeDump.dump(heap))) fail("heap and arena differ on: " + src);
            assertEquals(ParserTestSupport.diagnostics(arena.log(), null), ParserTestSupport.diagnostics(heap.log(), null), src);
        }
    }

    /** Characters for random inputs; '<' (JSX) is added by RegressionTest. */
    static final String RANDOM_ALPHABET = "abc01_$#@`'\"\\/*+-=>!?.:;,(){}[]\n\r\t \u00a0\u2028\ud800\uFEFF\u00e9\ud835\udcb3";

    /** Parses 1,000 random strings over {@code alphabet}; returns the first failure, or null. */
    static String randomInputFailure(String alphabet) {
        Random rnd = new Random(5L);
        JsParser p = new JsParser();
        Arena arena = new Arena();
        for (int it = 0; it < 1000; it++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(80);
            for (int i = 0; i < len; i++) sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            String src = sb.toString();
            try {
                p.parse(arena, src, ParseOptions.of(it % 2 == 0));
                TreeDump.dump(arena);
            } catch (Throwable e) {
                throw new AssertionError("parser threw on " + escape(src), e);
            }
            List<String> v = ParserTestSupport.treeViolations(arena);
            if (!v.isEmpty()) return v + " in " + escape(src);
        }
        return null;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        return b.toString();
    }

    @Test
    void randomCharactersNeverBreakTheParser() {
        assertEquals(null, randomInputFailure(RANDOM_ALPHABET));
    }
}
