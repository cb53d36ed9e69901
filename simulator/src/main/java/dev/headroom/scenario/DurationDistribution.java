package dev.headroom.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * A distribution of positive durations.
 *
 * @param kind the distribution family
 * @param mean the mean duration
 * @param sigma the shape of a {@link Kind#LOGNORMAL} distribution (the standard deviation of the
 *     underlying normal); ignored by the other kinds
 */
public record DurationDistribution(Kind kind, Duration mean, double sigma) {

    /** Distribution families of a duration. */
    public enum Kind {
        /** Always the mean. */
        FIXED,
        /** Exponential with the given mean. */
        EXPONENTIAL,
        /** Lognormal with the given mean and shape. */
        LOGNORMAL
    }

    public DurationDistribution {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mean, "mean");
    }

    /** Returns a distribution that always yields {@code duration}. */
    public static DurationDistribution fixed(Duration duration) {
        return new DurationDistribution(Kind.FIXED, duration, 0.0);
    }
}
