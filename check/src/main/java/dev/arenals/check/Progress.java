package dev.arenals.check;

import java.io.PrintStream;
import java.util.concurrent.locks.LockSupport;

/**
 * The progress line on a terminal's stderr: after the first second, rewritten in place every
 * 250 ms ({@code checking  1234/6248 files  3400 files/s  95.3 MB/s}); erased at the end.
 */
final class Progress {
    private static final long FIRST_AFTER_NANOS = 1_000_000_000L;
    private static final long EVERY_MILLIS = 250;

    private final Checker checker;
    private final int total;
    private final PrintStream err;
    private final long start;
    private volatile boolean stopped;
    private boolean printed;
    private Thread thread;

    Progress(Checker checker, int total, PrintStream err, long start) {
        this.checker = checker;
        this.total = total;
        this.err = err;
        this.start = start;
    }

    void start() {
        thread = new Thread(new Runnable() { @Override public void run() { loop(); } }, "arena-ls-check-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!stopped) {
            LockSupport.parkNanos(EVERY_MILLIS * 1_000_000L);
            long elapsed = System.nanoTime() - start;
            if (stopped || elapsed < FIRST_AFTER_NANOS) continue;
            int done = checker.filesDone.get();
            String line = "checking  " + done + "/" + total + " files  "
                    + Units.perSecond(done, elapsed) + " files/s  "
                    + Units.mbPerSecond(checker.bytesDone.get(), elapsed);
            synchronized (this) {
                if (stopped) return;
                err.print("\r" + line + "\u001b[K");
                err.flush();
                printed = true;
            }
        }
    }

    /** Stops the updates and erases the line. */
    void stop() {
        stopped = true;
        // unpark, not interrupt: an interrupt landing while the line is written would close an
        // interruptible channel under err (the resident daemon's socket)
        if (thread != null) LockSupport.unpark(thread);
        synchronized (this) {
            if (printed) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
    }
}
