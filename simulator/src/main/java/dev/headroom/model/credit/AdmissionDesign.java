package dev.headroom.model.credit;

/** How the proxy decides, at the start of a chat request, whether the user may spend. */
public enum AdmissionDesign {

    /**
     * The scaling plan's design: admit when the balance is positive, reading it from a per-user
     * cache while the cached value is younger than the cache TTL and from the ledger otherwise.
     * The cost is logged when the request ends.
     */
    CACHED_CHECK,

    /**
     * Admit when the balance read from the ledger at the start is positive, with no cache. The
     * cost is still logged when the request ends, so requests in flight do not see each other.
     */
    UNCACHED_CHECK,

    /**
     * Debit the request's cost at the start with one conditional write that succeeds only when
     * the balance covers the cost, and reject the request otherwise. No credit is ever admitted
     * beyond the balance.
     */
    ATOMIC_DEBIT
}
