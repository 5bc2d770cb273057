package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.workspace.ModuleResolver;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentLink;

/**
 * {@code textDocument/documentLink}: the module specifiers of {@code import}, {@code export … from},
 * {@code import()}, {@code require()} (the global one), {@code import x = require()} and
 * {@code import("…")} types that name a relative file that exists, resolved by
 * {@link ModuleResolver}. Links cover the specifier without its quotes; bare package names are not
 * resolved yet.
 */
public final class DocumentLinkHandler {
    public List<DocumentLink> documentLinks(Document doc) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        Path directory = directoryOf(doc.uri());
        if (directory == null) return List.of();
        Arena arena = q.arena();
        List<DocumentLink> out = new ArrayList<>();
        for (int node = 0, n = arena.nodeCount(); node < n; node++) {
            int specifier = specifierOf(q, node);
            if (specifier < 0) continue;
            int start = arena.start(specifier) + 1, end = arena.end(specifier) - 1;
            if (end <= start) continue;
            String text = arena.text(start, end);
            Path target = ModuleResolver.resolve(directory, text);
            if (target != null) out.add(new DocumentLink(q.range(start, end), target.toUri().toString()));
        }
        return out;
    }

    /**
     * The STRING_LITERAL naming a module that holds {@code offset} (past its opening quote, up to
     * its closing one), or -1. Found by descending from the root to the node the offset is inside.
     */
    static int specifierAt(DocumentQuery q, int offset) {
        Arena arena = q.arena();
        int parent = -1, grandparent = -1;
        for (int node = arena.root(); node >= 0; ) {
            if (arena.kind(node) == STRING_LITERAL) {
                if (offset <= arena.start(node) || offset >= arena.end(node)) return -1;
                int holder = parent >= 0 && arena.kind(parent) == LITERAL_TYPE ? grandparent : parent;
                return holder >= 0 && specifierOf(q, holder) == node ? node : -1;
            }
            int inside = -1;
            for (int c = arena.firstChild(node); c >= 0; c = arena.nextSibling(c)) {
                if (arena.start(c) > offset) break;
                if (offset < arena.end(c)) { inside = c; break; }
            }
            grandparent = parent;
            parent = node;
            node = inside;
        }
        return -1;
    }

    /** Whether the module named in {@code holder} is loaded by {@code require} ({@code require()}, {@code import x = require()}). */
    static boolean isRequire(Arena arena, int holder) {
        return arena.kind(holder) == CALL || arena.kind(holder) == EXTERNAL_MODULE_REFERENCE;
    }

    /** The STRING_LITERAL naming a module in {@code node}, or -1. */
    static int specifierOf(DocumentQuery q, int node) {
        Arena arena = q.arena();
        switch (arena.kind(node)) {
            case IMPORT_DECLARATION: case EXPORT_NAMED: case EXPORT_ALL: case EXTERNAL_MODULE_REFERENCE:
                return Layouts.moduleSource(arena, node);
            case IMPORT_CALL: return Layouts.importCallSource(arena, node);
            case IMPORT_TYPE: return Layouts.importTypeSource(arena, node);
            case CALL: {
                int callee = Layouts.callCallee(arena, node);
                int argument = Layouts.callFirstArgument(arena, node);
                if (argument < 0 || arena.kind(argument) != STRING_LITERAL || arena.nextSibling(argument) >= 0) return -1;
                if (arena.kind(callee) != IDENTIFIER_REFERENCE || !arena.names().equals(arena.data(callee), "require")) return -1;
                int symbol = q.symbolOfNode(callee);
                return symbol >= 0 && q.scopes().kind(symbol) == SymbolKind.IMPLICIT_GLOBAL ? argument : -1;
            }
            default:
                return -1;
        }
    }

    private static Path directoryOf(String uri) {
        try {
            URI u = URI.create(uri);
            if (!"file".equals(u.getScheme())) return null;
            Path parent = Path.of(u).getParent();
            return parent;
        } catch (RuntimeException e) {
            return null; // not a file URI we can read
        }
    }
}
