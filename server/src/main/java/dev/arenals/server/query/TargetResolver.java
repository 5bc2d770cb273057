package dev.arenals.server.query;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.ScopeKind;
import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import java.util.Arrays;

/**
 * Offset → {@link Target}: the binder's symbol when the name has one; otherwise what the syntax
 * around the name says (export and import specifier names, JSX tags, members, private names,
 * labels). Answers only from the tree and the binder, never by matching text.
 */
public final class TargetResolver {
    private final DocumentQuery q;
    private final Arena arena;
    private final ScopeTable scopes;

    public TargetResolver(DocumentQuery q) {
        this.q = q;
        this.arena = q.arena();
        this.scopes = q.scopes();
    }

    /** The target of the name at {@code offset}, or null when there is none. */
    public Target at(int offset) {
        int ident = q.identifierAt(offset);
        if (ident < 0) return null;
        int kind = arena.kind(ident);
        int name = arena.data(ident);
        int symbol = scopes.symbolOfNode(ident);
        SymbolIndex index = q.index();
        // (a name node has a symbol when it is one of two names on a span, or the subject of `x is T`)
        if (symbol >= 0 && (kind != IDENTIFIER_NAME || isPredicateSubject(ident))) {
            if (kind == IDENTIFIER_REFERENCE && arena.isTypeScript()) {
                Target enumMember = enumMemberInInitializer(ident, name);
                if (enumMember != null) return enumMember;
            }
            int group = index.groupOf(symbol);
            return Target.symbol(ident, name, new int[] {group}, namespaceOf(group));
        }
        int[] path = TreePaths.pathTo(arena, ident);
        if (path == null || path.length < 2) return null;
        int parent = path[path.length - 2];
        int pk = arena.kind(parent);
        switch (kind) {
            case IDENTIFIER_NAME:
                return nameTarget(ident, name, path, parent, pk);
            case PRIVATE_IDENTIFIER:
                return privateTarget(ident, name, path);
            case LABEL:
                return labelTarget(ident, name, path, parent, pk);
            case JSX_IDENTIFIER:
                return jsxTarget(ident, name, path);
            default:
                return null;
        }
    }

    private boolean isPredicateSubject(int ident) {
        int parent = TreePaths.parent(arena, ident);
        return parent >= 0 && arena.kind(parent) == TYPE_PREDICATE && Layouts.typePredicateSubject(arena, parent) == ident;
    }

    private Target nameTarget(int ident, int name, int[] path, int parent, int pk) {
        boolean isKey = Layouts.memberKey(arena, parent) == ident; // of a PROPERTY, FIELD, METHOD or ENUM_MEMBER (after decorators)
        switch (pk) {
            case EXPORT_SPECIFIER: {
                // export { a } / export { a as b }: both names lead to the local declaration
                int local = Layouts.exportLocal(arena, parent);
                int group = localExportGroup(path, local);
                return group < 0 ? null : Target.symbol(ident, arena.data(local), new int[] {group}, -1);
            }
            case IMPORT_SPECIFIER: {
                // the imported name of import { a as b }: the import's local binding
                int binding = Layouts.importLocal(arena, parent);
                int symbol = binding < 0 ? -1 : scopes.symbolOfNode(binding);
                return symbol < 0 ? null : Target.symbol(ident, arena.data(binding), new int[] {q.index().groupOf(symbol)}, -1);
            }
            case MEMBER:
            case QUALIFIED_NAME: {
                if (Layouts.memberProperty(arena, parent) != ident || (pk == MEMBER && (arena.data(parent) & M_COMPUTED) != 0)) return null;
                int object = Layouts.memberObject(arena, parent);
                if (arena.kind(object) == THIS) {
                    if (DeclaredTypes.thisParameterType(q, object) >= 0) return typedMember(object, ident, name); // f(this: T)
                    int cls = DeclaredTypes.classOfThis(q, ident);
                    if (cls >= 0) return Target.member(ident, name, Target.CLASS, ClassHierarchy.memberFamily(q, cls, name), classGroup(cls));
                    int literal = DeclaredTypes.objectOfThis(q, ident); // this.a in a method of { a: 1, m() {…} }
                    if (literal < 0 || DeclaredTypes.propertyKeyNamed(arena, literal, name) < 0) return null;
                    int[] literalPath = TreePaths.pathTo(arena, literal);
                    return Target.member(ident, name, Target.OBJECT, new int[] {literal}, literalPath == null ? -1 : constGroupOfObject(literalPath, literalPath.length - 1));
                }
                if (arena.kind(object) == SUPER) {
                    // super.m: the member of the class this one extends (in this file)
                    int cls = DeclaredTypes.classOfThis(q, ident);
                    int base = cls < 0 ? -1 : ClassHierarchy.baseInFile(q, cls);
                    return base < 0 ? null : Target.member(ident, name, Target.CLASS, ClassHierarchy.memberFamily(q, base, name), classGroup(base));
                }
                if (pk == MEMBER && arena.kind(object) != IDENTIFIER_REFERENCE) return typedMember(object, ident, name);
                if (arena.kind(object) != IDENTIFIER_REFERENCE) return null;
                int symbol = scopes.symbolOfNode(object);
                if (symbol < 0 || !q.isDeclared(symbol)) return null;
                Target member = memberOf(q.index().groupOf(symbol), ident, name, pk == QUALIFIED_NAME && !inTypeQuery(path));
                return member != null || pk != MEMBER ? member : typedMember(object, ident, name);
            }
            case PROPERTY_SIGNATURE:
            case METHOD_SIGNATURE: {
                if (!isKey || (arena.data(parent) & P_COMPUTED) != 0 || path.length < 4) return null;
                int list = path[path.length - 3];
                if (arena.kind(list) == TYPE_LITERAL) { // a member of `type T = { … }` or of `(o: { … })`: the literal is the container
                    int alias = path[path.length - 4];
                    return arena.kind(alias) != TYPE_ALIAS || DeclaredTypes.objectTypeOf(arena, alias) == list ? interfaceMember(list, ident, name) : null;
                }
                if (arena.kind(list) != INTERFACE_BODY) return null;
                return interfaceMember(path[path.length - 4], ident, name);
            }
            case PROPERTY: {
                if (!isKey || (arena.data(parent) & P_COMPUTED) != 0 || path.length < 4) return null;
                int object = path[path.length - 3];
                if (arena.kind(object) != OBJECT) return null;
                int group = constGroupOfObject(path, path.length - 3);
                return group < 0 ? null : Target.member(ident, name, Target.OBJECT, new int[] {object}, group);
            }
            case FIELD:
            case METHOD: {
                if (!isKey || path.length < 4 || arena.kind(path[path.length - 3]) != CLASS_BODY) return null;
                int cls = path[path.length - 4];
                return Target.member(ident, name, Target.CLASS, ClassHierarchy.memberFamily(q, cls, name), classGroup(cls));
            }
            case ENUM_MEMBER: {
                if (!isKey || path.length < 3) return null;
                int decl = path[path.length - 3];
                int group = groupOfDeclaringName(decl);
                int[] containers = group < 0 ? new int[] {decl} : declarationsOfKind(group, ENUM_DECLARATION);
                return Target.member(ident, name, Target.ENUM, containers, group);
            }
            default:
                return null;
        }
    }

    /**
     * {@code v.name} where {@code v} is declared as an instance of a class or interface of this
     * file ({@link DeclaredTypes}), or as a union, intersection or mapped type of them whose
     * member one declaration settles ({@link TypeMembers}): that type's member, or null.
     */
    private Target typedMember(int object, int ident, int name) {
        int type = DeclaredTypes.localType(q, object);
        if (type >= 0) return memberOfType(type, ident, name);
        // a union (narrowed by the discriminant tests around a name's read), Omit<T, K>, …
        int declared = DeclaredTypes.declaredType(q, object, 0), reference = arena.kind(object) == IDENTIFIER_REFERENCE ? object : -1;
        type = TypeMembers.declaringContainer(q, declared, name, reference);
        if (type >= 0) return memberOfType(type, ident, name);
        int[] each = TypeMembers.declaringContainers(q, declared, name, reference);
        return each == null || each.length < 2 ? null : unionMember(each, ident, name);
    }

    /**
     * {@code s.area} where {@code s: Circle | Square} and each declares {@code area}: one member
     * of every constituent's family, as TypeScript relates a union's property to each declaration.
     */
    private Target unionMember(int[] containers, int ident, int name) {
        int[] all = new int[0];
        boolean classes = false;
        for (int c : containers) {
            int[] family = isClass(arena.kind(c)) || arena.kind(c) == INTERFACE_DECLARATION ? ClassHierarchy.memberFamily(q, c, name) : new int[] {c};
            for (int f : family) {
                boolean seen = false;
                for (int x : all) seen |= x == f;
                if (seen) continue;
                all = Arrays.copyOf(all, all.length + 1);
                all[all.length - 1] = f;
                classes |= isClass(arena.kind(f));
            }
        }
        // a call picks one signature: TypeScript's definition answers the first constituent's (the union signature's declaration)
        int access = TreePaths.parent(arena, ident), call = access < 0 ? -1 : TreePaths.parent(arena, access);
        boolean called = call >= 0 && arena.kind(call) == CALL && Layouts.callCallee(arena, call) == access;
        return Target.memberOfEach(ident, name, classes ? Target.CLASS : Target.INTERFACE, all, called ? new int[] {containers[0]} : containers);
    }

    /** The member {@code name} of instances of {@code type}, a class or interface declaration of this file; {@code ident} the node asked about. */
    public Target memberOfType(int type, int ident, int name) {
        if (isClass(arena.kind(type))) return Target.member(ident, name, Target.CLASS, ClassHierarchy.memberFamily(q, type, name), classGroup(type));
        return interfaceMember(type, ident, name);
    }

    /**
     * A member of an interface: every declaration of the interface (they merge) holds it, and the
     * classes implementing it and interfaces extending it share it ({@link ClassHierarchy#memberFamily});
     * a type literal is its own container.
     */
    private Target interfaceMember(int iface, int ident, int name) {
        if (arena.kind(iface) != INTERFACE_DECLARATION) return Target.member(ident, name, Target.INTERFACE, new int[] {iface}, -1);
        int[] family = ClassHierarchy.memberFamily(q, iface, name);
        boolean withClasses = false;
        for (int t : family) withClasses |= isClass(arena.kind(t));
        return Target.member(ident, name, withClasses ? Target.CLASS : Target.INTERFACE, family, -1);
    }

    /** Whether the name at the end of {@code path} is inside {@code typeof …} (a value read in a type). */
    private boolean inTypeQuery(int[] path) {
        for (int i = path.length - 2; i >= 0 && arena.kind(path[i]) == QUALIFIED_NAME; i--) {
            if (i > 0 && arena.kind(path[i - 1]) == TYPE_QUERY) return true;
        }
        return false;
    }

    /**
     * {@code X.name}: a member of the class, enum, namespace or object-literal const X. As a type
     * ({@code X.Service} outside {@code typeof}) a class has no members, so a class merged with a
     * namespace of that name leads into the namespace.
     */
    private Target memberOf(int group, int ident, int name, boolean asType) {
        SymbolIndex index = q.index();
        for (int i = 0, n = index.occurrenceCount(group); i < n; i++) {
            if ((index.occurrenceFlags(group, i) & SymbolIndex.DECLARATION) == 0) continue;
            int decl = index.occurrenceNode(group, i);
            int[] path = TreePaths.pathTo(arena, decl);
            if (path == null || path.length < 2) continue;
            int owner = path[path.length - 2];
            int ok = arena.kind(owner);
            if (isClass(ok)) {
                if (asType) continue;
                return Target.member(ident, name, Target.CLASS, ClassHierarchy.memberFamily(q, owner, name), group);
            }
            if (ok == ENUM_DECLARATION) return Target.member(ident, name, Target.ENUM, declarationsOfKind(group, ENUM_DECLARATION), group);
            if (ok == MODULE_DECLARATION) {
                int[] groups = namespaceMembers(group, name);
                return groups.length == 0 ? null : Target.symbol(ident, name, groups, group);
            }
            if (ok == VARIABLE_DECLARATOR && Layouts.declaratorTarget(arena, owner) == decl) {
                int object = constObjectInitializer(path, path.length - 2);
                if (object >= 0) return Target.member(ident, name, Target.OBJECT, new int[] {object}, group);
            }
        }
        return null;
    }

    /** The declarations of {@code kind} (enums, interfaces: they merge) whose names are in {@code group}. */
    int[] declarationsOfKind(int group, int kind) {
        SymbolIndex index = q.index();
        int[] out = new int[4];
        int n = 0;
        for (int i = 0, count = index.occurrenceCount(group); i < count; i++) {
            if ((index.occurrenceFlags(group, i) & SymbolIndex.DECLARATION) == 0) continue;
            int owner = q.parentOf(index.occurrenceNode(group, i));
            if (owner >= 0 && arena.kind(owner) == kind) {
                if (n == out.length) out = Arrays.copyOf(out, n * 2);
                out[n++] = owner;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Groups of the declarations named {@code name} in the blocks of namespace group {@code group}. */
    private int[] namespaceMembers(int group, int name) {
        SymbolIndex index = q.index();
        int[] out = new int[2];
        int n = 0;
        for (int i = 0, count = index.occurrenceCount(group); i < count; i++) {
            if ((index.occurrenceFlags(group, i) & SymbolIndex.DECLARATION) == 0) continue;
            int owner = TreePaths.parent(arena, index.occurrenceNode(group, i));
            if (owner < 0 || arena.kind(owner) != MODULE_DECLARATION) continue;
            int block = Layouts.moduleBody(arena, owner);
            if (block < 0) continue;
            int scope = scopeOfNode(block);
            if (scope < 0) continue;
            for (int s = 0, symbols = scopes.symbolCount(); s < symbols; s++) {
                if (scopes.scope(s) != scope || scopes.nameId(s) != name || !q.isDeclared(s)) continue;
                int g = index.groupOf(s);
                boolean seen = false;
                for (int j = 0; j < n; j++) seen |= out[j] == g;
                if (seen) continue;
                if (n == out.length) out = Arrays.copyOf(out, n * 2);
                out[n++] = g;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** For a symbol declared in a namespace block, the namespace's group (so {@code N.x} counts as a use), else -1. */
    int namespaceOf(int group) {
        if (group < 0 || !q.isDeclared(group)) return -1;
        int scope = scopes.scope(group);
        if (scopes.scopeKind(scope) != ScopeKind.NAMESPACE) return -1;
        int owner = TreePaths.parent(arena, scopes.scopeNode(scope));
        if (owner < 0 || arena.kind(owner) != MODULE_DECLARATION) return -1;
        int name = Layouts.moduleName(arena, owner);
        if (name < 0 || arena.kind(name) != BINDING_IDENTIFIER) return -1;
        int symbol = scopes.symbolOfNode(name);
        return symbol < 0 ? -1 : q.index().groupOf(symbol);
    }

    private int scopeOfNode(int node) {
        for (int s = 0, n = scopes.scopeCount(); s < n; s++) if (scopes.scopeNode(s) == node) return s;
        return -1;
    }

    /** The group of a class's name, or -1 for an anonymous class. */
    int classGroup(int cls) { return groupOfDeclaringName(cls); }

    /** The group of the binding identifier that names a class, enum or other declaration, or -1. */
    private int groupOfDeclaringName(int decl) {
        int name = Layouts.declarationName(arena, decl);
        int symbol = name < 0 ? -1 : scopes.symbolOfNode(name);
        return symbol < 0 ? -1 : q.index().groupOf(symbol);
    }

    /**
     * path[at] is a declarator whose target is path[at + 1]: its initialiser when the declaration is
     * {@code const} and the initialiser an object literal (through parentheses, {@code as const},
     * {@code satisfies}), else -1.
     */
    private int constObjectInitializer(int[] path, int at) {
        int declarator = path[at];
        if (at < 1 || arena.kind(path[at - 1]) != VARIABLE_DECLARATION || (arena.data(path[at - 1]) & 0xFF) != VAR_CONST) return -1;
        // const v: T = {…} and {…} as T are T's (the type's members are the definitions); as const and satisfies keep the literal's
        if (Layouts.declaratorType(arena, declarator) >= 0) return -1;
        int init = Layouts.declaratorInit(arena, declarator);
        while (init >= 0 && (arena.kind(init) == PARENTHESIZED || arena.kind(init) == AS_EXPRESSION
                || arena.kind(init) == SATISFIES_EXPRESSION)) {
            if (arena.kind(init) == AS_EXPRESSION && !DeclaredTypes.isConstAssertion(arena, init)) return -1;
            init = Layouts.operand(arena, init);
        }
        return init >= 0 && arena.kind(init) == OBJECT ? init : -1;
    }

    /** For an object literal at path[at], the group of the const it initialises, or -1. */
    private int constGroupOfObject(int[] path, int at) {
        for (int i = at - 1; i >= 1; i--) {
            int k = arena.kind(path[i]);
            if (k == PARENTHESIZED || k == AS_EXPRESSION || k == SATISFIES_EXPRESSION) continue;
            if (k != VARIABLE_DECLARATOR) return -1;
            int target = Layouts.declaratorTarget(arena, path[i]);
            if (target < 0 || arena.kind(target) != BINDING_IDENTIFIER) return -1;
            int[] declPath = Arrays.copyOf(path, i + 2);
            declPath[i + 1] = target;
            if (constObjectInitializer(declPath, i) != path[at]) return -1;
            int symbol = scopes.symbolOfNode(target);
            return symbol < 0 ? -1 : q.index().groupOf(symbol);
        }
        return -1;
    }

    /** Inside an enum member's initialiser, a bare name that is another member of the enum. */
    private Target enumMemberInInitializer(int ident, int name) {
        int[] path = TreePaths.pathTo(arena, ident);
        if (path == null) return null;
        for (int i = path.length - 2; i >= 1; i--) {
            if (arena.kind(path[i]) != ENUM_MEMBER) continue;
            int decl = path[i - 1];
            if (arena.kind(decl) != ENUM_DECLARATION) return null;
            int group = groupOfDeclaringName(decl);
            int[] containers = group < 0 ? new int[] {decl} : declarationsOfKind(group, ENUM_DECLARATION);
            // the enum it is written in decides, as in the index (SymbolIndex.enumMemberUses)
            return SymbolIndex.isEnumMember(arena, decl, name) ? Target.member(ident, name, Target.ENUM, containers, group) : null;
        }
        return null;
    }

    private int localExportGroup(int[] path, int local) {
        if (arena.kind(local) != IDENTIFIER_NAME || path.length < 3) return -1;
        int exportNamed = path[path.length - 3];
        if (Layouts.moduleSource(arena, exportNamed) >= 0) return -1;
        SymbolIndex.NameLookup lookup = new SymbolIndex.NameLookup(arena, scopes, leaders());
        return lookup.groupAt(arena.start(local), arena.data(local));
    }

    private int[] leaders() {
        SymbolIndex index = q.index();
        int[] leader = new int[scopes.symbolCount()];
        for (int s = 0; s < leader.length; s++) leader[s] = index.groupOf(s);
        return leader;
    }

    private Target privateTarget(int ident, int name, int[] path) {
        for (int i = path.length - 2; i >= 0; i--) {
            if (isClass(arena.kind(path[i])) && declaresPrivate(path[i], name)) return Target.privateName(ident, name, path[i]);
        }
        return null;
    }

    boolean declaresPrivate(int cls, int name) {
        int body = Layouts.classBody(arena, cls);
        for (int m = body < 0 ? -1 : arena.firstChild(body); m >= 0; m = arena.nextSibling(m)) {
            int key = Layouts.memberKey(arena, m);
            if (key >= 0 && arena.kind(key) == PRIVATE_IDENTIFIER && arena.data(key) == name) return true;
        }
        return false;
    }

    private Target labelTarget(int ident, int name, int[] path, int parent, int pk) {
        if (pk == LABELED) return Target.label(ident, name, parent);
        if (pk != BREAK && pk != CONTINUE) return null;
        for (int i = path.length - 3; i >= 0; i--) {
            int k = arena.kind(path[i]);
            if (isFunction(k) || isClass(k)) return null; // labels do not cross functions
            if (k == LABELED) {
                int label = Layouts.labeledLabel(arena, path[i]);
                if (label >= 0 && arena.data(label) == name) return Target.label(ident, name, path[i]);
            }
        }
        return null;
    }

    private Target jsxTarget(int ident, int name, int[] path) {
        int parent = path.length >= 3 ? path[path.length - 2] : -1;
        if (parent >= 0 && arena.kind(parent) == JSX_ATTRIBUTE && Layouts.jsxAttributeName(arena, parent) == ident) {
            // <C m={…}>: the member m of C's props type, when this file declares both
            int opening = path[path.length - 3];
            int type = arena.kind(opening) == JSX_OPENING_ELEMENT ? DeclaredTypes.resolveLocal(q, new JsxComponents(q).propsTypeName(opening)) : -1;
            return type < 0 ? null : memberOfType(type, ident, name);
        }
        for (int i = path.length - 2; i >= 0; i--) {
            int k = arena.kind(path[i]);
            if (k == JSX_MEMBER_EXPRESSION) continue;
            if ((k == JSX_OPENING_ELEMENT || k == JSX_CLOSING_ELEMENT) && SymbolIndex.jsxTagIdentifier(arena, path[i]) == ident) {
                SymbolIndex.NameLookup lookup = new SymbolIndex.NameLookup(arena, scopes, leaders());
                int group = lookup.groupAt(arena.start(ident), name);
                return group < 0 ? null : Target.symbol(ident, name, new int[] {group}, -1);
            }
            return null;
        }
        return null;
    }
}
