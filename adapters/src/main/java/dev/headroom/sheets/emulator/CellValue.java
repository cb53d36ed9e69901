package dev.headroom.sheets.emulator;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One stored cell: a string, a number, a boolean, or a formula kept as its text.
 *
 * <p>NOTE: the emulator never evaluates formulas. A formula cell reads back as its text under
 * every value render option, where Google would return the computed value.
 *
 * @param kind the type of the value
 * @param value a {@link String} for strings and formulas, a {@link BigDecimal} for numbers, a
 *     {@link Boolean} for booleans
 */
record CellValue(Kind kind, Object value) {

    /** Types of stored value. */
    enum Kind { STRING, NUMBER, BOOLEAN, FORMULA }

    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    /** Returns the characters the cell contains, as counted against the per-cell limit. */
    String text() {
        return value.toString();
    }

    /**
     * Reads a JSON input value under {@code RAW}: stored as given, so a string that starts with
     * {@code =} stays a string.
     */
    static CellValue raw(Object input) {
        if (input instanceof String) {
            return new CellValue(Kind.STRING, input);
        }
        if (input instanceof Boolean) {
            return new CellValue(Kind.BOOLEAN, input);
        }
        return new CellValue(Kind.NUMBER, asDouble(new BigDecimal(input.toString())));
    }

    /**
     * Rounds a number to the nearest double and drops trailing zeros, so {@code 12.50} reads
     * back as {@code 12.5} and {@code -3.5E+2} as {@code -350}. A cell's number is a double
     * (ExtendedValue.numberValue, https://developers.google.com/sheets/api/reference/rest/v4/
     * spreadsheets/other#ExtendedValue, read 2026-12-04). The caller rejects numbers beyond the
     * range of a double.
     */
    private static BigDecimal asDouble(BigDecimal number) {
        BigDecimal rounded = BigDecimal.valueOf(number.doubleValue()).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    /**
     * Reads a JSON input value under {@code USER_ENTERED}, as if typed into the editor: a
     * leading {@code '} forces text, a leading {@code =} makes a formula, {@code TRUE} and
     * {@code FALSE} become booleans and numeric text becomes a number.
     *
     * <p>NOTE: dates, times, percentages and currency amounts stay strings here, where Google
     * would parse them.
     */
    static CellValue userEntered(Object input) {
        if (!(input instanceof String)) {
            return raw(input);
        }
        String text = (String) input;
        if (text.startsWith("'")) {
            return new CellValue(Kind.STRING, text.substring(1));
        }
        if (text.startsWith("=") && text.length() > 1) {
            return new CellValue(Kind.FORMULA, text);
        }
        String upper = text.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("TRUE") || upper.equals("FALSE")) {
            return new CellValue(Kind.BOOLEAN, Boolean.valueOf(upper));
        }
        if (NUMBER.matcher(text.trim()).matches()) {
            BigDecimal number = new BigDecimal(text.trim());
            if (Double.isFinite(number.doubleValue())) {
                return new CellValue(Kind.NUMBER, asDouble(number));
            }
        }
        return new CellValue(Kind.STRING, text);
    }

    /** Returns the value as a response carries it under the given render option. */
    Object render(ValueRenderOption option) {
        if (option != ValueRenderOption.FORMATTED_VALUE || kind == Kind.STRING
                || kind == Kind.FORMULA) {
            return value;
        }
        if (kind == Kind.BOOLEAN) {
            return ((Boolean) value) ? "TRUE" : "FALSE";
        }
        return ((BigDecimal) value).stripTrailingZeros().toPlainString();
    }

    /**
     * The rendering of values in a read: Google's {@code valueRenderOption}.
     * NOTE: {@code FORMATTED_VALUE} writes numbers in plain decimal form, not in the cell's
     * number format.
     */
    enum ValueRenderOption { FORMATTED_VALUE, UNFORMATTED_VALUE, FORMULA }
}
