package dev.arenals.server.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Two builds' workspace indexing in one JVM, alternating, so that a shared machine's load hits both
 * alike:
 *
 * <pre>
 * java -Xmx2g -cp server/target/arena-ls.jar dev.arenals.server.bench.PairedIndexingHarness --before old.jar --after new.jar [--rounds 20] [--threads 2] [--walk] DIR…
 * </pre>
 *
 * Each jar (a built {@code arena-ls.jar}) is loaded by a class loader of its own, so each has its
 * own resolver caches and JIT profile. A round indexes every source file below the directories
 * once with each build (before then after, the next round after then before), each from cold
 * resolver caches on {@code --threads} threads, as {@link IndexingHarness}'s parallel runs do; the
 * figure is the indexing threads' CPU time (user + system). Printed: each round's after/before
 * ratio, their median and how many rounds the new build won, and each build's median CPU per file.
 * The first {@code --rounds}/4 rounds warm the JIT and are not counted.
 *
 * <p>{@code --walk}: each build indexes the directories as the server does on a cold start
 * ({@code Indexer.indexFolders}: check's walk on a thread of its own, {@code --threads} pool threads
 * indexing what it finds), and the figure is the whole process's CPU time from the start until the
 * indexer's threads have ended (so it holds the walk, the collector and the JIT too).
 */
public final class PairedIndexingHarness {
    private PairedIndexingHarness() {}

    public static void main(String[] args) throws Exception {
        Path before = null, after = null;
        int rounds = 20, threads = 2;
        boolean asServer = false;
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--before": before = Path.of(args[++i]); break;
                case "--after": after = Path.of(args[++i]); break;
                case "--rounds": rounds = Integer.parseInt(args[++i]); break;
                case "--threads": threads = Integer.parseInt(args[++i]); break;
                case "--walk": asServer = true; break;
                default: roots.add(Path.of(args[i]).toAbsolutePath().normalize());
            }
        }
        if (before == null || after == null || roots.isEmpty()) throw new IllegalArgumentException("--before JAR --after JAR DIR… needed");
        List<Path> files = new ArrayList<>();
        long bytes = 0;
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).filter(p -> dev.arenals.check.ProjectFiles.isSourceName(p.getFileName().toString()))
                        .sorted().collect(Collectors.toList())) {
                    files.add(p);
                    bytes += Files.size(p);
                }
            }
        }
        Build[] builds = {new Build(before), new Build(after)};
        int warmUp = Math.max(1, rounds / 4);
        double[] ratios = new double[rounds - warmUp];
        double[][] perFile = new double[2][rounds - warmUp];
        int afterWon = 0;
        System.out.printf(Locale.ROOT, "%d files, %.1f MB; %d rounds (%d of warm-up), %d threads%s%n", files.size(), bytes / 1e6, rounds, warmUp, threads,
                asServer ? ", as the server walks and indexes (process CPU)" : "");
        for (int r = 0; r < rounds; r++) {
            long[] cpu = new long[2];
            for (int k = 0; k < 2; k++) {
                int b = (r % 2 == 0) ? k : 1 - k; // before-after, then after-before
                cpu[b] = asServer ? builds[b].walkAndIndex(roots, threads) : builds[b].indexAll(files, threads);
            }
            if (r < warmUp) continue;
            int m = r - warmUp;
            ratios[m] = (double) cpu[1] / cpu[0];
            perFile[0][m] = cpu[0] / 1e3 / files.size();
            perFile[1][m] = cpu[1] / 1e3 / files.size();
            if (cpu[1] < cpu[0]) afterWon++;
            System.out.printf(Locale.ROOT, "round %d: before %.1f us a file, after %.1f us a file, after/before %.3f (load %.1f)%n", r, perFile[0][m], perFile[1][m],
                    ratios[m], ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        double b = median(perFile[0]), a = median(perFile[1]);
        System.out.printf(Locale.ROOT, "median after/before %.3f (spread %.3f-%.3f), after faster in %d of %d rounds%n", median(ratios), min(ratios), max(ratios),
                afterWon, ratios.length);
        System.out.printf(Locale.ROOT, "CPU per file, median: before %.1f us (%.1f MB per CPU-second), after %.1f us (%.1f MB per CPU-second)%n",
                b, bytes / 1e3 / (b * files.size() / 1e3), a, bytes / 1e3 / (a * files.size() / 1e3));
    }

    /** One build, by reflection through its own class loader (the two builds' classes have the same names). */
    private static final class Build {
        private final Constructor<?> newIndex, newIndexer, newThread, newLog;
        private final Method indexFile, shutdown, forgetAll, indexFolders;
        private final Class<?> progress;
        private final Object encoding;
        private final long maxFileSize;

        Build(Path jar) throws Exception {
            ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> index = loader.loadClass("dev.arenals.server.workspace.WorkspaceIndex");
            Class<?> indexer = loader.loadClass("dev.arenals.server.workspace.Indexer");
            Class<?> log = loader.loadClass("dev.arenals.server.protocol.ServerLog");
            Class<?> positions = loader.loadClass("dev.arenals.server.document.PositionEncoding");
            newIndex = index.getConstructor();
            newLog = log.getConstructor(PrintStream.class);
            newIndexer = indexer.getConstructor(index, log, int.class, LongSupplier.class, positions);
            newThread = loader.loadClass("dev.arenals.server.workspace.Indexer$IndexThread").getConstructor(Runnable.class, String.class);
            indexFile = indexer.getMethod("indexFile", Path.class);
            progress = loader.loadClass("dev.arenals.server.workspace.Indexer$Progress");
            indexFolders = indexer.getMethod("indexFolders", List.class, progress);
            shutdown = indexer.getMethod("shutdown");
            forgetAll = loader.loadClass("dev.arenals.server.workspace.ModuleResolver").getMethod("forgetAll");
            encoding = positions.getField("UTF16").get(null);
            maxFileSize = loader.loadClass("dev.arenals.check.ProjectFiles").getField("DEFAULT_MAX_FILE_SIZE").getLong(null);
        }

        /** Indexes every file into a fresh index from cold resolver caches; the indexing threads' CPU time in ns. */
        long indexAll(List<Path> files, int threads) throws Exception {
            forgetAll.invoke(null);
            Object index = newIndex.newInstance();
            Object indexer = newIndexer.newInstance(index, newLog.newInstance(new PrintStream(OutputStream.nullOutputStream())), 1,
                    (LongSupplier) () -> maxFileSize, encoding);
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            AtomicInteger next = new AtomicInteger();
            AtomicLong cpu = new AtomicLong();
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                workers[t] = (Thread) newThread.newInstance((Runnable) () -> {
                    long c0 = mx.getCurrentThreadCpuTime();
                    try {
                        for (int i; (i = next.getAndIncrement()) < files.size(); ) indexFile.invoke(indexer, files.get(i));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                    cpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
                }, "paired-index-" + t);
                workers[t].start();
            }
            for (Thread w : workers) w.join();
            shutdown.invoke(indexer);
            return cpu.get();
        }

        /**
         * Walks and indexes {@code roots} as the server's cold start does, from cold resolver caches; the
         * process's CPU time in ns from the start until the indexer's threads (walk and pool) have ended.
         */
        long walkAndIndex(List<Path> roots, int threads) throws Exception {
            forgetAll.invoke(null);
            Object index = newIndex.newInstance();
            Object indexer = newIndexer.newInstance(index, newLog.newInstance(new PrintStream(OutputStream.nullOutputStream())), threads,
                    (LongSupplier) () -> maxFileSize, encoding);
            Object quiet = java.lang.reflect.Proxy.newProxyInstance(progress.getClassLoader(), new Class<?>[] {progress}, (proxy, method, arguments) -> null);
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            java.util.Set<Thread> earlier = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
            long c0 = os.getProcessCpuTime();
            ((java.util.concurrent.CompletableFuture<?>) indexFolders.invoke(indexer, roots, quiet)).get();
            shutdown.invoke(indexer); // its threads end once their work is done (the maps built after the walk included)
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (!earlier.contains(t) && t.getName().startsWith("arena-ls-index")) t.join();
            }
            return os.getProcessCpuTime() - c0;
        }
    }

    /** The median of {@code values} (also {@link IndexingStepsHarness}'s). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double min(double[] values) { return Arrays.stream(values).min().orElse(Double.NaN); }

    static double max(double[] values) { return Arrays.stream(values).max().orElse(Double.NaN); }
}
