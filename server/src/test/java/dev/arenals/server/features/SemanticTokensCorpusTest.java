package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.server.document.Document;
import dev.arenals.server.document.ParseTools;
import dev.arenals.server.query.SemanticTokenLegend;
import dev.arenals.server.query.SymbolIndex;
import dev.arenals.server.testing.Docs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensEdit;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Semantic tokens against the binder on real files (the corpus of {@link NavigationCorpusTest}):
 * every name the binder declares or resolves has exactly one token, whose type is the one its
 * symbol kind calls for; tokens are sorted, do not overlap and lie inside the text; and after
 * random edits and a word typed a key at a time (reparsed incrementally where possible, the delta
 * then recomputing only the rewritten statements where it can), the previous array with the
 * delta's edits applied equals a fresh {@code full}.
 */
class SemanticTokensCorpusTest {
    private static final int FILES = 240;

    @Test
    void tokensAgreeWithTheBinderOnRealFiles() throws IOException {
        List<Path> files = NavigationCorpusTest.corpusFiles();
        Assumptions.assumeTrue(files.size() >= FILES, "the real-world corpus is not in the cache: run the test-fixtures tests first");
        Random random = new Random(17);
        int checked = 0, names = 0, deltas = 0, incremental = 0, spliced = 0;
        long deltaInts = 0, fullInts = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Document doc = Docs.parsed(file.toUri().toString(), text);
            if (doc.arena() == null || doc.arena().log().diagnosticCount() > 0 || doc.scopes() == null) continue;
            checked++;
            int[] data = SemanticTokensHandler.tokens(doc, 0, Integer.MAX_VALUE);
            int[][] absolute = absolute(doc, data, file);
            names += checkAgainstBinder(doc, absolute, file);

            // deltas after random edits equal a fresh full
            SemanticTokensHistory history = new SemanticTokensHistory();
            SemanticTokensHandler handler = new SemanticTokensHandler();
            String id = handler.full(doc, history).getResultId();
            int[] client = data;
            // three random edits, then a word typed a key at a time somewhere (what an editor sends most)
            int typeAt = -1;
            for (int round = 0; round < 3 + TYPED.length(); round++) {
                if (round < 3) {
                    randomEdit(doc, random);
                } else {
                    if (typeAt < 0) typeAt = random.nextInt(doc.length() + 1);
                    int at = typeAt + round - 3;
                    Range range = new Range(doc.positionAt(at), doc.positionAt(at));
                    doc.applyChanges(List.of(new TextDocumentContentChangeEvent(range, TYPED.substring(round - 3, round - 2))), doc.version() + 1);
                }
                doc.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
                var answer = handler.delta(doc, id, history);
                assertTrue(answer.isRight(), "a delta against the latest result");
                id = answer.getRight().getResultId();
                client = SemanticTokenEdits.apply(client, answer.getRight().getEdits());
                int[] fresh = SemanticTokensHandler.tokens(Docs.parsed(file.toUri().toString(), doc.text()), 0, Integer.MAX_VALUE);
                assertArrayEquals(fresh, client, file + ": tokens after edit " + round);
                for (SemanticTokensEdit e : answer.getRight().getEdits()) deltaInts += e.getData().size();
                fullInts += fresh.length;
                deltas++;
                if (doc.lastParseWasIncremental()) incremental++;
                if (history.lastDeltaSpliced(doc.uri())) spliced++;
            }
        }
        System.out.printf("semantic tokens corpus: %d files, %d names checked, %d deltas (%.1f%% of the ints a full answer sends);"
                + " %d after an incremental reparse, %d of them recomputing only the rewritten statements%n",
                checked, names, deltas, 100.0 * deltaInts / Math.max(1, fullInts), incremental, spliced);
        assertTrue(checked >= 200, "files checked: " + checked);
        assertTrue(deltaInts * 10 < fullInts, "deltas are small: " + deltaInts + " of " + fullInts);
        // the statement-only path must be the common one, or the equality above tests little of it
        assertTrue(spliced * 2 > incremental, "statement-only deltas: " + spliced + " of " + incremental + " incremental reparses");
    }

    /** Typed a key at a time, each key followed by a delta. */
    private static final String TYPED = "q.ab(1)";

    /** Decodes the relative encoding into {start offset, end offset, type, modifiers}, checking order and bounds. */
    private static int[][] absolute(Document doc, int[] data, Path file) {
        assertEquals(0, data.length % 5);
        int[][] out = new int[data.length / 5][];
        int line = 0, column = 0, previousEnd = 0;
        for (int i = 0; i < data.length; i += 5) {
            assertTrue(data[i] >= 0 && data[i + 1] >= 0 && data[i + 2] > 0, file + ": token " + i / 5);
            if (data[i] != 0) column = 0;
            line += data[i];
            column += data[i + 1];
            assertTrue(line < doc.lines().lineCount(), file + ": token past the last line");
            int start = doc.offsetAt(new Position(line, column));
            int end = doc.offsetAt(new Position(line, column + data[i + 2]));
            assertTrue(start >= previousEnd, file + ": tokens overlap or are out of order at " + line + ":" + column);
            assertTrue(end <= doc.length() && end - start > 0, file + ": token outside the text at " + line + ":" + column);
            out[i / 5] = new int[] {start, end, data[i + 3], data[i + 4]};
            previousEnd = end;
        }
        return out;
    }

    /** Every declared or resolved name has one token of the type its symbol kind calls for. */
    private static int checkAgainstBinder(Document doc, int[][] tokens, Path file) {
        Arena arena = doc.arena();
        ScopeTable scopes = doc.scopes();
        long[] enumMemberUses = arena.isTypeScript() ? SymbolIndex.enumMemberUsesForTests(arena) : new long[0];
        int[] starts = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) starts[i] = tokens[i][0];
        // the names an import clause declares get no token (as in TypeScript: the other file says what they are)
        java.util.Set<Integer> imported = new java.util.HashSet<>();
        for (int s = arena.firstChild(arena.root()); s >= 0; s = arena.nextSibling(s)) {
            if (arena.kind(s) != NodeKind.IMPORT_DECLARATION) continue;
            for (int spec = arena.firstChild(s); spec >= 0; spec = arena.nextSibling(spec)) {
                for (int c = arena.firstChild(spec); c >= 0; c = arena.nextSibling(c)) imported.add(c);
            }
        }
        // nor do names inside a JSX element other than in its `{…}` expressions: `{...props}`
        List<int[]> spreads = new java.util.ArrayList<>();
        for (int node = 0; node < arena.nodeCount(); node++) {
            if (arena.kind(node) == NodeKind.JSX_SPREAD_ATTRIBUTE) spreads.add(new int[] {arena.start(node), arena.end(node)});
        }
        int checked = 0;
        for (int node = 0; node < arena.nodeCount(); node++) {
            int k = arena.kind(node);
            if (k != NodeKind.IDENTIFIER_REFERENCE && k != NodeKind.BINDING_IDENTIFIER) continue;
            int symbol = scopes.symbolOfNode(node);
            if (symbol < 0 || arena.start(node) == arena.end(node)) continue;
            int kind = scopes.kind(symbol);
            String name = arena.text(arena.start(node), arena.end(node));
            int at = Arrays.binarySearch(starts, arena.start(node));
            int nodeStart = arena.start(node);
            boolean tokenless = imported.contains(node) || spreads.stream().anyMatch(r -> r[0] <= nodeStart && nodeStart < r[1])
                    || kind == SymbolKind.IMPLICIT_GLOBAL && List.of("undefined", "NaN", "Infinity").contains(name);
            if (tokenless) {
                assertTrue(at < 0, file + ": `" + name + "` at " + doc.positionAt(arena.start(node)) + " has a token; TypeScript gives it none");
                continue;
            }
            if (kind == SymbolKind.IMPLICIT_GLOBAL && arena.isTypeScript() && isKeywordType(name) && at < 0) continue;
            if (at < 0) fail(file + ": no token for `" + name + "` at " + doc.positionAt(arena.start(node)));
            int[] token = tokens[at];
            assertEquals(arena.end(node), token[1], file + ": token of `" + name + "` has another span");
            String type = SemanticTokenLegend.TYPES.get(token[2]);
            boolean decorator = type.equals("decorator");
            boolean enumMember = Arrays.binarySearch(enumMemberUses, node) >= 0;
            String merged = enumMember ? null : mergedType(arena, scopes, symbol);
            String expected = enumMember ? "enumMember" : merged != null ? "|" + merged + "|" : expectedType(kind, token[3]);
            assertTrue(decorator || expected.contains("|" + type + "|"), file + ": `" + name + "` at " + doc.positionAt(arena.start(node))
                    + " is a " + SymbolKind.name(kind) + " but its token is " + type);
            boolean declaration = (token[3] & SemanticTokenLegend.DECLARATION) != 0;
            // a declaration of what TypeScript reads as another kind (merged with it) is no declaration to it
            assertEquals(k == NodeKind.BINDING_IDENTIFIER && merged == null, declaration, file + ": declaration modifier of `" + name + "`");
            checked++;
        }
        return checked;
    }

    /**
     * What TypeScript reads a symbol as when declarations of other kinds share its name and scope
     * (one merged symbol to it: its flags decide), or null when none does.
     */
    private static String mergedType(Arena arena, ScopeTable scopes, int symbol) {
        int kind = scopes.kind(symbol), scope = scopes.scope(symbol), name = scopes.nameId(symbol);
        int typed = scopes.symbolIn(scope, name, true), value = scopes.symbolIn(scope, name, false);
        int typedKind = typed >= 0 && typed != symbol ? scopes.kind(typed) : -1;
        int valueKind = value >= 0 && value != symbol ? scopes.kind(value) : -1;
        switch (kind) {
            case SymbolKind.VAR: case SymbolKind.LET: case SymbolKind.CONST: case SymbolKind.USING:
                return typedKind == SymbolKind.TYPE_ALIAS ? "type" : null;
            case SymbolKind.INTERFACE:
                return valueKind == SymbolKind.CLASS ? "class" : null;
            case SymbolKind.NAMESPACE:
                if (typedKind == SymbolKind.CLASS) return "class";
                if (typedKind == SymbolKind.ENUM) return "enum";
                if (typedKind == SymbolKind.TYPE_ALIAS) return "type";
                if (typedKind == SymbolKind.INTERFACE
                        && arena.start(scopes.declarationNode(typed)) < arena.start(scopes.declarationNode(symbol))) return "interface";
                return valueKind == SymbolKind.FUNCTION ? "function" : null;
            default: return null;
        }
    }

    private static boolean isKeywordType(String name) {
        return List.of("any", "unknown", "never", "number", "string", "boolean", "symbol", "bigint", "object", "void",
                "undefined", "null", "intrinsic").contains(name);
    }

    /** The token types a symbol kind allows, as |a|b|. */
    private static String expectedType(int kind, int modifiers) {
        switch (kind) {
            // a variable holding a function or class is one (by its declaration), and any variable called is a function
            case SymbolKind.VAR: case SymbolKind.LET: case SymbolKind.CONST: case SymbolKind.USING:
                return "|variable|function|class|";
            case SymbolKind.CATCH_PARAMETER: return "|variable|function|class|";
            case SymbolKind.FUNCTION: return "|function|";
            case SymbolKind.CLASS: return "|class|";
            case SymbolKind.PARAMETER: return "|parameter|function|";
            case SymbolKind.IMPORT: return "|variable|namespace|function|class|";
            case SymbolKind.INTERFACE: return "|interface|";
            case SymbolKind.TYPE_ALIAS: return "|type|";
            case SymbolKind.ENUM: return "|enum|";
            case SymbolKind.NAMESPACE: return "|namespace|";
            case SymbolKind.TYPE_PARAMETER: return "|typeParameter|";
            case SymbolKind.IMPLICIT_GLOBAL:
                // a well-known global may be a class, function, namespace or type of the standard library
                return (modifiers & SemanticTokenLegend.DEFAULT_LIBRARY) != 0 ? "|variable|class|function|namespace|type|interface|" : "|variable|function|class|";
            default: return "|?|";
        }
    }

    private static final String[] SNIPPETS = {"x", "\n", " ", "let q = 1;\n", "(", ")", "{", "}", "foo.bar()", "// c\n", "'", "/*", "*/"};

    private static void randomEdit(Document doc, Random random) {
        int length = doc.length();
        int start = random.nextInt(length + 1);
        int end = Math.min(length, start + (random.nextInt(4) == 0 ? random.nextInt(8) : 0));
        String inserted = SNIPPETS[random.nextInt(SNIPPETS.length)];
        Range range = new Range(doc.positionAt(start), doc.positionAt(end));
        doc.applyChanges(List.of(new TextDocumentContentChangeEvent(range, inserted)), doc.version() + 1);
    }
}
