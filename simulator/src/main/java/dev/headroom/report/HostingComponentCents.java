package dev.headroom.report;

import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Display rounding of the hosting by year and component, so that the printed table adds up
 * both ways. Each year's components add up to its printed hosting, which is the cost by year's.
 * Each component's years add up to its printed total.
 *
 * <p>The hosting column is rounded as {@link CostCents} rounds the cost by year. Each year's
 * components are then split from its printed hosting by the {@linkplain CentApportionment
 * largest remainder method}, so each prints its exact cost rounded down or up to the cent. The
 * missing cents of a year go first to the components whose printed years so far fall furthest
 * below their exact running sums, which keeps each component's printed years near its exact
 * total. The total row contains the sums of the printed years, so a component's printed total
 * can differ from its exact total rounded on its own by up to a cent per year.
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
        // A component's exact running sum less its printed one, over the years so far.
        long[] shortfalls = new long[components];
        long[] totals = new long[components];
        for (int row = 0; row < totalRow; row++) {
            long[] exactParts = new long[components];
            long[] priorities = new long[components];
            for (int part = 0; part < components; part++) {
                exactParts[part] = component(exact, part).getLong(row);
                long floor = Math.floorDiv(exactParts[part], CentApportionment.CENT)
                        * CentApportionment.CENT;
                priorities[part] = shortfalls[part] + exactParts[part] - floor;
            }
            long[] printed =
                    CentApportionment.apportion(exactParts, priorities, hosting.getLong(row));
            for (int part = 0; part < components; part++) {
                component(copy, part).set(row, printed[part]);
                shortfalls[part] += exactParts[part] - printed[part];
                totals[part] = Math.addExact(totals[part], printed[part]);
            }
        }
        for (int part = 0; part < components && totalRow >= 0; part++) {
            component(copy, part).set(totalRow, totals[part]);
        }
        return copy;
    }

    private static LongColumn component(Table table, int part) {
        return (LongColumn) table.column(FIRST_COMPONENT + part);
    }
}
