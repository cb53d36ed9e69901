package dev.headroom.scenario;

import dev.headroom.ledger.Money;
import java.math.BigDecimal;
import java.time.Duration;

/** Formats values the way scenario files write them, for messages and canonical text. */
public final class Formats {

    private static final long[] UNIT_MILLIS = {
        365 * 86_400_000L, 7 * 86_400_000L, 86_400_000L, 3_600_000L, 60_000L, 1_000L};
    private static final String[] UNIT_NAMES = {"y", "w", "d", "h", "m", "s"};

    private Formats() {
    }

    /**
     * Formats a duration in the largest unit that divides it, such as {@code 2w} or {@code 90s}.
     */
    public static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            if (millis % UNIT_MILLIS[i] == 0) {
                return millis / UNIT_MILLIS[i] + UNIT_NAMES[i];
            }
        }
        return millis + "ms";
    }

    /**
     * Formats a number as a plain decimal without trailing zeros or an exponent, such as
     * {@code 0.000001}, {@code 1000000000} or {@code 0.5}.
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Formats micro-dollars as dollars without trailing zeros, such as {@code $1.25}, with the
     * sign before the dollar sign: {@code -$50}.
     */
    static String dollars(long micros) {
        String amount = Money.dollars(Math.abs(micros)).stripTrailingZeros().toPlainString();
        return (micros < 0 ? "-$" : "$") + amount;
    }
}
