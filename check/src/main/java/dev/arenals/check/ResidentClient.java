package dev.arenals.check;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code arena-ls check --resident …} (or {@code ARENA_LS_RESIDENT=1}): sends the check to this
 * user's resident daemon ({@link ResidentDaemon}), starting it when there is none, and prints what
 * it streams back: stderr as it comes, stdout (the report) when the check has ended, then exits
 * with its code. Whatever goes wrong with the daemon (it cannot start, dies, stops answering for
 * {@link #timeoutMillis}, refuses the request) is said on stderr and the check runs cold in this
 * process, so the answer is the same. This class loads only socket and file classes: the checker's
 * classes are loaded only for a cold fallback.
 *
 * <p>{@code --resident-stop} stops the daemon; {@code --no-resident} overrides the variable.
 */
final class ResidentClient {
    /** Silence (no frame, not even {@link Resident#ALIVE}) for this long means the daemon hangs. */
    static final long DEFAULT_TIMEOUT_MILLIS = 20_000;
    /** How long a daemon the client started may take before its socket answers. */
    static final long START_TIMEOUT_MILLIS = 20_000;
    /** The daemon's default idle timeout: ten minutes. */
    static final long DEFAULT_IDLE_SECONDS = 600;

    private final PrintStream out;
    private final PrintStream err;
    private final CheckCommand.Environment env;
    private final Resident.Place place;
    private final Starter starter;
    final long timeoutMillis;

    /** Starts a daemon for a place (a detached JVM; tests may start one in process). */
    interface Starter {
        /** Returns the started process, or null when it is not a process of its own. */
        Process start(Resident.Place place) throws IOException;
    }

    ResidentClient(PrintStream out, PrintStream err, CheckCommand.Environment env, Resident.Place place, Starter starter,
            long timeoutMillis) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.place = place;
        this.starter = starter;
        this.timeoutMillis = timeoutMillis;
    }

    /** Whether the command line (or ARENA_LS_RESIDENT) asks for the resident mode. */
    static boolean wanted(String[] args) {
        boolean wanted = truthy(System.getenv("ARENA_LS_RESIDENT"));
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) break;
            if (a.equals("--resident") || a.equals("--resident-stop")) wanted = true;
            else if (a.equals("--no-resident")) return false;
            else if (takesValue(a)) i++;
        }
        return wanted;
    }

    private static boolean truthy(String v) {
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"));
    }

    /** Options whose value is the next argument (so a file named --resident stays a file). */
    private static boolean takesValue(String a) {
        switch (a) {
            case "-f": case "--format": case "-o": case "--output": case "-j": case "--threads": case "--shard":
            case "-p": case "--project": case "--max-warnings": case "--max-file-size": case "--warn": case "--cwd":
                return true;
            default:
                return false;
        }
    }

    /** The arguments without the resident mode's own options. */
    static String[] checkArguments(String[] args) {
        List<String> rest = new ArrayList<>(args.length);
        boolean ended = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!ended) {
                if (a.equals("--")) ended = true;
                else if (a.equals("--resident") || a.equals("--resident-stop") || a.equals("--no-resident")) continue;
                else if (takesValue(a) && i + 1 < args.length) {
                    rest.add(a);
                    a = args[++i];
                }
            }
            rest.add(a);
        }
        return rest.toArray(new String[0]);
    }

    static boolean stopAsked(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) return false;
            if (args[i].equals("--resident-stop")) return true;
            if (takesValue(args[i])) i++;
        }
        return false;
    }

    /** Starts the daemon as a detached JVM (a class, not a lambda: a lambda costs the client ~10 ms of start-up). */
    static final Starter DETACHED = new Starter() {
        @Override public Process start(Resident.Place place) throws IOException { return startProcess(place); }
    };

    /** The launcher's entry: this process's environment, the user's daemon directory. */
    static int main(String[] args) {
        CheckCommand.Environment env = CheckCommand.Environment.ofThisProcess();
        String[] checkArgs = checkArguments(args);
        Resident.Place place;
        try {
            place = Resident.Place.of(Resident.directory());
        } catch (IOException | RuntimeException e) {
            note(System.err, "the resident mode is unavailable (" + e.getMessage() + "); running the check cold");
            return stopAsked(args) ? 2 : CheckCommand.run(checkArgs, System.out, System.err, env);
        }
        long timeout = DEFAULT_TIMEOUT_MILLIS;
        String t = System.getenv("ARENA_LS_RESIDENT_TIMEOUT");
        if (t != null && !t.isEmpty()) {
            try {
                timeout = Math.max(1, Long.parseLong(t.trim())) * 1000;
            } catch (NumberFormatException e) {
                note(System.err, "ARENA_LS_RESIDENT_TIMEOUT=" + t + " is not a number of seconds; using " + timeout / 1000);
            }
        }
        ResidentClient client = new ResidentClient(System.out, System.err, env, place, DETACHED, timeout);
        return stopAsked(args) ? client.stop() : client.check(checkArgs);
    }

    /** {@code --resident-stop}: 0 whether or not a daemon was running. */
    int stop() {
        SocketChannel ch = connect();
        if (ch == null) {
            note(err, "no resident daemon is running");
            return 0;
        }
        try (ch) {
            Resident.write(ch, Resident.STOP, new byte[0]);
            Resident.Frame f = Resident.read(ch);
            if (f.type != Resident.EXIT) throw new Resident.ProtocolException("unexpected answer " + f.type);
            note(err, "the resident daemon stops (after the checks it is running)");
            return 0;
        } catch (IOException e) {
            note(err, "could not stop the resident daemon: " + e.getMessage());
            return 2;
        }
    }

    /** Runs the check through the daemon, or cold when the daemon fails. */
    int check(String[] args) {
        Resident.Request request = new Resident.Request();
        request.identity = place.identity;
        request.workingDirectory = env.workingDirectory.toString();
        request.stdoutTty = env.stdoutTty;
        request.stderrTty = env.stderrTty;
        request.noColor = env.noColor;
        request.debug = env.debug;
        request.processors = env.processors;
        request.args = args;
        byte[] encoded = request.encode();
        String failure = null;
        // a stale daemon is replaced once; twice means something else is wrong
        for (int attempt = 0; attempt < 2; attempt++) {
            SocketChannel ch = connect();
            if (ch == null) ch = startAndConnect();
            if (ch == null) {
                failure = "could not start the resident daemon (its log: " + place.log + ")";
                break;
            }
            Exchange x = new Exchange(ch);
            Integer code = x.run(encoded);
            if (code != null) {
                out.write(x.stdout.toByteArray(), 0, x.stdout.size());
                out.flush();
                return code;
            }
            failure = x.failure;
            if (!x.stale) break;
        }
        note(err, failure + "; running the check cold");
        return CheckCommand.run(args, out, err, env);
    }

    /** One request's conversation, with a watchdog that closes the channel on silence. */
    private final class Exchange implements Runnable {
        final SocketChannel ch;
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream(1 << 12);
        volatile long lastHeard = System.nanoTime();
        volatile boolean done;
        volatile boolean silent;
        boolean stale;
        String failure;

        Exchange(SocketChannel ch) { this.ch = ch; }

        /** The exit code, or null with {@link #failure} set. */
        Integer run(byte[] request) {
            Thread watchdog = new Thread(this, "arena-ls-resident-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            try (ch) {
                Resident.write(ch, Resident.REQUEST, request);
                while (true) {
                    Resident.Frame f = Resident.read(ch);
                    lastHeard = System.nanoTime();
                    switch (f.type) {
                        case Resident.ACCEPTED: case Resident.ALIVE: break;
                        case Resident.OUT: stdout.write(f.payload, 0, f.payload.length); break;
                        case Resident.ERR: err.write(f.payload, 0, f.payload.length); err.flush(); break;
                        case Resident.EXIT: return f.intValue();
                        case Resident.STALE:
                            stale = true;
                            failure = f.text();
                            return null;
                        case Resident.ERROR:
                            failure = "the resident daemon refused the request: " + f.text();
                            return null;
                        default:
                            throw new Resident.ProtocolException("unknown frame type " + f.type);
                    }
                }
            } catch (IOException e) {
                if (silent) {
                    failure = "the resident daemon did not answer for " + timeoutMillis / 1000 + " s (stopped it)";
                    killDaemon();
                } else if (e instanceof EOFException) {
                    failure = "the resident daemon closed the connection mid-request";
                } else {
                    failure = "the resident daemon failed: " + e.getMessage();
                }
                return null;
            } finally {
                done = true;
                watchdog.interrupt();
            }
        }

        /** The watchdog. */
        @Override
        public void run() {
            while (!done) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                if (System.nanoTime() - lastHeard > timeoutMillis * 1_000_000) {
                    silent = true;
                    try {
                        ch.close(); // the blocked read ends with AsynchronousCloseException
                    } catch (IOException ignored) {
                        // closed anyway
                    }
                    return;
                }
            }
        }
    }

    /**
     * A hung daemon would hang every later client too (the kernel still accepts connections to a
     * stopped process): kill it, if the lock file's pid is one of our daemons.
     */
    private void killDaemon() {
        try {
            String pid = new String(Files.readAllBytes(place.lock), StandardCharsets.US_ASCII).trim();
            Optional<ProcessHandle> h = ProcessHandle.of(Long.parseLong(pid));
            if (h.isPresent() && h.get().info().commandLine().orElse("").contains(ResidentDaemon.class.getName())) {
                h.get().destroyForcibly();
            }
        } catch (IOException | RuntimeException e) {
            // nothing more to do: the next client times out too, then starts over
        }
    }

    private SocketChannel connect() {
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(place.socket));
            return ch;
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                try { ch.close(); } catch (IOException ignored) { /* not connected */ }
            }
            return null;
        }
    }

    private SocketChannel startAndConnect() {
        Process p;
        try {
            p = starter.start(place);
        } catch (IOException | RuntimeException e) {
            note(err, "cannot start the resident daemon: " + e.getMessage());
            return null;
        }
        long deadline = System.nanoTime() + START_TIMEOUT_MILLIS * 1_000_000;
        long pause = 5;
        while (System.nanoTime() < deadline) {
            SocketChannel ch = connect();
            if (ch != null) return ch;
            // exit code 0: another client's daemon won the lock and will answer; anything else is a failure
            if (p != null && !p.isAlive() && p.exitValue() != 0) return null;
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            pause = Math.min(50, pause * 2);
        }
        return null;
    }

    /**
     * Starts the daemon as this JVM with its options (the launcher's flags for check, and
     * ARENA_LS_JAVA_OPTS), detached: its own session (setsid, so the terminal's Ctrl-C and hang-up
     * do not reach it), its output to the log, in the private directory (holding no user
     * directory busy), class path and archive made absolute.
     */
    static Process startProcess(Resident.Place place) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(daemonCommand(place));
        pb.directory(place.directory.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(place.log.toFile()));
        pb.redirectErrorStream(true);
        return pb.start();
    }

    static List<String> daemonCommand(Resident.Place place) {
        ProcessHandle.Info info = ProcessHandle.current().info();
        String java = info.command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>();
        for (String setsid : new String[] {"/usr/bin/setsid", "/bin/setsid"}) {
            if (Files.isExecutable(Path.of(setsid))) {
                cmd.add(setsid);
                break;
            }
        }
        cmd.add(java);
        for (String a : info.arguments().orElse(new String[0])) {
            // the JVM's options come before the class path and the main class
            if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path") || a.equals("-jar") || !a.startsWith("-")) break;
            if (a.startsWith("-XX:SharedArchiveFile=")) {
                a = "-XX:SharedArchiveFile=" + Path.of(a.substring("-XX:SharedArchiveFile=".length())).toAbsolutePath();
            }
            cmd.add(a);
        }
        // a daemon out of memory is restarted by the next client rather than left half-working
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        // check's -Xms256m spares a short process its first collections; a daemon lives on, and a
        // heap that starts at 64 MB holds ~110 MB of RSS after four runs over effect instead of ~220
        cmd.add("-Xms64m");
        StringBuilder cp = new StringBuilder();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.isEmpty()) continue;
            if (cp.length() > 0) cp.append(File.pathSeparatorChar);
            cp.append(Path.of(entry).toAbsolutePath().normalize());
        }
        cmd.add("-cp");
        cmd.add(cp.toString());
        cmd.add(ResidentDaemon.class.getName());
        cmd.add(place.directory.toString());
        cmd.add(Long.toString(idleSeconds()));
        return cmd;
    }

    /** ARENA_LS_RESIDENT_IDLE: seconds without a request before the daemon exits (default 600). */
    static long idleSeconds() {
        String v = System.getenv("ARENA_LS_RESIDENT_IDLE");
        if (v == null || v.isEmpty()) return DEFAULT_IDLE_SECONDS;
        try {
            return Math.max(1, Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_IDLE_SECONDS;
        }
    }

    static void note(PrintStream err, String s) {
        byte[] b = ("arena-ls check: " + s + "\n").getBytes(StandardCharsets.UTF_8);
        err.write(b, 0, b.length);
        err.flush();
    }
}
