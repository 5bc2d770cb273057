package dev.arenals.server.document;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the first open of a session spends its time, step by step: with
 * {@code -Darenals.traceOpen=FILE}, each step of the way from the first large frame's first byte
 * to the first publishDiagnostics appends a line to FILE — the step, the wall time since the JVM
 * started, and the CPU time of every thread of the process so far, read from
 * {@code /proc/self/task/TID/schedstat} (nanoseconds, the compiler's threads included, which a JVM
 * bean would not show), and the memory: the calling thread's bytes allocated so far, the heap's use
 * and committed size, the process's RSS. For measuring only (docs/performance-comparison.md, "Issue 22, fourteenth
 * session"); off, a step costs one read of a static final field. Steps after the first
 * publication are not recorded (later edits run warm) until another large frame comes: a file
 * opened again, warm, is traced the same way.
 */
public final class OpenTrace {
    private static final String FILE = System.getProperty("arenals.traceOpen");
    /** Whether tracing was asked for at all (a constant the JIT folds away when off). */
    public static final boolean ON = FILE != null && !FILE.isEmpty();
    private static volatile boolean done;

    private OpenTrace() {}

    /** Records that {@code step} just ended (on the calling thread), until the first publication. */
    public static void mark(String step) {
        if (ON && !done && !Thread.currentThread().getName().startsWith(WARM_UP_THREAD)) record(step, false);
    }

    /** The start-up warm-up's thread (launch.StartupWarmUp) parses documents of its own: not traced. */
    private static final String WARM_UP_THREAD = "arena-ls-warm-up";

    /** Records {@code step} as the first of another open (a large frame's header), traced to its publication too. */
    public static void restart(String step) {
        if (!ON) return;
        done = false;
        record(step, false);
    }

    /** Records the first publication and stops tracing. */
    public static void published(String step) {
        if (ON && !done) record(step, true);
    }

    private static synchronized void record(String step, boolean last) {
        if (done) return;
        if (last) done = true;
        long wallNanos = System.nanoTime() - START;
        StringBuilder line = new StringBuilder(256);
        line.append(step).append('\t').append(Thread.currentThread().getName())
                .append("\twall=").append(wallNanos / 1000);
        long total = 0, compiler = 0, self = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                long ns = cpuNanos(task);
                String comm = Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).trim();
                total += ns;
                if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) compiler += ns;
            }
            self = cpuNanos(Path.of("/proc/thread-self")); // the calling thread's own
        } catch (IOException | RuntimeException e) {
            line.append("\terror=").append(e);
        }
        line.append("\tcpu=").append(total / 1000).append("\tcompiler=").append(compiler / 1000).append("\tthread=").append(self / 1000);
        // memory: what the calling thread has allocated so far, the heap's use and size, the process's RSS (all KB)
        Runtime runtime = Runtime.getRuntime();
        line.append("\talloc=").append(THREADS.getCurrentThreadAllocatedBytes() / 1024)
                .append("\theap=").append((runtime.totalMemory() - runtime.freeMemory()) / 1024)
                .append("\tcommitted=").append(runtime.totalMemory() / 1024)
                .append("\trss=").append(residentKb()).append('\n');
        try (Writer w = Files.newBufferedWriter(Path.of(FILE), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            w.write(line.toString());
        } catch (IOException e) {
            // tracing only
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS = ON
            ? (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean() : null;

    /** VmRSS of this process, KB (-1 if unreadable). */
    private static long residentKb() {
        try {
            String status = Files.readString(Path.of("/proc/self/status"), StandardCharsets.US_ASCII);
            int at = status.indexOf("VmRSS:");
            if (at < 0) return -1;
            int end = status.indexOf(" kB", at);
            return Long.parseLong(status.substring(at + 6, end).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long cpuNanos(Path task) throws IOException {
        String s = Files.readString(task.resolve("schedstat"), StandardCharsets.US_ASCII);
        int space = s.indexOf(' ');
        return Long.parseLong(space < 0 ? s.trim() : s.substring(0, space));
    }

    /** The JVM's start, as nanoTime: wall times are since then. */
    private static final long START = ON
            ? System.nanoTime() - java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L : 0;
}
