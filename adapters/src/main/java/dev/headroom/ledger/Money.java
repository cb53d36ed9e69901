package dev.headroom.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Conversions between exact micro-dollar amounts and decimal dollar amounts. */
public final class Money {

    /** Micro-dollars in one dollar. */
    public static final long MICROS_PER_DOLLAR = 1_000_000L;

    private Money() {
    }

    /**
     * Converts a dollar amount to micro-dollars.
     *
     * @throws ArithmeticException if the amount has more than six decimal places or overflows
     */
    public static long micros(BigDecimal dollars) {
        return dollars.movePointRight(6).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    /** Converts a dollar amount written as text, such as {@code "0.00045"}, to micro-dollars. */
    public static long micros(String dollars) {
        return micros(new BigDecimal(dollars));
    }

    /** Converts micro-dollars to an exact dollar amount with six decimal places. */
    public static BigDecimal dollars(long micros) {
        return BigDecimal.valueOf(micros, 6);
    }
}
