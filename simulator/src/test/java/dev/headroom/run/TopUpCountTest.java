package dev.headroom.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.projection.Projections;
import dev.headroom.report.TopUpNote;
import dev.headroom.scenario.Scenarios;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TopUpCountTest {

    /**
     * One user from day zero whose requests cost 2,000 micro-dollars each (1,000 tokens in at
     * $1 a million, 500 out at $2 a million). The user starts with 10,000 and buys 10,000 when a
     * usage row leaves less than 5,000.
     */
    private static final String ONE_USER = RunScenarios.THREE_USERS
            .replace("users: 3}", "users: 1}")
            .replace("credits: {initial: 1.00}",
                    "credits: {initial: 0.01, top_up: 0.01, top_up_below: 0.005}");

    private static Projections run(String yaml) throws Exception {
        RunSetup setup = RunSetups.of(Scenarios.parse(yaml, "test.yaml"), Path.of("."));
        return Projections.of(new SimulationRun(setup).run(RunProgress.NONE));
    }

    private static Table daily(String yaml) throws Exception {
        return run(yaml).daily();
    }

    /** Returns the run's total of a daily column. */
    private static long total(Table daily, String column) {
        return Arrays.stream(daily.longColumn(column).asLongArray()).sum();
    }

    /**
     * Returns the top-ups after {@code rows} stored usage rows. After row k with t top-ups
     * before it the balance is 10,000 - 2,000k + 10,000t: row 3 leaves 4,000 and buys the first
     * top-up, and every fifth row after it leaves 4,000 again and buys the next.
     */
    private static long topUpsAfter(long rows) {
        return (rows + 2) / 5;
    }

    /**
     * Checks each day's top-up columns against the rule of {@link #topUpsAfter}, with
     * {@code rejections} more top-ups bought on day 0 for requests rejected for credit.
     */
    private static long assertTopUps(Table daily, long rejections) {
        long rows = 0;
        long total = 0;
        for (int day = 0; day < daily.rowCount(); day++) {
            long before = topUpsAfter(rows);
            rows += daily.longColumn("billed_requests").getLong(day);
            long expected = topUpsAfter(rows) - before + (day == 0 ? rejections : 0);
            assertEquals(expected, daily.longColumn("top_ups").getLong(day), "day " + day);
            assertEquals(10_000 * expected, daily.longColumn("top_up_micros").getLong(day),
                    "day " + day);
            assertEquals(0, daily.longColumn("failed_top_ups").getLong(day), "day " + day);
            assertEquals(day == 0 ? rejections : 0,
                    daily.longColumn("rejected_for_credit").getLong(day), "day " + day);
            total += expected;
        }
        return total;
    }

    @Test
    void topUps_everyFifthRow() throws Exception {
        long total = assertTopUps(daily(ONE_USER), 0);

        // About 70 requests in the week: enough rows for many top-ups.
        assertTrue(total >= 8, total + " top-ups");
    }

    @Test
    void topUps_noInitialCredit() throws Exception {
        // The first request finds a balance of 0 and is rejected. Its top-up of 10,000 leaves the
        // user where initial credit of 10,000 would have, so the same rule follows.
        long total = assertTopUps(daily(ONE_USER.replace("initial: 0.01", "initial: 0")), 1);

        assertTrue(total >= 9, total + " top-ups");
    }

    @Test
    void initialCredit_isNoTopUp() throws Exception {
        // $1 of initial credit covers the week's 140,000 or so without nearing the threshold.
        Table daily = daily(ONE_USER.replace("initial: 0.01", "initial: 1.00"));

        assertEquals(0, total(daily, "top_ups"));
        assertEquals(0, total(daily, "top_up_micros"));
        assertEquals(0, total(daily, "failed_top_ups"));
    }

    @Test
    void failedTopUps_fullTab() throws Exception {
        // Each usage row of 2,000 leaves 0, under the threshold of 1,000, and buys 2,000 more, so
        // rows alternate: initial credit, usage, top-up, usage, top-up, usage. That fills the
        // tab's six rows, so the third top-up fails. Each later request tries it again, fails
        // again and, with no credit left, fails too.
        Table daily = daily(ONE_USER
                .replace("credits: {initial: 0.01, top_up: 0.01, top_up_below: 0.005}",
                        "credits: {initial: 0.002, top_up: 0.002, top_up_below: 0.001}")
                .replace("  write_latency: {distribution: fixed, mean: 100ms}",
                        "  write_latency: {distribution: fixed, mean: 100ms}\n"
                        + "  grid_mode: sized-to-row\n  cells_per_workbook: 60\n"
                        + "  tabs_per_workbook: 1"));
        long billed = total(daily, "billed_requests");
        long bought = total(daily, "top_ups");
        long failed = total(daily, "failed_top_ups");

        assertEquals(3, billed);
        assertEquals(2, bought);
        assertEquals(4_000, total(daily, "top_up_micros"));
        assertTrue(failed > 1, failed + " failed top-ups");
        assertEquals(total(daily, "failed_requests") + 1, failed);
    }

    @Test
    void note_totalsMatchDailyColumns() throws Exception {
        Projections projections = run(ONE_USER);
        Table daily = projections.daily();
        long bought = total(daily, "top_ups");
        String dollars = String.format(Locale.ROOT, "$%,.2f",
                total(daily, "top_up_micros") / 1_000_000.0);

        assertTrue(bought > 1, bought + " top-ups");
        assertEquals(List.of("Top-ups: " + bought + " purchases stored, " + dollars
                + " of credit bought in all."), TopUpNote.lines(projections));
    }

    @Test
    void note_noTopUps_noLine() throws Exception {
        Projections projections = run(ONE_USER.replace(
                ", top_up: 0.01, top_up_below: 0.005", ""));

        assertEquals(List.of(), TopUpNote.lines(projections));
    }
}
