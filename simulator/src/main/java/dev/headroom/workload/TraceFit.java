package dev.headroom.workload;

import java.util.List;

/**
 * Token-size quantiles and arrival burstiness of one request log, from {@link TraceFitter}.
 *
 * @param source the log's file name
 * @param requests rows in the log
 * @param spanSeconds time from the first to the last arrival, in seconds
 * @param meanRatePerSecond {@code (requests - 1) / spanSeconds}
 * @param interArrivalCv sample standard deviation of the gaps between consecutive arrivals
 *     divided by their mean (divisor {@code n - 1}); 1 for a Poisson process, above 1 when
 *     arrivals come in bursts
 * @param maxGapSeconds the maximum gap between consecutive arrivals, in seconds
 * @param windows burstiness of counts at 1 s, 1 min and 1 h windows, in that order
 * @param meanTokensIn the log's mean prompt tokens per request
 * @param meanTokensOut the log's mean generated tokens per request
 * @param tokenSizes quantiles of prompt and generated tokens at {@link TraceFitter#PROBABILITIES};
 *     their means differ slightly from the log's, because the table interpolates between
 *     quantiles
 */
public record TraceFit(
        String source,
        int requests,
        double spanSeconds,
        double meanRatePerSecond,
        double interArrivalCv,
        double maxGapSeconds,
        List<WindowBurstiness> windows,
        double meanTokensIn,
        double meanTokensOut,
        TokenSizeTable tokenSizes) {

    public TraceFit {
        windows = List.copyOf(windows);
    }
}
