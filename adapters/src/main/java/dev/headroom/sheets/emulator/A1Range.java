package dev.headroom.sheets.emulator;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed A1-notation range: an optional tab title and a rectangle of 1-based rows and
 * columns whose far edges may be open ({@link #OPEN}), as in {@code 'My tab'!A2:F},
 * {@code Sheet1!A:A}, {@code Sheet1!3:5} or a bare title for the whole tab.
 *
 * @param sheetTitle the tab title with quotes removed, or null when the text names no tab
 * @param startRow the first row, from 1
 * @param startColumn the first column, from 1 (column A)
 * @param endRow the last row, or {@link #OPEN} to run to the end of the grid
 * @param endColumn the last column, or {@link #OPEN} to run to the end of the grid
 */
record A1Range(String sheetTitle, int startRow, int startColumn, int endRow, int endColumn) {

    /** The marker of an edge that runs to the end of the grid. */
    static final int OPEN = Integer.MAX_VALUE;

    /**
     * A cell: up to three column letters (ZZZ, column 18,278, is Google's last) and up to nine
     * row digits. A workbook's 10,000,000 cells can all sit in one column, so row 10,000,000
     * (eight digits) is a real row; nine digits keep every row number within an {@code int},
     * and a row past the grid then fails with Google's "exceeds grid limits" text.
     */
    private static final Pattern CELL = Pattern.compile("([A-Za-z]{0,3})([0-9]{0,9})");
    private static final Pattern SIMPLE_TITLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern CELL_LIKE = Pattern.compile("[A-Za-z]{1,3}[0-9]+|[Rr][0-9]*"
            + "[Cc][0-9]*");

    /** Returns the whole of a tab. */
    static A1Range wholeSheet(String title) {
        return new A1Range(title, 1, 1, OPEN, OPEN);
    }

    /**
     * Parses A1 notation. A text without {@code !} is returned as a title when it is quoted,
     * and as cells of an unnamed tab otherwise. Use {@link #isCellsOnly(String)} to distinguish
     * them.
     *
     * @throws ApiException with Google's {@code Unable to parse range} text when it is invalid
     */
    static A1Range parse(String text) {
        int bang = titleEnd(text);
        if (bang < 0) {
            if (text.startsWith("'")) {
                return wholeSheet(unquote(text, text));
            }
            return cells(null, text, text);
        }
        String title = unquote(text.substring(0, bang), text);
        String cells = text.substring(bang + 1);
        return cells.isEmpty() ? wholeSheet(title) : cells(title, cells, text);
    }

    /** Returns whether the text, with no {@code !}, parses as cells rather than a title. */
    static boolean isCellsOnly(String text) {
        if (titleEnd(text) >= 0 || text.startsWith("'")) {
            return false;
        }
        try {
            cells(null, text, text);
            return true;
        } catch (ApiException notCells) {
            return false;
        }
    }

    /** Returns a copy that names the given tab. */
    A1Range onSheet(String title) {
        return new A1Range(title, startRow, startColumn, endRow, endColumn);
    }

    /** Returns a copy whose open edges end at the given grid size. */
    A1Range bounded(int rowCount, int columnCount) {
        return new A1Range(sheetTitle, startRow, startColumn,
                endRow == OPEN ? rowCount : endRow, endColumn == OPEN ? columnCount : endColumn);
    }

    /**
     * Formats the range as Google writes it back, quoting the title when needed. An open edge
     * leaves out its row or column, as in {@code T!A1001:B}.
     */
    String format() {
        String start = columnName(startColumn) + startRow;
        String cells = endRow == startRow && endColumn == startColumn
                ? start : start + ":" + endName();
        return sheetTitle == null ? cells : quoteTitle(sheetTitle) + "!" + cells;
    }

    /** Returns the title as A1 notation writes it: bare when simple, else in single quotes. */
    static String quoteTitle(String title) {
        if (SIMPLE_TITLE.matcher(title).matches() && !CELL_LIKE.matcher(title).matches()) {
            return title;
        }
        return "'" + title.replace("'", "''") + "'";
    }

    /** Returns the letters of a 1-based column: 1 is A, 27 is AA. */
    static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int remaining = column; remaining > 0; remaining = (remaining - 1) / 26) {
            name.insert(0, (char) ('A' + (remaining - 1) % 26));
        }
        return name.toString();
    }

    private String endName() {
        String letters = endColumn == OPEN ? "" : columnName(endColumn);
        return endRow == OPEN ? letters : letters + endRow;
    }

    private static int titleEnd(String text) {
        if (!text.startsWith("'")) {
            return text.lastIndexOf('!');
        }
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i + 1 < text.length() && text.charAt(i + 1) == '!' ? i + 1 : -1;
                }
            }
        }
        return -1;
    }

    private static String unquote(String title, String whole) {
        if (!title.startsWith("'")) {
            return title;
        }
        if (title.length() < 2 || !title.endsWith("'")) {
            throw unparsable(whole);
        }
        return title.substring(1, title.length() - 1).replace("''", "'");
    }

    private static A1Range cells(String title, String cells, String whole) {
        String[] ends = cells.split(":", -1);
        if (ends.length > 2 || cells.isEmpty()) {
            throw unparsable(whole);
        }
        Matcher first = matchCell(ends[0], whole);
        Matcher last = matchCell(ends.length == 2 ? ends[1] : ends[0], whole);
        int startColumn = columnOf(first.group(1), 1);
        int startRow = rowOf(first.group(2), 1, whole);
        int endColumn = columnOf(last.group(1), OPEN);
        int endRow = rowOf(last.group(2), OPEN, whole);
        boolean singleCell = ends.length == 1;
        if (singleCell && (first.group(1).isEmpty() || first.group(2).isEmpty())) {
            throw unparsable(whole);
        }
        return new A1Range(title, Math.min(startRow, endRow), Math.min(startColumn, endColumn),
                Math.max(startRow, endRow), Math.max(startColumn, endColumn));
    }

    private static Matcher matchCell(String cell, String whole) {
        Matcher matcher = CELL.matcher(cell);
        if (cell.isEmpty() || !matcher.matches()) {
            throw unparsable(whole);
        }
        return matcher;
    }

    private static int columnOf(String letters, int missing) {
        if (letters.isEmpty()) {
            return missing;
        }
        int column = 0;
        for (char letter : letters.toUpperCase(Locale.ROOT).toCharArray()) {
            column = column * 26 + (letter - 'A' + 1);
        }
        return column;
    }

    private static int rowOf(String digits, int missing, String whole) {
        if (digits.isEmpty()) {
            return missing;
        }
        int row = Integer.parseInt(digits);
        if (row < 1) {
            throw unparsable(whole);
        }
        return row;
    }

    static ApiException unparsable(String text) {
        return ApiException.invalidArgument("Unable to parse range: " + text);
    }
}
