package dev.arenals.check.modules;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The module syntax of one parsed file, read from its top-level statements: the imports it makes
 * (each module specifier with its range, and the names it takes from that module with theirs) and
 * its {@link ModuleShape}. Made on the thread that owns the arena; keeps no reference to it.
 */
public final class ModuleSyntax {
    /** A name taken from another module ({@code import { a }}, {@code export { a } from}): as the target module spells it, and its range here. */
    public static final class NameRef {
        public final String name;
        public final int start, end;

        NameRef(String name, int start, int end) {
            this.name = name;
            this.start = start;
            this.end = end;
        }
    }

    /** One module reference: the specifier, the range of its string literal (quotes included), and the names taken. */
    public static final class ImportRef {
        public final String specifier;
        public final int start, end;
        /** {@code import x = require("…")}. */
        public final boolean requireSyntax;
        /** {@code import "…"} with no bindings (TypeScript reports those with another message). */
        public final boolean sideEffectOnly;
        public final List<NameRef> names;

        ImportRef(String specifier, int start, int end, boolean requireSyntax, boolean sideEffectOnly, List<NameRef> names) {
            this.specifier = specifier;
            this.start = start;
            this.end = end;
            this.requireSyntax = requireSyntax;
            this.sideEffectOnly = sideEffectOnly;
            this.names = names;
        }
    }

    public final List<ImportRef> imports;
    public final ModuleShape shape;
    /** The names of its {@code declare module "…"} blocks (patterns such as "*.css" included). */
    public final List<String> ambientModules;

    private ModuleSyntax(List<ImportRef> imports, ModuleShape shape, List<String> ambientModules) {
        this.imports = imports;
        this.shape = shape;
        this.ambientModules = ambientModules;
    }

    /** Reads the tree in {@code arena} (the file {@code path}). */
    public static ModuleSyntax of(Arena arena, Path path) {
        Reader r = new Reader(arena);
        if (arena.nodeCount() > 0 && arena.root() >= 0) {
            for (int s = arena.firstChild(arena.root()); s >= 0; s = arena.nextSibling(s)) r.statement(s);
        }
        return new ModuleSyntax(List.copyOf(r.imports), new ModuleShape(path, r.exports, r.stars, r.locals, r.exportAssignment, r.module),
                List.copyOf(r.ambient));
    }

    private static final class Reader {
        final Arena arena;
        final List<ImportRef> imports = new ArrayList<>();
        final Set<String> exports = new HashSet<>(), locals = new HashSet<>();
        final List<String> stars = new ArrayList<>(), ambient = new ArrayList<>();
        boolean exportAssignment, module;

        Reader(Arena arena) { this.arena = arena; }

        void statement(int s) {
            switch (arena.kind(s)) {
                case IMPORT_DECLARATION: importDeclaration(s); break;
                case EXPORT_NAMED: exportNamed(s); break;
                case EXPORT_DEFAULT: {
                    module = true;
                    exports.add("default");
                    int value = arena.firstChild(s);
                    if (value >= 0) declaration(value, false);
                    break;
                }
                case EXPORT_ALL: {
                    module = true;
                    int literal = literalChild(s);
                    if (literal < 0) break;
                    String from = stringValue(literal);
                    imports.add(new ImportRef(from, arena.start(literal), arena.end(literal), false, false, List.of()));
                    int first = arena.firstChild(s);
                    if (first != literal) exports.add(moduleName(first));
                    else stars.add(from);
                    break;
                }
                case EXPORT_ASSIGNMENT: module = true; exportAssignment = true; break;
                case IMPORT_EQUALS: importEquals(s, false); break;
                case MODULE_DECLARATION: {
                    int name = arena.firstChild(s);
                    if (name >= 0 && arena.kind(name) == STRING_LITERAL) ambient.add(stringValue(name));
                    else declaration(s, false);
                    break;
                }
                default: declaration(s, false); break;
            }
        }

        void importDeclaration(int s) {
            module = true;
            int literal = literalChild(s);
            List<NameRef> names = new ArrayList<>();
            boolean bindings = false;
            for (int c = arena.firstChild(s); c >= 0; c = arena.nextSibling(c)) {
                int k = arena.kind(c);
                if (k == IMPORT_DEFAULT_SPECIFIER || k == IMPORT_NAMESPACE_SPECIFIER) {
                    bindings = true;
                    int local = arena.firstChild(c);
                    if (local >= 0 && arena.kind(local) == BINDING_IDENTIFIER) locals.add(name(local));
                } else if (k == IMPORT_SPECIFIER) {
                    bindings = true;
                    int imported = arena.firstChild(c);
                    int local = imported < 0 ? -1 : arena.nextSibling(imported);
                    if (local >= 0 && arena.kind(local) == BINDING_IDENTIFIER) locals.add(name(local));
                    if (imported >= 0) names.add(new NameRef(moduleName(imported), arena.start(imported), arena.end(imported)));
                }
            }
            if (literal >= 0) imports.add(new ImportRef(stringValue(literal), arena.start(literal), arena.end(literal), false, !bindings, List.copyOf(names)));
        }

        void exportNamed(int s) {
            module = true;
            int first = arena.firstChild(s);
            if (first < 0) return;
            if (arena.kind(first) == IMPORT_EQUALS) {
                importEquals(first, true);
                return;
            }
            if (arena.kind(first) != EXPORT_SPECIFIER) {
                declaration(first, true);
                return;
            }
            int literal = literalChild(s);
            List<NameRef> names = new ArrayList<>();
            for (int c = first; c >= 0 && arena.kind(c) == EXPORT_SPECIFIER; c = arena.nextSibling(c)) {
                int local = arena.firstChild(c);
                if (local < 0) continue;
                int exported = arena.nextSibling(local);
                exports.add(moduleName(exported >= 0 ? exported : local));
                if (literal >= 0) names.add(new NameRef(moduleName(local), arena.start(local), arena.end(local)));
            }
            if (literal >= 0) imports.add(new ImportRef(stringValue(literal), arena.start(literal), arena.end(literal), false, false, List.copyOf(names)));
        }

        void importEquals(int s, boolean exported) {
            int name = arena.firstChild(s);
            int reference = name < 0 ? -1 : arena.nextSibling(name);
            if (name >= 0 && arena.kind(name) == BINDING_IDENTIFIER) {
                locals.add(name(name));
                if (exported) exports.add(name(name));
            }
            if (reference < 0 || arena.kind(reference) != EXTERNAL_MODULE_REFERENCE) return;
            module = true;
            int literal = arena.firstChild(reference);
            if (literal >= 0 && arena.kind(literal) == STRING_LITERAL) {
                imports.add(new ImportRef(stringValue(literal), arena.start(literal), arena.end(literal), true, false, List.of()));
            }
        }

        /** The names a declaration statement binds, as locals (and exports when {@code exported}). */
        void declaration(int s, boolean exported) {
            switch (arena.kind(s)) {
                case FUNCTION_DECLARATION: case CLASS_DECLARATION: case INTERFACE_DECLARATION: case TYPE_ALIAS:
                case ENUM_DECLARATION: case MODULE_DECLARATION: {
                    int name = arena.firstChild(s);
                    if (name >= 0 && arena.kind(name) == BINDING_IDENTIFIER) add(name(name), exported);
                    break;
                }
                case VARIABLE_DECLARATION:
                    for (int d = arena.firstChild(s); d >= 0; d = arena.nextSibling(d)) {
                        int target = arena.firstChild(d);
                        if (target >= 0) bindingNames(target, exported);
                    }
                    break;
                default: break;
            }
        }

        void bindingNames(int node, boolean exported) {
            int k = arena.kind(node);
            if (k == BINDING_IDENTIFIER) {
                add(name(node), exported);
                return;
            }
            if (isFunction(k) || isClass(k)) return;
            for (int c = arena.firstChild(node); c >= 0; c = arena.nextSibling(c)) bindingNames(c, exported);
        }

        void add(String name, boolean exported) {
            locals.add(name);
            if (exported) exports.add(name);
        }

        int literalChild(int s) {
            for (int c = arena.firstChild(s); c >= 0; c = arena.nextSibling(c)) if (arena.kind(c) == STRING_LITERAL) return c;
            return -1;
        }

        String stringValue(int literal) {
            int start = arena.start(literal) + 1, end = arena.end(literal) - 1;
            return end > start ? arena.text(start, end) : "";
        }

        String moduleName(int node) { return arena.kind(node) == STRING_LITERAL ? stringValue(node) : name(node); }

        String name(int node) { return arena.names().name(arena.data(node)); }
    }
}
