package dev.headroom.model.latency;

/** The distribution of a call's base latency. */
public enum LatencyShape {
    /** Every call takes the median. */
    FIXED,
    /** Log-normal with the given median and the given standard deviation of its logarithm. */
    LOGNORMAL
}
