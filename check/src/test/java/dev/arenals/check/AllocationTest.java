package dev.arenals.check;

import static dev.arenals.check.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Almost no garbage": once a worker's arena and buffers have their size, checking another file
 * without diagnostics allocates only the file channel and the report entry. Measured with
 * HotSpot's per-thread allocation counter.
 */
class AllocationTest {
    @TempDir Path dir;

    @Test
    void aSteadyStateCheckAllocatesUnderTwoKilobytes() throws Exception {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean, "needs HotSpot's ThreadMXBean");
        StringBuilder src = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            src.append("export function f").append(i).append("(a: number, b: string): string {\n")
                    .append("  const x = { a, b, list: [1, 2, 3].map((v) => v * a) };\n")
                    .append("  return `${b}:${x.list.join(\",\")}`;\n}\n");
        }
        write(dir, "big.ts", src.toString());
        write(dir, "small.ts", "export const answer: number = 42;\nclass K { #p = 1; get p() { return this.#p; } }\n");
        CheckOptions o = CheckOptions.parse(new String[0]);
        FileCollector c = new FileCollector(dir, o, null);
        c.collect(List.of("."));
        List<SourceFile> files = c.sortedFiles(); // big.ts, small.ts
        Worker w = new Worker(o.maxFileSize, Set.of(), false);
        for (int i = 0; i < 50; i++) for (SourceFile f : files) assertEquals(List.of(), w.check(f).problems);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int rounds = 200;
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < rounds; i++) for (SourceFile f : files) w.check(f);
        long perFile = (mx.getCurrentThreadAllocatedBytes() - before) / (2L * rounds);
        System.out.println("[allocation] steady-state check of a file without diagnostics: " + perFile + " bytes");
        assertTrue(perFile < 2048, perFile + " bytes per file");
    }
}
