package dev.headroom.cli;

import dev.headroom.run.RunResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Measures one run for {@code headroom run --benchmark}: simulated events per second of the
 * simulation's wall time, and the peak heap, as the sum of each heap pool's peak use from the
 * run's start until its reports are written. The reports count because their daily table has a
 * column per gauge, which can take more heap than the simulation did. The sum can exceed the
 * true simultaneous peak, because pools peak at different moments, so it is an upper bound,
 * capped at the maximum heap.
 */
final class RunBenchmark {

    private final long startNanos;
    private long simulatedNanos = -1;
    private long events;

    private RunBenchmark(long startNanos) {
        this.startNanos = startNanos;
    }

    /** Resets the heap pools' peaks and starts the wall-time clock. */
    static RunBenchmark start() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        return new RunBenchmark(System.nanoTime());
    }

    /** Stops the clock at the end of the simulation, which made {@code result}. */
    void simulated(RunResult result) {
        simulatedNanos = System.nanoTime() - startNanos;
        events = result.eventsProcessed();
    }

    /**
     * Returns the figures as one line of text, with the peak heap up to now.
     *
     * @throws IllegalStateException if {@link #simulated} was not called
     */
    String stop() {
        if (simulatedNanos < 0) {
            throw new IllegalStateException("the simulation's end was not recorded");
        }
        double seconds = simulatedNanos / 1e9;
        long peakBytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakBytes += pool.getPeakUsage().getUsed();
            }
        }
        return text(events, seconds, peakBytes, Runtime.getRuntime().maxMemory());
    }

    /**
     * Returns the figures as one line of text. A sum of pool peaks above the maximum heap shows
     * as the maximum, since the heap in use never exceeds it. The time is rounded to the
     * millisecond, and the rate comes from that printed time, so the two figures agree. A run
     * shorter than half a millisecond prints 0.000 s with the rate of its exact time.
     */
    static String text(long events, double seconds, long peakPoolSumBytes, long maxHeapBytes) {
        long peakBytes = Math.min(peakPoolSumBytes, maxHeapBytes);
        long millis = Math.round(seconds * 1_000);
        double rate = millis > 0 ? events * 1_000.0 / millis : events / seconds;
        return String.format(Locale.ROOT, "benchmark: %,d %s in %.3f s = %,.0f events/s;"
                + " peak heap %,d MiB with the reports (max heap %,d MiB)", events,
                events == 1 ? "event" : "events", millis / 1_000.0, rate, peakBytes >> 20,
                maxHeapBytes >> 20);
    }
}
