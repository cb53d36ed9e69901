package dev.headroom.workload;

/**
 * When users buy credit. Each purchase is its own ledger transaction: one at sign-up, and a
 * top-up whenever a usage row leaves the balance below a threshold.
 *
 * @param initialCreditMicros credit bought at sign-up, in micro-dollars; 0 for none
 * @param topUpBelowMicros a top-up follows a usage row that leaves the balance below this, in
 *     micro-dollars
 * @param topUpMicros amount of each top-up in micro-dollars; 0 turns top-ups off
 */
public record CreditPolicy(long initialCreditMicros, long topUpBelowMicros, long topUpMicros) {

    /** No purchases at all: every balance starts and stays at zero or below. */
    public static final CreditPolicy NONE = new CreditPolicy(0, 0, 0);

    public CreditPolicy {
        Checks.notNegative(initialCreditMicros, "initialCreditMicros");
        Checks.notNegative(topUpMicros, "topUpMicros");
    }

    /**
     * Returns the top-up a user buys after a usage row leaves {@code balanceMicros}, in
     * micro-dollars, or 0 when no purchase follows.
     */
    public long topUpAfter(long balanceMicros) {
        return topUpMicros > 0 && balanceMicros < topUpBelowMicros ? topUpMicros : 0;
    }
}
