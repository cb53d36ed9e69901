package dev.headroom.model.sql;

import dev.headroom.model.latency.LatencyParams;
import java.util.Objects;

/**
 * Settings of the PostgreSQL on RDS model.
 *
 * @param instanceMicrosPerHour price of the instance for one hour, in micro-dollars
 * @param freeTierEndMillis simulated time at which the free tier ends; instance hours and the
 *     free storage before it cost nothing
 * @param allocatedStorageGb allocated storage in GB of 2^30 bytes, billed whether used or not
 * @param storageMicrosPerGbMonth price of one allocated GB for one month, in micro-dollars
 * @param freeStorageGb allocated GB that cost nothing before {@code freeTierEndMillis}
 * @param rowBytes bytes of one ledger row's data
 * @param rowOverheadBytes bytes each row takes beyond its data: tuple header, line pointer and
 *     index entries
 * @param balanceRead how a balance is read
 * @param latency latency of one statement, growing with the rows it reads
 * @param maxConnections the server's {@code max_connections}: connection slots in all
 * @param reservedConnections slots kept for superusers and RDS's own roles, which the proxy's
 *     role cannot take
 */
public record PostgresParams(
        long instanceMicrosPerHour,
        long freeTierEndMillis,
        long allocatedStorageGb,
        long storageMicrosPerGbMonth,
        long freeStorageGb,
        long rowBytes,
        long rowOverheadBytes,
        BalanceRead balanceRead,
        LatencyParams latency,
        long maxConnections,
        long reservedConnections) {

    public PostgresParams {
        requireNonNegative("instance price", instanceMicrosPerHour);
        requireNonNegative("free tier end", freeTierEndMillis);
        requireNonNegative("storage price", storageMicrosPerGbMonth);
        requireNonNegative("free storage", freeStorageGb);
        requireNonNegative("row overhead", rowOverheadBytes);
        if (allocatedStorageGb < 1 || allocatedStorageGb > (Long.MAX_VALUE >> 31)) {
            throw new IllegalArgumentException("allocated storage is " + allocatedStorageGb
                    + " GB; it must be at least 1 GB and fit in a long of bytes");
        }
        if (rowBytes < 1) {
            throw new IllegalArgumentException("row bytes is " + rowBytes
                    + "; it must be positive");
        }
        requireNonNegative("reserved connections", reservedConnections);
        if (reservedConnections >= maxConnections) {
            throw new IllegalArgumentException("reserved connections " + reservedConnections
                    + " leave none of max connections " + maxConnections + " for the proxy;"
                    + " reserve fewer than " + maxConnections);
        }
        Objects.requireNonNull(balanceRead, "balanceRead");
        Objects.requireNonNull(latency, "latency");
    }

    /** Returns the allocated storage in bytes: the most that rows and their overhead fill. */
    public long capacityBytes() {
        return allocatedStorageGb << 30;
    }

    /** Returns the connections the proxy's role can hold at once: the slots not reserved. */
    public long usableConnections() {
        return maxConnections - reservedConnections;
    }

    /** Returns the bytes one stored row takes, overhead included. */
    public long storedRowBytes() {
        return rowBytes + rowOverheadBytes;
    }

    static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be zero or more");
        }
    }
}
