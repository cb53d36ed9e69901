package dev.headroom.routing;

/**
 * Deterministic map from a user key (an email) to a shard index. Implementations are
 * thread-safe.
 */
public interface ShardRouter {

    /** Returns the shard of {@code key}, in {@code [0, shardCount())}. */
    int route(String key);

    /** Returns the number of shards this router spreads keys over. */
    int shardCount();
}
