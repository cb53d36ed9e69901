package dev.headroom.model.cache;

import dev.headroom.model.Billing;
import dev.headroom.model.latency.LatencyParams;

/**
 * Settings of a Redis balance cache.
 *
 * @param nodeCount cache nodes, each billed per hour; at least one
 * @param nodeMicrosPerHour price of one node for one hour, in micro-dollars (zero or more)
 * @param ttlMillis how long a stored balance stays fresh, in milliseconds (positive)
 * @param onWrite the change that an appended row makes to the user's entry
 * @param latency latency of one Redis round trip
 */
public record RedisCacheParams(
        int nodeCount, long nodeMicrosPerHour, long ttlMillis, WriteMode onWrite,
        LatencyParams latency) {

    public RedisCacheParams {
        if (nodeCount < 1) {
            throw new IllegalArgumentException("Redis node count is " + nodeCount
                    + "; it must be at least 1");
        }
        if (nodeMicrosPerHour < 0) {
            throw new IllegalArgumentException("Redis node price is " + nodeMicrosPerHour
                    + " micro-dollars per hour; it must be zero or more");
        }
        if (ttlMillis <= 0) {
            throw new IllegalArgumentException("Redis TTL is " + ttlMillis
                    + " ms; it must be positive");
        }
        if (onWrite == null) {
            throw new IllegalArgumentException("Redis write mode is missing");
        }
        if (latency == null) {
            throw new IllegalArgumentException("Redis latency is missing");
        }
    }

    /**
     * Returns the bill of the nodes from {@code startMillis}, when they are provisioned, to
     * {@code at}, in micro-dollars rounded down; zero before the start.
     */
    public long nodeMicros(long startMillis, long at) {
        return Billing.nodeHoursMicros(nodeCount, nodeMicrosPerHour, startMillis, at);
    }
}
