package dev.headroom.model.sheets;

import dev.headroom.sheets.limits.Grid;
import dev.headroom.sheets.limits.GridBudget;

/** One modelled workbook: its cell budget over every tab's grid, with tabs keyed by user. */
final class Workbook {

    private final GridBudget budget;
    private final GridPolicy policy;
    private final Grid defaultGrid;
    private final int rowColumns;

    Workbook(SheetsParams params) {
        this.budget = new GridBudget(params.cellLimit());
        this.policy = params.gridPolicy();
        this.defaultGrid = params.defaultGrid();
        this.rowColumns = params.rowColumns();
        for (int preset = 1; preset <= params.presetTabs(); preset++) {
            budget.addTab(-preset, defaultGrid);
        }
    }

    int tabCount() {
        return budget.tabCount();
    }

    long cells() {
        return budget.cells();
    }

    long cellLimit() {
        return budget.cellLimit();
    }

    /** Adds the user's tab with the policy's grid; throws if the cell limit would be passed. */
    void addTab(int user) {
        Grid grid = policy == GridPolicy.DEFAULT_GRID ? defaultGrid : new Grid(1, rowColumns);
        budget.addTab(user, grid);
    }

    /**
     * Adds the user's tab with {@code grid}, the grid it has in an earlier phase's copy of this
     * workbook; throws if the cell limit would be passed.
     */
    void addTab(int user, Grid grid) {
        budget.addTab(user, grid);
    }

    /** Returns the grid of the user's tab. */
    Grid grid(int user) {
        return budget.grid(user);
    }

    /** Returns the most rows the user's tab can reach without passing the cell limit. */
    int maxRows(int user) {
        Grid grid = budget.grid(user);
        long others = budget.cells() - grid.cells();
        long columns = Math.max(grid.columnCount(), rowColumns);
        return (int) Math.min(Integer.MAX_VALUE, (budget.cellLimit() - others) / columns);
    }

    /** Grows the user's tab to hold {@code rows} rows, as an append past the grid's edge does. */
    void reachRow(int user, int rows) {
        budget.growToReach(user, Math.max(1, rows), rowColumns);
    }

    /**
     * Removes {@code count} rows from the user's grid, as {@code deleteDimension} does. A grid
     * has at least one row, so it never falls below one.
     */
    void deleteRows(int user, int count) {
        Grid grid = budget.grid(user);
        int remaining = Math.max(1, grid.rowCount() - count);
        budget.resize(user, new Grid(remaining, grid.columnCount()));
    }
}
