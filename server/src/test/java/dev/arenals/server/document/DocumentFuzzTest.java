package dev.arenals.server.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.TreeDump;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

/**
 * The incremental-reparse fuzzer through the server's own {@link Document}: random {@code didChange}
 * batches (ranged changes in UTF-16 or UTF-8 positions, several per batch, and whole-text changes),
 * {@link Document#ensureParsed} after each, and the document compared with a fresh {@code Document}
 * opened on the same text: the exact tree, goal, parser and binder diagnostics and comments
 * ({@link TreeDump#exact} after binding), the goal chosen, and whether the binder failed. Diagnostics
 * must not depend on a document's history. Sources: the repository's fixture sources, generated
 * modules and a few dense snippets, under .js, .mjs, .cjs, .jsx, .ts, .tsx and .d.ts names.
 *
 * <p>A failure is minimised (text before the batch and the batch as one replacement, by ddmin over
 * the prefix, the suffix and the two sides of the edit) and printed; the test then fails. Fixed seed,
 * bounded (about 30 s); {@code -Dfuzz.minutes=N} and {@code -Dfuzz.seed=S} run it longer.
 */
class DocumentFuzzTest {
    static final long CI_SEED = 20261127L;
    static final int CI_BATCHES = 40_000;
    static final int BATCH_FLOOR = 10_000;
    static final int EDITS_PER_DOC = 60;

    static final String[] SNIPPETS = {
        " ", "\n", "x", "y1", "(", ")", "{", "}", "[", "]", ";", ",", "=", "=>", ".", "/", "*", "//", "/*", "*/", "`", "${",
        "'", "\"", "<", ">", "</", "/>", "</div>", "<a>", "?", ":", "let ", "const ", "function f() {}", "class C {}",
        "export ", "import ", "import x from 'y';\n", "export {};\n", "await ", "yield ", "return ", "if (a) ", "else ",
        "\"use strict\";", "'use strict'", "with (a) {}", "function f(){}", "type T = ", "interface I { a: string }",
        "enum E { A }", "@dec ", "#priv", "\\", "/x/g", "as ", "\r\n", "\u2028", "\uFEFF", "\uD83D\uDE00", "é", "\t", "var x;",
    };

    static final String[] SNIPPET_SOURCES = {
        "import React from 'react';\nexport const App = ({ n }) => <div className=\"a\">{n > 1 ? <b>{n}</b> : 'none'}</div>;\n",
        "function f(){} function f(){}\nvar a = 1; let b = 2;\n{ let b = 3; }\nclass C { #x = 1; m() { return this.#x; } }\n",
        "'use strict';\nx = 1;\n\"use client\";\nconst t = `a${b}c`; const r = /a(?<n>b)/u;\n",
        "export type T<K> = { [P in keyof K]?: K[P] };\ninterface I extends J { m<T>(x: T): void }\nnamespace N { export let v: number; }\n"
            + "enum E { A, B = A + 1 }\ndeclare module 'm' { export function g(): void; }\nlet z = <T,>(x: T) => x satisfies T as T;\n",
    };

    private static final String[] NAMES = {"a.js", "b.mjs", "c.cjs", "d.jsx", "e.ts", "f.tsx", "g.d.ts", "h.mts"};

    private static Document open(String uri, String text, PositionEncoding enc) {
        return new Document(uri, null, 1, text, enc, new SerialQueue(Runnable::run, null, t -> { throw new AssertionError(t); }));
    }

    private static List<String> sources() throws IOException {
        List<String> out = new ArrayList<>(List.of(SNIPPET_SOURCES));
        Path root = Path.of("..", "test-fixtures", "sources");
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> p.toString().matches(".*\\.(js|jsx|mjs|ts|tsx)$")).sorted().collect(Collectors.toList())) {
                String t = Files.readString(p);
                if (t.length() < 40_000) out.add(t);
            }
        }
        StringBuilder gen = new StringBuilder("import { Base } from './base.js';\n");
        for (int i = 0; i < 30; i++) {
            gen.append("export function f").append(i).append("(a, b = ").append(i).append(") {\n  const v = [a, b];\n")
               .append("  for (const x of v) { if (x) { a += x; } else { b -= x; } }\n  return `${a}:${b}`;\n}\n")
               .append("class W").append(i).append(" extends Base { #s = ").append(i).append("; get s() { return this.#s; } }\n");
        }
        out.add(gen.toString());
        out.add(gen.toString().replace("export ", "").replace("import { Base } from './base.js';", "var Base = Object;"));
        return out;
    }

    /** Result of a document: exact tree and diagnostics after binding, goal, binder failure. */
    private static String state(Document d) {
        if (d.arena() == null) return "no arena";
        return TreeDump.exact(d.arena()) + "\nmoduleGoal=" + d.isModuleGoal()
                + "\nbindFailure=" + (d.bindFailure() == null ? "none" : d.bindFailure().getClass().getSimpleName());
    }

    private static String fresh(String uri, String text, PositionEncoding enc) {
        Document d = open(uri, text, enc);
        d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
        return state(d);
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1), a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String x = i < e.length ? e[i] : "<none>", y = i < a.length ? a[i] : "<none>";
            if (!x.equals(y)) {
                if (x.length() > 300 || y.length() > 300) {
                    int k = 0;
                    while (k < Math.min(x.length(), y.length()) && x.charAt(k) == y.charAt(k)) k++;
                    x = "…" + x.substring(Math.max(0, k - 80), Math.min(x.length(), k + 80)) + "…";
                    y = "…" + y.substring(Math.max(0, k - 80), Math.min(y.length(), k + 80)) + "…";
                }
                return "fresh document: " + x + "\n      edited document: " + y;
            }
        }
        return "no line differs";
    }

    @Test
    void editedDocumentsEqualFreshDocumentsOfTheSameText() throws IOException {
        String minutes = System.getProperty("fuzz.minutes");
        boolean longMode = minutes != null && !minutes.isBlank();
        long seed = Long.getLong("fuzz.seed", longMode ? System.currentTimeMillis() : CI_SEED);
        long maxBatches = longMode ? Long.MAX_VALUE : CI_BATCHES;
        long deadline = System.nanoTime() + (longMode ? (long) (Double.parseDouble(minutes) * 60e9) : 100_000_000_000L);
        List<String> sources = sources();
        Random r = new Random(seed);
        long batches = 0, edits = 0, incremental = 0, docs = 0;
        Map<String, String> failures = new LinkedHashMap<>();
        int failureCount = 0;
        long t0 = System.nanoTime();
        while (batches < maxBatches && System.nanoTime() < deadline) {
            String original = sources.get(r.nextInt(sources.size()));
            String uri = "file:///fuzz/" + NAMES[r.nextInt(NAMES.length)];
            PositionEncoding enc = r.nextInt(4) == 0 ? PositionEncoding.UTF8 : PositionEncoding.UTF16;
            Document d = open(uri, original, enc);
            d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
            docs++;
            for (int b = 0; b < EDITS_PER_DOC && batches < maxBatches; b++) {
                if (b % 20 == 19) d.setText(original, d.version() + 1);
                String before = d.text();
                List<TextDocumentContentChangeEvent> changes = new ArrayList<>();
                String shadow = before;
                int n = r.nextInt(4) == 0 ? 2 + r.nextInt(3) : 1;
                for (int c = 0; c < n; c++) {
                    int at = addressable(shadow, r.nextInt(shadow.length() + 1), -1);
                    int end = r.nextInt(3) == 0 ? addressable(shadow, Math.min(shadow.length(), at + 1 + r.nextInt(4)), 1) : at;
                    String ins = r.nextInt(5) == 0 ? "" : SNIPPETS[r.nextInt(SNIPPETS.length)];
                    Document probe = open(uri, shadow, enc); // positions of the text the change applies to
                    changes.add(new TextDocumentContentChangeEvent(new Range(probe.positionAt(at), probe.positionAt(end)), ins));
                    shadow = shadow.substring(0, at) + ins + shadow.substring(end);
                }
                if (r.nextInt(10) == 0) changes = List.of(new TextDocumentContentChangeEvent(shadow)); // a whole-text client
                d.applyChanges(changes, d.version() + 1);
                assertEquals(shadow, d.text(), "the document applies the changes in order");
                d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
                batches++;
                edits += changes.size();
                if (d.lastParseWasIncremental()) incremental++;
                String expected = fresh(uri, shadow, enc), actual = state(d);
                if (!expected.equals(actual)) {
                    failureCount++;
                    String diff = firstDifference(expected, actual);
                    String key = diff.replaceAll("\\d+", "N");
                    if (!failures.containsKey(key)) {
                        String repro = minimise(uri, enc, before, shadow);
                        String report = uri + " " + enc + ": " + diff + "\n      minimised: " + repro;
                        failures.put(key, report);
                        System.out.println("[document fuzz] FAILURE " + report);
                    }
                    d = open(uri, shadow, enc); // resynchronise
                    d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
                }
            }
        }
        System.out.printf("document fuzz (seed %d): %,d documents, %,d didChange batches of %,d changes, %,d (%d%%) reparsed incrementally, "
                + "%.1f s; failures: %d (%d distinct)%n", seed, docs, batches, edits, incremental, 100 * incremental / Math.max(1, batches),
                (System.nanoTime() - t0) / 1e9, failureCount, failures.size());
        assertTrue(batches >= BATCH_FLOOR, "only " + batches + " batches ran, floor " + BATCH_FLOOR);
        // the goal retries of .js/.jsx documents parse in full, so the share is lower than the parser fuzzer's
        assertTrue(incremental * 7 >= batches, "only " + incremental + " of " + batches + " parses were incremental");
        assertEquals(0, failureCount, () -> String.join("\n", failures.values()));
    }

    /**
     * The {@code [document ID]} blocks of {@code test-fixtures/src/test/resources/fuzz-findings.txt}
     * (format described there): each is replayed as a document (opened on its {@code history} text
     * first, when it has one) changed once, which must then equal a fresh document of the new text.
     */
    @Test
    void everyDocumentFuzzFindingIsFixed() throws IOException {
        Path file = Path.of("..", "test-fixtures", "src", "test", "resources", "fuzz-findings.txt");
        List<String> failing = new ArrayList<>();
        int replayed = 0;
        Map<String, String> block = null;
        List<Map<String, String>> blocks = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (line.startsWith("[")) {
                block = new LinkedHashMap<>();
                block.put("header", line);
                blocks.add(block);
            } else if (block != null && line.indexOf(':') > 0) {
                block.put(line.substring(0, line.indexOf(':')).trim(), line.substring(line.indexOf(':') + 1).trim());
            }
        }
        for (Map<String, String> b : blocks) {
            if (!b.get("header").startsWith("[document ")) continue;
            replayed++;
            String before = unquote(b.get("before"));
            String[] edit = b.get("edit").split("\\s+", 3);
            int start = Integer.parseInt(edit[0]), oldEnd = Integer.parseInt(edit[1]);
            String history = b.containsKey("history") ? unquote(b.get("history")) : null;
            PositionEncoding enc = "utf-8".equals(b.get("encoding")) ? PositionEncoding.UTF8 : PositionEncoding.UTF16;
            if (fails(b.get("uri"), enc, history, before.substring(0, start), before.substring(start, oldEnd), unquote(edit[2]), before.substring(oldEnd))) {
                failing.add(b.get("header") + " " + b.get("status") + ": an edited document differs from a fresh one");
            }
        }
        System.out.printf("document fuzz findings: %d replayed, %d failing%n", replayed, failing.size());
        assertTrue(replayed >= 1, "no [document ...] finding in " + file);
        assertTrue(failing.isEmpty(), String.join("\n", failing));
    }

    /** The inverse of {@link #quote}. */
    private static String unquote(String q) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < q.length() - 1; i++) {
            char c = q.charAt(i);
            if (c != '\\') { b.append(c); continue; }
            char e = q.charAt(++i);
            if (e == 'n') b.append('\n');
            else if (e == 'r') b.append('\r');
            else if (e == 't') b.append('\t');
            else if (e == 'u') { b.append((char) Integer.parseInt(q.substring(i + 1, i + 5), 16)); i += 4; }
            else b.append(e);
        }
        return b.toString();
    }

    /**
     * The offset moved by {@code dir} off the places no position can name: between the two chars of
     * a surrogate pair (UTF-8 columns count code points) or of a CRLF (a column past a line's content
     * clamps to its end).
     */
    private static int addressable(String s, int at, int dir) {
        while (at > 0 && at < s.length() && ((Character.isLowSurrogate(s.charAt(at)) && Character.isHighSurrogate(s.charAt(at - 1)))
                || (s.charAt(at) == '\n' && s.charAt(at - 1) == '\r'))) {
            at += dir;
        }
        return at;
    }

    /**
     * Does a document opened on {@code p + o + s} (or opened on {@code history}, parsed, then set to
     * {@code p + o + s}), parsed, then changed to {@code p + i + s} with one ranged change, differ from
     * a fresh document of the new text?
     */
    private static boolean fails(String uri, PositionEncoding enc, String history, String p, String o, String i, String s) {
        try {
            Document d = open(uri, history == null ? p + o + s : history, enc);
            d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
            if (history != null) {
                d.setText(p + o + s, 2);
                d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
            }
            Range range = new Range(d.positionAt(p.length()), d.positionAt(p.length() + o.length()));
            d.applyChanges(List.of(new TextDocumentContentChangeEvent(range, i)), 2);
            if (!d.text().equals(p + i + s)) return false;
            d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
            return !state(d).equals(fresh(uri, p + i + s, enc));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The batch as one replacement (common prefix and suffix), then ddmin on each of its four parts. */
    private static String minimise(String uri, PositionEncoding enc, String before, String after) {
        int pre = 0, max = Math.min(before.length(), after.length());
        while (pre < max && before.charAt(pre) == after.charAt(pre)) pre++;
        int suf = 0;
        while (suf < max - pre && before.charAt(before.length() - 1 - suf) == after.charAt(after.length() - 1 - suf)) suf++;
        String[] parts = {before.substring(0, pre), before.substring(pre, before.length() - suf), after.substring(pre, after.length() - suf),
            before.substring(before.length() - suf)};
        // the document's history may matter (the goal that fit last time is tried first): without one,
        // then after a text that only parses as a script, then after one that is a module
        String history = null;
        boolean reproduced = false;
        for (String h : new String[] {null, "with (a) {}", "export {};"}) {
            if (fails(uri, enc, h, parts[0], parts[1], parts[2], parts[3])) {
                history = h;
                reproduced = true;
                break;
            }
        }
        if (!reproduced) {
            return "(history-dependent: not reproduced by one change from a fresh document) before " + quote(before) + " after " + quote(after);
        }
        final String hist = history;
        long deadline = System.nanoTime() + 20_000_000_000L;
        for (int round = 0; round < 2; round++) {
            for (int k : new int[] {3, 0, 1, 2}) {
                final int part = k;
                parts[k] = ddmin(parts[k], c -> {
                    String[] q = parts.clone();
                    q[part] = c;
                    return fails(uri, enc, hist, q[0], q[1], q[2], q[3]);
                }, deadline);
            }
        }
        return (hist == null ? "" : "(a document opened on " + quote(hist) + ", then set to the text) ") + quote(parts[0] + parts[1] + parts[3]) + " => " + quote(parts[0] + parts[2] + parts[3]) + " (replace " + quote(parts[1])
                + " at " + parts[0].length() + " by " + quote(parts[2]) + ")";
    }

    /** ddmin over characters, complement removal. */
    private static String ddmin(String s, Predicate<String> fails, long deadline) {
        List<Character> units = s.chars().mapToObj(c -> (char) c).collect(Collectors.toList());
        int n = 2;
        while (units.size() >= 2 && System.nanoTime() < deadline) {
            int chunk = (units.size() + n - 1) / n;
            boolean removed = false;
            for (int from = 0; from < units.size(); from += chunk) {
                List<Character> rest = new ArrayList<>(units.subList(0, from));
                rest.addAll(units.subList(Math.min(units.size(), from + chunk), units.size()));
                if (fails.test(join(rest))) {
                    units = rest;
                    n = Math.max(n - 1, 2);
                    removed = true;
                    break;
                }
            }
            if (!removed) {
                if (n >= units.size()) break;
                n = Math.min(units.size(), n * 2);
            }
        }
        String out = join(units);
        return out.length() == 1 && fails.test("") ? "" : out;
    }

    private static String join(List<Character> cs) {
        StringBuilder b = new StringBuilder(cs.size());
        for (char c : cs) b.append(c);
        return b.toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c == '\n') b.append("\\n");
            else if (c == '\r') b.append("\\r");
            else if (c == '\t') b.append("\\t");
            else if (c >= 0x20 && c < 0x7F) b.append(c);
            else b.append(String.format("\\u%04X", (int) c));
        }
        return b.append('"').toString();
    }
}
