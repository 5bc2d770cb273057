package dev.arenals.server.features;

import dev.arenals.check.modules.ImportChecks;
import dev.arenals.check.modules.ModuleShape;
import dev.arenals.check.modules.ModuleSyntax;
import dev.arenals.server.document.Document;
import dev.arenals.server.protocol.ServerSettings;
import dev.arenals.server.workspace.FileSummary;
import dev.arenals.server.workspace.ModuleResolver;
import dev.arenals.server.protocol.Uris;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * TS2307 and TS2305 for an open document, by the rules {@code check --resolve} uses
 * ({@link ImportChecks}): its imports are read from its live arena, the modules they name from the
 * workspace index (summaries; a file not indexed yet is summarized on the spot), and
 * {@code declare module} blocks from the index too. Computed with the document's other
 * diagnostics, after each parse; a change in another file shows at the document's next edit.
 */
public final class ImportDiagnostics {
    private final WorkspaceIndex index;
    private final Supplier<ServerSettings.ImportDiagnostics> setting;

    public ImportDiagnostics(WorkspaceIndex index, Supplier<ServerSettings.ImportDiagnostics> setting) {
        this.index = index;
        this.setting = setting;
    }

    /** Appends the findings for {@code doc} to {@code out}; on the document's queue, after its parse. */
    public void addTo(Document doc, List<Diagnostic> out) {
        ServerSettings.ImportDiagnostics mode = setting.get();
        if (mode == null || mode == ServerSettings.ImportDiagnostics.OFF || doc.arena() == null) return;
        Path file = Uris.pathOf(doc.uri());
        if (file == null || !ImportChecks.isCheckedTypeScript(file)) return;
        List<ImportChecks.Finding> findings;
        try {
            ModuleSyntax syntax = ModuleSyntax.of(doc.arena(), file);
            if (syntax.imports.isEmpty()) return;
            findings = ImportChecks.check(file, syntax, ModuleResolver.projectResolvers(), this::shape,
                    specifier -> !index.ambientModules(specifier).isEmpty(), mode == ServerSettings.ImportDiagnostics.ALL);
        } catch (RuntimeException e) {
            return; // a file-system or config surprise: no import diagnostics rather than a failed publish
        }
        for (ImportChecks.Finding f : findings) {
            Diagnostic d = new Diagnostic();
            d.setRange(doc.rangeOf(f.start, f.end));
            d.setSeverity(DiagnosticSeverity.Error);
            d.setCode(Either.forRight(f.code));
            d.setSource(DiagnosticsHandler.SOURCE);
            d.setMessage(f.message);
            out.add(d);
        }
    }

    /**
     * The shape last made of each file, with the summary it was made from. A summary is immutable
     * and the index replaces it when its file changes, so the same summary object gives the same
     * shape: made once, not at every edit of every importer (a quarter of an edit's CPU on a
     * 2,000-line file importing a barrel, eleventh session).
     */
    private final ConcurrentHashMap<Path, CachedShape> shapes = new ConcurrentHashMap<>();
    /** Cleared when it grows past this: it holds the modules open documents import, not the workspace. */
    static final int MAX_CACHED_SHAPES = 4096;

    /** The summary weakly: a file gone from the index leaves no summary pinned here. */
    private record CachedShape(java.lang.ref.WeakReference<FileSummary> summary, ModuleShape shape) {}

    /** The shape of another file, from its summary (loaded when not indexed yet). */
    private ModuleShape shape(Path file) {
        FileSummary s = index.summaryOrLoad(file);
        if (s == null) return null;
        CachedShape cached = shapes.get(file);
        if (cached != null && cached.summary.get() == s) return cached.shape;
        ModuleShape shape = shapeOf(s);
        if (shapes.size() >= MAX_CACHED_SHAPES) shapes.clear();
        shapes.put(file, new CachedShape(new java.lang.ref.WeakReference<>(s), shape));
        return shape;
    }

    /** A summary as {@link ImportChecks} reads a module. */
    static ModuleShape shapeOf(FileSummary s) {
        Set<String> exports = new HashSet<>(), locals = new HashSet<>();
        boolean exportAssignment = false;
        for (FileSummary.Export e : s.exports()) {
            if (e.exportedName().equals(FileSummary.EXPORT_ASSIGNMENT)) exportAssignment = true;
            else exports.add(e.exportedName());
        }
        for (FileSummary.Declaration d : s.declarations()) locals.add(d.name());
        for (FileSummary.Import i : s.imports()) locals.add(i.localName());
        boolean module = !s.exports().isEmpty() || !s.imports().isEmpty() || !s.starExports().isEmpty() || !s.moduleSpecifiers().isEmpty();
        return new ModuleShape(s.path(), exports, new ArrayList<>(s.starExports()), locals, exportAssignment, module);
    }
}
