package dev.arenals.check;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The resident {@code check} daemon: one per user, build and JVM (see {@link Resident.Place}),
 * started by the first {@code --resident} client, listening on a Unix-domain socket in a private
 * directory. Each request is an ordinary {@link CheckCommand#run} in the client's working
 * directory, arguments and terminal state, so it reads the file system afresh (there is no cache
 * of results) and prints what a cold run prints; only the JIT's compiled code and the loaded
 * classes carry over. Requests run concurrently, each on its own thread.
 *
 * <p>It stops after {@code idle} without requests, when asked ({@code --resident-stop}), when the
 * jar it runs from changes on disk (a rebuild), when a client of another build connects (it answers
 * {@link Resident#STALE} and the client starts a new one), and when its socket file is removed. A
 * stop lets the running requests finish. A request that does not arrive whole within
 * {@link #REQUEST_TIMEOUT_MILLIS}, or is malformed, gets {@link Resident#ERROR} and is closed.
 */
final class ResidentDaemon {
    static final long REQUEST_TIMEOUT_MILLIS = 10_000;
    /** How long a new daemon waits for the previous one (finishing its requests) to let go of the lock. */
    static final long LOCK_WAIT_MILLIS = 15_000;

    /** A client that reads nothing for this long while the daemon writes to it is dropped. */
    static final long WRITE_TIMEOUT_MILLIS = 30_000;

    private final Resident.Place place;
    private final long idleMillis;
    private final long writeTimeoutMillis;
    private final AtomicInteger active = new AtomicInteger();
    private final Set<Pending> pending = ConcurrentHashMap.newKeySet();
    private final Object stopLock = new Object();
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean stopping;
    private volatile String stopReason;
    private ServerSocketChannel server;
    /** The socket file this daemon bound (its inode): a stop removes only that one, never a successor's. */
    private volatile Object socketFile;

    ResidentDaemon(Resident.Place place, long idleMillis) {
        this(place, idleMillis, WRITE_TIMEOUT_MILLIS);
    }

    ResidentDaemon(Resident.Place place, long idleMillis, long writeTimeoutMillis) {
        this.place = place;
        this.idleMillis = idleMillis;
        this.writeTimeoutMillis = writeTimeoutMillis;
    }

    /** {@code ResidentDaemon DIRECTORY IDLE_SECONDS}: what the client starts (detached, output to the log). */
    public static void main(String[] args) {
        int code;
        try {
            if (args.length != 2) throw new IllegalArgumentException("usage: ResidentDaemon DIRECTORY IDLE_SECONDS");
            Path dir = Resident.privateDirectory(Path.of(args[0]).toAbsolutePath());
            long idle = Long.parseLong(args[1]) * 1000;
            // in the process of its own only (tests run daemons inside a JVM whose WarmUp they must leave alone)
            Thread warmUp = new Thread(ResidentDaemon::warmUpOnce, "arena-ls-resident-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
            code = new ResidentDaemon(Resident.Place.of(dir), idle).serve();
        } catch (Throwable t) {
            log("cannot run: " + t);
            code = 2;
        }
        System.exit(code);
    }

    static void log(String s) {
        System.err.println(Instant.now() + " arena-ls check daemon " + ProcessHandle.current().pid() + ": " + s);
    }

    /**
     * Serves until stopped; returns the exit code (0 also when another daemon already serves this
     * place). The lock file holds the daemon's pid while it runs.
     */
    int serve() throws IOException, InterruptedException {
        try (FileChannel lockFile = FileChannel.open(place.lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = waitForLock(lockFile);
            if (lock == null) {
                log("another daemon serves " + place.socket + "; exiting");
                return 0;
            }
            try {
                lockFile.truncate(0);
                lockFile.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
                Files.deleteIfExists(place.socket); // left by a daemon that was killed
                server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                server.bind(UnixDomainSocketAddress.of(place.socket));
                socketFile = fileKey(place.socket);
                log("serving " + place.socket + " (idle timeout " + idleMillis + " ms)");
                Thread watcher = new Thread(this::watch, "arena-ls-resident-watcher");
                watcher.setDaemon(true);
                watcher.start();
                acceptLoop();
                // stopped: let the running requests finish
                while (active.get() > 0) Thread.sleep(20);
                log("stopped: " + stopReason);
                return 0;
            } finally {
                lock.release();
            }
        }
    }

    /** Steps of the daemon's one warm-up; each parses and binds a built-in source (well under 1 ms once compiled). */
    static final int WARM_UP_STEPS = 1000;

    /**
     * Gets the parser compiled once, at start, on the built-in sources (as a cold check's warm-up
     * thread does during its walk); after that no request warms up again ({@link WarmUp#processIsWarm}):
     * the warm-up would only take a core from the walk.
     */
    private static void warmUpOnce() {
        WarmUp w = new WarmUp();
        for (int i = 0; i < WARM_UP_STEPS && w.step(); i++) {
            // one source per step
        }
        WarmUp.processIsWarm = true;
    }

    private FileLock waitForLock(FileChannel lockFile) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LOCK_WAIT_MILLIS * 1_000_000;
        while (true) {
            try {
                FileLock lock = lockFile.tryLock();
                if (lock != null) return lock;
            } catch (OverlappingFileLockException sameProcess) {
                // another daemon in this JVM (tests) holds it
            }
            // clients starting at once each start a daemon: the losers leave at once when the winner
            // answers, and wait only for one that is stopping (finishing its last requests)
            if (System.nanoTime() > deadline || answers(place.socket)) return null;
            Thread.sleep(50);
        }
    }

    /** The file's identity (device and inode), or null when there is none. */
    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean answers(Path socket) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void acceptLoop() {
        while (!stopping) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException closed) { // AsynchronousCloseException too: stop() closed it
                break;
            } catch (IOException e) {
                log("accept failed: " + e);
                stop("accept failed: " + e);
                break;
            }
            active.incrementAndGet();
            lastActivity = System.nanoTime();
            Thread t = new Thread(null, () -> handle(client), "arena-ls-resident-request", 4L << 20);
            t.start();
        }
    }

    /** Stops accepting (the socket file goes first, so new clients start a new daemon at once). */
    void stop(String reason) {
        synchronized (stopLock) {
            if (stopping) return;
            stopping = true;
            stopReason = reason;
        }
        try {
            if (socketFile != null && socketFile.equals(fileKey(place.socket))) Files.deleteIfExists(place.socket);
        } catch (IOException e) {
            log("cannot remove " + place.socket + ": " + e);
        }
        try {
            if (server != null) server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    boolean stopped() { return stopping; }

    /** Idle timeout, a rebuilt jar, a removed socket, and requests that never arrive. */
    private void watch() {
        long lastIdentityCheck = System.nanoTime();
        while (!stopping) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Pending p : pending) {
                if (now > p.deadline) {
                    pending.remove(p);
                    p.timedOut = true;
                    log("a client sent or read nothing within its timeout: connection closed");
                    closeQuietly(p.channel);
                }
            }
            if (active.get() == 0 && now - lastActivity > idleMillis * 1_000_000) {
                stop("idle for " + idleMillis + " ms");
            } else if (now - lastIdentityCheck > 2_000_000_000L) {
                lastIdentityCheck = now;
                if (!Resident.identity().equals(place.identity)) stop("the build changed on disk");
                else if (!socketFile.equals(fileKey(place.socket))) stop(place.socket + " was removed or replaced");
            }
        }
    }

    /**
     * A connection waited on: its request has not arrived yet, or a frame to it is being written
     * (a client that stopped reading would otherwise keep a request thread, and the daemon, forever).
     */
    private static final class Pending {
        final SocketChannel channel;
        final long deadline;
        volatile boolean timedOut;

        Pending(SocketChannel channel, long timeoutMillis) {
            this.channel = channel;
            this.deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        }
    }

    /** Writes one frame, giving up (the channel closed) when the client reads nothing for {@link #writeTimeoutMillis}. */
    void send(SocketChannel ch, byte type, byte[] b, int off, int len) throws IOException {
        synchronized (ch) {
            Pending p = new Pending(ch, writeTimeoutMillis);
            pending.add(p);
            // a SocketChannel is closed by an interrupt of a thread in (or entering) its I/O: keep a
            // pending interrupt for after the write rather than lose the client's connection to it
            boolean interrupted = Thread.interrupted();
            try {
                Resident.write(ch, type, b, off, len);
            } finally {
                pending.remove(p);
                if (interrupted) Thread.currentThread().interrupt();
            }
        }
    }

    private void send(SocketChannel ch, byte type, byte[] b) throws IOException {
        send(ch, type, b, 0, b.length);
    }

    private void handle(SocketChannel ch) {
        Pending p = new Pending(ch, REQUEST_TIMEOUT_MILLIS);
        pending.add(p);
        try {
            Resident.Frame f;
            try {
                f = Resident.read(ch);
            } finally {
                pending.remove(p);
            }
            if (f.type == Resident.STOP) {
                stop("asked to stop");
                send(ch, Resident.EXIT, new byte[4]);
                return;
            }
            if (f.type != Resident.REQUEST) throw new Resident.ProtocolException("unknown request type " + f.type);
            Resident.Request r = Resident.Request.decode(f.payload);
            if (!r.identity.equals(place.identity)) {
                // the client runs from the jar on disk now; this daemon from the one it started with
                stop("a client of another build connected");
                send(ch, Resident.STALE, "the resident daemon runs another build".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path cwd;
            try {
                cwd = Path.of(r.workingDirectory);
            } catch (InvalidPathException e) {
                throw new Resident.ProtocolException("working directory: " + e.getMessage());
            }
            if (!cwd.isAbsolute() || !Files.isDirectory(cwd)) {
                throw new Resident.ProtocolException("working directory " + r.workingDirectory + ": not an absolute path of a directory");
            }
            run(ch, r, cwd.normalize());
        } catch (Resident.ProtocolException e) {
            log("bad request: " + e.getMessage());
            answerError(ch, "bad request: " + e.getMessage());
        } catch (IOException e) {
            // the client went away, or its request never arrived (the watcher closed it and said so)
        } catch (Throwable t) {
            log("internal error: " + t);
            answerError(ch, "internal error in the resident daemon: " + t);
        } finally {
            closeQuietly(ch);
            lastActivity = System.nanoTime();
            active.decrementAndGet();
        }
    }

    private void answerError(SocketChannel ch, String message) {
        try {
            send(ch, Resident.ERROR, message.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException gone) {
            // nobody to tell
        }
    }

    private void run(SocketChannel ch, Resident.Request r, Path cwd) throws IOException, InterruptedException {
        send(ch, Resident.ACCEPTED, new byte[0]);
        // the client counts silence as a hung daemon: a beat every second while the check runs
        // parked and unparked, never interrupted: an interrupt during a write closes the channel
        AtomicBoolean checked = new AtomicBoolean();
        Thread alive = new Thread(() -> {
            try {
                while (true) {
                    LockSupport.parkNanos(Resident.ALIVE_EVERY_MILLIS * 1_000_000L);
                    if (checked.get()) return;
                    send(ch, Resident.ALIVE, new byte[0]);
                }
            } catch (IOException e) {
                // the client went away
            }
        }, "arena-ls-resident-alive");
        alive.setDaemon(true);
        alive.start();
        int code;
        PrintStream out = new PrintStream(new BufferedOutputStream(new FrameStream(ch, Resident.OUT), 1 << 16), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new BufferedOutputStream(new FrameStream(ch, Resident.ERR), 1 << 12), false, StandardCharsets.UTF_8);
        try {
            CheckCommand.Environment env = new CheckCommand.Environment(r.stdoutTty, r.stderrTty, r.noColor, r.debug, cwd, r.processors);
            code = CheckCommand.run(r.args, out, err, env);
            out.flush();
            err.flush();
        } finally {
            checked.set(true);
            LockSupport.unpark(alive);
            alive.join();
        }
        if (out.checkError() || err.checkError()) return; // the client is gone; nothing to finish
        send(ch, Resident.EXIT, java.nio.ByteBuffer.allocate(4).putInt(code).array());
    }

    /** Bytes written to it go to the client as frames of one type. */
    private final class FrameStream extends OutputStream {
        private final SocketChannel ch;
        private final byte type;

        FrameStream(SocketChannel ch, byte type) {
            this.ch = ch;
            this.type = type;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            send(ch, type, b, off, len);
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // closed anyway
        }
    }
}
