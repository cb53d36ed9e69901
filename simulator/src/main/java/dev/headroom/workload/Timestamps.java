package dev.headroom.workload;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/** Parses the arrival times of request logs into nanoseconds. */
final class Timestamps {

    /** A plain number, which may be negative: it counts from any origin. */
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    /**
     * An ISO-8601 local date-time with an optional offset in any of its ISO forms: {@code Z},
     * {@code +01:00}, {@code +0100} or {@code +01}. PostgreSQL prints {@code timestamptz} with
     * {@code +00}, and strftime's {@code %z} gives {@code +0000}.
     */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendPattern("[XXX][XX][X]").optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);
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
            TemporalAccessor parsed = DATE_TIME.parseBest(iso, OffsetDateTime::from,
                    LocalDateTime::from);
            Instant instant = parsed instanceof OffsetDateTime withOffset
                    ? withOffset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            return instantNanos(instant);
        } catch (DateTimeParseException | ArithmeticException e) {
            // The cause names a field out of range, such as "Invalid date 'FEBRUARY 30'".
            String reason = e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
            throw new IllegalArgumentException("expected an ISO-8601 date-time such as "
                    + "2023-11-16 18:17:03.97996 or " + unit.words() + " within the"
                    + " range of a 64-bit count of nanoseconds" + reason, e);
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
