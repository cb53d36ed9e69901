package dev.headroom.sheets.emulator;

import dev.headroom.sheets.limits.Grid;
import dev.headroom.sheets.limits.GridBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A workbook's tabs in display order with their grids, without cell data. A batch of changes is
 * tried on a {@link #copy()} and kept only if every change succeeds, which gives
 * {@code batchUpdate} its all-or-nothing behavior.
 */
final class SheetLayout {

    /** One tab's id and title; its index is its position in the layout. */
    record Sheet(int sheetId, String title) {
    }

    private final List<Sheet> sheets;
    private final GridBudget budget;

    SheetLayout(long cellLimit) {
        this(new ArrayList<>(), new GridBudget(cellLimit));
    }

    private SheetLayout(List<Sheet> sheets, GridBudget budget) {
        this.sheets = sheets;
        this.budget = budget;
    }

    SheetLayout copy() {
        return new SheetLayout(new ArrayList<>(sheets), budget.copy());
    }

    GridBudget budget() {
        return budget;
    }

    List<Sheet> sheets() {
        return List.copyOf(sheets);
    }

    int size() {
        return sheets.size();
    }

    Grid grid(Sheet sheet) {
        return budget.grid(sheet.sheetId());
    }

    int indexOf(Sheet sheet) {
        return sheets.indexOf(sheet);
    }

    /** Returns the tab with this id, or null. */
    Sheet byId(int sheetId) {
        for (Sheet sheet : sheets) {
            if (sheet.sheetId() == sheetId) {
                return sheet;
            }
        }
        return null;
    }

    /** Returns the tab with this title, compared without case as Google does, or null. */
    Sheet byTitle(String title) {
        String requested = title.toLowerCase(Locale.ROOT);
        for (Sheet sheet : sheets) {
            if (sheet.title().toLowerCase(Locale.ROOT).equals(requested)) {
                return sheet;
            }
        }
        return null;
    }

    /**
     * Adds a tab at {@code index} (the end when out of range), charging its grid to the budget.
     */
    void add(Sheet sheet, Grid grid, int index) {
        budget.addTab(sheet.sheetId(), grid);
        int position = index < 0 || index > sheets.size() ? sheets.size() : index;
        sheets.add(position, sheet);
    }

    void remove(Sheet sheet) {
        budget.removeTab(sheet.sheetId());
        sheets.remove(sheet);
    }

    /**
     * Replaces a tab's title and moves it to {@code index} when that is not negative. The index
     * counts positions before the move, as Google documents for SheetProperties.index: the tab
     * goes in front of the tab now at {@code index}, or to the end when the index is past the
     * last tab. So with tabs S1, S2, S3, index 2 moves S1 between S2 and S3, and an index equal
     * to the tab's own position or one more leaves it where it is.
     */
    Sheet update(Sheet sheet, String title, int index) {
        int position = sheets.indexOf(sheet);
        Sheet renamed = new Sheet(sheet.sheetId(), title);
        sheets.set(position, renamed);
        if (index >= 0 && index != position && index != position + 1) {
            sheets.remove(position);
            int target = Math.min(index, sheets.size() + 1);
            sheets.add(target > position ? target - 1 : target, renamed);
        }
        return renamed;
    }
}
