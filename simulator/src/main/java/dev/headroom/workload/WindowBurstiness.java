package dev.headroom.workload;

/**
 * Burstiness of arrivals at one time scale, from the request counts of consecutive windows.
 *
 * <p>The log's span, from its first arrival, is cut into consecutive windows of
 * {@code windowSeconds}; only whole windows count, so a trailing partial window is dropped. With
 * {@code c} the counts, {@code m} their mean and {@code s} their sample standard deviation
 * (divisor {@code n - 1}): {@code countCv = s / m} and {@code dispersionIndex = s^2 / m}. A
 * Poisson process has a dispersion index of 1 at every scale; above 1 means burstier. Both are
 * {@code NaN} with fewer than two whole windows.
 *
 * @param windowSeconds window length in seconds
 * @param windows number of whole windows in the log's span
 * @param meanCount mean requests per window
 * @param countCv coefficient of variation of the counts
 * @param dispersionIndex variance-to-mean ratio of the counts
 */
public record WindowBurstiness(
        long windowSeconds, long windows, double meanCount, double countCv,
        double dispersionIndex) {
}
