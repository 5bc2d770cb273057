package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.protocol.Uris;
import dev.arenals.server.query.ClassHierarchy;
import dev.arenals.server.query.CommonJs;
import dev.arenals.server.query.DeclaredTypes;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.workspace.FileSummary;
import dev.arenals.server.workspace.ModuleResolver;
import dev.arenals.server.workspace.Summarizer;
import dev.arenals.server.workspace.FileSummary.Signature;
import dev.arenals.server.workspace.CrossFileNavigator;
import dev.arenals.server.workspace.CrossFileNavigator.MemberInFile;
import dev.arenals.server.workspace.CrossFileNavigator.NameInFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Dotted names that start at an import: {@code Geometry.distance} where Geometry is imported by
 * name, {@code g.Geometry.Inner.deep} where g is a namespace import. The path is read from this
 * document's tree; what it names is looked up in the declaring file's summary (its members), never
 * in another document's arena. Shared by definition, signature help, hover and completion.
 */
final class ImportedMembers {
    private ImportedMembers() {}

    /** Longest dotted path followed. */
    private static final int MAX_PATH = 16;

    /** A dotted path: the import it starts at (specifier and imported name, "*" for a namespace) and the names after it. */
    record ImportedPath(String specifier, String importedName, List<String> names) { }

    /**
     * The path of a member access ({@code MEMBER} or {@code QUALIFIED_NAME}) whose leftmost
     * object is an imported name, up to and including {@code access}'s own name; null when it does
     * not start at an import or has a part that is not a plain name ({@code a[0].b}, {@code f().b}).
     */
    static ImportedPath of(DocumentQuery q, int access) {
        Arena a = q.arena();
        List<String> names = new ArrayList<>();
        int node = access;
        while (node >= 0 && (a.kind(node) == MEMBER || a.kind(node) == QUALIFIED_NAME)) {
            if (names.size() >= MAX_PATH) return null;
            int object = Layouts.memberObject(a, node);
            int property = Layouts.memberProperty(a, node);
            if (property < 0 || a.kind(property) != IDENTIFIER_NAME) return null;
            names.add(a.names().name(a.data(property)));
            node = object;
        }
        if (node < 0 || a.kind(node) != IDENTIFIER_REFERENCE || names.isEmpty()) return null;
        int symbol = q.symbolOfNode(node);
        if (!isImportBinding(q, symbol)) return null;
        String[] imported = DefinitionHandler.importOf(a, q.scopes().declarationNode(symbol));
        if (imported == null) return null;
        Collections.reverse(names);
        return new ImportedPath(imported[0], imported[1], names);
    }

    /**
     * The module a dotted name of namespaces stands for: {@code core} of {@code import * as core}
     * (or a name imported from a module that exports it as a namespace), then each name after it
     * that its module exports as a namespace ({@code core.util} where core's module has
     * {@code export * as util from "./util.js"}); null at the first name that is not one.
     */
    static Path namespaceChain(DocumentQuery q, Path file, int node, CrossFileNavigator workspace, int depth) {
        Arena arena = q.arena();
        if (node < 0 || depth > 16) return null;
        int k = arena.kind(node);
        if (k == IDENTIFIER_REFERENCE) {
            int symbol = q.symbolOfNode(node);
            if (symbol < 0 || !q.isDeclared(symbol)) return null;
            int declaration = q.scopes().declarationNode(symbol);
            String specifier = DefinitionHandler.namespaceImportSpecifier(arena, declaration);
            if (specifier != null) return ModuleResolver.resolveFrom(file, specifier);
            String[] imported = DefinitionHandler.importOf(arena, declaration);
            return imported == null || imported[1].equals("default") ? null : workspace.namespaceModule(file, imported[0], imported[1]);
        }
        if ((k != MEMBER && k != QUALIFIED_NAME) || (k == MEMBER && (arena.data(node) & M_COMPUTED) != 0)) return null;
        int property = Layouts.memberProperty(arena, node);
        if (property < 0 || arena.kind(property) != IDENTIFIER_NAME) return null;
        Path module = namespaceChain(q, file, Layouts.memberObject(arena, node), workspace, depth + 1);
        return module == null ? null : workspace.namespaceExport(module, arena.names().name(arena.data(property)));
    }

    /**
     * Whether a symbol is bound by an import: an import declaration's, or a variable bound to
     * {@code require("m")} (or to names taken from it).
     */
    static boolean isImportBinding(DocumentQuery q, int symbol) {
        if (symbol < 0 || !q.isDeclared(symbol)) return false;
        int kind = q.scopes().kind(symbol);
        if (kind == SymbolKind.IMPORT) return true;
        if (kind != SymbolKind.VAR && kind != SymbolKind.LET && kind != SymbolKind.CONST) return false;
        return CommonJs.requireOf(q.arena(), q.scopes().declarationNode(symbol)) != null;
    }

    /**
     * How the callee of {@code a.b(…)} is called when {@code a} starts at an import: a member
     * another file declares, or an export of a module bound as a whole ({@code m_1.f(} for
     * {@code var m_1 = require("./m")}), labelled {@code label}; empty otherwise.
     */
    static List<Signature> signatures(DocumentQuery q, int access, String label, CrossFileNavigator navigator) {
        Path file = Uris.pathOf(q.uri());
        ImportedPath path = file == null || navigator == null ? null : of(q, access);
        if (path == null) {
            MemberInFile instance = file == null || navigator == null ? null : instanceMember(q, access, file, navigator);
            return instance == null ? List.of() : Signature.named(instance.signatures(), label);
        }
        List<Signature> found;
        Path namespace = path.importedName().equals("*") || path.names().size() != 1 ? null
                : navigator.namespaceModule(file, path.specifier(), path.importedName()); // import { z } where the module has export * as z
        if ((path.importedName().equals("*") || namespace != null) && path.names().size() == 1) {
            NameInFile origin = namespace != null ? navigator.exportOrigin(namespace, path.names().get(0))
                    : navigator.origin(file, path.specifier(), path.names().get(0));
            FileSummary summary = origin == null ? null : navigator.summary(origin.file());
            found = summary == null ? List.of() : summary.signatures(origin.name());
        } else {
            MemberInFile member = navigator.importedMember(file, path.specifier(), path.importedName(), path.names());
            found = member == null ? List.of() : member.signatures();
        }
        return Signature.named(found, label);
    }

    /**
     * The instance member {@code name} that class {@code cls} of this document inherits from a
     * class another file declares: up its extends chain in this file to the first base that is
     * imported, then that class's {@code prototype} members in its file's summary (which holds its
     * own bases there too). Null when no such base has it.
     */
    static MemberInFile inheritedFromImport(DocumentQuery q, int cls, String name, CrossFileNavigator navigator) {
        Path file = Uris.pathOf(q.uri());
        if (file == null || navigator == null) return null;
        Arena a = q.arena();
        for (int depth = 0; cls >= 0 && depth < ClassHierarchy.MAX_DEPTH; depth++) {
            int base = ClassHierarchy.baseInFile(q, cls);
            if (base >= 0) {
                cls = base;
                continue;
            }
            int expr = ClassHierarchy.extendsName(a, cls);
            int symbol = expr < 0 ? -1 : q.symbolOfNode(expr);
            if (!isImportBinding(q, symbol)) return null;
            String[] imported = DefinitionHandler.importOf(a, q.scopes().declarationNode(symbol));
            if (imported == null || imported[1].equals("*")) return null;
            NameInFile origin = navigator.importedContainer(file, imported[0], imported[1], List.of());
            FileSummary summary = origin == null ? null : navigator.summary(origin.file());
            if (summary == null) return null;
            String container = origin.name() + Summarizer.PROTOTYPE;
            List<FileSummary.Member> found = summary.members(container, name);
            return found.isEmpty() ? null : new MemberInFile(summary, container + "." + name, found);
        }
        return null;
    }

    /**
     * The member a member access names in another file (see {@link #of}), or, for {@code v.m}
     * where v is declared as an instance of an imported class, that class's instance member
     * ({@code C.prototype.m} in its file's summary); null otherwise.
     */
    static MemberInFile member(DocumentQuery q, int access, CrossFileNavigator navigator) {
        Path file = Uris.pathOf(q.uri());
        ImportedPath path = file == null || navigator == null ? null : of(q, access);
        if (path != null) return navigator.importedMember(file, path.specifier(), path.importedName(), path.names());
        return file == null || navigator == null ? null : instanceMember(q, access, file, navigator);
    }

    private static MemberInFile instanceMember(DocumentQuery q, int access, Path file, CrossFileNavigator navigator) {
        List<MemberInFile> found = instanceMembers(q, access, file, navigator);
        return found.size() == 1 ? found.get(0) : null; // a union's member declared apart in each: no one answer
    }

    /**
     * The declarations {@code v.m} may name in other files: as {@link #member}, and for v of a union
     * alias another file declares, the member of each constituent the narrowing around the read
     * leaves ({@link InstanceTypes#declaringMembers}), in the union's order; empty for none.
     */
    static List<MemberInFile> members(DocumentQuery q, int access, CrossFileNavigator navigator) {
        Path file = Uris.pathOf(q.uri());
        ImportedPath path = file == null || navigator == null ? null : of(q, access);
        if (path != null) {
            MemberInFile one = navigator.importedMember(file, path.specifier(), path.importedName(), path.names());
            return one == null ? List.of() : List.of(one);
        }
        return file == null || navigator == null ? List.of() : instanceMembers(q, access, file, navigator);
    }

    private static List<MemberInFile> instanceMembers(DocumentQuery q, int access, Path file, CrossFileNavigator navigator) {
        Arena a = q.arena();
        if (a.kind(access) != MEMBER || (a.data(access) & M_COMPUTED) != 0) return List.of();
        int property = Layouts.memberProperty(a, access);
        if (property < 0 || a.kind(property) != IDENTIFIER_NAME) return List.of();
        int object = Layouts.memberObject(a, access);
        NameInFile type = InstanceTypes.importedTypeOf(q, object, file, navigator);
        if (type == null) return List.of();
        String name = a.names().name(a.data(property));
        List<MemberInFile> out = new ArrayList<>(1);
        for (InstanceTypes.MemberAt found : InstanceTypes.declaringMembers(q, object, type, name, navigator)) {
            out.add(new MemberInFile(found.summary(), found.container().name() + Summarizer.PROTOTYPE + "." + name, found.members()));
        }
        return out;
    }

    /** The container whose members follow a dot after {@code object} (an imported name or a dotted path from one), or null. */
    static NameInFile container(DocumentQuery q, int object, CrossFileNavigator navigator) {
        Path file = Uris.pathOf(q.uri());
        if (file == null || navigator == null || object < 0) return null;
        Arena a = q.arena();
        ImportedPath path;
        if (a.kind(object) == IDENTIFIER_REFERENCE) {
            int symbol = q.symbolOfNode(object);
            if (!isImportBinding(q, symbol)) return null;
            String[] imported = DefinitionHandler.importOf(a, q.scopes().declarationNode(symbol));
            if (imported == null || imported[1].equals("*")) return null; // a namespace import's exports: the module's, listed elsewhere
            path = new ImportedPath(imported[0], imported[1], List.of());
        } else {
            path = of(q, object);
        }
        return path == null ? null : navigator.importedContainer(file, path.specifier(), path.importedName(), path.names());
    }
}
