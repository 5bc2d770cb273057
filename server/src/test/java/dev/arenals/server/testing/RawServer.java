package dev.arenals.server.testing;

import dev.arenals.server.protocol.ArenaLanguageServer;
import dev.arenals.server.protocol.Launchers;
import dev.arenals.server.protocol.ServerLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server spoken to by a {@link RawLspClient}: in this JVM over {@link BytePipe}s through the same
 * {@link Launchers} as {@code Main}, or the shaded jar as a process over its real stdin/stdout.
 * Either way stderr is kept, so a test can check that bad input left no exception in the log.
 */
public final class RawServer implements AutoCloseable {
    public final RawLspClient client;
    private final LogWatch stderr = new LogWatch();
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private final ArenaLanguageServer server;
    private final ExecutorService threads;
    private final Process process;

    private RawServer(RawLspClient client, ArenaLanguageServer server, ExecutorService threads, Process process) {
        this.client = client;
        this.server = server;
        this.threads = threads;
        this.process = process;
    }

    public static RawServer inProcess() {
        BytePipe toServer = new BytePipe();
        BytePipe toClient = new BytePipe();
        LogWatch err = new LogWatch();
        ArenaLanguageServer.Options options = new ArenaLanguageServer.Options();
        options.workers = 2;
        options.log = new ServerLog(new PrintStream(err, true, StandardCharsets.UTF_8));
        AtomicInteger exit = new AtomicInteger(-1);
        options.exit = code -> {
            exit.set(code);
            toClient.closeWriter(); // as a process's stdout closes when it exits
        };
        ArenaLanguageServer server = new ArenaLanguageServer(options);
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "raw-server-io");
            t.setDaemon(true);
            return t;
        });
        Launchers.serverLauncher(server, toServer.in, toClient.out, threads).startListening();
        RawServer s = new RawServer(new RawLspClient(toClient.in, toServer.out), server, threads, null);
        s.stderrSource = err;
        s.exitSource = exit;
        return s;
    }

    public static RawServer process(Path jar) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xmx1g", "-jar", jar.toString()));
        Process p = new ProcessBuilder(cmd).start();
        RawServer s = new RawServer(new RawLspClient(p.getInputStream(), p.getOutputStream()), null, null, p);
        Thread t = new Thread(() -> {
            try {
                p.getErrorStream().transferTo(s.stderr);
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "raw-server-stderr");
        t.setDaemon(true);
        t.start();
        return s;
    }

    private LogWatch stderrSource;
    private AtomicInteger exitSource;

    /** The last part of what the server wrote to stderr (all of it in a short run). */
    public String stderr() { return (stderrSource != null ? stderrSource : stderr).tail(); }

    /** Lines of stderr that are errors or exceptions (ERROR level, stack frames, exception names), the first 20. */
    public List<String> stderrProblems() { return (stderrSource != null ? stderrSource : stderr).problems(); }

    /** The exit code, waiting up to {@code millis}; -1 if still running. */
    public int awaitExit(long millis) throws InterruptedException {
        if (process != null) return process.waitFor(millis, TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        long deadline = System.currentTimeMillis() + millis;
        while (exitSource.get() < 0 && System.currentTimeMillis() < deadline) Thread.sleep(5);
        return exitSource.get();
    }

    public boolean isAlive() {
        return process != null ? process.isAlive() : exitSource.get() < 0;
    }

    @Override
    public void close() throws Exception {
        try {
            client.close();
        } catch (IOException ignored) {
            // already closed
        }
        if (process != null) {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } else {
            if (exitSource.get() < 0) server.exit();
            threads.shutdownNow();
        }
    }

    /**
     * Watches a log as it is written, keeping only its last 64 KB and the first 20 lines that show
     * an error or exception, so a long run does not hold its whole log.
     */
    static final class LogWatch extends java.io.OutputStream {
        private static final int TAIL = 64 << 10;
        private final StringBuilder line = new StringBuilder();
        private final StringBuilder tail = new StringBuilder();
        private final List<String> problems = new ArrayList<>();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        @Override public synchronized void write(int b) {
            pending.write(b);
            if (b == '\n') flushLine();
        }

        @Override public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) write(b[i]);
        }

        private void flushLine() {
            String l = pending.toString(StandardCharsets.UTF_8);
            pending.reset();
            tail.append(l);
            if (tail.length() > TAIL) tail.delete(0, tail.length() - TAIL);
            if ((l.contains(" ERROR] ") || l.startsWith("\tat ") || l.contains("Exception")) && problems.size() < 20) problems.add(l.strip());
        }

        synchronized String tail() { return tail + pending.toString(StandardCharsets.UTF_8); }

        synchronized List<String> problems() { return new ArrayList<>(problems); }
    }
}
