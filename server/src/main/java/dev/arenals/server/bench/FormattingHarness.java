package dev.arenals.server.bench;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.tree.Arena;
import dev.arenals.server.format.Edits;
import dev.arenals.server.format.Formatter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Time to format a whole file (what {@code textDocument/formatting} does on the document's queue,
 * the tree already parsed; JSON and the edits' LSP positions excluded):
 *
 * <pre>
 * java -cp server/target/arena-ls.jar dev.arenals.server.bench.FormattingHarness FILE… [--runs N]
 * </pre>
 *
 * Per file: the parse once, then N formats of the parsed arena (after 5 warm-up runs); prints the
 * median, p95 and max of wall and thread-CPU time, the number of edits and the bytes allocated per
 * format (HotSpot's per-thread counter).
 */
public final class FormattingHarness {
    private FormattingHarness() {}

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int runs = 21;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) { runs = Integer.parseInt(args[++i]); continue; }
            measure(Path.of(args[i]), runs);
        }
    }

    static void measure(Path file, int runs) throws Exception {
        String text = Files.readString(file);
        Arena arena = new Arena(1 << 16);
        long t0 = System.nanoTime();
        new JsParser().parse(arena, text, ParseOptions.forFileName(file.getFileName().toString()));
        long parseNanos = System.nanoTime() - t0;
        Edits edits = null;
        for (int i = 0; i < 5; i++) edits = new Formatter(4, true).format(arena, 0, text.length());
        long[] wall = new long[runs], cpu = new long[runs];
        long bytes = 0;
        for (int i = 0; i < runs; i++) {
            long a0 = THREADS.getCurrentThreadAllocatedBytes(), c0 = THREADS.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            edits = new Formatter(4, true).format(arena, 0, text.length());
            wall[i] = System.nanoTime() - w0;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
            bytes += THREADS.getCurrentThreadAllocatedBytes() - a0;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%s: %,d chars, parse %.1f ms; format wall p50 %.1f ms p95 %.1f ms max %.1f ms; cpu p50 %.1f ms p95 %.1f ms; %,d edits; %,d bytes allocated per format%n",
                file.getFileName(), text.length(), parseNanos / 1e6, wall[runs / 2] / 1e6, wall[(int) Math.min(runs - 1, Math.ceil(runs * 0.95) - 1)] / 1e6, wall[runs - 1] / 1e6,
                cpu[runs / 2] / 1e6, cpu[(int) Math.min(runs - 1, Math.ceil(runs * 0.95) - 1)] / 1e6, edits.count(), bytes / runs);
    }
}
