package dev.headroom.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.model.HostingCost;
import dev.headroom.model.LimitGauge;
import dev.headroom.model.dynamodb.DynamoDbModel;
import dev.headroom.model.sql.PostgresModel;
import dev.headroom.plan.PhaseChange;
import dev.headroom.projection.Projections;
import dev.headroom.report.ArchiveJobNote;
import dev.headroom.report.ModelGapNote;
import dev.headroom.report.RedisCacheNote;
import dev.headroom.report.UsageNote;
import dev.headroom.report.Warnings;
import dev.headroom.scenario.Scenarios;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

class SimulationRunTest {

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
     * Fifty tabs fill on day 5, after the trigger at 45 users starts a 3-day move at the end
     * of day 4, too late to go live in time.
     */
    private static final String LATE_MOVE = """
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
    private static final String ZERO_LEAD = """
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

    /**
     * Returns a copy of a scenario whose only phase is {@code single-sheet}, with a next phase
     * {@code name} on {@code kind} that goes live when day 1 begins.
     */
    private static String movedOnDayOne(String yaml, String name, String kind) {
        return yaml.replace("    - name: single-sheet\n      backend: {kind: sheets}",
                "    - name: single-sheet\n      backend: {kind: sheets}\n"
                + "      next_when: {date: 2025-01-07}\n"
                + "      migration: {lead_time: 0s}\n"
                + "    - name: " + name + "\n      backend: {kind: " + kind + "}");
    }

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
        // The three users present at the start signed up before it: their tabs and credit rows
        // exist, and they make no sign-up call.
        assertEquals(0, day0.signUpRequests());
        // No cache: every request reads the balance once.
        assertEquals(day0.requests(), day0.readRequests());
        assertEquals(0, day0.cacheHits());
        // One usage row per admitted request.
        assertEquals(day0.admitted(), day0.writeRequests());
        assertEquals(100, day0.latencyP50Millis());
        assertEquals(0, day0.hostingCostMicros());
    }

    @Test
    void billedUsage_fixedSizesAndPrices() throws Exception {
        RunResult result = run(THREE_USERS);
        long billed = 0;
        long admitted = 0;
        for (DayRecord day : result.days()) {
            BilledUsage usage = day.usage();
            admitted += day.admitted();
            assertEquals(1_000 * usage.requests(), usage.tokensIn());
            assertEquals(500 * usage.requests(), usage.tokensOut());
            assertEquals(2_000 * usage.requests(), usage.micros());
            billed += usage.requests();
        }

        // Every row is stored, and only the last requests may still run at the end.
        assertTrue(billed <= admitted, billed + " of " + admitted);
        assertTrue(billed >= admitted - 3, billed + " of " + admitted);
        String total = String.format(Locale.ROOT, "%,.2f", billed * 0.002);
        assertEquals(List.of("Billed usage: " + String.format(Locale.ROOT, "%,d", billed)
                + " requests whose cost the ledger stored, 1,000.0 tokens in and 500.0 tokens out"
                + " each on average, $0.002000 a request and $" + total + " in all."),
                UsageNote.lines(Projections.of(result)));
    }

    @Test
    void billedUsage_groupsThousandsPerRequest() throws Exception {
        RunResult result = run(THREE_USERS
                .replace("tokens_in: 1_000", "tokens_in: 20_000")
                .replace("input_price_per_million: 1.00", "input_price_per_million: 100_000")
                .replace("output_price_per_million: 2.00", "output_price_per_million: 0")
                .replace("initial: 1.00", "initial: 100_000"));

        String line = UsageNote.lines(Projections.of(result)).get(0);

        assertTrue(line.contains(", $2,000.000000 a request and $"), line);
    }

    @Test
    void usersAtStart_makeNoQuotaCalls() throws Exception {
        RunResult result = run(THREE_USERS.replace("users: 3}", "users: 200}"));
        DayRecord day0 = result.days().get(0);

        // 200 sign-ups at once would far exceed 60 writes a minute; users present at the start
        // signed up before it.
        assertEquals(200, day0.users());
        assertEquals(0, day0.failedSignUps());
        assertEquals(0, day0.signUpRequests());
    }

    @Test
    void usersAtStart_tabGuardRejectsExtra() throws Exception {
        RunResult result = run(THREE_USERS.replace("users: 3}", "users: 201}"));
        DayRecord day0 = result.days().get(0);

        assertEquals(200, day0.users());
        assertEquals(1, day0.failedSignUps());
    }

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
    void atomicDebit_usageRowFails_stillBilled() throws Exception {
        // One write a minute: the usage row 2 s after a stored debit is throttled and not
        // retried, but the debit already took the cost.
        String yaml = THREE_USERS.replace("plan:\n", "admission: atomic-debit\nplan:\n")
                .replace("  write_latency: {distribution: fixed, mean: 100ms}",
                        "  write_latency: {distribution: fixed, mean: 100ms}\n"
                        + "  quotas: {write_per_minute_per_user: 1}\n"
                        + "  backoff: {maximum_retries: 0}");
        RunResult result = run(yaml);
        long admitted = result.days().stream().mapToLong(DayRecord::admitted).sum();
        long billed = result.days().stream().mapToLong(day -> day.usage().requests()).sum();
        long failed = result.days().stream().mapToLong(DayRecord::failedRequests).sum();

        assertTrue(admitted > 0, admitted + " admitted");
        assertTrue(failed >= admitted, failed + " failed, " + admitted + " admitted");
        assertEquals(admitted, billed);
    }

    @Test
    void atomicDebit_rejectedRequest_buysTopUp() throws Exception {
        // Requests cost 2,000 micro-dollars and a user has 1: each rejection buys a top-up of
        // 10,000, which pays for the next five requests, although no balance ever falls below
        // the threshold of 0.
        RunResult result = run(THREE_USERS.replace("plan:\n", "admission: atomic-debit\nplan:\n")
                .replace("credits: {initial: 1.00}", "credits: {initial: 0.000001, top_up: 0.01}"));
        long admitted = result.days().stream().mapToLong(DayRecord::admitted).sum();
        long rejected = result.days().stream().mapToLong(DayRecord::rejectedForCredit).sum();

        assertTrue(rejected > 0, "rejected requests");
        // Each user's last top-up may pay for fewer than five requests before the run ends.
        assertTrue(admitted <= 5 * rejected, admitted + " admitted, " + rejected + " rejected");
        assertTrue(admitted > 5 * (rejected - 3), admitted + " admitted, " + rejected
                + " rejected");
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
    void threeUsers_balanceCache_countsHits() throws Exception {
        RunResult result = run(THREE_USERS.replace("balance_cache_ttl: 0s",
                "balance_cache_ttl: 1d"));

        for (DayRecord day : result.days()) {
            // Each request either reads the balance with one call or is served from the cache.
            assertEquals(day.requests(), day.readRequests() + day.cacheHits(),
                    "day " + day.day());
        }
        assertTrue(result.days().get(1).cacheHits() > 0, "cache hits on day 1");
    }

    /**
     * Returns THREE_USERS at 1,000 requests a user a day for two days, with enough credit that
     * every request is admitted and appends a row, and a Redis cache of the given write mode in
     * front of its Sheets phase, or none when {@code onWrite} is null.
     */
    private static String busyThreeUsers(String onWrite) {
        String yaml = THREE_USERS.replace("mean_per_day: 10", "mean_per_day: 1_000")
                .replace("horizon: 7d", "horizon: 2d")
                .replace("credits: {initial: 1.00}", "credits: {initial: 100.00}");
        if (onWrite == null) {
            return yaml;
        }
        return yaml.replace("backend: {kind: sheets}",
                        "backend: {kind: sheets, features: [redis-cache]}")
                .replace("balance_cache_ttl: 0s", "balance_cache_ttl: 0s\nredis:\n"
                        + "  node_price_per_hour: 0.017\n  nodes: 2\n  ttl: 5m\n"
                        + "  on_write: " + onWrite + "\n"
                        + "  latency: {distribution: lognormal, mean: 1ms, sigma: 0.5}");
    }

    @Test
    void redisCache_countsHitsAndCutsSheetsReads() throws Exception {
        RunResult without = run(busyThreeUsers(null));
        RunResult with = run(busyThreeUsers("update"));

        for (int index = 0; index < 2; index++) {
            DayRecord day = with.days().get(index);
            // With the proxy's own cache off, every request reads the balance through Redis.
            assertEquals(day.requests(), day.redisHits() + day.redisMisses(), "day " + index);
            // No quota binds at this rate, so each miss is one Sheets read.
            assertEquals(day.redisMisses(), day.readRequests(), "day " + index);
            assertEquals(2 * 17_000 * 24, day.hostingCostMicros(), "two nodes for a day");
        }
        long readsWith = with.days().stream().mapToLong(DayRecord::readRequests).sum();
        long readsWithout = without.days().stream().mapToLong(DayRecord::readRequests).sum();
        long hits = with.days().stream().mapToLong(DayRecord::redisHits).sum();
        assertTrue(hits > 0, "hits");
        assertTrue(readsWith < readsWithout, readsWith + " Sheets reads with the cache, "
                + readsWithout + " without");
        assertEquals(0, without.days().get(0).redisHits() + without.days().get(0).redisMisses());

        Projections projections = Projections.of(with);
        assertEquals(hits, columnSum(projections, "redis_hits"));
        List<String> note = RedisCacheNote.lines(projections);
        assertEquals(1, note.size(), note::toString);
        assertTrue(note.get(0).startsWith("Redis cache, phase 'single-sheet': "), note.get(0));
        assertTrue(note.get(0).contains("a measured hit rate of"), note.get(0));
    }

    /**
     * Returns THREE_USERS over 40 days with tabs sized to rows and the archive job keeping 5
     * days and running every 10 days at 03:00, so runs start on days 10, 20 and 30.
     */
    private static String archivedThreeUsers() {
        return THREE_USERS.replace("horizon: 7d", "horizon: 40d")
                .replace("credits: {initial: 1.00}", "credits: {initial: 100.00}")
                .replace("write_latency: {distribution: fixed, mean: 100ms}",
                        "write_latency: {distribution: fixed, mean: 100ms}\n"
                        + "  grid_mode: sized-to-row")
                .replace("backend: {kind: sheets}", "backend: {kind: sheets, features: [archive]}")
                .replace("balance_cache_ttl: 0s", "balance_cache_ttl: 0s\nsheets_archive:\n"
                        + "  keep: 5d\n  every: 10d\n  starts_at: 3h\n  cost_per_run: 0.25");
    }

    @Test
    void archive_runsOnScheduleAndKeepsCellsDown() throws Exception {
        RunResult archived = run(archivedThreeUsers());
        RunResult plain = run(archivedThreeUsers()
                .replace("features: [archive]", "features: []"));

        for (int index = 0; index < 40; index++) {
            DayRecord day = archived.days().get(index);
            boolean runDay = index == 10 || index == 20 || index == 30;
            assertEquals(runDay, day.archiveCalls() > 0, "archive calls on day " + index);
            assertEquals(runDay ? 250_000 : 0, day.hostingCostMicros(), "day " + index);
            assertEquals(0, plain.days().get(index).archiveCalls(), "day " + index);
        }
        // Each of three users: a read, an append to the archive and a delete.
        assertTrue(archived.days().get(10).archiveCalls() >= 9,
                "calls on day 10: " + archived.days().get(10).archiveCalls());
        assertTrue(archived.days().get(10).archiveBusyMillis() >= 9 * 100);
        assertTrue(cells(archived.days().get(39)) < cells(plain.days().get(39)),
                cells(archived.days().get(39)) + " cells archived, "
                        + cells(plain.days().get(39)) + " without");
        assertEquals("sheets + archive", archived.phases().get(0).backend());

        Projections projections = Projections.of(archived);
        assertEquals(archived.days().stream().mapToLong(DayRecord::archiveCalls).sum(),
                columnSum(projections, "archive_calls"));
        List<String> note = ArchiveJobNote.lines(projections);
        assertEquals(1, note.size(), note::toString);
        assertTrue(note.get(0).startsWith("Sheets archive job: 3 runs;"), note.get(0));
        assertTrue(note.get(0).contains("made 9 calls over 0.9 s."), note.get(0));
        assertEquals(List.of(), ArchiveJobNote.lines(Projections.of(plain)));
        assertEquals(archived.days(), run(archivedThreeUsers()).days(), "same seed, same days");
    }

    @Test
    void archive_behindRedisCacheStillRuns() throws Exception {
        RunResult result = run(archivedThreeUsers()
                .replace("features: [archive]", "features: [archive, redis-cache]"));

        assertTrue(result.days().get(10).archiveCalls() >= 9);
        assertEquals("sheets + archive + redis-cache", result.phases().get(0).backend());
    }

    @Test
    void archive_cellLimitFailureBinds() throws Exception {
        // An archive workbook of 10 cells takes one row of 10 columns, so no user's old rows fit.
        RunResult result = run(archivedThreeUsers()
                .replace("  cost_per_run: 0.25", "  cost_per_run: 0.25\n  cell_limit: 10"));
        DayRecord runDay = result.days().get(10);

        assertTrue(runDay.archive().failedCalls() > 0, runDay.archive()::toString);
        assertEquals(runDay.archive().failedCalls(),
                runDay.failuresByLimit().getOrDefault("archive-cells", 0L),
                runDay.failuresByLimit()::toString);
        assertEquals(0, runDay.failedRequests());
        Table limits = Projections.of(result).limits();
        int row = limits.stringColumn("limit").indexOf("archive-cells");
        assertEquals("2025-01-16", limits.stringColumn("binds_on").get(row));
        assertEquals(runDay.archive().failedCalls(), limits.longColumn("count_that_day").get(row));
    }

    @Test
    void archive_shardedPhaseKeepsRowTimes() throws Exception {
        // The sharded phase goes live on day 6, after every user's first rows are 5 days old.
        String yaml = archivedThreeUsers().replace(
                "      backend: {kind: sheets, features: [archive]}",
                "      backend: {kind: sheets, features: [archive]}\n"
                        + "      next_when: {date: 2025-01-12}\n"
                        + "      migration: {lead_time: 0s}\n"
                        + "    - name: two-shards\n"
                        + "      backend: {kind: sheets-sharded, workbooks: 2,"
                        + " features: [archive]}");
        RunResult result = run(yaml);

        DayRecord day10 = result.days().get(10);
        assertEquals("two-shards", day10.phase());
        // Rows older than 5 days on day 10 are the ones stored before the phase went live, so
        // each user gets an append and a delete after the read.
        assertTrue(day10.archiveCalls() >= 9, "calls on day 10: " + day10.archiveCalls());
        assertEquals("sheets-sharded x2 char-sum + archive", result.phases().get(1).backend());
    }

    private static long cells(DayRecord day) {
        return day.gauges().stream().filter(gauge -> gauge.limit().equals("cells"))
                .mapToLong(LimitGauge::used).sum();
    }

    @Test
    void redisCache_invalidateLeavesFewerHitsThanUpdate() throws Exception {
        RunResult invalidate = run(busyThreeUsers("invalidate"));
        RunResult update = run(busyThreeUsers("update"));

        long invalidateHits = invalidate.days().stream().mapToLong(DayRecord::redisHits).sum();
        long invalidateMisses = invalidate.days().stream()
                .mapToLong(DayRecord::redisMisses).sum();
        long updateHits = update.days().stream().mapToLong(DayRecord::redisHits).sum();

        assertEquals(0, invalidate.days().get(1).rejectedForCredit(), "every request appends");
        // Every request appends a usage row, which deletes the entry the next read needs.
        assertTrue(invalidateHits < invalidateMisses,
                invalidateHits + " hits, " + invalidateMisses + " misses");
        assertTrue(invalidateHits < updateHits, invalidateHits + " < " + updateHits);
    }

    @Test
    void redisCache_sharedLog_countsHits() throws Exception {
        String yaml = busyThreeUsers("update").replace(
                "backend: {kind: sheets, features: [redis-cache]}",
                "backend: {kind: sheets-shared-log, features: [redis-cache]}");
        RunResult result = run(yaml);
        DayRecord day = result.days().get(1);

        assertEquals(day.requests(), day.redisHits() + day.redisMisses());
        assertTrue(day.redisHits() > 0, "hits on the shared log");
        assertEquals(day.redisMisses(), day.readRequests(), "each miss is one Sheets read");
    }

    @Test
    void redisCache_midDayGoLive_countsForCache() throws Exception {
        // The cached phase goes live at noon of day 2, a day whose row names the old phase.
        String yaml = INTO_DYNAMODB.replace("{kind: dynamodb}",
                        "{kind: sheets, features: [redis-cache]}")
                .replace("lead_time: 2d", "lead_time: 36h")
                .replace("dynamodb:\n  item_bytes: 500B", "redis: {nodes: 1}");
        Projections projections = Projections.of(run(yaml));
        long reads = columnSum(projections, "redis_hits") + columnSum(projections, "redis_misses");

        assertEquals("single-sheet", projections.daily().stringColumn("phase").get(2));
        assertTrue(projections.daily().longColumn("redis_misses").getLong(2) > 0);
        List<String> lines = RedisCacheNote.lines(projections);
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("Redis cache, phase 'dynamodb': "), lines.get(0));
        assertTrue(lines.get(0).contains(String.format(Locale.ROOT, "of %,d balance reads", reads)),
                lines.get(0));
    }

    @Test
    void redisCache_migrationKeepsSheetsUsers() throws Exception {
        String yaml = MIGRATION.replace("backend: {kind: sheets}",
                        "backend: {kind: sheets, features: [redis-cache]}")
                .replace("router: char-sum}", "router: char-sum, features: [redis-cache]}");
        RunResult result = run(yaml);
        DayRecord last = result.days().get(result.days().size() - 1);

        assertEquals("five-shards", last.phase());
        long tabs = last.gauges().stream().filter(gauge -> gauge.limit().equals("tabs"))
                .mapToLong(LimitGauge::used).sum();
        assertEquals(last.users(), tabs, "every placed user kept a tab");
        assertTrue(last.redisHits() + last.redisMisses() > 0, "the sharded phase's cache");
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

        // Half the calls are reads at 100 ms and half are appended rows at 300 ms.
        assertEquals(100, day0.latencyP50Millis());
        assertEquals(300, day0.latencyP95Millis());
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
        String yaml = INTO_DYNAMODB.replace("kind: dynamodb}", "kind: postgres}")
                .replace("dynamodb:\n  item_bytes: 500B", "postgres: {instance_price_per_hour: 1,"
                        + " storage_price_per_gb_month: 0}");
        RunResult result = run(yaml);

        assertEquals(3 * 86_400_000L, result.changes().get(0).liveMillis());
        assertEquals(List.of(0L, 24_000_000L, 24_000_000L, 24_000_000L),
                result.days().stream().limit(4).map(DayRecord::hostingCostMicros).toList());
    }

    @Test
    void dax_nodesBilledFromMigrationStart() throws Exception {
        // DynamoDB bills its table by use from go-live, but the DAX node from the move's start.
        String yaml = INTO_DYNAMODB.replace("{kind: dynamodb}", "{kind: dynamodb, features: [dax]}")
                .replace("item_bytes: 500B", "item_bytes: 500B\n  dax: {node_price_per_hour: 1}");
        List<DayRecord> days = run(yaml).days();

        assertEquals(List.of(0L, 24_000_000L, 24_000_000L),
                days.stream().limit(3).map(DayRecord::hostingCostMicros).toList());
        assertTrue(days.get(3).hostingCostMicros() > 24_000_000L, days.get(3)::toString);
    }

    @Test
    void hostingCost_standbyAndLive_shareComponents() throws Exception {
        // The $1-an-hour instance is billed by the standby bill on days 1 and 2 and by the
        // live model from day 3, under the same component names.
        String yaml = INTO_DYNAMODB.replace("kind: dynamodb}", "kind: postgres}")
                .replace("dynamodb:\n  item_bytes: 500B", "postgres: {instance_price_per_hour: 1,"
                        + " storage_price_per_gb_month: 0}");
        List<DayRecord> days = run(yaml).days();

        HostingCost instanceDay = HostingCost.of(PostgresModel.INSTANCE_HOURS, 24_000_000L)
                .plus(PostgresModel.STORAGE_GB_MONTHS, 0);
        assertEquals(HostingCost.NONE, days.get(0).hosting(), "Sheets is free");
        for (int day = 1; day < 4; day++) {
            assertEquals(instanceDay, days.get(day).hosting(), "day " + day);
        }
    }

    @Test
    void hostingCost_daxStandby_isNodeHours() throws Exception {
        String yaml = INTO_DYNAMODB.replace("{kind: dynamodb}", "{kind: dynamodb, features: [dax]}")
                .replace("item_bytes: 500B", "item_bytes: 500B\n  dax: {node_price_per_hour: 1}");
        List<DayRecord> days = run(yaml).days();

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

        assertEquals(HostingCost.NONE, days.get(1).hosting(), "DynamoDB on demand before go-live");
        assertFalse(days.get(3).hosting().components().containsKey(DynamoDbModel.DAX_NODES),
                days.get(3).hosting()::toString);
    }

    @Test
    void monthlyCost_leavesOutTheStandbyBill() throws Exception {
        // The $1-an-hour instance is billed from the move's start at the end of day 0. Only its
        // days live count toward its own monthly_cost trigger: $24 on day 3 and $48 on day 4.
        // Both stay under $50; with the standby days, day 3 would count $72.
        String yaml = INTO_DYNAMODB.replace("kind: dynamodb}", "kind: postgres}")
                .replace("dynamodb:\n  item_bytes: 500B", "postgres: {instance_price_per_hour: 1,"
                        + " storage_price_per_gb_month: 0}")
                .replace("horizon: 6d", "horizon: 5d")
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

        assertEquals(24_000_000L, days.get(0).hostingCostMicros(), 100);
        assertEquals(24_000_000L, days.get(1).hostingCostMicros(), 100);
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
    void limitTimeline_tabsBindOnDayOne() throws Exception {
        Table limits = Projections.of(run(MIGRATION)).limits();
        int row = limits.stringColumn("limit").indexOf("tabs");

        assertEquals("2025-01-02", limits.stringColumn("binds_on").get(row));
        assertEquals(10, limits.longColumn("users").get(row));
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

        assertTrue(warning.contains("phase 'single-sheet' failed calls on tabs and cells from"
                + " 2025-01-02"), warning);
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
                + " below 9 (the sign-ups that failed on 2025-01-02) ends the phase's failures"
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
                + " 2025-01-09, but a failed_requests_per_day trigger with a threshold below 10"
                + " (the requests that failed on 2025-01-05) would have started it sooner"),
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
                + " below 92 (the requests that failed on 2025-01-03) ends the phase's failures"
                + " sooner"), warning);
    }

    /** Sign-ups fail on the tab guard from 01-02; requests fail only in a burst on 01-04. */
    private static final String SIGN_UPS_THEN_BURST = """
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
                + " 2025-01-06, but a failed_sign_ups_per_day trigger with a threshold below 3"
                + " (the sign-ups that failed on 2025-01-02) would have started it sooner"),
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
                + " it, if that phase holds until then."), warning);
        assertFalse(warning.contains("start the migration into this phase"), warning);
    }

    /**
     * Requests fail only in a Tuesday burst, 2025-01-07. Two shards go live at noon on 01-03,
     * too late for a trigger on them to start the 3-day move to DynamoDB by 01-04.
     */
    private static final String MOVE_IN_REACHABLE = """
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
    void trigger_datePassedBeforeFirstCheck_firesThen() throws Exception {
        // The shards go live at noon on 01-03, so their date of 01-04 would start the move that
        // day, but their triggers are first checked when 01-04 ends.
        String yaml = MOVE_IN_REACHABLE.replace("{date: 2025-01-09}", "{date: 2025-01-04}");
        Table changes = Projections.of(run(yaml)).changes();

        assertEquals("date >= 2025-01-04", changes.stringColumn("reason").get(1));
        assertEquals("2025-01-05", changes.stringColumn("started").get(1));
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
    void warnings_stalledPlan_givesStartBy() throws Exception {
        // The sheet first fails on 2025-01-06; the move's 3 days make it due on 01-03.
        String yaml = LATE_MOVE.replace("next_when: {users: 45}", "next_when: {users: 1000}");
        String warning = Warnings.stalledPlan(Projections.of(run(yaml))).get(0);

        assertTrue(warning.endsWith(" To go live before this phase first failed, the migration"
                + " to postgres had to start by 2025-01-03."), warning);
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

    @Test
    void warnings_noFailures_noWarning() throws Exception {
        Projections projections = Projections.of(run(THREE_USERS));

        assertTrue(Warnings.stalledPlan(projections).isEmpty());
    }

    @Test
    void days_signUpOnBoundary_independentOfHorizon() throws Exception {
        // 73 users a year sign up every 5 days, so the first sign-up falls exactly at the end of
        // day 4. It belongs to day 5 whether or not the run reaches day 5.
        String yaml = MIGRATION.replace("users_per_year: 3_650", "users_per_year: 73");
        List<DayRecord> short5 = run(yaml.replace("horizon: 8d", "horizon: 5d")).days();
        List<DayRecord> long10 = run(yaml.replace("horizon: 8d", "horizon: 10d")).days();

        assertEquals(5, short5.size());
        assertEquals(0, long10.get(4).users());
        assertEquals(1, long10.get(5).users());
        assertEquals(short5, long10.subList(0, 5));
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

    @Test
    void trigger_date_startsOnThatDate() throws Exception {
        String yaml = MIGRATION.replace("next_when: {users: 5}", "next_when: {date: 2025-01-04}");
        RunResult result = run(yaml);
        Table changes = Projections.of(result).changes();

        assertEquals(3 * 86_400_000L, result.changes().get(0).startMillis());
        assertEquals("2025-01-04", changes.stringColumn("started").get(0));
        assertEquals("date >= 2025-01-04", changes.stringColumn("reason").get(0));
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

    private static long columnSum(Projections projections, String column) {
        long sum = 0;
        for (long value : projections.daily().longColumn(column).asLongArray()) {
            sum += value;
        }
        return sum;
    }
}
