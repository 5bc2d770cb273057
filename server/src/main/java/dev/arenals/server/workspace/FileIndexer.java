package dev.arenals.server.workspace;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.LineStarts;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.tree.Arena;
import dev.arenals.server.document.PositionEncoding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * One indexing thread's reusable state: read → decode → parse → summarize, with one byte buffer,
 * one char buffer, one parser and one {@link Arena} reset per file. What a file leaves behind is
 * its {@link FileSummary}; a file that cannot be indexed leaves a reason ({@link #lastProblem}).
 * Not thread-safe: one per thread.
 */
final class FileIndexer {
    /** Buffers up to this size stay with the thread (most source files are smaller). */
    private static final int KEPT_BUFFER_CHARS = 1 << 20, KEPT_ARENA_NODES = 1 << 17;
    private static final int READ_CHUNK = 1 << 18;
    /** The open options as one set made once (the varargs form builds a HashSet per call). */
    private static final java.util.Set<StandardOpenOption> READ = java.util.EnumSet.of(StandardOpenOption.READ);

    private final JsParser parser = new JsParser();
    private Arena arena = new Arena(1 << 14);
    private byte[] bytes = new byte[1 << 16];
    private char[] chars = new char[1 << 16];
    private final LineStarts lines = new LineStarts(LineStarts.Terminators.LSP);
    /** Hashes each file's bytes for its summary (an intrinsic: a small part of a parse's time). */
    private final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    /** False on threads that live on after indexing (a request's worker lane): buffers grown for a large file go. */
    private final boolean keepsLargeBuffers;

    FileIndexer(boolean keepsLargeBuffers) { this.keepsLargeBuffers = keepsLargeBuffers; }

    /** Why the last {@link #summarize} returned null. */
    String lastProblem;
    /** The size of the file the last {@link #summarize} refused as over the limit, else -1 (its problem is told once per size). */
    long lastOversize = -1;
    /** Whether the last {@link #summarize} returned null because its thread was interrupted while reading (no problem to tell). */
    boolean interrupted;
    /** Source chars summarized by this thread (figures). */
    long charsIndexed;

    /** The summary of {@code file}, or null (with {@link #lastProblem}) when it cannot be read, decoded or parsed. */
    FileSummary summarize(Path file, long maxBytes, PositionEncoding encoding) {
        lastProblem = null;
        lastOversize = -1;
        interrupted = false;
        try {
            int length = read(file, maxBytes);
            if (length < 0) return null;
            crc.reset();
            crc.update(bytes, 0, length);
            int contentHash = (int) crc.getValue();
            int textLength = decode(length);
            if (textLength < 0) return null;
            ParseOptions options = ParseOptions.forFileName(file.getFileName().toString());
            parser.parseInPlace(arena, chars, textLength, options);
            // the summary's own path is the one its importers' resolutions hold: one Path (and its cached string) per file
            // (a copy is interned, so that the walk's Path, whose name was asked for above, is not the one kept)
            FileSummary s = Summarizer.summarizeBuildingLines(Summarizer.internPath(ModuleResolver.uncached(file)), null, arena, chars, lines, encoding,
                    contentHash);
            charsIndexed += textLength;
            return s;
        } catch (RuntimeException | StackOverflowError e) {
            arena = new Arena(1 << 14); // its columns may be in any state
            lastProblem = "internal error while indexing: " + e;
            return null;
        } finally {
            arena.reset();
            dropLargeBuffers();
        }
    }

    /** Buffers grown for a large file are not kept where this state lives as long as its thread. */
    private void dropLargeBuffers() {
        if (keepsLargeBuffers) return;
        if (bytes.length > KEPT_BUFFER_CHARS) bytes = new byte[1 << 16];
        if (chars.length > KEPT_BUFFER_CHARS) chars = new char[1 << 16];
        if (arena.capacity() > KEPT_ARENA_NODES) arena = new Arena(1 << 14);
    }

    /**
     * The file's bytes into {@link #bytes}: one open, its size from the open file (no second path
     * lookup), reads until that many bytes or the end, one close (a file of size 0 is read to its end). A file that grows while it is
     * read is cut at the size it had when opened (a change event re-indexes it).
     */
    private int read(Path file, long maxBytes) {
        try (FileChannel in = FileChannel.open(file, READ)) {
            long size = in.size();
            if (size > maxBytes) {
                lastOversize = size;
                return problem(String.format(Locale.ROOT, "%d bytes, over the %d-byte limit: not indexed", size, maxBytes));
            }
            if (bytes.length < size) bytes = new byte[(int) size];
            // a size of 0 may be a file whose size the system does not know (/proc): read it to its end
            long until = size > 0 ? size : Math.min(maxBytes, Integer.MAX_VALUE - 16) + 1;
            ByteBuffer into = ByteBuffer.wrap(bytes, 0, 0);
            while (into.position() < until) {
                if (into.position() == bytes.length) {
                    bytes = java.util.Arrays.copyOf(bytes, (int) Math.min(until, bytes.length * 2L));
                    into = ByteBuffer.wrap(bytes, into.position(), 0);
                }
                // in chunks: the channel copies through a temporary direct buffer of the request's size, kept per thread
                into.limit((int) Math.min(Math.min(until, bytes.length), into.position() + (long) READ_CHUNK));
                if (in.read(into) < 0) break;
            }
            if (into.position() > maxBytes) return problem("the file grew over the size limit while it was read: not indexed");
            return into.position();
        } catch (NoSuchFileException e) {
            return problem("the file disappeared before it could be read");
        } catch (java.nio.channels.ClosedByInterruptException e) {
            // the index is shutting down (its pool interrupts its threads): nothing is wrong with the file
            lastProblem = null;
            interrupted = true;
            return -1;
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return problem("cannot read the file: " + e.getMessage());
        }
    }

    private int decode(int length) {
        int start = length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        if (chars.length < length) chars = new char[length];
        // the ASCII run first, in one pass of our own: the decoder's takes two (a scan for a high
        // byte, then a copy), which the server's C1-only JIT compiles as plain loops
        int ascii = start;
        byte[] b = bytes;
        char[] c = chars;
        while (ascii < length && b[ascii] >= 0) {
            c[ascii - start] = (char) b[ascii];
            ascii++;
        }
        if (ascii == length) return length - start;
        ByteBuffer in = ByteBuffer.wrap(bytes, ascii, length - ascii);
        CharBuffer out = CharBuffer.wrap(chars, ascii - start, chars.length - (ascii - start));
        utf8.reset();
        CoderResult r = utf8.decode(in, out, true);
        if (!r.isError()) r = utf8.flush(out);
        if (r.isError()) return problem("not valid UTF-8 (byte offset " + in.position() + "): not indexed");
        return out.position();
    }

    private int problem(String message) {
        lastProblem = message;
        return -1;
    }
}
