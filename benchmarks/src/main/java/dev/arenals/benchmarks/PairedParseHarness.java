package dev.arenals.benchmarks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two parser builds alternating in one JVM: the paired comparison behind the parser figures in
 * docs/check-performance.md and docs/performance-comparison.md. Each build's jar is loaded by its
 * own class loader (so each has its own classes, profiles and compiled code), and every run times a
 * batch of steady-state reparses with each build, in alternating order (before-after, then
 * after-before). The host's drift, which on a shared machine is larger than the differences asked
 * about, then hits both builds of a pair alike; the ratio after/before of each pair is the figure.
 *
 * <pre>
 * java [JVM flags] -cp benchmarks/target/classes dev.arenals.benchmarks.PairedParseHarness \
 *     --before OLD-parser.jar --after NEW-parser.jar [--runs 16] [--batch-ms 400] [--warmup-s 4] [--clock wall|cpu] [--in-place] FILE...
 * </pre>
 *
 * A FILE is a path, or a name {@link Corpus} resolves ({@code typescript.js},
 * {@code effect@4.1.0:src/Effect.ts}). Run it under the JVM flags of the process you care about:
 * the editor's ({@code -XX:+UseSerialGC -Xms16m -Xmx1g}) or check's, C1 only
 * ({@code -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.25 -XX:+UseSerialGC -Xms256m -Xmx2g}).
 * Prints, per file, each build's median time per parse and the median of the paired ratios with
 * how many pairs the new build won, and the load average before and after.
 */
public final class PairedParseHarness {
    private PairedParseHarness() {}

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    /**
     * {@code --clock cpu}: time the batches by the parsing thread's CPU time instead of wall time, so
     * that time slices lost to other processes on a shared machine do not count (their cache
     * pollution still does).
     */
    private static boolean cpuClock;
    /**
     * {@code --in-place}: parse the text from a {@code char[]} as {@code check} and the server do
     * ({@code JsParser.parseInPlace}), without the copy of a String into the arena that
     * {@code parse(arena, CharSequence, options)} makes; the ratios are then the parser's alone.
     */
    private static boolean inPlace;

    /** One build: its own class loader, parser and reused arena, called through method handles. */
    private static final class Build {
        final String label;
        final Object parser;
        final Object arena;
        final MethodHandle parse;      // (parser, arena, text, options) -> void
        final MethodHandle parseInPlace; // (parser, arena, chars, length, options) -> void
        final MethodHandle nodeCount;  // (arena) -> int
        final MethodHandle forFileName; // (String) -> options

        Build(String label, Path jar) throws Throwable {
            this.label = label;
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> parserClass = loader.loadClass("dev.arenals.parser.JsParser");
            Class<?> arenaClass = loader.loadClass("dev.arenals.parser.tree.Arena");
            Class<?> optionsClass = loader.loadClass("dev.arenals.parser.ParseOptions");
            MethodHandles.Lookup l = MethodHandles.publicLookup();
            parser = l.findConstructor(parserClass, MethodType.methodType(void.class)).invoke();
            arena = l.findConstructor(arenaClass, MethodType.methodType(void.class)).invoke();
            parse = l.findVirtual(parserClass, "parse", MethodType.methodType(void.class, arenaClass, CharSequence.class, optionsClass))
                    .asType(MethodType.methodType(void.class, Object.class, Object.class, CharSequence.class, Object.class));
            parseInPlace = l.findVirtual(parserClass, "parseInPlace", MethodType.methodType(void.class, arenaClass, char[].class, int.class, optionsClass))
                    .asType(MethodType.methodType(void.class, Object.class, Object.class, char[].class, int.class, Object.class));
            nodeCount = l.findVirtual(arenaClass, "nodeCount", MethodType.methodType(int.class))
                    .asType(MethodType.methodType(int.class, Object.class));
            forFileName = l.findStatic(optionsClass, "forFileName", MethodType.methodType(optionsClass, String.class))
                    .asType(MethodType.methodType(Object.class, String.class));
        }

        /**
         * Parses {@code text} repeatedly for about {@code batchNanos} of wall time; returns nanoseconds
         * per parse, of wall time or (with {@code --clock cpu}) of this thread's CPU time.
         */
        double batch(String text, char[] chars, Object options, long batchNanos) throws Throwable {
            long start = System.nanoTime();
            long cpuStart = cpuClock ? THREADS.getCurrentThreadCpuTime() : 0;
            long now;
            int n = 0;
            do {
                if (inPlace) parseInPlace.invokeExact(parser, arena, chars, chars.length, options);
                else parse.invokeExact(parser, arena, (CharSequence) text, options);
                n++;
                now = System.nanoTime();
            } while (now - start < batchNanos);
            if (cpuClock) return (double) (THREADS.getCurrentThreadCpuTime() - cpuStart) / n;
            return (double) (now - start) / n;
        }
    }

    public static void main(String[] args) throws Throwable {
        Path before = null;
        Path after = null;
        int runs = 16;
        long batchMs = 400;
        long warmupS = 4;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--before" -> before = Path.of(args[++i]);
                case "--after" -> after = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--batch-ms" -> batchMs = Long.parseLong(args[++i]);
                case "--warmup-s" -> warmupS = Long.parseLong(args[++i]);
                case "--clock" -> cpuClock = args[++i].equals("cpu");
                case "--in-place" -> inPlace = true;
                default -> files.add(args[i]);
            }
        }
        if (before == null || after == null || files.isEmpty()) {
            System.err.println("usage: PairedParseHarness --before JAR --after JAR [--runs N] [--batch-ms M] [--warmup-s S] [--clock wall|cpu] [--in-place] FILE...");
            System.exit(2);
        }
        Build old = new Build("before", before);
        Build neu = new Build("after", after);
        System.out.printf("load average at start: %s%n", loadAverage());
        System.out.printf("JVM flags: %s; clock: %s; %s%n", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
                cpuClock ? "thread CPU time" : "wall time", inPlace ? "parsed in place (no copy)" : "the String copied into the arena");
        for (String file : files) {
            Path path = Files.isRegularFile(Path.of(file)) ? Path.of(file) : Corpus.locate(file);
            String text = Files.readString(path);
            char[] chars = text.toCharArray();
            String name = path.getFileName().toString();
            Object oldOptions = old.forFileName.invokeExact(name);
            Object newOptions = neu.forFileName.invokeExact(name);
            // the same tree from both, or the comparison means nothing
            old.batch(text, chars, oldOptions, 0);
            neu.batch(text, chars, newOptions, 0);
            int oldNodes = (int) old.nodeCount.invokeExact(old.arena);
            int newNodes = (int) neu.nodeCount.invokeExact(neu.arena);
            if (oldNodes != newNodes) throw new IllegalStateException(name + ": " + oldNodes + " nodes before, " + newNodes + " after");
            for (long end = System.nanoTime() + warmupS * 1_000_000_000L; System.nanoTime() < end; ) {
                old.batch(text, chars, oldOptions, 200_000_000L);
                neu.batch(text, chars, newOptions, 200_000_000L);
            }
            double[] oldNs = new double[runs];
            double[] newNs = new double[runs];
            double[] ratio = new double[runs];
            int wins = 0;
            for (int r = 0; r < runs; r++) {
                if (r % 2 == 0) {
                    oldNs[r] = old.batch(text, chars, oldOptions, batchMs * 1_000_000L);
                    newNs[r] = neu.batch(text, chars, newOptions, batchMs * 1_000_000L);
                } else {
                    newNs[r] = neu.batch(text, chars, newOptions, batchMs * 1_000_000L);
                    oldNs[r] = old.batch(text, chars, oldOptions, batchMs * 1_000_000L);
                }
                ratio[r] = newNs[r] / oldNs[r];
                if (ratio[r] < 1) wins++;
            }
            double[] sortedRatio = ratio.clone();
            Arrays.sort(sortedRatio);
            System.out.printf("%s (%,d chars, %,d nodes): before %.3f ms, after %.3f ms (medians); paired ratio after/before %.3f (%d/%d pairs won by after; range %.3f-%.3f)%n",
                    name, text.length(), newNodes, median(oldNs) / 1e6, median(newNs) / 1e6, median(ratio), wins, runs,
                    sortedRatio[0], sortedRatio[runs - 1]);
        }
        System.out.printf("load average at end: %s%n", loadAverage());
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
