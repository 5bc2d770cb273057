package dev.arenals.server.workspace;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Every known file's {@link FileSummary}: those indexed from disk, overridden by those of open
 * documents (rebuilt from the live arena after each parse). Thread-safe: indexing workers and
 * document queues write, requests read whatever is known so far. The derived maps (name → files,
 * file → importers) are immutable snapshots rebuilt on the first read after a change; a rebuild keeps
 * the importers when no change since touched the import graph, and the name masks of unchanged summaries.
 */
public final class WorkspaceIndex {
    private final ConcurrentHashMap<Path, FileSummary> indexed = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Path, FileSummary> open = new ConcurrentHashMap<>();
    /** Bumped by every change; snapshots remember the one they were built at. */
    private final AtomicLong changes = new AtomicLong();
    /**
     * Bumped (before {@link #changes}) by a change that may alter the import graph: a file added or
     * removed, or a summary whose resolved files differ from those of the one it replaces. While it
     * stands, a new snapshot keeps the last one's importers: an edit of an open document replaces its
     * summary at every parse, and rebuilding the importers of every file after each one made the
     * next cross-file request pay for the whole workspace (150–200 ms of CPU on 20,000 files).
     */
    private final AtomicLong importChanges = new AtomicLong();
    private volatile Snapshot snapshot = new Snapshot(-1, -1, null, DeclarationList.EMPTY, ImmutableList.of(), new int[0], new long[0]);
    /** Loads the summary of a file that is not indexed yet (on the caller's thread); null: none. */
    private volatile Function<Path, FileSummary> loader = p -> null;

    /** The immutable maps derived from all summaries at one point in time. */
    private record Snapshot(long atChange, long atImportChange, Importers importers,
            DeclarationList declarations, ImmutableList<AmbientModuleInFile> ambientModules, int[] nameMasks, long[] nameShapes) { }

    /**
     * Every declaration of a snapshot, file after file, without an object each: the files and where
     * each one's declarations start; {@link #get} makes the entry. (A record per declaration was a
     * quarter of the heap the index kept on a project of small files.)
     */
    private static final class DeclarationList extends java.util.AbstractList<DeclarationInFile> implements java.util.RandomAccess {
        static final DeclarationList EMPTY = new DeclarationList(new FileSummary[0], new int[] {0});
        private final FileSummary[] files;
        /** firstOf[f]: the index of file f's first declaration; firstOf[files.length]: the size. */
        private final int[] firstOf;

        DeclarationList(FileSummary[] files, int[] firstOf) {
            this.files = files;
            this.firstOf = firstOf;
        }

        @Override public int size() { return firstOf[files.length]; }

        @Override public DeclarationInFile get(int i) {
            if (i < 0 || i >= size()) throw new IndexOutOfBoundsException(i);
            // the last file starting at or before i (files without declarations share their start with the next)
            int lo = 0, hi = files.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (firstOf[mid] <= i) lo = mid;
                else hi = mid - 1;
            }
            return new DeclarationInFile(files[lo], i - firstOf[lo]);
        }

        @Override public java.util.Iterator<DeclarationInFile> iterator() {
            return new java.util.Iterator<>() {
                private int file, index;

                @Override public boolean hasNext() {
                    while (file < files.length && index >= firstOf[file + 1] - firstOf[file]) {
                        file++;
                        index = 0;
                    }
                    return file < files.length;
                }

                @Override public DeclarationInFile next() {
                    if (!hasNext()) throw new java.util.NoSuchElementException();
                    return new DeclarationInFile(files[file], index++);
                }
            };
        }
    }

    /**
     * File → the files whose imports or re-exports resolve to it, as one flat array in which each
     * file's importers are one run, found through an open-addressing table of the files imported.
     * (Guava's multimap held a set object and its tables per imported file: five times the bytes.)
     */
    private static final class Importers {
        private final Path[] keys;
        private final int[] runStart, runEnd;
        private final Path[] importers;

        private Importers(Path[] keys, int[] runStart, int[] runEnd, Path[] importers) {
            this.keys = keys;
            this.runStart = runStart;
            this.runEnd = runEnd;
            this.importers = importers;
        }

        /**
         * The slot of {@code file} in {@code keys}, or the empty one where it would go. Identity first:
         * summaries hold the index's one Path of each file, and a Path's {@code equals} compares its
         * bytes (a long common prefix) even for the same object.
         */
        private static int slot(Path[] keys, Path file) {
            int mask = keys.length - 1, h = file.hashCode();
            for (int i = (h ^ (h >>> 16)) & mask; ; i = (i + 1) & mask) {
                Path k = keys[i];
                if (k == null || k == file || (k.hashCode() == h && k.equals(file))) return i;
            }
        }

        List<Path> of(Path file) {
            int i = slot(keys, file);
            if (keys[i] == null) return List.of();
            return java.util.Collections.unmodifiableList(java.util.Arrays.asList(importers).subList(runStart[i], runEnd[i]));
        }

        /** From the resolutions made with each summary: no file-system calls here. */
        static Importers of(List<FileSummary> all) {
            // the files imported, in a table at most three quarters full (most are files of the index: sized for those first)
            Path[] keys = new Path[Integer.highestOneBit(Math.max(2, all.size() * 4 / 3)) * 2];
            int targets = 0, edges = 0;
            for (FileSummary f : all) {
                for (Path target : f.resolvedFiles()) {
                    edges++;
                    int i = slot(keys, target);
                    if (keys[i] != null) continue;
                    keys[i] = target;
                    if (++targets * 4 > keys.length * 3) keys = grown(keys);
                }
            }
            int[] count = new int[keys.length];
            for (FileSummary f : all) for (Path target : f.resolvedFiles()) count[slot(keys, target)]++;
            int[] runStart = new int[keys.length], runEnd = new int[keys.length];
            for (int i = 0, at = 0; i < keys.length; i++) {
                runStart[i] = runEnd[i] = at;
                at += count[i];
            }
            Path[] importers = new Path[edges];
            for (FileSummary f : all) {
                for (Path target : f.resolvedFiles()) {
                    int i = slot(keys, target);
                    // one file's edges to a target are added together: a repeat is the run's last entry
                    if (runEnd[i] > runStart[i] && importers[runEnd[i] - 1] == f.path()) continue;
                    importers[runEnd[i]++] = f.path();
                }
            }
            return new Importers(keys, runStart, runEnd, importers);
        }

        private static Path[] grown(Path[] keys) {
            Path[] out = new Path[keys.length * 2];
            for (Path k : keys) if (k != null) out[slot(out, k)] = k;
            return out;
        }
    }

    /** A {@code declare module "x"} block with its file. */
    public record AmbientModuleInFile(FileSummary.AmbientModule module, FileSummary file) { }

    /**
     * The characters a name holds, one bit each, case folded: a-z, one bit for any digit, '_', '$',
     * and one for any other. A query can match a name (as a subsequence) only if its mask is a
     * subset of the name's: one AND rejects most names of a workspace/symbol scan. (An int a
     * declaration: the digits share a bit, as the subsequence test follows anyway.)
     */
    public static int nameMask(CharSequence name) {
        int mask = 0;
        for (int i = 0, n = name.length(); i < n; i++) mask |= bitOf(name.charAt(i));
        return mask;
    }

    /**
     * What a name's text allows a query to match, for scans that must not read the name itself (it
     * lies in its file's summary, a cache miss away): the low 32 bits hold a hashed bit for each pair
     * of adjacent characters ({@link #pairBit}), the high 32 the {@link #nameMask} bits of the
     * characters that start a hump ({@link #isHumpStart}). A substring match needs every pair of the
     * query among the name's pairs; a humps match needs its first character at a hump start and each
     * next one either after the previous (a pair) or at a hump start. A name that is not ASCII has
     * every bit set: its case folding is not one character to one bit.
     */
    public static long nameShape(CharSequence name) {
        int pairs = 0, humps = 0;
        for (int i = 0, n = name.length(); i < n; i++) {
            char c = name.charAt(i);
            if (c >= 128) return -1L;
            if (i > 0) pairs |= pairBit(name.charAt(i - 1), c);
            if (isHumpStart(name, i)) humps |= bitOf(c);
        }
        return (long) humps << 32 | (pairs & 0xFFFFFFFFL);
    }

    /** One of 32 bits for two adjacent ASCII characters, case folded as {@link #nameMask} folds them. */
    public static int pairBit(char first, char second) {
        int pair = Integer.numberOfTrailingZeros(bitOf(first)) * 31 + Integer.numberOfTrailingZeros(bitOf(second));
        return 1 << ((pair * 0x9E3779B9) >>> 27);
    }

    /**
     * Where a camel-case hump starts: the name's start, an upper-case letter after a lower-case one or
     * a digit, and the character after '_' or '$' (unless it is one of them).
     */
    public static boolean isHumpStart(CharSequence name, int i) {
        if (i == 0) return true;
        char c = name.charAt(i), before = name.charAt(i - 1);
        if (before == '_' || before == '$') return c != '_' && c != '$';
        return Character.isUpperCase(c) && (Character.isLowerCase(before) || Character.isDigit(before));
    }

    private static int bitOf(char c) {
        if (c >= 'a' && c <= 'z') return 1 << (c - 'a');
        if (c >= 'A' && c <= 'Z') return 1 << (c - 'A');
        if (c >= '0' && c <= '9') return 1 << 26;
        if (c == '_') return 1 << 27;
        if (c == '$') return 1 << 28;
        char lower = Character.toLowerCase(c);
        if (lower != c && lower < 128) return bitOf(lower);
        return 1 << 29;
    }

    /**
     * A top-level declaration with its file: what workspace/symbol scans. It holds the index of the
     * declaration in its file's summary; {@link #declaration()} makes the record, {@link #name()} is
     * a view of the name for scans that reject most entries.
     */
    public record DeclarationInFile(FileSummary file, int index) {
        public FileSummary.Declaration declaration() { return file.declarationAt(index); }

        public CharSequence name() { return file.declarationName(index); }
    }

    public void setLoader(Function<Path, FileSummary> loader) { this.loader = loader; }

    /** The current summary of a file: the open document's, else the indexed one, else null. */
    public FileSummary summary(Path file) {
        FileSummary s = open.get(file);
        return s != null ? s : indexed.get(file);
    }

    /** {@link #summary}, loading and indexing the file now when it is not known (a file imported from outside the roots, or not reached yet). */
    public FileSummary summaryOrLoad(Path file) {
        FileSummary s = summary(file);
        if (s != null) return s;
        s = loader.apply(file);
        if (s != null) putIndexed(s);
        return s;
    }

    public void putIndexed(FileSummary s) {
        FileSummary before = indexed.put(s.path(), s);
        if (!sameImportTargets(before, s)) importChanges.incrementAndGet();
        changes.incrementAndGet();
    }

    public void removeIndexed(Path file) {
        if (indexed.remove(file) != null) {
            importChanges.incrementAndGet();
            changes.incrementAndGet();
        }
    }

    public void putOpen(FileSummary s) {
        FileSummary before = open.put(s.path(), s);
        if (before == null) before = indexed.get(s.path());
        if (!sameImportTargets(before, s)) importChanges.incrementAndGet();
        changes.incrementAndGet();
    }

    public void removeOpen(Path file) {
        FileSummary gone = open.remove(file);
        if (gone != null) {
            if (!sameImportTargets(gone, indexed.get(file))) importChanges.incrementAndGet();
            changes.incrementAndGet();
        }
    }

    /** Forgets every indexed file below {@code folder} (a workspace folder was removed); open documents stay. */
    public void removeIndexedUnder(Path folder) {
        if (indexed.keySet().removeIf(p -> p.startsWith(folder))) {
            importChanges.incrementAndGet();
            changes.incrementAndGet();
        }
    }

    /** Whether the import graph reads the same edges from both summaries of a file ({@link Importers#of} reads only these). */
    private static boolean sameImportTargets(FileSummary a, FileSummary b) {
        return a != null && b != null && a.path().equals(b.path()) && a.resolvedFiles().equals(b.resolvedFiles());
    }

    /**
     * Builds the maps requests derive from the summaries (declarations, importers) now, on the
     * caller's thread: after indexing, so that the first cross-file request does not pay for them.
     */
    public void prepareDerivedMaps() { current(true); }

    public boolean isIndexed(Path file) { return indexed.containsKey(file); }

    /** Number of files known. */
    public int size() {
        int n = indexed.size();
        for (Path p : open.keySet()) if (!indexed.containsKey(p)) n++;
        return n;
    }

    /** Every current summary (open ones in place of indexed ones), in no particular order. */
    public Collection<FileSummary> all() {
        Map<Path, FileSummary> merged = new HashMap<>(indexed);
        merged.putAll(open);
        return merged.values();
    }

    /** Every top-level declaration of every current summary, as one flat immutable list (rebuilt after changes). */
    public List<DeclarationInFile> declarations() { return current(false).declarations(); }

    /**
     * The {@code declare module} blocks an import of {@code specifier} names: those of exactly that
     * name, else those of the pattern ("*.css") with the longest prefix, as TypeScript picks.
     */
    public List<AmbientModuleInFile> ambientModules(String specifier) {
        List<AmbientModuleInFile> exact = new ArrayList<>(), pattern = new ArrayList<>();
        int best = -1;
        for (AmbientModuleInFile m : current(false).ambientModules()) {
            String name = m.module().name();
            if (name.equals(specifier)) exact.add(m);
            else if (exact.isEmpty() && name.indexOf('*') >= 0 && m.module().matches(specifier)) {
                int prefix = name.indexOf('*');
                if (prefix > best) { best = prefix; pattern.clear(); }
                if (prefix == best) pattern.add(m);
            }
        }
        return exact.isEmpty() ? pattern : exact;
    }

    /**
     * The declarations and their {@link #nameMask}s, index for index, of one snapshot; for scans of
     * all of them, also file by file: declaration {@code i} is the {@code i - firstOf[f]}th of
     * {@code files[f]} for {@code firstOf[f] <= i < firstOf[f + 1]} (no entry object, no search).
     * Do not modify the arrays.
     */
    public record Declarations(List<DeclarationInFile> list, int[] nameMasks, long[] nameShapes, FileSummary[] files, int[] firstOf) { }

    /** {@link #declarations()} with the name masks of the same snapshot. */
    public Declarations declarationsWithMasks() {
        Snapshot s = current(false);
        return new Declarations(s.declarations(), s.nameMasks(), s.nameShapes(), s.declarations().files, s.declarations().firstOf);
    }

    /** Files with a top-level declaration of {@code name} (a scan of the snapshot's declarations). */
    public ImmutableSet<Path> filesDeclaring(String name) {
        ImmutableSet.Builder<Path> out = ImmutableSet.builder();
        for (DeclarationInFile d : current(false).declarations()) if (d.file().declarationNamed(d.index(), name)) out.add(d.file().path());
        return out.build();
    }

    /** Files whose imports or re-exports resolve to {@code file}, each once (an immutable list). */
    public List<Path> importersOf(Path file) { return current(true).importers().of(file); }

    /** The current import graph as one object (tests: a graph kept is the same object, one rebuilt is not). */
    Object importGraph() { return current(true).importers(); }

    private Snapshot current(boolean withImporters) {
        Snapshot s = snapshot;
        long now = changes.get();
        if (s.atChange() == now && (!withImporters || s.importers() != null)) return s;
        synchronized (this) {
            s = snapshot;
            now = changes.get();
            if (s.atChange() == now && (!withImporters || s.importers() != null)) return s;
            // read before the summaries: a change of the graph after this is seen by the next snapshot
            long importsNow = importChanges.get();
            Importers kept = s.importers() != null && s.atImportChange() == importsNow ? s.importers() : null;
            List<FileSummary> all = new ArrayList<>(all());
            ImmutableList.Builder<AmbientModuleInFile> ambient = ImmutableList.builder();
            FileSummary[] files = all.toArray(new FileSummary[0]);
            int[] firstOf = new int[files.length + 1];
            for (int f = 0; f < files.length; f++) {
                for (FileSummary.AmbientModule m : files[f].ambientModules()) ambient.add(new AmbientModuleInFile(m, files[f]));
                firstOf[f + 1] = firstOf[f] + files[f].declarationCount();
            }
            DeclarationList flat = new DeclarationList(files, firstOf);
            int[] masks = new int[flat.size()];
            long[] shapes = new long[flat.size()];
            // a summary the last snapshot held at the same place (the same files in the same map
            // order: after an edit, all but one) keeps its names' masks and shapes: copied, not read again
            FileSummary[] lastFiles = s.declarations().files;
            int[] lastFirstOf = s.declarations().firstOf, lastMasks = s.nameMasks();
            long[] lastShapes = s.nameShapes();
            for (int f = 0, i = 0; f < files.length; f++) {
                int n = firstOf[f + 1] - firstOf[f];
                if (f < lastFiles.length && lastFiles[f] == files[f]) {
                    System.arraycopy(lastMasks, lastFirstOf[f], masks, i, n);
                    System.arraycopy(lastShapes, lastFirstOf[f], shapes, i, n);
                    i += n;
                    continue;
                }
                for (int k = 0; k < n; k++, i++) {
                    CharSequence name = files[f].declarationName(k);
                    masks[i] = nameMask(name);
                    shapes[i] = nameShape(name);
                }
            }
            Importers importers = kept != null ? kept : withImporters ? Importers.of(all) : null;
            s = new Snapshot(now, importers == null ? -1 : importsNow, importers, flat, ambient.build(), masks, shapes);
            snapshot = s;
            return s;
        }
    }
}
