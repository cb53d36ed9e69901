package dev.headroom.workload;

/**
 * When users buy credit. Each purchase is its own ledger transaction: one at sign-up, a top-up
 * whenever a usage row leaves the balance below a threshold, and a top-up when a request is
 * rejected for short credit.
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

    /**
     * Returns the top-up a user buys when a request of {@code costMicros} is rejected for short
     * credit, in micro-dollars: the top-up whenever the ledger's {@code balanceMicros} does not
     * cover the cost, whatever the threshold. 0 when top-ups are off, or when the ledger covers
     * the cost and only a stale cached balance rejected the request.
     */
    public long topUpOnRejection(long balanceMicros, long costMicros) {
        return balanceMicros < costMicros ? topUpMicros : 0;
    }
}
