package dev.arenals.parser.scope;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.grammar.GrammarChecks;
import dev.arenals.parser.lexer.Literals;
import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NameTable;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.parser.tree.ParseLog;
import java.util.Arrays;

/**
 * Walks an arena tree once (iteratively) and records scopes, declarations and references in a
 * {@link ScopeTable}; then resolves every reference and checks the early errors that need names:
 * redeclarations (let/const/class vs anything in the same scope, var vs lexical declarations it
 * passes through), duplicate and unresolvable exports. Errors go to the arena's diagnostics.
 */
public final class Binder {
    // walk context bits (low 4 bits: the SymbolKind being declared, 0 when none)
    private static final int C_KIND = 15;
    private static final int C_WRITE = 16;
    private static final int C_STRICT = 32;
    private static final int C_NO_SCOPE = 64;  // a BLOCK that shares its parent's scope (function body, catch body)
    private static final int C_EXPORT = 128;   // bound names are exported
    private static final int C_READ_WRITE = 256; // compound assignment target: read and written

    private Arena a;
    private ScopeTable t;
    private ParseLog log;
    private NameTable names;
    private boolean module;
    private boolean typeScript;

    private int[] stNode = new int[256];
    private int[] stCtx = new int[256];
    private int[] stScope = new int[256];
    private int[] stOwner = new int[256];
    private int sp;

    /** By name id: the bind ({@link #exportStamp}) that exported the name; a lookup, not a scan, per export. */
    private int[] exportedIn = new int[256];
    private int exportStamp;
    private int moduleScope;
    private int nameDefault;
    private int nameLet;
    private final char[] scratch = new char[9];
    /**
     * The name ids of TypeScript's predefined types in this tree ({@code string}, {@code number}…;
     * -1 where the tree has no such name): as a type, such a name is always the primitive — its
     * parser reads the keyword before any name — so a binding of that name never answers it.
     */
    private final int[] predefinedTypeNames = new int[PREDEFINED_TYPES.length];
    private static final String[] PREDEFINED_TYPES = {"any", "unknown", "number", "bigint", "boolean", "string", "symbol", "object", "never", "void", "undefined"};

    /** Resets {@code table} and binds the arena's current tree into it, references resolved. */
    public void bind(Arena arena, ScopeTable table) {
        bind(arena, table, true);
    }

    /**
     * Binds scopes and declarations only: every diagnostic {@link #bind} reports, without recording
     * or resolving references (none of those diagnostics depends on them). For callers that want the
     * errors and not the symbol of each use, such as {@code arena-ls check}: reference resolution
     * probes a hash table once per enclosing scope for every identifier used.
     */
    public void bindDeclarations(Arena arena, ScopeTable table) {
        bind(arena, table, false);
    }

    private boolean withReferences;
    /** {@code -Darenals.rebind=full} turns the incremental rebind off: for measuring what it saves. */
    private static final boolean INCREMENTAL = !"full".equals(System.getProperty("arenals.rebind"));
    private boolean lastIncremental;

    private RuntimeException lastRebindFailure;

    /** Whether the last {@link #bind} rebound only the statements an incremental reparse spliced in. */
    public boolean lastBindWasIncremental() { return lastIncremental; }

    /** What the last {@link #bind}'s incremental attempt threw (then hidden by the full bind), or null: for the fuzzers. */
    public RuntimeException lastRebindFailure() { return lastRebindFailure; }
    /** Recording the per-statement columns of the table (binds with references). */
    private boolean recording;

    /**
     * TypeScript's grammar errors run with the binder's early errors, so that every caller of
     * {@link #bind} or {@link #bindDeclarations} (the server, {@code check}, the CLI) reports them.
     */
    private final GrammarChecks grammar = new GrammarChecks();
    private int grammarFrom;

    /** Index in the arena's log of the first diagnostic of the grammar checks of the last bind (they come last). */
    public int grammarDiagnosticsFrom() { return grammarFrom; }

    private void bind(Arena arena, ScopeTable table, boolean references) {
        this.withReferences = references;
        this.recording = references;
        this.a = arena;
        this.t = table;
        this.log = arena.log();
        grammarFrom = log.diagnosticCount();
        this.names = arena.names();
        this.module = arena.isModule();
        this.typeScript = arena.isTypeScript();
        int logged = log.diagnosticCount();
        lastIncremental = false;
        lastRebindFailure = null;
        try {
            if (references && INCREMENTAL && rebindSplice(arena, table)) {
                lastIncremental = true;
                // the grammar checks read the whole tree (they are not incremental yet), after the binder's reports as in a full bind
                grammarFrom = arena.log().diagnosticCount();
                grammar.checkTree(arena);
                return;
            }
        } catch (RuntimeException e) {
            // never worse than a full bind: the table is rebuilt below
            lastRebindFailure = e;
        } finally {
            releaseScratch();
        }
        this.a = arena;
        this.t = table;
        this.log = arena.log();
        this.names = arena.names();
        log.truncateDiagnostics(logged); // what a failed rebind logged
        fullBind(arena, table, references);
    }

    private void fullBind(Arena arena, ScopeTable table, boolean references) {
        table.reset(arena);
        table.reserveRows(arena, references);
        if (++exportStamp == Integer.MAX_VALUE) {
            Arrays.fill(exportedIn, 0);
            exportStamp = 1;
        }
        sp = 0;
        int root = arena.root();
        if (root < 0) {
            release();
            return;
        }
        "default".getChars(0, 7, scratch, 0);
        nameDefault = names.intern(scratch, 0, 7);
        "let".getChars(0, 3, scratch, 0);
        nameLet = names.intern(scratch, 0, 3);
        findPredefinedTypeNames(names, arena.isTypeScript());
        if (!references) indexDeclaringNodes();
        walk(root);
        if (references) {
            table.walkSymbols = table.symCount;
            table.walkEntries = table.entryCount;
            resolveReferences();
            table.referencesResolved = true;
            table.statementsRecorded = true;
        }
        if (module && !typeScript) checkExports();
        grammarFrom = log.diagnosticCount();
        grammar.checkTree(arena);
        release();
    }

    /** A binder kept per thread must not keep the document's tree reachable. */
    private void release() {
        this.a = null;
        this.t = null;
        this.log = null;
        this.names = null;
    }

    private void push(int node, int ctx, int scope, int owner) {
        if (sp == stNode.length) growStack(sp + 1);
        stNode[sp] = node;
        stCtx[sp] = ctx;
        stScope[sp] = scope;
        stOwner[sp] = owner;
        sp++;
    }

    /** Pushes the children of {@code node} (so they pop in source order) with one context. */
    private void pushChildren(int node, int ctx, int scope, int owner) {
        int first = a.firstChild(node);
        int count = 0;
        for (int c = first; c >= 0; c = a.nextSibling(c)) count++;
        if (count == 0) return;
        if (sp + count > stNode.length) growStack(sp + count);
        // written from the top down, so the first child pops first (no reverse pass)
        int i = sp + count - 1;
        for (int c = first; c >= 0; c = a.nextSibling(c), i--) {
            stNode[i] = c;
            stCtx[i] = ctx;
            stScope[i] = scope;
            stOwner[i] = owner;
        }
        sp += count;
    }

    /** Doubles the work stack's columns until they hold {@code needed} entries. */
    private void growStack(int needed) {
        int n = stNode.length;
        while (n < needed) n *= 2;
        stNode = Arrays.copyOf(stNode, n);
        stCtx = Arrays.copyOf(stCtx, n);
        stScope = Arrays.copyOf(stScope, n);
        stOwner = Arrays.copyOf(stOwner, n);
    }

    private void reverse(int from, int to) {
        for (int i = from, j = to - 1; i < j; i++, j--) {
            int x = stNode[i]; stNode[i] = stNode[j]; stNode[j] = x;
            x = stCtx[i]; stCtx[i] = stCtx[j]; stCtx[j] = x;
            x = stScope[i]; stScope[i] = stScope[j]; stScope[j] = x;
            x = stOwner[i]; stOwner[i] = stOwner[j]; stOwner[j] = x;
        }
    }

    private void walk(int root) {
        int top = t.newScope(module ? ScopeKind.MODULE : ScopeKind.SCRIPT, -1, root);
        moduleScope = top;
        boolean strictTop = module || hasUseStrict(root);
        int ctx = strictTop ? C_STRICT : 0;
        if (!recording) {
            pushChildren(root, ctx, top, -1);
            drain();
            return;
        }
        t.boundModule = module;
        t.boundTypeScript = typeScript;
        t.boundStrict = strictTop;
        walkStatements(a.firstChild(root), Integer.MAX_VALUE, ctx, top);
    }

    private void drain() {
        while (sp > 0) {
            sp--;
            visit(stNode[sp], stCtx[sp], stScope[sp], stOwner[sp]);
        }
    }

    /**
     * Walks the top-level statements from {@code first} on while their node index is below
     * {@code limit}, one at a time (the order of one walk of them all), recording where each starts
     * in every column and its footprint in the top scope.
     */
    private void walkStatements(int first, int limit, int ctx, int top) {
        for (int s = first; s >= 0 && s < limit; s = a.nextSibling(s)) {
            t.markStatement(s);
            t.earlyEntryBound = t.entryCount;
            t.touchedEarly = false;
            int symFrom = t.symCount, entFrom = t.entryCount;
            push(s, ctx, top, -1);
            drain();
            boolean foreign = appendFootprint(t, symFrom, entFrom);
            t.stmtTouched[t.statementCount] = t.touchedEarly || foreign ? 1 : 0;
            t.statementCount++;
        }
        t.earlyEntryBound = 0;
        t.markStatement(-1); // the totals, after the last statement
    }

    private int[] ordinals = new int[64];

    /**
     * Appends to {@code table.foot} what symbols [symFrom, symCount) and entries [entFrom,
     * entryCount) left in the top scope: the kinds of the symbols declared there, then each entry
     * made there as (key, flags, ordinal of its symbol among those). Returns true when an entry's
     * symbol is not one of them (the footprint then does not describe the state).
     */
    private boolean appendFootprint(ScopeTable table, int symFrom, int entFrom) {
        int symTo = table.symCount, entTo = table.entryCount;
        if (ordinals.length < symTo - symFrom) ordinals = new int[symTo - symFrom + 64];
        int countAt = table.footCount;
        table.addFoot(0);
        int n = 0;
        for (int sym = symFrom; sym < symTo; sym++) {
            if (table.symScope[sym] != 0) continue;
            ordinals[sym - symFrom] = n++;
            table.addFoot(table.symKind[sym]);
        }
        table.foot[countAt] = n;
        countAt = table.footCount;
        table.addFoot(0);
        int entries = 0;
        boolean foreign = false;
        for (int e = entFrom; e < entTo; e++) {
            if (table.entryScope[e] != 0) continue;
            int sym = table.entrySymbol[e];
            int ordinal = sym >= symFrom && sym < symTo && table.symScope[sym] == 0 ? ordinals[sym - symFrom] : -1;
            if (ordinal < 0) foreign = true;
            table.addFoot(table.entryName[e]);
            table.addFoot(table.entryFlags[e]);
            table.addFoot(ordinal);
            entries++;
        }
        table.foot[countAt] = entries;
        return foreign;
    }

    // What visit() does with each node kind, as a table: C1, which compiles a short `check`
    // process, turns a switch on the kind into compares in key order, and most nodes (calls,
    // members, literals) would reach the default only after all of them. The actions are numbered
    // by how often they occur, since the switch on them is a chain of compares too.
    private static final byte A_CHILDREN = 0;
    private static final byte A_REFERENCE = 1;
    private static final byte A_NAME = 2;
    private static final byte A_BINDING = 3;
    private static final byte A_PROPERTY = 4;
    private static final byte A_TYPE = 5;
    private static final byte A_VARIABLE_DECLARATOR = 6;
    private static final byte A_FUNCTION = 7;
    private static final byte A_BLOCK = 8;
    private static final byte A_PARAMETER = 9;
    private static final byte A_ASSIGNMENT = 10;
    private static final byte A_VARIABLE_DECLARATION = 11;
    private static final byte A_PARENTHESIZED = 12;
    private static final byte A_IF = 13;
    private static final byte A_IMPORT_SPECIFIER = 14;
    private static final byte A_PATTERN = 15;
    private static final byte A_ASSIGNMENT_PATTERN = 16;
    private static final byte A_SIGNATURE = 17;
    private static final byte A_EXPORT_NAMED = 18;
    private static final byte A_CLASS = 19;
    private static final byte A_UPDATE = 20;
    private static final byte A_FOR = 21;
    private static final byte A_TYPE_DECLARATION = 22;
    private static final byte A_INTERFACE_BODY = 23;
    private static final byte A_EXPORT_DEFAULT = 24;
    private static final byte A_EXPORT_ALL = 25;
    private static final byte A_SWITCH = 26;
    private static final byte A_CATCH = 27;
    private static final byte A_STATIC_BLOCK = 28;
    private static final byte A_ENUM = 29;
    private static final byte A_ENUM_MEMBER = 30;
    private static final byte A_MODULE = 31;
    private static final byte A_NAMESPACE_EXPORT = 32;
    private static final byte A_IMPORT_EQUALS = 33;
    private static final byte A_WITH = 34;
    private static final byte[] ACTION = new byte[NodeKind.COUNT];
    static {
        for (int k = 0; k < NodeKind.COUNT; k++) ACTION[k] = actionOf(k);
    }

    /**
     * Node kinds whose visit, without references, declares a name, opens a scope or notes an
     * export. Every other kind only hands its children a context, which matters for references
     * alone: a subtree without any of these kinds binds nothing, and {@link #bindDeclarations}
     * skips it (70% of the nodes of effect@4.1.0: most of every expression and type).
     */
    private static final boolean[] ACTS = new boolean[NodeKind.COUNT];
    static {
        for (int k = 0; k < NodeKind.COUNT; k++) {
            switch (ACTION[k]) {
                case A_CHILDREN: case A_REFERENCE: case A_NAME: case A_PARENTHESIZED: case A_ASSIGNMENT:
                case A_UPDATE: case A_PROPERTY: case A_PATTERN: case A_ASSIGNMENT_PATTERN:
                    break;
                case A_TYPE:
                    // visitType: these declare or open a scope; the other types only pass references on
                    ACTS[k] = k == TYPE_PARAMETER || k == MAPPED_TYPE || k == FUNCTION_TYPE || k == CONSTRUCTOR_TYPE
                            || k == CONDITIONAL_TYPE || k == INFER_TYPE;
                    break;
                default:
                    ACTS[k] = true;
            }
        }
    }

    /**
     * Without references: the first node index of each node's subtree, and how many nodes of an
     * {@link #ACTS} kind come before each index. Children are stored before their parent and after
     * their previous sibling's subtree, so a subtree is the index range [subtreeStart, node] (with,
     * at most, nodes a speculative parse left unattached, which only make the test below say
     * "binds something"); it binds nothing when that range holds no such node.
     */
    private int[] subtreeStart = new int[1024];
    private int[] declaringBefore = new int[1025];

    /** Fills {@link #subtreeStart} and {@link #declaringBefore} in one pass in node order. */
    private void indexDeclaringNodes() {
        int count = a.nodeCount();
        if (subtreeStart.length < count) {
            int size = count + (count >>> 3) + 64;
            subtreeStart = new int[size];
            declaringBefore = new int[size + 1];
        }
        int[] first = subtreeStart;
        int[] before = declaringBefore;
        int acts = 0;
        for (int n = 0; n < count; n++) {
            int c = a.firstChild(n);
            // a child stored after its parent would break the ranges: then the subtree reaches back
            // to node 0, which makes it "binds something", as all its ancestors
            first[n] = c < 0 ? n : c < n ? first[c] : 0;
            before[n] = acts;
            int k = a.kind(n);
            if (k < 0 || k >= NodeKind.COUNT || ACTS[k]) acts++;
        }
        before[count] = acts;
    }

    private static byte actionOf(int k) {
        if (NodeKind.isType(k) || k == HERITAGE_CLAUSE || k == EXPRESSION_WITH_TYPE_ARGUMENTS) return A_TYPE;
        switch (k) {
            case INTERFACE_DECLARATION: case TYPE_ALIAS: return A_TYPE_DECLARATION;
            case INTERFACE_BODY: return A_INTERFACE_BODY;
            case PROPERTY_SIGNATURE: case METHOD_SIGNATURE: case CALL_SIGNATURE: case CONSTRUCT_SIGNATURE: case INDEX_SIGNATURE: return A_SIGNATURE;
            case ENUM_DECLARATION: return A_ENUM;
            case ENUM_MEMBER: return A_ENUM_MEMBER;
            case NAMESPACE_EXPORT: return A_NAMESPACE_EXPORT;
            case MODULE_DECLARATION: return A_MODULE;
            case PARAMETER: return A_PARAMETER;
            case IMPORT_EQUALS: return A_IMPORT_EQUALS;
            case FUNCTION_DECLARATION: case FUNCTION_EXPRESSION: case ARROW_FUNCTION: return A_FUNCTION;
            case CLASS_DECLARATION: case CLASS_EXPRESSION: return A_CLASS;
            case STATIC_BLOCK: return A_STATIC_BLOCK;
            case BLOCK: return A_BLOCK;
            case FOR: case FOR_IN: case FOR_OF: return A_FOR;
            case SWITCH: return A_SWITCH;
            case CATCH_CLAUSE: return A_CATCH;
            case WITH: return A_WITH;
            case VARIABLE_DECLARATION: return A_VARIABLE_DECLARATION;
            case VARIABLE_DECLARATOR: return A_VARIABLE_DECLARATOR;
            case ASSIGNMENT_PATTERN: return A_ASSIGNMENT_PATTERN;
            case PROPERTY: return A_PROPERTY;
            case ARRAY_PATTERN: case OBJECT_PATTERN: case REST_ELEMENT: return A_PATTERN;
            case ASSIGNMENT: return A_ASSIGNMENT;
            case UPDATE: return A_UPDATE;
            case PARENTHESIZED: return A_PARENTHESIZED;
            case IMPORT_DEFAULT_SPECIFIER: case IMPORT_NAMESPACE_SPECIFIER: case IMPORT_SPECIFIER: return A_IMPORT_SPECIFIER;
            case EXPORT_NAMED: return A_EXPORT_NAMED;
            case EXPORT_DEFAULT: return A_EXPORT_DEFAULT;
            case EXPORT_ALL: return A_EXPORT_ALL;
            case BINDING_IDENTIFIER: return A_BINDING;
            case IDENTIFIER_REFERENCE: return A_REFERENCE;
            case IDENTIFIER_NAME: case PRIVATE_IDENTIFIER: case LABEL: return A_NAME;
            case IF: return A_IF;
            default: return A_CHILDREN;
        }
    }

    private void visit(int n, int ctx, int scope, int owner) {
        if (!withReferences && declaringBefore[n + 1] == declaringBefore[subtreeStart[n]]) return; // binds nothing
        int k = a.kind(n);
        int strict = ctx & C_STRICT;
        switch (k >= 0 && k < NodeKind.COUNT ? ACTION[k] : A_CHILDREN) {
            case A_CHILDREN:
                pushChildren(n, strict, scope, -1);
                return;
            case A_TYPE:
                visitType(n, k, strict, scope);
                return;
            case A_TYPE_DECLARATION: {
                int ts = t.newScope(ScopeKind.TYPE, scope, n);
                int start = sp;
                for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                    if (a.kind(c) == BINDING_IDENTIFIER && start == sp) {
                        declareType(c, k == INTERFACE_DECLARATION ? SymbolKind.INTERFACE : SymbolKind.TYPE_ALIAS, scope, n, false);
                        continue;
                    }
                    push(c, strict | C_TYPE, ts, -1);
                }
                reverse(start, sp);
                return;
            }
            case A_INTERFACE_BODY:
                pushChildren(n, strict | C_TYPE, scope, -1);
                return;
            case A_SIGNATURE: {
                // signature parameters and type parameters live in the signature's own scope
                int ss = t.newScope(ScopeKind.TYPE, scope, n);
                int start = sp;
                for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                    int ck = a.kind(c);
                    if (ck == FORMAL_PARAMETERS) {
                        for (int p = a.firstChild(c); p >= 0; p = a.nextSibling(p)) push(p, strict | SymbolKind.PARAMETER, ss, p);
                    } else if (ck == IDENTIFIER_NAME || ck == STRING_LITERAL || ck == NUMBER_LITERAL) {
                        // a property name
                    } else {
                        push(c, NodeKind.isType(ck) ? strict | C_TYPE : strict, ss, -1);
                    }
                }
                reverse(start, sp);
                return;
            }
            case A_ENUM: {
                int es = t.newScope(ScopeKind.BLOCK, scope, n);
                int start = sp;
                for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                    if (a.kind(c) == BINDING_IDENTIFIER && start == sp) {
                        int sym = declareType(c, SymbolKind.ENUM, scope, n, false);
                        declareInSpace(scope, a.data(c), 0, sym);
                        continue;
                    }
                    push(c, strict, es, -1);
                }
                reverse(start, sp);
                return;
            }
            case A_ENUM_MEMBER: {
                // the name is not a reference; an initialiser is an expression
                for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                    if (c != a.firstChild(n)) push(c, strict, scope, -1);
                }
                return;
            }
            case A_NAMESPACE_EXPORT:
                return;
            case A_MODULE: {
                int body = -1;
                for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                    int ck = a.kind(c);
                    if (ck == MODULE_BLOCK) body = c;
                    else if (ck == BINDING_IDENTIFIER) {
                        int sym = declareType(c, SymbolKind.NAMESPACE, scope, n, true);
                        declareInSpace(scope, a.data(c), 0, sym);
                    } else if (ck == QUALIFIED_NAME) {
                        int left = a.firstChild(c);
                        while (left >= 0 && a.kind(left) == QUALIFIED_NAME) left = a.firstChild(left);
                        if (left >= 0 && a.kind(left) == BINDING_IDENTIFIER) {
                            int sym = declareType(left, SymbolKind.NAMESPACE, scope, n, true);
                            declareInSpace(scope, a.data(left), 0, sym);
                        }
                    }
                }
                if (body >= 0) pushChildren(body, strict, t.newScope(ScopeKind.NAMESPACE, scope, body), -1);
                return;
            }
            case A_PARAMETER: {
                int target = a.firstChild(n);
                int start = sp;
                for (int c = target; c >= 0; c = a.nextSibling(c)) push(c, c == target ? ctx : strict, scope, c == target ? owner : -1);
                reverse(start, sp);
                return;
            }
            case A_IMPORT_EQUALS: {
                int name = a.firstChild(n);
                if (name >= 0 && a.kind(name) == BINDING_IDENTIFIER) declare(name, SymbolKind.IMPORT, scope, n, ctx);
                return;
            }
            case A_FUNCTION:
                visitFunction(n, k, ctx, scope);
                return;
            case A_CLASS: {
                int cs = t.newScope(ScopeKind.CLASS, scope, n);
                int start = sp;
                for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                    if (a.kind(c) == BINDING_IDENTIFIER) {
                        int target = k == CLASS_DECLARATION ? scope : cs;
                        declare(c, SymbolKind.CLASS, target, n, k == CLASS_DECLARATION ? ctx : C_STRICT);
                        int sym = t.nodeSymbol[c];
                        if (sym >= 0) declareInSpace(target, a.data(c), ScopeTable.TYPE_SPACE, sym);
                    } else {
                        push(c, C_STRICT, cs, -1);
                    }
                }
                reverse(start, sp);
                return;
            }
            case A_STATIC_BLOCK:
                pushChildren(n, C_STRICT, t.newScope(ScopeKind.STATIC_BLOCK, scope, n), -1);
                return;
            case A_BLOCK:
                if ((ctx & C_NO_SCOPE) != 0) pushChildren(n, strict, scope, -1);
                else pushChildren(n, strict, t.newScope(ScopeKind.BLOCK, scope, n), -1);
                return;
            case A_FOR: {
                int first = a.firstChild(n);
                int s = scope;
                if (first >= 0 && a.kind(first) == VARIABLE_DECLARATION && a.data(first) != VAR_VAR) {
                    s = t.newScope(ScopeKind.FOR_HEAD, scope, n);
                }
                int start = sp;
                for (int c = first; c >= 0; c = a.nextSibling(c)) {
                    int cctx = strict;
                    if (c == first && k != FOR && a.kind(c) != VARIABLE_DECLARATION) cctx |= C_WRITE;
                    if (c == first && k == FOR_OF) cctx |= C_FOR_OF;
                    push(c, cctx, s, -1);
                }
                reverse(start, sp);
                return;
            }
            case A_SWITCH: {
                int ss = t.newScope(ScopeKind.SWITCH, scope, n);
                int start = sp;
                for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                    push(c, strict, a.kind(c) == SWITCH_CASE ? ss : scope, -1);
                }
                reverse(start, sp);
                return;
            }
            case A_CATCH: {
                int cs = t.newScope(ScopeKind.CATCH, scope, n);
                int start = sp;
                for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                    if (a.kind(c) == BLOCK) push(c, strict | C_NO_SCOPE, cs, -1);
                    else push(c, strict | SymbolKind.CATCH_PARAMETER | (a.kind(c) == BINDING_IDENTIFIER ? C_SIMPLE_CATCH : 0), cs, n);
                }
                reverse(start, sp);
                return;
            }
            case A_WITH: {
                int first = a.firstChild(n);
                int start = sp;
                for (int c = first; c >= 0; c = a.nextSibling(c)) {
                    push(c, strict, c == first ? scope : t.newScope(ScopeKind.WITH, scope, n), -1);
                }
                reverse(start, sp);
                return;
            }
            case A_VARIABLE_DECLARATION: {
                int kind;
                switch (a.data(n)) {
                    case VAR_LET: kind = SymbolKind.LET; break;
                    case VAR_CONST: kind = SymbolKind.CONST; break;
                    case VAR_USING: case VAR_AWAIT_USING: kind = SymbolKind.USING; break;
                    default: kind = SymbolKind.VAR;
                }
                int start = sp;
                for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) push(c, strict | kind | (ctx & (C_EXPORT | C_FOR_OF)), scope, c);
                reverse(start, sp);
                return;
            }
            case A_VARIABLE_DECLARATOR: {
                int target = a.firstChild(n);
                int start = sp;
                for (int c = target; c >= 0; c = a.nextSibling(c)) {
                    push(c, c == target ? ctx : strict, scope, c == target ? n : -1);
                }
                reverse(start, sp);
                return;
            }
            case A_ASSIGNMENT_PATTERN: {
                int target = a.firstChild(n);
                int start = sp;
                for (int c = target; c >= 0; c = a.nextSibling(c)) push(c, c == target ? ctx : strict, scope, c == target ? owner : -1);
                reverse(start, sp);
                return;
            }
            case A_PROPERTY: {
                // in a pattern, the key is not bound; the value is (computed keys are expressions)
                int key = a.firstChild(n);
                int start = sp;
                for (int c = key; c >= 0; c = a.nextSibling(c)) push(c, c == key ? strict : ctx, scope, c == key ? -1 : owner);
                reverse(start, sp);
                return;
            }
            case A_PATTERN:
                pushChildren(n, ctx, scope, owner);
                return;
            case A_ASSIGNMENT: {
                int target = a.firstChild(n);
                int op = a.data(n) & 0xFFFF;
                int start = sp;
                for (int c = target; c >= 0; c = a.nextSibling(c)) {
                    push(c, c == target ? strict | C_WRITE | (op == Token.ASSIGN ? 0 : C_READ_WRITE) : strict, scope, -1);
                }
                reverse(start, sp);
                return;
            }
            case A_UPDATE:
                pushChildren(n, strict | C_WRITE | C_READ_WRITE, scope, -1);
                return;
            case A_PARENTHESIZED:
                pushChildren(n, ctx & (C_STRICT | C_WRITE | C_READ_WRITE), scope, -1);
                return;
            case A_IMPORT_SPECIFIER:
                pushChildren(n, strict | SymbolKind.IMPORT, scope, n);
                return;
            case A_EXPORT_NAMED:
                visitExportNamed(n, strict, scope);
                return;
            case A_EXPORT_DEFAULT:
                noteExport(nameDefault, a.start(n), a.start(n) + 6);
                pushChildren(n, strict, scope, -1);
                return;
            case A_EXPORT_ALL: {
                // export * as ns from "m" exports ns
                int c = a.firstChild(n);
                if (c >= 0 && a.kind(c) != STRING_LITERAL) noteExport(exportNameId(c), a.start(c), a.end(c));
                else if (c >= 0 && a.nextSibling(c) >= 0 && a.kind(a.nextSibling(c)) == STRING_LITERAL) {
                    noteExport(exportNameId(c), a.start(c), a.end(c));
                }
                return;
            }
            case A_BINDING: {
                int kind = ctx & C_KIND;
                if (kind == 0) return;
                // `let` bound inside a pattern of a let/const declaration (`let {let} = o`); the parser
                // reports the plain `let let`, where the name is the declarator's own target
                if ((kind == SymbolKind.LET || kind == SymbolKind.CONST) && a.data(n) == nameLet && owner >= 0
                        && a.firstChild(owner) != n) {
                    report(a.start(n), a.end(n), Diag.LET_AS_LEXICAL_NAME, 0);
                }
                declare(n, kind, scope, owner, ctx);
                return;
            }
            case A_REFERENCE: {
                if (!withReferences) return;
                if ((ctx & (C_TYPE | C_NAMESPACE_REF)) != 0) {
                    t.addReference(n, scope, (ctx & C_NAMESPACE_REF) != 0 ? ScopeTable.REF_NAMESPACE : ScopeTable.REF_TYPE);
                    return;
                }
                int flags = (ctx & C_WRITE) != 0 ? ScopeTable.REF_WRITE | ((ctx & C_READ_WRITE) != 0 ? ScopeTable.REF_READ : 0)
                        : ScopeTable.REF_READ;
                t.addReference(n, scope, flags);
                return;
            }
            case A_NAME:
                return;
            case A_IF: {
                // Annex B: `if (x) function f() {}` behaves as if the function were in a block
                int start = sp;
                for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                    push(c, strict, a.kind(c) == FUNCTION_DECLARATION ? t.newScope(ScopeKind.BLOCK, scope, c) : scope, -1);
                }
                reverse(start, sp);
                return;
            }
            default:
                throw new IllegalStateException("binder action " + ACTION[k] + " for node kind " + k);
        }
    }

    private static final int C_SIMPLE_CATCH = 512;
    private static final int C_TYPE = 2048;           // a type position: names resolve in the type space
    private static final int C_NAMESPACE_REF = 4096;  // the left of a qualified type name
    private static final int C_FOR_OF = 1024;     // the declaration heads a for-of

    // a function's parts, as visitFunction reads them (set by functionParts, read at once)
    private int fnName, fnTypeParams, fnParams, fnReturnType, fnBody;

    private void functionParts(int n) {
        fnBody = fnParams = fnName = fnTypeParams = fnReturnType = -1;
        for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
            int ck = a.kind(c);
            if (ck == BINDING_IDENTIFIER && fnParams < 0) fnName = c;
            else if (ck == TYPE_PARAMETERS) fnTypeParams = c;
            else if (ck == FORMAL_PARAMETERS) fnParams = c;
            else if (fnParams >= 0 && fnBody < 0 && ck != FUNCTION_BODY && (NodeKind.isType(ck))) fnReturnType = c;
            else fnBody = c;
        }
    }

    private void visitFunction(int n, int k, int ctx, int scope) {
        functionParts(n);
        int outer = scope;
        if (fnName >= 0) {
            if (k == FUNCTION_DECLARATION) {
                declare(fnName, SymbolKind.FUNCTION, scope, n, ctx);
            } else {
                outer = t.newScope(ScopeKind.FUNCTION_NAME, scope, n);
                declare(fnName, SymbolKind.FUNCTION, outer, n, ctx);
            }
        }
        visitFunctionScope(n, ctx & C_STRICT, outer);
    }

    /**
     * The function's own scope and what is in it: type parameters, parameters, return type, body
     * (the parts {@link #functionParts} found). Everything this part of the walk declares lands in
     * that scope or below it, which is what lets a nested rebind walk it again alone.
     */
    private void visitFunctionScope(int n, int strict, int outer) {
        int body = fnBody, params = fnParams, typeParams = fnTypeParams, returnType = fnReturnType;
        if (body >= 0 && a.kind(body) == FUNCTION_BODY && hasUseStrict(body)) strict = C_STRICT;
        int fs = t.newScope(ScopeKind.FUNCTION, outer, n);
        int start = sp;
        if (typeParams >= 0) push(typeParams, strict | C_TYPE, fs, -1);
        if (params >= 0) {
            for (int p = a.firstChild(params); p >= 0; p = a.nextSibling(p)) push(p, strict | SymbolKind.PARAMETER, fs, p);
        }
        if (returnType >= 0) push(returnType, strict | C_TYPE, fs, -1);
        if (body >= 0) push(body, strict | C_NO_SCOPE, fs, -1);
        reverse(start, sp);
    }

    /** The scope of the nearest conditional type whose extends type holds {@code infer}, or {@code scope} outside any. */
    private int inferScope(int infer, int scope) {
        for (int s = scope; s > 0; s = t.scopeParent[s]) {
            int owner = t.scopeNode[s];
            if (t.scopeKind[s] != ScopeKind.TYPE || owner < 0 || a.kind(owner) != CONDITIONAL_TYPE) continue;
            int extendsType = a.firstChild(owner) < 0 ? -1 : a.nextSibling(a.firstChild(owner));
            if (extendsType >= 0 && a.start(extendsType) <= a.start(infer) && a.end(infer) <= a.end(extendsType)) return s;
        }
        return scope;
    }

    /** Type nodes: names are type references, type parameters are declared, `typeof x` reads a value. */
    private void visitType(int n, int k, int strict, int scope) {
        switch (k) {
            case TYPE_PARAMETER: {
                int name = a.firstChild(n);
                if (name >= 0 && a.kind(name) == BINDING_IDENTIFIER) declareType(name, SymbolKind.TYPE_PARAMETER, scope, n, false);
                int start = sp;
                for (int c = name < 0 ? -1 : a.nextSibling(name); c >= 0; c = a.nextSibling(c)) push(c, strict | C_TYPE, scope, -1);
                reverse(start, sp);
                return;
            }
            case MAPPED_TYPE:
                pushChildren(n, strict | C_TYPE, t.newScope(ScopeKind.TYPE, scope, n), -1);
                return;
            case CONDITIONAL_TYPE: {
                // check extends ? true : false: what `infer X` declares in the extends type is seen
                // there and in the true type only (TypeScript's locals of a conditional type)
                int check = a.firstChild(n);
                int extendsType = check < 0 ? -1 : a.nextSibling(check);
                int trueType = extendsType < 0 ? -1 : a.nextSibling(extendsType);
                int falseType = trueType < 0 ? -1 : a.nextSibling(trueType);
                int inferred = t.newScope(ScopeKind.TYPE, scope, n);
                int start = sp;
                if (check >= 0) push(check, strict | C_TYPE, scope, -1);
                if (extendsType >= 0) push(extendsType, strict | C_TYPE, inferred, -1);
                if (trueType >= 0) push(trueType, strict | C_TYPE, inferred, -1);
                if (falseType >= 0) push(falseType, strict | C_TYPE, scope, -1);
                reverse(start, sp);
                return;
            }
            case INFER_TYPE: {
                // declared in the conditional type whose extends type holds it, through the scopes of
                // function types and mapped types in between; its constraint is read where it stands
                int parameter = a.firstChild(n);
                int name = parameter < 0 || a.kind(parameter) != TYPE_PARAMETER ? -1 : a.firstChild(parameter);
                if (name < 0 || a.kind(name) != BINDING_IDENTIFIER) {
                    pushChildren(n, strict | C_TYPE, scope, -1);
                    return;
                }
                declareType(name, SymbolKind.TYPE_PARAMETER, inferScope(n, scope), parameter, false);
                int start = sp;
                for (int c = a.nextSibling(name); c >= 0; c = a.nextSibling(c)) push(c, strict | C_TYPE, scope, -1);
                reverse(start, sp);
                return;
            }
            case TYPE_QUERY: {
                // typeof x.y<T>: the entity is a value; type arguments are types
                int start = sp;
                for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                    int ck = a.kind(c);
                    if (ck == TYPE_ARGUMENTS) push(c, strict | C_TYPE, scope, -1);
                    else if (ck == IDENTIFIER_REFERENCE) push(c, strict, scope, -1);
                    else if (ck == QUALIFIED_NAME) push(leftmost(c), strict, scope, -1);
                }
                reverse(start, sp);
                return;
            }
            case QUALIFIED_NAME: {
                int left = leftmost(n);
                if (left >= 0 && a.kind(left) == IDENTIFIER_REFERENCE) push(left, strict | C_NAMESPACE_REF, scope, -1);
                return;
            }
            case TYPE_PREDICATE: {
                // x is T, asserts x [is T]: x reads the parameter of that name (a value); T is a type
                int subject = a.firstChild(n);
                if (withReferences && subject >= 0 && a.kind(subject) == IDENTIFIER_NAME) t.addReference(subject, scope, ScopeTable.REF_READ | ScopeTable.REF_PREDICATE);
                int start = sp;
                for (int c = subject < 0 ? -1 : a.nextSibling(subject); c >= 0; c = a.nextSibling(c)) push(c, strict | C_TYPE, scope, -1);
                reverse(start, sp);
                return;
            }
            case IMPORT_TYPE:
                return;
            case FUNCTION_TYPE:
            case CONSTRUCTOR_TYPE: {
                int fs = t.newScope(ScopeKind.TYPE, scope, n);
                int start = sp;
                for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                    if (a.kind(c) == FORMAL_PARAMETERS) {
                        for (int p = a.firstChild(c); p >= 0; p = a.nextSibling(p)) push(p, strict | SymbolKind.PARAMETER, fs, p);
                    } else {
                        push(c, strict | C_TYPE, fs, -1);
                    }
                }
                reverse(start, sp);
                return;
            }
            case EXPRESSION_WITH_TYPE_ARGUMENTS: {
                // implements X.Y<T> / interface extends: type names
                int start = sp;
                for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                    int ck = a.kind(c);
                    if (ck == IDENTIFIER_REFERENCE) push(c, strict | C_TYPE, scope, -1);
                    else if (ck == MEMBER) {
                        int left = a.firstChild(c);
                        while (left >= 0 && a.kind(left) == MEMBER) left = a.firstChild(left);
                        if (left >= 0 && a.kind(left) == IDENTIFIER_REFERENCE) push(left, strict | C_NAMESPACE_REF, scope, -1);
                    } else {
                        push(c, strict | C_TYPE, scope, -1);
                    }
                }
                reverse(start, sp);
                return;
            }
            default:
                pushChildren(n, strict | C_TYPE, scope, -1);
        }
    }

    private int leftmost(int n) {
        int c = n;
        while (c >= 0 && a.kind(c) == QUALIFIED_NAME) c = a.firstChild(c);
        return c;
    }

    /** Declares a TypeScript type-space name (interfaces, aliases, enums and namespaces merge). */
    private int declareType(int node, int kind, int scope, int owner, boolean namespace) {
        int name = a.data(node);
        int space = namespace ? ScopeTable.NAMESPACE_SPACE : ScopeTable.TYPE_SPACE;
        int e = t.entry(scope, name | space);
        int sym = t.entrySymbol[e];
        if (sym < 0) {
            sym = t.newSymbol(name, kind, scope, node, owner);
            t.entrySymbol[e] = sym;
        }
        if (kind == SymbolKind.ENUM) declareInSpace(scope, name, ScopeTable.TYPE_SPACE, sym);
        t.nodeSymbol[node] = sym;
        return sym;
    }

    /** Makes {@code sym} also visible in another declaration space (a class is a value and a type). */
    private void declareInSpace(int scope, int name, int space, int sym) {
        int e = t.entry(scope, name | space);
        if (t.entrySymbol[e] < 0) t.entrySymbol[e] = sym;
    }

    private boolean hasUseStrict(int container) {
        for (int c = a.firstChild(container); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) != EXPRESSION_STATEMENT || a.data(c) != 1) return false;
            int s = a.firstChild(c);
            if (s >= 0 && a.end(s) - a.start(s) == 12) {
                char[] src = a.source();
                int st = a.start(s) + 1;
                String u = "use strict";
                boolean eq = true;
                for (int i = 0; i < 10; i++) if (src[st + i] != u.charAt(i)) { eq = false; break; }
                if (eq) return true;
            }
        }
        return false;
    }

    private void visitExportNamed(int n, int strict, int scope) {
        boolean fromClause = false;
        for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) if (a.kind(c) == STRING_LITERAL) fromClause = true;
        int start = sp;
        for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
            int ck = a.kind(c);
            if (ck == EXPORT_SPECIFIER) {
                int local = a.firstChild(c);
                int exported = local < 0 ? -1 : a.nextSibling(local);
                int nameNode = exported >= 0 ? exported : local;
                if (nameNode >= 0) noteExport(exportNameId(nameNode), a.start(nameNode), a.end(nameNode));
                if (!fromClause && local >= 0 && a.kind(local) == IDENTIFIER_NAME) t.addLocalExport(local);
            } else if (ck == STRING_LITERAL || ck == IMPORT_ATTRIBUTES) {
                // the module specifier
            } else {
                // export var / let / const / function / class
                push(c, strict | C_EXPORT, scope, -1);
            }
        }
        reverse(start, sp);
    }

    private int exportNameId(int node) {
        if (a.kind(node) == STRING_LITERAL) {
            String s = Literals.cookString(a.source(), a.start(node), a.end(node));
            char[] cs = s.toCharArray();
            return names.intern(cs, 0, cs.length);
        }
        return NodeKindNames.isNamed(a.kind(node)) ? a.data(node) : -1;
    }

    private void noteExport(int name, int s, int e) {
        if (name < 0 || typeScript) return;
        if (name >= exportedIn.length) exportedIn = Arrays.copyOf(exportedIn, Math.max(name + 1, exportedIn.length * 2));
        if (recording) t.addExportName(name);
        if (exportedIn[name] == exportStamp) {
            report(s, e, Diag.DUPLICATE_EXPORT, name);
            return;
        }
        exportedIn[name] = exportStamp;
    }

    /** The nearest enclosing scope that receives var declarations. */
    private int varScope(int scope) {
        int s = scope;
        while (s >= 0 && !ScopeKind.isVarScope(t.scopeKind[s])) s = t.scopeParent[s];
        return s < 0 ? 0 : s;
    }

    private void declare(int node, int kind, int scope, int owner, int ctx) {
        int name = a.data(node);
        boolean strict = (ctx & C_STRICT) != 0;
        int sym;
        if (kind == SymbolKind.VAR || (kind == SymbolKind.FUNCTION && isVarScopedFunctionScope(scope))) {
            int target = kind == SymbolKind.VAR ? varScope(scope) : scope;
            for (int x = scope; x != target && x >= 0; x = t.scopeParent[x]) {
                int e = t.findEntry(x, name);
                if (e >= 0 && (t.entryFlags[e] & ScopeTable.E_LEXICAL) != 0) {
                    redeclared(node, name);
                } else if (e >= 0 && (t.entryFlags[e] & ScopeTable.E_CATCH_PARAM) != 0
                        && (t.entryFlags[e] & ScopeTable.E_SIMPLE_CATCH) == 0) {
                    redeclared(node, name);
                }
                // entry() may grow entryFlags: call it before loading the array
                int through = t.entry(x, name);
                t.entryFlags[through] |= ScopeTable.E_VAR_THROUGH;
            }
            int e = t.entry(target, name);
            int flags = t.entryFlags[e];
            if ((flags & ScopeTable.E_LEXICAL) != 0) redeclared(node, name);
            t.entryFlags[e] = flags | ScopeTable.E_VAR | (kind == SymbolKind.FUNCTION ? ScopeTable.E_FUNCTION : 0);
            if (t.entrySymbol[e] >= 0) {
                sym = t.entrySymbol[e];
                if (kind == SymbolKind.FUNCTION) {
                    // a function declaration wins the hover over an earlier var of the same name
                    t.symKind[sym] = SymbolKind.FUNCTION;
                    t.symDecl[sym] = node;
                    t.symDeclaring[sym] = owner;
                }
            } else {
                sym = t.newSymbol(name, kind, target, node, owner);
                t.entrySymbol[e] = sym;
            }
        } else if (kind == SymbolKind.PARAMETER || kind == SymbolKind.CATCH_PARAMETER) {
            int e = t.entry(scope, name);
            int flag = kind == SymbolKind.PARAMETER ? ScopeTable.E_PARAM
                    : ScopeTable.E_CATCH_PARAM | ((ctx & C_SIMPLE_CATCH) != 0 ? ScopeTable.E_SIMPLE_CATCH : 0);
            if (kind == SymbolKind.CATCH_PARAMETER && (t.entryFlags[e] & ScopeTable.E_CATCH_PARAM) != 0) redeclared(node, name);
            t.entryFlags[e] |= flag;
            if (t.entrySymbol[e] >= 0) {
                sym = t.entrySymbol[e];
            } else {
                sym = t.newSymbol(name, kind, scope, node, owner);
                t.entrySymbol[e] = sym;
            }
        } else {
            // lexical: let, const, using, class, import, block-level function
            int e = t.entry(scope, name);
            int flags = t.entryFlags[e];
            // Annex B: sloppy code may declare the same plain function twice in a block
            boolean plainFunction = kind == SymbolKind.FUNCTION && a.kind(owner) == FUNCTION_DECLARATION && a.data(owner) == 0;
            if (flags != 0) {
                boolean sloppyFunctions = plainFunction && !strict && flags == (ScopeTable.E_LEXICAL | ScopeTable.E_FUNCTION)
                        && t.scopeKind[scope] != ScopeKind.MODULE;
                if (!sloppyFunctions) redeclared(node, name);
                // TypeScript merges most declarations, but two block-scoped variables never merge (TS2451)
                if (typeScript && isBlockScopedVariable(kind) && t.entrySymbol[e] >= 0
                        && isBlockScopedVariable(t.symKind[t.entrySymbol[e]])) {
                    report(a.start(node), a.end(node), Diag.REDECLARED, name);
                }
            }
            t.entryFlags[e] = flags | ScopeTable.E_LEXICAL | (plainFunction ? ScopeTable.E_FUNCTION : 0);
            sym = t.newSymbol(name, kind, scope, node, owner);
            if (t.entrySymbol[e] < 0 || flags == 0) t.entrySymbol[e] = sym;
        }
        t.nodeSymbol[node] = sym;
        if (kind == SymbolKind.IMPORT && typeScript) {
            // an import may name a value, a type or a namespace
            declareInSpace(scope, name, ScopeTable.TYPE_SPACE, sym);
            declareInSpace(scope, name, ScopeTable.NAMESPACE_SPACE, sym);
        }
        if ((ctx & C_EXPORT) != 0) noteExport(name, a.start(node), a.end(node));
    }

    private static boolean isBlockScopedVariable(int kind) {
        return kind == SymbolKind.LET || kind == SymbolKind.CONST || kind == SymbolKind.USING;
    }

    /** Function declarations directly in a function body or at the top of a script are var-scoped. */
    private boolean isVarScopedFunctionScope(int scope) {
        int k = t.scopeKind[scope];
        return k == ScopeKind.FUNCTION || k == ScopeKind.SCRIPT || k == ScopeKind.STATIC_BLOCK;
    }

    private void redeclared(int node, int name) {
        if (typeScript) return; // TypeScript merges declarations; its checker, not its parser, reports conflicts
        report(a.start(node), a.end(node), Diag.REDECLARED, name);
    }

    /** A diagnostic of the walk: logged, and kept in the table for a rebind to replay in order. */
    private void report(int start, int end, Diag diag, int arg) {
        if (recording) t.addReport(start, end, diag.ordinal(), arg);
        log.report(start, end, diag, arg);
    }

    private void resolveReferences() {
        int globals = 0;
        for (int i = 0; i < t.refCount; i++) {
            int node = t.refNode[i];
            int name = a.data(node);
            int refFlags = t.refFlags[i];
            int space = (refFlags & ScopeTable.REF_TYPE) != 0 ? ScopeTable.TYPE_SPACE
                    : (refFlags & ScopeTable.REF_NAMESPACE) != 0 ? ScopeTable.NAMESPACE_SPACE : 0;
            int sym = lookup(t.refScope[i], name, space);
            if (sym < 0 && space == ScopeTable.NAMESPACE_SPACE) sym = lookup(t.refScope[i], name, 0);
            if (sym < 0 && predefinedBesideTopBinding(name, space)) {
                t.nodeSymbol[node] = -1; // the primitive: no symbol (the top scope's entry of the name is the binding's)
                continue;
            }
            if (sym < 0) {
                // one implicit global symbol per distinct name (and space), declared in the top scope
                int e = t.entry(0, name | space);
                if (t.entrySymbol[e] < 0) {
                    t.entrySymbol[e] = t.newSymbol(name, SymbolKind.IMPLICIT_GLOBAL, 0, -1, -1);
                    globals++;
                }
                sym = t.entrySymbol[e];
            }
            t.nodeSymbol[node] = sym;
        }
    }

    private void findPredefinedTypeNames(dev.arenals.parser.tree.NameTable names, boolean typeScript) {
        for (int i = 0; i < PREDEFINED_TYPES.length; i++) {
            String type = PREDEFINED_TYPES[i];
            type.getChars(0, type.length(), scratch, 0);
            predefinedTypeNames[i] = typeScript ? names.find(scratch, 0, type.length()) : -1;
        }
    }

    /** Whether a type reference names a predefined type and the top scope declares that name as a type too (an import, a class). */
    private boolean predefinedBesideTopBinding(int name, int space) {
        if (space != ScopeTable.TYPE_SPACE || !isPredefinedTypeName(name)) return false;
        int e = t.findEntry(0, name | space);
        return e >= 0 && t.entrySymbol[e] >= 0 && t.symKind[t.entrySymbol[e]] != SymbolKind.IMPLICIT_GLOBAL;
    }

    private boolean isPredefinedTypeName(int name) {
        for (int id : predefinedTypeNames) if (id == name) return true;
        return false;
    }

    private int lookup(int scope, int name, int space) {
        if (space == ScopeTable.TYPE_SPACE && isPredefinedTypeName(name)) return -1;
        for (int x = scope; x >= 0; x = t.scopeParent[x]) {
            int e = t.findEntry(x, name | space);
            if (e >= 0 && t.entrySymbol[e] >= 0) return t.entrySymbol[e];
        }
        return -1;
    }

    private void checkExports() {
        for (int i = 0; i < t.localExportCount; i++) {
            int node = t.localExportNodes[i];
            int name = a.data(node);
            int e = t.findEntry(moduleScope, name);
            if (e < 0 || t.entrySymbol[e] < 0 || t.symKind[t.entrySymbol[e]] == SymbolKind.IMPLICIT_GLOBAL) {
                log.report(a.start(node), a.end(node), Diag.EXPORT_UNDECLARED, name);
            } else {
                t.nodeSymbol[node] = t.entrySymbol[e];
            }
        }
    }

    // ------------------------------------------------------------------ incremental rebind

    /** The new statements' walk, against an empty top scope; spliced into the document's table. */
    private ScopeTable scratchTable;
    private int[] ownMap = new int[64];
    private int[] zeroSymbols = new int[64], oldZeroSymbols = new int[64];
    private int[] keptSymbol = new int[64], keptKind = new int[64], keptDecl = new int[64], keptDeclaring = new int[64];
    private int[] entryFinalFlags = new int[64], entryFinalSymbol = new int[64];
    private int[][] globalStamp = {new int[256], new int[256], new int[256]};
    private int[][] globalId = {new int[256], new int[256], new int[256]};
    private int globalPass;
    private int[] globalKeys = new int[64];

    private void releaseScratch() {
        if (scratchTable != null) {
            scratchTable.arena = null;
            scratchTable.nodeSymbol = NO_NODES;
        }
    }

    private static final int[] NO_NODES = new int[0];

    /**
     * After an incremental reparse ({@link Arena#spliceBaseGeneration}) of the tree {@code table}
     * was bound to: binds only the spliced-in statements and splices the result into the table, when
     * that gives exactly the table a full bind would (same ids, entries, references, diagnostics).
     * It does when the replaced statement touched no top-scope entry an earlier statement made, and
     * the new statements leave the top scope as it left it (same symbols' kinds, same entries with
     * the same flags and symbols) and export the same names: then every other statement binds as
     * before, and the new ones bind as they would in a full walk (nothing before them declared
     * their top-level names). References are resolved for the new statements; implicit globals are
     * renumbered over all references, in order, as a full bind makes them. After a nested splice
     * (one function body, {@link Arena#splicedNested}) the part walked again is that function
     * (its scope and what is in it), found through the columns each scope records when it opens;
     * nothing it declares is seen outside it, so it needs no footprint, only that it declares and
     * exports nothing in its enclosing scope. Returns false (the table then in any state) when it
     * cannot; the caller binds in full.
     */
    private boolean rebindSplice(Arena arena, ScopeTable T) {
        int base = arena.spliceBaseGeneration();
        if (base < 0 || T.arena != arena || T.boundGeneration != base || !T.statementsRecorded || !T.referencesResolved) return false;
        if (T.boundModule != module || T.boundTypeScript != typeScript) return false;
        int root = arena.root();
        if (root < 0) return false;
        boolean strictTop = module || hasUseStrict(root);
        if (strictTop != T.boundStrict) return false;
        if (log.diagnosticCount() != arena.parserDiagnosticCount()) return false;
        boolean nested = arena.splicedNested();
        int lo = arena.spliceLo(), oldLast = arena.spliceOldLast(), m = arena.spliceNodes();
        int newCount = arena.nodeCount();
        int dn = m - (oldLast - lo + 1);
        int oldCount = newCount - dn;
        int delta = arena.splicedNewEnd() - arena.splicedOldEnd();
        // offsets at or after this old one moved by delta: after a statement splice every later one
        // did; after a nested splice, those from the old body's end (its ancestors' ends included)
        int movedFrom = nested ? arena.splicedOldEnd() : Integer.MIN_VALUE;

        int i = 0, firstNew = -1;
        for (int c = a.firstChild(root); c >= 0; c = a.nextSibling(c)) {
            if (c >= lo) { firstNew = c; break; }
            i++;
        }
        int N = T.statementCount;
        if (i >= N) return false;
        int sc0, sc1, sy0, sy1, en0, en1, rf0, rf1, rp0, rp1;
        int ft0 = 0, ft1 = 0, ex0 = 0, ex1 = 0, le0 = 0, le1 = 0;
        int scope0 = 0;               // the table's scope that the scratch walk's scope 0 stands for
        int insideFrom = lo;          // the nodes the scratch walk numbers: [insideFrom, lo + m) but keepNode
        int keepNode = -1;
        int fn = -1, fnStrict = 0;
        if (!nested) {
            if (T.stmtNode[i] != oldLast || T.stmtTouched[i] != 0) return false;
            sc0 = T.stmtScope[i]; sc1 = T.stmtScope[i + 1];
            sy0 = T.stmtSym[i]; sy1 = T.stmtSym[i + 1];
            en0 = T.stmtEntry[i]; en1 = T.stmtEntry[i + 1];
            rf0 = T.stmtRef[i]; rf1 = T.stmtRef[i + 1];
            rp0 = T.stmtReport[i]; rp1 = T.stmtReport[i + 1];
            ft0 = T.stmtFoot[i]; ft1 = T.stmtFoot[i + 1];
            ex0 = T.stmtExport[i]; ex1 = T.stmtExport[i + 1];
            le0 = T.stmtLocal[i]; le1 = T.stmtLocal[i + 1];
        } else {
            // the statement holds the body: the path down to it gives the function and its strictness
            if (firstNew < 0 || T.stmtNode[i] != firstNew - dn) return false;
            int body = lo + m - 1;
            if (a.kind(body) != FUNCTION_BODY) return false;
            int strict = strictTop ? C_STRICT : 0;
            int p = firstNew;
            while (p != body) {
                int k = a.kind(p);
                if (k == CLASS_DECLARATION || k == CLASS_EXPRESSION || k == STATIC_BLOCK) strict = C_STRICT;
                else if (k == FUNCTION_DECLARATION || k == FUNCTION_EXPRESSION || k == ARROW_FUNCTION) {
                    functionParts(p);
                    if (fnBody >= 0 && a.kind(fnBody) == FUNCTION_BODY && hasUseStrict(fnBody)) strict = C_STRICT;
                }
                int c = a.firstChild(p);
                while (c >= 0 && c < body) c = a.nextSibling(c);
                if (c < 0) return false;
                fn = p;
                p = c;
            }
            int fk = a.kind(fn);
            if (fk != FUNCTION_DECLARATION && fk != FUNCTION_EXPRESSION && fk != ARROW_FUNCTION) return false;
            functionParts(fn);
            if (fnBody != body) return false;
            fnStrict = strict;
            keepNode = fnName;
            insideFrom = fn;
            for (int c = a.firstChild(fn); c >= 0; c = a.firstChild(c)) insideFrom = c;
            if (insideFrom > lo) insideFrom = lo;
            // the function's scope in the old table, and its part of the walk in every column
            int fnOld = fn - dn;
            sc0 = -1;
            for (int s = T.stmtScope[i], to = T.stmtScope[i + 1]; s < to; s++) {
                if (T.scopeNode[s] == fnOld && T.scopeKind[s] == ScopeKind.FUNCTION) { sc0 = s; break; }
            }
            if (sc0 < 0) return false;
            scope0 = T.scopeParent[sc0];
            if (scope0 < 0) return false;
            sc1 = sc0 + 1;
            while (sc1 < T.scopeCount && T.scopeParent[sc1] >= sc0) sc1++;
            sy0 = T.scopeSymAt[sc0];
            sy1 = sy0;
            while (sy1 < T.walkSymbols && T.symScope[sy1] >= sc0 && T.symScope[sy1] < sc1) sy1++;
            en0 = T.scopeEntryAt[sc0];
            en1 = en0;
            while (en1 < T.walkEntries && T.entryScope[en1] >= sc0 && T.entryScope[en1] < sc1) en1++;
            rf0 = T.scopeRefAt[sc0];
            rf1 = rf0;
            while (rf1 < T.refCount && T.refScope[rf1] >= sc0 && T.refScope[rf1] < sc1) rf1++;
            rp0 = T.scopeReportAt[sc0];
            rp1 = rp0;
            int fnStart = a.start(fn), fnOldEnd = a.end(fn) - delta;
            while (rp1 < T.reportCount && T.reportStart[rp1] >= fnStart && T.reportStart[rp1] < fnOldEnd) rp1++;
            // no export in the old function's walk: none recorded from its scope's opening to the next
            // scope's, or to the next statement's start when that comes first
            int exportsAfter = T.stmtExport[i + 1] + T.stmtLocal[i + 1];
            if (sc1 < T.stmtScope[i + 1]) exportsAfter = T.scopeExportAt[sc1];
            if (exportsAfter != T.scopeExportAt[sc0]) return false;
            // earlier reports whose offsets moved (none should: they are declarations before the function)
            for (int r = 0; r < rp0; r++) {
                if (T.reportStart[r] >= movedFrom) T.reportStart[r] += delta;
                if (T.reportEnd[r] >= movedFrom) T.reportEnd[r] += delta;
            }
        }

        // the node column: later nodes move as the arena's did; the new nodes start unbound
        T.ensureNodes(newCount);
        if (dn != 0) System.arraycopy(T.nodeSymbol, oldLast + 1, T.nodeSymbol, lo + m, oldCount - (oldLast + 1));
        Arrays.fill(T.nodeSymbol, lo, lo + m, -1);
        for (int n = insideFrom; n < lo; n++) if (n != keepNode) T.nodeSymbol[n] = -1; // the function's kept parameters are walked again

        // the walk's state before the new part: the earlier reports and exports
        for (int r = 0; r < rp0; r++) log.report(T.reportStart[r], T.reportEnd[r], Diag.of(T.reportKind[r]), T.reportArg[r]);
        if (++exportStamp == Integer.MAX_VALUE) {
            Arrays.fill(exportedIn, 0);
            exportStamp = 1;
        }
        for (int x = 0; x < ex0; x++) {
            int name = T.exportNames[x];
            if (name >= exportedIn.length) exportedIn = Arrays.copyOf(exportedIn, Math.max(name + 1, exportedIn.length * 2));
            exportedIn[name] = exportStamp;
        }
        "default".getChars(0, 7, scratch, 0);
        nameDefault = names.intern(scratch, 0, 7);
        "let".getChars(0, 3, scratch, 0);
        nameLet = names.intern(scratch, 0, 3);
        findPredefinedTypeNames(names, arena.isTypeScript());

        // walk the new part into the scratch table (sharing the node column)
        if (scratchTable == null) scratchTable = new ScopeTable();
        ScopeTable S = scratchTable;
        S.resetCounts(arena);
        S.nodeSymbol = T.nodeSymbol;
        S.boundGeneration = arena.generation();
        t = S;
        sp = 0;
        moduleScope = 0;
        int k, groupFoot = 0;
        if (!nested) {
            int top = S.newScope(module ? ScopeKind.MODULE : ScopeKind.SCRIPT, -1, root);
            walkStatements(firstNew, lo + m, strictTop ? C_STRICT : 0, top);
            t = T;
            k = S.statementCount;
            if (k != arena.spliceStatements()) return false;
            groupFoot = S.footCount;
            if (appendFootprint(S, 0, 0)) return false;
            if (!sameInts(T.foot, ft0, ft1, S.foot, groupFoot, S.footCount)) return false;
            if (!sameInts(T.exportNames, ex0, ex1, S.exportNames, 0, S.exportCount)) return false;
        } else {
            // scope 0 stands for the function's enclosing scope, which nothing in the function declares into
            S.newScope(T.scopeKind[scope0], -1, T.scopeNode[scope0]);
            functionParts(fn);
            visitFunctionScope(fn, fnStrict, 0);
            drain();
            t = T;
            k = 0;
            if (S.exportCount != 0 || S.localExportCount != 0) return false;
            for (int x = 0; x < S.symCount; x++) if (S.symScope[x] == 0) return false;
            for (int e = 0; e < S.entryCount; e++) if (S.entryScope[e] == 0) return false;
            for (int r = 0; r < S.refCount; r++) if (S.refScope[r] == 0) return false;
        }
        int sReports = S.reportCount;

        // ---- splice: the footprints match, so everything outside keeps its meaning
        int sScopes = S.scopeCount - 1, dSc = sScopes - (sc1 - sc0);
        int sSym = S.symCount, dSym = sSym - (sy1 - sy0);
        int sEnt = S.entryCount, dEnt = sEnt - (en1 - en0);
        int sRef = S.refCount, dRef = sRef - (rf1 - rf0);
        int dRep = sReports - (rp1 - rp0);
        int exportsBefore = nested ? T.scopeExportAt[sc0] : ex0 + le0;
        int dExp = nested ? 0 : S.exportCount + S.localExportCount - (ex1 - ex0) - (le1 - le0);
        int oldWalkSymbols = T.walkSymbols, oldWalkEntries = T.walkEntries;

        // old top-scope symbols of the statement -> the new ones, by their order (a function's part has none)
        int ownCount = sy1 - sy0;
        if (ownMap.length < ownCount) ownMap = new int[ownCount + 64];
        if (oldZeroSymbols.length < ownCount) oldZeroSymbols = new int[ownCount + 64];
        int oldZeros = 0;
        if (zeroSymbols.length < sSym) zeroSymbols = new int[sSym + 64];
        int zeros = 0;
        for (int x = 0; x < sSym; x++) if (S.symScope[x] == 0) zeroSymbols[zeros++] = x;
        int q = 0, kept = 0;
        for (int old = sy0; old < sy1; old++) {
            if (T.symScope[old] != 0) { ownMap[old - sy0] = -1; continue; }
            oldZeroSymbols[oldZeros++] = old;
            if (q >= zeros) return false;
            int now = sy0 + zeroSymbols[q++];
            ownMap[old - sy0] = now;
            int decl = T.symDecl[old];
            if (decl > oldLast) { // a later statement's declaration won the symbol (a function over a var)
                if (kept == keptSymbol.length) {
                    keptSymbol = Arrays.copyOf(keptSymbol, kept * 2);
                    keptKind = Arrays.copyOf(keptKind, kept * 2);
                    keptDecl = Arrays.copyOf(keptDecl, kept * 2);
                    keptDeclaring = Arrays.copyOf(keptDeclaring, kept * 2);
                }
                keptSymbol[kept] = now;
                keptKind[kept] = T.symKind[old];
                keptDecl[kept] = decl + dn;
                int owner = T.symDeclaring[old];
                keptDeclaring[kept] = owner > oldLast ? owner + dn : owner;
                kept++;
            } else if (decl >= 0 && decl < lo) {
                return false;
            }
        }
        if (q != zeros) return false;
        // old top-scope entries of the statement: their final flags and symbol (later statements add to them)
        int zeroEntries = 0;
        for (int e = en0; e < en1; e++) {
            if (T.entryScope[e] != 0) continue;
            if (zeroEntries == entryFinalFlags.length) {
                entryFinalFlags = Arrays.copyOf(entryFinalFlags, zeroEntries * 2);
                entryFinalSymbol = Arrays.copyOf(entryFinalSymbol, zeroEntries * 2);
            }
            entryFinalFlags[zeroEntries] = T.entryFlags[e];
            entryFinalSymbol[zeroEntries] = T.entrySymbol[e];
            zeroEntries++;
        }
        // the old statement's symbol of each such entry at its end, from its footprint
        int entriesAt = 0;
        if (!nested) {
            int symbolsAtEnd = T.foot[ft0];
            entriesAt = ft0 + 1 + symbolsAtEnd;
            if (T.foot[entriesAt] != zeroEntries) return false;
        } else if (zeroEntries != 0 || oldZeros != 0) {
            return false;
        }

        // the columns, each moved and filled by a method of its own (see spliceScopes)
        spliceScopes(T, S, nested, root, dn, oldLast, sScopes, sc0, sc1, dSc, scope0, sy0, en0, rf0, rp0, exportsBefore, dSym, dEnt, dRef, dRep, dExp);
        spliceSymbols(T, S, dn, oldLast, sSym, sy0, sy1, dSym, oldWalkSymbols, sc0, sc1, dSc, scope0, kept);
        if (!spliceEntries(T, S, en0, en1, dEnt, oldWalkEntries, sEnt, sy0, sy1, dSym, oldWalkSymbols, sc0, sc1, dSc, scope0, entriesAt, oldZeros)) return false;
        spliceReferences(T, S, nested, dn, oldLast, sRef, rf0, rf1, dRef, sc0, sc1, dSc, scope0);

        // the node column: symbols of the nodes outside renumbered, old implicit globals marked (<= -2)
        int[] ns = T.nodeSymbol;
        boolean sameIds = dSym == 0;
        for (int x = 0; x < ownCount && sameIds; x++) sameIds = ownMap[x] < 0 || ownMap[x] == sy0 + x;
        if (!sameIds) { // else every id outside keeps its number (the implicit globals are renumbered below)
            remapNodes(ns, 0, insideFrom, sy0, sy1, oldWalkSymbols, dSym);
            if (keepNode >= 0) remapNodes(ns, keepNode, keepNode + 1, sy0, sy1, oldWalkSymbols, dSym);
            remapNodes(ns, lo + m, newCount, sy0, sy1, oldWalkSymbols, dSym);
        }
        for (int n = insideFrom; n < lo + m; n++) if (ns[n] >= 0 && n != keepNode) ns[n] += sy0;

        // per-statement columns
        if (!nested) {
            spliceStatements(T, S, i, k, dn, dSc, dSym, dEnt, dRef, delta, sc0, sy0, en0, rf0, rp0, rp1, ft0, ft1, ex0, ex1, le0, le1, groupFoot);
        } else {
            spliceReports(T, S, rp0, rp1, delta, movedFrom);
            for (int j = i; j <= N; j++) {
                if (T.stmtNode[j] > oldLast) T.stmtNode[j] += dn;
                if (j == i) continue;
                T.stmtScope[j] += dSc;
                T.stmtSym[j] += dSym;
                T.stmtEntry[j] += dEnt;
                T.stmtRef[j] += dRef;
                T.stmtReport[j] += dRep;
            }
            T.walkSymbols = T.symCount;
            T.walkEntries = T.entryCount;
            if (dn != 0) {
                for (int x = 0; x < T.localExportCount; x++) if (T.localExportNodes[x] > oldLast) T.localExportNodes[x] += dn;
            }
        }

        // resolve: the new references, the namespace references (their result depends on the
        // implicit globals made before them), and the implicit globals renumbered in reference order
        resolveAfterSplice(rf0, rf0 + sRef, sameIds ? oldWalkSymbols : Integer.MAX_VALUE);

        // the reports after the new part, then the export check, as a full bind logs them
        for (int r = rp0 + sReports; r < T.reportCount; r++) {
            log.report(T.reportStart[r], T.reportEnd[r], Diag.of(T.reportKind[r]), T.reportArg[r]);
        }
        if (module && !typeScript) checkExports();
        T.boundGeneration = arena.generation();
        T.referencesResolved = true;
        T.statementsRecorded = true;
        release();
        return true;
    }

    // The parts of rebindSplice that move the table's columns, each a method of its own: C1 compiled the
    // whole splice as one 5 KB method with ~3.8 MB of working memory (its register allocator's liveness
    // sets grow with blocks x values), the largest single part of an editor server's peak RSS after
    // the document (docs/memory-analysis.md, thirteenth session).

    /** Scopes: the new part's in place of [sc0, sc1), later ones renumbered. */
    private static void spliceScopes(ScopeTable T, ScopeTable S, boolean nested, int root, int dn, int oldLast, int sScopes,
            int sc0, int sc1, int dSc, int scope0, int sy0, int en0, int rf0, int rp0, int exportsBefore,
            int dSym, int dEnt, int dRef, int dRep, int dExp) {
    int oldScopes = T.scopeCount, newScopes = oldScopes + dSc;
    T.ensureScopes(newScopes);
    System.arraycopy(T.scopeKind, sc1, T.scopeKind, sc1 + dSc, oldScopes - sc1);
    System.arraycopy(T.scopeParent, sc1, T.scopeParent, sc1 + dSc, oldScopes - sc1);
    System.arraycopy(T.scopeNode, sc1, T.scopeNode, sc1 + dSc, oldScopes - sc1);
    System.arraycopy(T.scopeSymAt, sc1, T.scopeSymAt, sc1 + dSc, oldScopes - sc1);
    System.arraycopy(T.scopeEntryAt, sc1, T.scopeEntryAt, sc1 + dSc, oldScopes - sc1);
    System.arraycopy(T.scopeRefAt, sc1, T.scopeRefAt, sc1 + dSc, oldScopes - sc1);
    System.arraycopy(T.scopeReportAt, sc1, T.scopeReportAt, sc1 + dSc, oldScopes - sc1);
    System.arraycopy(T.scopeExportAt, sc1, T.scopeExportAt, sc1 + dSc, oldScopes - sc1);
    if (nested && dn != 0) {
        // the function's ancestors (and an Annex B block of the function itself) are nodes after the body
        for (int s = 1; s < sc0; s++) if (T.scopeNode[s] > oldLast) T.scopeNode[s] += dn;
    }
    for (int s = sc1 + dSc; s < newScopes; s++) {
        int p = T.scopeParent[s];
        if (p >= sc1) T.scopeParent[s] = p + dSc;
        if (T.scopeNode[s] > oldLast) T.scopeNode[s] += dn;
        T.scopeSymAt[s] += dSym;
        T.scopeEntryAt[s] += dEnt;
        T.scopeRefAt[s] += dRef;
        T.scopeReportAt[s] += dRep;
        T.scopeExportAt[s] += dExp;
    }
    for (int s = 1; s <= sScopes; s++) {
        int d = sc0 + s - 1;
        T.scopeKind[d] = S.scopeKind[s];
        int p = S.scopeParent[s];
        T.scopeParent[d] = p < 0 ? p : p == 0 ? scope0 : sc0 + p - 1;
        T.scopeNode[d] = S.scopeNode[s];
        T.scopeSymAt[d] = sy0 + S.scopeSymAt[s];
        T.scopeEntryAt[d] = en0 + S.scopeEntryAt[s];
        T.scopeRefAt[d] = rf0 + S.scopeRefAt[s];
        T.scopeReportAt[d] = rp0 + S.scopeReportAt[s];
        T.scopeExportAt[d] = exportsBefore + S.scopeExportAt[s];
    }
    T.scopeCount = newScopes;
    T.scopeNode[0] = root; // the root is the last node: it moved with the later ones
    }

    /** Symbols: the new part's in place of [sy0, sy1), later ones renumbered (the implicit globals go; they are made again). */
    private void spliceSymbols(ScopeTable T, ScopeTable S, int dn, int oldLast, int sSym, int sy0, int sy1, int dSym,
            int oldWalkSymbols, int sc0, int sc1, int dSc, int scope0, int kept) {
    int newWalkSymbols = oldWalkSymbols + dSym;
    T.ensureSymbols(newWalkSymbols);
    int suffixSymbols = oldWalkSymbols - sy1;
    System.arraycopy(T.symName, sy1, T.symName, sy1 + dSym, suffixSymbols);
    System.arraycopy(T.symKind, sy1, T.symKind, sy1 + dSym, suffixSymbols);
    System.arraycopy(T.symScope, sy1, T.symScope, sy1 + dSym, suffixSymbols);
    System.arraycopy(T.symDecl, sy1, T.symDecl, sy1 + dSym, suffixSymbols);
    System.arraycopy(T.symDeclaring, sy1, T.symDeclaring, sy1 + dSym, suffixSymbols);
    if (dn != 0) {
        for (int x = 0; x < sy0; x++) {
            if (T.symDecl[x] > oldLast) T.symDecl[x] += dn;
            if (T.symDeclaring[x] > oldLast) T.symDeclaring[x] += dn;
        }
    }
    for (int x = sy1 + dSym; x < newWalkSymbols; x++) {
        int sc = T.symScope[x];
        if (sc >= sc1) T.symScope[x] = sc + dSc;
        if (T.symDecl[x] > oldLast) T.symDecl[x] += dn;
        if (T.symDeclaring[x] > oldLast) T.symDeclaring[x] += dn;
    }
    for (int x = 0; x < sSym; x++) {
        int d = sy0 + x;
        T.symName[d] = S.symName[x];
        T.symKind[d] = S.symKind[x];
        int sc = S.symScope[x];
        T.symScope[d] = sc < 0 ? sc : sc == 0 ? scope0 : sc0 + sc - 1;
        T.symDecl[d] = S.symDecl[x];
        T.symDeclaring[d] = S.symDeclaring[x];
    }
    for (int x = 0; x < kept; x++) {
        int d = keptSymbol[x];
        T.symKind[d] = keptKind[x];
        T.symDecl[d] = keptDecl[x];
        T.symDeclaring[d] = keptDeclaring[x];
    }
    T.symCount = newWalkSymbols;
    }

    /** Entries (without the implicit globals'): the new part's in place of [en0, en1); false when a symbol cannot be matched. */
    private boolean spliceEntries(ScopeTable T, ScopeTable S, int en0, int en1, int dEnt, int oldWalkEntries, int sEnt,
            int sy0, int sy1, int dSym, int oldWalkSymbols, int sc0, int sc1, int dSc, int scope0, int entriesAt, int oldZeros) {
    int newWalkEntries = oldWalkEntries + dEnt;
    T.ensureEntries(newWalkEntries);
    int suffixEntries = oldWalkEntries - en1;
    System.arraycopy(T.entryScope, en1, T.entryScope, en1 + dEnt, suffixEntries);
    System.arraycopy(T.entryName, en1, T.entryName, en1 + dEnt, suffixEntries);
    System.arraycopy(T.entryFlags, en1, T.entryFlags, en1 + dEnt, suffixEntries);
    System.arraycopy(T.entrySymbol, en1, T.entrySymbol, en1 + dEnt, suffixEntries);
    for (int e = 0; e < en0; e++) T.entrySymbol[e] = mapSymbol(T.entrySymbol[e], sy0, sy1, oldWalkSymbols, dSym);
    for (int e = en1 + dEnt; e < newWalkEntries; e++) {
        int sc = T.entryScope[e];
        if (sc >= sc1) T.entryScope[e] = sc + dSc;
        T.entrySymbol[e] = mapSymbol(T.entrySymbol[e], sy0, sy1, oldWalkSymbols, dSym);
    }
    int zeroAt = 0;
    for (int x = 0; x < sEnt; x++) {
        int d = en0 + x;
        int sc = S.entryScope[x];
        T.entryScope[d] = sc < 0 ? sc : sc == 0 ? scope0 : sc0 + sc - 1;
        T.entryName[d] = S.entryName[x];
        int sym = S.entrySymbol[x];
        T.entryFlags[d] = S.entryFlags[x];
        T.entrySymbol[d] = sym < 0 ? sym : sy0 + sym;
        if (sc == 0) {
            // flags and symbol as the whole file left them: later statements may have added to them
            T.entryFlags[d] = entryFinalFlags[zeroAt];
            int ordinalAtEnd = T.foot[entriesAt + 1 + 3 * zeroAt + 2];
            int finalSymbol = entryFinalSymbol[zeroAt];
            int atEnd = ordinalAtEnd < 0 || ordinalAtEnd >= oldZeros ? -1 : oldZeroSymbols[ordinalAtEnd];
            if (atEnd < 0) return false;
            if (finalSymbol != atEnd) T.entrySymbol[d] = mapSymbol(finalSymbol, sy0, sy1, oldWalkSymbols, dSym);
            zeroAt++;
        }
    }
    T.entryCount = newWalkEntries;
    T.rehashAll();
        return true;
    }

    /** References: the new part's in place of [rf0, rf1), later ones moved. */
    private static void spliceReferences(ScopeTable T, ScopeTable S, boolean nested, int dn, int oldLast, int sRef,
            int rf0, int rf1, int dRef, int sc0, int sc1, int dSc, int scope0) {
    int oldRefs = T.refCount, newRefs = oldRefs + dRef;
    T.ensureReferences(newRefs);
    System.arraycopy(T.refNode, rf1, T.refNode, rf1 + dRef, oldRefs - rf1);
    System.arraycopy(T.refScope, rf1, T.refScope, rf1 + dRef, oldRefs - rf1);
    System.arraycopy(T.refFlags, rf1, T.refFlags, rf1 + dRef, oldRefs - rf1);
    for (int r = rf1 + dRef; r < newRefs; r++) {
        if (T.refNode[r] > oldLast) T.refNode[r] += dn;
        int sc = T.refScope[r];
        if (sc >= sc1) T.refScope[r] = sc + dSc;
    }
    if (nested && dn != 0) for (int r = 0; r < rf0; r++) if (T.refNode[r] > oldLast) T.refNode[r] += dn;
    for (int r = 0; r < sRef; r++) {
        int d = rf0 + r;
        T.refNode[d] = S.refNode[r];
        int sc = S.refScope[r];
        T.refScope[d] = sc < 0 ? sc : sc == 0 ? scope0 : sc0 + sc - 1;
        T.refFlags[d] = S.refFlags[r];
    }
    T.refCount = newRefs;
    }

    private static boolean sameInts(int[] x, int xFrom, int xTo, int[] y, int yFrom, int yTo) {
        if (xTo - xFrom != yTo - yFrom) return false;
        for (int i = 0; i < xTo - xFrom; i++) if (x[xFrom + i] != y[yFrom + i]) return false;
        return true;
    }

    /** An old symbol id as the spliced table numbers it; an old implicit global becomes -2 - its index among them. */
    private int mapSymbol(int v, int sy0, int sy1, int oldWalkSymbols, int dSym) {
        if (v < sy0) return v;
        if (v < sy1) return ownMap[v - sy0];
        if (v < oldWalkSymbols) return v + dSym;
        return -2 - (v - oldWalkSymbols);
    }

    private void remapNodes(int[] ns, int from, int to, int sy0, int sy1, int oldWalkSymbols, int dSym) {
        int[] own = ownMap;
        for (int n = from; n < to; n++) {
            int v = ns[n];
            if (v < sy0) continue;
            ns[n] = v < sy1 ? own[v - sy0] : v < oldWalkSymbols ? v + dSym : -2 - (v - oldWalkSymbols);
        }
    }

    /** Puts the scratch walk's reports in place of [rp0, rp1); later ones' offsets from {@code movedFrom} on move by delta. */
    private static void spliceReports(ScopeTable T, ScopeTable S, int rp0, int rp1, int delta, int movedFrom) {
        int sReports = S.reportCount, dRep = sReports - (rp1 - rp0);
        int oldReports = T.reportCount;
        int newReports = oldReports + dRep;
        T.reportStart = ScopeTable.grow(T.reportStart, newReports);
        T.reportEnd = ScopeTable.grow(T.reportEnd, newReports);
        T.reportKind = ScopeTable.grow(T.reportKind, newReports);
        T.reportArg = ScopeTable.grow(T.reportArg, newReports);
        System.arraycopy(T.reportStart, rp1, T.reportStart, rp1 + dRep, oldReports - rp1);
        System.arraycopy(T.reportEnd, rp1, T.reportEnd, rp1 + dRep, oldReports - rp1);
        System.arraycopy(T.reportKind, rp1, T.reportKind, rp1 + dRep, oldReports - rp1);
        System.arraycopy(T.reportArg, rp1, T.reportArg, rp1 + dRep, oldReports - rp1);
        for (int r = rp1 + dRep; r < newReports; r++) {
            if (T.reportStart[r] >= movedFrom) T.reportStart[r] += delta;
            if (T.reportEnd[r] >= movedFrom) T.reportEnd[r] += delta;
        }
        System.arraycopy(S.reportStart, 0, T.reportStart, rp0, sReports);
        System.arraycopy(S.reportEnd, 0, T.reportEnd, rp0, sReports);
        System.arraycopy(S.reportKind, 0, T.reportKind, rp0, sReports);
        System.arraycopy(S.reportArg, 0, T.reportArg, rp0, sReports);
        T.reportCount = newReports;
    }

    private void spliceStatements(ScopeTable T, ScopeTable S, int i, int k, int dn, int dSc, int dSym, int dEnt, int dRef, int delta,
            int sc0, int sy0, int en0, int rf0, int rp0, int rp1, int ft0, int ft1, int ex0, int ex1, int le0, int le1, int groupFoot) {
        // the columns of data per statement: reports, footprints, exports, local exports
        spliceReports(T, S, rp0, rp1, delta, Integer.MIN_VALUE);
        int dRep = S.reportCount - (rp1 - rp0);

        int sFoot = groupFoot, dFoot = sFoot - (ft1 - ft0);
        T.foot = ScopeTable.grow(T.foot, T.footCount + dFoot);
        System.arraycopy(T.foot, ft1, T.foot, ft1 + dFoot, T.footCount - ft1);
        System.arraycopy(S.foot, 0, T.foot, ft0, sFoot);
        T.footCount += dFoot;

        int sExports = S.exportCount, dExp = sExports - (ex1 - ex0);
        T.exportNames = ScopeTable.grow(T.exportNames, T.exportCount + dExp);
        System.arraycopy(T.exportNames, ex1, T.exportNames, ex1 + dExp, T.exportCount - ex1);
        System.arraycopy(S.exportNames, 0, T.exportNames, ex0, sExports);
        T.exportCount += dExp;

        int sLocals = S.localExportCount, dLoc = sLocals - (le1 - le0);
        T.localExportNodes = ScopeTable.grow(T.localExportNodes, T.localExportCount + dLoc);
        System.arraycopy(T.localExportNodes, le1, T.localExportNodes, le1 + dLoc, T.localExportCount - le1);
        for (int x = le1 + dLoc; x < T.localExportCount + dLoc; x++) T.localExportNodes[x] += dn;
        System.arraycopy(S.localExportNodes, 0, T.localExportNodes, le0, sLocals);
        T.localExportCount += dLoc;

        // the statements: i replaced by k, the later ones (and the totals) moved
        int N = T.statementCount, newN = N - 1 + k;
        int oldLen = N + 1, newLen = newN + 1;
        int tail = oldLen - (i + 1);
        int[][] cols = {T.stmtNode, T.stmtScope, T.stmtSym, T.stmtEntry, T.stmtRef, T.stmtReport, T.stmtFoot, T.stmtExport,
            T.stmtLocal, T.stmtTouched};
        for (int c = 0; c < cols.length; c++) {
            int[] col = ScopeTable.grow(cols[c], newLen + 1);
            System.arraycopy(col, i + 1, col, i + k, tail);
            cols[c] = col;
        }
        T.stmtNode = cols[0]; T.stmtScope = cols[1]; T.stmtSym = cols[2]; T.stmtEntry = cols[3]; T.stmtRef = cols[4];
        T.stmtReport = cols[5]; T.stmtFoot = cols[6]; T.stmtExport = cols[7]; T.stmtLocal = cols[8]; T.stmtTouched = cols[9];
        for (int j = i + k; j < newLen; j++) {
            if (T.stmtNode[j] >= 0) T.stmtNode[j] += dn;
            T.stmtScope[j] += dSc;
            T.stmtSym[j] += dSym;
            T.stmtEntry[j] += dEnt;
            T.stmtRef[j] += dRef;
            T.stmtReport[j] += dRep;
            T.stmtFoot[j] += dFoot;
            T.stmtExport[j] += dExp;
            T.stmtLocal[j] += dLoc;
        }
        for (int j = 0; j < k; j++) {
            int d = i + j;
            T.stmtNode[d] = S.stmtNode[j];
            T.stmtScope[d] = sc0 + S.stmtScope[j] - 1;
            T.stmtSym[d] = sy0 + S.stmtSym[j];
            T.stmtEntry[d] = en0 + S.stmtEntry[j];
            T.stmtRef[d] = rf0 + S.stmtRef[j];
            T.stmtReport[d] = rp0 + S.stmtReport[j];
            T.stmtFoot[d] = ft0 + S.stmtFoot[j];
            T.stmtExport[d] = ex0 + S.stmtExport[j];
            T.stmtLocal[d] = le0 + S.stmtLocal[j];
            T.stmtTouched[d] = S.stmtTouched[j];
        }
        T.statementCount = newN;
        T.walkSymbols = T.symCount;
        T.walkEntries = T.entryCount;
    }

    /**
     * Resolves references [{@code from}, {@code to}) (the new statements') and renumbers the implicit
     * globals: walking all references in order, each that a full bind would have given an implicit
     * global gets the one of its name and space, made at its first use. A namespace reference is
     * resolved again wherever it is: it finds an implicit global made before it first. Outside
     * the new statements, a reference held an old implicit global when its symbol is at most -2
     * ({@link #remapNodes}) or, when the ids were not remapped, at least {@code oldGlobals}.
     */
    private void resolveAfterSplice(int from, int to, int oldGlobals) {
        if (++globalPass == Integer.MAX_VALUE) {
            for (int s = 0; s < 3; s++) Arrays.fill(globalStamp[s], 0);
            globalPass = 1;
        }
        int nameCount = names.size();
        for (int s = 0; s < 3; s++) {
            if (globalStamp[s].length < nameCount) {
                globalStamp[s] = Arrays.copyOf(globalStamp[s], nameCount + (nameCount >>> 3) + 64);
                globalId[s] = Arrays.copyOf(globalId[s], nameCount + (nameCount >>> 3) + 64);
            }
        }
        int globals = 0;
        int firstGlobal = t.symCount;
        int[] nodeSymbol = t.nodeSymbol;
        for (int r = 0; r < t.refCount; r++) {
            int node = t.refNode[r];
            int flags = t.refFlags[r];
            // most references keep their symbol: decided without reading the node's name
            if ((flags & ScopeTable.REF_NAMESPACE) == 0 && (r < from || r >= to) && nodeSymbol[node] > -2 && nodeSymbol[node] < oldGlobals) continue;
            int name = a.data(node);
            int sym;
            if ((flags & ScopeTable.REF_NAMESPACE) != 0) {
                int scope = t.refScope[r];
                sym = lookup(scope, name, ScopeTable.NAMESPACE_SPACE);
                if (sym < 0) sym = existingGlobal(2, name);
                if (sym < 0) sym = lookup(scope, name, 0);
                if (sym < 0) sym = existingGlobal(0, name);
            } else if (r >= from && r < to) {
                int space = (flags & ScopeTable.REF_TYPE) != 0 ? ScopeTable.TYPE_SPACE : 0;
                sym = lookup(t.refScope[r], name, space);
                if (sym < 0 && predefinedBesideTopBinding(name, space)) {
                    nodeSymbol[node] = -1;
                    continue;
                }
            } else if (nodeSymbol[node] <= -2 || nodeSymbol[node] >= oldGlobals) {
                sym = -1;
            } else {
                continue;
            }
            if (sym < 0) {
                int space = (flags & ScopeTable.REF_TYPE) != 0 ? 1 : (flags & ScopeTable.REF_NAMESPACE) != 0 ? 2 : 0;
                sym = existingGlobal(space, name);
                if (sym < 0) {
                    sym = firstGlobal + globals;
                    globalStamp[space][name] = globalPass;
                    globalId[space][name] = sym;
                    if (globals == globalKeys.length) globalKeys = Arrays.copyOf(globalKeys, globals * 2);
                    globalKeys[globals++] = name | (space == 1 ? ScopeTable.TYPE_SPACE : space == 2 ? ScopeTable.NAMESPACE_SPACE : 0);
                }
            }
            nodeSymbol[node] = sym;
        }
        for (int g = 0; g < globals; g++) {
            int key = globalKeys[g];
            int sym = t.newSymbol(key & ScopeTable.NAME_MASK, SymbolKind.IMPLICIT_GLOBAL, 0, -1, -1);
            int e = t.entry(0, key);
            t.entrySymbol[e] = sym;
        }
    }

    private int existingGlobal(int space, int name) {
        return globalStamp[space][name] == globalPass ? globalId[space][name] : -1;
    }

    /** Identifier-like kinds whose data is a name id. */
    private static final class NodeKindNames {
        static boolean isNamed(int k) { return k == IDENTIFIER_NAME || k == IDENTIFIER_REFERENCE || k == BINDING_IDENTIFIER; }
    }
}
