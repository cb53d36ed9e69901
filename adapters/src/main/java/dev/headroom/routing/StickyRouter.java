package dev.headroom.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps every user on the shard where it was first placed and routes new users through a
 * delegate. This is the plan's rule that existing users stay in their original workbook, and it
 * makes any router stable when the shard count changes, at the cost of a placement table.
 */
public final class StickyRouter implements ShardRouter {

    private final ShardRouter delegate;
    private final Map<String, Integer> placements = new ConcurrentHashMap<>();

    public StickyRouter(ShardRouter delegate) {
        this.delegate = delegate;
    }

    /** Pins {@code key} to {@code shard}, as for a user who already exists there. */
    public void place(String key, int shard) {
        if (shard < 0 || shard >= delegate.shardCount()) {
            throw new IllegalArgumentException("shard " + shard + " is outside [0, "
                    + delegate.shardCount() + ")");
        }
        placements.put(key, shard);
    }

    /**
     * Returns the shard {@code key} is pinned to, or the delegate's shard for a new key without
     * pinning it, so that a caller can pin the key with {@link #place} only once it is stored.
     */
    public int peek(String key) {
        Integer pinned = placements.get(key);
        return pinned != null ? pinned : delegate.route(key);
    }

    /** Returns the shard {@code key} is pinned to, routing and pinning it first if it is new. */
    @Override
    public int route(String key) {
        return placements.computeIfAbsent(key, delegate::route);
    }

    @Override
    public int shardCount() {
        return delegate.shardCount();
    }
}
