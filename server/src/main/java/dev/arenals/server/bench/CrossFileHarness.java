package dev.arenals.server.bench;

import dev.arenals.server.protocol.ArenaLanguageServer;
import dev.arenals.server.protocol.ServerLog;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbolParams;

/**
 * References and rename of a name imported by many files, end to end through the server's
 * request path (LSP4J services called directly, no JSON transport):
 *
 * <pre>
 * java -cp server/target/arena-ls.jar dev.arenals.server.bench.CrossFileHarness [--generate FILES] [--importers K] [--runs N] [--shorthand] [--namespace] [--settle MS]
 * </pre>
 *
 * A project of FILES generated modules ({@link IndexingHarness#generate}) plus {@code hub.ts} and
 * K files importing its {@code hub} (one import, two calls each) is indexed by a server initialised on
 * it; then hub.ts is opened and {@code references} and {@code rename} at its declaration are timed
 * (the first of each, then the median and p95 of N more). The importers are closed files: references
 * read their uses from the summaries, rename edits them from the summaries after reading each file
 * to see that it is unchanged ({@code SummaryRename}); with {@code --shorthand} each importer also
 * writes {@code { hub }} (renamed {@code { hub: center }}); with {@code --namespace} each importer
 * writes {@code import * as H} and calls {@code H.hub(…)} (the uses found from the summary's uses of
 * H and the text after them). Then workspace/symbol over the whole index. {@code --settle MS}: hub.ts is
 * opened that long after indexing ended (the server's work after it done, as when a user asks a few
 * seconds later); without it, at once. Each first request is also given as the process's CPU time
 * (the request's thread, and the JIT and collector working for it), which a loaded machine moves less.
 */
public final class CrossFileHarness {
    private CrossFileHarness() {}

    public static void main(String[] args) throws Exception {
        int files = 20_000, importers = 1_000, runs = 20;
        long settleMillis = 0;
        boolean shorthand = false, namespace = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--generate")) files = Integer.parseInt(args[++i]);
            else if (args[i].equals("--importers")) importers = Integer.parseInt(args[++i]);
            else if (args[i].equals("--runs")) runs = Integer.parseInt(args[++i]);
            else if (args[i].equals("--shorthand")) shorthand = true;
            else if (args[i].equals("--namespace")) namespace = true;
            else if (args[i].equals("--settle")) settleMillis = Long.parseLong(args[++i]);
        }
        Path root = files > 0 ? IndexingHarness.generate(files) : Files.createTempDirectory("arena-ls-xfile-bench");
        String hubText = "export function hub(x: number): number {\n  return x * 2;\n}\n";
        Path hub = Files.writeString(Files.createDirectories(root.resolve("src")).resolve("hub.ts"), hubText);
        Path users = Files.createDirectories(root.resolve("src/users"));
        for (int i = 0; i < importers; i++) {
            Files.writeString(users.resolve("u" + i + ".ts"), namespace
                    ? "import * as H from \"../hub\";\nexport const u" + i + " = H.hub(" + i + ") + H.hub(1);\n"
                    : "import { hub } from \"../hub\";\nexport const u" + i + " = hub(" + i + ") + hub(1);\n"
                    + (shorthand ? "export const o" + i + " = { hub };\n" : ""));
        }

        ArenaLanguageServer.Options options = new ArenaLanguageServer.Options();
        options.log = new ServerLog(new PrintStream(OutputStream.nullOutputStream()));
        ArenaLanguageServer server = new ArenaLanguageServer(options);
        InitializeParams params = new InitializeParams();
        params.setRootUri(root.toUri().toString());
        long t0 = System.nanoTime();
        server.initialize(params).get();
        server.initialized(new InitializedParams());
        server.indexing().get(10, TimeUnit.MINUTES);
        System.out.printf(Locale.ROOT, "%d files indexed in %.0f ms%n", server.workspaceIndex().size(), (System.nanoTime() - t0) / 1e6);

        Thread.sleep(settleMillis);
        String uri = hub.toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "typescript", 1, hubText)));
        Position declaration = new Position(0, 17);
        int expectedReferences = 1 + (namespace ? 2 : shorthand ? 4 : 3) * importers;
        int[] count = new int[1];
        double[] references = time(runs, () -> {
            ReferenceParams p = new ReferenceParams(new TextDocumentIdentifier(uri), declaration, new ReferenceContext(true));
            count[0] = server.getTextDocumentService().references(p).join().size();
            return count[0];
        });
        if (count[0] != expectedReferences) throw new AssertionError("references: " + count[0] + ", expected " + expectedReferences);
        report("references of hub (" + count[0] + " locations in " + (importers + 1) + " files)", references);
        long fromSummaries = dev.arenals.server.workspace.SummaryRename.filesFromSummaries();
        double[] rename = time(runs, () -> {
            WorkspaceEdit edit = server.getTextDocumentService().rename(new RenameParams(new TextDocumentIdentifier(uri), declaration, "center")).join();
            count[0] = edit.getChanges().values().stream().mapToInt(List::size).sum();
            return count[0];
        });
        if (count[0] != expectedReferences) throw new AssertionError("rename edits: " + count[0] + ", expected " + expectedReferences);
        report("rename of hub (" + count[0] + " edits in " + (importers + 1) + " files)", rename);
        if (!namespace) { // H.hub uses are found by CrossFileRename.memberEditsWithoutParse, which this count does not see
            System.out.printf(Locale.ROOT, "  files edited from their summaries: %.1f a request%n",
                    (dev.arenals.server.workspace.SummaryRename.filesFromSummaries() - fromSummaries) / (double) (runs + 1));
        }
        String[] queries = {"get", "Layer", "pipe", "map", "sC", "Effect", "x", "toString", "parse", "createProgram", "Service12", "cmp"};
        int[] q = new int[1];
        double[] symbols = time(200, () -> server.getWorkspaceService().symbol(new WorkspaceSymbolParams(queries[q[0]++ % queries.length])).join());
        report("workspace/symbol (" + queries.length + " queries in turn)", symbols);
        server.shutdown().get();
    }

    /** The process's CPU time of the first call {@link #time} made last, and the mean of the calls after it. */
    private static double firstCpuMillis, thenCpuMillis;

    /** The first call's time, then {@code runs} more, sorted after it: ms. */
    private static double[] time(int runs, Supplier<Object> call) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double[] out = new double[runs + 1];
        long thenStart = 0;
        for (int i = 0; i <= runs; i++) {
            long c = os.getProcessCpuTime();
            if (i == 1) thenStart = c;
            long t = System.nanoTime();
            call.get();
            out[i] = (System.nanoTime() - t) / 1e6;
            if (i == 0) firstCpuMillis = (os.getProcessCpuTime() - c) / 1e6;
            if (i == runs) thenCpuMillis = runs == 0 ? 0 : (os.getProcessCpuTime() - thenStart) / 1e6 / runs;
        }
        Arrays.sort(out, 1, out.length);
        return out;
    }

    private static void report(String what, double[] ms) {
        int n = ms.length - 1;
        System.out.printf(Locale.ROOT, "%s: first %.1f ms (process CPU %.0f ms); then p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d runs; process CPU %.1f ms a run)%n",
                what, ms[0], firstCpuMillis, ms[1 + n / 2], ms[1 + Math.min(n - 1, n * 95 / 100)], ms[n], n, thenCpuMillis);
    }
}
