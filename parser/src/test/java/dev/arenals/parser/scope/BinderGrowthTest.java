package dev.arenals.parser.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.DiagnosticMessages;
import dev.arenals.parser.tree.Arena;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scope table's columns start at 64 scopes and 256 symbols, entries and references and
 * double: every program here crosses each capacity from 64 to 4,096 by one, in each column, in
 * every goal, and must bind without an exception and without a false diagnostic (issue 15, bug
 * 1: {@code '{'×257 + 'var x' + '}'×257} threw ArrayIndexOutOfBoundsException in Binder.declare).
 */
class BinderGrowthTest {
    private static final String[] FILES = {"a.js", "a.mjs", "a.ts", "a.tsx", "a.d.ts"};
    private static final int[] CAPACITIES = {64, 128, 256, 512, 1024, 2048, 4096};

    private final JsParser parser = new JsParser();
    private final Arena arena = new Arena();
    private final Binder binder = new Binder();

    private List<String> bind(String file, String source) {
        // a fresh table each time (a grown one would never grow again), first bound to an empty
        // program: a new table's first bind reserves rows for its tree (ScopeTable.reserveRows), so
        // only a table sized for another tree grows across the capacities
        ScopeTable table = new ScopeTable();
        parser.parse(arena, "", ParseOptions.forFileName(file));
        binder.bind(arena, table);
        parser.parse(arena, source, ParseOptions.forFileName(file));
        binder.bind(arena, table);
        List<String> out = new ArrayList<>();
        // the parser's and the binder's: blocks in a .d.ts are TypeScript grammar errors (GrammarChecksTest), not this test's
        for (int i = 0; i < binder.grammarDiagnosticsFrom(); i++) {
            out.add(arena.log().diagnosticStart(i) + ": " + DiagnosticMessages.message(arena.log(), i, arena.names()));
        }
        return out;
    }

    @Test
    void theReproducersOfBugOneBind() {
        for (String file : FILES) {
            String declare = file.endsWith(".d.ts") ? "declare " : "";
            assertEquals(List.of(), bind(file, "{".repeat(257) + "var x" + "}".repeat(257)), file);
            StringBuilder lets = new StringBuilder();
            for (int i = 0; i < 256; i++) lets.append(declare).append("let a").append(i).append(": number;\n".substring(file.contains(".ts") ? 0 : 8));
            lets.append("{ ").append(declare).append("var x; }");
            assertEquals(List.of(), bind(file, lets.toString()), file);
        }
    }

    @Test
    void everyColumnGrowsAcrossEveryCapacity() {
        for (int capacity : CAPACITIES) {
            for (int n = capacity - 1; n <= capacity + 1; n++) {
                for (String file : FILES) {
                    String declare = file.endsWith(".d.ts") ? "declare " : "";
                    if (file.endsWith(".d.ts")) {
                        // ambient files have no blocks or statements: declarations and their entries only
                        assertEquals(List.of(), bind(file, sequence(n, i -> declare + "let v" + i + ": number;\n")), file + " " + n);
                        assertEquals(List.of(), bind(file, sequence(n, i -> "declare function f" + i + "(p" + i + ": number): void;\n")), file + " " + n);
                        continue;
                    }
                    // scopes: nested blocks, with a var hoisted through all of them (entries in each)
                    if (n < 400) assertEquals(List.of(), bind(file, "{".repeat(n) + "var x;" + "}".repeat(n) + " x;"), file + " " + n);
                    // scopes side by side, each with a var that passes through to the top
                    assertEquals(List.of(), bind(file, sequence(n, i -> "{ var w" + i + "; }\n")), file + " " + n);
                    // symbols and entries
                    assertEquals(List.of(), bind(file, sequence(n, i -> "let v" + i + " = " + i + ";\n") + "{ var x; }"), file + " " + n);
                    // references
                    assertEquals(List.of(), bind(file, "let r = 0;\n" + sequence(n, i -> "r++;\n")), file + " " + n);
                    // functions: a scope, a symbol and a parameter entry each
                    assertEquals(List.of(), bind(file, sequence(n, i -> "function f" + i + "(p) { var q = p; return q; }\n")), file + " " + n);
                }
            }
        }
    }

    @Test
    void aNewTablesFirstBindReservesItsRowsFromTheTreeInsteadOfDoubling() {
        String program = sequence(3000, i -> "function f" + i + "(p, q) { { let b = p; } return q + f" + i + "(p, q); }\n")
                + "class C { m() { return (x) => function named() { return x; }; } }\n";
        for (String file : FILES) {
            if (file.endsWith(".d.ts")) continue;
            parser.parse(arena, program, ParseOptions.forFileName(file));
            ScopeTable table = new ScopeTable();
            binder.bind(arena, table);
            // no more than an eighth over what the bind filled (doubling from 64 or 256 rows would leave up to twice)
            assertReserved("scopes", table.scopeCount, table.scopeKind.length, file);
            assertReserved("symbols", table.symCount, table.symName.length, file);
            assertReserved("entries", table.entryCount, table.entryScope.length, file);
            assertReserved("references", table.refCount, table.refNode.length, file);
        }
    }

    private static void assertReserved(String column, int rows, int capacity, String file) {
        assertTrue(capacity >= rows && capacity <= rows + (rows >>> 3) + 16,
                file + ": " + column + " " + rows + " rows in a capacity of " + capacity);
    }

    private interface Line { String at(int i); }

    private static String sequence(int n, Line line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) out.append(line.at(i));
        return out.toString();
    }
}
