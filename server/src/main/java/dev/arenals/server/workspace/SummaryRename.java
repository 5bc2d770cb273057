package dev.arenals.server.workspace;

import dev.arenals.server.query.Names;
import dev.arenals.server.query.RenamePlan;
import dev.arenals.server.workspace.CrossFileNavigator.RenameSite;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * A workspace rename's edits in a closed file from its summary alone, without a parse: the import
 * binding and its kept uses ({@link FileSummary#importUseCount}), shorthand properties written
 * {@code { a: b }}, and the imported side of {@code import { a as x }}. The edits are those the
 * parse would give ({@code CrossFileRename.edits}); where the summary cannot tell (uses unknown, a
 * site of another kind, the file changed since it was summarized, or the new name written anywhere
 * in it, which could make the rename conflict), the answer is null and the file is parsed.
 */
public final class SummaryRename {
    private SummaryRename() {}

    private static final java.util.concurrent.atomic.LongAdder FILES_FROM_SUMMARIES = new java.util.concurrent.atomic.LongAdder();

    /** How many files renames have edited from their summaries (figures and tests). */
    public static long filesFromSummaries() { return FILES_FROM_SUMMARIES.sum(); }

    /**
     * The edits of {@code sites} in {@code s}'s file, which is not open, without a parse: when the
     * summary knows them ({@link #edits}) and the file on disk is still what it describes
     * ({@link #stillAsSummarized}); else null, and the file is parsed. A refusal is thrown only
     * for a file that is as summarized (else the parse decides).
     */
    public static List<TextEdit> editsWithoutParse(FileSummary s, List<RenameSite> sites, String newName, long maxBytes) {
        List<TextEdit> edits;
        RenamePlan.Refused refused = null;
        try {
            edits = edits(s, sites, newName);
        } catch (RenamePlan.Refused r) {
            edits = List.of();
            refused = r;
        }
        if (edits == null || !stillAsSummarized(s, newName, maxBytes)) return null;
        if (refused != null) throw refused;
        FILES_FROM_SUMMARIES.increment();
        return edits;
    }

    /**
     * The edits of {@code sites} (all of {@code s}'s file) for {@code newName}, read from the
     * summary; null when the file must be parsed. Does not look at the file: see {@link #stillAsSummarized}.
     * Throws {@link RenamePlan.Refused} for a new name the parse would refuse whatever the file holds.
     */
    public static List<TextEdit> edits(FileSummary s, List<RenameSite> sites, String newName) {
        String renamed = newName == null ? "" : newName.strip();
        // per edit: line, start, end, and the site (index in sites) << 1 | 1 for a shorthand property
        int[] spans = new int[32];
        int count = 0;
        boolean binding = false;
        for (int si = 0; si < sites.size(); si++) {
            RenameSite site = sites.get(si);
            switch (site.kind()) {
                case BINDING: {
                    // the top-level binding: an import whose every use the summary kept (a declaration of the name is parsed)
                    if (s.declaration(site.name()) != null) return null;
                    int k = s.importIndexOf(site.name());
                    int n = k < 0 ? -1 : s.importUseCount(k);
                    if (n < 0) return null;
                    binding = true;
                    if (4 * (count + n + 1) > spans.length) spans = java.util.Arrays.copyOf(spans, Math.max(spans.length * 2, 4 * (count + n + 1)));
                    put(spans, count++, s.importSpanPart(k, 0), s.importSpanPart(k, 1), s.importSpanPart(k, 2), si << 1 | (s.importUseIsShorthand(k, -1) ? 1 : 0));
                    for (int u = 0; u < n; u++) {
                        put(spans, count++, s.importUsePart(k, u, 0), s.importUsePart(k, u, 1), s.importUsePart(k, u, 2), si << 1 | (s.importUseIsShorthand(k, u) ? 1 : 0));
                    }
                    break;
                }
                case IMPORTED_NAME: {
                    // import { a as x }: a alone (kept with the uses of x)
                    int k = s.importIndexOf(site.name());
                    if (k < 0 || s.importUseCount(k) < 0 || s.importImportedSpanPart(k, 0) < 0) return null;
                    if (4 * (count + 1) > spans.length) spans = java.util.Arrays.copyOf(spans, spans.length * 2);
                    put(spans, count++, s.importImportedSpanPart(k, 0), s.importImportedSpanPart(k, 1), s.importImportedSpanPart(k, 2), si << 1);
                    break;
                }
                default:
                    return null;
            }
        }
        if (binding) {
            String problem = Names.bindingProblem(renamed); // as RenamePlan refuses it
            if (problem != null) throw new RenamePlan.Refused("cannot rename to `" + renamed + "`: " + problem);
        }
        int[] order = sourceOrder(spans, count);
        List<TextEdit> out = new ArrayList<>(count);
        int lastLine = -1, lastStart = -1;
        for (int o = 0; o < count; o++) {
            int at = 4 * (order == null ? o : order[o]);
            int line = spans[at], start = spans[at + 1];
            if (line == lastLine && start == lastStart) continue; // one edit a position, as the parse's
            lastLine = line;
            lastStart = start;
            int site = spans[at + 3];
            String text = (site & 1) != 0 ? sites.get(site >>> 1).name() + ": " + renamed : renamed; // { a } → { a: b }
            out.add(new TextEdit(new Range(new Position(line, start), new Position(line, spans[at + 2])), text));
        }
        if (!out.isEmpty() && !Names.isIdentifierName(renamed)) {
            throw new RenamePlan.Refused("cannot rename to `" + renamed + "`: it is not an identifier");
        }
        return out;
    }

    private static void put(int[] spans, int i, int line, int start, int end, int site) {
        spans[4 * i] = line;
        spans[4 * i + 1] = start;
        spans[4 * i + 2] = end;
        spans[4 * i + 3] = site;
    }

    /** Null when the spans are in source order already (a binding, then its uses: the usual file); else their indexes sorted. */
    private static int[] sourceOrder(int[] spans, int count) {
        boolean sorted = true;
        for (int i = 1; i < count && sorted; i++) sorted = key(spans, i - 1) <= key(spans, i);
        if (sorted) return null;
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) keys[i] = key(spans, i);
        Integer[] boxed = new Integer[count];
        for (int i = 0; i < count; i++) boxed[i] = i;
        java.util.Arrays.sort(boxed, (a, b) -> Long.compare(keys[a], keys[b])); // stable: the first site's edit of a position wins
        int[] out = new int[count];
        for (int i = 0; i < count; i++) out[i] = boxed[i];
        return out;
    }

    private static long key(int[] spans, int i) { return (long) spans[4 * i] << 32 | (spans[4 * i + 1] & 0xFFFFFFFFL); }

    /**
     * Whether {@code s}'s file on disk is still the bytes it was summarized from (its CRC-32C),
     * and does not contain {@code newName} anywhere (then nothing in it is named so: no declaration
     * the rename could collide with or capture, no reference it could capture). False when it
     * cannot be read, or the summary does not know its hash (the file is then parsed).
     */
    public static boolean stillAsSummarized(FileSummary s, String newName, long maxBytes) {
        byte[] name = (newName == null ? "" : newName.strip()).getBytes(StandardCharsets.UTF_8);
        if (name.length == 0) return false;
        Buffers b = BUFFERS.get();
        int length = readAsSummarized(b, s, maxBytes);
        boolean same = length >= 0 && indexOf(b.bytes, length, name) < 0;
        b.shrink();
        return same;
    }

    /**
     * The text of {@code s}'s file when it is still what the summary describes (the same content
     * hash), else null: what a reader of the summary's positions may scan without a parse.
     */
    public static char[] textIfAsSummarized(FileSummary s, long maxBytes) {
        Buffers b = BUFFERS.get();
        int length = readAsSummarized(b, s, maxBytes);
        char[] text = length < 0 ? null : StandardCharsets.UTF_8.decode(ByteBuffer.wrap(b.bytes, 0, length)).toString().toCharArray();
        b.shrink();
        return text;
    }

    /** The file's length read into {@code b} when its CRC-32C is the summary's, else -1 (unknown hash, unreadable, changed). */
    private static int readAsSummarized(Buffers b, FileSummary s, long maxBytes) {
        if (s.contentHash() == 0) return -1;
        int length = b.read(s.path(), maxBytes);
        if (length < 0) return -1;
        b.crc.reset();
        b.crc.update(b.bytes, 0, length);
        return (int) b.crc.getValue() == s.contentHash() ? length : -1;
    }

    /** The first index of {@code pattern} in the first {@code length} of {@code bytes}, or -1. */
    static int indexOf(byte[] bytes, int length, byte[] pattern) {
        byte first = pattern[0];
        for (int i = 0, last = length - pattern.length; i <= last; i++) {
            if (bytes[i] != first) continue;
            int j = 1;
            while (j < pattern.length && bytes[i + j] == pattern[j]) j++;
            if (j == pattern.length) return i;
        }
        return -1;
    }

    private static final int KEPT_BYTES = 1 << 20;

    /** A request thread's buffer and hash: a rename reads a thousand small files. */
    private static final class Buffers {
        byte[] bytes = new byte[1 << 14];
        final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();

        /** A buffer grown past {@link #KEPT_BYTES} for one large file is not kept for the next. */
        void shrink() { if (bytes.length > KEPT_BYTES) bytes = new byte[1 << 14]; }

        int read(java.nio.file.Path file, long maxBytes) {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = in.size();
                if (size > maxBytes || size > Integer.MAX_VALUE - 16) return -1;
                if (bytes.length < size + 1) bytes = new byte[(int) size + 1];
                ByteBuffer into = ByteBuffer.wrap(bytes, 0, 0);
                // to the end, with room for a byte over the size: a file that grew since is read far enough to differ;
                // in chunks, as the indexer reads (the channel's temporary direct buffer stays small)
                while (into.position() < bytes.length) {
                    into.limit(Math.min(bytes.length, into.position() + (1 << 18)));
                    if (in.read(into) < 0) break;
                }
                return into.position();
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);
}
