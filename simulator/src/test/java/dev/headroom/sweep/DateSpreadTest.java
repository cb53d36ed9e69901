package dev.headroom.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DateSpreadTest {

    /** Returns {@code count} dates, 2026-01-01 onwards, in reverse order, then the misses. */
    private static List<Optional<String>> dates(int count, int misses) {
        List<Optional<String>> dates = new ArrayList<>();
        for (int day = count; day >= 1; day--) {
            dates.add(Optional.of(String.format("2026-01-%02d", day)));
        }
        for (int miss = 0; miss < misses; miss++) {
            dates.add(0, Optional.empty());
        }
        return dates;
    }

    @Test
    void of_twentyDates_percentilesByNearestRank() {
        DateSpread spread = DateSpread.of(dates(20, 0));

        assertEquals(Optional.of("2026-01-01"), spread.earliest());
        assertEquals(Optional.of("2026-01-02"), spread.p10());
        assertEquals(Optional.of("2026-01-10"), spread.median());
        assertEquals(Optional.of("2026-01-18"), spread.p90());
        assertEquals(Optional.of("2026-01-20"), spread.latest());
        assertEquals(10, spread.medianIndex());
    }

    @Test
    void of_tenDates_p10IsEarliest() {
        DateSpread spread = DateSpread.of(dates(10, 0));

        assertEquals(Optional.of("2026-01-01"), spread.p10());
        assertEquals(Optional.of("2026-01-09"), spread.p90());
    }

    @Test
    void of_eightOfTen_p90NotReached() {
        DateSpread spread = DateSpread.of(dates(8, 2));

        assertEquals(8, spread.happened());
        assertEquals(10, spread.seeds());
        assertEquals(Optional.of("2026-01-05"), spread.median());
        assertEquals(Optional.empty(), spread.p90());
        assertEquals(Optional.empty(), spread.latest());
    }

    @Test
    void rank_smallCounts_staysInRange() {
        assertEquals(0, DateSpread.rank(10, 1));
        assertEquals(0, DateSpread.rank(90, 1));
        assertEquals(0, DateSpread.rank(50, 2));
        assertEquals(1, DateSpread.rank(90, 2));
    }
}
