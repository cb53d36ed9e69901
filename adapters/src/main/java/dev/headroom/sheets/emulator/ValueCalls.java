package dev.headroom.sheets.emulator;

import com.google.api.services.sheets.v4.model.AppendValuesResponse;
import com.google.api.services.sheets.v4.model.BatchGetValuesResponse;
import com.google.api.services.sheets.v4.model.ClearValuesResponse;
import com.google.api.services.sheets.v4.model.UpdateValuesResponse;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.headroom.sheets.limits.CellCharacterLimit;
import dev.headroom.sheets.limits.SheetsLimitException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code spreadsheets.values} calls: {@code get}, {@code batchGet}, {@code update},
 * {@code append} and {@code clear}. Reads and writes of a range whose closed edges lie past the
 * grid fail with Google's "exceeds grid limits" text; only {@code append} grows the grid.
 */
final class ValueCalls {

    private final WorkbookStore store;
    private final CellCharacterLimit characterLimit;

    ValueCalls(WorkbookStore store, CellCharacterLimit characterLimit) {
        this.store = store;
        this.characterLimit = characterLimit;
    }

    /** Reads one range. */
    String get(String spreadsheetId, String range, QueryParameters query) {
        Workbook workbook = store.require(spreadsheetId);
        synchronized (workbook) {
            return Json.write(read(workbook, range, query));
        }
    }

    /** Reads several ranges in one call. */
    String batchGet(String spreadsheetId, QueryParameters query) {
        Workbook workbook = store.require(spreadsheetId);
        synchronized (workbook) {
            List<ValueRange> ranges = new ArrayList<>();
            for (String range : query.all("ranges")) {
                ranges.add(read(workbook, range, query));
            }
            return Json.write(new BatchGetValuesResponse().setSpreadsheetId(spreadsheetId)
                    .setValueRanges(ranges));
        }
    }

    /** Writes values into a range without growing the grid. */
    String update(String spreadsheetId, String rangeText, QueryParameters query, String body) {
        ValueInput.Option option = ValueInput.option(query.first("valueInputOption"));
        List<List<CellValue>> rows = ValueInput.rows(Json.parse(body, ValueRange.class), option,
                characterLimit);
        Workbook workbook = store.require(spreadsheetId);
        synchronized (workbook) {
            Workbook.Target target = workbook.resolve(rangeText);
            A1Range range = target.range();
            A1Range written = writtenArea(range, range.startRow(), rows);
            requireInsideRequestedRange(range, written);
            withinGrid(workbook, new Workbook.Target(target.sheet(), written), range.format());
            return Json.write(write(workbook, target, written, rows));
        }
    }

    /**
     * Writes values after the last filled row of the table found in the range. The table is
     * every row from the range's first row with a value in the range's columns (all columns
     * from the first when the range is one cell or has an open right edge).
     *
     * <p>NOTE: Google's table detection is more elaborate; this rule matches it for a tab
     * whose rows are filled from the top without gaps, which is how the ledger writes.
     */
    String append(String spreadsheetId, String rangeText, QueryParameters query, String body) {
        ValueInput.Option option = ValueInput.option(query.first("valueInputOption"));
        boolean insertRows = insertRows(query.first("insertDataOption"));
        List<List<CellValue>> rows = ValueInput.rows(Json.parse(body, ValueRange.class), option,
                characterLimit);
        Workbook workbook = store.require(spreadsheetId);
        synchronized (workbook) {
            Workbook.Target target = workbook.resolve(rangeText);
            A1Range range = target.range();
            withinGrid(workbook, new Workbook.Target(target.sheet(), new A1Range(
                    range.sheetTitle(), range.startRow(), range.startColumn(), range.startRow(),
                    range.startColumn())), range.format());
            CellStore cells = workbook.cells(target.sheet());
            boolean anchor = isSingleCell(range) || range.endColumn() == A1Range.OPEN;
            int lastColumn = anchor ? A1Range.OPEN - 1 : range.endColumn();
            int lastRow = anchor || range.endRow() == A1Range.OPEN
                    ? A1Range.OPEN - 1 : range.endRow();
            int tableEnd = cells.lastFilledRow(range.startRow(), lastRow, range.startColumn(),
                    lastColumn);
            int tableRight = cells.lastFilledColumn(range.startRow(), tableEnd,
                    range.startColumn(), lastColumn);
            int firstFreeRow = tableEnd == 0 ? range.startRow() : tableEnd + 1;
            A1Range written = writtenArea(range, firstFreeRow, rows);
            if (!rows.isEmpty()) {
                growGrid(workbook, target.sheet(), written, rows.size(), insertRows);
            }
            UpdateValuesResponse updates = write(workbook, target, written, rows);
            AppendValuesResponse response = new AppendValuesResponse()
                    .setSpreadsheetId(spreadsheetId).setUpdates(updates);
            if (tableEnd != 0) {
                response.setTableRange(new A1Range(range.sheetTitle(), range.startRow(),
                        range.startColumn(), tableEnd, tableRight).format());
            }
            return Json.write(response);
        }
    }

    /** Empties every cell of a range, leaving the grid as it is. */
    String clear(String spreadsheetId, String rangeText) {
        Workbook workbook = store.require(spreadsheetId);
        synchronized (workbook) {
            Workbook.Target target = workbook.resolve(rangeText);
            workbook.requireWithinGrid(target);
            A1Range bounded = workbook.bounded(target);
            workbook.cells(target.sheet()).clear(bounded.startRow(), bounded.endRow(),
                    bounded.startColumn(), bounded.endColumn());
            return Json.write(new ClearValuesResponse().setSpreadsheetId(spreadsheetId)
                    .setClearedRange(bounded.format()));
        }
    }

    private ValueRange read(Workbook workbook, String rangeText, QueryParameters query) {
        CellValue.ValueRenderOption render = renderOption(query.first("valueRenderOption"));
        Workbook.Target target = workbook.resolve(rangeText);
        workbook.requireWithinGrid(target);
        A1Range bounded = workbook.bounded(target);
        List<List<Object>> values = workbook.cells(target.sheet()).read(bounded, render);
        String dimension = query.first("majorDimension") == null
                ? "ROWS" : query.first("majorDimension");
        if (dimension.equals("COLUMNS")) {
            values = ValueInput.transpose(values);
        } else if (!dimension.equals("ROWS")) {
            throw ApiException.invalidArgument("Invalid majorDimension: " + dimension
                    + "; use ROWS or COLUMNS.");
        }
        ValueRange result = new ValueRange().setRange(bounded.format())
                .setMajorDimension(dimension);
        return values.isEmpty() ? result : result.setValues(values);
    }

    private static UpdateValuesResponse write(Workbook workbook, Workbook.Target target,
            A1Range written, List<List<CellValue>> rows) {
        CellStore cells = workbook.cells(target.sheet());
        int updatedCells = 0;
        for (int r = 0; r < rows.size(); r++) {
            List<CellValue> line = rows.get(r);
            for (int c = 0; c < line.size(); c++) {
                CellValue value = line.get(c);
                if (value == null) {
                    continue;
                }
                boolean empty = value.kind() == CellValue.Kind.STRING && value.text().isEmpty();
                cells.put(written.startRow() + r, written.startColumn() + c,
                        empty ? null : value);
                updatedCells++;
            }
        }
        UpdateValuesResponse response = new UpdateValuesResponse()
                .setSpreadsheetId(workbook.spreadsheetId());
        if (rows.isEmpty()) {
            return response.setUpdatedRows(0).setUpdatedColumns(0).setUpdatedCells(0);
        }
        return response.setUpdatedRange(written.format()).setUpdatedRows(rows.size())
                .setUpdatedColumns(ValueInput.width(rows)).setUpdatedCells(updatedCells);
    }

    private static void growGrid(Workbook workbook, SheetLayout.Sheet sheet, A1Range written,
            int height, boolean insertRows) {
        SheetLayout draft = workbook.layout().copy();
        try {
            if (insertRows) {
                draft.budget().insertRows(sheet.sheetId(), height);
                draft.budget().growToReach(sheet.sheetId(), 1, written.endColumn());
            } else {
                draft.budget().growToReach(sheet.sheetId(), written.endRow(),
                        written.endColumn());
            }
        } catch (SheetsLimitException full) {
            throw ApiException.invalidArgument(full.getMessage());
        }
        if (insertRows) {
            workbook.cells(sheet).insertRows(written.startRow(), height);
        }
        workbook.commit(draft);
    }

    private static void withinGrid(Workbook workbook, Workbook.Target target, String requested) {
        try {
            A1Range range = target.range();
            workbook.layout().budget().requireWithinGrid(target.sheet().sheetId(),
                    range.endRow(), range.endColumn(), requested);
        } catch (SheetsLimitException outside) {
            throw ApiException.invalidArgument(outside.getMessage());
        }
    }

    private static A1Range writtenArea(A1Range range, int firstRow, List<List<CellValue>> rows) {
        int height = Math.max(rows.size(), 1);
        int width = Math.max(ValueInput.width(rows), 1);
        return new A1Range(range.sheetTitle(), firstRow, range.startColumn(),
                firstRow + height - 1, range.startColumn() + width - 1);
    }

    /**
     * Rejects data that spills past a closed edge of the requested range, with Google's text. A
     * one-cell range is an anchor: the data may extend from it in any size.
     */
    private static void requireInsideRequestedRange(A1Range range, A1Range written) {
        if (isSingleCell(range)) {
            return;
        }
        if (range.endRow() != A1Range.OPEN && written.endRow() > range.endRow()) {
            throw ApiException.invalidArgument("Requested writing within range ["
                    + range.format() + "], but tried writing to row [" + written.endRow() + "]");
        }
        if (range.endColumn() != A1Range.OPEN && written.endColumn() > range.endColumn()) {
            throw ApiException.invalidArgument("Requested writing within range ["
                    + range.format() + "], but tried writing to column ["
                    + A1Range.columnName(written.endColumn()) + "]");
        }
    }

    private static boolean isSingleCell(A1Range range) {
        return range.startRow() == range.endRow() && range.startColumn() == range.endColumn();
    }

    private static boolean insertRows(String option) {
        if (option == null || option.equals("OVERWRITE")) {
            return false;
        }
        if (option.equals("INSERT_ROWS")) {
            return true;
        }
        throw ApiException.invalidArgument("Invalid insertDataOption: " + option
                + "; use OVERWRITE or INSERT_ROWS.");
    }

    private static CellValue.ValueRenderOption renderOption(String option) {
        if (option == null) {
            return CellValue.ValueRenderOption.FORMATTED_VALUE;
        }
        try {
            return CellValue.ValueRenderOption.valueOf(option);
        } catch (IllegalArgumentException unknown) {
            throw ApiException.invalidArgument("Invalid valueRenderOption: " + option
                    + "; use FORMATTED_VALUE, UNFORMATTED_VALUE or FORMULA.");
        }
    }
}
