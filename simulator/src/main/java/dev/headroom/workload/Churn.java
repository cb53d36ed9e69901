package dev.headroom.workload;

import dev.headroom.engine.RandomStream;
import dev.headroom.engine.SimTime;

/**
 * Users leaving at a constant monthly rate. Each user's lifetime is exponential, with the hazard
 * chosen so that a user active at the start of a month has left by its end with probability
 * {@code monthlyRate}; a month is a twelfth of a 365-day year.
 *
 * <p>A user who leaves sends no more requests, but their ledger rows stay. The run signs up a
 * replacement at the same instant, so the active users keep following the growth curve.
 *
 * @param monthlyRate fraction of active users who leave per month, at least 0 and below 1
 */
public record Churn(double monthlyRate) {

    /** No churn: every user stays until the end of the run. */
    public static final Churn NONE = new Churn(0);

    /** Milliseconds in one month of churn, a twelfth of {@link SimTime#YEAR}. */
    public static final long MONTH = SimTime.YEAR / 12;

    public Churn {
        Checks.fraction(monthlyRate, "monthlyRate");
    }

    /**
     * Draws one user's lifetime in milliseconds, or returns {@link Long#MAX_VALUE} without a draw
     * when the rate is zero.
     */
    public long drawLifetimeMillis(RandomStream stream) {
        if (monthlyRate == 0) {
            return Long.MAX_VALUE;
        }
        double meanMillis = MONTH / -Math.log1p(-monthlyRate);
        return Math.max(1, Math.round(stream.nextExponential(meanMillis)));
    }
}
