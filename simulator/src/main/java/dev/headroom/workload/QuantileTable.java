package dev.headroom.workload;

import dev.headroom.engine.RandomStream;
import java.util.Arrays;

/**
 * An empirical distribution given by its quantile function at a few probabilities, with linear
 * interpolation in between. Drawing by inversion: a uniform {@code u} in {@code [0, 1)} maps to
 * {@link #quantile(double) quantile(u)}. Instances are immutable.
 */
public final class QuantileTable {

    private final double[] probabilities;
    private final double[] values;

    /**
     * Creates a table from matching arrays.
     *
     * @param probabilities strictly increasing, from exactly 0 to exactly 1, at least two
     * @param values the quantile at each probability, non-decreasing
     */
    public QuantileTable(double[] probabilities, double[] values) {
        if (probabilities.length < 2 || probabilities.length != values.length) {
            throw new IllegalArgumentException("a quantile table needs at least two rows and as "
                    + "many values as probabilities; got " + probabilities.length
                    + " probabilities and " + values.length + " values");
        }
        if (probabilities[0] != 0 || probabilities[probabilities.length - 1] != 1) {
            throw new IllegalArgumentException("quantile probabilities must run from 0 to 1; got "
                    + probabilities[0] + " to " + probabilities[probabilities.length - 1]);
        }
        for (int i = 1; i < probabilities.length; i++) {
            if (!(probabilities[i] > probabilities[i - 1]) || !(values[i] >= values[i - 1])) {
                throw new IllegalArgumentException("quantile row " + i + " (p=" + probabilities[i]
                        + ", value=" + values[i] + ") must have a higher probability and no "
                        + "lower value than the row before it");
            }
        }
        this.probabilities = probabilities.clone();
        this.values = values.clone();
    }

    public int size() {
        return probabilities.length;
    }

    public double probability(int row) {
        return probabilities[row];
    }

    public double value(int row) {
        return values[row];
    }

    /** Returns the quantile at probability {@code p} in {@code [0, 1]}, interpolated linearly. */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability is " + p + "; it must be in [0, 1]");
        }
        int upper = Arrays.binarySearch(probabilities, p);
        if (upper >= 0) {
            return values[upper];
        }
        upper = -upper - 1;
        int lower = upper - 1;
        double width = probabilities[upper] - probabilities[lower];
        double fraction = (p - probabilities[lower]) / width;
        return values[lower] + fraction * (values[upper] - values[lower]);
    }

    /** Draws a value by inversion and rounds it to the nearest whole number. */
    public long drawRounded(RandomStream stream) {
        return Math.round(quantile(stream.nextDouble()));
    }

    /** Returns the mean of the interpolated distribution: the trapezoid sum over rows. */
    public double mean() {
        double sum = 0;
        for (int i = 1; i < probabilities.length; i++) {
            sum += (probabilities[i] - probabilities[i - 1]) * (values[i] + values[i - 1]) / 2;
        }
        return sum;
    }
}
