package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.scope.UnusedDeclarations;
import dev.arenals.parser.scope.UnusedReports;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.TreePaths;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Unused declarations, imports, parameters and type parameters ({@link UnusedDeclarations}) as
 * hints tagged {@link DiagnosticTag#Unnecessary}, which editors grey out; never errors; grouped and
 * coded as TypeScript reports them ({@link UnusedReports}: an import declaration or a type parameter
 * list whose every name is unused is one hint). Also
 * the edit that removes one unused declaration, for the quick fix. The same hints carry
 * {@link UnreachableCode}'s unreachable code and unused labels.
 */
public final class UnusedCode {
    /**
     * Hints published per document at most, in source order: each one is a diagnostic sent with
     * every publication after every edit, and a file with thousands of unused declarations (generated
     * code) would otherwise send them all at every keystroke. The code actions still see them all.
     */
    public static final int MAX_HINTS = 100;

    private UnusedCode() {}

    /** The unused symbols of the document's current parse, computed once per parse. */
    public static int[] unusedSymbols(DocumentQuery q) {
        Cache cache = q.document().attachment(Cache.class, Cache::new);
        long stamp = q.document().parseStamp();
        if (cache.symbols == null || cache.stamp != stamp) {
            cache.symbols = UnusedDeclarations.find(q.arena(), q.scopes(), q.document().options().isDeclaration());
            cache.mask = new boolean[q.scopes().symbolCount()];
            for (int sym : cache.symbols) cache.mask[sym] = true;
            cache.stamp = stamp;
        }
        return cache.symbols;
    }

    /** By symbol: unused (the same parse's {@link #unusedSymbols}, for lookups in O(1)). */
    public static boolean[] unusedMask(DocumentQuery q) {
        unusedSymbols(q);
        return q.document().attachment(Cache.class, Cache::new).mask;
    }

    static final class Cache {
        long stamp;
        int[] symbols;
        boolean[] mask;
        long reportsStamp;
        int[] reports;
    }

    /** The hints, on the document's queue after a parse; empty without a bound tree. */
    public static List<Diagnostic> hints(Document doc) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        List<Diagnostic> unused = unusedHints(q);
        List<Diagnostic> unreachable = UnreachableCode.hints(q);
        if (unreachable.isEmpty()) return unused;
        List<Diagnostic> all = new ArrayList<>(unused.size() + unreachable.size());
        all.addAll(unused);
        all.addAll(unreachable);
        return all;
    }

    private static List<Diagnostic> unusedHints(DocumentQuery q) {
        int[] reports = unusedReports(q);
        int count = Math.min(reports.length / UnusedReports.STRIDE, MAX_HINTS);
        List<Diagnostic> out = new ArrayList<>(count);
        for (int i = 0; i < count * UnusedReports.STRIDE; i += UnusedReports.STRIDE) {
            int code = reports[i + 2];
            out.add(hint(q, reports[i], reports[i + 1], code, UnusedReports.message(code, UnusedReports.name(q.arena(), q.scopes(), reports[i + 3]))));
        }
        return out;
    }

    /** The unused symbols as TypeScript reports them ({@link UnusedReports}), computed once per parse. */
    public static int[] unusedReports(DocumentQuery q) {
        int[] symbols = unusedSymbols(q);
        Cache cache = q.document().attachment(Cache.class, Cache::new);
        if (cache.reports == null || cache.reportsStamp != cache.stamp) {
            cache.reports = UnusedReports.of(q.arena(), q.scopes(), symbols, q.document().options().isDeclaration());
            cache.reportsStamp = cache.stamp;
        }
        return cache.reports;
    }

    private static Diagnostic hint(DocumentQuery q, int start, int end, int code, String message) {
        Diagnostic d = new Diagnostic(q.range(start, end), message, DiagnosticSeverity.Hint, DiagnosticsHandler.SOURCE);
        d.setCode(Either.forRight(code));
        d.setTags(List.of(DiagnosticTag.Unnecessary));
        return d;
    }

    /** The IMPORT_DECLARATION around an import specifier node, or -1 (import x = require() has none). */
    static int importStatementOf(Arena a, int specifier) {
        if (specifier < 0) return -1;
        int k = a.kind(specifier);
        if (k != IMPORT_SPECIFIER && k != IMPORT_DEFAULT_SPECIFIER && k != IMPORT_NAMESPACE_SPECIFIER) return -1;
        int[] path = TreePaths.pathTo(a, specifier);
        return path != null && path.length >= 2 && a.kind(path[path.length - 2]) == IMPORT_DECLARATION ? path[path.length - 2] : -1;
    }

    static boolean allBindingsUnused(Arena a, ScopeTable t, int importDeclaration, boolean[] unused) {
        for (int c = a.firstChild(importDeclaration); c >= 0; c = a.nextSibling(c)) {
            int binding = bindingOf(a, c);
            if (binding < 0) continue;
            if (!isUnused(unused, t.symbolOfNode(binding))) return false;
        }
        return true;
    }

    /** The BINDING_IDENTIFIER of an import specifier node, or -1 for anything else. */
    static int bindingOf(Arena a, int specifier) {
        int k = a.kind(specifier);
        if (k != IMPORT_SPECIFIER && k != IMPORT_DEFAULT_SPECIFIER && k != IMPORT_NAMESPACE_SPECIFIER) return -1;
        int binding = Layouts.importLocal(a, specifier);
        return binding >= 0 && a.kind(binding) == BINDING_IDENTIFIER ? binding : -1;
    }

    static boolean isUnused(boolean[] mask, int sym) {
        return sym >= 0 && sym < mask.length && mask[sym];
    }
}
