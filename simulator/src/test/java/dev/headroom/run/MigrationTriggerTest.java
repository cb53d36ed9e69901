package dev.headroom.run;

import static dev.headroom.run.RunScenarios.LATE_MOVE;
import static dev.headroom.run.RunScenarios.MIGRATION;
import static dev.headroom.run.RunScenarios.MOVE_IN_REACHABLE;
import static dev.headroom.run.RunScenarios.ZERO_LEAD;
import static dev.headroom.run.RunScenarios.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.model.LimitGauge;
import dev.headroom.plan.PhaseChange;
import dev.headroom.projection.Projections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Phase changes: when triggers start a migration and when the next phase goes live. */
class MigrationTriggerTest {

    @Test
    void migration_liveAfterLeadTime() throws Exception {
        RunResult result = run(MIGRATION);
        PhaseChange change = result.changes().get(0);

        assertEquals(1, result.changes().size());
        assertEquals("users >= 5", change.reason());
        assertEquals(1 * 86_400_000L, change.startMillis());
        assertEquals(6 * 86_400_000L, change.liveMillis());
        assertEquals(800_000_000L, change.developmentCostMicros());
        assertEquals("five-shards", result.days().get(6).phase());
        assertEquals("single-sheet", result.days().get(5).phase());
        assertEquals("five-shards", result.days().get(5).migratingTo());
    }

    @Test
    void migration_lastOldDay_keepsOldGauges() throws Exception {
        RunResult result = run(MIGRATION);
        List<String> lastOldDay = resources(result.days().get(5).gauges());
        List<String> firstNewDay = resources(result.days().get(6).gauges());

        assertEquals(List.of("workbook-0"), lastOldDay, "the single workbook closes day 5");
        assertTrue(firstNewDay.contains("workbook-4"), firstNewDay::toString);
    }

    private static List<String> resources(List<LimitGauge> gauges) {
        return gauges.stream().map(LimitGauge::resource).distinct().toList();
    }

    @Test
    void migration_earlyTabLimit_isOutage() throws Exception {
        RunResult result = run(MIGRATION);
        Projections projections = Projections.of(result);
        Table outages = projections.outages();
        Table changes = projections.changes();

        // User n signs up at n/10 days: users 1-9 on day 0 and users 10-59 while migrating.
        // The guard admits 10 tabs, so 49 sign-ups fail before the shards go live at day 6.
        assertEquals("single-sheet", outages.stringColumn("phase").get(0));
        assertEquals("migrating to five-shards", outages.stringColumn("situation").get(0));
        assertEquals("2025-01-02", outages.stringColumn("first_failure").get(0));
        assertEquals("2025-01-06", outages.stringColumn("last_failure").get(0));
        assertEquals(49, outages.longColumn("failed_sign_ups").get(0));
        assertEquals(49, changes.longColumn("failed_sign_ups_while_migrating").get(0));
    }

    @Test
    void goLive_zeroLeadTime_newPhaseServesWholeDay() throws Exception {
        Table daily = Projections.of(run(ZERO_LEAD)).daily();
        Table sheet = daily.where(daily.stringColumn("phase").isEqualTo("single-sheet"));
        Table postgres = daily.where(daily.stringColumn("phase").isEqualTo("postgres"));

        assertEquals(1, sheet.rowCount());
        assertTrue(sheet.longColumn("failed_sign_ups").getLong(0) > 0);
        assertEquals(3, postgres.rowCount());
        assertEquals(0L, (long) postgres.longColumn("failed_sign_ups").sum());
    }

    @Test
    void trigger_failedSignUpsPerDay_startsMigration() throws Exception {
        String yaml = MIGRATION.replace("next_when: {users: 5}",
                "next_when: {users: 1_000, failed_sign_ups_per_day: 5}");
        RunResult result = run(yaml);

        // The 10-tab guard places user 10 and fails users 11 to 19 on day 1, more than 5.
        assertEquals(9, result.days().get(1).failedSignUps());
        assertEquals(1, result.changes().size());
        assertEquals("failed_sign_ups_per_day > 5", result.changes().get(0).reason());
        assertEquals(2 * 86_400_000L, result.changes().get(0).startMillis());
    }

    @Test
    void trigger_failedRequestsPerDay_holdsAboveThreshold() throws Exception {
        String yaml = MIGRATION.replace("next_when: {users: 5}",
                "next_when: {failed_requests_per_day: 1_000_000}");
        RunResult result = run(yaml);

        assertTrue(result.changes().isEmpty());
    }

    @Test
    void trigger_datePassedBeforeFirstCheck_firesThen() throws Exception {
        // The shards go live at noon on 01-03, so their date of 01-04 would start the move that
        // day, but their triggers are first checked when 01-04 ends.
        String yaml = MOVE_IN_REACHABLE.replace("{date: 2025-01-09}", "{date: 2025-01-04}");
        Table changes = Projections.of(run(yaml)).changes();

        assertEquals("date >= 2025-01-04", changes.stringColumn("reason").get(1));
        assertEquals("2025-01-05", changes.stringColumn("started").get(1));
    }

    @Test
    void trigger_lastDay_startsNothing() throws Exception {
        String lastDay = LATE_MOVE.replace("next_when: {users: 45}",
                "next_when: {date: 2025-01-11}");
        String dayBefore = LATE_MOVE.replace("next_when: {users: 45}",
                "next_when: {date: 2025-01-10}");

        assertEquals(0, Projections.of(run(lastDay)).changes().rowCount());
        assertEquals(1, Projections.of(run(dayBefore)).changes().rowCount());
    }

    @Test
    void trigger_midDayGoLive_waitsForFullDay() throws Exception {
        // PostgreSQL goes live at noon on a day the sheet failed sign-ups in the morning; its
        // failure trigger must not fire on those.
        String yaml = LATE_MOVE.replace("lead_time: 3d}", "lead_time: 36h}\n"
                + "      next_when: {failed_sign_ups_per_day: 0}\n"
                + "    - name: dynamodb\n"
                + "      backend: {kind: dynamodb}\n"
                + "      migration: {effort_hours: 8, lead_time: 1d}");
        Projections projections = Projections.of(run(yaml));

        assertTrue(projections.daily().longColumn("failed_sign_ups").sum() > 0);
        assertEquals(List.of("postgres"), projections.changes().stringColumn("to").asList());
    }

    @Test
    void trigger_date_startsOnThatDate() throws Exception {
        String yaml = MIGRATION.replace("next_when: {users: 5}", "next_when: {date: 2025-01-04}");
        RunResult result = run(yaml);
        Table changes = Projections.of(result).changes();

        assertEquals(3 * 86_400_000L, result.changes().get(0).startMillis());
        assertEquals("2025-01-04", changes.stringColumn("started").get(0));
        assertEquals("date >= 2025-01-04", changes.stringColumn("reason").get(0));
    }
}
