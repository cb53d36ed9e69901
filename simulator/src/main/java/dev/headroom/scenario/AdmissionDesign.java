package dev.headroom.scenario;

/** Designs for admitting a chat request against the user's credit. */
public enum AdmissionDesign {
    /**
     * The plan's design: admit when the balance, possibly read from the balance cache, is
     * positive, and log the cost when the request ends.
     */
    CACHED_CHECK,
    /** Admit when a fresh balance read is positive, and log the cost when the request ends. */
    UNCACHED_CHECK,
    /** Debit the expected cost with one atomic conditional write that fails on short credit. */
    ATOMIC_DEBIT
}
