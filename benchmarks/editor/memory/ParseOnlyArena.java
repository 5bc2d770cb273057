import com.sun.management.ThreadMXBean;
import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.tree.Arena;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a parse-only arena costs: each FILE parsed into a fresh {@code new Arena(1 << 14)} (the
 * workspace indexer's start, FileIndexer; {@code -Dslots=N} for another) as many times as asked; per file the node slots it ends
 * with, the bytes the parse allocated (the columns' growth: the text is read in place) and the
 * parse's wall time, median over the runs after the first.
 *
 * <pre>
 * javac -cp server/target/arena-ls.jar -d /tmp/parseonly benchmarks/editor/memory/ParseOnlyArena.java
 * java -XX:+UseSerialGC -cp server/target/arena-ls.jar:/tmp/parseonly ParseOnlyArena RUNS FILE...
 * </pre>
 * Figures: docs/performance-comparison.md, "Issue 22, sixteenth session".
 */
public class ParseOnlyArena {
    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        JsParser parser = new JsParser();
        System.out.println("| file | nodes | node slots | allocated by the parse | parse ms (median) |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        for (int a = 1; a < args.length; a++) {
            char[] text = Files.readString(Path.of(args[a])).toCharArray();
            ParseOptions options = ParseOptions.forFileName(args[a]);
            long[] allocated = new long[runs], nanos = new long[runs];
            Arena arena = null;
            for (int r = 0; r < runs; r++) {
                arena = new Arena(Integer.getInteger("slots", 1 << 14));
                long b0 = mx.getThreadAllocatedBytes(self), t0 = System.nanoTime();
                parser.parseInPlace(arena, text, text.length, options);
                nanos[r] = System.nanoTime() - t0;
                allocated[r] = mx.getThreadAllocatedBytes(self) - b0;
            }
            long[] a1 = Arrays.copyOfRange(allocated, Math.min(1, runs - 1), runs), n1 = Arrays.copyOfRange(nanos, Math.min(1, runs - 1), runs);
            Arrays.sort(a1);
            Arrays.sort(n1);
            System.out.printf("| %s | %,d | %,d | %,d | %.1f |%n", Path.of(args[a]).getFileName(), arena.nodeCount(), arena.capacity(),
                    a1[a1.length / 2], n1[n1.length / 2] / 1e6);
        }
    }
}
