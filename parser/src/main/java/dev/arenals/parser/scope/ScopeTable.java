package dev.arenals.parser.scope;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import java.util.Arrays;

/**
 * The binder's results for one document, in growable int columns kept across rebinds (like the
 * arena): scopes, symbols, references, and the symbol of every identifier node. Queries check that
 * the arena has not been reset since binding; a table read after a reparse (and before the next
 * bind) throws {@link IllegalStateException}.
 */
public final class ScopeTable {
    // entry flags: what a name is in one scope
    static final int E_LEXICAL = 1;      // let, const, class, using, import, block-level function
    static final int E_VAR = 2;          // var or var-scoped function declared in this scope
    static final int E_VAR_THROUGH = 4;  // a var declared in an inner scope passes through this one
    static final int E_PARAM = 8;
    static final int E_CATCH_PARAM = 16;
    static final int E_FUNCTION = 32;    // the declaration is a function declaration
    static final int E_SIMPLE_CATCH = 64;

    Arena arena;
    int boundGeneration = -1;

    // scopes
    int[] scopeKind = new int[64];
    int[] scopeParent = new int[64];
    int[] scopeNode = new int[64];
    /**
     * By scope: how many symbols, entries, references and binder reports the walk had made when it
     * opened the scope. A function's scope opens its part of the walk, whose columns are contiguous
     * from there: where the nested rebind (Binder, after a body's reparse) splices them.
     */
    int[] scopeSymAt = new int[64], scopeEntryAt = new int[64], scopeRefAt = new int[64], scopeReportAt = new int[64];
    /** By scope: exported names and local export specifiers recorded before it opened (their sum: only "none since" is asked). */
    int[] scopeExportAt = new int[64];
    int scopeCount;

    // symbols
    int[] symName = new int[256];
    int[] symKind = new int[256];
    int[] symScope = new int[256];
    int[] symDecl = new int[256];
    int[] symDeclaring = new int[256];
    int symCount;

    // (scope, name) entries, open addressing with generation-stamped slots
    int[] entryScope = new int[256];
    int[] entryName = new int[256];
    int[] entryFlags = new int[256];
    int[] entrySymbol = new int[256];
    int entryCount;
    private int[] slotEntry = new int[512];
    private int[] slotGen = new int[512];
    private int slotGeneration = 1;

    // references
    int[] refNode = new int[256];
    int[] refScope = new int[256];
    int[] refFlags = new int[256];
    int refCount;
    /** False after {@link Binder#bindDeclarations}: no references recorded, uses have no symbol. */
    boolean referencesResolved;
    static final int REF_WRITE = 1;
    static final int REF_READ = 2;
    /** The reference names a type (resolved in the type declaration space). */
    static final int REF_TYPE = 4;
    /** The left part of a qualified name in a type: namespace space first, then value. */
    static final int REF_NAMESPACE = 8;
    /** With REF_READ: a type predicate's subject ({@code x is T}), a read TypeScript's unused check does not count. */
    static final int REF_PREDICATE = 16;

    /** Declaration spaces: entries for types and namespaces are keyed apart from values. */
    static final int TYPE_SPACE = 1 << 29, NAMESPACE_SPACE = 2 << 29, NAME_MASK = (1 << 29) - 1;

    /** Symbol of each identifier-like node, by node index; -1 when none. */
    int[] nodeSymbol = new int[1024];

    void reset(Arena arena) {
        resetCounts(arena);
        int n = arena.nodeCount();
        // an eighth of headroom, not doubling: an edited document's tree grows a few nodes at a time,
        // and doubling this column for one extra node wasted up to 4 bytes per node for good
        if (nodeSymbol.length < n) nodeSymbol = new int[n + (n >>> 3) + 64];
        Arrays.fill(nodeSymbol, 0, n, -1);
    }

    /** Whether {@link #reserveRows} has sized this table (its first full bind). */
    private boolean rowsReserved;

    /**
     * Before a new table's first full bind: sizes the scope, symbol, entry and reference columns
     * (and the entry lookup) from the tree instead of doubling from 64 and 256 rows. Doubling left
     * its copies behind as garbage (lib.dom.d.ts's first bind: 6.3 MB allocated for a 2.5 MB
     * table), and a young collection in the middle of the bind promoted some of them into the old
     * generation, resident until a full collection (docs/performance-comparison.md, "Issue 22,
     * eighteenth session"). One pass over the kind column counts what the binder makes rows for:
     * a reference per IDENTIFIER_REFERENCE, a symbol and an entry per BINDING_IDENTIFIER (plus a
     * sixteenth for the implicit globals), a scope per node of a kind that opens one (named
     * function expressions open two). An estimate only: more rows than it grow the columns as
     * before; a later bind of the table starts from the capacity it has.
     */
    void reserveRows(Arena arena, boolean references) {
        if (rowsReserved) return;
        rowsReserved = true;
        int n = arena.nodeCount();
        int scopes = 1, bindings = 0, refs = 0;
        for (int node = 0; node < n; node++) {
            int k = arena.kind(node);
            if (k == NodeKind.IDENTIFIER_REFERENCE) refs++;
            else if (k == NodeKind.BINDING_IDENTIFIER) bindings++;
            else if (k >= 0 && k < OPENS_SCOPES.length) scopes += OPENS_SCOPES[k];
        }
        int symbols = bindings + (bindings >>> 4) + 16;
        if (scopeKind.length < scopes) resizeScopes(scopes + (scopes >>> 4) + 16);
        if (symName.length < symbols) resizeSymbols(symbols);
        if (entryScope.length < symbols) resizeEntries(symbols);
        int slots = slotEntry.length;
        while (slots < symbols * 2) slots *= 2; // the lookup doubles at half full
        if (slots != slotEntry.length) {
            slotEntry = new int[slots];
            slotGen = new int[slots];
        }
        if (references && refNode.length < refs) resizeReferences(refs + (refs >>> 6) + 16);
    }

    /** By node kind: how many scopes the binder opens at such a node (what {@link #reserveRows} counts). */
    private static final byte[] OPENS_SCOPES = new byte[NodeKind.COUNT];
    static {
        int[] one = {NodeKind.BLOCK, NodeKind.STATIC_BLOCK, NodeKind.FOR, NodeKind.FOR_IN, NodeKind.FOR_OF, NodeKind.SWITCH,
            NodeKind.CATCH_CLAUSE, NodeKind.FUNCTION_DECLARATION, NodeKind.CLASS_DECLARATION, NodeKind.CLASS_EXPRESSION,
            NodeKind.ARROW_FUNCTION, NodeKind.FUNCTION_TYPE, NodeKind.CONSTRUCTOR_TYPE, NodeKind.CONDITIONAL_TYPE,
            NodeKind.MAPPED_TYPE, NodeKind.PROPERTY_SIGNATURE, NodeKind.METHOD_SIGNATURE, NodeKind.CALL_SIGNATURE,
            NodeKind.CONSTRUCT_SIGNATURE, NodeKind.INDEX_SIGNATURE, NodeKind.INTERFACE_DECLARATION, NodeKind.TYPE_ALIAS,
            NodeKind.ENUM_DECLARATION, NodeKind.MODULE_BLOCK};
        for (int k : one) OPENS_SCOPES[k] = 1;
        OPENS_SCOPES[NodeKind.FUNCTION_EXPRESSION] = 2; // its name's scope and its own
    }

    /** {@link #reset} without touching {@link #nodeSymbol}: the incremental rebind's scratch table. */
    void resetCounts(Arena arena) {
        this.arena = arena;
        statementsRecorded = false;
        statementCount = 0;
        footCount = 0;
        exportCount = 0;
        localExportCount = 0;
        reportCount = 0;
        earlyEntryBound = 0;
        scopeCount = 0;
        symCount = 0;
        entryCount = 0;
        refCount = 0;
        referencesResolved = false;
        clearSlots();
        boundGeneration = arena.generation();
    }

    private void clearSlots() {
        if (++slotGeneration == Integer.MAX_VALUE) {
            Arrays.fill(slotGen, 0);
            slotGeneration = 1;
        }
    }

    /** Rebuilds the (scope, name) lookup from the entry columns, after the incremental rebind renumbered them. */
    void rehashAll() {
        clearSlots();
        int n = slotEntry.length;
        while (entryCount * 2 > n) n *= 2;
        if (n != slotEntry.length) {
            slotEntry = new int[n];
            slotGen = new int[n];
        }
        int mask = n - 1;
        for (int e = 0; e < entryCount; e++) {
            int slot = hash(entryScope[e], entryName[e]) & mask;
            while (slotGen[slot] == slotGeneration) slot = (slot + 1) & mask;
            slotEntry[slot] = e;
            slotGen[slot] = slotGeneration;
        }
    }

    // ---- per top-level statement: what the incremental rebind (Binder, after a splice) needs ----

    /** The last bind recorded the per-statement columns below (a bind with references). */
    boolean statementsRecorded;
    /** Top-level statements; each column below has one more element, the totals after the last. */
    int statementCount;
    /** By statement: its node, and where its scopes, symbols, entries, references, binder reports,
     *  footprint, exported names and local export specifiers start in their columns. */
    int[] stmtNode = new int[64], stmtScope = new int[64], stmtSym = new int[64], stmtEntry = new int[64],
            stmtRef = new int[64], stmtReport = new int[64], stmtFoot = new int[64], stmtExport = new int[64],
            stmtLocal = new int[64];
    /** By statement: 1 when it touched an entry of the top scope that an earlier statement made. */
    int[] stmtTouched = new int[64];
    /**
     * By statement, what it left in the top scope, at its end: the count and kinds of the symbols
     * it declared there, then the count and (key, flags, ordinal of the symbol among those) of the
     * entries it made there. Equal footprints leave the rest of the file an equal state.
     */
    int[] foot = new int[256];
    int footCount;
    /** Names exported (for the duplicate-export check), in walk order. */
    int[] exportNames = new int[32];
    int exportCount;
    /** IDENTIFIER_NAME nodes of local {@code export { x }} specifiers, in walk order. */
    int[] localExportNodes = new int[32];
    int localExportCount;
    /** The binder's reports during the walk, before the log's de-duplication: replayed in order by a rebind. */
    int[] reportStart = new int[16], reportEnd = new int[16], reportKind = new int[16], reportArg = new int[16];
    int reportCount;
    /** Symbols and entries the walk made (the implicit globals' follow). */
    int walkSymbols, walkEntries;
    /** The walk's global settings, which a rebind must find unchanged. */
    boolean boundModule, boundTypeScript, boundStrict;
    /** While recording: entries of the top scope below this index belong to earlier statements. */
    int earlyEntryBound;
    /** Set when a statement touched such an entry. */
    boolean touchedEarly;

    void ensureScopes(int n) { if (scopeKind.length < n) resizeScopes(Math.max(n, scopeKind.length * 2)); }

    void ensureSymbols(int n) { if (symName.length < n) resizeSymbols(Math.max(n, symName.length * 2)); }

    void ensureEntries(int n) { if (entryScope.length < n) resizeEntries(Math.max(n, entryScope.length * 2)); }

    void ensureReferences(int n) { if (refNode.length < n) resizeReferences(Math.max(n, refNode.length * 2)); }

    // One resize per group of columns, for growth and for trimToContents: a group's columns always keep one length.

    private void resizeScopes(int size) {
        scopeKind = Arrays.copyOf(scopeKind, size);
        scopeParent = Arrays.copyOf(scopeParent, size);
        scopeNode = Arrays.copyOf(scopeNode, size);
        scopeSymAt = Arrays.copyOf(scopeSymAt, size);
        scopeEntryAt = Arrays.copyOf(scopeEntryAt, size);
        scopeRefAt = Arrays.copyOf(scopeRefAt, size);
        scopeReportAt = Arrays.copyOf(scopeReportAt, size);
        scopeExportAt = Arrays.copyOf(scopeExportAt, size);
    }

    private void resizeSymbols(int size) {
        symName = Arrays.copyOf(symName, size);
        symKind = Arrays.copyOf(symKind, size);
        symScope = Arrays.copyOf(symScope, size);
        symDecl = Arrays.copyOf(symDecl, size);
        symDeclaring = Arrays.copyOf(symDeclaring, size);
    }

    private void resizeEntries(int size) {
        entryScope = Arrays.copyOf(entryScope, size);
        entryName = Arrays.copyOf(entryName, size);
        entryFlags = Arrays.copyOf(entryFlags, size);
        entrySymbol = Arrays.copyOf(entrySymbol, size);
    }

    private void resizeReferences(int size) {
        refNode = Arrays.copyOf(refNode, size);
        refScope = Arrays.copyOf(refScope, size);
        refFlags = Arrays.copyOf(refFlags, size);
    }

    private void resizeStatements(int size) {
        stmtNode = Arrays.copyOf(stmtNode, size);
        stmtScope = Arrays.copyOf(stmtScope, size);
        stmtSym = Arrays.copyOf(stmtSym, size);
        stmtEntry = Arrays.copyOf(stmtEntry, size);
        stmtRef = Arrays.copyOf(stmtRef, size);
        stmtReport = Arrays.copyOf(stmtReport, size);
        stmtFoot = Arrays.copyOf(stmtFoot, size);
        stmtExport = Arrays.copyOf(stmtExport, size);
        stmtLocal = Arrays.copyOf(stmtLocal, size);
        stmtTouched = Arrays.copyOf(stmtTouched, size);
    }

    private void resizeReports(int size) {
        reportStart = Arrays.copyOf(reportStart, size);
        reportEnd = Arrays.copyOf(reportEnd, size);
        reportKind = Arrays.copyOf(reportKind, size);
        reportArg = Arrays.copyOf(reportArg, size);
    }

    void ensureNodes(int n) {
        if (nodeSymbol.length < n) nodeSymbol = Arrays.copyOf(nodeSymbol, n + (n >>> 3) + 64);
    }

    /**
     * Gives back what doubling left empty, as {@code Arena.trimToTree} does for the node columns:
     * each group of columns holding over half as much again as its rows plus an eighth is cut to
     * that (the eighth, so an edit's rebind that adds a few rows does not double them at once).
     * For a document's table after a full bind: lib.dom.d.ts's filled 1.78 of 2.58 MB. The table's
     * contents are unchanged. Returns whether any column was copied.
     */
    public boolean trimToContents() {
        boolean trimmed = false;
        int n = roomFor(scopeCount);
        if (shouldTrim(scopeKind.length, n)) {
            resizeScopes(n);
            trimmed = true;
        }
        n = roomFor(symCount);
        if (shouldTrim(symName.length, n)) {
            resizeSymbols(n);
            trimmed = true;
        }
        n = roomFor(entryCount);
        if (shouldTrim(entryScope.length, n)) {
            resizeEntries(n);
            trimmed = true;
        }
        n = roomFor(refCount);
        if (shouldTrim(refNode.length, n)) {
            resizeReferences(n);
            trimmed = true;
        }
        n = roomFor(statementCount + 2); // the totals after the last statement, and markStatement's next row
        if (shouldTrim(stmtNode.length, n)) {
            resizeStatements(n);
            trimmed = true;
        }
        n = roomFor(footCount);
        if (shouldTrim(foot.length, n)) {
            foot = Arrays.copyOf(foot, n);
            trimmed = true;
        }
        n = roomFor(reportCount);
        if (shouldTrim(reportStart.length, n)) {
            resizeReports(n);
            trimmed = true;
        }
        return trimmed;
    }

    private static int roomFor(int rows) { return rows + (rows >>> 3) + 16; }

    private static boolean shouldTrim(int capacity, int keep) { return capacity > keep + (keep >>> 1); }

    static int[] grow(int[] a, int needed) {
        if (a.length >= needed) return a;
        return Arrays.copyOf(a, Math.max(needed, a.length * 2));
    }

    void addReport(int start, int end, int kind, int arg) {
        int n = reportCount + 1;
        if (n > reportStart.length) resizeReports(Math.max(n, reportStart.length * 2));
        reportStart[reportCount] = start;
        reportEnd[reportCount] = end;
        reportKind[reportCount] = kind;
        reportArg[reportCount] = arg;
        reportCount++;
    }

    void addExportName(int name) {
        exportNames = grow(exportNames, exportCount + 1);
        exportNames[exportCount++] = name;
    }

    void addLocalExport(int node) {
        localExportNodes = grow(localExportNodes, localExportCount + 1);
        localExportNodes[localExportCount++] = node;
    }

    void addFoot(int v) {
        foot = grow(foot, footCount + 1);
        foot[footCount++] = v;
    }

    /** Records where statement {@code statementCount} starts in every column (or the totals after the last). */
    void markStatement(int node) {
        int j = statementCount;
        int n = j + 1;
        if (n >= stmtNode.length) resizeStatements(Math.max(n + 1, stmtNode.length * 2));
        stmtNode[j] = node;
        stmtScope[j] = scopeCount;
        stmtSym[j] = symCount;
        stmtEntry[j] = entryCount;
        stmtRef[j] = refCount;
        stmtReport[j] = reportCount;
        stmtFoot[j] = footCount;
        stmtExport[j] = exportCount;
        stmtLocal[j] = localExportCount;
        stmtTouched[j] = 0;
    }

    int newScope(int kind, int parent, int node) {
        if (scopeCount == scopeKind.length) ensureScopes(scopeCount * 2);
        scopeKind[scopeCount] = kind;
        scopeParent[scopeCount] = parent;
        scopeNode[scopeCount] = node;
        scopeSymAt[scopeCount] = symCount;
        scopeEntryAt[scopeCount] = entryCount;
        scopeRefAt[scopeCount] = refCount;
        scopeReportAt[scopeCount] = reportCount;
        scopeExportAt[scopeCount] = exportCount + localExportCount;
        return scopeCount++;
    }

    int newSymbol(int name, int kind, int scope, int decl, int declaring) {
        if (symCount == symName.length) resizeSymbols(symCount * 2);
        symName[symCount] = name;
        symKind[symCount] = kind;
        symScope[symCount] = scope;
        symDecl[symCount] = decl;
        symDeclaring[symCount] = declaring;
        return symCount++;
    }

    void addReference(int node, int scope, int flags) {
        if (refCount == refNode.length) resizeReferences(refCount * 2);
        refNode[refCount] = node;
        refScope[refCount] = scope;
        refFlags[refCount] = flags;
        refCount++;
    }

    /** Entry for (scope, name), or -1. */
    int findEntry(int scope, int name) {
        int mask = slotEntry.length - 1;
        int slot = hash(scope, name) & mask;
        while (slotGen[slot] == slotGeneration) {
            int e = slotEntry[slot];
            if (entryScope[e] == scope && entryName[e] == name) return e;
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Entry for (scope, name), created empty if absent. */
    int entry(int scope, int name) {
        int mask = slotEntry.length - 1;
        int slot = hash(scope, name) & mask;
        while (slotGen[slot] == slotGeneration) {
            int e = slotEntry[slot];
            if (entryScope[e] == scope && entryName[e] == name) {
                if (e < earlyEntryBound && scope == 0) touchedEarly = true;
                return e;
            }
            slot = (slot + 1) & mask;
        }
        if (entryCount == entryScope.length) resizeEntries(entryCount * 2);
        int e = entryCount++;
        entryScope[e] = scope;
        entryName[e] = name;
        entryFlags[e] = 0;
        entrySymbol[e] = -1;
        slotEntry[slot] = e;
        slotGen[slot] = slotGeneration;
        if (entryCount * 2 > slotEntry.length) rehash();
        return e;
    }

    private static int hash(int scope, int name) {
        int h = scope * 0x9E3779B1 + name * 0x85EBCA6B;
        return h ^ (h >>> 15);
    }

    private void rehash() {
        int n = slotEntry.length * 2;
        slotEntry = new int[n];
        slotGen = new int[n];
        int mask = n - 1;
        for (int e = 0; e < entryCount; e++) {
            int slot = hash(entryScope[e], entryName[e]) & mask;
            while (slotGen[slot] == slotGeneration) slot = (slot + 1) & mask;
            slotEntry[slot] = e;
            slotGen[slot] = slotGeneration;
        }
    }

    // ------------------------------------------------------------------ queries

    private void check() {
        if (arena == null || arena.generation() != boundGeneration) {
            throw new IllegalStateException("stale scope table: bound at arena generation " + boundGeneration
                    + (arena == null ? "" : ", arena is now at generation " + arena.generation())
                    + "; bind again after reparsing");
        }
    }

    public int scopeCount() { check(); return scopeCount; }
    public int scopeKind(int scope) { check(); return scopeKind[scope]; }
    /** Enclosing scope, or -1 for the top scope. */
    public int scopeParent(int scope) { check(); return scopeParent[scope]; }
    /** The node that opens the scope. */
    public int scopeNode(int scope) { check(); return scopeNode[scope]; }

    public int symbolCount() { check(); return symCount; }
    public String name(int symbol) { check(); return arena.names().name(symName[symbol]); }
    public int nameId(int symbol) { check(); return symName[symbol]; }
    /** A {@link SymbolKind} constant. */
    public int kind(int symbol) { check(); return symKind[symbol]; }
    public int scope(int symbol) { check(); return symScope[symbol]; }
    /** The BINDING_IDENTIFIER node that declares the symbol (the first, for merged vars), or -1 for implicit globals. */
    public int declarationNode(int symbol) { check(); return symDecl[symbol]; }
    /** The declaration around it: a declarator, function, class, parameter, catch clause or import specifier node; -1 for implicit globals. */
    public int declaringNode(int symbol) { check(); return symDeclaring[symbol]; }

    /** Symbol declared or referenced by node {@code node}, or -1. */
    public int symbolOfNode(int node) {
        check();
        return node >= 0 && node < arena.nodeCount() ? nodeSymbol[node] : -1;
    }

    /**
     * The name lookup table: one entry per (scope, name and declaration space) a declaration or an
     * implicit global made. A name in {@code scope} resolves through the entry whose
     * {@link #entryScope} is that scope and whose {@link #entryKey} is the name id with its space
     * bits; entries without a symbol only carry the binder's redeclaration flags.
     */
    /**
     * The symbol declared as {@code nameId} in {@code scope} itself (not its parents): among its
     * values, or with {@code typeSpace} among its types (interfaces, aliases, classes, enums); -1 when
     * none. TypeScript merges such declarations into one symbol: a {@code const} beside a
     * {@code type} of its name is both.
     */
    public int symbolIn(int scope, int nameId, boolean typeSpace) {
        check();
        int e = findEntry(scope, typeSpace ? nameId | TYPE_SPACE : nameId);
        return e < 0 ? -1 : entrySymbol[e];
    }

    public int entryCount() { check(); return entryCount; }
    public int entryScope(int entry) { check(); return entryScope[entry]; }
    /** The name id, with the declaration space in the top bits (value names have none). */
    public int entryKey(int entry) { check(); return entryName[entry]; }
    /** The symbol a lookup of the entry's key in its scope finds, or -1. */
    public int entrySymbol(int entry) { check(); return entrySymbol[entry]; }

    /** Whether references were recorded and resolved ({@link Binder#bind}, not {@link Binder#bindDeclarations}). */
    public boolean referencesResolved() { check(); return referencesResolved; }

    public int referenceCount() { check(); return refCount; }
    public int referenceNode(int i) { check(); return refNode[i]; }
    public boolean isWrite(int i) { check(); return (refFlags[i] & REF_WRITE) != 0; }
    public boolean isRead(int i) { check(); return (refFlags[i] & REF_READ) != 0; }
    /** The reference is in a type position (TypeScript). */
    public boolean isTypeReference(int i) { check(); return (refFlags[i] & (REF_TYPE | REF_NAMESPACE)) != 0; }

    /** Node indexes of the references that resolve to {@code symbol}, in source order. */
    public int[] references(int symbol) {
        check();
        int n = 0;
        for (int i = 0; i < refCount; i++) if (nodeSymbol[refNode[i]] == symbol) n++;
        int[] out = new int[n];
        n = 0;
        for (int i = 0; i < refCount; i++) if (nodeSymbol[refNode[i]] == symbol) out[n++] = refNode[i];
        return out;
    }

    /** The identifier-like node whose span holds {@code offset} (an offset at its end counts), or -1. */
    public int identifierAt(int offset) {
        check();
        int node = arena.root();
        if (node < 0) return -1;
        int best = -1;
        outer:
        while (true) {
            for (int c = arena.firstChild(node); c >= 0; c = arena.nextSibling(c)) {
                if (arena.start(c) <= offset && offset <= arena.end(c)) {
                    int k = arena.kind(c);
                    if (NodeKind.hasName(k)) {
                        // prefer a name that binds or resolves (import { a } has a property name and a binding on one span)
                        if (best < 0 || nodeSymbol[c] >= 0) best = c;
                        if (offset < arena.end(c) && nodeSymbol[c] >= 0) return c;
                        continue; // an identifier ending here: a later sibling may start here
                    }
                    // inside it, or at its end with no later sibling starting here (`export { a| }`:
                    // the name ends where its specifier does)
                    int next = arena.nextSibling(c);
                    if (offset < arena.end(c) || arena.start(c) == arena.end(c) || next < 0 || arena.start(next) > offset) {
                        node = c;
                        continue outer;
                    }
                }
            }
            return best;
        }
    }

    /** Symbol of the identifier at {@code offset}, or -1. */
    public int symbolAt(int offset) {
        int node = identifierAt(offset);
        return node < 0 ? -1 : nodeSymbol[node];
    }

    /** The innermost scope whose node spans {@code offset}; the top scope when none does. */
    public int scopeAt(int offset) {
        check();
        if (scopeCount == 0) return -1;
        if (byStartFor != boundGeneration || byStartCount != scopeCount) sortByStart();
        // Scopes nest as their nodes do. Of those starting before offset, the innermost holding it is
        // the last of them to start, or its nearest ancestor that holds it; those starting at offset
        // all hold it. The smallest of these wins, the later-made on a tie, as a scan of all would pick.
        int lo = 0, hi = scopeCount - 1, last = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (arena.start(scopeNode[byStart[mid]]) < offset) { last = mid; lo = mid + 1; } else hi = mid - 1;
        }
        int best = -1, bestLength = Integer.MAX_VALUE;
        for (int s = last < 0 ? -1 : byStart[last]; s >= 0; s = scopeParent[s]) {
            int n = scopeNode[s];
            if (arena.start(n) <= offset && offset <= arena.end(n)) {
                best = s;
                bestLength = arena.end(n) - arena.start(n);
                break;
            }
        }
        for (int i = last + 1; i < scopeCount && arena.start(scopeNode[byStart[i]]) == offset; i++) {
            int s = byStart[i];
            int length = arena.end(scopeNode[s]) - offset;
            if (length < 0) continue;
            if (length < bestLength || (length == bestLength && s > best)) {
                best = s;
                bestLength = length;
            }
        }
        return best < 0 ? 0 : best;
    }

    /** The innermost scope by a scan of every scope: what {@link #scopeAt} answers, for tests. */
    int scopeAtByScan(int offset) {
        check();
        int best = scopeCount > 0 ? 0 : -1;
        int bestLen = Integer.MAX_VALUE;
        for (int s = 0; s < scopeCount; s++) {
            int n = scopeNode[s];
            int st = arena.start(n), en = arena.end(n);
            if (st <= offset && offset <= en && en - st <= bestLen) {
                best = s;
                bestLen = en - st;
            }
        }
        return best;
    }

    // scopes ordered by their node's start (creation order among equal starts), built on first use after a bind
    private int[] byStart = new int[0];
    private int byStartFor = -1, byStartCount;

    private void sortByStart() {
        long[] keys = new long[scopeCount];
        for (int s = 0; s < scopeCount; s++) keys[s] = ((long) arena.start(scopeNode[s]) << 32) | s;
        Arrays.sort(keys);
        if (byStart.length < scopeCount) byStart = new int[scopeCount];
        for (int i = 0; i < scopeCount; i++) byStart[i] = (int) keys[i];
        byStartFor = boundGeneration;
        byStartCount = scopeCount;
    }

    // symbols of each scope as linked lists in declaration order, built on first use after a bind
    private int[] scopeFirstSymbol = new int[0];
    private int[] nextSymbolInScope = new int[0];
    private int listsFor = -1, listsSymbolCount;

    // visibleSymbols' per-name marks, stamped per call (the table is read on its document's queue only)
    private int[] seenStamp = new int[0];
    private int stamp;

    private void buildScopeLists() {
        if (scopeFirstSymbol.length < scopeCount) scopeFirstSymbol = new int[scopeCount];
        if (nextSymbolInScope.length < symCount) nextSymbolInScope = new int[symCount];
        Arrays.fill(scopeFirstSymbol, 0, scopeCount, -1);
        for (int sym = symCount - 1; sym >= 0; sym--) { // prepending from the end keeps declaration order
            int scope = symScope[sym];
            if (scope < 0 || scope >= scopeCount) { nextSymbolInScope[sym] = -1; continue; }
            nextSymbolInScope[sym] = scopeFirstSymbol[scope];
            scopeFirstSymbol[scope] = sym;
        }
        listsFor = boundGeneration;
        listsSymbolCount = symCount;
    }

    /** Scope chain at {@code offset}, innermost first. */
    public int[] scopeChain(int offset) {
        int s = scopeAt(offset);
        int n = 0;
        for (int x = s; x >= 0; x = scopeParent[x]) n++;
        int[] out = new int[n];
        n = 0;
        for (int x = s; x >= 0; x = scopeParent[x]) out[n++] = x;
        return out;
    }

    /**
     * Symbols visible at {@code offset} (declared in the scope chain; inner ones shadow outer ones),
     * innermost scope first, in declaration order within a scope. Reads only the chain's own
     * symbols (per-scope lists built once per bind) and marks names in a per-name slot, so
     * completion in a file with thousands of top-level names does not compare every pair of them.
     */
    public int[] visibleSymbols(int offset) {
        int[] chain = scopeChain(offset);
        if (listsFor != boundGeneration || listsSymbolCount != symCount) buildScopeLists();
        // a name is taken once seenStamp[name] == stamp: by an inner (or earlier) symbol
        int names = arena.names().size();
        if (seenStamp.length < names) seenStamp = new int[names + (names >>> 3) + 64];
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(seenStamp, 0);
            stamp = 1;
        }
        int[] seen = seenStamp;
        int mark = stamp;
        int[] out = new int[64];
        int n = 0;
        for (int scope : chain) {
            for (int sym = scopeFirstSymbol[scope]; sym >= 0; sym = nextSymbolInScope[sym]) {
                if (symKind[sym] == SymbolKind.IMPLICIT_GLOBAL) continue;
                int name = symName[sym];
                if (name < 0 || name >= names || seen[name] == mark) continue;
                seen[name] = mark;
                if (n == out.length) out = Arrays.copyOf(out, n * 2);
                out[n++] = sym;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The first difference between this table and {@code other}, bound to trees of the same shape
     * (the same nodes at the same indexes), or null when they are the same: every scope, symbol,
     * entry (with its flags), reference and node's symbol, names compared by their text. For tests
     * that check an incremental rebind against a full bind.
     */
    public String differenceFrom(ScopeTable other) {
        check();
        other.check();
        if (referencesResolved != other.referencesResolved) return "referencesResolved " + referencesResolved + " vs " + other.referencesResolved;
        if (scopeCount != other.scopeCount) return "scope count " + scopeCount + " vs " + other.scopeCount;
        for (int s = 0; s < scopeCount; s++) {
            if (scopeKind[s] != other.scopeKind[s] || scopeParent[s] != other.scopeParent[s] || scopeNode[s] != other.scopeNode[s]) {
                return "scope " + s + ": kind/parent/node " + scopeKind[s] + "/" + scopeParent[s] + "/" + scopeNode[s] + " vs "
                        + other.scopeKind[s] + "/" + other.scopeParent[s] + "/" + other.scopeNode[s];
            }
        }
        if (statementsRecorded && other.statementsRecorded) {
            // what the next rebind reads: where each scope's part of the walk starts, and the walk's reports
            for (int s = 0; s < scopeCount; s++) {
                if (scopeSymAt[s] != other.scopeSymAt[s] || scopeEntryAt[s] != other.scopeEntryAt[s] || scopeRefAt[s] != other.scopeRefAt[s]
                        || scopeReportAt[s] != other.scopeReportAt[s] || scopeExportAt[s] != other.scopeExportAt[s]) {
                    return "scope " + s + ": symbols/entries/references/reports/exports before it " + scopeSymAt[s] + "/" + scopeEntryAt[s]
                            + "/" + scopeRefAt[s] + "/" + scopeReportAt[s] + "/" + scopeExportAt[s] + " vs " + other.scopeSymAt[s] + "/"
                            + other.scopeEntryAt[s] + "/" + other.scopeRefAt[s] + "/" + other.scopeReportAt[s] + "/" + other.scopeExportAt[s];
                }
            }
            if (reportCount != other.reportCount) return "report count " + reportCount + " vs " + other.reportCount;
            for (int r = 0; r < reportCount; r++) {
                // (the argument is a name id of each arena's own name table: the log compares the messages)
                if (reportStart[r] != other.reportStart[r] || reportEnd[r] != other.reportEnd[r] || reportKind[r] != other.reportKind[r]) {
                    return "report " + r + ": " + reportKind[r] + " at " + reportStart[r] + "-" + reportEnd[r] + " vs " + other.reportKind[r]
                            + " at " + other.reportStart[r] + "-" + other.reportEnd[r];
                }
            }
            if (statementCount != other.statementCount) return "statement count " + statementCount + " vs " + other.statementCount;
            for (int j = 0; j <= statementCount; j++) {
                if (stmtNode[j] != other.stmtNode[j] || stmtScope[j] != other.stmtScope[j] || stmtSym[j] != other.stmtSym[j]
                        || stmtEntry[j] != other.stmtEntry[j] || stmtRef[j] != other.stmtRef[j] || stmtReport[j] != other.stmtReport[j]
                        || stmtFoot[j] != other.stmtFoot[j] || stmtExport[j] != other.stmtExport[j] || stmtLocal[j] != other.stmtLocal[j]) {
                    return "statement " + j + ": its columns' starts differ";
                }
            }
        }
        if (symCount != other.symCount) return "symbol count " + symCount + " vs " + other.symCount;
        for (int x = 0; x < symCount; x++) {
            String n1 = arena.names().name(symName[x]), n2 = other.arena.names().name(other.symName[x]);
            if (!n1.equals(n2) || symKind[x] != other.symKind[x] || symScope[x] != other.symScope[x] || symDecl[x] != other.symDecl[x]
                    || symDeclaring[x] != other.symDeclaring[x]) {
                return "symbol " + x + ": " + n1 + " " + symKind[x] + " scope " + symScope[x] + " decl " + symDecl[x] + "/" + symDeclaring[x]
                        + " vs " + n2 + " " + other.symKind[x] + " scope " + other.symScope[x] + " decl " + other.symDecl[x] + "/"
                        + other.symDeclaring[x];
            }
        }
        if (entryCount != other.entryCount) return "entry count " + entryCount + " vs " + other.entryCount;
        for (int e = 0; e < entryCount; e++) {
            String n1 = arena.names().name(entryName[e] & NAME_MASK), n2 = other.arena.names().name(other.entryName[e] & NAME_MASK);
            if (!n1.equals(n2) || (entryName[e] & ~NAME_MASK) != (other.entryName[e] & ~NAME_MASK) || entryScope[e] != other.entryScope[e]
                    || entryFlags[e] != other.entryFlags[e] || entrySymbol[e] != other.entrySymbol[e]) {
                return "entry " + e + ": " + n1 + " space " + (entryName[e] >>> 29) + " scope " + entryScope[e] + " flags " + entryFlags[e]
                        + " symbol " + entrySymbol[e] + " vs " + n2 + " space " + (other.entryName[e] >>> 29) + " scope " + other.entryScope[e]
                        + " flags " + other.entryFlags[e] + " symbol " + other.entrySymbol[e];
            }
            if (findEntry(entryScope[e], entryName[e]) != e) return "entry " + e + " is not found by its key";
        }
        if (refCount != other.refCount) return "reference count " + refCount + " vs " + other.refCount;
        for (int r = 0; r < refCount; r++) {
            if (refNode[r] != other.refNode[r] || refScope[r] != other.refScope[r] || refFlags[r] != other.refFlags[r]) {
                return "reference " + r + ": node/scope/flags " + refNode[r] + "/" + refScope[r] + "/" + refFlags[r] + " vs "
                        + other.refNode[r] + "/" + other.refScope[r] + "/" + other.refFlags[r];
            }
        }
        int nodes = arena.nodeCount();
        if (nodes != other.arena.nodeCount()) return "node count " + nodes + " vs " + other.arena.nodeCount();
        for (int n = 0; n < nodes; n++) {
            if (nodeSymbol[n] != other.nodeSymbol[n]) return "symbol of node " + n + ": " + nodeSymbol[n] + " vs " + other.nodeSymbol[n];
        }
        return null;
    }

    public long bytesReserved() {
        return 4L * (scopeKind.length * 8L + symName.length * 5L + entryScope.length * 4L + slotEntry.length * 2L
                + refNode.length * 3L + nodeSymbol.length + stmtNode.length * 10L + foot.length + exportNames.length
                + localExportNodes.length + reportStart.length * 4L);
    }
}
