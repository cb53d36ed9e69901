package dev.headroom.model.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.engine.RandomStream;
import dev.headroom.model.ArchiveCount;
import dev.headroom.model.CallOutcome;
import dev.headroom.model.LimitGauge;
import dev.headroom.model.latency.LatencyParams;
import dev.headroom.model.latency.LatencyShape;
import dev.headroom.sheets.limits.GoogleBackoff;
import dev.headroom.sheets.limits.Grid;
import dev.headroom.sheets.limits.QuotaLimits;
import dev.headroom.sheets.limits.TabGuard;
import dev.headroom.sheets.limits.WindowKind;
import org.junit.jupiter.api.Test;

class SheetsArchiveModelTest {

    private static final long SECOND = 1_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long DAY = 24 * 60 * MINUTE;
    private static final LatencyParams ONE_MS = LatencyParams.fixed(1.0);

    /** Keeps 90 days, runs every 100 days at 03:00, so the first run starts on day 100. */
    private static final ArchiveParams ARCHIVE =
            new ArchiveParams(90 * DAY, 100 * DAY, 3 * 60 * MINUTE, 10_000_000L, 0);
    private static final long FIRST_RUN = 100 * DAY + 3 * 60 * MINUTE;

    private static SheetsParams params(GridPolicy policy, QuotaLimits quotas,
            LatencyParams latency) {
        return new SheetsParams(TabGuard.DEFAULT, 10_000_000L, policy, Grid.DEFAULT, 10, 0,
                CallerIdentity.SERVICE_ACCOUNT, quotas, WindowKind.FIXED, GoogleBackoff.DEFAULT,
                latency, latency);
    }

    private static SheetsArchiveModel model(SheetsParams params) {
        SheetsModel sheets = new SheetsModel(params, ShardParams.SINGLE, new RandomStream(1),
                new RandomStream(2));
        return new SheetsArchiveModel(sheets, ARCHIVE, 0, null);
    }

    /** Signs the user up and appends {@code old} rows on day 0 and {@code recent} on day 80. */
    private static void fill(SheetsArchiveModel model, int user, int old, int recent) {
        assertTrue(model.signUp(user, "u" + user + "@example.com", user * SECOND).succeeded());
        for (int row = 0; row < old; row++) {
            assertTrue(model.appendRow(user, MINUTE + row * SECOND).succeeded());
        }
        for (int row = 0; row < recent; row++) {
            assertTrue(model.appendRow(user, 80 * DAY + row * SECOND).succeeded());
        }
    }

    /** Makes the job's calls until its first run finishes, and returns the run's end time. */
    private static long runFirst(SheetsArchiveModel model, long from) {
        long at = model.nextJobCallMillis(from);
        assertEquals(FIRST_RUN, at, "the first run starts at 03:00 on day 100");
        int before = model.finishedRuns().size();
        while (model.finishedRuns().size() == before) {
            at = model.runJobCall(at);
        }
        return model.finishedRuns().get(before).endMillis();
    }

    private static long cells(SheetsArchiveModel model) {
        return model.gauges().stream().filter(gauge -> gauge.limit().equals(SheetsModel.CELLS))
                .mapToLong(LimitGauge::used).sum();
    }

    @Test
    void job_movesOldRowsAndKeepsRecent() {
        SheetsArchiveModel model = model(params(GridPolicy.SIZED_TO_ROW,
                QuotaLimits.GOOGLE_DEFAULTS, ONE_MS));
        fill(model, 0, 30, 5);
        fill(model, 1, 0, 4);

        runFirst(model, 0);

        assertEquals(5, model.sheets().rows(0), "the recent rows stay");
        assertEquals(4, model.sheets().rows(1), "a tab with no old row keeps all");
        ArchiveCount count = model.archiveCount();
        assertEquals(1, count.runs());
        assertEquals(30, count.rowsMoved());
        // Both tabs are read; only the first has old rows to append and delete.
        assertEquals(4, count.calls());
        assertEquals(0, count.throttles());
        assertEquals(1, model.archiveWorkbooks());
        assertEquals(30 * 10, archiveCells(model), "one archive tab of 30 rows by 10 columns");
    }

    @Test
    void job_callsFollowOneAnotherInTime() {
        SheetsArchiveModel model = model(params(GridPolicy.SIZED_TO_ROW,
                QuotaLimits.GOOGLE_DEFAULTS, LatencyParams.fixed(500.0)));
        fill(model, 0, 3, 1);

        long end = runFirst(model, 0);

        assertEquals(FIRST_RUN + 3 * 500, end, "a read, an append and a delete of 500 ms each");
        assertEquals(3 * 500, model.archiveCount().busyMillis());
        assertEquals(ARCHIVE.firstRunAtOrAfter(end), model.nextJobCallMillis(end));
        assertEquals(FIRST_RUN + 100 * DAY, model.nextJobCallMillis(end));
    }

    @Test
    void sizedToRow_deleteFreesTenCellsARow() {
        SheetsArchiveModel model = model(params(GridPolicy.SIZED_TO_ROW,
                QuotaLimits.GOOGLE_DEFAULTS, ONE_MS));
        fill(model, 0, 300, 50);
        assertEquals(350 * 10, cells(model));

        runFirst(model, 0);

        assertEquals(50 * 10, cells(model));
    }

    @Test
    void defaultGrid_noOldRowsFreesNoCells() {
        SheetsArchiveModel model = model(params(GridPolicy.DEFAULT_GRID,
                QuotaLimits.GOOGLE_DEFAULTS, ONE_MS));
        fill(model, 0, 0, 50);
        assertEquals(1_000 * 26, cells(model));

        runFirst(model, 0);

        assertEquals(1_000 * 26, cells(model), "nothing old, nothing deleted, no cell freed");
    }

    @Test
    void defaultGrid_deleteShrinksGridBelowDefault() {
        SheetsArchiveModel model = model(params(GridPolicy.DEFAULT_GRID,
                QuotaLimits.GOOGLE_DEFAULTS, ONE_MS));
        fill(model, 0, 300, 50);
        assertEquals(1_000 * 26, cells(model), "350 rows fit the default grid");

        runFirst(model, 0);

        // deleteDimension removes the 300 rows from the 1,000-row grid, 26 columns wide.
        assertEquals(700 * 26, cells(model));
        assertEquals(1_000 * 26, archiveCells(model), "the archive tab gets the default grid");
        for (int row = 0; row < 650; row++) {
            assertTrue(model.appendRow(0, FIRST_RUN + DAY + row * SECOND).succeeded());
        }
        assertEquals(700 * 26, cells(model), "appends fill the shrunk grid before growing it");
        assertTrue(model.appendRow(0, FIRST_RUN + 2 * DAY).succeeded());
        assertEquals(701 * 26, cells(model));
    }

    @Test
    void smallQuota_throttlesJobAndUsers() {
        QuotaLimits small = new QuotaLimits(300, 60, 300, 2);
        SheetsArchiveModel model = model(params(GridPolicy.SIZED_TO_ROW, small, ONE_MS));
        // One write a minute, in time order, so the fills stay under the quota.
        for (int user = 0; user < 3; user++) {
            assertTrue(model.signUp(user, "u" + user + "@example.com", user * MINUTE)
                    .succeeded());
        }
        for (int user = 0; user < 3; user++) {
            assertTrue(model.appendRow(user, (10 + user) * MINUTE).succeeded());
        }
        for (int user = 0; user < 3; user++) {
            assertTrue(model.appendRow(user, 80 * DAY + user * MINUTE).succeeded());
        }

        long at = model.nextJobCallMillis(0);
        // The first user's read, append and delete: two writes, the minute's whole quota.
        for (int call = 0; call < 3; call++) {
            at = model.runJobCall(at);
        }
        CallOutcome userWrite = model.appendRow(2, at);
        while (model.finishedRuns().isEmpty()) {
            at = model.runJobCall(at);
        }

        ArchiveCount count = model.archiveCount();
        // Google's five retries wait about 31 s in all, less than a full minute, so a job call
        // can run out of them. Each user's one old row moves unless one of its calls failed.
        assertEquals(3, count.rowsMoved() + count.failedCalls());
        assertTrue(count.rowsMoved() > 0, "rows moved: " + count.rowsMoved());
        assertTrue(count.throttles() > 0, "job throttles: " + count.throttles());
        assertTrue(count.calls() > 9, "retries count as calls: " + count.calls());
        assertTrue(userWrite.throttles() > 0, "the user's write met the job's burst");
        assertEquals(userWrite.throttles(), count.userThrottles());
        long duration = model.finishedRuns().get(0).endMillis() - FIRST_RUN;
        assertEquals(count.busyMillis(), duration, "the calls follow one another");
        assertTrue(duration > MINUTE, "backoff stretches the run: " + duration + " ms");
    }

    @Test
    void balanceRead_latencyGrowsWithRecentRowsOnly() {
        // 1 ms plus 1,000 ms per 1,000 rows: 1 ms a row.
        LatencyParams perRow = new LatencyParams(LatencyShape.FIXED, 1.0, 0.0, 1_000.0);
        SheetsArchiveModel model = model(params(GridPolicy.SIZED_TO_ROW,
                QuotaLimits.GOOGLE_DEFAULTS, perRow));
        fill(model, 0, 400, 20);
        assertEquals(1 + 420, model.readBalance(0, 99 * DAY).latencyMillis());

        runFirst(model, 0);

        CallOutcome read = model.readBalance(0, 101 * DAY);
        assertEquals(1, read.requests(), "the archived balance is cached: no call");
        assertEquals(1 + 20, read.latencyMillis());
    }

    @Test
    void firstRun_afterGoLiveKeepsSchedule() {
        assertEquals(30 * DAY + 3 * 3_600_000L, new ArchiveParams(90 * DAY, 30 * DAY,
                3 * 3_600_000L, 1, 0).firstRunAtOrAfter(0));
        assertEquals(60 * DAY + 3 * 3_600_000L, new ArchiveParams(90 * DAY, 30 * DAY,
                3 * 3_600_000L, 1, 0).firstRunAtOrAfter(30 * DAY + 4 * 3_600_000L));
    }

    private static long archiveCells(SheetsArchiveModel model) {
        return model.gauges().stream()
                .filter(gauge -> gauge.limit().equals(SheetsArchiveModel.ARCHIVE_CELLS))
                .mapToLong(LimitGauge::used).sum();
    }
}
