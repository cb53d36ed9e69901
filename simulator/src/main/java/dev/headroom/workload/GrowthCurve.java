package dev.headroom.workload;

/**
 * Active users as a function of simulated time. Every curve is non-decreasing, so the instant at
 * which it first reaches a given user count is well defined; users who leave are modelled by
 * {@link Churn}, not by a falling curve.
 */
public sealed interface GrowthCurve
        permits LinearGrowth, ExponentialGrowth, LogisticGrowth, PiecewiseGrowth {

    /**
     * Returns the number of active users at simulated time {@code millis}, as a real number: the
     * {@code n}-th user is active once the curve reaches {@code n}.
     */
    double usersAt(long millis);

    /**
     * Returns the earliest simulated time in {@code [fromMillis, horizonMillis]} at which the
     * curve reaches {@code users}, to the millisecond, or {@link Long#MAX_VALUE} if it does not
     * reach it by {@code horizonMillis}.
     */
    default long timeToReach(double users, long fromMillis, long horizonMillis) {
        if (usersAt(fromMillis) >= users) {
            return fromMillis;
        }
        if (horizonMillis <= fromMillis || usersAt(horizonMillis) < users) {
            return Long.MAX_VALUE;
        }
        // Bisection keeps usersAt(low) < users <= usersAt(high); the curve is non-decreasing.
        long low = fromMillis;
        long high = horizonMillis;
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (usersAt(middle) >= users) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }
}
