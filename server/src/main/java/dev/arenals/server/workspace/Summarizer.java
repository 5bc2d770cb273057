package dev.arenals.server.workspace;

import static dev.arenals.parser.tree.NodeKind.*;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Interner;
import com.google.common.collect.Interners;
import dev.arenals.parser.LineStarts;
import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.parser.tree.ParseLog;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.query.Callables;
import dev.arenals.server.query.ClassHierarchy;
import dev.arenals.server.query.CommonJs;
import dev.arenals.server.query.JsDocMentions;
import dev.arenals.server.query.TreePaths;
import dev.arenals.server.workspace.FileSummary.AmbientModule;
import dev.arenals.server.workspace.FileSummary.Declaration;
import dev.arenals.server.workspace.FileSummary.Import;
import dev.arenals.server.workspace.FileSummary.Kind;
import dev.arenals.server.workspace.FileSummary.Signature;
import dev.arenals.server.workspace.FileSummary.Span;
import java.nio.file.Path;

/**
 * Arena → {@link FileSummary}: one pass over the program's top-level statements (and the binding
 * names of top-level variable declarations), without the binder. Runs on the thread that owns the
 * arena: an indexing worker right after its parse, or an open document's queue after each parse.
 * Only what the summary keeps is allocated (its names, specifiers and records).
 */
public final class Summarizer {
    private final Arena arena;
    private final char[] text;
    private final LineStarts lines;
    private final PositionEncoding encoding;
    /** Offset up to which {@link #lines} is built, or -1 when it is complete already. */
    private int linesUpTo;

    /**
     * The summary's rows, written as they are found (no record per declaration, export, import or
     * member): taken from the thread in {@link #run}, handed to the summary's constructor.
     */
    private FileSummary.Writer rows;
    /** An ambient module's declarations while its body is read (they are kept as records); null outside one. */
    private ImmutableList.Builder<Declaration> ambientDeclarations;
    private ImmutableList.Builder<AmbientModule> ambientModules;
    /** The module specifiers in the order written (one per import or export statement, repeats included). */
    private String[] specifiers = NO_STRINGS;
    private int specifierCount;
    private static final String[] NO_STRINGS = new String[0];

    private Summarizer(Arena arena, char[] text, LineStarts lines, PositionEncoding encoding, boolean linesComplete) {
        this.arena = arena;
        this.text = text;
        this.lines = lines;
        this.encoding = encoding;
        this.linesUpTo = linesComplete ? -1 : 0;
        if (!linesComplete) lines.rebuild(text, arena.sourceLength(), 0);
    }

    /**
     * The summary of the tree in {@code arena}. {@code text} is the parsed text and {@code lines}
     * its line starts (up to date for it); columns are counted in {@code encoding}.
     */
    /**
     * The summary of {@code text} as the file {@code path} (its goal from the name), parsed into an
     * arena of its own: for tests and harnesses that build a workspace from texts.
     */
    public static FileSummary ofText(Path path, String text) {
        char[] chars = text.toCharArray();
        Arena arena = new Arena();
        new dev.arenals.parser.JsParser().parse(arena, chars, chars.length, dev.arenals.parser.ParseOptions.forFileName(path.toString()));
        return summarize(path, null, arena, chars, LineStarts.of(chars, chars.length, LineStarts.Terminators.LSP), PositionEncoding.UTF16);
    }

    public static FileSummary summarize(Path path, String uri, Arena arena, char[] text, LineStarts lines, PositionEncoding encoding) {
        if (arena.nodeCount() == 0 || arena.root() < 0) return FileSummary.empty(path, uri);
        return new Summarizer(arena, text, lines, encoding, true).run(path, uri);
    }

    /**
     * The same for a file whose line starts are not known: {@code scratch} is filled only as far
     * as the last name needs (the tail of a bundle without top-level names is never scanned).
     */
    public static FileSummary summarizeBuildingLines(Path path, String uri, Arena arena, char[] text, LineStarts scratch, PositionEncoding encoding) {
        return summarizeBuildingLines(path, uri, arena, text, scratch, encoding, 0);
    }

    /** The same for a file read from disk whose bytes hashed to {@code contentHash} ({@link FileSummary#contentHash}). */
    static FileSummary summarizeBuildingLines(Path path, String uri, Arena arena, char[] text, LineStarts scratch, PositionEncoding encoding,
            int contentHash) {
        if (arena.nodeCount() == 0 || arena.root() < 0) return FileSummary.empty(path, uri);
        Summarizer summarizer = new Summarizer(arena, text, scratch, encoding, false);
        summarizer.withUses = true;
        summarizer.contentHash = contentHash;
        return summarizer.run(path, uri);
    }

    /** CRC-32C of the file's bytes, 0 when not known. */
    private int contentHash;

    /**
     * {@link #summarize}, with each import's uses ({@link Import#uses}) as a file indexed from disk
     * keeps them. {@code arena} must hold one fresh parse (every node live).
     */
    public static FileSummary summarizeWithUses(Path path, String uri, Arena arena, char[] text, LineStarts lines, PositionEncoding encoding) {
        if (arena.nodeCount() == 0 || arena.root() < 0) return FileSummary.empty(path, uri);
        Summarizer summarizer = new Summarizer(arena, text, lines, encoding, true);
        summarizer.withUses = true;
        return summarizer.run(path, uri);
    }

    /** Whether the imports' uses are kept: files indexed from disk, parsed fresh, whose references are then answered without a parse. */
    private boolean withUses;

    /**
     * Whether require() and exports are read as imports and exports: in JavaScript files that may
     * be CommonJS (.js, .cjs, .jsx), as TypeScript reads them; a TypeScript file's are not exports.
     */
    private boolean commonJs;

    /** Whether a file of this name ({@code null}: none) may be CommonJS. */
    static boolean mayBeCommonJs(String fileName) {
        return fileName != null && (fileName.endsWith(".js") || fileName.endsWith(".cjs") || fileName.endsWith(".jsx"));
    }

    private FileSummary run(Path path, String uri) {
        // its name is read on a copy, once: the Path the index keeps holds no name offsets
        Path name = ModuleResolver.uncached(path).getFileName();
        String fileName = name == null ? null : name.toString();
        commonJs = mayBeCommonJs(fileName);
        rows = FileSummary.Writer.take();
        NameCache names = NameCache.take();
        nameIds = names.ids;
        nameStrings = names.strings;
        boolean handedOver = false;
        try {
            for (int s = arena.firstChild(arena.root()); s >= 0; s = arena.nextSibling(s)) statement(s);
            signatures();
            variableTypes();
            members(fileName != null && fileName.endsWith(".d.ts"));
            if (withUses && rows.importCount() > 0) withUses();
            for (int i = 0; i < specifierCount; i++) rows.moduleSpecifier(specifiers[i]);
            resolve(path);
            handedOver = true;
            return new FileSummary(path, uri, arena.sourceLength(), contentHash, rows, ambientModules == null ? ImmutableList.of() : ambientModules.build());
        } finally {
            if (!handedOver) rows.release();
            names.release();
        }
    }

    /**
     * Top-level declarations that may be called (functions, classes, variables bound to a
     * function or class), by name: the first declaring node of each. Null until one is seen.
     */
    private NodesByName callables;

    private void noteCallable(String name, int declaring) {
        if (callables == null) callables = new NodesByName();
        callables.add(name, declaring); // the first node of a name is the one read
    }

    /** The signatures of the exported callables, for signature help in importing files. */
    private void signatures() {
        if (callables == null) return;
        forEachExportedLocal(local -> {
            int declaring = callables.first(local);
            if (declaring >= 0) signatures(Callables.of(arena, callables.node(declaring), local, localTypes()));
        });
    }

    /** Each name this file exports of its own (re-exports aside), once, in the exports' order. */
    private void forEachExportedLocal(java.util.function.Consumer<String> action) {
        NameSet done = new NameSet();
        for (int k = 0, n = rows.exportCount(); k < n; k++) {
            String local = rows.exportLocalName(k);
            if (!rows.exportIsReexport(k) && local != null && done.add(local)) action.accept(local);
        }
    }

    /**
     * The type of each exported variable declared with one or constructed by {@code new} (its
     * annotation's text, else the constructed class with its type arguments as written), as a
     * signature named {@code name:} ({@link FileSummary#variableTypeOf}).
     */
    private void variableTypes() {
        if (typedVariables == null) return;
        forEachExportedLocal(local -> {
            int e = typedVariables.first(local);
            if (e < 0) return;
            int declarator = typedVariables.node(e);
            int type = Layouts.declaratorType(arena, declarator);
            String text = type >= 0 ? typeName(type) : constructedType(unwrapped(Layouts.declaratorInit(arena, declarator)), true);
            if (text != null) rows.signature(new Signature(local + FileSummary.VARIABLE_TYPE, ImmutableList.of(), ": " + text, false, null));
        });
    }

    private NodesByName typedVariables;

    /**
     * A type reference's alias or interface among the file's top-level declarations (the
     * containers, noted by name): one level of {@code const f: Handler}, without a scan per declaration.
     */
    private Callables.LocalTypes localTypes() {
        if (localTypes == null) localTypes = (a, reference) -> {
            if (containers == null) return -1;
            for (int e = containers.first(nameOf(reference)); e >= 0; e = containers.next(e)) {
                int node = containers.node(e);
                if (a.kind(node) == TYPE_ALIAS || a.kind(node) == INTERFACE_DECLARATION) return node;
            }
            return -1;
        };
        return localTypes;
    }

    private Callables.LocalTypes localTypes;

    private void signatures(java.util.List<Signature> found) {
        for (int i = 0, n = found.size(); i < n; i++) rows.signature(found.get(i));
    }

    // ---- members of exported containers ----

    /**
     * Top-level declarations that have members (namespaces, classes, enums, variables bound to an
     * object literal or a class expression), by name: every declaring node, as namespaces merge.
     * Null until one is seen; not filled inside {@code declare module "x"} bodies.
     */
    private NodesByName containers;
    private boolean inAmbientModule;

    /**
     * How deep containers nest in a summary ({@code a.b.c.d}), and how many members one file keeps
     * at most: of namespaces, classes, enums and objects, and apart (so that a file of many
     * interfaces does not crowd those out) of interfaces and aliased object types.
     */
    private static final int MAX_MEMBER_DEPTH = 4, MAX_MEMBERS = 4096;
    private int memberCount, shapeMemberCount;
    /** While an interface's or alias's members are read: they count against {@link #shapeMemberCount}. */
    private boolean readingShape;

    /** Counts one more member against the cap of what is being read; false when the cap is reached. */
    private boolean takeMember() {
        if (readingShape) return shapeMemberCount < MAX_MEMBERS && ++shapeMemberCount > 0;
        return memberCount < MAX_MEMBERS && ++memberCount > 0;
    }

    private void noteContainer(String name, int node) {
        if (inAmbientModule) return;
        if (containers == null) containers = new NodesByName();
        containers.add(name, node);
    }

    /**
     * The members of the containers the file exports (under their local names), and the
     * signatures of the callable ones under their qualified names. Only exported containers are
     * read: a summary keeps what other files can reach.
     */
    private void members(boolean declarationFile) {
        if (containers == null) return;
        forEachExportedLocal(local -> {
            boolean typeParametersDone = false;
            for (int e = containers.first(local); e >= 0; e = containers.next(e)) {
                containerMembers(local, containers.node(e), declarationFile, 0);
                if (!typeParametersDone) typeParametersDone = typeParameters(local, containers.node(e));
            }
        });
    }

    /**
     * A generic class's, interface's or alias's type parameters, in order, as a signature named
     * {@code Name<>} ({@link FileSummary#typeParametersOf}): an importer reading {@code box.item}
     * of {@code Box<C>} where {@code item: T} needs T's place. False when {@code node} has none.
     */
    private boolean typeParameters(String name, int node) {
        int k = arena.kind(node);
        if (!isClass(k) && k != INTERFACE_DECLARATION && k != TYPE_ALIAS) return false;
        int list = -1;
        for (int c = arena.firstChild(node), i = 0; c >= 0 && i < 3; c = arena.nextSibling(c), i++) if (arena.kind(c) == TYPE_PARAMETERS) list = c;
        if (list < 0) return false;
        ImmutableList.Builder<String> names = ImmutableList.builder();
        for (int p = arena.firstChild(list); p >= 0; p = arena.nextSibling(p)) {
            int n = arena.firstChild(p);
            if (n < 0) return false;
            names.add(nameOf(n));
        }
        rows.signature(new Signature(name + FileSummary.TYPE_PARAMETERS, names.build(), "", false, null));
        return true;
    }

    private void containerMembers(String container, int node, boolean ambient, int depth) {
        if (node < 0 || depth > MAX_MEMBER_DEPTH) return;
        boolean shape = arena.kind(node) == INTERFACE_DECLARATION || arena.kind(node) == TYPE_ALIAS;
        if ((shape ? shapeMemberCount : memberCount) >= MAX_MEMBERS) return;
        switch (arena.kind(node)) {
            case MODULE_DECLARATION: namespaceMembers(container, node, ambient, depth); break;
            case CLASS_DECLARATION: case CLASS_EXPRESSION:
                staticMembers(container, node, depth);
                instanceMembers(container + PROTOTYPE, node);
                break;
            case TYPE_ALIAS:
                if (unionMembers(container + PROTOTYPE, node, depth)) break;
                // fall through: an alias of an object type or an intersection has members of its own
            case INTERFACE_DECLARATION:
                readingShape = true;
                shapeMembers(container + PROTOTYPE, node, new NameSet(), new VisitedNodes());
                readingShape = false;
                break;
            case ENUM_DECLARATION:
                for (int m = arena.firstChild(node); m >= 0; m = arena.nextSibling(m)) {
                    if (arena.kind(m) == ENUM_MEMBER) member(container, Layouts.memberKey(arena, m), Kind.ENUM_MEMBER);
                }
                break;
            case OBJECT: objectMembers(container, node, depth); break;
            default: break;
        }
    }

    /**
     * {@code type Shape = Circle | Square}: one {@link Kind#CONSTITUENT} row per type of the union
     * (null and undefined left out), each a name the reader resolves through this file as a base's;
     * a constituent this file declares without exporting it gets its members here too, since no
     * other file can name it. Nothing when a part is not a plain type name or the alias is generic
     * (its members are then not settled: the reader answers nothing). False when the alias does not
     * name a union.
     */
    private boolean unionMembers(String container, int alias, int depth) {
        int union = Layouts.aliasedType(arena, alias);
        while (union >= 0 && arena.kind(union) == PARENTHESIZED_TYPE) union = Layouts.operand(arena, union);
        if (union < 0 || arena.kind(union) != UNION_TYPE) return false;
        for (int c = arena.firstChild(alias); c >= 0; c = arena.nextSibling(c)) if (arena.kind(c) == TYPE_PARAMETERS) return true;
        int[] names = new int[8];
        int count = 0;
        for (int t = arena.firstChild(union); t >= 0; t = arena.nextSibling(t)) {
            int part = t;
            while (arena.kind(part) == PARENTHESIZED_TYPE) part = Layouts.operand(arena, part);
            if (dev.arenals.server.query.DeclaredTypes.isNullish(arena, part)) continue;
            int name = arena.kind(part) == TYPE_REFERENCE ? Layouts.typeReferenceName(arena, part) : -1;
            if (name < 0 || arena.kind(name) != IDENTIFIER_REFERENCE || arena.nextSibling(name) >= 0) return true; // not settled: no rows
            if (count == names.length) names = java.util.Arrays.copyOf(names, count * 2);
            names[count++] = name;
        }
        for (int i = 0; i < count; i++) {
            if (!takeMember()) return true;
            memberRow(container, nameOf(names[i]), Kind.CONSTITUENT, names[i], null);
        }
        for (int i = 0; i < count; i++) {
            String local = nameOf(names[i]);
            if (containers == null || exportsName(local)) continue; // an exported one is read as the export
            if (unexportedConstituents == null) unexportedConstituents = new NameSet();
            if (!unexportedConstituents.add(local)) continue; // another union has it
            for (int e = containers.first(local); e >= 0; e = containers.next(e)) containerMembers(local, containers.node(e), false, depth + 1);
        }
        return true;
    }

    /** The constituents of unions whose members {@link #unionMembers} kept though they are not exported; null until one is. */
    private NameSet unexportedConstituents;

    /** Whether this file exports a declaration of its own under its name {@code local} (a re-export aside). */
    private boolean exportsName(String local) {
        for (int k = 0, n = rows.exportCount(); k < n; k++) {
            if (!rows.exportIsReexport(k) && local.equals(rows.exportLocalName(k))) return true;
        }
        return false;
    }

    /**
     * What a namespace exports: its {@code export}ed declarations, or in an ambient namespace
     * without any {@code export}, every declaration (TypeScript exports them all). A qualified
     * name ({@code namespace A.B.C}) nests: A has B, A.B has C, the body belongs to A.B.C.
     */
    private void namespaceMembers(String container, int module, boolean ambient, int depth) {
        int name = Layouts.moduleName(arena, module);
        if (name < 0) return;
        if (arena.kind(name) == QUALIFIED_NAME) {
            container = qualifiedMembers(container, name);
            if (container == null) return;
        }
        boolean isAmbient = ambient || (arena.data(module) & MOD_DECLARE) != 0;
        int block = Layouts.moduleBody(arena, module);
        if (block < 0) return;
        boolean exportsSome = false;
        for (int st = arena.firstChild(block); st >= 0; st = arena.nextSibling(st)) if (arena.kind(st) == EXPORT_NAMED) exportsSome = true;
        for (int st = arena.firstChild(block); st >= 0; st = arena.nextSibling(st)) {
            int d;
            if (arena.kind(st) == EXPORT_NAMED) d = Layouts.exportedDeclaration(arena, st);
            else if (isAmbient && !exportsSome) d = st;
            else continue;
            if (d < 0) continue;
            int dk = arena.kind(d);
            if (dk == VARIABLE_DECLARATION) {
                Kind k = (arena.data(d) & 0xFF) == VAR_CONST ? Kind.CONSTANT : Kind.VARIABLE;
                for (int v = arena.firstChild(d); v >= 0; v = arena.nextSibling(v)) {
                    int target = Layouts.declaratorTarget(arena, v);
                    if (target < 0 || arena.kind(target) != BINDING_IDENTIFIER || !member(container, target, k)) continue;
                    String qualified = container + "." + nameOf(target);
                    int init = unwrapped(Layouts.declaratorInit(arena, v));
                    if ((init >= 0 && (isFunction(arena.kind(init)) || isClass(arena.kind(init)))) || Callables.mayBeCallableType(arena, Layouts.declaratorType(arena, v))) {
                        signatures(Callables.of(arena, v, qualified, localTypes()));
                    }
                    if (init >= 0) containerMembers(qualified, init, isAmbient, depth + 1);
                }
                continue;
            }
            Kind k;
            switch (dk) {
                case FUNCTION_DECLARATION: k = Kind.FUNCTION; break;
                case CLASS_DECLARATION: k = Kind.CLASS; break;
                case ENUM_DECLARATION: k = Kind.ENUM; break;
                case MODULE_DECLARATION: k = Kind.NAMESPACE; break;
                case INTERFACE_DECLARATION: k = Kind.INTERFACE; break;
                case TYPE_ALIAS: k = Kind.TYPE; break;
                default: continue;
            }
            int memberName = dk == MODULE_DECLARATION ? firstOfQualified(Layouts.moduleName(arena, d)) : Layouts.declarationName(arena, d);
            if (memberName < 0 || arena.kind(memberName) != BINDING_IDENTIFIER || !member(container, memberName, k)) continue;
            String qualified = container + "." + nameOf(memberName);
            if (k == Kind.FUNCTION) {
                // overloads are adjacent statements: their signatures come with the first
                if (!sameFunctionBefore(st, arena.data(memberName))) signatures(Callables.of(arena, d, qualified));
            } else if (k == Kind.CLASS) {
                signatures(Callables.of(arena, d, qualified));
            }
            if (k == Kind.CLASS || k == Kind.ENUM || k == Kind.NAMESPACE) containerMembers(qualified, d, isAmbient, depth + 1);
        }
    }

    /** Whether the statement before {@code st} declares a function named {@code nameId} too (an earlier overload). */
    private boolean sameFunctionBefore(int st, int nameId) {
        int before = TreePaths.firstInSubtree(arena, st) - 1;
        if (before < 0 || arena.nextSibling(before) != st) return false; // the previous statement ends right before st's subtree
        int f = arena.kind(before) == EXPORT_NAMED ? Layouts.exportedDeclaration(arena, before) : before;
        if (f < 0 || arena.kind(f) != FUNCTION_DECLARATION) return false;
        int n = Layouts.functionName(arena, f);
        return n >= 0 && arena.data(n) == nameId;
    }

    /** A class's static fields, accessors and methods (what {@code C.x} reaches). */
    private void staticMembers(String container, int cls, int depth) {
        int body = Layouts.classBody(arena, cls);
        NameSet methodsDone = null;
        for (int m = body < 0 ? -1 : arena.firstChild(body); m >= 0; m = arena.nextSibling(m)) {
            int mk = arena.kind(m), data = arena.data(m);
            if ((mk != METHOD && mk != FIELD) || (data & C_STATIC) == 0 || (data & (P_COMPUTED | MOD_PRIVATE)) != 0) continue;
            int key = Layouts.memberKey(arena, m);
            boolean accessor = (data & (P_GET | P_SET)) != 0 || (mk == FIELD && (data & C_ACCESSOR) != 0);
            Kind k = mk == METHOD && !accessor ? Kind.METHOD : Kind.PROPERTY;
            int type = mk == FIELD ? Layouts.fieldType(arena, m) : -1; // H.s.k of static s: E reads E's k
            String typeText = type >= 0 ? typeName(type) : mk == FIELD ? constructedType(unwrapped(Layouts.fieldValue(arena, m)), false) : null;
            if (!member(container, key, k, typeText, (data & MOD_PROTECTED) != 0)) continue;
            String name = keyName(key);
            String qualified = container + "." + name;
            if (k == Kind.METHOD) {
                if (methodsDone == null) methodsDone = new NameSet();
                if (methodsDone.add(name)) {
                    for (Signature sig : Callables.methods(arena, cls, name)) {
                        rows.signature(sig.named(qualified));
                    }
                }
            } else if (mk == FIELD) {
                int init = unwrapped(Layouts.fieldValue(arena, m));
                if (init >= 0 && isFunction(arena.kind(init))) signatures(Callables.of(arena, init, qualified));
                if (init >= 0) containerMembers(qualified, init, false, depth + 1);
            }
        }
    }

    /**
     * A set of a few names (the members of one class or interface, mostly under a dozen): a scan of
     * an array, no hash and no entry object per name; past {@link #SCANNED} names, a hash set.
     */
    private static final class NameSet {
        private static final int SCANNED = 16;
        /** Made on the first add: many sets stay empty (a class without instance members, a file without exported callables). */
        private String[] names;
        private int size;
        private java.util.HashSet<String> many;

        boolean contains(String name) {
            if (many != null) return many.contains(name);
            for (int i = 0; i < size; i++) if (names[i].equals(name)) return true;
            return false;
        }

        /** Adds {@code name}; false when it was there already. */
        boolean add(String name) {
            if (many != null) return many.add(name);
            if (contains(name)) return false;
            if (size == SCANNED) {
                many = new java.util.HashSet<>(java.util.Arrays.asList(names).subList(0, size));
                return many.add(name);
            }
            if (names == null) names = new String[4];
            else if (size == names.length) names = java.util.Arrays.copyOf(names, size * 2);
            names[size++] = name;
            return true;
        }
    }

    /**
     * Nodes noted under names, each name's in the order noted (a file's callables and containers:
     * namespaces and interfaces merge, so a name may have several): entries in arrays, each
     * name's chained, no boxed node and no list per name; the first entry of a name found by a
     * scan while there are few, by a hash index past {@link NameSet#SCANNED} (a declaration file
     * may declare thousands).
     */
    private static final class NodesByName {
        private String[] names = new String[8];
        private int[] nodes = new int[8], next = new int[8], last = new int[8];
        private int size;
        /** A name's first entry, once there are more than SCANNED entries. */
        private java.util.HashMap<String, Integer> firsts;

        void add(String name, int node) {
            int first = first(name);
            if (size == names.length) {
                names = java.util.Arrays.copyOf(names, size * 2);
                nodes = java.util.Arrays.copyOf(nodes, size * 2);
                next = java.util.Arrays.copyOf(next, size * 2);
                last = java.util.Arrays.copyOf(last, size * 2);
            }
            int e = size++;
            names[e] = name;
            nodes[e] = node;
            next[e] = -1;
            if (first >= 0) {
                next[last[first]] = e;
                last[first] = e;
                return;
            }
            last[e] = e;
            if (firsts != null) firsts.put(name, e);
            else if (size > NameSet.SCANNED) {
                firsts = new java.util.HashMap<>();
                for (int i = 0; i < size; i++) firsts.putIfAbsent(names[i], i);
            }
        }

        /** The first entry noted under {@code name}, or -1. */
        int first(String name) {
            if (firsts != null) {
                Integer e = firsts.get(name);
                return e == null ? -1 : e;
            }
            for (int i = 0; i < size; i++) if (names[i].equals(name)) return i;
            return -1;
        }

        /** The entry noted under the same name after {@code entry}, or -1. */
        int next(int entry) { return next[entry]; }

        int node(int entry) { return nodes[entry]; }
    }

    /** The nodes a walk of bases has been to (at most a few: the walks stop past 16), scanned. */
    private static final class VisitedNodes {
        private int[] nodes = new int[MAX_MEMBER_DEPTH * 4 + 1];
        private int size;

        /** Adds {@code node}; false when it was there already. */
        boolean add(int node) {
            for (int i = 0; i < size; i++) if (nodes[i] == node) return false;
            if (size == nodes.length) nodes = java.util.Arrays.copyOf(nodes, size * 2);
            nodes[size++] = node;
            return true;
        }

        int size() { return size; }
    }

    /** What instance members are kept under: "C.prototype" holds what {@code this.x} of C (and of classes extending C) reaches. */
    public static final String PROTOTYPE = ".prototype";

    /**
     * A class's instance fields, accessors, methods and constructor parameter properties, then
     * those it inherits from classes this file declares (a base declared in another file is left
     * to that file's summary), each name once: the nearest declaration.
     */
    private void instanceMembers(String container, int cls) {
        int clause = Layouts.classImplements(arena, cls);
        for (int e = clause < 0 ? -1 : arena.firstChild(clause); e >= 0; e = arena.nextSibling(e)) {
            int named = Layouts.heritageExpression(arena, e); // I or I<T>; ns.I is not followed
            if (named >= 0 && arena.kind(named) == IDENTIFIER_REFERENCE && takeMember()) memberRow(container, nameOf(named), Kind.IMPLEMENTS, named, null);
        }
        NameSet seen = new NameSet();
        VisitedNodes visited = new VisitedNodes();
        for (int c = cls; c >= 0 && visited.add(c) && visited.size() <= MAX_MEMBER_DEPTH * 4; c = baseInFile(c)) {
            int base = ClassHierarchy.extendsName(arena, c);
            if (base >= 0 && baseInFile(c) < 0 && takeMember()) { // a base declared elsewhere: the reader follows it
                memberRow(container, nameOf(base), Kind.BASE, base, null);
            }
            int body = Layouts.classBody(arena, c);
            NameSet here = new NameSet();
            for (int m = body < 0 ? -1 : arena.firstChild(body); m >= 0; m = arena.nextSibling(m)) {
                int mk = arena.kind(m), data = arena.data(m);
                if (mk == METHOD && (data & C_CONSTRUCTOR) != 0) {
                    constructorProperties(container, m, seen, here);
                    continue;
                }
                // a private member is no other file's to read (TypeScript: TS2341), nor offered there
                if ((mk != METHOD && mk != FIELD) || (data & (C_STATIC | P_COMPUTED | MOD_PRIVATE)) != 0) continue;
                int key = Layouts.memberKey(arena, m);
                String name = keyName(key);
                if (name == null || (seen.contains(name) && !here.contains(name))) continue; // overridden below
                boolean accessor = (data & (P_GET | P_SET)) != 0 || (mk == FIELD && (data & C_ACCESSOR) != 0);
                Kind k = mk == METHOD && !accessor ? Kind.METHOD : Kind.PROPERTY;
                int type = mk == FIELD ? Layouts.fieldType(arena, m) : (data & P_SET) != 0 ? -1 : Layouts.functionReturnType(arena, Layouts.methodFunction(arena, m));
                String typeText = type >= 0 || mk != FIELD ? typeName(type) : initializedType(Layouts.fieldValue(arena, m), (data & MOD_READONLY) != 0);
                if (!member(container, key, k, typeText, (data & MOD_PROTECTED) != 0)) return;
                if (seen.add(name)) here.add(name);
                if (k == Kind.METHOD && here.contains(name) && !signaturesDone(container, name)) {
                    for (Signature sig : Callables.methods(arena, c, name)) {
                        rows.signature(sig.named(container + "." + name));
                    }
                }
            }
        }
    }

    /**
     * The members of an interface or of an aliased object type ({@code type T = {…}}, and the
     * parts of {@code A & {…}}) under {@code container} ("I.prototype"), each with its declared
     * type's name: property and method signatures, then those of the interfaces and aliases of
     * this file it extends (the nearest declaration of a name wins); a base declared elsewhere is
     * kept as a {@link Kind#BASE} entry for the reader to follow through this file's imports.
     */
    private void shapeMembers(String container, int node, NameSet seen, VisitedNodes visited) {
        if (node < 0 || visited.size() > MAX_MEMBER_DEPTH * 4 || !visited.add(node)) return;
        switch (arena.kind(node)) {
            case INTERFACE_DECLARATION: {
                int body = Layouts.interfaceBody(arena, node);
                signatureMembers(container, body, seen);
                int heritage = Layouts.interfaceHeritage(arena, node);
                for (int e = heritage < 0 ? -1 : arena.firstChild(heritage); e >= 0; e = arena.nextSibling(e)) {
                    baseShape(container, Layouts.heritageExpression(arena, e), seen, visited);
                }
                break;
            }
            case TYPE_ALIAS: shapeMembers(container, Layouts.aliasedType(arena, node), seen, visited); break;
            case TYPE_LITERAL: signatureMembers(container, node, seen); break;
            case PARENTHESIZED_TYPE: shapeMembers(container, Layouts.operand(arena, node), seen, visited); break;
            case INTERSECTION_TYPE:
                for (int t = arena.firstChild(node); t >= 0; t = arena.nextSibling(t)) shapeMembers(container, t, seen, visited);
                break;
            case TYPE_REFERENCE: baseShape(container, Layouts.typeReferenceName(arena, node), seen, visited); break;
            default: break;
        }
    }

    /** A base named by {@code name}: an interface or alias of this file is read into the container; any other name is kept as a base. */
    private void baseShape(String container, int name, NameSet seen, VisitedNodes visited) {
        if (name < 0 || arena.kind(name) != IDENTIFIER_REFERENCE) return;
        int here = containers == null ? -1 : containers.first(nameOf(name));
        boolean found = false;
        if (here >= 0) {
            for (int e = here; e >= 0; e = containers.next(e)) {
                int node = containers.node(e), k = arena.kind(node);
                if (k != INTERFACE_DECLARATION && k != TYPE_ALIAS) continue;
                found = true;
                shapeMembers(container, node, seen, visited);
            }
        }
        if (!found && takeMember()) {
            memberRow(container, nameOf(name), Kind.BASE, name, null);
        }
    }

    /** The named property and method signatures of an interface body or a type literal. */
    private void signatureMembers(String container, int body, NameSet seen) {
        NameSet here = new NameSet();
        for (int m = body < 0 ? -1 : arena.firstChild(body); m >= 0; m = arena.nextSibling(m)) {
            int mk = arena.kind(m), data = arena.data(m);
            if ((mk != PROPERTY_SIGNATURE && mk != METHOD_SIGNATURE) || (data & P_COMPUTED) != 0) continue;
            int key = Layouts.memberKey(arena, m);
            String name = keyName(key);
            if (name == null || (seen.contains(name) && !here.contains(name))) continue; // declared nearer
            boolean method = mk == METHOD_SIGNATURE && (data & (P_GET | P_SET)) == 0;
            int type = mk == PROPERTY_SIGNATURE ? Layouts.fieldType(arena, m) : (data & P_SET) != 0 ? -1 : Layouts.functionReturnType(arena, m);
            if (!member(container, key, method ? Kind.METHOD : Kind.PROPERTY, typeName(type))) return;
            if (seen.add(name)) here.add(name);
            if (method) rows.signature(Callables.methodSignature(arena, m, container + "." + name)); // each overload is its own node
        }
    }

    /**
     * A member's declared type as written (a property's annotation, a method's return type), on
     * one line and clipped; null for none. One String per distinct text in a file (a name is the
     * name's own String), so the summary's table keeps each once.
     */
    /**
     * The type TypeScript gives a field without an annotation by its initializer, where that is
     * plain: a literal's own type when the field is {@code readonly} or the value is {@code as const}
     * ({@code readonly kind = 'c'}: {@code 'c'}, what a discriminant narrows by), else the literal's
     * primitive ({@code kind = 1}: {@code number}); the class a {@code new} constructs; null otherwise.
     */
    private String initializedType(int value, boolean readonly) {
        if (value < 0) return null;
        boolean constant = readonly;
        if (arena.kind(value) == AS_EXPRESSION) {
            int asType = arena.nextSibling(Layouts.operand(arena, value));
            if (asType < 0 || arena.kind(asType) != KEYWORD_TYPE || arena.data(asType) != Token.K_CONST) return null;
            value = Layouts.operand(arena, value);
            constant = true;
        }
        value = unwrapped(value);
        if (value < 0) return null;
        switch (arena.kind(value)) {
            case STRING_LITERAL: return constant ? Callables.oneLine(arena, arena.start(value), arena.end(value)) : "string";
            case NUMBER_LITERAL: return constant ? Callables.oneLine(arena, arena.start(value), arena.end(value)) : "number";
            case BOOLEAN: return constant ? ((arena.data(value) & 1) != 0 ? "true" : "false") : "boolean";
            case NEW: return constructedType(value, false);
            default: return null;
        }
    }

    /**
     * The class a value constructs ({@code new C()}, {@code new C<T>()}: its name, TypeScript's
     * inferred type; with {@code withTypeArguments} as written, {@code C<T>}), or null.
     */
    private String constructedType(int value, boolean withTypeArguments) {
        if (value < 0 || arena.kind(value) != NEW) return null;
        int callee = Layouts.callCallee(arena, value);
        int name = callee >= 0 && arena.kind(callee) == INSTANTIATION_EXPRESSION ? arena.firstChild(callee) : callee;
        if (name < 0 || arena.kind(name) != IDENTIFIER_REFERENCE) return null;
        return withTypeArguments ? Callables.oneLine(arena, arena.start(callee), arena.end(callee)) : nameOf(name);
    }

    private String typeName(int type) {
        if (type < 0) return null;
        if (arena.kind(type) == TYPE_REFERENCE && arena.nextSibling(Layouts.typeReferenceName(arena, type)) < 0
                && arena.kind(Layouts.typeReferenceName(arena, type)) == IDENTIFIER_REFERENCE) {
            return nameOf(Layouts.typeReferenceName(arena, type)); // a plain name: the same String as that name elsewhere
        }
        String text = Callables.oneLine(arena, arena.start(type), arena.end(type));
        if (typeTexts == null) typeTexts = new java.util.HashMap<>();
        String known = typeTexts.putIfAbsent(text, text);
        return known != null ? known : text;
    }

    /** The distinct type texts of this file's members ({@link #typeName}). */
    private java.util.Map<String, String> typeTexts;

    /** Qualified names whose signatures are added: overloads of a method are one set. */
    private java.util.Set<String> signed;

    private boolean signaturesDone(String container, String name) {
        if (signed == null) signed = new java.util.HashSet<>();
        return !signed.add(container + "." + name);
    }

    /** {@code constructor(private a: T)}: parameters that are also fields. */
    private void constructorProperties(String container, int constructor, NameSet seen, NameSet here) {
        int fn = Layouts.methodFunction(arena, constructor);
        int params = fn < 0 ? -1 : Layouts.functionParameters(arena, fn);
        if (params < 0) return;
        for (int p = arena.firstChild(params); p >= 0; p = arena.nextSibling(p)) {
            if (arena.kind(p) != PARAMETER || (arena.data(p) & MOD_PARAMETER_PROPERTY) == 0 || (arena.data(p) & MOD_PRIVATE) != 0) continue;
            int target = Layouts.parameterTarget(arena, p); // past decorators and a default
            if (target < 0 || arena.kind(target) != BINDING_IDENTIFIER || seen.contains(nameOf(target))) continue;
            if (!member(container, target, Kind.PROPERTY, typeName(Layouts.parameterType(arena, p)), (arena.data(p) & MOD_PROTECTED) != 0)) return;
            seen.add(nameOf(target));
            here.add(nameOf(target));
        }
    }

    /** The top-level class of this file that {@code cls} extends by name, or -1. */
    private int baseInFile(int cls) {
        int expr = ClassHierarchy.extendsName(arena, cls);
        if (expr < 0 || containers == null) return -1;
        for (int e = containers.first(nameOf(expr)); e >= 0; e = containers.next(e)) {
            int node = containers.node(e);
            if (isClass(arena.kind(node)) && node != cls) return node;
        }
        return -1;
    }

    /** An object literal's named properties and methods; nested object literals too. */
    private void objectMembers(String container, int object, int depth) {
        for (int p = arena.firstChild(object); p >= 0; p = arena.nextSibling(p)) {
            if (arena.kind(p) != PROPERTY || (arena.data(p) & P_COMPUTED) != 0) continue;
            int key = Layouts.propertyKey(arena, p);
            int value = unwrapped(Layouts.propertyValue(arena, p));
            boolean accessor = (arena.data(p) & (P_GET | P_SET)) != 0;
            boolean callable = !accessor && value >= 0 && isFunction(arena.kind(value));
            if (!member(container, key, callable ? Kind.METHOD : Kind.PROPERTY, accessor ? null : constructedType(value, false))) continue;
            String qualified = container + "." + keyName(key);
            if (callable) signatures(Callables.of(arena, value, qualified));
            else if (!accessor && value >= 0) containerMembers(qualified, value, false, depth + 1);
        }
    }

    /** Adds the member named by {@code key}; false when the key is not a plain name or the file's cap is reached. */
    private boolean member(String container, int key, Kind kind) {
        return member(container, key, kind, null);
    }

    /** ... with the name of its declared type ({@code type}: null when none is known). */
    private boolean member(String container, int key, Kind kind, String type) {
        return member(container, key, kind, type, false);
    }

    /** ... and whether it is a class's protected member. */
    private boolean member(String container, int key, Kind kind, String type, boolean isProtected) {
        String name = keyName(key);
        if (name == null || !takeMember()) return false;
        memberRow(container, name, kind, key, type, isProtected);
        return true;
    }

    private void memberRow(String container, String name, Kind kind, int node, String type) {
        memberRow(container, name, kind, node, type, false);
    }

    private void memberRow(String container, String name, Kind kind, int node, String type, boolean isProtected) {
        spanInto(arena.start(node), arena.end(node), spanScratch, 0);
        rows.member(container, name, kind, spanScratch[0], spanScratch[1], spanScratch[2], type, isProtected);
    }

    /** A key usable after a dot: an identifier, or a string that is one; else null. */
    private String keyName(int key) {
        if (key < 0) return null;
        int k = arena.kind(key);
        if (k == IDENTIFIER_NAME || k == BINDING_IDENTIFIER || k == IDENTIFIER_REFERENCE) return nameOf(key);
        if (k != STRING_LITERAL) return null;
        String v = stringValue(key);
        if (v.isEmpty() || !Character.isJavaIdentifierStart(v.charAt(0))) return null;
        for (int i = 1; i < v.length(); i++) if (!Character.isJavaIdentifierPart(v.charAt(i))) return null;
        return v;
    }

    /** The value past parentheses and {@code as}/{@code satisfies}, or -1. */
    private int unwrapped(int node) { return TreePaths.unwrapped(arena, node); }

    /** The first part of a dotted namespace name ({@code A} of {@code A.B.C}): a QUALIFIED_NAME nests to the left. */
    private int firstOfQualified(int name) {
        while (name >= 0 && arena.kind(name) == QUALIFIED_NAME) name = Layouts.memberObject(arena, name);
        return name;
    }

    /**
     * The members {@code namespace A.B.C} adds under {@code container} (A): B under A, C under A.B;
     * returns the body's container (A.B.C), or null when a part is not kept. Iterative: a dotted
     * name may be as long as the file.
     */
    private String qualifiedMembers(String container, int qualified) {
        int depth = 0;
        for (int q = qualified; q >= 0 && arena.kind(q) == QUALIFIED_NAME; q = Layouts.memberObject(arena, q)) depth++;
        int[] parts = new int[depth]; // outermost (last part) first
        int q = qualified;
        for (int i = 0; i < depth; i++, q = Layouts.memberObject(arena, q)) parts[i] = Layouts.memberProperty(arena, q);
        for (int i = depth - 1; i >= 0; i--) {
            if (parts[i] < 0 || !member(container, parts[i], Kind.NAMESPACE)) return null;
            container = container + "." + nameOf(parts[i]);
        }
        return container;
    }

    private void statement(int s) {
        switch (arena.kind(s)) {
            case EXPORT_NAMED: exportNamed(s); break;
            case EXPORT_DEFAULT: exportDefault(s); break;
            case EXPORT_ALL: exportAll(s); break;
            case IMPORT_DECLARATION: importDeclaration(s); break;
            case IMPORT_EQUALS: importEquals(s); break;
            case EXPORT_ASSIGNMENT: exportAssignment(s); break;
            case MODULE_DECLARATION: if (!ambientModule(s)) declaration(s, false, false); break;
            case EXPRESSION_STATEMENT: if (commonJs) commonJsStatement(s); break;
            default: declaration(s, false, false); break;
        }
    }

    // ---- CommonJS: require() as imports, exports.a / module.exports as exports ----

    /** Local names bound to a whole required module ({@code var x_1 = require("./x")}) → its specifier; null until one is seen. */
    private java.util.Map<String, String> requiredModules;

    /**
     * A top-level variable declarator bound to {@code require("m")}: recorded as imports (the
     * module, one of its properties, or the names a pattern takes from it); false when it is not.
     */
    private boolean requireDeclarator(int declarator) {
        int target = Layouts.declaratorTarget(arena, declarator);
        if (target < 0) return false;
        if (arena.kind(target) == BINDING_IDENTIFIER) {
            String[] required = CommonJs.requireOfDeclared(arena, declarator);
            if (required == null) return false;
            required(required[0]);
            importRow(nameOf(target), required[1], required[0], target);
            noteImportName(arena.data(target));
            if (required[1].equals("*")) {
                if (requiredModules == null) requiredModules = new java.util.HashMap<>();
                requiredModules.put(nameOf(target), required[0]);
            }
            return true;
        }
        if (arena.kind(target) != OBJECT_PATTERN) return false;
        String specifier = CommonJs.requireSpecifier(arena, Layouts.declaratorInit(arena, declarator));
        if (specifier == null) return false;
        required(specifier);
        for (int p = arena.firstChild(target); p >= 0; p = arena.nextSibling(p)) {
            if (arena.kind(p) != PROPERTY || (arena.data(p) & P_COMPUTED) != 0) continue;
            int key = Layouts.propertyKey(arena, p);
            int local = Layouts.propertyValue(arena, p);
            if (local >= 0 && arena.kind(local) == ASSIGNMENT_PATTERN) local = Layouts.elementTarget(arena, local);
            if (local < 0 || arena.kind(local) != BINDING_IDENTIFIER) continue;
            importRow(nameOf(local), moduleName(key), specifier, local);
            noteImportName(arena.data(local));
            if ((arena.data(p) & P_SHORTHAND) != 0 && arena.kind(key) == IDENTIFIER_NAME && arena.start(key) == arena.start(local)
                    && arena.end(key) == arena.end(local)) {
                // const { a } = require("m"): renaming the binding writes { a: b }
                if (shorthandBindings == null) shorthandBindings = new java.util.BitSet();
                shorthandBindings.set(importCount - 1);
            }
        }
        return true;
    }

    /** A specifier written in require(): resolved with the "require" condition unless an import names it too. */
    private void required(String specifier) {
        addSpecifier(specifier);
        if (requireOnly == null) requireOnly = new java.util.HashMap<>();
        requireOnly.merge(specifier, 1, Integer::sum);
    }

    /**
     * {@code exports.a = v}, {@code module.exports.a = v}, {@code module.exports = v} (chains
     * too, without the {@code = void 0} placeholders TypeScript's emit writes first), and the
     * emitted re-exports {@code __exportStar(require("./m"), exports)} and
     * {@code Object.defineProperty(exports, "a", { get: function () { return m_1.a; } })}.
     */
    private void commonJsStatement(int s) {
        int e = Layouts.statementExpression(arena, s);
        if (e < 0) return;
        if (CommonJs.isPlainAssignment(arena, e)) {
            int value = e;
            while (CommonJs.isPlainAssignment(arena, value)) value = Layouts.assignmentValue(arena, value);
            value = unwrapped(value);
            if (value < 0 || (arena.kind(value) == UNARY && arena.data(value) == Token.K_VOID)) return;
            for (int a = e; CommonJs.isPlainAssignment(arena, a); a = Layouts.assignmentValue(arena, a)) {
                int target = Layouts.assignmentTarget(arena, a);
                int name = CommonJs.exportTarget(arena, target);
                if (name == CommonJs.MODULE_EXPORTS) moduleExports(value, target);
                else if (name >= 0) exportedValue(name, value);
            }
            return;
        }
        if (arena.kind(e) != CALL) return;
        int callee = Layouts.callCallee(arena, e);
        int first = Layouts.callFirstArgument(arena, e);
        if (callee < 0 || first < 0) return;
        if (arena.kind(callee) == IDENTIFIER_REFERENCE && (arena.names().equals(arena.data(callee), "__exportStar")
                || arena.names().equals(arena.data(callee), "__export"))) {
            String specifier = CommonJs.requireSpecifier(arena, first);
            if (specifier != null) {
                required(specifier);
                rows.starExport(specifier);
            }
            return;
        }
        int name = arena.nextSibling(first);
        int descriptor = name < 0 ? -1 : arena.nextSibling(name);
        if (!isObjectDefineProperty(callee) || descriptor < 0 || arena.kind(name) != STRING_LITERAL || arena.kind(descriptor) != OBJECT
                || arena.kind(first) != IDENTIFIER_REFERENCE || !arena.names().equals(arena.data(first), "exports")) return;
        String exported = stringValue(name);
        if (exported.equals("__esModule")) return;
        for (int p = arena.firstChild(descriptor); p >= 0; p = arena.nextSibling(p)) {
            if (arena.kind(p) != PROPERTY) continue;
            int key = Layouts.propertyKey(arena, p);
            int value = Layouts.propertyValue(arena, p);
            String k = key < 0 ? null : moduleName(key);
            if (value < 0 || k == null) continue;
            if (k.equals("get") && isFunction(arena.kind(value))) value = returned(value);
            else if (!k.equals("value")) continue;
            if (value >= 0) reexport(exported, arena.start(name), arena.end(name), value);
            return;
        }
    }

    /** Whether {@code callee} is {@code Object.defineProperty} (compared by name ids: no text is copied). */
    private boolean isObjectDefineProperty(int callee) {
        if (arena.kind(callee) != MEMBER) return false;
        int object = Layouts.memberObject(arena, callee);
        int property = Layouts.memberProperty(arena, callee);
        return object >= 0 && property >= 0 && arena.kind(object) == IDENTIFIER_REFERENCE && arena.kind(property) == IDENTIFIER_NAME
                && arena.names().equals(arena.data(object), "Object") && arena.names().equals(arena.data(property), "defineProperty");
    }

    /** The expression of a getter's {@code return}, when its body is just that; else -1. */
    private int returned(int function) {
        int body = arena.kind(function) == ARROW_FUNCTION ? Layouts.arrowBody(arena, function) : Layouts.functionBody(arena, function);
        if (body < 0 || arena.kind(body) != FUNCTION_BODY) return body; // an arrow's expression body is what it returns
        int r = arena.firstChild(body); // the body's first statement
        return r >= 0 && arena.kind(r) == RETURN ? Layouts.statementExpression(arena, r) : -1;
    }

    /** An export whose value is a name here, or a property of a required module ({@code m_1.a}); false for anything else. */
    private boolean reexport(String exported, int start, int end, int value) {
        value = unwrapped(value);
        if (value < 0) return false;
        if (arena.kind(value) == IDENTIFIER_REFERENCE) {
            exportRow(exported, nameOf(value), null, start, end, true);
            return true;
        }
        if (arena.kind(value) != MEMBER || requiredModules == null) return false;
        int object = Layouts.memberObject(arena, value);
        int property = Layouts.memberProperty(arena, value);
        if (object < 0 || property < 0 || arena.kind(object) != IDENTIFIER_REFERENCE || arena.kind(property) != IDENTIFIER_NAME) return false;
        String from = requiredModules.get(nameOf(object));
        if (from == null) return false;
        exportRow(exported, nameOf(property), from, start, end, true);
        return true;
    }

    /** {@code exports.a = value}: a re-export when the value is a name, else a declaration of {@code a} here. */
    private void exportedValue(int name, int value) {
        String exported = moduleName(name);
        int start = arena.start(name), end = arena.end(name);
        if (reexport(exported, start, end, value)) return;
        int k = arena.kind(value);
        Kind kind = isFunction(k) ? Kind.FUNCTION : isClass(k) ? Kind.CLASS : Kind.VARIABLE;
        declarationRow(exported, kind, start, end, true);
        exportRow(exported, exported, null, start, end, true);
        if (isFunction(k) || isClass(k)) noteCallable(exported, value);
        if (k == OBJECT || k == CLASS_EXPRESSION) noteContainer(exported, value);
    }

    /** {@code module.exports = value}: an object literal's properties are each an export; anything else is the export assignment. */
    private void moduleExports(int value, int target) {
        if (arena.kind(value) == OBJECT) {
            for (int p = arena.firstChild(value); p >= 0; p = arena.nextSibling(p)) {
                if (arena.kind(p) != PROPERTY || (arena.data(p) & P_COMPUTED) != 0) continue;
                int key = Layouts.propertyKey(arena, p);
                int v = Layouts.propertyValue(arena, p);
                if (key >= 0 && v >= 0 && (arena.kind(key) == IDENTIFIER_NAME || arena.kind(key) == STRING_LITERAL)) exportedValue(key, v);
            }
            return;
        }
        String local = arena.kind(value) == IDENTIFIER_REFERENCE ? nameOf(value) : null;
        exportRow(FileSummary.EXPORT_ASSIGNMENT, local, null, target, true);
    }

    /**
     * Records a declaration statement's names ({@code exportedUnderOwnName}: also as exports, which
     * {@code export default class C} is not: it exports "default"); returns the name node of a single-name declaration
     * (-1 for none, a variable list, or no declaration at all).
     */
    private int declaration(int s, boolean exported, boolean exportedUnderOwnName) {
        Kind kind;
        switch (arena.kind(s)) {
            case FUNCTION_DECLARATION: kind = Kind.FUNCTION; break;
            case CLASS_DECLARATION: kind = Kind.CLASS; break;
            case INTERFACE_DECLARATION: kind = Kind.INTERFACE; break;
            case TYPE_ALIAS: kind = Kind.TYPE; break;
            case ENUM_DECLARATION: kind = Kind.ENUM; break;
            case MODULE_DECLARATION: kind = Kind.NAMESPACE; break;
            case VARIABLE_DECLARATION: {
                Kind k = (arena.data(s) & 0xFF) == VAR_CONST ? Kind.CONSTANT : Kind.VARIABLE;
                for (int d = arena.firstChild(s); d >= 0; d = arena.nextSibling(d)) {
                    if (commonJs && !exported && !inAmbientModule && requireDeclarator(d)) continue; // an import, not a declaration
                    int target = Layouts.declaratorTarget(arena, d);
                    if (target >= 0) bindingNames(target, k, exported, exportedUnderOwnName);
                    int init = target < 0 ? -1 : Layouts.declaratorInit(arena, d);
                    if (target >= 0 && arena.kind(target) == BINDING_IDENTIFIER && ((init >= 0 && (isFunction(arena.kind(init)) || isClass(arena.kind(init))))
                            || Callables.mayBeCallableType(arena, Layouts.declaratorType(arena, d)))) {
                        noteCallable(nameOf(target), d); // `declare const parse: (text: string) => Ast` is called as a function
                    }
                    int value = unwrapped(init);
                    if (value >= 0 && arena.kind(target) == BINDING_IDENTIFIER && (arena.kind(value) == OBJECT || arena.kind(value) == CLASS_EXPRESSION)) {
                        noteContainer(nameOf(target), value);
                    }
                    if (target >= 0 && arena.kind(target) == BINDING_IDENTIFIER && (Layouts.declaratorType(arena, d) >= 0 || (value >= 0 && arena.kind(value) == NEW))) {
                        if (typedVariables == null) typedVariables = new NodesByName();
                        typedVariables.add(nameOf(target), d); // const api = new Client(), const repo: Repo<User> = …: what importers read members of
                    }
                }
                return -1;
            }
            default: return -1;
        }
        int name = kind == Kind.NAMESPACE ? Layouts.moduleName(arena, s) : Layouts.declarationName(arena, s);
        if (name >= 0 && kind == Kind.NAMESPACE && arena.kind(name) == QUALIFIED_NAME) {
            // namespace A.B.C { }: declares A
            int first = firstOfQualified(name);
            if (first < 0 || arena.kind(first) != BINDING_IDENTIFIER) return -1;
            addDeclaration(first, kind, exported, exportedUnderOwnName);
            noteContainer(nameOf(first), s);
            return -1;
        }
        if (name < 0 || arena.kind(name) != BINDING_IDENTIFIER) return -1; // anonymous, or declare module "x"
        addDeclaration(name, kind, exported, exportedUnderOwnName);
        if (kind == Kind.FUNCTION || kind == Kind.CLASS) noteCallable(nameOf(name), s);
        if (kind == Kind.CLASS || kind == Kind.ENUM || kind == Kind.NAMESPACE || kind == Kind.INTERFACE || kind == Kind.TYPE) noteContainer(nameOf(name), s);
        return name;
    }

    /** The BINDING_IDENTIFIERs of a variable's target (a name or a pattern), not inside default values' functions. */
    private void bindingNames(int node, Kind kind, boolean exported, boolean asExport) {
        int k = arena.kind(node);
        if (k == BINDING_IDENTIFIER) {
            addDeclaration(node, kind, exported, asExport);
            return;
        }
        if (isFunction(k) || isClass(k)) return;
        for (int c = arena.firstChild(node); c >= 0; c = arena.nextSibling(c)) bindingNames(c, kind, exported, asExport);
    }

    private void addDeclaration(int name, Kind kind, boolean exported, boolean asExport) {
        String n = nameOf(name);
        int start = arena.start(name), end = arena.end(name);
        declarationRow(n, kind, start, end, exported);
        if (asExport) exportRow(n, n, null, start, end, false);
    }

    /** A declaration of the file, or of the ambient module whose body is being read (kept as a record there). */
    private void declarationRow(String name, Kind kind, int start, int end, boolean exported) {
        spanInto(start, end, spanScratch, 0);
        if (ambientDeclarations != null) {
            ambientDeclarations.add(new Declaration(name, kind, new Span(spanScratch[0], spanScratch[1], spanScratch[2]), exported));
        } else {
            rows.declaration(name, kind, spanScratch[0], spanScratch[1], spanScratch[2], exported);
        }
    }

    private void exportRow(String exportedName, String localName, String fromSpecifier, int node, boolean commonJs) {
        exportRow(exportedName, localName, fromSpecifier, arena.start(node), arena.end(node), commonJs);
    }

    /** An export whose span is [start, end) of the source. */
    private void exportRow(String exportedName, String localName, String fromSpecifier, int start, int end, boolean commonJs) {
        spanInto(start, end, spanScratch, 0);
        rows.export(exportedName, localName, fromSpecifier, spanScratch[0], spanScratch[1], spanScratch[2], commonJs);
    }

    private void addSpecifier(String specifier) {
        if (specifierCount == specifiers.length) specifiers = java.util.Arrays.copyOf(specifiers, Math.max(8, specifierCount * 2));
        specifiers[specifierCount++] = specifier;
    }

    private void exportNamed(int s) {
        int declared = Layouts.exportedDeclaration(arena, s);
        if (declared >= 0 && arena.kind(declared) == IMPORT_EQUALS) { // export import a = require("…") | N.a
            importEquals(declared);
            int name = Layouts.importEqualsName(arena, declared);
            if (name >= 0) exportRow(nameOf(name), nameOf(name), null, name, false);
            return;
        }
        if (declared >= 0) {
            declaration(declared, true, true);
            return;
        }
        String from = sourceOf(s);
        if (from != null) addSpecifier(from);
        for (int c = arena.firstChild(s); c >= 0 && arena.kind(c) == EXPORT_SPECIFIER; c = arena.nextSibling(c)) {
            int local = Layouts.exportLocal(arena, c);
            if (local < 0) continue;
            int exported = Layouts.exportExported(arena, c);
            exportRow(moduleName(exported), moduleName(local), from, exported, false);
        }
    }

    private void exportDefault(int s) {
        int value = Layouts.exportedDeclaration(arena, s); // -1 for a string literal too: export default "x"
        if (value >= 0 && arena.kind(value) == IDENTIFIER_REFERENCE) {
            exportRow("default", nameOf(value), null, value, false);
            return;
        }
        int name = value < 0 ? -1 : declaration(value, true, false);
        if (name >= 0) {
            exportRow("default", nameOf(name), null, name, false);
            return;
        }
        exportRow("default", null, null, arena.start(s), Math.min(arena.end(s), arena.start(s) + "export".length()), false);
    }

    private void exportAssignment(int s) {
        int value = Layouts.statementExpression(arena, s);
        String local = value >= 0 && arena.kind(value) == IDENTIFIER_REFERENCE ? nameOf(value) : null;
        exportRow(FileSummary.EXPORT_ASSIGNMENT, local, null, arena.start(s), Math.min(arena.end(s), arena.start(s) + "export".length()), false);
    }

    /** {@code declare module "x" { … }}: recorded with its body's declarations; false when the module's name is an identifier. */
    private boolean ambientModule(int s) {
        int name = Layouts.moduleName(arena, s);
        if (name < 0 || arena.kind(name) != STRING_LITERAL) return false;
        ambientDeclarations = ImmutableList.builder();
        inAmbientModule = true;
        int block = Layouts.moduleBody(arena, s);
        if (block >= 0) {
            for (int m = arena.firstChild(block); m >= 0; m = arena.nextSibling(m)) {
                int k = arena.kind(m);
                int declaration = k == EXPORT_NAMED || k == EXPORT_DEFAULT ? Layouts.exportedDeclaration(arena, m) : m;
                if (declaration >= 0) declaration(declaration, false, false);
            }
        }
        if (ambientModules == null) ambientModules = ImmutableList.builder();
        ambientModules.add(new AmbientModule(stringValue(name), span(name), ambientDeclarations.build()));
        ambientDeclarations = null;
        inAmbientModule = false;
        return true;
    }

    private void exportAll(int s) {
        String from = sourceOf(s);
        if (from == null) return;
        addSpecifier(from);
        int name = Layouts.exportAllName(arena, s); // export * as ns from "m" (ns may be a string too)
        if (name >= 0) exportRow(moduleName(name), "*", from, name, false);
        else rows.starExport(from);
    }

    private void importDeclaration(int s) {
        String from = sourceOf(s);
        if (from == null) return;
        addSpecifier(from);
        for (int c = arena.firstChild(s); c >= 0; c = arena.nextSibling(c)) {
            int local;
            String imported;
            switch (arena.kind(c)) {
                case IMPORT_DEFAULT_SPECIFIER: local = Layouts.importLocal(arena, c); imported = "default"; break;
                case IMPORT_NAMESPACE_SPECIFIER: local = Layouts.importLocal(arena, c); imported = "*"; break;
                case IMPORT_SPECIFIER: {
                    int name = Layouts.importImported(arena, c);
                    local = Layouts.importLocal(arena, c);
                    imported = name < 0 ? null : moduleName(name);
                    break;
                }
                default: continue;
            }
            if (local < 0 || imported == null || arena.kind(local) != BINDING_IDENTIFIER) continue;
            int k = importRow(nameOf(local), imported, from, local);
            noteImportName(arena.data(local));
            if (withUses && arena.kind(c) == IMPORT_SPECIFIER && arena.kind(Layouts.importImported(arena, c)) == IDENTIFIER_NAME) {
                int importedName = Layouts.importImported(arena, c); // kept with known uses only: withUses drops it otherwise
                spanInto(arena.start(importedName), arena.end(importedName), spanScratch, 0);
                rows.importedSide(k, spanScratch[0], spanScratch[1], spanScratch[2]);
            }
        }
    }

    private void importEquals(int s) {
        int name = Layouts.importEqualsName(arena, s);
        int reference = Layouts.importEqualsReference(arena, s);
        if (name < 0 || reference < 0 || arena.kind(reference) != EXTERNAL_MODULE_REFERENCE) return;
        int literal = Layouts.moduleSource(arena, reference);
        if (literal < 0) return;
        String from = stringValue(literal);
        addSpecifier(from);
        if (requireOnly == null) requireOnly = new java.util.HashMap<>();
        requireOnly.merge(from, 1, Integer::sum);
        importRow(nameOf(name), "*", from, name);
        noteImportName(arena.data(name));
    }

    /** The name id of each import's local binding, in the order of {@link #imports}. */
    private int[] importNameIds = new int[8];
    private int importCount;

    /** Adds an import binding named by node {@code local}; returns its index. */
    private int importRow(String localName, String importedName, String specifier, int local) {
        spanInto(arena.start(local), arena.end(local), spanScratch, 0);
        return rows.importBinding(localName, importedName, specifier, spanScratch[0], spanScratch[1], spanScratch[2]);
    }
    /** The imports (by index) whose binding is a shorthand pattern property ({@code const { a } = require("m")}); null: none. */
    private java.util.BitSet shorthandBindings;

    private void noteImportName(int id) {
        if (importCount == importNameIds.length) importNameIds = java.util.Arrays.copyOf(importNameIds, importCount * 2);
        importNameIds[importCount++] = id;
    }

    /**
     * The imports with their uses: one pass over the node columns. Without scopes, a reference
     * named like an import is that import's use only when nothing else in the file declares the
     * name; otherwise (or in JSX tags, or a file with {@code with}) the uses stay unknown and a
     * references request parses the file.
     */
    private void withUses() {
        int n = rows.importCount();
        // open addressing, name id + 1 → slot (imports sharing a name share a slot)
        int capacity = Integer.highestOneBit(Math.max(4, n * 4) - 1) << 1;
        useKeys = new int[capacity];
        useSlots = new int[capacity];
        int[] importSlot = new int[n];
        int slots = 0;
        for (int i = 0; i < n; i++) {
            int id = importNameIds[i], h = probe(id);
            if (useKeys[h] == 0) { useKeys[h] = id + 1; useSlots[h] = slots++; }
            importSlot[i] = useSlots[h];
        }
        // first pass: declarations and JSX tags of the names, and the subtrees the binder does not
        // resolve names in (import("m").T<…>, import x = a.b), as disjoint [first, end) intervals in node order
        int[] declared = new int[slots];
        boolean[] unknown = new boolean[slots];
        // `import { string }`: in a type, `string` is the primitive, which a reference without scopes cannot tell
        if (arena.isTypeScript()) {
            for (int i = 0; i < n; i++) if (dev.arenals.server.query.Names.isPredefinedType(arena.names().name(importNameIds[i]))) unknown[importSlot[i]] = true;
        }
        int[] skipped = new int[8];
        int skips = 0;
        int count = arena.nodeCount();
        for (int node = 0; node < count; node++) {
            int kind = arena.kind(node);
            if (kind == WITH) { // every use unknown: no import keeps its imported side either
                for (int i = 0; i < n; i++) rows.noImportedSide(i);
                useKeys = useSlots = null;
                return;
            }
            if (kind == IMPORT_TYPE || kind == IMPORT_EQUALS) {
                int first = TreePaths.firstInSubtree(arena, node);
                while (skips > 0 && skipped[2 * skips - 2] >= first) skips--; // nested in this one
                if (2 * skips + 2 > skipped.length) skipped = java.util.Arrays.copyOf(skipped, skipped.length * 2);
                skipped[2 * skips] = first;
                skipped[2 * skips + 1] = node;
                skips++;
                continue;
            }
            if (kind != BINDING_IDENTIFIER && kind != JSX_IDENTIFIER) continue;
            int slot = slotOfName(arena.data(node));
            if (slot < 0) continue;
            if (kind == BINDING_IDENTIFIER) declared[slot]++;
            else unknown[slot] = true;
        }
        markLinkedInDocComments(unknown);
        int[][] uses = new int[slots][];
        int[] filled = new int[slots];
        for (int slot = 0; slot < slots; slot++) if (!unknown[slot] && declared[slot] == 1) uses[slot] = NO_USES;
        // a name used more often than this stays unknown (parsed on request): a generated file must
        // not make its summary as large as its tree
        int[] budget = {MAX_KEPT_USES};
        int[][] shorthand = null; // per slot: the count, then the index of each use written as a shorthand property ({ a })
        // second pass: the references, with the local names of export { a } (no from)
        int nextSkip = 0;
        for (int node = 0; node < count; node++) {
            if (nextSkip < skips && node >= skipped[2 * nextSkip]) {
                node = skipped[2 * nextSkip + 1]; // the import type node itself holds no name
                nextSkip++;
                continue;
            }
            int kind = arena.kind(node);
            if (kind == IDENTIFIER_REFERENCE) {
                addUse(node, uses, filled, budget);
            } else if (kind == EXPORT_NAMED) {
                for (int spec = firstExportLocal(node); spec >= 0; spec = exportLocalFrom(arena.nextSibling(spec))) addUse(Layouts.exportLocal(arena, spec), uses, filled, budget);
            } else if (kind == PROPERTY && (arena.data(node) & P_SHORTHAND) != 0) {
                shorthand = markShorthand(node, uses, filled, shorthand);
            }
        }
        for (int slot = 0; slot < slots; slot++) {
            if (uses[slot] != null && uses[slot].length != filled[slot]) uses[slot] = java.util.Arrays.copyOf(uses[slot], filled[slot]);
            // a shorthand is marked by its use's index: uses out of source order (rare) then stay unknown rather than be re-marked
            if (uses[slot] != null && shorthand != null && shorthand[slot] != null && !isInSourceOrder(uses[slot])) uses[slot] = null;
            if (uses[slot] != null && filled[slot] > 3) uses[slot] = inSourceOrder(uses[slot]);
        }
        for (int i = 0; i < n; i++) {
            int slot = importSlot[i];
            int[] found = uses[slot];
            // the imported side ({@code a} of {@code import { a as x }}) is kept with known uses, when it is another name
            if (found == null || rows.importLocalName(i).equals(rows.importImportedName(i))) rows.noImportedSide(i);
            if (found == null) continue;
            int[] shorthandUses = shorthand == null || shorthand[slot] == null ? null : shorthandIndexes(shorthand[slot]);
            if (shorthandBindings != null && shorthandBindings.get(i)) shorthandUses = withBinding(shorthandUses);
            boolean bindingShorthand = shorthandUses != null && shorthandUses.length > 0 && shorthandUses[0] == -1;
            boolean marked = shorthandUses != null && shorthandUses.length > (bindingShorthand ? 1 : 0);
            rows.startUses(i, found.length / 3, bindingShorthand, marked);
            for (int u = 0; u < found.length; u += 3) {
                rows.use(found[u], found[u + 1], found[u + 2], marked, marked && java.util.Arrays.binarySearch(shorthandUses, u / 3) >= 0);
            }
        }
        useKeys = useSlots = null;
    }

    /**
     * An import named in a doc comment ({@code {@link a}}, {@code @see a}) has uses a references
     * request reads from the file's comments ({@code query/JsDocMentions}): its uses stay unknown,
     * so the request parses the file and finds them.
     */
    private void markLinkedInDocComments(boolean[] unknown) {
        ParseLog log = arena.log();
        char[] src = arena.source();
        for (int c = 0; c < log.commentCount(); c++) {
            int start = log.commentStart(c), end = log.commentEnd(c);
            if (!JsDocMentions.isDocComment(src, start, end)) continue;
            for (int j = start + 3; j < end; j++) {
                int name = JsDocMentions.nameAfterTag(src, j, end);
                if (name < 0) continue;
                int id = arena.names().find(src, name, JsDocMentions.nameEnd(src, name, end));
                int slot = id < 0 ? -1 : slotOfName(id);
                if (slot >= 0) unknown[slot] = true;
            }
        }
    }

    /** {@link #withUses}' table: name id + 1 by hash, and the slot of each. */
    private int[] useKeys, useSlots;

    private int probe(int id) {
        int mask = useKeys.length - 1, h = (id * 0x9E3779B9 >>> 16) & mask;
        while (useKeys[h] != 0 && useKeys[h] != id + 1) h = (h + 1) & mask;
        return h;
    }

    /** The slot of the import named by name id {@code id}, or -1. */
    private int slotOfName(int id) {
        int h = probe(id);
        return useKeys[h] == 0 ? -1 : useSlots[h];
    }

    /** Appends the name range of {@code node} to its import's uses, when that import's uses are known. */
    private void addUse(int node, int[][] uses, int[] filled, int[] budget) {
        int slot = slotOfName(arena.data(node));
        if (slot < 0 || uses[slot] == null) return;
        if (--budget[0] < 0) {
            uses[slot] = null;
            return;
        }
        int k = filled[slot];
        if (k + 3 > uses[slot].length) uses[slot] = java.util.Arrays.copyOf(uses[slot], Math.max(6, uses[slot].length * 2));
        spanInto(arena.start(node), arena.end(node), uses[slot], k);
        filled[slot] = k + 3;
    }

    /**
     * Marks the use a shorthand property ({@code { a }}, {@code { a = 1 }} in a pattern) holds:
     * renaming the import must write {@code { a: b }} there. The property follows its children in
     * node order, so the use was added just before (a default's own uses may follow it).
     */
    private int[][] markShorthand(int property, int[][] uses, int[] filled, int[][] shorthand) {
        int key = Layouts.propertyKey(arena, property);
        int value = Layouts.propertyValue(arena, property);
        if (value >= 0 && arena.kind(value) == ASSIGNMENT_PATTERN) value = Layouts.elementTarget(arena, value);
        if (key < 0 || value < 0 || arena.kind(value) != IDENTIFIER_REFERENCE || arena.kind(key) != IDENTIFIER_NAME
                || arena.start(key) != arena.start(value) || arena.end(key) != arena.end(value)) return shorthand;
        int slot = slotOfName(arena.data(value));
        if (slot < 0 || uses[slot] == null) return shorthand;
        int[] at = new int[3];
        spanInto(arena.start(value), arena.end(value), at, 0);
        for (int k = filled[slot] - 3; k >= 0; k -= 3) {
            if (uses[slot][k] != at[0] || uses[slot][k + 1] != at[1]) continue;
            if (shorthand == null) shorthand = new int[uses.length][];
            int[] marks = shorthand[slot];
            if (marks == null) marks = shorthand[slot] = new int[4];
            if (marks[0] + 1 == marks.length) marks = shorthand[slot] = java.util.Arrays.copyOf(marks, marks.length * 2);
            marks[++marks[0]] = k / 3;
            return shorthand;
        }
        return shorthand;
    }

    /** The marked use indexes (count first), ascending. */
    private static int[] shorthandIndexes(int[] marks) {
        int[] out = java.util.Arrays.copyOfRange(marks, 1, 1 + marks[0]);
        java.util.Arrays.sort(out);
        return out;
    }

    /** {@code indexes} with -1 (the binding itself) first. */
    private static int[] withBinding(int[] indexes) {
        int n = indexes == null ? 0 : indexes.length;
        int[] out = new int[n + 1];
        out[0] = -1;
        if (n > 0) System.arraycopy(indexes, 0, out, 1, n);
        return out;
    }

    private static boolean isInSourceOrder(int[] triples) {
        for (int a = 0, b = 3; b < triples.length; a += 3, b += 3) {
            if (triples[a] > triples[b] || (triples[a] == triples[b] && triples[a + 1] > triples[b + 1])) return false;
        }
        return true;
    }

    /**
     * The specifiers of {@code export { a, b as c }} without {@code from}, whose local names (first
     * children) are references the binder resolves by scope: the first, then
     * {@code exportLocalFrom(nextSibling(spec))}; -1 when none.
     */
    private int firstExportLocal(int exportNamed) {
        if (Layouts.moduleSource(arena, exportNamed) >= 0) return -1; // export { a } from "m": a is not a name here
        return exportLocalFrom(arena.firstChild(exportNamed));
    }

    private int exportLocalFrom(int spec) {
        for (; spec >= 0; spec = arena.nextSibling(spec)) {
            if (arena.kind(spec) != EXPORT_SPECIFIER) continue;
            int local = Layouts.exportLocal(arena, spec);
            if (local >= 0 && arena.kind(local) == IDENTIFIER_NAME) return spec;
        }
        return -1;
    }

    private static final int[] NO_USES = new int[0];
    /** Most uses kept for one file (three ints each). */
    static final int MAX_KEPT_USES = 20_000;

    /**
     * The (line, start, end) triples in source order: as found when node order is source order
     * (the usual case), else sorted, which needs one width for all (else null: unknown).
     */
    private static int[] inSourceOrder(int[] triples) {
        int n = triples.length / 3;
        boolean sorted = true, oneWidth = true;
        for (int i = 1; i < n; i++) {
            int a = 3 * (i - 1), b = 3 * i;
            if (triples[a] > triples[b] || (triples[a] == triples[b] && triples[a + 1] > triples[b + 1])) sorted = false;
            if (triples[a + 2] - triples[a + 1] != triples[b + 2] - triples[b + 1]) oneWidth = false;
        }
        if (sorted) return triples;
        if (!oneWidth) return null;
        int width = triples[2] - triples[1];
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) keys[i] = ((long) triples[3 * i] << 32) | (triples[3 * i + 1] & 0xFFFFFFFFL);
        java.util.Arrays.sort(keys);
        for (int i = 0; i < n; i++) {
            triples[3 * i] = (int) (keys[i] >>> 32);
            triples[3 * i + 1] = (int) keys[i];
            triples[3 * i + 2] = (int) keys[i] + width;
        }
        return triples;
    }

    /** Resolved files are interned: the thousand importers of a module share its one Path. */
    private static final Interner<Path> PATHS = Interners.newWeakInterner();

    /** The one Path the index keeps for {@code file} (summaries' own paths and resolved modules alike). */
    static Path internPath(Path file) { return PATHS.intern(file); }

    /**
     * Specifiers written in {@code import x = require()}: resolved in TypeScript's CommonJS mode
     * (the "require" condition) unless an import or export names them too. Null: none.
     */
    private java.util.Map<String, Integer> requireOnly;

    /** Resolves each distinct specifier of the file, in the order written, into the rows (those that resolve). */
    private void resolve(Path path) {
        if (specifierCount == 0) return;
        // a file's few specifiers are told apart by a scan; a set only for files of many
        java.util.HashSet<String> seen = specifierCount > 16 ? new java.util.HashSet<>() : null;
        dev.arenals.check.modules.TypeScriptResolver.Importer importer = ModuleResolver.importer(path); // once for all its specifiers
        if (importer == null) return;
        for (int i = 0; i < specifierCount; i++) {
            String specifier = specifiers[i];
            if (seen != null ? !seen.add(specifier) : appearsBefore(i)) continue;
            Integer requires = requireOnly == null ? null : requireOnly.get(specifier);
            boolean requireSyntax = requires != null && requires == timesWritten(specifier);
            Path target = ModuleResolver.resolve(importer, specifier, requireSyntax);
            if (target != null) rows.resolved(specifier, target); // the resolver hands out the interned Path
        }
    }

    /** Whether the {@code i}th specifier is also one before it. */
    private boolean appearsBefore(int i) {
        String s = specifiers[i];
        for (int j = 0; j < i; j++) if (specifiers[j].equals(s)) return true;
        return false;
    }

    /** How many times {@code specifier} is written in the file. */
    private int timesWritten(String specifier) {
        int n = 0;
        for (int i = 0; i < specifierCount; i++) if (specifiers[i].equals(specifier)) n++;
        return n;
    }

    // ---- names and positions ----

    /** The module specifier of an import or export statement, or null. */
    private String sourceOf(int s) {
        int source = Layouts.moduleSource(arena, s); // the last string: export * as "x" from "m"
        return source < 0 ? null : stringValue(source);
    }

    /** A STRING_LITERAL's text without its quotes (specifiers with escapes are rare and kept raw). */
    private String stringValue(int literal) {
        int start = arena.start(literal) + 1, end = arena.end(literal) - 1;
        return end > start ? arena.text(start, end) : "";
    }

    /** An import/export name: an identifier, or an arbitrary-module-namespace string. */
    private String moduleName(int node) {
        return arena.kind(node) == STRING_LITERAL ? stringValue(node) : nameOf(node);
    }

    /** One String per name id in a summary: an exported declaration's name serves its export too. */
    private String nameOf(int node) {
        int id = arena.data(node);
        int slot = (id * 0x9E3779B9 >>> 26) & (NAME_SLOTS - 1);
        if (nameIds[slot] == id + 1) return nameStrings[slot];
        String name = arena.names().name(id);
        nameIds[slot] = id + 1;
        nameStrings[slot] = name;
        return name;
    }

    private static final int NAME_SLOTS = 64;
    /** A small direct-mapped cache, id + 1 (0: empty): the thread's {@link NameCache}'s arrays while {@link #run} runs. */
    private int[] nameIds;
    private String[] nameStrings;

    /**
     * The name cache's arrays, one pair per thread, emptied for each summary (new ones per summary
     * were about 550 of the 8,500 bytes a generated file's indexing allocates); a summary made
     * while another is made on the same thread gets a pair of its own.
     */
    private static final class NameCache {
        private static final ThreadLocal<NameCache> OF_THREAD = ThreadLocal.withInitial(NameCache::new);
        final int[] ids = new int[NAME_SLOTS];
        final String[] strings = new String[NAME_SLOTS];
        private boolean taken;

        static NameCache take() {
            NameCache c = OF_THREAD.get();
            if (c.taken) c = new NameCache();
            else {
                java.util.Arrays.fill(c.ids, 0);
                java.util.Arrays.fill(c.strings, null); // the last file's names are not kept alive by the thread
            }
            c.taken = true;
            return c;
        }

        void release() { taken = false; }
    }

    private Span span(int node) { return span(arena.start(node), arena.end(node)); }

    private Span span(int start, int end) {
        spanInto(start, end, spanScratch, 0);
        return new Span(spanScratch[0], spanScratch[1], spanScratch[2]);
    }

    private final int[] spanScratch = new int[3];

    /** The line, start column and end column of [start, end) into {@code out} from {@code at} (no Span made). */
    private void spanInto(int start, int end, int[] out, int at) {
        if (linesUpTo >= 0 && end >= linesUpTo) {
            // grow geometrically: each rebuild rescans from the start
            int length = arena.sourceLength();
            linesUpTo = (int) Math.min(length, Math.max(end + 4096L, linesUpTo * 2L));
            lines.rebuild(text, length, linesUpTo);
            if (linesUpTo == length) linesUpTo = -1;
        }
        int line = lines.lineOf(start);
        int lineStart = lines.lineStart(line);
        int endOnLine = line == lines.lineOf(end) ? end : start;
        out[at] = line;
        out[at + 1] = encoding.columnOf(text, lineStart, start);
        out[at + 2] = encoding.columnOf(text, lineStart, endOnLine);
    }
}
