package dev.arenals.server.workspace;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.nio.file.Path;

/**
 * What the workspace keeps of one file after its arena is reset: its top-level declarations, its
 * exports and imports with their module specifiers, and the files those resolved to when the
 * summary was made (so the import graph is rebuilt without touching the file system). Immutable and free of arena references, so a
 * summary may be read on any thread while a newer one replaces it. Ranges are name ranges, one
 * line each, in the position encoding the client negotiated. {@code uri} is the open document's
 * URI as the client spelled it; null for a file indexed from disk, whose URI is made from its path
 * when asked for (a hundred bytes a file less to keep).
 *
 * <p>It is kept flat, as the index holds tens of thousands: every string in one per-file table
 * ({@link SummaryStrings}), each entry's fields as ints; the records ({@link Declaration},
 * {@link Import}…) are made when a reader asks, and the lookups by name compare in the table.
 */
public final class FileSummary {
    // Kept flat: the strings in one per-file table, every record's fields as ints in one column
    // array (no Span, String or record object per entry); the records below are made when a
    // reader asks for them.
    private final Path path;
    private final String uri;
    private final int sourceChars;
    /**
     * CRC-32C of the file's bytes as they were read and summarized, 0 when not known (an open
     * document's summary): a request that reads the file again knows whether the summary still
     * describes it. (An int beside the int length: the object keeps its size.)
     */
    private final int contentHash;
    private final SummaryStrings strings;
    /**
     * Every entry's ints, section after section (the sections' starts below): 8-bit when every
     * value fits (small modules), else 16-bit as in most files. Declarations: {@link #DECLARATION_WIDTH} ints each (name,
     * kind ordinal << 1 | exported, line, start, end). Exports: {@link #EXPORT_WIDTH} each (exported
     * name, local name, from specifier, line, start, end, commonJs). Star exports: specifiers.
     * Imports: {@link #IMPORT_WIDTH} each (local, imported, specifier, line, start, end, the imported
     * side's line, start, end (line -1: none), where its uses are in the uses section (-1: unknown)).
     * Module specifiers. Resolved specifiers (the distinct ones that resolved, index for index with
     * {@link #resolvedFiles}). Signatures: name, returns, jsDoc, construct, parameter count, then the
     * parameters. Members: {@link #MEMBER_WIDTH} each (container, name, kind ordinal, line, start,
     * end, the declared type as written or -1). Uses: per import with known uses, their count << 2 | 2 when the binding is a shorthand
     * property | 1 when a use is, then (line, start, end) each (the line << 1 | shorthand when a use is). Last, the
     * end offset of each string of {@link #strings}.
     */
    private final Object data; // byte[], char[] or int[], see Columns
    private final Path[] resolvedFiles;
    private final ImmutableList<AmbientModule> ambientModules;
    private final int signatureCount;

    private static final int DECLARATION_WIDTH = 5, EXPORT_WIDTH = 7, IMPORT_WIDTH = 10, MEMBER_WIDTH = 7;
    private static final Kind[] KINDS = Kind.values();
    private static final Path[] NO_PATHS = new Path[0];

    public FileSummary(Path path, String uri, ImmutableList<Declaration> declarations, ImmutableList<Export> exports,
            ImmutableList<String> starExports, ImmutableList<Import> imports, ImmutableList<String> moduleSpecifiers,
            ImmutableMap<String, Path> resolvedModules, long sourceChars, ImmutableList<AmbientModule> ambientModules,
            ImmutableList<Signature> signatures, ImmutableList<Member> members) {
        this(path, uri, declarations, exports, starExports, imports, moduleSpecifiers, resolvedModules, sourceChars, ambientModules, signatures, members, 0);
    }

    /** The same, for a file read from disk whose bytes hashed to {@code contentHash} ({@link #contentHash()}). */
    public FileSummary(Path path, String uri, ImmutableList<Declaration> declarations, ImmutableList<Export> exports,
            ImmutableList<String> starExports, ImmutableList<Import> imports, ImmutableList<String> moduleSpecifiers,
            ImmutableMap<String, Path> resolvedModules, long sourceChars, ImmutableList<AmbientModule> ambientModules,
            ImmutableList<Signature> signatures, ImmutableList<Member> members, int contentHash) {
        this(path, uri, sourceChars, contentHash, fromRecords(declarations, exports, starExports, imports, moduleSpecifiers, resolvedModules, signatures, members),
                ambientModules);
    }

    /** The records written as rows into this thread's {@link Writer}, as the summarizer writes them. */
    private static Writer fromRecords(ImmutableList<Declaration> declarations, ImmutableList<Export> exports, ImmutableList<String> starExports,
            ImmutableList<Import> imports, ImmutableList<String> moduleSpecifiers, ImmutableMap<String, Path> resolvedModules,
            ImmutableList<Signature> signatures, ImmutableList<Member> members) {
        Writer w = Writer.take();
        for (int i = 0, n = declarations.size(); i < n; i++) {
            Declaration d = declarations.get(i);
            w.declaration(d.name(), d.kind(), d.span().line(), d.span().startColumn(), d.span().endColumn(), d.exported());
        }
        for (int i = 0, n = exports.size(); i < n; i++) {
            Export e = exports.get(i);
            w.export(e.exportedName(), e.localName(), e.fromSpecifier(), e.span().line(), e.span().startColumn(), e.span().endColumn(), e.commonJs());
        }
        for (int i = 0, n = starExports.size(); i < n; i++) w.starExport(starExports.get(i));
        for (int i = 0, n = imports.size(); i < n; i++) {
            Import im = imports.get(i);
            int k = w.importBinding(im.localName(), im.importedName(), im.specifier(), im.span().line(), im.span().startColumn(), im.span().endColumn());
            if (im.importedSpan() != null) w.importedSide(k, im.importedSpan().line(), im.importedSpan().startColumn(), im.importedSpan().endColumn());
            if (im.uses() != null) {
                int[] shorthand = im.shorthandUses();
                boolean bindingShorthand = im.useIsShorthand(-1);
                boolean marked = shorthand != null && shorthand.length > (bindingShorthand ? 1 : 0);
                w.startUses(k, im.uses().length / 3, bindingShorthand, marked);
                for (int u = 0, m = im.uses().length; u < m; u += 3) w.use(im.uses()[u], im.uses()[u + 1], im.uses()[u + 2], marked, im.useIsShorthand(u / 3));
            }
        }
        for (int i = 0, n = moduleSpecifiers.size(); i < n; i++) w.moduleSpecifier(moduleSpecifiers.get(i));
        for (java.util.Map.Entry<String, Path> e : resolvedModules.entrySet()) w.resolved(e.getKey(), e.getValue());
        for (int i = 0, n = signatures.size(); i < n; i++) w.signature(signatures.get(i));
        for (int i = 0, n = members.size(); i < n; i++) {
            Member m = members.get(i);
            w.member(m.container(), m.name(), m.kind(), m.span().line(), m.span().startColumn(), m.span().endColumn(), m.type());
        }
        return w;
    }

    /**
     * The summary of what {@code rows} holds (taken from {@link Writer#take}, released here): the
     * summarizer writes its rows directly, with no record per entry.
     */
    FileSummary(Path path, String uri, long sourceChars, int contentHash, Writer rows, ImmutableList<AmbientModule> ambientModules) {
        this.path = path;
        this.uri = uri;
        this.sourceChars = (int) Math.min(Integer.MAX_VALUE, sourceChars); // files are indexed up to a size limit far under this
        this.contentHash = contentHash;
        this.ambientModules = ambientModules;
        try {
            this.signatureCount = rows.signatureCount;
            this.resolvedFiles = rows.resolvedCount == 0 ? NO_PATHS : java.util.Arrays.copyOf(rows.resolvedFiles, rows.resolvedCount);
            // the sections one after another, then the strings' end offsets (so that the table needs no
            // array of its own), then the sections' starts (read from the end: no int field per section in each summary)
            IntList ints = rows.all;
            ints.clear();
            ints.addAll(rows.declarations);
            int exportsAt = ints.size();
            ints.addAll(rows.exports);
            int starExportsAt = ints.size();
            ints.addAll(rows.starExports);
            int importsAt = ints.size();
            ints.addAll(rows.imports);
            int moduleSpecifiersAt = ints.size();
            ints.addAll(rows.moduleSpecifiers);
            int resolvedSpecifiersAt = ints.size();
            ints.addAll(rows.resolvedSpecifiers);
            int signaturesAt = ints.size();
            ints.addAll(rows.signatures);
            int membersAt = ints.size();
            ints.addAll(rows.members);
            int usesAt = ints.size();
            ints.addAll(rows.uses);
            SummaryStrings.Builder table = rows.strings;
            int stringEndsAt = ints.size();
            for (int i = 0, n = table.count(); i < n; i++) ints.add(table.end(i));
            ints.add(exportsAt);
            ints.add(starExportsAt);
            ints.add(importsAt);
            ints.add(moduleSpecifiersAt);
            ints.add(resolvedSpecifiersAt);
            ints.add(signaturesAt);
            ints.add(membersAt);
            ints.add(usesAt);
            this.data = ints.toColumns(stringEndsAt, table.count());
            this.strings = table.build(data, stringEndsAt);
        } finally {
            rows.release();
        }
    }

    /** A summary from the parts another one kept ({@link SummaryCache} reads them back from disk). */
    FileSummary(Path path, String uri, int sourceChars, int contentHash, SummaryStrings strings, Object data, Path[] resolvedFiles,
            ImmutableList<AmbientModule> ambientModules, int signatureCount) {
        this.path = path;
        this.uri = uri;
        this.sourceChars = sourceChars;
        this.contentHash = contentHash;
        this.strings = strings;
        this.data = data;
        this.resolvedFiles = resolvedFiles.length == 0 ? NO_PATHS : resolvedFiles;
        this.ambientModules = ambientModules;
        this.signatureCount = signatureCount;
    }

    // the parts as kept, for SummaryCache to write
    Object columns() { return data; }

    SummaryStrings stringTable() { return strings; }

    Path[] resolvedFileArray() { return resolvedFiles; }

    int signatureCount() { return signatureCount; }

    /** The file {@code specifier} resolved to when the summary was made; null when it did not resolve (or is not this file's). */
    Path resolvedAsSummarized(String specifier) {
        for (int i = 0; i < resolvedFiles.length; i++) if (strings.equals(col(resolvedSpecifiersAt() + i), specifier)) return resolvedFiles[i];
        return null;
    }

    /**
     * A summary's rows while it is made: the per-file string table and one int list per section,
     * in the layout {@link #data} describes. One per thread, reused (indexing threads make tens of
     * thousands of summaries: only the kept arrays are new); {@link #take} it, write, and hand it to
     * the constructor, which releases it.
     */
    static final class Writer {
        final SummaryStrings.Builder strings = new SummaryStrings.Builder();
        final IntList declarations = new IntList(), exports = new IntList(), starExports = new IntList(), imports = new IntList(),
                moduleSpecifiers = new IntList(), resolvedSpecifiers = new IntList(), signatures = new IntList(), members = new IntList(),
                uses = new IntList(), all = new IntList();
        Path[] resolvedFiles = new Path[8];
        int resolvedCount, signatureCount;
        private boolean taken;
        /** The last member container written, as given and as stored (C of "C.prototype"), and whether it was an instance side. */
        private String lastContainer;
        private int lastContainerIndex;
        private boolean lastInstanceSide;

        private static final ThreadLocal<Writer> OF_THREAD = ThreadLocal.withInitial(Writer::new);

        /** This thread's writer, emptied; a fresh one when it is in use already (a summary made while another is written). */
        static Writer take() {
            Writer w = OF_THREAD.get();
            if (w.taken) w = new Writer();
            w.taken = true;
            w.strings.reset(); // forgets the previous summary's strings
            w.declarations.clear();
            w.exports.clear();
            w.starExports.clear();
            w.imports.clear();
            w.moduleSpecifiers.clear();
            w.resolvedSpecifiers.clear();
            w.signatures.clear();
            w.members.clear();
            w.uses.clear();
            java.util.Arrays.fill(w.resolvedFiles, 0, w.resolvedCount, null);
            if (w.resolvedFiles.length > 1024) w.resolvedFiles = new Path[8];
            w.resolvedCount = 0;
            w.signatureCount = 0;
            w.lastContainer = null;
            return w;
        }

        void release() { taken = false; }

        /** The string at index {@code i} of the table ({@link #string}); null for -1. */
        String string(int i) { return strings.added(i); }

        void declaration(String name, Kind kind, int line, int start, int end, boolean exported) {
            declarations.add(strings.add(name));
            declarations.add(kind.ordinal() << 1 | (exported ? 1 : 0));
            declarations.add(line);
            declarations.add(start);
            declarations.add(end);
        }

        void export(String exportedName, String localName, String fromSpecifier, int line, int start, int end, boolean commonJs) {
            exports.add(strings.add(exportedName));
            exports.add(strings.add(localName));
            exports.add(strings.add(fromSpecifier));
            exports.add(line);
            exports.add(start);
            exports.add(end);
            exports.add(commonJs ? 1 : 0);
        }

        int exportCount() { return exports.size() / EXPORT_WIDTH; }

        /** The {@code k}th export's local name (null: none), and whether it is a re-export. */
        String exportLocalName(int k) { return string(exports.get(k * EXPORT_WIDTH + 1)); }

        boolean exportIsReexport(int k) { return exports.get(k * EXPORT_WIDTH + 2) >= 0; }

        void starExport(String specifier) { starExports.add(strings.add(specifier)); }

        /** Adds an import binding (its imported side and uses not known yet); returns its index. */
        int importBinding(String localName, String importedName, String specifier, int line, int start, int end) {
            imports.add(strings.add(localName));
            imports.add(strings.add(importedName));
            imports.add(strings.add(specifier));
            imports.add(line);
            imports.add(start);
            imports.add(end);
            imports.add(-1);
            imports.add(0);
            imports.add(0);
            imports.add(-1);
            return imports.size() / IMPORT_WIDTH - 1;
        }

        int importCount() { return imports.size() / IMPORT_WIDTH; }

        String importLocalName(int k) { return string(imports.get(k * IMPORT_WIDTH)); }

        String importImportedName(int k) { return string(imports.get(k * IMPORT_WIDTH + 1)); }

        /** The {@code k}th import's imported side ({@code a} of {@code import { a as x }}). */
        void importedSide(int k, int line, int start, int end) {
            imports.set(k * IMPORT_WIDTH + 6, line);
            imports.set(k * IMPORT_WIDTH + 7, start);
            imports.set(k * IMPORT_WIDTH + 8, end);
        }

        /** Drops the {@code k}th import's imported side (kept only with known uses, for an aliased import). */
        void noImportedSide(int k) { importedSide(k, -1, 0, 0); }

        /**
         * Starts the {@code k}th import's known uses: {@code count} of them follow through {@link #use};
         * {@code bindingShorthand}: the binding is a shorthand property; {@code marked}: some use is.
         */
        int startUses(int k, int count, boolean bindingShorthand, boolean marked) {
            int at = uses.size();
            imports.set(k * IMPORT_WIDTH + 9, at);
            // a binding used as a shorthand property has each use's line doubled, the low bit telling
            // whether it is one; other bindings' lines stay as they are (their columns stay 16-bit)
            uses.add(count << 2 | (bindingShorthand ? 2 : 0) | (marked ? 1 : 0));
            return at;
        }

        void use(int line, int start, int end, boolean marked, boolean shorthand) {
            uses.add(marked ? line << 1 | (shorthand ? 1 : 0) : line);
            uses.add(start);
            uses.add(end);
        }

        void moduleSpecifier(String specifier) { moduleSpecifiers.add(strings.add(specifier)); }

        /** A distinct specifier and the file it resolved to. */
        void resolved(String specifier, Path file) {
            resolvedSpecifiers.add(strings.add(specifier));
            if (resolvedCount == resolvedFiles.length) resolvedFiles = java.util.Arrays.copyOf(resolvedFiles, resolvedCount * 2);
            resolvedFiles[resolvedCount++] = file;
        }

        void signature(Signature sig) {
            signatures.add(strings.add(sig.name()));
            signatures.add(strings.add(sig.returns()));
            signatures.add(strings.add(sig.jsDoc()));
            signatures.add(sig.construct() ? 1 : 0);
            signatures.add(sig.parameters().size());
            for (int p = 0, m = sig.parameters().size(); p < m; p++) signatures.add(strings.add(sig.parameters().get(p)));
            signatureCount++;
        }

        void member(String container, String name, Kind kind, int line, int start, int end, String type) {
            member(container, name, kind, line, start, end, type, false);
        }

        void member(String container, String name, Kind kind, int line, int start, int end, String type, boolean isProtected) {
            if (container != lastContainer) {
                // "C.prototype" is kept as C (a string the table has already) and a flag beside the kind
                lastContainer = container;
                lastInstanceSide = container.endsWith(Summarizer.PROTOTYPE);
                lastContainerIndex = strings.addByValue(storedContainer(container));
            }
            members.add(lastContainerIndex);
            members.add(strings.add(name));
            members.add(kind.ordinal() | (lastInstanceSide ? INSTANCE_SIDE : 0) | (isProtected ? PROTECTED : 0));
            members.add(line);
            members.add(start);
            members.add(end);
            members.add(strings.add(type));
        }
    }

    private int col(int i) { return Columns.get(data, i); }

    /** The start of section {@code k} (exports, star exports, imports, module specifiers, resolved specifiers, signatures, members, uses). */
    private int section(int k) { return Columns.get(data, Columns.length(data) - SECTIONS + k); }

    private static final int SECTIONS = 8;

    private int exportsAt() { return section(0); }

    private int starExportsAt() { return section(1); }

    private int importsAt() { return section(2); }

    private int moduleSpecifiersAt() { return section(3); }

    private int resolvedSpecifiersAt() { return section(4); }

    private int signaturesAt() { return section(5); }

    private int membersAt() { return section(6); }

    private int usesAt() { return section(7); }

    /** The summary without ambient modules, signatures and members (the form before they were kept). */
    public FileSummary(Path path, String uri, ImmutableList<Declaration> declarations, ImmutableList<Export> exports,
            ImmutableList<String> starExports, ImmutableList<Import> imports, ImmutableList<String> moduleSpecifiers,
            ImmutableMap<String, Path> resolvedModules, long sourceChars) {
        this(path, uri, declarations, exports, starExports, imports, moduleSpecifiers, resolvedModules, sourceChars, ImmutableList.of(), ImmutableList.of(), ImmutableList.of());
    }


    private Span spanAt(int at) { return new Span(col(at), col(at + 1), col(at + 2)); }

    /** The uses kept at {@code at} of the uses section (a copy), or null for -1 (unknown). */
    private int[] usesOf(int at) {
        if (at < 0) return null;
        int n = col(usesAt() + at) >>> 2;
        boolean marked = (col(usesAt() + at) & 1) != 0;
        int[] out = new int[3 * n];
        for (int k = 0; k < out.length; k++) out[k] = col(usesAt() + at + 1 + k);
        if (marked) for (int k = 0; k < out.length; k += 3) out[k] >>>= 1;
        return out;
    }

    /** The indexes of the uses at {@code at} that are shorthand properties, or null when none (or unknown). */
    private int[] shorthandUsesOf(int at) {
        if (at < 0 || (col(usesAt() + at) & 3) == 0) return null;
        int n = col(usesAt() + at) >>> 2, binding = (col(usesAt() + at) & 2) != 0 ? 1 : 0, count = binding;
        boolean marked = (col(usesAt() + at) & 1) != 0;
        for (int u = 0; marked && u < n; u++) if ((col(usesAt() + at + 1 + 3 * u) & 1) != 0) count++;
        int[] out = new int[count];
        if (binding == 1) out[0] = -1;
        for (int u = 0, i = binding; marked && u < n; u++) if ((col(usesAt() + at + 1 + 3 * u) & 1) != 0) out[i++] = u;
        return out;
    }

    /** A growable int array, for the constructor (its storage stays with the thread, up to a bound). */
    static final class IntList {
        private static final int KEPT = 1 << 16;
        private int[] values = new int[256];
        private int size;

        int size() { return size; }

        int get(int i) { return values[i]; }

        void clear() {
            if (values.length > KEPT) values = new int[256];
            size = 0;
        }

        void add(int v) {
            if (size == values.length) values = java.util.Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        void set(int i, int v) { values[i] = v; }

        void addAll(IntList other) {
            if (size + other.size > values.length) values = java.util.Arrays.copyOf(values, Math.max(values.length * 2, size + other.size));
            System.arraycopy(other.values, 0, values, size, other.size);
            size += other.size;
        }

        Object toColumns(int wideFrom, int wideCount) { return Columns.of(values, size, wideFrom, wideCount); }
    }


    private ImmutableList<String> stringsOf(int from, int to) {
        if (from == to) return ImmutableList.of();
        ImmutableList.Builder<String> out = ImmutableList.builderWithExpectedSize(to - from);
        for (int i = from; i < to; i++) out.add(strings.get(col(i)));
        return out.build();
    }

    public Path path() { return path; }

    public long sourceChars() { return sourceChars; }

    /** CRC-32C of the bytes this summary was made from ({@link java.util.zip.CRC32C}), or 0 when not known. */
    public int contentHash() { return contentHash; }

    // ---- the records, made on request ----

    public int declarationCount() { return exportsAt() / DECLARATION_WIDTH; }

    /** The {@code i}th top-level declaration. */
    public Declaration declarationAt(int i) {
        int k = i * DECLARATION_WIDTH;
        return new Declaration(strings.get(col(k)), KINDS[col(k + 1) >>> 1], spanAt(0 + k + 2), (col(k + 1) & 1) != 0);
    }

    /** The name of the {@code i}th declaration as a view, no String made (for scans of every declaration). */
    public CharSequence declarationName(int i) { return strings.chars(col(i * DECLARATION_WIDTH)); }

    /** Whether the {@code i}th declaration is exported. */
    public boolean declarationExported(int i) { return (col(i * DECLARATION_WIDTH + 1) & 1) != 0; }

    /** Whether the {@code i}th declaration is named {@code name}. */
    public boolean declarationNamed(int i, String name) { return strings.equals(col(i * DECLARATION_WIDTH), name); }

    public ImmutableList<Declaration> declarations() {
        int n = declarationCount();
        if (n == 0) return ImmutableList.of();
        ImmutableList.Builder<Declaration> out = ImmutableList.builderWithExpectedSize(n);
        for (int i = 0; i < n; i++) out.add(declarationAt(i));
        return out.build();
    }

    /** The {@code i}th export. */
    public Export exportAt(int i) {
        int k = i * EXPORT_WIDTH;
        return new Export(strings.get(col(exportsAt() + k)), strings.get(col(exportsAt() + k + 1)), strings.get(col(exportsAt() + k + 2)), spanAt(exportsAt() + k + 3), col(exportsAt() + k + 6) != 0);
    }

    public ImmutableList<Export> exports() {
        int n = (starExportsAt() - exportsAt()) / EXPORT_WIDTH;
        if (n == 0) return ImmutableList.of();
        ImmutableList.Builder<Export> out = ImmutableList.builderWithExpectedSize(n);
        for (int i = 0; i < n; i++) out.add(exportAt(i));
        return out.build();
    }

    public ImmutableList<String> starExports() { return stringsOf(starExportsAt(), importsAt()); }

    public int importCount() { return (moduleSpecifiersAt() - importsAt()) / IMPORT_WIDTH; }

    /** The {@code i}th import binding. */
    public Import importAt(int i) {
        int k = i * IMPORT_WIDTH;
        return new Import(strings.get(col(importsAt() + k)), strings.get(col(importsAt() + k + 1)), strings.get(col(importsAt() + k + 2)), spanAt(importsAt() + k + 3),
                usesOf(col(importsAt() + k + 9)), col(importsAt() + k + 6) < 0 ? null : spanAt(importsAt() + k + 6),
                shorthandUsesOf(col(importsAt() + k + 9)));
    }

    /** Whether the {@code i}th import binding imports {@code importedName} ("*": the namespace, "default"). */
    public boolean importsName(int i, String importedName) { return strings.equals(col(importsAt() + i * IMPORT_WIDTH + 1), importedName); }

    public ImmutableList<Import> imports() {
        int n = importCount();
        if (n == 0) return ImmutableList.of();
        ImmutableList.Builder<Import> out = ImmutableList.builderWithExpectedSize(n);
        for (int i = 0; i < n; i++) out.add(importAt(i));
        return out.build();
    }

    public ImmutableList<String> moduleSpecifiers() { return stringsOf(moduleSpecifiersAt(), resolvedSpecifiersAt()); }

    /** Whether some module specifier of this file resolved to nothing when it was summarized (no list made: a scan of every summary asks). */
    public boolean hasUnresolvedSpecifier() { return resolvedSpecifiersAt() - moduleSpecifiersAt() > resolvedFiles.length; }

    /** Each distinct specifier and the file it resolved to when the summary was made. */
    public ImmutableMap<String, Path> resolvedModules() {
        if (resolvedFiles.length == 0) return ImmutableMap.of();
        ImmutableMap.Builder<String, Path> out = ImmutableMap.builderWithExpectedSize(resolvedFiles.length);
        for (int i = 0; i < resolvedFiles.length; i++) out.put(strings.get(col(resolvedSpecifiersAt() + i)), resolvedFiles[i]);
        return out.buildOrThrow();
    }

    /** The files {@link #resolvedModules} holds (do not modify). */
    public java.util.List<Path> resolvedFiles() { return java.util.Arrays.asList(resolvedFiles); }

    public ImmutableList<AmbientModule> ambientModules() { return ambientModules; }

    public ImmutableList<Signature> signatures() {
        if (signatureCount == 0) return ImmutableList.of();
        ImmutableList.Builder<Signature> out = ImmutableList.builderWithExpectedSize(signatureCount);
        for (int at = 0; at < (membersAt() - signaturesAt()); at += 5 + col(signaturesAt() + at + 4)) out.add(signatureAt(at));
        return out.build();
    }

    private Signature signatureAt(int at) {
        int n = col(signaturesAt() + at + 4);
        ImmutableList.Builder<String> parameters = ImmutableList.builderWithExpectedSize(n);
        for (int p = 0; p < n; p++) parameters.add(strings.get(col(signaturesAt() + at + 5 + p)));
        return new Signature(strings.get(col(signaturesAt() + at)), parameters.build(), strings.get(col(signaturesAt() + at + 1)), col(signaturesAt() + at + 3) != 0,
                strings.get(col(signaturesAt() + at + 2)));
    }

    private Member memberAt(int i) {
        int k = i * MEMBER_WIDTH;
        int kind = col(membersAt() + k + 2);
        String container = strings.get(col(membersAt() + k));
        return new Member((kind & INSTANCE_SIDE) != 0 ? container + Summarizer.PROTOTYPE : container, strings.get(col(membersAt() + k + 1)),
                KINDS[kind & KIND_BITS], spanAt(membersAt() + k + 3), strings.get(col(membersAt() + k + 6)), (kind & PROTECTED) != 0);
    }

    public ImmutableList<Member> members() {
        int n = (usesAt() - membersAt()) / MEMBER_WIDTH;
        if (n == 0) return ImmutableList.of();
        ImmutableList.Builder<Member> out = ImmutableList.builderWithExpectedSize(n);
        for (int i = 0; i < n; i++) out.add(memberAt(i));
        return out.build();
    }

    @Override public String toString() { return "FileSummary[" + path + "]"; }

    /** The name {@link Export#exportedName} has for {@code export = x} ({@code localName} x when it is a name, else null). */
    public static final String EXPORT_ASSIGNMENT = "export=";
    /**
     * How an exported callable is called, for signature help in the files that import it: a
     * function (one per overload), a class (one per constructor overload), a variable bound to a
     * function, or a callable {@link Member} (a namespace's function, a static method, an object
     * literal's method). {@code name} is the declaration's name, or a member's qualified name
     * ("Geometry.distance"); the parameters are as written (types and
     * defaults included); {@code returns} is ": T" as written or ""; {@code jsDoc} is the raw
     * documenting comment, or null.
     */
    public record Signature(String name, ImmutableList<String> parameters, String returns, boolean construct, String jsDoc) {
        /** The same signature shown under another name (the name used where it is called, or a qualified one). */
        public Signature named(String label) { return new Signature(label, parameters, returns, construct, jsDoc); }

        /** Each signature of {@code signatures} under {@code label}. */
        public static java.util.List<Signature> named(java.util.List<Signature> signatures, String label) {
            java.util.List<Signature> out = new java.util.ArrayList<>(signatures.size());
            for (Signature s : signatures) out.add(s.named(label));
            return out;
        }
    }

    /** The signatures of the callable declared as {@code name}, in source order. */
    public ImmutableList<Signature> signatures(String name) {
        ImmutableList.Builder<Signature> out = null;
        for (int at = 0; at < (membersAt() - signaturesAt()); at += 5 + col(signaturesAt() + at + 4)) {
            if (!strings.equals(col(signaturesAt() + at), name)) continue;
            if (out == null) out = ImmutableList.builder();
            out.add(signatureAt(at));
        }
        return out == null ? ImmutableList.of() : out.build();
    }

    /** What a declaration is, for workspace/symbol's and completion's icons. */
    public enum Kind {
        FUNCTION, CLASS, VARIABLE, CONSTANT, INTERFACE, TYPE, ENUM, NAMESPACE, METHOD, PROPERTY, ENUM_MEMBER,
        /** Not a member: what an instance container extends outside its file ({@link #basesOf}); its name is the type's name there. */
        BASE,
        /** Not a member: one type of the union an alias names ({@link #constituentsOf}); its name is the type's name in this file. */
        CONSTITUENT,
        /** Not a member: a type a class's {@code implements} names ({@link #implementsOf}); its name is the type's name in this file. */
        IMPLEMENTS
    }

    /**
     * A member reachable by a dotted name from an exported declaration: what a namespace exports
     * (in an ambient namespace that exports nothing explicitly, everything it declares), a class's
     * static members, an enum's members, the properties of an object literal a {@code const} is
     * bound to; nested containers too. {@code container} is the qualified name of what holds it
     * ("Geometry", "Geometry.Inner"), starting with the file's local name of the declaration.
     */
    /**
     * {@code type}: the declared type as written (a property's annotation, a method's return type; one line, clipped), or
     * null; {@code isProtected}: a class's {@code protected} member (only its class and subclasses may read it).
     */
    public record Member(String container, String name, Kind kind, Span span, String type, boolean isProtected) {
        public Member(String container, String name, Kind kind, Span span) { this(container, name, kind, span, null, false); }
        public Member(String container, String name, Kind kind, Span span, String type) { this(container, name, kind, span, type, false); }
    }

    /** The members of {@code container} named {@code name} (merged namespaces may declare it twice), in source order. */
    public ImmutableList<Member> members(String container, String name) {
        ImmutableList.Builder<Member> out = null;
        String stored = storedContainer(container);
        boolean instanceSide = stored != container;
        for (int i = 0, k = 0; k < (usesAt() - membersAt()); i++, k += MEMBER_WIDTH) {
            if (!rowOf(k, stored, instanceSide, MEMBER_ROW) || !strings.equals(col(membersAt() + k + 1), name)) continue;
            if (out == null) out = ImmutableList.builder();
            out.add(memberAt(i));
        }
        return out == null ? ImmutableList.of() : out.build();
    }

    /** The members of {@code container}, in source order. */
    public ImmutableList<Member> membersOf(String container) {
        ImmutableList.Builder<Member> out = null;
        String stored = storedContainer(container);
        boolean instanceSide = stored != container;
        for (int i = 0, k = 0; k < (usesAt() - membersAt()); i++, k += MEMBER_WIDTH) {
            if (!rowOf(k, stored, instanceSide, MEMBER_ROW)) continue;
            if (out == null) out = ImmutableList.builder();
            out.add(memberAt(i));
        }
        return out == null ? ImmutableList.of() : out.build();
    }

    private static final int BASE_ORDINAL = Kind.BASE.ordinal(), CONSTITUENT_ORDINAL = Kind.CONSTITUENT.ordinal(), IMPLEMENTS_ORDINAL = Kind.IMPLEMENTS.ordinal();
    /** For {@link #rowOf}: a member row (neither a base nor a constituent). */
    private static final int MEMBER_ROW = -1;
    /** Beside a member's kind: its container is the instance side ("C.prototype") of the name stored. */
    private static final int INSTANCE_SIDE = 64;
    /** Beside a member's kind: a protected member. */
    private static final int PROTECTED = 128;
    /** The kind's ordinal under the flags. */
    private static final int KIND_BITS = INSTANCE_SIDE - 1;

    /** The name a container's rows are stored under: C for "C.prototype" (flagged {@link #INSTANCE_SIDE}), else the container itself (the same String). */
    private static String storedContainer(String container) {
        return container.endsWith(Summarizer.PROTOTYPE) ? container.substring(0, container.length() - Summarizer.PROTOTYPE.length()) : container;
    }

    /**
     * Whether member row {@code k} is stored under {@code stored} on the side asked, and is of the
     * kind {@code wanted}: {@link #BASE_ORDINAL}, {@link #CONSTITUENT_ORDINAL}, or {@link #MEMBER_ROW} for a member.
     */
    private boolean rowOf(int k, String stored, boolean instanceSide, int wanted) {
        int kind = col(membersAt() + k + 2), ordinal = kind & KIND_BITS;
        boolean kindMatches = wanted == MEMBER_ROW ? ordinal < BASE_ORDINAL : ordinal == wanted; // the kinds from BASE on are no members
        return kindMatches && ((kind & INSTANCE_SIDE) != 0) == instanceSide && strings.equals(col(membersAt() + k), stored);
    }

    /**
     * What the instances of {@code container} ("C.prototype", "I.prototype") inherit from types
     * declared outside this file: the names this file gives them ({@code B} of
     * {@code class C extends B}, {@code interface I extends A, B}), resolved by the caller
     * through this file's declarations and imports. Bases declared in this file are not listed:
     * their members are already the container's.
     */
    public ImmutableList<String> basesOf(String container) { return namesOfRows(container, BASE_ORDINAL); }

    /**
     * The types of the union an alias names ({@code type Shape = Circle | Square}, read under
     * "Shape.prototype"): the names this file gives them, resolved by the caller through this
     * file's declarations and imports, as {@link #basesOf}; {@code null} and {@code undefined} are
     * left out. Empty for an alias of anything else, and for a union with a part that is not a
     * plain type name (a literal type, an object type, a generic): its members are not settled.
     */
    public ImmutableList<String> constituentsOf(String container) { return namesOfRows(container, CONSTITUENT_ORDINAL); }

    /**
     * The interfaces (or classes) an exported class's {@code implements} names ("C.prototype"):
     * the names this file gives them, resolved by the caller as {@link #basesOf}'s. A reader of
     * another file relates the class's members to theirs (TypeScript's related symbols).
     */
    public ImmutableList<String> implementsOf(String container) { return namesOfRows(container, IMPLEMENTS_ORDINAL); }

    private ImmutableList<String> namesOfRows(String container, int ordinal) {
        ImmutableList.Builder<String> out = null;
        String stored = storedContainer(container);
        boolean instanceSide = stored != container;
        for (int k = 0; k < (usesAt() - membersAt()); k += MEMBER_WIDTH) {
            if (!rowOf(k, stored, instanceSide, ordinal)) continue;
            if (out == null) out = ImmutableList.builder();
            out.add(strings.get(col(membersAt() + k + 1)));
        }
        return out == null ? ImmutableList.of() : out.build();
    }

    /** A name range on one line: the declaration's or the export's name. */
    public record Span(int line, int startColumn, int endColumn) { }

    /** A top-level declaration; {@code exported} when {@code export} (or {@code export default}) is written on it. */
    public record Declaration(String name, Kind kind, Span span, boolean exported) { }

    /**
     * One exported name. {@code localName} is the name inside this file (a declaration or an
     * import), or inside {@code fromSpecifier} for a re-export; "*" for {@code export * as x from};
     * null for {@code export default} of an expression, whose span is the expression's start.
     * {@code commonJs}: written {@code exports.a = …} (or {@code module.exports}), where the exported
     * name is a property name of its own, which renaming the local name does not change.
     */
    public record Export(String exportedName, String localName, String fromSpecifier, Span span, boolean commonJs) {
        public Export(String exportedName, String localName, String fromSpecifier, Span span) { this(exportedName, localName, fromSpecifier, span, false); }
    }

    /**
     * One imported binding: {@code importedName} is the name in the module, "default" for a default
     * import, "*" for a namespace import or {@code import x = require()}. {@code uses}: the name
     * ranges of the binding's references in the file (line, start column, end column, in source
     * order; the binding itself not included), kept for files indexed from disk; null when they
     * are not known (an open document's summary, or a name the file also declares elsewhere, uses
     * in JSX tags or under {@code with}: only the binder can tell those apart, so the file is parsed).
     * {@code importedSpan}: with known uses, the range of {@code a} in {@code import { a as x }}; else null.
     */
    public record Import(String localName, String importedName, String specifier, Span span, int[] uses, Span importedSpan, int[] shorthandUses) {
        public Import(String localName, String importedName, String specifier, Span span) { this(localName, importedName, specifier, span, null, null, null); }

        public Import(String localName, String importedName, String specifier, Span span, int[] uses, Span importedSpan) {
            this(localName, importedName, specifier, span, uses, importedSpan, null);
        }

        /**
         * Whether the {@code k}th use is a shorthand property ({@code { a }}, {@code { a = 1 }}), where a
         * rename writes {@code { a: b }}; {@code k} -1: whether the binding itself is one
         * ({@code const { a } = require("m")}). {@link #shorthandUses} holds their indexes, ascending (null: none).
         */
        public boolean useIsShorthand(int k) { return shorthandUses != null && java.util.Arrays.binarySearch(shorthandUses, k) >= 0; }

        /**
         * Whether {@link #uses} lists every reference to this binding in its file, so that a
         * references request reads them here instead of parsing the file again.
         */
        public boolean usesKnown() { return uses != null; }

        /** How many uses {@link #uses} holds (0 when unknown). */
        public int useCount() { return uses == null ? 0 : uses.length / 3; }

        /** The name range of the {@code k}th use, in source order. */
        public Span use(int k) { return new Span(uses[3 * k], uses[3 * k + 1], uses[3 * k + 2]); }
    }

    /**
     * A {@code declare module "name" { … }} block (or a module augmentation of that form): the
     * string's span, and the declarations of its body (all of them: an ambient module exports them).
     */
    public record AmbientModule(String name, Span span, ImmutableList<Declaration> members) {
        /** The member named {@code name}, or null. */
        public Declaration member(String memberName) {
            for (Declaration d : members) if (d.name().equals(memberName)) return d;
            return null;
        }

        /** Whether an import of {@code specifier} names this module: the same name, or a match of its one '*' ("*.css"). */
        public boolean matches(String specifier) {
            int star = name.indexOf('*');
            if (star < 0) return name.equals(specifier);
            if (name.indexOf('*', star + 1) >= 0) return false;
            String prefix = name.substring(0, star), suffix = name.substring(star + 1);
            return specifier.length() >= prefix.length() + suffix.length() && specifier.startsWith(prefix) && specifier.endsWith(suffix);
        }
    }

    public static FileSummary empty(Path path, String uri) {
        return new FileSummary(path, uri, ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), ImmutableMap.of(), 0);
    }

    /** The document's URI as the client spelled it, else the file URI of the path. */
    public String uri() { return uri != null ? uri : fileUri(path); }

    /**
     * {@code path.toUri().toString()} for a file: that call asks the file system whether the path is
     * a directory (a {@code stat}) and parses the URI it made; a references answer makes one per
     * importer. An absolute path of characters a URI path keeps as they are is "file://" + the path;
     * any other (to be percent-encoded, or not of this file system's form) goes through {@code toUri}.
     */
    public static String fileUri(Path path) {
        String s = ModuleResolver.uncached(path).toString(); // the index's Path does not keep the string
        if (java.io.File.separatorChar != '/' || s.isEmpty() || s.charAt(0) != '/' || path.getFileSystem() != java.nio.file.FileSystems.getDefault()) {
            return path.toUri().toString();
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            if (!keptInUriPath(s.charAt(i))) return path.toUri().toString();
        }
        return "file://" + s;
    }

    /** The characters a file URI's path holds unescaped (RFC 2396 pchar, ';' and '/', as the JDK writes them). */
    private static boolean keptInUriPath(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
        return c < 128 && "-_.!~*'():@&=+$,;/".indexOf(c) >= 0;
    }

    /**
     * The file a module specifier of this file names: as resolved when the summary was made, else
     * (a file created since, or a specifier this file does not contain) resolved now; null for none.
     */
    public Path resolve(String specifier) {
        for (int i = 0; i < resolvedFiles.length; i++) if (strings.equals(col(resolvedSpecifiersAt() + i), specifier)) return resolvedFiles[i];
        return ModuleResolver.resolveFrom(path, specifier);
    }

    // ---- by index, without records (readers that visit every importer of a name) ----

    public int exportCount() { return (starExportsAt() - exportsAt()) / EXPORT_WIDTH; }

    public String exportedNameAt(int k) { return strings.get(col(exportsAt() + k * EXPORT_WIDTH)); }

    /** Whether the {@code k}th export's local name is {@code name} (null: an export default of an expression). */
    public boolean exportLocalIs(int k, String name) { return strings.equals(col(exportsAt() + k * EXPORT_WIDTH + 1), name); }

    /** Whether the {@code k}th export is a re-export ({@code export … from}). */
    public boolean exportIsReexport(int k) { return col(exportsAt() + k * EXPORT_WIDTH + 2) >= 0; }

    /** The file the {@code k}th export re-exports from (null: not a re-export, or unresolved). */
    public Path exportFromFile(int k) {
        int specifier = col(exportsAt() + k * EXPORT_WIDTH + 2);
        return specifier < 0 ? null : resolvedFileOf(specifier);
    }

    public int starExportCount() { return importsAt() - starExportsAt(); }

    /** The file the {@code k}th {@code export * from} names (null: unresolved). */
    public Path starExportFile(int k) { return resolvedFileOf(col(starExportsAt() + k)); }

    public String importLocalNameAt(int k) { return strings.get(col(importsAt() + k * IMPORT_WIDTH)); }

    /** Whether the {@code k}th import binding is named {@code localName} here. */
    public boolean importLocalIs(int k, String localName) { return strings.equals(col(importsAt() + k * IMPORT_WIDTH), localName); }

    /** Whether the {@code k}th import binding is {@code import { a as x }} with another name than its own (not a default import). */
    public boolean importIsAliased(int k) {
        int at = importsAt() + k * IMPORT_WIDTH, imported = col(at + 1);
        return !strings.same(col(at), imported) && !strings.equals(imported, "default");
    }

    /** The file the {@code k}th import's module specifier names (null: unresolved). */
    public Path importFile(int k) { return resolvedFileOf(col(importsAt() + k * IMPORT_WIDTH + 2)); }

    /** The index of the import binding named {@code localName}, or -1. */
    public int importIndexOf(String localName) {
        for (int i = 0, k = 0; k < (moduleSpecifiersAt() - importsAt()); i++, k += IMPORT_WIDTH) if (strings.equals(col(importsAt() + k), localName)) return i;
        return -1;
    }

    /** The index of the import binding whose local name starts at {@code line}:{@code column}, or -1. */
    public int importIndexAt(int line, int column) {
        for (int i = 0, k = 0; k < (moduleSpecifiersAt() - importsAt()); i++, k += IMPORT_WIDTH) if (col(importsAt() + k + 3) == line && col(importsAt() + k + 4) == column) return i;
        return -1;
    }

    /** The local name's range of the {@code k}th import binding: line, start and end column ({@code field} 0, 1, 2). */
    public int importSpanPart(int k, int field) { return col(importsAt() + k * IMPORT_WIDTH + 3 + field); }

    /** How many uses of the {@code k}th import binding are kept; -1 when they are not known (the file must be parsed). */
    public int importUseCount(int k) {
        int at = col(importsAt() + k * IMPORT_WIDTH + 9);
        return at < 0 ? -1 : col(usesAt() + at) >>> 2;
    }

    /** Of the {@code u}th kept use of the {@code k}th import binding: line, start and end column ({@code field} 0, 1, 2). */
    public int importUsePart(int k, int u, int field) {
        int at = col(importsAt() + k * IMPORT_WIDTH + 9);
        int v = col(usesAt() + at + 1 + 3 * u + field);
        return field == 0 && (col(usesAt() + at) & 1) != 0 ? v >>> 1 : v;
    }

    /**
     * Whether the {@code u}th kept use of the {@code k}th import binding (with known uses) is a
     * shorthand property ({@code { a }}); {@code u} -1: whether the binding itself is one
     * ({@code const { a } = require("m")}).
     */
    public boolean importUseIsShorthand(int k, int u) {
        int at = col(importsAt() + k * IMPORT_WIDTH + 9);
        if (u < 0) return (col(usesAt() + at) & 2) != 0;
        return (col(usesAt() + at) & 1) != 0 && (col(usesAt() + at + 1 + 3 * u) & 1) != 0;
    }

    /** The {@code k}th import's imported side ({@code a} of {@code import { a as x }}, with known uses): line, start, end; line -1 for none. */
    public int importImportedSpanPart(int k, int field) { return col(importsAt() + k * IMPORT_WIDTH + 6 + field); }

    /** Whether the {@code k}th export is CommonJS ({@code exports.a = …}). */
    public boolean exportIsCommonJs(int k) { return col(exportsAt() + k * EXPORT_WIDTH + 6) != 0; }

    /** The file a specifier (by its string index) resolved to when the summary was made, else resolved now. */
    private Path resolvedFileOf(int specifier) {
        if (specifier < 0) return null;
        for (int i = 0; i < resolvedFiles.length; i++) if (strings.same(col(resolvedSpecifiersAt() + i), specifier)) return resolvedFiles[i];
        return ModuleResolver.resolveFrom(path, strings.get(specifier));
    }

    /** The export named {@code name}, or null. */
    public Export export(String name) {
        for (int i = 0, k = 0; k < (starExportsAt() - exportsAt()); i++, k += EXPORT_WIDTH) if (strings.equals(col(exportsAt() + k), name)) return exportAt(i);
        return null;
    }

    /** The name under which a generic's type parameters are kept, after its own ({@code Box<>}): no signature of a callable is named so. */
    public static final String TYPE_PARAMETERS = "<>";

    /** The type parameters' names of a top-level generic class, interface or alias, in order (empty when not generic or unknown). */
    public ImmutableList<String> typeParametersOf(String typeName) {
        ImmutableList<Signature> found = signatures(typeName + TYPE_PARAMETERS);
        return found.isEmpty() ? ImmutableList.of() : found.get(0).parameters();
    }

    /** The name under which an exported variable's type is kept, after its own ({@code api:}). */
    public static final String VARIABLE_TYPE = ":";

    /** The type an exported variable is declared with or constructs ({@code Client}, {@code Repo<User>}) as written, or null. */
    public String variableTypeOf(String name) {
        ImmutableList<Signature> found = signatures(name + VARIABLE_TYPE);
        return found.isEmpty() ? null : found.get(0).returns().substring(1).trim();
    }

    /** The top-level declaration named {@code name} (the first of merged ones), or null. */
    public Declaration declaration(String name) {
        for (int i = 0, k = 0; k < exportsAt(); i++, k += DECLARATION_WIDTH) if (strings.equals(col(k), name)) return declarationAt(i);
        return null;
    }

    /** The import binding whose local name starts at {@code line}:{@code column}, or null. */
    public Import importAt(int line, int column) {
        for (int i = 0, k = 0; k < (moduleSpecifiersAt() - importsAt()); i++, k += IMPORT_WIDTH) if (col(importsAt() + k + 3) == line && col(importsAt() + k + 4) == column) return importAt(i);
        return null;
    }

    /** The import binding named {@code localName}, or null. */
    public Import importOf(String localName) {
        for (int i = 0, k = 0; k < (moduleSpecifiersAt() - importsAt()); i++, k += IMPORT_WIDTH) if (strings.equals(col(importsAt() + k), localName)) return importAt(i);
        return null;
    }
}
