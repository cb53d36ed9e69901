package dev.headroom.model.latency;

import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Draws call latencies in whole simulated milliseconds. Every draw comes from the random
 * generator given at construction, so a seeded stream gives the same sequence on every run.
 *
 * <p>Leaves out: correlation between calls (queueing, slow periods) and tails heavier than a
 * log-normal. Not thread-safe.
 */
public final class LatencyModel {

    private final LatencyParams params;
    private final LogNormalDistribution logNormal;

    public LatencyModel(LatencyParams params, RandomGenerator random) {
        this.params = params;
        this.logNormal = params.shape() == LatencyShape.LOGNORMAL && params.sigma() > 0
                ? new LogNormalDistribution(random, Math.log(params.medianMillis()),
                        params.sigma())
                : null;
    }

    /** Returns the settings this model draws from. */
    public LatencyParams params() {
        return params;
    }

    /**
     * Draws the latency of one call that touches {@code rows} rows, rounded to the nearest
     * millisecond.
     */
    public long sampleMillis(long rows) {
        double base = logNormal == null ? params.medianMillis() : logNormal.sample();
        double growth = params.growthMillisPerThousandRows() * rows / 1_000.0;
        return Math.round(base + growth);
    }
}
