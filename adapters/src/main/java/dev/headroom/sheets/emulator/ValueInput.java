package dev.headroom.sheets.emulator;

import com.google.api.client.util.Data;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.headroom.sheets.limits.CellCharacterLimit;
import dev.headroom.sheets.limits.SheetsLimitException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The values of a write request, parsed into cells row by row. A null cell (JSON {@code null}
 * or a short row) means "leave this cell as it is" and an empty string empties the cell, as the
 * API documents for input values.
 */
final class ValueInput {

    /** The parsing mode of input values: Google's {@code valueInputOption}. */
    enum Option { RAW, USER_ENTERED }

    private ValueInput() {
    }

    /**
     * Reads {@code valueInputOption} from a query value.
     *
     * @throws ApiException when it is missing or not RAW or USER_ENTERED
     */
    static Option option(String value) {
        if (value == null) {
            throw ApiException.invalidArgument("'valueInputOption' is required but not"
                    + " specified; use RAW or USER_ENTERED.");
        }
        try {
            return Option.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            throw ApiException.invalidArgument("Invalid valueInputOption: " + value
                    + "; use RAW or USER_ENTERED.");
        }
    }

    /**
     * Parses the body's values into rows of cells, transposing {@code COLUMNS} input, and
     * checks each value against the per-cell character limit.
     */
    static List<List<CellValue>> rows(ValueRange body, Option option, CellCharacterLimit limit) {
        List<List<Object>> values = body.getValues() == null ? List.of() : body.getValues();
        requireDimension(body.getMajorDimension());
        if ("COLUMNS".equals(body.getMajorDimension())) {
            values = transpose(values);
        }
        List<List<CellValue>> rows = new ArrayList<>();
        for (int r = 0; r < values.size(); r++) {
            List<Object> line = values.get(r) == null ? List.of() : values.get(r);
            List<CellValue> cells = new ArrayList<>();
            for (int c = 0; c < line.size(); c++) {
                cells.add(cell(line.get(c), option, limit, r, c));
            }
            rows.add(cells);
        }
        return rows;
    }

    /**
     * Rejects a {@code majorDimension} that is not a value of Google's Dimension enum. An unset
     * or unspecified dimension means ROWS when writing.
     */
    private static void requireDimension(String dimension) {
        if (dimension == null || dimension.equals("ROWS") || dimension.equals("COLUMNS")
                || dimension.equals("DIMENSION_UNSPECIFIED")) {
            return;
        }
        throw ApiException.invalidArgument("Invalid value at 'majorDimension': \"" + dimension
                + "\"; use ROWS or COLUMNS.");
    }

    /** Returns the widest row's length. */
    static int width(List<? extends List<?>> rows) {
        int width = 0;
        for (List<?> row : rows) {
            width = Math.max(width, row.size());
        }
        return width;
    }

    /** Swaps rows and columns; missing cells become null. */
    static List<List<Object>> transpose(List<List<Object>> values) {
        int width = width(values);
        List<List<Object>> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<Object> column = new ArrayList<>();
            for (List<Object> row : values) {
                column.add(row != null && c < row.size() ? row.get(c) : null);
            }
            columns.add(column);
        }
        return columns;
    }

    private static String kindOf(Object input) {
        if (input instanceof Map) {
            return "an object";
        }
        return input instanceof List ? "a list" : "a " + input.getClass().getSimpleName();
    }

    private static CellValue cell(Object input, Option option, CellCharacterLimit limit, int r,
            int c) {
        if (input == null || Data.isNull(input)) {
            return null;
        }
        String position = "Invalid values[" + r + "][" + c + "]: ";
        if (!(input instanceof String || input instanceof Number || input instanceof Boolean)) {
            throw ApiException.invalidArgument(position + "a cell value must be a string, number"
                    + " or boolean, not " + kindOf(input) + ".");
        }
        if (input instanceof Number && !Double.isFinite(((Number) input).doubleValue())) {
            throw ApiException.invalidArgument(position + input
                    + " is outside the range of a double-precision number.");
        }
        CellValue value = option == Option.RAW ? CellValue.raw(input)
                : CellValue.userEntered(input);
        try {
            limit.requireAdmits(value.text());
        } catch (SheetsLimitException tooLong) {
            throw ApiException.invalidArgument(tooLong.getMessage());
        }
        return value;
    }
}
