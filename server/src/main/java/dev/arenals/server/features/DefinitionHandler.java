package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.document.Document;
import dev.arenals.server.protocol.Uris;
import dev.arenals.server.query.Callables;
import dev.arenals.server.query.CommonJs;
import dev.arenals.server.query.DeclaredTypes;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.Occurrences;
import dev.arenals.server.query.OverloadArguments;
import dev.arenals.server.query.Target;
import dev.arenals.server.query.TargetResolver;
import dev.arenals.server.query.TreePaths;
import dev.arenals.server.query.TypeMembers;
import dev.arenals.server.workspace.CrossFileNavigator;
import dev.arenals.server.workspace.FileSummary;
import dev.arenals.server.workspace.ModuleResolver;
import dev.arenals.server.workspace.Summarizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;

/**
 * {@code textDocument/definition} and {@code textDocument/declaration} (the same answer): the name
 * ranges of every declaration of the name under the cursor — all of them for merged TypeScript
 * declarations and overloads. An imported name leads into the module it comes from (through
 * re-export chains), as do a namespace import's member {@code ns.a} and the names of
 * {@code export { a } from}; when that module or name cannot be found, the import itself is the
 * answer.
 */
public final class DefinitionHandler {
    /** This file only (tools and tests). */
    public List<Location> definition(Document doc, Position position) { return definition(doc, position, null); }

    /** Must run on the document's queue, after the document is parsed; {@code workspace} may be null (this file only). */
    public List<Location> definition(Document doc, Position position, CrossFileNavigator workspace) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        int offset = q.offset(position);
        Path file = Uris.pathOf(doc.uri());
        int specifier = file == null ? -1 : DocumentLinkHandler.specifierAt(q, offset);
        if (specifier >= 0) return module(q, file, specifier, workspace);
        if (workspace != null && file != null) {
            List<Location> across = qualifiedOrReexported(q, file, q.identifierAt(offset), workspace);
            if (!across.isEmpty()) return calledOverload(q, q.identifierAt(offset), across, workspace);
        }
        List<Location> contextual = contextualProperty(q, file, q.identifierAt(offset), workspace);
        if (!contextual.isEmpty()) return contextual;
        Target target = new TargetResolver(q).at(offset);
        if (target == null) {
            int ident = q.identifierAt(offset);
            int parent = ident < 0 ? -1 : TreePaths.parent(q.arena(), ident);
            if (parent >= 0 && q.arena().kind(parent) == EXPORT_ALL && file != null) {
                // export * as ns from "m": the name stands for the module, as an import's namespace does
                int literal = DocumentLinkHandler.specifierOf(q, parent);
                return literal < 0 ? List.of() : module(q, file, literal, workspace);
            }
            return ownDeclarationName(q, ident);
        }
        Occurrences declarations = Occurrences.nearestDeclarations(q, target);
        if (declarations.size() == 0 && target.kind == Target.MEMBER && target.containerKind == Target.CLASS) {
            List<Location> inherited = inheritedMember(q, target.containers[0], target.nameId);
            if (!inherited.isEmpty() || workspace == null) return inherited;
            CrossFileNavigator.MemberInFile imported = ImportedMembers.inheritedFromImport(q, target.containers[0],
                    q.arena().names().name(target.nameId), workspace);
            return imported == null ? List.of() : imported.locations();
        }
        List<Location> out = new ArrayList<>(declarations.size());
        int cursor = q.identifierAt(offset);
        if (isOneOfOverloads(q, declarations, cursor)) return List.of(q.locationOfNode(cursor));
        int calledFunction = declarations.size() == 1 ? calledFieldFunction(q, cursor, declarations.node(0)) : -1;
        if (calledFunction >= 0) return List.of(q.locationOfNode(calledFunction));
        for (int i = 0; i < declarations.size(); i++) {
            int node = declarations.node(i);
            List<Location> imported = workspace == null || file == null ? List.of() : followImport(q, file, node, node == cursor, workspace);
            if (imported.isEmpty()) out.add(q.locationOfNode(node));
            else out.addAll(imported);
        }
        return calledOverload(q, cursor, out, workspace);
    }

    /**
     * The key of a property or method in an object literal declared as a type
     * ({@code const a: P = { label: … }}, {@code return {…}} from a function declared to return P,
     * {@code {…} as P}, a literal nested in such a literal or a {@code Record<K, V>}'s value):
     * TypeScript answers the type's declaration of that property (its contextual type's), not the
     * key. Empty when the type is not known or does not declare it (then the key is the answer).
     */
    private static List<Location> contextualProperty(DocumentQuery q, Path file, int ident, CrossFileNavigator workspace) {
        Arena a = q.arena();
        int property = ident < 0 || a.kind(ident) != IDENTIFIER_NAME ? -1 : TreePaths.parent(a, ident);
        if (property < 0 || (a.kind(property) != PROPERTY && a.kind(property) != METHOD) || (a.data(property) & (P_COMPUTED | P_SHORTHAND)) != 0) return List.of();
        if ((a.kind(property) == PROPERTY ? Layouts.propertyKey(a, property) : Layouts.memberKey(a, property)) != ident) return List.of();
        int object = TreePaths.parent(a, property);
        if (object < 0 || a.kind(object) != OBJECT) return List.of();
        int typeName = DeclaredTypes.typeNameOfLiteral(q, object);
        int local = typeName < 0 ? -1 : DeclaredTypes.resolveLocal(q, typeName);
        if (local >= 0) return declarationsIn(q, local, ident);
        int annotation = DeclaredTypes.literalAnnotation(q, object);
        // a union of this file's types, which the literal's own { _tag: "A" } picks from; Omit<T, K>, …
        int container = TypeMembers.declaringContainerOfLiteral(q, annotation, a.data(ident), object);
        if (container >= 0) return declarationsIn(q, container, ident);
        if (workspace == null || file == null) return List.of();
        CrossFileNavigator.NameInFile imported = InstanceTypes.importedTypeOfLiteral(q, object, typeName, annotation, file, workspace);
        return imported == null ? List.of() : importedProperty(imported, a.names().name(a.data(ident)), workspace);
    }

    /** The declarations of the member named as {@code ident} of a class, interface or object type of this file. */
    private static List<Location> declarationsIn(DocumentQuery q, int type, int ident) {
        Occurrences declared = Occurrences.nearestDeclarations(q, new TargetResolver(q).memberOfType(type, ident, q.arena().data(ident)));
        List<Location> out = new ArrayList<>(declared.size());
        for (int i = 0; i < declared.size(); i++) out.add(q.locationOfNode(declared.node(i)));
        return out;
    }

    /** The declarations of instance member {@code name} of a type another file declares (or its bases'), or empty. */
    private static List<Location> importedProperty(CrossFileNavigator.NameInFile type, String name, CrossFileNavigator workspace) {
        InstanceTypes.MemberAt found = InstanceTypes.declaringMember(type, name, workspace, 0);
        return found == null ? List.of()
                : new CrossFileNavigator.MemberInFile(found.summary(), found.container().name() + Summarizer.PROTOTYPE + "." + name, found.members()).locations();
    }

    /**
     * {@code this.m()} where {@code m} is a field initialized with a function written in place and
     * not annotated ({@code m = <A>(x: A) => …}): TypeScript answers the signature the call
     * resolves to, which is that function — at its own name when it has one, else where it starts,
     * since a field does not lend a function its name as a variable or a property assignment does.
     * The function's node, or -1 for any other declaration or use.
     */
    static int calledFieldFunction(DocumentQuery q, int cursor, int declaration) {
        Arena a = q.arena();
        int member = cursor < 0 ? -1 : TreePaths.parent(a, cursor);
        if (member < 0 || a.kind(member) != MEMBER || Layouts.memberProperty(a, member) != cursor) return -1;
        int call = TreePaths.parent(a, member);
        if (call < 0 || a.kind(call) != CALL || Layouts.callCallee(a, call) != member) return -1;
        int field = TreePaths.parent(a, declaration);
        if (field < 0 || a.kind(field) != FIELD || Layouts.memberKey(a, field) != declaration || Layouts.fieldType(a, field) >= 0) return -1;
        int value = Layouts.fieldValue(a, field);
        if (value < 0 || (a.kind(value) != ARROW_FUNCTION && a.kind(value) != FUNCTION_EXPRESSION)) return -1;
        int name = a.kind(value) == FUNCTION_EXPRESSION ? Layouts.functionName(a, value) : -1;
        return name >= 0 ? name : value;
    }

    /**
     * In a call of an overloaded function or method, TypeScript answers the one signature the call
     * resolves to. Without types that is settled when exactly one signature takes as many
     * arguments as the call gives (none spread), or, for a call without arguments or type
     * arguments, by the first that takes none: that signature's location. Otherwise (and for a
     * name that is not called) {@code found} as it is.
     */
    private static List<Location> calledOverload(DocumentQuery q, int cursor, List<Location> found, CrossFileNavigator workspace) {
        if (cursor < 0 || found.size() < 2) return found;
        Arena a = q.arena();
        int callee = cursor, parent = TreePaths.parent(a, cursor);
        if (parent >= 0 && a.kind(parent) == MEMBER && Layouts.memberProperty(a, parent) == cursor) {
            callee = parent;
            parent = TreePaths.parent(a, parent);
        }
        if (parent < 0 || a.kind(parent) != CALL || Layouts.callCallee(a, parent) != callee) return found;
        int arguments = OverloadArguments.argumentCount(a, parent);
        if (arguments < 0) return found; // a spread argument
        for (int c = a.firstChild(parent); c >= 0; c = a.nextSibling(c)) if (a.kind(c) == TYPE_ARGUMENTS) return found;
        // each location's arity: [fewest, most] arguments (most -1: a rest parameter), or null for an implementation
        int[][] arities = new int[found.size()][];
        int[] parameterLists = new int[found.size()]; // this file's signatures
        List<FileSummary.Signature> signatures = null; // another file's
        boolean local = true;
        for (Location l : found) local &= l.getUri().equals(q.uri());
        if (local) {
            for (int i = 0; i < found.size(); i++) {
                int name = q.identifierAt(q.offset(found.get(i).getRange().getStart()));
                int declaration = name < 0 ? -1 : TreePaths.parent(a, name);
                int fn = declaration < 0 ? -1 : a.kind(declaration) == METHOD ? Layouts.methodFunction(a, declaration) : declaration;
                if (fn < 0 || (a.kind(fn) != FUNCTION_DECLARATION && a.kind(fn) != FUNCTION_EXPRESSION && a.kind(fn) != METHOD_SIGNATURE)) return found;
                parameterLists[i] = Layouts.functionParameters(a, fn);
                arities[i] = Layouts.functionBody(a, fn) >= 0 ? null : OverloadArguments.arityOf(a, parameterLists[i]);
            }
            if (arities[found.size() - 1] == null) {
                for (int i = 0; i < found.size() - 1; i++) if (arities[i] == null) return found; // two bodies: not overloads
            } else {
                for (int[] arity : arities) if (arity == null) return found;
            }
        } else {
            if (workspace == null || callee == cursor) return found; // a member of another file: its summary's signatures
            signatures = ImportedMembers.signatures(q, callee, "", workspace);
            String uri = found.get(0).getUri();
            for (int i = 1; i < found.size(); i++) {
                if (!found.get(i).getUri().equals(uri) || comparePositions(found.get(i - 1).getRange().getStart(), found.get(i).getRange().getStart()) >= 0) return found;
            }
            // the signatures are the overloads in source order; an implementation after them is not one
            if (signatures.size() != found.size() && signatures.size() != found.size() - 1) return found;
            for (int i = 0; i < signatures.size(); i++) {
                int[] arity = OverloadArguments.arityOf(signatures.get(i).parameters());
                if (arity == null) return found;
                arities[i] = arity;
            }
        }
        int only = -1, firstTakingNone = -1;
        for (int i = 0; i < arities.length; i++) {
            int[] arity = arities[i];
            if (arity == null) continue;
            if (arity[0] == 0 && firstTakingNone < 0) firstTakingNone = i;
            if (!OverloadArguments.takes(arity, arguments)) continue;
            if (only >= 0) {
                only = -2;
                break;
            }
            if (only == -1) only = i;
        }
        if (only >= 0) return List.of(found.get(only));
        if (arguments == 0 && firstTakingNone >= 0) return List.of(found.get(firstTakingNone));
        // several take as many arguments: the first whose parameters take each argument, where literals settle it
        for (int i = 0; i < arities.length; i++) {
            int[] arity = arities[i];
            if (arity == null || !OverloadArguments.takes(arity, arguments)) continue;
            int verdict = signatures == null ? OverloadArguments.argumentsFit(q, parameterLists[i], parent) : OverloadArguments.argumentsFit(q, signatures.get(i).parameters(), parent);
            if (verdict == OverloadArguments.FITS) return List.of(found.get(i));
            if (verdict == OverloadArguments.UNSURE) return found;
        }
        return found;
    }

    private static int comparePositions(Position one, Position other) {
        return one.getLine() != other.getLine() ? Integer.compare(one.getLine(), other.getLine()) : Integer.compare(one.getCharacter(), other.getCharacter());
    }

    /**
     * Whether {@code cursor} names one of several signatures of a method ({@code m(a: string): void;
     * m(a: number): void}): TypeScript answers that signature alone on its own name.
     */
    private static boolean isOneOfOverloads(DocumentQuery q, Occurrences declarations, int cursor) {
        if (cursor < 0 || declarations.size() < 2) return false;
        int parent = TreePaths.parent(q.arena(), cursor);
        int pk = parent < 0 ? -1 : q.arena().kind(parent);
        if ((pk != METHOD_SIGNATURE && pk != METHOD) || (q.arena().data(parent) & (P_GET | P_SET)) != 0) return false; // accessors: both
        if (Layouts.memberKey(q.arena(), parent) != cursor) return false;
        for (int i = 0; i < declarations.size(); i++) if (declarations.node(i) == cursor) return true;
        return false;
    }

    /**
     * The name of a property or method declared in an object literal, an interface or a type
     * literal, which nothing else declares without types: its own location, as TypeScript answers
     * on a declaration (and an editor then offers its references); else empty.
     */
    static List<Location> ownDeclarationName(DocumentQuery q, int ident) {
        if (ident < 0) return List.of();
        Arena arena = q.arena();
        int parent = TreePaths.parent(arena, ident);
        if (parent < 0) return List.of();
        switch (arena.kind(parent)) {
            case PROPERTY: case METHOD: {
                if ((arena.kind(parent) == PROPERTY ? Layouts.propertyKey(arena, parent) : Layouts.memberKey(arena, parent)) != ident) return List.of();
                // in an object literal only: a pattern's key reads a property, it declares nothing
                int object = TreePaths.parent(arena, parent);
                if (object < 0 || arena.kind(object) != OBJECT || (arena.data(parent) & (P_COMPUTED | P_SHORTHAND)) != 0) return List.of();
                break;
            }
            case PROPERTY_SIGNATURE: case METHOD_SIGNATURE:
                if (Layouts.memberKey(arena, parent) != ident) return List.of();
                break;
            case EXPORT_ALL: // export * as ns from: the name it exports (definition leads to the module first)
                if (Layouts.exportAllName(arena, parent) != ident) return List.of();
                break;
            default:
                return List.of();
        }
        int k = arena.kind(ident);
        if (k != IDENTIFIER_NAME && k != STRING_LITERAL && k != NUMBER_LITERAL) return List.of();
        return List.of(q.locationOfNode(ident));
    }

    /**
     * On a module specifier ({@code "./util"} of an import, export, require or import()): the
     * start of the file it resolves to, else the {@code declare module} blocks that name it.
     */
    private static List<Location> module(DocumentQuery q, Path file, int literal, CrossFileNavigator workspace) {
        Arena arena = q.arena();
        int start = arena.start(literal) + 1, end = arena.end(literal) - 1;
        if (end <= start) return List.of();
        String specifier = arena.text(start, end);
        int holder = TreePaths.parent(arena, literal);
        boolean require = holder >= 0 && DocumentLinkHandler.isRequire(arena, holder);
        Path target = ModuleResolver.resolveFrom(file, specifier, require);
        if (target != null) return List.of(new Location(target.toUri().toString(), dev.arenals.server.workspace.ModuleStart.of(target)));
        return workspace == null ? List.of() : workspace.ambientDeclaration(specifier, "*");
    }

    /** Classes followed up an extends chain: a bound against cycles the binder cannot rule out in broken code. */
    static final int MAX_BASES = 16;

    /**
     * {@code this.m} where the class itself does not declare m: the method, accessor or field of
     * the nearest class it extends in this file (completion lists those too); else empty.
     */
    private static List<Location> inheritedMember(DocumentQuery q, int cls, int nameId) {
        List<Location> out = new ArrayList<>();
        for (int key : inheritedMemberKeys(q, cls, nameId)) out.add(q.locationOfNode(key));
        return out;
    }

    /** The name nodes of {@link #inheritedMember}: every declaration of it in the nearest base class that has one. */
    static List<Integer> inheritedMemberKeys(DocumentQuery q, int cls, int nameId) {
        Arena arena = q.arena();
        for (int depth = 0; depth < MAX_BASES && cls >= 0; depth++) {
            int base = baseClassInFile(q, cls);
            if (base < 0) return List.of();
            List<Integer> out = new ArrayList<>();
            int body = Layouts.classBody(arena, base);
            for (int m = body < 0 ? -1 : arena.firstChild(body); m >= 0; m = arena.nextSibling(m)) {
                if (arena.kind(m) != METHOD && arena.kind(m) != FIELD) continue;
                int key = Layouts.memberKey(arena, m);
                if (key >= 0 && arena.kind(key) == IDENTIFIER_NAME && arena.data(key) == nameId) out.add(key);
            }
            if (!out.isEmpty()) return out;
            cls = base;
        }
        return List.of();
    }

    /** The class declared in this file that {@code cls} extends, or -1. */
    static int baseClassInFile(DocumentQuery q, int cls) { return dev.arenals.server.query.ClassHierarchy.baseInFile(q, cls); }

    /** For a declaration that is an import binding: the declaration it imports, else empty. */
    private static List<Location> followImport(DocumentQuery q, Path file, int binding, boolean atBinding, CrossFileNavigator workspace) {
        Arena arena = q.arena();
        String[] required = CommonJs.requireOf(arena, binding);
        if (required != null) return workspace.importedDeclaration(file, required[0], required[1]);
        int[] path = TreePaths.pathTo(arena, binding);
        if (path == null || path.length < 3) return List.of();
        int parent = path[path.length - 2];
        switch (arena.kind(parent)) {
            case IMPORT_DEFAULT_SPECIFIER:
                return imported(q, file, path[path.length - 3], "default", workspace);
            case IMPORT_NAMESPACE_SPECIFIER:
                // as TypeScript answers: a use of `ns` goes to its import, the import's own name to the module
                return atBinding ? imported(q, file, path[path.length - 3], "*", workspace) : List.of();
            case IMPORT_SPECIFIER: {
                int name = Layouts.importImported(arena, parent);
                if (name == binding) return List.of();
                return imported(q, file, path[path.length - 3], moduleName(arena, name), workspace);
            }
            case IMPORT_EQUALS: {
                int reference = Layouts.importEqualsReference(arena, parent);
                if (reference < 0 || arena.kind(reference) != EXTERNAL_MODULE_REFERENCE) return List.of();
                return imported(q, file, reference, "*", workspace);
            }
            default:
                return List.of();
        }
    }

    /**
     * For an import binding: its module specifier and the name it imports ("default", "*" or a
     * name), else null.
     */
    static String[] importOf(Arena arena, int binding) {
        int[] path = binding < 0 ? null : TreePaths.pathTo(arena, binding);
        String[] required = CommonJs.requireOf(arena, binding, path);
        if (required != null) return required;
        if (path == null || path.length < 3) return null;
        int parent = path[path.length - 2];
        int holder;
        String imported;
        switch (arena.kind(parent)) {
            case IMPORT_DEFAULT_SPECIFIER: holder = path[path.length - 3]; imported = "default"; break;
            case IMPORT_NAMESPACE_SPECIFIER: holder = path[path.length - 3]; imported = "*"; break;
            case IMPORT_SPECIFIER: {
                int name = Layouts.importImported(arena, parent);
                if (name == binding) return null;
                holder = path[path.length - 3];
                imported = moduleName(arena, name);
                break;
            }
            case IMPORT_EQUALS: { // import x = require("m")
                int reference = Layouts.importEqualsReference(arena, parent);
                if (reference < 0 || arena.kind(reference) != EXTERNAL_MODULE_REFERENCE) return null;
                holder = reference;
                imported = "*";
                break;
            }
            default: return null;
        }
        int source = Layouts.moduleSource(arena, holder);
        return source < 0 ? null : new String[] {moduleName(arena, source), imported};
    }

    /**
     * {@code ns.a} (and the type {@code ns.T}) of a namespace import (or of a name a module exports
     * with {@code export * as ns from}), and the names of {@code export { a as b } from "./m"}.
     */
    /**
     * How the last name of {@code path} (the right side of {@code ns.x}) is used: a value in an
     * expression or after {@code typeof}, a type as the last name of a type reference, either as
     * the left side of a longer name ({@code ns.A.B}: a namespace).
     */
    static CrossFileNavigator.Meaning meaningOf(Arena arena, int[] path) {
        int parent = path[path.length - 2];
        int above = path.length >= 3 ? arena.kind(path[path.length - 3]) : -1;
        if (arena.kind(parent) == MEMBER) return above == MEMBER && Layouts.memberObject(arena, path[path.length - 3]) == parent ? CrossFileNavigator.Meaning.ANY : CrossFileNavigator.Meaning.VALUE;
        if (above == QUALIFIED_NAME) return CrossFileNavigator.Meaning.ANY;
        return above == TYPE_QUERY ? CrossFileNavigator.Meaning.VALUE : CrossFileNavigator.Meaning.TYPE;
    }

    private static List<Location> qualifiedOrReexported(DocumentQuery q, Path file, int node, CrossFileNavigator workspace) {
        Arena arena = q.arena();
        if (node < 0 || arena.kind(node) != IDENTIFIER_NAME) return List.of();
        int[] path = TreePaths.pathTo(arena, node);
        if (path == null || path.length < 3) return List.of();
        int parent = path[path.length - 2];
        if ((arena.kind(parent) == MEMBER || arena.kind(parent) == QUALIFIED_NAME) && Layouts.memberProperty(arena, parent) == node) {
            int object = Layouts.memberObject(arena, parent);
            if (arena.kind(object) != IDENTIFIER_REFERENCE) {
                Path namespace = ImportedMembers.namespaceChain(q, file, object, workspace, 0); // core.util.AnyFunc: util is export * as util
                if (namespace != null) return workspace.exportedDeclaration(namespace, arena.names().name(arena.data(node)), meaningOf(arena, path));
                return importedMember(q, parent, workspace);
            }
            int symbol = q.symbolOfNode(object);
            if (symbol < 0) return List.of();
            int declaration = q.scopes().declarationNode(symbol);
            String specifier = namespaceImportSpecifier(arena, declaration);
            String member = arena.names().name(arena.data(node));
            CrossFileNavigator.Meaning meaning = meaningOf(arena, path);
            if (specifier != null) {
                Path target = ModuleResolver.resolveFrom(file, specifier);
                return target == null ? workspace.ambientDeclaration(specifier, member) : workspace.exportedDeclaration(target, member, meaning);
            }
            // import { ns } from './barrel' where the barrel has export * as ns from './m'
            String[] imported = importOf(arena, declaration);
            Path target = imported == null || imported[1].equals("default") ? null : workspace.namespaceModule(file, imported[0], imported[1]);
            if (target != null) return workspace.exportedDeclaration(target, member, meaning);
            // import { Geometry } from './geo'; Geometry.distance: a member the other file declares
            return importedMember(q, parent, workspace);
        }
        if (arena.kind(parent) == EXPORT_SPECIFIER) {
            int statement = path[path.length - 3];
            int local = Layouts.exportLocal(arena, parent);
            return imported(q, file, statement, moduleName(arena, local), workspace);
        }
        return List.of();
    }

    /** {@code a.b.c} starting at an imported name: the member's declarations in the file that declares it, else empty. */
    private static List<Location> importedMember(DocumentQuery q, int access, CrossFileNavigator workspace) {
        List<CrossFileNavigator.MemberInFile> found = ImportedMembers.members(q, access, workspace);
        if (found.isEmpty()) return List.of();
        // s.area() with s of a union: the first constituent's, as TypeScript's union signature answers a call
        int call = found.size() > 1 ? TreePaths.parent(q.arena(), access) : -1;
        if (call >= 0 && q.arena().kind(call) == CALL && Layouts.callCallee(q.arena(), call) == access) return found.get(0).locations();
        List<Location> out = new ArrayList<>();
        for (CrossFileNavigator.MemberInFile m : found) out.addAll(m.locations());
        return out;
    }

    /** The module specifier of {@code import * as ns} or {@code import ns = require()} when {@code binding} is ns, else null. */
    static String namespaceImportSpecifier(Arena arena, int binding) {
        if (binding < 0) return null;
        String[] required = CommonJs.requireOf(arena, binding);
        if (required != null) return required[1].equals("*") ? required[0] : null;
        int[] path = TreePaths.pathTo(arena, binding);
        if (path == null || path.length < 3) return null;
        int parent = path[path.length - 2];
        int holder;
        if (arena.kind(parent) == IMPORT_NAMESPACE_SPECIFIER) holder = path[path.length - 3];
        else if (arena.kind(parent) == IMPORT_EQUALS && Layouts.importEqualsReference(arena, parent) >= 0
                && arena.kind(Layouts.importEqualsReference(arena, parent)) == EXTERNAL_MODULE_REFERENCE) holder = Layouts.importEqualsReference(arena, parent);
        else return null;
        int source = Layouts.moduleSource(arena, holder);
        return source < 0 ? null : arena.text(arena.start(source) + 1, Math.max(arena.start(source) + 1, arena.end(source) - 1));
    }

    /** {@code name} of the module {@code statement} names ({@link Layouts#moduleSource}). */
    private static List<Location> imported(DocumentQuery q, Path file, int statement, String name, CrossFileNavigator workspace) {
        Arena arena = q.arena();
        int source = Layouts.moduleSource(arena, statement);
        if (source < 0) return List.of();
        int start = arena.start(source) + 1, end = arena.end(source) - 1;
        if (end <= start) return List.of();
        return workspace.importedDeclaration(file, arena.text(start, end), name);
    }

    static String moduleName(Arena arena, int node) {
        if (arena.kind(node) == STRING_LITERAL) return arena.text(arena.start(node) + 1, Math.max(arena.start(node) + 1, arena.end(node) - 1));
        return arena.names().name(arena.data(node));
    }
}
