package dev.headroom.dynamodb;

import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * Running totals of the capacity units that DynamoDB reported as consumed
 * ({@code ReturnConsumedCapacity=TOTAL}), one record per successful call. Thread-safe.
 *
 * <p>NOTE: a write rejected by its condition also consumes write units in DynamoDB, but the
 * error response carries no consumed capacity, so those units are missing from the totals.
 */
public final class CapacityMeter {

    private final LongAdder readHalfUnits = new LongAdder();
    private final LongAdder writeHalfUnits = new LongAdder();
    private final LongAdder readCalls = new LongAdder();
    private final LongAdder writeCalls = new LongAdder();

    /** Adds the read units of one GetItem, Query or Scan response; null is ignored. */
    void recordRead(ConsumedCapacity consumed) {
        readCalls.increment();
        if (consumed != null && consumed.capacityUnits() != null) {
            readHalfUnits.add(CapacityUnits.toHalfUnits(consumed.capacityUnits()));
        }
    }

    /** Adds the write units of one PutItem or UpdateItem response; null is ignored. */
    void recordWrite(ConsumedCapacity consumed) {
        writeCalls.increment();
        if (consumed != null && consumed.capacityUnits() != null) {
            writeHalfUnits.add(CapacityUnits.toHalfUnits(consumed.capacityUnits()));
        }
    }

    /** Returns the read units consumed so far, counted in halves of a unit. */
    public long readHalfUnits() {
        return readHalfUnits.sum();
    }

    /** Returns the write units consumed so far, counted in halves of a unit. */
    public long writeHalfUnits() {
        return writeHalfUnits.sum();
    }

    /** Returns the read units consumed so far, as DynamoDB reports them. */
    public double readUnits() {
        return CapacityUnits.toUnits(readHalfUnits());
    }

    /** Returns the write units consumed so far, as DynamoDB reports them. */
    public double writeUnits() {
        return CapacityUnits.toUnits(writeHalfUnits());
    }

    /** Returns how many read calls succeeded, one per Query page. */
    public long readCalls() {
        return readCalls.sum();
    }

    /** Returns how many write calls succeeded, conditional writes that passed included. */
    public long writeCalls() {
        return writeCalls.sum();
    }
}
