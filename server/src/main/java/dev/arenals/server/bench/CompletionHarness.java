package dev.arenals.server.bench;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.server.document.Document;
import dev.arenals.server.features.CompletionHandler;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Position;

/**
 * Latency of {@code textDocument/completion} as the handler answers on the document's queue (the
 * protocol's JSON adds what {@link LatencyHarness} shows to every request, plus the size of the
 * list):
 *
 * <pre>
 * java -cp server/target/arena-ls.jar dev.arenals.server.bench.CompletionHarness [FILE|LINES …] [--requests N]
 * </pre>
 *
 * For each input (a file, or a number: that many lines of generated module code; default 10,000
 * lines) it parses the document, then times completion at N random identifier references with
 * nothing typed (the whole list: scope names, globals, keywords), with the first two letters
 * typed (a filtered list), and right after the dot of N random member accesses. The first round
 * warms the JIT and is not counted. Prints p50, p95 and max, and the mean list size.
 */
public final class CompletionHarness {
    private CompletionHarness() {}

    public static void main(String[] args) throws Exception {
        BenchInput.forEachInput(args, CompletionHarness::measure);
    }

    static void measure(String name, String uri, String text, int requests) {
        Document doc = BenchInput.parsedDocument(uri, text);
        Arena arena = doc.arena();
        int[] references = nodes(arena, NodeKind.IDENTIFIER_REFERENCE);
        int[] members = nodes(arena, NodeKind.MEMBER);
        CompletionHandler handler = new CompletionHandler();
        Random random = new Random(42);
        long[] empty = new long[requests], typed = new long[requests], dot = new long[requests];
        long emptyItems = 0, typedItems = 0, dotItems = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up the JIT
            emptyItems = typedItems = dotItems = 0;
            for (int i = 0; i < requests; i++) {
                int ref = references[random.nextInt(references.length)];
                int start = arena.start(ref);
                Position at = doc.positionAt(start);
                Position inWord = doc.positionAt(Math.min(arena.end(ref), start + 2));
                int member = members.length == 0 ? ref : members[random.nextInt(members.length)];
                int property = member == ref ? -1 : dev.arenals.parser.tree.Layouts.memberProperty(arena, member);
                Position afterDot = doc.positionAt(property >= 0 ? arena.start(property) : arena.end(member));
                long t0 = System.nanoTime();
                CompletionList a = handler.complete(doc, at, null, true);
                long t1 = System.nanoTime();
                CompletionList b = handler.complete(doc, inWord, null, true);
                long t2 = System.nanoTime();
                CompletionList c = handler.complete(doc, afterDot, null, true);
                long t3 = System.nanoTime();
                empty[i] = t1 - t0;
                typed[i] = t2 - t1;
                dot[i] = t3 - t2;
                emptyItems += a.getItems().size();
                typedItems += b.getItems().size();
                dotItems += c.getItems().size();
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d chars, %,d references, %,d symbols%n", name, text.length(), references.length,
                doc.scopes().symbolCount());
        print("  completion, nothing typed", empty, emptyItems);
        print("  completion, two letters typed", typed, typedItems);
        print("  completion after a member's dot", dot, dotItems);
    }

    private static int[] nodes(Arena arena, int kind) {
        int[] out = new int[1024];
        int n = 0;
        for (int i = 0; i < arena.nodeCount(); i++) {
            if (arena.kind(i) != kind) continue;
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = i;
        }
        return Arrays.copyOf(out, n);
    }

    private static void print(String what, long[] nanos, long items) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: p50 %.3f ms, p95 %.3f ms, max %.3f ms (n=%d, %.0f items on average)%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[sorted.length - 1] / 1e6,
                sorted.length, items / (double) sorted.length);
    }
}
