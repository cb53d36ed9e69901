package dev.headroom.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.model.HostingCost;
import dev.headroom.run.DayRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class HostingComponentTableTest {

    /**
     * Returns 367 days. Sheets serves for free up to day 199, then one DAX node at $0.04 an
     * hour runs from day 200, and read units cost 3 micro-dollars a day from day 300.
     */
    private static List<DayRecord> days() {
        List<DayRecord> days = new ArrayList<>();
        for (int day = 0; day < 367; day++) {
            HostingCost cost = HostingCost.NONE;
            if (day >= 200) {
                cost = cost.plus("dax_nodes", 24 * 40_000);
            }
            if (day >= 300) {
                cost = cost.plus("dynamodb_read_units", 3);
            }
            days.add(DailyTableTest.day(day, day < 200 ? "sheets" : "dynamodb", cost, List.of()));
        }
        return days;
    }

    @Test
    void build_sumsEachComponentByYear() {
        Table table = HostingComponentTable.build(DailyTable.build(days()));

        assertEquals(List.of("year", "hosting_cost_micros", "dax_nodes_micros",
                "dynamodb_read_units_micros"), table.columnNames());
        assertEquals(List.of("1", "2 (2 days)", "total"), table.stringColumn("year").asList());
        assertEquals(List.of(165 * 960_000L, 2 * 960_000L, 167 * 960_000L),
                table.longColumn("dax_nodes_micros").asList(), "node-days times $0.96");
        assertEquals(List.of(65 * 3L, 2 * 3L, 67 * 3L),
                table.longColumn("dynamodb_read_units_micros").asList());
        assertEquals(List.of(165 * 960_000L + 195, 2 * 960_000L + 6, 167 * 960_000L + 201),
                table.longColumn("hosting_cost_micros").asList());
    }

    @Test
    void build_matchesCostTableHosting() {
        Table daily = DailyTable.build(days());

        Table hosting = HostingComponentTable.build(daily);
        Table costs = CostTable.build(daily, List.of(), 0);

        assertEquals(costs.longColumn("hosting_cost_micros").asList(),
                hosting.longColumn("hosting_cost_micros").asList());
    }

    @Test
    void build_freeRun_hasNoComponentColumn() {
        List<DayRecord> days = List.of(
                DailyTableTest.day(0, "sheets", HostingCost.NONE, List.of()));

        Table table = HostingComponentTable.build(DailyTable.build(days));

        assertEquals(List.of("year", "hosting_cost_micros"), table.columnNames());
        assertEquals(List.of(0L, 0L), table.longColumn("hosting_cost_micros").asList());
    }
}
