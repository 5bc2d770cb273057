package dev.arenals.benchmarks;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.heap.HeapNode;
import dev.arenals.parser.heap.HeapTree;
import dev.arenals.parser.tree.Arena;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Parse time of the arena (the product, reused across parses) against the heap tree (the
 * baseline: one object per node), same parser, same input, script goal.
 *
 * <p>Inputs, all from the npm package typescript@6.0.3 (see {@link Corpus}):
 * <ul>
 *   <li>{@code typescript.js} — lib/typescript.js, 9,144,216 bytes, ~977k nodes (large);
 *   <li>{@code _tsserver.js} — lib/_tsserver.js, 27,889 bytes, ~4k nodes (mid-size: the package
 *       has no JS file between 28 KB and 6.2 MB, and lib/_tsc.js at 6.2 MB is mostly the same
 *       compiler code as typescript.js);
 *   <li>{@code _typingsInstaller.js} — lib/_typingsInstaller.js, 10,364 bytes, ~1.4k nodes (small:
 *       the package has nothing nearer 5 KB except watchGuard.js, 2.3 KB of which a third is the
 *       licence header).
 * </ul>
 *
 * <p>One fork per (benchmark, file); the heap is pinned (2 GB, G1) so the heap tree's GC cost does
 * not depend on the machine's RAM. (Not pre-touched: -XX:+AlwaysPreTouch costs ~4 s per fork on a
 * 2-core VM, and the 10 s warmup cycles the heap tree's allocations through the whole heap
 * anyway.) {@code benchmarks/run.sh} runs this with {@code -prof gc} and, where perf works,
 * {@code -prof perfnorm:events=task-clock}; results are discussed in docs/performance-comparison.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 10, time = 2, timeUnit = TimeUnit.SECONDS)
public class ParseBenchmark {

    @Param({"typescript.js", "_tsserver.js", "_typingsInstaller.js", "lib.dom.d.ts", "effect@4.1.0:src/Effect.ts"})
    public String file;

    private String text;
    private ParseOptions options;
    private JsParser parser;
    private Arena arena;

    @Setup(Level.Trial)
    public void setup(BenchmarkParams params) {
        text = Corpus.read(file);
        options = ParseOptions.forFileName(file.substring(file.indexOf(':') + 1));
        parser = new JsParser();
        // One parse into a fresh arena checks the input is clean JS for this parser and sizes the
        // arena; arenaReparse keeps that arena, so every measured call is a steady-state reparse.
        Arena first = new Arena();
        parser.parse(first, text, options);
        if (first.log().diagnosticCount() != 0) {
            throw new IllegalStateException(file + ": " + first.log().diagnosticCount() + " diagnostics; the benchmark expects a clean parse");
        }
        System.out.printf("%n[setup] %s: %s, %d chars, %d nodes, arena bytesUsed=%d bytesReserved=%d%n",
                file, Corpus.locate(file), text.length(), first.nodeCount(), first.bytesUsed(), first.bytesReserved());
        if (params.getBenchmark().endsWith(".arenaReparse")) {
            arena = first;
        } else {
            HeapTree tree = parser.parseHeap(text, options);
            if (tree.root() == null || tree.diagnosticCount() != 0) {
                throw new IllegalStateException(file + ": heap parse disagrees with the arena parse");
            }
        }
    }

    /** Steady state: the same parser and the same arena every call; {@code parse} resets it first. */
    @Benchmark
    public int arenaReparse() {
        parser.parse(arena, text, options);
        return arena.nodeCount();
    }

    /** Baseline: a new object tree per call (the previous one becomes garbage). */
    @Benchmark
    public HeapNode heapParse() {
        return parser.parseHeap(text, options).root();
    }
}
