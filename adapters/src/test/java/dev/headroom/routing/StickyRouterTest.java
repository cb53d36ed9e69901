package dev.headroom.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The sticky router keeps each user where it was first placed. */
class StickyRouterTest {

    /** Sends each call to the next shard in turn, as a router that changed between calls would. */
    private static final class Rotating implements ShardRouter {
        private int next;

        @Override
        public int route(String key) {
            return next++ % 3;
        }

        @Override
        public int shardCount() {
            return 3;
        }
    }

    @Test
    void firstPlacementIsKept() {
        StickyRouter sticky = new StickyRouter(new Rotating());
        // The delegate returns 0, then 1, then 2, so ann is placed on 0 and stays there.
        assertEquals(0, sticky.route("ann@example.com"));
        assertEquals(1, sticky.route("bob@example.com"));
        assertEquals(0, sticky.route("ann@example.com"));
    }

    @Test
    void peek_newKey_notPinned() {
        StickyRouter sticky = new StickyRouter(new Rotating());

        assertEquals(0, sticky.peek("ann@example.com"));
        assertEquals(1, sticky.peek("ann@example.com"), "the first peek pinned nothing");
        assertEquals(2, sticky.route("ann@example.com"));
        assertEquals(2, sticky.peek("ann@example.com"), "route pinned it");
    }

    @Test
    void placeOverridesEarlierRoute() {
        StickyRouter sticky = new StickyRouter(new Rotating());
        sticky.route("ann@example.com");
        sticky.place("ann@example.com", 2);
        assertEquals(2, sticky.route("ann@example.com"));
    }

    @Test
    void placeRejectsShardOutsideRange() {
        StickyRouter sticky = new StickyRouter(new Rotating());
        assertThrows(IllegalArgumentException.class, () -> sticky.place("ann@example.com", 3));
        assertThrows(IllegalArgumentException.class, () -> sticky.place("ann@example.com", -1));
    }
}
