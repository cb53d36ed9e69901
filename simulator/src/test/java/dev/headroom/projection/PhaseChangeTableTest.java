package dev.headroom.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.plan.PhaseChange;
import dev.headroom.run.PhaseInfo;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class PhaseChangeTableTest {

    private static final LocalDate START = LocalDate.parse("2026-01-01");
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final List<PhaseInfo> PHASES = List.of(new PhaseInfo("a", "sheets", 1, 200),
            new PhaseInfo("b", "postgres", 0, Long.MAX_VALUE),
            new PhaseInfo("c", "dynamodb", 0, Long.MAX_VALUE));

    /** Returns ten days: phase a until day 6, then b; a fails a request on day 4 only. */
    private static Table daily() {
        StringColumn date = StringColumn.create("date");
        StringColumn phase = StringColumn.create("phase");
        StringColumn migratingTo = StringColumn.create("migrating_to");
        LongColumn failedRequests = LongColumn.create("failed_requests");
        for (int day = 0; day < 10; day++) {
            date.append(START.plusDays(day).toString());
            phase.append(day < 6 ? "a" : "b");
            migratingTo.append(day >= 2 && day < 6 ? "b" : "");
            failedRequests.append(day == 4 ? 1 : 0);
        }
        return Table.create("daily", date, phase, migratingTo, failedRequests,
                LongColumn.create("failed_sign_ups", new long[10]));
    }

    @Test
    void startBy_partDayLead_roundsUp() {
        assertEquals("2026-03-07",
                PhaseChangeTable.startBy("2026-03-09", 36 * 3_600_000L, "2026-01-01"));
        assertEquals("2026-03-08", PhaseChangeTable.startBy("2026-03-09", DAY, "2026-01-01"));
        assertEquals("2026-03-09", PhaseChangeTable.startBy("2026-03-09", 0, "2026-01-01"));
    }

    @Test
    void startBy_leadPastRunStart() {
        long hundredYears = Duration.ofDays(100 * 365L).toMillis();

        assertEquals("2025-12-31",
                PhaseChangeTable.startBy("2026-01-05", 5 * DAY, "2026-01-01"));
        assertEquals("2025-12-31",
                PhaseChangeTable.startBy("2026-01-05", hundredYears, "2026-01-01"));
        assertEquals("2026-01-01",
                PhaseChangeTable.startBy("2026-01-05", 4 * DAY, "2026-01-01"));
        // Without the bound, 100 years before 0050-01-03 is a day of the year -50.
        assertEquals("0049-12-31",
                PhaseChangeTable.startBy("0050-01-03", hundredYears, "0050-01-01"));
    }

    @Test
    void beforeRun_comparesWithRunStart() {
        assertEquals(true, PhaseChangeTable.beforeRun("2025-12-31", "2026-01-01"));
        assertEquals(false, PhaseChangeTable.beforeRun("2026-01-01", "2026-01-01"));
        assertEquals(false, PhaseChangeTable.beforeRun(PhaseChangeTable.NO_FAILURE,
                "2026-01-01"));
    }

    @Test
    void build_leadPastRunStart() {
        // a fails on 2026-01-05, and b's lead time of a year reaches back past the run's start.
        Table table = PhaseChangeTable.build(daily(), PHASES, List.of(
                new PhaseChange(0, 1, "users >= 10", 2 * DAY, 365 * DAY, -1, 10, 0, 0)), START);

        assertEquals(List.of("2025-12-31"), table.stringColumn("start_by").asList());
    }

    @Test
    void build_failedOldPhase_showsStartBy() {
        // a fails on 2026-01-05; b's lead time of four days means a start by 2026-01-01.
        Table table = PhaseChangeTable.build(daily(), PHASES, List.of(
                new PhaseChange(0, 1, "users >= 10", 2 * DAY, 4 * DAY, 6 * DAY, 10, 0, 0),
                new PhaseChange(1, 2, "users >= 20", 8 * DAY, DAY, -1, 20, 0, 0)), START);

        assertEquals(List.of("2026-01-03", "2026-01-09"),
                table.stringColumn("started").asList());
        assertEquals(List.of("2026-01-01", PhaseChangeTable.NO_FAILURE),
                table.stringColumn("start_by").asList());
        assertEquals(List.of("2026-01-07", PhaseChangeTable.NOT_LIVE),
                table.stringColumn("live").asList());
        assertEquals(List.of(1L, 0L), table.longColumn("failed_requests_while_migrating")
                .asList());
    }
}
