package dev.arenals.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layering inside the parser module (docs/architecture.md, "Inside parser"), read from
 * the sources: every reference to another package of {@code dev.arenals.parser} (imports, static
 * imports, qualified names) must be an allowed edge, so a cycle such as lexer → diag → lexer
 * cannot come back unnoticed.
 */
class ArchitectureTest {
    private static final String ROOT = "(root)";

    /** Package → the packages it may use. Lower layers first; the table is a DAG (checked below). */
    private static final Map<String, Set<String>> ALLOWED = new TreeMap<>(Map.of(
            "diag", Set.of(),
            "tree", Set.of("diag"),
            "lexer", Set.of("diag", "tree"),
            "heap", Set.of("diag", "tree"),
            "grammar", Set.of("diag", "tree", "lexer"),
            "scope", Set.of("diag", "tree", "lexer", "grammar"),
            ROOT, Set.of("diag", "tree", "lexer", "heap", "grammar", "scope"),
            "cli", Set.of("diag", "tree", "lexer", "heap", "grammar", "scope", ROOT)));

    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.arenals\\.parser\\.(?:([a-z][a-z0-9_]*)\\.)?[A-Z*]");

    @Test
    void parserPackagesUseOnlyTheAllowedLowerLayers() throws IOException {
        Path base = Paths.get("src/main/java/dev/arenals/parser");
        List<String> violations = new ArrayList<>();
        Map<String, Set<String>> seen = new TreeMap<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(base)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
                files++;
                String from = packageOf(base.relativize(f.getParent()).toString());
                String source = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                violations.addAll(check(from, base.relativize(f).toString(), source, seen));
            }
        }
        assertTrue(files > 40, "the parser's sources were found: " + files + " files under " + base.toAbsolutePath());
        // The scan sees the edges that are known to exist, so an empty result means a clean layering, not a broken scan.
        assertTrue(seen.getOrDefault("lexer", Set.of()).contains("tree"), "lexer → tree seen: " + seen);
        assertTrue(seen.getOrDefault(ROOT, Set.of()).contains("lexer"), "root → lexer seen: " + seen);
        assertEquals(List.of(), violations, "edges outside the layering in docs/architecture.md; seen: " + seen);
    }

    @Test
    void aReferenceBackDownTheLayersIsReported() {
        Map<String, Set<String>> seen = new TreeMap<>();
        List<String> v = check("diag", "diag/Diag.java",
                "package dev.arenals.parser.diag;\n\nimport dev.arenals.parser.lexer.Token;\n", seen);
        assertEquals(List.of("diag/Diag.java: diag → lexer"), v);
        v = check("tree", "tree/Node.java", "package dev.arenals.parser.tree;\nclass Node { double v() { return dev.arenals.parser.lexer.Literals.numberValue(null, 0, 0); } }", seen);
        assertEquals(List.of("tree/Node.java: tree → lexer"), v, "a qualified name counts as an import");
        v = check("lexer", "lexer/Lexer.java", "package dev.arenals.parser.lexer;\nimport dev.arenals.parser.JsParser;\n", seen);
        assertEquals(List.of("lexer/Lexer.java: lexer → (root)"), v);
        v = check("tree", "tree/X.java", "package dev.arenals.parser.tree;\nimport static dev.arenals.parser.tree.NodeKind.*;\nimport dev.arenals.parser.diag.Diag;\n", seen);
        assertEquals(List.of(), v, "own package and an allowed edge are fine");
        v = check("syntaxnew", "syntaxnew/X.java", "package dev.arenals.parser.syntaxnew;\n", seen);
        assertEquals(1, v.size(), "a package missing from the table is reported: " + v);
    }

    @Test
    void theAllowedTableIsACycleFreeLayering() {
        Set<String> done = new TreeSet<>();
        while (done.size() < ALLOWED.size()) {
            String next = null;
            for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
                if (!done.contains(e.getKey()) && done.containsAll(e.getValue())) { next = e.getKey(); break; }
            }
            assertTrue(next != null, "a cycle among " + ALLOWED.keySet() + " minus " + done);
            done.add(next);
        }
    }

    private static String packageOf(String relativeDir) {
        return relativeDir.isEmpty() ? ROOT : relativeDir.replace(java.io.File.separatorChar, '.');
    }

    private static List<String> check(String from, String file, String source, Map<String, Set<String>> seen) {
        List<String> out = new ArrayList<>();
        Set<String> allowed = ALLOWED.get(from);
        if (allowed == null) {
            out.add(file + ": package " + from + " is not in the layering (add it to ALLOWED and docs/architecture.md)");
            return out;
        }
        Set<String> reported = new TreeSet<>();
        for (String line : source.split("\n")) {
            if (line.startsWith("package ")) continue;
            Matcher m = REFERENCE.matcher(line);
            while (m.find()) {
                String to = m.group(1) == null ? ROOT : m.group(1);
                if (to.equals(from)) continue;
                seen.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                if (!allowed.contains(to) && reported.add(to)) out.add(file + ": " + from + " → " + to);
            }
        }
        return out;
    }
}
