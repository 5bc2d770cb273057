import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.scope.Binder;
import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.tree.Arena;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a document's first bind allocates, as an open pays it: each FILE parsed into a new arena
 * (trimmed to its tree, as {@code Document.ensureParsed} does), then bound by a new binder into a
 * new scope table, on this thread; prints the bytes the bind allocated (HotSpot's per-thread
 * counter), what the table's trim afterwards allocated and what the table then reserves. The
 * binder's grammar checks' per-node arrays are part of the bind's figure (a worker thread's first
 * bind of a tree that size makes them).
 *
 * <pre>
 * javac -cp server/target/arena-ls.jar -d /tmp/firstbind benchmarks/editor/memory/FirstBind.java
 * java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp server/target/arena-ls.jar:/tmp/firstbind FirstBind FILE...
 * </pre>
 * Figures: docs/performance-comparison.md, "Issue 22, eighteenth session".
 */
public class FirstBind {
    public static void main(String[] args) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        for (String file : args) {
            String text = Files.readString(Path.of(file));
            JsParser parser = new JsParser();
            Binder binder = new Binder();
            Arena arena = new Arena(Math.max(1024, text.length() / 8));
            parser.parse(arena, text, ParseOptions.forFileName(file));
            arena.trimToTree();
            ScopeTable table = new ScopeTable();
            long before = threads.getThreadAllocatedBytes(self);
            binder.bind(arena, table);
            long bound = threads.getThreadAllocatedBytes(self);
            table.trimToContents();
            long trimmed = threads.getThreadAllocatedBytes(self);
            System.out.printf("%s: %,d nodes; first bind allocated %.2f MB, the table's trim %.2f MB; the table reserves %.2f MB%n",
                    Path.of(file).getFileName(), arena.nodeCount(), (bound - before) / 1e6, (trimmed - bound) / 1e6, table.bytesReserved() / 1e6);
        }
    }
}
