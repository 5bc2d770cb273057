package dev.arenals.benchmarks;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.heap.HeapTree;
import dev.arenals.parser.scope.Binder;
import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.tree.Arena;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Retained memory of one parsed file: the arena (and its scope table) versus the heap tree, measured
 * as the growth of the used heap after full GCs while the tree is held (an honest stand-in for a
 * JOL graph walk: it counts every object the tree keeps reachable, source copies included).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.arenals.benchmarks.Footprint [FILE…]</pre>
 */
public final class Footprint {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    public static void main(String[] args) {
        String[] files = args.length > 0 ? args
                : new String[] {"typescript.js", "lib.dom.d.ts", "effect@4.1.0:src/Effect.ts", "_tsserver.js", "_typingsInstaller.js"};
        System.out.printf("%-28s %10s %12s %12s %12s %12s | %9s %9s %9s %9s%n", "file", "bytes", "arena kept", "arena used",
                "+scopes", "heap tree", "kept B/B", "used B/B", "+scp B/B", "heap B/B");
        for (String file : files) {
            String text = Corpus.read(file);
            long bytes = Corpus.sizeInBytes(file);
            ParseOptions options = ParseOptions.forFileName(file.substring(file.indexOf(':') + 1));
            JsParser parser = new JsParser();

            long base = used();
            Arena arena = new Arena();
            parser.parse(arena, text, options);
            long arenaRetained = used() - base;
            ScopeTable scopes = new ScopeTable();
            new Binder().bind(arena, scopes);
            long withScopes = used() - base;
            long arenaUsed = arena.bytesUsed();
            keep(arena, scopes);
            arena = null;
            scopes = null;

            base = used();
            HeapTree tree = parser.parseHeap(text, options);
            long heapRetained = used() - base;
            keep(tree, null);
            tree = null;

            System.out.printf("%-28s %10d %12d %12d %12d %12d | %9.2f %9.2f %9.2f %9.2f%n", file, bytes, arenaRetained, arenaUsed,
                    withScopes, heapRetained, (double) arenaRetained / bytes, (double) arenaUsed / bytes,
                    (double) withScopes / bytes, (double) heapRetained / bytes);
        }
    }

    private static Object sink;

    private static void keep(Object a, Object b) { sink = a == null ? b : a; sink = null; }

    /** Used heap after the collector has settled (several full GCs). */
    private static long used() {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            System.gc();
            long u = MEMORY.getHeapMemoryUsage().getUsed();
            if (Math.abs(u - last) < 64 * 1024) return u;
            last = u;
        }
        return last;
    }
}
