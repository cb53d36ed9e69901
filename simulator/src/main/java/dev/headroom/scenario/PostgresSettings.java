package dev.headroom.scenario;

import java.util.Objects;

/**
 * PostgreSQL on Amazon RDS: a single-AZ instance billed by the hour, allocated storage billed by
 * the GB-month whether used or not, and the balance design of the ledger table.
 *
 * @param instanceMicrosPerHour price of the instance for one hour, in micro-dollars
 * @param freeTierMonths months from the start of the run in which the instance hours and the
 *     free storage cost nothing; 0 for an account without the 12-month free tier
 * @param allocatedStorageGb storage allocated to the instance, in GB of 2^30 bytes; the rows
 *     and their overhead must fit in it
 * @param storageMicrosPerGbMonth price of one allocated GB for one month, in micro-dollars
 * @param freeStorageGb allocated GB that cost nothing during the free-tier months
 * @param rowOverheadBytes bytes each stored row takes beyond the workload's row bytes: tuple
 *     header, line pointer and index entries
 * @param balanceDesign how a balance is read
 * @param latency latency of one statement, growing with the rows a balance sum reads
 * @param maxConnections the server's {@code max_connections}
 * @param reservedConnections connection slots reserved for superusers and RDS's own roles,
 *     less than {@code maxConnections}
 */
public record PostgresSettings(
        long instanceMicrosPerHour,
        long freeTierMonths,
        long allocatedStorageGb,
        long storageMicrosPerGbMonth,
        long freeStorageGb,
        long rowOverheadBytes,
        BalanceDesign balanceDesign,
        Latency latency,
        long maxConnections,
        long reservedConnections) {

    public PostgresSettings {
        Objects.requireNonNull(balanceDesign, "balanceDesign");
        Objects.requireNonNull(latency, "latency");
    }
}
