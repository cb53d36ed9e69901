package dev.headroom.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class SweepTablesTest {

    private static final String NEVER = SweepTables.NOT_REACHED;
    private static final PlanOutline PLAN = plan("2025-06-01", Duration.ofDays(7), "a", "b");

    /** Returns a plan whose phases after the first all have lead time {@code lead}. */
    private static PlanOutline plan(String startDate, Duration lead, String... phases) {
        Map<String, Duration> leadTimes = new LinkedHashMap<>();
        for (String phase : phases) {
            leadTimes.put(phase, leadTimes.isEmpty() ? Duration.ZERO : lead);
        }
        return new PlanOutline(leadTimes, startDate);
    }

    /**
     * Builds a limit timeline of a quota row and a cells row, where 0 users means none. A limit
     * binds in phase {@code a} before February 2026 and in phase {@code b} from then on.
     */
    private static Table limits(String quotaDate, String cellsDate, long cellsUsers) {
        LongColumn users = LongColumn.create("users");
        for (long value : new long[] {0, cellsUsers}) {
            if (value == 0) {
                users.appendMissing();
            } else {
                users.append(value);
            }
        }
        return Table.create("limits", StringColumn.create("limit", "quota", "cells"),
                StringColumn.create("kind", "quota", "capacity"),
                StringColumn.create("binds_on", quotaDate, cellsDate), users,
                StringColumn.create("phase", phaseOf(quotaDate), phaseOf(cellsDate)));
    }

    private static String phaseOf(String date) {
        if (date.equals(NEVER)) {
            return "";
        }
        return date.compareTo("2026-02") < 0 ? "a" : "b";
    }

    /** Builds the phase changes of moves from a to b that started on the given days. */
    private static Table changes(String... starts) {
        StringColumn from = StringColumn.create("from");
        StringColumn to = StringColumn.create("to");
        StringColumn reason = StringColumn.create("reason");
        StringColumn live = StringColumn.create("live");
        LongColumn notCopied = LongColumn.create("rows_not_copied");
        for (String start : starts) {
            from.append("a");
            to.append("b");
            reason.append(start.startsWith("2026") ? "users >= 10" : "p95_latency > 2s");
            live.append(start.replace("-01", "-20"));
            notCopied.append(0);
        }
        return Table.create("phase-changes", from, to, reason, StringColumn.create("started",
                starts), live, notCopied);
    }

    /** Builds an outage table: failures with no migration under way, then while migrating. */
    private static Table outages(long idleRequests, long migratingRequests, long signUps) {
        return Table.create("outages", StringColumn.create("phase", "a", "a"),
                StringColumn.create("situation", "no migration under way", "migrating to b"),
                StringColumn.create("first_failure", "2026-04-02", "2026-03-09"),
                LongColumn.create("failed_requests", idleRequests, migratingRequests),
                LongColumn.create("failed_sign_ups", signUps, 0));
    }

    private static Table noOutages() {
        return outages(0, 0, 0).emptyCopy();
    }

    private static SeedOutcome outcome(long seed, Table limits, long cost) {
        return new SeedOutcome(seed, limits, changes(), outages(seed * 10, seed, seed), cost);
    }

    @Test
    void limits_oddCount_medianIsMiddle() {
        Table table = SweepTables.limits(List.of(
                outcome(1, limits(NEVER, "2026-03-01", 300), 0),
                outcome(2, limits(NEVER, "2026-01-01", 100), 0),
                outcome(3, limits(NEVER, "2026-02-01", 200), 0)));

        assertEquals(List.of("cells", "capacity", "3", "3", "2026-01-01", "2026-01-01",
                "2026-02-01", "2026-03-01", "2026-03-01", "200", "b: 2; a: 1"),
                rowText(table, 1));
    }

    @Test
    void limits_mostSeedsNever_medianNotReached() {
        Table table = SweepTables.limits(List.of(
                outcome(1, limits("2026-05-01", NEVER, 0), 0),
                outcome(2, limits(NEVER, NEVER, 0), 0),
                outcome(3, limits(NEVER, "2026-01-01", 7), 0)));

        assertEquals(List.of("quota", "quota", "1", "3", "2026-05-01", "2026-05-01", NEVER,
                NEVER, NEVER, "", "b: 1"), rowText(table, 0));
        assertEquals(List.of("cells", "capacity", "1", "3", "2026-01-01", "2026-01-01", NEVER,
                NEVER, NEVER, "", "a: 1"), rowText(table, 1));
    }

    @Test
    void limits_evenCount_medianIsLowerMiddle() {
        Table table = SweepTables.limits(List.of(
                outcome(1, limits(NEVER, NEVER, 0), 0),
                outcome(2, limits(NEVER, "2026-02-01", 20), 0),
                outcome(3, limits(NEVER, "2026-01-01", 10), 0),
                outcome(4, limits(NEVER, "2026-03-01", 30), 0)));

        assertEquals(List.of("2026-01-01", "2026-01-01", "2026-02-01", NEVER, NEVER, "20",
                "b: 2; a: 1"), rowText(table, 1).subList(4, 11));
    }

    @Test
    void changes_halfOfSeeds_medianIsTheirDate() {
        Table table = SweepTables.changes(List.of(
                new SeedOutcome(1, limits(NEVER, NEVER, 0), changes("2026-04-01", "2026-06-01"),
                        noOutages(), 0),
                new SeedOutcome(2, limits(NEVER, NEVER, 0), changes(), noOutages(), 0)),
                PLAN);

        assertEquals(List.of("a -> b", "1", "2", "2026-04-01", "2026-04-01", "2026-04-01", NEVER,
                NEVER, "2026-04-20", "users >= 10: 1", NEVER, "0", "0", "0", NEVER, "0"),
                rowText(table, 0));
    }

    @Test
    void changes_rowsNotCopied_seedsCounted() {
        Table lossy = changes("2026-04-01");
        lossy.longColumn("rows_not_copied").set(0, 7L);
        Table table = SweepTables.changes(List.of(
                new SeedOutcome(1, limits(NEVER, NEVER, 0), lossy, noOutages(), 0),
                new SeedOutcome(2, limits(NEVER, NEVER, 0), changes("2026-05-01"), noOutages(),
                        0),
                new SeedOutcome(3, limits(NEVER, NEVER, 0), changes(), noOutages(), 0)),
                PLAN);

        assertEquals(List.of(1L), table.longColumn("rows_not_copied_in").asList());
        assertEquals("rows_not_copied_in", table.columnNames().get(table.columnCount() - 1));
    }

    @Test
    void changes_oneOfThreeMade_medianLiveIsItsDate() {
        Table table = SweepTables.changes(List.of(
                new SeedOutcome(1, limits(NEVER, NEVER, 0), changes("2026-04-01"), noOutages(), 0),
                new SeedOutcome(2, limits(NEVER, NEVER, 0), changes(), noOutages(), 0),
                new SeedOutcome(3, limits(NEVER, NEVER, 0), changes(), noOutages(), 0)),
                PLAN);

        assertEquals(1L, table.longColumn("made_in").get(0));
        assertEquals("2026-04-20", table.stringColumn("median_live").get(0));
    }

    @Test
    void changes_twoConditions_countedApart() {
        Table table = SweepTables.changes(List.of(
                new SeedOutcome(1, limits(NEVER, NEVER, 0), changes("2026-04-01"), noOutages(), 0),
                new SeedOutcome(2, limits(NEVER, NEVER, 0), changes("2025-12-01"), noOutages(), 0),
                new SeedOutcome(3, limits(NEVER, NEVER, 0), changes("2026-05-01"), noOutages(),
                        0)), PLAN);

        assertEquals(List.of("2025-12-01", "2026-04-01", "2026-05-01", "2026-04-20",
                "users >= 10: 2; p95_latency > 2s: 1"), List.of(rowText(table, 0).get(3),
                rowText(table, 0).get(5), rowText(table, 0).get(7), rowText(table, 0).get(8),
                rowText(table, 0).get(9)));
    }

    @Test
    void changes_oldPhaseFailed_leadTimeSubtracted() {
        // Phase a first fails on 2026-03-09 in every seed with outages. A lead time of 36
        // hours rounds up to 2 days, so the move had to start by 2026-03-07.
        Table table = SweepTables.changes(List.of(
                new SeedOutcome(1, limits(NEVER, NEVER, 0), changes("2026-03-07"),
                        outages(5, 1, 0), 0),
                new SeedOutcome(2, limits(NEVER, NEVER, 0), changes("2026-03-08"),
                        outages(5, 1, 0), 0),
                new SeedOutcome(3, limits(NEVER, NEVER, 0), changes(), outages(5, 0, 0), 0),
                new SeedOutcome(4, limits(NEVER, NEVER, 0), changes("2026-06-01"), noOutages(),
                        0)),
                plan("2025-06-01", Duration.ofHours(36), "a", "b"));

        assertEquals(List.of("2026-03-07", "2"), rowText(table, 0).subList(10, 12));
    }

    @Test
    void changes_usersTrigger_usersBeforeStartBy() {
        // Phase a first fails on 2026-03-09, so with 7 days of lead time the move had to start
        // by 2026-03-02: a users trigger had to fire when 2026-03-01 ended, day 3 of a run that
        // began on 2026-02-26. Ten seeds put the 10th percentile at the lowest count.
        long[] users = {10, 20, 30, 40, 50, 60};
        List<SeedOutcome> outcomes = new ArrayList<>();
        for (int seed = 1; seed <= 10; seed++) {
            long[] scaled = Arrays.stream(users).map(count -> count * 2).toArray();
            outcomes.add(new SeedOutcome(seed, limits(NEVER, NEVER, 0), changes("2026-03-07"),
                    outages(5, 1, 0), 0, seed == 4 ? users : scaled));
        }
        Table table = SweepTables.changes(outcomes, plan("2026-02-26", Duration.ofDays(7),
                "a", "b"));

        assertEquals("40", rowText(table, 0).get(14));
    }

    @Test
    void changes_noTimeSeed_leftOutOfP10s() {
        // In a run that began on 2026-02-26, seed 1's phase a fails on 2026-03-04, so with 7
        // days of lead time its move had to start by 2026-02-25, before any trigger on a was
        // checked. Seed 2's fails on 2026-03-09, so a users trigger had to fire when
        // 2026-03-01, day 3, ended. Only seed 2's count helps a trigger on a.
        List<SeedOutcome> outcomes = List.of(
                new SeedOutcome(1, limits(NEVER, NEVER, 0), changes("2026-03-07"),
                        failures("a", "2026-03-04"), 0, new long[] {10, 20, 30, 40, 50}),
                new SeedOutcome(2, limits(NEVER, NEVER, 0), changes("2026-03-07"),
                        failures("a", "2026-03-09"), 0, new long[] {11, 21, 31, 41, 51}));
        PlanOutline plan = plan("2026-02-26", Duration.ofDays(7), "a", "b");

        Table both = SweepTables.changes(outcomes, plan);
        Table first = SweepTables.changes(outcomes.subList(0, 1), plan);

        assertEquals(List.of("1", "41"), List.of(rowText(both, 0).get(12),
                rowText(both, 0).get(14)));
        assertEquals(List.of("1", NEVER), List.of(rowText(first, 0).get(12),
                rowText(first, 0).get(14)));
        // start_by_p10 counts seed 2 alone, and seed 1 only when no seed had time.
        assertEquals("2026-03-02", rowText(both, 0).get(10));
        assertEquals("2026-02-25", rowText(first, 0).get(10));
    }

    @Test
    void changes_usersTriggerNeverFailed_notReached() {
        Table table = SweepTables.changes(List.of(new SeedOutcome(1, limits(NEVER, NEVER, 0),
                changes("2026-01-01"), noOutages(), 0, new long[] {1, 2, 3})), PLAN);

        assertEquals(NEVER, rowText(table, 0).get(14));
    }

    @Test
    void changes_noLeadTime_failureDay() {
        Table table = SweepTables.changes(List.of(
                new SeedOutcome(1, limits(NEVER, NEVER, 0), changes("2026-01-01"),
                        outages(5, 0, 0), 0),
                new SeedOutcome(2, limits(NEVER, NEVER, 0), changes("2026-01-01"), noOutages(),
                        0)),
                plan("2025-06-01", Duration.ZERO, "a", "b"));

        assertEquals(List.of("2026-03-09", "0"), rowText(table, 0).subList(10, 12));
    }

    @Test
    void changes_neverFailed_notReached() {
        Table table = SweepTables.changes(List.of(
                new SeedOutcome(1, limits(NEVER, NEVER, 0), changes("2026-01-01"), noOutages(),
                        0),
                new SeedOutcome(2, limits(NEVER, NEVER, 0), changes(), noOutages(), 0)),
                PLAN);

        assertEquals(List.of(NEVER, "0"), rowText(table, 0).subList(10, 12));
    }

    @Test
    void changes_failedTooSoon_noTime() {
        // Phase a first fails on 2026-03-09, so with 7 days of lead time the move had to
        // start by 2026-03-02. A run that began on 2026-03-02 could start it on 03-03 at the
        // earliest; one that began on 2026-03-01 could start it on 03-02.
        List<SeedOutcome> outcomes = List.of(new SeedOutcome(1, limits(NEVER, NEVER, 0),
                changes("2026-03-07"), outages(5, 1, 0), 0));
        Table tooSoon = SweepTables.changes(outcomes, plan("2026-03-02", Duration.ofDays(7),
                "a", "b"));
        Table justInTime = SweepTables.changes(outcomes, plan("2026-03-01", Duration.ofDays(7),
                "a", "b"));

        assertEquals(List.of("2026-03-02", "1", "1"), rowText(tooSoon, 0).subList(10, 13));
        assertEquals(List.of("2026-03-02", "1", "0"), rowText(justInTime, 0).subList(10, 13));
    }

    @Test
    void changes_moveNoSeedMade_listed() {
        Table table = SweepTables.changes(List.of(
                new SeedOutcome(1, limits(NEVER, NEVER, 0), changes(), outages(5, 0, 0), 0),
                new SeedOutcome(2, limits(NEVER, NEVER, 0), changes(), noOutages(), 0)),
                plan("2025-06-01", Duration.ofDays(7), "a", "b", "c"));

        assertEquals(1, table.rowCount());
        assertEquals(List.of("a -> b", "0", "2", NEVER, NEVER, NEVER, NEVER, NEVER, NEVER, "",
                "2026-03-02", "1", "0", "0", NEVER, "0"), rowText(table, 0));
    }

    @Test
    void changes_bothPhasesFailed_counted() {
        Table failedInA = failures("a", "2026-05-01");
        Table failedInB = failures("b", "2026-05-01");
        Table failedInBoth = failedInA.copy().append(failedInB);
        Table table = SweepTables.changes(List.of(
                new SeedOutcome(1, limits(NEVER, NEVER, 0), changes("2026-01-01"), failedInB, 0),
                new SeedOutcome(2, limits(NEVER, NEVER, 0), changes("2026-01-01"), failedInBoth,
                        0)),
                PLAN);

        assertEquals("1", rowText(table, 0).get(13));
    }

    @Test
    void changes_phaseLiveAfterMidnight_firstCheckedNextDay() {
        // Phase b went live on 2026-01-02, at noon with its 36-hour lead time, so its triggers
        // were first checked when 01-03 ended and a move off it started on 01-04 at the
        // earliest. Phase b first failed on 01-10; c's 7 days make the start-by day 01-03.
        Table changes = Table.create("phase-changes", StringColumn.create("from", "a", "b"),
                StringColumn.create("to", "b", "c"),
                StringColumn.create("reason", "users >= 10", "users >= 20"),
                StringColumn.create("started", "2026-01-01", "2026-01-05"),
                StringColumn.create("live", "2026-01-02", "2026-01-12"),
                LongColumn.create("rows_not_copied", 0, 0));
        List<SeedOutcome> outcomes = List.of(new SeedOutcome(1, limits(NEVER, NEVER, 0),
                changes, failures("b", "2026-01-10"), 0));
        Map<String, Duration> noon = new LinkedHashMap<>(Map.of("a", Duration.ZERO));
        noon.put("b", Duration.ofHours(36));
        noon.put("c", Duration.ofDays(7));
        Map<String, Duration> midnight = new LinkedHashMap<>(noon);
        midnight.put("b", Duration.ofDays(1));

        Table late = SweepTables.changes(outcomes, new PlanOutline(noon, "2025-12-01"));
        Table inTime = SweepTables.changes(outcomes, new PlanOutline(midnight, "2025-12-01"));

        assertEquals(List.of("b -> c", "2026-01-03", "1"), List.of(rowText(late, 1).get(0),
                rowText(late, 1).get(10), rowText(late, 1).get(12)));
        assertEquals("0", rowText(inTime, 1).get(12));
    }

    /** Returns an outage table of one failure in {@code phase} on {@code day}. */
    private static Table failures(String phase, String day) {
        return Table.create("outages", StringColumn.create("phase", phase),
                StringColumn.create("situation", "no migration under way"),
                StringColumn.create("first_failure", day),
                LongColumn.create("failed_requests", new long[] {3}),
                LongColumn.create("failed_sign_ups", new long[] {0}));
    }

    @Test
    void runs_tiedDates_firstListedWins() {
        Table table = SweepTables.runs(List.of(
                outcome(1, limits("2026-02-01", "2026-01-01", 5), 100),
                outcome(2, limits("2026-01-01", "2026-01-01", 6), 200),
                new SeedOutcome(3, limits(NEVER, NEVER, 0), changes(), noOutages(), 300)));

        assertEquals(List.of("1", "cells", "a", "2026-01-01", "5", "0", "2026-03-09", "11",
                "10", "1", "100"), rowText(table, 0));
        assertEquals(List.of("2", "quota", "a", "2026-01-01", "", "0", "2026-03-09", "22",
                "20", "2", "200"), rowText(table, 1));
        assertEquals(List.of("3", "none", "", NEVER, "", "0", "none", "0", "0", "0", "300"),
                rowText(table, 2));
    }

    @Test
    void totals_fourSeeds_percentilesByRank() {
        Table table = SweepTables.totals(List.of(outcome(4, limits(NEVER, NEVER, 0), 50),
                outcome(1, limits(NEVER, NEVER, 0), 70), outcome(2, limits(NEVER, NEVER, 0), 10),
                outcome(3, limits(NEVER, NEVER, 0), 30)));

        assertEquals(List.of(10L, 10L, 30L, 70L, 70L),
                table.longColumn("total_cost_micros").asList());
        assertEquals(List.of(11L, 11L, 22L, 44L, 44L),
                table.longColumn("failed_requests").asList());
        assertEquals(List.of(10L, 10L, 20L, 40L, 40L),
                table.longColumn("failed_requests_no_migration").asList());
    }

    private static List<String> rowText(Table table, int row) {
        return table.columns().stream().map(column -> column.isMissing(row) ? ""
                : column.getString(row)).toList();
    }
}
