package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.testing.Docs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * "Move to a new file" on real modules: top-level declarations of a fixed sample of the real-world
 * corpus moved one at a time, and what it promises checked on both files — each parses and binds
 * (the old one with exactly its diagnostics), every reference of the moved code means in the new file
 * what it meant (its own declaration, the same module's import, the old file's declaration through
 * an import of the old file, or the same global), every reference left in the old file too (a moved
 * declaration through an import of the new file), and every name the old file exported it still does.
 */
class MoveToNewFileCorpusTest {
    private static final int FILES = 400, PER_FILE = 6;

    @Test
    void movedAndKeptReferencesMeanWhatTheyMeant() throws IOException {
        List<Path> files = OrganizeImportsCorpusTest.corpusFiles();
        Assumptions.assumeTrue(files.size() >= 6000, "the real-world corpus is not labelled in the cache: run the test-fixtures tests first");
        int step = files.size() / FILES, moves = 0, refused = 0, checked = 0;
        List<String> failures = new ArrayList<>();
        for (int f = 0; f < files.size() && failures.size() < 10; f += step) {
            Path file = files.get(f);
            if (Files.size(file) > 60_000 || file.toString().endsWith(".d.ts")) continue;
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String uri = file.toUri().toString();
            Document doc = Docs.parsed(uri, text);
            DocumentQuery q = DocumentQuery.of(doc);
            if (q == null || doc.arena().log().diagnosticCount() > 0) continue;
            Arena a = q.arena();
            List<Integer> statements = new ArrayList<>();
            for (int s = a.firstChild(a.root()); s >= 0; s = a.nextSibling(s)) statements.add(s);
            int stride = Math.max(1, statements.size() / PER_FILE);
            for (int i = 0; i < statements.size(); i += stride) {
                int s = statements.get(i);
                CodeAction action = MoveToNewFile.action(q, a.start(s), a.start(s), u -> u.equals(uri));
                if (action == null) { refused++; continue; }
                moves++;
                checked += check(file + " at " + a.start(s), doc, q, action, failures);
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(moves > 300 && checked > 3000, "moves " + moves + ", references " + checked);
        System.out.println("move to a new file on the corpus: " + moves + " moves (" + refused + " statements refused), " + checked
                + " references in both files mean what they meant, diagnostics unchanged, every export kept");
    }

    private static int check(String what, Document doc, DocumentQuery q, CodeAction action, List<String> failures) {
        List<Either<TextDocumentEdit, org.eclipse.lsp4j.ResourceOperation>> changes = action.getEdit().getDocumentChanges();
        TextDocumentEdit created = changes.get(1).getLeft(), kept = changes.get(2).getLeft();
        String newUri = created.getTextDocument().getUri();
        String newText = created.getEdits().get(0).getLeft().getNewText();
        List<TextEdit> edits = new ArrayList<>();
        for (Either<TextEdit, ?> e : kept.getEdits()) edits.add(e.getLeft());
        String oldText = CodeActionHandlerTest.apply(doc, edits);
        Document newDoc = Docs.parsed(newUri, newText), oldDoc = Docs.parsed(doc.uri(), oldText);
        DocumentQuery nq = DocumentQuery.of(newDoc), oq = DocumentQuery.of(oldDoc);
        if (newDoc.arena().log().diagnosticCount() > 0 || oldDoc.arena().log().diagnosticCount() > 0 || nq == null || oq == null) {
            failures.add(what + ": diagnostics after the move\n--- new\n" + newText + "\n--- old\n" + oldText);
            return 0;
        }
        String newName = newUri.substring(newUri.lastIndexOf('/') + 1), oldName = doc.uri().substring(doc.uri().lastIndexOf('/') + 1);
        // where the moved text was: the span the old file's edit removed (its largest deletion)
        int movedStart = -1, movedEnd = -1;
        for (TextEdit e : edits) {
            int s = doc.offsetAt(e.getRange().getStart()), en = doc.offsetAt(e.getRange().getEnd());
            if (en - s > movedEnd - movedStart && !isImportRegion(q.arena(), s, en)) { movedStart = s; movedEnd = en; }
        }
        List<Integer> movedRefs = new ArrayList<>(), keptRefs = new ArrayList<>();
        ScopeTable t = q.scopes();
        for (int i = 0; i < t.referenceCount(); i++) {
            int ref = t.referenceNode(i);
            int at = q.arena().start(ref);
            (at >= movedStart && at < movedEnd ? movedRefs : keptRefs).add(ref);
        }
        int n = 0;
        n += compare(what + " (new file)", q, movedRefs, nq, allReferences(nq), movedStart, movedEnd, true, stem(oldName), failures);
        if (failures.isEmpty()) n += compare(what + " (old file)", q, keptRefs, oq, allReferences(oq), movedStart, movedEnd, false, stem(newName), failures);
        Set<String> before = exportedNames(q), after = exportedNames(oq);
        after.addAll(exportedNames(nq)); // re-exported from it: checked by name below
        if (!after.containsAll(before)) failures.add(what + ": exports " + before + " became " + exportedNames(oq) + "\n" + oldText);
        return n;
    }

    private static boolean isImportRegion(Arena a, int start, int end) {
        for (int s = a.firstChild(a.root()); s >= 0; s = a.nextSibling(s)) {
            if (a.kind(s) == IMPORT_DECLARATION && a.start(s) >= start && a.start(s) < end) return true;
        }
        return false;
    }

    private static List<Integer> allReferences(DocumentQuery q) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < q.scopes().referenceCount(); i++) out.add(q.scopes().referenceNode(i));
        out.sort((x, y) -> Integer.compare(q.arena().start(x), q.arena().start(y)));
        return out;
    }

    /**
     * The references of one side before (in source order) against the file's after, one for one:
     * each must resolve to the same kind of thing, as the move promises.
     */
    private static int compare(String what, DocumentQuery q, List<Integer> before, DocumentQuery q2, List<Integer> after,
            int movedStart, int movedEnd, boolean intoNew, String otherStem, List<String> failures) {
        before.sort((x, y) -> Integer.compare(q.arena().start(x), q.arena().start(y)));
        if (before.size() != after.size()) {
            failures.add(what + ": " + before.size() + " references before, " + after.size() + " after");
            return 0;
        }
        for (int i = 0; i < before.size(); i++) {
            int r = before.get(i), r2 = after.get(i);
            String name = q.text(r), name2 = q2.text(r2);
            if (!name.equals(name2)) {
                failures.add(what + ": reference " + i + " is " + name + " before, " + name2 + " after");
                return i;
            }
            String was = meaning(q, r, movedStart, movedEnd, intoNew, otherStem), is = meaning(q2, r2, -1, -1, intoNew, null);
            if (!was.equals(is)) {
                failures.add(what + ": `" + name + "` at " + q.arena().start(r) + " meant " + was + ", now " + is + "\n" + q2.document().text());
                return i;
            }
        }
        return before.size();
    }

    /**
     * What a reference means, as the move should keep it: "global", "import M" (M the module
     * specifier), or "local NAME". Before the move, a declaration on the other side of the move is
     * "import ./OTHER" (the specifier with or without an extension, compared by stem).
     */
    private static String meaning(DocumentQuery q, int ref, int movedStart, int movedEnd, boolean intoNew, String otherStem) {
        ScopeTable t = q.scopes();
        Arena a = q.arena();
        int sym = t.symbolOfNode(ref);
        if (sym < 0 || !q.isDeclared(sym)) return "global";
        if (t.kind(sym) == SymbolKind.IMPORT) {
            for (int p = t.declaringNode(sym); p >= 0; p = q.parentOf(p)) {
                if (a.kind(p) == IMPORT_DECLARATION) {
                    for (int c = a.firstChild(p); c >= 0; c = a.nextSibling(c)) {
                        if (a.kind(c) == STRING_LITERAL) return "import " + stemOfSpecifier(a.text(a.start(c) + 1, a.end(c) - 1));
                    }
                }
            }
            return "import ?";
        }
        int decl = t.declarationNode(sym);
        if (otherStem != null && t.scope(sym) == 0) {
            boolean declaredInMoved = a.start(decl) >= movedStart && a.start(decl) < movedEnd;
            if (declaredInMoved != intoNew) return "import " + stemOfSpecifier("./" + otherStem);
        }
        return "local " + t.name(sym);
    }

    /** A relative specifier without its extension: ./a.js and ./a name the same file here. */
    private static String stemOfSpecifier(String specifier) {
        if (!specifier.startsWith("./") && !specifier.startsWith("../")) return specifier;
        return specifier.replaceAll("\\.(m|c)?[jt]sx?$", "");
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static Set<String> exportedNames(DocumentQuery q) {
        Arena a = q.arena();
        ScopeTable t = q.scopes();
        Set<String> out = new HashSet<>();
        for (int s = a.firstChild(a.root()); s >= 0; s = a.nextSibling(s)) {
            int k = a.kind(s);
            if (k == EXPORT_DEFAULT) out.add("default");
            if (k == EXPORT_ALL) out.add("* " + a.text(a.start(s), a.end(s)));
            if (k != EXPORT_NAMED) continue;
            boolean specifiers = false;
            for (int c = a.firstChild(s); c >= 0; c = a.nextSibling(c)) {
                if (a.kind(c) != EXPORT_SPECIFIER) continue;
                specifiers = true;
                int local = a.firstChild(c), exported = a.nextSibling(local);
                out.add(exported < 0 ? a.text(a.start(local), a.end(local)) : a.text(a.start(exported), a.end(exported)));
            }
            if (specifiers) continue;
            for (int sym = 0; sym < t.symbolCount(); sym++) {
                if (t.scope(sym) != 0 || !q.isDeclared(sym)) continue;
                int decl = t.declarationNode(sym);
                if (decl >= 0 && a.start(decl) >= a.start(s) && a.start(decl) < a.end(s)) out.add(t.name(sym));
            }
        }
        return out;
    }
}
