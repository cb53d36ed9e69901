package dev.headroom.ledger;

/** What {@link UsageLedger#admit} promises when several admissions race for one user. */
public enum AdmissionGuarantee {
    /**
     * The balance check and the debit are one atomic step in the store, so concurrent
     * admissions never spend the same credit twice and the balance never goes negative.
     */
    ATOMIC,
    /**
     * The store offers no conditional write, so the check and the debit are separate calls.
     * Concurrent admissions can overspend; the adapter's Javadoc states by how much.
     */
    BEST_EFFORT
}
