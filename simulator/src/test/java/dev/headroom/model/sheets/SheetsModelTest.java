package dev.headroom.model.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.engine.RandomStream;
import dev.headroom.model.CallOutcome;
import dev.headroom.model.LimitGauge;
import dev.headroom.model.QuotaCount;
import dev.headroom.model.latency.LatencyParams;
import dev.headroom.routing.CharSumRouter;
import dev.headroom.routing.RouterKind;
import dev.headroom.sheets.limits.GoogleBackoff;
import dev.headroom.sheets.limits.Grid;
import dev.headroom.sheets.limits.QuotaLimits;
import dev.headroom.sheets.limits.TabGuard;
import dev.headroom.sheets.limits.WindowKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SheetsModelTest {

    private static final long MINUTE = 60_000L;
    private static final LatencyParams ONE_MS = LatencyParams.fixed(1.0);

    private static SheetsParams params(int maxTabs, GridPolicy policy, int presetTabs,
            CallerIdentity identity, GoogleBackoff backoff) {
        return new SheetsParams(new TabGuard(maxTabs), 10_000_000L, policy, Grid.DEFAULT, 10,
                presetTabs, identity, QuotaLimits.GOOGLE_DEFAULTS, WindowKind.FIXED, backoff,
                ONE_MS, ONE_MS);
    }

    private static SheetsModel model(SheetsParams params, ShardParams sharding) {
        return new SheetsModel(params, sharding, new RandomStream(1), new RandomStream(2));
    }

    private static long throttles(SheetsModel model, String quota) {
        return model.throttlesByQuota().stream().filter(q -> q.quota().equals(quota))
                .mapToLong(QuotaCount::throttles).sum();
    }

    @Test
    void tabGuardAdmits200thTabOnly() {
        SheetsModel model = model(SheetsParams.plan(ONE_MS), ShardParams.SINGLE);
        for (int user = 0; user < 199; user++) {
            assertTrue(model.signUp(user, "u" + user + "@example.com", user * MINUTE).succeeded());
        }

        CallOutcome last = model.signUp(199, "u199@example.com", 199 * MINUTE);
        CallOutcome first = model.signUp(200, "u200@example.com", 200 * MINUTE);

        assertEquals(CallOutcome.Status.OK, last.status());
        assertEquals(CallOutcome.Status.CAPACITY, first.status());
        assertEquals(SheetsModel.TABS, first.limit());
        assertEquals(1, first.requests(), "only the tab count was sent");
        assertEquals(-1, model.workbookOf(200));
    }

    @Test
    void defaultGridLastAppendUnderCellLimitFits() {
        SheetsModel model = model(params(1_000, GridPolicy.DEFAULT_GRID, 383,
                CallerIdentity.SERVICE_ACCOUNT, GoogleBackoff.DEFAULT), ShardParams.SINGLE);
        assertTrue(model.signUp(0, "a@example.com", 0).succeeded());
        long time = MINUTE;
        for (int row = 1; row <= 1_614; row++) {
            assertTrue(model.appendRow(0, time).succeeded(), "append of row " + row);
            time += 1_000;
        }

        CallOutcome lastFitting = model.appendRow(0, time);
        CallOutcome firstRejected = model.appendRow(0, time + 1_000);

        assertEquals(CallOutcome.Status.OK, lastFitting.status());
        assertEquals(9_999_990L, model.gauges().get(1).used());
        assertEquals(CallOutcome.Status.CAPACITY, firstRejected.status());
        assertEquals(SheetsModel.CELLS, firstRejected.limit());
        assertEquals(1_615, model.rows(0));
    }

    @Test
    void sizedGridFillsCellLimitExactly() {
        SheetsModel model = model(params(1_000, GridPolicy.SIZED_TO_ROW, 384,
                CallerIdentity.SERVICE_ACCOUNT, GoogleBackoff.DEFAULT), ShardParams.SINGLE);
        assertTrue(model.signUp(0, "a@example.com", 0).succeeded());
        long time = MINUTE;
        for (int row = 1; row < 1_600; row++) {
            assertTrue(model.appendRow(0, time).succeeded(), "append of row " + row);
            time += 1_000;
        }

        CallOutcome lastFitting = model.appendRow(0, time);
        CallOutcome firstRejected = model.appendRow(0, time + 1_000);

        assertEquals(CallOutcome.Status.OK, lastFitting.status());
        assertEquals(10_000_000L, model.gauges().get(1).used());
        assertEquals(CallOutcome.Status.CAPACITY, firstRejected.status());
    }

    @Test
    void signUpFailsOnCellLimit() {
        SheetsModel model = model(params(1_000, GridPolicy.DEFAULT_GRID, 384,
                CallerIdentity.SERVICE_ACCOUNT, GoogleBackoff.DEFAULT), ShardParams.SINGLE);

        CallOutcome signUp = model.signUp(0, "a@example.com", 0);

        assertEquals(CallOutcome.Status.CAPACITY, signUp.status());
        assertEquals(SheetsModel.CELLS, signUp.limit());
        assertEquals(2, signUp.requests(), "the tab count and the add were both sent");
        assertEquals(9_984_000L, model.gauges().get(1).used());
    }

    @Test
    void sixtyFirstWriteRetriesIntoNextMinute() {
        SheetsModel model = model(SheetsParams.plan(ONE_MS), ShardParams.SINGLE);
        assertTrue(model.signUp(0, "a@example.com", 0).succeeded());
        for (int write = 2; write <= 60; write++) {
            CallOutcome append = model.appendRow(0, write);
            assertEquals(0, append.throttles(), "write " + write);
        }

        CallOutcome sixtyFirst = model.appendRow(0, 61);

        assertEquals(CallOutcome.Status.OK, sixtyFirst.status());
        assertTrue(sixtyFirst.throttles() >= 1);
        assertEquals(sixtyFirst.throttles() + 1, sixtyFirst.requests());
        assertTrue(61 + sixtyFirst.latencyMillis() > MINUTE, "retry landed in minute 1");
        assertEquals(sixtyFirst.throttles(), throttles(model, "WriteRequestsPerMinutePerUser"));
    }

    @Test
    void retryWaitsAttemptLatencyThenBackoff() {
        // Writes take 300 ms and a 500 ms maximum caps every backoff wait, so jitter cannot move
        // it. Sign-up's added tab is write 1 of minute 0 and appends 2 to 60 fill its quota of
        // 60. The append at 59,000 ms is throttled. Its retry waits for the attempt's 300 ms and
        // the 500 ms backoff, so it runs at 59,800 ms, still in minute 0, and is throttled too.
        // The next retry, at 59,800 + 300 + 500 = 60,600 ms, falls in minute 1 and succeeds.
        // Latency: 60,600 + 300 - 59,000 = 1,900 ms.
        SheetsParams params = new SheetsParams(TabGuard.DEFAULT, 10_000_000L,
                GridPolicy.DEFAULT_GRID, Grid.DEFAULT, 10, 0, CallerIdentity.SERVICE_ACCOUNT,
                QuotaLimits.GOOGLE_DEFAULTS, WindowKind.FIXED, new GoogleBackoff(500L, 7),
                LatencyParams.fixed(100.0), LatencyParams.fixed(300.0));
        SheetsModel model = model(params, ShardParams.SINGLE);
        assertTrue(model.signUp(0, "a@example.com", 0).succeeded());
        for (int write = 2; write <= 60; write++) {
            assertEquals(0, model.appendRow(0, write * 500L).throttles(), "write " + write);
        }

        CallOutcome sixtyFirst = model.appendRow(0, 59_000);

        assertEquals(CallOutcome.Status.OK, sixtyFirst.status());
        assertEquals(2, sixtyFirst.throttles());
        assertEquals(3, sixtyFirst.requests());
        assertEquals(1_900, sixtyFirst.latencyMillis());
    }

    @Test
    void throttledCallFailsWhenRetriesRunOut() {
        SheetsModel model = model(params(200, GridPolicy.DEFAULT_GRID, 0,
                CallerIdentity.SERVICE_ACCOUNT, new GoogleBackoff(32_000L, 0)), ShardParams.SINGLE);
        model.signUp(0, "a@example.com", 0);
        for (int write = 2; write <= 60; write++) {
            model.appendRow(0, write);
        }

        CallOutcome sixtyFirst = model.appendRow(0, 61);

        assertEquals(CallOutcome.Status.THROTTLED, sixtyFirst.status());
        assertEquals("WriteRequestsPerMinutePerUser", sixtyFirst.limit());
        assertEquals(59, model.rows(0));
    }

    @Test
    void projectQuotaPassesThreeHundredReads() {
        SheetsModel model = model(params(200, GridPolicy.DEFAULT_GRID, 0,
                CallerIdentity.END_USER, new GoogleBackoff(32_000L, 0)), ShardParams.SINGLE);
        for (int user = 0; user < 6; user++) {
            assertTrue(model.signUp(user, "u" + user + "@example.com", user).succeeded());
        }
        long minuteOne = MINUTE;
        for (int read = 0; read < 300; read++) {
            CallOutcome outcome = model.readBalance(read % 5, minuteOne + read);
            assertEquals(CallOutcome.Status.OK, outcome.status(), "read " + (read + 1));
        }

        CallOutcome threeHundredFirst = model.readBalance(5, minuteOne + 300);

        assertEquals(CallOutcome.Status.THROTTLED, threeHundredFirst.status());
        assertEquals("ReadRequestsPerMinute", threeHundredFirst.limit());
    }

    @Test
    void fullShardFailsSignUpWithoutSpilling() {
        SheetsModel model = model(params(2, GridPolicy.DEFAULT_GRID, 0,
                CallerIdentity.SERVICE_ACCOUNT, GoogleBackoff.DEFAULT), ShardParams.PLAN);
        CharSumRouter router = new CharSumRouter(5);
        String[] shardZero = emailsOnShard(router, 0, 3);

        assertTrue(model.signUp(0, shardZero[0], 0).succeeded());
        assertTrue(model.signUp(1, shardZero[1], MINUTE).succeeded());
        CallOutcome third = model.signUp(2, shardZero[2], 2 * MINUTE);

        assertEquals(CallOutcome.Status.CAPACITY, third.status());
        assertEquals(SheetsModel.TABS, third.limit());
        List<LimitGauge> gauges = model.gauges();
        assertEquals(2, gauges.get(0).used(), "workbook-0 tabs");
        assertEquals(0, gauges.get(2).used(), "workbook-1 tabs");
        assertEquals("sheets-sharded", model.name());
    }

    @Test
    void shardsShareOneQuotaPool() {
        SheetsModel model = model(params(200, GridPolicy.DEFAULT_GRID, 0,
                CallerIdentity.SERVICE_ACCOUNT, new GoogleBackoff(32_000L, 0)),
                new ShardParams(5, RouterKind.SHA256_PREFIX));
        for (int user = 0; user < 60; user++) {
            assertTrue(model.signUp(user, "u" + user + "@example.com", user).succeeded());
        }

        CallOutcome sixtyFirstWrite = model.appendRow(0, 100);

        assertEquals(CallOutcome.Status.THROTTLED, sixtyFirstWrite.status());
    }

    @Test
    void existingUsersStayInOriginalWorkbook() {
        SheetsModel single = model(SheetsParams.plan(ONE_MS), ShardParams.SINGLE);
        CharSumRouter router = new CharSumRouter(5);
        String onShardThree = emailsOnShard(router, 3, 1)[0];
        single.signUp(0, onShardThree, 0);
        single.appendRow(0, 10);
        single.appendRow(0, 20);

        SheetsModel sharded = model(SheetsParams.plan(ONE_MS), ShardParams.PLAN);
        sharded.adoptUsersFrom(single, 0);

        assertEquals(0, sharded.workbookOf(0));
        assertEquals(2, sharded.rows(0));
        assertTrue(sharded.appendRow(0, MINUTE).succeeded());
        assertEquals(3, sharded.rows(0));
    }

    @Test
    void readLatencyGrowsWithTabRows() {
        LatencyParams growing = new LatencyParams(
                dev.headroom.model.latency.LatencyShape.FIXED, 10.0, 0.0, 1.0);
        SheetsParams plan = SheetsParams.plan(growing);
        SheetsModel model = model(plan, ShardParams.SINGLE);
        model.signUp(0, "a@example.com", 0);
        for (int row = 0; row < 2_000; row++) {
            model.appendRow(0, MINUTE + row * 1_000L);
        }

        CallOutcome read = model.readBalance(0, 3_000 * MINUTE);

        assertEquals(12, read.latencyMillis());
    }

    @Test
    void writesTakeWriteLatency() {
        SheetsParams params = new SheetsParams(TabGuard.DEFAULT, 10_000_000L,
                GridPolicy.DEFAULT_GRID, Grid.DEFAULT, 10, 0, CallerIdentity.SERVICE_ACCOUNT,
                QuotaLimits.GOOGLE_DEFAULTS, WindowKind.FIXED, GoogleBackoff.DEFAULT,
                LatencyParams.fixed(100.0), LatencyParams.fixed(300.0));
        SheetsModel model = model(params, ShardParams.SINGLE);

        CallOutcome signUp = model.signUp(0, "a@example.com", 0);
        CallOutcome append = model.appendRow(0, MINUTE);
        CallOutcome read = model.readBalance(0, 2 * MINUTE);

        assertEquals(100 + 300, signUp.latencyMillis(), "a tab count and an added tab");
        assertEquals(300, append.latencyMillis());
        assertEquals(100, read.latencyMillis());
    }

    @Test
    void newTabsAndPresetTabsGetConfiguredGrid() {
        SheetsParams params = new SheetsParams(TabGuard.DEFAULT, 10_000_000L,
                GridPolicy.DEFAULT_GRID, new Grid(100, 12), 10, 1,
                CallerIdentity.SERVICE_ACCOUNT, QuotaLimits.GOOGLE_DEFAULTS, WindowKind.FIXED,
                GoogleBackoff.DEFAULT, ONE_MS, ONE_MS);
        SheetsModel model = model(params, ShardParams.SINGLE);

        model.signUp(0, "a@example.com", 0);
        long afterSignUp = model.gauges().get(1).used();
        for (int row = 1; row <= 101; row++) {
            model.appendRow(0, row * 1_000L);
        }

        assertEquals(2 * 100 * 12, afterSignUp, "the preset tab and the user's tab");
        assertEquals(100 * 12 + 101 * 12, model.gauges().get(1).used(),
                "row 101 grows the user's grid by one row of 12 columns");
    }

    @Test
    void sizedTabStartsAsOneRow() {
        // Under sized-to-row a new tab is one row as wide as a usage row, so 10 cells. The first
        // append fills that row and the second grows the grid to 2 rows, or 20 cells.
        SheetsModel model = model(params(200, GridPolicy.SIZED_TO_ROW, 0,
                CallerIdentity.SERVICE_ACCOUNT, GoogleBackoff.DEFAULT), ShardParams.SINGLE);

        assertTrue(model.signUp(0, "a@example.com", 0).succeeded());
        long afterSignUp = model.gauges().get(1).used();
        assertTrue(model.appendRow(0, MINUTE).succeeded());
        long afterFirstRow = model.gauges().get(1).used();
        assertTrue(model.appendRow(0, 2 * MINUTE).succeeded());
        long afterSecondRow = model.gauges().get(1).used();

        assertEquals(10, afterSignUp);
        assertEquals(10, afterFirstRow);
        assertEquals(20, afterSecondRow);
    }

    private static String[] emailsOnShard(CharSumRouter router, int shard, int count) {
        String[] emails = new String[count];
        int found = 0;
        for (int i = 0; found < count; i++) {
            String email = "user" + i + "@example.com";
            if (router.route(email) == shard) {
                emails[found++] = email;
            }
        }
        return emails;
    }
}
