package dev.arenals.server.protocol;

import static dev.arenals.parser.tree.NodeKind.EXPORT_DEFAULT;
import static dev.arenals.parser.tree.NodeKind.EXPORT_NAMED;
import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.DiagnosticMessages;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.ParseLog;
import dev.arenals.server.document.Document;
import dev.arenals.server.features.ConvertExport;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.testing.Docs;
import dev.arenals.server.testing.InProcessServer;
import dev.arenals.server.workspace.FileSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Converting exports on real packages, judged across the workspace: exports of reactstrap's
 * sources (default-exported components, imported by default) and Blueprint's (named exports,
 * barrels with {@code export *}) converted one at a time through the protocol, every edited file
 * written to a fresh copy of the package and indexed again by a new server; then every import
 * binding of every file must lead to the declaration it led to before (found through re-export
 * chains and barrels), and every edited file must parse and bind with exactly its diagnostics.
 */
class ConvertExportWorkspaceTest {
    private static final Path NPM = Path.of(System.getProperty("user.home"), ".cache", "arena-ls", "npm");
    private static final int PER_PACKAGE = 6;

    @TempDir Path work;

    @Test
    void everyImportLeadsWhereItLedBeforeTheConversion() throws Exception {
        Path reactstrap = NPM.resolve("reactstrap@9.2.3/package/src"), blueprint = NPM.resolve("@blueprintjs/core@6.20.0/package/src");
        Assumptions.assumeTrue(Files.isDirectory(reactstrap) && Files.isDirectory(blueprint), "the npm packages are not fetched: run the test-fixtures tests first");
        int converted = 0, bindings = 0;
        List<String> refused = new ArrayList<>(), failures = new ArrayList<>();
        for (Path source : List.of(reactstrap, blueprint)) {
            Path original = copy(source, work.resolve(source.getParent().getParent().getFileName() + "-original"));
            try (InProcessServer before = ConvertExportTest.start(original, true)) {
                Map<String, String> bindingsBefore = bindings(before, original);
                List<Candidate> candidates = candidates(before, original);
                assertTrue(candidates.size() >= PER_PACKAGE / 2, source + ": " + candidates.size() + " exports to convert");
                int n = 0;
                for (Candidate c : candidates) {
                    WorkspaceEdit edit = convert(before, c, refused);
                    if (edit == null) continue;
                    Map<String, String> edited = ConvertExportTest.applied(original, edit);
                    // a directory of its own per package and conversion (a shared one mixed reactstrap's index.js into Blueprint's)
                    Path copy = copy(original, work.resolve(original.getFileName() + "-after-" + n++));
                    for (Map.Entry<String, String> e : edited.entrySet()) Files.writeString(copy.resolve(e.getKey()), e.getValue());
                    for (Map.Entry<String, String> e : edited.entrySet()) {
                        List<String> was = diagnostics(Files.readString(original.resolve(e.getKey())), e.getKey());
                        List<String> now = diagnostics(e.getValue(), e.getKey());
                        if (!was.equals(now)) failures.add(c + ": " + e.getKey() + " diagnostics " + was + " became " + now);
                    }
                    try (InProcessServer after = ConvertExportTest.start(copy, true)) {
                        Map<String, String> bindingsAfter = bindings(after, copy);
                        for (Map.Entry<String, String> b : bindingsBefore.entrySet()) {
                            String now = bindingsAfter.get(b.getKey());
                            if (!b.getValue().equals(now)) failures.add(c + ": " + b.getKey() + " led to " + b.getValue() + ", now " + now);
                            else bindings++;
                        }
                    }
                    converted++;
                    if (failures.size() > 10) break;
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(converted >= PER_PACKAGE, "converted " + converted + ", refused " + refused);
        System.out.println("export conversions on reactstrap and Blueprint: " + converted + " converted (" + refused.size() + " refused: " + refused
                + "), " + bindings + " import bindings lead where they led");
    }

    private record Candidate(Path file, String rel, int offset, String kind, String name) {
        @Override public String toString() { return kind.substring(kind.lastIndexOf('.') + 1) + " " + name + " in " + rel; }
    }

    /** Exports other files import, spread over the package: default ones made named and named ones made default. */
    private static List<Candidate> candidates(InProcessServer s, Path root) throws Exception {
        List<Candidate> all = new ArrayList<>();
        List<FileSummary> summaries = new ArrayList<>(s.server.workspaceIndex().all());
        summaries.sort(java.util.Comparator.comparing(f -> f.path().toString()));
        for (FileSummary summary : summaries) {
            if (s.server.workspaceIndex().importersOf(summary.path()).isEmpty()) continue;
            String text = Files.readString(summary.path());
            Document doc = Docs.parsed(summary.path().toUri().toString(), text);
            DocumentQuery q = DocumentQuery.of(doc);
            if (q == null) continue;
            Arena a = q.arena();
            for (int st = a.firstChild(a.root()); st >= 0; st = a.nextSibling(st)) {
                if (a.kind(st) != EXPORT_NAMED && a.kind(st) != EXPORT_DEFAULT) continue;
                ConvertExport.Conversion c = ConvertExport.at(q, a.start(st), a.start(st));
                if (c != null) all.add(new Candidate(summary.path(), root.relativize(summary.path()).toString(), a.start(st), c.kind(), c.name()));
            }
        }
        List<Candidate> out = new ArrayList<>();
        for (String kind : List.of(ConvertExport.TO_NAMED, ConvertExport.TO_DEFAULT)) {
            List<Candidate> ofKind = all.stream().filter(c -> c.kind().equals(kind)).collect(Collectors.toList());
            int step = Math.max(1, ofKind.size() / PER_PACKAGE);
            for (int i = 0; i < ofKind.size() && out.size() < PER_PACKAGE * 2; i += step) out.add(ofKind.get(i));
        }
        return out;
    }

    /** The conversion's whole edit, through codeAction and codeAction/resolve; null (and the reason noted) when refused. */
    private static WorkspaceEdit convert(InProcessServer s, Candidate c, List<String> refused) throws Exception {
        String uri = c.file().toUri().toString(), text = Files.readString(c.file());
        s.open(uri, c.rel().endsWith(".js") ? "javascript" : "typescript", 1, text);
        try {
            Document doc = Docs.parsed(uri, text);
            Range at = new Range(doc.positionAt(c.offset()), doc.positionAt(c.offset()));
            CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), at, new CodeActionContext(List.of(), List.of(c.kind())));
            CodeAction action = null;
            for (Either<Command, CodeAction> a : get(s.remote.getTextDocumentService().codeAction(params))) {
                if (a.isRight() && c.kind().equals(a.getRight().getKind())) action = a.getRight();
            }
            if (action == null) throw new AssertionError(c + ": not offered over the protocol");
            try {
                return s.remote.getTextDocumentService().resolveCodeAction(action).get(60, TimeUnit.SECONDS).getEdit();
            } catch (ExecutionException e) {
                refused.add(c + ": " + e.getCause().getMessage());
                return null;
            }
        } finally {
            s.close(uri);
        }
    }

    /** Each file's import bindings (file and local name) → where the declaration they import is (file, name). */
    private static Map<String, String> bindings(InProcessServer s, Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        Map<Path, Document> parsed = new java.util.HashMap<>();
        for (FileSummary f : s.server.workspaceIndex().all()) {
            for (FileSummary.Import i : f.imports()) {
                if (i.importedName().equals("*")) continue;
                List<Location> found = s.server.navigator().importedDeclaration(f.path(), i.specifier(), i.importedName());
                StringBuilder where = new StringBuilder();
                for (Location l : found) {
                    Path p = Path.of(java.net.URI.create(l.getUri()));
                    if (!p.startsWith(root)) { where.append(l.getUri()).append(' '); continue; }
                    Document d = parsed.computeIfAbsent(p, path -> Docs.parsed(l.getUri(), read(path)));
                    String text = d.text();
                    int start = d.offsetAt(l.getRange().getStart()), end = d.offsetAt(l.getRange().getEnd());
                    // the file and the declaration's name (its line moves when `export default x;` is written after it)
                    where.append(root.relativize(p)).append(':').append(text, start, Math.min(end, start + 40)).append(' ');
                }
                out.put(root.relativize(f.path()) + " " + i.localName(), where.toString());
            }
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> diagnostics(String text, String rel) {
        Document doc = Docs.parsed("file:///x/" + rel, text);
        List<String> out = new ArrayList<>();
        ParseLog log = doc.arena().log();
        for (int i = 0; i < log.diagnosticCount(); i++) out.add(log.diagnostic(i).code + " " + DiagnosticMessages.message(log, i, doc.arena().names()));
        return out;
    }

    private static Path copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.collect(Collectors.toList())) {
                // the published configs extend files outside the package: without them every source file is the project's
                if (p.getFileName().toString().startsWith("tsconfig")) continue;
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return to;
    }
}
