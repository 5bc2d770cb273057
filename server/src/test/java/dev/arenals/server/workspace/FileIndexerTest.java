package dev.arenals.server.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.arenals.server.document.PositionEncoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file read from disk: its bytes decoded as UTF-8 (an ASCII run, then the decoder for the rest) before the parse. */
class FileIndexerTest {
    @TempDir Path dir;

    private FileSummary index(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return new FileIndexer(false).summarize(file, 1 << 20, PositionEncoding.UTF16);
    }

    private static List<String> declared(FileSummary s) {
        return s.declarations().stream().map(d -> d.name() + "@" + d.span().line() + ":" + d.span().startColumn()).collect(Collectors.toList());
    }

    @Test
    void anAsciiFileAndOneWithCharsPastAsciiReadAsTheirText() throws IOException {
        assertEquals(List.of("a@0:13", "b@1:13"), declared(index("a.ts", "export const a = 1;\nexport const b = 2;\n".getBytes(StandardCharsets.US_ASCII))));
        // é (2 bytes), 𝑥 (4 bytes: two UTF-16 units) after an ASCII run, then ASCII again
        FileSummary s = index("u.ts", "export const é = 1; const 𝑥 = 2;\nexport const b = 3;\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("é@0:13", "𝑥@0:26", "b@1:13"), declared(s));
    }

    @Test
    void aByteOrderMarkIsNotText() throws IOException {
        byte[] text = "export const a = 1;\n".getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);
        assertEquals(List.of("a@0:13"), declared(index("bom.ts", withMark)));
        assertEquals(List.of("é@0:13"), declared(index("bom2.ts", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "export const é = 1;\n".getBytes(StandardCharsets.UTF_8)))));
        assertNotNull(index("empty.ts", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
    }

    @Test
    void bytesThatAreNotUtf8AreToldWithTheirOffset() throws IOException {
        FileIndexer indexer = new FileIndexer(false);
        Path file = dir.resolve("latin1.ts");
        Files.write(file, concat("const a = 'caf".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9, '\'', ';'}));
        assertNull(indexer.summarize(file, 1 << 20, PositionEncoding.UTF16));
        assertEquals("not valid UTF-8 (byte offset 14): not indexed", indexer.lastProblem);
        Files.write(file, concat("export const é = 1; const b = '".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, '\''}));
        assertNull(indexer.summarize(file, 1 << 20, PositionEncoding.UTF16));
        assertEquals("not valid UTF-8 (byte offset 32): not indexed", indexer.lastProblem, "the offset counts the bytes before it, multi-byte ones too");
        // the same indexer reads a good file afterwards (its decoder and buffers reused)
        Files.writeString(file, "export const ok = 1;\n");
        assertEquals(List.of("ok@0:13"), declared(indexer.summarize(file, 1 << 20, PositionEncoding.UTF16)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
