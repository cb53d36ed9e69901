package dev.headroom.run;

import static dev.headroom.run.RunScenarios.LATE_MOVE;
import static dev.headroom.run.RunScenarios.MIGRATION;
import static dev.headroom.run.RunScenarios.SIGN_UPS_THEN_BURST;
import static dev.headroom.run.RunScenarios.THREE_USERS;
import static dev.headroom.run.RunScenarios.columnSum;
import static dev.headroom.run.RunScenarios.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.projection.Projections;
import dev.headroom.report.Warnings;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The warning for a last phase that fails calls with no phase to move to, and its advice. */
class StalledPlanWarningTest {

    @Test
    void warnings_stalledPlan_namesPhaseAndCounts() throws Exception {
        String yaml = MIGRATION.replace("next_when: {users: 5}", "next_when: {users: 1_000}");
        Projections projections = Projections.of(run(yaml));
        List<String> warnings = Warnings.stalledPlan(projections);
        long failedSignUps = columnSum(projections, "failed_sign_ups");

        assertEquals(1, warnings.size());
        String warning = warnings.get(0);
        assertTrue(warning.contains("phase 'single-sheet' failed calls on tabs from 2025-01-02"),
                warning);
        assertTrue(warning.contains(failedSignUps + " sign-ups failed"), warning);
        assertTrue(Warnings.usersNote(projections)
                .contains("this run had " + failedSignUps + " failed sign-ups."));
    }

    @Test
    void warnings_twoLimitsBind_listedWithAnd() throws Exception {
        // 300 requests a day per user grow each tab's grid past 300,000 cells in the workbook.
        String yaml = MIGRATION.replace("next_when: {users: 5}", "next_when: {users: 1_000}")
                .replace("mean_per_day: 1}", "mean_per_day: 300}")
                .replace("tabs_per_workbook: 10",
                        "tabs_per_workbook: 10\n  cells_per_workbook: 300_000");
        String warning = Warnings.stalledPlan(Projections.of(run(yaml))).get(0);

        // Each limit is named with the day it first failed a call.
        assertTrue(warning.contains("phase 'single-sheet' failed calls on tabs from 2025-01-02"
                + " and cells from 2025-01-05 and no migration"), warning);
    }

    @Test
    void warnings_afterMigration_countLastPhaseOnly() throws Exception {
        Projections projections = Projections.of(run(MIGRATION));
        Table lastPhase = projections.daily().where(
                projections.daily().stringColumn("phase").isEqualTo("five-shards"));
        long failedSignUps = 0;
        for (long value : lastPhase.longColumn("failed_sign_ups").asLongArray()) {
            failedSignUps += value;
        }
        List<String> warnings = Warnings.stalledPlan(projections);

        // Five shards of 10 tabs fill on day 6, so the last phase stalls too. The 49 sign-ups
        // that failed while migrating belong to the first phase and are left out.
        assertTrue(failedSignUps > 0);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("phase 'five-shards'"), warnings.get(0));
        assertTrue(warnings.get(0).contains(" " + failedSignUps + " sign-ups failed"),
                warnings.get(0));
    }

    @Test
    void warnings_stalledRequestTriggerTooLate_notNamed() throws Exception {
        // The run ends on 01-04, the only day requests fail: a trigger on them never holds.
        String yaml = SIGN_UPS_THEN_BURST.replace("horizon: 10d", "horizon: 4d")
                .replace("{date: 2025-01-05}",
                        "{date: 2025-02-01, failed_requests_per_day: 700}")
                .replace("lead_time: 2d", "lead_time: 1d");
        String warning = Warnings.stalledPlan(Projections.of(run(yaml))).get(0);

        assertTrue(warning.contains("Its failure trigger never held on a day whose triggers were"
                + " checked, but a failed_sign_ups_per_day trigger with a threshold of 0 (the"
                + " one sign-up that failed on 2025-01-02) would."), warning);
        assertFalse(warning.contains("failed_requests_per_day trigger"), warning);
    }

    @Test
    void warnings_stalledPlan_givesStartBy() throws Exception {
        // The sheet first fails on 2025-01-06; the move's 3 days make it due on 01-03.
        String yaml = LATE_MOVE.replace("next_when: {users: 45}", "next_when: {users: 1000}");
        String warning = Warnings.stalledPlan(Projections.of(run(yaml))).get(0);

        assertTrue(warning.endsWith(" To go live before this phase first failed, the migration"
                + " to postgres had to start by 2025-01-03."), warning);
    }

    @Test
    void warnings_leadPastRunStart_startsBeforeRun() throws Exception {
        // The sheet first fails on 2025-01-06, and a lead time of 100 years reaches back past
        // the run's first day.
        String yaml = LATE_MOVE.replace("next_when: {users: 45}", "next_when: {users: 1000}")
                .replace("lead_time: 3d", "lead_time: 36500d");
        String warning = Warnings.stalledPlan(Projections.of(run(yaml))).get(0);

        assertTrue(warning.endsWith(" To go live before this phase first failed, the migration"
                + " to postgres had to start before the run began on 2025-01-01, because its"
                + " 100y lead time is longer than the days from then to that failure, so no"
                + " trigger on this phase could start the migration in time to prevent every"
                + " failure: start the plan on postgres."), warning);
    }

    @Test
    void warnings_leadPastYearOne_noNegativeYear() throws Exception {
        String yaml = LATE_MOVE.replace("next_when: {users: 45}", "next_when: {users: 1000}")
                .replace("lead_time: 3d", "lead_time: 36500d")
                .replace("start_date: 2025-01-01", "start_date: 0002-01-01");
        String warning = Warnings.stalledPlan(Projections.of(run(yaml))).get(0);

        assertTrue(warning.contains("had to start before the run began on 0002-01-01,"), warning);
        // A day before the year 1 prints with a year such as -0098 or 0000.
        assertFalse(Pattern.compile("(?<![0-9])(-[0-9]{4,}|0000)-[0-9]{2}-[0-9]{2}")
                .matcher(warning).find(), warning);
    }

    @Test
    void warnings_stalledPlan_adviceFitsTriggers() throws Exception {
        String highThreshold = LATE_MOVE.replace("next_when: {users: 45}",
                "next_when: {failed_sign_ups_per_day: 1000}");
        String onePhase = LATE_MOVE.substring(0, LATE_MOVE.indexOf("      next_when:"));

        assertTrue(Warnings.stalledPlan(Projections.of(run(highThreshold))).get(0)
                .contains("Its failure trigger never held on a day whose triggers were checked,"
                        + " but a failed_sign_ups_per_day trigger with a threshold"));
        assertTrue(Warnings.stalledPlan(Projections.of(run(onePhase))).get(0)
                .contains("Add a later phase to move to when calls fail."));
    }

    @Test
    void warnings_signUpsOnly_namesSignUpTrigger() throws Exception {
        String yaml = LATE_MOVE.replace("next_when: {users: 45}", "next_when: {users: 1000}");
        String warning = Warnings.stalledPlan(Projections.of(run(yaml))).get(0);

        assertTrue(warning.contains("Add a failed_sign_ups_per_day trigger"), warning);
        assertFalse(warning.contains("failed_requests_per_day"), warning);
    }

    @Test
    void warnings_leadPastRunEnd_noFailureTip() throws Exception {
        // The sheet first fails on 2025-01-06, so a failure trigger would start the move on
        // 01-07, and its 30 days end after the run's last day, 2025-01-10.
        String yaml = LATE_MOVE.replace("next_when: {users: 45}", "next_when: {users: 1000}")
                .replace("lead_time: 3d", "lead_time: 30d");
        String warning = Warnings.stalledPlan(Projections.of(run(yaml))).get(0);

        assertFalse(warning.contains("Add a failed"), warning);
        assertTrue(warning.contains("could not go live, after its 30d lead time, before the run"
                + " ended"), warning);
    }

    @Test
    void warnings_noFailures_noWarning() throws Exception {
        Projections projections = Projections.of(run(THREE_USERS));

        assertTrue(Warnings.stalledPlan(projections).isEmpty());
    }
}
