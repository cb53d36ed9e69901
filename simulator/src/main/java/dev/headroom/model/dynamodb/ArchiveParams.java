package dev.headroom.model.dynamodb;

/**
 * Archiving of log items older than a retention age from the table to S3, or only the counting
 * of item ages for a later phase that archives.
 *
 * @param retentionMillis age after which a log item counts as aged, in simulated milliseconds;
 *     zero means no archiving and no age counting
 * @param bucketMillis width of the age buckets that archiving moves at once (for example one
 *     day). With the retention rounded up to whole buckets as {@code R}, an item leaves the
 *     table between {@code R} and {@code R + bucketMillis} after it was written
 * @param mode whether aged items move to S3 or stay in the table
 * @param storageMicrosPerGbMonth S3 price of one GB (2^30 bytes) stored for one month
 * @param putMicrosPerThousand S3 price of 1,000 PUT requests; archiving writes one object per
 *     user and bucket
 */
public record ArchiveParams(
        long retentionMillis, long bucketMillis, ArchiveMode mode, long storageMicrosPerGbMonth,
        long putMicrosPerThousand) {

    /** No archiving and no age counting: every item stays in the table. */
    public static final ArchiveParams NONE = new ArchiveParams(0, 1, ArchiveMode.TRACK_AGES, 0, 0);

    public ArchiveParams {
        DynamoDbPrices.requireNonNegative("archive retention", retentionMillis);
        if (bucketMillis <= 0) {
            throw new IllegalArgumentException("archive bucket width is " + bucketMillis
                    + " ms; it must be positive");
        }
        if (mode == null) {
            throw new IllegalArgumentException("archive mode is missing");
        }
        DynamoDbPrices.requireNonNegative("S3 storage price", storageMicrosPerGbMonth);
        DynamoDbPrices.requireNonNegative("S3 PUT price", putMicrosPerThousand);
    }

    /**
     * Returns settings that count item ages over {@code retentionMillis} in buckets of
     * {@code bucketMillis} but keep every item in the table.
     */
    public static ArchiveParams tracksAgesOnly(long retentionMillis, long bucketMillis) {
        return new ArchiveParams(retentionMillis, bucketMillis, ArchiveMode.TRACK_AGES, 0, 0);
    }

    /** Returns whether item ages are counted, which archiving needs. */
    public boolean tracksAges() {
        return retentionMillis > 0;
    }

    /** Returns whether aged items move to S3. */
    public boolean movesToS3() {
        return tracksAges() && mode == ArchiveMode.MOVE_TO_S3;
    }

    /** Returns the number of whole buckets in the retention age, rounded up. */
    int retentionBuckets() {
        return Math.toIntExact((retentionMillis + bucketMillis - 1) / bucketMillis);
    }
}
