package dev.arenals.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.scope.Binder;
import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.ParseLog;
import org.junit.jupiter.api.Test;

class WarmUpTest {
    @Test
    void theBuiltInSourcesParseAndBindWithoutDiagnostics() {
        // a warm-up that hit error paths would get the wrong code compiled first
        String[] sources = WarmUp.sources();
        ParseOptions[] options = WarmUp.options();
        assertEquals(sources.length, options.length);
        for (int i = 0; i < sources.length; i++) {
            Arena arena = new Arena();
            char[] text = sources[i].toCharArray();
            new JsParser().parseInPlace(arena, text, text.length, options[i]);
            new Binder().bind(arena, new ScopeTable());
            ParseLog log = arena.log();
            StringBuilder found = new StringBuilder();
            for (int d = 0; d < log.diagnosticCount(); d++) {
                found.append("\n  ").append(log.diagnostic(d)).append(" at ").append(log.diagnosticStart(d));
            }
            assertEquals(0, log.diagnosticCount(), "source " + i + ":" + found);
            assertTrue(arena.nodeCount() > 100, "source " + i + " is a real program, not a few nodes");
        }
    }

    @Test
    void noWarmUpWithoutASpareCheckingThread() {
        assertNull(WarmUp.startIfUseful(1));
    }
}
