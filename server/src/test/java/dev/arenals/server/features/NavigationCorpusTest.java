package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.tree.Arena;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.RenamePlan;
import dev.arenals.server.query.SymbolIndex;
import dev.arenals.server.query.Target;
import dev.arenals.server.query.TargetResolver;
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
import java.util.stream.Stream;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Differential check over real files (the real-world corpus the test-fixtures module fetches,
 * pinned, into the cache): definition at every sampled reference is the declaration the binder
 * reports; every sampled symbol's references contain its declaration and all its binder
 * references; renaming a random symbol and reparsing gives no diagnostics and the same number of
 * occurrences under the new name.
 */
class NavigationCorpusTest {
    private static final int FILES = 240;

    @Test
    void navigationAgreesWithTheBinderOnRealFiles() throws IOException {
        List<Path> files = corpusFiles();
        Assumptions.assumeTrue(files.size() >= FILES, "the real-world corpus is not in the cache: run the test-fixtures tests first");
        Random random = new Random(16);
        int checked = 0, references = 0, symbols = 0, renamed = 0, refused = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Document doc = Docs.parsed(file.toUri().toString(), text);
            if (doc.arena() == null || doc.arena().log().diagnosticCount() > 0 || doc.scopes() == null) continue; // the oracle's rejects, recovered trees
            checked++;
            DocumentQuery q = DocumentQuery.of(doc);
            Arena arena = q.arena();
            ScopeTable scopes = q.scopes();
            SymbolIndex index = q.index();
            int refCount = scopes.referenceCount();
            int stride = Math.max(1, refCount / 300);
            DefinitionHandler definitions = new DefinitionHandler();
            for (int i = 0; i < refCount; i += stride) {
                int node = scopes.referenceNode(i);
                int symbol = scopes.symbolOfNode(node);
                if (symbol < 0 || !q.isDeclared(symbol)) continue;
                Target target = new TargetResolver(q).at(arena.start(node));
                if (target == null || target.kind != Target.SYMBOL) continue; // an enum's own member (the binder resolves it outside)
                assertEquals(node, q.identifierAt(arena.start(node)), file + ": the name at " + arena.start(node));
                List<Range> found = ranges(definitions.definition(doc, doc.positionAt(arena.start(node))));
                Range expected = q.rangeOfNode(scopes.declarationNode(symbol));
                assertTrue(found.contains(expected), file + ": definition of " + scopes.name(symbol) + " at " + doc.positionAt(arena.start(node))
                        + " is " + found + ", the binder says " + expected);
                references++;
            }
            int symbolStride = Math.max(1, scopes.symbolCount() / 40);
            ReferencesHandler referencesHandler = new ReferencesHandler();
            for (int s = 0; s < scopes.symbolCount(); s += symbolStride) {
                if (!q.isDeclared(s)) continue;
                int decl = scopes.declarationNode(s);
                List<Range> found = ranges(referencesHandler.references(doc, doc.positionAt(arena.start(decl)), true));
                if (new TargetResolver(q).at(arena.start(decl)).node != decl) continue; // another name on the same span
                assertTrue(found.contains(q.rangeOfNode(decl)), file + ": references of " + scopes.name(s) + " lack its declaration");
                for (int ref : scopes.references(s)) {
                    if (Arrays_contains(SymbolIndexAccess.enumMemberUses(arena), ref)) continue;
                    assertTrue(found.contains(q.rangeOfNode(ref)), file + ": references of " + scopes.name(s) + " lack " + q.rangeOfNode(ref));
                }
                symbols++;
            }
            // rename one random declared symbol that is reached only through scopes
            for (int attempt = 0; attempt < 10; attempt++) {
                int s = random.nextInt(Math.max(1, scopes.symbolCount()));
                if (scopes.symbolCount() == 0 || !q.isDeclared(s)) continue;
                int decl = scopes.declarationNode(s);
                Target target = new TargetResolver(q).at(arena.start(decl));
                if (target == null || target.kind != Target.SYMBOL || target.accessGroup >= 0 || target.node != decl) continue;
                String newName = scopes.name(s) + "Renamed7";
                List<RenamePlan.Edit> edits;
                try {
                    edits = RenamePlan.at(q, arena.start(decl)).edits(newName);
                } catch (RenamePlan.Refused e) {
                    refused++;
                    break;
                }
                String after = apply(text, edits);
                Document renamedDoc = Docs.parsed(file.toUri().toString(), after);
                assertEquals(0, renamedDoc.arena().log().diagnosticCount(), file + ": renaming " + scopes.name(s) + " made diagnostics");
                int inDocComments = dev.arenals.server.query.JsDocMentions.of(q, target).length / 2; // {@link name}: no tree node
                assertEquals(edits.size() - inDocComments, occurrencesNamed(renamedDoc, newName), file + ": occurrences of " + newName + " after renaming");
                renamed++;
                break;
            }
        }
        System.out.printf("navigation corpus: %d files, %d references, %d symbols, %d renames (%d refused)%n", checked, references, symbols, renamed, refused);
        assertTrue(checked >= 200, "files checked: " + checked);
        assertTrue(renamed >= 150 && refused * 10 <= renamed, "renamed " + renamed + ", refused " + refused);
    }

    /** Occurrences of every merged name spelled {@code name}, as the index of a fresh parse has them. */
    private static int occurrencesNamed(Document doc, String name) {
        DocumentQuery q = DocumentQuery.of(doc);
        SymbolIndex index = q.index();
        Set<Integer> groups = new HashSet<>();
        int n = 0;
        for (int s = 0; s < q.scopes().symbolCount(); s++) {
            if (q.scopes().name(s).equals(name) && q.isDeclared(s) && groups.add(index.groupOf(s))) n += index.occurrenceCount(index.groupOf(s));
        }
        return n;
    }

    private static boolean Arrays_contains(long[] sorted, int node) { return java.util.Arrays.binarySearch(sorted, node) >= 0; }

    /** Package access to the index's enum rule for this test. */
    static final class SymbolIndexAccess {
        static long[] enumMemberUses(Arena arena) { return arena.isTypeScript() ? dev.arenals.server.query.SymbolIndex.enumMemberUsesForTests(arena) : new long[0]; }
    }

    private static String apply(String text, List<RenamePlan.Edit> edits) {
        List<RenamePlan.Edit> sorted = new ArrayList<>(edits);
        sorted.sort((a, b) -> Integer.compare(b.start, a.start));
        StringBuilder sb = new StringBuilder(text);
        for (RenamePlan.Edit e : sorted) sb.replace(e.start, e.end, e.text);
        return sb.toString();
    }

    private static List<Range> ranges(List<Location> locations) {
        List<Range> out = new ArrayList<>();
        for (Location l : locations) out.add(l.getRange());
        return out;
    }

    /** Files of the corpus packages in the cache, 2-60 KB, spread over the packages, in a fixed order. */
    static List<Path> corpusFiles() throws IOException {
        String cacheDir = System.getenv("ARENA_LS_CACHE");
        Path npm = (cacheDir != null ? Path.of(cacheDir) : Path.of(System.getProperty("user.home"), ".cache", "arena-ls")).resolve("npm");
        List<String> packages = List.of("typescript@6.0.3", "rxjs@7.8.2", "effect@4.1.0", "zod@4.6.7", "reactstrap@9.2.3", "create-vite@9.3.0");
        List<List<Path>> perPackage = new ArrayList<>();
        for (String pkg : packages) {
            Path root = npm.resolve(pkg).resolve("package");
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> walk = Files.walk(root)) {
                List<Path> files = new ArrayList<>(walk.filter(p -> {
                    String n = p.getFileName().toString();
                    if (p.toString().contains("node_modules") || !n.matches(".*\\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)")) return false;
                    try {
                        long size = Files.size(p);
                        return size >= 2_000 && size <= 60_000;
                    } catch (IOException e) {
                        return false;
                    }
                }).sorted().toList());
                perPackage.add(files);
            }
        }
        List<Path> out = new ArrayList<>();
        for (int i = 0; out.size() < FILES + 60; i++) {
            boolean any = false;
            for (List<Path> files : perPackage) {
                int stride = Math.max(1, files.size() / 60);
                if (i * stride < files.size()) { out.add(files.get(i * stride)); any = true; }
            }
            if (!any) break;
        }
        return out;
    }
}
