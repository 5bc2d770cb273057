package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.document.Document;
import dev.arenals.server.protocol.ServerSettings.ParameterNameHints;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.testing.Docs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Bad input never breaks the assistance features: on real files and on the same files with random
 * spans deleted or duplicated (unfinished calls, unclosed strings and tags), signature help at
 * random offsets, inlay hints over the whole text, code actions at random ranges, the unused hints
 * and organize imports answer without throwing, and every edit lies inside the text.
 */
class AssistRobustnessTest {
    @Test
    void assistanceSurvivesRealAndMangledFiles() throws IOException {
        List<Path> files = OrganizeImportsCorpusTest.corpusFiles();
        Assumptions.assumeTrue(files.size() >= 6000, "the real-world corpus is not labelled in the cache");
        Random random = new Random(19);
        int documents = 0;
        for (int i = 0; i < 120; i++) {
            Path file = files.get(random.nextInt(files.size()));
            if (Files.size(file) > 60_000) continue;
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (int variant = 0; variant < 3; variant++) {
                String t = variant == 0 ? text : mangle(text, random);
                exercise(Docs.parsed(file.toUri().toString(), t), random);
                documents++;
            }
        }
        assertTrue(documents > 100, documents + " documents");
    }

    private static void assertEditsInside(Document doc, org.eclipse.lsp4j.CodeAction action) {
        if (action == null || action.getEdit() == null || action.getEdit().getChanges() == null) return;
        for (var edits : action.getEdit().getChanges().values()) {
            for (var e : edits) {
                int start = doc.offsetAt(e.getRange().getStart()), end = doc.offsetAt(e.getRange().getEnd());
                assertTrue(0 <= start && start <= end && end <= doc.length(), doc.uri() + ": " + action.getTitle() + " edit " + e);
            }
        }
    }

    private static String mangle(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        for (int k = 0; k < 4 && sb.length() > 2; k++) {
            int at = random.nextInt(sb.length() - 1);
            int len = 1 + random.nextInt(Math.min(40, sb.length() - at - 1));
            if (random.nextBoolean()) sb.delete(at, at + len);
            else sb.insert(at, sb.substring(at, at + len));
        }
        return sb.toString();
    }

    private static void exercise(Document doc, Random random) {
        int length = doc.length();
        SignatureHelpHandler signatures = new SignatureHelpHandler();
        for (int k = 0; k < 40; k++) signatures.signatureHelp(doc, doc.positionAt(random.nextInt(length + 1)), null, null);
        Range all = new Range(new Position(0, 0), doc.positionAt(length));
        InlayHintHandler inlay = new InlayHintHandler();
        inlay.inlayHints(doc, all, ParameterNameHints.ALL, null, null);
        inlay.inlayHints(doc, all, ParameterNameHints.LITERALS, null, null);
        UnusedCode.hints(doc);
        CodeActionHandler actions = new CodeActionHandler();
        for (int k = 0; k < 10; k++) {
            int a = random.nextInt(length + 1), b = Math.min(length, a + random.nextInt(200));
            actions.codeActions(doc, new Range(doc.positionAt(a), doc.positionAt(b)), null, null);
        }
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return;
        // the refactorings that start at a node's head: every class (implement interface), && chain, export and const
        dev.arenals.parser.tree.Arena tree = q.arena();
        for (int n = 0; n < tree.nodeCount(); n++) {
            int k = tree.kind(n);
            if (k == CLASS_DECLARATION || k == FUNCTION_DECLARATION || k == BINARY || k == EXPORT_NAMED || k == EXPORT_DEFAULT || k == VARIABLE_DECLARATOR) {
                Position at = doc.positionAt(tree.start(n));
                for (var action : actions.codeActions(doc, new Range(at, at), null, null)) assertEditsInside(doc, action.getRight());
            }
        }
        // parameters to a destructured object, with this file's calls, at every function and const head
        for (int n = 0; n < tree.nodeCount(); n++) {
            if (tree.kind(n) != FUNCTION_DECLARATION && tree.kind(n) != VARIABLE_DECLARATOR) continue;
            ConvertParameters.Conversion c = ConvertParameters.at(q, tree.start(n), tree.start(n));
            if (c == null) continue;
            List<Range> uses = new java.util.ArrayList<>();
            int symbol = q.symbolOfNode(q.identifierAt(c.nameStart()));
            for (int i = 0; i < q.scopes().referenceCount(); i++) {
                if (symbol >= 0 && q.scopes().symbolOfNode(q.scopes().referenceNode(i)) == symbol) uses.add(q.rangeOfNode(q.scopes().referenceNode(i)));
            }
            try {
                List<org.eclipse.lsp4j.TextEdit> edits = new java.util.ArrayList<>(ConvertParameters.declarationEdits(q, c));
                edits.addAll(ConvertParameters.callEdits(q, uses, c));
                for (var e : edits) assertTrue(doc.offsetAt(e.getRange().getStart()) <= doc.offsetAt(e.getRange().getEnd()), doc.uri() + ": " + e);
            } catch (dev.arenals.server.query.RenamePlan.Refused refused) {
                // a use no call rewrite reaches: an answer, not a failure
            }
        }
        // an export conversion's edits of this file as an importer of each module it imports, both ways
        java.nio.file.Path self = java.nio.file.Path.of(java.net.URI.create(doc.uri()));
        for (int n = tree.firstChild(tree.root()); n >= 0; n = tree.nextSibling(n)) {
            if (tree.kind(n) != IMPORT_DECLARATION && tree.kind(n) != EXPORT_NAMED && tree.kind(n) != EXPORT_ALL) continue;
            int source = dev.arenals.parser.tree.Layouts.moduleSource(tree, n);
            if (source < 0 || tree.end(source) - tree.start(source) < 2) continue;
            java.nio.file.Path module = dev.arenals.server.workspace.ModuleResolver.resolveFrom(self, tree.text(tree.start(source) + 1, tree.end(source) - 1));
            if (module == null) continue;
            for (boolean toDefault : new boolean[] {true, false}) {
                try {
                    for (var e : ConvertExport.importerEdits(q, self, module, new ConvertExport.Conversion(toDefault, -1, -1, "x"))) {
                        assertTrue(doc.offsetAt(e.getRange().getStart()) <= doc.offsetAt(e.getRange().getEnd()), doc.uri() + ": " + e);
                    }
                } catch (dev.arenals.server.query.RenamePlan.Refused refused) {
                    // a reader no edit follows: an answer, not a failure
                }
            }
        }
        int previousEnd = 0;
        for (OrganizeImports.Edit e : OrganizeImports.edits(q)) {
            assertTrue(e.start() >= previousEnd && e.start() <= e.end() && e.end() <= length, doc.uri() + ": edit " + e);
            previousEnd = e.end();
        }
    }
}
