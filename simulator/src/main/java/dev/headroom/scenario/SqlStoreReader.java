package dev.headroom.scenario;

import java.time.Duration;

/** Maps the {@code postgres} and {@code sqlite_efs} mappings of a scenario file. */
final class SqlStoreReader {

    /**
     * The maximum allocated storage, in GiB: 64 TiB, the largest storage volume of an RDS
     * instance (read December 2026):
     * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIOPS.ModifyingExisting.html
     */
    static final long MAX_ALLOCATED_GB = 65_536;

    /** PostgreSQL's largest {@code max_connections}, 262,143 (2^18 - 1). */
    static final long MAX_CONNECTIONS = 262_143;

    /** SQLite's largest page size, 65,536 bytes. Its smallest is 512 bytes. */
    static final long MAX_PAGE_BYTES = 65_536;

    /** The maximum overhead of a row, 1 MiB: far above any real row header and index entry. */
    private static final long MAX_ROW_OVERHEAD_BYTES = 1L << 20;

    private SqlStoreReader() {
    }

    static PostgresSettings postgres(Section section) {
        long instance = section.money("instance_price_per_hour",
                Defaults.POSTGRES_INSTANCE_MICROS_PER_HOUR, 0, null);
        long freeMonths = section.count("free_tier_months", Defaults.POSTGRES_FREE_TIER_MONTHS,
                0, 1_200, null);
        // NOTE: RDS for PostgreSQL allocates at least 20 GiB of gp2 or gp3 storage, as the
        // CreateDBInstance reference states. Smaller values are accepted as what-ifs that fill
        // the storage sooner, and price storage that RDS would not provision.
        long allocated = section.count("allocated_storage_gb",
                Defaults.POSTGRES_ALLOCATED_STORAGE_GB, 1, MAX_ALLOCATED_GB, null);
        long storage = section.money("storage_price_per_gb_month",
                Defaults.POSTGRES_STORAGE_MICROS_PER_GB_MONTH, 0, null);
        long freeGb = section.count("free_storage_gb", 0, 0, MAX_ALLOCATED_GB, null);
        long overhead = section.bytes("row_overhead_bytes", Defaults.POSTGRES_ROW_OVERHEAD_BYTES,
                0, MAX_ROW_OVERHEAD_BYTES, null, null);
        BalanceDesign design = section.choice("balance_design", BalanceDesign.QUERY_SUM,
                BalanceDesign.class, null);
        Latency latency = StoreReader.latency(section.section("latency"), "per_thousand_rows");
        long maxConnections = section.count("max_connections", Defaults.POSTGRES_MAX_CONNECTIONS,
                1, MAX_CONNECTIONS, null);
        long reserved = section.count("reserved_connections",
                Defaults.POSTGRES_RESERVED_CONNECTIONS, 0, MAX_CONNECTIONS, null);
        if (reserved >= maxConnections) {
            // A value already reported invalid was replaced by its default, and comparing it
            // would report a second problem that the file does not have.
            boolean readable = !section.hasProblem("max_connections")
                    && !section.hasProblem("reserved_connections");
            if (readable && section.has("reserved_connections")
                    && section.has("max_connections")) {
                section.problem("reserved_connections", reserved + " reserved connections leave"
                        + " none of max_connections " + maxConnections + " for the proxy;"
                        + " reserve fewer than " + maxConnections + " or raise max_connections");
            } else if (readable && section.has("reserved_connections")) {
                section.problem("reserved_connections", reserved + " reserved connections leave"
                        + " none of the default max_connections " + maxConnections + " for the"
                        + " proxy; reserve fewer than " + maxConnections + " or set"
                        + " max_connections above " + reserved);
            } else if (readable) {
                // The file leaves reserved_connections out, so point at the value it wrote.
                section.problem("max_connections", "max_connections " + maxConnections
                        + " leaves no connection for the proxy after the default " + reserved
                        + " reserved_connections; raise max_connections above " + reserved
                        + " or set reserved_connections below " + maxConnections);
            }
            reserved = 0;
        }
        section.finish();
        return new PostgresSettings(instance, freeMonths, allocated, storage, freeGb, overhead,
                design, latency, maxConnections, reserved);
    }

    static SqliteEfsSettings sqliteEfs(Section section) {
        long storage = section.money("storage_price_per_gb_month",
                Defaults.EFS_STORAGE_MICROS_PER_GB_MONTH, 0, null);
        long read = section.money("read_price_per_gb", Defaults.EFS_READ_MICROS_PER_GB, 0, null);
        long write = section.money("write_price_per_gb", Defaults.EFS_WRITE_MICROS_PER_GB, 0,
                null);
        long page = section.bytes("page_bytes", Defaults.SQLITE_PAGE_BYTES, 512, MAX_PAGE_BYTES,
                "SQLite's largest page size", null);
        if (page != Long.highestOneBit(page)) {
            section.problem("page_bytes", "invalid page size: " + page + " bytes is not a power"
                    + " of two; use one from 512B to 64KiB, such as 4KiB");
        }
        long overhead = section.bytes("row_overhead_bytes", Defaults.SQLITE_ROW_OVERHEAD_BYTES,
                0, MAX_ROW_OVERHEAD_BYTES, null, null);
        BalanceDesign design = section.choice("balance_design", BalanceDesign.QUERY_SUM,
                BalanceDesign.class, null);
        Latency latency = StoreReader.latency(section.section("latency"), "per_thousand_rows");
        Duration busyTimeout = section.duration("busy_timeout", Defaults.SQLITE_BUSY_TIMEOUT,
                Duration.ZERO, Duration.ofHours(1), null);
        long retries = section.count("maximum_retries", Defaults.SQLITE_MAXIMUM_RETRIES, 0, 100,
                null);
        section.finish();
        return new SqliteEfsSettings(storage, read, write, page, overhead, design, latency,
                busyTimeout, retries);
    }
}
