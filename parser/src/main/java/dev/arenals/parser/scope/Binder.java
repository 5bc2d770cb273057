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
    private int[] localExports = new int[32]; // IDENTIFIER_NAME nodes of `export { x }` without `from`
    private int localExportCount;
    private int moduleScope;
    private int nameDefault;
    private final char[] scratch = new char[8];

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
        this.a = arena;
        this.t = table;
        this.log = arena.log();
        grammarFrom = log.diagnosticCount();
        this.names = arena.names();
        this.module = arena.isModule();
        this.typeScript = arena.isTypeScript();
        table.reset(arena);
        if (++exportStamp == Integer.MAX_VALUE) {
            Arrays.fill(exportedIn, 0);
            exportStamp = 1;
        }
        localExportCount = 0;
        sp = 0;
        int root = arena.root();
        if (root < 0) return;
        "default".getChars(0, 7, scratch, 0);
        nameDefault = names.intern(scratch, 0, 7);
        if (!references) indexDeclaringNodes();
        walk(root);
        if (references) {
            resolveReferences();
            table.referencesResolved = true;
        }
        if (module && !typeScript) checkExports();
        grammarFrom = log.diagnosticCount();
        grammar.checkTree(arena);
        // a binder kept per thread must not keep the document's tree reachable
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
        int ctx = module || hasUseStrict(root) ? C_STRICT : 0;
        pushChildren(root, ctx, top, -1);
        while (sp > 0) {
            sp--;
            visit(stNode[sp], stCtx[sp], stScope[sp], stOwner[sp]);
        }
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
                    ACTS[k] = k == TYPE_PARAMETER || k == MAPPED_TYPE || k == FUNCTION_TYPE || k == CONSTRUCTOR_TYPE;
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
                if (kind != 0) declare(n, kind, scope, owner, ctx);
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

    private void visitFunction(int n, int k, int ctx, int scope) {
        int strict = ctx & C_STRICT;
        int body = -1;
        int params = -1;
        int name = -1;
        int typeParams = -1;
        int returnType = -1;
        for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
            int ck = a.kind(c);
            if (ck == BINDING_IDENTIFIER && params < 0) name = c;
            else if (ck == TYPE_PARAMETERS) typeParams = c;
            else if (ck == FORMAL_PARAMETERS) params = c;
            else if (params >= 0 && body < 0 && ck != FUNCTION_BODY && (NodeKind.isType(ck))) returnType = c;
            else body = c;
        }
        int outer = scope;
        if (name >= 0) {
            if (k == FUNCTION_DECLARATION) {
                declare(name, SymbolKind.FUNCTION, scope, n, ctx);
            } else {
                outer = t.newScope(ScopeKind.FUNCTION_NAME, scope, n);
                declare(name, SymbolKind.FUNCTION, outer, n, ctx);
            }
        }
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
                if (!fromClause && local >= 0 && a.kind(local) == IDENTIFIER_NAME) {
                    if (localExportCount == localExports.length) localExports = Arrays.copyOf(localExports, localExportCount * 2);
                    localExports[localExportCount++] = local;
                }
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
        if (exportedIn[name] == exportStamp) {
            log.report(s, e, Diag.DUPLICATE_EXPORT, name);
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
                    log.report(a.start(node), a.end(node), Diag.REDECLARED, name);
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
        log.report(a.start(node), a.end(node), Diag.REDECLARED, name);
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

    private int lookup(int scope, int name, int space) {
        for (int x = scope; x >= 0; x = t.scopeParent[x]) {
            int e = t.findEntry(x, name | space);
            if (e >= 0 && t.entrySymbol[e] >= 0) return t.entrySymbol[e];
        }
        return -1;
    }

    private void checkExports() {
        for (int i = 0; i < localExportCount; i++) {
            int node = localExports[i];
            int name = a.data(node);
            int e = t.findEntry(moduleScope, name);
            if (e < 0 || t.entrySymbol[e] < 0 || t.symKind[t.entrySymbol[e]] == SymbolKind.IMPLICIT_GLOBAL) {
                log.report(a.start(node), a.end(node), Diag.EXPORT_UNDECLARED, name);
            } else {
                t.nodeSymbol[node] = t.entrySymbol[e];
            }
        }
    }

    /** Identifier-like kinds whose data is a name id. */
    private static final class NodeKindNames {
        static boolean isNamed(int k) { return k == IDENTIFIER_NAME || k == IDENTIFIER_REFERENCE || k == BINDING_IDENTIFIER; }
    }
}
