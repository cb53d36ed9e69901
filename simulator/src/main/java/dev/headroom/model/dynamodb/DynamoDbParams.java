package dev.headroom.model.dynamodb;

import dev.headroom.dynamodb.CapacityUnits;
import dev.headroom.dynamodb.ReadConsistency;
import dev.headroom.model.latency.LatencyParams;

/**
 * Settings of the DynamoDB ledger model.
 *
 * @param design how a balance is read
 * @param consistency read mode of balance reads
 * @param logItemBytes size of one usage or credit item as DynamoDB counts it, in bytes
 * @param balanceItemBytes size of the running-balance item, in bytes; used by
 *     {@link BalanceDesign#RUNNING_BALANCE} only
 * @param prices on-demand prices
 * @param maxRetries retries of a call that the per-key ceiling throttles before it fails. The
 *     AWS SDK for Java 2.x DynamoDB client retries 8 times by default
 * @param latency latency of one table call, growing with the items a Query page returns
 * @param dax the read cache, or {@link DaxParams#NONE}
 * @param archive archiving to S3, or {@link ArchiveParams#NONE}
 */
public record DynamoDbParams(
        BalanceDesign design, ReadConsistency consistency, long logItemBytes,
        long balanceItemBytes, DynamoDbPrices prices, int maxRetries, LatencyParams latency,
        DaxParams dax, ArchiveParams archive) {

    public DynamoDbParams {
        if (design == null || consistency == null || prices == null || latency == null
                || dax == null || archive == null) {
            throw new IllegalArgumentException("a DynamoDB model setting is missing: design,"
                    + " consistency, prices, latency, dax and archive must all be given");
        }
        requireItemSize("log item size", logItemBytes);
        requireItemSize("balance item size", balanceItemBytes);
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max retries is " + maxRetries
                    + "; it must be zero or more");
        }
    }

    private static void requireItemSize(String name, long bytes) {
        if (bytes < 1 || bytes > CapacityUnits.ITEM_MAX_BYTES) {
            throw new IllegalArgumentException(name + " is " + bytes + " bytes; it must be 1 to "
                    + CapacityUnits.ITEM_MAX_BYTES + " bytes (DynamoDB's 400 KB item limit)");
        }
    }
}
