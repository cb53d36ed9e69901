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

class CostCentsTest {

    private static final long CENT = CentApportionment.CENT;
    private static final int MAX_YEARS = 6;

    @Test
    void rounded_generatedCosts_partsAddUpToTotal() {
        qt().withFixedSeed(51).withExamples(2_000)
                .forAll(integers().between(1, MAX_YEARS),
                        lists().of(CentApportionmentTest.costs()).ofSize(2 * MAX_YEARS))
                .checkAssert((years, costs) -> {
                    Table exact = costs(years, costs);

                    Table printed = CostCents.rounded(exact);

                    LongColumn development = printed.longColumn("development_cost_micros");
                    LongColumn hosting = printed.longColumn("hosting_cost_micros");
                    LongColumn total = printed.longColumn("total_cost_micros");
                    for (int row = 0; row <= years; row++) {
                        assertEquals(total.getLong(row),
                                development.getLong(row) + hosting.getLong(row), "row " + row);
                    }
                    for (String name : List.of("development_cost_micros",
                            "hosting_cost_micros", "total_cost_micros")) {
                        assertColumn(exact.longColumn(name), printed.longColumn(name));
                    }
                });
    }

    @Test
    void rounded_developmentFractions_developmentFollowsTotal() {
        // $0.003 of development and $0.033 of hosting print a total of $0.04, the exact $0.036
        // rounded as the CSV file and a sweep show it, and hosting $0.03, so development prints
        // $0.01, not its own rounding, $0.00.
        Table printed = CostCents.rounded(costs(1, List.of(3_000L, 33_000L)));

        assertEquals(List.of(10_000L, 10_000L),
                printed.longColumn("development_cost_micros").asList());
        assertEquals(List.of(30_000L, 30_000L), printed.longColumn("hosting_cost_micros").asList());
        assertEquals(List.of(40_000L, 40_000L), printed.longColumn("total_cost_micros").asList());
    }

    @Test
    void rounded_yearWithoutDevelopment_printsNoDevelopment() {
        // Year 1 has $0.006 of development and $0.003 of hosting, year 2 only $0.003 of
        // hosting. The hosting prints $0.00 and $0.01, its running sums rounded, and the exact
        // total of $0.012 prints $0.01. So the development totals $0.00, which year 1's $0.006
        // rounded down gives, and year 2, with no development, prints none.
        Table printed = CostCents.rounded(costs(2, List.of(6_000L, 3_000L, 0L, 3_000L)));

        assertEquals(List.of(0L, 0L, 0L),
                printed.longColumn("development_cost_micros").asList());
        assertEquals(List.of(0L, 10_000L, 10_000L),
                printed.longColumn("hosting_cost_micros").asList());
        assertEquals(List.of(0L, 10_000L, 10_000L),
                printed.longColumn("total_cost_micros").asList());
    }

    @Test
    void rounded_generatedCosts_developmentRoundsDownOrUp() {
        qt().withFixedSeed(53).withExamples(2_000)
                .forAll(integers().between(1, MAX_YEARS),
                        lists().of(CentApportionmentTest.costs()).ofSize(2 * MAX_YEARS))
                .checkAssert((years, costs) -> {
                    Table exact = costs(years, costs);

                    Table printed = CostCents.rounded(exact);

                    LongColumn exactDevelopment = exact.longColumn("development_cost_micros");
                    LongColumn development = printed.longColumn("development_cost_micros");
                    for (int row = 0; row < years; row++) {
                        long floor = Math.floorDiv(exactDevelopment.getLong(row), CENT) * CENT;
                        long printedRow = development.getLong(row);
                        assertTrue(printedRow == floor
                                || printedRow == floor + CENT
                                        && floor != exactDevelopment.getLong(row),
                                "row " + row + " prints " + printedRow + " for "
                                        + exactDevelopment.getLong(row));
                    }
                });
    }

    @Test
    void rounded_generatedCosts_totalRowMatchesExactRounding() {
        qt().withFixedSeed(52).withExamples(1_000)
                .forAll(integers().between(1, MAX_YEARS),
                        lists().of(CentApportionmentTest.costs()).ofSize(2 * MAX_YEARS))
                .checkAssert((years, costs) -> {
                    Table exact = costs(years, costs);

                    Table printed = CostCents.rounded(exact);

                    long exactTotal = exact.longColumn("total_cost_micros").getLong(years);
                    assertEquals(CostCents.toCents(exactTotal),
                            printed.longColumn("total_cost_micros").getLong(years));
                });
    }

    /**
     * Asserts that a column's printed rows are whole cents that add up to its printed total,
     * and that each is within two cents of its exact cost: one for the development and one for
     * the hosting in the total column.
     */
    private static void assertColumn(LongColumn exact, LongColumn printed) {
        int totalRow = exact.size() - 1;
        long sum = 0;
        for (int row = 0; row < totalRow; row++) {
            assertEquals(0, printed.getLong(row) % CENT, exact.name() + " row " + row);
            assertTrue(Math.abs(printed.getLong(row) - exact.getLong(row)) < 2 * CENT,
                    exact.name() + " row " + row);
            sum += printed.getLong(row);
        }
        assertEquals(sum, printed.getLong(totalRow), exact.name() + " total");
        assertTrue(Math.abs(sum - exact.getLong(totalRow)) <= CENT, exact.name() + " total");
    }

    /**
     * Builds a cost table with the money columns of {@code costs}: each year's development,
     * then its hosting, taken in pairs from {@code costs}, their sum and a total row.
     */
    private static Table costs(int years, List<Long> costs) {
        StringColumn year = StringColumn.create(CostTable.YEAR);
        LongColumn development = LongColumn.create("development_cost_micros");
        LongColumn hosting = LongColumn.create("hosting_cost_micros");
        LongColumn total = LongColumn.create("total_cost_micros");
        for (int row = 0; row < years; row++) {
            year.append(Integer.toString(row + 1));
            development.append(costs.get(2 * row));
            hosting.append(costs.get(2 * row + 1));
            total.append(costs.get(2 * row) + costs.get(2 * row + 1));
        }
        year.append(CostTable.TOTAL);
        development.append(CostTable.sum(development));
        hosting.append(CostTable.sum(hosting));
        total.append(CostTable.sum(total));
        return Table.create("costs", year, development, hosting, total);
    }
}
