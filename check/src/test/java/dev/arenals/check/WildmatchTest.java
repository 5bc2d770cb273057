package dev.arenals.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases in the spirit of git's t3070-wildmatch (pathname mode, case-sensitive). */
class WildmatchTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                // literals, ?, *
                c(true, "foo", "foo"), c(false, "bar", "foo"), c(true, "", ""), c(false, "", "foo"),
                c(true, "???", "foo"), c(false, "??", "foo"), c(true, "*", "foo"), c(true, "f*", "foo"),
                c(false, "*f", "foo"), c(true, "*foo*", "foo"), c(true, "*ob*a*r*", "foobar"),
                c(true, "*ab", "aaaaaaabababab"), c(true, "*X*i", "abcXdefXghi"),
                // escapes
                c(true, "foo\\*", "foo*"), c(false, "foo\\*bar", "foobar"), c(true, "f\\\\oo", "f\\oo"),
                c(false, "\\", ""), c(false, "\\", "\\"), c(false, "*/\\", "XXX/\\"), c(true, "*/\\\\", "XXX/\\"),
                c(true, "\\[ab]", "[ab]"), c(true, "\\??\\?b", "?a?b"), c(true, "\\a\\b\\c", "abc"),
                // sets
                c(true, "*[al]?", "ball"), c(false, "[ten]", "ten"), c(true, "**[!te]", "ten"),
                c(false, "**[!ten]", "ten"), c(true, "t[a-g]n", "ten"), c(false, "t[!a-g]n", "ten"),
                c(true, "t[!a-g]n", "ton"), c(true, "t[^a-g]n", "ton"), c(true, "a[]]b", "a]b"),
                c(true, "a[]-]b", "a-b"), c(true, "a[]-]b", "a]b"), c(false, "a[]-]b", "aab"),
                c(true, "a[]a-]b", "aab"), c(true, "]", "]"), c(false, "a[c-c]st", "acrt"),
                c(true, "a[c-c]rt", "acrt"), c(false, "[!]-]", "]"), c(true, "[!]-]", "a"),
                c(true, "[[]ab]", "[ab]"), c(true, "[[:]ab]", "[ab]"), c(false, "[[::]ab]", "[ab]"),
                c(true, "[[:digit]ab]", "[ab]"), c(true, "[\\[:]ab]", "[ab]"),
                c(true, "[[:alpha:]][[:digit:]][[:upper:]]", "a1B"),
                c(false, "[[:digit:][:upper:][:space:]]", "a"), c(true, "[[:digit:][:upper:][:space:]]", "A"),
                c(true, "[[:digit:][:upper:][:space:]]", "1"), c(false, "[[:digit:][:upper:][:spaci:]]", "1"),
                c(true, "[[:digit:][:upper:][:space:]]", " "), c(false, "[[:digit:][:upper:][:space:]]", "."),
                c(true, "[[:digit:][:punct:][:space:]]", "."), c(true, "[[:xdigit:]]", "D"),
                c(true, "[a-c[:digit:]x-z]", "5"), c(true, "[a-c[:digit:]x-z]", "y"), c(false, "[a-c[:digit:]x-z]", "q"),
                // slashes: * ? and sets never match '/'
                c(false, "foo*bar", "foo/baz/bar"), c(false, "foo?bar", "foo/bar"), c(false, "foo[/]bar", "foo/bar"),
                c(false, "foo[^a-z]bar", "foo/bar"), c(true, "f[^eiu][^eiu][^eiu][^eiu][^eiu]r", "foo-bar"),
                c(false, "f[^eiu][^eiu][^eiu][^eiu][^eiu]r", "foo/bar"),
                c(false, "*/*/*", "foo"), c(false, "*/*/*", "foo/bar"), c(true, "*/*/*", "foo/bba/arr"),
                c(false, "*/*/*", "foo/bb/aa/rr"), c(false, "*X*i", "ab/cXd/efXg/hi"), c(true, "*/*X*/*/*i", "ab/cXd/efXg/hi"),
                // ** only between slashes is special
                c(false, "foo**bar", "foo/baz/bar"), c(true, "foo**bar", "foobazbar"),
                c(true, "foo/**/bar", "foo/baz/bar"), c(true, "foo/**/**/bar", "foo/baz/bar"),
                c(true, "foo/**/bar", "foo/b/a/z/bar"), c(true, "foo/**/**/bar", "foo/b/a/z/bar"),
                c(true, "foo/**/bar", "foo/bar"), c(true, "foo/**/**/bar", "foo/bar"),
                c(true, "**/foo", "foo"), c(true, "**/foo", "XXX/foo"), c(true, "**/foo", "bar/baz/foo"),
                c(false, "*/foo", "bar/baz/foo"), c(false, "**/bar*", "foo/bar/baz"), c(true, "**/bar/*", "deep/foo/bar/baz"),
                c(false, "**/bar/*", "deep/foo/bar/baz/"), c(true, "**/bar/**", "deep/foo/bar/baz/"),
                c(false, "**/bar/*", "deep/foo/bar"), c(true, "**/bar/**", "deep/foo/bar/"), c(false, "**/bar**", "foo/bar/baz"),
                c(true, "*/bar/**", "foo/bar/baz/x"), c(false, "*/bar/**", "deep/foo/bar/baz/x"),
                c(true, "**/bar/*/*", "deep/foo/bar/baz/x"), c(true, "**/t[o]", "foo/bar/baz/to"),
                c(true, "**/**/**", "foo/bb/aa/rr"), c(true, "**/*X*/**/*i", "ab/cXd/efXg/hi"),
                c(true, "**/*a*b*g*n*t", "abcd/abcdefg/abcdefghijk/abcdefghijklmnop.txt"),
                c(false, "**/*a*b*g*n*t", "abcd/abcdefg/abcdefghijk/abcdefghijklmnop.txtz"),
                c(true, "-*-*-*-*-*-*-12-*-*-*-m-*-*-*", "-adobe-courier-bold-o-normal--12-120-75-75-m-70-iso8859-1"),
                c(false, "-*-*-*-*-*-*-12-*-*-*-m-*-*-*", "-adobe-courier-bold-o-normal--12-120-75-75-X-70-iso8859-1"),
                c(true, "XXX/*/*/*/*/*/*/12/*/*/*/m/*/*/*", "XXX/adobe/courier/bold/o/normal//12/120/75/75/m/70/iso8859/1"),
                c(false, "XXX/*/*/*/*/*/*/12/*/*/*/m/*/*/*", "XXX/adobe/courier/bold/o/normal//12/120/75/75/X/70/iso8859/1"),
                // the shapes used for inputs and .gitignore
                c(true, "src/**/*.ts", "src/a.ts"), c(true, "src/**/*.ts", "src/x/y/a.ts"), c(false, "src/**/*.ts", "lib/a.ts"),
                c(true, "*.min.js", "app.min.js"), c(false, "*.js", "dir/app.js"), c(true, "build/**", "build/x/y.js"),
                c(false, "build/**", "build"));
    }

    private static Arguments c(boolean expected, String pattern, String text) {
        return Arguments.of(expected, pattern, text);
    }

    @ParameterizedTest(name = "{1} ~ {2} = {0}")
    @MethodSource("cases")
    void matches(boolean expected, String pattern, String text) {
        assertEquals(expected, Wildmatch.matches(pattern, text));
    }

    @Test
    void manyStarsDoNotBacktrackExponentially() {
        String text = "a".repeat(60);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertFalse(Wildmatch.matches("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", text));
            assertFalse(Wildmatch.matches("**/*a*a*a*a*a*a*a*a*a*a*a*a*b", text + "/" + text + "/" + text));
        });
    }
}
