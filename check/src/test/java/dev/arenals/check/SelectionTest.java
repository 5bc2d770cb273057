package dev.arenals.check;

import static dev.arenals.check.Cli.jsonSources;
import static dev.arenals.check.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a run selects: extensions, default skips, .gitignore, tsconfig.json, globs, --no-ignore. */
class SelectionTest {
    @TempDir Path dir;

    private List<String> selected(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--format";
        all[1] = "json";
        System.arraycopy(args, 0, all, 2, args.length);
        Cli.Result r = Cli.run(dir, all);
        assertTrue(r.exit() == 0 || r.exit() == 1, r::toString);
        return jsonSources(r.out());
    }

    private void ignoreTree() {
        for (String f : List.of("a.js", "b.mjs", "c.cjs", "d.jsx", "e.ts", "f.mts", "g.cts", "h.tsx", "types.d.ts", "UPPER.JS")) {
            write(dir, "src/" + f, "export {};\n");
        }
        write(dir, "src/readme.md", "# not source\n");
        write(dir, "src/data.json", "{}\n");
        write(dir, "node_modules/p/index.js", "x\n");
        write(dir, "src/node_modules/q/index.js", "x\n");
        for (String d : List.of("dist", "build", "out", "coverage", ".next", ".git", ".turbo")) write(dir, d + "/x.js", "x\n");
        write(dir, ".gitignore", "# root rules\ngenerated/\n*.tmp.js\n!keep.tmp.js\n/root-only.js\nlib/**/*.gen.ts\n");
        write(dir, "src/generated/g.js", "x\n");
        write(dir, "generated", "a file, not a directory: generated/ does not match it\n");
        write(dir, "src/x.tmp.js", "x\n");
        write(dir, "src/keep.tmp.js", "x\n");
        write(dir, "root-only.js", "x\n");
        write(dir, "src/root-only.js", "x\n");
        write(dir, "lib/a.gen.ts", "x\n");
        write(dir, "lib/deep/b.gen.ts", "x\n");
        write(dir, "lib/c.ts", "x\n");
        // a deeper .gitignore overrides: lib/sub ignores *.js but re-includes important.js
        write(dir, "lib/sub/.gitignore", "*.js\n!important.js\n");
        write(dir, "lib/sub/a.js", "x\n");
        write(dir, "lib/sub/important.js", "x\n");
        write(dir, "lib/sub/.gitignore2.js", "x\n");
        // a negation cannot re-include a file inside an ignored directory
        write(dir, "src/generated/.gitignore", "!g.js\n");
    }

    @Test
    void extensionsDefaultSkipsAndGitignore() {
        ignoreTree();
        assertEquals(List.of(
                "lib/c.ts", "lib/sub/important.js",
                "src/UPPER.JS", "src/a.js", "src/b.mjs", "src/c.cjs", "src/d.jsx", "src/e.ts", "src/f.mts", "src/g.cts",
                "src/h.tsx", "src/keep.tmp.js", "src/root-only.js", "src/types.d.ts"), selected());
    }

    @Test
    void displayPathsAreRelativeToTheWorkingDirectoryOrAbsoluteOutsideIt() {
        write(dir, "work/src/deep/a.ts", "export {};\n");
        write(dir, "work/b.js", "x\n");
        write(dir, "elsewhere/lib/c.ts", "x\n");
        Path work = dir.resolve("work");
        Cli.Result r = Cli.run(work, "--format", "json", "--no-ignore", ".", "src", "src/deep", "../elsewhere");
        assertTrue(r.exit() == 0, r::toString);
        String outside = dir.resolve("elsewhere").toAbsolutePath().normalize().toString().replace('\\', '/');
        assertEquals(List.of(outside + "/lib/c.ts", "b.js", "src/deep/a.ts"), jsonSources(r.out()));
    }

    @Test
    void noIgnoreChecksEverythingWithASourceExtension() {
        ignoreTree();
        List<String> all = selected("--no-ignore");
        assertEquals(30, all.size(), all.toString());
        assertTrue(all.containsAll(List.of("node_modules/p/index.js", "dist/x.js", ".git/x.js", "src/generated/g.js",
                "root-only.js", "lib/sub/a.js", "src/x.tmp.js")), all.toString());
    }

    @Test
    void explicitPathsFollowTheRulesUnlessNoIgnore() {
        ignoreTree();
        Cli.Result r = Cli.run(dir, "--format", "json", "node_modules/p/index.js", "src/x.tmp.js", "src/a.js", "src/readme.md");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("src/a.js"), jsonSources(r.out()));
        assertTrue(r.err().contains("node_modules/p/index.js: skipped, it is in a skipped directory (--no-ignore checks it)"), r.err());
        assertTrue(r.err().contains("src/x.tmp.js: skipped, a .gitignore rule matches it"), r.err());
        assertTrue(r.err().contains("src/readme.md: skipped, not a"), r.err());
        assertEquals(List.of("node_modules/p/index.js", "src/a.js", "src/x.tmp.js"),
                selected("--no-ignore", "node_modules/p/index.js", "src/x.tmp.js", "src/a.js"));
        // a skipped directory given explicitly
        Cli.Result d = Cli.run(dir, "--format", "json", "dist");
        assertEquals(List.of(), jsonSources(d.out()));
        assertTrue(d.err().contains("dist: skipped"), d.err());
        assertEquals(List.of("dist/x.js"), selected("--no-ignore", "dist"));
        // duplicates are checked once
        assertEquals(List.of("src/a.js"), selected("src/a.js", "./src/a.js", dir.resolve("src/a.js").toString()));
    }

    @Test
    void theProjectRootIsTheRepositorySoRulesAboveTheInputApply() throws Exception {
        Files.createDirectories(dir.resolve("repo/.git"));
        write(dir, "repo/.gitignore", "ignored-dir/\n");
        write(dir, "repo/.git/info/exclude", "*.local.js\n");
        write(dir, "repo/pkg/ignored-dir/x.js", "x\n");
        write(dir, "repo/pkg/a.js", "x\n");
        write(dir, "repo/pkg/b.local.js", "x\n");
        assertEquals(List.of("repo/pkg/a.js"), selected("repo/pkg"));
        // a checkout inside a folder named like a build output is not skipped: rules start at the root
        Files.createDirectories(dir.resolve("build/checkout/.git"));
        write(dir, "build/checkout/src/a.ts", "x\n");
        assertEquals(List.of("build/checkout/src/a.ts"), selected("build/checkout"));
    }

    @Test
    void globs() {
        ignoreTree();
        assertEquals(List.of("src/e.ts", "src/types.d.ts"), selected("src/**/*.ts"));
        assertEquals(List.of("lib/c.ts", "src/e.ts", "src/h.tsx", "src/types.d.ts"), selected("**/*.{ts,tsx}"));
        assertEquals(List.of("src/a.js", "src/b.mjs"), selected("src/[ab].*"));
        // skipped directories are not searched by globs either, unless --no-ignore
        assertEquals(List.of("dist/x.js"), selected("--no-ignore", "dist/*.js"));
        Cli.Result none = Cli.run(dir, "dist/*.js");
        assertEquals(2, none.exit(), none::toString);
        assertTrue(none.err().contains("no file to check matches 'dist/*.js'"), none.err());
    }

    @Test
    void theNearestTsconfigDecides() {
        write(dir, "tsconfig.json", "{\n  // the root project\n  \"include\": [\"src\"],\n  \"exclude\": [\"src/legacy\"],\n}\n");
        write(dir, "src/a.ts", "x\n");
        write(dir, "src/legacy/old.js", "x\n");
        write(dir, "scripts/build.js", "x\n");
        write(dir, "packages/p/tsconfig.json", "{\"files\": [\"index.ts\"]}");
        write(dir, "packages/p/index.ts", "x\n");
        write(dir, "packages/p/other.ts", "x\n");
        write(dir, "packages/q/tsconfig.json", "{\"include\": [\"**/*\"], \"compilerOptions\": {\"outDir\": \"lib\"}}");
        write(dir, "packages/q/src/q.ts", "x\n");
        write(dir, "packages/q/lib/q.js", "x\n");
        assertEquals(List.of("packages/p/index.ts", "packages/q/src/q.ts", "src/a.ts"), selected());
        // from inside a subdirectory, the ancestor's config still applies
        assertEquals(List.of("src/a.ts"), selected("src"));
        // --no-ignore: no tsconfig
        assertEquals(7, selected("--no-ignore").size());
    }

    @Test
    void anUnusableTsconfigIsAWarningAndIsLeftOut() {
        write(dir, "tsconfig.json", "{\"include\": [\"src\", \"other\"]}");
        write(dir, "src/a.ts", "x\n");
        write(dir, "other/tsconfig.json", "{ \"include\": [\"only-this\"] ");
        write(dir, "other/b.ts", "x\n");
        Cli.Result r = Cli.run(dir, "--format", "tsc");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("other/tsconfig.json(1,1): warning TS9106: invalid JSON: "), r.out());
        assertTrue(r.out().contains("files below it are checked as if it did not exist"), r.out());
        assertTrue(r.err().contains("2 files, 0 errors, 1 warning"), r.err());
        Cli.Result strict = Cli.run(dir, "--format", "tsc", "--max-warnings", "0");
        assertEquals(1, strict.exit(), strict::toString);
    }

    @Test
    void projectNamesTheConfigForEveryFile() {
        write(dir, "tsconfig.json", "{\"include\": [\"src\"]}");
        write(dir, "src/a.ts", "x\n");
        write(dir, "tools/t.ts", "x\n");
        write(dir, "tools/nested/tsconfig.json", "{\"include\": [\"nothing\"]}");
        write(dir, "tools/nested/n.ts", "x\n");
        write(dir, "shared/s.ts", "x\n");
        write(dir, "tsconfig.tools.json", "{\"include\": [\"tools\", \"shared\"], \"exclude\": [\"tools/nested/skip\"]}");
        assertEquals(List.of("shared/s.ts", "tools/nested/n.ts", "tools/t.ts"), selected("--project", "tsconfig.tools.json"));
        assertEquals(List.of("tools/nested/n.ts", "tools/t.ts"), selected("-p", "tsconfig.tools.json", "tools"));
        // a directory: its tsconfig.json
        write(dir, "app/tsconfig.json", "{\"include\": [\"../shared\"]}");
        assertEquals(List.of("shared/s.ts"), selected("--project", "app"));
        Cli.Result missing = Cli.run(dir, "--project", "nope.json");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("--project nope.json: no such file"), missing.err());
        write(dir, "broken.json", "{,}");
        Cli.Result broken = Cli.run(dir, "--project", "broken.json");
        assertEquals(2, broken.exit());
        assertTrue(broken.err().contains("--project broken.json: invalid JSON"), broken.err());
    }

    @Test
    void symbolicLinksFoundByTheWalkAreNotFollowed() throws Exception {
        write(dir, "real/a.js", "x\n");
        write(dir, "elsewhere/b.js", "x\n");
        Files.createSymbolicLink(dir.resolve("real/link-dir"), dir.resolve("elsewhere"));
        Files.createSymbolicLink(dir.resolve("real/link.js"), dir.resolve("elsewhere/b.js"));
        assertEquals(List.of("real/a.js"), selected("real"));
        // given explicitly, a link is followed
        assertEquals(List.of("real/link.js"), selected("real/link.js"));
    }

    /** ProjectFiles.walk (the language server's) against ProjectFiles.collect and check's own selection. */
    private void assertTheServersWalkSelectsAsCheck(Path root) {
        List<String> walked = new java.util.ArrayList<>();
        List<String> problems = ProjectFiles.walk(root, e -> walked.add(dir.relativize(e.path()).toString().replace('\\', '/')));
        java.util.Collections.sort(walked);
        ProjectFiles.Listing listing = ProjectFiles.collect(root);
        List<String> collected = new java.util.ArrayList<>();
        for (ProjectFiles.Entry e : listing.files()) collected.add(dir.relativize(e.path()).toString().replace('\\', '/'));
        java.util.Collections.sort(collected);
        assertEquals(collected, walked);
        assertEquals(listing.problems(), problems);
        assertEquals(selected(dir.relativize(root).toString().isEmpty() ? "." : dir.relativize(root).toString()), walked);
    }

    @Test
    void theLanguageServersWalkSelectsWhatCheckSelects() throws Exception {
        ignoreTree();
        write(dir, "tsconfig.json", "{\"include\": [\"src\", \"lib\", \"other\"], \"exclude\": [\"src/legacy\"]}");
        write(dir, "src/legacy/old.ts", "x\n");
        write(dir, "other/tsconfig.json", "{ \"include\": [\"only-this\"] "); // unusable: a problem line, files below checked as if it did not exist
        write(dir, "other/b.ts", "x\n");
        Files.createSymbolicLink(dir.resolve("src/link.ts"), dir.resolve("lib/c.ts"));
        assertTheServersWalkSelectsAsCheck(dir);
        assertTheServersWalkSelectsAsCheck(dir.resolve("lib"));
        List<String> problems = ProjectFiles.walk(dir, e -> { });
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("other/tsconfig.json: invalid JSON"), problems::toString);
    }

    @Test
    void braceExpansion() {
        assertEquals(List.of("a.ts", "a.tsx"), FileCollector.expandBraces("a.{ts,tsx}"));
        assertEquals(List.of("x/a.js", "x/b.js", "y/a.js", "y/b.js"), FileCollector.expandBraces("{x,y}/{a,b}.js"));
        assertEquals(List.of("a1", "a2c", "a2d"), FileCollector.expandBraces("a{1,2{c,d}}"));
        assertEquals(List.of("{x}"), FileCollector.expandBraces("{x}"));
    }
}
