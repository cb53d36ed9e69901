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
                widths[column] = Math.max(widths[column], row.get(column).length());
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
        return text + " ".repeat(width - text.length());
    }
}
