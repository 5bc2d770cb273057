package dev.arenals.server.bench;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.UnusedDeclarations;
import dev.arenals.parser.scope.UnusedReports;
import dev.arenals.parser.tree.Arena;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import java.util.Arrays;
import java.util.Locale;

/**
 * The unused-code pass alone, as the hints pay it once per parse ({@link UnusedDeclarations#find},
 * then {@link UnusedReports#of}), run {@code --requests N} times (default 200) over one parsed and
 * bound document: the median, minimum and 90th percentile of the second half of the passes (wall, and
 * the thread's CPU, which other processes' load inflates less), and a
 * checksum of the symbols and reports, so that a change to the pass's speed can show it changed no
 * report (docs/performance-comparison.md, "Issue 22, seventeenth session").
 *
 * <pre>
 * java -XX:+UseSerialGC -Xms64m -Xmx1g -cp server/target/arena-ls.jar dev.arenals.server.bench.UnusedPassHarness \
 *     PATH/typescript.js PATH/Channel.ts PATH/schemas.ts 10000 --requests 200
 * </pre>
 */
public final class UnusedPassHarness {
    private UnusedPassHarness() {}

    public static void main(String[] args) throws Exception {
        String[] withDefault = Arrays.asList(args).contains("--requests") ? args : append(args, "--requests", "200");
        BenchInput.forEachInput(withDefault, UnusedPassHarness::measure);
    }

    private static String[] append(String[] args, String... more) {
        String[] out = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, out, args.length, more.length);
        return out;
    }

    static void measure(String name, String uri, String text, int passes) {
        Document doc = BenchInput.parsedDocument(uri, text);
        DocumentQuery q = DocumentQuery.of(doc);
        Arena arena = q.arena();
        ScopeTable scopes = q.scopes();
        boolean declarationFile = doc.options().isDeclaration();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] times = new long[passes];
        long[] cpu = new long[passes];
        long checksum = 0;
        int symbols = 0, reports = 0;
        for (int p = 0; p < passes; p++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            int[] found = UnusedDeclarations.find(arena, scopes, declarationFile);
            int[] r = UnusedReports.of(arena, scopes, found, declarationFile);
            times[p] = System.nanoTime() - t0;
            cpu[p] = threads.getCurrentThreadCpuTime() - c0;
            symbols = found.length;
            reports = r.length / UnusedReports.STRIDE;
            checksum = 31L * Arrays.hashCode(found) + Arrays.hashCode(r);
        }
        long[] warm = Arrays.copyOfRange(times, passes / 2, passes);
        Arrays.sort(warm);
        long[] warmCpu = Arrays.copyOfRange(cpu, passes / 2, passes);
        Arrays.sort(warmCpu);
        System.out.printf(Locale.ROOT, "%s: %,d symbols, %,d references, %,d unused, %,d reports, checksum %016x%n",
                name, scopes.symbolCount(), scopes.referenceCount(), symbols, reports, checksum);
        System.out.printf(Locale.ROOT, "  unused pass (find + reports), %d passes, the last %d: p50 %.3f ms, min %.3f ms, p90 %.3f ms; CPU p50 %.3f ms, min %.3f ms%n",
                passes, warm.length, warm[warm.length / 2] / 1e6, warm[0] / 1e6, warm[warm.length * 9 / 10] / 1e6,
                warmCpu[warmCpu.length / 2] / 1e6, warmCpu[0] / 1e6);
    }
}
