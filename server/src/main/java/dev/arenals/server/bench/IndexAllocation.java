package dev.arenals.server.bench;

import dev.arenals.check.ProjectFiles;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.protocol.ServerLog;
import dev.arenals.server.workspace.Indexer;
import dev.arenals.server.workspace.ModuleResolver;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Bytes allocated per indexed file, exactly, on one thread:
 *
 * <pre>
 * java [JVM flags] -cp server/target/arena-ls.jar dev.arenals.server.bench.IndexAllocation DIR… [--rounds 12]
 * java [JVM flags] -cp other-build.jar server/src/main/java/dev/arenals/server/bench/IndexAllocation.java DIR…   (any build: public API only)
 * </pre>
 *
 * Each round forgets the resolver's caches, indexes every source file below the directories into a
 * fresh index (cold caches), then again (the caches warm), and prints both passes' bytes per file.
 * {@link IndexingHarness}'s allocation figures move with the machine's load, because the resolver's
 * caches live three seconds and a slow pass outlives them and resolves again; here the two passes
 * must end within 2.5 s of the round's start (a round that does not is marked), so give it a few
 * hundred files. The first third of the rounds warm the JIT and are not printed.
 */
public final class IndexAllocation {
    private IndexAllocation() {}

    public static void main(String[] args) throws Exception {
        int rounds = 12;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds")) { rounds = Integer.parseInt(args[++i]); continue; }
            try (Stream<Path> walk = Files.walk(Path.of(args[i]).toAbsolutePath().normalize())) {
                walk.filter(Files::isRegularFile).filter(p -> ProjectFiles.isSourceName(p.getFileName().toString())).sorted().forEach(files::add);
            }
        }
        int total = rounds;
        Thread t = new Indexer.IndexThread(() -> run(files, total), "allocation");
        t.start();
        t.join();
    }

    private static void run(List<Path> files, int rounds) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        ServerLog quiet = new ServerLog(new PrintStream(OutputStream.nullOutputStream()));
        for (int r = 0; r < rounds; r++) {
            ModuleResolver.forgetAll();
            long[] allocated = new long[2];
            long start = System.nanoTime();
            for (int pass = 0; pass < 2; pass++) {
                Indexer indexer = new Indexer(new WorkspaceIndex(), quiet, 1, () -> ProjectFiles.DEFAULT_MAX_FILE_SIZE, PositionEncoding.UTF16);
                long before = mx.getThreadAllocatedBytes(thread);
                for (Path f : files) indexer.indexFile(f);
                allocated[pass] = mx.getThreadAllocatedBytes(thread) - before;
                indexer.shutdown();
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (r < rounds / 3) continue;
            System.out.printf(Locale.ROOT, "round %d: %d files, cold caches %.0f B a file, warm %.0f B a file (%d ms%s)%n", r, files.size(),
                    allocated[0] / (double) files.size(), allocated[1] / (double) files.size(), ms, ms > 2500 ? ", longer than a cache generation: not exact" : "");
        }
    }
}
