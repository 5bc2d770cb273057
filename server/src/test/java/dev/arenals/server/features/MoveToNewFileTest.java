package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import dev.arenals.server.testing.Marked;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/** "Move to a new file" on a cursor or selection ({@code |}): the new file's name and text and the old file after the edit. */
class MoveToNewFileTest {
    private static final String DIR = "file:///project/src/";

    /** {new file name, its text, the old file's text after the edit}, or null when not offered. */
    static String[] move(String file, String marked, Set<String> taken) {
        Marked m = Marked.parse(marked);
        Document doc = Docs.parsed(DIR + file, m.text);
        int from = m.cursors.get(0), to = m.cursors.size() > 1 ? m.cursors.get(1) : from;
        Range r = new Range(doc.positionAt(from), doc.positionAt(to));
        CodeAction found = null;
        for (Either<org.eclipse.lsp4j.Command, CodeAction> e : new CodeActionHandler().codeActions(doc, r, List.of(Refactors.MOVE_TO_NEW_FILE), null, null,
                uri -> taken.contains(uri.substring(DIR.length())))) {
            if (e.getRight().getTitle().equals("Move to a new file")) found = e.getRight();
        }
        if (found == null) return null;
        assertEquals(Refactors.MOVE_TO_NEW_FILE, found.getKind());
        List<Either<TextDocumentEdit, ResourceOperation>> changes = found.getEdit().getDocumentChanges();
        assertEquals(3, changes.size());
        String created = ((CreateFile) changes.get(0).getRight()).getUri();
        TextDocumentEdit newFile = changes.get(1).getLeft(), oldFile = changes.get(2).getLeft();
        assertEquals(created, newFile.getTextDocument().getUri());
        assertEquals(doc.uri(), oldFile.getTextDocument().getUri());
        List<TextEdit> oldEdits = new ArrayList<>();
        for (Either<TextEdit, ?> e : oldFile.getEdits()) oldEdits.add(e.getLeft());
        String newText = newFile.getEdits().get(0).getLeft().getNewText();
        String after = CodeActionHandlerTest.apply(doc, oldEdits);
        String newName = created.substring(DIR.length());
        // both files parse without an error
        assertEquals(0, Docs.parsed(created, newText).arena().parserDiagnosticCount(), newText);
        assertEquals(0, Docs.parsed(doc.uri(), after).arena().parserDiagnosticCount(), after);
        return new String[] {newName, newText, after};
    }

    private static void assertMove(String file, String marked, String newName, String newText, String oldText) {
        String[] result = move(file, marked, Set.of());
        assertTrue(result != null, "not offered");
        assertEquals(newName, result[0]);
        assertEquals(newText, result[1]);
        assertEquals(oldText, result[2]);
    }

    @Test
    void aDeclarationMovesWithTheImportsItReadsAndTheOldFileReExportsIt() {
        assertMove("a.ts", """
                import { readFile } from "fs";
                import { join } from "path";

                export function lo|ad(p: string) { return readFile(join(base, p)); }
                const base = "/srv";
                export function other() { return join(base, "x"); }
                """,
                "load.ts", """
                import { readFile } from "fs";
                import { join } from "path";
                import { base } from "./a";

                export function load(p: string) { return readFile(join(base, p)); }
                """, """
                import { join } from "path";
                export { load } from "./load";

                export const base = "/srv";
                export function other() { return join(base, "x"); }
                """);
    }

    @Test
    void whatTheOldFileStillReadsIsExportedAndImported() {
        assertMove("util.ts", """
                export const answer = 42;

                |function double(n: number) {
                    return n * 2;
                }

                interface Shape { size: number }|

                export function area(s: Shape) { return double(s.size); }
                """,
                "double.ts", """
                export function double(n: number) {
                    return n * 2;
                }

                export interface Shape { size: number }
                """, """
                import { double } from "./double";
                import type { Shape } from "./double";

                export const answer = 42;

                export function area(s: Shape) { return double(s.size); }
                """);
    }

    @Test
    void theNewFileTakesTheFirstFreeNameAndTheFilesSpecifierStyle() {
        String[] result = move("b.ts", "import { x } from './x.js';\nexport function f|n() { return x; }\n", Set.of("fn.ts", "fn.1.ts"));
        assertEquals("fn.2.ts", result[0]);
        assertEquals("import { x } from './x.js';\n\nexport function fn() { return x; }\n", result[1]);
        assertEquals("export { fn } from './fn.2.js';\n", result[2]);
    }

    @Test
    void functionsMayCallEachOtherAcrossTheTwoFiles() {
        String[] result = move("c.ts", "export function ping(n: number): number { return n && pong(n - 1); }\n|export function pong(n: number): number { return n && ping(n - 1); }\n",
                Set.of());
        assertEquals("import { ping } from \"./c\";\n\nexport function pong(n: number): number { return n && ping(n - 1); }\n", result[1]);
    }

    @Test
    void notOfferedWhereTheMoveWouldChangeWhatRuns() {
        // a cycle in which a module reads the other's constant while it loads
        assertNull(move("d.ts", "export const base = 1;\n|export const next = base + 1;\n|export const twice = next * 2;\n", Set.of()));
        assertNull(move("d.ts", "import 'x';\n|run();\n", Set.of())); // a statement that runs
        assertNull(move("d.ts", "|import { a } from 'a';\nexport const b = a;\n", Set.of()));
        assertNull(move("d.ts", "export default function |f() {}\n", Set.of()));
        assertNull(move("d.ts", "function |f() {}\nf();\n", Set.of())); // a script: its names are globals
        assertNull(move("d.ts", "export function |f(a: string): void;\nexport function f(a: any) {}\n", Set.of())); // an overload left behind
        assertNull(move("d.d.ts", "export declare function |f(): void;\n", Set.of()));
    }
}
