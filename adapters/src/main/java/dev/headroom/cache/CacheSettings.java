package dev.headroom.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link CachedBalanceLedger}.
 *
 * @param ttl how long a cached balance is served before the next read goes to the ledger; at
 *     least one millisecond
 * @param keyPrefix prefix of every Redis key, so several ledgers can share one Redis database.
 *     It must not contain '{' or '}', which would change the keys' Redis Cluster hash tag.
 */
public record CacheSettings(Duration ttl, String keyPrefix) {

    /** Checks the settings and throws {@link IllegalArgumentException} naming the bad one. */
    public CacheSettings {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException(
                    "ttl is " + ttl + "; it must be at least one millisecond");
        }
        if (keyPrefix == null || keyPrefix.isBlank()) {
            throw new IllegalArgumentException("keyPrefix is missing; pass a prefix such as"
                    + " \"headroom:\"");
        }
        if (keyPrefix.indexOf('{') >= 0 || keyPrefix.indexOf('}') >= 0) {
            throw new IllegalArgumentException("keyPrefix '" + keyPrefix + "' contains a brace,"
                    + " which would change the Redis Cluster hash tag of the keys; pass a prefix"
                    + " without '{' and '}', such as \"headroom:\"");
        }
    }

    /**
     * Returns a 30 s TTL, as long as the proxy's own in-process balance cache, and the prefix
     * {@code "headroom:"}.
     */
    public static CacheSettings defaults() {
        return new CacheSettings(Duration.ofSeconds(30), "headroom:");
    }
}
