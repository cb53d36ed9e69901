package dev.headroom.run;

import static dev.headroom.run.RunScenarios.LATE_MOVE;
import static dev.headroom.run.RunScenarios.MIGRATION;
import static dev.headroom.run.RunScenarios.MOVE_IN_REACHABLE;
import static dev.headroom.run.RunScenarios.SIGN_UPS_THEN_BURST;
import static dev.headroom.run.RunScenarios.ZERO_LEAD;
import static dev.headroom.run.RunScenarios.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.projection.Projections;
import dev.headroom.report.Warnings;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The warning for a phase that failed calls before its next migration went live, and its advice on
 * triggers and lead times.
 */
class EarlierOutageWarningTest {

    @Test
    void warnings_earlierOutage_namesMigration() throws Exception {
        Projections projections = Projections.of(run(MIGRATION));
        List<String> warnings = Warnings.earlierOutages(projections);

        // The first phase's 10 tabs fill while the move to five shards runs.
        assertEquals(1, warnings.size(), warnings::toString);
        String warning = warnings.get(0);
        assertTrue(warning.startsWith("Warning: phase 'single-sheet' failed 0 requests and 49"
                + " sign-ups from"), warning);
        assertTrue(warning.contains("while migrating to five-shards"), warning);
        // The move started on day 1, the first day a trigger could start it.
        assertTrue(warning.contains("so only a shorter lead time ends the phase's failures"
                + " sooner."), warning);
        assertFalse(warning.contains("failed_requests_per_day"), warning);
        assertEquals(2, Warnings.all(projections).size());
    }

    @Test
    void warnings_lateMigration_givesStartBy() throws Exception {
        Projections projections = Projections.of(run(LATE_MOVE));
        String warning = Warnings.earlierOutages(projections).get(0);
        Table changes = projections.changes();
        String startBy = changes.stringColumn("start_by").get(0);
        String started = changes.stringColumn("started").get(0);

        assertTrue(started.compareTo(startBy) > 0, started + " against " + startBy);
        assertTrue(warning.contains("the migration to postgres had to start by " + startBy
                + "; it started on " + started + "."), warning);
    }

    @Test
    void warnings_failedOnFirstDay_noTriggerInTime() throws Exception {
        String warning = Warnings.earlierOutages(Projections.of(run(ZERO_LEAD))).get(0);

        assertTrue(warning.contains("had to start by 2025-01-01, but the run began on"
                + " 2025-01-01, so no trigger on this phase could start the migration in time to"
                + " prevent every failure: start the plan on postgres."), warning);
    }

    @Test
    void warnings_failedOnFirstDay_startedAtEarliest() throws Exception {
        String warning = Warnings.earlierOutages(Projections.of(run(ZERO_LEAD))).get(0);

        // The phase failed on day 0 and its move started on day 1, so no trigger, a lower
        // threshold or a users trigger included, could have ended the outage sooner.
        assertFalse(warning.contains("A failed_requests_per_day or failed_sign_ups_per_day"
                + " trigger ends"), warning);
        assertFalse(warning.contains("lower threshold"), warning);
        assertTrue(warning.contains("started on the first day a trigger on this phase could"
                + " start it"), warning);
    }

    /**
     * Twelve users start on ten tabs, so two sign-ups fail on day 0 and none after. The move
     * waits for its date, 2025-01-05.
     */
    private static final String SHORT_OUTAGE = """
            name: short-outage
            seed: 4
            start_date: 2025-01-01
            horizon: 8d
            growth:
              kind: linear
              initial_users: 12
              users_per_year: 0
            workload:
              request_rate: {distribution: constant, mean_per_day: 1}
              token_sizes: {source: fixed, tokens_in: 100, tokens_out: 100}
            sheets:
              tabs_per_workbook: 10
            plan:
              hourly_rate: 100
              phases:
                - name: single-sheet
                  backend: {kind: sheets}
                  next_when: {date: 2025-01-05}
                - name: postgres
                  backend: {kind: postgres}
                  migration: {effort_hours: 8, lead_time: 2d}
            """;

    @Test
    void warnings_shortOutage_noFailureTriggerTip() throws Exception {
        String warning = Warnings.earlierOutages(Projections.of(run(SHORT_OUTAGE))).get(0);

        assertTrue(warning.startsWith("Warning: phase 'single-sheet' failed 0 requests and 2"
                + " sign-ups from 2025-01-01 to 2025-01-01"), warning);
        assertTrue(warning.contains("The phase last failed calls on 2025-01-01, before"
                + " 2025-01-02, the first day a trigger on it could start a migration, so no"
                + " trigger on it, and no lead time of the move off it, ends its failures"
                + " sooner."), warning);
        assertFalse(warning.contains("ends the phase's failures sooner, because"),
                warning);
    }

    @Test
    void warnings_longOutage_failureTriggerTip() throws Exception {
        // Ten new users a day overfill the ten tabs from day 1 until the move goes live.
        String yaml = SHORT_OUTAGE.replace("initial_users: 12", "initial_users: 0")
                .replace("users_per_year: 0", "users_per_year: 3_650");
        String warning = Warnings.earlierOutages(Projections.of(run(yaml))).get(0);

        assertTrue(warning.contains("before its next migration started"), warning);
        // Only sign-ups failed, so a failed_requests_per_day trigger would never hold.
        assertTrue(warning.contains("Adding a failed_sign_ups_per_day trigger with a threshold"
                + " of at most 8 (9 sign-ups failed on 2025-01-02) ends the phase's failures"
                + " sooner"), warning);
        assertFalse(warning.contains("failed_requests_per_day"), warning);
    }

    @Test
    void warnings_leadLongerThanOutage_onlyShorterLead() throws Exception {
        // The sheet fails from 2025-01-02 to the run's end, 01-08, and no move started on 01-02
        // could go live within three weeks.
        String yaml = SHORT_OUTAGE.replace("initial_users: 12", "initial_users: 0")
                .replace("users_per_year: 0", "users_per_year: 3_650")
                .replace("lead_time: 2d", "lead_time: 3w");
        List<String> warnings = Warnings.earlierOutages(Projections.of(run(yaml)));

        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("A migration started on 2025-01-02, the first day a"
                + " trigger on this phase could start it, would go live after its 3w lead time"),
                warnings.get(0));
        assertTrue(warnings.get(1).startsWith("Warning: phase 'single-sheet'"), warnings.get(1));
        assertTrue(warnings.get(1).contains("The migration was already under way. A migration"
                + " started on 2025-01-02"), warnings.get(1));
        assertFalse(warnings.get(1).contains("a trigger that fires earlier"), warnings.get(1));
    }

    @Test
    void warnings_ownTriggerLate_namesSoonerTrigger() throws Exception {
        // Requests fail on the full workbook from 2025-01-05, but sign-ups only from 01-08, so
        // the failed_sign_ups_per_day trigger starts the move late, on 01-09.
        String yaml = """
                name: own-trigger-late
                start_date: 2025-01-01
                horizon: 21d
                growth:
                  kind: piecewise
                  points: [{at: 0d, users: 10}, {at: 7d, users: 10}, {at: 14d, users: 24}]
                workload:
                  request_rate: {distribution: constant, mean_per_day: 10}
                  token_sizes: {source: fixed, tokens_in: 200, tokens_out: 100}
                sheets: {tabs_per_workbook: 100, cells_per_workbook: 5_000,
                  grid_mode: sized-to-row}
                plan:
                  hourly_rate: 100
                  phases:
                    - name: single-sheet
                      backend: {kind: sheets}
                      next_when: {failed_sign_ups_per_day: 0}
                    - name: dynamodb
                      backend: {kind: dynamodb}
                      migration: {lead_time: 36h}
                """;
        String warning = Warnings.earlierOutages(Projections.of(run(yaml))).get(0);

        assertTrue(warning.contains("The phase's own failure trigger started the migration on"
                + " 2025-01-09, but a failed_requests_per_day trigger with a threshold of at most"
                + " 9 (10 requests failed on 2025-01-05) would have started it sooner"),
                warning);
        assertFalse(warning.contains("lower threshold"), warning);
    }

    /**
     * Requests come only from midnight to 10:00 on Fridays and Saturdays, so writes fail on
     * 01-03 and 01-04 and the last failure falls before 10:00 on 01-04.
     */
    private static final String MORNING_BURSTS = """
            name: morning-bursts
            start_date: 2025-01-01
            horizon: 10d
            growth: {kind: linear, initial_users: 2, users_per_year: 0}
            workload:
              request_rate: {distribution: constant, mean_per_day: 100}
              weekday_profile: [0, 0, 0, 0, 7, 7, 0]
              hourly_profile: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0]
              token_sizes: {source: fixed, tokens_in: 200, tokens_out: 100}
            sheets:
              quotas: {write_per_minute_per_project: 2, write_per_minute_per_user: 2}
              backoff: {maximum_retries: 0}
            plan:
              hourly_rate: 100
              phases:
                - name: single-sheet
                  backend: {kind: sheets}
                  next_when: {date: 2025-01-07}
                - name: dynamodb
                  backend: {kind: dynamodb}
                  migration: {lead_time: 12h}
            """;

    @Test
    void warnings_liveAfterLastFailure_noTip() throws Exception {
        // A failure trigger would start the move on 01-04; after 12 h it goes live at noon,
        // after that morning's last failure, so it ends nothing sooner.
        Projections projections = Projections.of(run(MORNING_BURSTS));
        String lastTime = projections.outages().stringColumn("last_failure_time").get(0);
        String warning = Warnings.earlierOutages(projections).get(0);

        assertTrue(lastTime.compareTo("10:00") < 0, lastTime);
        assertEquals("", projections.daily().stringColumn("last_failure_time").get(0));
        assertTrue(warning.contains("Calls stopped failing before a migration started by a"
                + " failure trigger on 2025-01-04 could go live after its 12h lead time"),
                warning);
        assertFalse(warning.contains("Adding a failed_requests_per_day trigger"), warning);
    }

    @Test
    void warnings_liveBeforeLastFailure_namesTrigger() throws Exception {
        String yaml = MORNING_BURSTS.replace("lead_time: 12h", "lead_time: 6h");
        String warning = Warnings.earlierOutages(Projections.of(run(yaml))).get(0);

        assertTrue(warning.contains("Adding a failed_requests_per_day trigger with a threshold"
                + " of at most 91 (92 requests failed on 2025-01-03) ends the phase's failures"
                + " sooner"), warning);
    }

    @Test
    void warnings_requestTriggerSameDay_notNamed() throws Exception {
        // A failed_requests_per_day trigger would hold when 01-04 ends, starting the move on
        // 01-05 like the date trigger, so only the sign-up trigger starts it sooner.
        String warning = Warnings.earlierOutages(Projections.of(run(SIGN_UPS_THEN_BURST)))
                .get(0);

        assertTrue(warning.contains("Adding a failed_sign_ups_per_day trigger with a threshold"
                + " of 0 (the one sign-up that failed on 2025-01-02) ends the phase's failures"
                + " sooner"), warning);
        assertFalse(warning.contains("failed_requests_per_day"), warning);
    }

    @Test
    void warnings_soonerKindTooLate_notNamed() throws Exception {
        // Sign-ups fail on 01-02 and 01-03, requests on 01-04 and 01-05 only. A request trigger
        // that held on 01-04 would go live on 01-07, after the last failure.
        String yaml = """
                name: own-trigger-mixed
                start_date: 2025-01-01
                horizon: 10d
                growth:
                  kind: piecewise
                  points: [{at: 0d, users: 18}, {at: 2d, users: 24}]
                workload:
                  request_rate: {distribution: constant, mean_per_day: 50}
                  weekday_profile: [0, 0, 0, 0, 0, 3.5, 3.5]
                  token_sizes: {source: fixed, tokens_in: 200, tokens_out: 100}
                sheets:
                  tabs_per_workbook: 20
                  quotas: {write_per_minute_per_project: 2, write_per_minute_per_user: 2}
                  backoff: {maximum_retries: 0}
                plan:
                  hourly_rate: 100
                  phases:
                    - name: single-sheet
                      backend: {kind: sheets}
                      next_when: {failed_requests_per_day: 1200}
                    - name: dynamodb
                      backend: {kind: dynamodb}
                      migration: {lead_time: 2d}
                """;
        String warning = Warnings.earlierOutages(Projections.of(run(yaml))).get(0);

        assertTrue(warning.contains("The phase's own failure trigger started the migration on"
                + " 2025-01-06, but a failed_sign_ups_per_day trigger with a threshold of at most"
                + " 2 (3 sign-ups failed on 2025-01-02) would have started it sooner"),
                warning);
        assertFalse(warning.contains("failed_requests_per_day trigger"), warning);
    }

    @Test
    void warnings_moveInUnreachable_onlySkip() throws Exception {
        // Requests fail only in a Saturday burst, 2025-01-04. Two shards go live at noon on
        // 01-03, so they would have to be live by the start of 01-02, which a move started on
        // 01-02 with a 12h lead time cannot reach.
        String yaml = MOVE_IN_REACHABLE.replace("move-in-reachable", "move-in-unreachable")
                .replace("weekday_profile: [0, 7, 0, 0, 0, 0, 0]",
                        "weekday_profile: [0, 0, 0, 0, 0, 7, 0]")
                .replace("next_when: {date: 2025-01-09}", "next_when: {date: 2025-01-07}")
                .replace("lead_time: 3d", "lead_time: 12h");
        String warning = Warnings.earlierOutages(Projections.of(run(yaml))).get(0);

        assertTrue(warning.startsWith("Warning: phase 'two-shards'"), warning);
        assertTrue(warning.endsWith("skip this phase by moving to dynamodb from the phase before"
                + " it, if that phase holds until dynamodb is live, which this run cannot show,"
                + " since that phase served only until 2025-01-03: run the changed plan to"
                + " check."), warning);
        assertFalse(warning.contains("start the migration into this phase"), warning);
    }

    @Test
    void warnings_moveInReachable_givesItsStartBy() throws Exception {
        String warning = Warnings.earlierOutages(Projections.of(run(MOVE_IN_REACHABLE))).get(0);

        assertTrue(warning.startsWith("Warning: phase 'two-shards'"), warning);
        assertTrue(warning.endsWith("or start the migration into this phase by 2025-01-02, so"
                + " that with its 12h lead time it goes live by the start of 2025-01-03 and a"
                + " users or date trigger on it, checked when that day ends, can start the"
                + " migration by 2025-01-04."), warning);
    }

    @Test
    void warnings_moveInReachable_adviceEndsFailures() throws Exception {
        String followed = MOVE_IN_REACHABLE.replace("{date: 2025-01-03}", "{date: 2025-01-02}")
                .replace("{date: 2025-01-09}", "{date: 2025-01-04}");
        Projections projections = Projections.of(run(followed));

        assertEquals("2025-01-07", projections.changes().stringColumn("live").get(1));
        assertEquals(0, projections.daily().longColumn("failed_requests").sum());
        assertEquals(0, projections.outages().rowCount());
    }

    @Test
    void warnings_migrationNotLive() throws Exception {
        String yaml = LATE_MOVE.replace("next_when: {users: 45}", "next_when: {date: 2025-01-08}")
                .replace("lead_time: 3d", "lead_time: 30d");
        Projections projections = Projections.of(run(yaml));
        List<String> warnings = Warnings.all(projections);

        assertEquals("not live by the end", projections.changes().stringColumn("live").get(0));
        assertTrue(warnings.stream().anyMatch(warning -> warning.contains(
                "before its next migration started")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(warning -> warning.contains(
                "while migrating to postgres")), warnings::toString);
    }

    @Test
    void warnings_triggerFiredAtOnce_noLowerThreshold() throws Exception {
        String yaml = LATE_MOVE.replace("next_when: {users: 45}",
                "next_when: {failed_sign_ups_per_day: 0}");
        String warning = Warnings.earlierOutages(Projections.of(run(yaml))).get(0);

        assertFalse(warning.contains("lower threshold"), warning);
        assertTrue(warning.contains("as early as a failure trigger could have started it"),
                warning);
    }

    @Test
    void warnings_movedAtEarliest_onlyLeadTime() throws Exception {
        // A users trigger of 1 starts the move on day 1, the first day any trigger could.
        String yaml = LATE_MOVE.replace("next_when: {users: 45}", "next_when: {users: 1}")
                .replace("lead_time: 3d", "lead_time: 30d");
        String warning = Warnings.earlierOutages(Projections.of(run(yaml))).get(0);

        assertTrue(warning.contains("while migrating to postgres"), warning);
        assertTrue(warning.contains("so only a shorter lead time ends the phase's failures"
                + " sooner."), warning);
        assertFalse(warning.contains("a trigger that fires earlier"), warning);
    }
}
