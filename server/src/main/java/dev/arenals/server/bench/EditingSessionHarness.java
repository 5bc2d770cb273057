package dev.arenals.server.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.arenals.server.document.Document;
import dev.arenals.parser.ParseOptions;
import dev.arenals.server.protocol.ArenaLanguageServer;
import dev.arenals.server.protocol.Launchers;
import dev.arenals.server.protocol.ServerLog;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Server memory with 100 real files open, and GC behaviour over a long editing session, measured in
 * process through the real protocol stack (LSP4J client and server over pipes, JSON both ways).
 *
 * <pre>
 * test-fixtures/scripts/fetch-npm.sh typescript@6.0.3 effect@4.1.0
 * java -XX:+UseSerialGC -Xms16m -Xmx1g -cp server/target/arena-ls.jar dev.arenals.server.bench.EditingSessionHarness \
 *     [--files 100] [--edits 5000] [--edited 10] [--warmup 500] [--npm ~/.cache/arena-ls/npm]
 * </pre>
 *
 * Run it with the editor JVM flags of {@code bin/arena-ls} (above) so the GC figures are the editor's.
 * Files ({@code --files}): effect's {@code src/**}{@code /*.ts} and typescript's {@code lib/*.d.ts} and
 * {@code lib/*.js}, none over 2,000,000 bytes; the five largest always, the rest evenly spaced over the
 * sorted paths. Figures and how to read them: {@code docs/memory-analysis.md}.
 * <ol>
 * <li>Footprint: used heap after full GCs with the server warmed up (every tenth file opened and
 * closed), then with every file open (each one's diagnostics received), compared with the sum of
 * {@link Document#bytesReserved()}; then all closed, and the heap compared with the baseline.
 * <li>Session: all files reopened; {@code --edited} of them (evenly spaced) take {@code --edits}
 * single-character edits (a space, every tenth pair a '(', inserted at the start of a random line,
 * then deleted; seeded), each sent after the previous one's publishDiagnostics arrived, after a
 * warm-up of one pair per edited document and {@code --warmup} edits. Reported: collections and GC
 * time per collector, the longest pause (GC notifications, 1 ms resolution), bytes allocated per
 * thread group (ThreadMXBean; a thread that dies during the session is lost, and counted), used heap
 * after GC and the edited documents' bytesReserved before and after.
 * </ol>
 */
public final class EditingSessionHarness {
    private static final long MAX_FILE_BYTES = 2_000_000;
    private static final int ALWAYS_LARGEST = 5;
    private static final long TOLERANCE = 1L << 20;
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private EditingSessionHarness() {}

    /** An input file (texts are all read before any baseline, so the harness's copies are not counted). */
    record Source(String label, String group, String uri, String languageId, String text, long bytes, int lines) {}
    /** One collection, from a GC notification. */
    record Pause(String collector, String cause, long startMillis, long durationMillis) {}
    /** Counters at the start or end of the session (uptime in ms: the clock of GC notifications). */
    record Snapshot(long[] gcCount, long[] gcMillis, Map<Long, Allocated> allocated, long publishBytes, long uptime) {}
    /** One thread's allocation counter and the side it works for. */
    record Allocated(String role, long bytes) {}

    public static void main(String[] args) throws Exception {
        int files = Integer.parseInt(option(args, "--files", "100")), edits = Integer.parseInt(option(args, "--edits", "5000"));
        int edited = Integer.parseInt(option(args, "--edited", "10")), warmup = Integer.parseInt(option(args, "--warmup", "500"));
        Path npm = Path.of(option(args, "--npm", System.getenv().getOrDefault("ARENA_LS_CACHE", System.getProperty("user.home") + "/.cache/arena-ls") + "/npm"));
        out("arena-ls editing-session harness: %s %s, %d cores, heap initial %d MB max %d MB, GC %s", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getInit() >> 20, Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).collect(Collectors.joining(" + ")));
        List<Source> sources = select(npm, files);
        try (Harness h = new Harness()) {
            h.warmUp(sources);
            h.footprint(sources);
            h.session(sources, Math.max(2, edits), Math.max(1, edited), warmup);
        }
        System.exit(0); // LSP4J and lane threads are daemons, but do not depend on it
    }

    /** A deterministic mix: the largest files under the cap, then evenly spaced picks over the sorted paths. */
    static List<Source> select(Path npm, int count) throws IOException {
        Path effect = npm.resolve("effect@4.1.0/package"), ts = npm.resolve("typescript@6.0.3/package");
        if (!Files.isDirectory(effect) || !Files.isDirectory(ts)) {
            throw new IOException("run test-fixtures/scripts/fetch-npm.sh typescript@6.0.3 effect@4.1.0 first (looked in " + npm + ")");
        }
        List<Path> all;
        try (Stream<Path> a = Files.walk(effect.resolve("src")); Stream<Path> b = Files.list(ts.resolve("lib"))) {
            all = Stream.concat(a.filter(p -> p.toString().endsWith(".ts")), b.filter(p -> p.toString().matches(".*\\.(d\\.ts|js)")))
                    .filter(p -> size(p) <= MAX_FILE_BYTES).sorted().collect(Collectors.toList());
        }
        TreeSet<Path> chosen = new TreeSet<>();
        all.stream().sorted(Comparator.comparingLong(EditingSessionHarness::size).reversed()).limit(Math.min(ALWAYS_LARGEST, count)).forEach(chosen::add);
        List<Path> rest = new ArrayList<>(all);
        rest.removeAll(chosen);
        int need = Math.min(count - chosen.size(), rest.size());
        for (int i = 0; i < need; i++) chosen.add(rest.get((int) ((long) i * rest.size() / need)));
        List<Source> sources = new ArrayList<>();
        for (Path p : chosen) {
            byte[] bytes = Files.readAllBytes(p);
            String text = new String(bytes, StandardCharsets.UTF_8), name = p.getFileName().toString();
            String group = p.startsWith(effect) ? "effect src .ts" : name.endsWith(".d.ts") ? "typescript lib .d.ts" : "typescript lib .js";
            sources.add(new Source(npm.relativize(p).toString().replace("/package/", ":"), group, p.toUri().toString(),
                    ParseOptions.forFileName(name).language().languageId(), text, bytes.length, (int) text.chars().filter(c -> c == '\n').count() + 1));
        }
        Source largest = sources.stream().max(Comparator.comparingLong(Source::bytes)).orElseThrow();
        out("files: %d of %d candidates (the %d largest + evenly spaced), %,d bytes UTF-8, largest %s (%,d bytes)", sources.size(), all.size(),
                ALWAYS_LARGEST, sources.stream().mapToLong(Source::bytes).sum(), largest.label(), largest.bytes());
        return sources;
    }

    /** A server and a client in this JVM over pipes, their I/O threads named apart so their allocation can be told apart. */
    static final class Harness implements AutoCloseable {
        final ArenaLanguageServer server;
        final LanguageServer remote;
        final LatencyHarness.Client client = new LatencyHarness.Client();
        /** Bytes allocated inside the server's publishDiagnostics calls (JSON serialization and the write). */
        final AtomicLong publishBytes = new AtomicLong();
        final ConcurrentLinkedQueue<Pause> pauses = new ConcurrentLinkedQueue<>();
        private final ExecutorService serverIo = daemons("server-jsonrpc"), clientIo = daemons("client-jsonrpc");
        private final PipedOutputStream toServer, toClient;

        Harness() throws Exception {
            ArenaLanguageServer.Options options = new ArenaLanguageServer.Options();
            options.log = new ServerLog(null);
            server = new ArenaLanguageServer(options);
            PipedInputStream serverIn = new PipedInputStream(1 << 20), clientIn = new PipedInputStream(1 << 20);
            toServer = new PipedOutputStream(serverIn);
            toClient = new PipedOutputStream(clientIn);
            Launcher<LanguageClient> serverSide = Launchers.serverLauncher(server, serverIn, toClient, serverIo);
            server.connect(metered(serverSide.getRemoteProxy())); // replaces the plain proxy before anything is sent
            serverSide.startListening();
            Launcher<LanguageServer> clientSide = new LSPLauncher.Builder<LanguageServer>().setLocalService(client)
                    .setRemoteInterface(LanguageServer.class).setInput(clientIn).setOutput(toServer).setExecutorService(clientIo).create();
            clientSide.startListening();
            remote = clientSide.getRemoteProxy();
            InitializeParams init = new InitializeParams();
            init.setCapabilities(new ClientCapabilities());
            remote.initialize(init).get(30, TimeUnit.SECONDS);
            remote.initialized(new InitializedParams());
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((n, hb) -> recordPause(n), null, null);
            }
        }

        /** Per-collection durations exist only in GC notifications (the beans only sum them). */
        private void recordPause(Notification n) {
            if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            pauses.add(new Pause(info.getGcName(), info.getGcCause(), info.getGcInfo().getStartTime(), info.getGcInfo().getDuration()));
        }

        /** The server's view of its client, counting what each publishDiagnostics allocates on the calling (worker) thread. */
        private LanguageClient metered(LanguageClient target) {
            return (LanguageClient) Proxy.newProxyInstance(LanguageClient.class.getClassLoader(), new Class<?>[] {LanguageClient.class}, (p, m, a) -> {
                boolean publish = m.getName().equals("publishDiagnostics");
                long start = publish ? THREADS.getCurrentThreadAllocatedBytes() : 0;
                try {
                    return m.invoke(target, a);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                } finally {
                    if (publish) publishBytes.addAndGet(THREADS.getCurrentThreadAllocatedBytes() - start);
                }
            });
        }

        /** Class loading, JIT and the lanes' parser scratch belong to the baseline, not to the documents. */
        void warmUp(List<Source> sources) throws Exception {
            List<Source> some = everyNth(sources, 10, sources.size());
            openAll(some);
            closeAll(some);
        }

        void footprint(List<Source> sources) throws Exception {
            long base = usedAfterGc();
            int withDiagnostics = openAll(sources);
            long open = usedAfterGc();
            Map<String, long[]> groups = new LinkedHashMap<>(); // group -> {files, source bytes, bytes reserved}
            for (Source s : sources) {
                long[] g = groups.computeIfAbsent(s.group(), k -> new long[3]);
                g[0]++;
                g[1] += s.bytes();
                g[2] += reserved(server.openDocument(s.uri()));
            }
            closeAll(sources);
            long closed = usedAfterGc();
            long bytes = sources.stream().mapToLong(Source::bytes).sum(), growth = open - base;
            long reserved = groups.values().stream().mapToLong(g -> g[2]).sum();
            out("%nfootprint, %d documents open (%d published diagnostics), %,d source bytes:", sources.size(), withDiagnostics, bytes);
            out("  used heap after GC: baseline %,d, all open %,d, all closed %,d", base, open, closed);
            out("  heap growth:        %,d bytes = %.2f B per source byte, %,d bytes per document (mean)", growth, (double) growth / bytes, growth / sources.size());
            out("  sum bytesReserved:  %,d bytes = %.2f B per source byte (%.1f%% of the heap growth)", reserved, (double) reserved / bytes, 100.0 * reserved / growth);
            groups.forEach((name, g) -> out("    %-22s %3d files %,12d bytes, reserved %.2f B per source byte", name, g[0], g[1], (double) g[2] / g[1]));
            out("  after closing all:  %+,d bytes against the baseline (%s, tolerance %,d)", closed - base,
                    Math.abs(closed - base) <= TOLERANCE ? "back to baseline" : "NOT back to baseline", TOLERANCE);
        }

        void session(List<Source> sources, int edits, int edited, int warmup) throws Exception {
            openAll(sources);
            List<Source> targets = everyNth(sources, Math.max(1, sources.size() / edited), edited);
            int[] versions = new int[targets.size()];
            Arrays.fill(versions, 1);
            Random random = new Random(42);
            // warm-up: every document's first edit grows its text buffer by an eighth (once), and the edit path's JIT settles
            edit(targets, versions, random, 2 * targets.size(), true);
            edit(targets, versions, random, warmup, false);
            long heapBefore = usedAfterGc(), reservedBefore = reserved(targets);
            Snapshot a = snapshot();
            long[] latency = edit(targets, versions, random, edits, false);
            Snapshot b = snapshot();
            long heapAfter = usedAfterGc(), reservedAfter = reserved(targets);
            out("%nediting session: %,d edits (after %,d warm-up) on %d of the %d open documents, %.1f s, edit->publishDiagnostics mean %.2f ms, max %.1f ms",
                    edits, warmup, targets.size(), sources.size(), (b.uptime() - a.uptime()) / 1e3, latency[0] / 1e6 / edits, latency[1] / 1e6);
            for (Source t : targets) out("    edited: %s (%,d bytes)", t.label(), t.bytes());
            reportGc(a, b);
            reportAllocation(a, b, edits);
            out("  used heap after GC: before %,d, after %,d (%+,d bytes%s); heap committed %,d MB", heapBefore, heapAfter, heapAfter - heapBefore,
                    heapAfter - heapBefore > TOLERANCE ? ", GREW" : "", Runtime.getRuntime().totalMemory() >> 20);
            out("  bytesReserved of the edited documents: before %,d, after %,d (%+,d)", reservedBefore, reservedAfter, reservedAfter - reservedBefore);
            closeAll(sources);
        }

        private Snapshot snapshot() {
            List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
            return new Snapshot(gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).toArray(),
                    gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).toArray(),
                    allocatedByThread(), publishBytes.get(), ManagementFactory.getRuntimeMXBean().getUptime());
        }

        /** Per collector: count and time from its bean, the longest pause from its notifications inside the session. */
        private void reportGc(Snapshot a, Snapshot b) {
            List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
            for (int i = 0; i < gcs.size(); i++) {
                String name = gcs.get(i).getName();
                List<Pause> mine = pauses.stream().filter(p -> p.collector().equals(name) && !p.cause().equals("System.gc()")
                        && p.startMillis() >= a.uptime() && p.startMillis() <= b.uptime()).collect(Collectors.toList());
                out("  GC %-17s %5d collections, %5d ms in all, longest pause %d ms (%d notifications)", name, b.gcCount()[i] - a.gcCount()[i],
                        b.gcMillis()[i] - a.gcMillis()[i], mine.stream().mapToLong(Pause::durationMillis).max().orElse(0), mine.size());
            }
        }

        /** Allocation per edit by thread group; a thread alive at the start but gone at the end is lost (and counted). */
        private static void reportAllocation(Snapshot a, Snapshot b, int edits) {
            Map<String, Long> byRole = new HashMap<>();
            b.allocated().forEach((id, end) -> {
                Allocated start = a.allocated().get(id); // a thread started during the session counts from 0
                byRole.merge(end.role(), end.bytes() - (start == null ? 0 : start.bytes()), Long::sum);
            });
            long died = a.allocated().keySet().stream().filter(id -> !b.allocated().containsKey(id)).count();
            long workers = byRole.getOrDefault("worker", 0L), reader = byRole.getOrDefault("server-io", 0L), published = b.publishBytes() - a.publishBytes();
            out("  allocated by the server: %,d bytes, %,d B per edit (%d threads died meanwhile, not counted)", workers + reader, (workers + reader) / edits, died);
            out("    %-48s %,9d B/edit", "workers: apply edit, parse, bind, diagnostics", (workers - published) / edits);
            out("    %-48s %,9d B/edit", "workers: publishDiagnostics (JSON out, write)", published / edits);
            out("    %-48s %,9d B/edit", "JSON-RPC reader: didChange (read, JSON in)", reader / edits);
            out("  not the server: harness client %,d B/edit, other JVM threads %,d B/edit",
                    byRole.getOrDefault("client", 0L) / edits, byRole.getOrDefault("other", 0L) / edits);
        }

        /** Sends {@code n} edits in insert/delete pairs, each after the previous one's diagnostics; returns {total, max} ns. */
        private long[] edit(List<Source> targets, int[] versions, Random random, int n, boolean everyDocument) throws Exception {
            long total = 0, max = 0;
            int doc = 0, line = 0;
            for (int i = 0; i < n; i++) {
                boolean insert = (i & 1) == 0;
                if (insert) {
                    doc = everyDocument ? (i / 2) % targets.size() : random.nextInt(targets.size());
                    line = random.nextInt(targets.get(doc).lines());
                }
                // every tenth pair a stray '(' so that diagnostics come and go, as in LatencyHarness
                Range range = new Range(new Position(line, 0), new Position(line, insert ? 0 : 1));
                String text = !insert ? "" : (i / 2) % 10 == 9 ? "(" : " ";
                String uri = targets.get(doc).uri();
                int version = ++versions[doc];
                CompletableFuture<PublishDiagnosticsParams> published = client.expect(uri, version);
                long start = System.nanoTime();
                remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                        List.of(new TextDocumentContentChangeEvent(range, text))));
                published.get(120, TimeUnit.SECONDS);
                long t = System.nanoTime() - start;
                total += t;
                max = Math.max(max, t);
            }
            return new long[] {total, max};
        }

        /** Opens every source (version 1) and waits for all their diagnostics; returns how many had any. */
        private int openAll(List<Source> sources) throws Exception {
            List<CompletableFuture<PublishDiagnosticsParams>> all = new ArrayList<>();
            for (Source s : sources) {
                all.add(client.expect(s.uri(), 1));
                remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(s.uri(), s.languageId(), 1, s.text())));
            }
            int withDiagnostics = 0;
            for (CompletableFuture<PublishDiagnosticsParams> f : all) if (!f.get(300, TimeUnit.SECONDS).getDiagnostics().isEmpty()) withDiagnostics++;
            return withDiagnostics;
        }

        private void closeAll(List<Source> sources) throws Exception {
            List<Document> docs = new ArrayList<>();
            for (Source s : sources) {
                docs.add(server.openDocument(s.uri()));
                remote.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(s.uri())));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (Document d : docs) while (!d.isClosed() && System.nanoTime() < deadline) Thread.sleep(5);
        }

        private long reserved(List<Source> sources) throws Exception {
            long sum = 0;
            for (Source s : sources) sum += reserved(server.openDocument(s.uri()));
            return sum;
        }

        /** Document.bytesReserved(), read on the document's queue (its state is confined there). */
        private static long reserved(Document doc) throws Exception {
            CompletableFuture<Long> f = new CompletableFuture<>();
            doc.queue().execute(() -> f.complete(doc.bytesReserved()));
            return f.get(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws IOException {
            toServer.close();
            toClient.close();
            server.exit();
            serverIo.shutdownNow();
            clientIo.shutdownNow();
        }
    }

    /**
     * Live heap: the smallest used heap over five full GCs. Serial's mark-compact leaves dead space of up
     * to 5% of a generation in place (MarkSweepDeadRatio) and compacts fully only every fourth full GC
     * (MarkSweepAlwaysCompactCount): single readings right after closing 20 files came out ~1.8 MB high
     * with nothing reachable (gone with -XX:MarkSweepDeadRatio=0); one of any four consecutive full GCs is exact.
     */
    static long usedAfterGc() throws InterruptedException {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
            min = Math.min(min, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return min;
    }

    /** Bytes allocated so far by every live thread, with its role, by thread id. */
    static Map<Long, Allocated> allocatedByThread() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        Map<Long, Allocated> byId = new HashMap<>();
        for (int i = 0; i < ids.length; i++) if (bytes[i] >= 0 && infos[i] != null) byId.put(ids[i], new Allocated(role(infos[i].getThreadName()), bytes[i]));
        return byId;
    }

    /** Which side a thread works for: the server's lanes or JSON-RPC reader, the harness's client side, or the JVM. */
    static String role(String thread) {
        if (thread.startsWith("arena-ls-worker-")) return "worker";
        if (thread.equals("server-jsonrpc")) return "server-io";
        return thread.equals("client-jsonrpc") || thread.equals("main") ? "client" : "other";
    }

    static <T> List<T> everyNth(List<T> list, int step, int max) {
        List<T> picked = new ArrayList<>();
        for (int i = 0; i < list.size() && picked.size() < max; i += step) picked.add(list.get(i));
        return picked;
    }

    private static long size(Path p) {
        return p.toFile().length();
    }

    private static String option(String[] args, String name, String otherwise) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
        return otherwise;
    }

    private static ExecutorService daemons(String name) {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private static void out(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
    }
}
