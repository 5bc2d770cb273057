package dev.arenals.server.workspace;

import com.google.common.collect.ImmutableList;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.protocol.ServerLog;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * Per-file summaries kept between sessions: one file per workspace (its folders and the position
 * encoding) under the user's cache directory, written when indexing completes and read when the
 * next session starts, so that a file whose size and modification time are those recorded skips
 * read, parse and summary. Its module specifiers are resolved again (the files around it may have
 * changed): the summary is reused only when each resolves to the file it did, else the file is
 * indexed as any other.
 *
 * <p>Never a wrong answer: a cache of another format version or another build of the server, or one
 * that is truncated, corrupt (CRC-32C of the whole) or for other folders is ignored with a log line;
 * a file whose size or time changed is read again, and so is one modified in the two seconds before
 * the cache was written (a file system's coarse clock may give a change made then the same time).
 *
 * <p>Layout (big-endian): magic, format version, the build's identity, the encoding, the folders,
 * when the indexing that wrote it began (ms), the table of paths (each file's own and every file a
 * specifier resolved to, each once), the entry count, the entries (its path's number in the table,
 * size, time, then the summary's parts as it keeps them: its columns and string table as arrays,
 * its resolved files as numbers in the table, its ambient modules), then the CRC-32C of all the
 * bytes before it and an end mark.
 */
public final class SummaryCache {
    /** "ALSC" and "ENDS". */
    private static final int MAGIC = 0x414C5343, END = 0x454E4453;
    /** Bumped whenever the layout or what a summary holds changes: another version's cache is ignored. */
    static final int FORMAT = 1;
    /** A file modified this close before the indexing that wrote the cache began is not trusted (coarse file-system clocks). */
    private static final long RACY_MILLIS = 2_000;

    private final Path file;
    private final String workspace;
    private final String build;
    private final ServerLog log;

    /** The entries read at start, by path; empty until {@link #load}. */
    private volatile Map<String, Entry> entries = Map.of();
    private ByteBuffer bytes;
    /** The path table's strings, and their Paths (the index's interned ones) made when first needed. */
    private String[] pathNames = new String[0];
    private Path[] paths = new Path[0];
    private long indexedFromMillis;
    /** What this session indexed (from disk or from the cache), with the size and time the walk saw: what {@link #write} keeps. */
    private final ConcurrentHashMap<Path, Kept> kept = new ConcurrentHashMap<>();

    private record Entry(long size, long modifiedNanos, int offset) { }

    private record Kept(FileSummary summary, long size, long modifiedNanos) { }

    SummaryCache(Path file, List<Path> folders, PositionEncoding encoding, String build, ServerLog log) {
        this.file = file;
        this.workspace = "folders " + folders + "\nencoding " + encoding.lspName();
        this.build = build;
        this.log = log;
    }

    /** The cache of the workspace {@code folders} in {@code directory} ({@link #directory()} for the user's). */
    public static SummaryCache of(Path directory, List<Path> folders, PositionEncoding encoding, ServerLog log) {
        // a name per workspace and encoding (the header says which: a collision of names is a foreign cache, ignored)
        String name = com.google.common.hash.Hashing.sha256().hashString(folders + "|" + encoding.lspName(), StandardCharsets.UTF_8).toString().substring(0, 16);
        return new SummaryCache(directory.resolve("summaries-" + name + ".bin"), folders, encoding, buildIdentity(), log);
    }

    /** {@code $XDG_CACHE_HOME/arena-ls/summaries}, else {@code ~/.cache/arena-ls/summaries}. */
    public static Path directory() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isEmpty() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("arena-ls").resolve("summaries");
    }

    /**
     * This build of the server: its version and the size and time of the jar (or classes directory)
     * it runs from. A rebuilt server may summarize otherwise, so its caches are not another's.
     */
    static String buildIdentity() {
        StringBuilder sb = new StringBuilder(dev.arenals.server.ServerInfo.version());
        try {
            java.security.CodeSource source = SummaryCache.class.getProtectionDomain().getCodeSource();
            Path from = source == null ? null : Path.of(source.getLocation().toURI());
            if (from != null) {
                sb.append(' ').append(from);
                if (Files.isRegularFile(from)) sb.append(' ').append(Files.size(from)).append(' ').append(Files.getLastModifiedTime(from).toMillis());
            }
        } catch (Exception e) {
            sb.append(" (location unknown)");
        }
        return sb.toString();
    }

    public Path file() { return file; }

    /** How many entries the cache read at start holds. */
    public int size() { return entries.size(); }

    /** Reads the cache written by an earlier session; a missing, foreign or damaged one is ignored (logged) and leaves it empty. */
    public void load() {
        if (!Files.isRegularFile(file)) {
            log.info("arena-ls index: no summary cache yet (" + file + ")");
            return;
        }
        String problem;
        // mapped, not read onto the heap: the server's heap stays what the index keeps
        try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            long size = in.size();
            problem = size > Integer.MAX_VALUE - 16 ? "too large (" + size + " bytes)" : read(in.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, size));
        } catch (IOException | RuntimeException e) {
            problem = "cannot be read: " + e;
        }
        if (problem != null) {
            entries = Map.of();
            bytes = null;
            log.warn("arena-ls index: the summary cache " + file + " is ignored: " + problem);
        }
    }

    /** Checks and indexes the cache's bytes; the reason it is refused, or null. */
    private String read(ByteBuffer b) {
        int length = b.limit();
        if (length < 16) return "truncated (" + length + " bytes)";
        if (b.getInt(0) != MAGIC) return "not a summary cache";
        if (b.getInt(length - 4) != END) return "truncated (no end mark)";
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate().limit(length - 8));
        if ((int) crc.getValue() != b.getInt(length - 8)) return "corrupt (its checksum does not match)";
        try {
            b.position(4);
            int format = b.getInt();
            if (format != FORMAT) return "written by format version " + format + ", this server reads " + FORMAT;
            String writtenBy = string(b);
            if (!writtenBy.equals(build)) return "written by another build of the server (" + writtenBy + ")";
            String forWorkspace = string(b);
            if (!forWorkspace.equals(workspace)) return "written for another workspace or encoding";
            indexedFromMillis = b.getLong();
            String[] names = new String[count(b)];
            for (int i = 0; i < names.length; i++) names[i] = string(b);
            int count = count(b);
            Map<String, Entry> found = new HashMap<>(Math.max(16, count * 4 / 3 + 1));
            for (int i = 0; i < count; i++) {
                int path = pathNumber(b, names.length);
                long size = b.getLong(), modified = b.getLong();
                found.put(names[path], new Entry(size, modified, b.position()));
                skipSummary(b, names.length);
            }
            pathNames = names;
            paths = new Path[names.length];
            if (b.position() != length - 8) return "corrupt (bytes after the last entry)";
            bytes = b;
            entries = found;
            return null;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return "corrupt (" + e + ")";
        }
    }

    /**
     * The summary an earlier session kept of {@code file}, when its size and time are the ones the
     * walk saw now and each of its module specifiers still resolves to the file it did; null
     * otherwise (the file is then indexed). Thread-safe after {@link #load}.
     */
    public FileSummary reuse(Path file, long size, long modifiedNanos) {
        Entry e = entries.get(file.toString());
        if (e == null || e.size != size || e.modifiedNanos != modifiedNanos || modifiedNanos < 0) return null;
        if (modifiedNanos / 1_000_000 >= indexedFromMillis - RACY_MILLIS) return null; // changed as the last index began: read it
        FileSummary s;
        try {
            ByteBuffer b = bytes.duplicate();
            b.position(e.offset);
            s = readSummary(b, Summarizer.internPath(ModuleResolver.uncached(file)), this::path);
        } catch (RuntimeException damaged) { // the checksum held: a bug, not the disk; the file is read instead
            return null;
        }
        return resolvesAsBefore(s) ? s : null;
    }

    /** Whether each distinct module specifier of {@code s} resolves now to the file it did when it was summarized. */
    private static boolean resolvesAsBefore(FileSummary s) {
        List<String> specifiers = s.moduleSpecifiers();
        if (specifiers.isEmpty()) return true;
        dev.arenals.check.modules.TypeScriptResolver.Importer importer = ModuleResolver.importer(s.path());
        for (int i = 0; i < specifiers.size(); i++) {
            String specifier = specifiers.get(i);
            boolean repeated = false;
            for (int j = 0; j < i && !repeated; j++) repeated = specifiers.get(j).equals(specifier);
            if (repeated) continue;
            // import syntax: a require-only specifier resolved otherwise is re-indexed (exact, if slower)
            Path now = importer == null ? null : ModuleResolver.resolve(importer, specifier, false);
            if (!java.util.Objects.equals(now, s.resolvedAsSummarized(specifier))) return false;
        }
        return true;
    }

    /** Forgets what {@link #load} read (the walk is over: nothing more is looked up). */
    public void release() {
        entries = Map.of();
        bytes = null;
        pathNames = new String[0];
        paths = new Path[0];
    }

    /**
     * Path {@code k} of the table: the index's one Path of it, made once (two threads making it at
     * once get the same interned Path, so the race is harmless).
     */
    private Path path(int k) {
        Path p = paths[k];
        if (p == null) paths[k] = p = Summarizer.internPath(Path.of(pathNames[k]));
        return p;
    }

    private static int pathNumber(ByteBuffer b, int tableSize) {
        int k = b.getInt();
        if (k < 0 || k >= tableSize) throw new IllegalArgumentException("a path number " + k + " of " + tableSize);
        return k;
    }

    /** Notes a summary this session indexed from disk or reused, with the size and time the walk saw: {@link #write} keeps it. */
    public void keep(FileSummary s, long size, long modifiedNanos) {
        if (s != null && modifiedNanos >= 0) kept.put(s.path(), new Kept(s, size, modifiedNanos));
    }

    /** How many summaries {@link #write} would keep. */
    public int keptCount() { return kept.size(); }

    /**
     * Writes what this session kept ({@link #keep}) as the cache, replacing the old one at once (a
     * temporary file moved over it): a reader never sees half of it. {@code indexedFromMillis}:
     * when the walk began (files modified since then are not trusted by the next session).
     */
    public void write(long indexedFromMillis) throws IOException { write(indexedFromMillis, FORMAT); }

    /** {@link #write} with another format version in its header (tests: a cache written by another version). */
    void write(long indexedFromMillis, int format) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            CRC32C crc = new CRC32C();
            try (OutputStream raw = Files.newOutputStream(temporary);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new java.util.zip.CheckedOutputStream(raw, crc), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(format);
                string(out, build);
                string(out, workspace);
                out.writeLong(indexedFromMillis);
                List<Kept> all = List.copyOf(kept.values());
                // the paths once each: a barrel's path is a thousand importers' resolved file
                Map<Path, Integer> numbers = new HashMap<>(all.size() * 2);
                List<Path> table = new java.util.ArrayList<>(all.size() + 16);
                for (Kept k : all) {
                    numbers.computeIfAbsent(k.summary.path(), p -> { table.add(p); return table.size() - 1; });
                    for (Path r : k.summary.resolvedFileArray()) numbers.computeIfAbsent(r, p -> { table.add(p); return table.size() - 1; });
                }
                out.writeInt(table.size());
                for (Path p : table) string(out, p.toString());
                out.writeInt(all.size());
                for (Kept k : all) {
                    out.writeInt(numbers.get(k.summary.path()));
                    out.writeLong(k.size);
                    out.writeLong(k.modifiedNanos);
                    writeSummary(out, k.summary, numbers);
                }
                out.flush();
                DataOutputStream tail = new DataOutputStream(raw); // past the checksum
                tail.writeInt((int) crc.getValue());
                tail.writeInt(END);
                tail.flush();
            }
            kept.clear(); // written: the summaries are the index's alone again
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    // ---- one summary's parts ----

    private static final byte BYTES = 0, CHARS = 1, INTS = 2, NONE = 3;

    private static void writeSummary(DataOutputStream out, FileSummary s, Map<Path, Integer> numbers) throws IOException {
        out.writeInt((int) s.sourceChars());
        out.writeInt(s.contentHash());
        out.writeInt(s.signatureCount());
        writeArray(out, s.columns());
        SummaryStrings strings = s.stringTable();
        writeArray(out, strings.latin1() != null ? strings.latin1() : strings.utf16());
        out.writeInt(strings.endsAt());
        out.writeInt(strings.size());
        Path[] resolved = s.resolvedFileArray();
        out.writeInt(resolved.length);
        for (Path p : resolved) out.writeInt(numbers.get(p));
        List<FileSummary.AmbientModule> ambient = s.ambientModules();
        out.writeInt(ambient.size());
        for (FileSummary.AmbientModule m : ambient) {
            string(out, m.name());
            span(out, m.span());
            out.writeInt(m.members().size());
            for (FileSummary.Declaration d : m.members()) {
                string(out, d.name());
                out.writeByte(d.kind().ordinal());
                out.writeBoolean(d.exported());
                span(out, d.span());
            }
        }
    }

    private static FileSummary readSummary(ByteBuffer b, Path path, java.util.function.IntFunction<Path> paths) {
        int sourceChars = b.getInt(), contentHash = b.getInt(), signatureCount = b.getInt();
        Object columns = readArray(b);
        Object text = readArray(b);
        int endsAt = b.getInt(), count = b.getInt();
        SummaryStrings strings = SummaryStrings.of(text instanceof byte[] ? (byte[]) text : null, text instanceof char[] ? (char[]) text : null,
                columns, endsAt, count);
        Path[] resolved = new Path[b.getInt()];
        for (int i = 0; i < resolved.length; i++) resolved[i] = paths.apply(b.getInt());
        int ambientCount = b.getInt();
        ImmutableList<FileSummary.AmbientModule> ambient = ImmutableList.of();
        if (ambientCount > 0) {
            ImmutableList.Builder<FileSummary.AmbientModule> modules = ImmutableList.builderWithExpectedSize(ambientCount);
            for (int i = 0; i < ambientCount; i++) {
                String name = string(b);
                FileSummary.Span span = span(b);
                int n = b.getInt();
                ImmutableList.Builder<FileSummary.Declaration> members = ImmutableList.builderWithExpectedSize(n);
                for (int k = 0; k < n; k++) {
                    String member = string(b);
                    FileSummary.Kind kind = FileSummary.Kind.values()[b.get()];
                    boolean exported = b.get() != 0;
                    members.add(new FileSummary.Declaration(member, kind, span(b), exported));
                }
                modules.add(new FileSummary.AmbientModule(name, span, members.build()));
            }
            ambient = modules.build();
        }
        return new FileSummary(path, null, sourceChars, contentHash, strings, columns, resolved, ambient, signatureCount);
    }

    /** Past one summary's parts (the index of entries is made without reading them). */
    private static void skipSummary(ByteBuffer b, int tableSize) {
        b.position(b.position() + 12);
        skipArray(b);
        skipArray(b);
        b.position(b.position() + 8);
        for (int i = 0, n = count(b); i < n; i++) pathNumber(b, tableSize);
        for (int i = 0, n = count(b); i < n; i++) {
            skipString(b);
            b.position(b.position() + 12);
            for (int k = 0, m = count(b); k < m; k++) {
                skipString(b);
                b.position(b.position() + 2 + 12);
            }
        }
    }

    private static int count(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) throw new IllegalArgumentException("a count of " + n);
        return n;
    }

    private static void writeArray(DataOutputStream out, Object array) throws IOException {
        if (array == null) {
            out.writeByte(NONE);
        } else if (array instanceof byte[]) {
            byte[] a = (byte[]) array;
            out.writeByte(BYTES);
            out.writeInt(a.length);
            out.write(a);
        } else if (array instanceof char[]) {
            char[] a = (char[]) array;
            out.writeByte(CHARS);
            out.writeInt(a.length);
            for (char c : a) out.writeChar(c);
        } else {
            int[] a = (int[]) array;
            out.writeByte(INTS);
            out.writeInt(a.length);
            for (int v : a) out.writeInt(v);
        }
    }

    private static Object readArray(ByteBuffer b) {
        byte tag = b.get();
        if (tag == NONE) return null;
        int n = count(b);
        switch (tag) {
            case BYTES: {
                byte[] a = new byte[n];
                b.get(a);
                return a;
            }
            case CHARS: {
                char[] a = new char[n];
                b.asCharBuffer().get(a);
                b.position(b.position() + 2 * n);
                return a;
            }
            case INTS: {
                int[] a = new int[n];
                b.asIntBuffer().get(a);
                b.position(b.position() + 4 * n);
                return a;
            }
            default: throw new IllegalArgumentException("an array of kind " + tag);
        }
    }

    private static void skipArray(ByteBuffer b) {
        byte tag = b.get();
        if (tag == NONE) return;
        int n = count(b);
        int width = tag == BYTES ? 1 : tag == CHARS ? 2 : tag == INTS ? 4 : -1;
        if (width < 0 || (long) n * width > b.remaining()) throw new IllegalArgumentException("an array of kind " + tag + " and length " + n);
        b.position(b.position() + n * width);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String string(ByteBuffer b) {
        int n = count(b);
        byte[] utf8 = new byte[n];
        b.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void skipString(ByteBuffer b) {
        int n = count(b);
        b.position(b.position() + n);
    }

    private static void span(DataOutputStream out, FileSummary.Span span) throws IOException {
        out.writeInt(span.line());
        out.writeInt(span.startColumn());
        out.writeInt(span.endColumn());
    }

    private static FileSummary.Span span(ByteBuffer b) { return new FileSummary.Span(b.getInt(), b.getInt(), b.getInt()); }
}
