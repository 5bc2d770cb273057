import dev.arenals.server.document.Document;
import dev.arenals.server.document.ParseTools;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.document.SerialQueue;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * What an open document holds, part by part: each FILE opened as the server opens it (its text as a
 * Document's buffer, parsed and bound once, on this thread's parser and binder), then the bytes its
 * arrays reserve (capacities, as {@code Document.bytesReserved} counts them) and per source char;
 * then again after EDITS edits as editor-latency.mjs makes them (a space inserted at the start of a
 * line from its seeded sequence, seed 22, then deleted; each parsed and bound), so what the edits'
 * reparses grow shows. With {@code --columns}: every array field of the arena, its name table and
 * the scope table with its length (read reflectively: a measurement, not an API).
 *
 * <pre>
 * javac -cp server/target/arena-ls.jar -d /tmp/docbytes benchmarks/editor/memory/DocumentBytes.java
 * java -XX:+UseSerialGC -cp server/target/arena-ls.jar:/tmp/docbytes DocumentBytes [--edits 40] [--columns] FILE...
 * </pre>
 * A document opened by a client's didOpen over 64 KB keeps an eighth more text buffer than this one
 * (protocol/DidOpenText: room for the first edit). Figures: docs/memory-analysis.md, thirteenth session;
 * with --edits: docs/performance-comparison.md, "Issue 22, fifteenth session".
 */
public class DocumentBytes {
    public static void main(String[] args) throws Exception {
        int edits = 0;
        boolean columns = false;
        int a = 0;
        for (; a < args.length && args[a].startsWith("--"); a++) {
            if (args[a].equals("--edits")) edits = Integer.parseInt(args[++a]);
            else if (args[a].equals("--columns")) columns = true;
            else throw new IllegalArgumentException(args[a]);
        }
        System.out.println("| file | after | chars | nodes | node slots | text | arena | scope table | line index | total | per char |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        StringBuilder detail = new StringBuilder();
        for (; a < args.length; a++) {
            String file = args[a];
            String text = Files.readString(Path.of(file));
            Document d = new Document(Path.of(file).toUri().toString(), null, 1, text, PositionEncoding.UTF16,
                    new SerialQueue(Runnable::run, null, t -> { throw new AssertionError(t); }));
            d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
            row(file, "open", d);
            if (columns) columns(detail, file + ", open", d);
            if (edits > 0) {
                int lines = d.lines().lineCount();
                long s = 22;
                int line = 0;
                for (int i = 0; i < edits; i++) {
                    boolean insert = i % 2 == 0;
                    if (insert) {
                        s = (s * 1103515245L + 12345) & 0xffffffffL;
                        line = (int) ((s >>> 8) % lines);
                    }
                    TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(
                            new Range(new Position(line, 0), new Position(line, insert ? 0 : 1)), insert ? " " : "");
                    d.applyChanges(List.of(change), i + 2);
                    int slotsBefore = d.arena().capacity();
                    d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
                    if (d.arena().capacity() != slotsBefore) {
                        detail.append(String.format("%s: edit %d (line %d) took the node slots %,d -> %,d: %s reparse, %,d nodes in place of %,d%n",
                                Path.of(file).getFileName(), i + 1, line, slotsBefore, d.arena().capacity(),
                                !d.lastParseWasIncremental() ? "full" : d.lastParseWasNested() ? "nested" : "top-level",
                                d.arena().spliceNodes(), d.arena().spliceOldLast() - d.arena().spliceLo() + 1));
                    }
                }
                row(file, edits + " edits", d);
                detail.append(String.format("%s: after %d edits this thread's binder keeps a scratch table of %,d bytes (its incremental rebinds' walks; per thread, not counted above)%n",
                        Path.of(file).getFileName(), edits, binderScratchBytes()));
                if (columns) columns(detail, file + ", " + edits + " edits", d);
            }
        }
        System.out.print(detail);
    }

    private static void row(String file, String after, Document d) {
        long arena = d.arena().bytesReserved(), scopes = d.scopes().bytesReserved(), lines = d.lines().bytesReserved();
        long total = d.bytesReserved();
        System.out.printf("| %s | %s | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %.2f |%n", Path.of(file).getFileName(), after, d.length(),
                d.arena().nodeCount(), d.arena().capacity(), total - arena - scopes - lines, arena, scopes, lines, total,
                (double) total / d.length());
    }

    /** What the thread's binder reserves for its incremental rebinds' walks (read reflectively: a measurement, not an API). */
    private static long binderScratchBytes() throws ReflectiveOperationException {
        Field f = ParseTools.current().binder.getClass().getDeclaredField("scratchTable");
        f.setAccessible(true);
        Object table = f.get(ParseTools.current().binder);
        return table == null ? 0 : (long) table.getClass().getMethod("bytesReserved").invoke(table);
    }

    /** Every array field's length and every int field (the counts) of the arena, its names, its log and the scope table. */
    private static void columns(StringBuilder out, String title, Document d) throws IllegalAccessException {
        out.append("\n").append(title).append('\n');
        for (Object o : new Object[] {d.arena(), d.arena().names(), d.arena().log(), d.scopes(), d.lines()}) {
            StringBuilder arrays = new StringBuilder(), counts = new StringBuilder();
            for (Field f : o.getClass().getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) continue;
                f.setAccessible(true);
                Object v = f.get(o);
                if (v instanceof int[] x) arrays.append(' ').append(f.getName()).append('=').append(x.length);
                else if (v instanceof char[] x) arrays.append(' ').append(f.getName()).append("=c").append(x.length);
                else if (v instanceof long[] x) arrays.append(' ').append(f.getName()).append("=l").append(x.length);
                else if (v instanceof byte[] x) arrays.append(' ').append(f.getName()).append("=b").append(x.length);
                else if (v instanceof Integer x) counts.append(' ').append(f.getName()).append('=').append(x);
            }
            out.append("  ").append(o.getClass().getSimpleName()).append(":").append(arrays).append("\n    counts:").append(counts).append('\n');
        }
    }
}
