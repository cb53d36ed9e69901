package dev.headroom.engine;

/**
 * Constants and conversions for simulated time, an integer count of milliseconds since the start
 * of a run. The engine's hot path passes raw {@code long} milliseconds; this class names the
 * units so that call sites never multiply by bare numbers.
 */
public final class SimTime {

    /** Milliseconds in one second. */
    public static final long SECOND = 1_000L;
    /** Milliseconds in one minute. */
    public static final long MINUTE = 60 * SECOND;
    /** Milliseconds in one hour. */
    public static final long HOUR = 60 * MINUTE;
    /** Milliseconds in one day. */
    public static final long DAY = 24 * HOUR;
    /** Milliseconds in one year of 365 days, the unit of scenario horizons. */
    public static final long YEAR = 365 * DAY;

    private SimTime() {
    }

    /** Returns the zero-based day index of a simulated instant. */
    public static int dayOf(long millis) {
        return (int) Math.floorDiv(millis, DAY);
    }

    /** Returns the zero-based minute index of a simulated instant. */
    public static long minuteOf(long millis) {
        return Math.floorDiv(millis, MINUTE);
    }

    /** Returns the simulated instant of a fractional number of days, rounded to milliseconds. */
    public static long ofDays(double days) {
        return Math.round(days * DAY);
    }

    /** Returns a simulated instant as fractional days. */
    public static double toDays(long millis) {
        return (double) millis / DAY;
    }
}
