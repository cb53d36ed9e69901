package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class CentApportionmentTest {

    private static final long CENT = CentApportionment.CENT;

    /**
     * Micro-dollar costs up to $300,000: one in four is zero and one in four a whole number of
     * cents, so parts without a remainder are common.
     */
    static Gen<Long> costs() {
        return longs().between(0, 300_000_000_000L).map(micros -> switch ((int) (micros % 4)) {
            case 0 -> 0L;
            case 1 -> micros / CENT * CENT;
            default -> micros;
        });
    }

    @Test
    void apportion_halfUpTotal_addsUp() {
        qt().withFixedSeed(31).withExamples(5_000)
                .forAll(lists().of(costs()).ofSizeBetween(0, 9))
                .checkAssert(parts -> {
                    long[] exact = array(parts);
                    long printedTotal = CostCents.toCents(sum(exact));

                    long[] printed = CentApportionment.apportion(exact, printedTotal);

                    assertSplit(exact, printed, printedTotal);
                });
    }

    @Test
    void apportion_floorOrCeilingTotal_addsUp() {
        // The cost tables print a row as its exact cost rounded down or up, so either may be
        // the amount to split.
        qt().withFixedSeed(32).withExamples(5_000)
                .forAll(lists().of(costs()).ofSizeBetween(1, 9), integers().between(0, 1))
                .checkAssert((parts, up) -> {
                    long[] exact = array(parts);
                    long floor = Math.floorDiv(sum(exact), CENT) * CENT;
                    long printedTotal = up == 1 && floor != sum(exact) ? floor + CENT : floor;

                    long[] printed = CentApportionment.apportion(exact, printedTotal);

                    assertSplit(exact, printed, printedTotal);
                });
    }

    @Test
    void apportion_roundingsAddUp_keepsEachRounding() {
        qt().withFixedSeed(33).withExamples(5_000)
                .forAll(lists().of(costs()).ofSizeBetween(0, 9))
                .checkAssert(parts -> {
                    long[] exact = array(parts);
                    long[] ownRoundings = new long[exact.length];
                    for (int part = 0; part < exact.length; part++) {
                        ownRoundings[part] = CostCents.toCents(exact[part]);
                    }

                    long[] printed = CentApportionment.apportion(exact, sum(ownRoundings));

                    assertArrayEquals(ownRoundings, printed);
                });
    }

    @Test
    void apportion_priorities_chooseWhichPartsGainACent() {
        long[] exact = {10_100, 10_900, 10_500};

        assertArrayEquals(new long[] {10_000, 20_000, 10_000},
                CentApportionment.apportion(exact, 40_000));
        assertArrayEquals(new long[] {20_000, 10_000, 10_000},
                CentApportionment.apportion(exact, new long[] {3, 2, 1}, 40_000));
        assertArrayEquals(new long[] {20_000, 20_000, 10_000},
                CentApportionment.apportion(exact, new long[] {5, 5, 5}, 50_000));
    }

    @Test
    void apportion_equalRemainders_earlierPartFirst() {
        assertArrayEquals(new long[] {20_000, 10_000},
                CentApportionment.apportion(new long[] {15_000, 15_000}, 30_000));
    }

    @Test
    void apportion_wholeCentParts_neverGainACent() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> CentApportionment.apportion(new long[] {10_000, 5_000}, 30_000));

        assertTrue(error.getMessage().contains("30000 micro-dollars"), error::getMessage);
    }

    @Test
    void apportion_amountBelowFloors_throws() {
        assertThrows(IllegalStateException.class,
                () -> CentApportionment.apportion(new long[] {25_000}, 10_000));
    }

    @Test
    void apportion_amountNotWholeCents_throws() {
        assertThrows(IllegalStateException.class,
                () -> CentApportionment.apportion(new long[] {25_000}, 25_000));
    }

    /**
     * Asserts that the printed parts are whole cents that add up to the printed total, and that
     * each is its exact part rounded down or up to the cent.
     */
    private static void assertSplit(long[] exact, long[] printed, long printedTotal) {
        assertEquals(exact.length, printed.length);
        assertEquals(printedTotal, sum(printed));
        for (int part = 0; part < exact.length; part++) {
            assertEquals(0, printed[part] % CENT, "part " + part + " is not whole cents");
            assertTrue(Math.abs(printed[part] - exact[part]) < CENT,
                    "part " + part + ": " + printed[part] + " for " + exact[part]);
        }
    }

    private static long[] array(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum = Math.addExact(sum, value);
        }
        return sum;
    }
}
