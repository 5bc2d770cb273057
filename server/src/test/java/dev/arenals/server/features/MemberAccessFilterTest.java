package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The text test a closed file passes before it is parsed for {@code a.b.m} uses of a member
 * ({@link CrossFileReferences#mayAccessMember}): it may say yes wrongly (a parse for nothing), never no.
 */
class MemberAccessFilterTest {
    @Test
    void aNameAfterADotPastBlanksOrAComment() {
        assertTrue(CrossFileReferences.mayAccessMember("export const town = (u: User) => u.address.city;", "city"));
        assertTrue(CrossFileReferences.mayAccessMember("u?.city", "city"));
        assertTrue(CrossFileReferences.mayAccessMember("u!. \t city", "city"));
        assertTrue(CrossFileReferences.mayAccessMember("u. /* the town */ city", "city"));
    }

    @Test
    void aNameFirstOnItsLineMayFollowADotOnTheLineBefore() {
        assertTrue(CrossFileReferences.mayAccessMember("u.address\n  .city", "city"));
        assertTrue(CrossFileReferences.mayAccessMember("u.address. // the town\n  city", "city"));
        assertTrue(CrossFileReferences.mayAccessMember("city", "city"), "the start of the text");
    }

    @Test
    void theNameAsADeclarationAKeyOrAWordIsNoAccess() {
        assertFalse(CrossFileReferences.mayAccessMember("const city = 1; const o = { city: 2 }; log('a city');", "city"));
        assertFalse(CrossFileReferences.mayAccessMember("u.cityName + u.city2 + u.mycity", "city"), "a longer name holds it");
        assertFalse(CrossFileReferences.mayAccessMember("no such name", "city"));
    }

    @Test
    void aUnicodeEscapeOnlyAsksForTheName() {
        assertTrue(CrossFileReferences.mayAccessMember("const city = '\\u0041';", "city"), "an escape may spell an access: holding the name is enough");
        assertFalse(CrossFileReferences.mayAccessMember("const town = '\\u0041';", "city"));
    }
}
