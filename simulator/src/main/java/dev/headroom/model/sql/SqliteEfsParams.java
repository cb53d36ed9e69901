package dev.headroom.model.sql;

import dev.headroom.model.latency.LatencyParams;
import java.util.Objects;

/**
 * Settings of the SQLite on EFS model.
 *
 * @param storageMicrosPerGbMonth price of one GB (2^30 bytes) stored for one month
 * @param readMicrosPerGb price of one GB read under Elastic Throughput
 * @param writeMicrosPerGb price of one GB written under Elastic Throughput
 * @param pageBytes the database page size: a read or a write moves whole pages
 * @param rowBytes bytes of one ledger row's data
 * @param rowOverheadBytes bytes each row takes beyond its data: record header, cell pointer and
 *     index entries
 * @param balanceRead how a balance is read
 * @param latency latency of one statement; a write holds the write lock for its latency
 * @param busyTimeoutMillis the longest a statement waits for the write lock before it fails as
 *     {@code SQLITE_BUSY}
 * @param maxRetries retries of a statement that failed as {@code SQLITE_BUSY}
 */
public record SqliteEfsParams(
        long storageMicrosPerGbMonth,
        long readMicrosPerGb,
        long writeMicrosPerGb,
        long pageBytes,
        long rowBytes,
        long rowOverheadBytes,
        BalanceRead balanceRead,
        LatencyParams latency,
        long busyTimeoutMillis,
        int maxRetries) {

    public SqliteEfsParams {
        PostgresParams.requireNonNegative("storage price", storageMicrosPerGbMonth);
        PostgresParams.requireNonNegative("read price", readMicrosPerGb);
        PostgresParams.requireNonNegative("write price", writeMicrosPerGb);
        PostgresParams.requireNonNegative("row overhead", rowOverheadBytes);
        PostgresParams.requireNonNegative("busy timeout", busyTimeoutMillis);
        PostgresParams.requireNonNegative("retries", maxRetries);
        if (pageBytes < 1 || rowBytes < 1) {
            throw new IllegalArgumentException("page bytes " + pageBytes + " and row bytes "
                    + rowBytes + " must be positive");
        }
        Objects.requireNonNull(balanceRead, "balanceRead");
        Objects.requireNonNull(latency, "latency");
    }

    /** Returns the bytes one stored row takes, overhead included. */
    public long storedRowBytes() {
        return rowBytes + rowOverheadBytes;
    }
}
