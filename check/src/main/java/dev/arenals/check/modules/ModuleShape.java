package dev.arenals.check.modules;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What TS2305 needs to know of a module: the names it exports itself (re-exports included, not
 * {@code export *}), the specifiers of its {@code export * from}, its top-level local names
 * (declarations and import bindings), whether it has {@code export =}, and whether it is a module
 * at all (import or export syntax). Immutable.
 */
public final class ModuleShape {
    public final Path path;
    public final Set<String> exports;
    public final List<String> starExports;
    public final Set<String> locals;
    public final boolean exportAssignment;
    public final boolean isModule;

    public ModuleShape(Path path, Set<String> exports, List<String> starExports, Set<String> locals, boolean exportAssignment, boolean isModule) {
        this.path = path;
        this.exports = Set.copyOf(exports);
        this.starExports = List.copyOf(starExports);
        this.locals = Set.copyOf(locals);
        this.exportAssignment = exportAssignment;
        this.isModule = isModule;
    }
}
