package dev.arenals.server.bench;

import dev.arenals.check.modules.CachingFileProbe;
import dev.arenals.check.modules.FileProbe;
import dev.arenals.check.modules.ModuleSyntax;
import dev.arenals.check.modules.PackageJson;
import dev.arenals.check.modules.ProjectResolvers;
import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.tree.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * Module resolution figures on real directories:
 *
 * <pre>
 * java -cp server/target/arena-ls.jar dev.arenals.server.bench.ResolutionHarness DIR… [--runs N]
 * </pre>
 *
 * Every import, {@code export … from} and {@code import x = require()} specifier of the source files
 * below the directories (node_modules included: a workspace whose packages are linked there is
 * resolved as a whole) is collected by parsing, then resolved {@code --runs} times on one thread:
 * each run once over a fresh {@link CachingFileProbe} (directories listed and package.json files read
 * as the run goes: a cold start with a warm OS cache), once again over the same probe without its
 * memo of answers (every probe a cache hit: the resolver's own cost), and once with the memo (what
 * siblings importing the same modules pay). Per-specifier times are the run's total divided by the
 * count; the best and median runs are printed.
 */
public final class ResolutionHarness {
    private ResolutionHarness() {}

    /** A probe over another one's caches, without its memo of answers. */
    private static final class NoMemo implements FileProbe {
        private final FileProbe inner;

        NoMemo(FileProbe inner) { this.inner = inner; }

        @Override public Set<String> listing(String directory) { return inner.listing(directory); }
        @Override public PackageJson packageJson(String directory) { return inner.packageJson(directory); }
        @Override public Path realPath(Path file) { return inner.realPath(file); }
        @Override public ConcurrentMap<String, Object> resolutions() { return null; }
    }

    public static void main(String[] args) throws Exception {
        int runs = 7;
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) runs = Integer.parseInt(args[++i]);
            else roots.add(Path.of(args[i]).toAbsolutePath().normalize());
        }
        List<Path> importers = new ArrayList<>();
        List<String> specifiers = new ArrayList<>();
        List<Boolean> requires = new ArrayList<>();
        JsParser parser = new JsParser();
        Arena arena = new Arena();
        for (Path root : roots) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                files = walk.filter(Files::isRegularFile).filter(p -> dev.arenals.check.ProjectFiles.isSourceName(p.getFileName().toString()))
                        .filter(p -> { try { return Files.size(p) < 5_000_000; } catch (Exception e) { return false; } }).sorted().toList();
            }
            for (Path f : files) {
                char[] text;
                try {
                    text = Files.readString(f, StandardCharsets.UTF_8).toCharArray();
                } catch (java.io.IOException e) {
                    continue; // not UTF-8, unreadable: no specifiers from it
                }
                parser.parse(arena, text, text.length, ParseOptions.forFileName(f.getFileName().toString()));
                for (ModuleSyntax.ImportRef ref : ModuleSyntax.of(arena, f).imports) {
                    importers.add(f);
                    specifiers.add(ref.specifier);
                    requires.add(ref.requireSyntax);
                }
            }
        }
        int n = specifiers.size();
        System.out.printf(Locale.ROOT, "%d specifiers in %d roots%n", n, roots.size());
        double[] cold = new double[runs], warm = new double[runs], memo = new double[runs];
        int resolved = 0;
        for (int run = 0; run < runs; run++) {
            CachingFileProbe probe = new CachingFileProbe();
            ProjectResolvers fresh = new ProjectResolvers(new NoMemo(probe));
            long t0 = System.nanoTime();
            resolved = pass(fresh, importers, specifiers, requires);
            long t1 = System.nanoTime();
            pass(new ProjectResolvers(new NoMemo(probe)), importers, specifiers, requires);
            long t2 = System.nanoTime();
            ProjectResolvers memoized = new ProjectResolvers(probe);
            pass(memoized, importers, specifiers, requires); // fills the memo
            long t3 = System.nanoTime();
            pass(memoized, importers, specifiers, requires);
            long t4 = System.nanoTime();
            cold[run] = (t1 - t0) / 1e3 / n;
            warm[run] = (t2 - t1) / 1e3 / n;
            memo[run] = (t4 - t3) / 1e3 / n;
        }
        System.out.printf(Locale.ROOT, "%d resolved; microseconds per specifier, best / median of %d runs:%n", resolved, runs);
        System.out.printf(Locale.ROOT, "  cold probes (fresh listings and package.json files): %.2f / %.2f%n", min(cold), median(cold));
        System.out.printf(Locale.ROOT, "  warm probes, no memo (the resolver's own work):      %.2f / %.2f%n", min(warm), median(warm));
        System.out.printf(Locale.ROOT, "  memoized answers:                                    %.2f / %.2f%n", min(memo), median(memo));
        // the server's resolver over its short-lived caches from cold, as indexing meets it: this thread's CPU time
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] server = new double[runs];
        for (int run = 0; run < runs; run++) {
            dev.arenals.server.workspace.ModuleResolver.forgetAll();
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) dev.arenals.server.workspace.ModuleResolver.resolveFrom(importers.get(i), specifiers.get(i), requires.get(i));
            server[run] = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / n;
        }
        System.out.printf(Locale.ROOT, "  the server's ModuleResolver from cold caches (CPU):  %.2f / %.2f%n", min(server), median(server));
    }

    private static int pass(ProjectResolvers resolvers, List<Path> importers, List<String> specifiers, List<Boolean> requires) {
        int found = 0;
        for (int i = 0; i < specifiers.size(); i++) {
            Path file = importers.get(i);
            if (resolvers.forFile(file).resolve(specifiers.get(i), file, requires.get(i)) != null) found++;
        }
        return found;
    }

    private static double min(double[] a) { return Arrays.stream(a).min().orElse(0); }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
