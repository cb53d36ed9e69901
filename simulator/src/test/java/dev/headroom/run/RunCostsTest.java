package dev.headroom.run;

import static dev.headroom.run.RunScenarios.INTO_DYNAMODB;
import static dev.headroom.run.RunScenarios.MIGRATION;
import static dev.headroom.run.RunScenarios.THREE_USERS;
import static dev.headroom.run.RunScenarios.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.model.HostingCost;
import dev.headroom.model.LimitGauge;
import dev.headroom.model.dynamodb.DynamoDbModel;
import dev.headroom.model.sql.PostgresModel;
import dev.headroom.projection.Projections;
import dev.headroom.scenario.ScenarioText;
import dev.headroom.scenario.Scenarios;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/** Hosting bills, standby bills, the monthly_cost trigger and the yearly cost table. */
class RunCostsTest {

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

    /** {@link RunScenarios#INTO_DYNAMODB} moving to a $1-an-hour PostgreSQL instance. */
    private static final String INTO_POSTGRES = INTO_DYNAMODB
            .replace("kind: dynamodb}", "kind: postgres}")
            .replace("dynamodb:\n  item_bytes: 500B",
                    "postgres: {instance_price_per_hour: 1, storage_price_per_gb_month: 0}");

    /** {@link RunScenarios#INTO_DYNAMODB} moving to a table with one $1-an-hour DAX node. */
    private static final String INTO_DYNAMODB_WITH_DAX = INTO_DYNAMODB
            .replace("{kind: dynamodb}", "{kind: dynamodb, features: [dax]}")
            .replace("item_bytes: 500B", "item_bytes: 500B\n  dax: {node_price_per_hour: 1}");

    @Test
    void monthlyCost_countsReplacedBackendsShare() throws Exception {
        RunResult result = run(DAX_COST);

        // Day 0: 24 node hours; day 1: 12 node hours before the move; storage adds micro-dollars.
        // Day 1 mixes two phases, so the next trigger is first checked when day 2 ends.
        assertEquals(24_000_000L, result.days().get(0).hostingCostMicros(), 100);
        assertEquals(12_000_000L, result.days().get(1).hostingCostMicros(), 100);
        assertEquals(2, result.changes().size());
        assertEquals("monthly_cost > $35", result.changes().get(1).reason());
        assertEquals(3 * 86_400_000L, result.changes().get(1).startMillis());
    }

    @Test
    void postgres_instanceBilledFromMigrationStart() throws Exception {
        // The move starts at the end of day 0 and goes live when day 3 begins. The $1-an-hour
        // instance is provisioned when the move starts, so days 1 and 2 pay for it too.
        RunResult result = run(INTO_POSTGRES);

        assertEquals(3 * 86_400_000L, result.changes().get(0).liveMillis());
        assertEquals(List.of(0L, 24_000_000L, 24_000_000L, 24_000_000L),
                result.days().stream().limit(4).map(DayRecord::hostingCostMicros).toList());
    }

    @Test
    void dax_nodesBilledFromMigrationStart() throws Exception {
        // DynamoDB bills its table by use from go-live, but the DAX node from the move's start.
        List<DayRecord> days = run(INTO_DYNAMODB_WITH_DAX).days();

        assertEquals(List.of(0L, 24_000_000L, 24_000_000L),
                days.stream().limit(3).map(DayRecord::hostingCostMicros).toList());
        assertTrue(days.get(3).hostingCostMicros() > 24_000_000L, days.get(3)::toString);
    }

    @Test
    void hostingCost_standbyAndLive_shareComponents() throws Exception {
        // The $1-an-hour instance is billed by the standby bill on days 1 and 2 and by the
        // live model from day 3, under the same component names.
        List<DayRecord> days = run(INTO_POSTGRES).days();

        HostingCost instanceDay = HostingCost.of(PostgresModel.INSTANCE_HOURS, 24_000_000L)
                .plus(PostgresModel.STORAGE_GB_MONTHS, 0);
        assertEquals(HostingCost.NONE, days.get(0).hosting(), "Sheets is free");
        for (int day = 1; day < 4; day++) {
            assertEquals(instanceDay, days.get(day).hosting(), "day " + day);
        }
    }

    @Test
    void hostingCost_daxStandby_isNodeHours() throws Exception {
        List<DayRecord> days = run(INTO_DYNAMODB_WITH_DAX).days();

        assertEquals(HostingCost.of(DynamoDbModel.DAX_NODES, 24_000_000L), days.get(1).hosting(),
                "one node for 24 hours at $1 while the move runs");
        Map<String, Long> live = days.get(3).hosting().components();
        assertEquals(24_000_000L, live.get(DynamoDbModel.DAX_NODES), live::toString);
        assertTrue(live.get(DynamoDbModel.WRITE_UNITS) > 0, live::toString);
        assertEquals(days.get(3).hostingCostMicros(),
                live.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void hostingCost_noDaxStandby_hasNoComponent() throws Exception {
        List<DayRecord> days = run(INTO_DYNAMODB).days();
        Map<String, Long> live = days.get(3).hosting().components();

        assertEquals(HostingCost.NONE, days.get(1).hosting(), "DynamoDB on demand before go-live");
        // The table is billed live, so a missing DAX component is not an empty bill.
        assertTrue(live.getOrDefault(DynamoDbModel.WRITE_UNITS, 0L) > 0, live::toString);
        assertFalse(live.containsKey(DynamoDbModel.DAX_NODES), live::toString);
    }

    @Test
    void monthlyCost_leavesOutTheStandbyBill() throws Exception {
        // The $1-an-hour instance is billed from the move's start at the end of day 0. Only its
        // days live count toward its own monthly_cost trigger: $24 on day 3 and $48 on day 4.
        // Both stay under $50; with the standby days, day 3 would count $72.
        String yaml = INTO_POSTGRES.replace("horizon: 6d", "horizon: 5d")
                .replace("lead_time: 2d}", "lead_time: 2d}\n      next_when: {monthly_cost: 50}\n"
                        + "    - name: ddb\n      backend: {kind: dynamodb}");
        RunResult result = run(yaml);

        assertEquals(List.of(0L, 24_000_000L, 24_000_000L, 24_000_000L, 24_000_000L),
                result.days().stream().map(DayRecord::hostingCostMicros).toList());
        assertEquals(1, result.changes().size(), result.changes()::toString);
    }

    @Test
    void dax_keptAcrossPhases_billedOnce() throws Exception {
        // Both phases run the same one-node DAX cluster, so the 12-hour move, which adds only
        // the S3 archive, adds no nodes.
        String yaml = DAX_COST.replace("- name: without-dax\n      backend: {kind: dynamodb}",
                "- name: without-dax\n"
                        + "      backend: {kind: dynamodb, features: [dax, s3-archive]}");
        List<DayRecord> days = run(yaml).days();
        // The go-live at noon splits day 1 into a record per phase.
        long dayOne = days.stream().filter(day -> day.day() == 1)
                .mapToLong(DayRecord::hostingCostMicros).sum();

        assertEquals(24_000_000L, days.get(0).hostingCostMicros(), 100);
        assertEquals(List.of(1, 1), List.of(days.get(1).day(), days.get(2).day()));
        assertEquals(24_000_000L, dayOne, 100);
    }

    @Test
    void s3Archive_droppedFeature_archiveStillBilled() throws Exception {
        // The first phase moves items older than a day to S3. The second takes the table over
        // without the s3-archive feature: it archives nothing more, but the objects stay in S3
        // and are billed; the model once billed them at a price of zero.
        String yaml = s3Archive("""
                archive: {age: 1d, s3_price_per_gb_month: 100000}
                """, """
                - name: archiving
                  backend: {kind: dynamodb, features: [s3-archive]}
                  next_when: {date: 2025-01-09}
                - name: plain
                  backend: {kind: dynamodb}
                """);
        List<DayRecord> days = run(yaml).days();
        DayRecord last = days.get(days.size() - 1);

        assertEquals("plain", last.phase());
        long archived = last.gauges().stream()
                .filter(gauge -> gauge.limit().equals("archive-bytes"))
                .mapToLong(LimitGauge::used).sum();
        assertTrue(archived > 0, "the objects stay in S3");
        // A day of the archived bytes at $100,000 per GB-month, a 730-hour month, rounded down.
        long expected = archived * 100_000_000_000L * 24 / (730L << 30);
        Map<String, Long> components = last.hosting().components();
        assertEquals(expected, components.getOrDefault("s3_archive_storage", 0L), 2,
                components::toString);
    }

    @Test
    void s3Archive_putPriceSet_billsThePuts() throws Exception {
        // The S3 PUT price was a constant that no field set, so a scenario with every price at
        // zero still paid $0.005 per 1,000 PUTs, and the effective parameters did not list it.
        String yaml = s3Archive("""
                write_price_per_million: 0
                read_price_per_million: 0
                storage_price_per_gb_month: 0
                archive: {age: 1d, s3_price_per_gb_month: 0, s3_put_price_per_thousand: %s}
                """, """
                - name: archiving
                  backend: {kind: dynamodb, features: [s3-archive]}
                """);
        RunResult free = run(yaml.formatted("0"));
        RunResult dear = run(yaml.formatted("1000"));

        long puts = dear.days().stream().mapToLong(DayRecord::hostingCostMicros).sum();
        assertEquals(0, free.days().stream().mapToLong(DayRecord::hostingCostMicros).sum());
        // $1,000 per 1,000 PUTs is $1 a PUT: one a user and day bucket that leaves the table.
        assertTrue(puts > 0, "PUTs billed: " + puts);
        assertEquals(0, puts % 1_000_000, "PUTs billed: " + puts);
        assertTrue(ScenarioText.lines(Scenarios.parse(yaml.formatted("0.005"), "p.yaml"))
                .contains("dynamodb.archive.s3_put_price_per_thousand: $0.005"));
    }

    @Test
    void redisCache_nodesBilledFromMigrationStart() throws Exception {
        // Two $1-an-hour nodes, provisioned when the move starts at the end of day 0.
        String yaml = INTO_DYNAMODB.replace("{kind: dynamodb}",
                        "{kind: sheets, features: [redis-cache]}")
                .replace("dynamodb:\n  item_bytes: 500B",
                        "redis: {nodes: 2, node_price_per_hour: 1}");
        RunResult result = run(yaml);

        assertEquals(List.of(0L, 48_000_000L, 48_000_000L, 48_000_000L),
                result.days().stream().limit(4).map(DayRecord::hostingCostMicros).toList());
    }

    @Test
    void costs_firstPhaseEffort_chargedInYearOne() throws Exception {
        String yaml = MIGRATION.replace("  backend: {kind: sheets}\n",
                "  backend: {kind: sheets}\n      migration: {effort_hours: 4}\n");
        RunResult result = run(yaml);
        Table costs = Projections.of(result).costs();

        assertEquals(400_000_000L, result.initialDevelopmentCostMicros());
        // 4 hours for the first phase on day 0 plus 8 hours for the migration, at $100.
        assertEquals(1_200_000_000L, costs.longColumn("development_cost_micros").get(0));
        assertEquals(1_200_000_000L, costs.longColumn("development_cost_micros").get(1));
    }

    @Test
    void costs_partialYear_labelledWithDays() throws Exception {
        Table eightDays = Projections.of(run(MIGRATION)).costs();
        Table yearAndDay = Projections.of(run(THREE_USERS.replace("horizon: 7d",
                "horizon: 366d"))).costs();

        assertEquals("1 (8 days)", eightDays.stringColumn("year").get(0));
        assertEquals("1", yearAndDay.stringColumn("year").get(0));
        assertEquals("2 (1 day)", yearAndDay.stringColumn("year").get(1));
        assertEquals("total", yearAndDay.stringColumn("year").get(2));
    }

    @Test
    void costs_failures_summedByYearAndTotal() throws Exception {
        // Two default tabs fill the 52,000 cells, so the third user's sign-up fails, and the
        // first two users, with credit for a year, fail their appends past 1,000 rows.
        Projections projections = Projections.of(run(THREE_USERS
                .replace("horizon: 7d", "horizon: 366d")
                .replace("credits: {initial: 1.00}", "credits: {initial: 100.00}")
                .replace("sheets:\n", "sheets:\n  cells_per_workbook: 52_000\n")));
        Table costs = projections.costs();
        LongColumn requests = projections.daily().longColumn("failed_requests");
        LongColumn signUps = projections.daily().longColumn("failed_sign_ups");

        assertTrue(requests.sum() > 0, "appends past the full grid fail");
        assertEquals(1L, (long) signUps.sum());
        assertEquals((long) requests.sum(), costs.longColumn("failed_requests").get(2));
        assertEquals((long) requests.first(365).sum(), costs.longColumn("failed_requests").get(0));
        assertEquals(1L, costs.longColumn("failed_sign_ups").get(2));
    }

    /**
     * Returns a scenario of three users from day zero, who send 200 requests a day each, with
     * {@code dynamodbFields} under {@code dynamodb:} and {@code phases} as the plan's phases.
     * Both are written without the indentation of their place in the document.
     */
    private static String s3Archive(String dynamodbFields, String phases) {
        return """
                name: s3-archive
                seed: 7
                start_date: 2025-01-06
                horizon: 6d
                growth: {kind: piecewise, points: [{at: 0d, users: 3}]}
                workload:
                  request_rate: {distribution: constant, mean_per_day: 200}
                  token_sizes: {source: fixed, tokens_in: 100, tokens_out: 100}
                dynamodb:
                """ + dynamodbFields.indent(2) + """
                plan:
                  hourly_rate: 100
                  phases:
                """ + phases.indent(4);
    }
}
