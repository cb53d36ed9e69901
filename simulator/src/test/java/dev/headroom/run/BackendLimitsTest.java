package dev.headroom.run;

import static dev.headroom.run.RunScenarios.INTO_DYNAMODB;
import static dev.headroom.run.RunScenarios.MIGRATION;
import static dev.headroom.run.RunScenarios.THREE_USERS;
import static dev.headroom.run.RunScenarios.columnSum;
import static dev.headroom.run.RunScenarios.movedOnDayOne;
import static dev.headroom.run.RunScenarios.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.model.LimitGauge;
import dev.headroom.model.sql.PostgresModel;
import dev.headroom.projection.Projections;
import dev.headroom.report.ModelGapNote;
import dev.headroom.report.Warnings;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/** Each backend's limits, the failures they cause and the notes and timelines that report them. */
class BackendLimitsTest {

    @Test
    void sharedLog_copiedRowsFillCells() throws Exception {
        // Three users on one tab each for a day, then every row moves to one shared tab of 11
        // columns (10 plus the email), with room for 150 rows in all.
        String yaml = THREE_USERS
                .replace("  write_latency: {distribution: fixed, mean: 100ms}",
                        "  write_latency: {distribution: fixed, mean: 100ms}\n"
                        + "  grid_mode: sized-to-row\n  cells_per_workbook: 1_650\n"
                        + "  default_grid_rows: 10\n  tabs_per_workbook: 10");
        RunResult result = run(movedOnDayOne(yaml, "shared", "sheets-shared-log"));
        DayRecord day1 = result.days().get(1);
        DayRecord last = result.days().get(6);

        assertEquals("shared", day1.phase());
        assertEquals(0, day1.signUpRequests());
        assertTrue(last.gauges().contains(new LimitGauge("cells", "workbook-0", 1_650, 1_650)),
                last.gauges()::toString);
        assertTrue(last.failedRequests() > 0, "appends past 150 rows fail on cells");
        // A request whose usage row failed is not billed.
        assertTrue(last.usage().requests() < last.admitted(), last::toString);
    }

    @Test
    void postgres_copiesRowsAndFillsStorage() throws Exception {
        // Three users with 10 MB rows move to PostgreSQL on day 1. One GB fits 107 rows, so
        // appends fail once the copied and new rows pass that; the instance costs $1 an hour.
        String yaml = THREE_USERS
                .replace("row: {columns: 10, bytes: 500B}", "row: {columns: 10, bytes: 10MB}")
                .replace("balance_cache_ttl: 0s", "balance_cache_ttl: 0s\n"
                        + "postgres: {instance_price_per_hour: 1, allocated_storage_gb: 1,\n"
                        + "  storage_price_per_gb_month: 0, row_overhead_bytes: 0B}");
        RunResult result = run(movedOnDayOne(yaml, "sql", "postgres"));
        DayRecord day1 = result.days().get(1);
        DayRecord day2 = result.days().get(2);
        DayRecord last = result.days().get(6);

        assertEquals("sql", day1.phase());
        assertEquals(24_000_000, day2.hostingCostMicros());
        assertTrue(last.gauges().contains(new LimitGauge("allocated-storage", "rds-instance",
                107 * 10_000_000L, 1L << 30)), last.gauges()::toString);
        assertTrue(last.failedRequests() > 0, "appends past 107 rows fail on storage");
        List<String> notes = ModelGapNote.lines(Projections.of(result));
        assertEquals(List.of(ModelGapNote.POSTGRES), notes);
        String warning = Warnings.stalledPlan(Projections.of(result)).get(0);
        assertTrue(warning.contains("failed calls on allocated-storage"), warning);
        assertTrue(warning.contains("raise postgres.allocated_storage_gb, or move to another"
                + " backend."), warning);
        assertEquals(List.of(), ModelGapNote.lines(Projections.of(run(THREE_USERS))));
    }

    @Test
    void postgres_rowsThatDoNotFit_areWarned() throws Exception {
        // Three users store a credit row each and 279 usage rows of 10 MB on day 0, and the
        // 1 GB instance they move to on day 1 takes 107 of those 282 rows.
        String yaml = THREE_USERS.replace("mean_per_day: 10", "mean_per_day: 100")
                .replace("row: {columns: 10, bytes: 500B}", "row: {columns: 10, bytes: 10MB}")
                .replace("balance_cache_ttl: 0s", "balance_cache_ttl: 0s\n"
                        + "postgres: {allocated_storage_gb: 1, row_overhead_bytes: 0B}");
        RunResult result = run(movedOnDayOne(yaml, "sql", "postgres"));
        Projections projections = Projections.of(result);
        long usageRows = result.days().get(0).usage().requests();

        assertEquals(279, usageRows);
        assertEquals(List.of(usageRows + 3 - 107),
                projections.changes().longColumn("rows_not_copied").asList());
        assertEquals("Warning: phase 'sql' went live on 2025-01-07 without 175 earlier rows,"
                + " which did not fit under its limit, so its ledger lacks them and the balances"
                + " of their users can be wrong."
                + " Raise postgres.allocated_storage_gb so that every row fits.",
                Warnings.all(projections).get(0));
        assertEquals(List.of(0L), Projections.of(run(movedOnDayOne(THREE_USERS, "sql",
                "postgres"))).changes().longColumn("rows_not_copied").asList());
    }

    @Test
    void sharedLogBehindCache_rowsNotCopiedCounted() throws Exception {
        // Day 0's rows move into a shared tab with room for 150 rows, too few for all of them,
        // with and without a Redis cache in front of it.
        String yaml = THREE_USERS.replace("mean_per_day: 10", "mean_per_day: 100")
                .replace("  write_latency: {distribution: fixed, mean: 100ms}",
                        "  write_latency: {distribution: fixed, mean: 100ms}\n"
                        + "  grid_mode: sized-to-row\n  cells_per_workbook: 1_650\n"
                        + "  default_grid_rows: 10\n  tabs_per_workbook: 10");
        String plain = movedOnDayOne(yaml, "shared", "sheets-shared-log");
        String cached = plain.replace("backend: {kind: sheets-shared-log}",
                "backend: {kind: sheets-shared-log, features: [redis-cache]}");
        List<Long> plainRows = Projections.of(run(plain)).changes()
                .longColumn("rows_not_copied").asList();
        Projections cachedProjections = Projections.of(run(cached));

        assertEquals(1, plainRows.size());
        assertTrue(plainRows.get(0) > 0, plainRows::toString);
        assertEquals(plainRows,
                cachedProjections.changes().longColumn("rows_not_copied").asList());
        assertTrue(Warnings.all(cachedProjections).get(0).startsWith(
                "Warning: phase 'shared' went live on 2025-01-07 without "),
                () -> Warnings.all(cachedProjections).toString());
    }

    /**
     * Three users on PostgreSQL from the start, each making 100 requests a day that last ten
     * minutes: 50 request-hours a day, about 2 in flight on average, against one usable
     * connection (max_connections 2 less 1 reserved), or the default 107.
     */
    private static String postgresLongRequests(String postgres) {
        return THREE_USERS
                .replace("    - name: single-sheet\n      backend: {kind: sheets}",
                        "    - name: sql\n      backend: {kind: postgres}")
                .replace("mean_per_day: 10}", "mean_per_day: 100}")
                .replace("request_duration: {distribution: fixed, mean: 2s}",
                        "request_duration: {distribution: fixed, mean: 10m}")
                .replace("balance_cache_ttl: 0s", "balance_cache_ttl: 0s\n" + postgres);
    }

    @Test
    void postgresConnections_oneSlot_failsOverlappingRequests() throws Exception {
        RunResult result = run(postgresLongRequests(
                "postgres: {max_connections: 2, reserved_connections: 1}"));

        long refused = 0;
        for (DayRecord day : result.days()) {
            long onConnections = day.failuresByLimit().getOrDefault("connections", 0L);
            refused += onConnections;
            assertTrue(day.failedRequests() >= onConnections, day::toString);
            LimitGauge gauge = day.gauges().stream()
                    .filter(reading -> reading.limit().equals(PostgresModel.CONNECTIONS))
                    .findFirst().orElseThrow();
            assertEquals(new LimitGauge("connections", "rds-instance", 1, 1), gauge,
                    "one request holds the only slot on every day");
        }
        assertTrue(refused > 0, "requests that overlap a ten-minute one find no slot");
        Table limits = Projections.of(result).limits();
        int row = limits.stringColumn("limit").indexOf("connections");
        assertEquals("capacity", limits.stringColumn("kind").get(row));
        assertEquals("2025-01-06", limits.stringColumn("binds_on").get(row));
        String warning = Warnings.stalledPlan(Projections.of(result)).get(0);
        assertTrue(warning.contains("raise postgres.max_connections, which a larger instance"
                + " class allows, or move to another backend."), warning);
        assertFalse(warning.contains("allocated_storage_gb"), warning);
    }

    @Test
    void postgresConnections_refusedRequests_drawSameLaterRequests() throws Exception {
        // Token sizes drawn per request, ample credit and a move to DynamoDB on 2025-01-09: once
        // no request is refused, the days bill the same tokens whatever the connection limit.
        String plan = "    - name: sql\n      backend: {kind: postgres}\n"
                + "      next_when: {date: 2025-01-09}\n"
                + "    - name: dyn\n      backend: {kind: dynamodb}\n"
                + "      migration: {lead_time: 0s}";
        String few = postgresLongRequests(
                "postgres: {max_connections: 2, reserved_connections: 1}");
        String many = postgresLongRequests("postgres: {}");
        List<DayRecord> refused = run(drawnTokens(few, plan)).days();
        List<DayRecord> served = run(drawnTokens(many, plan)).days();

        assertTrue(refused.get(0).failuresByLimit().getOrDefault("connections", 0L) > 0);
        for (int day = 4; day < refused.size(); day++) {
            assertEquals(served.get(day).usage(), refused.get(day).usage(), "day " + day);
        }
    }

    private static String drawnTokens(String yaml, String plan) {
        return yaml.replace("token_sizes: {source: fixed, tokens_in: 1_000, tokens_out: 500}",
                        "token_sizes: {source: bundled}")
                .replace("credits: {initial: 1.00}", "credits: {initial: 1000}")
                .replace("    - name: sql\n      backend: {kind: postgres}", plan);
    }

    @Test
    void postgresConnections_defaultSlots_neverBind() throws Exception {
        RunResult result = run(postgresLongRequests("postgres: {}"));

        for (DayRecord day : result.days()) {
            assertEquals(0, day.failuresByLimit().getOrDefault("connections", 0L));
            assertEquals(0, day.failedRequests(), day::toString);
        }
        Table limits = Projections.of(result).limits();
        int row = limits.stringColumn("limit").indexOf("connections");
        assertEquals("not reached", limits.stringColumn("binds_on").get(row));
    }

    @Test
    void postgresConnections_handoverMorningPeak_binds() throws Exception {
        // Two users until a third signs up in the first hour of 2025-01-09. Their ten-minute
        // requests peak at 6 or 7 of the 9 usable slots a day until then, and fill all 9 that
        // morning without rejecting one. DynamoDB goes live at noon that day.
        String plan = "    - name: sql\n      backend: {kind: postgres}\n"
                + "      next_when: {date: 2025-01-08}\n"
                + "    - name: dyn\n      backend: {kind: dynamodb}\n"
                + "      migration: {lead_time: 36h}";
        String yaml = postgresLongRequests(
                "postgres: {max_connections: 10, reserved_connections: 1}")
                .replace("    - {at: 0d, users: 3}",
                        "    - {at: 0d, users: 2}\n    - {at: 3d, users: 2}\n"
                        + "    - {at: 73h, users: 3}")
                .replace("    - name: sql\n      backend: {kind: postgres}", plan);
        RunResult result = run(yaml);
        DayRecord morning = result.days().get(3);
        DayRecord afternoon = result.days().get(4);

        assertEquals(List.of("sql", 0L), List.of(morning.phase(), morning.fromMillis()));
        assertEquals(List.of("dyn", 43_200_000L),
                List.of(afternoon.phase(), afternoon.fromMillis()));
        assertEquals(morning.date(), afternoon.date());
        assertEquals(0, morning.failuresByLimit().getOrDefault("connections", 0L));
        assertTrue(morning.gauges().contains(
                new LimitGauge("connections", "rds-instance", 9, 9)), morning::toString);
        assertTrue(afternoon.gauges().stream()
                .anyMatch(gauge -> gauge.limit().equals("table-bytes")), afternoon::toString);
        assertTrue(afternoon.gauges().stream()
                .noneMatch(gauge -> gauge.limit().equals("connections")), afternoon::toString);
        for (int day = 0; day < 3; day++) {
            assertFalse(result.days().get(day).gauges().contains(
                    new LimitGauge("connections", "rds-instance", 9, 9)), "day " + day);
        }
        Table limits = Projections.of(result).limits();
        int row = limits.stringColumn("limit").indexOf("connections");
        assertEquals("2025-01-09", limits.stringColumn("binds_on").get(row));
    }

    @Test
    void postgresStorageFull_nextPhaseNamed() throws Exception {
        String yaml = movedOnDayOne(THREE_USERS
                .replace("row: {columns: 10, bytes: 500B}", "row: {columns: 10, bytes: 10MB}")
                .replace("balance_cache_ttl: 0s", "balance_cache_ttl: 0s\n"
                        + "postgres: {allocated_storage_gb: 1, row_overhead_bytes: 0B}"),
                "sql", "postgres")
                .replace("      backend: {kind: postgres}", "      backend: {kind: postgres}\n"
                        + "      next_when: {users: 1000}\n"
                        + "    - name: dyn\n      backend: {kind: dynamodb}");

        String warning = Warnings.stalledPlan(Projections.of(run(yaml))).get(0);

        assertTrue(warning.contains("raise postgres.allocated_storage_gb, or start the move to"
                + " phase 'dyn' before it fills."), warning);
    }

    @Test
    void modelGapNote_dynamoDbQuerySum() throws Exception {
        assertEquals(List.of(ModelGapNote.DYNAMODB_QUERY_SUM),
                ModelGapNote.lines(Projections.of(run(INTO_DYNAMODB))));
        String runningBalance = INTO_DYNAMODB.replace("dynamodb:\n  item_bytes: 500B",
                "dynamodb:\n  item_bytes: 500B\n  balance_design: running-balance");
        assertEquals(List.of(), ModelGapNote.lines(Projections.of(run(runningBalance))));
    }

    @Test
    void modelGapNote_sqliteEfs_onlyForASum() throws Exception {
        // The note says a balance sum is billed as if the user's rows lay together, which a
        // running-balance read, of one row's pages, does not do; it once came with either design.
        String querySum = movedOnDayOne(THREE_USERS, "sql", "sqlite-efs");
        String runningBalance = movedOnDayOne(THREE_USERS.replace("balance_cache_ttl: 0s",
                "balance_cache_ttl: 0s\nsqlite_efs: {balance_design: running-balance}"),
                "sql", "sqlite-efs");

        assertEquals(List.of(ModelGapNote.SQLITE_EFS),
                ModelGapNote.lines(Projections.of(run(querySum))));
        assertEquals(List.of(), ModelGapNote.lines(Projections.of(run(runningBalance))));
    }

    @Test
    void sqliteEfs_lockHeldLong_failsCallsAsBusy() throws Exception {
        // Three users move to SQLite on day 1. Each statement holds the lock for 10 minutes and
        // no statement waits for it, so calls that meet a held lock fail as SQLITE_BUSY.
        String yaml = THREE_USERS.replace("balance_cache_ttl: 0s", "balance_cache_ttl: 0s\n"
                + "sqlite_efs:\n  latency: {distribution: fixed, mean: 10m}\n"
                + "  busy_timeout: 0s\n  maximum_retries: 0");
        RunResult result = run(movedOnDayOne(yaml, "sql", "sqlite-efs"));
        DayRecord day1 = result.days().get(1);
        DayRecord last = result.days().get(6);

        assertEquals("sql", day1.phase());
        assertTrue(last.throttlesByQuota().getOrDefault("SQLITE_BUSY", 0L) > 0,
                last.throttlesByQuota()::toString);
        assertTrue(last.failuresByLimit().getOrDefault("SQLITE_BUSY", 0L) > 0,
                last.failuresByLimit()::toString);
        assertTrue(last.hostingCostMicros() > 0, "EFS bills the stored rows");
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

    @Test
    void atomicDebit_rejectedDebit_storesNoRow() throws Exception {
        // A credit of one micro-dollar covers no request of 300 micro-dollars, so every
        // conditional debit is rejected, in Sheets and then in DynamoDB, and only the credit
        // rows are stored.
        RunResult result = run(INTO_DYNAMODB.replace("plan:\n", "admission: atomic-debit\nplan:\n")
                .replace("  token_sizes: {source: fixed, tokens_in: 100, tokens_out: 100}\n",
                        "  token_sizes: {source: fixed, tokens_in: 100, tokens_out: 100}\n"
                                + "  models: [{name: small, share: 1,"
                                + " input_price_per_million: 1, output_price_per_million: 2}]\n"
                                + "  credits: {initial: 0.000001}\n"));
        long rejected = result.days().stream().mapToLong(DayRecord::rejectedForCredit).sum();
        long writes = result.days().stream().mapToLong(DayRecord::writeRequests).sum();
        long tableBytes = result.days().get(5).gauges().stream()
                .filter(gauge -> gauge.limit().equals("table-bytes"))
                .mapToLong(LimitGauge::used)
                .sum();

        assertEquals("dynamodb", result.days().get(3).phase());
        assertTrue(rejected > 0, "rejected debits");
        assertEquals(rejected, writes, "every write is a rejected debit");
        // The three credit rows of the users present at the start, 500 B plus 100 B each.
        assertEquals(3 * 600, tableBytes);
    }

    /** Checks that the table's bytes on the last day cover every row appended since day 0. */
    private static void assertTableHoldsEveryRow(RunResult result) {
        // The three users present at the start brought their initial credit rows.
        long rowsStored = 3;
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
        // Every usage and credit row, each 500 B plus 100 B of indexing overhead.
        assertEquals(rowsStored * 600, tableBytes);
    }

    @Test
    void limitTimeline_tabsBindOnDayOne() throws Exception {
        Table limits = Projections.of(run(MIGRATION)).limits();
        int row = limits.stringColumn("limit").indexOf("tabs");

        assertEquals("2025-01-02", limits.stringColumn("binds_on").get(row));
        assertEquals(10, limits.longColumn("users").get(row));
    }

    @Test
    void capacity_cellsPerYear_stopsAtFirstCellFailure() throws Exception {
        String yaml = THREE_USERS.replace("horizon: 7d", "horizon: 30d").replace("sheets:\n",
                "sheets:\n  cells_per_workbook: 3_000\n  grid_mode: sized-to-row\n"
                        + "  default_grid_rows: 10\n  default_grid_columns: 10\n");
        Projections projections = Projections.of(run(yaml));
        Table daily = projections.daily();
        LongColumn failed = daily.longColumn("failed:cells");
        int firstFailure = 0;
        while (failed.getLong(firstFailure) == 0) {
            firstFailure++;
        }
        LongColumn cells = daily.longColumn("cells:workbook-0");
        long growth = cells.getLong(firstFailure - 1) - cells.getLong(0);
        String expected = Long.toString(Math.round(growth * 365.0 / (firstFailure - 1)));

        // The workbook fills well before day 29, after which its cells stay at the limit.
        assertTrue(firstFailure > 2 && firstFailure < 20, "first cell failure: " + firstFailure);
        assertEquals(expected, projections.capacity().stringColumn("cells_per_year").get(0));
    }

    /**
     * Once the workbook is full, no cost row can be stored, so no cost is debited: users keep
     * their credit and their requests count as failed, not as rejected for credit.
     */
    @Test
    void fullWorkbook_failsRequestsInsteadOfRejecting() throws Exception {
        String yaml = THREE_USERS.replace("horizon: 7d", "horizon: 30d")
                .replace("mean_per_day: 10}", "mean_per_day: 100}")
                .replace("sheets:\n", "sheets:\n  cells_per_workbook: 3_000\n"
                        + "  grid_mode: sized-to-row\n");
        Projections projections = Projections.of(run(yaml));

        assertTrue(columnSum(projections, "failed:cells") > 0, "the workbook never filled");
        assertTrue(columnSum(projections, "failed_requests") > 0, "no request failed");
        assertEquals(0, columnSum(projections, "rejected_for_credit"));
    }
}
