package dev.headroom.ledger;

/** Thrown when the store has reached a capacity limit, such as tabs or cells per workbook. */
public final class CapacityReachedException extends LedgerException {

    /** Capacity limits a store can reach. */
    public enum Limit {
        /** The maximum number of tabs that a workbook may hold. */
        TABS,
        /** The maximum number of grid cells in a workbook, summed over all tabs. */
        CELLS
    }

    private final Limit limit;

    public CapacityReachedException(Limit limit, String message, Throwable cause) {
        super(message, cause);
        this.limit = limit;
    }

    public CapacityReachedException(Limit limit, String message) {
        this(limit, message, null);
    }

    /** Returns which limit was reached. */
    public Limit limit() {
        return limit;
    }
}
