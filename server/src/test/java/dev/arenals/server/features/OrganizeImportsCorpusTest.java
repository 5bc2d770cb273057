package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.DiagnosticMessages;
import dev.arenals.parser.tree.ParseLog;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.testing.Docs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Organize imports on every file of the real-world corpus (the pinned npm packages the
 * test-fixtures module fetches and labels, read from the label files in the cache): applying it
 * leaves the parser's and binder's diagnostics exactly as they were, and organizing the result
 * again changes nothing.
 */
class OrganizeImportsCorpusTest {
    @Test
    void organizeImportsKeepsDiagnosticsAndIsIdempotentOnTheCorpus() throws IOException {
        List<Path> files = corpusFiles();
        Assumptions.assumeTrue(files.size() >= 6000, "the real-world corpus is not labelled in the cache: run the test-fixtures tests first");
        int organized = 0, checked = 0, lostComments = 0;
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String uri = file.toUri().toString();
            Document doc = Docs.parsed(uri, text);
            DocumentQuery q = DocumentQuery.of(doc);
            if (q == null) continue;
            checked++;
            List<OrganizeImports.Edit> edits = OrganizeImports.edits(q);
            if (edits.isEmpty()) continue;
            organized++;
            List<String> before = diagnostics(doc);
            String after = apply(text, edits);
            Document again = Docs.parsed(uri, after);
            if (again.arena().log().commentCount() != doc.arena().log().commentCount()) lostComments++; // the comments on the lines of a removed import go with it
            if (!before.equals(diagnostics(again))) failures.add(file + ": diagnostics changed " + before + " → " + diagnostics(again));
            DocumentQuery q2 = DocumentQuery.of(again);
            if (q2 != null && !OrganizeImports.edits(q2).isEmpty()) failures.add(file + ": a second organize changes it again");
            if (failures.size() > 10) break;
        }
        assertEquals(List.of(), failures);
        assertTrue(organized > 100, "organized " + organized + " of " + checked + " files"); // the test must exercise rewrites
        System.out.println("organize imports: " + organized + " of " + checked + " corpus files rewritten, diagnostics unchanged, idempotent; files lost a comment of a removed import: " + lostComments);
    }

    private static List<String> diagnostics(Document doc) {
        List<String> out = new ArrayList<>();
        ParseLog log = doc.arena().log();
        for (int i = 0; i < log.diagnosticCount(); i++) out.add(log.diagnostic(i).code + " " + DiagnosticMessages.message(log, i, doc.arena().names()));
        return out;
    }

    static String apply(String text, List<OrganizeImports.Edit> edits) {
        StringBuilder sb = new StringBuilder(text);
        for (int i = edits.size() - 1; i >= 0; i--) sb.replace(edits.get(i).start(), edits.get(i).end(), edits.get(i).text());
        return sb.toString();
    }

    /** Every file listed by the corpus label files ({@code ${cache}/realworld/labels/**.tsv}). */
    static List<Path> corpusFiles() throws IOException {
        String cacheDir = System.getenv("ARENA_LS_CACHE");
        Path cache = cacheDir != null ? Path.of(cacheDir) : Path.of(System.getProperty("user.home"), ".cache", "arena-ls");
        Path labels = cache.resolve("realworld").resolve("labels");
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(labels)) return out;
        List<Path> tsv;
        try (Stream<Path> walk = Files.walk(labels)) {
            tsv = walk.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
        for (Path label : tsv) {
            Path root = null;
            for (String line : Files.readAllLines(label, StandardCharsets.UTF_8)) {
                if (line.startsWith("# root=")) root = Path.of(line.substring("# root=".length()));
                else if (!line.startsWith("#") && !line.isBlank() && root != null) {
                    Path f = root.resolve(line.substring(0, line.indexOf('\t')));
                    if (Files.isRegularFile(f)) out.add(f);
                }
            }
        }
        return out;
    }
}
