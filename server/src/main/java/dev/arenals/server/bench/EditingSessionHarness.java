package dev.arenals.server.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.arenals.server.document.Document;
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
 * java -XX:+UseSerialGC -Xms16m -Xmx1g -cp server/target/arena-ls.jar \
 *     dev.arenals.server.bench.EditingSessionHarness [--files 100] [--edits 5000] [--edited 10] [--warmup 500] [--npm DIR]
 * </pre>
 *
 * Run it with the editor JVM flags of {@code bin/arena-ls} (above) so the GC figures are the
 * editor's. Files: effect's {@code src/**}{@code /*.ts} and typescript's {@code lib/*.d.ts},
 * {@code lib/*.js} (from {@code --npm}, default {@code ~/.cache/arena-ls/npm}), none over 2 MB;
 * the five largest always, the rest evenly spaced over the sorted paths.
 * <ol>
 * <li>Footprint: used heap after full GCs with the server warmed up, then with every file open
 * (each one's diagnostics received), compared with the sum of {@link Document#bytesReserved()};
 * then all closed, and the heap compared with the baseline.
 * <li>Session: all files reopened; {@code --edited} of them take {@code --edits} single-character
 * edits (insert a space or a '(' at the start of a random line, then delete it; seeded), each
 * sent after the previous one's publishDiagnostics arrived. Reported: collections and GC time per
 * collector, pauses (GC notifications, ms resolution), bytes allocated per thread group
 * (ThreadMXBean; a thread that dies during the session is lost, and counted), and the used heap
 * after GC before and after the session.
 * </ol>
 */
public final class EditingSessionHarness {
    private static final long MAX_FILE_BYTES = 2_000_000;
    private static final int ALWAYS_LARGEST = 5;
    private static final long CLOSE_TOLERANCE = 1L << 20;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private EditingSessionHarness() {}

    /** One input file: its text is read before any baseline, so the harness's own copy is not counted. */
    record Source(String label, String group, String uri, String languageId, String text, long bytes, int lines) {}

    /** One collection, from a GC notification. */
    record Pause(String collector, String cause, long startMillis, long durationMillis) {}

    public static void main(String[] args) throws Exception {
        int files = 100, edits = 5000, edited = 10, warmup = 500;
        Path npm = Path.of(System.getenv().getOrDefault("ARENA_LS_CACHE", System.getProperty("user.home") + "/.cache/arena-ls"), "npm");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--files": files = Integer.parseInt(args[++i]); break;
                case "--edits": edits = Integer.parseInt(args[++i]); break;
                case "--edited": edited = Integer.parseInt(args[++i]); break;
                case "--warmup": warmup = Integer.parseInt(args[++i]); break;
                case "--npm": npm = Path.of(args[++i]); break;
                default: throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "arena-ls editing-session harness: %s %s, %d cores, heap initial %d MB max %d MB, GC %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getInit() >> 20, Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).collect(Collectors.joining(" + ")));
        List<Source> sources = select(npm, files);
        try (Harness h = new Harness()) {
            h.warmUp(sources);
            h.footprint(sources);
            h.session(sources, edits, edited, warmup);
        }
        System.exit(0);
    }

    /** A deterministic mix: the largest files under the cap, then evenly spaced picks over the sorted paths. */
    static List<Source> select(Path npm, int count) throws IOException {
        Path effect = npm.resolve("effect@4.1.0/package"), ts = npm.resolve("typescript@6.0.3/package");
        if (!Files.isDirectory(effect) || !Files.isDirectory(ts)) {
            throw new IOException("run test-fixtures/scripts/fetch-npm.sh typescript@6.0.3 effect@4.1.0 first (looked in " + npm + ")");
        }
        List<Path> all;
        try (Stream<Path> a = Files.walk(effect.resolve("src")); Stream<Path> b = Files.list(ts.resolve("lib"))) {
            all = Stream.concat(a.filter(p -> p.toString().endsWith(".ts")),
                    b.filter(p -> p.toString().endsWith(".d.ts") || p.toString().endsWith(".js")))
                    .filter(p -> size(p) <= MAX_FILE_BYTES).sorted().collect(Collectors.toList());
        }
        TreeSet<Path> chosen = new TreeSet<>();
        all.stream().sorted(Comparator.comparingLong(EditingSessionHarness::size).reversed()).limit(Math.min(ALWAYS_LARGEST, count)).forEach(chosen::add);
        List<Path> rest = new ArrayList<>(all);
        rest.removeAll(chosen);
        int need = Math.min(count - chosen.size(), rest.size());
        for (int i = 0; i < need; i++) chosen.add(rest.get((int) ((long) i * rest.size() / need)));
        List<Source> out = new ArrayList<>();
        for (Path p : chosen) {
            byte[] bytes = Files.readAllBytes(p);
            String text = new String(bytes, StandardCharsets.UTF_8);
            String name = p.getFileName().toString();
            String group = p.startsWith(effect) ? "effect src .ts" : name.endsWith(".d.ts") ? "typescript lib .d.ts" : "typescript lib .js";
            out.add(new Source(npm.relativize(p).toString().replace("/package/", ":"), group, p.toUri().toString(),
                    name.endsWith(".js") ? "javascript" : "typescript", text, bytes.length, (int) text.chars().filter(c -> c == '\n').count() + 1));
        }
        System.out.printf(Locale.ROOT, "files: %d of %d candidates (%d largest + evenly spaced), %,d bytes UTF-8, largest %s (%,d bytes)%n",
                out.size(), all.size(), ALWAYS_LARGEST, out.stream().mapToLong(Source::bytes).sum(),
                out.stream().max(Comparator.comparingLong(Source::bytes)).map(Source::label).orElse("-"),
                out.stream().mapToLong(Source::bytes).max().orElse(0));
        return out;
    }

    private static long size(Path p) {
        try { return Files.size(p); } catch (IOException e) { throw new java.io.UncheckedIOException(e); }
    }

    /** A server and a client in this JVM over pipes; server and client I/O threads named apart so their allocation can be told apart. */
    static final class Harness implements AutoCloseable {
        final ArenaLanguageServer server;
        final LanguageServer remote;
        final LatencyHarness.Client client = new LatencyHarness.Client();
        /** Bytes allocated inside the server's publishDiagnostics calls (JSON serialization and the write). */
        final AtomicLong publishBytes = new AtomicLong();
        final ConcurrentLinkedQueue<Pause> pauses = new ConcurrentLinkedQueue<>();
        private final ExecutorService serverIo = Executors.newCachedThreadPool(daemon("server-jsonrpc"));
        private final ExecutorService clientIo = Executors.newCachedThreadPool(daemon("client-jsonrpc"));
        private final PipedOutputStream toServer;
        private final PipedOutputStream toClient;

        Harness() throws Exception {
            ArenaLanguageServer.Options options = new ArenaLanguageServer.Options();
            options.log = new ServerLog(null);
            server = new ArenaLanguageServer(options);
            PipedInputStream serverIn = new PipedInputStream(1 << 20);
            toServer = new PipedOutputStream(serverIn);
            PipedInputStream clientIn = new PipedInputStream(1 << 20);
            toClient = new PipedOutputStream(clientIn);
            Launcher<LanguageClient> serverSide = Launchers.serverLauncher(server, serverIn, toClient, serverIo);
            server.connect(metered(serverSide.getRemoteProxy())); // replaces the plain proxy before anything is sent
            serverSide.startListening();
            Launcher<LanguageServer> launcher = new LSPLauncher.Builder<LanguageServer>().setLocalService(client)
                    .setRemoteInterface(LanguageServer.class).setInput(clientIn).setOutput(toServer).setExecutorService(clientIo).create();
            launcher.startListening();
            remote = launcher.getRemoteProxy();
            InitializeParams init = new InitializeParams();
            init.setCapabilities(new ClientCapabilities());
            remote.initialize(init).get(30, TimeUnit.SECONDS);
            remote.initialized(new InitializedParams());
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((n, hb) -> {
                    if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    pauses.add(new Pause(info.getGcName(), info.getGcCause(), info.getGcInfo().getStartTime(), info.getGcInfo().getDuration()));
                }, null, null);
            }
        }

        /** The server's view of the client, counting what each publishDiagnostics allocates on the calling (worker) thread. */
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

        /** Class loading, JIT and the server's per-lane state belong to the baseline, not to the documents. */
        void warmUp(List<Source> sources) throws Exception {
            List<Source> some = new ArrayList<>();
            for (int i = 0; i < sources.size(); i += 10) some.add(sources.get(i));
            openAll(some);
            closeAll(some);
        }

        void footprint(List<Source> sources) throws Exception {
            long base = usedAfterGc();
            int withDiagnostics = openAll(sources);
            long open = usedAfterGc();
            Map<String, long[]> groups = new LinkedHashMap<>(); // group -> {files, source bytes, reserved}
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
            System.out.printf(Locale.ROOT, "%nfootprint, %d documents open (%d published diagnostics), %,d source bytes:%n", sources.size(), withDiagnostics, bytes);
            System.out.printf(Locale.ROOT, "  used heap after GC: baseline %,d, all open %,d, all closed %,d%n", base, open, closed);
            System.out.printf(Locale.ROOT, "  heap growth:        %,d bytes = %.2f B per source byte, %,d bytes per document (mean)%n",
                    growth, (double) growth / bytes, growth / sources.size());
            System.out.printf(Locale.ROOT, "  sum bytesReserved:  %,d bytes = %.2f B per source byte (%.0f%% of the heap growth)%n",
                    reserved, (double) reserved / bytes, 100.0 * reserved / growth);
            groups.forEach((name, g) -> System.out.printf(Locale.ROOT, "    %-22s %3d files %,12d bytes  reserved %.2f B/B%n", name, g[0], g[1], (double) g[2] / g[1]));
            System.out.printf(Locale.ROOT, "  after closing all:  %+,d bytes against the baseline (%s, tolerance %,d)%n",
                    closed - base, Math.abs(closed - base) <= CLOSE_TOLERANCE ? "back to baseline" : "NOT back to baseline", CLOSE_TOLERANCE);
        }

        void session(List<Source> sources, int edits, int edited, int warmup) throws Exception {
            openAll(sources);
            List<Source> targets = new ArrayList<>();
            int step = Math.max(1, sources.size() / edited);
            for (int i = 0; i < sources.size() && targets.size() < edited; i += step) targets.add(sources.get(i));
            int[] versions = new int[targets.size()];
            java.util.Arrays.fill(versions, 1);
            Random random = new Random(42);
            edit(targets, versions, random, warmup);
            long heapBefore = usedAfterGc();
            List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
            long[] counts0 = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).toArray();
            long[] times0 = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).toArray();
            Map<Long, Long> alloc0 = allocatedByThread();
            long publish0 = publishBytes.get(), from = ManagementFactory.getRuntimeMXBean().getUptime(), t0 = System.nanoTime();
            long[] latency = edit(targets, versions, random, edits);
            long wall = System.nanoTime() - t0, to = ManagementFactory.getRuntimeMXBean().getUptime();
            Map<Long, Long> alloc1 = allocatedByThread();
            long published = publishBytes.get() - publish0;
            long[] counts1 = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).toArray();
            long[] times1 = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).toArray();
            long heapAfter = usedAfterGc();

            System.out.printf(Locale.ROOT, "%nediting session: %,d edits (after %d warm-up) over %d of the %d open documents, %.1f s, edit->publishDiagnostics mean %.2f ms, max %.1f ms%n",
                    edits, warmup, targets.size(), sources.size(), wall / 1e9, latency[0] / 1e6 / Math.max(1, edits), latency[1] / 1e6);
            for (Source t : targets) System.out.printf(Locale.ROOT, "    edited: %s (%,d bytes)%n", t.label(), t.bytes());
            for (int i = 0; i < gcs.size(); i++) {
                String name = gcs.get(i).getName();
                List<Pause> mine = pauses.stream().filter(p -> p.collector().equals(name) && p.startMillis() >= from && p.startMillis() <= to
                        && !p.cause().equals("System.gc()")).collect(Collectors.toList());
                System.out.printf(Locale.ROOT, "  GC %-16s %5d collections, %5d ms in all, max pause %d ms (%d notified)%n", name,
                        counts1[i] - counts0[i], times1[i] - times0[i], mine.stream().mapToLong(Pause::durationMillis).max().orElse(0), mine.size());
            }
            Map<String, Long> byRole = new LinkedHashMap<>();
            for (String role : List.of("server workers", "server JSON-RPC", "harness client", "other JVM threads")) byRole.put(role, 0L);
            Map<Long, String> names = threadNames(alloc1.keySet());
            int died = 0;
            for (Long id : alloc0.keySet()) if (!alloc1.containsKey(id)) died++;
            for (Map.Entry<Long, Long> e : alloc1.entrySet()) byRole.merge(role(names.get(e.getKey())), e.getValue() - alloc0.getOrDefault(e.getKey(), 0L), Long::sum);
            long server = byRole.get("server workers") + byRole.get("server JSON-RPC");
            System.out.printf(Locale.ROOT, "  allocated by the server: %,d bytes = %,d bytes per edit (%d threads died during the session, their bytes are not counted)%n",
                    server, server / edits, died);
            System.out.printf(Locale.ROOT, "    %-52s %,10d B/edit%n", "workers: apply edit, parse, bind, diagnostics", (byRole.get("server workers") - published) / edits);
            System.out.printf(Locale.ROOT, "    %-52s %,10d B/edit%n", "workers: publishDiagnostics (JSON out)", published / edits);
            System.out.printf(Locale.ROOT, "    %-52s %,10d B/edit%n", "JSON-RPC reader: didChange (JSON in, dispatch)", byRole.get("server JSON-RPC") / edits);
            System.out.printf(Locale.ROOT, "  not the server: harness client %,d B/edit, other JVM threads %,d B/edit%n",
                    byRole.get("harness client") / edits, byRole.get("other JVM threads") / edits);
            System.out.printf(Locale.ROOT, "  used heap after GC: before %,d, after %,d (%+,d bytes)%s; heap committed %,d MB%n", heapBefore, heapAfter,
                    heapAfter - heapBefore, heapAfter - heapBefore > CLOSE_TOLERANCE ? " GREW" : "", Runtime.getRuntime().totalMemory() >> 20);
            closeAll(sources);
        }

        /** Sends {@code n} edits in insert/delete pairs, each after the previous one's diagnostics; returns {total, max} nanoseconds. */
        private long[] edit(List<Source> targets, int[] versions, Random random, int n) throws Exception {
            long total = 0, max = 0;
            int doc = 0, line = 0;
            for (int i = 0; i < n; i++) {
                boolean insert = (i & 1) == 0;
                if (insert) {
                    doc = random.nextInt(targets.size());
                    line = random.nextInt(targets.get(doc).lines());
                }
                // every tenth pair a stray '(' so that diagnostics come and go, as in LatencyHarness
                String what = (i / 2) % 10 == 9 ? "(" : " ";
                TextDocumentContentChangeEvent change = insert
                        ? new TextDocumentContentChangeEvent(new Range(new Position(line, 0), new Position(line, 0)), what)
                        : new TextDocumentContentChangeEvent(new Range(new Position(line, 0), new Position(line, 1)), "");
                String uri = targets.get(doc).uri();
                int version = ++versions[doc];
                CompletableFuture<PublishDiagnosticsParams> published = client.expect(uri, version);
                long start = System.nanoTime();
                remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), List.of(change)));
                published.get(120, TimeUnit.SECONDS);
                long t = System.nanoTime() - start;
                total += t;
                max = Math.max(max, t);
            }
            return new long[] {total, max};
        }

        /** Opens every source (version 1) and waits for all diagnostics; returns how many published any. */
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

    /** Used heap after full collections, once two in a row agree within 256 KB (as LeakTest does). */
    static long usedAfterGc() throws InterruptedException {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            System.gc();
            Thread.sleep(50);
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(used - last) < 256 * 1024) return used;
            last = used;
        }
        return last;
    }

    /** Bytes allocated so far by every live thread, by thread id. */
    static Map<Long, Long> allocatedByThread() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> out = new HashMap<>();
        for (int i = 0; i < ids.length; i++) if (bytes[i] >= 0) out.put(ids[i], bytes[i]);
        return out;
    }

    static Map<Long, String> threadNames(java.util.Set<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(ids.stream().mapToLong(Long::longValue).toArray())) {
            if (info != null) out.put(info.getThreadId(), info.getThreadName());
        }
        return out;
    }

    static String role(String threadName) {
        if (threadName == null) return "other JVM threads";
        if (threadName.startsWith("arena-ls-worker-")) return "server workers";
        if (threadName.startsWith("server-jsonrpc")) return "server JSON-RPC";
        if (threadName.startsWith("client-jsonrpc") || threadName.equals("main")) return "harness client";
        return "other JVM threads";
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
