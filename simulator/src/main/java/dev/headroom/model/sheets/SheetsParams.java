package dev.headroom.model.sheets;

import dev.headroom.model.latency.LatencyParams;
import dev.headroom.sheets.limits.GoogleBackoff;
import dev.headroom.sheets.limits.Grid;
import dev.headroom.sheets.limits.GridBudget;
import dev.headroom.sheets.limits.QuotaLimits;
import dev.headroom.sheets.limits.TabGuard;
import dev.headroom.sheets.limits.WindowKind;

/**
 * Settings of the Sheets ledger model.
 *
 * @param tabGuard the application's maximum tabs per workbook ({@link TabGuard#DEFAULT}: 200)
 * @param cellLimit Google's cells per workbook, counted over every tab's grid (10,000,000)
 * @param gridPolicy the grid a new tab gets
 * @param defaultGrid the grid of a tab added with only a title ({@link Grid#DEFAULT}: 1,000
 *     rows by 26 columns), which {@link GridPolicy#DEFAULT_GRID} tabs and preset tabs get
 * @param rowColumns columns of one usage row (the plan's rows have 10)
 * @param presetTabs tabs in each workbook before any user, each with the default grid
 *     (a new spreadsheet has one, {@code Sheet1}, unless it is deleted)
 * @param identity who makes the calls, which sets how the per-user quotas apply
 * @param quotas per-minute read and write quotas of the project
 * @param window whether a quota minute is a fixed clock minute or slides
 * @param backoff Google's backoff and the retry cap for throttled calls
 * @param readLatency latency of one read call (a tab count or a balance read), growing with
 *     the rows of the tab it touches
 * @param writeLatency latency of one write call (an added tab or an appended row), growing
 *     with the rows of the tab it touches
 */
public record SheetsParams(
        TabGuard tabGuard, long cellLimit, GridPolicy gridPolicy, Grid defaultGrid,
        int rowColumns, int presetTabs, CallerIdentity identity, QuotaLimits quotas,
        WindowKind window, GoogleBackoff backoff, LatencyParams readLatency,
        LatencyParams writeLatency) {

    public SheetsParams {
        if (tabGuard == null || gridPolicy == null || defaultGrid == null || identity == null
                || quotas == null || window == null || backoff == null || readLatency == null
                || writeLatency == null) {
            throw new IllegalArgumentException("a Sheets model setting is missing: tab guard,"
                    + " grid policy, default grid, identity, quotas, window, backoff, read"
                    + " latency and write latency are required");
        }
        if (cellLimit < 1) {
            throw new IllegalArgumentException("cell limit is " + cellLimit
                    + "; it must be positive");
        }
        if (rowColumns < 1) {
            throw new IllegalArgumentException("row width is " + rowColumns
                    + " columns; it must be at least 1");
        }
        if (presetTabs < 0) {
            throw new IllegalArgumentException("preset tabs are " + presetTabs
                    + "; there must be zero or more");
        }
    }

    /**
     * Returns the plan's settings with one latency for reads and writes: 200 tabs, 10,000,000
     * cells, tabs of Google's default grid, rows of 10 columns, no preset tab, one service
     * account, Google's default quotas in fixed minutes, and {@link GoogleBackoff#DEFAULT}.
     */
    public static SheetsParams plan(LatencyParams latency) {
        return new SheetsParams(TabGuard.DEFAULT, GridBudget.GOOGLE_CELL_LIMIT,
                GridPolicy.DEFAULT_GRID, Grid.DEFAULT, 10, 0,
                CallerIdentity.SERVICE_ACCOUNT, QuotaLimits.GOOGLE_DEFAULTS, WindowKind.FIXED,
                GoogleBackoff.DEFAULT, latency, latency);
    }
}
