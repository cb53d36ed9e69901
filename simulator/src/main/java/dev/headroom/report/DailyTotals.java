package dev.headroom.report;

import tech.tablesaw.api.Table;

/** Sums of the daily table's count columns over the whole run. */
final class DailyTotals {

    private DailyTotals() {
    }

    /** Returns the sum of a whole-number column of the daily table. */
    static long sum(Table daily, String column) {
        long sum = 0;
        for (int row = 0; row < daily.rowCount(); row++) {
            sum = Math.addExact(sum, daily.longColumn(column).getLong(row));
        }
        return sum;
    }
}
