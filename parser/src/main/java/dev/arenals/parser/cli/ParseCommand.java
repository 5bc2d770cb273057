package dev.arenals.parser.cli;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.LineStarts;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.TreeDump;
import dev.arenals.parser.DiagnosticMessages;
import dev.arenals.parser.scope.Binder;
import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.parser.tree.ParseLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * `parse [--module] [--dump] FILE…`: parses each file into an arena and prints its diagnostics
 * (tsc style: path(line,col): error TSxxxx: message, lines counted as tsc counts them) and a
 * summary of the tree. Syntax errors and the binder's early errors, like {@code check}. Each file is parsed as {@code check} and the server parse it
 * ({@link ParseOptions#forFileName}): language, goal and declaration file from its name;
 * {@code --module} forces the module goal. Exit code 1 when any file has errors, 2 on usage or
 * I/O problems.
 */
public final class ParseCommand {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        boolean module = false;
        boolean dump = false;
        int errors = 0;
        int files = 0;
        JsParser parser = new JsParser();
        Arena arena = new Arena();
        Binder binder = new Binder();
        ScopeTable scopes = new ScopeTable();
        for (String a : args) {
            if (a.equals("--module")) { module = true; continue; }
            if (a.equals("--dump")) { dump = true; continue; }
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println("usage: parse [--module] [--dump] FILE...");
                return 0;
            }
            Path p = Path.of(a);
            String text;
            try {
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                System.err.println(a + ": cannot read: " + e.getMessage());
                return 2;
            }
            files++;
            ParseOptions options = ParseOptions.forFileName(a);
            if (module) options = ParseOptions.of(options.language(), ParseOptions.Goal.MODULE, options.isDeclaration());
            long t0 = System.nanoTime();
            parser.parse(arena, text, options);
            binder.bindDeclarations(arena, scopes); // its early errors too, as check and the server report them
            long t1 = System.nanoTime();
            ParseLog log = arena.log();
            LineStarts lines = LineStarts.of(text, LineStarts.Terminators.ECMASCRIPT);
            for (int i = 0; i < log.diagnosticCount(); i++) {
                int off = log.diagnosticStart(i);
                int line = lines.lineOf(off);
                System.out.printf("%s(%d,%d): error TS%d: %s%n", a, line + 1, off - lines.lineStart(line) + 1,
                        log.diagnostic(i).code, DiagnosticMessages.message(log, i, arena.names()));
            }
            errors += log.diagnosticCount();
            int[] byKind = new int[NodeKind.COUNT];
            for (int n = 0; n < arena.nodeCount(); n++) byKind[arena.kind(n)]++;
            System.out.printf("%s: %s goal, %d chars, %d nodes, %d names, %d comments, %d diagnostics, parsed in %.2f ms%n",
                    a, arena.isModule() ? "module" : "script", text.length(), arena.nodeCount(), arena.names().size(),
                    log.commentCount(), log.diagnosticCount(), (t1 - t0) / 1e6);
            StringBuilder top = new StringBuilder("  most frequent nodes:");
            for (int shown = 0; shown < 6; shown++) {
                int best = -1;
                for (int k = 0; k < byKind.length; k++) if (byKind[k] > 0 && (best < 0 || byKind[k] > byKind[best])) best = k;
                if (best < 0) break;
                top.append(' ').append(NodeKind.name(best)).append('=').append(byKind[best]);
                byKind[best] = 0;
            }
            System.out.println(top);
            if (dump) System.out.println(TreeDump.dump(arena));
        }
        if (files == 0) {
            System.err.println("usage: parse [--module] [--dump] FILE...");
            return 2;
        }
        return errors > 0 ? 1 : 0;
    }
}
