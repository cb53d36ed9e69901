package dev.headroom.bench;

import java.util.function.ToLongFunction;

/** A way to keep a user's balance readable, compared by {@link BalanceBenchmark}. */
public enum BalanceDesign {
    /** Sum over all of the user's rows on each read, the scaling plan's design. */
    SUM_ALL_ROWS,
    /** One stored balance per user, updated in the same database transaction as each row. */
    RUNNING_BALANCE,
    /**
     * A stored balance as of a cut-off plus the sum of the rows after it, like keeping recent
     * rows active and archiving older ones with their sum.
     */
    SNAPSHOT_RECENT;

    /** Returns the read of this design on {@code reads}. */
    ToLongFunction<String> reader(BalanceReads reads) {
        return switch (this) {
            case SUM_ALL_ROWS -> reads::sumAllRows;
            case RUNNING_BALANCE -> reads::runningBalance;
            case SNAPSHOT_RECENT -> reads::snapshotPlusRecent;
        };
    }
}
