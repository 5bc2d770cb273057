package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.TreePaths;
import dev.arenals.server.testing.Docs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Completion against the binder over real files (NavigationCorpusTest's corpus): at the start of
 * sampled references, every symbol the binder says is visible there (in the reference's
 * declaration space) is offered, and every name offered as a scope name is one the binder says
 * is visible. Then a fuzz: completion at random offsets of each file, and at the end of the file
 * cut at random places (unfinished code), never throws.
 */
class CompletionCorpusTest {
    private static final int REFERENCES_PER_FILE = 12;
    private static final int RANDOM_OFFSETS_PER_FILE = 25;

    @Test
    void completionOffersWhatTheBinderSeesAndNothingElseAndNeverFails() throws IOException {
        List<Path> files = NavigationCorpusTest.corpusFiles();
        Assumptions.assumeTrue(files.size() >= 200, "the real-world corpus is not in the cache: run the test-fixtures tests first");
        Random random = new Random(19);
        CompletionHandler handler = new CompletionHandler();
        int checkedFiles = 0, positions = 0, fuzzed = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Document doc = Docs.parsed(file.toUri().toString(), text);
            if (doc.arena() == null || doc.scopes() == null || doc.arena().log().diagnosticCount() > 0) continue;
            DocumentQuery q = DocumentQuery.of(doc);
            Arena arena = q.arena();
            ScopeTable scopes = q.scopes();
            int refs = scopes.referenceCount();
            if (refs == 0) continue;
            checkedFiles++;
            for (int n = 0; n < REFERENCES_PER_FILE; n++) {
                int r = random.nextInt(refs);
                int node = scopes.referenceNode(r);
                if (arena.kind(node) != NodeKind.IDENTIFIER_REFERENCE) continue;
                int parent = TreePaths.parent(arena, node);
                int pk = parent < 0 ? -1 : arena.kind(parent);
                // names in export lists and JSX are completed by their own rules
                if (pk == NodeKind.EXPORT_SPECIFIER || pk == NodeKind.EXPORT_DEFAULT && !arena.isModule()) continue;
                int offset = arena.start(node);
                boolean type = scopes.isTypeReference(r);
                CompletionList list = handler.complete(doc, doc.positionAt(offset), null, false);
                Set<String> offered = new HashSet<>();
                Set<String> scopeNames = new HashSet<>();
                for (CompletionItem item : list.getItems()) {
                    offered.add(item.getLabel());
                    char group = item.getSortText().charAt(0);
                    if (group == CompletionHandler.G_LOCAL || group == CompletionHandler.G_OUTER || group == CompletionHandler.G_MODULE) {
                        scopeNames.add(item.getLabel());
                    }
                }
                Set<String> visible = new HashSet<>();
                List<String> missing = new ArrayList<>();
                for (int symbol : scopes.visibleSymbols(offset)) {
                    String name = scopes.name(symbol);
                    visible.add(name);
                    // a type-only import (import type, { type X }) is offered in types only
                    boolean typeOnlyImport = !type && scopes.kind(symbol) == dev.arenals.parser.scope.SymbolKind.IMPORT
                            && new CompletionMembers(q, null, null).importsOnlyAType(scopes.declarationNode(symbol));
                    if (CompletionHandler.offered(scopes.kind(symbol), type ? 1 : 0) && !typeOnlyImport && !offered.contains(name)) missing.add(name);
                }
                String at = file + " at " + doc.positionAt(offset) + " (" + arena.text(offset, Math.min(arena.sourceLength(), offset + 30)).replace('\n', ' ') + ")";
                if (!missing.isEmpty()) fail(at + ": visible but not offered: " + missing);
                for (String name : scopeNames) {
                    if (!visible.contains(name)) fail(at + ": offered as in scope but the binder does not see it: " + name);
                }
                positions++;
            }
            // fuzz: anywhere in the file, and at the end of the file cut short
            for (int n = 0; n < RANDOM_OFFSETS_PER_FILE; n++) {
                int offset = random.nextInt(text.length() + 1);
                completeOrFail(handler, doc, offset, file);
                fuzzed++;
            }
            for (int n = 0; n < 2; n++) {
                int cut = random.nextInt(text.length() + 1);
                Document broken = Docs.parsed(file.toUri().toString(), text.substring(0, cut));
                completeOrFail(handler, broken, cut, file);
                if (cut > 0) completeOrFail(handler, broken, cut - 1, file);
                fuzzed++;
            }
        }
        System.out.printf("completion corpus: %d files, %d reference positions checked, %d fuzzed positions%n", checkedFiles, positions, fuzzed);
        assertTrue(checkedFiles >= 200, "files checked: " + checkedFiles);
        assertTrue(positions >= 1_500, "positions checked: " + positions);
    }

    private static void completeOrFail(CompletionHandler handler, Document doc, int offset, Path file) {
        try {
            CompletionList list = handler.complete(doc, doc.positionAt(offset), null, true);
            for (CompletionItem item : list.getItems()) {
                if (item.getLabel() == null || item.getLabel().isEmpty() || item.getSortText() == null) fail(file + " at " + offset + ": an item without a label or sortText");
            }
        } catch (RuntimeException e) {
            throw new AssertionError(file + ": completion at offset " + offset + " threw", e);
        }
    }
}
