package dev.arenals.server.bench;

import dev.arenals.server.document.Document;
import dev.arenals.server.document.ParseTools;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.document.SerialQueue;
import dev.arenals.server.features.FoldingRangeHandler;
import dev.arenals.server.features.SelectionRangeHandler;
import dev.arenals.server.features.SemanticTokensHandler;
import dev.arenals.server.features.SemanticTokensHistory;
import dev.arenals.server.workspace.CrossFileNavigator;
import dev.arenals.server.workspace.Summarizer;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * Latency of the structure requests as the handlers answer them on the document's queue (JSON
 * excluded, as in {@link NavigationHarness}):
 *
 * <pre>
 * java -cp server/target/arena-ls.jar dev.arenals.server.bench.StructureHarness [FILE|LINES …] [--runs N]
 * </pre>
 *
 * For each input (a file, or a number of generated lines; default 10,000): semantic tokens
 * {@code full}; {@code full/delta} after a one-character edit in the middle (the edit, the
 * incremental reparse and rebind, and the delta together, as a client sees it); folding ranges;
 * selection ranges at 100 random positions. Prints p50, p95, max, and the bytes the thread
 * allocated per request (HotSpot's per-thread counter) next to the size of the answer's ints.
 */
public final class StructureHarness {
    private StructureHarness() {}

    public static void main(String[] args) throws Exception {
        int runs = 200;
        boolean workspace = false;
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) runs = Integer.parseInt(args[++i]);
            else if (args[i].equals("--workspace")) workspace = true;
            else inputs.add(args[i]);
        }
        if (inputs.isEmpty()) inputs.add("10000");
        for (String input : inputs) {
            BenchInput in = BenchInput.of(input);
            measure(in.name(), in.uri(), in.text(), runs, workspace ? filesOnDisk() : null);
        }
    }

    /**
     * {@code --workspace}: imported names coloured from the files they come from, each summarized
     * from disk the first time it is asked for and kept, as the index keeps a file (the first
     * round, a warm-up, pays the reads).
     */
    private static CrossFileNavigator filesOnDisk() {
        WorkspaceIndex index = new WorkspaceIndex();
        index.setLoader(path -> {
            try {
                return Summarizer.ofText(path, Files.readString(path));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        });
        return new CrossFileNavigator(index);
    }

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocated() { return THREADS.getCurrentThreadAllocatedBytes(); }

    /** This thread's CPU time: unlike wall time, not inflated by the time slices other processes take. */
    private static long cpu() { return THREADS.getCurrentThreadCpuTime(); }

    static void measure(String name, String uri, String text, int runs, CrossFileNavigator workspace) {
        Document doc = new Document(uri, null, 1, text, PositionEncoding.UTF16,
                new SerialQueue(Runnable::run, null, t -> { throw new AssertionError(t); }));
        ParseTools tools = ParseTools.current();
        doc.ensureParsed(tools, Long.MAX_VALUE);
        SemanticTokensHandler tokens = new SemanticTokensHandler(() -> workspace);
        SemanticTokensHistory history = new SemanticTokensHistory();
        FoldingRangeHandler folding = new FoldingRangeHandler();
        SelectionRangeHandler selection = new SelectionRangeHandler();

        long[] full = new long[runs];
        long[] fullCpu = new long[runs];
        long fullBytes = 0;
        int fullInts = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up the JIT
            for (int i = 0; i < runs; i++) {
                long a0 = allocated(), c0 = cpu(), t0 = System.nanoTime();
                fullInts = tokens.full(doc, history).getData().size();
                full[i] = System.nanoTime() - t0;
                fullCpu[i] = cpu() - c0;
                fullBytes = allocated() - a0;
            }
        }

        // one character typed and deleted in turn in the middle line, each followed by a delta
        int line = doc.lines().lineCount() / 2;
        String id = tokens.full(doc, history).getResultId();
        long[] delta = new long[runs];
        long[] reparse = new long[runs];
        long[] deltaCpu = new long[runs];
        long deltaBytes = 0;
        int deltaInts = 0, incremental = 0, spliced = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < runs; i++) {
                boolean insert = i % 2 == 0;
                Position at = new Position(line, 0);
                Range range = insert ? new Range(at, at) : new Range(at, new Position(line, 1));
                long a0 = allocated(), c0 = cpu(), t0 = System.nanoTime();
                doc.applyChanges(List.of(new TextDocumentContentChangeEvent(range, insert ? "x" : "")), doc.version() + 1);
                doc.ensureParsed(tools, Long.MAX_VALUE);
                long t1 = System.nanoTime();
                var answer = tokens.delta(doc, id, history);
                delta[i] = System.nanoTime() - t0;
                deltaCpu[i] = cpu() - c0;
                reparse[i] = t1 - t0;
                deltaBytes = allocated() - a0;
                id = answer.getRight().getResultId();
                deltaInts = answer.getRight().getEdits().isEmpty() ? 0 : answer.getRight().getEdits().get(0).getData().size();
                if (doc.lastParseWasIncremental()) incremental++;
                if (history.lastDeltaSpliced(doc.uri())) spliced++;
            }
        }

        long[] fold = new long[Math.max(20, runs / 4)];
        long foldBytes = 0;
        int foldCount = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < fold.length; i++) {
                long a0 = allocated(), t0 = System.nanoTime();
                foldCount = folding.foldingRanges(doc, true, 0).size();
                fold[i] = System.nanoTime() - t0;
                foldBytes = allocated() - a0;
            }
        }

        Random random = new Random(42);
        long[] select = new long[runs];
        int positions = 100;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < runs; i++) {
                List<Position> at = new ArrayList<>(positions);
                for (int p = 0; p < positions; p++) at.add(doc.positionAt(random.nextInt(doc.length())));
                long t0 = System.nanoTime();
                selection.selectionRanges(doc, at);
                select[i] = System.nanoTime() - t0;
            }
        }

        System.out.printf(Locale.ROOT, "%s: %,d chars, %,d lines, %,d tokens%n", name, text.length(), doc.lines().lineCount(), fullInts / 5);
        print("  semanticTokens/full", full, String.format(Locale.ROOT, "%,d B allocated, answer %,d B of ints", fullBytes, 4L * fullInts));
        print("    the same in thread CPU time", fullCpu, "");
        print("  semanticTokens/full/delta after a 1-char edit (edit + reparse + delta)", delta,
                String.format(Locale.ROOT, "%,d B allocated, edit of %d ints, %d%% incremental reparses, %d%% statement-only token updates",
                        deltaBytes, deltaInts, 100 * incremental / (2 * runs), 100 * spliced / (2 * runs)));
        print("    the same in thread CPU time (what a busy machine's descheduling leaves out)", deltaCpu, "");
        print("    of which the edit, reparse and rebind (wall)", reparse, "");
        print("  foldingRange (" + foldCount + " ranges)", fold, String.format(Locale.ROOT, "%,d B allocated", foldBytes));
        print("  selectionRange, " + positions + " positions per request", select, "");
    }

    private static void print(String what, long[] nanos, String extra) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: p50 %.3f ms, p95 %.3f ms, max %.3f ms (n=%d)%s%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[sorted.length - 1] / 1e6,
                sorted.length, extra.isEmpty() ? "" : "; " + extra);
    }
}
