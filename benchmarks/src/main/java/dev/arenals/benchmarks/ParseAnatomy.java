package dev.arenals.benchmarks;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.parser.tree.ParseLog;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a file asks of the parser, in counts that do not depend on the machine, beside the CPU time
 * a parse of it takes: why one file costs more per node than another (issue 22, "typescript.js").
 *
 * <pre>
 * java [JVM flags] -cp benchmarks/target/benchmarks.jar dev.arenals.benchmarks.ParseAnatomy \
 *     [--rounds 30] [--pieces K] FILE...
 * </pre>
 *
 * Per file: nodes per KB and chars per node, the share of comment and white-space chars, names
 * (nodes whose data is a name id: one intern each) per node, their mean length and the share over
 * eight chars (the name table's tail key holds eight), distinct names and the share of interns that
 * found their name already there, the tree's depth, the tokens spent on abandoned speculation, the
 * node columns' capacity after a first parse; then the thread's CPU time per parse in place
 * ({@code parseInPlace}, as check and the server parse: no copy of the text), median and best of
 * {@code --rounds} after as many untimed, and per node. With {@code --pieces K} the same text is also
 * cut into K pieces at line ends and parsed piece by piece into one arena, alternating with the
 * whole: the same tokens and nearly the same nodes (a cut inside a function adds recovery's few), so
 * a difference per node is the size of the file itself (its name table, its columns). A FILE is a
 * path or a name {@link Corpus} resolves.
 */
public final class ParseAnatomy {
    private ParseAnatomy() {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int rounds = 30;
        int pieces = 0;
        int first = 0;
        while (first < args.length && args[first].startsWith("--")) {
            switch (args[first]) {
                case "--rounds" -> rounds = Integer.parseInt(args[first + 1]);
                case "--pieces" -> pieces = Integer.parseInt(args[first + 1]);
                default -> {
                    System.err.println("usage: ParseAnatomy [--rounds N] [--pieces K] FILE...");
                    System.exit(2);
                }
            }
            first += 2;
        }
        JsParser parser = new JsParser();
        for (int i = first; i < args.length; i++) {
            Path path = Files.isRegularFile(Path.of(args[i])) ? Path.of(args[i]) : Corpus.locate(args[i]);
            char[] text = Files.readString(path).toCharArray();
            ParseOptions options = ParseOptions.forFileName(path.getFileName().toString());
            String name = path.getFileName().toString();
            describe(parser, name, text, options, rounds);
            if (pieces > 1) compareWithPieces(parser, name, text, options, rounds, pieces);
        }
    }

    private static void describe(JsParser parser, String name, char[] text, ParseOptions options, int rounds) {
        Arena arena = new Arena();
        parser.parseInPlace(arena, text, text.length, options);
        int nodes = arena.nodeCount();
        int capacity = arena.capacity();
        ParseLog log = arena.log();
        long commentChars = 0;
        for (int c = 0; c < log.commentCount(); c++) commentChars += log.commentEnd(c) - log.commentStart(c);
        long spaceChars = 0; // outside comments (the log keeps them in text order)
        int nextComment = 0;
        for (int p = 0; p < text.length; p++) {
            if (nextComment < log.commentCount() && p == log.commentStart(nextComment)) {
                p = log.commentEnd(nextComment++) - 1;
                continue;
            }
            char ch = text[p];
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') spaceChars++;
        }
        long names = 0, nameChars = 0, longNames = 0;
        int maxDepth = 0;
        long depthSum = 0;
        int[] depth = new int[nodes];
        for (int n = nodes - 1; n >= 0; n--) { // parents come after their children
            for (int c = arena.firstChild(n); c >= 0; c = arena.nextSibling(c)) depth[c] = depth[n] + 1;
            maxDepth = Math.max(maxDepth, depth[n]);
            depthSum += depth[n];
            if (NodeKind.hasName(arena.kind(n))) {
                int length = arena.end(n) - arena.start(n);
                names++;
                nameChars += length;
                if (length > 8) longNames++;
            }
        }
        int distinct = arena.names().size();
        long[] cpu = timeParses(parser, arena, text, options, rounds);
        long median = PeerParseHarness.median(cpu);
        System.out.printf("%s: %,d chars, %,d nodes (%.1f per KB, %.1f chars per node), comments %.1f%% and white space outside them %.1f%% of the chars, "
                        + "max depth %d (mean %.1f)%n"
                        + "  names %.2f per node, %.1f chars long on average, %.0f%% over 8 chars; %,d distinct, %.1f%% of interns found "
                        + "their name there; %,d tokens on abandoned speculation; %,d node slots after a first parse; %d diagnostics%n"
                        + "  CPU per parse in place: median %.2f ms, best %.2f ms; %.1f ns per node, %.2f ns per char%n",
                name, text.length, nodes, nodes * 1024.0 / text.length, text.length / (double) nodes,
                100.0 * commentChars / text.length, 100.0 * spaceChars / text.length, maxDepth, depthSum / (double) nodes,
                names / (double) nodes, nameChars / (double) names, 100.0 * longNames / names, distinct,
                100.0 * (names - distinct) / names, arena.wastedTokens(), capacity, log.diagnosticCount(),
                median / 1e6, cpu[0] / 1e6, median / (double) nodes, median / (double) text.length);
    }

    private static void compareWithPieces(JsParser parser, String name, char[] text, ParseOptions options, int rounds, int k) {
        char[][] pieces = new char[k][];
        int from = 0;
        for (int i = 0; i < k; i++) {
            int to = i == k - 1 ? text.length : lineEndAfter(text, (int) ((long) text.length * (i + 1) / k));
            pieces[i] = Arrays.copyOfRange(text, from, Math.max(from, to));
            from = Math.max(from, to);
        }
        Arena whole = new Arena(), piece = new Arena();
        long[] wholeCpu = new long[rounds], piecesCpu = new long[rounds];
        int wholeNodes = 0, pieceNodes = 0, pieceDiagnostics = 0;
        for (int r = -rounds; r < rounds; r++) { // the first half warms up
            long t0 = THREADS.getCurrentThreadCpuTime();
            parser.parseInPlace(whole, text, text.length, options);
            long t1 = THREADS.getCurrentThreadCpuTime();
            pieceNodes = 0;
            pieceDiagnostics = 0;
            for (char[] p : pieces) {
                parser.parseInPlace(piece, p, p.length, options);
                pieceNodes += piece.nodeCount();
                pieceDiagnostics += piece.log().diagnosticCount();
            }
            long t2 = THREADS.getCurrentThreadCpuTime();
            wholeNodes = whole.nodeCount();
            if (r >= 0) {
                wholeCpu[r] = t1 - t0;
                piecesCpu[r] = t2 - t1;
            }
        }
        Arrays.sort(wholeCpu);
        Arrays.sort(piecesCpu);
        long wholeMedian = PeerParseHarness.median(wholeCpu), piecesMedian = PeerParseHarness.median(piecesCpu);
        double wholePerNode = wholeMedian / (double) wholeNodes, piecesPerNode = piecesMedian / (double) pieceNodes;
        System.out.printf("  whole against %d pieces, alternating: whole %.2f ms (%.1f ns per node), pieces %.2f ms (%.1f ns per node; "
                        + "%,d nodes, %d diagnostics from the cuts); pieces/whole per node %.3f%n",
                k, wholeMedian / 1e6, wholePerNode, piecesMedian / 1e6, piecesPerNode, pieceNodes, pieceDiagnostics,
                piecesPerNode / wholePerNode);
    }

    /** The index after the line break at or after {@code at}, or the text's end. */
    private static int lineEndAfter(char[] text, int at) {
        for (int i = Math.max(0, at); i < text.length; i++) if (text[i] == '\n') return i + 1;
        return text.length;
    }

    /** CPU times of {@code rounds} parses after as many untimed, sorted. */
    private static long[] timeParses(JsParser parser, Arena arena, char[] text, ParseOptions options, int rounds) {
        long[] cpu = new long[rounds];
        for (int r = -rounds; r < rounds; r++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            parser.parseInPlace(arena, text, text.length, options);
            long t1 = THREADS.getCurrentThreadCpuTime();
            if (r >= 0) cpu[r] = t1 - t0;
        }
        Arrays.sort(cpu);
        return cpu;
    }
}
