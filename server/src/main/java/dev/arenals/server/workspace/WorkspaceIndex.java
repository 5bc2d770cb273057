package dev.arenals.server.workspace;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
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
 * file → importers) are immutable snapshots rebuilt on the first read after a change.
 */
public final class WorkspaceIndex {
    private final ConcurrentHashMap<Path, FileSummary> indexed = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Path, FileSummary> open = new ConcurrentHashMap<>();
    /** Bumped by every change; snapshots remember the one they were built at. */
    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot snapshot = new Snapshot(-1, null, ImmutableList.of(), ImmutableList.of(), new long[0]);
    /** Loads the summary of a file that is not indexed yet (on the caller's thread); null: none. */
    private volatile Function<Path, FileSummary> loader = p -> null;

    /** The immutable maps derived from all summaries at one point in time. */
    private record Snapshot(long atChange, ImmutableSetMultimap<Path, Path> importers,
            ImmutableList<DeclarationInFile> declarations, ImmutableList<AmbientModuleInFile> ambientModules, long[] nameMasks) { }

    /** A {@code declare module "x"} block with its file. */
    public record AmbientModuleInFile(FileSummary.AmbientModule module, FileSummary file) { }

    /**
     * The characters a name holds, one bit each, case folded: a-z, 0-9, '_', '$', and one bit for
     * any other. A query can match a name (as a subsequence) only if its mask is a subset of the
     * name's: one AND rejects most names of a workspace/symbol scan.
     */
    public static long nameMask(CharSequence name) {
        long mask = 0;
        for (int i = 0, n = name.length(); i < n; i++) mask |= bitOf(name.charAt(i));
        return mask;
    }

    private static long bitOf(char c) {
        if (c >= 'a' && c <= 'z') return 1L << (c - 'a');
        if (c >= 'A' && c <= 'Z') return 1L << (c - 'A');
        if (c >= '0' && c <= '9') return 1L << (26 + c - '0');
        if (c == '_') return 1L << 36;
        if (c == '$') return 1L << 37;
        char lower = Character.toLowerCase(c);
        if (lower != c && lower < 128) return bitOf(lower);
        return 1L << 38;
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
        indexed.put(s.path(), s);
        changes.incrementAndGet();
    }

    public void removeIndexed(Path file) {
        if (indexed.remove(file) != null) changes.incrementAndGet();
    }

    public void putOpen(FileSummary s) {
        open.put(s.path(), s);
        changes.incrementAndGet();
    }

    public void removeOpen(Path file) {
        if (open.remove(file) != null) changes.incrementAndGet();
    }

    /** Forgets every indexed file below {@code folder} (a workspace folder was removed); open documents stay. */
    public void removeIndexedUnder(Path folder) {
        if (indexed.keySet().removeIf(p -> p.startsWith(folder))) changes.incrementAndGet();
    }

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

    /** Every top-level declaration of every current summary, as one flat list (rebuilt after changes). */
    public ImmutableList<DeclarationInFile> declarations() { return current(false).declarations(); }

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

    /** The declarations and their {@link #nameMask}s, index for index, of one snapshot. */
    public record Declarations(ImmutableList<DeclarationInFile> list, long[] nameMasks) { }

    /** {@link #declarations()} with the name masks of the same snapshot (do not modify the array). */
    public Declarations declarationsWithMasks() {
        Snapshot s = current(false);
        return new Declarations(s.declarations(), s.nameMasks());
    }

    /** Files with a top-level declaration of {@code name} (a scan of the snapshot's declarations). */
    public ImmutableSet<Path> filesDeclaring(String name) {
        ImmutableSet.Builder<Path> out = ImmutableSet.builder();
        for (DeclarationInFile d : current(false).declarations()) if (d.file().declarationNamed(d.index(), name)) out.add(d.file().path());
        return out.build();
    }

    /** Files whose imports or re-exports resolve to {@code file}. */
    public ImmutableSet<Path> importersOf(Path file) { return current(true).importers().get(file); }

    private Snapshot current(boolean withImporters) {
        Snapshot s = snapshot;
        long now = changes.get();
        if (s.atChange() == now && (!withImporters || s.importers() != null)) return s;
        synchronized (this) {
            s = snapshot;
            now = changes.get();
            if (s.atChange() == now && (!withImporters || s.importers() != null)) return s;
            List<FileSummary> all = new ArrayList<>(all());
            ImmutableList.Builder<DeclarationInFile> declarations = ImmutableList.builder();
            ImmutableList.Builder<AmbientModuleInFile> ambient = ImmutableList.builder();
            for (FileSummary f : all) {
                for (FileSummary.AmbientModule m : f.ambientModules()) ambient.add(new AmbientModuleInFile(m, f));
                for (int i = 0, n = f.declarationCount(); i < n; i++) declarations.add(new DeclarationInFile(f, i));
            }
            ImmutableSetMultimap<Path, Path> importers = null;
            if (withImporters) {
                // from the resolutions made with each summary: no file-system calls here
                ImmutableSetMultimap.Builder<Path, Path> graph = ImmutableSetMultimap.builder();
                for (FileSummary f : all) {
                    for (Path target : f.resolvedFiles()) graph.put(target, f.path());
                }
                importers = graph.build();
            }
            ImmutableList<DeclarationInFile> flat = declarations.build();
            long[] masks = new long[flat.size()];
            for (int i = 0; i < masks.length; i++) masks[i] = nameMask(flat.get(i).name());
            s = new Snapshot(now, importers, flat, ambient.build(), masks);
            snapshot = s;
            return s;
        }
    }
}
