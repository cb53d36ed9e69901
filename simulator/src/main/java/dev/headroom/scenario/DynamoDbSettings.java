package dev.headroom.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * DynamoDB on-demand prices, the table's design, and the plan's last-phase additions.
 *
 * @param writeMicrosPerMillionUnits price of one million write request units, in micro-dollars
 * @param readMicrosPerMillionUnits price of one million read request units, in micro-dollars
 * @param storageMicrosPerGbMonth price of one GB stored for one month, in micro-dollars
 * @param freeStorageGb GB per month stored at no charge
 * @param consistency the consistency of balance reads
 * @param itemBytes bytes of one ledger item as DynamoDB counts them
 * @param balanceDesign how a balance is read
 * @param latency latency of one call
 * @param dax the read cache, used by phases that name it
 * @param archive the S3 archive, used by phases that name it
 */
public record DynamoDbSettings(
        long writeMicrosPerMillionUnits,
        long readMicrosPerMillionUnits,
        long storageMicrosPerGbMonth,
        long freeStorageGb,
        Consistency consistency,
        long itemBytes,
        BalanceDesign balanceDesign,
        Latency latency,
        Dax dax,
        Archive archive) {

    /** Read consistency. */
    public enum Consistency {
        /** A strongly consistent read: one read unit per 4 KB. */
        STRONG,
        /** An eventually consistent read: half a read unit per 4 KB. */
        EVENTUAL
    }

    public DynamoDbSettings {
        Objects.requireNonNull(consistency, "consistency");
        Objects.requireNonNull(balanceDesign, "balanceDesign");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(dax, "dax");
        Objects.requireNonNull(archive, "archive");
    }

    /**
     * A DAX read cache cluster.
     *
     * @param nodeMicrosPerHour price of one node for one hour, in micro-dollars
     * @param nodes nodes in the cluster
     * @param hitRate fraction of balance reads the cache serves, in {@code [0, 1]}
     */
    public record Dax(long nodeMicrosPerHour, int nodes, double hitRate) {
    }

    /**
     * Items older than an age moved from the table to S3.
     *
     * @param age items older than this leave the table
     * @param s3MicrosPerGbMonth price of one GB stored in S3 for one month, in micro-dollars
     * @param s3PutMicrosPerThousand price of 1,000 S3 PUT requests, in micro-dollars
     */
    public record Archive(Duration age, long s3MicrosPerGbMonth, long s3PutMicrosPerThousand) {
        public Archive {
            Objects.requireNonNull(age, "age");
        }
    }
}
