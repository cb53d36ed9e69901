package dev.headroom.run;

import dev.headroom.projection.Projections;
import dev.headroom.scenario.Scenarios;
import java.nio.file.Path;

/** Scenarios and run helpers shared by the tests of whole simulation runs. */
final class RunScenarios {

    /** Three users from day zero, fixed sizes and prices, no balance cache. */
    static final String THREE_USERS = """
            name: three-users
            seed: 11
            start_date: 2025-01-06
            horizon: 7d
            growth:
              kind: piecewise
              points:
                - {at: 0d, users: 3}
            workload:
              request_rate: {distribution: constant, mean_per_day: 10}
              token_sizes: {source: fixed, tokens_in: 1_000, tokens_out: 500}
              models:
                - {name: small, share: 1, input_price_per_million: 1.00,
                   output_price_per_million: 2.00}
              request_duration: {distribution: fixed, mean: 2s}
              credits: {initial: 1.00}
              row: {columns: 10, bytes: 500B}
            sheets:
              read_latency: {distribution: fixed, mean: 100ms}
              write_latency: {distribution: fixed, mean: 100ms}
            balance_cache_ttl: 0s
            plan:
              hourly_rate: 100
              phases:
                - name: single-sheet
                  backend: {kind: sheets}
            """;

    /**
     * Ten users a day against a 10-tab guard. The trigger at 5 users starts a 5-day migration
     * to sharded Sheets at the end of day 0.
     */
    static final String MIGRATION = """
            name: migration
            seed: 3
            start_date: 2025-01-01
            horizon: 8d
            growth:
              kind: linear
              initial_users: 0
              users_per_year: 3_650
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
                  next_when: {users: 5}
                - name: five-shards
                  backend: {kind: sheets-sharded, workbooks: 5, router: char-sum}
                  migration: {effort_hours: 8, lead_time: 5d}
            """;

    /**
     * Fifty tabs fill on day 5, after the trigger at 45 users starts a 3-day move at the end
     * of day 4, too late to go live in time.
     */
    static final String LATE_MOVE = """
            name: late-move
            seed: 6
            start_date: 2025-01-01
            horizon: 10d
            growth:
              kind: linear
              initial_users: 0
              users_per_year: 3_650
            workload:
              request_rate: {distribution: constant, mean_per_day: 1}
              token_sizes: {source: fixed, tokens_in: 100, tokens_out: 100}
            sheets:
              tabs_per_workbook: 50
            plan:
              hourly_rate: 100
              phases:
                - name: single-sheet
                  backend: {kind: sheets}
                  next_when: {users: 45}
                - name: postgres
                  backend: {kind: postgres}
                  migration: {effort_hours: 8, lead_time: 3d}
            """;

    /** Ten tabs fill on day 0; a failed sign-up moves to PostgreSQL with no lead time. */
    static final String ZERO_LEAD = """
            name: zero-lead
            seed: 4
            start_date: 2025-01-01
            horizon: 4d
            growth:
              kind: linear
              initial_users: 0
              users_per_year: 5_475
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
                  next_when: {failed_sign_ups_per_day: 0}
                - name: postgres
                  backend: {kind: postgres}
                  migration: {effort_hours: 8, lead_time: 0s}
            """;

    /**
     * Three users on Sheets from day zero; the trigger at 3 users starts a 2-day move to
     * DynamoDB at the end of day 0, so the table goes live when day 3 begins.
     */
    static final String INTO_DYNAMODB = """
            name: into-dynamodb
            seed: 5
            start_date: 2025-01-06
            horizon: 6d
            growth:
              kind: piecewise
              points:
                - {at: 0d, users: 3}
            workload:
              request_rate: {distribution: constant, mean_per_day: 20}
              token_sizes: {source: fixed, tokens_in: 100, tokens_out: 100}
            dynamodb:
              item_bytes: 500B
            plan:
              hourly_rate: 100
              phases:
                - name: single-sheet
                  backend: {kind: sheets}
                  next_when: {users: 3}
                - name: dynamodb
                  backend: {kind: dynamodb}
                  migration: {lead_time: 2d}
            """;

    /**
     * Requests fail only in a Tuesday burst, 2025-01-07. Two shards go live at noon on 01-03,
     * too late for a trigger on them to start the 3-day move to DynamoDB by 01-04.
     */
    static final String MOVE_IN_REACHABLE = """
            name: move-in-reachable
            start_date: 2025-01-01
            horizon: 10d
            growth: {kind: piecewise, points: [{at: 0d, users: 20}]}
            workload:
              request_rate: {distribution: constant, mean_per_day: 50}
              weekday_profile: [0, 7, 0, 0, 0, 0, 0]
              token_sizes: {source: fixed, tokens_in: 200, tokens_out: 100}
            sheets:
              quotas: {write_per_minute_per_project: 2, write_per_minute_per_user: 2}
              backoff: {maximum_retries: 0}
            plan:
              hourly_rate: 100
              phases:
                - name: single-sheet
                  backend: {kind: sheets}
                  next_when: {date: 2025-01-03}
                - name: two-shards
                  backend: {kind: sheets-sharded, workbooks: 2, router: slot-table}
                  migration: {lead_time: 12h}
                  next_when: {date: 2025-01-09}
                - name: dynamodb
                  backend: {kind: dynamodb}
                  migration: {lead_time: 3d}
            """;

    /** Sign-ups fail on the tab guard from 01-02; requests fail only in a burst on 01-04. */
    static final String SIGN_UPS_THEN_BURST = """
            name: sign-ups-then-burst
            start_date: 2025-01-01
            horizon: 10d
            growth: {kind: linear, initial_users: 2, users_per_year: 730}
            workload:
              request_rate: {distribution: constant, mean_per_day: 100}
              weekday_profile: [0, 0, 0, 0, 0, 7, 0]
              token_sizes: {source: fixed, tokens_in: 200, tokens_out: 100}
            sheets:
              tabs_per_workbook: 4
              quotas: {write_per_minute_per_project: 2, write_per_minute_per_user: 2}
              backoff: {maximum_retries: 0}
            plan:
              hourly_rate: 100
              phases:
                - name: single-sheet
                  backend: {kind: sheets}
                  next_when: {date: 2025-01-05}
                - name: dynamodb
                  backend: {kind: dynamodb}
                  migration: {lead_time: 2d}
            """;

    private RunScenarios() {
    }

    /**
     * Returns a copy of a scenario whose only phase is {@code single-sheet}, with a next phase
     * {@code name} on {@code kind} that goes live when day 1 begins.
     */
    static String movedOnDayOne(String yaml, String name, String kind) {
        return yaml.replace("    - name: single-sheet\n      backend: {kind: sheets}",
                "    - name: single-sheet\n      backend: {kind: sheets}\n"
                + "      next_when: {date: 2025-01-07}\n"
                + "      migration: {lead_time: 0s}\n"
                + "    - name: " + name + "\n      backend: {kind: " + kind + "}");
    }

    static RunResult run(String yaml) throws Exception {
        RunSetup setup = RunSetups.of(Scenarios.parse(yaml, "test.yaml"), Path.of("."));
        return new SimulationRun(setup).run(RunProgress.NONE);
    }

    static long columnSum(Projections projections, String column) {
        long sum = 0;
        for (long value : projections.daily().longColumn(column).asLongArray()) {
            sum += value;
        }
        return sum;
    }
}
