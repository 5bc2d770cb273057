package dev.arenals.check;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns the command's inputs (files, directories, glob patterns) into the sorted list of files to
 * check, applying the skip rules unless {@code --no-ignore}:
 *
 * <ol>
 *   <li>directories named in {@link #DEFAULT_SKIPPED_DIRECTORIES} (dependencies, VCS metadata,
 *       build outputs and caches), at any depth below the project root;</li>
 *   <li>{@code .gitignore} files of every directory from the project root down (see
 *       {@link GitIgnore}) and the repository's {@code .git/info/exclude};</li>
 *   <li>the nearest {@code tsconfig.json} (in the file's directory or the closest ancestor up to
 *       the project root) decides by its {@code files}/{@code include}/{@code exclude}; with
 *       {@code --project FILE} that one config decides for every file.</li>
 * </ol>
 *
 * The <em>project root</em> of an input is the closest ancestor holding {@code .git} (the
 * repository), else the working directory when the input is inside it, else the input itself.
 * Rules are evaluated on paths relative to it, so a checkout under a folder called {@code build}
 * is not skipped. Symbolic links and special files found by the walk are not followed; a path
 * given explicitly is followed.
 */
final class FileCollector {
    /** Directory names skipped at any depth (unless --no-ignore). */
    static final Set<String> DEFAULT_SKIPPED_DIRECTORIES = Set.of(
            "node_modules", "bower_components", "jspm_packages",
            ".git", ".hg", ".svn", ".jj",
            "dist", "build", "out", "coverage", ".nyc_output",
            ".next", ".nuxt", ".svelte-kit", ".output", ".vercel", ".netlify", ".docusaurus",
            ".turbo", ".cache", ".parcel-cache", ".angular", ".yarn", ".pnpm-store");

    private final Path cwd;
    private final CheckOptions options;
    private final TsConfig project;

    /** Test hook (null: none): runs before a directory is listed (to make it vanish, for instance). */
    Consumer<Path> beforeListing = null;

    // results
    private final Map<Path, SourceFile> files = new HashMap<>();
    final List<FileReport> reports = new ArrayList<>();
    final List<String> usageErrors = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    private final Map<String, Dir> frames = new HashMap<>();
    private final Map<Path, Path> roots = new HashMap<>();
    private final Map<Path, TsConfig> configs = new HashMap<>();
    private final Set<Path> badConfigs = new HashSet<>();

    /** One directory on the way from a project root: its rules and the config that governs it. */
    private static final class Dir {
        final Dir parent;
        final Path path;
        /** Relative to the project root, '/'-separated; "" for the root itself. */
        final String rel;
        final GitIgnore gitignore;
        /** Root only: .git/info/exclude (lower precedence than every .gitignore). */
        final GitIgnore infoExclude;
        final TsConfig tsconfig;
        /** This directory, or one above it below the root, is skipped by a rule. */
        final boolean ignored;

        Dir(Dir parent, Path path, String rel, GitIgnore gitignore, GitIgnore infoExclude, TsConfig tsconfig, boolean ignored) {
            this.parent = parent;
            this.path = path;
            this.rel = rel;
            this.gitignore = gitignore;
            this.infoExclude = infoExclude;
            this.tsconfig = tsconfig;
            this.ignored = ignored;
        }
    }

    FileCollector(Path cwd, CheckOptions options, TsConfig project) {
        this.cwd = cwd;
        this.options = options;
        this.project = project;
    }

    /** The files to check, sorted by display path (code-unit order). */
    List<SourceFile> sortedFiles() {
        List<SourceFile> list = new ArrayList<>(files.values());
        list.sort(SourceFile.BY_DISPLAY);
        return list;
    }

    /** Expands every input. Afterwards see {@link #usageErrors}, {@link #reports}, {@link #notes}. */
    void collect(List<String> inputs) {
        for (String input : inputs) collectOne(input);
    }

    private void collectOne(String input) {
        Path p;
        try {
            p = cwd.resolve(input).normalize();
        } catch (InvalidPathException e) {
            p = null;
        }
        if (p != null && Files.exists(p)) {
            if (Files.isDirectory(p)) {
                collectDirectory(input, p, null);
            } else if (Files.isRegularFile(p)) {
                collectExplicitFile(input, p);
            } else {
                reports.add(new FileReport(FileReport.Kind.SOURCE, display(p), false, 0,
                        List.of(Problem.of(Failure.UNREADABLE, "not a regular file (a device, socket or pipe): not checked"))));
            }
            return;
        }
        if (isGlob(input)) {
            collectGlob(input);
            return;
        }
        if (p != null && Files.isSymbolicLink(p)) {
            usageErrors.add("'" + input + "' is a broken symbolic link");
        } else {
            usageErrors.add("'" + input + "': no such file or directory");
        }
    }

    static boolean isGlob(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- explicit files

    private void collectExplicitFile(String input, Path file) {
        String name = file.getFileName().toString();
        if (!SourceFile.isSourceName(name)) {
            notes.add(input + ": skipped, not a .js/.mjs/.cjs/.jsx/.ts/.mts/.cts/.tsx file");
            return;
        }
        long size = 0;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            // the check reports it
        }
        if (options.noIgnore && project == null) {
            add(file, size);
            return;
        }
        Path parentDir = file.getParent();
        Dir dir = frame(parentDir, rootFor(parentDir));
        String why = null;
        if (!options.noIgnore) {
            if (dir.ignored) why = "it is in a skipped directory";
            else if (isIgnored(dir, name, false)) why = "a .gitignore rule matches it";
        }
        if (why == null && dir.tsconfig != null && !dir.tsconfig.includes(file)) {
            why = "it is not in " + display(dir.tsconfig.file()) + "'s files/include (or is excluded)";
        }
        if (why != null) {
            notes.add(input + ": skipped, " + why + " (--no-ignore checks it)");
            return;
        }
        add(file, size);
    }

    // ---------------------------------------------------------------- directories

    /** Walks {@code dir}; when {@code patterns} is given, only files whose path below dir matches one. */
    private int collectDirectory(String input, Path dir, List<String> patterns) {
        Dir start = frame(dir, rootFor(dir));
        if (start.ignored) {
            notes.add(input + ": skipped, the directory is skipped by a rule (--no-ignore checks it)");
            return 0;
        }
        int before = files.size() + selectedCount;
        Deque<Dir> pending = new ArrayDeque<>();
        pending.push(start);
        while (!pending.isEmpty()) {
            Dir d = pending.pop();
            List<Path> subdirs = new ArrayList<>();
            if (beforeListing != null) beforeListing.accept(d.path);
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(d.path)) {
                for (Path child : stream) {
                    String name = child.getFileName().toString();
                    BasicFileAttributes at;
                    try {
                        at = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException e) {
                        // gone (or unreadable) between the listing and now: it matters if we would have checked it
                        if (SourceFile.isSourceName(name) && !isIgnored(d, name, false) && matchesPatterns(dir, child, patterns)
                                && (d.tsconfig == null || d.tsconfig.includes(child))) {
                            Failure f = e instanceof NoSuchFileException ? Failure.VANISHED : Failure.UNREADABLE;
                            reports.add(new FileReport(FileReport.Kind.SOURCE, display(child), false, 0,
                                    List.of(Problem.of(f, f == Failure.VANISHED
                                            ? "the file disappeared while the directory was walked"
                                            : "cannot read the file's attributes: " + Failure.describe(e)))));
                        }
                        continue;
                    }
                    if (at.isDirectory()) {
                        if (!isIgnored(d, name, true)) subdirs.add(child);
                    } else if (at.isRegularFile()) {
                        if (!SourceFile.isSourceName(name)) continue;
                        if (isIgnored(d, name, false)) continue;
                        if (d.tsconfig != null && !d.tsconfig.includes(child)) continue;
                        if (!matchesPatterns(dir, child, patterns)) continue;
                        if (selectedOnly != null) { // the server's walk: its time too, read with the size
                            selectedCount++;
                            selectedOnly.accept(new ProjectFiles.Entry(child, at.size(), at.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)));
                        } else {
                            add(child, at.size());
                        }
                    }
                    // symbolic links and special files are not followed
                }
            } catch (NoSuchFileException | NotDirectoryException e) {
                reports.add(directoryProblem(d.path, Failure.VANISHED, "the directory disappeared while it was walked"));
                continue;
            } catch (AccessDeniedException e) {
                reports.add(directoryProblem(d.path, Failure.UNREADABLE, "cannot list the directory: permission denied"));
                continue;
            } catch (IOException | DirectoryIteratorException e) {
                Throwable cause = e instanceof DirectoryIteratorException ? e.getCause() : e;
                Failure f = cause instanceof NoSuchFileException ? Failure.VANISHED : Failure.UNREADABLE;
                reports.add(directoryProblem(d.path, f, "cannot list the directory: " + Failure.describe(cause)));
                continue;
            }
            // push in reverse so that the walk visits in listing order (the result is sorted anyway)
            for (int i = subdirs.size() - 1; i >= 0; i--) pending.push(child(d, subdirs.get(i)));
        }
        return files.size() + selectedCount - before;
    }

    private boolean matchesPatterns(Path base, Path file, List<String> patterns) {
        if (patterns == null) return true;
        String rel = slash(base.relativize(file));
        for (String p : patterns) if (Wildmatch.matches(p, rel)) return true;
        return false;
    }

    private FileReport directoryProblem(Path dir, Failure f, String message) {
        return new FileReport(FileReport.Kind.DIRECTORY, display(dir), false, 0, List.of(Problem.of(f, message)));
    }

    // ---------------------------------------------------------------- globs

    private void collectGlob(String glob) {
        // brace alternatives first: src/**/*.{ts,tsx} is two globs
        Map<Path, List<String>> byBase = new LinkedHashMap<>();
        for (String g : expandBraces(glob)) {
            String s = g.replace('\\', '/');
            // a backslash escapes in a glob on Unix; keep it when the platform separator is '/'
            if (java.io.File.separatorChar == '/') s = g;
            String[] parts = s.split("/", -1);
            int n = 0;
            while (n < parts.length - 1 && !isGlob(parts[n])) n++;
            String basePart = String.join("/", java.util.Arrays.asList(parts).subList(0, n));
            String pattern = String.join("/", java.util.Arrays.asList(parts).subList(n, parts.length));
            Path base;
            if (basePart.isEmpty() && s.startsWith("/")) base = Path.of("/");
            else base = basePart.isEmpty() ? cwd : cwd.resolve(basePart).normalize();
            List<String> patterns = byBase.get(base);
            if (patterns == null) byBase.put(base, patterns = new ArrayList<>());
            patterns.add(pattern);
        }
        int found = 0;
        for (Map.Entry<Path, List<String>> e : byBase.entrySet()) {
            if (Files.isDirectory(e.getKey())) found += collectDirectory(glob, e.getKey(), e.getValue());
        }
        if (found == 0) {
            usageErrors.add("no file to check matches '" + glob + "'"
                    + (options.noIgnore ? "" : " (skipped paths are not searched; --no-ignore searches them)"));
        }
    }

    /** {a,b} alternatives, nested, expanded; a '{' without a matching '}' or ',' is literal. */
    static List<String> expandBraces(String s) {
        List<String> out = new ArrayList<>();
        int open = -1;
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '{') {
                if (depth == 0) open = i;
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
                if (depth == 0) {
                    List<String> alts = splitTopLevel(s.substring(open + 1, i));
                    if (alts.size() < 2) continue; // "{x}" is literal
                    String head = s.substring(0, open);
                    String tail = s.substring(i + 1);
                    for (String alt : alts) out.addAll(expandBraces(head + alt + tail));
                    return out;
                }
            }
        }
        out.add(s);
        return out;
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    // ---------------------------------------------------------------- rules

    /** Closest ancestor with .git, else the working directory when dir is inside it, else dir. */
    Path rootFor(Path dir) {
        Path cached = roots.get(dir);
        if (cached != null) return cached;
        Path root = null;
        for (Path d = dir; d != null && root == null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) root = d;
        }
        if (root == null) root = dir.startsWith(cwd) ? cwd : dir;
        roots.put(dir, root);
        return root;
    }

    /** The frame of {@code dir} (inside {@code root}), built from the root down and cached. */
    private Dir frame(Path dir, Path root) {
        String key = root + "\u0000" + dir;
        Dir cached = frames.get(key);
        if (cached != null) return cached;
        Dir d;
        if (dir.equals(root) || !dir.startsWith(root) || dir.getParent() == null) {
            GitIgnore exclude = null;
            if (!options.noIgnore) exclude = readGitIgnore(dir.resolve(".git").resolve("info").resolve("exclude"));
            d = new Dir(null, dir, "", options.noIgnore ? null : readGitIgnore(dir.resolve(".gitignore")), exclude,
                    governingConfig(dir, null), false);
        } else {
            Dir parent = frame(dir.getParent(), root);
            String name = dir.getFileName().toString();
            boolean ignored = parent.ignored || isIgnored(parent, name, true);
            d = makeChild(parent, dir, name, ignored);
        }
        frames.put(key, d);
        return d;
    }

    private Dir child(Dir parent, Path dir) {
        return makeChild(parent, dir, dir.getFileName().toString(), false);
    }

    private Dir makeChild(Dir parent, Path dir, String name, boolean ignored) {
        String rel = parent.rel.isEmpty() ? name : parent.rel + "/" + name;
        GitIgnore gi = options.noIgnore ? null : readGitIgnore(dir.resolve(".gitignore"));
        return new Dir(parent, dir, rel, gi, null, governingConfig(dir, parent.tsconfig), ignored);
    }

    /** --project's config; else this directory's tsconfig.json when usable; else the parent's. */
    private TsConfig governingConfig(Path dir, TsConfig parents) {
        if (project != null) return project;
        if (options.noIgnore) return null;
        Path f = dir.resolve("tsconfig.json");
        if (!Files.isRegularFile(f)) return parents;
        TsConfig c = configs.get(f);
        if (c != null) return c;
        if (badConfigs.contains(f)) return parents;
        try {
            c = TsConfig.load(f);
            configs.put(f, c);
            return c;
        } catch (TsConfig.ConfigException e) {
            badConfigs.add(f);
            reports.add(new FileReport(FileReport.Kind.CONFIG, display(f), false, 0,
                    List.of(Problem.of(Failure.CONFIG, e.getMessage() + "; files below it are checked as if it did not exist"))));
            return parents;
        }
    }

    private static GitIgnore readGitIgnore(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            GitIgnore g = GitIgnore.parse(text);
            return g.isEmpty() ? null : g;
        } catch (IOException e) {
            return null; // an unreadable .gitignore ignores nothing, as in git
        }
    }

    /** Whether the entry {@code name} of directory {@code parent} is skipped by a rule. */
    private boolean isIgnored(Dir parent, String name, boolean isDir) {
        if (options.noIgnore) return false;
        if (isDir && DEFAULT_SKIPPED_DIRECTORIES.contains(name)) return true;
        String rel = null; // made only when a rule is there to match it (most directories have none)
        Dir root = parent;
        for (Dir g = parent; g != null; g = g.parent) {
            root = g;
            if (g.gitignore == null) continue;
            if (rel == null) rel = parent.rel.isEmpty() ? name : parent.rel + "/" + name;
            String sub = g.rel.isEmpty() ? rel : rel.substring(g.rel.length() + 1);
            Boolean m = g.gitignore.match(sub, isDir);
            if (m != null) return m;
        }
        if (root.infoExclude != null) {
            if (rel == null) rel = parent.rel.isEmpty() ? name : parent.rel + "/" + name;
            Boolean m = root.infoExclude.match(rel, isDir);
            if (m != null) return m;
        }
        return false;
    }

    // ---------------------------------------------------------------- helpers

    private void add(Path file, long size) {
        if (selectedOnly != null) {
            selectedCount++;
            selectedOnly.accept(new ProjectFiles.Entry(file, size));
            return;
        }
        if (files.containsKey(file)) return;
        SourceFile f = new SourceFile(file, display(file), size);
        files.put(file, f);
        if (onFile != null) onFile.accept(f);
    }

    /** Null, or told of each file as the walk selects it (the language server indexes while walking). */
    Consumer<SourceFile> onFile = null;

    /**
     * Null, or told of each file selected instead of keeping it ({@link ProjectFiles#walk}): no
     * {@link SourceFile}, no entry in {@link #sortedFiles}, no deduplication (one directory input,
     * whose walk meets each file once).
     */
    Consumer<ProjectFiles.Entry> selectedOnly = null;
    private int selectedCount;

    String display(Path abs) {
        if (abs.startsWith(cwd)) {
            Path rel = cwd.relativize(abs);
            String s = slash(rel);
            return s.isEmpty() ? "." : s;
        }
        return slash(abs);
    }

    static String slash(Path p) {
        String s = p.toString();
        return java.io.File.separatorChar == '/' ? s : s.replace(java.io.File.separatorChar, '/');
    }
}
