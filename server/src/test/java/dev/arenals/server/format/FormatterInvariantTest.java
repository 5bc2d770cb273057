package dev.arenals.server.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.ParseLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The formatter's invariant, over real files and programs made from them (re-spaced, cut short,
 * with stray quotes, backquotes, slashes and angle brackets put in): the formatted text parses to
 * the same tree — the same node kinds and data in the same order, every leaf (name, literal,
 * template piece, regex, JSX text) spelled the same, the same diagnostics — its comments are the
 * same up to the indentation of their later lines, no line break is added or removed, and
 * formatting it again changes nothing. Checked by parsing, not by the formatter's own scanner.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FormatterInvariantTest {
    private static final String[] SNIPPETS = {"`", "'", "\"", "/", "<", ">", "${", "}", "{", "(", ")", "/*", "//", "<div>", "a<b>(c)", "x => ", "\n", " ", "\t\t", ";"};

    @Test
    void formattingKeepsTheTokensAndIsIdempotent() throws IOException {
        List<Path> files = corpus();
        List<String[]> programs = new ArrayList<>();
        programs.add(new String[] {"small.ts", "function f( a,b ){\nif(a){return b}\n  const x = {a:1,\nb:2}\n   return `x ${ a +\n  b } y`\n}\n"});
        programs.add(new String[] {"jsx.tsx", "const a = <div>\n  {x.map(y => <span key={y}>  {y}  </span>)}\n     text  \n</div>;\n  let r = /ab+c/g.test(s) ? a < b : c > d;\n"});
        // hostile inputs: deep nesting, unterminated literals, `<` read both ways, lone closers
        programs.add(new String[] {"deep.ts", "x = " + "[".repeat(3000) + "]".repeat(3000) + ";\n" + "f(".repeat(2000) + ")".repeat(2000) + ";\n"});
        programs.add(new String[] {"deep2.ts", "if (a) {\n".repeat(1500) + "  x;\n" + "}\n".repeat(1500)});
        programs.add(new String[] {"open.ts", "const s = `abc ${ x +\n  `inner ${ y\n  let r = /[/; \"unterminated\n  a < b > (c)\n}}}}) ))\n"});
        programs.add(new String[] {"lt.tsx", "const a = f < T > (x);\nconst b = <T,>(x: T) => x;\nconst c = <div a=\"1\"  b={ x }>  t  {  y }</div>\n   const d = a<b>c;\n"});
        Random random = new Random(42);
        for (Path file : files) {
            String text = Files.readString(file);
            String name = file.getFileName().toString();
            programs.add(new String[] {name, text});
            programs.add(new String[] {name, respace(text, random)});
            programs.add(new String[] {name, broken(text, random)});
            if (programs.size() % 7 == 0) programs.add(new String[] {name, respace(text, random).replace("\n", "\r\n")}); // CRLF line ends
        }
        int checked = 0, edited = 0;
        for (String[] p : programs) {
            String once = check(p[0], p[1]);
            if (!once.equals(p[1])) edited++;
            checked++;
        }
        System.out.printf("format invariant: %d programs, %d changed by formatting, tokens and trees kept, idempotent%n", checked, edited);
        assertTrue(checked >= 30, "programs checked: " + checked);
    }

    /** Formats, checks the invariant, returns the formatted text. */
    private static String check(String name, String text) {
        String once = FormatterJudgeTest.format(Path.of(name), text);
        assertEquals(lineBreaks(text), lineBreaks(once), name + ": line breaks");
        Arena before = parse(name, text), after = parse(name, once);
        assertEquals(before.nodeCount(), after.nodeCount(), name + ": node count");
        for (int i = 0; i < before.nodeCount(); i++) {
            assertEquals(before.kind(i), after.kind(i), name + ": kind of node " + i);
            assertEquals(before.data(i), after.data(i), name + ": data of node " + i);
            if (before.firstChild(i) < 0) {
                String was = before.text(before.start(i), before.end(i)), is = after.text(after.start(i), after.end(i));
                if (before.kind(i) == dev.arenals.parser.tree.NodeKind.JSX_TEXT) assertEquals(unindented(was), unindented(is), name + ": JSX text " + i); // JSX drops whitespace around line breaks
                else if (exactLeaf(before.kind(i))) assertEquals(was, is, name + ": leaf " + i + " " + dev.arenals.parser.tree.NodeKind.name(before.kind(i)));
                else assertEquals(was.replaceAll("\\s+", ""), is.replaceAll("\\s+", ""), name + ": leaf " + i + " " + dev.arenals.parser.tree.NodeKind.name(before.kind(i))); // `{}` may become `{ }`; comments are compared below
            }
        }
        ParseLog a = before.log(), b = after.log();
        assertEquals(a.diagnosticCount(), b.diagnosticCount(), name + ": diagnostics");
        for (int i = 0; i < a.diagnosticCount(); i++) assertEquals(a.diagnostic(i), b.diagnostic(i), name + ": diagnostic " + i);
        assertEquals(a.commentCount(), b.commentCount(), name + ": comments");
        for (int i = 0; i < a.commentCount(); i++) {
            assertEquals(unindented(before.text(a.commentStart(i), a.commentEnd(i))), unindented(after.text(b.commentStart(i), b.commentEnd(i))), name + ": comment " + i);
        }
        assertEquals(once, FormatterJudgeTest.format(Path.of(name), once), name + ": formatting twice");
        return once;
    }

    /** Leaves whose every character is content: names, literals, template pieces, regular expressions, JSX text. */
    private static boolean exactLeaf(int kind) {
        switch (kind) {
            case dev.arenals.parser.tree.NodeKind.STRING_LITERAL, dev.arenals.parser.tree.NodeKind.TEMPLATE_ELEMENT, dev.arenals.parser.tree.NodeKind.REGEX_LITERAL,
                    dev.arenals.parser.tree.NodeKind.JSX_IDENTIFIER, dev.arenals.parser.tree.NodeKind.IDENTIFIER_REFERENCE, dev.arenals.parser.tree.NodeKind.IDENTIFIER_NAME,
                    dev.arenals.parser.tree.NodeKind.BINDING_IDENTIFIER, dev.arenals.parser.tree.NodeKind.NUMBER_LITERAL, dev.arenals.parser.tree.NodeKind.BIGINT_LITERAL:
                return true;
            default:
                return false;
        }
    }

    private static Arena parse(String name, String text) {
        Arena arena = new Arena();
        new JsParser().parse(arena, text, ParseOptions.forFileName(name));
        return arena;
    }

    private static int lineBreaks(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') n++;
        return n;
    }

    private static String unindented(String comment) {
        return comment.replaceAll("(?m)^[ \\t]+|[ \\t]+$", "");
    }

    /** Random spaces and tabs at line starts and after some tokens' characters. */
    private static String respace(String text, Random random) {
        StringBuilder sb = new StringBuilder(text.length() + text.length() / 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c);
            if (c == '\n') { int n = random.nextInt(9); for (int k = 0; k < n; k++) sb.append(random.nextInt(4) == 0 ? '\t' : ' '); }
            else if ((c == ',' || c == '(' || c == ';' || c == '=' || c == '{') && random.nextInt(3) == 0) sb.append(' ');
        }
        return sb.toString();
    }

    /** Cut short, and a few stray snippets put in. */
    private static String broken(String text, Random random) {
        StringBuilder sb = new StringBuilder(text.substring(0, random.nextInt(text.length() + 1)));
        for (int k = 0; k < 4 && sb.length() > 0; k++) sb.insert(random.nextInt(sb.length()), SNIPPETS[random.nextInt(SNIPPETS.length)]);
        return sb.toString();
    }

    private static List<Path> corpus() throws IOException {
        Path cache = Path.of(System.getenv().getOrDefault("ARENA_LS_CACHE", System.getProperty("user.home") + "/.cache/arena-ls"), "npm");
        List<Path> out = new ArrayList<>();
        String[][] sources = {{"zod@4.6.7", ".ts"}, {"effect@4.1.0/package/src", ".ts"}, {"reactstrap@9.2.3/package/src", ".js"},
            {"@blueprintjs/core@6.20.0/package/src", ".tsx"}, {"rxjs@7.8.2/package/src", ".ts"}, {"lodash@4.17.21", ".js"}};
        for (String[] s : sources) {
            Path root = cache.resolve(s[0]);
            if (!Files.isDirectory(root)) continue;
            List<Path> found;
            try (Stream<Path> walk = Files.walk(root)) {
                found = walk.filter(p -> p.toString().endsWith(s[1]) && !p.toString().endsWith(".d.ts") && !p.toString().contains("node_modules"))
                        .filter(p -> { try { return Files.size(p) < 30_000; } catch (IOException e) { return false; } })
                        .sorted().toList();
            }
            for (int i = 0; i < found.size() && i < 400; i += Math.max(1, found.size() / 12)) out.add(found.get(i));
        }
        return out;
    }
}
