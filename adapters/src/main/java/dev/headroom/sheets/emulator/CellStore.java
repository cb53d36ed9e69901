package dev.headroom.sheets.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The filled cells of one tab, as a sorted map from row to that row's cells. Rows and columns
 * are 1-based; empty rows take no memory.
 */
final class CellStore {

    private final TreeMap<Integer, CellValue[]> rows = new TreeMap<>();

    /** Returns the cell at a row and column, or null when it is empty. */
    CellValue get(int row, int column) {
        CellValue[] cells = rows.get(row);
        return cells == null || column > cells.length ? null : cells[column - 1];
    }

    /** Stores a value, or empties the cell when {@code value} is null. */
    void put(int row, int column, CellValue value) {
        CellValue[] cells = rows.get(row);
        if (value == null) {
            if (cells != null && column <= cells.length) {
                cells[column - 1] = null;
            }
            return;
        }
        if (cells == null || column > cells.length) {
            cells = cells == null ? new CellValue[column] : Arrays.copyOf(cells, column);
            rows.put(row, cells);
        }
        cells[column - 1] = value;
    }

    /**
     * Returns the last row in {@code [fromRow, toRow]} with a value in columns
     * {@code [fromColumn, toColumn]}, or 0 when there is none.
     */
    int lastFilledRow(int fromRow, int toRow, int fromColumn, int toColumn) {
        NavigableMap<Integer, CellValue[]> span = rows.subMap(fromRow, true, toRow, true);
        for (Map.Entry<Integer, CellValue[]> row : span.descendingMap().entrySet()) {
            if (hasValue(row.getValue(), fromColumn, toColumn)) {
                return row.getKey();
            }
        }
        return 0;
    }

    /**
     * Returns the last column in {@code [fromColumn, toColumn]} with a value in any row of
     * {@code [fromRow, toRow]}, or 0 when there is none.
     */
    int lastFilledColumn(int fromRow, int toRow, int fromColumn, int toColumn) {
        if (toRow < fromRow) {
            return 0;
        }
        int last = 0;
        for (CellValue[] cells : rows.subMap(fromRow, true, toRow, true).values()) {
            for (int column = Math.min(toColumn, cells.length); column > last
                    && column >= fromColumn; column--) {
                if (cells[column - 1] != null) {
                    last = column;
                }
            }
        }
        return last;
    }

    /** Shifts every row at or below {@code atRow} down by {@code count} rows. */
    void insertRows(int atRow, int count) {
        NavigableMap<Integer, CellValue[]> moved = new TreeMap<>(rows.tailMap(atRow, true));
        rows.tailMap(atRow, true).clear();
        for (Map.Entry<Integer, CellValue[]> row : moved.entrySet()) {
            rows.put(row.getKey() + count, row.getValue());
        }
    }

    /** Empties every cell in the rectangle, with inclusive bounds. */
    void clear(int fromRow, int toRow, int fromColumn, int toColumn) {
        for (CellValue[] cells : rows.subMap(fromRow, true, toRow, true).values()) {
            int last = Math.min(toColumn, cells.length);
            for (int column = fromColumn; column <= last; column++) {
                cells[column - 1] = null;
            }
        }
    }

    /** Drops every cell outside a grid of the given size, as a shrinking resize does. */
    void truncate(int rowCount, int columnCount) {
        rows.tailMap(rowCount, false).clear();
        for (Map.Entry<Integer, CellValue[]> row : rows.entrySet()) {
            if (row.getValue().length > columnCount) {
                row.setValue(Arrays.copyOf(row.getValue(), columnCount));
            }
        }
    }

    /**
     * Reads a rectangle row by row, rendering each value, with trailing empty cells of each row
     * and trailing empty rows left out, as the API returns them.
     */
    List<List<Object>> read(A1Range range, CellValue.ValueRenderOption option) {
        List<List<Object>> values = new ArrayList<>();
        int pendingEmptyRows = 0;
        for (int row = range.startRow(); row <= range.endRow(); row++) {
            List<Object> line = readRow(row, range.startColumn(), range.endColumn(), option);
            if (line.isEmpty()) {
                pendingEmptyRows++;
                continue;
            }
            for (; pendingEmptyRows > 0; pendingEmptyRows--) {
                values.add(List.of());
            }
            values.add(line);
        }
        return values;
    }

    private List<Object> readRow(int row, int fromColumn, int toColumn,
            CellValue.ValueRenderOption option) {
        CellValue[] cells = rows.get(row);
        List<Object> line = new ArrayList<>();
        if (cells == null) {
            return line;
        }
        int last = Math.min(toColumn, cells.length);
        int pendingEmpty = 0;
        for (int column = fromColumn; column <= last; column++) {
            CellValue cell = cells[column - 1];
            if (cell == null) {
                pendingEmpty++;
                continue;
            }
            for (; pendingEmpty > 0; pendingEmpty--) {
                line.add("");
            }
            line.add(cell.render(option));
        }
        return line;
    }

    private static boolean hasValue(CellValue[] cells, int fromColumn, int toColumn) {
        int last = Math.min(toColumn, cells.length);
        for (int column = fromColumn; column <= last; column++) {
            if (cells[column - 1] != null) {
                return true;
            }
        }
        return false;
    }
}
