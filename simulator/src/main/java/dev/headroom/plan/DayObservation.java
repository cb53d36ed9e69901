package dev.headroom.plan;

import java.time.LocalDate;

/**
 * The metrics of one simulated day that trigger conditions read.
 *
 * @param day the zero-based day index
 * @param date the calendar date of that day
 * @param users users signed up at the end of the day
 * @param throttledCalls API attempts that a quota rejected during the day
 * @param failedRequests chat requests that failed during the day
 * @param failedSignUps sign-ups that failed during the day; those users are lost
 * @param p95LatencyMillis the day's 95th-percentile call latency in milliseconds, zero when no
 *     call was made
 * @param last30DaysCostMicros hosting cost of the last 30 days up to this one, in micro-dollars
 */
public record DayObservation(
        int day,
        LocalDate date,
        long users,
        long throttledCalls,
        long failedRequests,
        long failedSignUps,
        long p95LatencyMillis,
        long last30DaysCostMicros) {
}
