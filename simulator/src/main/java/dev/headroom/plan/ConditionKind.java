package dev.headroom.plan;

/** The measure a trigger {@link Condition} compares with its threshold. */
public enum ConditionKind {
    /** Users signed up; holds when the count is at least the threshold. */
    USERS("users", ">="),
    /** Throttled API attempts in one day; holds when the count is above the threshold. */
    THROTTLED_CALLS_PER_DAY("throttled_calls_per_day", ">"),
    /** Chat requests that failed in one day; holds when the count is above the threshold. */
    FAILED_REQUESTS_PER_DAY("failed_requests_per_day", ">"),
    /** Sign-ups that failed in one day; holds when the count is above the threshold. */
    FAILED_SIGN_UPS_PER_DAY("failed_sign_ups_per_day", ">"),
    /** The day's 95th-percentile call latency in milliseconds; holds above the threshold. */
    P95_LATENCY_MILLIS("p95_latency", ">"),
    /**
     * Hosting cost over the last 30 simulated days in micro-dollars; holds above the threshold.
     */
    MONTHLY_COST_MICROS("monthly_cost", ">"),
    /**
     * The date that starts when the observed day ends, as an epoch day; holds on and after the
     * threshold date.
     */
    DATE("date", ">=");

    private final String label;
    private final String operator;

    ConditionKind(String label, String operator) {
        this.label = label;
        this.operator = operator;
    }

    /**
     * Returns the measure's name for reports, as scenario files write the trigger, such as
     * {@code p95_latency}.
     */
    public String label() {
        return label;
    }

    /** Returns the comparison, {@code >=} or {@code >}, for reports. */
    public String operator() {
        return operator;
    }

    /** Returns whether {@code value} meets {@code threshold} under this kind's comparison. */
    boolean holds(long value, long threshold) {
        return ">=".equals(operator) ? value >= threshold : value > threshold;
    }
}
