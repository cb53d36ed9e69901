package dev.headroom.workload;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Parses the arrival times of request logs into nanoseconds. */
final class Timestamps {

    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern HAS_OFFSET = Pattern.compile(".*(Z|[+-][0-9]{2}:[0-9]{2})$");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Timestamps() {
    }

    /** Returns whether the text is a plain number rather than a date-time. */
    static boolean isNumber(String text) {
        return NUMBER.matcher(text).matches();
    }

    /**
     * Returns the instant in nanoseconds: since the Unix epoch for a date-time, or since the
     * number's own origin for a plain number in {@code unit}.
     *
     * @throws IllegalArgumentException with the reason if the text is neither form
     */
    static long parseNanos(String text, NumberTimeUnit unit) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("it is empty");
        }
        try {
            if (NUMBER.matcher(text).matches()) {
                return numberNanos(text, unit);
            }
            String iso = text.length() > 10 && text.charAt(10) == ' '
                    ? text.substring(0, 10) + 'T' + text.substring(11) : text;
            Instant instant = HAS_OFFSET.matcher(iso).matches()
                    ? OffsetDateTime.parse(iso).toInstant()
                    : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            return instantNanos(instant);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("expected an ISO-8601 date-time such as "
                    + "2023-11-16 18:17:03.97996 or " + unit.words() + " within the"
                    + " range of a 64-bit count of nanoseconds", e);
        }
    }

    private static long instantNanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND),
                    instant.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a date-time out of range: a 64-bit count of"
                    + " nanoseconds reaches from " + Instant.ofEpochSecond(0, Long.MIN_VALUE)
                    + " to " + Instant.ofEpochSecond(0, Long.MAX_VALUE)
                    + "; check the column and the row", e);
        }
    }

    private static long numberNanos(String text, NumberTimeUnit unit) {
        try {
            return new BigDecimal(text).movePointRight(unit.digitsToNanos())
                    .setScale(0, RoundingMode.FLOOR).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(unit.words() + " too large for a 64-bit count of"
                    + " nanoseconds; if the log counts a smaller unit, such as epoch"
                    + " milliseconds, name it with --timestamp-unit", e);
        }
    }
}
