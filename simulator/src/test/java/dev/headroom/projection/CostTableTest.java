package dev.headroom.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.headroom.engine.SimTime;
import dev.headroom.plan.PhaseChange;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CostTableTest {

    /** Returns 730 days on one phase, each with 10 users and no cost or failure. */
    private static Table twoYears() {
        int days = 730;
        int[] day = new int[days];
        long[] users = new long[days];
        String[] phase = new String[days];
        for (int index = 0; index < days; index++) {
            day[index] = index;
            users[index] = 10;
            phase[index] = "sheet";
        }
        return Table.create("daily",
                IntColumn.create("day", day),
                LongColumn.create("users", users),
                StringColumn.create("phase", phase),
                LongColumn.create("hosting_cost_micros", new long[days]),
                LongColumn.create("failed_requests", new long[days]),
                LongColumn.create("failed_sign_ups", new long[days]));
    }

    @Test
    void development_startAtYearBoundary_inNewYear() {
        // A trigger met on day 364, the last day of year 1, starts its migration at the end
        // of that day: 365 x 24 h, the first instant of day 365 and so of year 2.
        PhaseChange change = new PhaseChange(0, 1, "users >= 10", 365 * SimTime.DAY,
                14 * SimTime.DAY, 379 * SimTime.DAY, 10, 800_000_000L, 0);

        Table costs = CostTable.build(twoYears(), List.of(change), 100_000_000L);
        LongColumn development = costs.longColumn("development_cost_micros");

        assertEquals(100_000_000L, development.get(0), "year 1: the first phase only");
        assertEquals(800_000_000L, development.get(1), "year 2: the migration");
        assertEquals(900_000_000L, development.get(2), "total");
    }

    @Test
    void years_twentyThousandGaugeColumns_fast() {
        // A plan of 10,000 workbooks has two gauge columns per workbook in the daily table.
        Table daily = twoYears();
        long[] hosting = new long[730];
        hosting[400] = 7;
        daily.replaceColumn("hosting_cost_micros", LongColumn.create("hosting_cost_micros",
                hosting));
        for (int column = 0; column < 20_000; column++) {
            daily.internalAddWithoutValidation(LongColumn.create("cells:workbook-" + column,
                    new long[730]));
        }

        Table costs = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> CostTable.build(daily, List.of(), 0));

        assertEquals(List.of(0L, 7L, 7L), costs.longColumn("hosting_cost_micros").asList());
    }
}
