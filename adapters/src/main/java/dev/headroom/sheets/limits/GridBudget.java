package dev.headroom.sheets.limits;

import dev.headroom.sheets.limits.SheetsLimitException.Rule;
import java.util.HashMap;
import java.util.Map;

/**
 * The cell budget of one workbook: the sum of {@code rowCount * columnCount} over every tab's
 * grid, filled cells or not, kept at or below a limit.
 *
 * <p>Google's limit is 10,000,000 cells per workbook ("This limit applies to new, existing, and
 * imported files"), Google Workspace Updates, 2022-03,
 * https://workspaceupdates.googleblog.com/2022/03/ten-million-cells-google-sheets.html (read
 * 2026-12). A call that would pass it fails with HTTP 400 {@code INVALID_ARGUMENT} and the text
 * of {@link #cellLimitMessage(long)} (pygsheets issue 589, 2023-10,
 * https://github.com/nithinmurali/pygsheets/issues/589, read 2026-12).
 *
 * <p>How each call changes the grid:
 * <ul>
 *   <li>A tab added with only a title gets {@link Grid#DEFAULT}.
 *   <li>An append grows the grid by the rows (and columns) it needs; an update does not grow
 *       it, and a range past the grid fails with Google's "exceeds grid limits" text.
 *   <li>A resize applies the new row count, checks the limit, then applies the new column
 *       count and checks again, so {@code newRows * oldColumns} alone can exceed the limit
 *       (gspread-dataframe pull request 38, 2021-02,
 *       https://github.com/robin900/gspread-dataframe/pull/38, read 2026-12).
 * </ul>
 *
 * <p>Every method either applies its whole change or throws and changes nothing. Not
 * thread-safe: callers that share a budget lock around it.
 */
public final class GridBudget {

    /** Google's cell limit per workbook since March 2022. */
    public static final long GOOGLE_CELL_LIMIT = 10_000_000L;

    private final long cellLimit;
    private final Map<Integer, Grid> grids;
    private long cells;

    /** Creates an empty budget with Google's limit of 10,000,000 cells. */
    public GridBudget() {
        this(GOOGLE_CELL_LIMIT);
    }

    /** Creates an empty budget with the given limit, in cells. */
    public GridBudget(long cellLimit) {
        if (cellLimit < 1) {
            throw new IllegalArgumentException("cellLimit must be positive, got " + cellLimit);
        }
        this.cellLimit = cellLimit;
        this.grids = new HashMap<>();
    }

    private GridBudget(GridBudget source) {
        this.cellLimit = source.cellLimit;
        this.grids = new HashMap<>(source.grids);
        this.cells = source.cells;
    }

    /** Returns an independent copy, so a caller can try a batch of changes and drop it. */
    public GridBudget copy() {
        return new GridBudget(this);
    }

    /** Returns the limit, in cells. */
    public long cellLimit() {
        return cellLimit;
    }

    /** Returns the cells in use: the sum of every tab's grid. */
    public long cells() {
        return cells;
    }

    /** Returns the cells left before the limit. */
    public long remainingCells() {
        return cellLimit - cells;
    }

    /** Returns the number of tabs in the budget. */
    public int tabCount() {
        return grids.size();
    }

    /** Returns the grid of a tab, or throws {@link IllegalArgumentException} if it is unknown. */
    public Grid grid(int sheetId) {
        Grid grid = grids.get(sheetId);
        if (grid == null) {
            throw new IllegalArgumentException("No tab with sheet id " + sheetId);
        }
        return grid;
    }

    /** Returns whether the budget contains a tab with this id. */
    public boolean contains(int sheetId) {
        return grids.containsKey(sheetId);
    }

    /**
     * Adds a tab with the given grid.
     *
     * @throws SheetsLimitException if the workbook would pass the cell limit
     * @throws IllegalArgumentException if a tab with this id exists
     */
    public void addTab(int sheetId, Grid grid) {
        if (grids.containsKey(sheetId)) {
            throw new IllegalArgumentException("A tab with sheet id " + sheetId + " exists");
        }
        requireFits(cells + grid.cells());
        grids.put(sheetId, grid);
        cells += grid.cells();
    }

    /** Removes a tab and returns its grid, releasing its cells. */
    public Grid removeTab(int sheetId) {
        Grid grid = grid(sheetId);
        grids.remove(sheetId);
        cells -= grid.cells();
        return grid;
    }

    /**
     * Grows a tab by whole rows, as an append with {@code INSERT_ROWS} does, and returns the new
     * grid. The new cells are {@code rows * columnCount}.
     *
     * @throws SheetsLimitException if the workbook would pass the cell limit
     */
    public Grid insertRows(int sheetId, int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative, got " + rows);
        }
        Grid grid = grid(sheetId);
        return replace(sheetId, grid, new Grid(grid.rowCount() + rows, grid.columnCount()));
    }

    /**
     * Grows a tab so that it reaches at least the given row and column (1-based), as an append
     * with {@code OVERWRITE} does when it writes past the edge, and returns the new grid. A tab
     * that already reaches them is left as it is.
     *
     * @throws SheetsLimitException if the workbook would pass the cell limit
     */
    public Grid growToReach(int sheetId, int lastRow, int lastColumn) {
        Grid grid = grid(sheetId);
        Grid grown = new Grid(Math.max(grid.rowCount(), lastRow),
                Math.max(grid.columnCount(), lastColumn));
        return replace(sheetId, grid, grown);
    }

    /**
     * Resizes a tab's grid as {@code updateSheetProperties} does: the row count first, a limit
     * check, then the column count and a second check.
     *
     * @throws SheetsLimitException if either step would pass the cell limit; nothing changes
     */
    public Grid resize(int sheetId, Grid target) {
        Grid grid = grid(sheetId);
        Grid rowsFirst = new Grid(target.rowCount(), grid.columnCount());
        requireFits(cells - grid.cells() + rowsFirst.cells());
        return replace(sheetId, grid, target);
    }

    /**
     * Checks that a range ending at the given row and column (1-based) lies inside the tab's
     * grid. Updates never grow the grid, so a write past the edge fails.
     *
     * @param rangeA1 the range as the caller wrote it, quoted in the message
     * @throws SheetsLimitException with Google's "exceeds grid limits" text
     */
    public void requireWithinGrid(int sheetId, int lastRow, int lastColumn, String rangeA1) {
        Grid grid = grid(sheetId);
        if (lastRow > grid.rowCount() || lastColumn > grid.columnCount()) {
            throw new SheetsLimitException(Rule.OUTSIDE_GRID,
                    outsideGridMessage(rangeA1, grid));
        }
    }

    /**
     * Returns Google's text for a call that would pass the cell limit.
     *
     * @param cellLimit the workbook's limit, in cells
     */
    public static String cellLimitMessage(long cellLimit) {
        return "This action would increase the number of cells in the workbook above the limit of "
                + cellLimit + " cells.";
    }

    /**
     * Returns Google's text for a range outside a tab's grid, such as
     * {@code Range (Sheet1!A1017) exceeds grid limits. Max rows: 1016, max columns: 26}
     * (gsheet.action issue 611, 2023-11, https://github.com/jroehl/gsheet.action/issues/611,
     * read 2026-12).
     */
    public static String outsideGridMessage(String rangeA1, Grid grid) {
        return "Range (" + rangeA1 + ") exceeds grid limits. Max rows: " + grid.rowCount()
                + ", max columns: " + grid.columnCount();
    }

    private Grid replace(int sheetId, Grid old, Grid replacement) {
        long after = cells - old.cells() + replacement.cells();
        requireFits(after);
        grids.put(sheetId, replacement);
        cells = after;
        return replacement;
    }

    private void requireFits(long cellsAfter) {
        if (cellsAfter > cellLimit) {
            throw new SheetsLimitException(Rule.CELLS_PER_WORKBOOK, cellLimitMessage(cellLimit));
        }
    }
}
