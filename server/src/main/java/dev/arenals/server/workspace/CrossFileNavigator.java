package dev.arenals.server.workspace;

import dev.arenals.server.workspace.FileSummary.Declaration;
import dev.arenals.server.workspace.FileSummary.Export;
import dev.arenals.server.workspace.FileSummary.Import;
import dev.arenals.server.workspace.FileSummary.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Follows imports and exports through the workspace's summaries to the declaration a name stands
 * for: named and default exports, {@code export { a as b } from}, {@code export * from} and
 * {@code export * as ns from} chains, and names a file exports after importing them. Files not yet
 * indexed are summarized on the caller's thread when a chain reaches them.
 */
public final class CrossFileNavigator {
    /** Longest chain followed: re-export chains in real packages are a handful deep. */
    private static final int MAX_HOPS = 64;

    private final WorkspaceIndex index;

    public CrossFileNavigator(WorkspaceIndex index) { this.index = index; }

    /** The summary of {@code file}: the index's, else made now from disk; null when unreadable. */
    public FileSummary summary(Path file) { return index.summaryOrLoad(file); }

    /**
     * Where {@code importedName} ("default", "*" or a name) of the module {@code specifier},
     * imported by {@code importer}, is declared; empty when the module or the name is not found.
     * "*" gives the start of the module's file.
     */
    public List<Location> importedDeclaration(Path importer, String specifier, String importedName) {
        Path target = resolve(importer, specifier);
        if (target == null) return ambientDeclaration(specifier, importedName);
        if (importedName.equals("*")) return List.of(fileStart(target));
        List<Location> out = new ArrayList<>();
        exported(target, importedName, new HashSet<>(), out);
        return out;
    }

    /**
     * A module no file resolves to, declared by {@code declare module "x"} blocks: the member named
     * {@code importedName} in them, else (a namespace, a default, a member not written out) the blocks' names.
     */
    public List<Location> ambientDeclaration(String specifier, String importedName) {
        List<WorkspaceIndex.AmbientModuleInFile> modules = index.ambientModules(specifier);
        List<Location> out = new ArrayList<>();
        for (WorkspaceIndex.AmbientModuleInFile m : modules) {
            FileSummary.Declaration d = m.module().member(importedName);
            if (d != null) out.add(location(m.file(), d.span()));
        }
        if (out.isEmpty()) for (WorkspaceIndex.AmbientModuleInFile m : modules) out.add(location(m.file(), m.module().span()));
        return out;
    }

    /** Where the export {@code name} of {@code file} is declared. */
    public List<Location> exportedDeclaration(Path file, String name) {
        return exportedDeclaration(file, name, Meaning.ANY);
    }

    /**
     * How a name is used where it is looked up: as a value ({@code ns.f()}), as a type
     * ({@code let x: ns.T}), or either. A name declared both ways (a function, an interface and a
     * namespace all called {@code Struct}) then leads to the declarations of that meaning only, as
     * TypeScript answers.
     */
    public enum Meaning { ANY, VALUE, TYPE }

    /** {@link #exportedDeclaration(Path, String)}, keeping the declarations of {@code meaning} when the name has some. */
    public List<Location> exportedDeclaration(Path file, String name, Meaning meaning) {
        List<Location> out = new ArrayList<>();
        exported(file, name, new HashSet<>(), out, meaning);
        return out;
    }

    private void exported(Path file, String name, Set<String> visited, List<Location> out) {
        exported(file, name, visited, out, Meaning.ANY);
    }

    private void exported(Path file, String name, Set<String> visited, List<Location> out, Meaning meaning) {
        if (visited.size() > MAX_HOPS || !visited.add(file + "\u0000" + name)) return; // a cycle, or too deep
        FileSummary s = index.summaryOrLoad(file);
        if (s == null) return;
        Export e = s.export(name);
        if (e != null) {
            if (e.fromSpecifier() != null) {
                Path target = s.resolve(e.fromSpecifier());
                if (target == null) out.add(location(s, e.span()));
                else if (e.localName().equals("*")) out.add(fileStart(target));
                else exported(target, e.localName(), visited, out);
            } else if (e.localName() == null) {
                out.add(location(s, e.span())); // export default <expression>
            } else {
                local(s, e.localName(), visited, out, meaning);
                if (out.isEmpty()) out.add(location(s, e.span()));
            }
            return;
        }
        if (name.equals("default")) return; // export * does not re-export the default
        for (String from : s.starExports()) {
            Path target = s.resolve(from);
            if (target != null) exported(target, name, visited, out, meaning);
            if (!out.isEmpty()) return;
        }
    }

    /** A name local to {@code s}: its declarations (merged ones too), else the import that brings it in. */
    private void local(FileSummary s, String name, Set<String> visited, List<Location> out) {
        local(s, name, visited, out, Meaning.ANY);
    }

    private void local(FileSummary s, String name, Set<String> visited, List<Location> out, Meaning meaning) {
        boolean hasMeaning = false;
        for (Declaration d : s.declarations()) if (d.name().equals(name) && has(d.kind(), meaning)) hasMeaning = true;
        for (Declaration d : s.declarations()) {
            if (d.name().equals(name) && (!hasMeaning || has(d.kind(), meaning))) out.add(location(s, d.span()));
        }
        if (!out.isEmpty()) return;
        Import i = s.importOf(name);
        if (i == null) return;
        Path target = s.resolve(i.specifier());
        if (target == null) out.add(location(s, i.span()));
        else if (i.importedName().equals("*")) out.add(fileStart(target));
        else exported(target, i.importedName(), visited, out);
    }

    /** Whether a declaration of {@code kind} gives its name {@code meaning} (a namespace counts as neither: it may hold only types). */
    private static boolean has(FileSummary.Kind kind, Meaning meaning) {
        switch (meaning) {
            case VALUE: return kind == FileSummary.Kind.FUNCTION || kind == FileSummary.Kind.CLASS || kind == FileSummary.Kind.VARIABLE
                    || kind == FileSummary.Kind.CONSTANT || kind == FileSummary.Kind.ENUM;
            case TYPE: return kind == FileSummary.Kind.CLASS || kind == FileSummary.Kind.INTERFACE || kind == FileSummary.Kind.TYPE
                    || kind == FileSummary.Kind.ENUM;
            default: return false;
        }
    }

    /** A top-level name of a file: a declaration, or an import binding. */
    public record NameInFile(Path file, String name) { }

    /**
     * The declaring file and local name behind {@code importedName} of {@code specifier} imported
     * by {@code importer}, through re-export chains; null when not found or a namespace.
     */
    public NameInFile origin(Path importer, String specifier, String importedName) {
        Path target = resolve(importer, specifier);
        if (target == null || importedName.equals("*")) return null;
        return origin(target, importedName, new HashSet<>());
    }

    /** The declaring file and local name behind the export {@code name} of {@code module}; null when not found. */
    public NameInFile exportOrigin(Path module, String name) { return origin(module, name, new HashSet<>()); }

    /**
     * The module a namespace stands for: {@code importedName} "*" of {@code specifier}
     * ({@code import * as ns}), or a name the module exports as {@code export * as name from}
     * (through re-export chains); null otherwise.
     */
    public Path namespaceModule(Path importer, String specifier, String importedName) {
        Path target = resolve(importer, specifier);
        if (target == null) return null;
        return importedName.equals("*") ? target : namespaceExport(target, importedName);
    }

    /**
     * The module {@code module} exports as the namespace {@code exportedName}
     * ({@code export * as name from}, or a namespace import it exports again), through re-export
     * chains; null when that export is not a namespace. {@code core.util.AnyFunc} walks one such
     * step per dotted name.
     */
    public Path namespaceExport(Path module, String exportedName) {
        Set<String> visited = new HashSet<>();
        Path file = module;
        String name = exportedName;
        while (visited.size() <= MAX_HOPS && visited.add(file + "\u0000" + name)) {
            FileSummary s = index.summaryOrLoad(file);
            if (s == null) return null;
            Export e = s.export(name);
            if (e != null && e.fromSpecifier() != null) {
                Path next = s.resolve(e.fromSpecifier());
                if (next == null) return null;
                if (e.localName().equals("*")) return next;
                file = next;
                name = e.localName();
                continue;
            }
            if (e != null) {
                // import * as ns from './m'; export { ns }
                Import i = e.localName() == null ? null : s.importOf(e.localName());
                if (i == null) return null;
                Path next = s.resolve(i.specifier());
                if (next == null || i.importedName().equals("*")) return next;
                file = next;
                name = i.importedName();
                continue;
            }
            return null;
        }
        return null;
    }

    private NameInFile origin(Path file, String name, Set<String> visited) {
        if (visited.size() > MAX_HOPS || !visited.add(file + "\u0000" + name)) return null;
        FileSummary s = index.summaryOrLoad(file);
        if (s == null) return null;
        Export e = s.export(name);
        if (e != null) {
            if (e.fromSpecifier() != null) {
                Path target = s.resolve(e.fromSpecifier());
                return target == null || e.localName().equals("*") ? null : origin(target, e.localName(), visited);
            }
            if (e.localName() == null) return null;
            if (s.declaration(e.localName()) != null) return new NameInFile(file, e.localName());
            Import i = s.importOf(e.localName());
            if (i == null || i.importedName().equals("*")) return null;
            Path target = s.resolve(i.specifier());
            return target == null ? null : origin(target, i.importedName(), visited);
        }
        if (name.equals("default")) return null;
        for (String from : s.starExports()) {
            Path target = s.resolve(from);
            NameInFile found = target == null ? null : origin(target, name, visited);
            if (found != null) return found;
        }
        return null;
    }

    /**
     * What a dotted path from an imported name stands for, as a container of members: the file
     * declaring it and the qualified name its summary keeps the members under ("Geometry.Inner").
     * {@code importedName} "*" is a namespace import: the path's first name is then the module's
     * export. Null when the import or the path's first name is not found.
     */
    public NameInFile importedContainer(Path importer, String specifier, String importedName, List<String> path) {
        int first = 0;
        NameInFile origin;
        if (importedName.equals("*")) {
            if (path.isEmpty()) return null;
            origin = origin(importer, specifier, path.get(0));
            first = 1;
        } else {
            origin = origin(importer, specifier, importedName);
        }
        if (origin == null) return null;
        if (first == path.size()) return origin;
        StringBuilder container = new StringBuilder(origin.name());
        for (int i = first; i < path.size(); i++) container.append('.').append(path.get(i));
        return new NameInFile(origin.file(), container.toString());
    }

    /**
     * The declarations of the member a dotted path names ({@code Geometry.distance} for the
     * imported name Geometry and the path [distance]; {@code g.Geometry.distance} for a namespace
     * import g and [Geometry, distance]): each merged declaration, with its file. Null when the path
     * names a top-level export (no member) or nothing the summaries know.
     */
    public MemberInFile importedMember(Path importer, String specifier, String importedName, List<String> path) {
        if (path.isEmpty() || (importedName.equals("*") && path.size() < 2)) return null;
        NameInFile container = importedContainer(importer, specifier, importedName, path.subList(0, path.size() - 1));
        if (container == null) return null;
        FileSummary s = index.summaryOrLoad(container.file());
        if (s == null) return null;
        String last = path.get(path.size() - 1);
        List<FileSummary.Member> found = s.members(container.name(), last);
        return found.isEmpty() ? null : new MemberInFile(s, container.name() + "." + last, found);
    }

    /** Members found by {@link #importedMember}: the summary that keeps them, their qualified name, each declaration. */
    public record MemberInFile(FileSummary summary, String qualifiedName, List<FileSummary.Member> members) {
        public List<Location> locations() {
            List<Location> out = new ArrayList<>(members.size());
            for (FileSummary.Member m : members) out.add(location(summary, m.span()));
            return out;
        }

        /** How the member is called, when it is callable (each overload). */
        public List<FileSummary.Signature> signatures() { return summary.signatures(qualifiedName); }
    }

    /**
     * An import binding of a name: {@code localName} in {@code file} stands for it, or, when
     * {@code member} is not null, {@code localName} is a namespace import whose {@code member} does.
     */
    public record Binding(Path file, String localName, String member, boolean reexport) {
        public Binding(Path file, String localName, String member) { this(file, localName, member, false); }
    }

    /**
     * The import bindings of the top-level name {@code local} of {@code file}: every file that
     * imports it under any exported name, directly or through re-exports ({@code export { a as b }
     * from}, {@code export * from}, import-then-export), or imports its module as a namespace.
     */
    public List<Binding> importBindingsOf(Path file, String local) {
        FileSummary declaring = index.summaryOrLoad(file);
        if (declaring == null) return List.of();
        List<Binding> out = new ArrayList<>();
        java.util.ArrayDeque<NameInFile> exportsToFollow = new java.util.ArrayDeque<>();
        for (Export e : declaring.exports()) {
            if (e.fromSpecifier() == null && local.equals(e.localName())) exportsToFollow.add(new NameInFile(file, e.exportedName()));
        }
        Set<NameInFile> seen = new HashSet<>(exportsToFollow);
        // read by index, not through records: a name imported by 20,000 files visits each importer's imports and exports
        while (!exportsToFollow.isEmpty() && seen.size() < 10_000) {
            NameInFile exported = exportsToFollow.poll();
            for (Path importer : index.importersOf(exported.file())) {
                FileSummary s = index.summaryOrLoad(importer);
                if (s == null) continue;
                for (int k = 0, n = s.importCount(); k < n; k++) {
                    // a binding is looked at only when it names the export or the namespace
                    boolean namespace = s.importsName(k, "*");
                    if (!namespace && !s.importsName(k, exported.name())) continue;
                    if (!exported.file().equals(s.importFile(k))) continue;
                    String localName = s.importLocalNameAt(k);
                    if (namespace) {
                        out.add(new Binding(importer, localName, exported.name())); // ns.name
                        continue;
                    }
                    out.add(new Binding(importer, localName, null));
                    // import { a } from './x'; export { a as b }
                    for (int e = 0, m = s.exportCount(); e < m; e++) {
                        if (!s.exportIsReexport(e) && s.exportLocalIs(e, localName)) {
                            NameInFile next = new NameInFile(importer, s.exportedNameAt(e));
                            if (seen.add(next)) exportsToFollow.add(next);
                        }
                    }
                }
                for (int e = 0, m = s.exportCount(); e < m; e++) {
                    if (!s.exportIsReexport(e)) continue;
                    boolean namespace = s.exportLocalIs(e, "*");
                    if (!namespace && !s.exportLocalIs(e, exported.name())) continue;
                    if (!exported.file().equals(s.exportFromFile(e))) continue;
                    String exportedName = s.exportedNameAt(e);
                    if (namespace) {
                        // export * as ns from: the files importing ns use ns.name
                        for (Binding b : namespaceExportImports(importer, exportedName)) out.add(new Binding(b.file(), b.localName(), exported.name()));
                        continue;
                    }
                    out.add(new Binding(importer, exportedName, null, true));
                    NameInFile next = new NameInFile(importer, exportedName);
                    if (seen.add(next)) exportsToFollow.add(next);
                }
                if (!exported.name().equals("default")) {
                    for (int k = 0, m = s.starExportCount(); k < m; k++) {
                        if (!exported.file().equals(s.starExportFile(k))) continue;
                        NameInFile next = new NameInFile(importer, exported.name());
                        if (seen.add(next)) exportsToFollow.add(next);
                    }
                }
            }
        }
        return out;
    }

    /** What a workspace rename edits in one file; see {@link #renameSites}. */
    public enum RenameKind {
        /** The top-level binding {@code name} and every use of it (imports and local exports renamed whole). */
        BINDING,
        /** {@code import { name as x }}: the imported name only (the local binding x stays). */
        IMPORTED_NAME,
        /** {@code export { a as name } from}: the local side only, the exported name stays. */
        REEXPORT_LOCAL,
        /** {@code export { name } from}: the whole specifier. */
        REEXPORT_WHOLE,
        /** The uses {@code name.member} of the namespace binding {@code name}. */
        MEMBER_USES,
        /** Every occurrence of {@code member} of the top-level class or interface {@code name} declared in the file. */
        INSTANCE_MEMBER_DECLARED,
        /** {@code v.member} where v is declared as an instance of the import {@code name}, and its classes extending it. */
        INSTANCE_MEMBER_USES,
        /**
         * {@code a.b.member} where what {@code a.b} is an instance of, followed through other files'
         * declarations, is the class or interface {@code name} that {@code typeFile} declares.
         */
        INSTANCE_MEMBER_CHAINED
    }

    /** One thing a workspace rename edits in {@code file} ({@code typeFile}: only for {@link RenameKind#INSTANCE_MEMBER_CHAINED}). */
    public record RenameSite(Path file, RenameKind kind, String name, String member, Path typeFile) {
        public RenameSite(Path file, RenameKind kind, String name, String member) { this(file, kind, name, member, null); }
    }

    /**
     * What renaming the top-level name {@code local} of {@code file} edits across the workspace,
     * the declaring file's own binding first. The new name flows wherever the old one is the
     * exported name and the local name at once: through {@code export { a }}, unaliased imports,
     * {@code export { a } from}, {@code export * from}, import-then-export; it stops where an alias
     * or a default keeps a name of its own ({@code import { a as x }}, {@code export { a as b } from},
     * {@code export { a as default }}, default imports), whose edit is then one name only.
     * Namespace imports ({@code import * as ns}, and {@code export * as ns from} imported by name)
     * give their {@code ns.a} uses.
     */
    public List<RenameSite> renameSites(Path file, String local) {
        List<RenameSite> out = new ArrayList<>();
        out.add(new RenameSite(file, RenameKind.BINDING, local, null));
        FileSummary declaring = index.summaryOrLoad(file);
        if (declaring == null) return out;
        java.util.ArrayDeque<NameInFile> flowing = new java.util.ArrayDeque<>();
        Set<NameInFile> seen = new HashSet<>();
        for (Export e : declaring.exports()) {
            // exports.a = a: the exported name is a property of its own, which a rename of a leaves as it is
            if (e.fromSpecifier() == null && !e.commonJs() && local.equals(e.localName()) && local.equals(e.exportedName())) {
                NameInFile n = new NameInFile(file, local);
                if (seen.add(n)) flowing.add(n);
            }
        }
        Set<RenameSite> sitesSeen = new HashSet<>();
        // read by index, not through records: a name imported by 1,000 files visits each importer's imports and exports
        while (!flowing.isEmpty() && seen.size() < 10_000) {
            NameInFile exported = flowing.poll();
            for (Path importer : index.importersOf(exported.file())) {
                FileSummary s = index.summaryOrLoad(importer);
                if (s == null) continue;
                for (int k = 0, n = s.importCount(); k < n; k++) {
                    boolean namespace = s.importsName(k, "*");
                    if (!namespace && !s.importsName(k, local)) continue;
                    if (!exported.file().equals(s.importFile(k))) continue;
                    String localName = s.importLocalNameAt(k);
                    if (namespace) {
                        addSite(out, sitesSeen, new RenameSite(importer, RenameKind.MEMBER_USES, localName, local));
                        continue;
                    }
                    if (!localName.equals(local)) {
                        addSite(out, sitesSeen, new RenameSite(importer, RenameKind.IMPORTED_NAME, localName, null));
                        continue;
                    }
                    addSite(out, sitesSeen, new RenameSite(importer, RenameKind.BINDING, local, null));
                    for (int e = 0, m = s.exportCount(); e < m; e++) {
                        if (!s.exportIsReexport(e) && !s.exportIsCommonJs(e) && s.exportLocalIs(e, local) && s.exportedNameAt(e).equals(local)) {
                            NameInFile next = new NameInFile(importer, local);
                            if (seen.add(next)) flowing.add(next);
                        }
                    }
                }
                for (int e = 0, m = s.exportCount(); e < m; e++) {
                    if (!s.exportIsReexport(e) || !exported.file().equals(s.exportFromFile(e))) continue;
                    if (s.exportLocalIs(e, local)) {
                        String exportedName = s.exportedNameAt(e);
                        if (local.equals(exportedName)) {
                            addSite(out, sitesSeen, new RenameSite(importer, RenameKind.REEXPORT_WHOLE, local, null));
                            NameInFile next = new NameInFile(importer, local);
                            if (seen.add(next)) flowing.add(next);
                        } else {
                            addSite(out, sitesSeen, new RenameSite(importer, RenameKind.REEXPORT_LOCAL, exportedName, null));
                        }
                    } else if (s.exportLocalIs(e, "*")) {
                        // export * as ns from: importers of ns use ns.local
                        for (Binding b : namespaceExportImports(importer, s.exportedNameAt(e))) {
                            addSite(out, sitesSeen, new RenameSite(b.file(), RenameKind.MEMBER_USES, b.localName(), local));
                        }
                    }
                }
                for (int k = 0, m = s.starExportCount(); k < m; k++) {
                    if (!exported.file().equals(s.starExportFile(k))) continue;
                    NameInFile next = new NameInFile(importer, local);
                    if (seen.add(next)) flowing.add(next);
                }
            }
        }
        return out;
    }

    /** A site once per (file, kind, name); the key is the record itself less its member (no path string made). */
    private static void addSite(List<RenameSite> out, Set<RenameSite> seen, RenameSite site) {
        if (seen.add(new RenameSite(site.file(), site.kind(), site.name(), null))) out.add(site);
    }

    /** The named imports of {@code exportedName} of {@code barrel}, which exports a namespace under that name ({@code export * as ns from}). */
    private List<Binding> namespaceExportImports(Path barrel, String exportedName) {
        List<Binding> out = new ArrayList<>();
        for (Path importer : index.importersOf(barrel)) {
            FileSummary s = index.summaryOrLoad(importer);
            if (s == null) continue;
            for (Import i : s.imports()) {
                if (i.importedName().equals(exportedName) && barrel.equals(s.resolve(i.specifier()))) out.add(new Binding(importer, i.localName(), null));
            }
        }
        return out;
    }

    /** Through the importer's summary when there is one (resolved when it was made), else now. */
    private Path resolve(Path importer, String specifier) {
        FileSummary s = index.summary(importer);
        return s != null ? s.resolve(specifier) : ModuleResolver.resolveFrom(importer, specifier);
    }

    private Location fileStart(Path file) {
        FileSummary s = index.summary(file);
        String uri = s != null ? s.uri() : FileSummary.fileUri(file);
        return new Location(uri, ModuleStart.of(file));
    }

    static Location location(FileSummary s, Span span) {
        return new Location(s.uri(), new Range(new Position(span.line(), span.startColumn()), new Position(span.line(), span.endColumn())));
    }
}
