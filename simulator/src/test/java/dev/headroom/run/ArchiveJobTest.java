package dev.headroom.run;

import static dev.headroom.run.RunScenarios.THREE_USERS;
import static dev.headroom.run.RunScenarios.columnSum;
import static dev.headroom.run.RunScenarios.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.model.LimitGauge;
import dev.headroom.projection.Projections;
import dev.headroom.report.ArchiveJobNote;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The Sheets archive job: its schedule, calls, cost and limits. */
class ArchiveJobTest {

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

    @Test
    void archive_nextShardedPhaseKeepsTheShrunkGrids() throws Exception {
        // Under the default grid, the run on day 10 deletes each tab's old rows and so shrinks
        // its 1,000-row grid. The sharded phase that goes live on day 12 keeps workbook 0 and
        // its tabs as they are; the model once gave each tab the default grid again, so the
        // workbook's cells jumped back up at the go-live.
        String yaml = archivedThreeUsers().replace("\n  grid_mode: sized-to-row", "").replace(
                "      backend: {kind: sheets, features: [archive]}",
                "      backend: {kind: sheets, features: [archive]}\n"
                        + "      next_when: {date: 2025-01-18}\n"
                        + "    - name: two-shards\n"
                        + "      backend: {kind: sheets-sharded, workbooks: 2}");
        RunResult result = run(yaml);

        DayRecord before = result.days().get(11);
        DayRecord live = result.days().get(12);
        assertEquals("single-sheet", before.phase());
        assertEquals("two-shards", live.phase());
        long shrunk = workbookZeroCells(before);
        assertTrue(shrunk < 3 * 1_000 * 26, "the run on day 10 shrank the grids: " + shrunk);
        // The rows appended on day 12 fill the shrunk grids, which are far from full.
        assertEquals(shrunk, workbookZeroCells(live));
    }

    private static long workbookZeroCells(DayRecord day) {
        return day.gauges().stream().filter(gauge -> gauge.limit().equals("cells")
                && gauge.resource().equals("workbook-0")).mapToLong(LimitGauge::used).sum();
    }

    private static long cells(DayRecord day) {
        return day.gauges().stream().filter(gauge -> gauge.limit().equals("cells"))
                .mapToLong(LimitGauge::used).sum();
    }
}
