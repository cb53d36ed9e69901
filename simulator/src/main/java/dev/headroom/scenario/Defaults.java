package dev.headroom.scenario;

import java.time.Duration;

/**
 * Values a scenario file may leave out, each with the source it comes from. The bundled seed
 * plan states every one of them explicitly.
 */
final class Defaults {

    /** Seed of the random streams when a file gives none. */
    static final long SEED = 1L;

    /**
     * Requests per user per day: the scaling plan's average user (plan of 2024-10-25, section
     * "Cell Count Analysis").
     */
    static final double REQUESTS_PER_USER_PER_DAY = 10.0;

    /**
     * Credit bought at sign-up, $5: the amount of the credit-purchase item in the plan's
     * DynamoDB schema example.
     */
    static final long INITIAL_CREDIT_MICROS = 5_000_000L;

    /** Cells per usage row: the plan's "10 columns" per user tab. */
    static final int ROW_COLUMNS = 10;

    /** Bytes per usage row: the plan's "Our rows are ~500 bytes". */
    static final long ROW_BYTES = 500L;

    /**
     * Tabs per workbook: the proxy's own guard, which rejects the 201st tab (plan of 2024-10-25,
     * "Limit Check"). NOTE: no current Google page states a tab limit; the figure is the
     * proxy's own.
     */
    static final int TABS_PER_WORKBOOK = 200;

    /**
     * Cells per workbook over every tab's grid: Google raised the limit to ten million in March
     * 2022, https://workspaceupdates.googleblog.com/2022/03/ten-million-cells-google-sheets.html ,
     * as quoted in https://github.com/tidyverse/googlesheets4/issues/257 (2022-03-21).
     */
    static final long CELLS_PER_WORKBOOK = 10_000_000L;

    /**
     * Grid of a new tab, 1,000 rows by 26 columns: the grid Google gives a new spreadsheet's
     * first tab, https://github.com/burnash/gspread/pull/704 (2019-10-27). NOTE: that a tab added
     * with only a title gets the same grid is taken from secondary reports, not from Google.
     */
    static final int DEFAULT_GRID_ROWS = 1_000;

    /** Columns of a tab added with only a title; see {@link #DEFAULT_GRID_ROWS}. */
    static final int DEFAULT_GRID_COLUMNS = 26;

    /**
     * Read and write requests per minute per project, and per user per project:
     * https://developers.google.com/workspace/sheets/api/limits (read December 2026).
     */
    static final int QUOTA_PER_PROJECT = 300;

    /** Requests per minute per user per project; see {@link #QUOTA_PER_PROJECT}. */
    static final int QUOTA_PER_USER = 60;

    /**
     * Cap on one backoff wait: Google's limits page gives the maximum backoff as "typically 32 or
     * 64 seconds", https://developers.google.com/workspace/sheets/api/limits (read December 2026).
     */
    static final Duration MAXIMUM_BACKOFF = Duration.ofSeconds(64);

    /**
     * Retries after the first attempt. NOTE: Google's page recommends a cap on the number
     * of retries but gives no number; five is an assumption.
     */
    static final int MAXIMUM_RETRIES = 5;

    /** Balance cache lifetime: the plan's "Cached for 30 seconds to reduce API calls". */
    static final Duration BALANCE_CACHE_TTL = Duration.ofSeconds(30);

    /**
     * Storage price per GB-month of a DynamoDB Standard table:
     * https://aws.amazon.com/dynamodb/pricing/ (current in 2026).
     */
    static final long DYNAMODB_STORAGE_MICROS_PER_GB_MONTH = 250_000L;

    /**
     * Free DynamoDB storage, the first 25 GB each month, on AWS's price list:
     * https://aws.amazon.com/dynamodb/pricing/ (current in 2026).
     */
    static final long DYNAMODB_FREE_STORAGE_GB = 25L;

    /**
     * On-demand price of one million DynamoDB write request units in us-east-1, $0.625, effective
     * 2024-11-01: https://aws.amazon.com/dynamodb/pricing/on-demand/ as restated by
     * https://airbyte.com/data-engineering-resources/dynamodb-pricing (2025-07-21).
     */
    static final long DYNAMODB_WRITE_MICROS_PER_MILLION = 625_000L;

    /** On-demand price of one million read request units, $0.125, from the same source. */
    static final long DYNAMODB_READ_MICROS_PER_MILLION = 125_000L;

    /**
     * On-demand price of one DAX node, the smallest type (dax.t3.small), about $0.04 per hour in
     * us-east-1: https://www.usage.ai/blog/aws-reserved-instances-dynamodb-dax-pricing (April
     * 2026), which also states that DAX has no free tier. NOTE: approximate, and larger node
     * types cost more.
     */
    static final long DAX_NODE_MICROS_PER_HOUR = 40_000L;

    /** Item bytes of a DynamoDB ledger item: the plan's "500 bytes/transaction". */
    static final long DYNAMODB_ITEM_BYTES = 500L;

    /**
     * Archive age: the plan's "Move >90 day old transactions" to S3 (plan of 2024-10-25, Phase 4).
     */
    static final Duration ARCHIVE_AGE = Duration.ofDays(90);

    /**
     * S3 Standard storage per GB-month, $0.023 for the first 50 TB in us-east-1:
     * https://aws.amazon.com/s3/pricing/ (read December 2026). The plan's "Archive to S3"
     * (Phase 4) gives the same price.
     */
    static final long S3_MICROS_PER_GB_MONTH = 23_000L;

    /**
     * S3 Standard PUT price, $0.005 per 1,000 requests in us-east-1:
     * https://aws.amazon.com/s3/pricing/ (read December 2026).
     */
    static final long S3_PUT_MICROS_PER_THOUSAND = 5_000L;

    /**
     * On-demand price of a db.t4g.micro PostgreSQL instance, Single-AZ, $0.016 per hour:
     * https://infratally.com/articles/aws-rds-pricing-explained-2026.html (2026).
     */
    static final long POSTGRES_INSTANCE_MICROS_PER_HOUR = 16_000L;

    /**
     * Free-tier months: none, because AWS accounts created on or after 2025-07-15 no longer get
     * the 12-month RDS free tier:
     * https://freetier.co/articles/aws-free-tier-changes-july-15-2025 (read 2026-12).
     */
    static final long POSTGRES_FREE_TIER_MONTHS = 0;

    /**
     * Allocated storage, 20 GB: the storage of the legacy RDS free tier (750 instance hours a
     * month, 20 GB, 12 months),
     * https://www.usage.ai/blogs/aws/reserved-instances/rds/free-tier-rds/ (2026-05-07).
     */
    static final long POSTGRES_ALLOCATED_STORAGE_GB = 20;

    /**
     * RDS gp3 storage, $0.115 per GB-month:
     * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_OnDemandDBInstances.html and
     * usage.ai's RDS pricing page (June 2026).
     */
    static final long POSTGRES_STORAGE_MICROS_PER_GB_MONTH = 115_000L;

    /**
     * Bytes a PostgreSQL ledger row takes beyond its data. NOTE: an estimate, not a measured
     * figure: a 24-byte tuple header and a 4-byte line pointer, and about 70 bytes of entries in
     * the primary-key and (email, timestamp) B-tree indexes.
     */
    static final long POSTGRES_ROW_OVERHEAD_BYTES = 100L;

    /**
     * The server's {@code max_connections} on a db.t4g.micro, 112: RDS's default formula
     * {@code LEAST({DBInstanceClassMemory/9531392}, 5000)}, from the max_connections page of
     * AWS Prescriptive Guidance, "Tuning PostgreSQL parameters" (read 2026-12-06; docs/models.md
     * links it), applied to the class's 1 GiB, as in the table of
     * https://tech.ray247k.com/en/blog/202509-amazon-rds-db-connection-limits (2025-09, read
     * 2026-12-06). NOTE: an upper estimate, as AWS publishes no figure per class:
     * DBInstanceClassMemory is the memory left after the operating system and RDS's processes,
     * less than 1 GiB, so a live instance reports fewer.
     */
    static final long POSTGRES_MAX_CONNECTIONS = 112;

    /**
     * Connection slots the proxy's role cannot take, 5: {@code superuser_reserved_connections}
     * (3) plus {@code rds.rds_superuser_reserved_connections} (2), the RDS defaults,
     * https://aws.amazon.com/premiumsupport/knowledge-center/rds-postgresql-error-connection-slots/
     * (last updated 2022-06-14, read 2026-12-06).
     */
    static final long POSTGRES_RESERVED_CONNECTIONS = 5;

    /**
     * EFS Standard storage, $0.30 per GB-month: https://aws.amazon.com/efs/pricing/ (read
     * December 2026).
     */
    static final long EFS_STORAGE_MICROS_PER_GB_MONTH = 300_000L;

    /**
     * EFS Elastic Throughput, $0.03 per GB read:
     * https://www.factualminds.com/blog/amazon-efs-pricing-throughput-modes-storage-classes/
     * (2026-06-13).
     */
    static final long EFS_READ_MICROS_PER_GB = 30_000L;

    /** EFS Elastic Throughput, $0.06 per GB written, from the same source. */
    static final long EFS_WRITE_MICROS_PER_GB = 60_000L;

    /**
     * SQLite's default page size since version 3.12.0 (2016-03-29), 4,096 bytes: the release log,
     * https://www.chiark.greenend.org.uk/doc/sqlite3/releaselog/3_12_1.html (read 2026-12).
     */
    static final long SQLITE_PAGE_BYTES = 4_096L;

    /**
     * Bytes a SQLite ledger row takes beyond its data. NOTE: an estimate, not a measured
     * figure: a record header and cell pointer, and an (email, timestamp) index entry.
     */
    static final long SQLITE_ROW_OVERHEAD_BYTES = 60L;

    /**
     * How long a statement waits for the write lock, 5 s. NOTE: an assumption. SQLite itself
     * waits 0 ms unless a busy timeout is set; 5 s is the default timeout of Python's sqlite3
     * module, as its documentation states, quoted in
     * https://www.python.org/pipermail/docs/2016-May/026571.html (read 2026-12).
     */
    static final Duration SQLITE_BUSY_TIMEOUT = Duration.ofSeconds(5);

    /** Retries of a statement that failed as SQLITE_BUSY. NOTE: an assumption. */
    static final long SQLITE_MAXIMUM_RETRIES = 3;

    /**
     * On-demand price of one cache.t3.micro ElastiCache node in us-east-1, about $0.017 per
     * hour: https://dragonflydb.io/finops/elasticache/cache.t3.micro (read December 2026). AWS
     * bills node-based clusters "hourly per node", https://aws.amazon.com/elasticache/pricing/
     * (read December 2026). NOTE: approximate; the price varies by region and engine, and the
     * 12-month free tier of 750 node hours a month is left out.
     */
    static final long REDIS_NODE_MICROS_PER_HOUR = 17_000L;

    /** Redis cache nodes. NOTE: an assumption, the smallest cluster; the plan gives none. */
    static final int REDIS_NODES = 1;

    /** How long a cached balance stays fresh: the plan's Option 7, "Cache TTL: 5 minutes". */
    static final Duration REDIS_TTL = Duration.ofMinutes(5);

    /**
     * Latency of one Redis round trip, 1 ms: the plan's Option 7 states "Redis = sub-millisecond
     * latency", and scenario durations are whole milliseconds. NOTE: an assumption.
     */
    static final Duration REDIS_LATENCY = Duration.ofMillis(1);

    /** Age of the rows the archive job moves: the plan's Option 3, "Active Sheet: Last 90 days". */
    static final Duration ARCHIVE_KEEP = Duration.ofDays(90);

    /** Time between archive runs: the plan's Option 3, "Monthly Cron Job". */
    static final Duration ARCHIVE_EVERY = Duration.ofDays(30);

    /** Time of day at which an archive run starts, 03:00. NOTE: an assumption. */
    static final Duration ARCHIVE_STARTS_AT = Duration.ofHours(3);

    private Defaults() {
    }
}
