import dev.arenals.server.document.Document;
import dev.arenals.server.document.ParseTools;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.document.SerialQueue;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an open document holds, part by part: each FILE opened as the server opens it (its text as a
 * Document's buffer, parsed and bound once, on this thread's parser and binder), then the bytes its
 * arrays reserve (capacities, as {@code Document.bytesReserved} counts them) and per source char.
 *
 * <pre>
 * javac -cp server/target/arena-ls.jar -d /tmp/docbytes benchmarks/editor/memory/DocumentBytes.java
 * java -XX:+UseSerialGC -cp server/target/arena-ls.jar:/tmp/docbytes DocumentBytes FILE...
 * </pre>
 * A document opened by a client's didOpen over 64 KB keeps an eighth more text buffer than this one
 * (protocol/DidOpenText: room for the first edit). Figures: docs/memory-analysis.md, thirteenth session.
 */
public class DocumentBytes {
    public static void main(String[] args) throws Exception {
        System.out.println("| file | chars | nodes | node slots | text | arena | scope table | line index | total | per char |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (String file : args) {
            String text = Files.readString(Path.of(file));
            Document d = new Document(Path.of(file).toUri().toString(), null, 1, text, PositionEncoding.UTF16,
                    new SerialQueue(Runnable::run, null, t -> { throw new AssertionError(t); }));
            d.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
            long arena = d.arena().bytesReserved(), scopes = d.scopes().bytesReserved(), lines = d.lines().bytesReserved();
            long total = d.bytesReserved();
            System.out.printf("| %s | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %.2f |%n", Path.of(file).getFileName(), text.length(),
                    d.arena().nodeCount(), d.arena().capacity(), total - arena - scopes - lines, arena, scopes, lines, total,
                    (double) total / text.length());
        }
    }
}
