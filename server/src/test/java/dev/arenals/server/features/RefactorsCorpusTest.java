package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.DiagnosticMessages;
import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.tree.Arena;
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
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The refactorings on real code: on a fixed sample of the real-world corpus, extract every
 * expression that is offered and inline every variable that is offered, one at a time, and check
 * what each promises — the result parses and binds with the same diagnostics as before, and every
 * name the moved code reads still resolves to the same declaration (found again by its position
 * after the edit).
 */
class RefactorsCorpusTest {
    private static final int FILES = 400, PER_FILE = 25;

    @Test
    void extractedAndInlinedCodeKeepsWhatEveryNameMeans() throws IOException {
        List<Path> files = OrganizeImportsCorpusTest.corpusFiles();
        Assumptions.assumeTrue(files.size() >= 6000, "the real-world corpus is not labelled in the cache: run the test-fixtures tests first");
        int step = files.size() / FILES, accessors = 0, types = 0, extracted = 0, inlined = 0, braces = 0, templates = 0, imports = 0, extractedFunctions = 0, converted = 0, refusedExtract = 0, checkedNames = 0, exportsConverted = 0, extractedToModule = 0, chains = 0, named = 0, implemented = 0, parametersConverted = 0, parametersRefused = 0, constructorsConverted = 0;
        List<String> failures = new ArrayList<>();
        for (int f = 0; f < files.size() && failures.size() < 10; f += step) {
            Path file = files.get(f);
            if (Files.size(file) > 60_000) continue;
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String uri = file.toUri().toString();
            Document doc = Docs.parsed(uri, text);
            DocumentQuery q = DocumentQuery.of(doc);
            if (q == null || doc.arena().log().diagnosticCount() > 0) continue;
            List<String> before = diagnostics(doc);
            Arena a = q.arena();
            // extract: expressions spread over the file
            int tried = 0;
            int stride = Math.max(1, a.nodeCount() / (PER_FILE * 4));
            for (int n = 0; n < a.nodeCount() && tried < PER_FILE; n += stride) {
                int k = a.kind(n);
                if (k != CALL && k != MEMBER && k != BINARY && k != IDENTIFIER_REFERENCE && k != STRING_LITERAL && k != OBJECT) continue;
                if (q.parentOf(n) < 0) continue;
                tried++;
                CodeAction toModule = Refactors.extractConstantToModule(q, a.start(n), a.end(n));
                if (toModule != null) {
                    extractedToModule++;
                    checkedNames += check(file, "extract to module scope at " + a.start(n), doc, q, toModule, a.start(n), a.end(n), 1, before, failures);
                }
                CodeAction action = Refactors.extractConstant(q, a.start(n), a.end(n));
                if (action == null) { refusedExtract++; continue; }
                extracted++;
                checkedNames += check(file, "extract at " + a.start(n), doc, q, action, a.start(n), a.end(n), 1, before, failures);
            }
            // extract to function: expressions and single statements in function bodies
            int functions = 0;
            for (int n = 0; n < a.nodeCount() && functions < PER_FILE; n += Math.max(1, stride / 2)) {
                int k = a.kind(n);
                boolean statement = k == EXPRESSION_STATEMENT || k == IF || k == FOR_OF || k == VARIABLE_DECLARATION;
                if (!statement && k != CALL && k != BINARY && k != MEMBER) continue;
                int p = q.parentOf(n);
                if (p < 0 || statement && a.kind(p) != FUNCTION_BODY && a.kind(p) != BLOCK) continue;
                CodeAction action = Refactors.extractFunction(q, a.start(n), a.end(n));
                if (action == null) continue;
                functions++;
                extractedFunctions++;
                boolean oneLine = text.indexOf('\n', a.start(n)) < 0 || text.indexOf('\n', a.start(n)) >= a.end(n);
                checkedNames += check(file, "extract function at " + a.start(n), doc, q, action, a.start(n), a.end(n),
                        oneLine || !statement ? 1 : 0, before, failures);
            }
            // inline: every variable declared by a name with an initializer, up to the cap
            int inlinedHere = 0;
            for (int n = 0; n < a.nodeCount() && inlinedHere < PER_FILE; n++) {
                if (a.kind(n) != VARIABLE_DECLARATOR || a.kind(a.firstChild(n)) != BINDING_IDENTIFIER) continue;
                int name = a.firstChild(n);
                CodeAction action = Refactors.inlineVariable(q, a.start(name), a.start(name));
                if (action == null) continue;
                inlined++;
                inlinedHere++;
                int init = dev.arenals.parser.tree.Layouts.declaratorInit(a, n);
                checkedNames += check(file, "inline at " + a.start(name), doc, q, action, a.start(init), a.end(init),
                        action.getEdit().getChanges().get(doc.uri()).size() - 1, before, failures);
            }
            // arrow braces: every arrow, up to the cap, both ways where offered
            int arrowsHere = 0;
            for (int n = 0; n < a.nodeCount() && arrowsHere < PER_FILE; n++) {
                if (a.kind(n) != ARROW_FUNCTION) continue;
                CodeAction action = Refactors.arrowBraces(q, a.start(n), a.start(n));
                if (action == null) continue;
                braces++;
                arrowsHere++;
                // what is copied: a block's returned value, or the expression body (an object without its parentheses)
                int body = dev.arenals.parser.tree.Layouts.arrowBody(a, n);
                int value = a.kind(body) == FUNCTION_BODY ? a.firstChild(a.firstChild(body))
                        : a.kind(body) == PARENTHESIZED && a.kind(a.firstChild(body)) == OBJECT ? a.firstChild(body) : body;
                checkedNames += check(file, "arrow braces at " + a.start(n), doc, q, action, a.start(value), a.end(value), 1, before, failures);
            }
            // template strings: every outermost + with a string in it, up to the cap (names stay in place: diagnostics and kept names)
            int templatesHere = 0;
            for (int n = 0; n < a.nodeCount() && templatesHere < PER_FILE; n++) {
                if (a.kind(n) != BINARY || a.data(n) != dev.arenals.parser.lexer.Token.PLUS) continue;
                int p = q.parentOf(n);
                if (p >= 0 && a.kind(p) == BINARY && a.data(p) == dev.arenals.parser.lexer.Token.PLUS) continue;
                CodeAction action = Refactors.templateString(q, a.start(n), a.start(n));
                if (action == null) continue;
                templates++;
                templatesHere++;
                check(file, "template at " + a.start(n), doc, q, action, a.start(n), a.start(n), 0, before, failures);
            }
            // function expressions and arrows converted (the body, or an arrow's returned value, moves as it is)
            int convertedHere = 0;
            for (int n = 0; n < a.nodeCount() && convertedHere < PER_FILE; n++) {
                if (a.kind(n) != FUNCTION_EXPRESSION && a.kind(n) != ARROW_FUNCTION) continue;
                CodeAction action = Refactors.convertFunction(q, a.start(n), a.start(n), true, true);
                if (action == null) continue;
                converted++;
                convertedHere++;
                int body = a.kind(n) == ARROW_FUNCTION ? dev.arenals.parser.tree.Layouts.arrowBody(a, n) : dev.arenals.parser.tree.Layouts.functionBody(a, n);
                int value = a.kind(body) == PARENTHESIZED && a.kind(a.firstChild(body)) == OBJECT ? a.firstChild(body) : body;
                checkedNames += check(file, "function/arrow at " + a.start(n), doc, q, action, a.start(value), a.end(value), 1, before, failures);
            }
            // types: a spread of type nodes as aliases (interfaces for type literals); a reindented copy is not found verbatim
            int typesHere = 0;
            for (int n = 0; n < a.nodeCount() && typesHere < PER_FILE; n += Math.max(1, stride / 4)) {
                int k = a.kind(n);
                if (k < TYPE_FIRST || k > TYPE_LAST) continue;
                boolean literal = k == TYPE_LITERAL;
                CodeAction action = ExtractType.extract(q, a.start(n), a.end(n), literal);
                if (action == null) continue;
                types++;
                typesHere++;
                boolean oneLine = text.indexOf('\n', a.start(n)) < 0 || text.indexOf('\n', a.start(n)) >= a.end(n);
                checkedNames += check(file, (literal ? "interface" : "type alias") + " at " + a.start(n), doc, q, action, a.start(n), a.end(n), oneLine ? 1 : 0, before, failures);
            }
            // named functions: every const holding an arrow or function expression offered (the body moves as it is)
            for (int n = 0; n < a.nodeCount(); n++) {
                if (a.kind(n) != VARIABLE_DECLARATOR || a.kind(a.firstChild(n)) != BINDING_IDENTIFIER) continue;
                CodeAction action = Refactors.toNamedFunction(q, a.start(n), a.start(n));
                if (action == null) continue;
                named++;
                int fn = dev.arenals.parser.tree.Layouts.declaratorInit(a, n);
                int body = a.kind(fn) == ARROW_FUNCTION ? dev.arenals.parser.tree.Layouts.arrowBody(a, fn) : dev.arenals.parser.tree.Layouts.functionBody(a, fn);
                int value = a.kind(body) == PARENTHESIZED && a.kind(a.firstChild(body)) == OBJECT ? a.firstChild(body) : body;
                checkedNames += check(file, "named function at " + a.start(n), doc, q, action, a.start(value), a.end(value), 1, before, failures);
            }
            // parameters to a destructured object: every function offered, with its calls in this file (refused where a use is
            // not a call); diagnostics, the names kept, and every read of a parameter bound by the new pattern
            for (int n = 0; n < a.nodeCount(); n++) {
                boolean constructor = a.kind(n) == METHOD && (a.data(n) & C_CONSTRUCTOR) != 0;
                if (a.kind(n) != FUNCTION_DECLARATION && a.kind(n) != VARIABLE_DECLARATOR && !constructor) continue;
                ConvertParameters.Conversion c = ConvertParameters.at(q, a.start(n), a.start(n));
                if (c == null) continue;
                int name = q.identifierAt(c.nameStart());
                int symbol = q.symbolOfNode(name);
                List<org.eclipse.lsp4j.Range> uses = new ArrayList<>();
                uses.add(q.rangeOfNode(name));
                ScopeTable t = q.scopes();
                for (int i = 0; i < t.referenceCount(); i++) if (t.symbolOfNode(t.referenceNode(i)) == symbol) uses.add(q.rangeOfNode(t.referenceNode(i)));
                List<TextEdit> edits = new ArrayList<>(ConvertParameters.declarationEdits(q, c));
                try {
                    edits.addAll(ConvertParameters.callEdits(q, uses, c));
                } catch (dev.arenals.server.query.RenamePlan.Refused refused) {
                    parametersRefused++;
                    continue;
                }
                parametersConverted++;
                if (c.constructor()) constructorsConverted++;
                check(file, "parameters of " + c.name() + " at " + a.start(n), doc, q, Refactors.action(q, ConvertParameters.TITLE, ConvertParameters.KIND, edits),
                        a.start(n), a.start(n), 0, before, failures);
                int oldReads = parameterReads(q, doc.offsetAt(edits.get(0).getRange().getStart()), doc.offsetAt(edits.get(0).getRange().getEnd()));
                DocumentQuery q2 = DocumentQuery.of(Docs.parsed(uri, CodeActionHandlerTest.apply(doc, edits)));
                int patternStart = doc.offsetAt(edits.get(0).getRange().getStart());
                for (TextEdit e : edits.subList(1, edits.size())) { // calls before the declaration move it
                    int start = doc.offsetAt(e.getRange().getStart()), end = doc.offsetAt(e.getRange().getEnd());
                    if (end <= doc.offsetAt(edits.get(0).getRange().getStart())) patternStart += e.getNewText().length() - (end - start);
                }
                int newReads = q2 == null ? -1 : parameterReads(q2, patternStart, patternStart + edits.get(0).getNewText().indexOf("}: {") + 1);
                if (oldReads != newReads) failures.add(file + " parameters of " + c.name() + ": " + oldReads + " reads of its parameters became " + newReads);
            }
            // implement interface: published code compiles, so no class leaves a member of what it implements out (an offer
            // here would be a false one); where one is offered, what it writes is checked as the others are
            for (int n = 0; n < a.nodeCount(); n++) {
                if (a.kind(n) != CLASS_DECLARATION && a.kind(n) != CLASS_EXPRESSION) continue;
                List<CodeAction> found = new ArrayList<>();
                ImplementInterface.actions(q, a.start(n), a.start(n), found);
                for (CodeAction action : found) {
                    implemented++;
                    check(file, "implement interface at " + a.start(n), doc, q, action, a.start(n), a.start(n), 0, before, failures);
                }
            }
            // optional chains: every && chain offered (the text of the chain is rewritten: diagnostics and the names around it)
            for (int n = 0; n < a.nodeCount(); n++) {
                if (a.kind(n) != BINARY || a.data(n) != dev.arenals.parser.lexer.Token.AMP2) continue;
                CodeAction action = OptionalChain.action(q, a.start(n), a.start(n));
                if (action == null) continue;
                chains++;
                check(file, "optional chain at " + a.start(n), doc, q, action, a.start(n), a.start(n), 0, before, failures);
            }
            // accessors: every class field offered, up to the cap (names stay in place: diagnostics and kept names)
            int accessorsHere = 0;
            for (int n = 0; n < a.nodeCount() && accessorsHere < PER_FILE; n++) {
                if (a.kind(n) != FIELD) continue;
                int key = a.firstChild(n);
                CodeAction action = GenerateAccessors.action(q, a.start(key), a.start(key));
                if (action == null) continue;
                accessors++;
                accessorsHere++;
                check(file, "accessors at " + a.start(n), doc, q, action, a.start(n), a.start(n), 0, before, failures);
            }
            // imports: each declaration converted, named to namespace or back (diagnostics: a use left behind is a name not found)
            for (int n = 0; n < a.nodeCount(); n++) {
                if (a.kind(n) != IMPORT_DECLARATION) continue;
                CodeAction action = Refactors.convertImport(q, a.start(n), a.start(n), true, true);
                if (action == null) continue;
                imports++;
                check(file, "import at " + a.start(n), doc, q, action, a.start(n), a.start(n), 0, before, failures);
            }
            // exports: each top-level export written the other way where offered (this file's side: diagnostics, every
            // name kept, and the module's exported names the same but for the one converted)
            java.util.Set<String> exportedBefore = ConvertExport.exportedNames(a);
            for (int n = a.firstChild(a.root()); n >= 0 && exportedBefore != null; n = a.nextSibling(n)) {
                if (a.kind(n) != EXPORT_NAMED && a.kind(n) != EXPORT_DEFAULT) continue;
                ConvertExport.Conversion c = ConvertExport.at(q, a.start(n), a.start(n));
                if (c == null) continue;
                exportsConverted++;
                List<TextEdit> own = ConvertExport.ownEdits(q, c);
                check(file, c.kind() + " at " + a.start(n), doc, q, Refactors.action(q, c.title(), c.kind(), own), a.start(n), a.start(n), 0, before, failures);
                java.util.Set<String> expected = new java.util.HashSet<>(exportedBefore);
                expected.remove(c.toDefault() ? c.name() : "default");
                expected.add(c.toDefault() ? "default" : c.name());
                java.util.Set<String> exportedAfter = ConvertExport.exportedNames(Docs.parsed(uri, CodeActionHandlerTest.apply(doc, own)).arena());
                if (!expected.equals(exportedAfter)) failures.add(file + " " + c.kind() + " at " + a.start(n) + ": exports " + exportedAfter + ", expected " + expected);
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(0, implemented, "classes of published code offered an interface's members they have");
        assertTrue(parametersConverted > 100 && constructorsConverted > 5, "parameters converted " + parametersConverted + ", constructors " + constructorsConverted + " (" + parametersRefused + " refused)");
        assertTrue(exportsConverted > 200 && extractedToModule > 50 && chains > 20 && named > 100, "named functions " + named + ", exports converted " + exportsConverted + ", constants to module scope " + extractedToModule + ", optional chains " + chains);
        assertTrue(extracted > 1000 && inlined > 400 && braces > 500 && templates > 20 && imports > 300 && extractedFunctions > 500 && converted > 500 && types > 500 && accessors > 100 && checkedNames > 5000, "accessors " + accessors + ", types " + types + ", extracted " + extracted + ", inlined " + inlined + ", braces " + braces + ", templates " + templates + ", imports " + imports + ", functions " + extractedFunctions + ", converted " + converted); // the test must exercise both
        System.out.println("refactors on the corpus: " + parametersConverted + " parameter lists as destructured objects (" + constructorsConverted + " constructors; " + parametersRefused + " refused), " + implemented + " interfaces implemented, " + named + " consts as named functions, " + chains + " && chains as optional chains, " + exportsConverted + " exports converted (named ↔ default), " + accessors + " fields given accessors, " + types + " types extracted, " + extractedFunctions + " functions extracted, " + extracted + " constants extracted (" + refusedExtract + " refused; " + extractedToModule + " to module scope), " + inlined
                + " inlined variables, " + braces + " arrows with braces added or removed, " + templates + " concatenations as templates, " + imports + " imports converted, " + converted + " functions to arrows or back; " + checkedNames + " moved names and every kept one resolve as before; diagnostics unchanged");
    }

    /** How many references in the file resolve to a declaration inside {@code [from, to)}. */
    private static int parameterReads(DocumentQuery q, int from, int to) {
        ScopeTable t = q.scopes();
        int count = 0;
        for (int i = 0; i < t.referenceCount(); i++) {
            int symbol = t.symbolOfNode(t.referenceNode(i));
            if (symbol < 0 || !q.isDeclared(symbol)) continue;
            int at = q.arena().start(t.declarationNode(symbol));
            if (at >= from && at < to) count++;
        }
        return count;
    }

    /** Applies the action and checks it: every reference kept or moved; returns how many moved ones (copies) were checked. */
    private static int check(Path file, String what, Document doc, DocumentQuery q, CodeAction action, int movedStart, int movedEnd,
            int expectedCopies, List<String> before, List<String> failures) {
        List<TextEdit> lsp = action.getEdit().getChanges().get(doc.uri());
        int m = lsp.size();
        int[] starts = new int[m], ends = new int[m];
        String[] texts = new String[m];
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            starts[i] = doc.offsetAt(lsp.get(i).getRange().getStart());
            ends[i] = doc.offsetAt(lsp.get(i).getRange().getEnd());
            texts[i] = lsp.get(i).getNewText();
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> starts[x] != starts[y] ? Integer.compare(starts[x], starts[y]) : Integer.compare(ends[x], ends[y]));
        String text = doc.text();
        String moved = text.substring(movedStart, movedEnd);
        StringBuilder sb = new StringBuilder();
        int at = 0;
        int[] newStarts = new int[m];
        for (int i : order) {
            sb.append(text, at, starts[i]);
            newStarts[i] = sb.length();
            sb.append(texts[i]);
            at = ends[i];
        }
        sb.append(text, at, text.length());
        String after = sb.toString();
        Document again = Docs.parsed(doc.uri(), after);
        List<String> diagnosticsAfter = diagnostics(again);
        if (!before.equals(diagnosticsAfter)) {
            failures.add(file + " " + what + ": diagnostics " + before + " became " + diagnosticsAfter + "\n" + snippet(after, newStarts[order[0]]));
            return 0;
        }
        DocumentQuery q2 = DocumentQuery.of(again);
        if (q2 == null) return 0;
        // each copy of the moved code parses as one node again (no operator of its new place took part of it)
        Arena b0 = again.arena();
        int[] copyAt = new int[m];
        int copies = 0;
        for (int e = 0; e < m; e++) {
            copyAt[e] = -1;
            if (moved.isEmpty()) continue;
            for (int found = texts[e].indexOf(moved); found >= 0 && copyAt[e] < 0; found = texts[e].indexOf(moved, found + 1)) {
                int at0 = newStarts[e] + found, end0 = at0 + moved.length();
                for (int n = 0, count = b0.nodeCount(); n < count; n++) {
                    if (b0.start(n) == at0 && b0.end(n) == end0) { copyAt[e] = at0; break; }
                }
            }
            if (copyAt[e] >= 0) copies++;
        }
        if (copies < expectedCopies) {
            failures.add(file + " " + what + ": the moved code is one node in " + copies + " of its " + expectedCopies + " places\n" + snippet(after, newStarts[order[0]]));
            return 0;
        }
        // every reference in the new text that came from old text (moved or kept) resolves to the declaration at the mapped position
        Arena a = q.arena(), b = q2.arena();
        ScopeTable t = q.scopes(), t2 = q2.scopes();
        int checked = 0;
        for (int i = 0, n = t.referenceCount(); i < n; i++) {
            int ref = t.referenceNode(i);
            int oldAt = a.start(ref);
            int sym = t.symbolOfNode(ref);
            int oldDecl = sym >= 0 && q.isDeclared(sym) ? a.start(t.declarationNode(sym)) : -1;
            // where this reference's text went: kept in place (shifted), or copied into inserted text
            for (int copy = 0; copy < 1 + m; copy++) {
                int newAt = copy == 0 ? mapKept(oldAt, starts, ends, texts, order) : mapCopied(oldAt, movedStart, moved, copyAt[copy - 1]);
                if (newAt < 0) continue;
                int ref2 = t2.identifierAt(newAt);
                if (ref2 < 0 || b.start(ref2) != newAt || b.kind(ref2) != a.kind(ref) || b.end(ref2) - b.start(ref2) != a.end(ref) - a.start(ref)) continue;
                int sym2 = t2.symbolOfNode(ref2);
                int newDecl = sym2 >= 0 && q2.isDeclared(sym2) ? b.start(t2.declarationNode(sym2)) : -1;
                int expected = oldDecl < 0 ? -1
                        : oldDecl >= movedStart && oldDecl < movedEnd ? mapCopied(oldDecl, movedStart, moved, copyAt[copy - 1])
                        : mapKept(oldDecl, starts, ends, texts, order);
                if (oldDecl >= 0 && expected < 0) continue; // the declaration itself was removed (the inlined variable)
                checked += copy > 0 ? 1 : 0;
                if (newDecl != expected && wroteParameterNamed(newDecl, b, text.substring(oldAt, a.end(ref)), newStarts, texts, copyAt, moved)) continue;
                if (newDecl != expected) {
                    failures.add(file + " " + what + ": `" + text.substring(oldAt, a.end(ref)) + "` at " + oldAt + " → " + newAt
                            + " now resolves to the declaration at " + newDecl + ", expected " + expected + "\n" + snippet(after, newAt));
                    return checked;
                }
            }
        }
        return checked;
    }

    /**
     * Whether the new declaration is one the edit wrote (in its text, outside the copied code) and has
     * the reference's name: an extracted function's parameter standing for the local it is passed.
     */
    private static boolean wroteParameterNamed(int newDecl, Arena b, String name, int[] newStarts, String[] texts, int[] copyAt, String moved) {
        if (newDecl < 0) return false;
        for (int e = 0; e < texts.length; e++) {
            int s = newStarts[e], end = s + texts[e].length();
            if (newDecl < s || newDecl >= end) continue;
            if (copyAt[e] >= 0 && newDecl >= copyAt[e] && newDecl < copyAt[e] + moved.length()) return false;
            return new String(b.source(), newDecl, Math.min(name.length(), b.sourceLength() - newDecl)).equals(name);
        }
        return false;
    }

    /** The new offset of an old offset outside every replaced range, or -1 when an edit replaced it. */
    private static int mapKept(int old, int[] starts, int[] ends, String[] texts, Integer[] order) {
        int shift = 0;
        for (int i : order) {
            boolean insertion = starts[i] == ends[i];
            if (insertion ? old >= starts[i] : old >= ends[i]) shift += texts[i].length() - (ends[i] - starts[i]);
            else if (old >= starts[i]) return -1;
            else break;
        }
        return old + shift;
    }

    /** The new offset of old text inside the moved range, in a copy of it that starts at {@code copyAt} (-1: none), or -1. */
    private static int mapCopied(int old, int movedStart, String moved, int copyAt) {
        if (copyAt < 0 || old < movedStart || old >= movedStart + moved.length()) return -1;
        return copyAt + (old - movedStart);
    }

    private static String snippet(String text, int at) {
        int from = Math.max(0, at - 120), to = Math.min(text.length(), at + 120);
        return text.substring(from, to);
    }

    private static List<String> diagnostics(Document doc) {
        List<String> out = new ArrayList<>();
        ParseLog log = doc.arena().log();
        for (int i = 0; i < log.diagnosticCount(); i++) out.add(log.diagnostic(i).code + " " + DiagnosticMessages.message(log, i, doc.arena().names()));
        return out;
    }
}
