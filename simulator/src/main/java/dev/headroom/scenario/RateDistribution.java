package dev.headroom.scenario;

import java.util.Objects;

/**
 * The distribution from which each user's mean request rate is drawn once, so that light and
 * heavy users exist side by side.
 *
 * @param kind the distribution family
 * @param meanPerDay the mean over users, in requests per user per day
 * @param sigma the shape of a {@link Kind#LOGNORMAL} distribution (the standard deviation of
 *     the underlying normal); ignored by {@link Kind#CONSTANT}
 */
public record RateDistribution(Kind kind, double meanPerDay, double sigma) {

    /** Distribution families of the per-user rate. */
    public enum Kind {
        /** Every user has the mean rate. */
        CONSTANT,
        /** A lognormal distribution with the given mean and shape. */
        LOGNORMAL
    }

    public RateDistribution {
        Objects.requireNonNull(kind, "kind");
    }
}
