package dev.headroom.sheets.limits;

/**
 * Thrown when a call would break a Sheets limit. The message is the text Google returns for the
 * same case, so the emulator can send it unchanged.
 */
public final class SheetsLimitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The limit rules that can reject a call. */
    public enum Rule {
        /** Google's maximum number of cells in a workbook, counted over every tab's grid. */
        CELLS_PER_WORKBOOK,
        /** A write or read whose range lies outside the tab's grid. */
        OUTSIDE_GRID,
        /** Google's maximum number of characters in one cell. */
        CHARACTERS_PER_CELL,
        /** The application's own maximum number of tabs in a workbook. */
        TABS_PER_WORKBOOK
    }

    private final Rule rule;

    public SheetsLimitException(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** Returns the rule that rejected the call. */
    public Rule rule() {
        return rule;
    }
}
