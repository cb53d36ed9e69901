package dev.headroom.report;

import java.util.Optional;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Display rounding of the hosting by year and component, so that the printed table adds up
 * both ways. Each year's components add up to its printed hosting, which is the cost by year's.
 * Each component's years add up to its printed total.
 *
 * <p>The hosting column is rounded as {@link CostCents} rounds the cost by year, so the total
 * row's hosting is the exact total rounded half up. The total row's components split that
 * figure by the {@linkplain CentApportionment largest remainder method}, as the hosting by
 * phase splits a phase's hosting. So a run of one billed phase prints the same component totals
 * in both tables, except in the case below. Each cell prints its exact cost rounded down or up
 * to the cent, and the cells to round up are chosen by {@link ControlledCentRounding} so that
 * the years add up to their hosting and the components to their totals.
 *
 * <p>Some tables have no such rounding, for example when a year needs a cent more than its
 * cells rounded down and its only cell with a remainder lies in a component whose total needs
 * none. Then each year's components are split from its printed hosting by the largest remainder
 * method on its own. The missing cents of a year go first to the components whose printed years
 * so far fall furthest below their exact running sums, which keeps each component's printed
 * years near its exact total. The total row then contains the sums of the printed years, so a
 * component's printed total can differ from its exact total rounded on its own by up to a cent
 * per year.
 */
final class HostingComponentCents {

    private static final String HOSTING = "hosting_cost_micros";

    /** The year and hosting columns come first, and every later column is one component. */
    private static final int FIRST_COMPONENT = 2;

    private HostingComponentCents() {
    }

    /**
     * Returns a copy of {@code exact}, the hosting by year and component with its total row
     * last, with its money rounded to whole cents.
     */
    static Table rounded(Table exact) {
        Table copy = CostCents.rounded(exact);
        LongColumn hosting = copy.longColumn(HOSTING);
        int components = copy.columnCount() - FIRST_COMPONENT;
        int totalRow = copy.rowCount() - 1;
        if (totalRow < 0) {
            return copy;
        }
        long[][] exactCells = new long[totalRow][components];
        long[] yearTargets = new long[totalRow];
        for (int row = 0; row < totalRow; row++) {
            for (int part = 0; part < components; part++) {
                exactCells[row][part] = component(exact, part).getLong(row);
            }
            yearTargets[row] = hosting.getLong(row);
        }

        long[] componentTargets = componentTotals(exactCells, components,
                hosting.getLong(totalRow));
        Optional<long[][]> controlled =
                ControlledCentRounding.round(exactCells, yearTargets, componentTargets);
        long[][] printed = controlled.orElseGet(() -> yearByYear(exactCells, yearTargets));

        long[] totals = new long[components];
        for (int row = 0; row < totalRow; row++) {
            for (int part = 0; part < components; part++) {
                component(copy, part).set(row, printed[row][part]);
                totals[part] = Math.addExact(totals[part], printed[row][part]);
            }
        }
        for (int part = 0; part < components; part++) {
            component(copy, part).set(totalRow, totals[part]);
        }
        return copy;
    }

    /**
     * Returns the printed total of each component: the printed total hosting split over the
     * components' exact totals by the largest remainder method.
     */
    private static long[] componentTotals(long[][] exactCells, int components,
            long printedTotal) {
        long[] exactTotals = new long[components];
        for (long[] year : exactCells) {
            for (int part = 0; part < components; part++) {
                exactTotals[part] = Math.addExact(exactTotals[part], year[part]);
            }
        }
        return CentApportionment.apportion(exactTotals, printedTotal);
    }

    /**
     * Splits each year's printed hosting over its components on its own, giving the missing
     * cents first to the components whose printed years so far fall furthest below their exact
     * running sums.
     */
    private static long[][] yearByYear(long[][] exactCells, long[] yearTargets) {
        int years = yearTargets.length;
        int components = years == 0 ? 0 : exactCells[0].length;
        long[][] printed = new long[years][];
        // A component's exact running sum less its printed one, over the years so far.
        long[] shortfalls = new long[components];
        for (int row = 0; row < years; row++) {
            long[] exactParts = exactCells[row];
            long[] priorities = new long[components];
            for (int part = 0; part < components; part++) {
                long floor = Math.floorDiv(exactParts[part], CentApportionment.CENT)
                        * CentApportionment.CENT;
                priorities[part] = shortfalls[part] + exactParts[part] - floor;
            }
            printed[row] = CentApportionment.apportion(exactParts, priorities, yearTargets[row]);
            for (int part = 0; part < components; part++) {
                shortfalls[part] += exactParts[part] - printed[row][part];
            }
        }
        return printed;
    }

    private static LongColumn component(Table table, int part) {
        return (LongColumn) table.column(FIRST_COMPONENT + part);
    }
}
