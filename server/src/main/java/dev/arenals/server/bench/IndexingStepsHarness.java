package dev.arenals.server.bench;

import dev.arenals.check.ProjectFiles;
import dev.arenals.parser.JsParser;
import dev.arenals.parser.LineStarts;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.tree.Arena;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.protocol.ServerLog;
import dev.arenals.server.workspace.Indexer;
import dev.arenals.server.workspace.ModuleResolver;
import dev.arenals.server.workspace.Summarizer;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a workspace file's indexing cost goes, step by step, and the floor under it: what this JVM
 * does with the same files when it only walks them, only reads them, and so on up to the server's
 * whole indexing path:
 *
 * <pre>
 * java $SRV -cp server/target/arena-ls.jar dev.arenals.server.bench.IndexingStepsHarness DIR… [--threads 1,2] [--rounds 8]
 *      [--steps walk,read,decode,parse,summarize,resolve,index] [--before-each 'COMMAND']
 * </pre>
 *
 * The steps are cumulative; each pass runs every file (check's walk rules, listed once beforehand)
 * up to and including its step on {@code --threads} threads taking files from one counter, each
 * thread with its own buffers, parser and arena, as an index thread has:
 * <ul>
 * <li>{@code walk}: the server's walk alone ({@link ProjectFiles#walk}: check's rules), on one thread;
 * <li>{@code read}: open, size, read into a reused buffer, close (the indexer's read);
 * <li>{@code decode}: + CRC-32C of the bytes and UTF-8 → chars (the indexer's ASCII loop, then the decoder);
 * <li>{@code parse}: + the parse into a reused arena;
 * <li>{@code summarize}: + the summary, its specifiers not resolved (it is given the file's bare name);
 * <li>{@code resolve}: + resolution of its specifiers (the summary of the file's real path), from cold resolver caches;
 * <li>{@code index}: the server's path, {@link Indexer#indexFile} into a fresh index (+ interning its path, the insert).
 * </ul>
 * A round runs every step on each thread count once, in an order reversed every other round; the first
 * quarter of the rounds are warm-up. Printed per step: the median over counted rounds of the
 * pass's wall clock, of its threads' CPU time per file and of the process's CPU time per file (the
 * collector and the JIT too), with their spread, and each step's own share (its median less the
 * step before's). {@code --before-each COMMAND} runs a shell command before every pass (untimed):
 * e.g. a script that drops the files from the page cache, for cold-cache figures.
 */
public final class IndexingStepsHarness {
    private IndexingStepsHarness() {}

    enum Step { WALK, READ, DECODE, PARSE, SUMMARIZE, RESOLVE, INDEX }

    public static void main(String[] args) throws Exception {
        int rounds = 8;
        int[] threadCounts = {1, 2};
        List<Step> steps = new ArrayList<>(List.of(Step.values()));
        String beforeEach = null;
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds": rounds = Integer.parseInt(args[++i]); break;
                case "--threads": threadCounts = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray(); break;
                case "--steps":
                    steps.clear();
                    for (String s : args[++i].split(",")) steps.add(Step.valueOf(s.toUpperCase(Locale.ROOT)));
                    break;
                case "--before-each": beforeEach = args[++i]; break;
                default: roots.add(Path.of(args[i]).toAbsolutePath().normalize());
            }
        }
        List<Path> files = new ArrayList<>();
        long bytes = 0;
        for (Path root : roots) {
            for (ProjectFiles.Entry e : ProjectFiles.collect(root).files()) {
                files.add(e.path());
                bytes += e.size();
            }
        }
        Path[] list = files.toArray(new Path[0]);
        int warmUp = rounds / 4;
        int counted = rounds - warmUp;
        System.out.printf(Locale.ROOT, "%d files, %.1f MB (check's rules); %d rounds (%d of warm-up); steps %s; threads %s; load %.1f%n", list.length,
                bytes / 1e6, rounds, warmUp, steps, Arrays.toString(threadCounts), load());
        // [step][threads index][round]: wall ns, threads' CPU ns, process CPU ns
        long[][][] wall = new long[Step.values().length][threadCounts.length][counted];
        long[][][] cpu = new long[Step.values().length][threadCounts.length][counted];
        long[][][] process = new long[Step.values().length][threadCounts.length][counted];
        for (int r = 0; r < rounds; r++) {
            List<int[]> passes = new ArrayList<>();
            for (int t = 0; t < threadCounts.length; t++) for (Step s : steps) passes.add(new int[] {s.ordinal(), t});
            if (r % 2 == 1) java.util.Collections.reverse(passes);
            for (int[] pass : passes) {
                Step step = Step.values()[pass[0]];
                int threads = step == Step.WALK ? 1 : threadCounts[pass[1]];
                if (beforeEach != null) new ProcessBuilder("sh", "-c", beforeEach).inheritIO().start().waitFor();
                long[] m = run(step, roots, list, threads);
                if (r < warmUp) continue;
                wall[pass[0]][pass[1]][r - warmUp] = m[0];
                cpu[pass[0]][pass[1]][r - warmUp] = m[1];
                process[pass[0]][pass[1]][r - warmUp] = m[2];
            }
            System.out.printf(Locale.ROOT, "round %d done (load %.1f)%n", r, load());
        }
        for (int t = 0; t < threadCounts.length; t++) {
            System.out.printf(Locale.ROOT, "%n%d thread(s); µs a file, medians of %d rounds (min-max)%n", threadCounts[t], counted);
            System.out.printf(Locale.ROOT, "%-10s %24s %24s %24s %10s %10s %10s%n", "step", "wall", "threads' CPU", "process CPU", "own wall", "own CPU",
                    "MB/CPU-s");
            double lastWall = 0, lastCpu = 0;
            for (Step s : steps) {
                double[] w = perFile(wall[s.ordinal()][t], list.length), c = perFile(cpu[s.ordinal()][t], list.length),
                        p = perFile(process[s.ordinal()][t], list.length);
                double mw = median(w), mc = median(c);
                boolean own = s != Step.WALK && s != Step.READ;
                System.out.printf(Locale.ROOT, "%-10s %8.1f (%5.1f-%5.1f) %8.1f (%5.1f-%5.1f) %8.1f (%5.1f-%5.1f) %10s %10s %10.1f%n", s.name().toLowerCase(Locale.ROOT),
                        mw, min(w), max(w), mc, min(c), max(c), median(p), min(p), max(p),
                        own ? String.format(Locale.ROOT, "%.1f", mw - lastWall) : "", own ? String.format(Locale.ROOT, "%.1f", mc - lastCpu) : "",
                        bytes / 1e6 / (mc * list.length / 1e6));
                if (s != Step.WALK) {
                    lastWall = mw;
                    lastCpu = mc;
                }
            }
        }
    }

    /** One pass of {@code step} over the files: {wall ns, the threads' CPU ns, the process's CPU ns}. */
    private static long[] run(Step step, List<Path> roots, Path[] files, int threads) throws Exception {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ModuleResolver.forgetAll(); // every pass from cold resolver caches, as a cold start
        WorkspaceIndex index = new WorkspaceIndex();
        ServerLog quiet = new ServerLog(new PrintStream(OutputStream.nullOutputStream()));
        Indexer indexer = new Indexer(index, quiet, 1, () -> ProjectFiles.DEFAULT_MAX_FILE_SIZE, PositionEncoding.UTF16);
        AtomicInteger next = new AtomicInteger();
        AtomicLong threadCpu = new AtomicLong();
        AtomicLong sink = new AtomicLong(); // what the steps produce, so that none is optimised away
        Thread[] workers = new Thread[threads];
        long p0 = os.getProcessCpuTime(), w0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers[t] = new Indexer.IndexThread(() -> {
                long c0 = mx.getCurrentThreadCpuTime();
                if (step == Step.WALK) {
                    for (Path root : roots) ProjectFiles.walk(root, e -> sink.incrementAndGet());
                } else if (step == Step.INDEX) {
                    for (int i; (i = next.getAndIncrement()) < files.length; ) if (indexer.indexFile(files[i])) sink.incrementAndGet();
                } else {
                    Steps mine = new Steps();
                    long produced = 0;
                    for (int i; (i = next.getAndIncrement()) < files.length; ) produced += mine.upTo(step, files[i]);
                    sink.addAndGet(produced);
                }
                threadCpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
            }, "steps-" + t);
            workers[t].start();
        }
        for (Thread w : workers) w.join();
        long wall = System.nanoTime() - w0, processCpu = os.getProcessCpuTime() - p0;
        indexer.shutdown();
        if (sink.get() == 0 && files.length > 0) throw new IllegalStateException(step + " produced nothing");
        return new long[] {wall, threadCpu.get(), processCpu};
    }

    /** One thread's reusable state for the steps before {@code index}: the indexer's, step by step. */
    private static final class Steps {
        private static final java.util.Set<StandardOpenOption> READ = EnumSet.of(StandardOpenOption.READ);
        private final JsParser parser = new JsParser();
        private final Arena arena = new Arena(1 << 14);
        private final LineStarts lines = new LineStarts(LineStarts.Terminators.LSP);
        private final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        private byte[] bytes = new byte[1 << 16];
        private char[] chars = new char[1 << 16];

        /** Runs {@code file} through the steps up to {@code last}; something of the result, never 0 for a file with content. */
        long upTo(Step last, Path file) {
            int length = read(file);
            if (last == Step.READ || length <= 0) return length;
            crc.reset();
            crc.update(bytes, 0, length);
            int textLength = decode(length);
            if (last == Step.DECODE) return textLength + (crc.getValue() & 1);
            parser.parseInPlace(arena, chars, textLength, ParseOptions.forFileName(file.getFileName().toString()));
            try {
                if (last == Step.PARSE) return arena.nodeCount();
                // a bare name has no directory to resolve from: the summary without resolution
                Path summarized = last == Step.SUMMARIZE ? file.getFileName() : file;
                return 1 + Summarizer.summarizeBuildingLines(summarized, null, arena, chars, lines, PositionEncoding.UTF16).declarationCount();
            } finally {
                arena.reset();
            }
        }

        private int read(Path file) {
            try (FileChannel in = FileChannel.open(file, READ)) {
                long size = in.size();
                if (bytes.length < size) bytes = new byte[(int) size];
                ByteBuffer into = ByteBuffer.wrap(bytes, 0, (int) size);
                while (into.hasRemaining() && in.read(into) >= 0) { }
                return into.position();
            } catch (IOException e) {
                return -1;
            }
        }

        private int decode(int length) {
            if (chars.length < length) chars = new char[length];
            int ascii = 0;
            while (ascii < length && bytes[ascii] >= 0) {
                chars[ascii] = (char) bytes[ascii];
                ascii++;
            }
            if (ascii == length) return length;
            CharBuffer out = CharBuffer.wrap(chars, ascii, chars.length - ascii);
            utf8.reset();
            utf8.decode(ByteBuffer.wrap(bytes, ascii, length - ascii), out, true);
            utf8.flush(out);
            return out.position();
        }
    }

    private static double load() { return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(); }

    private static double[] perFile(long[] ns, int files) {
        double[] out = new double[ns.length];
        for (int i = 0; i < ns.length; i++) out[i] = ns[i] / 1e3 / files;
        return out;
    }

    private static double median(double[] values) { return PairedIndexingHarness.median(values); }

    private static double min(double[] values) { return PairedIndexingHarness.min(values); }

    private static double max(double[] values) { return PairedIndexingHarness.max(values); }
}
