package dev.arenals.server.bench;

import dev.arenals.parser.scope.UnusedDeclarations;
import dev.arenals.parser.scope.UnusedReports;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.server.document.Document;
import dev.arenals.server.features.CodeActionHandler;
import dev.arenals.server.features.InlayHintHandler;
import dev.arenals.server.features.SignatureHelpHandler;
import dev.arenals.server.protocol.ServerSettings.ParameterNameHints;
import dev.arenals.server.query.DocumentQuery;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Latency of the assistance requests as their handlers answer on the document's queue (the
 * protocol's JSON adds what {@link LatencyHarness} shows to every request):
 *
 * <pre>
 * java -cp server/target/arena-ls.jar dev.arenals.server.bench.AssistHarness [FILE|LINES …] [--requests N]
 * </pre>
 *
 * For each input (a file, or a number: that many lines of generated module code; default 10,000
 * lines): signatureHelp at N random positions inside argument lists; inlayHint for a screenful
 * (60 lines from a random line) with parameterNames "literals" and "all"; the unused-declaration
 * query over the whole file (paid once per parse by the diagnostics); organize imports and
 * all code actions at a random position and on a selected statement of a function body (the
 * refactorings). The first round warms up the JIT and is not counted.
 * Callees are resolved in the file only (no workspace index).
 */
public final class AssistHarness {
    private AssistHarness() {}

    static final int SCREEN_LINES = 60;

    /**
     * As a client that can create files sees it ("Move to a new file" computed too; no name is
     * taken, so no disk is read); {@code -Dassist.move=false}: as one that cannot.
     */
    static final java.util.function.Predicate<String> NEW_FILE_TAKEN =
            Boolean.parseBoolean(System.getProperty("assist.move", "true")) ? uri -> false : null;

    public static void main(String[] args) throws Exception {
        BenchInput.forEachInput(args, AssistHarness::measure);
    }

    static void measure(String name, String uri, String text, int requests) {
        Document doc = BenchInput.parsedDocument(uri, text);
        DocumentQuery q = DocumentQuery.of(doc);
        Arena arena = q.arena();
        int[] argumentStarts = argumentStarts(arena);
        int lines = doc.lines().lineCount();
        Random random = new Random(42);
        SignatureHelpHandler signatureHelp = new SignatureHelpHandler();
        InlayHintHandler inlay = new InlayHintHandler();
        CodeActionHandler actions = new CodeActionHandler();
        long[] sig = new long[requests];
        long[] literals = new long[requests];
        long[] all = new long[requests];
        long sink = 0;
        int answered = 0, hints = 0;
        for (int round = 0; round < 2; round++) {
            answered = 0;
            hints = 0;
            for (int i = 0; i < requests; i++) {
                Position p = doc.positionAt(argumentStarts.length == 0 ? 0 : argumentStarts[random.nextInt(argumentStarts.length)]);
                long t0 = System.nanoTime();
                var help = signatureHelp.signatureHelp(doc, p, null, null);
                long t1 = System.nanoTime();
                if (help != null) answered++;
                int first = random.nextInt(Math.max(1, lines - SCREEN_LINES));
                Range screen = new Range(new Position(first, 0), new Position(first + SCREEN_LINES, 0));
                long t2 = System.nanoTime();
                int lit = inlay.inlayHints(doc, screen, ParameterNameHints.LITERALS, null, null).size();
                long t3 = System.nanoTime();
                int every = inlay.inlayHints(doc, screen, ParameterNameHints.ALL, null, null).size();
                long t4 = System.nanoTime();
                hints += lit;
                sink += every + (help == null ? 0 : help.getSignatures().size());
                sig[i] = t1 - t0;
                literals[i] = t3 - t2;
                all[i] = t4 - t3;
            }
        }
        long[] unused = new long[30];
        long[] organize = new long[30];
        long[] codeActions = new long[30];
        long[] selected = new long[30];
        int[] statements = statementsInFunctionBodies(arena);
        int unusedCount = 0, refactorings = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < unused.length; i++) {
                long t0 = System.nanoTime();
                int[] found = UnusedDeclarations.find(arena, q.scopes(), doc.options().isDeclaration());
                // as the hints pay it: the symbols, then TypeScript's grouping and private members
                unusedCount = UnusedReports.of(arena, q.scopes(), found, doc.options().isDeclaration()).length / UnusedReports.STRIDE;
                long t1 = System.nanoTime();
                sink += actions.codeActions(doc, new Range(new Position(0, 0), new Position(0, 0)), List.of(CodeActionKind.SourceOrganizeImports), null).size();
                long t2 = System.nanoTime();
                Position p = doc.positionAt(random.nextInt(Math.max(1, text.length())));
                sink += actions.codeActions(doc, new Range(p, p), null, null, null, NEW_FILE_TAKEN).size();
                long t3 = System.nanoTime();
                // a selected statement of a function body, as a user selecting lines asks for the lightbulb's refactorings
                int statement = statements.length == 0 ? arena.root() : statements[random.nextInt(statements.length)];
                Range selection = new Range(doc.positionAt(arena.start(statement)), doc.positionAt(arena.end(statement)));
                long t4 = System.nanoTime();
                int offered = actions.codeActions(doc, selection, null, null, null, NEW_FILE_TAKEN).size();
                long t5 = System.nanoTime();
                refactorings += round == 1 ? offered : 0;
                unused[i] = t1 - t0;
                organize[i] = t2 - t1;
                codeActions[i] = t3 - t2;
                selected[i] = t5 - t4;
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d chars, %,d lines, %,d call arguments, %,d unused reports%n", name, text.length(), lines,
                argumentStarts.length, unusedCount);
        print("  signatureHelp in argument lists (" + answered + "/" + requests + " answered)", sig);
        print("  inlayHint, a screenful of " + SCREEN_LINES + " lines, literals (" + hints + " hints)", literals);
        print("  inlayHint, a screenful of " + SCREEN_LINES + " lines, all", all);
        print("  unused code (symbols, then reports), whole file (once per parse)", unused);
        print("  codeAction source.organizeImports", organize);
        print("  codeAction at a random position (all kinds)", codeActions);
        print("  codeAction on a selected statement of a function body (" + refactorings + " actions offered)", selected);
        if (sink == 42) System.out.print(""); // keeps the answers alive
    }

    /** Statements directly in function bodies. */
    private static int[] statementsInFunctionBodies(Arena arena) {
        int[] out = new int[1024];
        int n = 0;
        for (int node = 0, count = arena.nodeCount(); node < count; node++) {
            if (arena.kind(node) != dev.arenals.parser.tree.NodeKind.FUNCTION_BODY) continue;
            for (int c = arena.firstChild(node); c >= 0; c = arena.nextSibling(c)) {
                if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
                out[n++] = c;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The start offsets of every call and new argument. */
    private static int[] argumentStarts(Arena arena) {
        int[] out = new int[1024];
        int n = 0;
        for (int i = 0; i < arena.nodeCount(); i++) {
            int k = arena.kind(i);
            if (k != NodeKind.CALL && k != NodeKind.NEW) continue;
            for (int c = Layouts.callFirstArgument(arena, i); c >= 0; c = arena.nextSibling(c)) {
                if (n == out.length) out = Arrays.copyOf(out, n * 2);
                out[n++] = arena.start(c);
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: p50 %.3f ms, p95 %.3f ms, max %.3f ms (n=%d)%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }
}
