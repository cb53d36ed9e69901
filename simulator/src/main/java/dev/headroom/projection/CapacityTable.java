package dev.headroom.projection;

import dev.headroom.run.PhaseInfo;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * Builds the capacity table: one row per phase that served during the run, with its workbooks,
 * the users its tab limit allows on paper (nominal), the users it held when its first sign-up
 * failed (simulated), and how fast its Sheets cells grew. A backend without a tab limit shows
 * {@value #NO_TAB_LIMIT} as its nominal users, although its storage may still fill up.
 *
 * <p>Cells per year is the growth of the cells over every workbook of the phase, from the first
 * day with a cells gauge to the last one before the phase's first cell failure, scaled to 365
 * days. Days after a workbook filled up are left out, as its cells no longer grow. It is
 * {@value #NONE} for phases without Sheets gauges or with fewer than two such days. A day on
 * which the next phase went live at midnight may show the next backend's gauges, so only days
 * with the gauge count.
 */
public final class CapacityTable {

    /** The text of a value that does not apply or was not reached. */
    public static final String NONE = "-";
    /** The nominal users of a backend that has no tab limit, such as DynamoDB or PostgreSQL. */
    public static final String NO_TAB_LIMIT = "no tab limit";
    private static final String CELLS_PREFIX = "cells:";

    private CapacityTable() {
    }

    /** Builds the table from the daily table and the plan's phases. */
    public static Table build(Table daily, List<PhaseInfo> phases) {
        StringColumn phase = StringColumn.create("phase");
        StringColumn backend = StringColumn.create("backend");
        IntColumn workbooks = IntColumn.create("workbooks");
        StringColumn nominal = StringColumn.create("nominal_max_users");
        StringColumn simulated = StringColumn.create("users_at_first_failed_sign_up");
        LongColumn peak = LongColumn.create("peak_users");
        StringColumn cellsPerYear = StringColumn.create("cells_per_year");

        for (PhaseInfo info : phases) {
            Table rows = TableRows.where(daily,
                    daily.stringColumn("phase").isEqualTo(info.name()));
            if (rows.isEmpty()) {
                continue;
            }
            phase.append(info.name());
            backend.append(info.backend());
            workbooks.append(info.workbooks());
            nominal.append(info.bounded() ? Long.toString(info.nominalMaxUsers()) : NO_TAB_LIMIT);
            simulated.append(firstFailedSignUpUsers(rows));
            peak.append((long) rows.longColumn("users").max());
            cellsPerYear.append(cellGrowth(daily, info.name())
                    .map(growth -> Long.toString(growth.perYear())).orElse(NONE));
        }
        return Table.create("capacity", phase, backend, workbooks, nominal, simulated, peak,
                cellsPerYear);
    }

    /**
     * Returns how the cells per year of {@code phase} were measured, or empty when the table
     * shows {@value #NONE} for it.
     */
    public static Optional<CellGrowth> cellGrowth(Table daily, String phase) {
        return cellGrowth(beforeFirstCellFailure(wholeDays(daily, phase)));
    }

    /**
     * Returns the rows of {@code phase} whose part of the day ends at midnight. On a day that a
     * go-live split, the old phase's row ends at the go-live, so its gauges cover part of a day.
     */
    private static Table wholeDays(Table daily, String phase) {
        StringColumn dates = daily.stringColumn("date");
        Selection rows = daily.stringColumn("phase").isEqualTo(phase);
        for (int row = 0; row + 1 < daily.rowCount(); row++) {
            if (dates.get(row).equals(dates.get(row + 1))) {
                rows.removeRange(row, row + 1);
            }
        }
        return TableRows.where(daily, rows);
    }

    private static String firstFailedSignUpUsers(Table rows) {
        LongColumn failed = rows.longColumn("failed_sign_ups");
        for (int row = 0; row < rows.rowCount(); row++) {
            if (failed.getLong(row) > 0) {
                return Long.toString(rows.longColumn("users").getLong(row));
            }
        }
        return LimitTimeline.NOT_REACHED;
    }

    /** Returns the rows before the first day on which the cell limit failed a call. */
    private static Table beforeFirstCellFailure(Table rows) {
        String column = DailyTable.FAILED + "cells";
        if (!rows.containsColumn(column)) {
            return rows;
        }
        LongColumn failed = rows.longColumn(column);
        for (int row = 0; row < rows.rowCount(); row++) {
            if (failed.getLong(row) > 0) {
                return TableRows.first(rows, row);
            }
        }
        return rows;
    }

    /**
     * A phase's cells per year over every workbook.
     *
     * @param perYear the growth scaled to 365 days
     * @param days the days measured
     * @param trend whether it is the least-squares trend of the daily totals, because they fell
     *     on some day, rather than the change from the first day to the last
     */
    public record CellGrowth(long perYear, int days, boolean trend) {
    }

    /**
     * Returns the growth of the cells of every workbook in {@code rows}, one per day. It is the
     * change from each workbook's first day to its last, scaled to a year. When the total fell on
     * some day, as an archiving phase's does at each run, it is the least-squares slope of the
     * daily totals instead, which follows the trend through the archive cycle.
     */
    private static Optional<CellGrowth> cellGrowth(Table rows) {
        long first = 0;
        long end = 0;
        int span = -1;
        long[] totals = new long[rows.rowCount()];
        boolean[] present = new boolean[rows.rowCount()];
        // Looking each column up by name would take time that grows with the square of the
        // columns, as Tablesaw searches them in order.
        for (Column<?> column : rows.columns()) {
            if (!column.name().startsWith(CELLS_PREFIX)) {
                continue;
            }
            LongColumn cells = (LongColumn) column;
            int firstRow = firstPresent(cells);
            int lastRow = lastPresent(cells);
            if (firstRow < 0) {
                continue;
            }
            first += cells.getLong(firstRow);
            end += cells.getLong(lastRow);
            span = Math.max(span, lastRow - firstRow);
            for (int row = firstRow; row <= lastRow; row++) {
                if (!cells.isMissing(row)) {
                    totals[row] += cells.getLong(row);
                    present[row] = true;
                }
            }
        }
        if (span < 1) {
            return Optional.empty();
        }
        if (fell(totals, present)) {
            long perYear = Math.round(slope(totals, present) * 365);
            return Optional.of(new CellGrowth(perYear, span, true));
        }
        return Optional.of(new CellGrowth(Math.round((end - first) * 365.0 / span), span,
                false));
    }

    /** Returns whether a day's total is below the total of the day before it. */
    private static boolean fell(long[] totals, boolean[] present) {
        for (int row = 1; row < totals.length; row++) {
            if (present[row] && present[row - 1] && totals[row] < totals[row - 1]) {
                return true;
            }
        }
        return false;
    }

    /** Returns the least-squares slope of the present totals against their row, per row. */
    private static double slope(long[] totals, boolean[] present) {
        SimpleRegression regression = new SimpleRegression();
        for (int row = 0; row < totals.length; row++) {
            if (present[row]) {
                regression.addData(row, totals[row]);
            }
        }
        return regression.getSlope();
    }

    private static int firstPresent(LongColumn column) {
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                return row;
            }
        }
        return -1;
    }

    private static int lastPresent(LongColumn column) {
        for (int row = column.size() - 1; row >= 0; row--) {
            if (!column.isMissing(row)) {
                return row;
            }
        }
        return -1;
    }
}
