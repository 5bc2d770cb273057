package dev.arenals.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --resident}: the daemon answers as a cold run does (same bytes, same exit code),
 * sees the files as they are at each request, serves clients at once, refuses bad requests without
 * falling over, and the client runs cold whenever the daemon cannot answer.
 */
class ResidentTest {
    @TempDir Path temp;
    Resident.Place place;
    final List<Thread> daemons = new ArrayList<>();
    final List<ResidentDaemon> served = new ArrayList<>();

    @BeforeEach
    void place() throws IOException {
        place = Resident.Place.of(Resident.privateDirectory(temp.resolve("resident")));
    }

    @AfterEach
    void stopDaemons() throws InterruptedException {
        synchronized (served) {
            for (ResidentDaemon d : served) d.stop("test over");
        }
        for (Thread t : daemons) t.join(10_000);
    }

    /** A daemon in this JVM (the same code a detached one runs), started as the client asks. */
    private Process startInProcess(Resident.Place p) {
        startDaemon(p, 60_000);
        return null;
    }

    private ResidentDaemon startDaemon(Resident.Place p, long idleMillis) {
        ResidentDaemon d = new ResidentDaemon(p, idleMillis);
        synchronized (served) {
            served.add(d);
        }
        Thread t = new Thread(() -> {
            try {
                d.serve();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "test-daemon");
        t.setDaemon(true);
        t.start();
        daemons.add(t);
        return d;
    }

    record Run(int exit, String out, String err) {
        /** The summary's time and speed differ between any two runs, cold or not. */
        Run timeless() {
            return new Run(exit, out, err.replaceAll(" in [0-9.]+ s \\([^\\n]*\\)\\n", "\n"));
        }
    }

    static CheckCommand.Environment env(Path cwd, boolean tty, boolean noColor) {
        return new CheckCommand.Environment(tty, tty, noColor, false, cwd, 2);
    }

    private Run resident(CheckCommand.Environment env, String... args) {
        return resident(place, env, ResidentClient.DEFAULT_TIMEOUT_MILLIS, args);
    }

    private Run resident(Resident.Place p, CheckCommand.Environment env, long timeout, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = new ResidentClient(o, e, env, p, this::startInProcess, timeout).check(args);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run cold(CheckCommand.Environment env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = CheckCommand.run(args, o, e, env);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static final String[] FORMATS = {"stylish", "tsc", "json", "sarif", "github", "junit", "gitlab", "checkstyle"};

    private Path sampleProject() {
        Path root = temp.resolve("project");
        Cli.write(root, "src/ok.ts", "export const a: number = 1;\n");
        Cli.write(root, "src/broken.ts", "function f(a {\n  return a;\n}\nconst x;\nlet unused = 1;\n");
        Cli.write(root, "src/view.tsx", "export const V = () => <div>{'é' + 1}</div>;\n");
        Cli.write(root, "lib/old.js", "var a = 1;\nvar a = 2;\nlet b; let b;\n");
        Cli.write(root, "node_modules/x/index.js", "syntax error here (\n");
        return root;
    }

    @Test
    void everyFormatPrintsTheBytesOfAColdRun() {
        Path root = sampleProject();
        for (String format : FORMATS) {
            for (String[] extra : new String[][] {{}, {"--warn", "unused"}, {"--no-ignore"}, {"-q"}, {"--resolve"}}) {
                for (boolean tty : new boolean[] {false, true}) {
                    for (boolean noColor : tty ? new boolean[] {false, true} : new boolean[] {false}) {
                        List<String> args = new ArrayList<>(List.of("-f", format, "-j", "2"));
                        args.addAll(Arrays.asList(extra));
                        args.add(".");
                        CheckCommand.Environment env = env(root, tty, noColor);
                        String[] a = args.toArray(new String[0]);
                        Run cold = cold(env, a).timeless();
                        Run resident = resident(env, a).timeless();
                        assertEquals(cold, resident, format + " " + args + " tty " + tty + " NO_COLOR " + noColor);
                        assertEquals(1, cold.exit(), cold.toString());
                    }
                }
            }
        }
    }

    @Test
    void relativePathsOutputFilesAndUsageErrorsAreTheClientsOwn() throws IOException {
        Path root = sampleProject();
        CheckCommand.Environment env = env(root.resolve("src"), false, false);
        assertEquals(cold(env, "broken.ts").timeless(), resident(env, "broken.ts").timeless());
        assertEquals(cold(env, "--bogus"), resident(env, "--bogus"));
        assertEquals(2, resident(env, "--bogus").exit());
        assertEquals(cold(env, "--version"), resident(env, "--version"));

        Run written = resident(env, "-f", "json", "-o", "report.json", ".");
        assertEquals(1, written.exit());
        assertEquals("", written.out());
        String json = Files.readString(root.resolve("src/report.json"));
        Files.delete(root.resolve("src/report.json"));
        cold(env, "-f", "json", "-o", "report.json", ".");
        assertEquals(Files.readString(root.resolve("src/report.json")), json);
    }

    @Test
    void aRealTreeInEveryFormat() {
        Path tsx = NpmFixtures.npmPackage("@blueprintjs/core@6.20.0").resolve("src");
        for (String format : FORMATS) {
            CheckCommand.Environment env = env(tsx, false, false);
            String[] a = {"--no-ignore", "--warn", "unused", "-f", format, "."};
            Run cold = cold(env, a).timeless();
            assertEquals(cold, resident(env, a).timeless(), format);
            assertTrue(cold.err().contains("299 files, 0 errors, 1 warning"), cold.toString());
            assertFalse(cold.out().isEmpty(), format + " reports the warning");
        }
        // 1,771 files, 45 MiB; the JSON report is ~150 KB
        Path effect = NpmFixtures.npmPackage("effect@4.1.0");
        for (String format : new String[] {"json", "checkstyle"}) {
            CheckCommand.Environment env = env(effect, false, false);
            String[] a = {"--no-ignore", "-f", format, "."};
            Run cold = cold(env, a).timeless();
            assertEquals(cold, resident(env, a).timeless(), format);
            assertTrue(cold.out().length() > 50_000, format + ": " + cold.out().length() + " bytes");
        }
    }

    @Test
    void filesChangedBetweenRunsAreSeen() throws IOException, InterruptedException {
        Path root = sampleProject();
        CheckCommand.Environment env = env(root, false, false);
        Run before = resident(env, "-f", "tsc", ".");
        assertTrue(before.out().contains("broken.ts"), before.toString());
        // same size, same second: a cache keyed on size and time alone would miss this
        Path ok = root.resolve("src/ok.ts");
        String text = Files.readString(ok);
        Files.writeString(ok, text.replace("= 1;", "= (;"));
        Files.setLastModifiedTime(ok, Files.getLastModifiedTime(root.resolve("src/broken.ts")));
        Files.delete(root.resolve("lib/old.js"));
        Cli.write(root, "src/added.ts", "export let z = ;\n");
        Run after = resident(env, "-f", "tsc", ".");
        assertEquals(cold(env, "-f", "tsc", ".").timeless(), after.timeless());
        assertTrue(after.out().contains("src/ok.ts("), after.toString());
        assertTrue(after.out().contains("src/added.ts("), after.toString());
        assertFalse(after.out().contains("old.js"), after.toString());
        assertNotEquals(before.out(), after.out());
    }

    @Test
    void clientsAtOnceEachGetTheirOwnAnswer() throws Exception {
        Path root = sampleProject();
        resident(env(root, false, false), "--version"); // one daemon, not eight racing to start
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String format = FORMATS[i % FORMATS.length];
                Path cwd = i % 2 == 0 ? root : root.resolve("src");
                results.add(pool.submit(() -> {
                    CheckCommand.Environment env = env(cwd, false, false);
                    assertEquals(cold(env, "-f", format, ".").timeless(), resident(env, "-f", format, ".").timeless(), format);
                    return true;
                }));
            }
            for (Future<Boolean> f : results) assertTrue(f.get(120, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Writes raw bytes to the daemon and returns the frames it answers until it closes. */
    private List<Resident.Frame> raw(byte[] bytes, boolean closeOutput) throws IOException {
        List<Resident.Frame> frames = new ArrayList<>();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(place.socket));
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) ch.write(b);
            if (closeOutput) ch.shutdownOutput();
            while (true) {
                try {
                    frames.add(Resident.read(ch));
                } catch (IOException closed) {
                    return frames;
                }
            }
        }
    }

    private static byte[] frame(byte type, byte[] payload) {
        return ByteBuffer.allocate(5 + payload.length).put(type).putInt(payload.length).put(payload).array();
    }

    @Test
    void badRequestsGetAnErrorAndTheDaemonServesOn() throws Exception {
        Path root = sampleProject();
        CheckCommand.Environment env = env(root, false, false);
        Run good = resident(env, "-f", "tsc", ".");

        Resident.Request r = new Resident.Request();
        r.identity = place.identity;
        r.workingDirectory = "relative/dir";
        r.processors = 2;
        r.args = new String[] {"."};
        byte[] relative = r.encode();
        r.workingDirectory = root.resolve("no-such-dir").toString();
        byte[] missing = r.encode();
        r.workingDirectory = root + "\0x";
        byte[] nul = r.encode();
        byte[] truncated = Arrays.copyOf(relative, relative.length - 3);
        byte[] trailing = Arrays.copyOf(relative, relative.length + 2);
        byte[] hugeArgs = ByteBuffer.allocate(64).putInt(Resident.PROTOCOL).putInt(0).putInt(0).put((byte) 0)
                .putInt(2).putInt(Integer.MAX_VALUE).array();
        byte[][] bad = {
            frame((byte) 99, new byte[0]),                            // an unknown request type
            frame(Resident.REQUEST, new byte[0]),                     // no request in it
            frame(Resident.REQUEST, truncated),
            frame(Resident.REQUEST, trailing),
            frame(Resident.REQUEST, hugeArgs),
            frame(Resident.REQUEST, relative),
            frame(Resident.REQUEST, missing),
            frame(Resident.REQUEST, nul),
            ByteBuffer.allocate(5).put(Resident.REQUEST).putInt(Integer.MAX_VALUE).array(), // a 2 GB frame announced
            ByteBuffer.allocate(5).put(Resident.REQUEST).putInt(-7).array(),
        };
        for (byte[] b : bad) {
            List<Resident.Frame> answer = raw(b, false);
            assertEquals(1, answer.size(), Arrays.toString(b));
            assertEquals(Resident.ERROR, answer.get(0).type, answer.get(0).text());
        }
        // a request cut short, and a connection that never sends: closed without an answer
        assertEquals(List.of(), raw(new byte[] {Resident.REQUEST, 0, 0}, true));
        assertEquals(List.of(), raw(new byte[0], true));

        assertEquals(good.timeless(), resident(env, "-f", "tsc", ".").timeless());
        assertFalse(good.err().contains("cold"), good.toString());
    }

    @Test
    void aDaemonOfAnotherBuildIsReplaced() throws Exception {
        // the same socket, but the daemon believes it runs another jar (as after a rebuild)
        Resident.Place stale = new Resident.Place(place.directory, Resident.identity(false), place.identity + "cp /gone.jar 1 2\n");
        assertEquals(place.socket, stale.socket);
        ResidentDaemon first = startDaemon(stale, 60_000);
        waitForSocket(place);
        Path root = sampleProject();
        CheckCommand.Environment env = env(root, false, false);
        Run run = resident(env, "-f", "tsc", ".");
        assertEquals(cold(env, "-f", "tsc", ".").timeless(), run.timeless());
        assertTrue(first.stopped(), "the stale daemon stops");
        assertEquals(2, served.size(), "a new daemon was started");
        assertEquals(run.timeless(), resident(env, "-f", "tsc", ".").timeless(), "and serves the next client");
        assertEquals(2, served.size());
    }

    @Test
    void aDaemonWhoseJarChangedOnDiskStopsWithoutAClient() throws Exception {
        // what it started from differs from the files now: what a rebuild looks like to it
        Resident.Place rebuilt = new Resident.Place(place.directory, Resident.identity(false), place.identity + "cp /rebuilt.jar 3 4\n");
        ResidentDaemon d = startDaemon(rebuilt, 60_000);
        waitForSocket(place);
        daemons.get(0).join(10_000);
        assertTrue(d.stopped(), "stopped within the 2 s identity check");
        assertFalse(Files.exists(place.socket));
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndTheDaemonCanGoIdle() throws Exception {
        Path root = temp.resolve("loud");
        // 300 files of 200 diagnostics each (the most a file reports): a report of ~5 MB, far more
        // than the socket's buffers hold
        for (int i = 0; i < 300; i++) Cli.write(root, "many" + i + ".js", "let a; let a;\n".repeat(200));
        ResidentDaemon d = new ResidentDaemon(place, 1_000, 500);
        synchronized (served) {
            served.add(d);
        }
        Thread t = new Thread(() -> {
            try {
                d.serve();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        t.setDaemon(true);
        t.start();
        daemons.add(t);
        waitForSocket(place);
        Resident.Request r = new Resident.Request();
        r.identity = place.identity;
        r.workingDirectory = root.toString();
        r.processors = 2;
        r.args = new String[] {"-f", "tsc", "."};
        try (SocketChannel ch = connectWhenListening()) {
            Resident.write(ch, Resident.REQUEST, r.encode());
            // never read: the daemon's writes block, until it gives up on this client
            t.join(60_000);
            assertTrue(d.stopped(), "idle again once the silent client was dropped");
            assertFalse(t.isAlive());
        }
    }

    /**
     * Found by four clients starting at once: the heartbeat thread was stopped with an interrupt,
     * and an interrupt of a thread entering a SocketChannel's I/O closes the channel, so a client
     * now and then lost its answer and ran cold. The daemon's writes keep an interrupt for after.
     */
    @Test
    void anInterruptedWriterDoesNotCloseTheClientsConnection() throws Exception {
        ResidentDaemon d = new ResidentDaemon(place, 60_000);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(place.socket));
            try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                client.connect(UnixDomainSocketAddress.of(place.socket));
                try (SocketChannel ch = server.accept()) {
                    Thread.currentThread().interrupt();
                    d.send(ch, Resident.OUT, "report".getBytes(StandardCharsets.UTF_8), 0, 6);
                    assertTrue(Thread.interrupted(), "the interrupt is kept");
                    assertTrue(ch.isOpen());
                    Resident.Frame f = Resident.read(client);
                    assertEquals("report", f.text());
                }
            }
        }
    }

    /** The socket file appears at bind(), a moment before listen(): connect until it answers. */
    private SocketChannel connectWhenListening() throws IOException, InterruptedException {
        for (int i = 0; ; i++) {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(place.socket));
                return ch;
            } catch (IOException e) {
                ch.close();
                if (i == 500) throw e;
                Thread.sleep(10);
            }
        }
    }

    private static void waitForSocket(Resident.Place p) throws InterruptedException {
        for (int i = 0; i < 500 && !Files.exists(p.socket); i++) Thread.sleep(10);
        assertTrue(Files.exists(p.socket), "daemon listening");
    }

    @Test
    void stopAndIdleTimeoutEndTheDaemon() throws Exception {
        Path root = sampleProject();
        CheckCommand.Environment env = env(root, false, false);
        resident(env, "--version");
        ResidentDaemon d = served.get(0);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, new ResidentClient(System.out, e, env, place, this::startInProcess, 5_000).stop());
        daemons.get(0).join(10_000);
        assertTrue(d.stopped());
        assertFalse(daemons.get(0).isAlive(), "serve() returned");
        assertFalse(Files.exists(place.socket));
        assertEquals(0, new ResidentClient(System.out, e, env, place, this::startInProcess, 5_000).stop());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no resident daemon is running"), err.toString());

        ResidentDaemon idle = startDaemon(place, 300);
        waitForSocket(place);
        daemons.get(1).join(10_000);
        assertTrue(idle.stopped(), "stopped after 300 ms without requests");
        assertFalse(daemons.get(1).isAlive());
    }

    /** A fake daemon: accepts one client, reads its request, answers {@code answer} and then stays silent or closes. */
    private Thread fakeDaemon(List<byte[]> answer, boolean thenClose) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(place.socket));
        Thread t = new Thread(() -> {
            try (server; SocketChannel ch = server.accept()) {
                Resident.read(ch);
                for (byte[] b : answer) ch.write(ByteBuffer.wrap(b));
                if (!thenClose) Thread.sleep(30_000);
            } catch (IOException | InterruptedException e) {
                // the client closed it
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void aDaemonThatDiesMidRequestMeansAColdRunAndNoDuplicateReport() throws Exception {
        Path root = sampleProject();
        CheckCommand.Environment env = env(root, false, false);
        fakeDaemon(List.of(frame(Resident.ACCEPTED, new byte[0]),
                frame(Resident.OUT, "half a report".getBytes(StandardCharsets.UTF_8))), true);
        Run run = resident(place, env, 5_000, "-f", "tsc", ".");
        Run cold = cold(env, "-f", "tsc", ".");
        assertEquals(cold.out(), run.out(), "the partial report is dropped, the cold one printed once");
        assertEquals(cold.exit(), run.exit());
        assertTrue(run.err().startsWith("arena-ls check: the resident daemon closed the connection mid-request; running the check cold\n"),
                run.err());
    }

    @Test
    void aDaemonThatHangsTimesOutIntoAColdRun() throws Exception {
        Path root = sampleProject();
        CheckCommand.Environment env = env(root, false, false);
        fakeDaemon(List.of(frame(Resident.ACCEPTED, new byte[0])), false);
        long start = System.nanoTime();
        Run run = resident(place, env, 1_000, "-f", "tsc", ".");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(cold(env, "-f", "tsc", ".").out(), run.out());
        assertTrue(run.err().contains("the resident daemon did not answer for 1 s"), run.err());
        assertTrue(ms < 15_000, ms + " ms");
    }

    @Test
    void aFrameTheClientDoesNotKnowMeansAColdRun() throws Exception {
        Path root = sampleProject();
        CheckCommand.Environment env = env(root, false, false);
        fakeDaemon(List.of(frame((byte) 77, new byte[0])), false);
        Run run = resident(place, env, 5_000, "-f", "tsc", ".");
        assertEquals(cold(env, "-f", "tsc", ".").out(), run.out());
        assertTrue(run.err().contains("running the check cold"), run.err());
    }

    @Test
    void theResidentOptionsAreTheClientsAndNotTheChecks() {
        assertTrue(ResidentClient.wanted(new String[] {"--resident", "."}));
        assertTrue(ResidentClient.wanted(new String[] {".", "--resident-stop"}));
        assertFalse(ResidentClient.wanted(new String[] {"--resident", "--no-resident"}));
        assertFalse(ResidentClient.wanted(new String[] {"--", "--resident"}), "a file named --resident");
        assertFalse(ResidentClient.wanted(new String[] {"-o", "--resident", "."}), "a report named --resident");
        assertEquals(List.of("-f", "json", "."), List.of(ResidentClient.checkArguments(new String[] {"--resident", "-f", "json", "."})));
        assertEquals(List.of("-o", "--resident", "--", "--resident"),
                List.of(ResidentClient.checkArguments(new String[] {"-o", "--resident", "--resident", "--", "--resident"})));
        assertTrue(ResidentClient.stopAsked(new String[] {"--resident-stop"}));
        assertFalse(ResidentClient.stopAsked(new String[] {"--", "--resident-stop"}));
    }

    @Test
    void theDirectoryMustBePrivate() throws IOException {
        Path open = Files.createDirectory(temp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        IOException e = assertThrows(IOException.class, () -> Resident.privateDirectory(open));
        assertTrue(e.getMessage().contains("not private"), e.getMessage());
        Path link = Files.createSymbolicLink(temp.resolve("link"), place.directory);
        assertThrows(IOException.class, () -> Resident.privateDirectory(link));
        Path made = Resident.privateDirectory(temp.resolve("a/b/fresh"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(made)));
    }

    /**
     * The daemon as users get it: a detached JVM started from this one's command line. Stopped
     * (SIGSTOP) mid-life, the next client times out, kills it and runs cold; the client after
     * that starts a fresh daemon.
     */
    @Test
    void aDetachedDaemonThatHangsIsKilledAndReplaced() throws Exception {
        Path root = sampleProject();
        CheckCommand.Environment env = env(root, false, false);
        List<Long> pids = new ArrayList<>();
        try {
            Run first = detached(env, 20_000, "-f", "tsc", ".");
            assertEquals(cold(env, "-f", "tsc", ".").timeless(), first.timeless());
            long pid = Long.parseLong(Files.readString(place.lock).trim());
            pids.add(pid);
            ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
            assertTrue(daemon.info().commandLine().orElse("").contains(ResidentDaemon.class.getName()));
            assertEquals(0, new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor());

            Run hung = detached(env, 1_000, "-f", "tsc", ".");
            assertEquals(first.out(), hung.out());
            assertTrue(hung.err().startsWith("arena-ls check: the resident daemon did not answer for 1 s (stopped it); running the check cold\n"),
                    hung.err());
            daemon.onExit().get(10, TimeUnit.SECONDS);

            Run next = detached(env, 20_000, "-f", "tsc", ".");
            assertEquals(first.timeless(), next.timeless());
            long second = Long.parseLong(Files.readString(place.lock).trim());
            pids.add(second);
            assertNotEquals(pid, second);
        } finally {
            for (long pid : pids) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private Run detached(CheckCommand.Environment env, long timeout, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = new ResidentClient(o, e, env, place, ResidentClient::startProcess, timeout).check(args);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
