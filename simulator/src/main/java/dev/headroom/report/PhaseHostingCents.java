package dev.headroom.report;

import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Display rounding of the hosting by phase and component: each phase's hosting is rounded as
 * the cost by phase rounds it, and its components are then rounded to whole cents that add up
 * to it by the {@linkplain CentApportionment largest remainder method}, the earlier row first
 * among equal remainders. The total row is the exact total rounded half up.
 */
final class PhaseHostingCents {

    private static final String MONEY = "hosting_cost_micros";

    private PhaseHostingCents() {
    }

    /**
     * Returns a copy of {@code exact}, whose rows are grouped by phase and end with the total
     * row, with its money rounded to whole cents.
     */
    static Table rounded(Table exact) {
        Table copy = exact.copy();
        LongColumn money = copy.longColumn(MONEY);
        int totalRow = copy.rowCount() - 1;
        long running = 0;
        long printedSoFar = 0;
        int start = 0;
        while (start < totalRow) {
            String phase = copy.stringColumn("phase").get(start);
            int end = start;
            long phaseExact = 0;
            while (end < totalRow && copy.stringColumn("phase").get(end).equals(phase)) {
                phaseExact = Math.addExact(phaseExact, money.getLong(end));
                end++;
            }
            // The phase's printed hosting is that of the cost by phase: the running total to
            // its end, rounded, less the running total to the phase before, rounded.
            running = Math.addExact(running, phaseExact);
            long printed = CostCents.toCents(running);
            apportion(money, start, end, printed - printedSoFar);
            printedSoFar = printed;
            start = end;
        }
        if (totalRow >= 0) {
            money.set(totalRow, CostCents.toCents(money.getLong(totalRow)));
        }
        return copy;
    }

    /**
     * Replaces the exact costs of rows {@code [start, end)} by whole cents that add up to
     * {@code printedMicros}, by the largest remainder method.
     *
     * @throws IllegalStateException if the printed sum is not within a cent per row of the
     *     exact sum, which the rounding of the cost by phase rules out
     */
    private static void apportion(LongColumn money, int start, int end, long printedMicros) {
        long[] exact = new long[end - start];
        for (int row = start; row < end; row++) {
            exact[row - start] = money.getLong(row);
        }
        long[] printed = CentApportionment.apportion(exact, printedMicros);
        for (int row = start; row < end; row++) {
            money.set(row, printed[row - start]);
        }
    }
}
