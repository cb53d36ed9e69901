package dev.headroom.model.latency;

/**
 * Settings of a call's latency: {@code base + growthMillisPerThousandRows * rows / 1000}.
 *
 * @param shape the distribution of the base latency
 * @param medianMillis the median of the base latency, in milliseconds (positive)
 * @param sigma the standard deviation of the base latency's natural logarithm; zero or more,
 *     and ignored by {@link LatencyShape#FIXED}
 * @param growthMillisPerThousandRows added latency per 1,000 rows that the call touches, in
 *     milliseconds (zero or more)
 */
public record LatencyParams(
        LatencyShape shape, double medianMillis, double sigma,
        double growthMillisPerThousandRows) {

    public LatencyParams {
        if (shape == null) {
            throw new IllegalArgumentException("latency shape is missing");
        }
        requireFinite("median latency", medianMillis, false);
        requireFinite("latency sigma", sigma, true);
        requireFinite("latency growth per 1,000 rows", growthMillisPerThousandRows, true);
    }

    /** Returns settings where every call takes {@code millis}, whatever its size. */
    public static LatencyParams fixed(double millis) {
        return new LatencyParams(LatencyShape.FIXED, millis, 0.0, 0.0);
    }

    private static void requireFinite(String name, double value, boolean zeroAllowed) {
        boolean valid = Double.isFinite(value) && (zeroAllowed ? value >= 0 : value > 0);
        if (!valid) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be a finite"
                    + (zeroAllowed ? " number of zero or more" : " positive number"));
        }
    }
}
