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
        List<Location> out = new ArrayList<>();
        exported(file, name, new HashSet<>(), out);
        return out;
    }

    private void exported(Path file, String name, Set<String> visited, List<Location> out) {
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
                local(s, e.localName(), visited, out);
                if (out.isEmpty()) out.add(location(s, e.span()));
            }
            return;
        }
        if (name.equals("default")) return; // export * does not re-export the default
        for (String from : s.starExports()) {
            Path target = s.resolve(from);
            if (target != null) exported(target, name, visited, out);
            if (!out.isEmpty()) return;
        }
    }

    /** A name local to {@code s}: its declarations (merged ones too), else the import that brings it in. */
    private void local(FileSummary s, String name, Set<String> visited, List<Location> out) {
        for (Declaration d : s.declarations()) if (d.name().equals(name)) out.add(location(s, d.span()));
        if (!out.isEmpty()) return;
        Import i = s.importOf(name);
        if (i == null) return;
        Path target = s.resolve(i.specifier());
        if (target == null) out.add(location(s, i.span()));
        else if (i.importedName().equals("*")) out.add(fileStart(target));
        else exported(target, i.importedName(), visited, out);
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
     * An import binding of a name: {@code localName} in {@code file} stands for it, or, when
     * {@code member} is not null, {@code localName} is a namespace import whose {@code member} does.
     */
    public record Binding(Path file, String localName, String member) { }

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
        while (!exportsToFollow.isEmpty() && seen.size() < 10_000) {
            NameInFile exported = exportsToFollow.poll();
            for (Path importer : index.importersOf(exported.file())) {
                FileSummary s = index.summaryOrLoad(importer);
                if (s == null) continue;
                for (Import i : s.imports()) {
                    if (i.importedName().equals("*") && exported.file().equals(s.resolve(i.specifier()))) {
                        out.add(new Binding(importer, i.localName(), exported.name())); // ns.name
                        continue;
                    }
                    if (!i.importedName().equals(exported.name()) || !exported.file().equals(s.resolve(i.specifier()))) continue;
                    out.add(new Binding(importer, i.localName(), null));
                    // import { a } from './x'; export { a as b }
                    for (Export e : s.exports()) {
                        if (e.fromSpecifier() == null && i.localName().equals(e.localName())) {
                            NameInFile next = new NameInFile(importer, e.exportedName());
                            if (seen.add(next)) exportsToFollow.add(next);
                        }
                    }
                }
                for (Export e : s.exports()) {
                    if (e.fromSpecifier() == null || !exported.name().equals(e.localName())) continue;
                    if (!exported.file().equals(s.resolve(e.fromSpecifier()))) continue;
                    NameInFile next = new NameInFile(importer, e.exportedName());
                    if (seen.add(next)) exportsToFollow.add(next);
                }
                if (!exported.name().equals("default")) {
                    for (String from : s.starExports()) {
                        if (!exported.file().equals(s.resolve(from))) continue;
                        NameInFile next = new NameInFile(importer, exported.name());
                        if (seen.add(next)) exportsToFollow.add(next);
                    }
                }
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
        String uri = s != null ? s.uri() : file.toUri().toString();
        return new Location(uri, new Range(new Position(0, 0), new Position(0, 0)));
    }

    static Location location(FileSummary s, Span span) {
        return new Location(s.uri(), new Range(new Position(span.line(), span.startColumn()), new Position(span.line(), span.endColumn())));
    }
}
