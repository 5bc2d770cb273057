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
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
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
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ArenaLanguageServer.Options options = new ArenaLanguageServer.Options();
        options.workers = 2;
        options.log = new ServerLog(new PrintStream(new SynchronizedStream(err), true, StandardCharsets.UTF_8));
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
                p.getErrorStream().transferTo(new SynchronizedStream(s.stderr));
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "raw-server-stderr");
        t.setDaemon(true);
        t.start();
        return s;
    }

    private ByteArrayOutputStream stderrSource;
    private AtomicInteger exitSource;

    /** What the server wrote to stderr so far. */
    public String stderr() {
        ByteArrayOutputStream src = stderrSource != null ? stderrSource : stderr;
        synchronized (src) {
            return src.toString(StandardCharsets.UTF_8);
        }
    }

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

    /** A stream whose writes hold the target's lock, so {@link #stderr()} reads a consistent copy. */
    private static final class SynchronizedStream extends java.io.OutputStream {
        private final ByteArrayOutputStream target;

        SynchronizedStream(ByteArrayOutputStream target) { this.target = target; }

        @Override public void write(int b) {
            synchronized (target) { target.write(b); }
        }

        @Override public void write(byte[] b, int off, int len) {
            synchronized (target) { target.write(b, off, len); }
        }
    }
}
