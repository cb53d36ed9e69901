package dev.headroom.plan;

import dev.headroom.ledger.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One trigger condition: a measure of the day's metrics compared with a threshold.
 *
 * @param kind the measure and its comparison
 * @param threshold users, calls, requests, sign-ups, milliseconds, micro-dollars or an epoch
 *     day, as {@code kind} states
 */
public record Condition(ConditionKind kind, long threshold) {

    public Condition {
        if (kind == null) {
            throw new IllegalArgumentException("condition kind is missing");
        }
        if (kind != ConditionKind.DATE && threshold < 0) {
            throw new IllegalArgumentException(kind.label() + " threshold is " + threshold
                    + "; it must not be negative");
        }
    }

    /** Returns a condition that holds once at least {@code users} users have signed up. */
    public static Condition users(long users) {
        return new Condition(ConditionKind.USERS, users);
    }

    /** Returns a condition that holds on a day with more than {@code calls} throttled calls. */
    public static Condition throttledCallsPerDay(long calls) {
        return new Condition(ConditionKind.THROTTLED_CALLS_PER_DAY, calls);
    }

    /** Returns a condition that holds on a day with more than {@code requests} failed requests. */
    public static Condition failedRequestsPerDay(long requests) {
        return new Condition(ConditionKind.FAILED_REQUESTS_PER_DAY, requests);
    }

    /** Returns a condition that holds on a day with more than {@code signUps} failed sign-ups. */
    public static Condition failedSignUpsPerDay(long signUps) {
        return new Condition(ConditionKind.FAILED_SIGN_UPS_PER_DAY, signUps);
    }

    /** Returns a condition that holds on a day whose p95 latency exceeds {@code millis}. */
    public static Condition p95LatencyMillis(long millis) {
        return new Condition(ConditionKind.P95_LATENCY_MILLIS, millis);
    }

    /** Returns a condition that holds when 30 days of hosting cost exceed {@code micros}. */
    public static Condition monthlyCostMicros(long micros) {
        return new Condition(ConditionKind.MONTHLY_COST_MICROS, micros);
    }

    /**
     * Returns a condition that holds at the end of the day before {@code date} and later, so the
     * migration starts at the beginning of {@code date}.
     */
    public static Condition onDate(LocalDate date) {
        return new Condition(ConditionKind.DATE, date.toEpochDay());
    }

    /** Returns whether the condition holds for one day's observation. */
    public boolean holds(DayObservation day) {
        return kind.holds(measure(day), threshold);
    }

    /** Returns a description for reports, such as {@code users >= 800}. */
    public String describe() {
        return kind.label() + " " + kind.operator() + " " + formatThreshold();
    }

    private long measure(DayObservation day) {
        return switch (kind) {
            case USERS -> day.users();
            case THROTTLED_CALLS_PER_DAY -> day.throttledCalls();
            case FAILED_REQUESTS_PER_DAY -> day.failedRequests();
            case FAILED_SIGN_UPS_PER_DAY -> day.failedSignUps();
            case P95_LATENCY_MILLIS -> day.p95LatencyMillis();
            case MONTHLY_COST_MICROS -> day.last30DaysCostMicros();
            // The migration starts when the day ends, which is the beginning of the next date.
            case DATE -> day.date().plusDays(1).toEpochDay();
        };
    }

    /**
     * Formats micro-dollars as whole dollars when they are, such as {@code 20}, and otherwise
     * with at least the two digits of the cents, such as {@code 0.50} or {@code 0.125}.
     */
    private static String dollars(long micros) {
        BigDecimal amount = Money.dollars(micros).stripTrailingZeros();
        if (amount.scale() <= 0) {
            return amount.toPlainString();
        }
        return amount.setScale(Math.max(2, amount.scale())).toPlainString();
    }

    private String formatThreshold() {
        return switch (kind) {
            case DATE -> LocalDate.ofEpochDay(threshold).toString();
            case MONTHLY_COST_MICROS -> "$" + dollars(threshold);
            case P95_LATENCY_MILLIS -> threshold % 1_000 == 0 ? threshold / 1_000 + "s"
                    : threshold + "ms";
            default -> Long.toString(threshold);
        };
    }
}
