package dev.headroom.workload;

import dev.headroom.engine.SimTime;

/**
 * Users growing by a constant number per day:
 * {@code users(t) = max(0, initialUsers + usersPerDay * t)}, with {@code t} in days.
 *
 * @param initialUsers the line's value at time zero; negative when a line through two later
 *     points crosses zero after time zero, and the curve is zero until then
 * @param usersPerDay users added per simulated day, zero or more
 */
public record LinearGrowth(double initialUsers, double usersPerDay) implements GrowthCurve {

    public LinearGrowth {
        if (!Double.isFinite(initialUsers)) {
            throw new IllegalArgumentException(
                    "initialUsers is " + initialUsers + "; it must be a finite number");
        }
        Checks.notNegative(usersPerDay, "usersPerDay");
    }

    /** Creates the line through two points, the first earlier than the second. */
    public static LinearGrowth through(GrowthPoint first, GrowthPoint second) {
        requireOrdered(first, second);
        double slope = (second.users() - first.users()) / (second.days() - first.days());
        return new LinearGrowth(first.users() - slope * first.days(), slope);
    }

    @Override
    public double usersAt(long millis) {
        return Math.max(0, initialUsers + usersPerDay * SimTime.toDays(millis));
    }

    static void requireOrdered(GrowthPoint first, GrowthPoint second) {
        if (second.millis() <= first.millis() || second.users() < first.users()) {
            throw new IllegalArgumentException("growth points " + first + " and " + second
                    + " must be in increasing time with non-decreasing users");
        }
    }
}
