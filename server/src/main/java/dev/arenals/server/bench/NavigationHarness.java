package dev.arenals.server.bench;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.server.document.Document;
import dev.arenals.server.features.DefinitionHandler;
import dev.arenals.server.features.DocumentHighlightHandler;
import dev.arenals.server.features.ReferencesHandler;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.SymbolIndex;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.eclipse.lsp4j.Position;

/**
 * Latency of navigation requests as the handlers answer them on the document's queue (the
 * protocol's JSON adds the same to every request and is measured by {@link LatencyHarness}):
 *
 * <pre>
 * java -cp server/target/arena-ls.jar dev.arenals.server.bench.NavigationHarness [FILE|LINES …] [--requests N]
 * </pre>
 *
 * For each input (a file, or a number: that many lines of generated module code; default 10,000
 * lines) it parses the document, then times: building the occurrence index (paid by the first
 * navigation request after each parse); definition and documentHighlight at N random identifiers;
 * references of the symbol with the most occurrences, 50 times. Prints p50, p95 and max.
 */
public final class NavigationHarness {
    private NavigationHarness() {}

    public static void main(String[] args) throws Exception {
        BenchInput.forEachInput(args, NavigationHarness::measure);
    }

    static void measure(String name, String uri, String text, int requests) {
        Document doc = BenchInput.parsedDocument(uri, text);
        DocumentQuery q = DocumentQuery.of(doc);
        Arena arena = q.arena();
        int[] identifiers = identifiers(arena);

        // the index: rebuilt by the first navigation request after every parse
        long[] build = new long[30];
        for (int i = 0; i < 30; i++) SymbolIndex.build(arena, q.scopes()); // JIT warm-up
        for (int i = 0; i < build.length; i++) {
            long t0 = System.nanoTime();
            SymbolIndex.build(arena, q.scopes());
            build[i] = System.nanoTime() - t0;
        }
        Random random = new Random(42);
        DefinitionHandler definition = new DefinitionHandler();
        DocumentHighlightHandler highlight = new DocumentHighlightHandler();
        ReferencesHandler references = new ReferencesHandler();
        long[] def = new long[requests];
        long[] hl = new long[requests];
        long sink = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up the JIT
            for (int i = 0; i < requests; i++) {
                Position p = doc.positionAt(arena.start(identifiers[random.nextInt(identifiers.length)]));
                long t0 = System.nanoTime();
                sink += definition.definition(doc, p).size();
                long t1 = System.nanoTime();
                sink += highlight.highlights(doc, p).size();
                long t2 = System.nanoTime();
                def[i] = t1 - t0;
                hl[i] = t2 - t1;
            }
        }
        int popular = mostOccurring(q);
        Position at = doc.positionAt(arena.start(q.index().occurrenceNode(popular, 0)));
        long[] refs = new long[50];
        int count = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < refs.length; i++) {
                long t0 = System.nanoTime();
                count = references.references(doc, at, true).size();
                refs[i] = System.nanoTime() - t0;
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d chars, %,d identifiers, %,d symbols%n", name, text.length(), identifiers.length,
                q.scopes().symbolCount());
        print("  index build (first request after a parse)", build);
        print("  definition at random identifiers", def);
        print("  documentHighlight at random identifiers", hl);
        print("  references of `" + q.scopes().name(popular) + "` (" + count + " occurrences)", refs);
        if (sink == 42) System.out.print(""); // keeps the answers alive
    }

    private static int[] identifiers(Arena arena) {
        int[] out = new int[1024];
        int n = 0;
        for (int i = 0; i < arena.nodeCount(); i++) {
            int k = arena.kind(i);
            if (k == NodeKind.IDENTIFIER_REFERENCE || k == NodeKind.BINDING_IDENTIFIER || k == NodeKind.IDENTIFIER_NAME) {
                if (n == out.length) out = Arrays.copyOf(out, n * 2);
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int mostOccurring(DocumentQuery q) {
        SymbolIndex index = q.index();
        int best = 0, bestCount = -1;
        for (int s = 0; s < q.scopes().symbolCount(); s++) {
            if (index.groupOf(s) != s || !q.isDeclared(s)) continue;
            int c = index.occurrenceCount(s);
            if (c > bestCount) { best = s; bestCount = c; }
        }
        return best;
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: p50 %.3f ms, p95 %.3f ms, max %.3f ms (n=%d)%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }
}
