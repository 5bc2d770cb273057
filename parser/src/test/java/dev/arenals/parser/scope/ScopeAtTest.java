package dev.arenals.parser.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.tree.Arena;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ScopeTable#scopeAt} (a binary search over scopes ordered by start, then up the parents)
 * answers what a scan of every scope for the smallest one holding the offset answers: at every
 * offset of sources with every kind of scope, and of the test262 parser tests when cached.
 */
class ScopeAtTest {
    private final JsParser parser = new JsParser();
    private final Arena arena = new Arena();
    private final Binder binder = new Binder();
    private final ScopeTable table = new ScopeTable();

    private int compareEverywhere(String source, ParseOptions options) {
        parser.parse(arena, source, options);
        binder.bind(arena, table);
        for (int offset = -1; offset <= source.length() + 1; offset++) {
            assertEquals(table.scopeAtByScan(offset), table.scopeAt(offset), "scope at " + offset + " in: " + source);
        }
        return table.scopeCount();
    }

    @Test
    void everyKindOfScope() {
        List<String> sources = List.of(
                "let a; function f(p) { var v; { let b; } for (let i of x) { try {} catch (e) { class C { static { let s; } m() {} } } } }",
                "const g = function named(x) { return (y) => { switch (y) { case 1: let z; } }; };",
                "with (o) { a; } label: { let q; }",
                "x => x; async (a, b = () => c) => { await a; }",
                "class A extends (class B {}) { #p; static s = function () {}; get v() { return 1; } }",
                "");
        for (String s : sources) compareEverywhere(s, ParseOptions.script());
        compareEverywhere("namespace N { export function f<T>(t: T) {} } interface I<X> { m<Y>(y: Y): X } type M = { [K in keyof T]: K };"
                + " enum E { A } class D<T> implements I<T> { constructor(private p: T) {} } declare module 'm' { export const c: number; }",
                ParseOptions.forFileName("a.ts"));
        compareEverywhere("function broken( { let x = ; class { m( } ", ParseOptions.script());
    }

    @Test
    void sampledOffsetsOfRealFiles() throws IOException {
        String cache = System.getenv("ARENA_LS_CACHE");
        Path npm = (cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache", "arena-ls")).resolve("npm");
        List<Path> files = new java.util.ArrayList<>();
        for (String pkg : List.of("typescript@6.0.3/package/lib", "rxjs@7.8.2/package/src/internal", "zod@4.6.7/package/v4/classic")) {
            Path dir = npm.resolve(pkg);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().matches(".*\\.(ts|js)") && Files.isRegularFile(p) && size(p) < 200_000).sorted().limit(60).forEach(files::add);
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(files.size() >= 60, "the real-world packages are not in the cache");
        java.util.Random random = new java.util.Random(7);
        for (Path p : files) {
            String source = Files.readString(p, StandardCharsets.UTF_8);
            parser.parse(arena, source, ParseOptions.forFileName(p.getFileName().toString()));
            binder.bind(arena, table);
            for (int i = 0; i < 400; i++) {
                int offset = random.nextInt(source.length() + 1);
                assertEquals(table.scopeAtByScan(offset), table.scopeAt(offset), "scope at " + offset + " in " + p);
            }
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    @Test
    void theTest262ParserTests() throws IOException {
        String cache = System.getenv("ARENA_LS_CACHE");
        Path pass = (cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache", "arena-ls"))
                .resolve("npm/test262-parser-tests@0.0.5/package/pass");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(pass), "test262-parser-tests is not in the cache");
        int files = 0, scopes = 0;
        try (Stream<Path> list = Files.list(pass)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                scopes += compareEverywhere(Files.readString(p, StandardCharsets.UTF_8),
                        ParseOptions.of(name.endsWith(".module.js")));
                files++;
            }
        }
        assertTrue(files > 1_000 && scopes > files, files + " files, " + scopes + " scopes");
    }
}
