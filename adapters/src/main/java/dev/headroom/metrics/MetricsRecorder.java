package dev.headroom.metrics;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe {@link AdapterMetrics} that adapters update as they make calls. */
public final class MetricsRecorder implements AdapterMetrics {

    private final LongAdder calls = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder throttles = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder latencyMicros = new LongAdder();
    private final LongAccumulator maxLatencyMicros = new LongAccumulator(Math::max, 0);

    /** Records one call to the store with its payload size and latency. */
    public void recordCall(long payloadBytes, long latencyMicros) {
        calls.increment();
        bytes.add(payloadBytes);
        this.latencyMicros.add(latencyMicros);
        maxLatencyMicros.accumulate(latencyMicros);
    }

    /** Records that the store throttled a call. */
    public void recordThrottle() {
        throttles.increment();
    }

    /** Records that a call is being retried. */
    public void recordRetry() {
        retries.increment();
    }

    @Override
    public long calls() {
        return calls.sum();
    }

    @Override
    public long bytes() {
        return bytes.sum();
    }

    @Override
    public long throttles() {
        return throttles.sum();
    }

    @Override
    public long retries() {
        return retries.sum();
    }

    @Override
    public long totalLatencyMicros() {
        return latencyMicros.sum();
    }

    @Override
    public long maxLatencyMicros() {
        return maxLatencyMicros.get();
    }
}
