package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.server.protocol.Uris;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.SymbolIndex;
import dev.arenals.server.query.TreePaths;
import dev.arenals.server.query.WellKnownGlobals;
import dev.arenals.server.workspace.FileSummary;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * The quick fix "Add import from './m'" on a name nothing in the file declares, for each
 * workspace file that exports it (by name, or as its default export's local name), nearest files
 * first — as TypeScript offers it for "Cannot find name". The import edit is completion's
 * ({@link CompletionImports#importEdit}): added to an import of the same module, or a new line.
 */
final class AddImportFix {
    private AddImportFix() {}

    /** Fewest actions offered for one name: a popular name's dozens of files are not a menu. */
    private static final int MAX_ACTIONS = 5;

    /** The code action kind of {@link #addAllMissing}: TypeScript's own name for it, so settings written for tsserver ask for it too. */
    static final String ADD_MISSING_IMPORTS = "source.addMissingImports.ts";

    static void actions(DocumentQuery q, int offset, WorkspaceIndex index, List<CodeAction> out) {
        Path file = Uris.pathOf(q.uri());
        if (index == null || file == null) return;
        Arena arena = q.arena();
        int ident = q.identifierAt(offset);
        if (ident < 0 || !isUnresolvedName(q, ident)) return;
        String name = arena.names().name(arena.data(ident));
        if (isLibraryGlobal(name)) return;
        List<Candidate> candidates = candidates(file, name, index);
        CompletionImports.ImportStyle style = null;
        for (int i = 0; i < candidates.size() && i < MAX_ACTIONS; i++) {
            Candidate c = candidates.get(i);
            if (style == null) style = CompletionImports.ImportStyle.of(q, file);
            String specifier = CompletionImports.specifier(file, c.file, style.jsExtensions());
            TextEdit edit = CompletionImports.importEdit(q, file, c.file, specifier, name, c.isDefault, style);
            CodeAction action = new CodeAction(c.isDefault ? "Add default import '" + name + "' from \"" + specifier + "\""
                    : "Add import '" + name + "' from \"" + specifier + "\"");
            action.setKind(CodeActionKind.QuickFix);
            action.setEdit(new WorkspaceEdit(Map.of(q.uri(), List.of(edit))));
            if (candidates.size() == 1) action.setIsPreferred(true);
            out.add(action);
        }
    }

    /**
     * "Add all missing imports": every name the file uses without declaring it that exactly one
     * workspace file exports (an ambiguous name is left to the quick fix's choice), the names of
     * one module in one import; null when there is none.
     */
    static CodeAction addAllMissing(DocumentQuery q, WorkspaceIndex index) {
        Path file = Uris.pathOf(q.uri());
        if (index == null || file == null) return null;
        Arena arena = q.arena();
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Map<Path, List<String>> named = new java.util.TreeMap<>();
        java.util.Map<Path, String> defaults = new java.util.TreeMap<>();
        for (int n = 0, count = arena.nodeCount(); n < count; n++) {
            int k = arena.kind(n);
            if (k != IDENTIFIER_REFERENCE && k != JSX_IDENTIFIER) continue;
            if (k == IDENTIFIER_REFERENCE && q.symbolOfNode(n) >= 0 && q.isDeclared(q.symbolOfNode(n))) continue;
            String name = arena.names().name(arena.data(n));
            if (seen.contains(name) || !isUnresolvedName(q, n)) continue;
            seen.add(name);
            if (isLibraryGlobal(name)) continue;
            List<Candidate> candidates = candidates(file, name, index);
            if (candidates.size() != 1) continue;
            Candidate c = candidates.get(0);
            if (c.isDefault) {
                if (!defaults.containsKey(c.file)) defaults.put(c.file, name);
            } else {
                named.computeIfAbsent(c.file, f -> new ArrayList<>()).add(name);
            }
        }
        if (named.isEmpty() && defaults.isEmpty()) return null;
        CompletionImports.ImportStyle style = CompletionImports.ImportStyle.of(q, file);
        List<TextEdit> edits = new ArrayList<>();
        for (java.util.Map.Entry<Path, List<String>> e : named.entrySet()) {
            String specifier = CompletionImports.specifier(file, e.getKey(), style.jsExtensions());
            edits.add(CompletionImports.importEdit(q, file, e.getKey(), specifier, String.join(", ", e.getValue()), false, style));
        }
        for (java.util.Map.Entry<Path, String> e : defaults.entrySet()) {
            String specifier = CompletionImports.specifier(file, e.getKey(), style.jsExtensions());
            edits.add(CompletionImports.importEdit(q, file, e.getKey(), specifier, e.getValue(), true, style));
        }
        CodeAction action = new CodeAction("Add all missing imports");
        action.setKind(ADD_MISSING_IMPORTS);
        action.setEdit(new WorkspaceEdit(Map.of(q.uri(), edits)));
        return action;
    }

    /** The workspace files exporting {@code name} (by name, or as their default export's local name), nearest first. */
    private static List<Candidate> candidates(Path file, String name, WorkspaceIndex index) {
        List<Candidate> candidates = new ArrayList<>();
        for (Path declaring : index.filesDeclaring(name)) {
            if (declaring.equals(file)) continue;
            FileSummary s = index.summary(declaring);
            if (s == null) continue;
            boolean named = s.export(name) != null;
            FileSummary.Export def = named ? null : s.export("default");
            boolean isDefault = !named && def != null && name.equals(def.localName());
            if (named || isDefault) candidates.add(new Candidate(declaring, isDefault, distance(file, declaring)));
        }
        candidates.sort((a, b) -> a.distance != b.distance ? Integer.compare(a.distance, b.distance) : a.file.compareTo(b.file));
        return candidates;
    }

    private record Candidate(Path file, boolean isDefault, int distance) { }

    /** A name used as a value, a type or a JSX tag that no declaration in the file's scopes binds. */
    private static boolean isUnresolvedName(DocumentQuery q, int ident) {
        Arena arena = q.arena();
        int kind = arena.kind(ident);
        if (kind == IDENTIFIER_REFERENCE) {
            int symbol = q.symbolOfNode(ident);
            if (symbol >= 0 && q.isDeclared(symbol)) return false;
            int parent = TreePaths.parent(arena, ident);
            return parent < 0 || arena.kind(parent) != EXPORT_SPECIFIER; // export { a }: a is this file's own or an error
        }
        if (kind == JSX_IDENTIFIER) {
            int opening = TreePaths.parent(arena, ident);
            if (opening < 0 || (arena.kind(opening) != JSX_OPENING_ELEMENT && arena.kind(opening) != JSX_CLOSING_ELEMENT)) return false;
            if (SymbolIndex.jsxTagIdentifier(arena, opening) != ident) return false;
            return new dev.arenals.server.query.JsxComponents(q).componentBinding(opening) < 0;
        }
        return false;
    }

    /** Names the standard library declares ({@code Promise}, {@code document}): never imported from a workspace file. */
    private static boolean isLibraryGlobal(String name) {
        for (int i = 0, n = WellKnownGlobals.libCount(); i < n; i++) {
            if (!WellKnownGlobals.libIsTag(i) && WellKnownGlobals.libName(i).equals(name)) return true; // an HTML tag's name (main, form) is no global
        }
        return false;
    }

    /** Directory steps between two files: the nearer declaration is offered first. */
    private static int distance(Path from, Path to) {
        Path a = from.getParent(), b = to.getParent();
        if (a == null || b == null) return Integer.MAX_VALUE;
        if (a.equals(b)) return 0;
        try {
            return a.relativize(b).getNameCount();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }
}
