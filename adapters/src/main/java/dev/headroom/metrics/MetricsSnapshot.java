package dev.headroom.metrics;

/**
 * Copy of an adapter's counters at one moment.
 *
 * @param calls calls sent to the store, retries included
 * @param bytes payload bytes sent and received
 * @param throttles calls the store throttled
 * @param retries calls that repeated an earlier failed call
 * @param totalLatencyMicros summed call latency in microseconds
 * @param maxLatencyMicros largest single call latency in microseconds
 */
public record MetricsSnapshot(
        long calls,
        long bytes,
        long throttles,
        long retries,
        long totalLatencyMicros,
        long maxLatencyMicros) {

    /** Returns the mean call latency in microseconds, or zero when no call was made. */
    public double meanLatencyMicros() {
        return calls == 0 ? 0.0 : (double) totalLatencyMicros / calls;
    }
}
