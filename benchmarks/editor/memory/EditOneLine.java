import com.sun.management.ThreadMXBean;
import dev.arenals.server.document.Document;
import dev.arenals.server.document.ParseTools;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.document.SerialQueue;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * What one kind of edit costs a document, in process: FILE opened as the server opens it (as
 * DocumentBytes does), then PAIRS times a space inserted at the start of each LINE and deleted
 * again, each edit parsed and bound ({@code Document.ensureParsed}); per line, the median and p95
 * of wall and thread CPU time and the bytes allocated (the whole of ensureParsed: parse, bind,
 * grammar checks) over the edits after the first pair, how the edits were parsed, and the node
 * slots and heap in use afterwards. For an edit whose region is most of the tree
 * (typescript.js's outer body, line 185417) against one whose region is a fifth (createTypeChecker's
 * body, line 76593) and one in a small function.
 *
 * <pre>
 * javac -cp server/target/arena-ls.jar -d /tmp/editline benchmarks/editor/memory/EditOneLine.java
 * java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx1g -cp server/target/arena-ls.jar:/tmp/editline EditOneLine FILE PAIRS LINE...
 * </pre>
 * Figures: docs/performance-comparison.md, "Issue 22, sixteenth session".
 */
public class EditOneLine {
    public static void main(String[] args) throws Exception {
        String file = args[0];
        int pairs = Integer.parseInt(args[1]);
        Document d = new Document(Path.of(file).toUri().toString(), null, 1, Files.readString(Path.of(file)), PositionEncoding.UTF16,
                new SerialQueue(Runnable::run, null, t -> { throw new AssertionError(t); }));
        d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
        ThreadMXBean cpu = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        int version = 2;
        System.out.println("| line | edits | parsed as | wall p50 / p95 ms | CPU p50 / p95 ms | allocated p50 / max B | node slots after | heap used after MB |");
        System.out.println("| ---: | ---: | --- | --- | --- | --- | ---: | ---: |");
        for (int a = 2; a < args.length; a++) {
            int line = Integer.parseInt(args[a]);
            int edits = 2 * pairs;
            long[] wall = new long[edits], thread = new long[edits], bytes = new long[edits];
            int full = 0, nested = 0, top = 0;
            for (int i = 0; i < edits; i++) {
                boolean insert = i % 2 == 0;
                d.applyChanges(List.of(new TextDocumentContentChangeEvent(new Range(new Position(line, 0), new Position(line, insert ? 0 : 1)),
                        insert ? " " : "")), version++);
                long b0 = cpu.getThreadAllocatedBytes(self), c0 = cpu.getCurrentThreadCpuTime(), t0 = System.nanoTime();
                d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
                wall[i] = System.nanoTime() - t0;
                thread[i] = cpu.getCurrentThreadCpuTime() - c0;
                bytes[i] = cpu.getThreadAllocatedBytes(self) - b0;
                if (!d.lastParseWasIncremental()) full++;
                else if (d.lastParseWasNested()) nested++;
                else top++;
            }
            // the first pair warms this line's path up (and grows what it grows)
            long[] w = Arrays.copyOfRange(wall, 2, edits), c = Arrays.copyOfRange(thread, 2, edits), b = Arrays.copyOfRange(bytes, 2, edits);
            Arrays.sort(w);
            Arrays.sort(c);
            Arrays.sort(b);
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.out.printf("| %d | %d | %s | %.2f / %.2f | %.2f / %.2f | %,d / %,d | %,d | %.1f |%n", line, edits,
                    (full > 0 ? full + " full " : "") + (nested > 0 ? nested + " one body " : "") + (top > 0 ? top + " statement" : ""),
                    w[w.length / 2] / 1e6, w[(int) (w.length * 0.95)] / 1e6, c[c.length / 2] / 1e6, c[(int) (c.length * 0.95)] / 1e6,
                    b[b.length / 2], b[b.length - 1],
                    d.arena().capacity(), (rt.totalMemory() - rt.freeMemory()) / 1e6);
        }
    }
}
