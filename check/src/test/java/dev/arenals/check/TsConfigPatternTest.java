package dev.arenals.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link TsConfigPattern} matches exactly what TypeScript's regular expressions ({@link TypeScriptWildcardRegex}) match. */
class TsConfigPatternTest {
    private static final String BASE = "/repo/app";

    private static boolean include(String path, String... specs) {
        return TsConfig.pattern(List.of(specs), bases(specs.length), false).matches(path);
    }

    private static boolean exclude(String path, String... specs) {
        return TsConfig.pattern(List.of(specs), bases(specs.length), true).matches(path);
    }

    private static List<String> bases(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(BASE);
        return out;
    }

    @Test
    void includeWildcardsFollowTypeScript() {
        assertTrue(include("/repo/app/src/a.ts", "src"));               // a directory: its whole subtree
        assertTrue(include("/repo/app/src/deep/er/a.ts", "src/**/*"));
        assertTrue(include("/repo/app/src/a.ts", "src/*.ts"));
        assertFalse(include("/repo/app/src/deep/a.ts", "src/*.ts"));   // '*' stays within a component
        assertFalse(include("/repo/app/src/.hidden.ts", "src/*.ts"));  // wildcards skip dot files
        assertFalse(include("/repo/app/src/.git/a.ts", "src"));        // and dot folders
        assertFalse(include("/repo/app/src/node_modules/x/a.ts", "src")); // and package folders
        assertTrue(include("/repo/app/node_modules/x/a.ts", "node_modules/x/a.ts")); // unless written out
        assertFalse(include("/repo/app/src/lib.min.js", "src/*"));     // '*' never matches .min.js
        assertTrue(include("/repo/app/src/lib.min.js", "src/*.min.js"));
        assertTrue(include("/repo/app/src/ab.ts", "src/?b.ts"));
        assertFalse(include("/repo/app/src/.b.ts", "src/?b.ts"));
        assertNull(TsConfig.pattern(List.of("src/**"), bases(1), false)); // include patterns ending in ** are ignored
    }

    @Test
    void excludeMatchesAPrefixUpToAComponent() {
        assertTrue(exclude("/repo/app/dist/a.js", "dist"));
        assertTrue(exclude("/repo/app/dist/sub/a.js", "dist"));
        assertFalse(exclude("/repo/app/distant/a.js", "dist"));
        assertTrue(exclude("/repo/app/src/a.test.ts", "**/*.test.ts"));
        assertTrue(exclude("/repo/app/src/.cache/x.ts", "src/**/x.ts")); // exclude's ** enters dot folders
        assertTrue(exclude("/repo/app/src/gen/a.ts", "src/*/a.ts"));
    }

    // differential: generated specs and paths, both matchers, every answer compared

    private static final String[] COMPONENTS = {
        "src", "lib", "a", "b.ts", "x.min.js", "node_modules", "bower_components", "jspm_packages", ".hidden",
        "*", "**", "?", "*.ts", "a*", "*.min.js", "?b", "*.*", "a?c", ".*", "*a*", "..", ".", "a-b", "a.b", "*x", "?*"
    };
    private static final String[] SEGMENTS = {
        "src", "lib", "a", "b.ts", "x.min.js", "y.min.js", "node_modules", "bower_components", "jspm_packages",
        ".hidden", ".a.ts", "ab", "abc", "a.b", "a-b", "x.ts", "ba", "min.js", ".min.js", "a.min.jsx", "node_modules2",
        "a\n", "b\r\n", "c\r", "x.min.js\n", "\u2028", "sub dir", "é.ts", "a*b", "?"
    };

    private static String spec(Random r) {
        int n = 1 + r.nextInt(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append('/');
            sb.append(COMPONENTS[r.nextInt(COMPONENTS.length)]);
        }
        return sb.toString();
    }

    private static String path(Random r) {
        StringBuilder sb = new StringBuilder(r.nextInt(20) == 0 ? "/elsewhere" : BASE);
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) sb.append('/').append(SEGMENTS[r.nextInt(SEGMENTS.length)]);
        if (r.nextInt(30) == 0) sb.append('/');
        return sb.toString();
    }

    @Test
    void matchesWhatTheRegularExpressionsMatch() {
        Random r = new Random(20261127);
        int compared = 0;
        int matched = 0;
        List<String> mismatches = new ArrayList<>();
        for (int round = 0; round < 3000; round++) {
            int k = 1 + r.nextInt(3);
            List<String> specs = new ArrayList<>();
            for (int i = 0; i < k; i++) specs.add(spec(r));
            for (boolean excludeUsage : new boolean[] {false, true}) {
                Pattern regex = TypeScriptWildcardRegex.regex(specs, bases(k), excludeUsage);
                TsConfigPattern ours = TsConfig.pattern(specs, bases(k), excludeUsage);
                assertEquals(regex == null, ours == null, "patterns for " + specs);
                if (regex == null) continue;
                for (int j = 0; j < 20; j++) {
                    String p = path(r);
                    boolean expected = excludeUsage ? regex.matcher(p).lookingAt() : regex.matcher(p).matches();
                    if (expected) matched++;
                    compared++;
                    if (ours.matches(p) != expected && mismatches.size() < 10) {
                        mismatches.add((excludeUsage ? "exclude " : "include ") + specs + " on " + p.replace("\n", "\\n").replace("\r", "\\r")
                                + ": regex " + expected);
                    }
                }
            }
        }
        System.out.println("TsConfigPattern vs TypeScript's regular expressions: " + compared + " paths compared, "
                + matched + " matched, " + mismatches.size() + " differed");
        assertTrue(compared > 100_000, "compared " + compared);
        assertTrue(matched > 5_000, "too few matches to mean anything: " + matched);
        assertEquals(List.of(), mismatches);
    }
}
