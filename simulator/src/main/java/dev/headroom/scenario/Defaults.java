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
     * "Limit Check"). Current Google documentation gives no tab limit; 200 sheets per workbook
     * was the limit of the old Google Sheets, quoted in
     * https://github.com/tienfuc/gdcmdtools/issues/31 (2014).
     */
    static final int TABS_PER_WORKBOOK = 200;

    /**
     * Cells per workbook over every tab's grid: Google raised the limit to ten million in March
     * 2022, https://workspaceupdates.googleblog.com/2022/03/ten-million-cells-google-sheets.html .
     */
    static final long CELLS_PER_WORKBOOK = 10_000_000L;

    /**
     * Grid of a tab added with only a title, 1,000 rows by 26 columns:
     * https://github.com/burnash/gspread/pull/704 (2019).
     */
    static final int DEFAULT_GRID_ROWS = 1_000;

    /** Columns of a tab added with only a title; see {@link #DEFAULT_GRID_ROWS}. */
    static final int DEFAULT_GRID_COLUMNS = 26;

    /**
     * Read and write requests per minute per project, and per user per project:
     * https://developers.google.com/workspace/sheets/api/limits (read 2026-04-23).
     */
    static final int QUOTA_PER_PROJECT = 300;

    /** Requests per minute per user per project; see {@link #QUOTA_PER_PROJECT}. */
    static final int QUOTA_PER_USER = 60;

    /**
     * Cap on one backoff wait: Google's limits page says the maximum backoff "is typically 32 or
     * 64 seconds", https://developers.google.com/workspace/sheets/api/limits (read 2026-04-23).
     */
    static final Duration MAXIMUM_BACKOFF = Duration.ofSeconds(64);

    /**
     * Retries after the first attempt. NOTE: Google's page asks for a cap on the number of
     * retries but gives no number; five is an assumption.
     */
    static final int MAXIMUM_RETRIES = 5;

    /** Balance cache lifetime: the plan's "Cached for 30 seconds to reduce API calls". */
    static final Duration BALANCE_CACHE_TTL = Duration.ofSeconds(30);

    /**
     * Storage price per GB-month of a DynamoDB Standard table:
     * https://aws.amazon.com/dynamodb/pricing/ (current in 2026).
     */
    static final long DYNAMODB_STORAGE_MICROS_PER_GB_MONTH = 250_000L;

    /** Item bytes of a DynamoDB ledger item: the plan's "500 bytes/transaction". */
    static final long DYNAMODB_ITEM_BYTES = 500L;

    /**
     * Archive age: the plan's "Move >90 day old transactions" to S3 (plan of 2024-10-25, Phase 4).
     */
    static final Duration ARCHIVE_AGE = Duration.ofDays(90);

    /**
     * S3 Standard storage per GB-month for the first 50 TB, $0.023:
     * https://aws.amazon.com/s3/pricing/ ; the plan quotes the same price.
     */
    static final long S3_MICROS_PER_GB_MONTH = 23_000L;

    private Defaults() {
    }
}
