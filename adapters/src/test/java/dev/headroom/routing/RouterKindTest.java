package dev.headroom.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every router needs at least one shard. */
class RouterKindTest {

    @Test
    void zeroShardsAreRejected() {
        for (RouterKind kind : RouterKind.values()) {
            assertThrows(IllegalArgumentException.class, () -> kind.create(0), kind.name());
        }
    }

    @Test
    void oneShardTakesEveryone() {
        for (RouterKind kind : RouterKind.values()) {
            assertEquals(0, kind.create(1).route("ann@example.com"), kind.name());
        }
    }
}
