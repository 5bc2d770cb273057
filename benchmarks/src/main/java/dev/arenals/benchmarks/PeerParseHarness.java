package dev.arenals.benchmarks;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.tree.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * arena-ls's side of {@code benchmarks/peer/parser-vs-oxc.mjs}: warm, back-to-back parses of each
 * file into one reused arena, timed one by one, with the same method as the script's oxc side
 * (a warm-up of {@code --warmup-ms} of parses, then every parse timed for at least
 * {@code --measure-ms} and {@code --min-parses}). Prints one JSON line per file with the median
 * and the best parse time, and the median of the parsing thread's CPU time per parse (which time
 * slices lost to other processes do not inflate), so the script can put both parsers in one table.
 *
 * <pre>
 * java [JVM flags] -cp benchmarks/target/benchmarks.jar dev.arenals.benchmarks.PeerParseHarness \
 *     [--warmup-ms 3000] [--measure-ms 3000] [--min-parses 20] FILE...
 * </pre>
 *
 * A FILE is a path, or a name {@link Corpus} resolves. Options come from the file name
 * ({@link ParseOptions#forFileName}), as in {@code check} and the server. Each timed call is
 * {@code parser.parse(arena, text, options)}: the copy of the text into the arena is included,
 * binding is not.
 */
public final class PeerParseHarness {
    private PeerParseHarness() {}

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        long warmupMs = 3000;
        long measureMs = 3000;
        int minParses = 20;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup-ms" -> warmupMs = Long.parseLong(args[++i]);
                case "--measure-ms" -> measureMs = Long.parseLong(args[++i]);
                case "--min-parses" -> minParses = Integer.parseInt(args[++i]);
                default -> files.add(args[i]);
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: PeerParseHarness [--warmup-ms N] [--measure-ms N] [--min-parses N] FILE...");
            System.exit(2);
        }
        JsParser parser = new JsParser();
        for (String file : files) {
            Path path = Files.isRegularFile(Path.of(file)) ? Path.of(file) : Corpus.locate(file);
            byte[] bytes = Files.readAllBytes(path);
            String text = new String(bytes, StandardCharsets.UTF_8);
            ParseOptions options = ParseOptions.forFileName(path.getFileName().toString());
            Arena arena = new Arena();
            parser.parse(arena, text, options);
            int diagnostics = arena.log().diagnosticCount();
            int nodes = arena.nodeCount();

            long warmupEnd = System.nanoTime() + warmupMs * 1_000_000L;
            while (System.nanoTime() < warmupEnd) parser.parse(arena, text, options);

            long[] times = new long[Math.max(16, minParses)];
            long[] cpuTimes = new long[times.length];
            int n = 0;
            long measureEnd = System.nanoTime() + measureMs * 1_000_000L;
            long now;
            do {
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                parser.parse(arena, text, options);
                now = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
                if (n == times.length) {
                    times = Arrays.copyOf(times, n * 2);
                    cpuTimes = Arrays.copyOf(cpuTimes, n * 2);
                }
                cpuTimes[n] = cpu;
                times[n++] = now - start;
            } while (n < minParses || now < measureEnd);
            if (arena.nodeCount() != nodes) throw new IllegalStateException(path + ": reparse gave another tree");

            long[] sorted = Arrays.copyOf(times, n);
            Arrays.sort(sorted);
            long[] sortedCpu = Arrays.copyOf(cpuTimes, n);
            Arrays.sort(sortedCpu);
            System.out.printf("{\"file\":\"%s\",\"bytes\":%d,\"chars\":%d,\"nodes\":%d,\"diagnostics\":%d,"
                            + "\"parses\":%d,\"medianNs\":%d,\"bestNs\":%d,\"cpuMedianNs\":%d}%n",
                    jsonEscape(path.toString()), bytes.length, text.length(), nodes, diagnostics, n, median(sorted), sorted[0],
                    median(sortedCpu));
        }
    }

    /** The median of sorted values (the mean of the middle two for an even count); ParseAnatomy's too. */
    static long median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
