package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.server.document.Document;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.features.CrossFileReferences;
import dev.arenals.server.features.CrossFileRename;
import dev.arenals.server.workspace.CrossFileNavigator;
import org.eclipse.lsp4j.TextEdit;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.testing.Docs;
import dev.arenals.server.testing.InProcessServer;
import dev.arenals.server.workspace.FileSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * References to {@code ns.member} in closed files are read from the summary's uses of {@code ns}
 * and the text after them, without a parse ({@link CrossFileReferences#memberUsesWithoutParse});
 * judged on effect's sources (which import modules as namespaces everywhere) against the parse's
 * answer for every namespace import and every member name its file uses, and for names it does not;
 * the same for a rename's edits of those files.
 */
class NamespaceMembersWithoutParseTest {
    private static final Path EFFECT = Path.of(System.getProperty("user.home"), ".cache", "arena-ls", "npm", "effect@4.1.0", "package", "src");

    @Test
    void theSummaryAndTheTextGiveWhatTheParseGives() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(EFFECT), "the npm packages are not fetched: run the test-fixtures tests first");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(EFFECT)) {
            walk.filter(p -> p.toString().endsWith(".ts") && !p.toString().endsWith(".d.ts")).sorted().forEach(files::add);
        }
        try (InProcessServer s = new InProcessServer()) {
            InitializeParams params = new InitializeParams();
            params.setCapabilities(InProcessServer.capabilities(false, null));
            params.setRootUri(EFFECT.toUri().toString());
            get(s.remote.initialize(params));
            s.remote.initialized(new InitializedParams());
            s.server.indexing().get(120, TimeUnit.SECONDS);
            CrossFileReferences parsed = new CrossFileReferences();
            int sites = 0, fromSummary = 0, uses = 0;
            for (int f = 0; f < files.size(); f += 7) {
                Path file = files.get(f);
                FileSummary summary = s.server.workspaceIndex().summary(file);
                if (summary == null) continue;
                String uri = summary.uri();
                Document doc = Docs.parsed(uri, Files.readString(file));
                DocumentQuery q = DocumentQuery.of(doc);
                if (q == null) continue;
                Arena a = q.arena();
                for (int n = a.firstChild(a.root()); n >= 0; n = a.nextSibling(n)) {
                    if (a.kind(n) != NodeKind.IMPORT_DECLARATION) continue;
                    for (int spec = a.firstChild(n); spec >= 0; spec = a.nextSibling(spec)) {
                        if (a.kind(spec) != NodeKind.IMPORT_NAMESPACE_SPECIFIER) continue;
                        int local = a.firstChild(spec);
                        Position binding = doc.positionAt(a.start(local));
                        TreeSet<String> members = new TreeSet<>(List.of("noSuchMember"));
                        for (int m = 0; m < a.nodeCount(); m++) {
                            if (a.kind(m) != NodeKind.MEMBER && a.kind(m) != NodeKind.QUALIFIED_NAME) continue;
                            int object = Layouts.memberObject(a, m), property = Layouts.memberProperty(a, m);
                            if (property >= 0 && a.kind(object) == NodeKind.IDENTIFIER_REFERENCE && q.symbolOfNode(object) == q.symbolOfNode(local)
                                    && a.kind(property) == NodeKind.IDENTIFIER_NAME) members.add(q.text(property));
                        }
                        for (String member : members) {
                            CrossFileReferences.Site site = new CrossFileReferences.Site(uri, file, binding, member);
                            sites++;
                            List<Location> quick = CrossFileReferences.memberUsesWithoutParse(site, s.server.workspaceIndex(), PositionEncoding.UTF16, 1 << 24);
                            if (quick == null) continue;
                            fromSummary++;
                            List<Location> slow = parsed.memberUses(doc, binding, member);
                            uses += slow.size();
                            assertEquals(starts(slow), starts(quick), file + " " + q.text(local) + "." + member);
                            // and a rename's edits of the file
                            List<CrossFileNavigator.RenameSite> renameSites = List.of(new CrossFileNavigator.RenameSite(file, CrossFileNavigator.RenameKind.MEMBER_USES, q.text(local), member));
                            List<TextEdit> quickEdits = CrossFileRename.memberEditsWithoutParse(summary, renameSites, "renamed", s.server.workspaceIndex(), PositionEncoding.UTF16, 1 << 24);
                            List<TextEdit> slowEdits = new CrossFileRename().edits(doc, renameSites, "renamed");
                            assertEquals(editStarts(slowEdits), editStarts(quickEdits), "rename " + file + " " + q.text(local) + "." + member);
                        }
                    }
                }
                doc.close();
            }
            System.out.println("namespace members: " + sites + " sites, " + fromSummary + " answered from summaries with " + uses + " uses, as the parse");
            assertTrue(fromSummary > 1000 && fromSummary * 10 > sites * 8, "most sites answered without a parse: " + fromSummary + " of " + sites);
        }
    }

    private static List<String> editStarts(List<TextEdit> edits) {
        List<String> out = new ArrayList<>();
        for (TextEdit e : edits) out.add(e.getRange().getStart().getLine() + ":" + e.getRange().getStart().getCharacter() + "-" + e.getRange().getEnd().getCharacter() + " " + e.getNewText());
        out.sort(null);
        return out;
    }

    private static List<String> starts(List<Location> locations) {
        List<String> out = new ArrayList<>();
        for (Location l : locations) out.add(l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter() + "-" + l.getRange().getEnd().getCharacter());
        out.sort(null);
        return out;
    }
}
