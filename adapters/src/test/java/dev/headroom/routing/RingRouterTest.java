package dev.headroom.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Where keys land on a ring small enough to work out by hand. */
class RingRouterTest {

    // With one virtual node per shard, shard 0's point is StringHash64("shard-0#0") =
    // 0x1a205b97ba1e09bd and shard 1's is StringHash64("shard-1#0") = 0x1ef668a50ad196a9.
    // Both are positive, so the ring runs from shard 0's point to shard 1's and wraps to 0's.

    @Test
    void keyBetweenPointsGoesToNext() {
        // StringHash64("user44@example.com") = 0x1cc2e406c0bbab68 lies between the two points.
        assertEquals(1, new RingRouter(2, 1).route("user44@example.com"));
    }

    @Test
    void keyAfterLastPointWrapsToFirst() {
        // StringHash64("user0@example.com") = 0x67cc087c455b8f3a lies after both points, so it
        // wraps to the first point, shard 0's.
        assertEquals(0, new RingRouter(2, 1).route("user0@example.com"));
    }

    @Test
    void tooManyPoints_isRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new RingRouter(20_000_000, 160));

        assertTrue(error.getMessage().contains("3200000000 ring points"), error.getMessage());
    }
}
