package dev.arenals.check.modules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The two diagnostics that need other files, decided only where TypeScript's answer is certain
 * (a false error is worse than a missed one):
 *
 * <ul>
 *   <li><b>TS2307</b> "Cannot find module 'x' or its corresponding type declarations.", on the
 *       specifier, when resolution finds nothing and: the importing file is TypeScript that is
 *       type-checked (.ts .tsx .mts .cts, not a declaration file); the import binds names or is an
 *       {@code export … from} or {@code import x = require()} (TypeScript 6.0 reports a bare
 *       {@code import "x"} with another message); the resolution mode is not {@code classic}
 *       (TS2792 there); every tsconfig of the chain was read; no {@code declare module} pattern
 *       ("*.css") matches; for a relative specifier, its last segment has no extension or a
 *       JavaScript/TypeScript one (never .json, TS2732, nor an ESM import without extension under
 *       node16/nodenext, TS2834/2835); for a bare one, only when {@link #bareSpecifiers} and the
 *       package is installed (its directory, or its @types one, is in a node_modules above the
 *       file) but the path inside it is not found, and no {@code declare module} names it.</li>
 *   <li><b>TS2305</b> "Module '"x"' has no exported member 'y'.", on the name, when the module is a
 *       TypeScript source (not a declaration file, whose implicit exports are another rule) that
 *       is a module without {@code export =} or a default export (TS2614 then), the name is not a
 *       local of it (TS2459/2460), no export is spelled close enough for a suggestion (TS2724,
 *       TypeScript's own spelling rule), and every {@code export *} it has, transitively, leads to
 *       such a module too (so its full export list is known).</li>
 * </ul>
 */
public final class ImportChecks {
    public static final int CANNOT_FIND_MODULE = 2307;
    public static final int NO_EXPORTED_MEMBER = 2305;

    private ImportChecks() {}

    /** One finding: code, range in the importing file, message. */
    public static final class Finding {
        public final int code, start, end;
        public final String message;

        Finding(int code, int start, int end, String message) {
            this.code = code;
            this.start = start;
            this.end = end;
            this.message = message;
        }
    }

    /** The {@code declare module "…"} names known (exact and patterns), for the ambient-module rules. */
    public interface AmbientModules {
        /** Whether some {@code declare module} block names {@code specifier}, exactly or by its pattern. */
        boolean declares(String specifier);

        AmbientModules NONE = new AmbientModules() {
            @Override public boolean declares(String specifier) { return false; }
        };
    }

    public static String cannotFindModule(String specifier) {
        return "Cannot find module '" + specifier + "' or its corresponding type declarations.";
    }

    public static String noExportedMember(String specifier, String name) {
        return "Module '\"" + specifier + "\"' has no exported member '" + name + "'.";
    }

    /** A file TypeScript type-checks: .ts .tsx .mts .cts, not a declaration file. */
    public static boolean isCheckedTypeScript(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(n.endsWith(".ts") || n.endsWith(".tsx") || n.endsWith(".mts") || n.endsWith(".cts"))) return false;
        return !TypeScriptResolver.isDeclarationName(n);
    }

    /**
     * The findings for the imports of {@code file}. {@code shapes} gives the shape of another
     * file of the project (null when unknown: outside the project, unreadable), {@code resolvers}
     * the resolver of each file.
     */
    public static List<Finding> check(Path file, ModuleSyntax syntax, ProjectResolvers resolvers, Function<Path, ModuleShape> shapes,
            AmbientModules ambient, boolean bareSpecifiers) {
        List<Finding> out = new ArrayList<>();
        if (!isCheckedTypeScript(file)) return out;
        TypeScriptResolver resolver = resolvers.forFile(file);
        for (ModuleSyntax.ImportRef ref : syntax.imports) {
            Path target = resolver.resolve(ref.specifier, file, ref.requireSyntax);
            if (target == null) {
                if (!ref.sideEffectOnly && unresolvedIsCertain(ref.specifier, file, resolver, ref.requireSyntax, ambient, bareSpecifiers)) {
                    out.add(new Finding(CANNOT_FIND_MODULE, ref.start, ref.end, cannotFindModule(ref.specifier)));
                }
                continue;
            }
            if (ref.names.isEmpty() || !isCheckedTypeScript(target)) continue;
            ModuleShape shape = shapes.apply(target);
            if (shape == null || !shape.isModule || shape.exportAssignment || shape.exports.contains("default")) continue;
            // names the module neither exports itself nor declares: only these need its export * chains
            List<ModuleSyntax.NameRef> wanted = new ArrayList<>();
            for (ModuleSyntax.NameRef name : ref.names) {
                if (!name.name.equals("default") && !shape.exports.contains(name.name) && !shape.locals.contains(name.name)) wanted.add(name);
            }
            if (wanted.isEmpty()) continue;
            Set<String> all = allExports(shape, resolvers, shapes, wanted);
            if (all == null) continue;
            for (ModuleSyntax.NameRef name : wanted) {
                if (all.contains(name.name)) continue;
                if (hasSpellingSuggestion(name.name, all)) continue;
                out.add(new Finding(NO_EXPORTED_MEMBER, name.start, name.end, noExportedMember(ref.specifier, name.name)));
            }
        }
        return out;
    }

    /** Whether TypeScript certainly reports TS2307 for {@code specifier}, which resolved to nothing. */
    static boolean unresolvedIsCertain(String specifier, Path importer, TypeScriptResolver resolver, boolean requireSyntax,
            AmbientModules ambient, boolean bareSpecifiers) {
        ResolverOptions options = resolver.options();
        if (options.kind == ResolverOptions.Kind.CLASSIC || !options.complete) return false;
        if (specifier.isEmpty() || ambient.declares(specifier)) return false;
        if (TypeScriptResolver.pathIsRelative(specifier)) {
            String last = specifier.substring(specifier.lastIndexOf('/') + 1);
            int dot = last.lastIndexOf('.');
            boolean nodeKind = options.kind == ResolverOptions.Kind.NODE16 || options.kind == ResolverOptions.Kind.NODENEXT;
            if (dot <= 0 || last.equals("..")) {
                // no extension: under node16/nodenext an ESM import says TS2834/2835 instead
                return !(nodeKind && resolver.modeOf(importer, requireSyntax) == TypeScriptResolver.Mode.ESM);
            }
            String ext = last.substring(dot).toLowerCase(Locale.ROOT);
            switch (ext) {
                case ".js": case ".jsx": case ".mjs": case ".cjs": case ".ts": case ".tsx": case ".mts": case ".cts": return true;
                default: return false; // .json (TS2732), or an asset a declaration elsewhere may describe
            }
        }
        if (!bareSpecifiers || TypeScriptResolver.isRelativeOrRooted(specifier) || specifier.indexOf(':') >= 0 || specifier.startsWith("#")) return false;
        if (options.paths != null || options.baseUrl != null) return false; // mappings may name it (not installed is no proof)
        return packageInstalled(specifier, importer.toAbsolutePath().getParent(), resolver);
    }

    /** Whether the package of a bare specifier (or its @types package) is a directory in a node_modules at or above {@code dir}. */
    static boolean packageInstalled(String specifier, Path dir, TypeScriptResolver resolver) {
        int slash = specifier.indexOf('/');
        if (specifier.startsWith("@")) slash = slash < 0 ? -1 : specifier.indexOf('/', slash + 1);
        String name = slash < 0 ? specifier : specifier.substring(0, slash);
        if (name.isEmpty() || name.equals("@") || name.startsWith(".")) return false;
        FileProbe probe = resolver.probe();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path nodeModules = d.resolve("node_modules");
            if (!probe.isDirectory(nodeModules)) continue;
            try {
                if (probe.isDirectory(nodeModules.resolve(name).normalize())) return true;
                if (probe.isDirectory(nodeModules.resolve("@types").resolve(TypeScriptResolver.mangleScoped(name)).normalize())) return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    /** Every name the module exports, through its {@code export *} chains (not "default"); null when a chain leaves what is known. */
    static Set<String> allExports(ModuleShape shape, ProjectResolvers resolvers, Function<Path, ModuleShape> shapes) {
        return allExports(shape, resolvers, shapes, List.of());
    }

    /**
     * As {@link #allExports(ModuleShape, ProjectResolvers, Function)}, but the walk stops, with the
     * names found so far, once every name of a non-empty {@code wanted} is among them: the answer for
     * those names is then the same (found, so no finding, as when a later link of the chain is unknown
     * and the import is not checked at all), and the rest of the chain is never read — at a file's
     * first diagnostics, the modules of a barrel's other {@code export *} lines.
     */
    static Set<String> allExports(ModuleShape shape, ProjectResolvers resolvers, Function<Path, ModuleShape> shapes,
            List<ModuleSyntax.NameRef> wanted) {
        Set<String> out = new HashSet<>(shape.exports);
        Set<Path> seen = new HashSet<>();
        List<ModuleShape> pending = new ArrayList<>();
        pending.add(shape);
        seen.add(shape.path);
        while (!pending.isEmpty()) {
            ModuleShape m = pending.remove(pending.size() - 1);
            for (String from : m.starExports) {
                Path target = resolvers.forFile(m.path).resolve(from, m.path, false);
                if (target == null || !isCheckedTypeScript(target)) return null;
                ModuleShape next = shapes.apply(target);
                if (next == null || !next.isModule || next.exportAssignment) return null;
                if (!seen.add(target)) continue;
                if (seen.size() > 1000) return null;
                for (String n : next.exports) if (!n.equals("default")) out.add(n);
                if (!wanted.isEmpty() && containsAll(out, wanted)) return out;
                pending.add(next);
            }
        }
        return out;
    }

    private static boolean containsAll(Set<String> names, List<ModuleSyntax.NameRef> wanted) {
        for (ModuleSyntax.NameRef name : wanted) if (!names.contains(name.name)) return false;
        return true;
    }

    /** TypeScript's getSpellingSuggestion: whether some candidate is close enough to be suggested for {@code name}. */
    static boolean hasSpellingSuggestion(String name, Set<String> candidates) {
        int maximumLengthDifference = Math.max(2, (int) Math.floor(name.length() * 0.34));
        double bestDistance = Math.floor(name.length() * 0.4) + 1;
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - name.length()) > maximumLengthDifference) continue;
            if (candidate.equals(name)) continue;
            if (candidate.length() < 3 && !candidate.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) continue;
            if (levenshteinWithMax(name, candidate, bestDistance - 0.1) >= 0) return true;
        }
        return false;
    }

    /** TypeScript's levenshteinWithMax: a case-only substitution costs 0.1; -1 when over {@code max}. */
    static double levenshteinWithMax(String s1, String s2, double max) {
        double[] previous = new double[s2.length() + 1], current = new double[s2.length() + 1];
        double big = max + 0.01;
        for (int i = 0; i <= s2.length(); i++) previous[i] = i;
        for (int i = 1; i <= s1.length(); i++) {
            char c1 = s1.charAt(i - 1);
            int minJ = (int) Math.ceil(i > max ? i - max : 1);
            int maxJ = (int) Math.floor(s2.length() > max + i ? max + i : s2.length());
            current[0] = i;
            double colMin = i;
            for (int j = 1; j < minJ; j++) current[j] = big;
            for (int j = minJ; j <= maxJ; j++) {
                char c2 = s2.charAt(j - 1);
                double substitution = Character.toLowerCase(c1) == Character.toLowerCase(c2) ? previous[j - 1] + 0.1 : previous[j - 1] + 2;
                double dist = c1 == c2 ? previous[j - 1] : Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), substitution);
                current[j] = dist;
                colMin = Math.min(colMin, dist);
            }
            for (int j = maxJ + 1; j <= s2.length(); j++) current[j] = big;
            if (colMin > max) return -1;
            double[] t = previous;
            previous = current;
            current = t;
        }
        double result = previous[s2.length()];
        return result > max ? -1 : result;
    }
}
