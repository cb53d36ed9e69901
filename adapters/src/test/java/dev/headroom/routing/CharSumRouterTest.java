package dev.headroom.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Facts about the plan's character-sum router that hold for every input; its spread and its
 * movement are measured by the routing report, not asserted here.
 */
class CharSumRouterTest {

    @Test
    void matchesJavaScriptCharCodeSum() {
        // "a@b.co": 97 + 64 + 98 + 46 + 99 + 111 = 515, and 515 % 5 = 0.
        assertEquals(0, new CharSumRouter(5).route("a@b.co"));
        assertEquals(515 % 7, new CharSumRouter(7).route("a@b.co"));
    }

    @Test
    void anagramsAlwaysShareAShard() {
        CharSumRouter router = new CharSumRouter(5);
        assertEquals(router.route("maria.lopez@corp.com"), router.route("mario.lapez@corp.com"));
        assertEquals(router.route("ab@x.io"), router.route("ba@x.io"));
    }

    @Test
    void shardsAboveTheLargestSumStayEmpty() {
        CharSumRouter router = new CharSumRouter(10_000);
        String[] emails = EmailSets.distinct(5_000, 5);
        for (String email : emails) {
            assertTrue(router.route(email) < 128 * email.length(), email);
        }
    }
}
