package dev.headroom.workload;

import dev.headroom.engine.RandomStream;
import dev.headroom.engine.SimTime;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Objects;

/**
 * How request intensity varies over the hours of a day and the days of a week. A user with mean
 * rate {@code r} requests per day sends requests as a Poisson process with intensity
 * {@code r / 24 * hourly[h] * weekday[d]} per hour, where {@code h} is the hour of the day and
 * {@code d} the day of the week of the simulated clock. Both profiles are scaled to mean 1, so
 * {@code r} is the mean number of requests per day over a week.
 *
 * <p>Simulated time zero is midnight at the start of {@code firstDay}. Instances are immutable.
 */
public final class ArrivalProfile {

    private static final int HOURS_PER_WEEK = 168;
    private static final long WEEK = 7 * SimTime.DAY;

    private final double[] hourly;
    private final double[] weekday;
    private final DayOfWeek firstDay;
    /** Multiplier for each hour of the first week of the run, hour 0 starting at time zero. */
    private final double[] weekMultipliers;
    /** Multiplier-hours from the start of a week to the start of hour {@code k}, 169 entries. */
    private final double[] cumulative;

    /**
     * Creates a profile from relative weights, which it scales to mean 1.
     *
     * @param hourly 24 weights, zero or more, for the hours from midnight; their sum above zero
     * @param weekday 7 weights, zero or more, from Monday to Sunday; their sum above zero
     * @param firstDay the day of the week of simulated day 0
     */
    public ArrivalProfile(double[] hourly, double[] weekday, DayOfWeek firstDay) {
        this.hourly = normalize(hourly, 24, "hourly");
        this.weekday = normalize(weekday, 7, "weekday");
        this.firstDay = Objects.requireNonNull(firstDay, "firstDay");
        this.weekMultipliers = new double[HOURS_PER_WEEK];
        this.cumulative = new double[HOURS_PER_WEEK + 1];
        int firstDayIndex = firstDay.getValue() - 1;
        for (int hour = 0; hour < HOURS_PER_WEEK; hour++) {
            int day = (firstDayIndex + hour / 24) % 7;
            weekMultipliers[hour] = this.hourly[hour % 24] * this.weekday[day];
            cumulative[hour + 1] = cumulative[hour] + weekMultipliers[hour];
        }
    }

    /** Returns the profile with the same intensity at every hour of every day. */
    public static ArrivalProfile flat() {
        double[] hours = new double[24];
        double[] days = new double[7];
        Arrays.fill(hours, 1);
        Arrays.fill(days, 1);
        return new ArrivalProfile(hours, days, DayOfWeek.MONDAY);
    }

    /** Returns the 24 hourly multipliers, scaled to mean 1. */
    public double[] hourly() {
        return hourly.clone();
    }

    /** Returns the 7 weekday multipliers from Monday, scaled to mean 1. */
    public double[] weekday() {
        return weekday.clone();
    }

    public DayOfWeek firstDay() {
        return firstDay;
    }

    /** Returns the intensity multiplier in force at simulated time {@code millis}. */
    public double multiplierAt(long millis) {
        long inWeek = Math.floorMod(millis, WEEK);
        return weekMultipliers[(int) (inWeek / SimTime.HOUR)];
    }

    /**
     * Returns the expected number of requests in {@code [fromMillis, toMillis)} from a user with
     * mean rate {@code ratePerDay}.
     */
    public double expectedArrivals(long fromMillis, long toMillis, double ratePerDay) {
        return ratePerDay / 24 * (multiplierHours(toMillis) - multiplierHours(fromMillis));
    }

    /**
     * Draws the time of a user's next request after {@code afterMillis}, by inverting the
     * integrated intensity: one exponential draw with mean 1 is converted to the simulated time
     * at which that much expected load has passed. The result is rounded to the millisecond and
     * is never before {@code afterMillis}.
     *
     * @param ratePerDay the user's mean rate in requests per day, above zero
     * @return the next arrival time in milliseconds, or {@link Long#MAX_VALUE} if it would fall
     *     after the end of representable time
     */
    public long nextArrival(long afterMillis, double ratePerDay, RandomStream stream) {
        Checks.positive(ratePerDay, "ratePerDay");
        double load = stream.nextExponential(1.0) * 24 / ratePerDay;
        double weekLoad = cumulative[HOURS_PER_WEEK];
        long week = Math.floorDiv(afterMillis, WEEK);
        double target = inWeekMultiplierHours(afterMillis - week * WEEK) + load;
        double weeksAhead = Math.floor(target / weekLoad);
        double remainder = target - weeksAhead * weekLoad;
        int hour = hourContaining(remainder);
        double hoursInWeek = hour + (remainder - cumulative[hour]) / weekMultipliers[hour];
        double millis = (week + weeksAhead) * (double) WEEK + hoursInWeek * SimTime.HOUR;
        if (millis >= Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return Math.max(afterMillis, Math.round(millis));
    }

    /** Returns the integrated multiplier, in multiplier-hours, from time zero to {@code millis}. */
    private double multiplierHours(long millis) {
        long week = Math.floorDiv(millis, WEEK);
        return week * cumulative[HOURS_PER_WEEK] + inWeekMultiplierHours(millis - week * WEEK);
    }

    private double inWeekMultiplierHours(long millisInWeek) {
        int hour = (int) (millisInWeek / SimTime.HOUR);
        double fraction = (double) (millisInWeek - hour * SimTime.HOUR) / SimTime.HOUR;
        return cumulative[hour] + fraction * weekMultipliers[hour];
    }

    /**
     * Returns the hour {@code k} with {@code cumulative[k] <= load < cumulative[k + 1]}, which
     * skips hours of zero intensity; a load at or past the week's total maps to the last hour
     * with intensity.
     */
    private int hourContaining(double load) {
        int low = 0;
        int high = HOURS_PER_WEEK - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (cumulative[middle] <= load) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        while (weekMultipliers[low] == 0) {
            low--;
        }
        return low;
    }

    private static double[] normalize(double[] weights, int length, String name) {
        if (weights == null || weights.length != length) {
            throw new IllegalArgumentException(name + " profile needs " + length + " weights, got "
                    + (weights == null ? "none" : weights.length));
        }
        double largest = 0;
        for (int i = 0; i < length; i++) {
            largest = Math.max(largest, Checks.notNegative(weights[i], name + " weight " + i));
        }
        Checks.positive(largest, name + " weights' largest");
        // Weights so large that their sum or a weight times the length could overflow are first
        // divided by the largest; smaller ones keep the plain formula, and so their exact values.
        double divisor = largest > Double.MAX_VALUE / length ? largest : 1;
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += weights[i] / divisor;
        }
        double[] scaled = new double[length];
        for (int i = 0; i < length; i++) {
            scaled[i] = weights[i] / divisor * length / sum;
        }
        return scaled;
    }
}
