package dev.headroom.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Display rounding of the hosting by phase and component: each phase's hosting is rounded as
 * the cost by phase rounds it, and its components are then rounded to whole cents that add up
 * to it.
 *
 * <p>Each component starts from its exact cost rounded down to the cent. The cents still missing
 * from the phase's printed hosting go one each to the components with the largest remainders,
 * the earlier row first among equal ones (the largest remainder method). So a component prints
 * its own half-up rounding whenever those roundings add up to the phase's printed hosting.
 * Otherwise, only the components whose remainders lie nearest half a cent print one cent
 * more or less than their own rounding. The total row is the exact total rounded half up.
 */
final class PhaseHostingCents {

    private static final String MONEY = "hosting_cost_micros";
    private static final long CENT = 10_000;

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
        long floorSum = 0;
        List<Integer> rows = new ArrayList<>();
        long[] remainders = new long[end - start];
        for (int row = start; row < end; row++) {
            long exact = money.getLong(row);
            long floor = Math.floorDiv(exact, CENT) * CENT;
            remainders[row - start] = exact - floor;
            money.set(row, floor);
            floorSum = Math.addExact(floorSum, floor);
            rows.add(row);
        }
        long missingCents = (printedMicros - floorSum) / CENT;
        if ((printedMicros - floorSum) % CENT != 0 || missingCents < 0
                || missingCents > rows.size()) {
            throw new IllegalStateException("printed hosting of " + printedMicros
                    + " micro-dollars cannot be split into whole cents over rows " + start
                    + " to " + (end - 1) + ", whose costs round down to " + floorSum);
        }
        // A stable sort keeps the earlier row first among equal remainders.
        rows.sort(Comparator.comparingLong((Integer row) -> remainders[row - start]).reversed());
        for (int index = 0; index < missingCents; index++) {
            int row = rows.get(index);
            money.set(row, money.getLong(row) + CENT);
        }
    }
}
