package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.workspace.FileSummary;
import dev.arenals.server.workspace.ModuleResolver;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.TextEdit;

/**
 * What completion knows of other files: names exported by workspace files, each with the edit
 * that imports it (extending an import of the same module when there is one, else a new
 * {@code import} after the last one, with the file's quote and {@code .js}-extension style), and
 * the files, folders and packages a module specifier can name.
 */
final class CompletionImports {
    private CompletionImports() {}

    /** Most entries read from one directory. */
    private static final int MAX_ENTRIES = 2_000;
    private static final String[] SOURCE_EXTENSIONS = {".d.ts", ".tsx", ".ts", ".mts", ".cts", ".jsx", ".js", ".mjs", ".cjs"};

    /** Exported declarations of other files that match the typed word and are not visible here already. */
    static void exports(DocumentQuery q, Path file, WorkspaceIndex index, CompletionHandler.Items items, boolean jsx, boolean types) {
        if (index == null || file == null) return;
        ImportStyle style = null;
        for (WorkspaceIndex.DeclarationInFile df : index.declarations()) {
            // matched on the summary's table first: the declaration is made for the names that match
            if (CompletionHandler.match(df.name(), items.prefix) < 0) continue;
            FileSummary.Declaration d = df.declaration();
            FileSummary f = df.file();
            String name = d.name();
            if (f.path().equals(file) || items.has(name)) continue;
            if (jsx && !Character.isUpperCase(name.charAt(0))) continue;
            boolean typeOnly = d.kind() == FileSummary.Kind.INTERFACE || d.kind() == FileSummary.Kind.TYPE;
            if (typeOnly && !types || types && (d.kind() == FileSummary.Kind.FUNCTION || d.kind() == FileSummary.Kind.VARIABLE
                    || d.kind() == FileSummary.Kind.CONSTANT)) continue;
            boolean named = f.export(name) != null;
            FileSummary.Export def = named ? null : f.export("default");
            boolean isDefault = !named && def != null && name.equals(def.localName());
            if (!named && !isDefault) continue;
            if (style == null) style = ImportStyle.of(q, file);
            String specifier = specifier(file, f.path(), style.jsExtensions);
            CompletionItem item = items.add(name, CompletionHandler.kindOf(d.kind()), CompletionHandler.G_IMPORT,
                    "auto-import from \"" + specifier + "\"", null);
            if (item == null) continue;
            item.setAdditionalTextEdits(List.of(importEdit(q, file, f.path(), specifier, name, isDefault, style)));
        }
    }

    /** How this file writes its imports: quote, semicolons, extensions on relative specifiers. */
    record ImportStyle(char quote, boolean semicolons, boolean jsExtensions) {
        static ImportStyle of(DocumentQuery q, Path file) {
            Arena arena = q.arena();
            char[] src = arena.source();
            char quote = '"';
            boolean semicolons = true, js = false, seen = false;
            for (int s = arena.firstChild(arena.root()); s >= 0; s = arena.nextSibling(s)) {
                int k = arena.kind(s);
                if (k != IMPORT_DECLARATION && k != EXPORT_NAMED && k != EXPORT_ALL) continue;
                int literal = source(arena, s);
                if (literal < 0) continue;
                if (!seen) {
                    quote = src[arena.start(literal)];
                    semicolons = src[arena.end(s) - 1] == ';';
                    seen = true;
                }
                String spec = arena.text(arena.start(literal) + 1, Math.max(arena.start(literal) + 1, arena.end(literal) - 1));
                if (ModuleResolver.isRelative(spec) && (spec.endsWith(".js") || spec.endsWith(".mjs") || spec.endsWith(".cjs") || spec.endsWith(".jsx"))) js = true;
            }
            return new ImportStyle(quote == '\'' ? '\'' : '"', semicolons, js);
        }
    }

    private static int source(Arena arena, int declaration) {
        return Layouts.moduleSource(arena, declaration);
    }

    /** The relative specifier of {@code target} from {@code file}: "./x", "../y/z", with ".js" when the file writes extensions. */
    static String specifier(Path file, Path target, boolean jsExtensions) {
        Path dir = file.getParent();
        String rel = dir == null ? target.toString() : dir.relativize(target).toString().replace('\\', '/');
        String ext = "";
        for (String e : SOURCE_EXTENSIONS) {
            if (rel.endsWith(e)) {
                rel = rel.substring(0, rel.length() - e.length());
                ext = e;
                break;
            }
        }
        if (jsExtensions && !ext.isEmpty()) {
            rel += ext.equals(".mts") || ext.equals(".mjs") ? ".mjs" : ext.equals(".cts") || ext.equals(".cjs") ? ".cjs" : ".js";
        } else if (rel.equals("index") || rel.endsWith("/index")) {
            rel = rel.length() == 5 ? "." : rel.substring(0, rel.length() - 6);
        }
        if (!rel.startsWith("../") && !rel.equals("..") && !rel.equals(".")) rel = "./" + rel;
        return rel;
    }

    /** Adds {@code name} to an import of the same module, or a new import line after the last one. */
    static TextEdit importEdit(DocumentQuery q, Path file, Path target, String specifier, String name, boolean isDefault, ImportStyle style) {
        Arena arena = q.arena();
        int lastImport = -1;
        for (int s = arena.firstChild(arena.root()); s >= 0; s = arena.nextSibling(s)) {
            if (arena.kind(s) != IMPORT_DECLARATION) continue;
            lastImport = s;
            int literal = source(arena, s);
            if (literal < 0 || (arena.data(s) != 0)) continue;
            String spec = arena.text(arena.start(literal) + 1, Math.max(arena.start(literal) + 1, arena.end(literal) - 1));
            if (!spec.equals(specifier) && !target.equals(ModuleResolver.resolveFrom(file, spec))) continue;
            if (typeOnly(arena, s)) continue;
            int lastNamed = -1, defaultSpecifier = -1;
            boolean namespace = false;
            for (int c = arena.firstChild(s); c >= 0; c = arena.nextSibling(c)) {
                int k = arena.kind(c);
                if (k == IMPORT_SPECIFIER) lastNamed = c;
                else if (k == IMPORT_DEFAULT_SPECIFIER) defaultSpecifier = c;
                else if (k == IMPORT_NAMESPACE_SPECIFIER) namespace = true;
            }
            if (isDefault || namespace) continue;
            if (lastNamed >= 0) return insert(q, arena.end(lastNamed), ", " + name);
            if (defaultSpecifier >= 0) return insert(q, arena.end(defaultSpecifier), ", { " + name + " }");
        }
        String clause = isDefault ? name : "{ " + name + " }";
        String line = "import " + clause + " from " + style.quote + specifier + style.quote + (style.semicolons ? ";" : "");
        if (lastImport >= 0) return insert(q, arena.end(lastImport), "\n" + line);
        return insert(q, 0, line + "\n");
    }

    private static boolean typeOnly(Arena arena, int importDeclaration) {
        // `import type { … }`: the word after `import` is `type` followed by a clause
        char[] src = arena.source();
        int i = arena.start(importDeclaration) + 6;
        while (i < arena.end(importDeclaration) && Character.isWhitespace(src[i])) i++;
        return i + 4 < arena.end(importDeclaration) && src[i] == 't' && src[i + 1] == 'y' && src[i + 2] == 'p' && src[i + 3] == 'e'
                && !CompletionContext.isIdentifierPart(src[i + 4]) && src[i + 4] != ',' && !arena.text(i + 4, arena.end(importDeclaration)).strip().startsWith("from");
    }

    private static TextEdit insert(DocumentQuery q, int at, String text) {
        return new TextEdit(q.range(at, at), text);
    }

    // ---- module specifiers ----

    /** Files and folders next to a relative specifier typed so far; packages in node_modules for a bare one. */
    static void moduleSpecifiers(DocumentQuery q, CompletionContext c, Path file, CompletionHandler.Items items) {
        if (file == null || file.getParent() == null) return;
        Arena arena = q.arena();
        int contentStart = arena.start(c.stringNode) + 1;
        if (c.offset < contentStart) return;
        String typed = arena.text(contentStart, c.offset);
        int slash = typed.lastIndexOf('/');
        String segment = typed.substring(slash + 1);
        items.prefix = segment;
        TextEdit range = new TextEdit(q.range(contentStart + slash + 1, c.offset), "");
        boolean relative = typed.startsWith(".");
        if (relative && slash < 0) {
            for (String up : new String[] {"./", "../"}) {
                CompletionItem item = items.add(up, CompletionItemKind.Folder, CompletionHandler.G_LOCAL, null, null);
                if (item != null) item.setTextEdit(org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft(
                        new TextEdit(q.range(contentStart, c.offset), up)));
            }
            return;
        }
        if (relative) {
            Path dir;
            try {
                dir = file.getParent().resolve(typed.substring(0, slash + 1)).normalize();
            } catch (RuntimeException e) {
                return;
            }
            boolean js = ImportStyle.of(q, file).jsExtensions;
            TreeSet<String> names = new TreeSet<>();
            for (Path entry : list(dir)) {
                String n = entry.getFileName().toString();
                if (entry.equals(file) || n.startsWith(".")) continue;
                if (Files.isDirectory(entry)) {
                    if (!n.equals("node_modules")) add(items, n, CompletionItemKind.Folder, range, names);
                    continue;
                }
                String label = null;
                if (n.endsWith(".json")) label = n;
                else for (String e : SOURCE_EXTENSIONS) {
                    if (n.endsWith(e)) {
                        String stem = n.substring(0, n.length() - e.length());
                        label = js ? stem + (e.equals(".mts") || e.equals(".mjs") ? ".mjs" : e.equals(".cts") || e.equals(".cjs") ? ".cjs"
                                : e.equals(".d.ts") ? "" : ".js") : stem;
                        break;
                    }
                }
                if (label != null && !label.isEmpty()) add(items, label, CompletionItemKind.File, range, names);
            }
            return;
        }
        if (slash >= 0 && !typed.startsWith("@")) return; // a package's subpath: not listed
        TreeSet<String> names = new TreeSet<>();
        TextEdit whole = new TextEdit(q.range(contentStart, c.offset), "");
        items.prefix = ""; // matched here: a package name is matched from its start, scope included
        if (!typed.isEmpty()) items.dropped = true;
        for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
            Path modules = dir.resolve("node_modules");
            if (!Files.isDirectory(modules)) continue;
            for (Path entry : list(modules)) {
                String n = entry.getFileName().toString();
                if (n.startsWith(".")) continue;
                if (n.startsWith("@")) {
                    if (!n.startsWith(typed) && !typed.startsWith(n + "/")) continue;
                    for (Path inner : list(entry)) {
                        String full = n + "/" + inner.getFileName();
                        if (full.startsWith(typed)) add(items, full, CompletionItemKind.Module, whole, names);
                    }
                } else if (n.startsWith(typed)) {
                    add(items, n, CompletionItemKind.Module, whole, names);
                }
            }
        }
    }

    private static void add(CompletionHandler.Items items, String label, CompletionItemKind kind, TextEdit range, TreeSet<String> names) {
        if (!names.add(label)) return;
        CompletionItem item = items.add(label, kind, CompletionHandler.G_LOCAL, null, null);
        if (item != null) item.setTextEdit(org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft(new TextEdit(range.getRange(), label)));
    }

    private static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                out.add(p);
                if (out.size() >= MAX_ENTRIES) break;
            }
        } catch (IOException | DirectoryIteratorException | SecurityException e) {
            // unreadable: nothing to offer from it
        }
        out.sort(null);
        return out;
    }
}
