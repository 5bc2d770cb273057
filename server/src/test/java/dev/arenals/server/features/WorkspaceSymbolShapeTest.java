package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.workspace.WorkspaceIndex;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The name shapes that workspace/symbol tests before it reads a name: they never reject a name that ranks. */
class WorkspaceSymbolShapeTest {
    private static boolean mayMatch(String query, String name) {
        return WorkspaceSymbolHandler.QueryShape.of(query).mayMatch(WorkspaceIndex.nameShape(name));
    }

    @Test
    void rejectsNamesThatHoldTheQuerysCharactersOnlyInAnotherOrder() {
        assertFalse(mayMatch("sC", "Service19410"), "s…c is a subsequence, neither a substring nor humps");
        assertTrue(mayMatch("sC", "someClient"), "humps");
        assertTrue(mayMatch("vic", "Service19410"), "substring");
        assertTrue(mayMatch("gUName", "getUserName"), "humps continued inside a hump");
        assertTrue(mayMatch("fb", "foo_bar"), "a hump after '_'");
        assertTrue(mayMatch("SERV", "service"), "case is folded");
    }

    @Test
    void aQueryOfOneCharacterOrNotAsciiIsNotFiltered() {
        assertNull(WorkspaceSymbolHandler.QueryShape.of("s"));
        assertNull(WorkspaceSymbolHandler.QueryShape.of("é1"));
        assertTrue(WorkspaceSymbolHandler.QueryShape.of("sc").mayMatch(WorkspaceIndex.nameShape("ſcope")), "a name that is not ASCII passes");
    }

    @Test
    void neverRejectsANameThatRanks() {
        SplittableRandom random = new SplittableRandom(18);
        String alphabet = "abcsABCS01_$";
        int ranked = 0, rejected = 0;
        for (int trial = 0; trial < 200_000; trial++) {
            String name = randomText(random, alphabet, 1 + random.nextInt(10));
            String query = randomText(random, alphabet, 2 + random.nextInt(3));
            boolean ranks = WorkspaceSymbolHandler.rank(query, name) != WorkspaceSymbolHandler.NONE;
            boolean passes = mayMatch(query, name);
            if (ranks) {
                ranked++;
                assertTrue(passes, () -> "'" + query + "' ranks on '" + name + "' but its shape was rejected");
            } else if (!passes) rejected++;
        }
        assertTrue(ranked > 1_000, "the trials hold matches: " + ranked);
        assertTrue(rejected > 10_000, "and names the shapes reject: " + rejected);
    }

    private static String randomText(SplittableRandom random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return sb.toString();
    }
}
