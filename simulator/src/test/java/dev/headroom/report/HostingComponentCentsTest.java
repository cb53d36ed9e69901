package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.headroom.projection.CostTable;
import java.util.ArrayList;
import java.util.Arrays;
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
    void rounded_generatedYears_totalsMatchPhaseSplit() {
        qt().withFixedSeed(43).withExamples(2_000)
                .forAll(integers().between(1, MAX_YEARS),
                        integers().between(1, MAX_COMPONENTS),
                        lists().of(CentApportionmentTest.costs())
                                .ofSize(MAX_YEARS * MAX_COMPONENTS))
                .checkAssert((years, components, costs) -> {
                    Table exact = table(years, components, costs);
                    Table printed = HostingComponentCents.rounded(exact);
                    List<Long> phaseSplit = onePhaseSplit(exact);

                    // Each cell is rounded down or up and each year adds up to its hosting, so
                    // the totals can match the split only when the flow network is feasible.
                    assertEquals(isFeasible(exact, phaseSplit),
                            phaseSplit.equals(totalRow(printed)),
                            "totals " + totalRow(printed) + " for split " + phaseSplit);
                });
    }

    @Test
    void rounded_sqliteEfsExample_matchesPhaseTable() {
        // The exact hosting by year and component of scenarios/examples/sqlite-efs.yaml. Summed
        // year by year, efs_storage printed $89.56 and reads $7,461.43, where the hosting by
        // phase prints $89.57 and $7,461.42.
        Table exact = table(5, 3, List.of(
                0L, 0L, 0L,
                1_202_616L, 87_626_185L, 6_276_087L,
                6_439_401L, 531_153_104L, 26_498_650L,
                22_234_069L, 1_825_813_242L, 71_735_669L,
                59_689_942L, 5_016_832_720L, 153_855_868L));

        Table printed = HostingComponentCents.rounded(exact);

        assertEquals(List.of(89_570_000L, 7_461_420_000L, 258_370_000L), totalRow(printed));
        assertEquals(onePhaseSplit(exact), totalRow(printed));
        assertEquals(7_809_360_000L, printed.longColumn("hosting_cost_micros").getLong(5));
        for (int row = 0; row <= 5; row++) {
            assertEquals(printed.longColumn("hosting_cost_micros").getLong(row),
                    rowSum(printed, row), "row " + row);
        }
        for (int column = 2; column < printed.columnCount(); column++) {
            assertColumn(exact.longColumn(column), printed.longColumn(column));
        }
    }

    @Test
    void rounded_infeasibleTotals_sumPrintedYears() {
        // Year 1 has $0.006 of component0 and prints $0.01, so component0 must print a cent in
        // it. Year 2 has $0.008 of component1 and prints $0.00, as the total of $0.014 prints
        // $0.01. The split of that cent by largest remainder gives it to component1, which has
        // no year that could print it, so the years are split one by one and summed.
        Table exact = table(2, 2, List.of(6_000L, 0L, 0L, 8_000L));

        Table printed = HostingComponentCents.rounded(exact);

        assertEquals(List.of(0L, 10_000L), onePhaseSplit(exact));
        assertEquals(List.of(10_000L, 0L, 10_000L),
                printed.longColumn("hosting_cost_micros").asList());
        assertEquals(List.of(10_000L, 0L, 10_000L), printed.longColumn(2).asList());
        assertEquals(List.of(0L, 0L, 0L), printed.longColumn(3).asList());
    }

    @Test
    void rounded_tiedRemainders_evenOutOverYears() {
        // Each year, two components of $0.005 share one printed cent. Each component's total is
        // $0.01, so the earlier component gets the first year's cent and the later one the
        // second's.
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

    /**
     * Returns the component totals that the hosting by phase prints for a run whose only phase
     * has the hosting of {@code exact}.
     */
    private static List<Long> onePhaseSplit(Table exact) {
        int totalRow = exact.rowCount() - 1;
        StringColumn phase = StringColumn.create("phase");
        StringColumn component = StringColumn.create("component");
        LongColumn money = LongColumn.create("hosting_cost_micros");
        List<Integer> billed = new ArrayList<>();
        for (int column = 2; column < exact.columnCount(); column++) {
            long cost = exact.longColumn(column).getLong(totalRow);
            if (cost != 0) {
                phase.append("only");
                component.append(exact.column(column).name());
                money.append(cost);
                billed.add(column);
            }
        }
        phase.append(CostTable.TOTAL);
        component.append("");
        money.append(exact.longColumn("hosting_cost_micros").getLong(totalRow));
        Table printed = PhaseHostingCents.rounded(
                Table.create("phase-hosting-by-component", phase, component, money));
        List<Long> totals = new ArrayList<>();
        for (int column = 2; column < exact.columnCount(); column++) {
            int index = billed.indexOf(column);
            totals.add(index < 0 ? 0L : printed.longColumn("hosting_cost_micros").getLong(index));
        }
        return totals;
    }

    /**
     * Returns whether some rounding of each year's cells down or up to the cent adds up to the
     * year's printed hosting and to {@code columnTargets} per component. By the max-flow
     * min-cut theorem it does exactly when the years and components need as many cents in all
     * and no set of years needs more cents than its cells with a remainder can pass on. Each
     * component takes at most the cents its total lacks.
     */
    private static boolean isFeasible(Table exact, List<Long> columnTargets) {
        int years = exact.rowCount() - 1;
        int components = exact.columnCount() - 2;
        LongColumn hosting = CostCents.rounded(exact).longColumn("hosting_cost_micros");
        long[] yearNeed = new long[years];
        long[] componentSpare = new long[components];
        boolean[][] open = new boolean[years][components];
        for (int part = 0; part < components; part++) {
            componentSpare[part] = columnTargets.get(part) / CENT;
        }
        for (int row = 0; row < years; row++) {
            yearNeed[row] = hosting.getLong(row) / CENT;
            for (int part = 0; part < components; part++) {
                long cell = exact.longColumn(2 + part).getLong(row);
                yearNeed[row] -= cell / CENT;
                componentSpare[part] -= cell / CENT;
                open[row][part] = cell % CENT != 0;
            }
        }
        if (Arrays.stream(yearNeed).sum() != Arrays.stream(componentSpare).sum()
                || Arrays.stream(componentSpare).anyMatch(spare -> spare < 0)) {
            return false;
        }
        for (int subset = 1; subset < 1 << years; subset++) {
            long need = 0;
            long capacity = 0;
            for (int row = 0; row < years; row++) {
                if ((subset >> row & 1) == 1) {
                    need += yearNeed[row];
                }
            }
            for (int part = 0; part < components; part++) {
                long cells = 0;
                for (int row = 0; row < years; row++) {
                    if ((subset >> row & 1) == 1 && open[row][part]) {
                        cells++;
                    }
                }
                capacity += Math.min(componentSpare[part], cells);
            }
            if (need > capacity) {
                return false;
            }
        }
        return true;
    }

    private static List<Long> totalRow(Table printed) {
        List<Long> totals = new ArrayList<>();
        for (int column = 2; column < printed.columnCount(); column++) {
            totals.add(printed.longColumn(column).getLong(printed.rowCount() - 1));
        }
        return totals;
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
