package dev.headroom.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/** Slot table shares: each shard owns its fair share of the 4,096 slots. */
class SlotTableRouterTest {

    /** One key whose hash selects each slot, found by trying numbered emails. */
    private static final String[] KEY_OF_SLOT = keyOfEverySlot();

    @Test
    void threeShardsSplitSlotsFairly() {
        // 4,096 = 3 x 1,365 + 1, so shard 0 owns 1,366 slots and shards 1 and 2 own 1,365.
        int[] owned = slotsPerShard(new SlotTableRouter(3));
        assertEquals(1_366, owned[0]);
        assertEquals(1_365, owned[1]);
        assertEquals(1_365, owned[2]);
    }

    @Test
    void everyShardOwnsFloorOrCeiling() {
        qt().withFixedSeed(15).withExamples(30)
                .forAll(integers().between(1, SlotTableRouter.SLOTS))
                .check(shards -> {
                    int floor = SlotTableRouter.SLOTS / shards;
                    int ceiling = floor + (SlotTableRouter.SLOTS % shards == 0 ? 0 : 1);
                    for (int owned : slotsPerShard(new SlotTableRouter(shards))) {
                        if (owned < floor || owned > ceiling) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    @Test
    void acceptsAtMostOneShardPerSlot() {
        assertEquals(4_096, new SlotTableRouter(4_096).shardCount());
        assertThrows(IllegalArgumentException.class, () -> new SlotTableRouter(4_097));
    }

    private static int[] slotsPerShard(SlotTableRouter router) {
        int[] owned = new int[router.shardCount()];
        for (String key : KEY_OF_SLOT) {
            owned[router.route(key)]++;
        }
        return owned;
    }

    private static String[] keyOfEverySlot() {
        String[] keys = new String[SlotTableRouter.SLOTS];
        int found = 0;
        for (int i = 0; found < keys.length; i++) {
            String key = "user" + i + "@example.com";
            int slot = (int) (StringHash64.hash(key) >>> (64 - SlotTableRouter.SLOT_BITS));
            if (keys[slot] == null) {
                keys[slot] = key;
                found++;
            }
        }
        return keys;
    }
}
