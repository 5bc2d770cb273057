package dev.arenals.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A small static check for one bug class: {@code a[f()] = …} or {@code a[i] = f()} where {@code f}
 * may replace the array {@code a} with a bigger copy. Java loads {@code a} before it evaluates the
 * index and the right-hand side, so the store lands in the old array (lost) or fails with an
 * index out of bounds (issue 15, bug 1: {@code t.entryFlags[t.entry(x, name)] |= …}).
 *
 * <p>How: every method that assigns {@code NAME = Arrays.copyOf(…)} or {@code NAME = new T[…]}
 * grows {@code NAME}; a method that calls a grower (by name, any receiver) grows what it grows,
 * to a fixed point. Then every statement of the parser's main sources in which {@code NAME[}
 * appears before a call of a method that grows {@code NAME} is reported. Names are matched
 * without types, so the check errs on the side of reporting: a reported statement is rewritten
 * to call first and index after, which is never wrong.
 */
class GrowBeforeLoadTest {
    private static final Pattern METHOD = Pattern.compile(
            "(?m)^\\s*(?:(?:public|private|protected|static|final|synchronized)\\s+)*[\\w<>\\[\\], ]+\\s+(\\w+)\\s*\\([^;{]*\\)\\s*(?:throws [\\w., ]+)?\\{");
    private static final Pattern GROW = Pattern.compile("\\b(\\w+)\\s*=\\s*(?:Arrays\\.copyOf\\(|new\\s+\\w+\\s*\\[)");
    private static final Pattern CALL = Pattern.compile("\\b(\\w+)\\s*\\(");
    private static final Pattern INDEX = Pattern.compile("\\b(\\w+)\\s*\\[");

    @Test
    void noArrayIsLoadedBeforeACallThatMayGrowIt() throws IOException {
        Map<String, String> files = new HashMap<>();
        for (Path file : mainSources()) files.put(file.getFileName().toString(), Files.readString(file));
        assertTrue(files.size() > 30, "the check must see the parser's sources, saw " + files.keySet());
        assertEquals(List.of(), findings(files));
    }

    /** The check itself: it reports the pattern of bug 1, through a call chain, and not its fix. */
    @Test
    void theCheckFindsTheBugItWasWrittenFor() {
        String table = "int entry(int s) { if (n == entryFlags.length) entryFlags = Arrays.copyOf(entryFlags, n * 2); return n++; }\n"
                + "int entryOf(int s) { return entry(s); }\n";
        assertEquals(1, findings(Map.of("T.java", table, "B.java", "void declare(int x) { t.entryFlags[t.entryOf(x)] |= 4; }\n")).size());
        assertEquals(1, findings(Map.of("T.java", table, "B.java", "void declare(int x) { t.entryFlags[x] = t.entry(x); }\n")).size());
        assertEquals(List.of(), findings(Map.of("T.java", table, "B.java", "void declare(int x) { int e = t.entry(x); t.entryFlags[e] |= 4; }\n")));
    }

    static List<String> findings(Map<String, String> files) {
        Map<String, String> bodies = new HashMap<>();
        for (String text : files.values()) collectMethods(text, bodies);
        Map<String, Set<String>> grows = new HashMap<>();
        for (Map.Entry<String, String> m : bodies.entrySet()) {
            Set<String> arrays = new HashSet<>();
            Matcher g = GROW.matcher(m.getValue());
            while (g.find()) arrays.add(g.group(1));
            grows.put(m.getKey(), arrays);
        }
        for (boolean changed = true; changed; ) {
            changed = false;
            for (Map.Entry<String, String> m : bodies.entrySet()) {
                Set<String> mine = grows.get(m.getKey());
                Matcher c = CALL.matcher(m.getValue());
                while (c.find()) {
                    Set<String> callee = grows.get(c.group(1));
                    if (callee != null && callee != mine && mine.addAll(callee)) changed = true;
                }
            }
        }
        List<String> findings = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            for (String statement : file.getValue().split("[;{}]")) {
                Matcher index = INDEX.matcher(statement);
                while (index.find()) {
                    String array = index.group(1);
                    Matcher c = CALL.matcher(statement);
                    c.region(index.end(), statement.length());
                    while (c.find()) {
                        Set<String> grown = grows.get(c.group(1));
                        if (grown != null && grown.contains(array)) {
                            findings.add(file.getKey() + ": " + array + "[…] before " + c.group(1) + "(): " + statement.strip());
                        }
                    }
                }
            }
        }
        return findings;
    }

    private static List<Path> mainSources() throws IOException {
        Path root = Paths.get("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> out = new ArrayList<>();
            files.filter(p -> p.toString().endsWith(".java")).forEach(out::add);
            return out;
        }
    }

    /** Method name → body (overloads concatenated), by brace matching from each declaration. */
    private static void collectMethods(String text, Map<String, String> bodies) {
        Matcher m = METHOD.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (name.equals("if") || name.equals("for") || name.equals("while") || name.equals("switch")
                    || name.equals("catch") || name.equals("synchronized")) continue;
            int open = m.end() - 1;
            int depth = 0;
            int i = open;
            for (; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '{') depth++;
                else if (ch == '}' && --depth == 0) break;
            }
            bodies.merge(name, text.substring(open, Math.min(i + 1, text.length())), String::concat);
        }
    }
}
