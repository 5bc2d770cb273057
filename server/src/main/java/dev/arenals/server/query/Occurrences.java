package dev.arenals.server.query;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import java.util.Arrays;

/**
 * Every occurrence of a {@link Target} in the document, in source order: name nodes with
 * {@link SymbolIndex} flags (declaration, read, write, JSX tag, export local). Symbol groups come
 * from the index; members, private names and labels from scans of the subtrees they can occur in,
 * and qualified uses {@code X.name} from one pass over the tree's member nodes.
 */
public final class Occurrences {
    private int[] nodes = new int[16];
    private int[] flags = new int[16];
    private int count;

    public int size() { return count; }
    public int node(int i) { return nodes[i]; }
    public int flags(int i) { return flags[i]; }
    public boolean isDeclaration(int i) { return (flags[i] & SymbolIndex.DECLARATION) != 0; }

    /** All occurrences of {@code target}. */
    public static Occurrences of(DocumentQuery q, Target target) { return collect(q, target, true); }

    /**
     * {@link #of}, as references and highlights read it: for a symbol, only the occurrences of the
     * meaning asked about ({@link #withMeaningOf}). Rename takes every meaning, as TypeScript does.
     */
    public static Occurrences ofMeaning(DocumentQuery q, Target target) {
        Occurrences all = collect(q, target, true);
        return target.kind == Target.SYMBOL ? all.withMeaningOf(q, target.node) : all;
    }

    private static final int VALUE = 1, TYPE = 2, NAMESPACE = 4, EVERY_MEANING = VALUE | TYPE | NAMESPACE;

    /** TypeScript's meanings of a symbol's declaration: a {@code const} is a value, an interface a type, a class both. */
    private static int meanings(DocumentQuery q, int symbol) {
        if (symbol < 0) return EVERY_MEANING;
        switch (q.scopes().kind(symbol)) {
            case SymbolKind.INTERFACE: case SymbolKind.TYPE_ALIAS: case SymbolKind.TYPE_PARAMETER: return TYPE;
            case SymbolKind.CLASS: case SymbolKind.ENUM: return VALUE | TYPE;
            case SymbolKind.NAMESPACE: return isInstantiated(q, q.scopes().declarationNode(symbol)) ? NAMESPACE | VALUE : NAMESPACE;
            case SymbolKind.IMPORT: case SymbolKind.IMPLICIT_GLOBAL: return EVERY_MEANING;
            default: return VALUE;
        }
    }

    /**
     * Whether the namespace declared by {@code name} holds values (TypeScript's instantiated
     * namespace: a variable, function, class, non-const enum, statement or instantiated namespace
     * inside, exported or not); one of types only is a namespace and nothing else.
     */
    private static boolean isInstantiated(DocumentQuery q, int name) {
        Arena arena = q.arena();
        int module = name < 0 ? -1 : TreePaths.parent(arena, name);
        if (module < 0 || arena.kind(module) != MODULE_DECLARATION) return true;
        return moduleHoldsValues(arena, module, 0);
    }

    private static boolean moduleHoldsValues(Arena arena, int module, int depth) {
        if (depth > 32) return true;
        for (int c = arena.firstChild(module); c >= 0; c = arena.nextSibling(c)) {
            if (arena.kind(c) == MODULE_DECLARATION) return moduleHoldsValues(arena, c, depth + 1); // namespace A.B
            if (arena.kind(c) != MODULE_BLOCK) continue;
            for (int st = arena.firstChild(c); st >= 0; st = arena.nextSibling(st)) {
                int s = st;
                if (arena.kind(s) == EXPORT_NAMED) {
                    s = Layouts.exportedDeclaration(arena, s);
                    if (s < 0) continue;
                }
                switch (arena.kind(s)) {
                    case INTERFACE_DECLARATION: case TYPE_ALIAS: case EXPORT_SPECIFIER: case EMPTY_STATEMENT:
                        break;
                    case ENUM_DECLARATION:
                        if ((arena.data(s) & MOD_CONST) == 0) return true;
                        break;
                    case MODULE_DECLARATION:
                        if (moduleHoldsValues(arena, s, depth + 1)) return true;
                        break;
                    case IMPORT_EQUALS:
                        break; // an alias: as its target, which is not known here; counted as types only
                    default:
                        return true;
                }
            }
        }
        return false;
    }

    /**
     * One name declared as a value and as a type in one scope ({@code const v = …; type v = …}) is
     * one merged name, but its uses are of one meaning or the other: from a use or declaration
     * of one meaning, TypeScript's references and highlights find only the occurrences of that
     * meaning. The others are dropped; names the binder leaves unresolved (export locals, JSX
     * tags) stay.
     */
    private Occurrences withMeaningOf(DocumentQuery q, int cursor) {
        int wanted = meanings(q, q.symbolOfNode(cursor));
        if (wanted == EVERY_MEANING) return this;
        Occurrences out = new Occurrences();
        int lastSymbol = -1, lastMeanings = 0; // a group's occurrences come from a few symbols: a namespace's body is read once
        for (int i = 0; i < count; i++) {
            int symbol = q.symbolOfNode(nodes[i]);
            if (symbol >= 0 && symbol != lastSymbol) {
                lastSymbol = symbol;
                lastMeanings = meanings(q, symbol);
            }
            if (symbol < 0 || (lastMeanings & wanted) != 0) out.add(nodes[i], flags[i]);
        }
        return out.count == count ? this : out;
    }

    /**
     * The declarations of {@code target}; skips the whole-tree pass for qualified uses, which
     * cannot declare. For a class member declared only by {@code this.x = …} (JavaScript), those
     * assignments are its declarations.
     */
    public static Occurrences declarations(DocumentQuery q, Target target) {
        if (target.kind == Target.SYMBOL) {
            // straight from the index: a popular name's thousands of uses need not be gathered and sorted
            Occurrences out = new Occurrences();
            SymbolIndex index = q.index();
            for (int g : target.groups) {
                for (int i = 0, n = index.occurrenceCount(g); i < n; i++) {
                    int f = index.occurrenceFlags(g, i);
                    if ((f & SymbolIndex.DECLARATION) != 0) out.add(index.occurrenceNode(g, i), f);
                }
            }
            out.sortAndDedupe(q.arena());
            return out;
        }
        Occurrences all = collect(q, target, false);
        Occurrences out = new Occurrences();
        for (int i = 0; i < all.count; i++) if (all.isDeclaration(i)) out.add(all.nodes[i], all.flags[i]);
        if (out.count == 0 && target.kind == Target.MEMBER && target.containerKind == Target.CLASS) {
            for (int i = 0; i < all.count; i++) if ((all.flags[i] & SymbolIndex.WRITE) != 0) out.add(all.nodes[i], all.flags[i]);
        }
        return out;
    }

    /**
     * The declarations definition and hover show: for a class member shared along an extends
     * chain, those of the nearest class from the one asked about upwards (an override hides its
     * base's declaration); else all of {@link #declarations}.
     */
    public static Occurrences nearestDeclarations(DocumentQuery q, Target target) {
        Occurrences all = declarations(q, target);
        if (target.kind != Target.MEMBER || all.count < 2) return all;
        if (target.askedThrough != null) { // a union's constituents: each one's nearest
            Occurrences out = new Occurrences();
            for (int constituent : target.askedThrough) {
                Occurrences own = nearestFrom(q, constituent, all);
                for (int i = 0; i < own.count; i++) out.add(own.nodes[i], own.flags[i]);
            }
            out.sortAndDedupe(q.arena());
            return out;
        }
        if (target.containerKind != Target.CLASS || target.containers.length < 2) return all;
        Occurrences own = nearestFrom(q, target.containers[0], all);
        return own.count > 0 ? own : all;
    }

    /** Those of {@code all} in {@code type} or, when it has none, in the nearest class above it that has some; empty for none. */
    private static Occurrences nearestFrom(DocumentQuery q, int type, Occurrences all) {
        Arena arena = q.arena();
        int cls = type;
        for (int depth = 0; cls >= 0 && depth < ClassHierarchy.MAX_DEPTH; depth++) {
            Occurrences own = new Occurrences();
            int first = TreePaths.firstInSubtree(arena, cls);
            for (int i = 0; i < all.count; i++) if (all.nodes[i] >= first && all.nodes[i] < cls) own.add(all.nodes[i], all.flags[i]);
            if (own.count > 0 || !isClass(arena.kind(cls))) return own;
            cls = ClassHierarchy.baseInFile(q, cls);
        }
        return new Occurrences();
    }

    private static Occurrences collect(DocumentQuery q, Target target, boolean withAccesses) {
        Occurrences out = new Occurrences();
        new Collector(q, out).collect(target, withAccesses);
        out.sortAndDedupe(q.arena());
        return out;
    }

    void add(int node, int f) {
        if (count == nodes.length) {
            nodes = Arrays.copyOf(nodes, count * 2);
            flags = Arrays.copyOf(flags, count * 2);
        }
        nodes[count] = node;
        flags[count] = f;
        count++;
    }

    private void sortAndDedupe(Arena arena) {
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) keys[i] = ((long) arena.start(nodes[i]) << 32) | i;
        Arrays.sort(keys);
        int[] n2 = new int[Math.max(16, count)];
        int[] f2 = new int[Math.max(16, count)];
        int m = 0;
        for (long key : keys) {
            int i = (int) key;
            if (m > 0 && n2[m - 1] == nodes[i]) { f2[m - 1] |= flags[i]; continue; }
            n2[m] = nodes[i];
            f2[m] = flags[i];
            m++;
        }
        nodes = n2;
        flags = f2;
        count = m;
    }

    private static final class Collector {
        final DocumentQuery q;
        final Arena arena;
        final ScopeTable scopes;
        final Occurrences out;
        final TargetResolver resolver;

        Collector(DocumentQuery q, Occurrences out) {
            this.q = q;
            this.arena = q.arena();
            this.scopes = q.scopes();
            this.out = out;
            this.resolver = new TargetResolver(q);
        }

        void collect(Target t, boolean withAccesses) {
            switch (t.kind) {
                case Target.SYMBOL: {
                    SymbolIndex index = q.index();
                    for (int g : t.groups) {
                        for (int i = 0, n = index.occurrenceCount(g); i < n; i++) out.add(index.occurrenceNode(g, i), index.occurrenceFlags(g, i));
                        // constructor(private x): the parameter is the member this.x too, reached as a property, not a scoped name
                        int cls = DeclaredTypes.classOfParameterProperty(q, scopes.declarationNode(g));
                        if (cls < 0) continue;
                        int from = out.count;
                        memberUses(new TargetResolver(q).memberOfType(cls, t.node, t.nameId), withAccesses);
                        for (int i = from; i < out.count; i++) if (arena.kind(out.nodes[i]) != BINDING_IDENTIFIER) out.flags[i] |= SymbolIndex.QUALIFIED;
                    }
                    if (withAccesses && t.accessGroup >= 0) qualifiedUses(t.accessGroup, t.nameId);
                    break;
                }
                case Target.MEMBER: {
                    memberUses(t, withAccesses);
                    SymbolIndex index = null;
                    for (int i = 0, members = out.count; i < members; i++) {
                        // a parameter property: its uses as the constructor's parameter
                        if (arena.kind(out.nodes[i]) != BINDING_IDENTIFIER || DeclaredTypes.classOfParameterProperty(q, out.nodes[i]) < 0) continue;
                        int symbol = q.symbolOfNode(out.nodes[i]);
                        if (symbol < 0) continue;
                        if (index == null) index = q.index();
                        int g = index.groupOf(symbol);
                        for (int j = 0, n = index.occurrenceCount(g); j < n; j++) out.add(index.occurrenceNode(g, j), index.occurrenceFlags(g, j));
                    }
                    break;
                }
                case Target.PRIVATE_NAME:
                    privateNames(t.containers[0], t.nameId);
                    break;
                case Target.LABEL:
                    labels(t.containers[0], t.nameId);
                    break;
                default:
                    break;
            }
        }

        private void memberUses(Target t, boolean withAccesses) {
            for (int container : t.containers) memberDeclarations(t.containerKind, container, t.nameId);
            if (t.containerKind == Target.CLASS) for (int container : t.containers) thisUses(container, t.nameId, t.containers.length > 1);
            if (t.containerKind == Target.OBJECT) for (int container : t.containers) objectThisUses(container, t.nameId);
            if (t.containerKind == Target.CLASS || t.containerKind == Target.INTERFACE) typedUses(t.containers, t.nameId);
            if (t.containerKind == Target.ENUM) for (int container : t.containers) enumInitializerUses(container, t.nameId);
            if (withAccesses && t.accessGroup >= 0) qualifiedUses(t.accessGroup, t.nameId);
        }

        /** Keys of the container's members named {@code name}; constructor parameter properties too. */
        private void memberDeclarations(int containerKind, int container, int name) {
            int list = container;
            if (containerKind == Target.CLASS || containerKind == Target.INTERFACE) {
                list = DeclaredTypes.membersList(arena, container);
                if (list < 0) return;
            }
            for (int m = arena.firstChild(list); m >= 0; m = arena.nextSibling(m)) {
                int mk = arena.kind(m);
                int key = Layouts.memberKey(arena, m);
                if (key < 0) continue;
                boolean member = mk == FIELD || mk == METHOD || mk == PROPERTY || mk == ENUM_MEMBER || mk == PROPERTY_SIGNATURE || mk == METHOD_SIGNATURE;
                boolean computed = mk != ENUM_MEMBER && (arena.data(m) & P_COMPUTED) != 0;
                if (member && !computed && arena.kind(key) == IDENTIFIER_NAME && arena.data(key) == name) {
                    out.add(key, SymbolIndex.DECLARATION | SymbolIndex.WRITE);
                }
                if (mk == METHOD && (arena.data(m) & C_CONSTRUCTOR) != 0) parameterProperties(m, name);
            }
        }

        private void parameterProperties(int constructor, int name) {
            int fn = Layouts.methodFunction(arena, constructor);
            int params = fn < 0 ? -1 : Layouts.functionParameters(arena, fn);
            int modifiers = MOD_PUBLIC | MOD_PRIVATE | MOD_PROTECTED | MOD_READONLY | MOD_OVERRIDE;
            for (int p = params < 0 ? -1 : arena.firstChild(params); p >= 0; p = arena.nextSibling(p)) {
                if (arena.kind(p) != PARAMETER || (arena.data(p) & modifiers) == 0) continue;
                int binding = Layouts.parameterTarget(arena, p);
                if (binding >= 0 && arena.kind(binding) == BINDING_IDENTIFIER && arena.data(binding) == name) {
                    out.add(binding, SymbolIndex.DECLARATION | SymbolIndex.WRITE);
                }
            }
        }

        /**
         * {@code this.name} in the class's own methods, fields and static blocks (not in nested
         * functions or classes); with {@code family}, {@code super.name} too (the base's member is the same one).
         */
        private void thisUses(int cls, int name, boolean family) {
            for (int n = TreePaths.firstInSubtree(arena, cls); n < cls; n++) {
                if (arena.kind(n) != MEMBER || (arena.data(n) & M_COMPUTED) != 0) continue;
                int object = Layouts.memberObject(arena, n);
                int property = Layouts.memberProperty(arena, n);
                boolean self = arena.kind(object) == THIS || (family && arena.kind(object) == SUPER);
                if (!self || property < 0 || arena.kind(property) != IDENTIFIER_NAME || arena.data(property) != name) continue;
                if (DeclaredTypes.classOfThis(q, n) != cls) continue;
                out.add(property, accessFlagsUp(n));
            }
        }

        /** {@code this.name} in the methods of an object literal ({@link DeclaredTypes#objectOfThis}). */
        private void objectThisUses(int object, int name) {
            for (int n = TreePaths.firstInSubtree(arena, object); n < object; n++) {
                if (arena.kind(n) != MEMBER || (arena.data(n) & M_COMPUTED) != 0 || arena.kind(Layouts.memberObject(arena, n)) != THIS) continue;
                int property = Layouts.memberProperty(arena, n);
                if (property < 0 || arena.kind(property) != IDENTIFIER_NAME || arena.data(property) != name) continue;
                if (DeclaredTypes.objectOfThis(q, n) == object) out.add(property, accessFlagsUp(n));
            }
        }

        /**
         * {@code v.name} where {@code v} is declared as an instance of one of the containers, or of
         * a class below one of them ({@link DeclaredTypes}): one pass over the member nodes, the
         * object's type read only where the property's name matches.
         */
        private void typedUses(int[] containers, int name) {
            for (int n = 0, count = arena.nodeCount(); n < count; n++) {
                int kind = arena.kind(n);
                if (kind == JSX_OPENING_ELEMENT) { // <C m={…}> where C's props are declared as the type
                    int attribute = JsxComponents.attributeNamed(arena, n, name);
                    if (attribute < 0) continue;
                    if (jsx == null) jsx = new JsxComponents(q);
                    int type = DeclaredTypes.resolveLocal(q, jsx.propsTypeName(n));
                    if (type >= 0 && matches(containers, type, name)) out.add(attribute, SymbolIndex.WRITE);
                    continue;
                }
                if (kind == OBJECT || kind == OBJECT_PATTERN) {
                    int key = DeclaredTypes.propertyKeyNamed(arena, n, name);
                    if (key < 0) continue;
                    int type = DeclaredTypes.resolveLocal(q, DeclaredTypes.typeNameOfLiteral(q, n));
                    if (type < 0 || !matches(containers, type, name)) continue;
                    for (int p = arena.firstChild(n); p >= 0; p = arena.nextSibling(p)) {
                        int k = p == key ? key : DeclaredTypes.propertyKeyOf(arena, p, name);
                        if (k >= 0) out.add(k, kind == OBJECT ? SymbolIndex.WRITE : SymbolIndex.READ);
                    }
                    continue;
                }
                if (kind != MEMBER || (arena.data(n) & M_COMPUTED) != 0) continue;
                int property = Layouts.memberProperty(arena, n);
                if (property < 0 || arena.kind(property) != IDENTIFIER_NAME || arena.data(property) != name) continue;
                int object = Layouts.memberObject(arena, n);
                int ok = object < 0 ? -1 : arena.kind(object);
                if (ok == SUPER || (ok == THIS && DeclaredTypes.thisParameterType(q, object) < 0)) continue; // thisUses; this declared by a this parameter is typed
                int type = DeclaredTypes.localType(q, object);
                if (type < 0) { // a union or Omit<T, K> whose member one declaration settles, as definition reads it
                    int declared = DeclaredTypes.declaredType(q, object), reference = ok == IDENTIFIER_REFERENCE ? object : -1;
                    type = TypeMembers.declaringContainer(q, declared, name, reference);
                    if (type < 0) { // a union whose constituents declare it apart: a use of each
                        int[] each = TypeMembers.declaringContainers(q, declared, name, reference);
                        for (int i = 0; each != null && i < each.length && type < 0; i++) if (matches(containers, each[i], name)) type = each[i];
                    }
                }
                if (type >= 0 && matches(containers, type, name)) out.add(property, accessFlagsUp(n));
            }
        }

        /** Whether instances of {@code type} reach the member through one of the containers (a class: along its extends chain). */
        private boolean matches(int[] containers, int type, int name) {
            if (type != lastType) {
                lastType = type;
                lastMatch = contains(containers, type);
                if (!lastMatch && isClass(arena.kind(type))) {
                    for (int c : ClassHierarchy.memberFamily(q, type, name)) if (contains(containers, c)) lastMatch = true;
                }
            }
            return lastMatch;
        }


        private JsxComponents jsx;

        /** {@link #typedUses}' answer for the type seen last: uses of one name are mostly through one type. */
        private int lastType = -1;
        private boolean lastMatch;

        private static boolean contains(int[] values, int value) {
            for (int v : values) if (v == value) return true;
            return false;
        }

        /** Names inside the enum's initialisers that are its own members (the binder resolves them outside). */
        private void enumInitializerUses(int decl, int name) {
            if (!SymbolIndex.isEnumMember(arena, decl, name)) return;
            for (int n = TreePaths.firstInSubtree(arena, decl); n < decl; n++) {
                if (arena.kind(n) == IDENTIFIER_REFERENCE && arena.data(n) == name) out.add(n, SymbolIndex.READ);
            }
        }

        /** {@code X.name} and {@code X.name} in types, where X is in {@code group}: one pass over the tree. */
        private void qualifiedUses(int group, int name) {
            SymbolIndex index = q.index();
            int[] matched = new int[8];
            int[] matchedAt = new int[8];
            int m = 0;
            for (int n = 0, count = arena.nodeCount(); n < count; n++) {
                int k = arena.kind(n);
                if (k == MEMBER || k == QUALIFIED_NAME) {
                    if (k == MEMBER && (arena.data(n) & M_COMPUTED) != 0) continue;
                    int object = Layouts.memberObject(arena, n);
                    int property = Layouts.memberProperty(arena, n);
                    if (property < 0 || arena.kind(object) != IDENTIFIER_REFERENCE || arena.kind(property) != IDENTIFIER_NAME
                            || arena.data(property) != name || index.groupOf(scopes.symbolOfNode(object)) != group) {
                        continue;
                    }
                    if (m == matched.length) {
                        matched = Arrays.copyOf(matched, m * 2);
                        matchedAt = Arrays.copyOf(matchedAt, m * 2);
                    }
                    matched[m] = n;
                    matchedAt[m++] = out.count;
                    out.add(property, SymbolIndex.READ | SymbolIndex.QUALIFIED);
                } else if (m > 0 && (k == ASSIGNMENT || k == UPDATE)) {
                    // assignment targets come before the assignment in node order, so they are already matched
                    int targetNode = unparenthesized(k == ASSIGNMENT ? Layouts.assignmentTarget(arena, n) : Layouts.operand(arena, n));
                    int i = Arrays.binarySearch(matched, 0, m, targetNode);
                    if (i >= 0) {
                        boolean plain = k == ASSIGNMENT && (arena.data(n) & 0xFFFF) == dev.arenals.parser.lexer.Token.ASSIGN;
                        out.flags[matchedAt[i]] = SymbolIndex.QUALIFIED | (plain ? SymbolIndex.WRITE : SymbolIndex.WRITE | SymbolIndex.READ);
                    }
                }
            }
        }

        private void privateNames(int cls, int name) {
            for (int n = TreePaths.firstInSubtree(arena, cls); n < cls; n++) {
                if (arena.kind(n) != PRIVATE_IDENTIFIER || arena.data(n) != name) continue;
                int[] path = TreePaths.pathFrom(arena, cls, n);
                if (path == null) continue;
                boolean shadowed = false;
                for (int i = 1; i < path.length - 1 && !shadowed; i++) {
                    shadowed = isClass(arena.kind(path[i])) && resolver.declaresPrivate(path[i], name);
                }
                if (shadowed) continue;
                int parent = path[path.length - 2];
                int pk = arena.kind(parent);
                boolean declaration = (pk == FIELD || pk == METHOD) && Layouts.memberKey(arena, parent) == n && path.length >= 3
                        && arena.kind(path[path.length - 3]) == CLASS_BODY;
                if (declaration) {
                    out.add(n, SymbolIndex.DECLARATION | SymbolIndex.WRITE);
                } else if (pk == MEMBER) {
                    out.add(n, accessFlagsUp(parent));
                } else {
                    out.add(n, SymbolIndex.READ); // #x in obj
                }
            }
        }

        private void labels(int labeled, int name) {
            int own = Layouts.labeledLabel(arena, labeled);
            out.add(own, SymbolIndex.DECLARATION);
            for (int n = TreePaths.firstInSubtree(arena, labeled); n < labeled; n++) {
                if (n == own || arena.kind(n) != LABEL || arena.data(n) != name) continue;
                int[] path = TreePaths.pathFrom(arena, labeled, n);
                if (path == null || path.length < 2) continue;
                int pk = arena.kind(path[path.length - 2]);
                if (pk != BREAK && pk != CONTINUE) continue;
                boolean elsewhere = false;
                for (int i = 1; i < path.length - 2 && !elsewhere; i++) {
                    int k = arena.kind(path[i]);
                    elsewhere = isFunction(k) || isClass(k)
                            || (k == LABELED && arena.data(Layouts.labeledLabel(arena, path[i])) == name);
                }
                if (!elsewhere) out.add(n, SymbolIndex.READ);
            }
        }

        /** Read, write or both for the member access {@code member} (an assignment's target, an update's operand), from the parent column. */
        private int accessFlagsUp(int member) {
            int parent = q.parentOf(member);
            while (parent >= 0 && arena.kind(parent) == PARENTHESIZED) parent = q.parentOf(parent);
            if (parent < 0) return SymbolIndex.READ;
            int pk = arena.kind(parent);
            if (pk == ASSIGNMENT && unparenthesized(Layouts.assignmentTarget(arena, parent)) == member) {
                boolean plain = (arena.data(parent) & 0xFFFF) == dev.arenals.parser.lexer.Token.ASSIGN;
                return plain ? SymbolIndex.WRITE : SymbolIndex.WRITE | SymbolIndex.READ;
            }
            if (pk == UPDATE) return SymbolIndex.WRITE | SymbolIndex.READ;
            return SymbolIndex.READ;
        }

        private int unparenthesized(int node) {
            while (node >= 0 && arena.kind(node) == PARENTHESIZED) node = Layouts.operand(arena, node);
            return node;
        }
    }
}
