package dev.headroom.report;

import dev.headroom.ledger.Money;
import dev.headroom.projection.CostTable;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Display rounding of the cost table: money columns in whole cents, with printed years that
 * add up to the printed total.
 *
 * <p>Each year shows the running total to its end, rounded to the cent, less the running total
 * to the year before, rounded. So a year's printed cost is its exact cost rounded down or up,
 * and the total row is the exact total rounded half up. Development and hosting add up to a
 * year's printed total whenever the development costs are whole cents.
 */
final class CostCents {

    private CostCents() {
    }

    /** Returns a copy of the cost table with its money columns rounded to whole cents. */
    static Table rounded(Table costs) {
        Table copy = costs.copy();
        for (Column<?> column : copy.columns()) {
            if (Cells.isMoney(column) && column instanceof LongColumn) {
                roundColumn(copy, (LongColumn) column);
            }
        }
        return copy;
    }

    private static void roundColumn(Table costs, LongColumn money) {
        long running = 0;
        long printedSoFar = 0;
        for (int row = 0; row < costs.rowCount(); row++) {
            if (money.isMissing(row)) {
                continue;
            }
            long exact = money.getLong(row);
            if (CostTable.TOTAL.equals(costs.stringColumn(CostTable.YEAR).get(row))) {
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
    private static long toCents(long micros) {
        return Money.micros(Cells.cents(micros));
    }
}
