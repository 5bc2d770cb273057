package dev.arenals.server.features;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.DiagnosticMessages;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.ParseLog;
import dev.arenals.server.document.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The diagnostics of a document's last parse: the parser's syntax errors and the binder's early
 * errors from {@code arena.log()}, as LSP diagnostics (severity Error, the tsc-numbered code as a
 * number, source {@value #SOURCE}). Used for both push ({@code publishDiagnostics}) and pull
 * ({@code textDocument/diagnostic}). A document over the size limit gets one warning instead.
 */
public final class DiagnosticsHandler {
    public static final String SOURCE = "arena-ls";
    /** Code of the "file too large" diagnostic. */
    public static final String TOO_LARGE_CODE = "file-too-large";

    /** The diagnostics that need other files (null: none). */
    private volatile ImportDiagnostics imports;

    public void setImportDiagnostics(ImportDiagnostics imports) { this.imports = imports; }

    /** The diagnostics, then (when {@code unused}) the unused-code hints ({@link UnusedCode}). */
    public List<Diagnostic> diagnostics(Document doc, long maxBytes, boolean unused) {
        List<Diagnostic> list = diagnostics(doc, maxBytes);
        if (!unused || doc.isClosed() || doc.isOversized()) return list;
        List<Diagnostic> hints = UnusedCode.hints(doc);
        if (hints.isEmpty()) return list;
        List<Diagnostic> all = new ArrayList<>(list.size() + hints.size());
        all.addAll(list);
        all.addAll(hints);
        return all;
    }

    /** Must run on the document's queue, after {@link Document#ensureParsed}. */
    public List<Diagnostic> diagnostics(Document doc, long maxBytes) {
        if (doc.isClosed()) return List.of();
        if (doc.isOversized()) return List.of(tooLarge(doc, maxBytes));
        Arena arena = doc.arena();
        if (arena == null) return List.of();
        ParseLog log = arena.log();
        int n = log.diagnosticCount();
        List<Diagnostic> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Diag d = log.diagnostic(i);
            Diagnostic diagnostic = new Diagnostic();
            diagnostic.setRange(doc.rangeOf(log.diagnosticStart(i), log.diagnosticEnd(i)));
            diagnostic.setSeverity(DiagnosticSeverity.Error);
            diagnostic.setCode(Either.forRight(d.code));
            diagnostic.setSource(SOURCE);
            diagnostic.setMessage(DiagnosticMessages.message(log, i, arena.names()));
            out.add(diagnostic);
        }
        ImportDiagnostics i = imports;
        if (i != null) i.addTo(doc, out);
        return out;
    }

    private static Diagnostic tooLarge(Document doc, long maxBytes) {
        Diagnostic d = new Diagnostic();
        d.setRange(new Range(new Position(0, 0), new Position(0, 0)));
        d.setSeverity(DiagnosticSeverity.Warning);
        d.setSource(SOURCE);
        d.setCode(Either.forLeft(TOO_LARGE_CODE));
        d.setMessage(String.format(Locale.ROOT,
                "arena-ls does not analyse this file: it is larger than the %s limit (setting maxFileSize).",
                megabytes(maxBytes)));
        return d;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
