package dev.headroom.scenario;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/** A condition that starts the migration to the next phase. */
public sealed interface Trigger permits Trigger.Users, Trigger.ThrottledCallsPerDay,
        Trigger.FailedRequestsPerDay, Trigger.FailedSignUpsPerDay, Trigger.LatencyP95,
        Trigger.MonthlyCost, Trigger.OnDate {

    /**
     * Fires when the number of users reaches a count.
     *
     * @param users the count, at least 1
     */
    record Users(long users) implements Trigger {
    }

    /**
     * Fires when one simulated day has more throttled calls than a count.
     *
     * @param calls the count of throttled attempts in one day
     */
    record ThrottledCallsPerDay(long calls) implements Trigger {
    }

    /**
     * Fires when one simulated day has more failed chat requests than a count.
     *
     * @param requests the count of failed requests in one day
     */
    record FailedRequestsPerDay(long requests) implements Trigger {
    }

    /**
     * Fires when one simulated day has more failed sign-ups than a count.
     *
     * @param signUps the count of failed sign-ups in one day
     */
    record FailedSignUpsPerDay(long signUps) implements Trigger {
    }

    /**
     * Fires when one simulated day's 95th-percentile call latency exceeds a duration.
     *
     * @param latency the threshold
     */
    record LatencyP95(Duration latency) implements Trigger {
        public LatencyP95 {
            Objects.requireNonNull(latency, "latency");
        }
    }

    /**
     * Fires when the hosting cost of one 30-day month exceeds an amount.
     *
     * @param micros the amount, in micro-dollars
     */
    record MonthlyCost(long micros) implements Trigger {
    }

    /**
     * Fires on a calendar date.
     *
     * @param date the date the migration starts
     */
    record OnDate(LocalDate date) implements Trigger {
        public OnDate {
            Objects.requireNonNull(date, "date");
        }
    }
}
