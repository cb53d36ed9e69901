package dev.headroom.scenario;

import java.util.Collections;
import java.util.List;

/**
 * Relative request intensity by hour of day and by day of week. The workload normalizes each
 * list to a mean of 1, so only the ratios matter.
 *
 * @param hourly 24 non-negative weights, hour 0 (midnight to 1 am) first
 * @param weekday 7 non-negative weights, Monday first
 */
public record ArrivalProfile(List<Double> hourly, List<Double> weekday) {

    /** Hours in a day, the length of {@link #hourly()}. */
    public static final int HOURS = 24;
    /** Days in a week, the length of {@link #weekday()}. */
    public static final int DAYS = 7;

    /** A flat profile: the same rate at every hour of every day. */
    public static final ArrivalProfile FLAT = new ArrivalProfile(
            Collections.nCopies(HOURS, 1.0), Collections.nCopies(DAYS, 1.0));

    public ArrivalProfile {
        hourly = List.copyOf(hourly);
        weekday = List.copyOf(weekday);
    }
}
