package dev.headroom.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CapacityUnitsTest {

    @Test
    void writeUnits_oneKilobyteBoundary() {
        assertEquals(1, CapacityUnits.writeUnits(1, WriteMode.STANDARD));
        assertEquals(1, CapacityUnits.writeUnits(1_024, WriteMode.STANDARD));
        assertEquals(2, CapacityUnits.writeUnits(1_025, WriteMode.STANDARD));
    }

    @Test
    void writeUnits_transactionalDoubles() {
        assertEquals(2, CapacityUnits.writeUnits(1_024, WriteMode.TRANSACTIONAL));
        assertEquals(4, CapacityUnits.writeUnits(1_025, WriteMode.TRANSACTIONAL));
        assertEquals(6, CapacityUnits.writeUnits(3 * 1_024, WriteMode.TRANSACTIONAL));
    }

    @Test
    void writeUnits_atLeastOne() {
        assertEquals(1, CapacityUnits.writeUnits(0, WriteMode.STANDARD));
    }

    @Test
    void getItem_fourKilobyteBoundary() {
        assertEquals(2, CapacityUnits.getItemReadHalfUnits(4_096, ReadConsistency.STRONG));
        assertEquals(4, CapacityUnits.getItemReadHalfUnits(4_097, ReadConsistency.STRONG));
        assertEquals(1, CapacityUnits.getItemReadHalfUnits(4_096, ReadConsistency.EVENTUAL));
        assertEquals(2, CapacityUnits.getItemReadHalfUnits(4_097, ReadConsistency.EVENTUAL));
        assertEquals(4, CapacityUnits.getItemReadHalfUnits(4_096,
                ReadConsistency.TRANSACTIONAL));
    }

    @Test
    void getItem_docsExamples() {
        // 3,500 bytes costs as 4 KB; 10 KB costs as 12 KB (3 units strong, 1.5 eventual).
        assertEquals(2, CapacityUnits.getItemReadHalfUnits(3_500, ReadConsistency.STRONG));
        assertEquals(6, CapacityUnits.getItemReadHalfUnits(10 * 1_024, ReadConsistency.STRONG));
        assertEquals(3, CapacityUnits.getItemReadHalfUnits(10 * 1_024,
                ReadConsistency.EVENTUAL));
    }

    @Test
    void getItem_missingItemCostsOneBlock() {
        assertEquals(2, CapacityUnits.getItemReadHalfUnits(0, ReadConsistency.STRONG));
        assertEquals(1, CapacityUnits.getItemReadHalfUnits(0, ReadConsistency.EVENTUAL));
    }

    @Test
    void query_docsExampleOf1500SmallItems() {
        long[] sizes = new long[1_500];
        Arrays.fill(sizes, 64);

        QueryCharge strong = CapacityUnits.query(sizes, ReadConsistency.STRONG);
        QueryCharge eventual = CapacityUnits.query(sizes, ReadConsistency.EVENTUAL);

        assertEquals(1, strong.pages());
        assertEquals(96_000, strong.itemBytes());
        assertEquals(24.0, strong.readUnits());
        assertEquals(12.0, eventual.readUnits());
    }

    @Test
    void query_sumsBeforeRounding() {
        // Two 1.5 KB items: 3 KB in total is one 4 KB block, not two.
        QueryCharge charge = CapacityUnits.query(new long[] {1_536, 1_536},
                ReadConsistency.STRONG);

        assertEquals(2, charge.readHalfUnits());
    }

    @Test
    void query_exactlyOneMegabyteIsOnePage() {
        long[] sizes = new long[256];
        Arrays.fill(sizes, 4_096);

        QueryCharge charge = CapacityUnits.query(sizes, ReadConsistency.STRONG);

        assertEquals(1, charge.pages());
        assertEquals(256 * 2, charge.readHalfUnits());
    }

    @Test
    void query_oneByteMoreStartsSecondPage() {
        long[] sizes = new long[257];
        Arrays.fill(sizes, 4_096);
        sizes[256] = 1;

        QueryCharge charge = CapacityUnits.query(sizes, ReadConsistency.STRONG);

        assertEquals(2, charge.pages());
        assertEquals(256 * 2 + 2, charge.readHalfUnits());
    }

    @Test
    void query_eachPageRoundsOnItsOwn() {
        // 1,000 items of 1,100 bytes: 953 fit the first page (1,048,300 bytes, 256 blocks),
        // the remaining 47 make 51,700 bytes (13 blocks).
        long[] sizes = new long[1_000];
        Arrays.fill(sizes, 1_100);

        QueryCharge charge = CapacityUnits.query(sizes, ReadConsistency.STRONG);

        assertEquals(2, charge.pages());
        assertEquals((256 + 13) * 2, charge.readHalfUnits());
    }

    @Test
    void query_emptyIsOnePageOfOneBlock() {
        QueryCharge charge = CapacityUnits.query(new long[0], ReadConsistency.EVENTUAL);

        assertEquals(1, charge.pages());
        assertEquals(1, charge.readHalfUnits());
    }

    @Test
    void queryUniform_matchesItemByItem() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int count = random.nextInt(0, 5_000);
            long size = random.nextLong(1, 20_000);
            long[] sizes = new long[count];
            Arrays.fill(sizes, size);
            for (ReadConsistency consistency : ReadConsistency.values()) {
                assertEquals(CapacityUnits.query(sizes, consistency),
                        CapacityUnits.queryUniform(count, size, consistency),
                        count + " items of " + size + " bytes, " + consistency);
            }
        }
    }

    @Test
    void partitionCeilings() {
        assertEquals(1_000, CapacityUnits.PARTITION_MAX_WRITE_UNITS_PER_SECOND);
        assertEquals(3_000, CapacityUnits.PARTITION_MAX_READ_UNITS_PER_SECOND);
    }

    @Test
    void itemOverLimitIsRejected() {
        assertEquals(400, CapacityUnits.writeUnits(409_600, WriteMode.STANDARD));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CapacityUnits.writeUnits(409_601, WriteMode.STANDARD));
        assertTrue(error.getMessage().contains("409601"), error.getMessage());
    }

    @Test
    void halfUnitConversions() {
        assertEquals(0.5, CapacityUnits.toUnits(1));
        assertEquals(3, CapacityUnits.toHalfUnits(1.5));
        assertThrows(IllegalArgumentException.class, () -> CapacityUnits.toHalfUnits(0.25));
        assertThrows(IllegalArgumentException.class, () -> CapacityUnits.toHalfUnits(-1));
    }
}
