package dev.headroom.model.sheets;

/** The grid a new user's tab gets, which sets how fast a workbook uses its cell budget. */
public enum GridPolicy {

    /**
     * The plan's code: {@code addSheet} with only a title, so the tab gets the default grid of
     * {@link SheetsParams#defaultGrid()} (Google's is 1,000 rows by 26 columns), and appends past
     * its last row grow it one row at a time.
     */
    DEFAULT_GRID,

    /**
     * A careful adapter: {@code addSheet} requests one row as wide as a usage row, and appends
     * grow the grid one row at a time.
     */
    SIZED_TO_ROW
}
