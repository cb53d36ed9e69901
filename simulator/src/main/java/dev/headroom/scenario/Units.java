package dev.headroom.scenario;

import dev.headroom.ledger.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the units of scenario files: durations, sizes, money and counts. Each parser
 * returns an exact value or throws {@link IllegalArgumentException} whose message states what is
 * wrong and how to write the value, ready to follow a field path.
 */
final class Units {

    /** Milliseconds of each duration unit; a year is 365 days and a week 7 days. */
    private static final Map<String, Long> DURATION_MILLIS = Map.of(
            "ms", 1L,
            "s", 1_000L,
            "m", 60_000L,
            "h", 3_600_000L,
            "d", 86_400_000L,
            "w", 7 * 86_400_000L,
            "y", 365 * 86_400_000L);

    /** Bytes of each size unit: KB, MB and GB are powers of 1,000, KiB, MiB and GiB of 1,024. */
    private static final Map<String, Long> SIZE_BYTES = Map.of(
            "b", 1L,
            "kb", 1_000L,
            "mb", 1_000_000L,
            "gb", 1_000_000_000L,
            "kib", 1_024L,
            "mib", 1_048_576L,
            "gib", 1_073_741_824L);

    private static final Pattern QUANTITY =
            Pattern.compile("([0-9][0-9_]*(?:\\.[0-9]+)?)\\s*([A-Za-z]*)");
    private static final Pattern COUNT = Pattern.compile("-?[0-9]+(?:_[0-9]+)*");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(?:_[0-9]+)*(?:\\.[0-9]+)?");

    /**
     * The largest amount a money field takes: $100,000. It lies far above any price, rate or
     * credit a scenario needs, and keeps products such as tokens times a price per million
     * tokens within a {@code long}.
     */
    static final long MAX_MONEY_MICROS = 100_000_000_000L;

    static final String DURATION_HINT = "write a number and a unit: ms, s, m, h, d, w or y, "
            + "such as 30s, 5m, 2h, 14d, 2w or 5y";
    static final String SIZE_HINT = "write a number and a unit: B, KB, MB, GB, KiB, MiB or GiB, "
            + "such as 500B, 1KB or 4KiB";

    private Units() {
    }

    /**
     * Parses a duration such as {@code 30s}, {@code 1.5h} or {@code 5y} to whole milliseconds,
     * of any size, so that the caller's range check reports a huge duration together with the
     * allowed range.
     */
    static BigInteger millis(String text) {
        BigDecimal millis = quantity(text, DURATION_MILLIS, "duration", DURATION_HINT);
        try {
            return millis.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("invalid duration '" + text
                    + "': not a whole number of milliseconds; " + DURATION_HINT);
        }
    }

    /**
     * Parses a size such as {@code 500B}, {@code 1KB} or {@code 4KiB} to whole bytes, of any
     * size, so that the caller's range check reports a huge size together with the allowed
     * range.
     */
    static BigInteger bytes(String text) {
        BigDecimal bytes = quantity(text, SIZE_BYTES, "size", SIZE_HINT);
        try {
            return bytes.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("invalid size '" + text
                    + "': not a whole number of bytes; " + SIZE_HINT);
        }
    }

    /**
     * Parses decimal dollars such as {@code 1.25}, {@code $0.000045} or {@code -3} to exact
     * micro-dollars; more than six decimal places is an error, never a rounding.
     */
    static long micros(String text) {
        String digits = text.strip();
        boolean negative = digits.startsWith("-");
        if (negative) {
            digits = digits.substring(1);
        }
        if (digits.startsWith("$")) {
            digits = digits.substring(1);
        }
        String signed = negative ? "-" + digits : digits;
        if (!DECIMAL.matcher(signed).matches()) {
            throw new IllegalArgumentException("invalid amount '" + text
                    + "'; write decimal dollars such as 1.25 or 0.000045");
        }
        BigDecimal dollars = new BigDecimal(signed.replace("_", ""));
        if (dollars.stripTrailingZeros().scale() > 6) {
            throw new IllegalArgumentException("invalid amount '" + text
                    + "': more than six decimal places; round it to whole micro-dollars");
        }
        try {
            return Money.micros(dollars);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("invalid amount '" + text
                    + "': too large; write an amount of at most "
                    + Formats.dollars(MAX_MONEY_MICROS));
        }
    }

    /**
     * Parses a whole count such as {@code 200} or {@code 10_000_000}, of any size. A minus sign
     * parses too, so that the caller's range check reports a negative or huge count together
     * with the allowed range.
     */
    static BigInteger count(String text) {
        String trimmed = text.strip();
        if (!COUNT.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("invalid count '" + text
                    + "'; write a whole number, optionally grouped with underscores, "
                    + "such as 10_000_000");
        }
        return new BigInteger(trimmed.replace("_", ""));
    }

    /** Parses a finite decimal number such as {@code 0.25}, {@code 10} or {@code -1.5}. */
    static double number(String text) {
        String trimmed = text.strip();
        String percent = trimmed.endsWith("%")
                ? trimmed.substring(0, trimmed.length() - 1).strip() : "";
        if (DECIMAL.matcher(percent).matches()) {
            String fraction = new BigDecimal(percent.replace("_", "")).movePointLeft(2)
                    .stripTrailingZeros().toPlainString();
            throw new IllegalArgumentException("invalid number '" + text + "': a percentage;"
                    + " write it as a fraction, such as " + fraction + " for " + trimmed);
        }
        if (!DECIMAL.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("invalid number '" + text
                    + "'; write a decimal number such as 0.25 or 10");
        }
        double value = new BigDecimal(trimmed.replace("_", "")).doubleValue();
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("out of range: the number '" + trimmed
                    + "' is too large to compute with; use a smaller number");
        }
        return value;
    }

    /** Parses a number with a unit into the smallest unit, exactly. */
    private static BigDecimal quantity(
            String text, Map<String, Long> units, String what, String hint) {
        Matcher matcher = QUANTITY.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("invalid " + what + " '" + text + "'; " + hint);
        }
        String unit = matcher.group(2);
        if (unit.isEmpty()) {
            throw new IllegalArgumentException("invalid " + what + " '" + text
                    + "': missing unit; " + hint);
        }
        Long scale = units.get(what.equals("size") ? unit.toLowerCase(Locale.ROOT) : unit);
        if (scale == null) {
            throw new IllegalArgumentException("invalid " + what + " '" + text
                    + "': unknown unit '" + unit + "'; " + hint);
        }
        String number = matcher.group(1).replace("_", "");
        return new BigDecimal(number).multiply(BigDecimal.valueOf(scale));
    }
}
