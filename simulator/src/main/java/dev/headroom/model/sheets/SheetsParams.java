package dev.headroom.model.sheets;

import dev.headroom.model.latency.LatencyParams;
import dev.headroom.sheets.limits.GoogleBackoff;
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
 * @param rowColumns columns of one usage row (the plan's rows have 10)
 * @param presetTabs tabs in each workbook before any user, each with Google's default grid
 *     (a new spreadsheet has one, {@code Sheet1}, unless it is deleted)
 * @param identity who makes the calls, which sets how the per-user quotas apply
 * @param quotas per-minute read and write quotas of the project
 * @param window whether a quota minute is a fixed clock minute or slides
 * @param backoff Google's backoff and the retry cap for throttled calls
 * @param latency latency of one call, growing with the rows of the tab it touches
 */
public record SheetsParams(
        TabGuard tabGuard, long cellLimit, GridPolicy gridPolicy, int rowColumns, int presetTabs,
        CallerIdentity identity, QuotaLimits quotas, WindowKind window, GoogleBackoff backoff,
        LatencyParams latency) {

    public SheetsParams {
        if (tabGuard == null || gridPolicy == null || identity == null || quotas == null
                || window == null || backoff == null || latency == null) {
            throw new IllegalArgumentException("a Sheets model setting is missing: tab guard,"
                    + " grid policy, identity, quotas, window, backoff and latency are required");
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
     * Returns the plan's settings with the given latency: 200 tabs, 10,000,000 cells, the
     * default grid, rows of 10 columns, no preset tab, one service account, Google's default
     * quotas in fixed minutes, and {@link GoogleBackoff#DEFAULT}.
     */
    public static SheetsParams plan(LatencyParams latency) {
        return new SheetsParams(TabGuard.DEFAULT, GridBudget.GOOGLE_CELL_LIMIT,
                GridPolicy.DEFAULT_GRID, 10, 0,
                CallerIdentity.SERVICE_ACCOUNT, QuotaLimits.GOOGLE_DEFAULTS, WindowKind.FIXED,
                GoogleBackoff.DEFAULT, latency);
    }
}
