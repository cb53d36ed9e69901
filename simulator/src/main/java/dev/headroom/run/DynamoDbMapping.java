package dev.headroom.run;

import dev.headroom.dynamodb.ReadConsistency;
import dev.headroom.engine.SimTime;
import dev.headroom.model.dynamodb.ArchiveMode;
import dev.headroom.model.dynamodb.ArchiveParams;
import dev.headroom.model.dynamodb.BalanceDesign;
import dev.headroom.model.dynamodb.DaxParams;
import dev.headroom.model.dynamodb.DynamoDbParams;
import dev.headroom.model.dynamodb.DynamoDbPrices;
import dev.headroom.model.latency.LatencyParams;
import dev.headroom.model.latency.LatencyShape;
import dev.headroom.scenario.Backend;
import dev.headroom.scenario.DurationDistribution;
import dev.headroom.scenario.DynamoDbSettings;
import dev.headroom.scenario.Latency;

/** Maps a scenario's DynamoDB settings and a phase's features onto the model's parameters. */
final class DynamoDbMapping {

    /**
     * Retries of a throttled DynamoDB call: the AWS SDK for Java 2.x DynamoDB client retries 8
     * times by default (aws-sdk-java-v2, {@code DynamoDbRetryPolicy.MAX_ERROR_RETRY}, read
     * 2026-12 in the SDK's public source).
     */
    static final int SDK_MAX_RETRIES = 8;

    /** DAX hit latency in milliseconds. NOTE: an assumed figure, not from a published source. */
    static final double DAX_HIT_MILLIS = 1.0;

    /** The latency that stands for zero: positive, and rounded to 0 ms by the models. */
    static final double MIN_LATENCY_MILLIS = 0.001;

    private DynamoDbMapping() {
    }

    /** Returns the model parameters of a DynamoDB phase that counts item ages. */
    static DynamoDbParams params(DynamoDbSettings settings, Backend.DynamoDb backend) {
        return params(settings, backend, true);
    }

    /**
     * Returns the model parameters of a DynamoDB phase.
     *
     * @param countAges whether the phase counts item ages, which only a phase that archives, or
     *     one followed by such a phase, needs, and only when an item can reach
     *     {@code archive.age} before the run ends. Counting takes an {@code int} per user and
     *     day of {@code archive.age}, 364 bytes a user with the default 90 days. Without it
     *     no item moves to S3
     */
    static DynamoDbParams params(DynamoDbSettings settings, Backend.DynamoDb backend,
            boolean countAges) {
        BalanceDesign design = switch (settings.balanceDesign()) {
            case QUERY_SUM -> BalanceDesign.QUERY_ALL_ITEMS;
            case RUNNING_BALANCE -> BalanceDesign.RUNNING_BALANCE;
        };
        ReadConsistency consistency = switch (settings.consistency()) {
            case STRONG -> ReadConsistency.STRONG;
            case EVENTUAL -> ReadConsistency.EVENTUAL;
        };
        DynamoDbPrices prices = new DynamoDbPrices(settings.writeMicrosPerMillionUnits(),
                settings.readMicrosPerMillionUnits(), settings.storageMicrosPerGbMonth(),
                settings.freeStorageGb() << 30);
        DaxParams dax = backend.uses(Backend.DynamoDb.Feature.DAX)
                ? new DaxParams(settings.dax().nodes(), settings.dax().nodeMicrosPerHour(),
                        settings.dax().hitRate(), LatencyParams.fixed(DAX_HIT_MILLIS))
                : DaxParams.NONE;
        // A phase without the archive can still count item ages, so that a later phase that
        // archives takes over the table with each item's age.
        long retentionMillis = settings.archive().age().toMillis();
        // A phase without the archive moves nothing to S3, but a table it takes over from an
        // archiving phase keeps its S3 objects, which are billed at the S3 price.
        long s3Price = settings.archive().s3MicrosPerGbMonth();
        long putPrice = settings.archive().s3PutMicrosPerThousand();
        ArchiveParams archive;
        if (!countAges) {
            archive = new ArchiveParams(0, 1, ArchiveMode.TRACK_AGES, s3Price,
                    putPrice);
        } else if (backend.uses(Backend.DynamoDb.Feature.S3_ARCHIVE)) {
            archive = new ArchiveParams(retentionMillis, SimTime.DAY, ArchiveMode.MOVE_TO_S3,
                    s3Price, putPrice);
        } else {
            archive = new ArchiveParams(retentionMillis, SimTime.DAY, ArchiveMode.TRACK_AGES,
                    s3Price, putPrice);
        }
        return new DynamoDbParams(design, consistency, settings.itemBytes(),
                settings.itemBytes(), prices, SDK_MAX_RETRIES, latency(settings.latency()), dax,
                archive);
    }

    /**
     * Maps a latency given by its mean onto the model's median form. A log-normal with mean
     * {@code m} and shape {@code s} has median {@code m * exp(-s^2 / 2)}; an exponential is
     * approximated by the log-normal with the same coefficient of variation.
     */
    static LatencyParams latency(Latency latency) {
        DurationDistribution base = latency.base();
        // The model needs a positive median, so a zero latency becomes one that rounds to 0 ms.
        double meanMillis = Math.max(base.mean().toNanos() / 1e6, MIN_LATENCY_MILLIS);
        double perThousandRows = latency.perThousandRows().toNanos() / 1e6;
        double sigma = switch (base.kind()) {
            case FIXED -> 0.0;
            case EXPONENTIAL -> WorkloadMapping.EXPONENTIAL_LIKE_SHAPE;
            case LOGNORMAL -> base.sigma();
        };
        if (sigma == 0.0) {
            return new LatencyParams(LatencyShape.FIXED, meanMillis, 0.0, perThousandRows);
        }
        double median = meanMillis * Math.exp(-sigma * sigma / 2);
        return new LatencyParams(LatencyShape.LOGNORMAL, median, sigma, perThousandRows);
    }
}
