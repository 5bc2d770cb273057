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
        Path target = ModuleResolver.resolveFrom(importer, specifier);
        if (target == null) return List.of();
        if (importedName.equals("*")) return List.of(fileStart(target));
        List<Location> out = new ArrayList<>();
        exported(target, importedName, new HashSet<>(), out);
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
                Path target = ModuleResolver.resolveFrom(file, e.fromSpecifier());
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
            Path target = ModuleResolver.resolveFrom(file, from);
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
        Path target = ModuleResolver.resolveFrom(s.path(), i.specifier());
        if (target == null) out.add(location(s, i.span()));
        else if (i.importedName().equals("*")) out.add(fileStart(target));
        else exported(target, i.importedName(), visited, out);
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
