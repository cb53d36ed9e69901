package dev.headroom.scenario;

import java.time.Duration;

/**
 * Maps the {@code sheets}, {@code redis} and {@code dynamodb} mappings of a scenario file, and
 * the latency distributions inside them, onto their records.
 */
final class StoreReader {

    /**
     * DynamoDB's item size limit, 400 KB of 1,024 bytes:
     * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html (read
     * December 2026).
     */
    static final long MAX_ITEM_BYTES = 400 * 1024L;

    static final Duration MAX_LATENCY = Duration.ofMinutes(10);

    /**
     * The maximum nodes of a Redis cache: ElastiCache's 500 nodes per cluster for Redis OSS 5.0.6
     * and later, https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.html (read
     * December 2026).
     */
    static final long MAX_REDIS_NODES = 500;

    /**
     * The maximum nodes of a DAX cluster, 11 (a primary and up to 10 read replicas):
     * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.concepts.cluster.html
     * (read December 2026).
     */
    static final long MAX_DAX_NODES = 11;

    /**
     * The maximum columns of a tab, 18,278 (column ZZZ): Google Drive's file limits,
     * https://support.google.com/drive/answer/37603 (read December 2026).
     */
    static final long MAX_GRID_COLUMNS = 18_278;

    private StoreReader() {
    }

    static SheetsSettings sheets(Section section) {
        int tabs = (int) section.count("tabs_per_workbook", Defaults.TABS_PER_WORKBOOK,
                1, 1_000_000, null);
        long cells = section.count("cells_per_workbook", Defaults.CELLS_PER_WORKBOOK,
                1, Long.MAX_VALUE / 2, null);
        int rows = (int) section.count("default_grid_rows", Defaults.DEFAULT_GRID_ROWS,
                1, 10_000_000, null);
        int columns = (int) section.count("default_grid_columns",
                Defaults.DEFAULT_GRID_COLUMNS, 1, MAX_GRID_COLUMNS, null);
        SheetsSettings.GridMode gridMode = section.choice("grid_mode",
                SheetsSettings.GridMode.DEFAULT_GRID, SheetsSettings.GridMode.class, null);
        SheetsQuotas quotas = quotas(section.section("quotas"));
        SheetsSettings.QuotaIdentity identity = section.choice("quota_identity",
                SheetsSettings.QuotaIdentity.SERVICE_ACCOUNT,
                SheetsSettings.QuotaIdentity.class, null);
        Backoff backoff = backoff(section.section("backoff"));
        Latency read = latency(section.section("read_latency"), "per_thousand_rows");
        Latency write = latency(section.section("write_latency"), "per_thousand_rows");
        section.finish();
        // A field already reported now has its default, a value the file does not contain.
        boolean gridRead = !section.hasProblem("default_grid_rows")
                && !section.hasProblem("default_grid_columns")
                && !section.hasProblem("cells_per_workbook") && !section.hasProblem("grid_mode");
        if (gridRead && gridMode == SheetsSettings.GridMode.DEFAULT_GRID
                && (long) rows * columns > cells) {
            String field = section.has("default_grid_rows") ? "default_grid_rows"
                    : "cells_per_workbook";
            section.problem(field, "inconsistent settings: a default grid of "
                    + rows + " x " + columns + " cells exceeds cells_per_workbook " + cells
                    + "; lower the grid or raise the limit");
        }
        return new SheetsSettings(tabs, cells, rows, columns, gridMode, quotas, identity,
                backoff, read, write);
    }

    private static SheetsQuotas quotas(Section section) {
        int readProject = quota(section, "read_per_minute_per_project", Defaults.QUOTA_PER_PROJECT);
        int readUser = quota(section, "read_per_minute_per_user", Defaults.QUOTA_PER_USER);
        int writeProject = quota(section, "write_per_minute_per_project",
                Defaults.QUOTA_PER_PROJECT);
        int writeUser = quota(section, "write_per_minute_per_user", Defaults.QUOTA_PER_USER);
        section.finish();
        // A quota already reported, or written with no value, now has its default, a value the
        // file does not contain.
        boolean readQuotasStated = !section.hasProblem("read_per_minute_per_project")
                && !section.hasProblem("read_per_minute_per_user");
        boolean writeQuotasStated = !section.hasProblem("write_per_minute_per_project")
                && !section.hasProblem("write_per_minute_per_user");
        if (readQuotasStated && readUser > readProject) {
            section.problem("read_per_minute_per_user", "inconsistent settings: the per-user "
                    + "quota " + readUser + " exceeds the per-project quota " + readProject
                    + "; lower it to at most " + readProject);
        }
        if (writeQuotasStated && writeUser > writeProject) {
            section.problem("write_per_minute_per_user", "inconsistent settings: the per-user "
                    + "quota " + writeUser + " exceeds the per-project quota " + writeProject
                    + "; lower it to at most " + writeProject);
        }
        return new SheetsQuotas(readProject, readUser, writeProject, writeUser);
    }

    private static int quota(Section section, String key, int fallback) {
        return (int) section.count(key, fallback, 1, 100_000_000, null);
    }

    private static Backoff backoff(Section section) {
        Duration maximum = section.duration("maximum_backoff", Defaults.MAXIMUM_BACKOFF,
                Duration.ofSeconds(1), Duration.ofHours(1), null);
        int retries = (int) section.count("maximum_retries", Defaults.MAXIMUM_RETRIES, 0, 100,
                null);
        section.finish();
        return new Backoff(maximum, retries);
    }

    static DynamoDbSettings dynamoDb(Section section) {
        long write = section.money("write_price_per_million",
                Defaults.DYNAMODB_WRITE_MICROS_PER_MILLION, 0, null);
        long read = section.money("read_price_per_million",
                Defaults.DYNAMODB_READ_MICROS_PER_MILLION, 0, null);
        long storage = section.money("storage_price_per_gb_month",
                Defaults.DYNAMODB_STORAGE_MICROS_PER_GB_MONTH, 0, null);
        long freeGb = section.count("free_storage_gb", Defaults.DYNAMODB_FREE_STORAGE_GB, 0,
                1_000_000, null);
        DynamoDbSettings.Consistency consistency = section.choice("consistency",
                DynamoDbSettings.Consistency.STRONG, DynamoDbSettings.Consistency.class, null);
        long itemBytes = section.bytes("item_bytes", Defaults.DYNAMODB_ITEM_BYTES, 1,
                MAX_ITEM_BYTES, "the 400 KiB item limit", null);
        BalanceDesign design = section.choice("balance_design", BalanceDesign.QUERY_SUM,
                BalanceDesign.class, null);
        Latency latency = latency(section.section("latency"), "per_thousand_rows");
        DynamoDbSettings.Dax dax = dax(section.section("dax"));
        DynamoDbSettings.Archive archive = archive(section.section("archive"));
        section.finish();
        return new DynamoDbSettings(write, read, storage, freeGb, consistency, itemBytes,
                design, latency, dax, archive);
    }

    private static DynamoDbSettings.Dax dax(Section section) {
        long nodePrice = section.money("node_price_per_hour", Defaults.DAX_NODE_MICROS_PER_HOUR,
                0, null);
        int nodes = (int) section.count("nodes", 1, 1, MAX_DAX_NODES, null);
        double hitRate = section.number("hit_rate", 0.0, 0.0, 1.0, null);
        section.finish();
        return new DynamoDbSettings.Dax(nodePrice, nodes, hitRate);
    }

    static RedisSettings redis(Section section) {
        long nodePrice = section.money("node_price_per_hour", Defaults.REDIS_NODE_MICROS_PER_HOUR,
                0, null);
        int nodes = (int) section.count("nodes", Defaults.REDIS_NODES, 1, MAX_REDIS_NODES, null);
        if (nodePrice * nodes > Units.MAX_MONEY_MICROS) {
            section.problem("nodes", "too large: " + nodes + " nodes at the node price cost more"
                    + " than $100,000 an hour; lower nodes or node_price_per_hour");
        }
        Duration ttl = section.duration("ttl", Defaults.REDIS_TTL, Duration.ofSeconds(1),
                Duration.ofDays(365), null);
        RedisSettings.OnWrite onWrite = section.choice("on_write",
                RedisSettings.OnWrite.INVALIDATE, RedisSettings.OnWrite.class, null);
        Section latencySection = section.section("latency");
        DurationDistribution base = distribution(latencySection,
                DurationDistribution.fixed(Defaults.REDIS_LATENCY));
        latencySection.finish();
        section.finish();
        return new RedisSettings(nodePrice, nodes, ttl, onWrite, base);
    }

    static SheetsArchiveSettings sheetsArchive(Section section) {
        Duration keep = section.duration("keep", Defaults.ARCHIVE_KEEP, Duration.ofDays(1),
                ScenarioReader.MAX_HORIZON, null);
        Duration every = section.duration("every", Defaults.ARCHIVE_EVERY, Duration.ofDays(1),
                Duration.ofDays(366), null);
        Duration startsAt = section.duration("starts_at", Defaults.ARCHIVE_STARTS_AT,
                Duration.ZERO, Duration.ofDays(1), null);
        if (startsAt.equals(Duration.ofDays(1))) {
            section.problem("starts_at", "24h is the next day's midnight, not a time of day;"
                    + " use a time before 24h, such as 0s or 3h");
            startsAt = Defaults.ARCHIVE_STARTS_AT;
        }
        long cellLimit = section.count("cell_limit", Defaults.CELLS_PER_WORKBOOK, 1,
                Defaults.CELLS_PER_WORKBOOK, null);
        long costPerRun = section.money("cost_per_run", 0, 0, null);
        section.finish();
        return new SheetsArchiveSettings(keep, every, startsAt, cellLimit, costPerRun);
    }

    private static DynamoDbSettings.Archive archive(Section section) {
        Duration age = section.duration("age", Defaults.ARCHIVE_AGE, Duration.ofDays(1),
                ScenarioReader.MAX_HORIZON, null);
        long price = section.money("s3_price_per_gb_month", Defaults.S3_MICROS_PER_GB_MONTH, 0,
                null);
        long putPrice = section.money("s3_put_price_per_thousand",
                Defaults.S3_PUT_MICROS_PER_THOUSAND, 0, null);
        section.finish();
        return new DynamoDbSettings.Archive(age, price, putPrice);
    }

    /** Reads a latency: a distribution plus the time added per {@code growthKey} unit. */
    static Latency latency(Section section, String growthKey) {
        DurationDistribution base = distribution(section,
                DurationDistribution.fixed(Duration.ZERO));
        Duration growth = section.duration(growthKey, Duration.ZERO, Duration.ZERO,
                MAX_LATENCY, null);
        section.finish();
        return new Latency(base, growth);
    }

    /**
     * Reads the {@code distribution}, {@code mean} and {@code sigma} fields of a mapping; the
     * caller reads its other fields and calls {@link Section#finish()}.
     */
    static DurationDistribution distribution(Section section, DurationDistribution fallback) {
        DurationDistribution.Kind kind = section.choice("distribution", fallback.kind(),
                DurationDistribution.Kind.class, null);
        // Only a fixed distribution may have a mean of 0. With no mean written, a random
        // distribution takes the fallback's mean, which is 0 for a latency, and is rejected.
        Duration mean = kind == DurationDistribution.Kind.FIXED
                ? section.duration("mean", fallback.mean(), Duration.ZERO, MAX_LATENCY, null)
                : section.positiveDuration("mean", fallback.mean(), MAX_LATENCY, null);
        double sigma = sigma(section, kind == DurationDistribution.Kind.LOGNORMAL);
        if (kind != DurationDistribution.Kind.FIXED && mean.isZero()
                && !section.hasProblem("mean")) {
            section.problem("mean", "missing required field; the " + Section.configName(kind)
                    + " distribution needs a mean greater than 0s, such as mean: 300ms");
        }
        return new DurationDistribution(kind, mean, sigma);
    }

    /**
     * Reads the lognormal shape {@code sigma}: required and positive for a lognormal
     * distribution, and rejected for any other, where it would have no effect.
     */
    static double sigma(Section section, boolean lognormal) {
        if (!lognormal) {
            // A misspelled distribution is reported already, and its sigma may suit the one meant.
            // A sigma with no value does not apply either, so it gets the same message.
            boolean written = section.has("sigma") || section.isWritten("sigma");
            if (written && !section.hasProblem("distribution")) {
                section.problem("sigma", "inconsistent settings: sigma applies only to "
                        + "distribution: lognormal; remove it or change the distribution");
            }
            return 0.0;
        }
        return section.number("sigma", 1.0, 0.001, 10.0,
                "write the lognormal shape, such as sigma: 0.5");
    }
}
