package dev.headroom.report;

import dev.headroom.ledger.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Formats table cells and counts for people: money columns, named {@code *_micros}, as dollars
 * with cents and thousands separators, a count with its noun in the singular or plural, and a
 * list of names joined as a sentence would join them.
 */
final class Cells {

    static final String MICROS_SUFFIX = "_micros";

    private Cells() {
    }

    /** Returns the column's title, with {@code _micros} shown as {@code _usd}. */
    static String title(Column<?> column) {
        String name = column.name();
        return isMoney(column)
                ? name.substring(0, name.length() - MICROS_SUFFIX.length()) + "_usd"
                : name;
    }

    /**
     * Returns the cell's text: dollars with cents for money, ASCII digits without separators for
     * other whole numbers, empty for a missing value.
     */
    static String text(Table table, int column, int row) {
        Column<?> values = table.column(column);
        if (values.isMissing(row)) {
            return "";
        }
        Object value = values.get(row);
        if (isMoney(values)) {
            return dollars(((Number) value).longValue());
        }
        // Tablesaw's print formatter for whole numbers follows the default locale, which can
        // bring non-ASCII digits, so whole numbers are written here as the CSV files write them.
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        return values.getString(row);
    }

    /** Returns micro-dollars as dollars with cents and thousands separators: {@code $1,234.57}. */
    static String dollars(long micros) {
        return String.format(Locale.ROOT, "$%,.2f", cents(micros));
    }

    /** Returns micro-dollars as dollars rounded half up to a whole cent. */
    static BigDecimal cents(long micros) {
        return Money.dollars(micros).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Returns a count with thousands separators and its noun, plural unless the count is one:
     * {@code 1 sign-up}, {@code 1,200 sign-ups}. The plural adds an {@code s}.
     */
    static String count(long count, String noun) {
        return count(count, noun, noun + "s");
    }

    /** Returns a count with thousands separators and its noun, {@code singular} for one. */
    static String count(long count, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? singular : plural);
    }

    /**
     * Returns the items as an English list: {@code cells}, {@code cells and tabs}, or
     * {@code cells, tabs and WriteRequestsPerMinutePerUser}.
     */
    static String joinWithAnd(List<String> items) {
        int last = items.size() - 1;
        if (last < 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, last)) + " and " + items.get(last);
    }

    /** Returns whether the column contains micro-dollars, by its {@code _micros} name. */
    static boolean isMoney(Column<?> column) {
        return column.name().endsWith(MICROS_SUFFIX);
    }
}
