package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.Names;
import dev.arenals.server.query.SymbolIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.CreateFileOptions;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * {@code refactor.move.newFile}: the selected top-level declarations of a module move to a new
 * file beside it, named after the first of them, as TypeScript's "Move to a new file" does.
 *
 * <p>The new file imports what the moved code reads: the old file's imports it uses (same module
 * specifiers: the file is in the same directory) and the old file's declarations it uses, which get
 * {@code export} where they had none. The old file imports the moved declarations it still uses,
 * which get {@code export} in the new file; the ones it exported it re-exports from the new file, so
 * every importer and {@code export *} of it keeps working untouched; imports only the moved code
 * used are dropped. Types are imported with {@code import type}.
 *
 * <p>Refused where the result would not mean the same: a file that is not a module, a selection
 * holding anything but declarations (imports, exports lists, {@code export default}, statements that
 * run), declarations merged or overloaded across the selection's edge, a moved name read through
 * {@code import x = require()}, a declaration to export that is exported under another name or
 * decorated, and an import cycle between the two files in which code that runs when a module loads
 * reads a binding of the other that is not a function declaration (it could be read before it is
 * initialized).
 */
final class MoveToNewFile {
    private MoveToNewFile() {}

    /**
     * The action for the selection [from, to), or null. {@code taken} says whether a file URI is
     * already used (on disk or open): the new file's name is the first free one.
     */
    static CodeAction action(DocumentQuery q, int from, int to, Predicate<String> taken) {
        Arena a = q.arena();
        ScopeTable t = q.scopes();
        char[] src = a.source();
        String uri = q.uri();
        if (a.isDeclarationFile() || !uri.startsWith("file:") || !hasModuleSyntax(a)) return null;
        int first = -1, last = -1;
        int end = Math.max(to, from + 1);
        for (int s = a.firstChild(a.root()); s >= 0; s = a.nextSibling(s)) {
            if (a.start(s) < end && a.end(s) > from) {
                if (first < 0) first = s;
                last = s;
            }
        }
        if (first < 0) return null;
        for (int s = first; ; s = a.nextSibling(s)) {
            if (!movable(a, s)) return null;
            if (s == last) break;
        }
        int movedStart = ExtractType.attachedCommentsStart(a, a.start(first)), movedEnd = a.end(last);

        // the module's own names: which move, which the moved code reads, which the rest reads of the moved
        SymbolIndex index = q.index();
        int symbols = t.symbolCount();
        boolean[] moved = new boolean[symbols];
        List<Integer> movedOrder = new ArrayList<>();
        for (int s = 0; s < symbols; s++) {
            if (t.scope(s) != 0 || !q.isDeclared(s)) continue;
            int decl = t.declarationNode(s);
            if (decl >= 0 && a.start(decl) >= movedStart && a.start(decl) < movedEnd) {
                moved[s] = true;
                movedOrder.add(s);
            }
        }
        if (movedOrder.isEmpty()) return null;
        Map<Integer, Boolean> readByMoved = new LinkedHashMap<>(); // old-file symbol → read as a value (else only in types)
        Map<Integer, Boolean> readOutside = new LinkedHashMap<>(); // moved symbol → read as a value by the rest
        boolean loadTimeCrossing = false; // a read evaluated at load of a binding that is not a function declaration
        boolean[] seenGroup = new boolean[symbols];
        for (int s = 0; s < symbols; s++) {
            if (t.scope(s) != 0 || !q.isDeclared(s)) continue;
            int group = index.groupOf(s);
            if (group < 0 || seenGroup[group]) continue;
            seenGroup[group] = true;
            boolean in = moved[s];
            for (int i = 0, n = index.occurrenceCount(group); i < n; i++) {
                int node = index.occurrenceNode(group, i), flags = index.occurrenceFlags(group, i);
                boolean inside = a.start(node) >= movedStart && a.start(node) < movedEnd;
                if ((flags & SymbolIndex.DECLARATION) != 0) {
                    if (inside != in) return null; // merged or overloaded across the edge
                    continue;
                }
                if (inside == in) continue;
                boolean value = (flags & SymbolIndex.TYPE) == 0 || (flags & SymbolIndex.EXPORT_LOCAL) != 0;
                Map<Integer, Boolean> into = in ? readOutside : readByMoved;
                into.merge(s, value, Boolean::logicalOr);
                if (value && t.kind(s) != SymbolKind.FUNCTION && t.kind(s) != SymbolKind.IMPORT && evaluatedAtLoad(q, node)) loadTimeCrossing = true;
            }
        }
        boolean oldReadsNew = readOutside.containsValue(true), newReadsOld = false;
        for (Map.Entry<Integer, Boolean> e : readByMoved.entrySet()) {
            if (t.kind(e.getKey()) != SymbolKind.IMPORT && e.getValue()) newReadsOld = true;
        }
        if (oldReadsNew && newReadsOld && loadTimeCrossing) return null;

        String oldName = fileName(uri), extension = extension(oldName);
        String directory = uri.substring(0, uri.lastIndexOf('/') + 1);
        String base = t.name(movedOrder.get(0)), newName = null;
        for (int i = 0; i < 1000 && newName == null; i++) {
            String candidate = (i == 0 ? base : base + "." + i) + extension;
            if (!taken.test(directory + candidate) && !candidate.equals(oldName)) newName = candidate;
        }
        if (newName == null) return null;
        String newUri = directory + newName;
        boolean typeScript = a.isTypeScript();
        String nl = Refactors.lineBreak(src, a.sourceLength());
        String quote = quoteOf(a);

        // the new file: imports, then the moved text with `export` where the old file now reads it
        StringBuilder imports = new StringBuilder();
        Map<Integer, List<String>> byDeclaration = new LinkedHashMap<>();
        List<String> fromOld = new ArrayList<>(), typesFromOld = new ArrayList<>();
        List<int[]> exportsToAdd = new ArrayList<>(); // {offset} in the old file
        for (Map.Entry<Integer, Boolean> e : readByMoved.entrySet()) {
            int s = e.getKey();
            if (t.kind(s) == SymbolKind.IMPORT) {
                int declaration = importDeclarationOf(q, t.declaringNode(s));
                if (declaration < 0) return null; // import x = require(): not copied
                byDeclaration.computeIfAbsent(declaration, k -> new ArrayList<>()).add(importedBinding(a, t.declaringNode(s)));
                continue;
            }
            String exported = exportedNameInOld(q, s, exportsToAdd);
            if (exported == null) return null;
            List<String> list = typeScript && !e.getValue() ? typesFromOld : fromOld;
            list.add(exported);
        }
        for (Map.Entry<Integer, List<String>> e : byDeclaration.entrySet()) imports.append(copiedImport(a, e.getKey(), e.getValue())).append(nl);
        String oldSpecifier = quote + specifier(a, stem(oldName), extension) + quote;
        appendNamedImport(imports, "import", fromOld, oldSpecifier, nl);
        appendNamedImport(imports, "import type", typesFromOld, oldSpecifier, nl);

        StringBuilder body = new StringBuilder();
        int at = movedStart;
        boolean anyExport = false;
        List<String> reexports = new ArrayList<>(), typeReexports = new ArrayList<>(), usedByOld = new ArrayList<>(), typesUsedByOld = new ArrayList<>();
        for (int s = first; ; s = a.nextSibling(s)) {
            boolean exported = a.kind(s) == EXPORT_NAMED;
            anyExport |= exported;
            boolean needsExport = false;
            for (int sym : movedOrder) {
                int decl = t.declarationNode(sym);
                if (a.start(decl) < a.start(s) || a.start(decl) >= a.end(s)) continue;
                boolean typeOnly = t.kind(sym) == SymbolKind.INTERFACE || t.kind(sym) == SymbolKind.TYPE_ALIAS;
                if (exported) (typeOnly && typeScript ? typeReexports : reexports).add(t.name(sym));
                if (readOutside.containsKey(sym)) {
                    needsExport = true;
                    (typeScript && (typeOnly || !readOutside.get(sym)) ? typesUsedByOld : usedByOld).add(t.name(sym));
                }
            }
            if (needsExport && !exported) {
                if (hasDecorators(a, s)) return null;
                body.append(src, at, a.start(s) - at).append("export ");
                at = a.start(s);
                anyExport = true;
            }
            if (s == last) break;
        }
        body.append(src, at, movedEnd - at);
        StringBuilder newText = new StringBuilder(imports);
        if (imports.length() > 0) newText.append(nl);
        newText.append(body).append(nl);
        if (imports.length() == 0 && !anyExport) newText.append(nl).append("export {};").append(nl); // stays a module: its names stay its own

        // the old file: the moved text out, imports of what it still reads, re-exports of what it exported
        List<TextEdit> oldEdits = new ArrayList<>();
        String newSpecifier = quote + specifier(a, stem(newName), extension) + quote;
        StringBuilder added = new StringBuilder();
        appendNamedImport(added, "import", usedByOld, newSpecifier, nl);
        appendNamedImport(added, "import type", typesUsedByOld, newSpecifier, nl);
        appendNamedImport(added, "export", reexports, newSpecifier, nl);
        appendNamedImport(added, "export type", typeReexports, newSpecifier, nl);
        int[] removal = Removals.statementSpan(src, a.sourceLength(), movedStart, movedEnd);
        removal[1] = swallowBlankLine(src, a.sourceLength(), removal[0], removal[1]);
        int insertAt = importsEnd(a);
        boolean[] unusedAfter = new boolean[symbols];
        boolean anyUnused = false;
        for (Map.Entry<Integer, Boolean> e : readByMoved.entrySet()) {
            int s = e.getKey();
            if (t.kind(s) == SymbolKind.IMPORT && !readOutsideMoved(q, s, movedStart, movedEnd)) anyUnused = unusedAfter[s] = true;
        }
        List<int[]> spans = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        if (anyUnused) {
            for (OrganizeImports.Edit e : OrganizeImports.edits(q, unusedAfter, false)) {
                spans.add(new int[] {e.start(), e.end()});
                texts.add(e.text());
            }
        }
        for (int[] e : exportsToAdd) {
            spans.add(new int[] {e[0], e[0]});
            texts.add("export ");
        }
        if (insertAt >= removal[0] && insertAt <= removal[1]) {
            spans.add(removal);
            texts.add(added.toString());
        } else {
            spans.add(removal);
            texts.add("");
            if (added.length() > 0) {
                spans.add(new int[] {insertAt, insertAt});
                texts.add(startsImports(a, insertAt) ? added + nl : added.toString()); // the file's first imports: a blank line after them
            }
        }
        for (int i = 0; i < spans.size(); i++) {
            for (int j = 0; j < i; j++) {
                int[] x = spans.get(i), y = spans.get(j);
                if (x[0] < y[1] && y[0] < x[1]) return null; // two edits of one place: leave it to the user
            }
            oldEdits.add(new TextEdit(q.range(spans.get(i)[0], spans.get(i)[1]), texts.get(i)));
        }

        List<Either<TextDocumentEdit, ResourceOperation>> changes = new ArrayList<>();
        CreateFile create = new CreateFile(newUri, new CreateFileOptions(false, false));
        changes.add(Either.forRight(create));
        changes.add(Either.forLeft(new TextDocumentEdit(new VersionedTextDocumentIdentifier(newUri, null),
                List.of(Either.forLeft(new TextEdit(new Range(new Position(0, 0), new Position(0, 0)), newText.toString()))))));
        List<Either<TextEdit, org.eclipse.lsp4j.SnippetTextEdit>> edits = new ArrayList<>();
        for (TextEdit e : oldEdits) edits.add(Either.forLeft(e));
        changes.add(Either.forLeft(new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, q.document().parsedVersion()), edits)));
        WorkspaceEdit edit = new WorkspaceEdit(changes);
        CodeAction action = new CodeAction("Move to a new file");
        action.setKind(Refactors.MOVE_TO_NEW_FILE);
        action.setEdit(edit);
        return action;
    }

    /** Whether the file has import or export syntax: a module whose names are its own, not globals. */
    private static boolean hasModuleSyntax(Arena a) {
        for (int s = a.firstChild(a.root()); s >= 0; s = a.nextSibling(s)) {
            int k = a.kind(s);
            if (k == EXPORT_ASSIGNMENT) return false; // export = x: what the module is, not a list of names
            if (k == IMPORT_DECLARATION || k == EXPORT_NAMED || k == EXPORT_DEFAULT || k == EXPORT_ALL) return true;
        }
        return false;
    }

    /** A declaration (exported by {@code export} or not) that can move: nothing in it runs apart from initializers. */
    private static boolean movable(Arena a, int s) {
        int k = a.kind(s);
        if (k == EXPORT_NAMED) {
            int declaration = -1;
            for (int c = a.firstChild(s); c >= 0; c = a.nextSibling(c)) if (a.kind(c) != DECORATOR) declaration = c;
            if (declaration < 0) return false;
            s = declaration;
            k = a.kind(s);
        }
        switch (k) {
            case FUNCTION_DECLARATION: case CLASS_DECLARATION: case VARIABLE_DECLARATION: case TYPE_ALIAS:
            case INTERFACE_DECLARATION: case ENUM_DECLARATION:
                return true;
            case MODULE_DECLARATION: {
                int name = a.firstChild(s);
                return name >= 0 && a.kind(name) == BINDING_IDENTIFIER; // namespace N {}, not declare module "x" or global
            }
            default:
                return false;
        }
    }

    private static boolean hasDecorators(Arena a, int s) {
        for (int c = a.firstChild(s); c >= 0; c = a.nextSibling(c)) if (a.kind(c) == DECORATOR) return true;
        return false;
    }

    /**
     * Whether code at this node runs when its module loads: not inside a function, a method or an
     * instance field's initializer (those run later, when every module is initialized).
     */
    private static boolean evaluatedAtLoad(DocumentQuery q, int node) {
        Arena a = q.arena();
        for (int child = node, p = q.parentOf(node); p >= 0; child = p, p = q.parentOf(p)) {
            int k = a.kind(p);
            if (k == METHOD || k == FIELD) {
                // decorators and a computed key run with the class; a method's body and an instance field's value later
                int key = a.firstChild(p);
                while (key >= 0 && a.kind(key) == DECORATOR) key = a.nextSibling(key);
                if (child == key || a.kind(child) == DECORATOR) continue;
                if (k == METHOD || (a.data(p) & C_STATIC) == 0) return false;
                continue;
            }
            if (NodeKind.isFunction(k)) return false;
        }
        return true;
    }

    /** The import declaration of an import binding, or -1 (an {@code import x = require()}). */
    private static int importDeclarationOf(DocumentQuery q, int declaring) {
        for (int p = declaring; p >= 0; p = q.parentOf(p)) {
            int k = q.arena().kind(p);
            if (k == IMPORT_DECLARATION) return p;
            if (k == IMPORT_EQUALS) return -1;
        }
        return -1;
    }

    /** The binding as written in its import: {@code default:name}, {@code *:name} or the specifier's text (its {@code type} kept). */
    private static String importedBinding(Arena a, int specifier) {
        int k = a.kind(specifier);
        if (k == IMPORT_DEFAULT_SPECIFIER) return "default:" + a.text(a.start(specifier), a.end(specifier));
        if (k == IMPORT_NAMESPACE_SPECIFIER) return "*:" + a.text(a.start(specifier), a.end(specifier));
        return OrganizeImports.specifierText(a, specifier);
    }

    /** One import declaration with the given bindings of {@code declaration}: its module, attributes and type-only-ness kept. */
    private static String copiedImport(Arena a, int declaration, List<String> bindings) {
        String module = null, attributes = "";
        for (int c = a.firstChild(declaration); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) == STRING_LITERAL) module = a.text(a.start(c), a.end(c));
            else if (a.kind(c) == IMPORT_ATTRIBUTES) attributes = " " + a.text(a.start(c), a.end(c));
        }
        StringBuilder sb = new StringBuilder("import ");
        if ((a.data(declaration) & MOD_TYPE_ONLY) != 0) sb.append("type ");
        String defaultName = null, namespace = null;
        List<String> named = new ArrayList<>();
        for (String b : bindings) {
            if (b.startsWith("default:")) defaultName = b.substring(8);
            else if (b.startsWith("*:")) namespace = b.substring(2);
            else named.add(b);
        }
        boolean comma = false;
        if (defaultName != null) { sb.append(defaultName); comma = true; }
        if (namespace != null) { sb.append(comma ? ", " : "").append(namespace); comma = true; }
        if (!named.isEmpty()) sb.append(comma ? ", " : "").append("{ ").append(String.join(", ", named)).append(" }");
        return sb.append(" from ").append(module).append(attributes).append(';').toString();
    }

    private static void appendNamedImport(StringBuilder out, String keyword, List<String> names, String specifier, String nl) {
        if (names.isEmpty()) return;
        out.append(keyword).append(" { ").append(String.join(", ", names)).append(" } from ").append(specifier).append(';').append(nl);
    }

    /**
     * The name under which the old file exports a declaration the moved code reads ({@code name},
     * {@code default as name}, {@code exported as name}); where it exports none, {@code export} is
     * added before its statement (its offset into {@code exportsToAdd}). Null when that cannot be done.
     */
    private static String exportedNameInOld(DocumentQuery q, int symbol, List<int[]> exportsToAdd) {
        Arena a = q.arena();
        ScopeTable t = q.scopes();
        String name = t.name(symbol);
        int decl = t.declarationNode(symbol);
        int statement = decl;
        while (statement >= 0 && q.parentOf(statement) != a.root()) statement = q.parentOf(statement);
        if (statement < 0) return null;
        if (a.kind(statement) == EXPORT_NAMED) return name;
        if (a.kind(statement) == EXPORT_DEFAULT) return "default as " + name;
        // exported by a list: export { name } or export { name as other }
        SymbolIndex index = q.index();
        int group = index.groupOf(symbol);
        for (int i = 0, n = index.occurrenceCount(group); i < n; i++) {
            if ((index.occurrenceFlags(group, i) & SymbolIndex.EXPORT_LOCAL) == 0) continue;
            int local = index.occurrenceNode(group, i);
            int exported = a.nextSibling(local);
            String as = exported < 0 ? name : a.text(a.start(exported), a.end(exported));
            if (as.equals("default")) return "default as " + name;
            if (!Names.isIdentifierName(as)) continue; // a string name
            return as.equals(name) ? name : as + " as " + name;
        }
        if (!movable(a, statement) || hasDecorators(a, statement)) return null;
        for (int[] e : exportsToAdd) if (e[0] == a.start(statement)) return name;
        exportsToAdd.add(new int[] {a.start(statement)});
        return name;
    }

    /** Whether the symbol is read anywhere outside [from, to). */
    private static boolean readOutsideMoved(DocumentQuery q, int symbol, int from, int to) {
        SymbolIndex index = q.index();
        int group = index.groupOf(symbol);
        for (int i = 0, n = index.occurrenceCount(group); i < n; i++) {
            if ((index.occurrenceFlags(group, i) & SymbolIndex.DECLARATION) != 0) continue;
            int at = q.arena().start(index.occurrenceNode(group, i));
            if (at < from || at >= to) return true;
        }
        return false;
    }

    /** Where new imports go: the line after the last top-level import, or before the first statement's comments. */
    private static int importsEnd(Arena a) {
        char[] src = a.source();
        int lastImport = -1, firstStatement = a.firstChild(a.root());
        for (int s = firstStatement; s >= 0; s = a.nextSibling(s)) if (a.kind(s) == IMPORT_DECLARATION || a.kind(s) == IMPORT_EQUALS) lastImport = s;
        if (lastImport < 0) return firstStatement < 0 ? 0 : ExtractType.attachedCommentsStart(a, a.start(firstStatement));
        int i = a.end(lastImport);
        while (i < a.sourceLength() && src[i] != '\n') i++;
        return Math.min(a.sourceLength(), i + 1);
    }

    /** Whether nothing but comments and blanks comes before {@code at}: imports written there start the file's imports. */
    private static boolean startsImports(Arena a, int at) {
        int first = a.firstChild(a.root());
        return first >= 0 && a.kind(first) != IMPORT_DECLARATION && a.kind(first) != IMPORT_EQUALS && at <= a.start(first);
    }

    /** The end of the removal, one blank line further when the removed lines sat between two blank lines (or the file's start). */
    private static int swallowBlankLine(char[] src, int length, int start, int end) {
        boolean blankBefore = start == 0 || start >= 2 && src[start - 1] == '\n' && (src[start - 2] == '\n' || src[start - 2] == '\r' && start >= 3 && src[start - 3] == '\n');
        if (!blankBefore || start > 0 && src[start - 1] != '\n') return end;
        int i = end;
        while (i < length && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r')) i++;
        return i < length && src[i] == '\n' ? i + 1 : end;
    }

    /** The quote the file's module specifiers use (its first), else a double quote. */
    private static String quoteOf(Arena a) {
        for (int s = a.firstChild(a.root()); s >= 0; s = a.nextSibling(s)) {
            if (a.kind(s) != IMPORT_DECLARATION && a.kind(s) != EXPORT_ALL && a.kind(s) != EXPORT_NAMED) continue;
            for (int c = a.firstChild(s); c >= 0; c = a.nextSibling(c)) {
                if (a.kind(c) == STRING_LITERAL) return String.valueOf(a.source()[a.start(c)]);
            }
        }
        return "\"";
    }

    /**
     * A relative specifier for a file of this directory, written as the file's other relative
     * specifiers are: with the extension the runtime loads ({@code ./x.js} for x.ts) when they have
     * one, with the source's extension when they name .ts files, else without (always with one in
     * .mts, .cts, .mjs and .cjs files, which Node resolves only so).
     */
    private static String specifier(Arena a, String stem, String extension) {
        String style = null;
        for (int s = a.firstChild(a.root()); s >= 0 && style == null; s = a.nextSibling(s)) {
            int k = a.kind(s);
            if (k != IMPORT_DECLARATION && k != EXPORT_ALL && k != EXPORT_NAMED) continue;
            for (int c = a.firstChild(s); c >= 0; c = a.nextSibling(c)) {
                if (a.kind(c) != STRING_LITERAL || a.end(c) - a.start(c) < 3) continue;
                String module = a.text(a.start(c) + 1, a.end(c) - 1);
                if (!module.startsWith("./") && !module.startsWith("../")) continue;
                String last = module.substring(module.lastIndexOf('/') + 1);
                int dot = last.lastIndexOf('.');
                String ext = dot < 0 ? "" : last.substring(dot);
                style = ext.matches("\\.(m|c)?[jt]sx?") ? ext : "";
            }
        }
        String runtime = switch (extension) {
            case ".mts", ".mjs" -> ".mjs";
            case ".cts", ".cjs" -> ".cjs";
            default -> ".js";
        };
        if (style == null) style = extension.startsWith(".m") || extension.startsWith(".c") ? runtime : "";
        if (style.isEmpty()) return "./" + stem;
        if (style.contains("t")) return "./" + stem + extension; // allowImportingTsExtensions
        return "./" + stem + runtime;
    }

    private static String fileName(String uri) { return uri.substring(uri.lastIndexOf('/') + 1); }

    /** The file name's extension, .d.ts-free: .ts, .tsx, .mts, .js… */
    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
