package dev.headroom.workload;

import dev.headroom.engine.SimTime;

/**
 * Users growing along an S-curve towards a market size:
 * {@code users(t) = capacity / (1 + (capacity / initialUsers - 1) * exp(-ratePerDay * t))}, with
 * {@code t} in days. The curve is steepest when it reaches half the capacity.
 *
 * @param capacity the number of users the curve approaches and never reaches
 * @param initialUsers active users at time zero, above zero and below {@code capacity}
 * @param ratePerDay growth rate per day while users are few, zero or more
 */
public record LogisticGrowth(double capacity, double initialUsers, double ratePerDay)
        implements GrowthCurve {

    public LogisticGrowth {
        Checks.positive(capacity, "capacity");
        Checks.positive(initialUsers, "initialUsers");
        Checks.notNegative(ratePerDay, "ratePerDay");
        if (initialUsers >= capacity) {
            throw new IllegalArgumentException("initialUsers is " + initialUsers
                    + "; it must be below the capacity " + capacity);
        }
    }

    /**
     * Creates the logistic curve with the given capacity through two points whose users are
     * above zero and below the capacity.
     */
    public static LogisticGrowth through(double capacity, GrowthPoint first, GrowthPoint second) {
        LinearGrowth.requireOrdered(first, second);
        double firstLogit = logit(first.users(), capacity);
        double rate = (logit(second.users(), capacity) - firstLogit)
                / (second.days() - first.days());
        double logitAtZero = firstLogit - rate * first.days();
        return new LogisticGrowth(capacity, capacity / (1 + Math.exp(-logitAtZero)), rate);
    }

    @Override
    public double usersAt(long millis) {
        double days = SimTime.toDays(millis);
        return capacity / (1 + (capacity / initialUsers - 1) * Math.exp(-ratePerDay * days));
    }

    private static double logit(double users, double capacity) {
        if (!(users > 0 && users < capacity)) {
            throw new IllegalArgumentException("growth point users " + users
                    + " must be above zero and below the capacity " + capacity);
        }
        return Math.log(users / (capacity - users));
    }
}
