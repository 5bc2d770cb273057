package dev.arenals.server.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
    private String out;
    private String err;

    private int run(String... args) throws Exception {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void version() throws Exception {
        assertEquals(0, run("--version"));
        assertTrue(out.matches("arena-ls \\d+\\.\\d+\\.\\d+.*\\R"), out);
    }

    @Test
    void help() throws Exception {
        assertEquals(0, run("--help"));
        assertTrue(out.contains("usage: arena-ls"), out);
        assertTrue(out.contains("lsp"), out);
    }

    @Test
    void unknownCommandsAreUsageErrors() throws Exception {
        assertEquals(2, run("frobnicate"));
        assertTrue(err.contains("unknown command"), err);
        assertEquals("", out, "nothing on stdout");
    }
}
