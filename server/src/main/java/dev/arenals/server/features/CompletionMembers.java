package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.query.ClassHierarchy;
import dev.arenals.server.query.CommonJs;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.DeclaredTypes;
import dev.arenals.server.query.TypeMembers;
import dev.arenals.server.query.JsxComponents;
import dev.arenals.server.query.LibMembers;
import dev.arenals.server.query.LibTypes;
import dev.arenals.server.query.TreePaths;
import dev.arenals.server.workspace.CrossFileNavigator;
import dev.arenals.server.workspace.FileSummary;
import dev.arenals.server.workspace.Summarizer;
import dev.arenals.server.workspace.ModuleResolver;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.CompletionItemKind;

/**
 * Members after a dot, from declarations only (no types): {@code this.} in a class (its fields,
 * accessors and methods, then those of the classes it extends in the same file), a class's
 * static members, an enum's members, a namespace's exports, the properties of an object literal
 * a variable is bound to ({@code o.a.} too), and a namespace import's module exports from the
 * workspace index.
 */
final class CompletionMembers {
    /** How far a chain like {@code a.b.c.} or an extends chain is followed. */
    private static final int MAX_DEPTH = 16;

    /** Receives one member: its name, LSP kind, the node declaring it (-1 when in another file), the rank group. */
    interface Sink {
        void member(String name, CompletionItemKind kind, int declarationNode, int group, String detail);
    }

    private final DocumentQuery q;
    private final Arena arena;
    private final ScopeTable scopes;
    private final WorkspaceIndex index;
    private final Path file;

    CompletionMembers(DocumentQuery q, WorkspaceIndex index, Path file) {
        this.q = q;
        this.arena = q.arena();
        this.scopes = q.scopes();
        this.index = index;
        this.file = file;
    }

    /**
     * Whether a protected member a class of this file inherits from another file's class may be read
     * here: through {@code this}/{@code super}, or an instance of a class around the cursor or of one
     * extending it (TS2446's rule, as {@link #accessibleFrom} applies it to this file's members).
     */
    private boolean protectedOfImportedBasesReadable;

    void membersOf(CompletionContext c, Sink all) {
        int object = c.objectNode;
        if (object < 0) return;
        int ok = arena.kind(object);
        int receiver = ok == THIS || ok == SUPER ? DeclaredTypes.classOfThis(q, object) : DeclaredTypes.localType(q, object);
        protectedOfImportedBasesReadable = ok == THIS || ok == SUPER || instanceOfAClassAround(c.path, receiver);
        Sink sink = (name, kind, decl, group, detail) -> {
            if (accessibleFrom(c.path, decl, receiver)) all.member(name, kind, decl, group, detail);
        };
        int k = arena.kind(object);
        if (k == THIS && DeclaredTypes.thisParameterType(q, object) >= 0) { // function (this: T): T's members, not a class's
            instanceMembers(object, sink);
            return;
        }
        if (k == THIS && DeclaredTypes.classOfThis(q, object) < 0 && DeclaredTypes.objectOfThis(q, object) >= 0) { // a method of { … }
            containerMembers(DeclaredTypes.objectOfThis(q, object), sink);
            return;
        }
        if (k == THIS || k == SUPER) {
            int[] path = c.path;
            boolean isStatic = false;
            for (int i = path.length - 1; i >= 0; i--) {
                int pk = arena.kind(path[i]);
                if (pk == FUNCTION_EXPRESSION || pk == FUNCTION_DECLARATION) {
                    // `this` is the class's only in a method's own function
                    if (i == 0 || arena.kind(path[i - 1]) != METHOD) return;
                    isStatic = (arena.data(path[i - 1]) & C_STATIC) != 0;
                } else if (pk == FIELD || pk == STATIC_BLOCK) {
                    if (pk == STATIC_BLOCK || (arena.data(path[i]) & C_STATIC) != 0) isStatic = true;
                } else if (pk == CLASS_BODY && i > 0) {
                    int cls = path[i - 1];
                    if (k == SUPER) {
                        Sink viaSuper = isStatic ? sink : readableThroughSuper(sink);
                        int base = baseClass(cls);
                        if (base >= 0) classMembers(base, isStatic, 0, viaSuper, new HashSet<>());
                        else importedBase(cls, isStatic, 0, viaSuper); // a base another file declares
                        if (isStatic && ClassHierarchy.extendsExpression(arena, cls) >= 0) constructorFunctionMembers(sink); // super is the base class
                    } else {
                        classMembers(cls, isStatic, 0, sink, new HashSet<>());
                        if (isStatic) constructorFunctionMembers(sink); // this in a static method is the class itself
                    }
                    return;
                }
            }
            return;
        }
        int container = containerOf(object, 0);
        int[] listed = {0};
        Sink counted = (name, kind, decl, group, detail) -> {
            listed[0]++;
            sink.member(name, kind, decl, group, detail);
        };
        exportMeanings = meaningsAfter(object);
        if (container >= 0) {
            containerMembers(container, counted);
            if (isClass(arena.kind(container))) constructorFunctionMembers(sink);
        } else if (container == NAMESPACE_IMPORT) moduleExports(namespaceSpecifier, counted);
        else if (namespaceInNamespace(object, counted)) return;
        else if (!instanceMembers(object, counted) && index != null && importedMembers(object, counted)) constructorFunctionMembers(sink);
        if (listed[0] == 0 && container < 0 && container != NAMESPACE_IMPORT) libraryMembers(object, sink);
    }

    /**
     * What {@code super.} reads on the instance side: the base's methods, accessors and parameter
     * properties, not its fields (a field is defined on the instance, not the base's prototype:
     * TypeScript's TS2855 where class fields are defined, its ES2022 and later targets). A member of a
     * base in another file passes only as a method: the summary does not tell a field from an accessor.
     */
    private Sink readableThroughSuper(Sink sink) {
        return (name, kind, decl, group, detail) -> {
            if (decl < 0 ? kind == CompletionItemKind.Method : !isPlainField(decl)) sink.member(name, kind, decl, group, detail);
        };
    }

    /** Whether a member key of this file belongs to a field declared in a class body (not an accessor, not a parameter property). */
    private boolean isPlainField(int key) {
        int member = q.parentOf(key);
        return member >= 0 && arena.kind(member) == FIELD && (arena.data(member) & C_ACCESSOR) == 0;
    }

    /**
     * After a class's name, what every constructor has besides its statics: TypeScript's apparent type of a
     * class is the library's {@code NewableFunction} ({@code apply}, {@code bind}, {@code call}) and
     * {@code Function} ({@code prototype}, {@code name}, {@code length}, …). A static of the same name came first and hides it.
     */
    private static void constructorFunctionMembers(Sink sink) {
        Set<String> seen = new HashSet<>();
        for (LibMembers.Member m : LibMembers.get().membersOf("NewableFunction")) {
            if (seen.add(m.name())) sink.member(m.name(), m.method() ? CompletionItemKind.Method : CompletionItemKind.Property, -1, 1, m.display());
        }
    }

    /**
     * The members of the type an object literal or pattern is declared as (or, for a pattern, what
     * it destructures), but for the keys it has already. The key being typed is not counted as
     * written: {@code typed}, or the property around {@code cursor} ({@code { |name: 1 }}), as
     * TypeScript's completion leaves the member being edited in the list. False when the type is not known.
     */
    boolean literalMembers(int literal, int typed, int cursor, Sink sink) {
        Set<String> written = new HashSet<>();
        for (int p = arena.firstChild(literal); p >= 0; p = arena.nextSibling(p)) {
            if (arena.kind(p) != PROPERTY || (arena.data(p) & P_COMPUTED) != 0) continue;
            if (arena.start(p) <= cursor && cursor <= arena.end(p)) continue; // the one being edited
            int key = Layouts.propertyKey(arena, p);
            if (key >= 0 && key != typed && Layouts.propertyValue(arena, p) != typed) {
                String name = keyName(key);
                if (name != null) written.add(name);
            }
        }
        Sink unwritten = (name, kind, decl, group, detail) -> {
            if (!written.contains(name)) sink.member(name, kind, decl, group, detail);
        };
        int typeName = DeclaredTypes.typeNameOfLiteral(q, literal);
        if (localTypeMembers(DeclaredTypes.resolveLocal(q, typeName), unwritten)) return true;
        if (index == null || file == null) return false;
        // as go to definition reads a key's type: imported, ns.T, or an imported function's parameter
        CrossFileNavigator navigator = new CrossFileNavigator(index);
        int annotation = arena.kind(literal) == OBJECT ? DeclaredTypes.literalAnnotation(q, literal) : -1;
        CrossFileNavigator.NameInFile imported = InstanceTypes.importedTypeOfLiteral(q, literal, typeName, annotation, file, navigator);
        if (imported == null || navigator.summary(imported.file()) == null) return false;
        importedInstanceMembers(imported, navigator, unwritten, new HashSet<>());
        return true;
    }

    /**
     * The attributes a JSX element's component takes: the members of its props type (a component
     * of this file by its declaration, an imported one by its first parameter's type in its file's
     * summary), but for those the element has already ({@code typed}: the attribute name being
     * typed, not counted as written). Nothing for an intrinsic element or an unknown props type.
     */
    void jsxAttributes(int opening, int typed, Sink sink) {
        Set<String> written = new HashSet<>();
        for (int c = arena.firstChild(opening); c >= 0; c = arena.nextSibling(c)) {
            int name = arena.kind(c) == JSX_ATTRIBUTE ? Layouts.jsxAttributeName(arena, c) : -1;
            if (name >= 0 && name != typed && arena.kind(name) == JSX_IDENTIFIER) written.add(arena.names().name(arena.data(name)));
        }
        Sink unwritten = (name, kind, decl, group, detail) -> {
            if (!written.contains(name)) sink.member(name, kind, decl, group, detail);
        };
        if (localTypeMembers(DeclaredTypes.resolveLocal(q, new JsxComponents(q).propsTypeName(opening)), unwritten) || index == null || file == null) return;
        CrossFileNavigator navigator = new CrossFileNavigator(index);
        CrossFileNavigator.NameInFile props = InstanceTypes.importedPropsType(q, opening, file, navigator);
        if (props != null) importedInstanceMembers(props, navigator, unwritten, new HashSet<>());
    }

    /** The instance members of a class, interface or object type of this file ({@link DeclaredTypes#resolveLocal}); false for none (-1). */
    private boolean localTypeMembers(int local, Sink sink) {
        if (local < 0) return false;
        if (isClass(arena.kind(local))) classMembers(local, false, 0, sink, new HashSet<>());
        else interfaceMembers(local, sink, new HashSet<>(), new HashSet<>());
        return true;
    }

    /** {@code "a".}, {@code xs.} with {@code xs: T[]}, {@code console.}, {@code document.body.}: the standard library's members. */
    private void libraryMembers(int object, Sink sink) {
        String type = LibTypes.of(q, object);
        if (type == null) return;
        Set<String> seen = new HashSet<>();
        for (LibMembers.Member m : LibMembers.get().membersOf(type)) {
            if (!seen.add(m.name())) continue;
            sink.member(m.name(), m.method() ? CompletionItemKind.Method : CompletionItemKind.Property, -1, 0, m.display());
        }
    }

    /**
     * {@code v.} where v is declared as an instance of a class or interface ({@link DeclaredTypes}):
     * the instance side of a class of this file or, from the declaring file's summary, of an
     * imported one; an interface's property and method signatures. False when v's type is not known.
     */
    private boolean instanceMembers(int object, Sink sink) {
        if (localTypeMembers(DeclaredTypes.resolveLocal(q, DeclaredTypes.typeNameOf(q, object)), sink)) return true;
        if (arena.kind(object) == IDENTIFIER_REFERENCE // a union narrowed to one of its types: case "A": of switch (x._tag)
                && localTypeMembers(TypeMembers.narrowedConstituent(q, DeclaredTypes.declaredType(q, object), object), sink)) return true;
        if (arena.kind(object) == IDENTIFIER_REFERENCE && unionMembers(DeclaredTypes.declaredType(q, object), sink)) return true;
        if (index == null || file == null) return false;
        CrossFileNavigator navigator = new CrossFileNavigator(index);
        CrossFileNavigator.NameInFile imported = InstanceTypes.importedTypeOf(q, object, file, navigator);
        if (imported == null || navigator.summary(imported.file()) == null) return false;
        importedInstanceMembers(imported, navigator, sink, new HashSet<>());
        return true;
    }

    /** A member as the first constituent declaring it listed it. */
    private record Offered(CompletionItemKind kind, int declarationNode, String detail) { }

    /**
     * {@code x.} where x is declared as a union of classes, interfaces or object types (of this file or
     * imported): the members every constituent has, as TypeScript lists a union's properties; {@code null}
     * and {@code undefined} are left out (reading through them is TS18047's error, not another member).
     * Narrowing only removes constituents, so what all of them have is offered however x is narrowed.
     * False when a constituent's members are not known.
     */
    private boolean unionMembers(int type, Sink sink) {
        int[] constituents = new int[16];
        int count = type < 0 ? -1 : TypeMembers.unionConstituents(q, type, constituents);
        if (count < 0) return false;
        java.util.Map<String, Integer> times = new java.util.HashMap<>();
        java.util.Map<String, Offered> first = new java.util.LinkedHashMap<>();
        int known = 0;
        for (int i = 0; i < count; i++) {
            int t = constituents[i];
            if (DeclaredTypes.isNullish(arena, t)) continue;
            Set<String> names = new HashSet<>();
            Sink collect = (name, kind, decl, group, detail) -> {
                if (!names.add(name)) return;
                times.merge(name, 1, Integer::sum);
                first.putIfAbsent(name, new Offered(kind, decl, detail));
            };
            int typeName = DeclaredTypes.typeNameOfAnnotation(arena, t);
            if (!localTypeMembers(DeclaredTypes.resolveLocal(q, typeName), collect)) {
                CrossFileNavigator navigator = index == null || file == null || typeName < 0 ? null : new CrossFileNavigator(index);
                CrossFileNavigator.NameInFile imported = navigator == null ? null : CrossFileReferences.importedType(q, typeName, file, navigator);
                if (imported == null || navigator.summary(imported.file()) == null) return false;
                importedInstanceMembers(imported, navigator, collect, new HashSet<>());
            }
            known++;
        }
        if (known == 0) return false;
        for (java.util.Map.Entry<String, Offered> e : first.entrySet()) {
            Offered m = e.getValue();
            if (times.get(e.getKey()) == known) sink.member(e.getKey(), m.kind(), m.declarationNode(), 0, m.detail());
        }
        return true;
    }

    /**
     * The instance members of a class, interface or alias another file declares, with its bases' (names in {@code seen}
     * are left out), but for protected ones (TypeScript: TS2446 through an instance of that class).
     */
    private void importedInstanceMembers(CrossFileNavigator.NameInFile type, CrossFileNavigator navigator, Sink sink, Set<String> seen) {
        for (InstanceTypes.Found found : InstanceTypes.instanceMembers(type, navigator)) {
            FileSummary.Member m = found.member();
            // protected: read through this or an instance of the subclass around the cursor (a class of this file,
            // whose members come from classMembers), never through an instance of the other file's class itself
            if (m.isProtected()) continue;
            if (!seen.add(m.name())) continue;
            // as TypeScript details it: (property) User.name: string
            String detail = (m.kind() == FileSummary.Kind.METHOD ? "(method) " : "(property) ") + found.owner().name() + "." + m.name()
                    + (m.type() != null ? (m.kind() == FileSummary.Kind.METHOD ? "(…): " : ": ") + m.type() : "");
            sink.member(m.name(), CompletionHandler.kindOf(m.kind()), -1, 0, detail);
        }
    }

    /**
     * An interface's property and method signatures, then those of the interfaces it extends:
     * in this file by their declarations, imported ones from their files' summaries. Each name
     * once, the nearest declaration.
     */
    private void interfaceMembers(int iface, Sink sink, Set<String> seen, Set<Integer> visited) {
        if (!visited.add(iface) || visited.size() > MAX_DEPTH) return;
        int body = DeclaredTypes.membersList(arena, iface);
        Set<String> here = new HashSet<>();
        for (int m = body < 0 ? -1 : arena.firstChild(body); m >= 0; m = arena.nextSibling(m)) {
            int mk = arena.kind(m);
            if ((mk != PROPERTY_SIGNATURE && mk != METHOD_SIGNATURE) || (arena.data(m) & P_COMPUTED) != 0) continue;
            int key = Layouts.memberKey(arena, m);
            String name = keyName(key);
            if (name == null || seen.contains(name)) continue;
            here.add(name);
            sink.member(name, mk == METHOD_SIGNATURE && (arena.data(m) & (P_GET | P_SET)) == 0 ? CompletionItemKind.Method : CompletionItemKind.Property, key, 0, null);
        }
        seen.addAll(here);
        int heritage = Layouts.interfaceHeritage(arena, iface);
        for (int e = heritage < 0 ? -1 : arena.firstChild(heritage); e >= 0; e = arena.nextSibling(e)) {
            int base = Layouts.heritageExpression(arena, e);
            if (base < 0 || arena.kind(base) != IDENTIFIER_REFERENCE) continue;
            int local = DeclaredTypes.resolveLocal(q, base);
            if (local >= 0 && arena.kind(local) == INTERFACE_DECLARATION) {
                interfaceMembers(local, sink, seen, visited);
            } else if (local < 0 && index != null && file != null) {
                CrossFileNavigator navigator = new CrossFileNavigator(index);
                CrossFileNavigator.NameInFile imported = CrossFileReferences.importedType(q, base, file, navigator);
                if (imported != null) importedInstanceMembers(imported, navigator, sink, seen);
            }
        }
    }

    /**
     * {@code Geometry.} and {@code g.Geometry.}: the members the declaring file's summary keeps for that name.
     * True when that name is a class there (its constructor's members follow).
     */
    private boolean importedMembers(int object, Sink sink) {
        CrossFileNavigator.NameInFile container = ImportedMembers.container(q, object, new CrossFileNavigator(index));
        FileSummary s = container == null ? null : index.summaryOrLoad(container.file());
        if (s == null) return false;
        FileSummary.Declaration declared = s.declaration(container.name());
        if (declared != null && declared.kind() == FileSummary.Kind.CLASS) {
            importedStatics(container, s, sink, new HashSet<>(), new HashSet<>(), 0);
            return true;
        }
        String from = "from " + container.file().getFileName();
        Set<String> seen = new HashSet<>();
        for (FileSummary.Member m : s.membersOf(container.name())) {
            if (seen.add(m.name())) sink.member(m.name(), CompletionHandler.kindOf(m.kind()), -1, 0, from);
        }
        return false;
    }

    /**
     * The statics of a class another file declares, then its bases' (a class's constructor inherits
     * its base constructor's statics); protected ones only inside a subclass
     * ({@link #protectedOfImportedBasesReadable}), as TypeScript leaves them out elsewhere (TS2445).
     */
    private void importedStatics(CrossFileNavigator.NameInFile cls, FileSummary s, Sink sink, Set<String> seen,
            Set<CrossFileNavigator.NameInFile> visited, int depth) {
        if (s == null || depth > MAX_DEPTH || !visited.add(cls)) return;
        String from = "from " + cls.file().getFileName();
        for (FileSummary.Member m : s.membersOf(cls.name())) {
            if (m.kind() != FileSummary.Kind.METHOD && m.kind() != FileSummary.Kind.PROPERTY) continue;
            if ((!m.isProtected() || protectedOfImportedBasesReadable) && seen.add(m.name())) sink.member(m.name(), CompletionHandler.kindOf(m.kind()), -1, 0, from);
        }
        CrossFileNavigator navigator = new CrossFileNavigator(index);
        for (String base : s.basesOf(cls.name() + Summarizer.PROTOTYPE)) {
            CrossFileNavigator.NameInFile found = InstanceTypes.resolveIn(cls.file(), s, base, navigator);
            if (found != null) importedStatics(found, navigator.summary(found.file()), sink, seen, visited, depth + 1);
        }
    }

    private static final int NAMESPACE_IMPORT = -2;
    private String namespaceSpecifier;

    /** The declaration whose members an expression has: OBJECT, a class, ENUM_DECLARATION or MODULE_DECLARATION; -1 unknown. */
    private int containerOf(int node, int depth) {
        if (node < 0 || depth > MAX_DEPTH) return -1;
        switch (arena.kind(node)) {
            case PARENTHESIZED: case NON_NULL: case AS_EXPRESSION: case SATISFIES_EXPRESSION:
                return containerOf(Layouts.operand(arena, node), depth + 1);
            case OBJECT: case CLASS_EXPRESSION: case CLASS_DECLARATION: case ENUM_DECLARATION: case MODULE_DECLARATION:
                return node;
            case MEMBER: {
                int object = Layouts.memberObject(arena, node);
                int property = Layouts.memberProperty(arena, node);
                if (property < 0 || arena.kind(property) != IDENTIFIER_NAME) return -1;
                int outer = containerOf(object, depth + 1);
                if (outer < 0) return -1;
                return containerOf(memberValue(outer, arena.names().name(arena.data(property))), depth + 1);
            }
            case IDENTIFIER_REFERENCE: {
                int symbol = q.symbolOfNode(node);
                if (symbol < 0 || !q.isDeclared(symbol)) return -1;
                int declaring = scopes.declaringNode(symbol);
                switch (scopes.kind(symbol)) {
                    case SymbolKind.ENUM: case SymbolKind.NAMESPACE: case SymbolKind.CLASS:
                        return declaring;
                    case SymbolKind.CONST: case SymbolKind.LET: case SymbolKind.VAR: {
                        String[] required = CommonJs.requireOf(arena, scopes.declarationNode(symbol));
                        if (required != null) {
                            if (!required[1].equals("*")) return -1; // a name taken from the module: its members come from the index
                            namespaceSpecifier = required[0];
                            return NAMESPACE_IMPORT;
                        }
                        if (arena.kind(declaring) != VARIABLE_DECLARATOR || Layouts.declaratorTarget(arena, declaring) != scopes.declarationNode(symbol)) return -1;
                        int init = Layouts.declaratorInit(arena, declaring);
                        return init >= 0 ? containerOf(init, depth + 1) : -1;
                    }
                    case SymbolKind.IMPORT: {
                        if (arena.kind(declaring) != IMPORT_NAMESPACE_SPECIFIER) return -1;
                        int declaration = TreePaths.parent(arena, declaring);
                        int source = declaration < 0 ? -1 : Layouts.moduleSource(arena, declaration);
                        if (source < 0) return -1;
                        namespaceSpecifier = stringValue(source);
                        return NAMESPACE_IMPORT;
                    }
                    default:
                        return -1;
                }
            }
            default:
                return -1;
        }
    }

    /** The value node of member {@code name} of a container (property value, nested namespace), or -1. */
    private int memberValue(int container, String name) {
        int k = arena.kind(container);
        if (k == OBJECT) {
            for (int p = arena.firstChild(container); p >= 0; p = arena.nextSibling(p)) {
                if (arena.kind(p) != PROPERTY || (arena.data(p) & P_COMPUTED) != 0) continue;
                if (name.equals(keyName(Layouts.propertyKey(arena, p)))) return Layouts.propertyValue(arena, p);
            }
        } else if (k == MODULE_DECLARATION) {
            int block = moduleBlock(container);
            for (int s = block < 0 ? -1 : arena.firstChild(block); s >= 0; s = arena.nextSibling(s)) {
                int d = arena.kind(s) == EXPORT_NAMED ? Layouts.exportedDeclaration(arena, s) : -1;
                if (d < 0) continue;
                int dk = arena.kind(d);
                if ((dk == MODULE_DECLARATION || dk == CLASS_DECLARATION || dk == ENUM_DECLARATION) && name.equals(bindingName(d))) return d;
                if (dk == VARIABLE_DECLARATION) {
                    for (int v = arena.firstChild(d); v >= 0; v = arena.nextSibling(v)) {
                        int target = Layouts.declaratorTarget(arena, v);
                        if (target >= 0 && arena.kind(target) == BINDING_IDENTIFIER && name.equals(arena.names().name(arena.data(target)))) {
                            return Layouts.declaratorInit(arena, v);
                        }
                    }
                }
            }
        } else if (isClass(k)) {
            int body = classBody(container);
            for (int m = body < 0 ? -1 : arena.firstChild(body); m >= 0; m = arena.nextSibling(m)) {
                if (arena.kind(m) == FIELD && (arena.data(m) & C_STATIC) != 0 && name.equals(keyName(Layouts.memberKey(arena, m)))) {
                    return Layouts.fieldValue(arena, m);
                }
            }
        }
        return -1;
    }

    private void containerMembers(int container, Sink sink) {
        int k = arena.kind(container);
        if (k == OBJECT) {
            for (int p = arena.firstChild(container); p >= 0; p = arena.nextSibling(p)) {
                if (arena.kind(p) != PROPERTY || (arena.data(p) & P_COMPUTED) != 0) continue;
                int key = Layouts.propertyKey(arena, p);
                String name = keyName(key);
                if (name == null) continue;
                int data = arena.data(p);
                int value = Layouts.propertyValue(arena, p);
                CompletionItemKind kind = (data & P_METHOD) != 0 || isFunction(arena.kind(value < 0 ? key : value))
                        ? CompletionItemKind.Method : CompletionItemKind.Property;
                sink.member(name, kind, key, 0, null);
            }
        } else if (k == ENUM_DECLARATION) {
            for (int m = arena.firstChild(container); m >= 0; m = arena.nextSibling(m)) {
                if (arena.kind(m) != ENUM_MEMBER) continue;
                int key = Layouts.memberKey(arena, m);
                String name = keyName(key);
                if (name != null) sink.member(name, CompletionItemKind.EnumMember, key, 0, null);
            }
        } else if (k == MODULE_DECLARATION) {
            int block = moduleBlock(container);
            for (int s = block < 0 ? -1 : arena.firstChild(block); s >= 0; s = arena.nextSibling(s)) {
                if (arena.kind(s) != EXPORT_NAMED) continue;
                int d = Layouts.exportedDeclaration(arena, s);
                if (d < 0) continue;
                switch (arena.kind(d)) {
                    case VARIABLE_DECLARATION:
                        for (int v = arena.firstChild(d); v >= 0; v = arena.nextSibling(v)) {
                            int target = Layouts.declaratorTarget(arena, v);
                            if (target >= 0 && arena.kind(target) == BINDING_IDENTIFIER) {
                                sink.member(arena.names().name(arena.data(target)),
                                        (arena.data(d) & 0xFF) == VAR_CONST ? CompletionItemKind.Constant : CompletionItemKind.Variable, target, 0, null);
                            }
                        }
                        break;
                    case FUNCTION_DECLARATION: named(d, CompletionItemKind.Function, sink); break;
                    case CLASS_DECLARATION: named(d, CompletionItemKind.Class, sink); break;
                    case ENUM_DECLARATION: named(d, CompletionItemKind.Enum, sink); break;
                    case MODULE_DECLARATION: named(d, CompletionItemKind.Module, sink); break;
                    case INTERFACE_DECLARATION: named(d, CompletionItemKind.Interface, sink); break;
                    case TYPE_ALIAS: named(d, CompletionItemKind.Struct, sink); break;
                    default: break;
                }
            }
        } else if (isClass(k)) {
            classMembers(container, true, 0, sink, new HashSet<>());
        }
    }

    /** Whether {@code receiver} (a class of this file, -1 unknown) is a class around the cursor or extends one. */
    private boolean instanceOfAClassAround(int[] path, int receiver) {
        if (receiver < 0) return false;
        for (int i = 0; i + 1 < path.length; i++) {
            if (arena.kind(path[i + 1]) == CLASS_BODY && (receiver == path[i] || ClassHierarchy.extendsInFile(q, receiver, path[i]))) return true;
        }
        return false;
    }

    /**
     * Whether a member of a class of this file ({@code key}: its key, or a parameter property's
     * name) may be read where the cursor is ({@code path}: the cursor's ancestors) on an instance of
     * {@code receiver} (a class of this file, -1 unknown), as TypeScript offers it: a {@code private}
     * one inside its class; a {@code protected} one inside a class E that is its class or extends it
     * (or extends a class declared elsewhere, which may), read on an instance of E or of a class
     * below E ({@code this} too: TS2446 otherwise); anything else, and a member of another file,
     * everywhere.
     */
    private boolean accessibleFrom(int[] path, int key, int receiver) {
        if (key < 0) return true;
        int member = q.parentOf(key);
        if (arena.kind(key) == BINDING_IDENTIFIER && member >= 0 && arena.kind(member) != PARAMETER) member = q.parentOf(member); // (private a = 1)
        if (member < 0 || (arena.kind(member) != FIELD && arena.kind(member) != METHOD && (arena.kind(member) != PARAMETER || arena.kind(key) != BINDING_IDENTIFIER))) return true;
        int access = arena.data(member) & (MOD_PRIVATE | MOD_PROTECTED);
        if (access == 0) return true;
        int owner = member;
        while (owner >= 0 && arena.kind(owner) != CLASS_BODY) owner = q.parentOf(owner);
        owner = owner < 0 ? -1 : q.parentOf(owner);
        if (owner < 0) return true;
        for (int i = 0; i + 1 < path.length; i++) {
            if (arena.kind(path[i + 1]) != CLASS_BODY) continue;
            int cls = path[i];
            if (access == MOD_PRIVATE) {
                if (cls == owner) return true;
                continue;
            }
            if (receiver < 0 || (receiver != cls && !ClassHierarchy.extendsInFile(q, receiver, cls))) continue; // not an instance of cls
            if (cls == owner) return true;
            for (int c = cls, level = 0; c >= 0 && level < MAX_DEPTH; level++) {
                int base = baseClass(c);
                if (base == owner) return true;
                if (base < 0 && ClassHierarchy.extendsExpression(arena, c) >= 0) return true; // a base declared elsewhere may extend it
                c = base;
            }
        }
        return false;
    }

    private void named(int declaration, CompletionItemKind kind, Sink sink) {
        int name = Layouts.declarationName(arena, declaration);
        if (name >= 0) sink.member(arena.names().name(arena.data(name)), kind, name, 0, null);
    }

    /** Fields, accessors and methods of a class (static or instance side), then its base class's, one group further. */
    private void classMembers(int cls, boolean isStatic, int group, Sink sink, Set<Integer> visited) {
        if (cls < 0 || !visited.add(cls) || visited.size() > MAX_DEPTH) return;
        bodyMembers(arena, cls, isStatic, group, sink, true);
        int base = baseClass(cls);
        if (base >= 0) classMembers(base, isStatic, group + 1, sink, visited);
        else importedBase(cls, isStatic, group + 1, sink);
    }

    /** The members written in a class body of {@code a}; declaration nodes passed on only when {@code a} is this document's arena. */
    private static void bodyMembers(Arena a, int cls, boolean isStatic, int group, Sink sink, boolean local) {
        int body = Layouts.classBody(a, cls);
        for (int m = body < 0 ? -1 : a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
            int mk = a.kind(m);
            int data = a.data(m);
            if (mk == METHOD && (data & C_CONSTRUCTOR) != 0) {
                if (!isStatic) parameterProperties(a, m, group, sink, local);
                continue;
            }
            if ((mk != METHOD && mk != FIELD) || ((data & C_STATIC) != 0) != isStatic || (data & P_COMPUTED) != 0) continue;
            int key = Layouts.memberKey(a, m);
            String name = keyName(a, key);
            if (name == null) continue;
            CompletionItemKind kind = mk == FIELD ? ((data & C_ACCESSOR) != 0 ? CompletionItemKind.Property : CompletionItemKind.Field)
                    : (data & (P_GET | P_SET)) != 0 ? CompletionItemKind.Property : CompletionItemKind.Method;
            sink.member(name, kind, local ? key : -1, group, null);
        }
    }

    /** TypeScript's {@code constructor(private a: T)}: parameters that are also fields. */
    private static void parameterProperties(Arena a, int constructor, int group, Sink sink, boolean local) {
        int fn = Layouts.methodFunction(a, constructor);
        int params = fn < 0 ? -1 : Layouts.functionParameters(a, fn);
        if (params < 0) return;
        int modifiers = MOD_PUBLIC | MOD_PRIVATE | MOD_PROTECTED | MOD_READONLY | MOD_OVERRIDE;
        for (int p = a.firstChild(params); p >= 0; p = a.nextSibling(p)) {
            if (a.kind(p) != PARAMETER || (a.data(p) & modifiers) == 0) continue;
            int target = Layouts.parameterTarget(a, p);
            if (target >= 0 && a.kind(target) == BINDING_IDENTIFIER) {
                sink.member(a.names().name(a.data(target)), CompletionItemKind.Field, local ? target : -1, group, null);
            }
        }
    }

    /**
     * A class that extends an imported class: the base class's members from its file's summary
     * (the live text when that file is open; its own bases in that file included), found through
     * the workspace index's import chains; another document's arena is never read.
     */
    private void importedBase(int cls, boolean isStatic, int group, Sink sink) {
        if (index == null || file == null) return;
        int expr = ClassHierarchy.extendsExpression(arena, cls);
        if (expr < 0 || arena.kind(expr) != IDENTIFIER_REFERENCE) return;
        CrossFileNavigator.NameInFile base = ImportedMembers.container(q, expr, new CrossFileNavigator(index));
        FileSummary s = base == null ? null : index.summaryOrLoad(base.file());
        if (s == null) return;
        if (isStatic) { // its statics, then those of its own bases in other files
            importedStatics(base, s, (name, kind, decl, g, detail) -> sink.member(name, kind, decl, group, detail), new HashSet<>(), new HashSet<>(), 0);
            return;
        }
        Set<String> seen = new HashSet<>();
        for (InstanceTypes.Found found : InstanceTypes.instanceMembers(base, new CrossFileNavigator(index))) { // its bases in other files too
            FileSummary.Member m = found.member();
            if (m.kind() != FileSummary.Kind.METHOD && m.kind() != FileSummary.Kind.PROPERTY) continue;
            if (m.isProtected() && !protectedOfImportedBasesReadable) continue;
            if (seen.add(m.name())) sink.member(m.name(), CompletionHandler.kindOf(m.kind()), -1, group, null);
        }
    }



    /** The class a class extends, when it is a class declared in this file; else -1. */
    private int baseClass(int cls) {
        int expr = ClassHierarchy.extendsExpression(arena, cls);
        if (expr < 0) return -1;
        if (isClass(arena.kind(expr))) return expr;
        if (arena.kind(expr) != IDENTIFIER_REFERENCE) return -1;
        int symbol = q.symbolOfNode(expr);
        if (symbol < 0 || !q.isDeclared(symbol) || scopes.kind(symbol) != SymbolKind.CLASS) return -1;
        return scopes.declaringNode(symbol);
    }

    /** Private names ({@code #x}) of the class around the cursor. */
    void privateNames(CompletionContext c, Sink sink) {
        int body = c.enclosing(CLASS_BODY);
        for (int m = body < 0 ? -1 : arena.firstChild(body); m >= 0; m = arena.nextSibling(m)) {
            int mk = arena.kind(m);
            if (mk != METHOD && mk != FIELD) continue;
            int key = Layouts.memberKey(arena, m);
            if (key < 0 || arena.kind(key) != PRIVATE_IDENTIFIER) continue;
            sink.member(arena.names().name(arena.data(key)), mk == FIELD ? CompletionItemKind.Field : CompletionItemKind.Method, key, 0, null);
        }
    }

    /** A module's exports from the workspace index, {@code export *} followed (a namespace import's members, an import list). */
    /** {@code core.util.} where core's module has {@code export * as util}: util's module's exports; false for anything else. */
    private boolean namespaceInNamespace(int object, Sink sink) {
        int k = arena.kind(object);
        if (index == null || file == null || (k != MEMBER && k != QUALIFIED_NAME)) return false;
        Path module = ImportedMembers.namespaceChain(q, file, object, new CrossFileNavigator(index), 0);
        if (module == null) return false;
        exportsOf(module, sink, new HashSet<>(), new HashSet<>(), 0);
        return true;
    }

    void moduleExports(String specifier, Sink sink) {
        if (index == null || file == null || specifier == null) return;
        Path target = ModuleResolver.resolveFrom(file, specifier);
        Set<Path> visited = new HashSet<>();
        Set<String> seen = new HashSet<>();
        exportsOf(target, sink, visited, seen, 0);
    }

    // what a module's export may be used as: a value, a type (a class, enum or namespace is both)
    private static final int VALUE = 1, TYPE = 2, VALUE_OR_TYPE = VALUE | TYPE;
    /** The meanings the module exports listed after {@code ns.} may have here ({@link #meaningsAfter}). */
    private int exportMeanings = VALUE_OR_TYPE;

    /**
     * What may follow {@code ns.}: values in an expression ({@code z.object}) and after
     * {@code typeof}, types and namespaces in a type ({@code z.ZodType}), as TypeScript lists them;
     * anything where the tree does not say.
     */
    private int meaningsAfter(int object) {
        int parent = q.parentOf(object);
        int pk = parent < 0 ? -1 : arena.kind(parent);
        if (pk == MEMBER) { // a type in an interface's extends or a class's implements (ShardId extends Equal.Equal)
            int top = parent;
            while (q.parentOf(top) >= 0 && arena.kind(q.parentOf(top)) == MEMBER) top = q.parentOf(top);
            int above = q.parentOf(top);
            boolean heritage = above >= 0 && arena.kind(above) == EXPRESSION_WITH_TYPE_ARGUMENTS && q.parentOf(above) >= 0
                    && arena.kind(q.parentOf(above)) == HERITAGE_CLAUSE;
            return heritage || (above >= 0 && arena.kind(above) == HERITAGE_CLAUSE) ? TYPE : VALUE;
        }
        if (pk != QUALIFIED_NAME) return VALUE_OR_TYPE;
        int top = parent;
        while (q.parentOf(top) >= 0 && arena.kind(q.parentOf(top)) == QUALIFIED_NAME) top = q.parentOf(top);
        int above = q.parentOf(top);
        return above >= 0 && arena.kind(above) == TYPE_QUERY ? VALUE : TYPE;
    }

    // per summary, built once per list: a barrel's hundreds of exports are each looked up, and
    // scanning the summary's columns for every one made `z.` five times slower
    private java.util.Map<FileSummary, java.util.Map<String, FileSummary.Export>> exportsByName;
    private java.util.Map<FileSummary, java.util.Map<String, Integer>> declarationMeanings;

    private java.util.Map<String, FileSummary.Export> exportsByName(FileSummary s) {
        if (exportsByName == null) exportsByName = new java.util.HashMap<>();
        return exportsByName.computeIfAbsent(s, k -> {
            java.util.Map<String, FileSummary.Export> byName = new java.util.HashMap<>();
            for (FileSummary.Export e : k.exports()) byName.putIfAbsent(e.exportedName(), e);
            return byName;
        });
    }

    /** By name: the meanings of the summary's top-level declarations of that name (merged ones together). */
    private java.util.Map<String, Integer> declarationMeanings(FileSummary s) {
        if (declarationMeanings == null) declarationMeanings = new java.util.HashMap<>();
        return declarationMeanings.computeIfAbsent(s, k -> {
            java.util.Map<String, Integer> byName = new java.util.HashMap<>();
            for (FileSummary.Declaration d : k.declarations()) {
                int meaning;
                switch (d.kind()) {
                    case INTERFACE: case TYPE: meaning = TYPE; break;
                    case FUNCTION: case VARIABLE: case CONSTANT: meaning = VALUE; break;
                    default: meaning = VALUE_OR_TYPE; break;
                }
                byName.merge(d.name(), meaning, (a, b) -> a | b);
            }
            return byName;
        });
    }

    /** The meanings of {@code name} as {@code s}'s module exports it: its declarations' kinds, re-exports and imports followed; both when unknown. */
    private int exportedMeanings(FileSummary s, String name, int depth) {
        if (s == null || depth > MAX_DEPTH) return VALUE_OR_TYPE;
        FileSummary.Export e = exportsByName(s).get(name);
        if (e == null || e.localName() == null || e.commonJs()) return VALUE_OR_TYPE;
        if (e.fromSpecifier() != null) {
            Path from = s.resolve(e.fromSpecifier());
            return from == null || e.localName().equals("*") ? VALUE_OR_TYPE : exportedMeanings(index.summaryOrLoad(from), e.localName(), depth + 1);
        }
        return localMeanings(s, e.localName(), depth);
    }

    /**
     * Whether the import declared by {@code binding} brings a type only: {@code import type},
     * {@code { type X }}, or a name its module (in the index) exports as an interface or type alias
     * only. An expression does not offer it, as TypeScript's completion does not.
     */
    boolean importsOnlyAType(int binding) {
        return (importedMeanings(binding) & VALUE) == 0;
    }

    /**
     * Whether the import declared by {@code binding} brings a value only: a name its module (in the
     * index) exports as a function or variable only. A type position does not offer it, as
     * TypeScript's completion does not.
     */
    boolean importsOnlyAValue(int binding) {
        return (importedMeanings(binding) & TYPE) == 0;
    }

    /** What an import binding may be used as: TYPE for a type-only import, the module's export's meanings for a named one, else both. */
    private int importedMeanings(int binding) {
        int specifier = q.parentOf(binding);
        int declaration = q.parentOf(specifier);
        if (specifier < 0 || declaration < 0 || arena.kind(declaration) != IMPORT_DECLARATION) return VALUE_OR_TYPE;
        if (((arena.data(specifier) | arena.data(declaration)) & MOD_TYPE_ONLY) != 0) return TYPE;
        if (arena.kind(specifier) != IMPORT_SPECIFIER || index == null || file == null) return VALUE_OR_TYPE;
        String imported = keyName(Layouts.importImported(arena, specifier));
        int source = Layouts.moduleSource(arena, declaration);
        if (imported == null || source < 0) return VALUE_OR_TYPE;
        FileSummary own = index.summary(file);
        String specifierText = stringValue(source);
        Path module = own != null ? own.resolve(specifierText) : ModuleResolver.resolveFrom(file, specifierText);
        return module == null ? VALUE_OR_TYPE : exportedMeanings(index.summaryOrLoad(module), imported, 0);
    }

    private int localMeanings(FileSummary s, String local, int depth) {
        Integer declared = declarationMeanings(s).get(local);
        if (declared != null) return declared;
        FileSummary.Import imported = s.importOf(local);
        if (imported == null || imported.importedName() == null || imported.importedName().equals("*") || imported.importedName().equals("default")) {
            return VALUE_OR_TYPE;
        }
        Path from = s.resolve(imported.specifier());
        return from == null ? VALUE_OR_TYPE : exportedMeanings(index.summaryOrLoad(from), imported.importedName(), depth + 1);
    }

    private void exportsOf(Path target, Sink sink, Set<Path> visited, Set<String> seen, int depth) {
        if (target == null || depth > MAX_DEPTH || !visited.add(target)) return;
        FileSummary s = index.summaryOrLoad(target);
        if (s == null) return;
        String from = "from " + target.getFileName();
        for (FileSummary.Export e : s.exports()) {
            String name = e.exportedName();
            if (name.equals("default") && depth > 0) continue;
            if (exportMeanings != VALUE_OR_TYPE && (exportedMeanings(s, name, 0) & exportMeanings) == 0) continue; // a type after z. in an expression
            if (!seen.add(name)) continue;
            FileSummary.Declaration d = e.localName() == null || e.fromSpecifier() != null ? null : s.declaration(e.localName());
            sink.member(name, d == null ? CompletionItemKind.Variable : CompletionHandler.kindOf(d.kind()), -1, 0, from);
        }
        for (String star : s.starExports()) exportsOf(s.resolve(star), sink, visited, seen, depth + 1);
    }

    // ---- small readers ----

    private int classBody(int cls) { return Layouts.classBody(arena, cls); }

    private int moduleBlock(int module) { return Layouts.moduleBody(arena, module); }

    private String bindingName(int declaration) {
        int name = Layouts.declarationName(arena, declaration);
        return name < 0 ? null : arena.names().name(arena.data(name));
    }

    String keyName(int key) { return keyName(arena, key); }

    /** A property key usable after a dot: an identifier name, or a string that is one; else null. */
    static String keyName(Arena a, int key) {
        if (key < 0) return null;
        int k = a.kind(key);
        if (k == IDENTIFIER_NAME || k == IDENTIFIER_REFERENCE || k == BINDING_IDENTIFIER) return a.names().name(a.data(key));
        if (k == STRING_LITERAL) {
            int s = a.start(key), e = a.end(key);
            String v = e - s < 2 ? "" : a.text(s + 1, e - 1);
            if (v.isEmpty() || !Character.isJavaIdentifierStart(v.charAt(0))) return null;
            for (int i = 1; i < v.length(); i++) if (!CompletionContext.isIdentifierPart(v.charAt(i))) return null;
            return v;
        }
        return null;
    }

    String stringValue(int literal) {
        int s = arena.start(literal), e = arena.end(literal);
        if (e - s < 2) return "";
        return arena.text(s + 1, e - 1);
    }
}
