package dev.headroom.model.dynamodb;

/**
 * Archiving of log items older than a retention age from the table to S3.
 *
 * @param retentionMillis age after which a log item leaves the table, in simulated
 *     milliseconds; zero means no archiving
 * @param bucketMillis width of the age buckets that archiving moves at once (for example one
 *     day). With the retention rounded up to whole buckets as {@code R}, an item leaves the
 *     table between {@code R} and {@code R + bucketMillis} after it was written
 * @param storageMicrosPerGbMonth S3 price of one GB (2^30 bytes) stored for one month
 * @param putMicrosPerThousand S3 price of 1,000 PUT requests; archiving writes one object per
 *     user and bucket
 */
public record ArchiveParams(
        long retentionMillis, long bucketMillis, long storageMicrosPerGbMonth,
        long putMicrosPerThousand) {

    /** No archiving: every item stays in the table. */
    public static final ArchiveParams NONE = new ArchiveParams(0, 1, 0, 0);

    public ArchiveParams {
        DynamoDbPrices.requireNonNegative("archive retention", retentionMillis);
        if (bucketMillis <= 0) {
            throw new IllegalArgumentException("archive bucket width is " + bucketMillis
                    + " ms; it must be positive");
        }
        DynamoDbPrices.requireNonNegative("S3 storage price", storageMicrosPerGbMonth);
        DynamoDbPrices.requireNonNegative("S3 PUT price", putMicrosPerThousand);
    }

    /** Returns whether archiving is configured. */
    public boolean enabled() {
        return retentionMillis > 0;
    }

    /** Returns the number of whole buckets in the retention age, rounded up. */
    int retentionBuckets() {
        return Math.toIntExact((retentionMillis + bucketMillis - 1) / bucketMillis);
    }
}
