package dev.arenals.server.query;

import static dev.arenals.parser.tree.NodeKind.*;
import static dev.arenals.server.query.SemanticTokenLegend.*;

import dev.arenals.parser.scope.ScopeKind;
import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.parser.tree.ParseLog;
import java.util.Arrays;

/**
 * The semantic tokens of one parse, in source order, as int triples (start offset, end offset,
 * type | modifiers &lt;&lt; 8) in a reusable buffer. A name with a binder symbol takes its type from
 * the symbol's kind (so a parameter is a parameter at every use); a property or member name,
 * which the binder does not resolve, takes it from its syntactic role. One instance per thread:
 * the buffers are kept between requests, so a request allocates only when a file is larger than
 * any before it.
 */
public final class SemanticTokenCollector {
    private static final ThreadLocal<SemanticTokenCollector> PER_THREAD = ThreadLocal.withInitial(SemanticTokenCollector::new);

    public static SemanticTokenCollector current() { return PER_THREAD.get(); }

    /**
     * What an imported name stands for in the file that declares it, as TypeScript colours it
     * there (a class, an interface, a const…): the workspace's answer, asked once per binding and
     * meaning. Each method gives type | modifiers &lt;&lt; 8, {@link #NOT_KNOWN} to keep this file's
     * own reading, or {@link #NO_TOKEN_HERE} when the module resolves nowhere (TypeScript, knowing
     * nothing of the name, sends no token).
     */
    public interface ImportedKinds {
        int NOT_KNOWN = -1, NO_TOKEN_HERE = -2;

        /** The import binding {@code symbol} (a named or default import), read as a type or as a value. */
        int ofBinding(int symbol, boolean typeMeaning);

        /**
         * The export {@code nameId} of the module the import {@code symbol} stands for ({@code ns.name}
         * where ns is a namespace import, or a name a module exports as {@code export * as ns}).
         */
        int ofNamespaceExport(int symbol, int nameId, boolean typeMeaning);

        /** The export {@code nameId} of the module named by the string literal {@code specifier} ({@code export { a } from "m"}). */
        int ofModuleExport(int specifier, int nameId);
    }

    /** symbolInfo: not computed yet; no token (a keyword type such as {@code number}). */
    private static final int UNKNOWN = -1, NO_TOKEN = -2;
    /** In symbolInfo only: the symbol is an implicit global whose name is a TypeScript keyword type. */
    private static final int KEYWORD_TYPE_NAME = 1 << 30;
    /**
     * In symbolInfo only: TypeScript reads the symbol as another kind than its declaration here
     * declares (a {@code const} merged with a {@code type} of its name is a type), so its name
     * there is no declaration to it.
     */
    private static final int NOT_DECLARED_AS_ITS_KIND = 1 << 29;
    private static final int MOD_SHIFT = 8;

    private Arena arena;
    private ScopeTable scopes;
    private ImportedKinds imports;
    private int[] symbolInfo = new int[256];
    /** An import binding's token where it names a type (a name both an interface and a value reads otherwise); as symbolInfo. */
    private int[] importTypeInfo = new int[256];
    /** (import symbol, export name id, meaning) to its ImportedKinds answer + 2; emptied per request, kept by the thread. */
    private final LongIntMap namespaceExports = new LongIntMap(16);
    /** (class node, member name id, static) to the member's token info; the classes whose members are in it. */
    private final LongIntMap classMembers = new LongIntMap(16);
    private final LongIntMap classesRead = new LongIntMap(8);
    /** The walk's path: stack[depth - 1] is the parent of the node being visited. */
    private int[] stack = new int[64];
    private int depth;
    /** Enum declarations on the path: names in their initialisers may be sibling members. */
    private int openEnums;
    /** Member names marked {@code @deprecated}, sorted node indices. */
    private int[] deprecatedNodes = new int[8];
    private int deprecatedCount;

    /** Where the {@code @deprecated} JSDoc comments of the file end (the first non-space after each), sorted. */
    private int[] deprecatedAnchors = new int[8];
    private int anchorCount;

    /**
     * What the top scope resolves names to, as (entry key, token info) pairs in the binder's entry
     * order, with the top scope's kind first: tokens outside an edited top-level statement depend on
     * the edit only through this (see {@link #collectTopScope}).
     */
    private int[] topScope = new int[256];
    private int topScopeLength;

    private int[] tokens = new int[3 * 1024];
    private int count;
    private boolean lastHasSymbol;

    public int count() { return count; }
    public int start(int i) { return tokens[3 * i]; }
    public int end(int i) { return tokens[3 * i + 1]; }
    public int type(int i) { return tokens[3 * i + 2] & 0xff; }
    public int modifiers(int i) { return tokens[3 * i + 2] >>> MOD_SHIFT; }

    /** The first token starting at or after {@code offset}: tokens are sorted and do not overlap. */
    public int firstAtOrAfter(int offset) {
        int lo = 0, hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens[3 * mid] < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Whether a {@code @deprecated} JSDoc comment documents what starts at {@code offset}. */
    public boolean deprecatedAnchorAt(int offset) {
        return Arrays.binarySearch(deprecatedAnchors, 0, anchorCount, offset) >= 0;
    }

    /** The deprecated anchors, sorted, into {@code out} (grown if short); returns the array. */
    public int[] copyDeprecatedAnchors(int[] out) {
        if (out == null || out.length < anchorCount + 1) out = new int[anchorCount + 8];
        out[0] = anchorCount;
        System.arraycopy(deprecatedAnchors, 0, out, 1, anchorCount);
        return out;
    }

    /**
     * Whether the top scope of the last {@code collect(…, true)} resolves every name as
     * {@code previous} (an earlier {@link #copyTopScope}) does: the same kind of scope, the same
     * keys, each to a symbol with the same token type and modifiers.
     */
    public boolean sameTopScope(int[] previous) {
        if (previous == null || previous[0] != topScopeLength) return false;
        for (int i = 0; i < topScopeLength; i++) if (previous[i + 1] != topScope[i]) return false;
        return true;
    }

    /** The top scope of the last {@code collect(…, true)}, length first, into {@code out} (grown if short). */
    public int[] copyTopScope(int[] out) {
        if (out == null || out.length < topScopeLength + 1) out = new int[topScopeLength + (topScopeLength >>> 3) + 8];
        out[0] = topScopeLength;
        System.arraycopy(topScope, 0, out, 1, topScopeLength);
        return out;
    }

    /** Collects the tokens of names that overlap [from, to); the whole file for [0, MAX_VALUE). */
    public void collect(Arena arena, ScopeTable scopes, int from, int to) {
        collect(arena, scopes, from, to, false);
    }

    /**
     * {@link #collect}, and also what the top scope resolves names to ({@link #sameTopScope}) and
     * where {@code @deprecated} comments point ({@link #deprecatedAnchorAt}).
     */
    public void collect(Arena arena, ScopeTable scopes, int from, int to, boolean topScope) {
        collect(arena, scopes, from, to, topScope, null);
    }

    /** {@link #collect(Arena, ScopeTable, int, int, boolean)}, imported names coloured as {@code imports} says (null: by this file alone). */
    public void collect(Arena arena, ScopeTable scopes, int from, int to, boolean topScope, ImportedKinds imports) {
        this.arena = arena;
        this.scopes = scopes;
        this.imports = imports;
        namespaceExports.clear();
        classMembers.clear();
        classesRead.clear();
        count = 0;
        openEnums = 0;
        deprecatedCount = 0;
        anchorCount = 0;
        topScopeLength = 0;
        lastHasSymbol = false;
        int symbols = scopes.symbolCount();
        if (symbolInfo.length < symbols) symbolInfo = new int[symbols + (symbols >>> 2)];
        Arrays.fill(symbolInfo, 0, symbols, UNKNOWN);
        if (imports != null) {
            if (importTypeInfo.length < symbols) importTypeInfo = new int[symbols + (symbols >>> 2)];
            Arrays.fill(importTypeInfo, 0, symbols, UNKNOWN);
        }
        try {
            markDeprecated();
            walk(from, to);
            if (topScope) collectTopScope();
        } finally {
            // the thread keeps this collector: it must not keep a closed document's tree reachable
            this.arena = null;
            this.scopes = null;
            this.imports = null;
        }
    }

    /** Preorder walk in source order; the stack holds the path, so a node's parent is one below it. */
    private void walk(int from, int to) {
        int root = arena.root();
        if (root < 0) return;
        int sp = 0;
        stack[sp++] = root;
        int node = arena.firstChild(root);
        while (true) {
            // skip what ends before [from, to) begins (a name ending at `from` does not overlap it)
            while (node >= 0 && (arena.end(node) < from || arena.end(node) == from && arena.start(node) < from)) node = arena.nextSibling(node);
            if (node >= 0 && arena.start(node) >= to) node = -1; // siblings are in source order
            if (node >= 0) {
                depth = sp;
                visit(node, stack[sp - 1], sp >= 2 ? stack[sp - 2] : -1);
                // TypeScript colours no name inside a JSX element but in its `{…}` expressions: `{...props}` is none
                int child = arena.kind(node) == JSX_SPREAD_ATTRIBUTE ? -1 : arena.firstChild(node);
                if (child >= 0) {
                    if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
                    if (arena.kind(node) == ENUM_DECLARATION) openEnums++;
                    stack[sp++] = node;
                    node = child;
                } else {
                    node = arena.nextSibling(node);
                }
            } else {
                if (sp == 1) return;
                int done = stack[--sp];
                if (arena.kind(done) == ENUM_DECLARATION) openEnums--;
                node = arena.nextSibling(done);
            }
        }
    }

    private void visit(int node, int parent, int grandparent) {
        switch (arena.kind(node)) {
            case IDENTIFIER_REFERENCE:
            case BINDING_IDENTIFIER:
                name(node, parent, grandparent);
                break;
            case IDENTIFIER_NAME:
            case PRIVATE_IDENTIFIER:
                member(node, parent, grandparent);
                break;
            case LABEL:
                emit(node, T_LABEL, arena.kind(parent) == LABELED ? DECLARATION : 0, false);
                break;
            case REGEX_LITERAL:
                emit(node, T_REGEXP, 0, false);
                break;
            default:
        }
    }

    /** A name the binder resolves (or declares). */
    private void name(int node, int parent, int grandparent) {
        int symbol = scopes.symbolOfNode(node);
        boolean declaration = arena.kind(node) == BINDING_IDENTIFIER;
        if (openEnums > 0 && !declaration && isSiblingEnumMember(node)) {
            // `B = A` in an enum: TypeScript reads A as the member, though the binder looks outside
            emit(node, T_ENUM_MEMBER, READONLY, true);
            return;
        }
        if (symbol < 0) {
            int pk = arena.kind(parent);
            int type = !declaration ? T_VARIABLE : isFunction(pk) ? T_FUNCTION : isClass(pk) ? T_CLASS : T_VARIABLE;
            emit(node, decorated(node, parent, grandparent) ? T_DECORATOR : type, declaration ? DECLARATION : 0, false);
            return;
        }
        int pk = arena.kind(parent);
        // TypeScript gives the names of an import clause no token: what they are is the other file's to say
        if (pk == IMPORT_SPECIFIER || pk == IMPORT_DEFAULT_SPECIFIER || pk == IMPORT_NAMESPACE_SPECIFIER) return;
        int info = symbolInfo(symbol);
        if (imports != null && (pk == TYPE_REFERENCE || pk == EXPRESSION_WITH_TYPE_ARGUMENTS) && scopes.kind(symbol) == SymbolKind.IMPORT) {
            info = importTypeInfo(symbol, info); // `implements I`, `interface J extends I` name types too
        }
        if (info == NO_TOKEN) return;
        if ((info & KEYWORD_TYPE_NAME) != 0 && pk == TYPE_REFERENCE) return; // `number`: a keyword
        int type = info & 0xff;
        int modifiers = (info >>> MOD_SHIFT) & 0xffff;
        if (declaration && (info & NOT_DECLARED_AS_ITS_KIND) == 0) modifiers |= DECLARATION;
        else modifiers &= ~DEFINITION;
        // a variable or parameter called is a function (TypeScript's reclassification of a callee)
        if (!declaration && (type == T_VARIABLE || type == T_PARAMETER) && pk == CALL && Layouts.callCallee(arena, parent) == node) {
            if (type == T_PARAMETER) modifiers &= ~LOCAL; // local is a variable declaration's, or a function declaration's
            type = T_FUNCTION;
        }
        // and a variable constructed with `new` is a class (a parameter stays one, as there), never readonly
        if (!declaration && type == T_VARIABLE && pk == NEW && Layouts.callCallee(arena, parent) == node) {
            type = T_CLASS;
            modifiers &= ~READONLY;
        }
        // the standard library declares its classes as an interface and a variable: in a type, the interface
        if (type == T_CLASS && (modifiers & DEFAULT_LIBRARY) != 0 && pk == TYPE_REFERENCE) type = T_INTERFACE;
        if (decorated(node, parent, grandparent)) type = T_DECORATOR;
        emit(node, type, modifiers, true);
    }

    private boolean isSiblingEnumMember(int node) {
        for (int i = depth - 1; i >= 0; i--) {
            if (arena.kind(stack[i]) == ENUM_DECLARATION) return SymbolIndex.isEnumMember(arena, stack[i], arena.data(node));
        }
        return false;
    }

    /** The name a decorator calls: {@code @dec}, {@code @dec()}, {@code @ns.dec}. */
    private boolean decorated(int node, int parent, int grandparent) {
        int pk = arena.kind(parent);
        if (pk == DECORATOR) return true;
        if (pk == CALL && Layouts.callCallee(arena, parent) == node) return grandparent >= 0 && arena.kind(grandparent) == DECORATOR;
        return false;
    }

    /** A property, member, enum member or specifier name: typed by where it stands. */
    private void member(int node, int parent, int grandparent) {
        int pk = arena.kind(parent);
        int data = arena.data(parent);
        int type = T_PROPERTY, modifiers = 0;
        switch (pk) {
            case MEMBER: {
                int object = Layouts.memberObject(arena, parent);
                if (object == node) return; // cannot happen for a name, kept for safety
                // what the object is, when it is a plain name: one lookup
                int objectSymbol = object >= 0 && arena.kind(object) == IDENTIFIER_REFERENCE ? scopes.symbolOfNode(object) : -1;
                int objectKind = objectSymbol >= 0 ? scopes.kind(objectSymbol) : -1;
                if (objectKind == SymbolKind.ENUM) { // `E.A` where E is an enum of this file
                    type = T_ENUM_MEMBER;
                    modifiers = READONLY;
                    break;
                }
                if (objectKind == SymbolKind.IMPORT && imports != null
                        && namespaceExport(node, objectSymbol, grandparent >= 0 && arena.kind(grandparent) == EXPRESSION_WITH_TYPE_ARGUMENTS, parent, grandparent)) {
                    return;
                }
                if (objectKind == SymbolKind.IMPLICIT_GLOBAL && (symbolInfo(objectSymbol) >>> MOD_SHIFT & DEFAULT_LIBRARY) != 0) {
                    modifiers = DEFAULT_LIBRARY; // Math.max, JSON.parse
                }
                if (object >= 0 && arena.kind(object) == THIS && thisMember(node, parent, grandparent)) return;
                if (grandparent >= 0 && arena.kind(grandparent) == DECORATOR) type = T_DECORATOR;
                else if (grandparent >= 0 && arena.kind(grandparent) == NEW && Layouts.callCallee(arena, grandparent) == parent) {
                    type = T_CLASS; // `new ns.Error()`: what `new` constructs is a class
                } else if (grandparent >= 0 && arena.kind(grandparent) == CALL && Layouts.callCallee(arena, grandparent) == parent) {
                    // an export of a module called through its namespace is a function, as TypeScript finds it
                    type = isDecoratorCall(grandparent) ? T_DECORATOR
                            : objectKind == SymbolKind.IMPORT && isNamespaceImport(objectSymbol) ? T_FUNCTION : T_METHOD;
                }
                break;
            }
            case PROPERTY:
                if (Layouts.propertyKey(arena, parent) != node) break;
                if ((data & P_METHOD) != 0) {
                    type = T_METHOD;
                } else {
                    // `key: () => …`: TypeScript's type of the property is callable, so it is a method
                    int value = Layouts.propertyValue(arena, parent);
                    if (value >= 0 && isFunction(arena.kind(value)) && (data & P_SHORTHAND) == 0) type = T_METHOD;
                    // `key: SomeClass`: constructible, so a class
                    else if (value >= 0 && (data & P_SHORTHAND) == 0 && valueIsClass(value)) type = T_CLASS;
                }
                modifiers = DECLARATION;
                if (type == T_METHOD && isAsyncFunctionValue(parent)) modifiers |= ASYNC;
                break;
            case METHOD:
                if ((data & C_CONSTRUCTOR) != 0) return; // `constructor` reads as a keyword
                type = (data & (P_GET | P_SET)) != 0 ? T_PROPERTY : T_METHOD;
                modifiers = DECLARATION | classMemberModifiers(data);
                if (isAsyncFunctionValue(parent)) modifiers |= ASYNC;
                break;
            case FIELD: {
                modifiers = DECLARATION | classMemberModifiers(data);
                int value = Layouts.fieldValue(arena, parent);
                if (isFunctionType(Layouts.fieldType(arena, parent)) || value >= 0 && isFunction(arena.kind(value))) type = T_METHOD;
                if (value >= 0 && isFunction(arena.kind(value)) && (arena.data(value) & F_ASYNC) != 0) modifiers |= ASYNC;
                break;
            }
            case PROPERTY_SIGNATURE:
                modifiers = DECLARATION | ((data & MOD_READONLY) != 0 ? READONLY : 0);
                if (isFunctionType(Layouts.fieldType(arena, parent))) type = T_METHOD; // `on?: () => void`
                break;
            case METHOD_SIGNATURE:
                type = (data & (P_GET | P_SET)) != 0 ? T_PROPERTY : T_METHOD;
                modifiers = DECLARATION;
                break;
            case ENUM_MEMBER:
                type = T_ENUM_MEMBER;
                modifiers = DECLARATION | READONLY;
                break;
            case QUALIFIED_NAME: {
                // `ns.T` in a type, ns a namespace import: what the module exports as T
                int left = Layouts.memberObject(arena, parent);
                if (imports != null && left >= 0 && arena.kind(left) == IDENTIFIER_REFERENCE) {
                    int leftSymbol = scopes.symbolOfNode(left);
                    if (leftSymbol >= 0 && scopes.kind(leftSymbol) == SymbolKind.IMPORT
                            && namespaceExport(node, leftSymbol, grandparent >= 0 && arena.kind(grandparent) == TYPE_REFERENCE, parent, grandparent)) {
                        return;
                    }
                }
                // A.B.C in a type: the last name is the type, the ones before it namespaces
                type = grandparent >= 0 && arena.kind(grandparent) == QUALIFIED_NAME ? T_NAMESPACE : T_TYPE;
                break;
            }
            case TYPE_PREDICATE:
                type = T_PARAMETER;
                break;
            case IMPORT_SPECIFIER:
                return; // no token in an import clause, as in TypeScript
            case EXPORT_SPECIFIER: {
                // both names of `export { a as b }` are what `a` is, here or in the module it is exported from
                int info = exportedInfo(parent, grandparent);
                if (info == NO_TOKEN) return;
                if (info >= 0) {
                    type = info & 0xff;
                    modifiers = (info >>> MOD_SHIFT) & 0xffff & ~(DECLARATION | DEFINITION);
                } else {
                    type = T_VARIABLE;
                }
                break;
            }
            case EXPORT_ALL:
                type = T_NAMESPACE;
                break;
            case META_PROPERTY:
            case JSX_MEMBER_EXPRESSION:
            case JSX_ATTRIBUTE:
            case IMPORT_ATTRIBUTE:
                return;
            default:
        }
        if (deprecatedCount > 0 && Arrays.binarySearch(deprecatedNodes, 0, deprecatedCount, node) >= 0) modifiers |= DEPRECATED;
        emit(node, type, modifiers, scopes.symbolOfNode(node) >= 0);
    }

    /**
     * {@code ns.name} where ns is a namespace import: emits the token the module's export gets
     * where it is declared, reclassified as TypeScript does where it is called or constructed;
     * false when the workspace does not know the export (the caller then reads the name by its place).
     */
    private boolean namespaceExport(int node, int namespace, boolean typeMeaning, int access, int accessParent) {
        int info = namespaceExportInfo(namespace, arena.data(node), typeMeaning);
        if (info < 0) return false; // NO_TOKEN_HERE cannot be: the module resolved, or ns would not name one
        int type = info & 0xff, modifiers = info >>> MOD_SHIFT;
        int ak = accessParent >= 0 ? arena.kind(accessParent) : -1;
        boolean callee = (ak == CALL || ak == NEW) && Layouts.callCallee(arena, accessParent) == access;
        if (callee && ak == CALL && type == T_VARIABLE) type = T_FUNCTION;
        if (callee && ak == CALL && type == T_PROPERTY) type = T_METHOD;
        if (callee && ak == NEW && type == T_VARIABLE) {
            type = T_CLASS;
            modifiers &= ~READONLY;
        }
        if (ak == DECORATOR || callee && ak == CALL && isDecoratorCall(accessParent)) type = T_DECORATOR;
        if (deprecatedCount > 0 && Arrays.binarySearch(deprecatedNodes, 0, deprecatedCount, node) >= 0) modifiers |= DEPRECATED;
        emit(node, type, modifiers, false);
        return true;
    }

    /** An import binding's token where it names a type; {@code valueInfo} where the workspace reads it no differently. */
    private int importTypeInfo(int symbol, int valueInfo) {
        int info = importTypeInfo[symbol];
        if (info == UNKNOWN) {
            int known = imports.ofBinding(symbol, true);
            importTypeInfo[symbol] = info = known == ImportedKinds.NOT_KNOWN ? valueInfo
                    : known == ImportedKinds.NO_TOKEN_HERE ? NO_TOKEN : known | (valueInfo >= 0 ? valueInfo & DEPRECATED << MOD_SHIFT : 0);
        }
        return info;
    }

    /**
     * {@code this.name} where {@code this} is an instance of the class around it (or the class, in
     * a static member) and the class declares that name: the member's own token (a readonly field,
     * a method, an accessor read as a property). False when the class does not declare it.
     */
    private boolean thisMember(int node, int access, int accessParent) {
        int cls = -1;
        boolean inStatic = false;
        for (int i = depth - 1; i >= 0 && cls < 0; i--) {
            int n = stack[i], k = arena.kind(n);
            if (k == CLASS_DECLARATION || k == CLASS_EXPRESSION) cls = n;
            else if (k == STATIC_BLOCK) inStatic = true;
            else if (k == METHOD || k == FIELD) inStatic = (arena.data(n) & C_STATIC) != 0;
            else if (k == FUNCTION_DECLARATION || k == FUNCTION_EXPRESSION && (i == 0 || arena.kind(stack[i - 1]) != METHOD)) return false;
        }
        if (cls < 0) return false;
        if (classesRead.putIfAbsent(cls, 1) < 0) readClassMembers(cls);
        int info = classMembers.get((long) cls << 33 | (long) arena.data(node) << 1 | (inStatic ? 1 : 0));
        if (info < 0) return false;
        int type = info & 0xff, modifiers = info >>> MOD_SHIFT;
        int ak = accessParent >= 0 ? arena.kind(accessParent) : -1;
        if (ak == CALL && Layouts.callCallee(arena, accessParent) == access && type == T_PROPERTY) type = T_METHOD;
        if (deprecatedCount > 0 && Arrays.binarySearch(deprecatedNodes, 0, deprecatedCount, node) >= 0) modifiers |= DEPRECATED;
        emit(node, type, modifiers, false);
        return true;
    }

    /** Every member a class body declares by name, and the constructor's parameter properties, into classMembers. */
    private void readClassMembers(int cls) {
        int body = Layouts.classBody(arena, cls);
        if (body < 0) return;
        for (int m = arena.firstChild(body); m >= 0; m = arena.nextSibling(m)) {
            int k = arena.kind(m);
            if (k != METHOD && k != FIELD) continue;
            int data = arena.data(m);
            if (k == METHOD && (data & C_CONSTRUCTOR) != 0) {
                int fn = Layouts.methodFunction(arena, m);
                int params = fn < 0 ? -1 : Layouts.functionParameters(arena, fn);
                for (int p = params < 0 ? -1 : arena.firstChild(params); p >= 0; p = arena.nextSibling(p)) {
                    if (arena.kind(p) != PARAMETER || (arena.data(p) & MOD_PARAMETER_PROPERTY) == 0) continue;
                    int target = Layouts.parameterTarget(arena, p);
                    if (target < 0 || arena.kind(target) != BINDING_IDENTIFIER) continue;
                    int type = isFunctionType(Layouts.parameterType(arena, p)) ? T_METHOD : T_PROPERTY;
                    putMember(cls, arena.data(target), false, type | ((arena.data(p) & MOD_READONLY) != 0 ? READONLY : 0) << MOD_SHIFT);
                }
                continue;
            }
            int key = Layouts.memberKey(arena, m);
            if (key < 0 || arena.kind(key) != IDENTIFIER_NAME && arena.kind(key) != PRIVATE_IDENTIFIER) continue;
            int type, modifiers = classMemberModifiers(data) & ~ABSTRACT;
            if (k == METHOD) {
                type = (data & (P_GET | P_SET)) != 0 ? T_PROPERTY : T_METHOD;
                if (isAsyncFunctionValue(m)) modifiers |= ASYNC;
            } else {
                int value = Layouts.fieldValue(arena, m);
                type = isFunctionType(Layouts.fieldType(arena, m)) || value >= 0 && isFunction(arena.kind(value)) ? T_METHOD : T_PROPERTY;
                if (value >= 0 && isFunction(arena.kind(value)) && (arena.data(value) & F_ASYNC) != 0) modifiers |= ASYNC;
            }
            putMember(cls, arena.data(key), (data & C_STATIC) != 0, type | (modifiers & ~STATIC) << MOD_SHIFT | ((data & C_STATIC) != 0 ? STATIC << MOD_SHIFT : 0));
        }
    }

    private void putMember(int cls, int nameId, boolean isStatic, int info) {
        classMembers.putIfAbsent((long) cls << 33 | (long) nameId << 1 | (isStatic ? 1 : 0), info);
    }

    /** A property's value TypeScript would find constructible: a name or an imported namespace's export that is a class. */
    private boolean valueIsClass(int value) {
        int k = arena.kind(value);
        if (k == IDENTIFIER_REFERENCE) {
            int symbol = scopes.symbolOfNode(value);
            return symbol >= 0 && symbolInfo(symbol) >= 0 && (symbolInfo(symbol) & 0xff) == T_CLASS;
        }
        if (k != MEMBER || imports == null) return false;
        int object = Layouts.memberObject(arena, value), property = Layouts.memberProperty(arena, value);
        if (object < 0 || property < 0 || arena.kind(object) != IDENTIFIER_REFERENCE || arena.kind(property) != IDENTIFIER_NAME) return false;
        int symbol = scopes.symbolOfNode(object);
        if (symbol < 0 || scopes.kind(symbol) != SymbolKind.IMPORT) return false;
        int info = namespaceExportInfo(symbol, arena.data(property), false);
        return info >= 0 && (info & 0xff) == T_CLASS;
    }

    /** {@link ImportedKinds#ofNamespaceExport}, asked once per request for each import, name and meaning. */
    private int namespaceExportInfo(int symbol, int nameId, boolean typeMeaning) {
        long key = (long) symbol << 33 | (long) nameId << 1 | (typeMeaning ? 1 : 0);
        int stored = namespaceExports.get(key);
        if (stored >= 0) return stored - 2;
        int info = imports.ofNamespaceExport(symbol, nameId, typeMeaning);
        namespaceExports.putIfAbsent(key, info + 2);
        return info;
    }

    /** The token info of what an export specifier exports: its local symbol's, or the source module's export's; UNKNOWN when neither is known. */
    private int exportedInfo(int specifier, int exportNamed) {
        int local = arena.firstChild(specifier);
        if (local < 0 || arena.kind(local) != IDENTIFIER_NAME) return UNKNOWN;
        int symbol = scopes.symbolOfNode(local);
        int source = exportNamed >= 0 && arena.kind(exportNamed) == EXPORT_NAMED ? Layouts.moduleSource(arena, exportNamed) : -1;
        // TypeScript's binder leaves a local export's name unresolved: the file's top scope has it (a value, else a type)
        if (symbol < 0 && source < 0 && arena.isTypeScript()) {
            symbol = scopes.symbolIn(0, arena.data(local), false);
            if (symbol < 0) symbol = scopes.symbolIn(0, arena.data(local), true);
        }
        if (symbol >= 0) return scopes.kind(symbol) == SymbolKind.IMPLICIT_GLOBAL ? UNKNOWN : symbolInfo(symbol);
        if (imports == null || source < 0 || arena.kind(source) != STRING_LITERAL) return UNKNOWN;
        int known = imports.ofModuleExport(source, arena.data(local));
        return known == ImportedKinds.NO_TOKEN_HERE ? NO_TOKEN : known < 0 ? UNKNOWN : known;
    }

    /** A symbol declared by {@code import * as ns from "m"}. */
    private boolean isNamespaceImport(int symbol) {
        int declaring = scopes.declaringNode(symbol);
        return declaring >= 0 && arena.kind(declaring) == IMPORT_NAMESPACE_SPECIFIER;
    }

    private boolean isFunctionType(int type) { return type >= 0 && arena.kind(type) == FUNCTION_TYPE; }

    /** {@code @ns.dec()}: the call three levels up is a decorator's. */
    private boolean isDecoratorCall(int call) {
        return depth >= 3 && stack[depth - 2] == call && arena.kind(stack[depth - 3]) == DECORATOR;
    }

    private int classMemberModifiers(int data) {
        int m = 0;
        if ((data & C_STATIC) != 0) m |= STATIC;
        if ((data & MOD_READONLY) != 0) m |= READONLY;
        if ((data & MOD_ABSTRACT) != 0) m |= ABSTRACT;
        return m;
    }

    private boolean isAsyncFunctionValue(int member) {
        for (int c = arena.firstChild(member); c >= 0; c = arena.nextSibling(c)) {
            if (isFunction(arena.kind(c))) return (arena.data(c) & F_ASYNC) != 0;
        }
        return false;
    }

    private void emit(int node, int type, int modifiers, boolean hasSymbol) {
        int start = arena.start(node), end = arena.end(node);
        if (start >= end) return; // a missing name in recovered syntax
        if (count > 0) {
            int last = 3 * (count - 1);
            if (start < tokens[last + 1]) {
                // two names on one span (`{ a }`, `import { a }`): the one the binder resolves wins
                if (start == tokens[last] && hasSymbol && !lastHasSymbol) {
                    tokens[last + 1] = end;
                    tokens[last + 2] = type | modifiers << MOD_SHIFT;
                    lastHasSymbol = true;
                }
                return;
            }
        }
        if (3 * count + 3 > tokens.length) tokens = Arrays.copyOf(tokens, tokens.length * 2);
        int i = 3 * count++;
        tokens[i] = start;
        tokens[i + 1] = end;
        tokens[i + 2] = type | modifiers << MOD_SHIFT;
        lastHasSymbol = hasSymbol;
    }

    /**
     * A name outside the top-level statements an edit rewrote resolves through its own statement's
     * scopes (unchanged) and then the top scope, whose entries are all that the edit can change
     * for it. Names declared nowhere resolve to an implicit global whose token depends on the name
     * only, so only declared entries count; and so the token of every name outside the rewritten
     * statements is what it was when this table is.
     */
    private void collectTopScope() {
        if (scopes.scopeCount() == 0) return;
        int n = scopes.entryCount();
        int need = 1;
        for (int e = 0; e < n; e++) if (scopes.entryScope(e) == 0 && scopes.entrySymbol(e) >= 0) need += 4;
        if (topScope.length < need) topScope = new int[need + (need >>> 2)];
        int o = 0;
        topScope[o++] = scopes.scopeKind(0);
        for (int e = 0; e < n; e++) {
            if (scopes.entryScope(e) != 0) continue;
            int symbol = scopes.entrySymbol(e);
            if (symbol < 0 || scopes.kind(symbol) == SymbolKind.IMPLICIT_GLOBAL) continue;
            int info = symbolInfo(symbol);
            topScope[o++] = scopes.entryKey(e);
            topScope[o++] = info;
            if (imports != null && scopes.kind(symbol) == SymbolKind.IMPORT) { // and where it names a type
                topScope[o++] = ~scopes.entryKey(e);
                topScope[o++] = importTypeInfo(symbol, info);
            }
        }
        topScopeLength = o;
    }

    // ---- symbols ----

    private int symbolInfo(int symbol) {
        int info = symbolInfo[symbol];
        if (info == UNKNOWN) symbolInfo[symbol] = info = computeSymbolInfo(symbol);
        return info;
    }

    private int computeSymbolInfo(int symbol) {
        int kind = scopes.kind(symbol);
        int declaring = scopes.declaringNode(symbol);
        int type, modifiers = 0;
        switch (kind) {
            case SymbolKind.CONST:
            case SymbolKind.USING:
            case SymbolKind.VAR:
            case SymbolKind.LET: {
                type = valueType(declaring);
                // TypeScript marks a const readonly unless it reads it as a class
                boolean isConst = kind == SymbolKind.CONST || kind == SymbolKind.USING;
                modifiers = (isConst && type != T_CLASS ? READONLY : 0) | (hasInitializer(declaring) ? DEFINITION : 0);
                int alias = scopes.symbolIn(scopes.scope(symbol), scopes.nameId(symbol), true);
                if (alias >= 0 && alias != symbol && scopes.kind(alias) == SymbolKind.TYPE_ALIAS) {
                    // `const a = …; type a = …`: one symbol to TypeScript, a type alias first of all, at every use
                    return T_TYPE | (isConst ? READONLY : 0) << MOD_SHIFT | NOT_DECLARED_AS_ITS_KIND;
                }
                break;
            }
            case SymbolKind.CATCH_PARAMETER:
                type = T_VARIABLE;
                break;
            case SymbolKind.PARAMETER:
                // a parameter of a function type is a function (TypeScript's reclassification by type), not local
                if (isFunctionType(parameterType(symbol, declaring))) return T_FUNCTION;
                type = T_PARAMETER;
                break;
            case SymbolKind.FUNCTION:
                type = T_FUNCTION;
                if (declaring >= 0 && isFunction(arena.kind(declaring))) {
                    if ((arena.data(declaring) & F_ASYNC) != 0) modifiers |= ASYNC;
                    if (hasChild(declaring, FUNCTION_BODY)) modifiers |= DEFINITION;
                }
                break;
            case SymbolKind.CLASS:
                type = T_CLASS;
                modifiers = DEFINITION;
                if (declaring >= 0 && isClass(arena.kind(declaring)) && (arena.data(declaring) & MOD_ABSTRACT) != 0) modifiers |= ABSTRACT;
                break;
            case SymbolKind.IMPORT: {
                int known = imports == null ? ImportedKinds.NOT_KNOWN : imports.ofBinding(symbol, false);
                if (known == ImportedKinds.NO_TOKEN_HERE) return NO_TOKEN;
                if (known >= 0) return known; // imports stand at a file's or namespace's top: never local
                type = importType(declaring);
                modifiers = READONLY;
                break;
            }
            case SymbolKind.INTERFACE: {
                int value = scopes.symbolIn(scopes.scope(symbol), scopes.nameId(symbol), false);
                // an interface merged with a class is the class to TypeScript
                if (value >= 0 && scopes.kind(value) == SymbolKind.CLASS) return T_CLASS | NOT_DECLARED_AS_ITS_KIND;
                type = T_INTERFACE;
                modifiers = DEFINITION;
                break;
            }
            case SymbolKind.TYPE_ALIAS: {
                type = T_TYPE;
                modifiers = DEFINITION;
                int value = scopes.symbolIn(scopes.scope(symbol), scopes.nameId(symbol), false);
                if (value >= 0 && (scopes.kind(value) == SymbolKind.CONST || scopes.kind(value) == SymbolKind.USING)) modifiers |= READONLY;
                break;
            }
            case SymbolKind.ENUM:
                type = T_ENUM;
                modifiers = DEFINITION;
                break;
            case SymbolKind.NAMESPACE: {
                // merged with a class, enum or alias it is that; with an interface declared first, or a function, those
                int scope = scopes.scope(symbol), name = scopes.nameId(symbol);
                int typed = scopes.symbolIn(scope, name, true);
                if (typed >= 0 && typed != symbol) {
                    int k = scopes.kind(typed);
                    if (k == SymbolKind.CLASS) return T_CLASS | NOT_DECLARED_AS_ITS_KIND;
                    if (k == SymbolKind.ENUM) return T_ENUM | NOT_DECLARED_AS_ITS_KIND;
                    if (k == SymbolKind.TYPE_ALIAS) return T_TYPE | NOT_DECLARED_AS_ITS_KIND;
                    if (k == SymbolKind.INTERFACE && declaredBefore(typed, symbol)) return T_INTERFACE | NOT_DECLARED_AS_ITS_KIND;
                }
                int value = scopes.symbolIn(scope, name, false);
                if (value >= 0 && value != symbol && scopes.kind(value) == SymbolKind.FUNCTION) return T_FUNCTION | NOT_DECLARED_AS_ITS_KIND;
                type = T_NAMESPACE;
                modifiers = DEFINITION;
                break;
            }
            case SymbolKind.TYPE_PARAMETER:
                type = T_TYPE_PARAMETER;
                break;
            case SymbolKind.IMPLICIT_GLOBAL: {
                int name = scopes.nameId(symbol);
                // TypeScript gives these no token: `undefined` has no declaration, NaN and Infinity it leaves out
                if (arena.names().equals(name, "undefined") || arena.names().equals(name, "NaN") || arena.names().equals(name, "Infinity")) {
                    return NO_TOKEN;
                }
                int known = WellKnownGlobals.typeOf(arena.names(), name);
                int info = known >= 0 ? known | DEFAULT_LIBRARY << MOD_SHIFT : T_VARIABLE;
                if (arena.isTypeScript() && WellKnownGlobals.isPredefinedType(arena.names(), name)) info |= KEYWORD_TYPE_NAME;
                return info;
            }
            default:
                type = T_VARIABLE;
        }
        int scopeKind = scopes.scopeKind(scopes.scope(symbol));
        if (scopeKind != ScopeKind.SCRIPT && scopeKind != ScopeKind.MODULE && scopeKind != ScopeKind.NAMESPACE) modifiers |= LOCAL;
        return type | modifiers << MOD_SHIFT;
    }

    /** An import's kind is not known without the other file: a namespace import is a namespace, the rest variables. */
    private int importType(int declaring) {
        if (declaring < 0) return T_VARIABLE;
        int k = arena.kind(declaring);
        if (k == IMPORT_NAMESPACE_SPECIFIER) return T_NAMESPACE;
        if (k == IMPORT_EQUALS) return T_NAMESPACE; // import x = require("m") / import x = N.M
        return T_VARIABLE;
    }

    /**
     * What a variable is by its declarator, as TypeScript's type makes it: a function when declared
     * with a function type or, without a type or with a named one, initialized with a function; a
     * class when declared with a constructor type or so initialized with a class expression; else a
     * variable.
     */
    private int valueType(int declarator) {
        if (declarator < 0 || arena.kind(declarator) != VARIABLE_DECLARATOR) return T_VARIABLE;
        int declared = Layouts.declaratorType(arena, declarator);
        if (isFunctionType(declared)) return T_FUNCTION;
        if (declared >= 0 && arena.kind(declared) == CONSTRUCTOR_TYPE) return T_CLASS; // `const E: new () => Err = …`
        // `declare var Array: ArrayConstructor`, `const ZodType: $constructor<ZodType>`: the library's way to declare a class
        if (declared >= 0 && arena.kind(declared) == TYPE_REFERENCE && namesAConstructor(declared)) return T_CLASS;
        // a named type holding the function it is initialized with is most likely a function type (`const f: Handler = () => …`)
        if (declared >= 0 && arena.kind(declared) != TYPE_REFERENCE) return T_VARIABLE;
        int init = Layouts.declaratorInit(arena, declarator);
        while (init >= 0 && arena.kind(init) == PARENTHESIZED) init = arena.firstChild(init);
        // `… as (x: T) => U`: asserted to be a function
        if (init >= 0 && arena.kind(init) == AS_EXPRESSION && declared < 0 && isFunctionType(arena.nextSibling(arena.firstChild(init)))) return T_FUNCTION;
        if (init < 0 || Layouts.declaratorTarget(arena, declarator) < 0
                || arena.kind(Layouts.declaratorTarget(arena, declarator)) != BINDING_IDENTIFIER) return T_VARIABLE;
        int k = arena.kind(init);
        return k == FUNCTION_EXPRESSION || k == ARROW_FUNCTION ? T_FUNCTION : k == CLASS_EXPRESSION ? T_CLASS : T_VARIABLE;
    }

    /** A type reference whose (last) name ends in "constructor" or "Constructor". */
    private boolean namesAConstructor(int typeReference) {
        int name = arena.firstChild(typeReference);
        if (name >= 0 && arena.kind(name) == QUALIFIED_NAME) name = Layouts.memberProperty(arena, name);
        if (name < 0) return false;
        int length = arena.end(name) - arena.start(name);
        if (length < 11) return false;
        char[] src = arena.source();
        int from = arena.end(name) - 11;
        if (src[from] != 'c' && src[from] != 'C') return false;
        for (int i = 1; i < 11; i++) if (src[from + i] != "constructor".charAt(i)) return false;
        return true;
    }

    private boolean declaredBefore(int symbol, int other) {
        int a = scopes.declarationNode(symbol), b = scopes.declarationNode(other);
        return a >= 0 && b >= 0 && arena.start(a) < arena.start(b);
    }

    /** The type annotation of the parameter that declares {@code symbol} by name (not in a pattern), or -1. */
    private int parameterType(int symbol, int declaring) {
        if (declaring < 0 || arena.kind(declaring) != PARAMETER) return -1;
        if (Layouts.parameterTarget(arena, declaring) != scopes.declarationNode(symbol)) return -1;
        return Layouts.parameterType(arena, declaring);
    }

    private boolean hasInitializer(int declarator) {
        if (declarator < 0 || arena.kind(declarator) != VARIABLE_DECLARATOR) return false;
        return Layouts.declaratorInit(arena, declarator) >= 0;
    }

    private boolean hasChild(int node, int kind) {
        for (int c = arena.firstChild(node); c >= 0; c = arena.nextSibling(c)) if (arena.kind(c) == kind) return true;
        return false;
    }

    // ---- @deprecated ----

    /**
     * Finds JSDoc comments with a {@code @deprecated} tag and marks what each documents: the symbols
     * a declaration right after it declares, or the member name of a member right after it. Costs a
     * second walk only in files that have such a comment.
     */
    private void markDeprecated() {
        ParseLog log = arena.log();
        char[] src = arena.source();
        for (int i = 0, n = log.commentCount(); i < n; i++) {
            int start = log.commentStart(i), end = log.commentEnd(i);
            if (end - start < 16 || src[start + 1] != '*' || src[start + 2] != '*' || !contains(src, start, end, "@deprecated")) continue;
            int anchor = end;
            while (anchor < arena.sourceLength() && Character.isWhitespace(src[anchor])) anchor++;
            if (anchorCount == deprecatedAnchors.length) deprecatedAnchors = Arrays.copyOf(deprecatedAnchors, anchorCount * 2);
            deprecatedAnchors[anchorCount++] = anchor;
        }
        if (anchorCount == 0) return;
        Arrays.sort(deprecatedAnchors, 0, anchorCount); // comments are in order; sorted all the same, to be safe
        markNodesAtAnchors();
        Arrays.sort(deprecatedNodes, 0, deprecatedCount);
    }

    /**
     * Marks every node that starts at an anchor, visiting only the subtrees that hold one: a
     * preorder walk that skips a subtree ending before the next anchor, so the cost is the paths to
     * the anchors and their siblings, not the tree.
     */
    private void markNodesAtAnchors() {
        int root = arena.root();
        if (root < 0) return;
        int next = 0; // the first anchor not yet passed
        int sp = 0;
        stack[sp++] = root;
        int node = arena.firstChild(root);
        while (true) {
            if (node >= 0) {
                int start = arena.start(node), end = arena.end(node);
                while (next < anchorCount && deprecatedAnchors[next] < start) next++;
                if (next == anchorCount) return;
                int anchor = deprecatedAnchors[next];
                if (anchor > end) { // nothing in this subtree starts at an anchor
                    node = arena.nextSibling(node);
                    continue;
                }
                if (anchor == start) markDeclaration(node);
                int child = arena.firstChild(node);
                if (child >= 0) {
                    if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
                    stack[sp++] = node;
                    node = child;
                } else {
                    node = arena.nextSibling(node);
                }
            } else {
                if (sp == 1) return;
                node = arena.nextSibling(stack[--sp]);
            }
        }
    }

    private void markDeclaration(int node) {
        int k = arena.kind(node);
        switch (k) {
            case VARIABLE_DECLARATION:
                for (int d = arena.firstChild(node); d >= 0; d = arena.nextSibling(d)) {
                    int target = Layouts.declaratorTarget(arena, d);
                    if (target >= 0 && arena.kind(target) == BINDING_IDENTIFIER) markSymbol(target);
                }
                break;
            case FUNCTION_DECLARATION: case CLASS_DECLARATION: case INTERFACE_DECLARATION: case TYPE_ALIAS:
            case ENUM_DECLARATION: case MODULE_DECLARATION: {
                int name = k == FUNCTION_DECLARATION ? Layouts.functionName(arena, node) : Layouts.declarationName(arena, node);
                if (name >= 0) markSymbol(name);
                break;
            }
            case METHOD: case FIELD: case PROPERTY: case PROPERTY_SIGNATURE: case METHOD_SIGNATURE: case ENUM_MEMBER: {
                int name = Layouts.memberKey(arena, node);
                if (name >= 0 && (arena.kind(name) == IDENTIFIER_NAME || arena.kind(name) == PRIVATE_IDENTIFIER)) {
                    if (deprecatedCount == deprecatedNodes.length) deprecatedNodes = Arrays.copyOf(deprecatedNodes, deprecatedCount * 2);
                    deprecatedNodes[deprecatedCount++] = name;
                }
                break;
            }
            default:
        }
    }

    private void markSymbol(int binding) {
        int symbol = scopes.symbolOfNode(binding);
        if (symbol < 0) return;
        int info = symbolInfo(symbol);
        if (info >= 0) symbolInfo[symbol] = info | DEPRECATED << MOD_SHIFT;
    }

    private static boolean contains(char[] src, int from, int to, String word) {
        outer:
        for (int i = from, last = to - word.length(); i <= last; i++) {
            for (int j = 0; j < word.length(); j++) if (src[i + j] != word.charAt(j)) continue outer;
            return true;
        }
        return false;
    }
}
