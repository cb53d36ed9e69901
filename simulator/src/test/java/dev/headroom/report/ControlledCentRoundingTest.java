package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlledCentRoundingTest {

    @Test
    void round_greedyChoiceBlocked_movesCent() {
        // Row 0 first rounds up its larger remainder, column 0. Row 1 can only round up column
        // 0 too, so the search has row 0 give that cent back and take column 1 instead.
        long[][] exact = {{9_000, 1_000}, {5_000, 0}};

        Optional<long[][]> printed = ControlledCentRounding.round(exact,
                new long[] {10_000, 10_000}, new long[] {10_000, 10_000});

        assertTrue(printed.isPresent());
        assertArrayEquals(new long[] {0, 10_000}, printed.get()[0]);
        assertArrayEquals(new long[] {10_000, 0}, printed.get()[1]);
    }

    @Test
    void round_wholeCents_stayExact() {
        long[][] exact = {{20_000, 15_000}, {7_500, 30_000}};

        Optional<long[][]> printed = ControlledCentRounding.round(exact,
                new long[] {40_000, 40_000}, new long[] {30_000, 50_000});

        assertTrue(printed.isPresent());
        assertArrayEquals(new long[] {20_000, 20_000}, printed.get()[0]);
        assertArrayEquals(new long[] {10_000, 30_000}, printed.get()[1]);
    }

    @Test
    void round_rowCellInFullColumn_isEmpty() {
        // Row 0 needs a cent, but its only cell with a remainder is in column 0, which needs
        // none.
        long[][] exact = {{6_000, 0}, {0, 8_000}};

        Optional<long[][]> printed = ControlledCentRounding.round(exact,
                new long[] {10_000, 0}, new long[] {0, 10_000});

        assertEquals(Optional.empty(), printed);
    }

    @Test
    void round_targetNotWholeCents_isEmpty() {
        long[][] exact = {{6_000}};

        assertEquals(Optional.empty(), ControlledCentRounding.round(exact,
                new long[] {6_000}, new long[] {6_000}));
    }
}
