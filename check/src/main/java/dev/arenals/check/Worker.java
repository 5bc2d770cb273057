package dev.arenals.check;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.LineStarts;
import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.DiagnosticMessages;
import dev.arenals.parser.scope.Binder;
import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.UnusedDeclarations;
import dev.arenals.parser.scope.UnusedReports;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.ParseLog;
import java.io.IOException;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks files one after another on one thread. Everything a check needs is kept between files
 * and reused: the parser, the {@link Arena} (reset in O(1)), the binder and its
 * {@link ScopeTable}, the byte and char buffers; so a file without
 * diagnostics costs the file-system calls, one small {@link FileReport}, and nothing else.
 */
final class Worker {
    /** NUL bytes in the first this-many bytes make a file binary (git's heuristic). */
    static final int BINARY_SNIFF_BYTES = 8000;
    /**
     * Bytes asked for per read. The JDK's native read goes through a buffer of that size: up to
     * 8 KB on the stack, above that from malloc, which keeps blocks under 128 KB in its heap (reused,
     * no fresh pages). The call that finds the end of the file asks for 8 KB only.
     */
    private static final int READ_CHUNK = 64 << 10;
    private static final int READ_AT_END = 8 << 10;
    /** Code frames show at most this many characters of a line. */
    private static final int FRAME_WIDTH = 160;

    private static final Comparator<Problem> BY_POSITION = new Comparator<Problem>() {
        @Override public int compare(Problem a, Problem b) {
            if (a.offset != b.offset) return Integer.compare(a.offset, b.offset);
            if (a.endOffset != b.endOffset) return Integer.compare(a.endOffset, b.endOffset);
            return Integer.compare(a.code, b.code);
        }
    };

    private final long maxBytes;
    private final Set<Integer> warnCodes;
    private final boolean frames;

    private JsParser parser = new JsParser();
    private Arena arena = new Arena();
    private Binder binder = new Binder();
    private ScopeTable table = new ScopeTable();
    private byte[] bytes = new byte[1 << 12];
    private char[] chars = new char[1 << 12];
    /** Lines as tsc counts them ({@link LineStarts.Terminators#ECMASCRIPT}): reports give tsc's line:column. */
    private final LineStarts lines = new LineStarts(LineStarts.Terminators.ECMASCRIPT);

    /** With {@code check --resolve}: each parsed file's module syntax is kept for {@link ImportPass}. */
    private final boolean resolve;
    private dev.arenals.check.modules.ModuleSyntax moduleSyntax;

    Worker(long maxBytes, Set<Integer> warnCodes, boolean frames) {
        this(maxBytes, warnCodes, frames, false);
    }

    Worker(long maxBytes, Set<Integer> warnCodes, boolean frames, boolean resolve) {
        this.resolve = resolve;
        this.maxBytes = maxBytes;
        this.warnCodes = warnCodes;
        this.frames = frames;
        this.reportUnused = warnCodes.contains(UnusedDeclarations.CODE);
    }

    /** {@code --warn unused}: bind with references and report declarations never read, as warnings. */
    private final boolean reportUnused;
    private static final int[] NONE = new int[0];
    /** The unused declarations of the file being reported, as {@link UnusedReports} groups them (four ints each). */
    private int[] unused = NONE;

    /**
     * Makes the buffers and the arena large enough for a file of {@code size} bytes. The checker
     * hands out files largest first, so a worker's first file sizes everything once, exactly, and
     * nothing grows (or leaves garbage) afterwards.
     */
    private void ensureCapacity(long size) {
        int n = (int) Math.min(size, maxBytes);
        if (bytes.length < n + 1) bytes = new byte[n + 1];
        if (chars.length < n) chars = new char[n];
        int nodes = nodesFor(n);
        if (arena.capacity() < nodes) arena = new Arena(nodes);
    }

    /**
     * Nodes to expect for n chars: typescript.js has 0.107 per char; minified code more (the arena
     * then grows). Capped: the largest files of a tree are often one string literal (effect's 3.2 MB
     * httpApiScalar.js is 6 nodes), and 24 bytes a node of fresh memory is paid for at start-up,
     * when it is zeroed; a file with more nodes than the cap grows the arena (to the size its parse
     * position extrapolates, see Arena).
     */
    private static int nodesFor(int chars) {
        return Math.min(chars / 8 + 64, 1 << 17);
    }

    /**
     * Reads, decodes, parses and binds one file. Never throws. Each step is a method of its own:
     * C1 compiles (and recompiles on stack replacement) whole methods, so small steps keep the
     * compile work of a short run small.
     */
    FileReport check(SourceFile f) {
        int length = read(f);
        if (length < 0) return takeFailure();
        int textLength = decode(f, length);
        if (textLength < 0) return takeFailure();
        return parseAndBind(f, length, textLength);
    }

    /** The module syntax of the file just checked (null when it was not parsed, or without --resolve); cleared. */
    dev.arenals.check.modules.ModuleSyntax takeModuleSyntax() {
        dev.arenals.check.modules.ModuleSyntax s = moduleSyntax;
        moduleSyntax = null;
        return s;
    }

    /** Set by {@link #read} and {@link #decode} when they return -1. */
    private FileReport failed;
    /** Set by {@link #decode}: the byte offset of the first NUL in the sniffed bytes, or -1; and the BOM's length. */
    private int firstNul = -1, bomLength;

    private FileReport takeFailure() {
        FileReport r = failed;
        failed = null;
        return r;
    }

    /**
     * Reads the file into {@link #bytes}: returns its length, or -1 with {@link #failed} set.
     *
     * <p>Through {@link FileInputStream}, not {@code FileChannel}: its read is one native call,
     * where the channel's path (interruptible-channel bookkeeping, thread sets, a temporary direct
     * buffer and its cache, locks) is some 45 KB of JDK code that C1 had to compile in every run.
     * A name java.io cannot spell ({@link SourceFile#file} null) is read through NIO instead. The
     * buffer was sized from the walk's size; reading until end of file still catches a file that
     * grew since.
     */
    private int read(SourceFile f) {
        if (f.size > maxBytes) return fail(tooLarge(f, f.size));
        ensureCapacity(f.size);
        try (InputStream in = f.file != null ? new FileInputStream(f.file) : Files.newInputStream(f.path)) {
            byte[] b = bytes;
            int pos = 0;
            while (true) {
                if (pos == b.length) {
                    // the file is larger than the walk saw
                    if (pos > maxBytes) return fail(tooLarge(f, pos));
                    b = bytes = Arrays.copyOf(b, (int) Math.min(maxBytes + 1, b.length * 2L));
                }
                int n = in.read(b, pos, Math.min(b.length - pos, pos < f.size ? READ_CHUNK : READ_AT_END));
                if (n < 0) break;
                pos += n;
            }
            if (pos > maxBytes) return fail(tooLarge(f, pos));
            return pos;
        } catch (NoSuchFileException e) {
            return fail(failure(f, 0, Failure.VANISHED, "the file disappeared before it could be read"));
        } catch (AccessDeniedException e) {
            return fail(failure(f, 0, Failure.UNREADABLE, "cannot read the file: permission denied"));
        } catch (FileNotFoundException e) {
            // the JDK says which in the message only ("(No such file or directory)"): ask the file system
            if (!Files.exists(f.path, LinkOption.NOFOLLOW_LINKS)) {
                return fail(failure(f, 0, Failure.VANISHED, "the file disappeared before it could be read"));
            }
            if (!Files.isReadable(f.path)) return fail(failure(f, 0, Failure.UNREADABLE, "cannot read the file: permission denied"));
            return fail(failure(f, 0, Failure.UNREADABLE, "cannot read the file: " + Failure.describe(e)));
        } catch (IOException | RuntimeException e) {
            return fail(failure(f, 0, Failure.UNREADABLE, "cannot read the file: " + Failure.describe(e)));
        }
    }

    private int fail(FileReport r) {
        failed = r;
        return -1;
    }

    /**
     * Decodes the {@code length} bytes read into {@link #chars}: returns the number of chars, or -1
     * with {@link #failed} set (binary, UTF-16 or invalid UTF-8).
     */
    private int decode(SourceFile f, int length) {
        byte[] b = bytes;
        int start = 0;
        bomLength = 0;
        if (length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            start = 3;
            bomLength = 3;
        } else if (length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE))) {
            return fail(failure(f, length, Failure.ENCODING, "the file is UTF-16 (it starts with a UTF-16 byte order mark); only UTF-8 is supported"));
        }
        if (chars.length < length) chars = new char[length]; // the file grew since it was opened
        char[] dst = chars;
        int sniffEnd = Math.min(length, BINARY_SNIFF_BYTES);
        // ASCII is copied directly (most files are ASCII only); Utf8 decodes the rest from the first other byte.
        // The first bytes are also searched for NUL: with invalid UTF-8 it makes the file binary, and
        // otherwise parseAndBind decides (a NUL inside a string is valid JavaScript).
        firstNul = -1;
        int i = Ascii.widenUntilNul(b, start, sniffEnd, dst, 0);
        while (i < sniffEnd && b[i] == 0) {
            if (firstNul < 0) firstNul = i;
            dst[i - start] = 0;
            i = Ascii.widenUntilNul(b, i + 1, sniffEnd, dst, i + 1 - start);
        }
        if (i == sniffEnd && i < length) i = Ascii.widen(b, i, length, dst, i - start);
        int j = i - start;
        if (i < length) {
            for (int k = i; k < sniffEnd && firstNul < 0; k++) {
                if (b[k] == 0) firstNul = k;
            }
            j = Utf8.decode(b, i, length, dst, j);
            if (j < 0 && firstNul >= 0) return fail(binary(f, length, firstNul));
            if (j < 0) {
                int at = -1 - j;
                lines.rebuild(dst, Utf8.decode(b, start, at, dst, 0)); // the bytes before it are well-formed
                int line = lines.lineCount();
                return fail(failure(f, length, Failure.ENCODING, String.format(Locale.ROOT,
                        "invalid UTF-8: byte 0x%02X at byte offset %d (line %d); only UTF-8 is supported", b[at] & 0xff, at, line)));
            }
        }
        return j;
    }

    private FileReport parseAndBind(SourceFile f, int length, int textLength) {
        try {
            parser.parseInPlace(arena, chars, textLength, f.options); // the char buffer is ours until the next file
            int strayNul = strayNul(textLength);
            if (strayNul >= 0) return binary(f, length, byteOffset(strayNul));
            if (reportUnused) {
                binder.bind(arena, table); // unused declarations need every reference resolved
                unused = UnusedReports.of(arena, table, UnusedDeclarations.find(arena, table, f.options.isDeclaration()), f.options.isDeclaration());
            } else {
                binder.bindDeclarations(arena, table);
                unused = NONE;
            }
            if (resolve) moduleSyntax = dev.arenals.check.modules.ModuleSyntax.of(arena, f.path);
            return report(f, length, chars, textLength);
        } catch (RuntimeException | StackOverflowError e) {
            reset();
            return failure(f, length, Failure.INTERNAL, "internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (OutOfMemoryError e) {
            reset();
            return failure(f, length, Failure.INTERNAL, "out of memory while checking this file (give the JVM more with ARENA_LS_JAVA_OPTS=-Xmx…)");
        }
    }

    /**
     * How a file is told to be binary: it holds a NUL byte and is not valid UTF-8, or its text has
     * a NUL character outside every string, template, regular expression and comment (where the
     * lexer reports it as an invalid character). Valid JavaScript may carry NULs inside literals,
     * as TypeScript and oxc accept; text with NULs between tokens, like UTF-16 without a byte order
     * mark, is not source. Returns the char offset of the first stray NUL, or -1.
     */
    private int strayNul(int textLength) {
        ParseLog log = arena.log();
        for (int d = 0, n = log.diagnosticCount(); d < n; d++) {
            if (log.diagnostic(d) != Diag.INVALID_CHARACTER) continue;
            int at = log.diagnosticStart(d);
            if (at >= 0 && at < textLength && chars[at] == 0) return at;
        }
        return -1;
    }

    /** The byte offset in the file of char {@code at} of its decoded text. */
    private int byteOffset(int at) {
        int offset = bomLength;
        for (int i = 0; i < at; i++) {
            char c = chars[i];
            if (c < 0x80) offset += 1;
            else if (c < 0x800) offset += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < at && Character.isLowSurrogate(chars[i + 1])) { offset += 4; i++; }
            else offset += 3;
        }
        return offset;
    }

    /** Bytes held by this worker's reusable arrays (buffers, arena, scope table). */
    long retainedBytes() {
        return bytes.length + 2L * chars.length + arena.bytesReserved() + table.bytesReserved() + lines.bytesReserved();
    }

    /** Fresh parser state after a failure (its arrays may be in any state). */
    private void reset() {
        parser = new JsParser();
        arena = new Arena();
        binder = new Binder();
        table = new ScopeTable();
    }

    private FileReport report(SourceFile f, long length, char[] text, int textLength) {
        ParseLog log = arena.log();
        int logged = log.diagnosticCount();
        int n = logged + unused.length / UnusedReports.STRIDE;
        if (n == 0) return new FileReport(FileReport.Kind.SOURCE, f.display, true, length, List.of());
        int maxOffset = 0;
        for (int i = 0; i < logged; i++) maxOffset = Math.max(maxOffset, Math.min(textLength, log.diagnosticEnd(i)));
        for (int r = 0; r < unused.length; r += UnusedReports.STRIDE) maxOffset = Math.max(maxOffset, Math.min(textLength, unused[r + 1]));
        lines.rebuild(text, textLength, maxOffset);
        List<Problem> problems = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int s, e, code;
            Severity severity;
            String message;
            if (i < logged) {
                s = clamp(log.diagnosticStart(i), textLength);
                e = Math.max(s, clamp(log.diagnosticEnd(i), textLength));
                Diag d = log.diagnostic(i);
                code = d.code;
                severity = warnCodes.contains(d.code) ? Severity.WARNING : Severity.ERROR;
                message = DiagnosticMessages.message(log, i, arena.names());
            } else {
                int r = (i - logged) * UnusedReports.STRIDE;
                s = clamp(unused[r], textLength);
                e = Math.max(s, clamp(unused[r + 1], textLength));
                code = unused[r + 2];
                severity = Severity.WARNING;
                message = UnusedReports.message(code, UnusedReports.name(arena, table, unused[r + 3]));
            }
            int line = lines.lineOf(s);
            int endLine = lines.lineOf(e);
            int column = s - lines.lineStart(line) + 1;
            String lineText = null;
            int frameColumn = 0;
            if (frames) {
                int ls = lines.lineStart(line);
                int le = lines.lineContentEnd(text, textLength, line);
                int from = ls;
                int to = le;
                if (le - ls > FRAME_WIDTH) {
                    from = Math.max(ls, Math.min(s - FRAME_WIDTH / 3, le - FRAME_WIDTH));
                    to = Math.min(le, from + FRAME_WIDTH);
                }
                StringBuilder sb = new StringBuilder(to - from + 2);
                if (from > ls) sb.append('…');
                sb.append(text, from, to - from);
                if (to < le) sb.append('…');
                lineText = sb.toString();
                frameColumn = s - from + 1 + (from > ls ? 1 : 0);
            }
            problems.add(new Problem(severity, code, message, s, e, line + 1, column,
                    endLine + 1, e - lines.lineStart(endLine) + 1, lineText, frameColumn, null));
        }
        problems.sort(BY_POSITION);
        return new FileReport(FileReport.Kind.SOURCE, f.display, true, length, problems);
    }

    private static int clamp(int offset, int length) {
        return offset < 0 ? 0 : Math.min(offset, length);
    }

    private static FileReport binary(SourceFile f, long length, int offset) {
        return failure(f, length, Failure.BINARY, "binary file (NUL byte at byte offset " + offset + "): not checked");
    }

    private FileReport tooLarge(SourceFile f, long size) {
        return failure(f, 0, Failure.TOO_LARGE, String.format(Locale.ROOT,
                "the file is %s, over the %s limit (--max-file-size): not checked", Units.size(size), Units.size(maxBytes)));
    }

    private static FileReport failure(SourceFile f, long bytesRead, Failure failure, String message) {
        return new FileReport(FileReport.Kind.SOURCE, f.display, false, bytesRead, List.of(Problem.of(failure, message)));
    }
}
