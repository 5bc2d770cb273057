package dev.arenals.check;

import static dev.arenals.check.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines and columns: 1-based, UTF-16 code units, ECMAScript line terminators. */
class PositionsTest {
    @TempDir Path dir;

    private String tsc(String file, String text) {
        write(dir, file, text);
        return Cli.run(dir, "--format", "tsc", file).out();
    }

    @Test
    void everyEcmaScriptLineTerminatorStartsALine() {
        assertEquals("a.js(5,9): error TS1109: Expression expected.\n", tsc("a.js", "a\r\nb\rc\u2028d\u2029let x = ;\n"));
    }

    @Test
    void tabsCountOneAndAstralCharactersTwo() {
        assertEquals("b.js(1,10): error TS1109: Expression expected.\n", tsc("b.js", "\tlet x = ;"));
        assertEquals("c.js(1,16): error TS1109: Expression expected.\n", tsc("c.js", "'\ud83d\ude00\ud83d\ude00';let y = ;"));
    }

    @Test
    void spansAcrossLinesHaveTheirOwnEndLine() throws Exception {
        write(dir, "d.js", "let s = `abc\ndef");
        Cli.Result r = Cli.run(dir, "--format", "json", "d.js");
        String json = r.out();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> d = (java.util.Map<String, Object>) ((java.util.List<Object>) ((java.util.Map<String, Object>)
                ((java.util.List<Object>) ((java.util.Map<String, Object>) Jsonc.parse(json)).get("files")).get(0)).get("diagnostics")).get(0);
        assertEquals(1160L, d.get("code"));
        assertEquals(1L, d.get("line"));
        assertEquals(9L, d.get("column"));
        assertEquals(2L, d.get("endLine"));
        assertEquals(4L, d.get("endColumn"));
    }
}
