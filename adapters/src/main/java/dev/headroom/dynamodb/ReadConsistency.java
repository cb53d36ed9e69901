package dev.headroom.dynamodb;

/**
 * Read modes of DynamoDB, each with its price in half read units per started 4 KB.
 *
 * <p>Source: "DynamoDB read and write operations", Amazon DynamoDB Developer Guide,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 * (read 2026-12): a strongly consistent read of up to 4 KB is one read unit, an eventually
 * consistent read half a unit, a transactional read two units.
 */
public enum ReadConsistency {
    /** The default read mode of GetItem and Query: half a read unit per 4 KB. */
    EVENTUAL(1),
    /** {@code ConsistentRead=true}: one read unit per 4 KB. */
    STRONG(2),
    /** A read inside TransactGetItems: two read units per 4 KB. */
    TRANSACTIONAL(4);

    private final int halfUnitsPerBlock;

    ReadConsistency(int halfUnitsPerBlock) {
        this.halfUnitsPerBlock = halfUnitsPerBlock;
    }

    /** Returns the half read units that one started 4 KB block costs in this mode. */
    public int halfUnitsPerBlock() {
        return halfUnitsPerBlock;
    }
}
