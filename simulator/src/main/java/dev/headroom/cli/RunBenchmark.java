package dev.headroom.cli;

import dev.headroom.run.RunResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Measures one run for {@code headroom run --benchmark}: simulated events per second of wall
 * time, and the peak heap, as the sum of each heap pool's peak use since the run started. The
 * sum can exceed the true simultaneous peak, because pools peak at different moments, so it is
 * an upper bound.
 */
final class RunBenchmark {

    private final long startNanos;

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

    /** Stops the clock and returns the figures as one line of text. */
    String stop(RunResult result) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long peakBytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakBytes += pool.getPeakUsage().getUsed();
            }
        }
        long maxHeap = Runtime.getRuntime().maxMemory();
        return String.format(Locale.ROOT, "benchmark: %,d events in %.1f s = %,.0f events/s;"
                + " peak heap %,d MiB (max heap %,d MiB)", result.eventsProcessed(), seconds,
                result.eventsProcessed() / seconds, peakBytes >> 20, maxHeap >> 20);
    }
}
