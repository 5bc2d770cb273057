package dev.arenals.check;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * {@code arena-ls check [OPTIONS] [PATH…]}: the headless CI mode. Walks files, directories and
 * globs (default {@code .}), parses and binds every JavaScript/TypeScript file in parallel, and
 * reports what the language server would show, in one of six formats. Exit code 0 when there is
 * no error, 1 when there are errors (or more warnings than {@code --max-warnings}), 2 on a usage
 * error or an I/O failure. See docs/check.md.
 */
public final class CheckCommand {
    private CheckCommand() {}

    public static void main(String[] args) {
        // --resident (or ARENA_LS_RESIDENT=1): a client of the per-user daemon; it loads none of the
        // checker's classes unless it has to fall back to a cold run (docs/check.md, "Resident mode")
        if (ResidentClient.wanted(args)) System.exit(ResidentClient.main(args));
        System.exit(run(ResidentClient.checkArguments(args), System.out, System.err)); // without --no-resident
    }

    /** {@link #run(String[], PrintStream, PrintStream)} on System.out and System.err. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    /**
     * Runs the command. {@code out} receives the report (unless {@code --output}); {@code err}
     * notes, errors, the progress line and the summary. Text is written as UTF-8. Never throws.
     *
     * @return the exit code: 0, 1 or 2
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Environment env = Environment.ofThisProcess();
        return run(args, out, err, env);
    }

    /**
     * What of the process around it the check reads besides its arguments and the files: a cold
     * run takes it from its own process, the resident daemon from the client's request, so both
     * print the same bytes.
     */
    static final class Environment {
        /** stdin and stdout are a terminal ({@code System.console() != null}): code frames and colour. */
        final boolean stdoutTty;
        /** stderr is a terminal: the progress line. */
        final boolean stderrTty;
        /** NO_COLOR is set and not empty. */
        final boolean noColor;
        /** ARENA_LS_DEBUG is set: stack traces of internal errors. */
        final boolean debug;
        /** The directory relative paths start from. */
        final Path workingDirectory;
        /** The default of --threads: the cores this process may use. */
        final int processors;

        Environment(boolean stdoutTty, boolean stderrTty, boolean noColor, boolean debug, Path workingDirectory, int processors) {
            this.stdoutTty = stdoutTty;
            this.stderrTty = stderrTty;
            this.noColor = noColor;
            this.debug = debug;
            this.workingDirectory = workingDirectory;
            this.processors = processors;
        }

        static Environment ofThisProcess() {
            String noColor = System.getenv("NO_COLOR");
            boolean console = System.console() != null;
            return new Environment(console, console || isTerminal(2), noColor != null && !noColor.isEmpty(),
                    System.getenv("ARENA_LS_DEBUG") != null, Path.of("").toAbsolutePath().normalize(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** {@code tty}: stdout and stderr are a terminal (code frames, colour, progress). */
    static int run(String[] args, PrintStream out, PrintStream err, boolean tty, boolean noColorEnv) {
        return run(args, out, err, tty, tty, noColorEnv);
    }

    /**
     * {@code stdoutTty}: stdin and stdout are a terminal ({@code System.console() != null}): code
     * frames and colour. {@code stderrTty}: stderr is a terminal: the progress line.
     */
    static int run(String[] args, PrintStream out, PrintStream err, boolean stdoutTty, boolean stderrTty, boolean noColorEnv) {
        return run(args, out, err, new Environment(stdoutTty, stderrTty, noColorEnv, System.getenv("ARENA_LS_DEBUG") != null,
                Path.of("").toAbsolutePath().normalize(), Runtime.getRuntime().availableProcessors()));
    }

    /** Runs the command in {@code env} (a cold run's own process, or a resident daemon's client). */
    static int run(String[] args, PrintStream out, PrintStream err, Environment env) {
        long start = System.nanoTime();
        Messages msg = new Messages(err);
        try {
            return new CheckCommand.Run(args, out, msg, env, start).execute();
        } catch (Usage e) {
            msg.line("arena-ls check: " + e.getMessage());
            msg.line("Run 'arena-ls check --help' for the options.");
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            msg.line("arena-ls check: interrupted");
            return 2;
        } catch (Throwable t) {
            // never a stack trace for the user; ARENA_LS_DEBUG=1 shows it
            msg.line("arena-ls check: internal error: " + t);
            if (env.debug) t.printStackTrace(err);
            return 2;
        }
    }

    /** Writes UTF-8 lines to stderr whatever the platform encoding. */
    static final class Messages {
        final PrintStream err;

        Messages(PrintStream err) { this.err = err; }

        void line(String s) {
            byte[] b = (s + "\n").getBytes(StandardCharsets.UTF_8);
            err.write(b, 0, b.length);
            err.flush();
        }
    }

    private static final class Usage extends Exception {
        Usage(String message) { super(message); }
    }

    private static final class Run {
        final String[] args;
        final PrintStream out;
        final Messages msg;
        final boolean tty;
        final boolean stderrTty;
        final boolean noColorEnv;
        final Environment env;
        final long start;
        CheckOptions o;

        Run(String[] args, PrintStream out, Messages msg, Environment env, long start) {
            this.args = args;
            this.out = out;
            this.msg = msg;
            this.tty = env.stdoutTty;
            this.stderrTty = env.stderrTty;
            this.noColorEnv = env.noColor;
            this.env = env;
            this.start = start;
        }

        int execute() throws Usage, InterruptedException {
            try {
                o = CheckOptions.parse(args, env.processors);
            } catch (CheckOptions.UsageException e) {
                throw new Usage(e.getMessage());
            }
            if (o.help) {
                write(out, usage());
                return 0;
            }
            if (o.version) {
                write(out, "arena-ls check " + version() + "\n");
                return 0;
            }
            Path cwd = env.workingDirectory;
            if (o.cwd != null) {
                cwd = path(cwd, o.cwd, "--cwd");
                if (!Files.isDirectory(cwd)) throw new Usage("--cwd " + o.cwd + ": not a directory");
            }

            TsConfig project = null;
            List<String> inputs = new ArrayList<>(o.inputs);
            if (o.project != null) {
                Path p = path(cwd, o.project, "--project");
                if (Files.isDirectory(p)) p = p.resolve("tsconfig.json");
                if (!Files.isRegularFile(p)) throw new Usage("--project " + o.project + ": no such file");
                try {
                    project = TsConfig.load(p);
                } catch (TsConfig.ConfigException e) {
                    throw new Usage("--project " + o.project + ": " + e.getMessage());
                }
                if (inputs.isEmpty()) inputs.addAll(projectInputs(project));
            }
            if (inputs.isEmpty()) inputs.add(".");

            // 1. collect, while a spare core checks what the walk has found so far (or, when a
            // shard or the import pass needs the whole list first, gets the parser compiled)
            boolean frames = tty && o.output == null && o.format == CheckOptions.Format.STYLISH;
            EarlyCheck early = o.shardCount > 0 || o.resolve ? null
                    : EarlyCheck.startIfUseful(o.threads, o.maxFileSize, o.warnCodes, frames, o.stats);
            WarmUp warmUp = early == null ? WarmUp.startIfUseful(o.threads) : null;
            FileCollector collector = new FileCollector(cwd, o, project);
            if (early != null) collector.onFile = early;
            try {
                collector.collect(inputs);
            } finally {
                if (warmUp != null) warmUp.stop();
                if (early != null) early.walkDone();
            }
            if (!collector.usageErrors.isEmpty()) {
                for (String e : collector.usageErrors) msg.line("arena-ls check: " + e);
                return 2;
            }
            if (!o.quiet) for (String n : collector.notes) msg.line("arena-ls check: note: " + n);
            long collected = System.nanoTime();

            // 2. shard: the source paths in sorted order, every N-th one
            List<Object> items = new ArrayList<>(collector.sortedFiles());
            List<FileReport> shared = new ArrayList<>();
            for (FileReport r : collector.reports) {
                if (r.kind == FileReport.Kind.SOURCE) items.add(r); else shared.add(r);
            }
            items.sort(BY_PATH);
            int total = items.size();
            if (o.shardCount > 0) {
                List<Object> mine = new ArrayList<>();
                for (int i = o.shardIndex - 1; i < items.size(); i += o.shardCount) mine.add(items.get(i));
                items = mine;
            }
            List<SourceFile> toCheck = new ArrayList<>();
            for (Object it : items) if (it instanceof SourceFile) toCheck.add((SourceFile) it);

            // 3. check
            Checker checker = new Checker(o.threads, o.maxFileSize, o.warnCodes, frames, o.stats, o.resolve);
            if (early != null) {
                checker.filesDone.addAndGet(early.filesChecked);
                checker.bytesDone.addAndGet(early.bytesChecked);
                checker.allocatedBytes.addAndGet(early.allocatedBytes);
                checker.retainedGrowth.addAndGet(early.retainedGrowth);
            }
            long mainAllocBefore = o.stats ? Checker.Allocation.currentThread() : 0;
            Progress progress = null;
            if (stderrTty && !o.quiet && toCheck.size() > 1) {
                progress = new Progress(checker, toCheck.size(), msg.err, start);
                progress.start();
            }
            FileReport[] results;
            try {
                results = checker.check(toCheck);
            } finally {
                if (progress != null) progress.stop();
            }
            if (o.resolve) ImportPass.run(toCheck, checker.moduleSyntax, results, o.warnCodes, frames, o.threads);
            long checkedAt = System.nanoTime();

            // 4. report
            List<FileReport> all = new ArrayList<>(items.size() + shared.size());
            int k = 0;
            for (Object it : items) all.add(it instanceof SourceFile ? results[k++] : (FileReport) it);
            all.addAll(shared);
            all.sort(FileReport.BY_PATH_THEN_KIND);
            // only JSON and SARIF record the version; reading it loads the jar-URL machinery (~10 ms)
            boolean recordsVersion = o.format == CheckOptions.Format.JSON || o.format == CheckOptions.Format.SARIF;
            Report report = new Report(all, o.quiet, recordsVersion ? version() : "unknown", cwd);
            boolean color = o.color != null ? o.color : tty && !noColorEnv && o.output == null;
            if (!writeReport(report, cwd, color, frames)) return 2;
            long end = System.nanoTime();

            // 5. summary and exit code
            int exit = report.executionSuccessful ? 0 : 2;
            if (exit == 0 && report.errors > 0) exit = 1;
            boolean overWarnings = o.maxWarnings >= 0 && report.warnings > o.maxWarnings;
            if (exit == 0 && overWarnings) exit = 1;
            if (!o.quiet) {
                msg.line(summary(report, total, end - start));
            }
            if (overWarnings) {
                msg.line("arena-ls check: " + report.warnings + " warnings, more than --max-warnings " + o.maxWarnings);
            }
            if (!report.executionSuccessful) {
                msg.line("arena-ls check: some files or directories could not be read (see the report); exit code 2");
            }
            if (o.stats) {
                long mainAlloc = Checker.Allocation.currentThread() - mainAllocBefore;
                int n = Math.max(1, toCheck.size());
                long allocated = checker.allocatedBytes.get();
                long garbage = Math.max(0, allocated - checker.retainedGrowth.get());
                msg.line(String.format(java.util.Locale.ROOT,
                        "arena-ls check: stats: collect %.0f ms (%d files checked meanwhile), check %.0f ms on %d thread(s), report %.0f ms; "
                                + "checking threads allocated %d bytes (%d bytes/file), %d of them kept as arena/buffer capacity, "
                                + "garbage %d bytes (%d bytes/file); main thread from check start %d bytes; GC %s",
                        (collected - start) / 1e6, early == null ? 0 : early.filesChecked, (checkedAt - collected) / 1e6, Math.min(o.threads, n),
                        (end - checkedAt) / 1e6, allocated, allocated / n, checker.retainedGrowth.get(),
                        garbage, garbage / n, mainAlloc, Checker.Allocation.gcSummary()));
            }
            return exit;
        }

        /** --project without paths: its directory, plus listed files and include bases outside it. */
        private List<String> projectInputs(TsConfig project) {
            List<String> inputs = new ArrayList<>();
            Path dir = project.directory();
            inputs.add(dir.toString());
            for (Path base : project.includeBaseDirectories()) {
                if (!base.startsWith(dir) && Files.isDirectory(base)) inputs.add(base.toString());
            }
            for (Path f : project.listedFiles()) {
                if (!f.startsWith(dir)) inputs.add(f.toString());
            }
            return inputs;
        }

        private boolean writeReport(Report report, Path cwd, boolean color, boolean frames) {
            Writer w = null;
            try {
                if (o.output != null) {
                    Path target;
                    try {
                        target = cwd.resolve(o.output);
                    } catch (InvalidPathException e) {
                        msg.line("arena-ls check: --output " + o.output + ": not a valid path");
                        return false;
                    }
                    w = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                } else {
                    w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                }
                switch (o.format) {
                    case STYLISH: StylishFormat.write(report, w, color, frames); break;
                    case TSC: LineFormats.tsc(report, w); break;
                    case GITHUB: LineFormats.github(report, w); break;
                    case JSON: JsonFormat.write(report, w); break;
                    case SARIF: SarifFormat.write(report, o.warnCodes, w); break;
                    case JUNIT: JunitFormat.write(report, w); break;
                    case GITLAB: GitlabFormat.write(report, w); break;
                    case CHECKSTYLE: CheckstyleFormat.write(report, w); break;
                    default: throw new IllegalStateException(o.format.name());
                }
                if (o.output != null) w.close(); else w.flush();
                return true;
            } catch (IOException e) {
                msg.line("arena-ls check: cannot write the report" + (o.output != null ? " to " + o.output : "")
                        + ": " + Failure.describe(e));
                if (o.output != null && w != null) {
                    try { w.close(); } catch (IOException ignored) { /* already failing */ }
                }
                return false;
            }
        }

        private String summary(Report r, int total, long nanos) {
            StringBuilder sb = new StringBuilder("arena-ls check: ");
            sb.append(r.files).append(r.files == 1 ? " file" : " files");
            if (o.shardCount > 0) sb.append(" (shard ").append(o.shardIndex).append('/').append(o.shardCount).append(" of ").append(total).append(')');
            sb.append(", ").append(r.errors).append(r.errors == 1 ? " error" : " errors");
            sb.append(", ").append(r.warnings).append(r.warnings == 1 ? " warning" : " warnings");
            int notChecked = r.files - r.checked;
            if (notChecked > 0) sb.append(", ").append(notChecked).append(" not checked");
            sb.append(" in ").append(Units.seconds(nanos));
            sb.append(" (").append(Units.size(r.bytes)).append(", ").append(Units.mbPerSecond(r.bytes, nanos));
            sb.append(", ").append(Units.perSecond(r.files, nanos)).append(" files/s)");
            return sb.toString();
        }
    }

    /**
     * Whether file descriptor {@code fd} is a terminal, on Linux (where /proc/self/fd links to the
     * device); false elsewhere. Java 17 cannot tell for stderr alone otherwise.
     */
    static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String pathOf(Object item) {
        return item instanceof SourceFile ? ((SourceFile) item).display : ((FileReport) item).path;
    }

    /** Files to check and reports of skipped paths, by displayed path (a class, not a lambda: see docs/check-performance.md, "Start-up"). */
    private static final Comparator<Object> BY_PATH = new Comparator<Object>() {
        @Override public int compare(Object a, Object b) { return pathOf(a).compareTo(pathOf(b)); }
    };

    private static Path path(Path cwd, String s, String option) throws Usage {
        try {
            return cwd.resolve(s).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new Usage(option + " " + s + ": not a valid path");
        }
    }

    private static void write(PrintStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        out.flush();
    }

    private static volatile String version;

    /** The Maven project version (filtered into version.properties). */
    static String version() {
        String v = version;
        if (v != null) return v;
        // the jar's manifest, already read when the class was loaded (the shaded jar and the check
        // jar both carry Implementation-Version); a resource read costs the jar-URL machinery (~10 ms)
        v = CheckCommand.class.getPackage().getImplementationVersion();
        if (v != null) {
            version = v;
            return v;
        }
        v = "unknown";
        try (InputStream in = CheckCommand.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String s = p.getProperty("version", "unknown");
                if (!s.startsWith("${")) v = s;
            }
        } catch (IOException e) {
            // unknown
        }
        version = v;
        return v;
    }

    static String usage() {
        return String.join("\n", Arrays.asList(
                "usage: arena-ls check [OPTIONS] [PATH...]",
                "",
                "Parses every JavaScript and TypeScript file under the PATHs (files, directories or quoted",
                "glob patterns such as 'src/**/*.ts'; default .) and reports syntax and scope errors, like",
                "the language server. Files: .js .mjs .cjs .jsx .ts .mts .cts .tsx (.d.ts too).",
                "",
                "Selection:",
                "  --no-ignore            check everything: no default skips (node_modules, .git, dist, build,",
                "                         out, coverage, .next, ...), no .gitignore, no tsconfig.json",
                "  -p, --project FILE     the tsconfig.json whose files/include/exclude select the files",
                "                         (default: the nearest tsconfig.json of each directory)",
                "  --shard I/N            check the I-th of N slices of the sorted file list (CI matrices)",
                "  --max-file-size SIZE   larger files are not parsed and count as errors (default 10MB;",
                "                         units K, M, G are powers of 1024)",
                "  --resolve              also resolve imports as TypeScript does: TS2307 for a module that",
                "                         cannot be found, TS2305 for a name a project module does not export",
                "",
                "Output:",
                "  -f, --format NAME      stylish (default), tsc, json, sarif, github, junit, gitlab, checkstyle",
                "  -o, --output FILE      write the report to FILE; the summary still goes to stderr",
                "  --color, --no-color    force colour on or off (default: on a terminal unless NO_COLOR)",
                "  -q, --quiet            report errors only: no warnings, notes, progress or summary",
                "  --warn CODES           report these codes as warnings, e.g. --warn 1005,TS9001;",
                "                         'unused' adds unused declarations (TS6133, TS6196, TS6192, TS6205)",
                "  --max-warnings N       exit 1 when there are more than N warnings",
                "  --stats                print timing and allocation figures to stderr",
                "",
                "Running:",
                "  -j, --threads N        parallel threads (default: the number of cores)",
                "  --cwd DIR              run as if started in DIR",
                "  --resident             run in this user's resident daemon (started when absent; stops",
                "                         after 10 idle minutes): no JVM start-up or JIT warm-up per run.",
                "                         Same output; cold when the daemon fails. Also ARENA_LS_RESIDENT=1",
                "  --no-resident          a cold run even when ARENA_LS_RESIDENT=1",
                "  --resident-stop        stop the resident daemon",
                "  -h, --help             this help",
                "  --version              the version",
                "",
                "Exit codes: 0 no errors; 1 errors, or more than --max-warnings warnings; 2 usage error or",
                "I/O failure (unreadable file, vanished directory, unwritable --output).",
                "Lines and columns are 1-based; columns count UTF-16 code units. See docs/check.md.",
                "")) ;
    }
}
