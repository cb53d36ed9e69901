package dev.headroom.sheets.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.headroom.sheets.limits.SheetsLimitException.Rule;
import org.junit.jupiter.api.Test;

class GridBudgetTest {

    private static final String LIMIT_TEXT = "This action would increase the number of cells in the"
            + " workbook above the limit of 10000000 cells.";

    @Test
    void defaultTabsFitUpToTheLimit() {
        // 384 default tabs use 9,984,000 cells; a 385th would need 10,010,000.
        GridBudget budget = new GridBudget();
        for (int id = 0; id < 384; id++) {
            budget.addTab(id, Grid.DEFAULT);
        }
        assertEquals(9_984_000L, budget.cells());

        SheetsLimitException error = assertThrows(SheetsLimitException.class,
                () -> budget.addTab(384, Grid.DEFAULT));

        assertEquals(Rule.CELLS_PER_WORKBOOK, error.rule());
        assertEquals(LIMIT_TEXT, error.getMessage());
        assertEquals(384, budget.tabCount());
        assertEquals(9_984_000L, budget.cells());
    }

    @Test
    void tabFillingExactlyTheLimitFits() {
        GridBudget budget = new GridBudget(100);
        budget.addTab(1, new Grid(10, 10));

        assertEquals(0, budget.remainingCells());
        assertThrows(SheetsLimitException.class, () -> budget.addTab(2, new Grid(1, 1)));
    }

    @Test
    void insertedRowsGrowByTheTabWidth() {
        GridBudget budget = new GridBudget(26_000 + 26 * 5);
        budget.addTab(7, Grid.DEFAULT);

        Grid grown = budget.insertRows(7, 5);

        assertEquals(new Grid(1_005, 26), grown);
        assertEquals(0, budget.remainingCells());
        SheetsLimitException error = assertThrows(SheetsLimitException.class,
                () -> budget.insertRows(7, 1));
        assertEquals(Rule.CELLS_PER_WORKBOOK, error.rule());
        assertEquals(new Grid(1_005, 26), budget.grid(7));
    }

    @Test
    void growToReachLeavesLargeGridAlone() {
        GridBudget budget = new GridBudget(200);
        budget.addTab(1, new Grid(10, 10));

        assertEquals(new Grid(10, 10), budget.growToReach(1, 10, 3));
        assertEquals(new Grid(12, 10), budget.growToReach(1, 12, 3));
        assertEquals(new Grid(12, 11), budget.growToReach(1, 1, 11));
        assertEquals(132, budget.cells());
    }

    @Test
    void growToReachStopsAtTheLimit() {
        GridBudget budget = new GridBudget(100);
        budget.addTab(1, new Grid(9, 10));

        budget.growToReach(1, 10, 10);

        assertThrows(SheetsLimitException.class, () -> budget.growToReach(1, 11, 10));
        assertEquals(100, budget.cells());
    }

    @Test
    void resizeChecksRowsBeforeColumns() {
        // 100 x 100 -> 200 x 40 ends at 8,000 cells, but 200 x 100 = 20,000 is checked first.
        GridBudget budget = new GridBudget(19_999);
        budget.addTab(1, new Grid(100, 100));

        SheetsLimitException error = assertThrows(SheetsLimitException.class,
                () -> budget.resize(1, new Grid(200, 40)));

        assertEquals(Rule.CELLS_PER_WORKBOOK, error.rule());
        assertEquals(new Grid(100, 100), budget.grid(1));
        assertEquals(10_000, budget.cells());
    }

    @Test
    void resizeWhoseRowStepFitsSucceeds() {
        GridBudget budget = new GridBudget(20_000);
        budget.addTab(1, new Grid(100, 100));

        Grid resized = budget.resize(1, new Grid(200, 40));

        assertEquals(new Grid(200, 40), resized);
        assertEquals(8_000, budget.cells());
    }

    @Test
    void resizeChecksFinalColumns() {
        GridBudget budget = new GridBudget(1_000);
        budget.addTab(1, new Grid(10, 10));

        budget.resize(1, new Grid(10, 100));

        assertThrows(SheetsLimitException.class, () -> budget.resize(1, new Grid(10, 101)));
        assertEquals(1_000, budget.cells());
    }

    @Test
    void writeInsideGridPassesAndPastItFails() {
        GridBudget budget = new GridBudget();
        budget.addTab(3, new Grid(1_016, 26));

        budget.requireWithinGrid(3, 1_016, 26, "xxx!A1016:Z1016");
        SheetsLimitException error = assertThrows(SheetsLimitException.class,
                () -> budget.requireWithinGrid(3, 1_017, 1, "xxx!A1017"));

        assertEquals(Rule.OUTSIDE_GRID, error.rule());
        assertEquals("Range (xxx!A1017) exceeds grid limits. Max rows: 1016, max columns: 26",
                error.getMessage());
        assertThrows(SheetsLimitException.class,
                () -> budget.requireWithinGrid(3, 1, 27, "xxx!AA1"));
    }

    @Test
    void removedTabReleasesItsCells() {
        GridBudget budget = new GridBudget(26_000);
        budget.addTab(1, Grid.DEFAULT);

        assertEquals(Grid.DEFAULT, budget.removeTab(1));

        assertEquals(0, budget.cells());
        budget.addTab(2, Grid.DEFAULT);
        assertEquals(26_000, budget.cells());
    }

    @Test
    void copyIsIndependent() {
        GridBudget budget = new GridBudget();
        budget.addTab(1, Grid.DEFAULT);

        GridBudget trial = budget.copy();
        trial.addTab(2, Grid.DEFAULT);

        assertEquals(1, budget.tabCount());
        assertEquals(2, trial.tabCount());
    }

    @Test
    void unknownTabAndDuplicateIdAreRejected() {
        GridBudget budget = new GridBudget();
        budget.addTab(1, Grid.DEFAULT);

        assertThrows(IllegalArgumentException.class, () -> budget.addTab(1, Grid.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> budget.insertRows(2, 1));
    }
}
