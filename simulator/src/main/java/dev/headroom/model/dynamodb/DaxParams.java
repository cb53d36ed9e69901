package dev.headroom.model.dynamodb;

import dev.headroom.model.Billing;
import dev.headroom.model.latency.LatencyParams;

/**
 * A DAX read cache in front of the table's balance reads.
 *
 * @param nodeCount cluster nodes, each billed per hour; zero means no cache
 * @param nodeMicrosPerHour price of one node for one hour, in micro-dollars
 * @param hitRate fraction of balance reads that the cache serves, in {@code [0, 1]}
 * @param hitLatency latency of a read the cache answers
 */
public record DaxParams(
        int nodeCount, long nodeMicrosPerHour, double hitRate, LatencyParams hitLatency) {

    /** No cache: every balance read goes to the table. */
    public static final DaxParams NONE = new DaxParams(0, 0, 0.0, LatencyParams.fixed(1.0));

    public DaxParams {
        if (nodeCount < 0) {
            throw new IllegalArgumentException("DAX node count is " + nodeCount
                    + "; it must be zero or more");
        }
        DynamoDbPrices.requireNonNegative("DAX node price", nodeMicrosPerHour);
        if (!(hitRate >= 0.0 && hitRate <= 1.0)) {
            throw new IllegalArgumentException("DAX hit rate is " + hitRate
                    + "; it must be between 0 and 1");
        }
        if (nodeCount == 0 && hitRate > 0) {
            throw new IllegalArgumentException("DAX hit rate is " + hitRate
                    + " with no nodes; set a node count or a hit rate of 0");
        }
        if (hitLatency == null) {
            throw new IllegalArgumentException("DAX hit latency is missing");
        }
    }

    /** Returns whether a cache is configured. */
    public boolean enabled() {
        return nodeCount > 0;
    }

    /**
     * Returns the bill of the nodes from {@code startMillis}, when they are provisioned, to
     * {@code at}, in micro-dollars rounded down; zero before the start.
     */
    public long nodeMicros(long startMillis, long at) {
        return Billing.nodeHoursMicros(nodeCount, nodeMicrosPerHour, startMillis, at);
    }
}
