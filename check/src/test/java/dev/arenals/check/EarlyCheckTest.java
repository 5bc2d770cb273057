package dev.arenals.check;

import static dev.arenals.check.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files checked during the walk get the reports the checker would have given them. */
class EarlyCheckTest {
    @TempDir Path dir;

    private static String describe(FileReport r) {
        StringBuilder sb = new StringBuilder(r.path).append(' ').append(r.kind).append(' ').append(r.checked).append(' ').append(r.bytes);
        for (Problem p : r.problems) {
            sb.append("\n  ").append(p.severity).append(' ').append(p.code).append(' ').append(p.offset).append('-').append(p.endOffset)
                    .append(' ').append(p.line).append(':').append(p.column).append(' ').append(p.message).append(' ').append(p.failure);
        }
        return sb.toString();
    }

    private List<SourceFile> files() throws Exception {
        List<SourceFile> list = new ArrayList<>();
        try (var paths = Files.list(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted()::iterator) list.add(new SourceFile(p, p.getFileName().toString(), Files.size(p)));
        }
        return list;
    }

    @Test
    void filesCheckedDuringTheWalkReportAsTheCheckerDoes() throws Exception {
        write(dir, "a.ts", "export const a: number = 1;\nlet broken = (1 + ;\n");
        write(dir, "b.tsx", "const el = <div className=\"x\">{a}</div>;\nif (x { y(); }\n");
        write(dir, "c.js", "class C { m() { return this.#p; } }\n");
        write(dir, "d.mjs", "export function f(a, a) { 'use strict'; }\n");
        write(dir, "e.js", new byte[] {1, 0, 2});
        write(dir, "f.ts", "export type T = { a: string } | null;\n");
        List<SourceFile> early = files();
        EarlyCheck check = EarlyCheck.startIfUseful(2, 10 << 20, Set.of(), false, false);
        if (check == null) return; // one core: check never starts it, nothing to test here
        // the first four as the walk would hand them over; the rest is found "after" the walk
        for (int i = 0; i < 4; i++) check.accept(early.get(i));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (check.filesChecked < 4 && System.nanoTime() < deadline) Thread.sleep(1);
        check.walkDone();
        assertEquals(4, check.filesChecked, "the early thread checked the files it was given");
        for (int i = 0; i < 4; i++) assertNotNull(early.get(i).early, early.get(i).display);
        for (int i = 4; i < early.size(); i++) assertNull(early.get(i).early, early.get(i).display);

        FileReport[] mixed = new Checker(2, 10 << 20, Set.of(), false, false).check(early);
        FileReport[] plain = new Checker(1, 10 << 20, Set.of(), false, false).check(files());
        assertEquals(plain.length, mixed.length);
        int problems = 0;
        for (int i = 0; i < plain.length; i++) {
            assertEquals(describe(plain[i]), describe(mixed[i]));
            problems += plain[i].problems.size();
        }
        assertTrue(problems >= 4, "the files have errors to compare: " + problems);
    }

    @Test
    void largeFilesAreLeftToTheChecker() throws Exception {
        write(dir, "small.ts", "export const a = 1;\n");
        write(dir, "large.ts", "export const a = 1;\n".repeat((int) (EarlyCheck.MAX_EARLY_BYTES / 20) + 1));
        List<SourceFile> list = files();
        EarlyCheck check = EarlyCheck.startIfUseful(2, 10 << 20, Set.of(), false, false);
        if (check == null) return;
        for (SourceFile f : list) check.accept(f);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (check.filesChecked < 1 && System.nanoTime() < deadline) Thread.sleep(1);
        Thread.sleep(50); // time enough to take the second file too, were it queued
        check.walkDone();
        assertEquals(1, check.filesChecked);
        for (SourceFile f : list) {
            if (f.display.equals("large.ts")) assertNull(f.early, "the large file is the checker's");
            else assertNotNull(f.early, f.display);
        }
    }

    @Test
    void noEarlyCheckWithoutASpareCheckingThread() {
        assertNull(EarlyCheck.startIfUseful(1, 10 << 20, Set.of(), false, false));
    }
}
