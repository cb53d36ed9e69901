package dev.headroom.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * A Redis balance cache (Amazon ElastiCache) in front of Sheets, used by the Sheets phases that
 * list the {@code redis-cache} feature.
 *
 * @param nodeMicrosPerHour price of one node for one hour, in micro-dollars
 * @param nodes nodes in the cluster, each billed per hour
 * @param ttl how long a cached balance stays fresh
 * @param onWrite the change that an appended row makes to the user's cached balance
 * @param latency latency of one Redis round trip, which touches one key whatever the ledger's size
 */
public record RedisSettings(
        long nodeMicrosPerHour, int nodes, Duration ttl, OnWrite onWrite,
        DurationDistribution latency) {

    /** The change that an appended row makes to the user's cached balance. */
    public enum OnWrite {
        /** Deletes the entry, as in the plan's write path. */
        INVALIDATE,
        /** Writes the new balance into the entry, which stays fresh for another TTL. */
        UPDATE
    }

    public RedisSettings {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(onWrite, "onWrite");
        Objects.requireNonNull(latency, "latency");
    }
}
