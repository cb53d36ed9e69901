package dev.headroom.workload;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The unit of a request log's timestamps written as plain numbers rather than date-times. */
public enum NumberTimeUnit {
    SECONDS("s", 9),
    MILLISECONDS("ms", 6),
    MICROSECONDS("us", 3),
    NANOSECONDS("ns", 0);

    private final String symbol;
    private final int digitsToNanos;

    NumberTimeUnit(String symbol, int digitsToNanos) {
        this.symbol = symbol;
        this.digitsToNanos = digitsToNanos;
    }

    /** Returns the unit's symbol: {@code s}, {@code ms}, {@code us} or {@code ns}. */
    public String symbol() {
        return symbol;
    }

    /** Returns the unit in words for messages, such as {@code a number of seconds}. */
    String words() {
        return "a number of " + name().toLowerCase(Locale.ROOT);
    }

    /** Returns the power of ten that turns a count of this unit into nanoseconds. */
    int digitsToNanos() {
        return digitsToNanos;
    }

    /** Returns the unit written as {@code symbol}, in any letter case, if there is one. */
    public static Optional<NumberTimeUnit> ofSymbol(String symbol) {
        String lower = symbol.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(unit -> unit.symbol.equals(lower)).findFirst();
    }
}
