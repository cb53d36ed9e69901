package dev.headroom.report;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/** Renders a table as Markdown or as aligned plain text, with money shown in dollars. */
final class TableText {

    private TableText() {
    }

    /** Renders a Markdown table; a table without rows renders as a line saying so. */
    static String markdown(Table table) {
        if (table.isEmpty()) {
            return "(none)\n";
        }
        StringBuilder text = new StringBuilder();
        List<String> titles = titles(table);
        text.append("| ").append(String.join(" | ", titles)).append(" |\n");
        text.append("|").append("---|".repeat(titles.size())).append('\n');
        for (int row = 0; row < table.rowCount(); row++) {
            text.append("| ").append(String.join(" | ", cells(table, row))).append(" |\n");
        }
        return text.toString();
    }

    /** Renders aligned plain text, two spaces between columns. */
    static String plain(Table table) {
        if (table.isEmpty()) {
            return "  (none)\n";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(titles(table));
        for (int row = 0; row < table.rowCount(); row++) {
            rows.add(cells(table, row));
        }
        int[] widths = new int[table.columnCount()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], displayWidth(row.get(column)));
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int column = 0; column < widths.length; column++) {
                line.append(' ').append(pad(row.get(column), widths[column])).append(' ');
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static List<String> titles(Table table) {
        List<String> titles = new ArrayList<>();
        for (int column = 0; column < table.columnCount(); column++) {
            titles.add(Cells.title(table.column(column)));
        }
        return titles;
    }

    private static List<String> cells(Table table, int row) {
        List<String> cells = new ArrayList<>();
        for (int column = 0; column < table.columnCount(); column++) {
            cells.add(Cells.text(table, column, row));
        }
        return cells;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - displayWidth(text));
    }

    /**
     * Returns the columns a terminal gives {@code text}: two for each East Asian wide or
     * fullwidth character, such as a CJK ideograph or a Hangul syllable, none for a combining
     * mark, and one for any other character. Phase names may hold any letters.
     */
    static int displayWidth(String text) {
        return text.codePoints().map(TableText::columns).sum();
    }

    private static int columns(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || codePoint == 0x200B) {
            return 0;
        }
        boolean wide = (codePoint >= 0x1100 && codePoint <= 0x115F)
                || (codePoint >= 0x2E80 && codePoint <= 0x303E)
                || (codePoint >= 0x3041 && codePoint <= 0x33FF)
                || (codePoint >= 0x3400 && codePoint <= 0x4DBF)
                || (codePoint >= 0x4E00 && codePoint <= 0x9FFF)
                || (codePoint >= 0xA000 && codePoint <= 0xA4CF)
                || (codePoint >= 0xA960 && codePoint <= 0xA97F)
                || (codePoint >= 0xAC00 && codePoint <= 0xD7A3)
                || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
                || (codePoint >= 0xFE30 && codePoint <= 0xFE4F)
                || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
                || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6)
                || (codePoint >= 0x1F300 && codePoint <= 0x1F64F)
                || (codePoint >= 0x1F900 && codePoint <= 0x1F9FF)
                || (codePoint >= 0x20000 && codePoint <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
