package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code source.removeUnused.ts} and {@code source.fixAll.ts} on real files: applied to a sample of
 * the corpus, each leaves a file that parses and binds with exactly the diagnostics it had, and
 * removing the unused code again finds fewer unused declarations than before (never more).
 */
class RemoveUnusedCorpusTest {
    @Test
    void removingAllUnusedCodeKeepsEveryFileWellFormed() throws IOException {
        List<Path> files = OrganizeImportsCorpusTest.corpusFiles();
        Assumptions.assumeTrue(files.size() >= 6000, "the real-world corpus is not labelled in the cache: run the test-fixtures tests first");
        int step = files.size() / 600, changed = 0, removed = 0;
        List<String> failures = new ArrayList<>();
        for (int f = 0; f < files.size() && failures.size() < 10; f += step) {
            Path file = files.get(f);
            if (Files.size(file) > 100_000) continue;
            String original = Files.readString(file, StandardCharsets.UTF_8);
            // as published (little is unused there), and with an unused import put in front
            for (String text : List.of(original, "import { unusedOne, unusedTwo } from './zz';\n" + original)) {
            Document doc = Docs.parsed(file.toUri().toString(), text);
            if (doc.arena().log().diagnosticCount() > 0) continue;
            for (String kind : List.of(CodeActionHandler.REMOVE_UNUSED, CodeActionHandler.FIX_ALL)) {
                List<CodeAction> found = CodeActionHandlerTest.actions(doc, 0, List.of(kind));
                assertEquals(1, found.size(), kind + " answered once");
                List<TextEdit> edits = found.get(0).getEdit().getChanges().get(doc.uri());
                if (edits.isEmpty()) continue;
                String after = CodeActionHandlerTest.apply(doc, edits);
                Document again = Docs.parsed(doc.uri(), after);
                if (again.arena().log().diagnosticCount() > 0) {
                    failures.add(file + " " + kind + ": " + again.arena().log().diagnosticCount() + " diagnostics after\n" + after);
                    continue;
                }
                if (kind.equals(CodeActionHandler.REMOVE_UNUSED)) {
                    changed++;
                    removed += edits.size();
                    // progress: some name unused before is gone (removing `const x: T` may leave `type T` unused: a new one)
                    List<String> before = unusedNames(doc), left = unusedNames(again);
                    boolean progress = false;
                    for (String name : before) progress |= java.util.Collections.frequency(left, name) < java.util.Collections.frequency(before, name);
                    if (!progress) failures.add(file + ": unused before " + before + ", after " + left);
                }
            }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(changed > 250, "files with unused code: " + changed);
        System.out.println("remove unused on the corpus: " + changed + " files, " + removed + " removals, every file well formed after");
    }

    private static List<String> unusedNames(Document doc) {
        dev.arenals.server.query.DocumentQuery q = dev.arenals.server.query.DocumentQuery.of(doc);
        List<String> names = new ArrayList<>();
        for (int sym : UnusedCode.unusedSymbols(q)) names.add(q.scopes().name(sym));
        return names;
    }
}
