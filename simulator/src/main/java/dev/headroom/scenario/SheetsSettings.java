package dev.headroom.scenario;

import java.util.Objects;

/**
 * Google Sheets limits, quotas, retries and latencies, shared by every workbook of a phase.
 *
 * @param tabsPerWorkbook the proxy's own guard: a workbook takes at most this many tabs
 * @param cellsPerWorkbook Google's limit on cells per workbook, counted over every tab's grid
 * @param defaultGridRows rows of a tab added with only a title
 * @param defaultGridColumns columns of a tab added with only a title
 * @param gridMode which grid a new tab gets
 * @param quotas the per-minute request quotas
 * @param quotaIdentity which identity each API call counts against
 * @param backoff how throttled calls are retried
 * @param readLatency latency of one read call
 * @param writeLatency latency of one write call
 */
public record SheetsSettings(
        int tabsPerWorkbook,
        long cellsPerWorkbook,
        int defaultGridRows,
        int defaultGridColumns,
        GridMode gridMode,
        SheetsQuotas quotas,
        QuotaIdentity quotaIdentity,
        Backoff backoff,
        Latency readLatency,
        Latency writeLatency) {

    /** Grids a new user's tab can get. */
    public enum GridMode {
        /**
         * The grid the plan's code gets: it adds a tab with only a title, so the tab takes the
         * default grid, and appends grow it from there.
         */
        DEFAULT_GRID,
        /**
         * The grid a careful adapter requests: one row of the row width, grown by appends.
         */
        SIZED_TO_ROW
    }

    /** Identities the per-user quotas can count each API call against. */
    public enum QuotaIdentity {
        /** Every call comes from one service account, which Google counts as one user. */
        SERVICE_ACCOUNT,
        /** Every end user's calls count against a quota of their own. */
        PER_END_USER
    }

    public SheetsSettings {
        Objects.requireNonNull(gridMode, "gridMode");
        Objects.requireNonNull(quotas, "quotas");
        Objects.requireNonNull(quotaIdentity, "quotaIdentity");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(readLatency, "readLatency");
        Objects.requireNonNull(writeLatency, "writeLatency");
    }
}
