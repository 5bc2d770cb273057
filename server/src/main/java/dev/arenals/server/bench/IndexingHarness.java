package dev.arenals.server.bench;

import dev.arenals.check.ProjectFiles;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.features.WorkspaceSymbolHandler;
import dev.arenals.server.protocol.ServerLog;
import dev.arenals.server.workspace.CrossFileNavigator;
import dev.arenals.server.workspace.FileSummary;
import dev.arenals.server.workspace.Indexer;
import dev.arenals.server.workspace.ModuleResolver;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Workspace indexing figures on real directories:
 *
 * <pre>
 * java -cp server/target/arena-ls.jar dev.arenals.server.bench.IndexingHarness DIR… [--generate FILES] [--threads N] [--runs N] [--summary-cache ROUNDS]
 * </pre>
 *
 * {@code --generate N} writes a project of N TypeScript modules into a temporary directory (100 a
 * directory, each with an {@code index.ts} barrel of {@code export *}; every module imports three
 * others, through barrels too, and {@code shared} from the first module).
 * Every .js/.ts/… file below the directories (all of them, dependencies' build outputs included:
 * the figure is read → decode → parse → summarize, not check's skip rules, whose walk is timed
 * apart) is indexed into a fresh {@link WorkspaceIndex}, once on one thread with its allocation
 * counted, then {@code --runs} times on {@code --threads} threads, each from cold resolver caches;
 * the best run's wall-clock throughput is printed, and the best run's CPU time of the indexing
 * threads (a figure a shared machine's load moves less). Then: the heap the index keeps per source byte (after a full GC), and workspace/symbol
 * and cross-file definition latencies on that index.
 */
public final class IndexingHarness {
    private IndexingHarness() {}

    /**
     * {@code --summary-cache ROUNDS}: the server's start (its walk with check's rules, one index thread,
     * from cold resolver caches) without the summary cache and with it, alternating (the order
     * reversed every other round; the first round warms the JIT and is not counted), each start a new
     * index; the cache is written by the first start that uses it, in a temporary directory.
     * Per start: the process's CPU and the wall clock from the walk's start to the index complete, the
     * files reused, and the time to write the cache after it.
     */
    private static void startsWithAndWithoutTheCache(List<Path> roots, int rounds) throws Exception {
        ServerLog quiet = new ServerLog(new PrintStream(OutputStream.nullOutputStream()));
        Path directory = Files.createTempDirectory("arena-ls-summary-cache");
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<double[]> without = new ArrayList<>(), with = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            for (int arm = 0; arm < 2; arm++) {
                boolean cached = (arm == 0) == (round % 2 == 0);
                ModuleResolver.forgetAll();
                System.gc();
                WorkspaceIndex index = new WorkspaceIndex();
                Indexer indexer = new Indexer(index, quiet, 1, () -> ProjectFiles.DEFAULT_MAX_FILE_SIZE, PositionEncoding.UTF16);
                if (cached) indexer.useSummaryCache(dev.arenals.server.workspace.SummaryCache.of(directory, roots, PositionEncoding.UTF16, quiet));
                long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
                indexer.indexFolders(roots, new Indexer.Progress() {
                    @Override public void begin() { }
                    @Override public void advance(int done, int found, boolean walking) { }
                    @Override public void end(int indexed, int skipped, long millis) { }
                }).get();
                double wall = (System.nanoTime() - t0) / 1e6, cpu = (os.getProcessCpuTime() - cpu0) / 1e6;
                long w0 = System.nanoTime();
                if (cached) indexer.cacheWritten().get();
                double write = (System.nanoTime() - w0) / 1e6;
                int files = indexer.filesIndexed() + indexer.filesSkipped();
                indexer.shutdown();
                if (cached && round > 0) { // the part of a reused file's cost that is resolving its specifiers again, from cold caches
                    ModuleResolver.forgetAll();
                    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (FileSummary s : index.all()) for (String specifier : s.moduleSpecifiers()) ModuleResolver.resolveFrom(s.path(), specifier);
                    System.out.printf(Locale.ROOT, "  resolving every file's specifiers again from cold caches, as reuse checks them: %.1f us a file of this thread's CPU%n",
                            (mx.getCurrentThreadCpuTime() - c0) / 1e3 / files);
                }
                System.out.printf(Locale.ROOT, "round %d %s: %d files, %d reused; walk and index %.0f ms wall, %.0f ms process CPU (%.1f us a file)%s%n", round,
                        cached ? "with the cache" : "without", files, indexer.filesReused(), wall, cpu, cpu * 1e3 / files,
                        cached ? String.format(Locale.ROOT, "; cache written after it in %.0f ms", write) : "");
                if (round > 0) (cached ? with : without).add(new double[] {wall, cpu, cpu * 1e3 / files, write});
            }
        }
        for (int k = 0; k < 2; k++) {
            List<double[]> runs = k == 0 ? without : with;
            System.out.printf(Locale.ROOT, "%s, %d starts: wall %s ms, process CPU %s ms, %s us a file of CPU%s%n", k == 0 ? "without the cache" : "with the cache",
                    runs.size(), medianAndRange(runs, 0), medianAndRange(runs, 1), medianAndRange(runs, 2), k == 0 ? "" : "; writing it " + medianAndRange(runs, 3) + " ms");
        }
        try (Stream<Path> left = Files.list(directory)) {
            for (Path p : left.collect(Collectors.toList())) System.out.printf(Locale.ROOT, "cache file %s: %.1f MB%n", p.getFileName(), Files.size(p) / 1e6);
        }
    }

    private static String medianAndRange(List<double[]> runs, int column) {
        double[] v = new double[runs.size()];
        for (int i = 0; i < v.length; i++) v[i] = runs.get(i)[column];
        Arrays.sort(v);
        if (v.length == 0) return "-";
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return String.format(Locale.ROOT, "%.1f (%.1f-%.1f)", median, v[0], v[v.length - 1]);
    }

    public static void main(String[] args) throws Exception {
        int threads = 2, runs = 5, summaryCacheRounds = 0;
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--threads")) threads = Integer.parseInt(args[++i]);
            else if (args[i].equals("--runs")) runs = Integer.parseInt(args[++i]);
            else if (args[i].equals("--generate")) roots.add(generate(Integer.parseInt(args[++i])));
            else if (args[i].equals("--summary-cache")) summaryCacheRounds = Integer.parseInt(args[++i]);
            else roots.add(Path.of(args[i]).toAbsolutePath().normalize());
        }
        if (summaryCacheRounds > 0) {
            startsWithAndWithoutTheCache(roots, summaryCacheRounds);
            return;
        }
        List<Path> files = new ArrayList<>();
        long bytes = 0;
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).filter(p -> ProjectFiles.isSourceName(p.getFileName().toString())).sorted()
                        .collect(Collectors.toList())) {
                    files.add(p);
                    bytes += Files.size(p);
                }
            }
        }
        long walkStart = System.nanoTime();
        int checkRuleFiles = 0;
        for (Path root : roots) checkRuleFiles += ProjectFiles.collect(root).files().size();
        double walkMs = (System.nanoTime() - walkStart) / 1e6;
        System.out.printf(Locale.ROOT, "%d files, %.1f MB (check's rules select %d of them; that walk took %.0f ms)%n",
                files.size(), bytes / 1e6, checkRuleFiles, walkMs);

        ServerLog quiet = new ServerLog(new PrintStream(OutputStream.nullOutputStream()));
        // one thread, allocation counted: what indexing costs beyond what the index keeps
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        WorkspaceIndex index = new WorkspaceIndex();
        Indexer indexer = new Indexer(index, quiet, 1, () -> ProjectFiles.DEFAULT_MAX_FILE_SIZE, PositionEncoding.UTF16);
        long[] measured = new long[4];
        Thread cold = new Indexer.IndexThread(() -> {
            long allocBefore = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
            long t0 = System.nanoTime();
            for (Path f : files) indexer.indexFile(f);
            measured[0] = System.nanoTime() - t0;
            measured[1] = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocBefore;
            // again on the same thread, its buffers sized: what a file costs beyond its summary
            WorkspaceIndex again = new WorkspaceIndex();
            Indexer second = new Indexer(again, quiet, 1, () -> ProjectFiles.DEFAULT_MAX_FILE_SIZE, PositionEncoding.UTF16);
            long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
            long t1 = System.nanoTime();
            for (Path f : files) second.indexFile(f);
            measured[2] = System.nanoTime() - t1;
            measured[3] = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            second.shutdown();
        }, "cold");
        cold.setPriority(Thread.NORM_PRIORITY);
        cold.start();
        cold.join();
        double coldMs = measured[0] / 1e6;
        long allocated = measured[1];
        System.out.printf(Locale.ROOT, "cold, 1 thread: %.0f ms, %.1f MB/s; allocated %.1f MB (%.2f B per source byte, %.1f KB per file); %d skipped%n",
                coldMs, bytes / 1e3 / coldMs, allocated / 1e6, (double) allocated / bytes, allocated / 1e3 / files.size(), indexer.filesSkipped());
        System.out.printf(Locale.ROOT, "second pass, same thread: %.0f ms, %.1f MB/s; allocated %.1f MB (%.3f B per source byte, %.1f KB per file)%n",
                measured[2] / 1e6, bytes / 1e3 / (measured[2] / 1e6), measured[3] / 1e6, (double) measured[3] / bytes, measured[3] / 1e3 / files.size());

        // each run from cold resolver caches (listings, package.json files, resolutions): only the JIT is warm
        double best = Double.MAX_VALUE, bestCpu = Double.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            ModuleResolver.forgetAll();
            WorkspaceIndex fresh = new WorkspaceIndex();
            Indexer parallel = new Indexer(fresh, quiet, 1, () -> ProjectFiles.DEFAULT_MAX_FILE_SIZE, PositionEncoding.UTF16);
            ExecutorService pool = Executors.newFixedThreadPool(threads, task -> new Indexer.IndexThread(task, "warm"));
            AtomicInteger next = new AtomicInteger();
            java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
            long s = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (int i; (i = next.getAndIncrement()) < files.size(); ) parallel.indexFile(files.get(i));
                    cpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
                }));
            }
            for (Future<?> f : done) f.get();
            double ms = (System.nanoTime() - s) / 1e6;
            best = Math.min(best, ms);
            bestCpu = Math.min(bestCpu, cpu.get() / 1e6);
            pool.shutdown();
            parallel.shutdown();
        }
        // CPU time (user + system) of the indexing threads: what the work costs, less what a loaded machine's other processes took
        System.out.printf(Locale.ROOT, "warm JIT, cold caches, %d threads, best of %d: %.0f ms, %.1f MB/s; CPU %.0f ms (%.1f us per file, %.1f MB per CPU-second: %.1f MB/s on %d idle cores)%n",
                threads, runs, best, bytes / 1e3 / best, bestCpu, bestCpu * 1e3 / files.size(), bytes / 1e3 / bestCpu, bytes / 1e3 / bestCpu * threads, threads);

        ModuleResolver.forgetAll(); // the baseline without the runs' cache generations
        long heapWithout = usedAfterGc();
        WorkspaceIndex kept = new WorkspaceIndex();
        Indexer keeper = new Indexer(kept, quiet, 1, () -> ProjectFiles.DEFAULT_MAX_FILE_SIZE, PositionEncoding.UTF16);
        // on a thread that ends, so that its reusable buffers are not counted as kept; each file a
        // new Path, as the server's walk makes them (the list's own are in the baseline)
        Thread indexing = new Indexer.IndexThread(() -> { for (Path f : files) keeper.indexFile(Path.of(f.toString())); }, "kept");
        indexing.start();
        indexing.join();
        keeper.shutdown();
        long heapWith = usedAfterGc();
        int declarations = 0, imports = 0, exports = 0;
        for (FileSummary s : kept.all()) {
            declarations += s.declarationCount();
            imports += s.importCount();
            exports += s.exportCount();
        }
        System.out.printf(Locale.ROOT, "index: %d declarations, %d exports, %d imports; heap kept right after indexing, with the resolver's last cache generation: %.1f MB (%.2f B per source byte)%n",
                declarations, exports, imports, (heapWith - heapWithout) / 1e6, (double) (heapWith - heapWithout) / bytes);
        // what the server keeps: the resolver's short-lived caches expire and are freed 3 s after a
        // walk (ModuleResolver.dropWhenExpired), and the first workspace/symbol and references
        // requests build the derived maps (declarations, importers) that it then keeps
        Thread.sleep(3_200);
        ModuleResolver.dropExpired();
        long heapSummaries = usedAfterGc() - heapWithout;
        kept.declarationsWithMasks();
        if (!files.isEmpty()) kept.importersOf(files.get(0));
        long heapServer = usedAfterGc() - heapWithout;
        System.out.printf(Locale.ROOT, "heap kept as the server keeps it (resolver caches expired): summaries and index maps %.1f MB (%.2f B/B); with the maps requests derive %.1f MB, %.2f B per source byte, %.0f B per file%n",
                heapSummaries / 1e6, (double) heapSummaries / bytes, heapServer / 1e6, (double) heapServer / bytes, (double) heapServer / files.size());

        WorkspaceSymbolHandler symbols = new WorkspaceSymbolHandler();
        String[] queries = {"get", "Layer", "pipe", "map", "sC", "Effect", "x", "toString", "parse", "createProgram"};
        for (int i = 0; i < 20; i++) for (String q : queries) symbols.symbols(kept, q);
        double[] symbolMs = new double[200];
        for (int i = 0; i < symbolMs.length; i++) {
            long s = System.nanoTime();
            symbols.symbols(kept, queries[i % queries.length]);
            symbolMs[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(symbolMs);
        System.out.printf(Locale.ROOT, "workspace/symbol: p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
                symbolMs[symbolMs.length / 2], symbolMs[symbolMs.length * 95 / 100], symbolMs[symbolMs.length - 1]);

        // cross-file definition: every named import of every file, resolved to its declaration
        CrossFileNavigator navigator = new CrossFileNavigator(kept);
        List<double[]> definitionMs = new ArrayList<>();
        int resolved = 0, asked = 0;
        for (FileSummary s : kept.all()) {
            for (FileSummary.Import i : s.imports()) {
                if (asked == 5000) break;
                long t = System.nanoTime();
                int n = navigator.importedDeclaration(s.path(), i.specifier(), i.importedName()).size();
                definitionMs.add(new double[] {(System.nanoTime() - t) / 1e6});
                asked++;
                if (n > 0) resolved++;
            }
        }
        double[] d = definitionMs.stream().mapToDouble(a -> a[0]).sorted().toArray();
        if (d.length > 0) {
            System.out.printf(Locale.ROOT, "cross-file definition of %d imports (%d resolved): p50 %.3f ms, p95 %.3f ms, max %.2f ms%n",
                    asked, resolved, d[d.length / 2], d[d.length * 95 / 100], d[d.length - 1]);
        }
        // the importers of the most imported name (every generated module imports shared)
        FileSummary mostImported = null;
        int most = -1;
        for (FileSummary s : kept.all()) {
            int n = kept.importersOf(s.path()).size();
            if (n > most) { most = n; mostImported = s; }
        }
        if (mostImported != null && !mostImported.exports().isEmpty()) {
            String name = mostImported.exports().get(0).localName();
            if (name != null) {
                navigator.importBindingsOf(mostImported.path(), name); // builds the importer graph once
                double[] fanOut = new double[20];
                int bindings = 0;
                for (int i = 0; i < fanOut.length; i++) {
                    long t = System.nanoTime();
                    bindings = navigator.importBindingsOf(mostImported.path(), name).size();
                    fanOut[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(fanOut);
                System.out.printf(Locale.ROOT, "import bindings of %s (%s, %d importers): %d found, p50 %.1f ms, max %.1f ms%n",
                        name, mostImported.path().getFileName(), most, bindings, fanOut[fanOut.length / 2], fanOut[fanOut.length - 1]);
            }
        }
        indexer.shutdown();
    }

    /** A generated project of {@code files} modules; see the class comment. */
    static Path generate(int files) throws IOException {
        Path root = Files.createTempDirectory("arena-ls-index-bench");
        int dirs = (files + 99) / 100;
        for (int d = 0; d < dirs; d++) {
            Path dir = Files.createDirectories(root.resolve("src/d" + d));
            StringBuilder barrel = new StringBuilder();
            for (int f = 0; f < 100 && d * 100 + f < files; f++) {
                int n = d * 100 + f;
                barrel.append("export * from \"./f").append(f).append("\";\n");
                StringBuilder sb = new StringBuilder();
                sb.append("import { shared } from \"../d0/f0\";\n");
                java.util.Random random = new java.util.Random(n);
                for (int k = 0; k < 3 && n > 0; k++) {
                    int other = random.nextInt(n);
                    int od = other / 100, of = other % 100;
                    if (k == 2) sb.append("import { value").append(other).append(" as v").append(k).append(" } from \"../d").append(od).append("\";\n");
                    else sb.append("import { compute").append(other).append(" as c").append(k).append(" } from \"../d").append(od).append("/f").append(of).append(".js\";\n");
                }
                if (n == 0) sb.append("export function shared(x: number): number { return x + 1; }\n");
                sb.append("export interface Shape").append(n).append(" { id: number; name: string; tags: string[] }\n");
                sb.append("export const value").append(n).append(" = ").append(n).append(";\n");
                sb.append("export function compute").append(n).append("(shape: Shape").append(n).append("): number {\n")
                        .append("  let total = shared(shape.id);\n  for (const tag of shape.tags) total += tag.length;\n")
                        .append("  return total * value").append(n).append(";\n}\n");
                sb.append("export class Service").append(n).append(" {\n  private cache = new Map<string, number>();\n")
                        .append("  run(input: string): number {\n    const hit = this.cache.get(input);\n    if (hit !== undefined) return hit;\n")
                        .append("    const result = input.split(\",\").map(s => s.trim().length).reduce((a, b) => a + b, 0);\n")
                        .append("    this.cache.set(input, result);\n    return result;\n  }\n}\n");
                sb.append("type Local").append(n).append(" = { readonly key: string; value?: number };\n");
                Files.writeString(dir.resolve("f" + f + ".ts"), sb.toString());
            }
            Files.writeString(dir.resolve("index.ts"), barrel.toString());
        }
        return root;
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
