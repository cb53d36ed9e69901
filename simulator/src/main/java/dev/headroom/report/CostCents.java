package dev.headroom.report;

import dev.headroom.ledger.Money;
import dev.headroom.projection.CostTable;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Display rounding of a cost table, by year or by phase: money columns in whole cents, with
 * printed rows that add up to the printed total.
 *
 * <p>Each row shows the running total to its end, rounded to the cent, less the running total
 * to the row before, rounded. So a row's printed cost is its exact cost rounded down or up,
 * and the total row, the one whose first column is {@value CostTable#TOTAL}, is the exact total
 * rounded half up. A money column with no value in the total row, such as a phase's last 30
 * days of hosting, is not a sum, so it is left as it is. Each of its cells is then printed
 * rounded half up on its own.
 *
 * <p>The development column is not rounded on its own. Its total is the printed total less the
 * printed hosting, so the printed parts add up to the printed total, and the total matches the
 * exact figure in the CSV files and in a sweep, rounded half up. {@link CentApportionment}
 * splits that development total over the rows, so each row prints its exact development rounded
 * down or up, and a row without development prints none. Each row's total is then its printed
 * development plus its printed hosting. Whenever the development costs are whole cents, every
 * printed development cost is the exact one.
 */
final class CostCents {

    private static final String DEVELOPMENT = "development_cost_micros";
    private static final String HOSTING = "hosting_cost_micros";
    private static final String TOTAL = "total_cost_micros";

    private CostCents() {
    }

    /** Returns a copy of a cost table with its summed money columns rounded to whole cents. */
    static Table rounded(Table costs) {
        Table copy = costs.copy();
        int totalRow = totalRow(copy);
        for (Column<?> column : copy.columns()) {
            if (Cells.isMoney(column) && column instanceof LongColumn
                    && (totalRow < 0 || !column.isMissing(totalRow))) {
                roundColumn((LongColumn) column, totalRow);
            }
        }
        if (copy.containsColumn(DEVELOPMENT) && copy.containsColumn(HOSTING)
                && copy.containsColumn(TOTAL)) {
            splitDevelopment(costs.longColumn(DEVELOPMENT), copy.longColumn(DEVELOPMENT),
                    copy.longColumn(HOSTING), copy.longColumn(TOTAL), totalRow);
        }
        return copy;
    }

    /**
     * Sets the printed development of each row, which adds up to the rows' printed total less
     * their printed hosting. Each row's total then becomes its development plus its hosting.
     */
    private static void splitDevelopment(LongColumn exactDevelopment, LongColumn development,
            LongColumn hosting, LongColumn total, int totalRow) {
        int rows = totalRow < 0 ? total.size() : totalRow;
        long[] exact = new long[rows];
        long printedSum = 0;
        for (int row = 0; row < rows; row++) {
            exact[row] = exactDevelopment.getLong(row);
            printedSum = Math.addExact(printedSum,
                    Math.subtractExact(total.getLong(row), hosting.getLong(row)));
        }
        long[] printed = CentApportionment.apportion(exact, printedSum);
        for (int row = 0; row < rows; row++) {
            development.set(row, printed[row]);
            total.set(row, Math.addExact(printed[row], hosting.getLong(row)));
        }
        if (totalRow >= 0) {
            development.set(totalRow, printedSum);
            total.set(totalRow, Math.addExact(printedSum, hosting.getLong(totalRow)));
        }
    }

    /**
     * Returns the last row whose first column is {@value CostTable#TOTAL}, or -1 if none is. The
     * total row ends the table, and a phase may have that name too.
     */
    private static int totalRow(Table costs) {
        for (int row = costs.rowCount() - 1; row >= 0; row--) {
            if (CostTable.TOTAL.equals(costs.column(0).getString(row))) {
                return row;
            }
        }
        return -1;
    }

    private static void roundColumn(LongColumn money, int totalRow) {
        long running = 0;
        long printedSoFar = 0;
        for (int row = 0; row < money.size(); row++) {
            if (money.isMissing(row)) {
                continue;
            }
            long exact = money.getLong(row);
            if (row == totalRow) {
                money.set(row, toCents(exact));
                continue;
            }
            running = Math.addExact(running, exact);
            long printed = toCents(running);
            money.set(row, printed - printedSoFar);
            printedSoFar = printed;
        }
    }

    /** Rounds micro-dollars half up to a whole cent, as {@link Cells#dollars} shows them. */
    static long toCents(long micros) {
        return Money.micros(Cells.cents(micros));
    }
}
