package dev.headroom.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.model.LimitGauge;
import dev.headroom.plan.PhaseChange;
import dev.headroom.projection.Projections;
import dev.headroom.scenario.Scenarios;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SimulationRunTest {

    /** Three users from day zero, fixed sizes and prices, no balance cache. */
    private static final String THREE_USERS = """
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
    private static final String MIGRATION = """
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
     * Three users on Sheets from day zero; the trigger at 3 users starts a 2-day move to
     * DynamoDB at the end of day 0, so the table goes live when day 3 begins.
     */
    private static final String INTO_DYNAMODB = """
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
     * One user on DynamoDB with one $1-an-hour DAX node. The trigger at 1 user starts a
     * 12-hour move to a table without DAX, which goes live halfway through day 1.
     */
    private static final String DAX_COST = """
            name: dax-cost
            seed: 7
            start_date: 2025-01-06
            horizon: 4d
            growth:
              kind: piecewise
              points:
                - {at: 0d, users: 1}
            workload:
              token_sizes: {source: fixed, tokens_in: 100, tokens_out: 100}
            dynamodb:
              dax: {node_price_per_hour: 1, nodes: 1, hit_rate: 0.5}
            plan:
              hourly_rate: 100
              phases:
                - name: with-dax
                  backend: {kind: dynamodb, features: [dax]}
                  next_when: {users: 1}
                - name: without-dax
                  backend: {kind: dynamodb}
                  migration: {lead_time: 12h}
                  next_when: {monthly_cost: 35}
                - name: archive
                  backend: {kind: dynamodb, features: [s3-archive]}
            """;

    private static RunResult run(String yaml) throws Exception {
        RunSetup setup = RunSetups.of(Scenarios.parse(yaml, "test.yaml"), Path.of("."));
        return new SimulationRun(setup).run(RunProgress.NONE);
    }

    @Test
    void threeUsers_dayZero_matchesHandCounts() throws Exception {
        RunResult result = run(THREE_USERS);
        DayRecord day0 = result.days().get(0);

        assertEquals(7, result.days().size());
        assertEquals(3, day0.users());
        assertEquals(3, day0.signUps());
        // Each sign-up counts the tabs (a read) and adds a tab (a write).
        assertEquals(6, day0.signUpRequests());
        // No cache: every request reads the balance once.
        assertEquals(day0.requests(), day0.readRequests());
        assertEquals(0, day0.cacheHits());
        // One usage row per admitted request, plus each user's initial credit purchase.
        assertEquals(day0.admitted() + 3, day0.writeRequests());
        assertEquals(100, day0.latencyP50Millis());
        assertEquals(0, day0.hostingCostMicros());
    }

    @Test
    void threeUsers_gauges_countDefaultGrids() throws Exception {
        RunResult result = run(THREE_USERS);
        List<LimitGauge> gauges = result.days().get(6).gauges();

        // Three tabs of Google's default 1,000 x 26 grid; a week of rows stays under row 1,000.
        assertTrue(gauges.contains(new LimitGauge("tabs", "workbook-0", 3, 200)), gauges::toString);
        assertTrue(gauges.contains(new LimitGauge("cells", "workbook-0", 78_000, 10_000_000)),
                gauges::toString);
    }

    @Test
    void threeUsers_sheetsSettings_reachModel() throws Exception {
        String yaml = THREE_USERS.replace("write_latency: {distribution: fixed, mean: 100ms}",
                "write_latency: {distribution: fixed, mean: 300ms}\n"
                        + "  default_grid_rows: 100\n"
                        + "  default_grid_columns: 12");
        RunResult result = run(yaml);
        DayRecord day0 = result.days().get(0);
        List<LimitGauge> gauges = result.days().get(6).gauges();

        // Writes (appended rows, 3 more than the reads) outnumber reads, so the median is 300 ms.
        assertEquals(300, day0.latencyP50Millis());
        // Three tabs of 100 x 12; a week of about 71 rows per user stays under row 100.
        assertTrue(gauges.contains(new LimitGauge("cells", "workbook-0", 3_600, 10_000_000)),
                gauges::toString);
    }

    @Test
    void threeUsers_allWeek_everyRequestAccountedFor() throws Exception {
        RunResult result = run(THREE_USERS);

        for (DayRecord day : result.days()) {
            assertEquals(day.requests(), day.admitted() + day.rejectedForCredit()
                    + day.failedRequests(), "day " + day.day());
            assertEquals(0, day.throttles(), "day " + day.day());
        }
    }

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
    void intoDynamoDb_tableHoldsEveryRow() throws Exception {
        assertTableHoldsEveryRow(run(INTO_DYNAMODB));
    }

    @Test
    void intoDynamoDb_atomicDebit_carriesDebitRows() throws Exception {
        assertTableHoldsEveryRow(run(INTO_DYNAMODB.replace("plan:\n",
                "admission: atomic-debit\nplan:\n")));
    }

    /** Checks that the table's bytes on the last day cover every row appended since day 0. */
    private static void assertTableHoldsEveryRow(RunResult result) {
        long rowsStored = 0;
        long rowsBeforeMove = 0;
        for (DayRecord day : result.days()) {
            assertEquals(0, day.throttles(), "day " + day.day());
            assertEquals(0, day.failedRequests(), "day " + day.day());
            rowsStored += day.writeRequests();
            if (day.day() < 3) {
                rowsBeforeMove += day.writeRequests();
            }
        }
        DayRecord lastDay = result.days().get(5);
        long tableBytes = lastDay.gauges().stream()
                .filter(gauge -> gauge.limit().equals("table-bytes"))
                .mapToLong(LimitGauge::used)
                .sum();

        assertEquals("dynamodb", result.days().get(3).phase());
        assertTrue(rowsBeforeMove > 0, "rows stored in Sheets");
        // Every usage and credit row since day 0, each 500 B plus 100 B of indexing overhead.
        assertEquals(rowsStored * 600, tableBytes);
    }

    @Test
    void monthlyCost_countsReplacedBackendsShare() throws Exception {
        RunResult result = run(DAX_COST);

        // Day 0: 24 node hours; day 1: 12 node hours before the move; storage adds micro-dollars.
        assertEquals(24_000_000L, result.days().get(0).hostingCostMicros(), 10);
        assertEquals(12_000_000L, result.days().get(1).hostingCostMicros(), 10);
        assertEquals(2, result.changes().size());
        assertEquals("monthly cost > $35", result.changes().get(1).reason());
        assertEquals(2 * 86_400_000L, result.changes().get(1).startMillis());
    }

    @Test
    void limitTimeline_tabsBindOnDayOne() throws Exception {
        Table limits = Projections.of(run(MIGRATION)).limits();
        int row = limits.stringColumn("limit").indexOf("tabs");

        assertEquals("2025-01-02", limits.stringColumn("binds_on").get(row));
        assertEquals(10, limits.longColumn("users").get(row));
    }
}
