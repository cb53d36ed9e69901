/**
 * A Redis cache of user balances, as a decorator over any
 * {@link dev.headroom.ledger.UsageLedger}: balance reads are served from Redis until a TTL
 * expires, and every write or admission through the decorator invalidates the user's entry.
 */
package dev.headroom.cache;
