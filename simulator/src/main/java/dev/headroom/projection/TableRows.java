package dev.headroom.projection;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * Row filters for the daily table, which has a column per gauge: two per workbook, so tens of
 * thousands in a plan with thousands of workbooks. Tablesaw's own {@code where} and
 * {@code first} check each added column's name against every column already added, a time that
 * grows with the square of the columns. These copy the columns without that check, because the
 * source table's names are already unique.
 */
final class TableRows {

    private TableRows() {
    }

    /** Returns a table of the selected rows of {@code table}, with all its columns. */
    static Table where(Table table, Selection rows) {
        Table result = Table.create(table.name());
        for (Column<?> column : table.columns()) {
            result.internalAddWithoutValidation(column.where(rows));
        }
        return result;
    }

    /** Returns a table of the first {@code count} rows of {@code table}, or all of them. */
    static Table first(Table table, int count) {
        return where(table, Selection.withRange(0, Math.min(count, table.rowCount())));
    }

    /**
     * Returns the first row of the daily table whose day index is {@code day} or later, or its
     * row count if none is. A day on which a phase went live after midnight has two rows.
     */
    static int firstRowOfDay(Table daily, int day) {
        IntColumn days = daily.intColumn("day");
        int row = 0;
        while (row < days.size() && days.getInt(row) < day) {
            row++;
        }
        return row;
    }
}
