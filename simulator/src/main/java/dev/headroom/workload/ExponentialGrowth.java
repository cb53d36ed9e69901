package dev.headroom.workload;

import dev.headroom.engine.SimTime;

/**
 * Users growing by a constant factor per unit of time:
 * {@code users(t) = initialUsers * exp(ratePerDay * t)}, with {@code t} in days.
 *
 * @param initialUsers active users at time zero, above zero
 * @param ratePerDay continuous growth rate per day, zero or more ({@code ln 2 / 30} doubles the
 *     users every 30 days)
 */
public record ExponentialGrowth(double initialUsers, double ratePerDay) implements GrowthCurve {

    public ExponentialGrowth {
        Checks.positive(initialUsers, "initialUsers");
        Checks.notNegative(ratePerDay, "ratePerDay");
    }

    /** Creates the exponential curve through two points with users above zero. */
    public static ExponentialGrowth through(GrowthPoint first, GrowthPoint second) {
        LinearGrowth.requireOrdered(first, second);
        Checks.positive(first.users(), "first growth point users");
        double rate = Math.log(second.users() / first.users()) / (second.days() - first.days());
        return new ExponentialGrowth(first.users() * Math.exp(-rate * first.days()), rate);
    }

    /** Creates the curve that multiplies the users by {@code factorPerYear} each 365 days. */
    public static ExponentialGrowth ofYearlyFactor(double initialUsers, double factorPerYear) {
        Checks.positive(factorPerYear, "factorPerYear");
        return new ExponentialGrowth(initialUsers, Math.log(factorPerYear) / 365.0);
    }

    @Override
    public double usersAt(long millis) {
        return initialUsers * Math.exp(ratePerDay * SimTime.toDays(millis));
    }
}
