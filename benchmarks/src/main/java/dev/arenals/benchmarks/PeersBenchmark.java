package dev.arenals.benchmarks;

import com.oracle.js.parser.ErrorManager;
import com.oracle.js.parser.Parser;
import com.oracle.js.parser.ScriptEnvironment;
import com.oracle.js.parser.Source;
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
 * A JVM peer on the same inputs and settings as {@link ParseBenchmark}: the GraalJS parser
 * ({@code org.graalvm.js:js-language} 23.1.8, {@code com.oracle.js.parser}), what a Java user would
 * pick today. Rhino 1.9.2 was tried too and rejects these inputs (`for (const x of y)` in
 * typescript.js, `class` in the smaller files), so it has no benchmark.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 10, time = 2, timeUnit = TimeUnit.SECONDS)
public class PeersBenchmark {

    @Param({"typescript.js", "_tsserver.js", "_typingsInstaller.js"})
    public String file;

    private String text;
    private ScriptEnvironment environment;

    @Setup(Level.Trial)
    public void setup() {
        text = Corpus.read(file);
        environment = ScriptEnvironment.builder().ecmaScriptVersion(2022).allowBigInt(true).classFields(true)
                .shebang(true).annexB(true).build();
        graalJsParse(); // fails the trial if GraalJS rejects the input
    }

    @Benchmark
    public Object graalJsParse() {
        return new Parser(environment, Source.sourceFor(file, text), new ErrorManager.ThrowErrorManager()).parse();
    }
}
