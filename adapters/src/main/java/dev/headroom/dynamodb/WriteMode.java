package dev.headroom.dynamodb;

/**
 * Write modes of DynamoDB, each with its price in write units per started 1 KB.
 *
 * <p>Source: Amazon DynamoDB pricing for provisioned capacity,
 * https://aws.amazon.com/dynamodb/pricing/provisioned/ (read 2026-12): one write unit per 1 KB,
 * and "a transactional write request of a 3 KB item would require six" units.
 */
public enum WriteMode {
    /** PutItem, UpdateItem, DeleteItem and BatchWriteItem: one write unit per 1 KB. */
    STANDARD(1),
    /** A write inside TransactWriteItems: two write units per 1 KB. */
    TRANSACTIONAL(2);

    private final int unitsPerBlock;

    WriteMode(int unitsPerBlock) {
        this.unitsPerBlock = unitsPerBlock;
    }

    /** Returns the write units that one started 1 KB block costs in this mode. */
    public int unitsPerBlock() {
        return unitsPerBlock;
    }
}
