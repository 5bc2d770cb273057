package dev.arenals.check;

import dev.arenals.check.modules.AmbientModuleNames;
import dev.arenals.check.modules.CachingFileProbe;
import dev.arenals.check.modules.ImportChecks;
import dev.arenals.check.modules.ModuleShape;
import dev.arenals.check.modules.ModuleSyntax;
import dev.arenals.check.modules.ProjectResolvers;
import dev.arenals.parser.LineStarts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * {@code check --resolve}: after every file is parsed, the imports of each are resolved as
 * TypeScript resolves them and checked against the other files' exports ({@link ImportChecks}:
 * TS2307 and TS2305, only where TypeScript's answer is certain). The modules known are the files
 * being checked; an import of anything else is resolved but its exports are not judged. A file with
 * findings is read again for their lines and columns (findings are rare; the parse kept no text).
 */
final class ImportPass {
    private ImportPass() {}

    private static final Comparator<Problem> BY_POSITION = new Comparator<Problem>() {
        @Override public int compare(Problem a, Problem b) {
            if (a.offset != b.offset) return Integer.compare(a.offset, b.offset);
            if (a.endOffset != b.endOffset) return Integer.compare(a.endOffset, b.endOffset);
            return Integer.compare(a.code, b.code);
        }
    };

    static void run(List<SourceFile> files, ModuleSyntax[] syntax, FileReport[] results, Set<Integer> warnCodes, boolean frames, int threads) {
        if (syntax == null) return;
        Map<Path, ModuleShape> shapes = new HashMap<>();
        List<String> ambient = new ArrayList<>();
        for (int i = 0; i < syntax.length; i++) {
            if (syntax[i] == null) continue;
            shapes.put(files.get(i).path, syntax[i].shape);
            ambient.addAll(syntax[i].ambientModules);
        }
        ProjectResolvers resolvers = new ProjectResolvers(new CachingFileProbe());
        AmbientModuleNames ambientNames = new AmbientModuleNames(ambient);
        Function<Path, ModuleShape> lookup = new Function<Path, ModuleShape>() { // a class, not a lambda (start-up, docs/check-performance.md)
            @Override public ModuleShape apply(Path p) { return shapes.get(p); }
        };
        AtomicInteger next = new AtomicInteger();
        Runnable work = new Runnable() { @Override public void run() { // each file's slot is its own: no ordering to keep
            int i;
            while ((i = next.getAndIncrement()) < syntax.length) {
                if (syntax[i] == null || results[i] == null || !results[i].checked) continue;
                SourceFile f = files.get(i);
                List<ImportChecks.Finding> findings;
                try {
                    findings = ImportChecks.check(f.path, syntax[i], resolvers, lookup, ambientNames, true);
                } catch (RuntimeException e) {
                    continue; // resolution trouble is no finding
                }
                if (!findings.isEmpty()) results[i] = withFindings(f, results[i], findings, warnCodes, frames);
            }
        } };
        Thread[] others = new Thread[Math.max(0, Math.min(threads, syntax.length) - 1)];
        for (int t = 0; t < others.length; t++) {
            others[t] = new Thread(work, "arena-ls-resolve-" + (t + 1));
            others[t].setDaemon(true);
            others[t].start();
        }
        work.run();
        for (Thread t : others) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static FileReport withFindings(SourceFile f, FileReport report, List<ImportChecks.Finding> findings, Set<Integer> warnCodes, boolean frames) {
        String text;
        try {
            text = Files.readString(f.path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return report; // changed or gone since the parse: its findings cannot be placed
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        char[] chars = text.toCharArray();
        LineStarts lines = LineStarts.of(chars, chars.length, LineStarts.Terminators.ECMASCRIPT);
        List<Problem> problems = new ArrayList<>(report.problems);
        for (ImportChecks.Finding finding : findings) {
            int s = Math.min(finding.start, chars.length), e = Math.max(s, Math.min(finding.end, chars.length));
            int line = lines.lineOf(s), endLine = lines.lineOf(e);
            String lineText = null;
            int frameColumn = 0;
            if (frames) {
                int ls = lines.lineStart(line), le = lines.lineContentEnd(chars, chars.length, line);
                lineText = new String(chars, ls, Math.min(le - ls, 160));
                frameColumn = s - ls + 1;
            }
            Severity severity = warnCodes.contains(finding.code) ? Severity.WARNING : Severity.ERROR;
            problems.add(new Problem(severity, finding.code, finding.message, s, e, line + 1, s - lines.lineStart(line) + 1,
                    endLine + 1, e - lines.lineStart(endLine) + 1, lineText, frameColumn, null));
        }
        problems.sort(BY_POSITION);
        return new FileReport(report.kind, report.path, report.checked, report.bytes, problems);
    }
}
