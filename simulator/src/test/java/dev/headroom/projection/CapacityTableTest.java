package dev.headroom.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.headroom.run.PhaseInfo;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CapacityTableTest {

    /** Returns two days on one workbook, then two on PostgreSQL with a failed sign-up. */
    private static Table daily() {
        return Table.create("daily",
                StringColumn.create("date", "2025-01-01", "2025-01-02", "2025-01-03",
                        "2025-01-04"),
                StringColumn.create("phase", "sheet", "sheet", "postgres", "postgres"),
                LongColumn.create("users", 10, 20, 30, 40),
                LongColumn.create("failed_sign_ups", 0, 0, 0, 3));
    }

    @Test
    void nominal_noTabLimit_namedAsSuch() {
        Table capacity = CapacityTable.build(daily(), List.of(
                new PhaseInfo("sheet", "sheets", 1, 200),
                new PhaseInfo("postgres", "postgres", 0, Long.MAX_VALUE)));

        assertEquals(List.of("200", CapacityTable.NO_TAB_LIMIT),
                capacity.stringColumn("nominal_max_users").asList());
        assertEquals("40", capacity.stringColumn("users_at_first_failed_sign_up").get(1));
    }

    @Test
    void cellsPerYear_tenThousandWorkbooks_fast() {
        // Every day carries the gauges of 10,000 workbooks, two columns per workbook.
        Table daily = daily();
        for (int workbook = 0; workbook < 10_000; workbook++) {
            daily.internalAddWithoutValidation(LongColumn.create("tabs:workbook-" + workbook,
                    1, 2, 3, 4));
            daily.internalAddWithoutValidation(LongColumn.create("cells:workbook-" + workbook,
                    0, 1, 2, 3));
        }

        Table capacity = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> CapacityTable.build(daily, List.of(
                        new PhaseInfo("sheet", "sheets-sharded", 10_000, 2_000_000),
                        new PhaseInfo("postgres", "sheets-sharded", 10_000, 2_000_000))));

        // Each phase's cells grew by 10,000 in one day.
        assertEquals(List.of("3650000", "3650000"),
                capacity.stringColumn("cells_per_year").asList());
    }

    @Test
    void cellsPerYear_goLiveAfterMidnight_leavesOutPartDay() {
        // The sheet grows 100 cells a day, and at 12:00 on 2025-01-03 postgres goes live.
        LongColumn cells = LongColumn.create("cells:workbook-0", 100, 200, 250, 0, 0);
        cells.setMissing(3);
        cells.setMissing(4);
        Table daily = Table.create("daily",
                StringColumn.create("date", "2025-01-01", "2025-01-02", "2025-01-03",
                        "2025-01-03", "2025-01-04"),
                StringColumn.create("phase", "sheet", "sheet", "sheet", "postgres", "postgres"),
                LongColumn.create("users", 10, 20, 25, 30, 40),
                LongColumn.create("failed_sign_ups", 0, 0, 0, 0, 0),
                cells);

        Table capacity = CapacityTable.build(daily, List.of(
                new PhaseInfo("sheet", "sheets", 1, 200),
                new PhaseInfo("postgres", "postgres", 0, Long.MAX_VALUE)));

        assertEquals("36500", capacity.stringColumn("cells_per_year").get(0));
        assertEquals(1, CapacityTable.cellGrowth(daily, "sheet").orElseThrow().days());
    }

    @Test
    void cellsPerYear_cellsFall_followsTrend() {
        // An archive run on the third day: 1,000, 1,400, 1,200 and 1,600 cells. The least-squares
        // slope is 800 / 5 = 160 cells a day, where the first and last day alone give 200.
        Table daily = Table.create("daily",
                StringColumn.create("date", "2025-01-01", "2025-01-02", "2025-01-03",
                        "2025-01-04"),
                StringColumn.create("phase", "sheet", "sheet", "sheet", "sheet"),
                LongColumn.create("users", 10, 20, 30, 40),
                LongColumn.create("failed_sign_ups", 0, 0, 0, 0),
                LongColumn.create("cells:workbook-0", 1_000, 1_400, 1_200, 1_600));

        Table capacity = CapacityTable.build(daily, List.of(
                new PhaseInfo("sheet", "sheets", 1, 200)));

        assertEquals("58400", capacity.stringColumn("cells_per_year").get(0));
        assertEquals(new CapacityTable.CellGrowth(58_400, 3, true),
                CapacityTable.cellGrowth(daily, "sheet").orElseThrow());
    }
}
