package dev.headroom.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * SQLite on Amazon EFS: one database file on an elastic file system, billed for the bytes
 * stored and, under Elastic Throughput, for the bytes read and written; one writer at a time.
 *
 * @param storageMicrosPerGbMonth price of one GB (2^30 bytes) stored for one month, in
 *     micro-dollars
 * @param readMicrosPerGb price of one GB read, in micro-dollars
 * @param writeMicrosPerGb price of one GB written, in micro-dollars
 * @param pageBytes the database page size: the least a read or a write moves
 * @param rowOverheadBytes bytes each stored row takes beyond the workload's row bytes: record
 *     header, cell pointer and index entries
 * @param balanceDesign how a balance is read
 * @param latency latency of one statement; a write holds the write lock for its latency
 * @param busyTimeout the longest a statement waits for the write lock before it fails as
 *     {@code SQLITE_BUSY}
 * @param maximumRetries retries of a statement that failed as {@code SQLITE_BUSY}
 */
public record SqliteEfsSettings(
        long storageMicrosPerGbMonth,
        long readMicrosPerGb,
        long writeMicrosPerGb,
        long pageBytes,
        long rowOverheadBytes,
        BalanceDesign balanceDesign,
        Latency latency,
        Duration busyTimeout,
        long maximumRetries) {

    public SqliteEfsSettings {
        Objects.requireNonNull(balanceDesign, "balanceDesign");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
    }
}
