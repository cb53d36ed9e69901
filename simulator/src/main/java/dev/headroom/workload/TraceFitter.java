package dev.headroom.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Derives token-size quantiles and arrival burstiness from a request log, so that a proxy's own
 * log can replace the bundled token-size table.
 *
 * <p>Quantiles use the linear interpolation that Hyndman and Fan (1996) call type 7: with the
 * {@code n} values sorted as {@code x[0..n-1]} and {@code h = (n - 1) p}, the quantile at
 * {@code p} is {@code x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] - x[floor(h)])}. It gives
 * the minimum at 0 and the maximum at 1, as the table format needs.
 */
public final class TraceFitter {

    /** Probabilities of the fitted quantile tables: every 1%, then 99.5%, 99.9% and 100%. */
    public static final List<Double> PROBABILITIES = probabilities();

    /** Window lengths of the burstiness figures, in seconds: 1 s, 1 min and 1 h. */
    public static final List<Long> WINDOW_SECONDS = List.of(1L, 60L, 3600L);

    private static final double NANOS_PER_SECOND = 1e9;

    /**
     * Fits a log of at least two requests.
     *
     * @param comments provenance lines for the token-size table, such as the log's licence
     * @throws IllegalArgumentException if every request has the same arrival time
     */
    public TraceFit fit(RequestLog log, List<String> comments) {
        long[] arrivals = log.arrivalNanos();
        double span = (arrivals[arrivals.length - 1] - arrivals[0]) / NANOS_PER_SECOND;
        if (!(span > 0)) {
            throw new IllegalArgumentException("every request in " + log.source()
                    + " has the same timestamp; fitting needs arrivals spread over time, so give"
                    + " a log whose requests arrive at different times");
        }
        List<WindowBurstiness> windows = new ArrayList<>();
        for (long seconds : WINDOW_SECONDS) {
            windows.add(windowBurstiness(arrivals, seconds));
        }
        List<String> allComments = new ArrayList<>(comments);
        allComments.add("Fitted from " + log.size() + " requests in " + fileName(log.source())
                + ";");
        allComments.add("quantiles by linear interpolation (Hyndman and Fan type 7).");
        double[] p = PROBABILITIES.stream().mapToDouble(Double::doubleValue).toArray();
        TokenSizeTable sizes = new TokenSizeTable(allComments,
                new QuantileTable(p, quantiles(log.tokensIn(), p)),
                new QuantileTable(p, quantiles(log.tokensOut(), p)));
        return new TraceFit(log.source(), log.size(), span, (log.size() - 1) / span,
                interArrivalCv(arrivals), maxGap(arrivals), windows, mean(log.tokensIn()),
                mean(log.tokensOut()),
                sizes);
    }

    /** Returns the type-7 quantiles of {@code values} at each probability in {@code p}. */
    public static double[] quantiles(long[] values, double[] p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] result = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double h = (sorted.length - 1) * p[i];
            int lower = (int) Math.floor(h);
            int upper = Math.min(lower + 1, sorted.length - 1);
            result[i] = sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
        }
        return result;
    }

    /** Returns the coefficient of variation of the gaps between sorted arrival times. */
    static double interArrivalCv(long[] sortedNanos) {
        double[] gaps = new double[sortedNanos.length - 1];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = (sortedNanos[i + 1] - sortedNanos[i]) / NANOS_PER_SECOND;
        }
        return coefficientOfVariation(gaps);
    }

    /** Returns the maximum gap between consecutive sorted arrival times, in seconds. */
    static double maxGap(long[] sortedNanos) {
        long max = 0;
        for (int i = 1; i < sortedNanos.length; i++) {
            max = Math.max(max, sortedNanos[i] - sortedNanos[i - 1]);
        }
        return max / NANOS_PER_SECOND;
    }

    static WindowBurstiness windowBurstiness(long[] sortedNanos, long windowSeconds) {
        long width = windowSeconds * 1_000_000_000L;
        long first = sortedNanos[0];
        long windows = (sortedNanos[sortedNanos.length - 1] - first) / width;
        if (windows < 2) {
            return new WindowBurstiness(windowSeconds, windows, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        // Two passes over the sorted arrivals replace an array of counts per window, because a
        // stray timestamp years away would make that array gigabytes long.
        long counted = 0;
        for (long arrival : sortedNanos) {
            if ((arrival - first) / width < windows) {
                counted++;
            }
        }
        double mean = (double) counted / windows;
        double squares = 0;
        long occupied = 0;
        int i = 0;
        while (i < sortedNanos.length) {
            long window = (sortedNanos[i] - first) / width;
            if (window >= windows) {
                break;
            }
            long count = 0;
            while (i < sortedNanos.length && (sortedNanos[i] - first) / width == window) {
                count++;
                i++;
            }
            squares += (count - mean) * (count - mean);
            occupied++;
        }
        squares += (windows - occupied) * mean * mean;
        double variance = squares / (windows - 1);
        return new WindowBurstiness(windowSeconds, windows, mean, Math.sqrt(variance) / mean,
                variance / mean);
    }

    private static double coefficientOfVariation(double[] values) {
        double mean = mean(values);
        return Math.sqrt(sampleVariance(values, mean)) / mean;
    }

    private static double mean(long[] values) {
        double sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double sampleVariance(double[] values, double mean) {
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum / (values.length - 1);
    }

    private static String fileName(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return source.substring(slash + 1);
    }

    private static List<Double> probabilities() {
        List<Double> result = new ArrayList<>();
        for (int percent = 0; percent < 100; percent++) {
            result.add(percent / 100.0);
        }
        result.addAll(List.of(0.995, 0.999, 1.0));
        return List.copyOf(result);
    }
}
