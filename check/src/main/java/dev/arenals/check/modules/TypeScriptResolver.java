package dev.arenals.check.modules;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Module specifier → file, as TypeScript 6.0's {@code ts.resolveModuleName} answers it for one set
 * of {@link ResolverOptions}: relative paths with extension and index probing ({@code ./a} →
 * {@code a.ts}, {@code a.tsx}, {@code a.d.ts}, {@code a/index.ts}; {@code .js} written for a
 * {@code .ts} source; {@code .mjs}/{@code .cjs} ↔ {@code .mts}/{@code .cts}), {@code paths} and
 * {@code baseUrl}, package.json {@code exports} and {@code imports} (conditions, subpath patterns),
 * {@code typings}/{@code types}/{@code main} and {@code typesVersions}, {@code @types/*} packages,
 * self-name imports, and {@code node_modules} lookups up the directory tree, with the differences
 * of {@code node10}, {@code node16}/{@code nodenext} (the importing file's module format decides
 * the conditions and whether extensions may be left out) and {@code bundler}; {@code classic}
 * is followed too. Results found in {@code node_modules} are real paths, as TypeScript gives them.
 * Stateless apart from the options; all file-system questions go to the {@link FileProbe}.
 */
public final class TypeScriptResolver {
    static final int TS = 1, JS = 2, DTS = 4, JSON = 8;
    private static final String[] EXTENSIONS_TO_REMOVE = {".d.ts", ".d.mts", ".d.cts", ".mjs", ".mts", ".cjs", ".cts", ".ts", ".js", ".tsx", ".jsx", ".json"};

    private final ResolverOptions options;
    private final FileProbe probe;

    /** Memo keys start with the config: resolvers of several projects share a probe. */
    private final String memoPrefix;
    private static final Object UNRESOLVED = new Object();

    public TypeScriptResolver(ResolverOptions options, FileProbe probe) {
        this.options = options;
        this.probe = probe;
        this.memoPrefix = (options.configFile == null ? "" : options.configFile.toString()) + '\0';
    }

    public ResolverOptions options() { return options; }

    public FileProbe probe() { return probe; }

    /**
     * TypeScript's tryFile: the file, or with {@code moduleSuffixes} set, the first of the name with
     * each suffix put before its extension ("./button" → button.ios.ts, then button.ts for a "" suffix).
     */
    Path tryFile(String file) {
        List<String> suffixes = options.moduleSuffixes;
        if (suffixes == null) return probe.isFile(file) ? probe.file(file) : null;
        String extension = extensionOf(file);
        if (extension == null) extension = "";
        String stem = file.substring(0, file.length() - extension.length());
        for (String suffix : suffixes) {
            String f = suffix.isEmpty() ? file : stem + suffix + extension;
            if (probe.isFile(f)) return probe.file(f);
        }
        return null;
    }

    Path tryFile(Path file) { return tryFile(file.toString()); }

    /** The module format TypeScript resolves an import in: ESM ("import" condition), CJS ("require"), or NONE (node10: no conditions). */
    public enum Mode { ESM, CJS, NONE }

    /**
     * The file {@code specifier} names when written in {@code importer}; null when TypeScript would
     * not resolve it. {@code requireSyntax}: the specifier is that of {@code import x = require()}.
     */
    public Path resolve(String specifier, Path importer, boolean requireSyntax) {
        Importer from = importer(importer);
        return from == null ? null : resolve(specifier, from, requireSyntax);
    }

    /**
     * A file whose specifiers are about to be resolved: its directory's string and that
     * directory's part of the memo key are made once for all of them, not once per specifier (an
     * index resolves every specifier of every file). Null for a file without a parent directory.
     */
    public Importer importer(Path file) {
        if (!file.isAbsolute()) file = file.toAbsolutePath();
        String directory = FileProbe.parentOf(file.toString());
        return directory == null ? null : new Importer(this, file, directory);
    }

    /** {@link #importer(Path)} of an absolute {@code file} whose parent's string is {@code directory}. */
    Importer importer(Path file, String directory) { return new Importer(this, file, directory); }

    /** One importing file, for {@link #resolve(String, Importer, boolean)}: made by {@link #importer} of the resolver that answers for it. */
    public static final class Importer {
        final TypeScriptResolver resolver;
        final Path file;
        final String directory;
        /** The memo key's start for relative specifiers: the config, then the directory's names normalized; made on first use. */
        private StringBuilder normalizedDirectory;
        /** Where this file's memo keys are written, one after another (a key is copied out as its String). */
        private StringBuilder keyScratch;
        /** The file's directory as a Path, made on the first specifier the memo does not answer. */
        private Path parent;

        Path parent() {
            if (parent == null) parent = file.getParent();
            return parent;
        }

        private Importer(TypeScriptResolver resolver, Path file, String directory) {
            this.resolver = resolver;
            this.file = file;
            this.directory = directory;
        }

        public Path file() { return file; }

        /** What {@code specifier}, written in this file, names ({@link TypeScriptResolver#resolve(String, Path, boolean)}). */
        public Path resolve(String specifier, boolean requireSyntax) { return resolver.resolve(specifier, this, requireSyntax); }
    }

    /** {@link #resolve(String, Path, boolean)} for a file {@link #importer} read already. */
    public Path resolve(String specifier, Importer importer, boolean requireSyntax) {
        if (importer.resolver != this) throw new IllegalArgumentException("an importer of another resolver");
        String dirString = importer.directory;
        if (specifier.isEmpty() || specifier.indexOf('\0') >= 0) return null;
        try {
            if (options.kind == ResolverOptions.Kind.CLASSIC) return classic(specifier, importer.parent());
            // the mode decides conditions (bare names) and, under node16/nodenext, extension probing; else it is not needed
            boolean modeMatters = !isRelativeOrRooted(specifier) || options.kind == ResolverOptions.Kind.NODE16 || options.kind == ResolverOptions.Kind.NODENEXT;
            Mode mode = modeMatters ? modeOf(importer.file, requireSyntax) : Mode.NONE;
            // siblings import the same modules: an answer depends on the directory, the specifier and the mode only
            java.util.concurrent.ConcurrentMap<String, Object> memo = probe.resolutions();
            // the files of one directory are indexed one after another and share specifiers: their
            // answers are kept apart on this thread too, found by the specifier alone
            DirectoryAnswers recent = null;
            if (memo != null && mode == Mode.NONE) {
                recent = DirectoryAnswers.OF_THREAD.get();
                Object known = recent.of(memo, this, dirString).get(specifier);
                if (known != null) return known == UNRESOLVED ? null : (Path) known;
            }
            String key = null;
            if (memo != null) {
                key = targetKey(importer, specifier, mode);
                if (key == null) key = memoPrefix + dirString + '\0' + specifier + '\0' + mode.ordinal();
                Object known = memo.get(key);
                if (known != null) {
                    if (recent != null) recent.answers.put(specifier, known);
                    return known == UNRESOLVED ? null : (Path) known;
                }
            }
            Path found = new Request(mode).run(specifier, importer.parent());
            if (memo != null) memo.put(key, found == null ? UNRESOLVED : found);
            if (recent != null) recent.answers.put(specifier, found == null ? UNRESOLVED : found);
            return found;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * One thread's answers for the specifiers of one importing directory under one resolver, in
     * mode NONE (what relative specifiers get outside node16/nodenext): a sub-key of the shared
     * memo's keys, so they are the shared memo's answers; kept only while that memo is the same
     * map (a host drops its whole memo, or starts a new one, when files change or answers age).
     */
    private static final class DirectoryAnswers {
        static final ThreadLocal<DirectoryAnswers> OF_THREAD = ThreadLocal.withInitial(DirectoryAnswers::new);
        private static final int MAX_KEPT = 4096;
        final java.util.HashMap<String, Object> answers = new java.util.HashMap<>();
        /** Weakly: a thread that lives on must not keep a memo its host has dropped (a whole generation of answers). */
        private java.lang.ref.WeakReference<Object> memo = new java.lang.ref.WeakReference<>(null);
        private TypeScriptResolver resolver;
        private String directory;

        /** The answers for {@code directory} under {@code resolver} and {@code memo}: this thread's, or emptied for them. */
        java.util.HashMap<String, Object> of(Object memo, TypeScriptResolver resolver, String directory) {
            if (this.memo.get() != memo || this.resolver != resolver || !directory.equals(this.directory) || answers.size() > MAX_KEPT) {
                answers.clear();
                this.memo = new java.lang.ref.WeakReference<>(memo);
                this.resolver = resolver;
                this.directory = directory;
            }
            return answers;
        }
    }

    /**
     * The memo key of a relative specifier by the path it names ("../d1/f2.js" from /p/src/d9 is
     * /p/src/d1/f2.js): its answer depends on that path, whether the specifier names a directory
     * only, and the mode, not on which directory wrote it; so the files of many directories that
     * import one module resolve it once. Null when that does not hold or cannot be told here
     * (rootDirs, a backslash, a path not of this form): the key is then the directory and the specifier.
     */
    private String targetKey(Importer importer, String specifier, Mode mode) {
        String directory = importer.directory;
        if (!pathIsRelative(specifier) || options.rootDirs != null || specifier.indexOf('\\') >= 0 || java.io.File.separatorChar != '/'
                || directory.isEmpty() || directory.charAt(0) != '/') {
            return null;
        }
        boolean directoryOnly = specifier.endsWith("/") || specifier.equals(".") || specifier.equals("..") || specifier.endsWith("/.") || specifier.endsWith("/..");
        StringBuilder start = importer.normalizedDirectory;
        if (start == null) {
            start = new StringBuilder(memoPrefix.length() + directory.length() + 2).append(memoPrefix).append('\u0001');
            appendNormalized(start, start.length(), directory);
            importer.normalizedDirectory = start;
        }
        int root = memoPrefix.length() + 1;
        StringBuilder key = importer.keyScratch;
        if (key == null) key = importer.keyScratch = new StringBuilder(start.length() + specifier.length() + 16);
        key.setLength(0);
        key.append(start);
        appendNormalized(key, root, specifier);
        if (key.length() == root) key.append('/');
        return key.append('\0').append(directoryOnly ? 'd' : 'f').append(mode.ordinal()).toString();
    }

    /** Appends the names of {@code path} to {@code out} as "/name" each, as Path.normalize reads them: "." and empty names dropped, ".." taking back the name before it (none above {@code root}). */
    static void appendNormalized(StringBuilder out, int root, String path) {
        for (int i = 0, n = path.length(); i <= n; ) {
            int end = path.indexOf('/', i);
            if (end < 0) end = n;
            int length = end - i;
            if (length == 2 && path.charAt(i) == '.' && path.charAt(i + 1) == '.') {
                int slash = out.lastIndexOf("/");
                out.setLength(slash >= root ? slash : root);
            } else if (length > 0 && !(length == 1 && path.charAt(i) == '.')) {
                out.append('/').append(path, i, end);
            }
            i = end + 1;
        }
    }

    /** The resolution mode of an import in {@code importer}, as TypeScript's getModeForUsageLocation decides it. */
    public Mode modeOf(Path importer, boolean requireSyntax) {
        if (!options.importSyntaxMatters()) return Mode.NONE;
        if (requireSyntax) return Mode.CJS;
        String name = importer.getFileName().toString();
        boolean nodeKinds = options.kind == ResolverOptions.Kind.NODE16 || options.kind == ResolverOptions.Kind.NODENEXT;
        Mode implied = null;
        if (name.endsWith(".mts") || name.endsWith(".mjs")) implied = Mode.ESM;
        else if (name.endsWith(".cts") || name.endsWith(".cjs")) implied = Mode.CJS;
        else if (nodeKinds || importer.toString().contains("/node_modules/")) {
            PackageJson scope = packageScope(importer.toAbsolutePath().getParent());
            implied = scope != null && scope.isModuleType() ? Mode.ESM : Mode.CJS;
            if (!nodeKinds && !options.nodeModuleKind()) {
                // outside node16/nodenext an implied format counts only when written: type "commonjs"/"module" or the extension
                String type = scope == null ? null : scope.type;
                if (!(implied == Mode.CJS ? "commonjs".equals(type) : "module".equals(type))) implied = null;
            }
        }
        if (options.nodeModuleKind()) return implied == Mode.ESM ? Mode.ESM : Mode.CJS;
        if (implied != null) return implied;
        return "commonjs".equals(options.module) ? Mode.CJS : Mode.ESM;
    }

    /** The nearest package.json at or above {@code dir}. */
    PackageJson packageScope(Path dir) {
        for (String d = dir.toString(); d != null; d = FileProbe.parentOf(d)) {
            PackageJson p = probe.packageJson(d);
            if (p != null) return p;
        }
        return null;
    }

    /** "./x", "../x", ".", "..", also with backslashes, or a rooted path: TypeScript's isExternalModuleNameRelative. */
    public static boolean isRelativeOrRooted(String s) {
        return pathIsRelative(s) || s.startsWith("/") || s.startsWith("\\") || (s.length() >= 2 && s.charAt(1) == ':');
    }

    static boolean pathIsRelative(String s) {
        if (!s.startsWith(".")) return false;
        int i = s.startsWith("..") ? 2 : 1;
        return s.length() == i || s.charAt(i) == '/' || s.charAt(i) == '\\';
    }

    /** A marker for "a paths or typesVersions pattern matched, and nothing was found": the search stops there. */
    private static final Path MATCHED_NOTHING = Path.of("/\u0001matched-nothing");

    /** One resolution: its conditions and whether it is in ESM mode (which a package's main field may switch off for a while). */
    private final class Request {
        final List<String> conditions = new ArrayList<>();
        final boolean exportsFeature = options.packageExports, importsFeature = options.packageImports, selfName;
        boolean esm;
        /** classic resolution: a candidate is only ever a file (no directory, no package.json). */
        boolean classic;
        /** How many package-imports targets naming packages led here. */
        int depth;

        Request(Mode mode) {
            ResolverOptions.Kind kind = options.kind;
            esm = mode == Mode.ESM && (kind == ResolverOptions.Kind.NODE16 || kind == ResolverOptions.Kind.NODENEXT);
            selfName = kind == ResolverOptions.Kind.NODE16 || kind == ResolverOptions.Kind.NODENEXT || kind == ResolverOptions.Kind.BUNDLER;
            boolean noConditions = kind == ResolverOptions.Kind.NODE10 && mode == Mode.NONE;
            if (!noConditions) {
                Mode m = mode == Mode.NONE ? Mode.ESM : mode; // bundler without a mode: import
                conditions.add(m == Mode.ESM ? "import" : "require");
                conditions.add("types");
                if (kind != ResolverOptions.Kind.BUNDLER) conditions.add("node");
                conditions.addAll(options.customConditions);
            }
        }

        Path run(String spec, Path dir) {
            int extensions = TS | JS | DTS | (options.resolveJsonModule ? JSON : 0);
            Path found;
            if (options.kind == ResolverOptions.Kind.NODE10) {
                found = tryResolve(TS | DTS, spec, dir);
                if (found == null) found = tryResolve(extensions & ~(TS | DTS), spec, dir);
            } else {
                found = tryResolve(extensions, spec, dir);
            }
            return found == MATCHED_NOTHING ? null : found;
        }

        Path tryResolve(int ext, String spec, Path dir) {
            Path viaSettings = pathsOrBaseUrl(ext, spec);
            if (viaSettings == MATCHED_NOTHING) viaSettings = null; // a paths match that found nothing: node_modules is still searched
            if (viaSettings != null) return viaSettings;
            if (!isRelativeOrRooted(spec)) {
                Path found = null;
                if (importsFeature && spec.startsWith("#")) found = fromImports(ext, spec, dir);
                if (found == null && selfName) found = fromSelfName(ext, spec, dir);
                if (found == null) {
                    if (spec.indexOf(':') >= 0) return null; // node:fs, a URL: never a node_modules path
                    found = fromNodeModules(ext, spec, dir);
                    if (found == null && (ext & DTS) != 0 && options.typeRoots != null) found = fromTypeRoots(spec);
                }
                return found == null ? null : probe.realPath(found);
            }
            String s = spec.replace('\\', '/');
            Path candidate = dir.resolve(s).normalize();
            boolean directoryOnly = s.endsWith("/") || s.equals(".") || s.equals("..") || s.endsWith("/.") || s.endsWith("/..");
            if (options.rootDirs != null) {
                Path viaRootDirs = usingRootDirs(ext, candidate, s.endsWith("/"), directoryOnly);
                if (viaRootDirs != null) return viaRootDirs;
            }
            return byRelativeName(ext, candidate, directoryOnly, true);
        }

        /**
         * resolveFromTypeRoot: a bare name no node_modules holds, looked for as a declaration file
         * or directory in each of {@code typeRoots} (a {@code node_modules/@types} root with the
         * scoped name mangled).
         */
        Path fromTypeRoots(String spec) {
            for (Path root : options.typeRoots) {
                String name = root.toString().endsWith("/node_modules/@types") ? mangleScoped(spec) : spec;
                Path candidate = root.resolve(name.replace('\\', '/')).normalize();
                Path found = fromFile(DTS, candidate);
                if (found == null) found = fromDirectory(DTS, candidate, probe.packageJson(candidate));
                if (found != null) return found;
            }
            return null;
        }

        /**
         * tryLoadModuleUsingRootDirs: when the candidate lies in one of {@code rootDirs} (the
         * longest that holds it), the candidate itself, then the same relative path in each other
         * root, as if the roots were one directory.
         */
        Path usingRootDirs(int ext, Path candidate, boolean trailingSlash, boolean directoryOnly) {
            String c = candidate.toString() + (trailingSlash && !candidate.toString().endsWith("/") ? "/" : "");
            Path matched = null;
            String matchedPrefix = null;
            for (Path root : options.rootDirs) {
                String prefix = root.toString().endsWith("/") ? root.toString() : root + "/";
                if (c.startsWith(prefix) && (matchedPrefix == null || matchedPrefix.length() < prefix.length())) {
                    matchedPrefix = prefix;
                    matched = root;
                }
            }
            if (matched == null) return null;
            Path found = byRelativeName(ext, candidate, directoryOnly, true);
            if (found != null) return found;
            String suffix = c.substring(matchedPrefix.length());
            for (Path root : options.rootDirs) {
                if (root.equals(matched)) continue;
                Path other = suffix.isEmpty() ? root : root.resolve(suffix).normalize();
                found = byRelativeName(ext, other, directoryOnly, true);
                if (found != null) return found;
            }
            return null;
        }

        /** {@code paths} (when set and the name is not ./-relative), else {@code baseUrl} (non-relative names only). */
        Path pathsOrBaseUrl(int ext, String spec) {
            if (options.paths != null && !pathIsRelative(spec) && options.pathsBase != null) {
                Path r = usingPaths(ext, spec, options.pathsBase, options.paths, null);
                if (r != null) return r;
            }
            if (options.baseUrl != null && !isRelativeOrRooted(spec)) {
                return byRelativeName(ext, options.baseUrl.resolve(spec.replace('\\', '/')).normalize(), false, true);
            }
            return null;
        }

        /** TypeScript's nodeLoadModuleByRelativeName. */
        Path byRelativeName(int ext, Path candidate, boolean directoryOnly, boolean considerPackageJson) {
            if (classic) return directoryOnly ? null : fromFile(ext, candidate);
            if (!directoryOnly) {
                Path f = fromFile(ext, candidate);
                if (f != null) return f;
            }
            if (esm) return null; // ESM imports look into no directory
            PackageJson pkg = considerPackageJson ? probe.packageJson(candidate) : null;
            return fromDirectory(ext, candidate, pkg);
        }

        /** loadModuleFromFile: the extension replaced, else (not in ESM mode) one added. */
        Path fromFile(int ext, Path candidate) {
            Path f = noImplicitExtensions(ext, candidate);
            if (f != null || esm) return f;
            return addingExtensions(candidate.toString(), ext, "");
        }

        Path noImplicitExtensions(int ext, Path candidate) {
            String path = candidate.toString();
            // the last name must hold a '.' (read in the string: no Path of the name made)
            if (path.indexOf('.', path.lastIndexOf(java.io.File.separatorChar) + 1) < 0) return null;
            String extensionless = null;
            for (String e : EXTENSIONS_TO_REMOVE) {
                if (path.endsWith(e)) {
                    extensionless = path.substring(0, path.length() - e.length());
                    break;
                }
            }
            if (extensionless == null) extensionless = path.substring(0, path.lastIndexOf('.'));
            return addingExtensions(extensionless, ext, path.substring(extensionless.length()));
        }

        Path addingExtensions(String base, int ext, String original) {
            switch (original) {
                case ".mjs": case ".mts": case ".d.mts":
                    return first(base, (ext & TS) != 0 ? ".mts" : null, (ext & DTS) != 0 ? ".d.mts" : null, (ext & JS) != 0 ? ".mjs" : null, null);
                case ".cjs": case ".cts": case ".d.cts":
                    return first(base, (ext & TS) != 0 ? ".cts" : null, (ext & DTS) != 0 ? ".d.cts" : null, (ext & JS) != 0 ? ".cjs" : null, null);
                case ".json":
                    return first(base, (ext & DTS) != 0 ? ".d.json.ts" : null, (ext & JSON) != 0 ? ".json" : null, null, null);
                case ".tsx": case ".jsx": {
                    Path p = (ext & TS) != 0 ? first(base, ".tsx", ".ts", null, null) : null;
                    if (p == null && (ext & DTS) != 0) p = first(base, ".d.ts", null, null, null);
                    if (p == null && (ext & JS) != 0) p = first(base, ".jsx", ".js", null, null);
                    return p;
                }
                case ".ts": case ".d.ts": case ".js": case "": {
                    Path p = (ext & TS) != 0 ? first(base, ".ts", ".tsx", null, null) : null;
                    if (p == null && (ext & DTS) != 0) p = first(base, ".d.ts", null, null, null);
                    if (p == null && (ext & JS) != 0) p = first(base, ".js", ".jsx", null, null);
                    return p;
                }
                default:
                    if ((ext & DTS) == 0 || isDeclarationName(base + original)) return null;
                    return first(base, ".d" + original + ".ts", null, null, null);
            }
        }

        /**
         * The directory this request listed last and its names: the probes of one resolution
         * (a.ts, a.tsx, a.d.ts, a.js, then a/index.ts…) mostly share a directory, which is then
         * compared in place instead of cut out, hashed and looked up again.
         */
        private String listedDirectory;
        private java.util.Set<String> listedNames;

        /** The first of {@code base + suffix} that is a file (null suffixes are skipped); a Path is made (or reused) for the hit only. */
        Path first(String base, String a, String b, String c, String d) {
            int slash = base.lastIndexOf(java.io.File.separatorChar);
            if (options.moduleSuffixes == null && slash >= 0 && slash < base.length() - 1) {
                // one listing for the four names: they share a directory (an empty one, often a directory that does not exist, rejects them all)
                int directoryLength = slash == 0 ? 1 : slash;
                String directory = listedDirectory;
                java.util.Set<String> names = listedNames;
                if (directory == null || directory.length() != directoryLength || !base.startsWith(directory)) {
                    directory = base.substring(0, directoryLength);
                    names = probe.listing(directory);
                    listedDirectory = directory;
                    listedNames = names;
                }
                if (names.isEmpty()) return null;
                String stem = base.substring(slash + 1), name;
                if (a != null && names.contains(name = stem + a)) return probe.file(directory, names, name);
                if (b != null && names.contains(name = stem + b)) return probe.file(directory, names, name);
                if (c != null && names.contains(name = stem + c)) return probe.file(directory, names, name);
                if (d != null && names.contains(name = stem + d)) return probe.file(directory, names, name);
                return null;
            }
            Path f;
            if (a != null && (f = tryFile(base + a)) != null) return f;
            if (b != null && (f = tryFile(base + b)) != null) return f;
            if (c != null && (f = tryFile(base + c)) != null) return f;
            if (d != null && (f = tryFile(base + d)) != null) return f;
            return null;
        }

        /** loadNodeModuleFromDirectoryWorker: typings/types/main of {@code pkg} (when it is this directory's), typesVersions, then index. */
        Path fromDirectory(int ext, Path candidate, PackageJson pkg) {
            Path packageFile = null;
            if (pkg != null && pkg.directory.equals(candidate)) {
                if ((ext & DTS) != 0) packageFile = field(pkg.typings != null ? pkg.typings : pkg.types, candidate);
                if ((ext & DTS) != 0 && packageFile == null && pkg.typings != null) packageFile = field(pkg.types, candidate);
                if (packageFile == null && (ext & (TS | JS | DTS)) != 0) packageFile = field(pkg.main, candidate);
            }
            Path index = candidate.resolve("index");
            if (pkg != null && pkg.versionPaths != null && (packageFile == null || packageFile.startsWith(candidate))) {
                String moduleName = slashes(candidate.relativize(packageFile != null ? packageFile : index));
                Path r = usingPaths(ext, moduleName, candidate, pkg.versionPaths, pkg);
                if (r != null) return r == MATCHED_NOTHING ? null : r; // a typesVersions match ends the search
            }
            if (packageFile != null) {
                Path r = packageFileLoader(ext, packageFile, pkg);
                if (r != null) return r;
            }
            return esm ? null : fromFile(ext, index);
        }

        /** A package.json path field made absolute; null when absent or empty. */
        Path field(String value, Path directory) {
            if (value == null || value.isEmpty()) return null;
            return directory.resolve(value.replace('\\', '/')).normalize();
        }

        /** The loader of a path a package.json field names: the file as named, else as a relative module (not ESM unless the package is). */
        Path packageFileLoader(int ext, Path candidate, PackageJson pkg) {
            Path f = fromPackageJsonField(ext, candidate);
            if (f != null) return f;
            int expanded = ext == DTS ? TS | DTS : ext;
            boolean saved = esm;
            if (pkg == null || !pkg.isModuleType()) esm = false;
            try {
                return byRelativeName(expanded, candidate, false, false);
            } finally {
                esm = saved;
            }
        }

        /** loadFileNameFromPackageJsonField: a TypeScript path is taken as it is, other paths with their extension replaced. */
        Path fromPackageJsonField(int ext, Path candidate) {
            String p = candidate.toString();
            boolean tsImplementation = p.endsWith(".ts") || p.endsWith(".tsx") || p.endsWith(".mts") || p.endsWith(".cts");
            if (((ext & TS) != 0 && tsImplementation) || ((ext & DTS) != 0 && isDeclarationName(p))) {
                // TypeScript's quirk: with moduleSuffixes the suffixed file answers whether it exists, the field's own path is the result
                return tryFile(candidate) != null ? candidate : null;
            }
            return noImplicitExtensions(ext, candidate);
        }

        /**
         * tryLoadModuleUsingPaths: the exact key, else the pattern with the longest prefix; each of
         * its substitutions in turn. Null when no key matches; {@link #MATCHED_NOTHING} when one
         * matched but no substitution exists.
         */
        Path usingPaths(int ext, String moduleName, Path base, Map<String, List<String>> paths, PackageJson typesVersionsOf) {
            String[] match = matchPaths(moduleName, paths);
            if (match == null) return null;
            for (String substitution : paths.get(match[0])) {
                Path candidate = substitute(substitution, match[1], base);
                Path file = extensionOf(substitution) != null ? tryFile(candidate) : null;
                if (file != null) return file;
                Path r = typesVersionsOf != null ? packageFileLoader(ext, candidate, typesVersionsOf) : byRelativeName(ext, candidate, false, true);
                if (r != null) return r;
            }
            return MATCHED_NOTHING;
        }

        // ---- bare names ----

        Path fromNodeModules(int ext, String spec, Path dir) {
            int priority = ext & (TS | DTS), secondary = ext & ~(TS | DTS);
            if (priority != 0) {
                Path r = nodeModulesLookup(priority, spec, dir);
                if (r != null) return r;
            }
            return secondary != 0 ? nodeModulesLookup(secondary, spec, dir) : null;
        }

        Path nodeModulesLookup(int ext, String spec, Path dir) {
            for (String d = dir.toString(); d != null; d = FileProbe.parentOf(d)) {
                if (d.endsWith(java.io.File.separator + "node_modules")) continue;
                if (!probe.listing(d).contains("node_modules/")) continue; // strings until a node_modules is there
                Path nodeModules = Path.of(d, "node_modules");
                Path r = inNodeModules(ext, spec, nodeModules);
                if (r != null) return r;
                if ((ext & DTS) != 0) {
                    Path types = nodeModules.resolve("@types");
                    if (probe.isDirectory(types)) {
                        r = inNodeModules(DTS, mangleScoped(spec), types);
                        if (r != null) return r;
                    }
                }
            }
            return null;
        }

        /** loadModuleFromSpecificNodeModulesDirectory. */
        Path inNodeModules(int ext, String spec, Path nodeModules) {
            String s = spec.replace('\\', '/');
            Path candidate = nodeModules.resolve(s).normalize();
            if (!candidate.startsWith(nodeModules)) return null;
            int slash = s.indexOf('/');
            if (s.startsWith("@") && slash >= 0) slash = s.indexOf('/', slash + 1);
            String packageName = slash < 0 ? s : s.substring(0, slash), rest = slash < 0 ? "" : s.substring(slash + 1);
            Path packageDir = nodeModules.resolve(packageName).normalize();
            PackageJson pkg = probe.packageJson(candidate);
            PackageJson root = null;
            if (!rest.isEmpty() && pkg != null && (!exportsFeature || (root = probe.packageJson(packageDir)) == null || !root.hasExportsKey)) {
                Path f = fromFile(ext, candidate);
                if (f != null) return f;
                return fromDirectory(ext, candidate, pkg);
            }
            if (!rest.isEmpty()) pkg = root != null ? root : probe.packageJson(packageDir);
            if (pkg != null && pkg.exports != null && exportsFeature) {
                return fromExports(pkg, ext, rest.isEmpty() ? "." : "./" + rest);
            }
            if (!rest.isEmpty() && pkg != null && pkg.versionPaths != null) {
                Path r = usingPathsInPackage(ext, rest, packageDir, pkg.versionPaths, pkg, rest);
                if (r != null) return r == MATCHED_NOTHING ? null : r;
            }
            return packageLoader(ext, candidate, pkg, rest);
        }

        Path usingPathsInPackage(int ext, String moduleName, Path packageDir, Map<String, List<String>> paths, PackageJson pkg, String rest) {
            // as usingPaths, with the package's own loader for each substitution
            String[] match = matchPaths(moduleName, paths);
            if (match == null) return null;
            for (String substitution : paths.get(match[0])) {
                Path candidate = substitute(substitution, match[1], packageDir);
                Path file = extensionOf(substitution) != null ? tryFile(candidate) : null;
                if (file != null) return file;
                Path r = packageLoader(ext, candidate, pkg, rest);
                if (r != null) return r;
            }
            return MATCHED_NOTHING;
        }

        /** The loader inside a node_modules package: the file (a subpath, or not ESM), the directory, then index.js for ESM without exports. */
        Path packageLoader(int ext, Path candidate, PackageJson pkg, String rest) {
            Path r = (!rest.isEmpty() || !esm) ? fromFile(ext, candidate) : null;
            if (r == null) r = fromDirectory(ext, candidate, pkg);
            if (r == null && rest.isEmpty() && pkg != null && pkg.exportsMissingOrNull && esm) {
                r = fromFile(ext, candidate.resolve("index.js"));
            }
            return r;
        }

        Path fromSelfName(int ext, String spec, Path dir) {
            PackageJson scope = packageScope(dir);
            if (scope == null || scope.exports == null || scope.name == null) return null;
            String[] parts = spec.split("/", -1), nameParts = scope.name.split("/", -1);
            if (parts.length < nameParts.length) return null;
            for (int i = 0; i < nameParts.length; i++) if (!parts[i].equals(nameParts[i])) return null;
            StringBuilder subpath = new StringBuilder(".");
            for (int i = nameParts.length; i < parts.length; i++) subpath.append('/').append(parts[i]);
            String sub = subpath.toString();
            if (options.allowJs && !dir.toString().contains("/node_modules/") && !dir.endsWith("node_modules")) return fromExports(scope, ext, sub);
            int priority = ext & (TS | DTS), secondary = ext & ~(TS | DTS);
            Path r = priority != 0 ? fromExports(scope, priority, sub) : null;
            return r != null || secondary == 0 ? r : fromExports(scope, secondary, sub);
        }

        Path fromImports(int ext, String spec, Path dir) {
            if (spec.equals("#") || spec.startsWith("#/")) return null;
            PackageJson scope = packageScope(dir);
            if (scope == null || !(scope.imports instanceof Map)) return null;
            return exportsOrImports(ext, spec, (Map<?, ?>) scope.imports, scope, true);
        }

        /** loadModuleFromExports: the main export for ".", else the subpath keys. */
        Path fromExports(PackageJson scope, int ext, String subpath) {
            Object exports = scope.exports;
            Object main = null;
            if (subpath.equals(".")) {
                if (exports instanceof String || exports instanceof List || (exports instanceof Map && noKeyStartsWithDot((Map<?, ?>) exports))) main = exports;
                else if (exports instanceof Map) main = ((Map<?, ?>) exports).get(".");
            }
            if (main != null) return target(main, "", false, scope, ext, false);
            if (exports instanceof Map && allKeysStartWithDot((Map<?, ?>) exports)) return exportsOrImports(ext, subpath, (Map<?, ?>) exports, scope, false);
            return null;
        }

        Path exportsOrImports(int ext, String name, Map<?, ?> table, PackageJson scope, boolean isImports) {
            if (!name.endsWith("/") && name.indexOf('*') < 0 && table.containsKey(name)) return target(table.get(name), "", false, scope, ext, isImports);
            List<String> keys = new ArrayList<>();
            for (Object k : table.keySet()) {
                String key = (String) k;
                int s = key.indexOf('*');
                if ((s >= 0 && s == key.lastIndexOf('*')) || key.endsWith("/")) keys.add(key);
            }
            keys.sort(PATTERN_KEY_ORDER);
            for (String key : keys) {
                int s = key.indexOf('*');
                if (s >= 0 && !key.endsWith("*")) {
                    String prefix = key.substring(0, s), suffix = key.substring(s + 1);
                    if (name.startsWith(prefix) && name.endsWith(suffix) && name.length() >= prefix.length() + suffix.length()) {
                        return target(table.get(key), name.substring(prefix.length(), name.length() - suffix.length()), true, scope, ext, isImports);
                    }
                } else if (key.endsWith("*") && name.startsWith(key.substring(0, key.length() - 1))) {
                    return target(table.get(key), name.substring(key.length() - 1), true, scope, ext, isImports);
                } else if (s < 0 && name.startsWith(key)) {
                    return target(table.get(key), name.substring(key.length()), false, scope, ext, isImports);
                }
            }
            return null;
        }

        /** getLoadModuleFromTargetExportOrImport: a path, a condition map (first matching condition that resolves) or an array of fallbacks. */
        Path target(Object t, String subpath, boolean pattern, PackageJson scope, int ext, boolean isImports) {
            if (t instanceof String) {
                String target = (String) t;
                if (!pattern && !subpath.isEmpty() && !target.endsWith("/")) return null;
                if (!target.startsWith("./")) {
                    if (isImports && !target.startsWith("../") && !target.startsWith("/") && !(target.length() >= 2 && target.charAt(1) == ':')) {
                        String lookup = pattern ? target.replace("*", subpath) : target + subpath;
                        if (depth >= 8) return null; // "#a" → "#a": an import map that names itself
                        Request nested = new Request(esm ? Mode.ESM : Mode.CJS).inherit(this);
                        nested.depth = depth + 1;
                        return nested.tryResolve(ext, lookup, scope.directory);
                    }
                    return null;
                }
                String[] parts = target.substring(2).split("/", -1);
                for (String p : parts) if (p.equals("..") || p.equals(".") || p.equals("node_modules")) return null;
                for (String p : subpath.split("/", -1)) if (p.equals("..") || p.equals(".") || p.equals("node_modules")) return null;
                String resolved = pattern ? target.replace("*", subpath) : target + subpath;
                Path finalPath = scope.directory.resolve(resolved).normalize();
                return fromPackageJsonField(ext, finalPath);
            }
            if (t instanceof Map) {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) t).entrySet()) {
                    String condition = (String) e.getKey();
                    if (condition.equals("default") || conditions.contains(condition) || versionedTypesKey(condition)) {
                        Path r = target(e.getValue(), subpath, pattern, scope, ext, isImports);
                        if (r != null) return r;
                    }
                }
                return null;
            }
            if (t instanceof List) {
                for (Object element : (List<?>) t) {
                    Path r = target(element, subpath, pattern, scope, ext, isImports);
                    if (r != null) return r;
                }
            }
            return null;
        }

        /** A package-imports target naming another package: resolved with this request's conditions and features. */
        Request inherit(Request from) {
            conditions.clear();
            conditions.addAll(from.conditions);
            esm = from.esm;
            return this;
        }

        boolean versionedTypesKey(String key) {
            return conditions.contains("types") && key.startsWith("types@") && PackageJson.rangeHolds(key.substring(6), PackageJson.TYPESCRIPT_VERSION);
        }
    }

    /**
     * The {@code paths} (or typesVersions) key matching {@code moduleName}, and what its '*' stands
     * for: the exact key first, else the one-'*' pattern with the longest prefix; null when none.
     */
    static String[] matchPaths(String moduleName, Map<String, List<String>> paths) {
        if (paths.containsKey(moduleName) && moduleName.indexOf('*') < 0) return new String[] {moduleName, null};
        String matchedKey = null, star = null;
        int bestPrefix = -1;
        for (String key : paths.keySet()) {
            int s = key.indexOf('*');
            if (s < 0 || key.indexOf('*', s + 1) >= 0) continue;
            String prefix = key.substring(0, s), suffix = key.substring(s + 1);
            if (moduleName.length() >= prefix.length() + suffix.length() && moduleName.startsWith(prefix)
                    && moduleName.endsWith(suffix) && prefix.length() > bestPrefix) {
                bestPrefix = prefix.length();
                matchedKey = key;
                star = moduleName.substring(prefix.length(), moduleName.length() - suffix.length());
            }
        }
        return matchedKey == null ? null : new String[] {matchedKey, star};
    }

    /** A substitution with its first '*' replaced by {@code star} (when a pattern matched), made absolute against {@code base}. */
    static Path substitute(String substitution, String star, Path base) {
        String path = substitution;
        if (star != null && !star.isEmpty()) { // an empty match is falsy to TypeScript: the substitution stays as written
            int s = path.indexOf('*');
            if (s >= 0) path = path.substring(0, s) + star + path.substring(s + 1);
        }
        return base.resolve(path.replace('\\', '/')).normalize();
    }

    /** TypeScript's comparePatternKeys: longer base (up to and with the '*') first; a pattern before a plain prefix; then longer keys. */
    private static final Comparator<String> PATTERN_KEY_ORDER = new Comparator<String>() {
        @Override public int compare(String a, String b) {
            int aStar = a.indexOf('*'), bStar = b.indexOf('*');
            int baseA = aStar < 0 ? a.length() : aStar + 1, baseB = bStar < 0 ? b.length() : bStar + 1;
            if (baseA != baseB) return baseA > baseB ? -1 : 1;
            if (aStar < 0 && bStar >= 0) return 1;
            if (bStar < 0 && aStar >= 0) return -1;
            if (aStar < 0) return 1; // both plain: TypeScript answers 1, keeping neither first
            return Integer.compare(b.length(), a.length());
        }
    };

    private static boolean noKeyStartsWithDot(Map<?, ?> map) {
        for (Object k : map.keySet()) if (((String) k).startsWith(".")) return false;
        return true;
    }

    private static boolean allKeysStartWithDot(Map<?, ?> map) {
        for (Object k : map.keySet()) if (!((String) k).startsWith(".")) return false;
        return true;
    }

    static boolean isDeclarationName(String path) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        if (name.endsWith(".d.ts") || name.endsWith(".d.mts") || name.endsWith(".d.cts")) return true;
        // allowArbitraryExtensions: name.d.ext.ts
        if (!name.endsWith(".ts")) return false;
        int d = name.lastIndexOf(".d.", name.length() - 3);
        return d > 0 && name.indexOf('.', d + 3) == name.length() - 3;
    }

    /** The known extension a path ends with (TypeScript's tryGetExtensionFromPath), or null. */
    static String extensionOf(String path) {
        for (String e : EXTENSIONS_TO_REMOVE) if (path.endsWith(e)) return e;
        return null;
    }

    /** "@scope/name/sub" → "scope__name/sub", as @types packages are named. */
    static String mangleScoped(String spec) {
        if (!spec.startsWith("@")) return spec;
        int slash = spec.indexOf('/');
        if (slash < 0) return spec;
        return spec.substring(1, slash) + "__" + spec.substring(slash + 1);
    }

    private static String slashes(Path relative) {
        String s = relative.toString();
        return relative.getFileSystem().getSeparator().equals("/") ? s : s.replace('\\', '/');
    }

    // ---- classic ----

    private Path classic(String spec, Path dir) {
        int[] passes = {TS | DTS, JS | (options.resolveJsonModule ? JSON : 0)};
        Request r = new Request(Mode.NONE);
        r.classic = true;
        for (int ext : passes) {
            Path viaSettings = r.pathsOrBaseUrl(ext, spec);
            if (viaSettings != null && viaSettings != MATCHED_NOTHING) return viaSettings;
            if (!isRelativeOrRooted(spec)) {
                for (Path d = dir; d != null; d = d.getParent()) {
                    Path f = r.fromFile(ext, d.resolve(spec.replace('\\', '/')).normalize());
                    if (f != null) return f;
                }
                if ((ext & (TS | DTS)) != 0) {
                    for (Path d = dir; d != null; d = d.getParent()) {
                        Path name = d.getFileName();
                        if (name != null && name.toString().equals("node_modules")) continue;
                        Path types = d.resolve("node_modules").resolve("@types");
                        if (!probe.isDirectory(types)) continue;
                        r.classic = false;
                        Path f = r.inNodeModules(DTS, mangleScoped(spec), types);
                        r.classic = true;
                        if (f != null) return probe.realPath(f);
                    }
                }
            } else {
                Path candidate = dir.resolve(spec.replace('\\', '/')).normalize();
                Path f = options.rootDirs != null ? r.usingRootDirs(ext, candidate, spec.endsWith("/"), false) : null;
                if (f == null) f = r.fromFile(ext, candidate);
                if (f != null) return f;
            }
        }
        return null;
    }
}
