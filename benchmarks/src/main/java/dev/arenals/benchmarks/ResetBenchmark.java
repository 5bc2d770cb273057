package dev.arenals.benchmarks;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
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
 * {@link Arena#reset()} must be O(1): its time must not grow with the tree it forgets. Each trial
 * parses one file into an arena in setup (not measured), then measures only {@code reset()}.
 *
 * <p>{@code file} is the tree the arena holds: {@code none} is a fresh, never-used arena; the
 * others are files of the typescript@6.0.3 package, from ~1.4k to ~977k nodes. reset() is a handful
 * of field stores with no branch on the tree's size (Arena, NameTable and ParseLog each zero their
 * counters; NameTable bumps a generation instead of clearing its slots), so the repeated calls that
 * JMH makes after the first run the same code as the first one. The benchmark returns the new
 * generation so the JIT cannot drop the work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class ResetBenchmark {

    @Param({"none", "_typingsInstaller.js", "_tsserver.js", "_tsc.js", "typescript.js"})
    public String file;

    private Arena arena;

    @Setup(Level.Trial)
    public void setup() {
        arena = new Arena();
        if (!file.equals("none")) {
            new JsParser().parse(arena, Corpus.read(file), ParseOptions.script());
        }
        System.out.printf("%n[setup] %s: %d nodes, capacity %d, arena bytesUsed=%d bytesReserved=%d%n",
                file, arena.nodeCount(), arena.capacity(), arena.bytesUsed(), arena.bytesReserved());
    }

    @Benchmark
    public int reset() {
        arena.reset();
        return arena.generation();
    }
}
