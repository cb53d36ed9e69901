package dev.headroom.model.dynamodb;

/**
 * On-demand DynamoDB prices in exact micro-dollars.
 *
 * @param writeMicrosPerMillionUnits price of one million write request units
 * @param readMicrosPerMillionUnits price of one million read request units
 * @param storageMicrosPerGbMonth price of one GB (2^30 bytes) stored for one month
 * @param freeStorageBytes stored bytes that are not billed
 */
public record DynamoDbPrices(
        long writeMicrosPerMillionUnits, long readMicrosPerMillionUnits,
        long storageMicrosPerGbMonth, long freeStorageBytes) {

    /**
     * The prices the scaling plan used: $1.25 per million write units and $0.25 per million
     * read units (on-demand in us-east-1 before the cut of 2024-11-01), $0.25 per GB-month and
     * no free storage, because the plan assumed no free tier. Sources:
     * https://aws.amazon.com/dynamodb/pricing/ (storage, read 2026-12); the request prices were
     * halved on 2024-11-01, see {@link #CURRENT}, which also counts AWS's 25 GB free a month.
     */
    public static final DynamoDbPrices PLAN = new DynamoDbPrices(
            1_250_000L, 250_000L, 250_000L, 0L);

    /**
     * On-demand prices in us-east-1 effective 2024-11-01: $0.625 per million write units and
     * $0.125 per million read units. Source: https://aws.amazon.com/dynamodb/pricing/on-demand/
     * as restated by https://airbyte.com/data-engineering-resources/dynamodb-pricing (2025-07-21).
     */
    public static final DynamoDbPrices CURRENT = new DynamoDbPrices(
            625_000L, 125_000L, 250_000L, 25L << 30);

    public DynamoDbPrices {
        requireNonNegative("write price", writeMicrosPerMillionUnits);
        requireNonNegative("read price", readMicrosPerMillionUnits);
        requireNonNegative("storage price", storageMicrosPerGbMonth);
        requireNonNegative("free storage", freeStorageBytes);
    }

    static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be zero or more");
        }
    }
}
