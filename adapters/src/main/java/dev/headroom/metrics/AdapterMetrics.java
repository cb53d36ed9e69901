package dev.headroom.metrics;

/** Read access to one adapter's counters; each method returns the total since creation. */
public interface AdapterMetrics {

    /** Returns the number of calls sent to the store, retries included. */
    long calls();

    /** Returns the request and response payload bytes sent and received. */
    long bytes();

    /** Returns how many calls the store throttled (HTTP 429 or its store's equivalent). */
    long throttles();

    /** Returns how many calls were retries of an earlier failed call. */
    long retries();

    /** Returns the summed latency of all calls, in microseconds. */
    long totalLatencyMicros();

    /** Returns the largest latency of one call, in microseconds. */
    long maxLatencyMicros();

    /** Returns a consistent-enough copy of every counter, for reports. */
    default MetricsSnapshot snapshot() {
        return new MetricsSnapshot(calls(), bytes(), throttles(), retries(),
                totalLatencyMicros(), maxLatencyMicros());
    }
}
