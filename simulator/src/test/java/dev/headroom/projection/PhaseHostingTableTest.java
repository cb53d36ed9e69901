package dev.headroom.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.headroom.model.HostingCost;
import dev.headroom.run.DayRecord;
import dev.headroom.run.PhaseInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class PhaseHostingTableTest {

    private static final List<PhaseInfo> PHASES = List.of(
            new PhaseInfo("sheets", "sheets", 1, 200),
            new PhaseInfo("dynamodb", "dynamodb", 0, Long.MAX_VALUE),
            new PhaseInfo("dax", "dynamodb + dax", 0, Long.MAX_VALUE),
            new PhaseInfo("never", "postgres", 0, Long.MAX_VALUE));

    /**
     * Returns 10 days. Sheets serves days 0 to 3 for free, but the migration to DynamoDB
     * writes 5 micro-dollars of backfill on days 2 and 3. DynamoDB serves days 4 to 6 at 7 of
     * reads and 2 of writes a day, and the move to DAX starts on day 6, whose two nodes bill
     * 24 * 2 * $0.04 = $1.92 a day from then on. DAX serves days 7 to 9 at 1 of reads and 2 of
     * writes a day. The last phase never serves.
     */
    private static List<DayRecord> days() {
        List<DayRecord> days = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
            String phase = "dax";
            if (day < 4) {
                phase = "sheets";
            } else if (day < 7) {
                phase = "dynamodb";
            }
            HostingCost cost = HostingCost.NONE;
            if (day == 2 || day == 3) {
                cost = cost.plus("dynamodb_write_units", 5);
            }
            if (day >= 4) {
                cost = cost.plus("dynamodb_write_units", 2)
                        .plus("dynamodb_read_units", day < 7 ? 7 : 1);
            }
            if (day >= 6) {
                cost = cost.plus("dax_nodes", 1_920_000);
            }
            days.add(DailyTableTest.day(day, phase, cost, List.of()));
        }
        return days;
    }

    @Test
    void build_oneRowPerPhaseAndPaidComponent_inPlanThenComponentOrder() {
        Table table = PhaseHostingTable.build(DailyTable.build(days()), PHASES);

        assertEquals(List.of("phase", "component", "hosting_cost_micros"), table.columnNames());
        // sheets paid for the backfill only; never served no day, so it has no row.
        assertEquals(List.of("sheets", "dynamodb", "dynamodb", "dynamodb", "dax", "dax", "dax",
                "total"), table.stringColumn("phase").asList());
        assertEquals(List.of("dynamodb_write_units", "dynamodb_write_units",
                "dynamodb_read_units", "dax_nodes", "dynamodb_write_units",
                "dynamodb_read_units", "dax_nodes", ""),
                table.stringColumn("component").asList());
        assertEquals(List.of(
                        2 * 5L, // sheets' backfill on days 2 and 3
                        3 * 2L, 3 * 7L, 1_920_000L, // dynamodb's days 4 to 6, DAX from day 6
                        3 * 2L, 3 * 1L, 3 * 1_920_000L, // dax's days 7 to 9
                        10L + 6 + 21 + 1_920_000 + 6 + 3 + 5_760_000),
                table.longColumn("hosting_cost_micros").asList());
    }

    @Test
    void build_phasesEqualPhaseCostsAndComponentsEqualYears() {
        Table daily = DailyTable.build(days());

        Table table = PhaseHostingTable.build(daily, PHASES);
        Table phaseCosts = PhaseCostTable.build(daily, PHASES, List.of(), 0);
        Table years = HostingComponentTable.build(daily);

        for (int row = 0; row < phaseCosts.rowCount() - 1; row++) {
            String phase = phaseCosts.stringColumn("phase").get(row);
            assertEquals(phaseCosts.longColumn("hosting_cost_micros").getLong(row),
                    sumWhere(table, "phase", phase), phase);
        }
        for (String component : List.of("dynamodb_write_units", "dynamodb_read_units",
                "dax_nodes")) {
            LongColumn byYear = years.longColumn(component + "_micros");
            assertEquals(byYear.getLong(byYear.size() - 1), sumWhere(table, "component",
                    component), component);
        }
        assertEquals(lastRow(years.longColumn("hosting_cost_micros")),
                lastRow(table.longColumn("hosting_cost_micros")));
    }

    @Test
    void build_freeRun_hasOnlyTheTotalRow() {
        List<DayRecord> days = List.of(
                DailyTableTest.day(0, "sheets", HostingCost.NONE, List.of()));

        Table table = PhaseHostingTable.build(DailyTable.build(days), PHASES);

        assertEquals(List.of("total"), table.stringColumn("phase").asList());
        assertEquals(List.of(""), table.stringColumn("component").asList());
        assertEquals(List.of(0L), table.longColumn("hosting_cost_micros").asList());
    }

    @Test
    void build_componentsShortOfHosting_throws() {
        Table daily = Table.create("daily",
                StringColumn.create("phase", "dynamodb"),
                LongColumn.create("hosting_cost_micros", new long[] {10}),
                LongColumn.create(DailyTable.HOSTING + "dax_nodes_micros", new long[] {9}));

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> PhaseHostingTable.build(daily, PHASES));

        assertEquals("hosting components of phase dynamodb add up to 9 micro-dollars, not the"
                + " phase's 10", error.getMessage());
    }

    @Test
    void componentName_stripsPrefixAndSuffix() {
        assertEquals("s3_archive_puts",
                PhaseHostingTable.componentName("hosting:s3_archive_puts_micros"));
    }

    /** Returns the sum of the hosting of the rows, total row excluded, with a column's value. */
    private static long sumWhere(Table table, String column, String value) {
        long sum = 0;
        for (int row = 0; row < table.rowCount() - 1; row++) {
            if (table.stringColumn(column).get(row).equals(value)) {
                sum += table.longColumn("hosting_cost_micros").getLong(row);
            }
        }
        return sum;
    }

    private static long lastRow(LongColumn column) {
        return column.getLong(column.size() - 1);
    }
}
