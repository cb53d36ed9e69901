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
     * On-demand price of one million DynamoDB write request units in us-east-1, $0.625, effective
     * 2024-11-01: https://aws.amazon.com/dynamodb/pricing/on-demand/ as restated by
     * https://airbyte.com/data-engineering-resources/dynamodb-pricing (2025-07-21).
     */
    static final long DYNAMODB_WRITE_MICROS_PER_MILLION = 625_000L;

    /** On-demand price of one million read request units, $0.125, from the same source. */
    static final long DYNAMODB_READ_MICROS_PER_MILLION = 125_000L;

    /** Item bytes of a DynamoDB ledger item: the plan's "500 bytes/transaction". */
    static final long DYNAMODB_ITEM_BYTES = 500L;

    /**
     * Archive age: the plan's "Move >90 day old transactions" to S3 (plan of 2024-10-25, Phase 4).
     */
    static final Duration ARCHIVE_AGE = Duration.ofDays(90);

    /**
     * S3 storage per GB-month, $0.023: the plan's "Archive to S3" price (Phase 4).
     */
    static final long S3_MICROS_PER_GB_MONTH = 23_000L;

    private Defaults() {
    }
}
