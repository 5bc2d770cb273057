package dev.arenals.benchmarks;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.grammar.GrammarChecks;
import dev.arenals.parser.scope.Binder;
import dev.arenals.parser.scope.ScopeTable;
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

/**
 * Scope analysis next to parsing: the tree is parsed once in setup; each call rebinds it into the
 * same {@link ScopeTable} (steady state, like the server after every edit). Compare with
 * {@link ParseBenchmark#arenaReparse} on the same file: the goal is binding below half the parse
 * time, allocating nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 10, time = 2, timeUnit = TimeUnit.SECONDS)
public class BindBenchmark {

    @Param({"typescript.js", "_typingsInstaller.js", "effect@4.1.0:src/Effect.ts", "lib.dom.d.ts"})
    public String file;

    private final Arena arena = new Arena();
    private final Binder binder = new Binder();
    private final ScopeTable table = new ScopeTable();

    @Setup(Level.Trial)
    public void setup() {
        String text = Corpus.read(file);
        new JsParser().parse(arena, text, ParseOptions.forFileName(file.substring(file.indexOf(':') + 1)));
        if (arena.log().diagnosticCount() != 0) throw new IllegalStateException(file + " does not parse cleanly");
        binder.bind(arena, table);
    }

    @Benchmark
    public int rebind() {
        binder.bind(arena, table);
        return table.symbolCount();
    }

    private final GrammarChecks grammar = new GrammarChecks();

    /**
     * TypeScript's grammar checks alone (they run inside {@link #rebind}): one walk of the tree
     * (nothing for a JavaScript file). The file is clean, so the log does not grow across calls.
     */
    @Benchmark
    public int grammarChecks() {
        grammar.checkTree(arena);
        return arena.log().diagnosticCount();
    }
}
