package dev.headroom.run;

import static dev.headroom.run.RunScenarios.THREE_USERS;
import static dev.headroom.run.RunScenarios.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.projection.DailyTable;
import dev.headroom.projection.Projections;
import dev.headroom.report.Warnings;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** A phase that goes live after midnight splits its go-live day into a record per phase. */
class MidDayGoLiveTest {

    /**
     * Three users making 100 ten-minute requests a day on Sheets, which moves to PostgreSQL
     * with one usable connection. The move starts on 2025-01-08 and goes live 36 hours later, at
     * noon on 2025-01-09, after which overlapping requests find no connection.
     */
    private static final String SHEETS_TO_ONE_CONNECTION = THREE_USERS
            .replace("mean_per_day: 10}", "mean_per_day: 100}")
            .replace("request_duration: {distribution: fixed, mean: 2s}",
                    "request_duration: {distribution: fixed, mean: 10m}")
            .replace("balance_cache_ttl: 0s", "balance_cache_ttl: 0s\n"
                    + "postgres: {max_connections: 2, reserved_connections: 1}")
            .replace("      backend: {kind: sheets}", "      backend: {kind: sheets}\n"
                    + "      next_when: {date: 2025-01-08}\n"
                    + "    - name: sql\n      backend: {kind: postgres}\n"
                    + "      migration: {lead_time: 36h}");

    private static RunResult result;
    private static Projections projections;

    @BeforeAll
    static void runOnce() throws Exception {
        result = run(SHEETS_TO_ONE_CONNECTION);
        projections = Projections.of(result);
    }

    @Test
    void goLiveDay_hasARowPerPhase() {
        Table daily = projections.daily();

        assertEquals(8, daily.rowCount(), "seven days and one go-live after midnight");
        assertEquals(List.of(3, 3), daily.intColumn("day").asList().subList(3, 5));
        assertEquals(List.of("single-sheet", "sql"),
                daily.stringColumn("phase").asList().subList(3, 5));
        assertEquals(List.of("00:00:00.000", "12:00:00.000"),
                daily.stringColumn(DailyTable.FROM_TIME).asList().subList(3, 5));
        assertEquals(List.of("sql", ""),
                daily.stringColumn("migrating_to").asList().subList(3, 5));
        assertEquals("1 (7 days)", projections.costs().stringColumn("year").get(0));
    }

    @Test
    void goLiveDay_rowsCountOwnPart() {
        DayRecord morning = result.days().get(3);
        DayRecord afternoon = result.days().get(4);

        assertEquals(0, morning.failedRequests(), morning::toString);
        assertTrue(afternoon.failuresByLimit().getOrDefault("connections", 0L) > 0,
                afternoon::toString);
        assertTrue(morning.gauges().stream().anyMatch(gauge -> gauge.limit().equals("tabs")),
                morning::toString);
        assertTrue(afternoon.gauges().stream()
                .noneMatch(gauge -> gauge.limit().equals("tabs")), afternoon::toString);
        // Each of the two rows counts about half of the day's 300 requests.
        assertTrue(morning.requests() > 100, morning::toString);
        assertTrue(morning.requests() < 200, morning::toString);
        assertTrue(afternoon.requests() > 100, afternoon::toString);
        assertTrue(afternoon.requests() < 200, afternoon::toString);
    }

    @Test
    void newPhaseFailures_chargedToNewPhase() {
        Table limits = projections.limits();
        int row = limits.stringColumn("limit").indexOf("connections");
        Table outages = projections.outages();

        assertEquals(List.of("2025-01-09", "sql"), List.of(
                limits.stringColumn("binds_on").get(row), limits.stringColumn("phase").get(row)));
        assertEquals(List.of("sql"), outages.stringColumn("phase").asList());
        assertEquals("2025-01-09", outages.stringColumn("first_failure").get(0));
        assertEquals(0L, projections.changes().longColumn("failed_requests_while_migrating")
                .getLong(0));
        assertEquals(0L, projections.phaseCosts().longColumn("failed_requests").getLong(0));
    }

    @Test
    void newPhaseFailures_warnAboutNewPhase() {
        List<String> warnings = Warnings.all(projections);

        assertEquals(1, warnings.size(), warnings::toString);
        String warning = warnings.get(0);
        assertTrue(warning.startsWith("Warning: phase 'sql' failed calls on connections from"
                + " 2025-01-09"), warning);
        assertTrue(warning.contains("raise postgres.max_connections"), warning);
        assertFalse(warning.contains("single-sheet"), warning);
    }

    @Test
    void zeroLeadTime_keepsNoOldGauges() throws Exception {
        String yaml = SHEETS_TO_ONE_CONNECTION.replace("lead_time: 36h", "lead_time: 0s");
        List<DayRecord> days = run(yaml).days();
        DayRecord firstLive = days.get(2);

        assertEquals(7, days.size(), "a go-live at midnight splits no day");
        assertEquals("sql", firstLive.phase());
        assertTrue(firstLive.gauges().stream()
                .noneMatch(gauge -> gauge.limit().equals("tabs")), firstLive::toString);
    }
}
