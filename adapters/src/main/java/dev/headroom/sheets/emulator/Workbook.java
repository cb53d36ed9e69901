package dev.headroom.sheets.emulator;

import dev.headroom.sheets.limits.Grid;
import java.util.HashMap;
import java.util.Map;

/**
 * One spreadsheet held in memory: its title, its tab layout and each tab's cells. Callers lock
 * the workbook (synchronize on it) around every read and change.
 */
final class Workbook {

    /** A range resolved to a tab, with the title spelled as the tab spells it. */
    record Target(SheetLayout.Sheet sheet, A1Range range) {
    }

    private final String spreadsheetId;
    private final String title;
    private final Map<Integer, CellStore> cells = new HashMap<>();
    private SheetLayout layout;
    private int nextSheetId;

    Workbook(String spreadsheetId, String title, SheetLayout layout) {
        this.spreadsheetId = spreadsheetId;
        this.title = title;
        this.layout = layout;
        for (SheetLayout.Sheet sheet : layout.sheets()) {
            nextSheetId = Math.max(nextSheetId, sheet.sheetId() + 1);
        }
    }

    String spreadsheetId() {
        return spreadsheetId;
    }

    String title() {
        return title;
    }

    SheetLayout layout() {
        return layout;
    }

    /** Returns an unused sheet id; ids are handed out in increasing order. */
    int newSheetId(SheetLayout draft) {
        while (draft.byId(nextSheetId) != null) {
            nextSheetId++;
        }
        return nextSheetId++;
    }

    /**
     * Keeps a draft layout tried by a batch, dropping the cells of removed tabs and the cells
     * outside shrunken grids.
     */
    void commit(SheetLayout draft) {
        cells.keySet().removeIf(sheetId -> draft.byId(sheetId) == null);
        for (SheetLayout.Sheet sheet : draft.sheets()) {
            CellStore store = cells.get(sheet.sheetId());
            if (store != null) {
                Grid grid = draft.grid(sheet);
                store.truncate(grid.rowCount(), grid.columnCount());
            }
        }
        layout = draft;
    }

    /** Returns the cells of a tab, creating an empty store on first use. */
    CellStore cells(SheetLayout.Sheet sheet) {
        return cells.computeIfAbsent(sheet.sheetId(), id -> new CellStore());
    }

    /**
     * Resolves A1 text to a tab and range. A bare title names the whole tab; bare cells name
     * cells of the first tab.
     *
     * @throws ApiException with Google's {@code Unable to parse range} text when the text is
     *     invalid or names no tab
     */
    Target resolve(String text) {
        SheetLayout.Sheet exact = text.indexOf('!') < 0 ? layout.byTitle(text) : null;
        if (exact != null) {
            return new Target(exact, A1Range.wholeSheet(exact.title()));
        }
        if (text.indexOf('!') < 0 && !text.startsWith("'") && !A1Range.isCellsOnly(text)) {
            throw A1Range.unparsable(text);
        }
        A1Range parsed = A1Range.parse(text);
        SheetLayout.Sheet sheet = parsed.sheetTitle() == null
                ? layout.sheets().get(0) : layout.byTitle(parsed.sheetTitle());
        if (sheet == null) {
            throw A1Range.unparsable(text);
        }
        return new Target(sheet, parsed.onSheet(sheet.title()));
    }

    /**
     * Checks that the range's closed edges lie inside the tab's grid, as Google does for reads
     * and writes alike.
     */
    void requireWithinGrid(Target target) {
        A1Range range = target.range();
        int lastRow = range.endRow() == A1Range.OPEN ? range.startRow() : range.endRow();
        int lastColumn = range.endColumn() == A1Range.OPEN
                ? range.startColumn() : range.endColumn();
        layout.budget().requireWithinGrid(target.sheet().sheetId(), lastRow, lastColumn,
                range.format());
    }

    /** Returns the range with its open edges closed at the tab's grid. */
    A1Range bounded(Target target) {
        Grid grid = layout.grid(target.sheet());
        return target.range().bounded(grid.rowCount(), grid.columnCount());
    }
}
