package dev.headroom.workload;

import dev.headroom.engine.RandomStream;
import org.apache.commons.math3.distribution.LogNormalDistribution;

/**
 * The duration of a chat request, from its arrival at the proxy to its end, when the usage row is
 * written. The mean is a fixed part plus a part per prompt token and per generated token; a
 * log-normal factor with mean 1 spreads individual requests around it.
 *
 * @param baseMillis fixed part in milliseconds, zero or more
 * @param millisPerInputToken milliseconds per prompt token, zero or more
 * @param millisPerOutputToken milliseconds per generated token, zero or more
 * @param jitterShape standard deviation of the log of the spread factor; 0 gives the mean exactly
 */
public record DurationModel(
        double baseMillis,
        double millisPerInputToken,
        double millisPerOutputToken,
        double jitterShape) {

    public DurationModel {
        Checks.notNegative(baseMillis, "baseMillis");
        Checks.notNegative(millisPerInputToken, "millisPerInputToken");
        Checks.notNegative(millisPerOutputToken, "millisPerOutputToken");
        Checks.notNegative(jitterShape, "jitterShape");
    }

    /** Returns the mean duration in milliseconds of a request with these token counts. */
    public double meanMillis(long tokensIn, long tokensOut) {
        return baseMillis + millisPerInputToken * tokensIn + millisPerOutputToken * tokensOut;
    }

    /**
     * Draws a duration in whole milliseconds; it makes no draw when {@code jitterShape} is 0.
     */
    public long drawMillis(long tokensIn, long tokensOut, RandomStream stream) {
        double mean = meanMillis(tokensIn, tokensOut);
        if (jitterShape == 0) {
            return Math.round(mean);
        }
        double factor = new LogNormalDistribution(
                stream, -jitterShape * jitterShape / 2, jitterShape).sample();
        return Math.round(mean * factor);
    }
}
