package dev.arenals.server.workspace;

import static dev.arenals.parser.tree.NodeKind.*;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Interner;
import com.google.common.collect.Interners;
import dev.arenals.parser.LineStarts;
import dev.arenals.parser.tree.Arena;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.workspace.FileSummary.AmbientModule;
import dev.arenals.server.workspace.FileSummary.Declaration;
import dev.arenals.server.workspace.FileSummary.Export;
import dev.arenals.server.workspace.FileSummary.Import;
import dev.arenals.server.workspace.FileSummary.Kind;
import dev.arenals.server.workspace.FileSummary.Span;
import java.nio.file.Path;

/**
 * Arena → {@link FileSummary}: one pass over the program's top-level statements (and the binding
 * names of top-level variable declarations), without the binder. Runs on the thread that owns the
 * arena: an indexing worker right after its parse, or an open document's queue after each parse.
 * Only what the summary keeps is allocated (its names, specifiers and records).
 */
public final class Summarizer {
    private final Arena arena;
    private final char[] text;
    private final LineStarts lines;
    private final PositionEncoding encoding;
    /** Offset up to which {@link #lines} is built, or -1 when it is complete already. */
    private int linesUpTo;

    /** Where declarations go: the file's, or an ambient module's members while its body is read. */
    private ImmutableList.Builder<Declaration> declarations = ImmutableList.builder();
    private final ImmutableList.Builder<AmbientModule> ambientModules = ImmutableList.builder();
    private final ImmutableList.Builder<Export> exports = ImmutableList.builder();
    private final ImmutableList.Builder<String> starExports = ImmutableList.builder();
    private final ImmutableList.Builder<Import> imports = ImmutableList.builder();
    private final ImmutableList.Builder<String> specifiers = ImmutableList.builder();

    private Summarizer(Arena arena, char[] text, LineStarts lines, PositionEncoding encoding, boolean linesComplete) {
        this.arena = arena;
        this.text = text;
        this.lines = lines;
        this.encoding = encoding;
        this.linesUpTo = linesComplete ? -1 : 0;
        if (!linesComplete) lines.rebuild(text, arena.sourceLength(), 0);
    }

    /**
     * The summary of the tree in {@code arena}. {@code text} is the parsed text and {@code lines}
     * its line starts (up to date for it); columns are counted in {@code encoding}.
     */
    public static FileSummary summarize(Path path, String uri, Arena arena, char[] text, LineStarts lines, PositionEncoding encoding) {
        if (arena.nodeCount() == 0 || arena.root() < 0) return FileSummary.empty(path, uri);
        return new Summarizer(arena, text, lines, encoding, true).run(path, uri);
    }

    /**
     * The same for a file whose line starts are not known: {@code scratch} is filled only as far
     * as the last name needs (the tail of a bundle without top-level names is never scanned).
     */
    public static FileSummary summarizeBuildingLines(Path path, String uri, Arena arena, char[] text, LineStarts scratch, PositionEncoding encoding) {
        if (arena.nodeCount() == 0 || arena.root() < 0) return FileSummary.empty(path, uri);
        return new Summarizer(arena, text, scratch, encoding, false).run(path, uri);
    }

    private FileSummary run(Path path, String uri) {
        for (int s = arena.firstChild(arena.root()); s >= 0; s = arena.nextSibling(s)) statement(s);
        ImmutableList<String> modules = specifiers.build();
        ImmutableList<Export> exportList = exports.build();
        return new FileSummary(path, uri, declarations.build(), exportList, starExports.build(), imports.build(),
                modules, resolve(path, modules, requireOnly), arena.sourceLength(), ambientModules.build(), signatures(exportList));
    }

    /**
     * Top-level declarations that may be called (functions, classes, variables bound to a
     * function or class), by name: the first declaring node of each. Null until one is seen.
     */
    private java.util.Map<String, Integer> callables;

    private void noteCallable(String name, int declaring) {
        if (callables == null) callables = new java.util.HashMap<>();
        callables.putIfAbsent(name, declaring);
    }

    /** The signatures of the exported callables, for signature help in importing files. */
    private ImmutableList<FileSummary.Signature> signatures(ImmutableList<Export> exportList) {
        if (callables == null) return ImmutableList.of();
        ImmutableList.Builder<FileSummary.Signature> out = ImmutableList.builder();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (Export e : exportList) {
            if (e.fromSpecifier() != null || e.localName() == null || !done.add(e.localName())) continue;
            Integer declaring = callables.get(e.localName());
            if (declaring != null) out.addAll(dev.arenals.server.query.Callables.of(arena, declaring, e.localName()));
        }
        return out.build();
    }

    private void statement(int s) {
        switch (arena.kind(s)) {
            case EXPORT_NAMED: exportNamed(s); break;
            case EXPORT_DEFAULT: exportDefault(s); break;
            case EXPORT_ALL: exportAll(s); break;
            case IMPORT_DECLARATION: importDeclaration(s); break;
            case IMPORT_EQUALS: importEquals(s); break;
            case EXPORT_ASSIGNMENT: exportAssignment(s); break;
            case MODULE_DECLARATION: if (!ambientModule(s)) declaration(s, false, false); break;
            default: declaration(s, false, false); break;
        }
    }

    /**
     * Records a declaration statement's names ({@code exportedUnderOwnName}: also as exports, which
     * {@code export default class C} is not: it exports "default"); returns the name node of a single-name declaration
     * (-1 for none, a variable list, or no declaration at all).
     */
    private int declaration(int s, boolean exported, boolean exportedUnderOwnName) {
        Kind kind;
        switch (arena.kind(s)) {
            case FUNCTION_DECLARATION: kind = Kind.FUNCTION; break;
            case CLASS_DECLARATION: kind = Kind.CLASS; break;
            case INTERFACE_DECLARATION: kind = Kind.INTERFACE; break;
            case TYPE_ALIAS: kind = Kind.TYPE; break;
            case ENUM_DECLARATION: kind = Kind.ENUM; break;
            case MODULE_DECLARATION: kind = Kind.NAMESPACE; break;
            case VARIABLE_DECLARATION: {
                Kind k = arena.data(s) == VAR_CONST ? Kind.CONSTANT : Kind.VARIABLE;
                for (int d = arena.firstChild(s); d >= 0; d = arena.nextSibling(d)) {
                    int target = arena.firstChild(d);
                    if (target >= 0) bindingNames(target, k, exported, exportedUnderOwnName);
                    int init = target < 0 ? -1 : arena.nextSibling(target);
                    while (init >= 0 && isType(arena.kind(init))) init = arena.nextSibling(init);
                    if (init >= 0 && arena.kind(target) == BINDING_IDENTIFIER && (isFunction(arena.kind(init)) || isClass(arena.kind(init)))) {
                        noteCallable(nameOf(target), d);
                    }
                }
                return -1;
            }
            default: return -1;
        }
        int name = arena.firstChild(s);
        if (name < 0 || arena.kind(name) != BINDING_IDENTIFIER) return -1; // anonymous, or declare module "x"
        addDeclaration(name, kind, exported, exportedUnderOwnName);
        if (kind == Kind.FUNCTION || kind == Kind.CLASS) noteCallable(nameOf(name), s);
        return name;
    }

    /** The BINDING_IDENTIFIERs of a variable's target (a name or a pattern), not inside default values' functions. */
    private void bindingNames(int node, Kind kind, boolean exported, boolean asExport) {
        int k = arena.kind(node);
        if (k == BINDING_IDENTIFIER) {
            addDeclaration(node, kind, exported, asExport);
            return;
        }
        if (isFunction(k) || isClass(k)) return;
        for (int c = arena.firstChild(node); c >= 0; c = arena.nextSibling(c)) bindingNames(c, kind, exported, asExport);
    }

    private void addDeclaration(int name, Kind kind, boolean exported, boolean asExport) {
        String n = nameOf(name);
        Span span = span(name);
        declarations.add(new Declaration(n, kind, span, exported));
        if (asExport) exports.add(new Export(n, n, null, span));
    }

    private void exportNamed(int s) {
        int first = arena.firstChild(s);
        if (first < 0) return;
        if (arena.kind(first) == IMPORT_EQUALS) { // export import a = require("…") | N.a
            importEquals(first);
            int name = arena.firstChild(first);
            if (name >= 0 && arena.kind(name) == BINDING_IDENTIFIER) exports.add(new Export(nameOf(name), nameOf(name), null, span(name)));
            return;
        }
        if (arena.kind(first) != EXPORT_SPECIFIER) {
            declaration(first, true, true);
            return;
        }
        String from = sourceOf(s);
        if (from != null) specifiers.add(from);
        for (int c = first; c >= 0 && arena.kind(c) == EXPORT_SPECIFIER; c = arena.nextSibling(c)) {
            int local = arena.firstChild(c);
            if (local < 0) continue;
            int exported = arena.nextSibling(local);
            if (exported < 0) exported = local;
            exports.add(new Export(moduleName(exported), moduleName(local), from, span(exported)));
        }
    }

    private void exportDefault(int s) {
        int value = arena.firstChild(s);
        if (value < 0) return;
        int k = arena.kind(value);
        if (k == IDENTIFIER_REFERENCE) {
            exports.add(new Export("default", nameOf(value), null, span(value)));
            return;
        }
        int name = declaration(value, true, false);
        if (name >= 0) {
            exports.add(new Export("default", nameOf(name), null, span(name)));
            return;
        }
        exports.add(new Export("default", null, null, span(arena.start(s), Math.min(arena.end(s), arena.start(s) + "export".length()))));
    }

    private void exportAssignment(int s) {
        int value = arena.firstChild(s);
        String local = value >= 0 && arena.kind(value) == IDENTIFIER_REFERENCE ? nameOf(value) : null;
        exports.add(new Export(FileSummary.EXPORT_ASSIGNMENT, local, null, span(arena.start(s), Math.min(arena.end(s), arena.start(s) + "export".length()))));
    }

    /** {@code declare module "x" { … }}: recorded with its body's declarations; false when the module's name is an identifier. */
    private boolean ambientModule(int s) {
        int name = arena.firstChild(s);
        if (name < 0 || arena.kind(name) != STRING_LITERAL) return false;
        ImmutableList.Builder<Declaration> fileDeclarations = declarations;
        declarations = ImmutableList.builder();
        int block = arena.nextSibling(name);
        if (block >= 0 && arena.kind(block) == MODULE_BLOCK) {
            for (int m = arena.firstChild(block); m >= 0; m = arena.nextSibling(m)) {
                int k = arena.kind(m);
                int declaration = k == EXPORT_NAMED || k == EXPORT_DEFAULT ? arena.firstChild(m) : m;
                if (declaration >= 0 && arena.kind(declaration) != EXPORT_SPECIFIER) declaration(declaration, false, false);
            }
        }
        ambientModules.add(new AmbientModule(stringValue(name), span(name), declarations.build()));
        declarations = fileDeclarations;
        return true;
    }

    private void exportAll(int s) {
        String from = sourceOf(s);
        if (from == null) return;
        specifiers.add(from);
        int first = arena.firstChild(s);
        if (first >= 0 && arena.kind(first) != STRING_LITERAL) exports.add(new Export(moduleName(first), "*", from, span(first)));
        else starExports.add(from);
    }

    private void importDeclaration(int s) {
        String from = sourceOf(s);
        if (from == null) return;
        specifiers.add(from);
        for (int c = arena.firstChild(s); c >= 0; c = arena.nextSibling(c)) {
            int local;
            String imported;
            switch (arena.kind(c)) {
                case IMPORT_DEFAULT_SPECIFIER: local = arena.firstChild(c); imported = "default"; break;
                case IMPORT_NAMESPACE_SPECIFIER: local = arena.firstChild(c); imported = "*"; break;
                case IMPORT_SPECIFIER: {
                    int name = arena.firstChild(c);
                    local = name < 0 ? -1 : arena.nextSibling(name);
                    imported = name < 0 ? null : moduleName(name);
                    break;
                }
                default: continue;
            }
            if (local < 0 || imported == null || arena.kind(local) != BINDING_IDENTIFIER) continue;
            imports.add(new Import(nameOf(local), imported, from, span(local)));
        }
    }

    private void importEquals(int s) {
        int name = arena.firstChild(s);
        int reference = name < 0 ? -1 : arena.nextSibling(name);
        if (reference < 0 || arena.kind(reference) != EXTERNAL_MODULE_REFERENCE || arena.kind(name) != BINDING_IDENTIFIER) return;
        int literal = arena.firstChild(reference);
        if (literal < 0 || arena.kind(literal) != STRING_LITERAL) return;
        String from = stringValue(literal);
        specifiers.add(from);
        if (requireOnly == null) requireOnly = new java.util.HashMap<>();
        requireOnly.merge(from, 1, Integer::sum);
        imports.add(new Import(nameOf(name), "*", from, span(name)));
    }

    /** Resolved files are interned: the thousand importers of a module share its one Path. */
    private static final Interner<Path> PATHS = Interners.newWeakInterner();

    /** The one Path the index keeps for {@code file} (summaries' own paths and resolved modules alike). */
    static Path internPath(Path file) { return PATHS.intern(file); }

    /**
     * Specifiers written in {@code import x = require()}: resolved in TypeScript's CommonJS mode
     * (the "require" condition) unless an import or export names them too. Null: none.
     */
    private java.util.Map<String, Integer> requireOnly;

    private static ImmutableMap<String, Path> resolve(Path path, ImmutableList<String> modules, java.util.Map<String, Integer> requireSpecifiers) {
        if (modules.isEmpty()) return ImmutableMap.of();
        ImmutableMap.Builder<String, Path> out = ImmutableMap.builderWithExpectedSize(modules.size());
        java.util.HashSet<String> seen = new java.util.HashSet<>();
        for (String specifier : modules) {
            if (!seen.add(specifier)) continue;
            Integer requires = requireSpecifiers == null ? null : requireSpecifiers.get(specifier);
            boolean requireSyntax = requires != null && requires == java.util.Collections.frequency(modules, specifier);
            Path target = ModuleResolver.resolveFrom(path, specifier, requireSyntax);
            if (target != null) out.put(specifier, PATHS.intern(target));
        }
        return out.buildOrThrow();
    }

    // ---- names and positions ----

    /** The module specifier of an import or export statement, or null. */
    private String sourceOf(int s) {
        for (int c = arena.firstChild(s); c >= 0; c = arena.nextSibling(c)) {
            if (arena.kind(c) == STRING_LITERAL) return stringValue(c);
        }
        return null;
    }

    /** A STRING_LITERAL's text without its quotes (specifiers with escapes are rare and kept raw). */
    private String stringValue(int literal) {
        int start = arena.start(literal) + 1, end = arena.end(literal) - 1;
        return end > start ? arena.text(start, end) : "";
    }

    /** An import/export name: an identifier, or an arbitrary-module-namespace string. */
    private String moduleName(int node) {
        return arena.kind(node) == STRING_LITERAL ? stringValue(node) : nameOf(node);
    }

    /** One String per name id in a summary: an exported declaration's name serves its export too. */
    private String nameOf(int node) {
        int id = arena.data(node);
        int slot = (id * 0x9E3779B9 >>> 26) & (NAME_SLOTS - 1);
        if (nameIds[slot] == id + 1) return nameStrings[slot];
        String name = arena.names().name(id);
        nameIds[slot] = id + 1;
        nameStrings[slot] = name;
        return name;
    }

    private static final int NAME_SLOTS = 64;
    /** A small direct-mapped cache, id + 1 (0: empty). */
    private final int[] nameIds = new int[NAME_SLOTS];
    private final String[] nameStrings = new String[NAME_SLOTS];

    private Span span(int node) { return span(arena.start(node), arena.end(node)); }

    private Span span(int start, int end) {
        if (linesUpTo >= 0 && end >= linesUpTo) {
            // grow geometrically: each rebuild rescans from the start
            int length = arena.sourceLength();
            linesUpTo = (int) Math.min(length, Math.max(end + 4096L, linesUpTo * 2L));
            lines.rebuild(text, length, linesUpTo);
            if (linesUpTo == length) linesUpTo = -1;
        }
        int line = lines.lineOf(start);
        int lineStart = lines.lineStart(line);
        int endOnLine = line == lines.lineOf(end) ? end : start;
        return new Span(line, encoding.columnOf(text, lineStart, start), encoding.columnOf(text, lineStart, endOnLine));
    }
}
