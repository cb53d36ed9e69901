package dev.headroom.sheets.limits;

import dev.headroom.sheets.limits.SheetsLimitException.Rule;

/**
 * The application's own maximum number of tabs per workbook: before adding a tab, the proxy
 * counts the workbook's tabs and rejects the sign-up with {@code SHEET_LIMIT_REACHED} when the
 * count has reached the maximum. With the default of 200, the 201st tab is rejected.
 *
 * <p>Google's current documentation states no tab limit. The 200 is the limit of the old Google
 * Sheets, whose help page allowed 200 sheets per workbook (before 2014, quoted in gdcmdtools
 * issue 31, https://github.com/tienfuc/gdcmdtools/issues/31, read 2026-12). The proxy kept it
 * as its own guard.
 *
 * @param maxTabs the largest number of tabs a workbook may hold, at least 1
 */
public record TabGuard(int maxTabs) {

    /** The proxy's error code for a full workbook. */
    public static final String ERROR_CODE = "SHEET_LIMIT_REACHED";

    /** The proxy's maximum of 200 tabs per workbook. */
    public static final TabGuard DEFAULT = new TabGuard(200);

    public TabGuard {
        if (maxTabs < 1) {
            throw new IllegalArgumentException("maxTabs must be at least 1, got " + maxTabs);
        }
    }

    /** Returns whether a workbook that contains {@code currentTabs} tabs may get one more. */
    public boolean admitsNewTab(int currentTabs) {
        return currentTabs < maxTabs;
    }

    /**
     * Checks that a workbook containing {@code currentTabs} tabs may get one more.
     *
     * @throws SheetsLimitException with rule {@link Rule#TABS_PER_WORKBOOK} when it is full
     */
    public void requireRoomForTab(int currentTabs) {
        if (!admitsNewTab(currentTabs)) {
            throw new SheetsLimitException(Rule.TABS_PER_WORKBOOK, ERROR_CODE
                    + ": the workbook contains " + currentTabs + " tabs, the maximum is " + maxTabs
                    + "; place the user in another workbook");
        }
    }
}
