package dev.headroom.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.engine.SimTime;
import dev.headroom.plan.PhaseChange;
import dev.headroom.run.PhaseInfo;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class PhaseCostTableTest {

    private static final int DAYS = 40;
    private static final List<PhaseInfo> PHASES = List.of(
            new PhaseInfo("sheet", "sheets", 1, 200),
            new PhaseInfo("db", "postgres", 0, Long.MAX_VALUE),
            new PhaseInfo("next", "dynamodb", 0, Long.MAX_VALUE));
    /** The move to db started on day 3 and went live during day 4, so day 4 is sheet's. */
    private static final PhaseChange TO_DB = new PhaseChange(0, 1, "date", 3 * SimTime.DAY,
            36 * SimTime.HOUR, 4 * SimTime.DAY + 12 * SimTime.HOUR, 2, 200, 0);
    /** The move to next started on the last day and was not live when the run ended. */
    private static final PhaseChange TO_NEXT = new PhaseChange(1, 2, "date", 39 * SimTime.DAY,
            7 * SimTime.DAY, -1, 2, 300, 0);

    /**
     * Returns 40 days from 2025-01-01: days 0 to 4 named sheet, and 5 to 39 named db. The
     * migration to db bills 100 on each of days 3 and 4, and db costs 1,000 plus its day number
     * a day. Day 4 failed 7 requests and day 20 failed 2 sign-ups.
     */
    private static Table daily() {
        int[] day = new int[DAYS];
        String[] date = new String[DAYS];
        String[] phase = new String[DAYS];
        long[] hosting = new long[DAYS];
        long[] failedRequests = new long[DAYS];
        long[] failedSignUps = new long[DAYS];
        for (int index = 0; index < DAYS; index++) {
            day[index] = index;
            date[index] = LocalDate.of(2025, 1, 1).plusDays(index).toString();
            phase[index] = index < 5 ? "sheet" : "db";
            if (index >= 5) {
                hosting[index] = 1_000 + index;
            } else if (index >= 3) {
                hosting[index] = 100;
            }
        }
        failedRequests[4] = 7;
        failedSignUps[20] = 2;
        return Table.create("daily",
                IntColumn.create("day", day),
                StringColumn.create("date", date),
                StringColumn.create("phase", phase),
                LongColumn.create("users", new long[DAYS]),
                LongColumn.create("hosting_cost_micros", hosting),
                LongColumn.create("failed_requests", failedRequests),
                LongColumn.create("failed_sign_ups", failedSignUps));
    }

    @Test
    void build_twoPhases_sumsEachPhase() {
        Table costs = PhaseCostTable.build(daily(), PHASES, List.of(TO_DB, TO_NEXT), 50);

        assertEquals(List.of("sheet", "db", "next", "total"),
                costs.stringColumn("phase").asList());
        assertEquals(List.of("2025-01-01", "2025-01-06", "-", ""),
                costs.stringColumn("first_day").asList());
        assertEquals(List.of("2025-01-05", "2025-02-09", "-", ""),
                costs.stringColumn("last_day").asList());
        assertEquals(List.of(5, 35, 0, 40), costs.intColumn("days_served").asList());
        // db: 35 days of 1,000 plus the day numbers 5 to 39, which add up to 770.
        assertEquals(List.of(200L, 35_770L, 0L, 35_970L),
                costs.longColumn("hosting_cost_micros").asList());
        assertEquals(List.of(50L, 200L, 300L, 550L),
                costs.longColumn("development_cost_micros").asList());
        assertEquals(List.of(250L, 35_970L, 300L, 36_520L),
                costs.longColumn("total_cost_micros").asList());
        assertEquals(List.of(7L, 0L, 0L, 7L), costs.longColumn("failed_requests").asList());
        assertEquals(List.of(0L, 2L, 0L, 2L), costs.longColumn("failed_sign_ups").asList());
    }

    @Test
    void build_lastThirtyDays_endOfPhase() {
        Table costs = PhaseCostTable.build(daily(), PHASES, List.of(TO_DB, TO_NEXT), 50);
        LongColumn runRate = costs.longColumn("hosting_last_30_days_micros");

        assertEquals(200L, runRate.get(0), "sheet served 5 days, so all of them count");
        // db's days 10 to 39: 30 days of 1,000 plus the day numbers, which add up to 735.
        assertEquals(30_735L, runRate.get(1));
        assertEquals(0L, runRate.get(2), "next served no day");
        assertTrue(runRate.isMissing(3), "a run rate of the whole run is not a sum of phases");
    }

    @Test
    void build_totals_equalCostTableTotals() {
        Table daily = daily();
        List<PhaseChange> changes = List.of(TO_DB, TO_NEXT);

        Table byPhase = PhaseCostTable.build(daily, PHASES, changes, 50);
        Table byYear = CostTable.build(daily, changes, 50);

        for (String column : List.of("development_cost_micros", "hosting_cost_micros",
                "total_cost_micros", "failed_requests", "failed_sign_ups")) {
            assertEquals(lastRow(byYear.longColumn(column)), lastRow(byPhase.longColumn(column)),
                    column);
        }
    }

    @Test
    void build_phaseNeverReached_hasNoRow() {
        Table costs = PhaseCostTable.build(daily(), PHASES, List.of(TO_DB), 0);

        assertEquals(List.of("sheet", "db", "total"), costs.stringColumn("phase").asList());
    }

    private static long lastRow(LongColumn column) {
        return column.getLong(column.size() - 1);
    }
}
