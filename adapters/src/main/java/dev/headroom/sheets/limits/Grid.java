package dev.headroom.sheets.limits;

/**
 * The size of one tab's grid. Google counts every cell of the grid against the workbook's cell
 * limit, filled or not.
 *
 * @param rowCount rows in the grid, at least 1
 * @param columnCount columns in the grid, at least 1
 */
public record Grid(int rowCount, int columnCount) {

    /**
     * The grid of a tab created with only a title, by {@code spreadsheets.create} or by an
     * {@code addSheet} request: 1,000 rows by 26 columns (A to Z). Source: gspread pull request
     * https://github.com/burnash/gspread/pull/704 (2019), read 2026-12.
     */
    public static final Grid DEFAULT = new Grid(1_000, 26);

    public Grid {
        if (rowCount < 1 || columnCount < 1) {
            throw new IllegalArgumentException("A grid needs at least one row and one column, got "
                    + rowCount + " rows and " + columnCount + " columns");
        }
    }

    /** Returns the number of cells in the grid, {@code rowCount * columnCount}. */
    public long cells() {
        return (long) rowCount * columnCount;
    }
}
