package dev.headroom.model.dynamodb;

import java.math.BigInteger;

/**
 * Stored bytes over simulated time: the exact integral of billable bytes in byte-milliseconds,
 * where billable bytes are the stored bytes above a free allowance.
 */
final class StorageIntegral {

    private final long freeBytes;
    private long bytes;
    private long lastMillis;
    private BigInteger billableByteMillis = BigInteger.ZERO;

    StorageIntegral(long freeBytes, long startMillis) {
        this.freeBytes = freeBytes;
        this.lastMillis = startMillis;
    }

    /** Integrates the current bytes up to {@code now}; an earlier time changes nothing. */
    void advanceTo(long now) {
        if (now <= lastMillis) {
            return;
        }
        long billable = Math.max(0, bytes - freeBytes);
        if (billable > 0) {
            BigInteger span = BigInteger.valueOf(now - lastMillis);
            BigInteger added = BigInteger.valueOf(billable).multiply(span);
            billableByteMillis = billableByteMillis.add(added);
        }
        lastMillis = now;
    }

    /** Adds {@code delta} bytes (negative to remove) at the time of the last advance. */
    void add(long delta) {
        bytes = Math.addExact(bytes, delta);
    }

    long bytes() {
        return bytes;
    }

    BigInteger billableByteMillis() {
        return billableByteMillis;
    }
}
