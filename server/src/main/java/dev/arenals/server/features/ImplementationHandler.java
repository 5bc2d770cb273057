package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.ClassHierarchy;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.TreePaths;
import dev.arenals.server.workspace.CrossFileNavigator;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TypeHierarchyItem;

/**
 * The per-document parts of {@code textDocument/implementation}, answered as TypeScript does
 * without types: on a class or interface, every class and interface below it (a class itself
 * too); on a member of one, the members of that name with a body or a value in the classes below
 * it (the member itself when it has one); on anything else, its definition. Walking the subtypes
 * across files is the protocol layer's (through {@link TypeHierarchyHandler}).
 */
public final class ImplementationHandler {
    private final DefinitionHandler definitions = new DefinitionHandler();

    /**
     * What the cursor asks about: the declarations to start from and, when it is on a member
     * (its declaration in a class or interface, or {@code this.m}), that member's name, the
     * declarations then being those of the type that declares it.
     */
    public record Seed(List<Location> declarations, String member) {
        public static final Seed NONE = new Seed(List.of(), null);
    }

    public Seed seed(Document doc, Position position, CrossFileNavigator navigator) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return Seed.NONE;
        int name = q.identifierAt(q.offset(position));
        if (name < 0) return Seed.NONE;
        Arena a = q.arena();
        int holder = TreePaths.parent(a, name);
        if (holder >= 0 && a.kind(name) == IDENTIFIER_NAME) {
            int owner = memberOwner(a, holder, name);
            if (owner >= 0) return new Seed(List.of(q.locationOfNode(Layouts.declarationName(a, owner))), a.names().name(a.data(name)));
            int declaring = thisMemberDeclarer(q, holder, name);
            if (declaring >= 0) return new Seed(List.of(q.locationOfNode(Layouts.declarationName(a, declaring))), a.names().name(a.data(name)));
        }
        return new Seed(definitions.definition(doc, position, navigator), null);
    }

    /** The named class or interface declaring the member whose key is {@code name} (a direct child of {@code member}), or -1. */
    private static int memberOwner(Arena a, int member, int name) {
        int k = a.kind(member);
        if (k != METHOD && k != FIELD && k != METHOD_SIGNATURE && k != PROPERTY_SIGNATURE) return -1;
        if (Layouts.memberKey(a, member) != name || (a.data(member) & (C_STATIC | C_CONSTRUCTOR)) != 0 && k != PROPERTY_SIGNATURE && k != METHOD_SIGNATURE) return -1;
        int body = TreePaths.parent(a, member);
        int owner = body < 0 ? -1 : TreePaths.parent(a, body);
        if (owner < 0) return -1;
        int ok = a.kind(owner);
        if (!((isClass(ok) && a.kind(body) == CLASS_BODY) || (ok == INTERFACE_DECLARATION && a.kind(body) == INTERFACE_BODY))) return -1;
        return Layouts.declarationName(a, owner) >= 0 ? owner : -1;
    }

    /**
     * For {@code this.m} inside a class's methods: the class (it or one above it in this file)
     * that declares {@code m}, or -1 when {@code this} is not the class's or no class here declares it.
     */
    private static int thisMemberDeclarer(DocumentQuery q, int member, int name) {
        Arena a = q.arena();
        if (a.kind(member) != MEMBER) return -1;
        int object = Layouts.memberObject(a, member);
        if (object < 0 || a.kind(object) != THIS || Layouts.memberProperty(a, member) != name) return -1;
        int[] path = TreePaths.pathTo(a, member);
        if (path == null) return -1;
        int cls = -1;
        for (int i = path.length - 2; i >= 0 && cls < 0; i--) {
            int k = a.kind(path[i]);
            if (k == FUNCTION_DECLARATION) return -1; // its own this
            if (k == FUNCTION_EXPRESSION && (i == 0 || a.kind(path[i - 1]) != METHOD)) return -1;
            if (isClass(k)) cls = path[i];
        }
        if (cls < 0) return -1;
        int nameId = a.data(name);
        for (int c = cls, depth = 0; c >= 0 && depth < ClassHierarchy.MAX_DEPTH; c = ClassHierarchy.baseInFile(q, c), depth++) {
            if (ClassHierarchy.declaresMember(a, c, nameId)) {
                return Layouts.declarationName(a, c) >= 0 ? c : -1;
            }
        }
        return -1;
    }

    /**
     * The names of the instance members called {@code member} that have a body or a value (not
     * abstract, not signatures) in {@code types}, the class and interface items of this document;
     * in an ambient context (a .d.ts file, inside {@code declare}) every declaration of the member,
     * signatures too, as TypeScript counts them.
     */
    public List<Location> concreteMembers(Document doc, List<TypeHierarchyItem> types, String member) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        Arena a = q.arena();
        List<Location> out = new ArrayList<>();
        for (TypeHierarchyItem item : types) {
            if (!item.getUri().equals(doc.uri())) continue;
            int offset = q.offset(item.getSelectionRange().getStart());
            int type = offset < 0 ? -1 : TypeHierarchyHandler.typeDeclarationNamedAt(q, offset, false);
            if (type < 0) continue;
            boolean ambient = isAmbient(a, type);
            if (!ambient && !isClass(a.kind(type))) continue;
            int body = isClass(a.kind(type)) ? Layouts.classBody(a, type) : Layouts.interfaceBody(a, type);
            for (int m = body < 0 ? -1 : a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
                int key = Layouts.memberKey(a, m);
                if (key < 0 || a.kind(key) != IDENTIFIER_NAME || !a.names().equals(a.data(key), member)) continue;
                if (ambient ? isDeclaredMember(a, m) : isConcrete(a, m)) out.add(q.locationOfNode(key));
            }
        }
        return out;
    }

    private static boolean hasValue(Arena a, int field) { return Layouts.fieldValue(a, field) >= 0; }

    /**
     * The object literals that {@code uses} (locations of a type's name in this document) type by
     * annotation — {@code const v: T = {…}}, a parameter {@code p: T = {…}}, a field
     * {@code f: T = {…}} — or with a {@code member}, their properties of that name: implementations
     * to TypeScript too.
     */
    public List<Location> typedObjects(Document doc, List<Location> uses, String member) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        Arena a = q.arena();
        List<Location> out = new ArrayList<>();
        for (Location l : uses) {
            if (!l.getUri().equals(doc.uri())) continue;
            int offset = q.offset(l.getRange().getStart());
            int name = offset < 0 ? -1 : q.identifierAt(offset);
            int initializer = name < 0 ? -1 : initializerTypedBy(a, name);
            int object = TreePaths.unwrapped(a, initializer);
            if (object < 0 || a.kind(object) != OBJECT) continue;
            if (member == null) {
                out.add(q.locationOfNode(initializer)); // `({ … })` from its parenthesis, as TypeScript
                continue;
            }
            for (int p = a.firstChild(object); p >= 0; p = a.nextSibling(p)) {
                if (a.kind(p) != PROPERTY || (a.data(p) & P_COMPUTED) != 0) continue;
                int key = Layouts.propertyKey(a, p);
                int kk = key < 0 ? -1 : a.kind(key);
                if ((kk == IDENTIFIER_NAME || kk == IDENTIFIER_REFERENCE) && a.names().equals(a.data(key), member)) out.add(q.locationOfNode(key));
            }
        }
        return out;
    }

    /** The initializer of the declaration whose type annotation is the name {@code use} ({@code T}, {@code ns.T}, {@code T<U>}), or -1. */
    private static int initializerTypedBy(Arena a, int use) {
        int[] path = TreePaths.pathTo(a, use);
        if (path == null) return -1;
        int i = path.length - 1;
        int current = use;
        if (i >= 1 && a.kind(path[i - 1]) == QUALIFIED_NAME) {
            if (Layouts.memberObject(a, path[i - 1]) == current) return -1;
            current = path[--i];
        }
        if (i < 2 || a.kind(path[i - 1]) != TYPE_REFERENCE || Layouts.typeReferenceName(a, path[i - 1]) != current) return -1;
        int type = path[i - 1];
        int declaration = path[i - 2];
        switch (a.kind(declaration)) {
            case VARIABLE_DECLARATOR: return Layouts.declaratorType(a, declaration) == type ? Layouts.declaratorInit(a, declaration) : -1;
            case PARAMETER: return Layouts.parameterType(a, declaration) == type ? Layouts.parameterInitializer(a, declaration) : -1;
            case FIELD: return Layouts.fieldType(a, declaration) == type ? Layouts.fieldValue(a, declaration) : -1;
            default: return -1;
        }
    }

    /** Whether {@code type} is ambient: in a declaration file, or declared with or inside {@code declare}. */
    private static boolean isAmbient(Arena a, int type) {
        if (a.isDeclarationFile()) return true;
        int[] path = TreePaths.pathTo(a, type);
        if (path == null) return false;
        for (int n : path) {
            int k = a.kind(n);
            if ((k == MODULE_DECLARATION || k == CLASS_DECLARATION || k == INTERFACE_DECLARATION) && (a.data(n) & MOD_DECLARE) != 0) return true;
        }
        return false;
    }

    /** An instance method, field or signature (not static, a constructor nor computed). */
    private static boolean isDeclaredMember(Arena a, int m) {
        int k = a.kind(m);
        if (k == METHOD_SIGNATURE || k == PROPERTY_SIGNATURE) return true;
        return (k == METHOD || k == FIELD) && (a.data(m) & (C_STATIC | C_CONSTRUCTOR | P_COMPUTED)) == 0;
    }

    /** A method with a body or a field with a value, neither abstract, static, a constructor nor computed. */
    private static boolean isConcrete(Arena a, int m) {
        int k = a.kind(m);
        int data = a.data(m);
        if ((data & (MOD_ABSTRACT | MOD_DECLARE | C_STATIC | C_CONSTRUCTOR | P_COMPUTED)) != 0) return false;
        if (k == FIELD) return hasValue(a, m); // as TypeScript: `f!: T` and `f?: T` declare, `f = v` implements
        if (k != METHOD) return false;
        for (int c = a.firstChild(m); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) != FUNCTION_EXPRESSION) continue;
            for (int d = a.firstChild(c); d >= 0; d = a.nextSibling(d)) if (a.kind(d) == FUNCTION_BODY) return true;
        }
        return false;
    }
}
