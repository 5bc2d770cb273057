package dev.arenals.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GitIgnoreTest {
    private static Boolean m(String gitignore, String path, boolean dir) {
        return GitIgnore.parse(gitignore).match(path, dir);
    }

    @Test
    void commentsBlankLinesAndNoMatch() {
        assertTrue(GitIgnore.parse("# just a comment\n\n   \n").isEmpty() || m("# c\n\n   \n", "a.js", false) == null);
        assertNull(m("*.log\n", "a.js", false));
    }

    @Test
    void unanchoredPatternsMatchTheNameAtAnyDepth() {
        assertEquals(true, m("*.min.js\n", "app.min.js", false));
        assertEquals(true, m("*.min.js\n", "a/b/app.min.js", false));
        assertEquals(true, m("generated\n", "src/generated", true));
        assertEquals(true, m("generated\n", "src/generated", false));
    }

    @Test
    void aSlashAtTheStartOrInTheMiddleAnchors() {
        assertEquals(true, m("/out.js\n", "out.js", false));
        assertNull(m("/out.js\n", "src/out.js", false));
        assertEquals(true, m("src/gen\n", "src/gen", true));
        assertNull(m("src/gen\n", "lib/src/gen", true));
        assertEquals(true, m("src/*.js\n", "src/a.js", false));
        assertNull(m("src/*.js\n", "src/deep/a.js", false));
    }

    @Test
    void trailingSlashMatchesDirectoriesOnly() {
        assertEquals(true, m("tmp/\n", "tmp", true));
        assertNull(m("tmp/\n", "tmp", false));
        assertEquals(true, m("tmp/\n", "a/b/tmp", true)); // only the trailing slash: not anchored
        assertEquals(true, m("a/tmp/\n", "a/tmp", true));
        assertNull(m("a/tmp/\n", "x/a/tmp", true));
    }

    @Test
    void negationReincludesAndTheLastMatchWins() {
        String g = "*.js\n!keep.js\n";
        assertEquals(true, m(g, "a.js", false));
        assertEquals(false, m(g, "keep.js", false));
        assertEquals(false, m(g, "sub/keep.js", false));
        assertEquals(true, m("!keep.js\n*.js\n", "keep.js", false)); // order matters
    }

    @Test
    void doubleStar() {
        assertEquals(true, m("**/fixtures\n", "fixtures", true));
        assertEquals(true, m("**/fixtures\n", "a/b/fixtures", true));
        assertEquals(true, m("docs/**/*.js\n", "docs/a.js", false));
        assertEquals(true, m("docs/**/*.js\n", "docs/x/y/a.js", false));
        assertNull(m("docs/**/*.js\n", "src/docs/a.js", false));
        assertEquals(true, m("vendor/**\n", "vendor/x.js", false));
        assertNull(m("vendor/**\n", "vendor", true)); // the directory itself is not matched
    }

    @Test
    void escapesAndTrailingSpaces() {
        assertEquals(true, m("\\#notes.js\n", "#notes.js", false));
        assertEquals(true, m("\\!bang.js\n", "!bang.js", false));
        assertEquals(true, m("a.js   \n", "a.js", false));      // trailing spaces dropped
        assertEquals(true, m("b.js\\ \n", "b.js ", false));     // an escaped one kept
        assertNull(m("b.js\\ \n", "b.js", false));
        assertEquals(true, m("c.js\r\n", "c.js", false));       // CRLF files
        assertEquals(true, m("\uFEFFd.js\n", "d.js", false));   // byte order mark
    }
}
