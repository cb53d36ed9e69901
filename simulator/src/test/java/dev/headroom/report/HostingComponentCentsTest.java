package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.headroom.projection.CostTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class HostingComponentCentsTest {

    private static final long CENT = CentApportionment.CENT;
    private static final int MAX_YEARS = 6;
    private static final int MAX_COMPONENTS = 5;

    @Test
    void rounded_generatedYears_addUpBothWays() {
        qt().withFixedSeed(41).withExamples(2_000)
                .forAll(integers().between(1, MAX_YEARS),
                        integers().between(0, MAX_COMPONENTS),
                        lists().of(CentApportionmentTest.costs())
                                .ofSize(MAX_YEARS * MAX_COMPONENTS))
                .checkAssert((years, components, costs) -> {
                    Table exact = table(years, components, costs);
                    Table printed = HostingComponentCents.rounded(exact);
                    LongColumn costByYearHosting =
                            CostCents.rounded(exact).longColumn("hosting_cost_micros");

                    assertEquals(costByYearHosting.asList(),
                            printed.longColumn("hosting_cost_micros").asList());
                    for (int row = 0; row <= years; row++) {
                        assertEquals(costByYearHosting.getLong(row),
                                rowSum(printed, row), "row " + row);
                    }
                    for (int column = 2; column < printed.columnCount(); column++) {
                        assertColumn(exact.longColumn(column), printed.longColumn(column));
                    }
                });
    }

    @Test
    void rounded_tiedRemainders_evenOutOverYears() {
        // Each year, two components of $0.005 share one printed cent. The earlier component
        // gets the first year's cent, and the later one, having fallen behind, the second's.
        Table exact = table(2, 2, List.of(5_000L, 5_000L, 5_000L, 5_000L));

        Table printed = HostingComponentCents.rounded(exact);

        assertEquals(List.of(10_000L, 10_000L, 20_000L),
                printed.longColumn("hosting_cost_micros").asList());
        assertEquals(List.of(10_000L, 0L, 10_000L), printed.longColumn(2).asList());
        assertEquals(List.of(0L, 10_000L, 10_000L), printed.longColumn(3).asList());
    }

    @Test
    void rounded_noComponents_keepsHosting() {
        Table printed = HostingComponentCents.rounded(table(2, 0, List.of()));

        assertEquals(List.of("1", "2", CostTable.TOTAL),
                printed.stringColumn(CostTable.YEAR).asList());
        assertEquals(List.of(0L, 0L, 0L), printed.longColumn("hosting_cost_micros").asList());
    }

    /**
     * Asserts that a component's printed years are whole cents, each its exact cost rounded
     * down or up, and that they add up to its printed total, which lies within a cent per year
     * of its exact total.
     */
    private static void assertColumn(LongColumn exact, LongColumn printed) {
        int totalRow = exact.size() - 1;
        long sum = 0;
        for (int row = 0; row < totalRow; row++) {
            long cents = printed.getLong(row);
            assertEquals(0, cents % CENT, exact.name() + " row " + row);
            assertTrue(Math.abs(cents - exact.getLong(row)) < CENT,
                    exact.name() + " row " + row + ": " + cents + " for " + exact.getLong(row));
            sum += cents;
        }
        assertEquals(sum, printed.getLong(totalRow), exact.name() + " total");
        assertTrue(Math.abs(sum - exact.getLong(totalRow)) < totalRow * CENT,
                exact.name() + " total: " + sum + " for " + exact.getLong(totalRow));
    }

    private static long rowSum(Table table, int row) {
        long sum = 0;
        for (int column = 2; column < table.columnCount(); column++) {
            sum += table.longColumn(column).getLong(row);
        }
        return sum;
    }

    /**
     * Builds a hosting by year and component in the shape of {@code hosting-by-component}:
     * year, hosting, then the components, with the costs taken row by row from {@code costs}
     * and a total row.
     */
    static Table table(int years, int components, List<Long> costs) {
        StringColumn year = StringColumn.create(CostTable.YEAR);
        LongColumn hosting = LongColumn.create("hosting_cost_micros");
        Table table = Table.create("hosting-by-component", year, hosting);
        for (int part = 0; part < components; part++) {
            table.addColumns(LongColumn.create("component" + part + "_micros"));
        }
        long[] totals = new long[components + 1];
        for (int row = 0; row < years; row++) {
            year.append(Integer.toString(row + 1));
            long yearHosting = 0;
            for (int part = 0; part < components; part++) {
                long cost = costs.get(row * components + part);
                table.longColumn(2 + part).append(cost);
                totals[part + 1] += cost;
                yearHosting += cost;
            }
            hosting.append(yearHosting);
            totals[0] += yearHosting;
        }
        year.append(CostTable.TOTAL);
        hosting.append(totals[0]);
        for (int part = 0; part < components; part++) {
            table.longColumn(2 + part).append(totals[part + 1]);
        }
        return table;
    }
}
