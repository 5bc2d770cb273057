package dev.arenals.benchmarks;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.scope.Binder;
import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.UnusedDeclarations;
import dev.arenals.parser.tree.Arena;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Times one edit's reparse and its rebind apart, in process, on a file that is one statement
 * (typescript.js by default): what the nested incremental reparse saves and what is left. Each
 * edit inserts a space at the start of a random line, the next deletes it (as LatencyHarness and
 * editor-latency.mjs edit); warm-up edits first, then the measured ones, median and p95 of each.
 *
 * <pre>
 * java -XX:+UseSerialGC -Xmx2g [-Darenals.reparse=top] [-XX:TieredStopAtLevel=1] \
 *     -cp benchmarks/target/benchmarks.jar dev.arenals.benchmarks.EditReparseHarness [FILE] [EDITS]
 * </pre>
 * {@code -Darenals.reparse=top} turns the nested reparse off (top-level statements only);
 * {@code -Darenals.rebind=full} the incremental rebind (the file is then rebound in full after
 * every edit). The unused-declarations pass is timed after the rebind of the second edit of each
 * pair, as the server runs it before publishing hints.
 */
public final class EditReparseHarness {
    private EditReparseHarness() {}

    public static void main(String[] args) {
        String file = args.length > 0 ? args[0] : "typescript.js";
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmup = Math.max(20, measured / 2);
        String original = Corpus.read(file);
        ParseOptions options = ParseOptions.forFileName(file);
        int[] lineStarts = lineStarts(original);
        char[] buf = original.toCharArray();
        char[] edited = new char[buf.length + 1];
        JsParser parser = new JsParser();
        Binder binder = new Binder();
        Arena arena = new Arena();
        ScopeTable scopes = new ScopeTable();
        parser.parseInPlace(arena, buf, buf.length, options);
        binder.bind(arena, scopes);
        Random random = new Random(42);
        long[] reparse = new long[measured], bind = new long[measured], unused = new long[measured];
        // thread CPU time beside wall time: on a shared machine the CPU figures move far less
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] reparseCpu = new long[measured], bindCpu = new long[measured], unusedCpu = new long[measured];
        long unusedFound = 0;
        int nested = 0, incremental = 0, rebound = 0;
        for (int i = 0; i < warmup + measured; i++) {
            // pairs: insert a space at a line start, then delete it (the text returns to the original)
            int at = lineStarts[random.nextInt(lineStarts.length)];
            System.arraycopy(buf, 0, edited, 0, at);
            edited[at] = ' ';
            System.arraycopy(buf, at, edited, at + 1, buf.length - at);
            long t0 = System.nanoTime(), c0 = cpu.getCurrentThreadCpuTime();
            boolean cheap = parser.reparseInPlace(arena, edited, edited.length, options, at, at, at + 1);
            long t1 = System.nanoTime(), c1 = cpu.getCurrentThreadCpuTime();
            binder.bind(arena, scopes);
            long t2 = System.nanoTime(), c2 = cpu.getCurrentThreadCpuTime();
            boolean wasNested = arena.splicedNested();
            boolean reboundOne = binder.lastBindWasIncremental();
            long t3 = System.nanoTime(), c3 = cpu.getCurrentThreadCpuTime();
            boolean cheapBack = parser.reparseInPlace(arena, buf, buf.length, options, at, at + 1, at);
            long t4 = System.nanoTime(), c4 = cpu.getCurrentThreadCpuTime();
            binder.bind(arena, scopes);
            long t5 = System.nanoTime(), c5 = cpu.getCurrentThreadCpuTime();
            // what the server runs next when unused-code hints are on (the default): a whole-file pass
            unusedFound += UnusedDeclarations.find(arena, scopes, false).length;
            long t6 = System.nanoTime(), c6 = cpu.getCurrentThreadCpuTime();
            if (i >= warmup) {
                int k = i - warmup;
                // the insertion and the deletion alternate, as the other harnesses' edits do: both count, half each
                reparse[k] = ((t1 - t0) + (t4 - t3)) / 2;
                bind[k] = ((t2 - t1) + (t5 - t4)) / 2;
                unused[k] = t6 - t5;
                reparseCpu[k] = ((c1 - c0) + (c4 - c3)) / 2;
                bindCpu[k] = ((c2 - c1) + (c5 - c4)) / 2;
                unusedCpu[k] = c6 - c5;
                if (cheap && cheapBack) incremental++;
                if (wasNested && arena.splicedNested()) nested++;
                if (reboundOne && binder.lastBindWasIncremental()) rebound++;
            }
        }
        Arrays.sort(reparse);
        Arrays.sort(bind);
        Arrays.sort(unused);
        Arrays.sort(reparseCpu);
        Arrays.sort(bindCpu);
        Arrays.sort(unusedCpu);
        System.out.printf(Locale.ROOT, "%s (%,d chars), %d edits after %d warm-up, %d reparsed incrementally, %d of them one function body alone%n",
                file, original.length(), measured, warmup, incremental, nested);
        System.out.printf(Locale.ROOT, "  reparse  p50 %8.2f ms  p95 %8.2f ms   CPU p50 %8.2f ms  p95 %8.2f ms%n", ms(reparse, 50), ms(reparse, 95),
                ms(reparseCpu, 50), ms(reparseCpu, 95));
        System.out.printf(Locale.ROOT, "  rebind   p50 %8.2f ms  p95 %8.2f ms   CPU p50 %8.2f ms  p95 %8.2f ms  (%d of %d edits rebound incrementally: "
                + "the edited function alone after a nested reparse; the grammar checks included)%n", ms(bind, 50), ms(bind, 95),
                ms(bindCpu, 50), ms(bindCpu, 95), rebound, measured);
        System.out.printf(Locale.ROOT, "  unused   p50 %8.2f ms  p95 %8.2f ms   CPU p50 %8.2f ms  p95 %8.2f ms  (the unused-declarations pass over "
                + "the whole file, %d found)%n", ms(unused, 50), ms(unused, 95), ms(unusedCpu, 50), ms(unusedCpu, 95),
                unusedFound / Math.max(1, warmup + measured));
    }

    private static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }

    private static int[] lineStarts(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
        int[] starts = new int[n];
        int k = 0;
        starts[k++] = 0;
        for (int i = 0; i < text.length() && k < n; i++) if (text.charAt(i) == '\n') starts[k++] = i + 1;
        return starts;
    }
}
