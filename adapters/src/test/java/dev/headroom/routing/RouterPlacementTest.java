package dev.headroom.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Pins where each router places a few emails. Many routers pass {@code RouterPropertiesTest},
 * but only these placements keep existing users in their workbooks. The expected shards come
 * from an independent implementation of the algorithm in each router's Javadoc, not from these
 * classes, and it reproduces the hashes that {@code StringHash64Test} pins.
 */
class RouterPlacementTest {

    private static final String MARIA = "maria.lopez@corp.com";
    private static final String SHORT = "a@b.co";
    private static final String ACCENTED = "jo\u00eblle+n\u00e8ws@t\u00ebst.de";
    private static final String NUMBERED = "u000001@x.io";

    @Test
    void jumpPlacementsAreFixed() {
        assertPlacements(RouterKind.JUMP, 5, 1, 0, 3, 1);
        assertPlacements(RouterKind.JUMP, 64, 22, 6, 59, 51);
    }

    @Test
    void rendezvousPlacementsAreFixed() {
        assertPlacements(RouterKind.RENDEZVOUS, 5, 0, 4, 3, 4);
        assertPlacements(RouterKind.RENDEZVOUS, 64, 33, 41, 37, 32);
    }

    @Test
    void ringPlacementsAreFixed() {
        assertPlacements(RouterKind.RING, 5, 3, 1, 1, 4);
        assertPlacements(RouterKind.RING, 64, 8, 7, 35, 12);
    }

    @Test
    void slotTablePlacementsAreFixed() {
        assertPlacements(RouterKind.SLOT_TABLE, 5, 2, 0, 0, 0);
        assertPlacements(RouterKind.SLOT_TABLE, 64, 35, 26, 0, 14);
    }

    private static void assertPlacements(RouterKind kind, int shards, int maria, int shortOne,
            int accented, int numbered) {
        ShardRouter router = kind.create(shards);
        assertEquals(maria, router.route(MARIA), kind + " " + MARIA);
        assertEquals(shortOne, router.route(SHORT), kind + " " + SHORT);
        assertEquals(accented, router.route(ACCENTED), kind + " " + ACCENTED);
        assertEquals(numbered, router.route(NUMBERED), kind + " " + NUMBERED);
    }
}
